"""Programme names that a calendar repeats before its events' titles.

A feed that writes "Ghost Walks of Riverton: The Harbour Fire" and "Ghost Walks of Riverton:
The Mill Flood" names a programme before each talk's title, though no series word says so. One
event alone cannot tell such a prefix from the first half of a title ("Lost Rivers: A History");
the calendar can. This module reads the SUMMARY lines of a whole calendar, cheaply and without
parsing its events, and returns the prefixes that stand before a colon or a spaced dash in two
SUMMARYs or more with different titles after them.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..deferred import deferred

# "SUMMARY;LANGUAGE=en:Ghost Walks: The Harbour Fire" (a content line, unfolded).
_SUMMARY_LINE = deferred(r"(?i)^SUMMARY(?:;[^:\n]{0,200})?:(?P<value>.{0,400})")
# The part of a SUMMARY before its first colon or spaced dash: a short name, then a title.
_PREFIX = deferred(r"^(?P<prefix>[^:\n]{3,60}?)(?:\s{0,2}:|\s{1,2}[-–—]{1,2})\s{1,3}(?P<rest>\S.{0,300})$")
_MAX_WORDS = 6
# "Canceled: Ghost Walks: The Mill Flood": a notice of the event's status before its SUMMARY.
_STATUS_PREFIX = deferred(r"(?i)^[*\s]{0,3}(?:cancell?ed|postponed|rescheduled)[*\s]{0,3}[:\-–—]\s{0,3}")
# A calendar of a few hundred programmes at most: a bound keeps the set small to pass around.
_MAX_PREFIXES = 500
_MAX_TRACKED = 20000


def summary_values(lines: Iterable[str]) -> Iterable[str]:
    """Yield the SUMMARY values of a calendar's content lines (folded lines joined, the usual
    TEXT escapes undone)."""
    current: str | None = None
    for line in lines:
        if current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        if current is not None:
            yield _unescape(current)
            current = None
        match = _SUMMARY_LINE.match(line)
        if match:
            current = match.group("value")
    if current is not None:
        yield _unescape(current)


def recurring_prefixes(summaries: Iterable[str]) -> frozenset[str]:
    """Return the prefixes written before a colon (or a spaced dash) in two SUMMARYs or more,
    each time before a different title.

    >>> sorted(recurring_prefixes(["Ghost Walks: The Harbour Fire", "Ghost Walks: The Mill Flood",
    ...                            "Lost Rivers: A History", "Pint of Reason – Tides",
    ...                            "Pint of Reason - Why Cats Purr"]))
    ['Ghost Walks', 'Pint of Reason']
    >>> sorted(recurring_prefixes(["Canceled: Ghost Walks: The Harbour Fire",
    ...                            "Ghost Walks: The Mill Flood"]))
    ['Ghost Walks']
    """
    # Memory stays bounded on a calendar of any size: a prefix keeps its first title and whether
    # a second, different one came; no more than _MAX_TRACKED prefixes are followed.
    first_title: dict[str, str] = {}
    seen: Counter[str] = Counter()
    repeated: set[str] = set()
    for summary in summaries:
        match = _PREFIX.match(_STATUS_PREFIX.sub("", " ".join(summary.split())))
        if not match or len(match.group("prefix").split()) > _MAX_WORDS:
            continue
        prefix, rest = match.group("prefix").strip(), match.group("rest").casefold()
        if prefix not in first_title:
            if len(first_title) >= _MAX_TRACKED:
                continue
            first_title[prefix] = rest
        elif rest != first_title[prefix]:
            repeated.add(prefix)
        seen[prefix] += 1
    found = sorted(repeated, key=lambda p: -seen[p])
    return frozenset(found[:_MAX_PREFIXES])


def _unescape(value: str) -> str:
    return value.replace("\\,", ",").replace("\\;", ";").replace("\\n", " ").replace("\\N", " ") \
        .replace("\\\\", "\\").strip()
