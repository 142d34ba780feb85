"""Weeks in which a series does not meet: no talk, so no title, speaker or series (invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes
from extractor.announcement import parse_announcement
from extractor.fields.talk_kind import is_non_talk, says_no_meeting
from extractor.reading.ics import VeventView

_EVENT = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\n"
          "DTSTART:20260423T160000Z\r\nSUMMARY:{summary}\r\nDESCRIPTION:{description}\r\n"
          "END:VEVENT\r\nEND:VCALENDAR\r\n")


@pytest.mark.parametrize("summary,description", [
    # the SUMMARY only says "Seminar"; the text's first line says there is none this week
    ("Seminar", "no seminar this week - lab retreat at the coast"),
    # "no seminar" in Swedish, Finnish and Croatian
    ("Inget seminarium", "Nästa seminarium: 7 maj."),
    ("Ei seminaaria", "Seuraava seminaari pidetään toukokuussa."),
    ("Nema seminara", "Sljedeći seminar održava se u svibnju."),
    # the break's name, then a dash and that there is no meeting
    ("Osterferien – kein Kolloquium", "Nächster Termin: 16. April."),
    # the seminar is suspended (Italian) or drops out (German) for a holiday
    ("Seminario sospeso – Festa della Liberazione", "Il prossimo incontro si terrà il 30 aprile."),
    ("Kolloquium entfällt (Pfingstferien)", "Nächster Termin: 11. Juni."),
])
def test_a_week_without_a_meeting_has_no_talk(summary: str, description: str) -> None:
    record, = extract_bytes(_EVENT.format(summary=summary, description=description).encode(),
                            path="feed.ics")
    assert (record["title"], record["series"], record["speakers"]) == (None, None, [])


@pytest.mark.parametrize("summary", ["No-till farming: a talk", "Nemanja Roe: Tides"])
def test_a_no_word_alone_says_nothing(summary: str) -> None:
    assert not says_no_meeting(summary)


@pytest.mark.parametrize("summary,description", [
    ("Members' winter braai", "Our winter get-together around the fire at the Education Centre. Bring "
     "your own meat and drinks; the Society supplies fires, salads and dessert. No speeches, we promise. "
     "R120 per adult, children free. Please tell the secretary by Friday how many of you are coming."),
    ("Outing: Bird ringing at the dam", "Early-morning outing to watch a ringing session with the "
     "ringing group. See how birds are caught in mist nets, measured and ringed, and learn what "
     "ringing recoveries tell us about migration. Bring binoculars, a hat and something warm to wear."),
    ("Members' Christmas Social", "Our traditional end-of-year gathering: mulled wine, mince pies, the "
     "photographic competition results and the famous bring-a-plant raffle. Partners and friends "
     "welcome. Our first lecture of the new year is on 13 January, on the mosses of old walls."),
    ("Deadline: Call for Papers – Graduate Conference", "Abstracts of at most 300 words for the "
     "ninth graduate conference in music theory (14–15 October) are due today. Please send them as "
     "a PDF to the organising committee; decisions will be sent to all applicants by the end of June."),
])
def test_a_social_an_outing_or_a_deadline_is_no_talk(summary: str, description: str) -> None:
    view = VeventView(index=0, summary=summary, description=description)
    assert is_non_talk(parse_announcement(view))
