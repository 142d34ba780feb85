"""Static-site pages (Jekyll, Hugo, Quarto, blogdown): what their front matter says of a talk.

Every page here is invented. Each row names the theme shape it stands for.
"""
from __future__ import annotations

from typing import Any

import pytest

from extractor.api import extract_bytes
from extractor.reading.front_matter import front_matter_facts, read_front_matter

_BODY = "\n## Abstract\n\nGrains stick together when a little water bridges them.\n"

PAGES = [
    pytest.param(
        "---\nlayout: event\ntitle: \"Who reads your messages?\"\nspeaker: Ada Roe-Park\n"
        "date: 2026-11-19T18:30:00\ntime: \"6:30 pm – 7:45 pm\"\n---\n",
        {"start": "2026-11-19T18:30:00", "end": "2026-11-19T19:45:00"},
        id="a-time-key-with-the-end-in-it"),
    pytest.param(
        "+++\ntitle = \"Spin qubits\"\ndate = 2026-02-12T16:00:00\nspeaker = \"Bo Lindqvist-Ade\"\n+++\n"
        "\nThe colloquium takes place on Thursday, 12 February, from 16:00 to 17:00.\n",
        {"start": "2026-02-12T16:00:00", "end": "2026-02-12T17:00:00"},
        id="the-body-ends-what-the-front-matter-starts"),
    pytest.param(
        "---\ntitle: \"Percolação em grafos\"\nevent_date: 2026-03-19\nspeaker: Cy Marlowe-Tan\n---\n"
        "\n**Data:** quinta-feira, 19 de março de 2026, das 14h00 às 15h00\n",
        {"start": "2026-03-19T14:00:00", "end": "2026-03-19T15:00:00"},
        id="a-portuguese-range-in-the-body"),
    pytest.param(
        "---\nlayout: event\ntitle: \"Why wet sand holds\"\nspeaker: Dr. Ada Roe-Park\n"
        "affiliation: University of Example\ndate: 2026-02-19\ntime: \"3:30 pm\"\n"
        "end_time: \"4:30 pm\"\nroom: \"Lecture Room 3, Physics West\"\nseries: soft-matter\n---\n",
        {"title": "Why wet sand holds", "speakers": [("Ada Roe-Park", "University of Example")],
         "start": "2026-02-19T15:30:00", "end": "2026-02-19T16:30:00",
         "location": "Lecture Room 3, Physics West", "series": None},
        id="jekyll-event-collection-keys"),
    pytest.param(
        "+++\ntitle = \"Listening for leaks\"\ndate = 2026-05-07T11:00:00\nduration = \"60 min\"\n"
        "series = [\"Infrastructure Seminar\"]\nvenue = \"Room G.07, Example Building\"\n\n"
        "[[speakers]]\n  name = \"Bo Lindqvist-Ade\"\n  affiliation = \"Example Water Authority\"\n\n"
        "[[speakers]]\n  name = \"Cy Marlowe-Tan\"\n  affiliation = \"Example University\"\n+++\n",
        {"title": "Listening for leaks", "series": "Infrastructure Seminar",
         "speakers": [("Bo Lindqvist-Ade", "Example Water Authority"),
                      ("Cy Marlowe-Tan", "Example University")],
         "start": "2026-05-07T11:00:00", "end": "2026-05-07T12:00:00",
         "location": "Room G.07, Example Building"},
        id="hugo-toml-speaker-tables-and-duration"),
    pytest.param(
        "---\ntitle: \"Persistent homology for rivers\"\nevent: Applied Topology Seminar\n"
        "location: Room 2.14, Example Building\nabstract: \"Braided rivers split and rejoin so often that their channels change from one "
        "flood to the next.\"\n"
        "date: '2026-04-14T15:30:00-03:00'\ndate_end: '2026-04-14T16:30:00-03:00'\n"
        "publishDate: '2026-03-30T09:00:00Z'\n---\n",
        {"title": "Persistent homology for rivers", "series": "Applied Topology Seminar",
         "start": "2026-04-14T15:30:00-03:00", "end": "2026-04-14T16:30:00-03:00",
         "location": "Room 2.14, Example Building", "abstract": "Braided rivers split and rejoin so often that their channels change "
                     "from one flood to the next."},
        id="hugo-academic-event-page-keeps-the-offset"),
    pytest.param(
        "---\ntitle: \"Panel: Reproducibility in small labs\"\ndate: '2026-04-02'\n"
        "event:\n  starts: \"2026-04-23 17:30\"\n  ends: \"2026-04-23 19:00\"\n"
        "  venue: \"Hub Room, Example Library\"\nspeakers:\n  - name: \"Dr. Ada Roe-Park\"\n"
        "    affiliation: \"Example Institute of Technology\"\n  - name: \"Bo Lindqvist-Ade\"\n"
        "    affiliation: ~\n---\n",
        {"start": "2026-04-23T17:30:00", "end": "2026-04-23T19:00:00",
         "location": "Hub Room, Example Library",
         "speakers": [("Ada Roe-Park", "Example Institute of Technology"), ("Bo Lindqvist-Ade", None)]},
        id="blogdown-nested-event-block-and-speaker-list"),
    pytest.param(
        "---\nlayout: actividad\ntitle: \"Ríos atmosféricos y sequía\"\n"
        "ponente: \"Dra. Ximena Roe-Park\"\ninstitucion: \"Instituto de Ejemplo\"\n"
        "fecha: \"2026-03-12\"\nhora_inicio: \"18:30\"\nhora_fin: \"20:00\"\n"
        "lugar: \"Salón de Actos, Ateneo de Ejemplo\"\n---\n",
        {"title": "Ríos atmosféricos y sequía", "speakers": [("Ximena Roe-Park", "Instituto de Ejemplo")],
         "start": "2026-03-12T18:30:00", "end": "2026-03-12T20:00:00",
         "location": "Salón de Actos, Ateneo de Ejemplo"},
        id="spanish-keys"),
    pytest.param(
        "---\nlayout: post\ntitle: \"Ada Roe-Park — Counting lichens from orbit\"\n"
        "date: 2026-01-20 10:12:00 +0100\n---\n\nOur first lunch talk is on Tuesday 3 February, "
        "12:15–13:00, in Room K2.\n",
        {"title": "Counting lichens from orbit", "speakers": [("Ada Roe-Park", None)],
         "start": "2026-02-03T12:15:00"},
        id="post-headline-names-the-speaker-then-the-title"),
    pytest.param(
        "---\nlayout: post\ntitle: Noted Author To Discuss Comets At Example College\n"
        "author: Press Office\ndate: 2026-01-20\n---\n\nThe talk is on Tuesday, January 27, at 8 p.m.\n",
        {"title": None, "start": "2026-01-27T20:00:00"},
        id="press-release-headline-is-no-title-and-dates-the-weekday"),
]


def _speakers(record: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(p["name"], p["affiliation"]) for p in record["speakers"]]


@pytest.mark.parametrize("page,expected", PAGES)
def test_front_matter_pages(page: str, expected: dict[str, Any]) -> None:
    record, = extract_bytes((page + _BODY).encode(), path="page.md")
    got = {"speakers": _speakers(record), **{k: record[k] for k in expected if k != "speakers"}}
    if "abstract" in expected:
        got["abstract"] = record["abstract"]
    assert {k: got[k] for k in expected} == expected


def test_unreadable_yaml_falls_back_to_its_top_level_lines() -> None:
    # An unquoted colon in a value is not YAML; its "key: value" lines are still read.
    data = read_front_matter("---\ntitle: Talk: a sequel\nspeaker: Ada Roe\nroom: [Hall 4\n---\nBody")
    assert data == {"title": "Talk: a sequel", "speaker": "Ada Roe", "room": "[Hall 4"}


def test_a_post_without_event_keys_is_no_event_page() -> None:
    facts = front_matter_facts({"title": "News", "date": "2026-01-20", "author": "Press Office"})
    assert not facts.is_event_page and facts.day is None


@pytest.mark.parametrize("key", ["date", "pubDate", "published_at", "publishDate"])
def test_a_posts_own_date_gives_the_year_of_the_talks_day(key: str) -> None:
    page = (f"---\ntitle: Astronomer to give lecture\n{key}: 2026-01-22T14:30:00.000Z\n---\n\n"
            "Ada Roe will deliver a public lecture at 7:30 p.m. Friday, Feb. 6, in the Orrery Room.\n")
    record, = extract_bytes(page.encode(), path="release.md")
    assert record["start"] == "2026-02-06T19:30:00"


_PANEL = "A panel on robot cars with Ada Roe.\n\nWednesday, May 17 · 6:30–8:00 pm\n"


@pytest.mark.parametrize("head,body,start,end", [
    # a post with a place, dated a week before the day its text gives: the text's day
    ("date: 2023-05-10 09:00:00 -0400\nlocation:\n  name: Lakeshore Makers Guild", _PANEL,
     "2023-05-17T18:30:00", "2023-05-17T20:00:00"),
    # an event block's date and time, not the post's own date
    ("date: 2013-09-30T21:15:00\nevent:\n  date: 2013-10-10\n  time: \"7:00 PM\"",
     "A talk by Ada Roe.\n", "2013-10-10T19:00:00", None),
    # a start time that holds its own day
    ("date: 2009-09-10\nstart_time: \"2009-09-24 7:00 PM\"\nend_time: \"2009-09-24 8:30 PM\"",
     "A talk by Ada Roe.\n", "2009-09-24T19:00:00", "2009-09-24T20:30:00"),
    # a post whose date is the event's keeps it
    ("date: 2024-03-14T18:30:00\nendDate: 2024-03-14T20:00:00\nlocation:\n  venue: Main Library",
     "A talk by Ada Roe.\n\nThursday, March 14, 6:30–8:00 pm\n", "2024-03-14T18:30:00",
     "2024-03-14T20:00:00"),
])
def test_which_date_of_a_post_is_the_events(head: str, body: str, start: str, end: str | None) -> None:
    page = f"---\ntitle: Robots on the street\n{head}\n---\n\n{body}"
    record, = extract_bytes(page.encode(), path="post.md")
    assert (record["start"], record["end"]) == (start, end)


def test_a_table_of_two_columns_is_read_as_labelled_lines() -> None:
    page = ("+++\ntitle = \"Vortrag: Moore als Klimaschützer\"\nreihe = \"Umweltforum\"\n+++\n\n"
            "Entwässerte Moore sind große Quellen von Treibhausgasen. Die Referentin zeigt, wie "
            "schnell sich Emissionen nach einer Wiedervernässung verringern.\n\n"
            "### Zur Person\n\nAda Roe-Park leitet das Referat Moorschutz.\n\n"
            "### Auf einen Blick\n\n| | |\n|---|---|\n"
            "| **Termin** | Mittwoch, 21. Oktober 2026, 18.00–19.30 Uhr |\n"
            "| **Ort** | Hörsaal 3, Alte Mensa |\n| **Eintritt** | frei, keine Anmeldung |\n")
    record, = extract_bytes(page.encode(), path="page.md")
    assert (record["start"], record["location"], record["price"]["is_free"]) == \
        ("2026-10-21T18:00:00", "Hörsaal 3, Alte Mensa", True)
    assert record["abstract"].startswith("Entwässerte Moore") and "leitet" not in record["abstract"]


@pytest.mark.parametrize("head", [
    # values of the wrong type or out of range are passed over; the page is still a record
    "---\ntitle: [a, b]\nspeaker: [1, 2]\ndate: 2026-13-45\ntime: 99:99\nroom: {name: [x]}\n---\n",
    "+++\ntitle = 5\ndate = 2026-05-07T11:00:00Z\nend = \"yesterday\"\nduration = \"forever\"\n+++\n",
    "---\n: bad\n- a list at the top\n---\n",
    "---\nevent: &a {x: 1}\nspeaker: *a\ndate: \"2026-02-19 25:00\"\n---\n",
    # a post's impossible date beside the day its text names
    "---\ntitle: A panel\ndate: 2026-13-45 09:00\nlocation:\n  name: Guild Hall\n---\n",
])
def test_malformed_front_matter_still_gives_a_record(head: str) -> None:
    record, = extract_bytes((head + "Body text, Wednesday, May 17.\n").encode(), path="page.md")
    assert "error" not in record


def test_an_end_before_the_start_is_dropped() -> None:
    page = "---\nspeaker: Ada Roe\ndate: 2026-02-19\ntime: \"3:30 pm\"\nend_time: \"2:00 pm\"\n---\nBody.\n"
    record, = extract_bytes(page.encode(), path="page.md")
    assert (record["start"], record["end"]) == ("2026-02-19T15:30:00", None)


def test_a_page_without_front_matter_opening_on_a_heading_over_its_speaker() -> None:
    page = ("# Fungal networks as carbon highways?\n\n**Speaker:** Dr. Ada Roe-Park, Example "
            "Institute\n**When:** Tuesday 24 February 2026, 12:00–13:00\n")
    record, = extract_bytes((page + _BODY).encode(), path="README.md")
    assert record["title"] == "Fungal networks as carbon highways?"
    headline = "# Historian to speak on river towns\n\nAda Roe-Park will speak on Tuesday.\n"
    record, = extract_bytes((headline + _BODY).encode(), path="news.md")
    assert record["title"] != "Historian to speak on river towns"


def test_an_event_date_key_written_in_camel_case_makes_an_event_page() -> None:
    page = ("---\ntitle: \"Science at Home #3: How Models Work\"\ndate: 2020-05-07T12:00:00-04:00\n"
            "eventDate: 2020-05-14\n---\n\nThe third of our talks is with Dr. Ada Roe.\n")
    record, = extract_bytes(page.encode(), path="post.md")
    assert (record["title"], record["series"]) == ("How Models Work", "Science at Home")


def test_the_month_before_a_monthly_talks_title_goes() -> None:
    page = ("---\ntitle: \"February: Why Do We Dream?\"\nevent_date: 2015-02-17\nspeaker: Ada Roe-Quist\n"
            "---\n\nDr Ada Roe-Quist on sleep.\n")
    record, = extract_bytes(page.encode(), path="post.md")
    assert record["title"] == "Why Do We Dream?"
