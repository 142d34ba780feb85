"""Records as CSV for spreadsheets: one row per talk, lists joined with "; "."""
from __future__ import annotations

import csv
from typing import Any, TextIO

from ..record import record_key

LIST_SEPARATOR = "; "
COLUMNS = ("key", "uid", "path", "index", "title", "speakers", "affiliations", "abstract",
           "series", "start", "end", "timezone", "location", "online_url", "url", "status",
           "contact_name", "contact_email", "contact_phone", "sponsors", "price", "price_amount",
           "price_currency", "is_free", "categories")


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """Return the CSV row of a talk record: every column a string, empty for null.

    ``affiliations`` lines up with ``speakers``: the n-th affiliation is the n-th speaker's,
    empty where the speaker has none.

    >>> row = csv_row({"uid": None, "source": {"path": "a.ics", "index": 1}, "title": "On sums",
    ...     "speakers": [{"name": "Ada Example", "affiliation": None},
    ...                  {"name": "Bo Sample", "affiliation": "Valewood University"}],
    ...     "contact": {"name": None, "email": None, "phone": None}, "sponsors": [],
    ...     "price": None, "categories": []})
    >>> row["key"], row["speakers"], row["affiliations"], row["uid"]
    ('a.ics#1', 'Ada Example; Bo Sample', '; Valewood University', '')
    """
    speakers = record.get("speakers") or []
    contact = record.get("contact") or {}
    price = record.get("price") or {}
    row: dict[str, Any] = {
        "key": record_key(record),
        "path": record["source"]["path"],
        "index": record["source"]["index"],
        "speakers": LIST_SEPARATOR.join(s["name"] for s in speakers),
        "affiliations": LIST_SEPARATOR.join(s.get("affiliation") or "" for s in speakers)
        if any(s.get("affiliation") for s in speakers) else "",
        "contact_name": contact.get("name"),
        "contact_email": contact.get("email"),
        "contact_phone": contact.get("phone"),
        "sponsors": LIST_SEPARATOR.join(s["name"] for s in record.get("sponsors") or []),
        "price": price.get("text"),
        "price_amount": price.get("amount"),
        "price_currency": price.get("currency"),
        "is_free": {True: "yes", False: "no"}.get(price.get("is_free"), ""),
        "categories": LIST_SEPARATOR.join(record.get("categories") or []),
    }
    for column in COLUMNS:
        if column not in row:
            row[column] = record.get(column)
    return {column: "" if row[column] is None else str(row[column]) for column in COLUMNS}


class CsvWriter:
    """Write a header, then one row per talk record; error records are left out."""

    def __init__(self, stream: TextIO) -> None:
        # csv's own line ending (CRLF, RFC 4180) keeps line breaks inside abstracts unambiguous.
        self._writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        self._writer.writeheader()
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        """Write the record's row (nothing for an error record)."""
        if "error" not in record:
            self._writer.writerow(csv_row(record))
            self.count += 1

    def close(self) -> None:
        """Nothing to finish: every row is complete when written."""
