"""Descriptions written in Confluence or Jira wiki markup (all events invented)."""
from __future__ import annotations

from extractor.api import extract_bytes

_CALENDAR = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:1@example.org\n"
             "DTSTAMP:20260301T000000Z\nDTSTART:20260312T180000Z\nSUMMARY:Lab seminar\n"
             "DESCRIPTION:h3. Speaker\\n*Ada Roe* (Fenmore College)\\n\\nh3. Abstract\\nTides carry "
             "silt into small harbours faster than dredging budgets allow. This talk follows four "
             "ports through a century of records.\\n\\nh3. Notes\\n* bring your own lunch\n"
             "END:VEVENT\nEND:VCALENDAR\n")


def test_a_wiki_heading_is_the_label_it_names() -> None:
    record, = extract_bytes(_CALENDAR.encode(), path="lab.ics")
    assert record["abstract"].startswith("Tides carry silt")
    assert [s["name"] for s in record["speakers"]] == ["Ada Roe"]
