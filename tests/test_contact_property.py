"""A calendar's CONTACT property (RFC 5545, 3.8.4.2) as the event's contact (invented feeds)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes


@pytest.mark.parametrize("contact,email", [
    ("CONTACT:Dr Tobias Ellwood\\, seminar organiser\\, T.Ellwood@stats.example.ac.uk",
     "t.ellwood@stats.example.ac.uk"),
    # the address in the ALTREP parameter
    ('CONTACT;ALTREP="mailto:dss-organisers@example.edu":Data Science Seminar organisers',
     "dss-organisers@example.edu"),
    # no address in CONTACT: the ORGANIZER's stands
    ("CONTACT:Marieke Dewolf\\, events officer\\, +32 2 555 0131", "stats-seminar@stats.example.ac.uk"),
])
def test_contact_outweighs_organizer(contact: str, email: str) -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
                "UID:1@example.org\r\nDTSTART:20260305T140000Z\r\nSUMMARY:Bayesian nowcasting\r\n"
                "DESCRIPTION:Speaker: Dr Ada Roe-Park\\, Example Health Agency\r\n"
                "ORGANIZER;CN=Statistics Seminar:mailto:stats-seminar@stats.example.ac.uk\r\n"
                f"{contact}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["contact"]["email"] == email
