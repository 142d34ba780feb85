"""Which of DESCRIPTION and X-ALT-DESC an event is read from (all events invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes

_PAGE = ("<p><strong>Harbour Lectures 2026</strong></p><p>Ada Roe\\, of Fenmore College\\, presents:</p>"
         "<h3>Tides in Small Ports</h3><p>Small harbours silt up faster than anyone planned for. "
         "This lecture follows four of them through a century of dredging records and asks what "
         "a port can do when the money for dredging runs out.</p><p>Questions: "
         "<a href='mailto:lectures@fenmore.example.edu'>lectures@fenmore.example.edu</a></p>")


def _calendar(description: str, alt: str) -> bytes:
    return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:1@example.org\n"
            "DTSTAMP:20260301T000000Z\nDTSTART:20260312T180000Z\nSUMMARY:Harbour Lecture\n"
            f"DESCRIPTION:{description}\nX-ALT-DESC;FMTTYPE=text/html:{alt}\nEND:VEVENT\n"
            "END:VCALENDAR\n").encode()


@pytest.mark.parametrize("description,contact", [
    # a one-paragraph teaser: the page in X-ALT-DESC says more, and is read
    ("Ada Roe on silting harbours. Free.\\nRead more: https://fenmore.example.edu/tides", "lectures@fenmore.example.edu"),
    # a DESCRIPTION that says as much as the page is read as it is
    ("Ada Roe (Fenmore College) presents Tides in Small Ports.\\nSmall harbours silt up faster than anyone "
     "planned for. This lecture follows four of them through a century of dredging records and asks "
     "what a port can do when the money runs out.\\nQuestions: harbour@fenmore.example.edu",
     "harbour@fenmore.example.edu"),
])
def test_a_teaser_yields_to_the_page(description: str, contact: str) -> None:
    record, = extract_bytes(_calendar(description, _PAGE), path="feed.ics")
    assert record["contact"]["email"] == contact
