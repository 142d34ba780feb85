"""Weeks in which a series does not meet: no talk, so no title, speaker or series (invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes
from extractor.fields.talk_kind import says_no_meeting

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
])
def test_a_week_without_a_meeting_has_no_talk(summary: str, description: str) -> None:
    record, = extract_bytes(_EVENT.format(summary=summary, description=description).encode(),
                            path="feed.ics")
    assert (record["title"], record["series"], record["speakers"]) == (None, None, [])


@pytest.mark.parametrize("summary", ["No-till farming: a talk", "Nemanja Roe: Tides"])
def test_a_no_word_alone_says_nothing(summary: str) -> None:
    assert not says_no_meeting(summary)
