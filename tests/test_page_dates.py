"""A web page's schema.org start lends its zone to the time its text gives (pages invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_text

_PAGE = """<html><head><title>Colloquium</title></head><body>
{data}
<h1>Random walks on groups</h1>
<p><strong>When:</strong> Thursday, October 8, 2026, {when}</p>
<p><strong>Where:</strong> Room 115, Pellow Hall</p>
</body></html>"""
_MICRODATA = ('<meta itemprop="startDate" content="2026-10-08T16:00:00-04:00">'
              '<meta itemprop="endDate" content="2026-10-08T17:00:00-04:00">')
_JSON_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "EducationEvent", "startDate": "2026-10-08T16:00:00-04:00"}]}</script>')


@pytest.mark.parametrize(("data", "when", "start", "end"), [
    # the text leaves the zone out: the page's data lends its offset
    (_MICRODATA, "4:00–5:00 pm", "2026-10-08T16:00:00-04:00", "2026-10-08T17:00:00-04:00"),
    # data with a start only: the text's end on the same day takes the start's offset
    (_JSON_LD, "4:00–5:00 pm", "2026-10-08T16:00:00-04:00", "2026-10-08T17:00:00-04:00"),
    # the text states its own zone, or another time: the text wins
    (_MICRODATA, "4:00–5:00 pm Pacific Time", "2026-10-08T16:00:00-07:00", "2026-10-08T17:00:00-07:00"),
    (_MICRODATA, "6:00–7:00 pm", "2026-10-08T18:00:00", "2026-10-08T19:00:00"),
    ("", "4:00–5:00 pm", "2026-10-08T16:00:00", "2026-10-08T17:00:00"),
])
def test_the_pages_data_lends_its_zone(data: str, when: str, start: str, end: str) -> None:
    record = extract_text(_PAGE.format(data=data, when=when), kind="html")
    assert (record["start"], record["end"]) == (start, end)


def test_open_graph_event_tags_give_the_day_and_zone_of_a_time_without_a_year() -> None:
    # A ticketing page: "Thursday, October 8 · 4 - 5pm" and the day's data only in its tags.
    page = ('<html><head><meta property="event:start_time" content="2026-10-08T16:00:00-04:00">'
            "</head><body><h1>Random walks on groups</h1><p>Thursday, October 8 · 4 - 5pm</p>"
            "<p>Speaker: Ada Roe</p></body></html>")
    record = extract_text(page, kind="html")
    assert (record["start"], record["end"]) == ("2026-10-08T16:00:00-04:00", "2026-10-08T17:00:00-04:00")


def test_the_pages_data_says_which_of_the_texts_times_is_the_talks() -> None:
    data = ('<script type="application/ld+json">{"@type": "VisualArtsEvent", '
            '"startDate": "2026-10-08T16:00:00-04:00", "endDate": "2026-10-08T17:00:00-04:00"}</script>')
    page = _PAGE.format(data=data, when="4:00–5:00 pm").replace(
        "<h1>", "<p>Open daily 9:30–5 · Thursdays until 9</p><h1>")
    record = extract_text(page, kind="html")
    assert (record["start"], record["end"]) == ("2026-10-08T16:00:00-04:00", "2026-10-08T17:00:00-04:00")
