"""An event page's own data: when a JSON-LD or microdata Event, or Open Graph's event tags,
say it starts and ends.

Pages made by event systems often carry the event's start and end, with the zone's offset, in
``<script type="application/ld+json">``, in ``itemprop="startDate"`` attributes or in
``<meta property="event:start_time">``. Those are exact where the visible text says "4 pm" and
leaves the zone out.
"""
from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import regex

from ..deferred import deferred


_JSON_LD = deferred(r"<script[^>]{0,200}application/ld\+json[^>]{0,200}>(?P<data>.{1,100000}?)</script>",
                    regex.IGNORECASE | regex.DOTALL)
# <meta itemprop="startDate" content="..."> or <time itemprop="startDate" datetime="...">
_MICRODATA = deferred(r"<[a-z]{1,10}\b(?=[^>]{0,300}\bitemprop\s{0,2}=\s{0,2}[\"'](?P<key>startDate|endDate)[\"'])"
                      r"[^>]{0,300}?\b(?:content|datetime)\s{0,2}=\s{0,2}[\"'](?P<value>[^\"']{8,40})[\"']",
                      regex.IGNORECASE)
# <meta property="event:start_time" content="...">: Open Graph's event object (ticketing pages).
_OPEN_GRAPH = deferred(r"<meta\b(?=[^>]{0,300}\bproperty\s{0,2}=\s{0,2}[\"']event:(?P<key>start|end)_time[\"'])"
                       r"[^>]{0,300}?\bcontent\s{0,2}=\s{0,2}[\"'](?P<value>[^\"']{8,40})[\"']",
                       regex.IGNORECASE)
# Every schema.org Event type ends in "Event" ("EducationEvent", "VisualArtsEvent"), but these.
_OTHER_EVENT_TYPES = ("Festival", "Hackathon", "CourseInstance")


def schema_event_times(markup: str) -> tuple[str | None, str | None]:
    """Return the ISO start and end the page's schema.org Event gives, if it gives them.

    >>> page = '<script type="application/ld+json">{"@type": "Event", "startDate": "2026-05-14T18:30:00-04:00"}</script>'
    >>> schema_event_times(page)
    ('2026-05-14T18:30:00-04:00', None)
    >>> schema_event_times('<meta itemprop="startDate" content="2026-10-08T16:00Z">')
    ('2026-10-08T16:00:00+00:00', None)
    >>> schema_event_times('<script type="application/ld+json">{"@type": "VisualArtsEvent", '
    ...                    '"startDate": "2026-02-12T18:00:00-06:00"}</script>')[0]
    '2026-02-12T18:00:00-06:00'
    """
    if "startDate" not in markup:
        return _open_graph_times(markup) if "event:start_time" in markup else (None, None)
    for block in _JSON_LD.finditer(markup):
        try:
            data = json.loads(block.group("data"))
        except ValueError:
            continue
        for event in _events(data):
            start = _iso(event.get("startDate"))
            if start:
                return start, _iso(event.get("endDate"))
    found: dict[str, str | None] = {}
    for m in _MICRODATA.finditer(markup):
        found.setdefault(m.group("key").lower(), _iso(m.group("value")))  # the page's first event
    start = found.get("startdate")
    return (start, found.get("enddate")) if start else _open_graph_times(markup)


def _open_graph_times(markup: str) -> tuple[str | None, str | None]:
    """Return the start and end of Open Graph's event tags.

    >>> _open_graph_times('<meta property="event:start_time" content="2022-09-22T18:30:00-07:00">')
    ('2022-09-22T18:30:00-07:00', None)
    """
    found: dict[str, str | None] = {}
    for m in _OPEN_GRAPH.finditer(markup):
        found.setdefault(m.group("key").lower(), _iso(m.group("value")))
    start = found.get("start")
    return start, found.get("end") if start else None


def _events(data: Any) -> Iterator[dict[str, Any]]:
    """Yield the Event objects of a JSON-LD document (a list, a "@graph" or one object)."""
    if isinstance(data, list):
        for item in data:
            yield from _events(item)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(k.endswith("Event") or k.endswith(_OTHER_EVENT_TYPES) for k in kinds if isinstance(k, str)):
            yield data
        if "@graph" in data:
            yield from _events(data["@graph"])


def _iso(value: Any) -> str | None:
    """Return a schema.org date or date-time as ISO 8601 (a date alone stays a date)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text).isoformat()
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None
