"""Records as the body of an Elasticsearch / OpenSearch ``_bulk`` request (NDJSON).

Each record becomes an action line and a document line. The ``_id`` is the record's key (UID,
else file and position), so sending a re-run's export replaces documents instead of adding
copies. The index mapping the documents are shaped for is ``schemas/es-mapping.json``.
"""
from __future__ import annotations

from typing import Any

from ..record import content_hash, dated, record_key


def bulk_lines(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the action and the document of a record; nothing for an error record.

    >>> action, document = bulk_lines({"uid": "t1", "source": {"path": "a.ics", "index": 0},
    ...     "title": "On sums", "start": "09:30:00", "end": None, "provenance": {}})
    >>> action, document["title"], document["start"]
    ({'index': {'_id': 't1'}}, 'On sums', None)
    """
    if "error" in record:
        return []
    return [{"index": {"_id": record_key(record)}}, search_document(record)]


def search_document(record: dict[str, Any]) -> dict[str, Any]:
    """Return the document indexed for a record: the record without provenance or candidates.

    ``start`` and ``end`` keep only values with a calendar date, since a bare time of day would
    make the ``date`` field reject the whole document; ``content_hash`` lets a feeder skip
    documents that did not change.
    """
    document = {k: v for k, v in record.items() if k not in ("provenance", "candidates")}
    document["start"] = dated(record.get("start"))
    document["end"] = dated(record.get("end"))
    document["content_hash"] = content_hash(record)
    return document
