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


@pytest.mark.parametrize("layout", [
    "Media contact:\nDana Whitcombe\n555-0131 | dwhitcombe@example.edu\n\n{body}\n\n"
    "For more information, contact the department at geology.talks@example.edu.\n",
    "{body}\n\nMEDIA RSVP: press@example.org\nPUBLIC INQUIRIES: geology.talks@example.edu\n",
    # the press's address on a label line under "Media contact:"
    "Media contact: Dana Whitcombe, Example University\nPhone: 555-0131   E-mail: "
    "dwhitcombe@example.edu\n\n{body}\n\nFor more information, write to geology.talks@example.edu.\n",
    # the public's address without a cue ("by emailing"), the press's in a footer
    "{body} Tickets are available by emailing Geology.Talks@example.edu.\n\n*Media: Dana "
    "Whitcombe, 555-0131, dwhitcombe@example.edu*\n",
])
def test_a_releases_media_contact_gives_way_to_the_publics(layout: str) -> None:
    body = "Ada Roe will deliver the Stroud Lecture at 7 p.m. Thursday, March 12, 2026, in Wexler Hall."
    record, = extract_bytes(layout.format(body=body).encode(), path="release.txt")
    assert record["contact"]["email"] == "geology.talks@example.edu"
