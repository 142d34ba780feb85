"""Example tables for extractor.fields.where (all rooms, buildings and people invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_text
from extractor.fields.where import resolve_location

HEADER = "Type:     misc.talks\nTopic:    Seminar\nDates:    7-Mar-96\nTime:     3:30 PM\n{place}PostedBy: A. Poster on 1-Mar-96 at 10:00 from example.edu\nAbstract: \n\n"

# (announcement, expected location text)
LOCATION_EXAMPLES: list[tuple[str, str | None]] = [
    (HEADER.format(place="Place:    4101 Fern Hall\n") + "A talk.", "4101 Fern Hall"),
    (HEADER.format(place="Place:    Quill Lounge\n") + "A talk.", "Quill Lounge"),
    # a second column and a lowercase aside are not part of the place
    (HEADER.format(place="Place:    2207 QH                 Date and time : Mon 4 pm\n") + "x", "2207 QH"),
    (HEADER.format(place="Place:    Fern Hall 5512, our lab\n") + "x", "Fern Hall 5512"),
    # a truncated header yields to the body label that continues it
    (HEADER.format(place="Place:    Lakeside University\n")
     + " LOCATION:       Lakeside University\n                 Department of Botany\n                 3C12 Orchard Tower\n",
     "Lakeside University Department of Botany 3C12 Orchard Tower"),
    (HEADER.format(place="") + "Where:   Thistle Hall 210\nWho:  Dr. Moss", "Thistle Hall 210"),
    (HEADER.format(place="") + "Location: Marrow Hall - 112\n", "Marrow Hall - 112"),
    (HEADER.format(place="") + "Time and place: Friday June 9 at 2:30 pm in Birch Hall 7730\n", "Birch Hall 7730"),
    (HEADER.format(place="") + "The seminar will be held in the Hazel Conference Room, Birch Hall.", "Hazel Conference Room, Birch Hall"),
    (HEADER.format(place="") + "Dr. Pine speaks at 4:30 p.m., Monday, Feb. 6, in Alder Hall 7715.", "Alder Hall 7715"),
    (HEADER.format(place="") + "Talk at 5 pm in AbH 3310 (CMU).", "AbH 3310"),
    (HEADER.format(place="") + "We meet at 2:00 in room 3309 of the Cedar Building.", "room 3309 of the Cedar Building"),
    (HEADER.format(place="") + "Friday at 11am in FgH4821, Jo Doe will talk.", "FgH4821"),
    (HEADER.format(place="") + "  Jo Doe - 3:30 pm, Tuesday, May 2, KvH 1205 (practice talk)", "KvH 1205"),
    (HEADER.format(place="") + "Wednesday, May 3, 2:00 - 4:00 PM, Walnut Conference Room, Spruce Hall\nMore text.",
     "Walnut Conference Room, Spruce Hall"),
    (HEADER.format(place="") + "4:00 pm\nBotany Conference Room\nAspen Hall 221\nThursday, October 5", "Botany Conference Room Aspen Hall 221"),
    (HEADER.format(place="") + "  Dr. Q. Sedge\n\n          Maple Hall 3350\n          3:30 - 5:00 pm\n", "Maple Hall 3350"),
    (HEADER.format(place="") + "at 4:30 p.m. in the Faculty Reading\nRoom in Oakley.  All welcome.", "Faculty Reading Room in Oakley"),
    (HEADER.format(place="") + "It meets in the Larch Auditorium (Room 120) at 5:00 pm.", "Larch Auditorium (Room 120)"),
    (HEADER.format(place="") + "at 3:30 today in the Poplar Hall\nauditorium.  Bring lunch.", "Poplar Hall auditorium"),
    (HEADER.format(place="") + "Reminder: 2:30 in 7.310, as usual.", "7.310"),
    (HEADER.format(place="") + "The talk will be in the Tamarack Wing, Hollyhock Hall.", "Tamarack Wing, Hollyhock Hall"),
    # a building word in another language after a comma is the building, not an aside
    ("Lieu : salle 204, bâtiment Lavoisier-Nord\n", "salle 204, bâtiment Lavoisier-Nord"),
    ("Miejsce: sala 105, budynek C-2\n", "sala 105, budynek C-2"),
    # "Room at Hall", a leading "The", and a place alone on its line before its street
    (HEADER.format(place="") + "welcomes Ada Roe to the Fellowship Room at St. Aldo's Hall.",
     "Fellowship Room at St. Aldo's Hall"),
    (HEADER.format(place="") + "Monday 4 May, 7:30 pm\nThe Main Hall, Fernmarsh Community Hall, Mill Lane\n",
     "The Main Hall, Fernmarsh Community Hall"),
    # the street after the room and building goes, in several languages and layouts
    ("Lieu : Amphithéâtre Curie, bâtiment des Sciences, 12 avenue des Tilleuls, Vérancourt\n",
     "Amphithéâtre Curie, bâtiment des Sciences"),
    ("Sede: Aula Magna, Palazzo Rossi, via Roma 12\n", "Aula Magna, Palazzo Rossi"),
    ("Where: Loft Room, Tinplate Coworking (14 Tanner's Row)\n", "Loft Room, Tinplate Coworking"),
    ("Location: Community Room, Main Library 410 Commerce Street, Quillfield\n",
     "Community Room, Main Library"),
    # a zone that ends the time line is not part of the place on the next line, and that line
    # outweighs a place said later beside another time
    ("Monday 26 October 2026, 16:15–17:00 CET\nAuditorium 1, Building 116\n\nThe quiz is at 16:30 in "
     "the Building 101 canteen.", "Auditorium 1, Building 116"),
    ("Tuesday 11 March, 11:00 a.m.-12:00 p.m. MT\nRoom 2-140, Aspen Laboratory Building\n",
     "Room 2-140, Aspen Laboratory Building"),
    # a bracketed room word on the line under a centred place belongs to it
    ("                 January 28\n                 1- 2:30 pm\n                Quarry Hall 1000\n"
     "                  (Auditorium)\n\nAda Roe will discuss tides.", "Quarry Hall 1000 (Auditorium)"),
    # a capitalised word that a wrapped line starts its prose with is no part of the place
    ("Wednesday, September 14, 6:00 - 7:30 PM, Alder Conference Room, Quarry Hall\n"
     "Laboratory TAs must juggle many tasks.", "Alder Conference Room, Quarry Hall"),
    # a venue's name with its article after the room; a "Venue name::" row of an event box
    ("  * Saturday 13 June 2026, 15:00–16:00\n  * Studio Theatre, The Ropewalk\n  * £10\n",
     "Studio Theatre, The Ropewalk"),
    ("Venue\n\nVenue name:: Quarry Commons Meeting Hall\nVenue address::\n214 Mill Race Road\n",
     "Quarry Commons Meeting Hall"),
    # the street on the line under the place is left out
    ("Monday, October 18\n7:30 pm\n    Quarry Institute Auditorium\n    4400, Fifth Avenue, Pittsburgh\n",
     "Quarry Institute Auditorium"),
    # organisation-like names and dates are not places
    (HEADER.format(place="") + "Sponsored by the Career Center and the Heron School.", None),
    (HEADER.format(place="") + "Deadline March 15\nREGISTRATION closes April 22.", None),
    ("Nothing about a place at all.", None),
    # a remark in lower case before the place a label gives
    ("ROOM: we finally have one -- Wharram Building 312, the seminar room\nnext door.",
     "Wharram Building 312"),
    # a room's kind between the capitals of its name
    ("        Thursday, April 14, 7:30 PM\n        Marsden Lecture Theatre, Heathcote Engineering "
     "Building\n\nMost of the water", "Marsden Lecture Theatre, Heathcote Engineering Building"),
    # where the refreshments are served is not where the talk is held
    ("Tuesday, 3/12/91\n3:30 PM, Dunsop Hall 104\n\nRefreshments will be served at 3:15 in the "
     "Dunsop Hall lobby.", "Dunsop Hall 104"),
    # a room number with a letter and a dot, and a bare room of the building named after it
    ("on Tuesday 13 October, 17:00-18:30, in Seminar Room G.14, Alcott\nBuilding.",
     "Seminar Room G.14, Alcott Building"),
    ("    Thursday, November 5\n    7:00 p.m.\n    Auditorium, Whitlock Science Center\n\nMost of",
     "Auditorium, Whitlock Science Center"),
]

# Known failures: kept here so that a fix shows up as an unexpected pass.
LOCATION_KNOWN_FAILURES: list[tuple[str, str | None]] = [
    # a name with "and" inside is cut at the "and"
    (HEADER.format(place="") + "at 4 pm in the Soil and Water conference room (Birch Hall 12).",
     "Soil and Water conference room (Birch Hall 12"),
    # an all-caps abbreviation after a comma is taken for the institution, not the building
    (HEADER.format(place="") + "at 11:00AM in the Map Room (Rm 270), QRC", "Map Room (Rm 270), QRC"),
    # a typo in the room word
    (HEADER.format(place="") + "from noon-1:30 p.m. in romm 207, Student Union Annex.", "romm 207, Student Union Annex"),
    # lowercase building descriptions
    (HEADER.format(place="") + "at 3 pm in room 12 of the old chemistry building.", "room 12 of the old chemistry building"),
]


def _id(example: tuple[str, str | None]) -> str:
    body = example[0].split("Abstract: \n\n")[-1].strip() or example[0]
    return body[:40].replace("\n", " ")


@pytest.mark.parametrize("text,expected", LOCATION_EXAMPLES, ids=[_id(e) for e in LOCATION_EXAMPLES])
def test_location_examples(text: str, expected: str | None) -> None:
    got = resolve_location(text)
    assert (got.text if got else None) == expected


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("text,expected", LOCATION_KNOWN_FAILURES, ids=[_id(e) for e in LOCATION_KNOWN_FAILURES])
def test_location_known_failures(text: str, expected: str | None) -> None:
    got = resolve_location(text)
    assert (got.text if got else None) == expected


def test_span_and_rule() -> None:
    text = HEADER.format(place="") + "The meeting will be held in Room 4 of Fern Hall."
    got = resolve_location(text)
    assert got is not None and got.rule == "where.prose_held_in"
    assert " ".join(text[got.span[0]:got.span[1]].split()) == got.text == "Room 4 of Fern Hall"
    got = resolve_location(HEADER.format(place="Place:    Quill Lounge\n"))
    assert got is not None and got.rule == "where.header_place"


def test_long_input_is_fast() -> None:
    import time
    text = "Abstract:\n" + " ".join(["Room 12 of Alpha Beta Gamma Hall, Delta"] * 800)
    t0 = time.perf_counter()
    resolve_location(text)
    assert time.perf_counter() - t0 < 5


@pytest.mark.parametrize("header,body,place", [
    # a bare room in the header, and the building the text adds to it
    ("Auditorium", "at 4 pm in the Auditorium, Lindqvist Materials Center.",
     "Auditorium, Lindqvist Materials Center"),
    # a room the header names in full stays as the header writes it
    ("Ormskirk Ballroom", "at 4:30 PM in the Ormskirk Ballroom of the Sallowfield Union.",
     "Ormskirk Ballroom"),
])
def test_a_bare_room_in_the_header_takes_the_building_the_text_adds(header: str, body: str,
                                                                      place: str) -> None:
    text = f"Type: Colloquium\nDates: 17-Nov-92\nTime: 4 pm\nPlace: {header}\nAbstract:\n\nThe talk is {body}\n"
    where = resolve_location(text)
    assert where is not None and where.text == place


@pytest.mark.parametrize("sentence,place", [
    ("The talk is at 3 p.m. Sunday, April 18, in the Lounge of Merrick Hall. It is free.",
     "Lounge of Merrick Hall"),
    ("The talk is at 4 pm in 4605 Wean. Coffee at 3:45.", "4605 Wean"),
])
def test_a_sentences_full_stop_after_a_short_word_is_no_part_of_the_place(sentence: str, place: str) -> None:
    where = resolve_location(sentence)
    assert where is not None and where.text == place


def test_the_room_a_talk_moved_to_outweighs_the_header() -> None:
    text = ("Type: seminar\nDates: 21-Apr-94\nTime: 3:30 PM\nPlace: MwH 232\nAbstract:\n\n"
            "*** PLEASE NOTE: tomorrow's seminar has been MOVED to MwH 1212 (at the end of the corridor) "
            "because we expect a crowd. ***\n\nSpeaker: Dr. Ada Roe\nPlace:   MwH 232\n")
    where = resolve_location(text)
    assert where is not None and where.text == "MwH 1212"


def test_the_room_a_talk_moved_to_from_another_outweighs_the_original_announcement() -> None:
    text = ("Subject: Room change\n\nPLEASE NOTE: because of the crowd we expect, tonight's lecture "
            "by\nAda Roe-Park has been MOVED from Fernley Hall 112 to the\nAldergrove Auditorium, "
            "Reedmoor Arts Center (across the quad,\nmain entrance on Founders Walk). Same time, "
            "6:00 pm.\n\nThe original announcement is below for reference.\n\n-----\n\n"
            "DESIGN FORUM LECTURE SERIES -- SPRING 2006\n\nAda Roe-Park\nPrincipal, Atelier "
            "Roe-Park, Montreal\n\n\"Thick Walls\"\n\nThursday, March 2, 2006, 6:00 pm\n"
            "Room 112, Fernley Hall\n\nFor twenty years the studio has built schools.\n")
    assert extract_text(text, path="mail.eml")["location"] == \
        "Aldergrove Auditorium, Reedmoor Arts Center"


@pytest.mark.parametrize("text,place", [
    # a lettered room of a building named after it
    ("Wednesday July 8, 2026 9:00am - 10:00am IST\nAuditorium A, Liffey Hall Convention Centre\n",
     "Auditorium A, Liffey Hall Convention Centre"),
    ("The talk is in Room B, Hale Science Center.", "Room B, Hale Science Center"),
    # a zone's abbreviation after the time is no place
    ("Wednesday July 8, 2026 9:00am - 10:00am IST\n", None),
])
def test_a_lettered_room_and_a_zone_after_the_time(text: str, place: str | None) -> None:
    where = resolve_location(text)
    assert (where.text if where else None) == place


@pytest.mark.parametrize("text,place", [
    # a room of a building, then its street: the street goes
    ("The lecture is at 4 p.m. in the Tamsin Room of Oakes Hall, 14 College Street.",
     "Tamsin Room of Oakes Hall"),
    # a street the shape stopped inside ("Drive", "St.", "Lane" after it) goes, whatever is before it
    ("It starts at 7 p.m. in the Fenwick Planetarium Theater, 1120 Mesa Drive.",
     "Fenwick Planetarium Theater"),
    ("The talk is at 7 pm in the Auditorium, Example Public Library, 22 Main St., Tallowport.",
     "Auditorium, Example Public Library"),
    # a single place before a whole street keeps it, as the annotated e-mails write it
    ("Place: Lakeshore College, 90 Elm Blvd", "Lakeshore College, 90 Elm Blvd"),
])
def test_the_street_after_a_place(text: str, place: str) -> None:
    found = resolve_location(text)
    assert found is not None and found.text == place
