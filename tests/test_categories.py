"""Events with no description: what their CATEGORIES say (invented community calendars)."""
from __future__ import annotations

from typing import Any

import pytest

from extractor.api import extract_bytes


def _event(summary: str, categories: str) -> dict[str, Any]:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
                f"UID:1@example.org\r\nDTSTART:20260328T030000Z\r\nSUMMARY:{summary}\r\n"
                f"CATEGORIES:{categories}\r\nLOCATION:Example Hall\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    return record


@pytest.mark.parametrize("summary,categories,title,is_free", [
    # a talk category makes a bare SUMMARY the talk's title; a "Free" one its price
    ("Wetland Birds of the Example Marshes", "Talk,Nature,Adults,Free",
     "Wetland Birds of the Example Marshes", True),
    ("Stone Bridges of the District", "Lecture", "Stone Bridges of the District", None),
    # no talk category: a bare SUMMARY names an event, no talk
    ("Makers' Market", "Market,Family,Free", None, True),
])
def test_categories_of_an_event_without_a_description(summary: str, categories: str,
                                                      title: str | None, is_free: bool | None) -> None:
    record = _event(summary, categories)
    assert (record["title"], record["price"] and record["price"]["is_free"]) == (title, is_free)


@pytest.mark.parametrize("summary,categories", [
    ("Makers' Market", "Market,Family"),
    ("Heritage Trail Walk", "Walk,Local History,Bookings essential"),
])
def test_a_market_or_a_walk_has_no_speaker(summary: str, categories: str) -> None:
    assert _event(summary, categories)["speakers"] == []
