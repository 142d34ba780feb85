"""A bare "$" is the dollar of the event's zone, or of its calendar's (all events invented)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.api import extract_bytes, extract_paths

_ZONE = """BEGIN:VTIMEZONE
TZID:{zone}
BEGIN:STANDARD
DTSTART:19700405T030000
TZOFFSETFROM:+1100
TZOFFSETTO:+1000
END:STANDARD
END:VTIMEZONE
"""

_EVENT = """BEGIN:VEVENT
UID:{uid}@branch.example.org
DTSTAMP:20260301T000000Z
{start}
SUMMARY:Technical talk: Scour at bridge piers
DESCRIPTION:Presenter: Ada Roe\\nFree for members\\; $20 for non-members.
END:VEVENT
"""


def _calendar(zone: str, start: str) -> bytes:
    body = _ZONE.format(zone=zone) + _EVENT.format(uid="a1", start=start)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{body}END:VCALENDAR\n".encode()


@pytest.mark.parametrize(("zone", "start", "currency"), [
    ("Australia/Melbourne", "DTSTART;TZID=Australia/Melbourne:20260325T173000", "AUD"),
    # a webinar written in UTC in the same calendar: still the calendar's dollar
    ("Australia/Melbourne", "DTSTART:20260325T063000Z", "AUD"),
    ("America/Toronto", "DTSTART:20260325T220000Z", "CAD"),
    ("America/Chicago", "DTSTART:20260325T220000Z", "USD"),
    # the peso's "$" in Chile and Mexico
    ("America/Santiago", "DTSTART:20260325T220000Z", "CLP"),
    ("America/Mexico_City", "DTSTART:20260325T220000Z", "MXN"),
])
def test_a_bare_dollar_is_the_calendars_dollar(zone: str, start: str, currency: str,
                                               tmp_path: Path) -> None:
    data = _calendar(zone, start)
    [record] = list(extract_bytes(data, path="branch.ics"))
    assert record["price"]["currency"] == currency
    # the batch path reads the same file in chunks, with its VTIMEZONE blocks beside them
    path = tmp_path / "branch.ics"
    path.write_bytes(data)
    [batched] = [r for r in extract_paths([str(path)]) if "error" not in r]
    assert batched["price"]["currency"] == currency
