"""Series given by a label ("Series:", "Programme:") in a feed's DESCRIPTION (all invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes


@pytest.mark.parametrize("line,series", [
    ("Series: Harbour Evening Lectures", "Harbour Evening Lectures"),
    ("Programme: Lakeshore Lecture Series", "Lakeshore Lecture Series"),
    # an evening's running order is no series
    ("Programme:  5.30pm arrival and refreshments;  6.00pm presentation;  7.00pm Q&A", None),
    ("Program: 17:30 doors, 18:00 talk", None),
    # nor is a link
    ("Series: https://example.org/lectures", None),
])
def test_a_series_label_names_the_series_unless_it_holds_no_name(line: str, series: str | None) -> None:
    description = f"{line}\\nSpeaker: Ada Roe\\, Example University".replace(",", "\\,")
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\n"
                "DTSTART:20260217T170000Z\r\nSUMMARY:Tides in Small Ports\r\n"
                f"DESCRIPTION:{description}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["series"] == series
