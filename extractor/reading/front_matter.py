"""A static-site page's front matter: YAML between "---" lines, or Hugo's TOML between "+++".

Site generators keep an event's facts there under keys of the theme's choosing ("speaker:",
"presenter_affiliation:", "[[speakers]]" tables, Hugo Academic's "event:" and "date_end:",
"ponente:", "ort ="). ``models/front_matter.json`` says which keys name what; this module reads
the block and hands back the facts as plain strings, so that the page reader can state them as
labelled lines ("Speakers: ...", "Series: ...") that the field rules already read.
"""
from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from .. import rules
from ..deferred import deferred

# YAML front matter between "---" lines, or Hugo's TOML between "+++" lines.
FRONT_MATTER = deferred(r"\A(?P<fence>---|\+\+\+)\s*\n(?P<head>.{0,4000}?)\n(?P=fence)\s*\n",
                        regex.DOTALL)
# A theme's slug ("soft-matter", "talks") is a key for its templates, not a name.
_SLUG = deferred(r"^[\p{Ll}\d]+(?:[-_][\p{Ll}\d]+)*$")
# "key: value" at the start of a line: what is left of a block YAML cannot read (an unquoted
# colon in a title is common in Jekyll posts).
_TOP_LEVEL_LINE = deferred(r"(?m)^(?P<key>[A-Za-z][\w\-]{0,40})[ \t]*[:=][ \t]*(?P<value>[^\n]*)$")


@dataclass
class FrontMatterFacts:
    """What a page's front matter says of its event, as written (strings, not yet checked)."""

    speakers: list[tuple[str, str | None]] = field(default_factory=list)
    series: str | None = None
    abstract: str | None = None
    place: str | None = None
    day: str | None = None        # the event's day, or its date and time (ISO)
    start_time: str | None = None  # a clock time as written ("3:30 pm")
    when: str | None = None        # a free-text "when:" line
    end: str | None = None         # an end date-time (ISO) or a clock time as written
    minutes: int | None = None     # how long the event lasts ("duration: 60 min")
    is_event_page: bool = False
    day_is_post_date: bool = False  # the day is only the post's own "date:"


@cache
def _keys() -> dict[str, frozenset[str]]:
    return {name: frozenset(keys) for name, keys in rules.model_data("front_matter.json").items()}


def read_front_matter(text: str) -> dict[str, Any] | None:
    """Return the front matter of a page as a mapping with normalised keys, or None.

    >>> read_front_matter("---\\ntitle: Tides\\nSpeaker-Name: Ada Roe\\n---\\nBody")
    {'title': 'Tides', 'speaker_name': 'Ada Roe'}
    >>> read_front_matter("+++\\ntitle = \\"Tides\\"\\ndate = 2026-05-07T11:00:00\\n+++\\n")
    {'title': 'Tides', 'date': '2026-05-07T11:00:00'}
    """
    match = FRONT_MATTER.match(text)
    return parse_front_matter(match) if match else None


def parse_front_matter(match: regex.Match[str]) -> dict[str, Any]:
    """Return the mapping of a front-matter block that ``FRONT_MATTER`` matched."""
    head = match.group("head")
    data: Any = None
    if match.group("fence") == "+++":
        try:
            data = tomllib.loads(head)
        except tomllib.TOMLDecodeError:
            data = None
    else:
        import yaml  # imported at first use: most inputs have no front matter

        try:
            # The base loader keeps every scalar a string ("2026-02-19", "15:30"), as written.
            data = yaml.load(head, Loader=yaml.BaseLoader)
        except yaml.YAMLError:
            data = None
    if not isinstance(data, dict):
        data = {m.group("key"): m.group("value").strip().strip("\"'")
                for m in _TOP_LEVEL_LINE.finditer(head)}
    return {_key(k): _plain(v) for k, v in data.items()}


def _key(key: object) -> str:
    return str(key).strip().lower().replace("-", "_")


def _plain(value: Any) -> Any:
    """Return ``value`` with dates as ISO strings and nested keys normalised."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def front_matter_facts(data: dict[str, Any]) -> FrontMatterFacts:
    """Return the event facts of a parsed front matter (see ``read_front_matter``).

    >>> facts = front_matter_facts({"speakers": [{"name": "Ada Roe", "affiliation": "Acme"}],
    ...                             "room": "Hall 4", "date": "2026-02-19", "time": "3:30 pm"})
    >>> facts.speakers, facts.place, facts.day, facts.start_time, facts.is_event_page
    ([('Ada Roe', 'Acme')], 'Hall 4', '2026-02-19', '3:30 pm', True)
    """
    keys = _keys()
    # A nested event block ("event:\n  starts: ...\n  venue: ...") says the same as top keys.
    flat = dict(data)
    for value in data.values():
        if isinstance(value, dict):
            for key, inner in value.items():
                flat.setdefault(key, inner)
    facts = FrontMatterFacts()
    facts.speakers = _speakers(flat, keys)
    facts.series = scalar_text(_first(flat, keys["series"]), name=True) or \
        scalar_text(data.get("event") if not isinstance(data.get("event"), dict) else None, name=True)
    facts.abstract = scalar_text(_first(flat, keys["abstract"]))
    place = _first(data, keys["place"]) or _first(flat, keys["place"])
    facts.place = _place_of(place) if isinstance(place, dict) else scalar_text(place)
    facts.day = scalar_text(_first(flat, keys["day"]))
    event = next((value for key, value in data.items() if key in keys["event_name"]
                  and isinstance(value, dict)), None)
    if facts.day is None and event is not None:
        # "event:\n  date: 2013-10-10\n  time: 7:00 PM": the event block's date, not the post's
        facts.day = scalar_text(event.get("date"))
    facts.start_time = scalar_text(_first(flat, keys["start_time"]))
    facts.when = scalar_text(_first(flat, keys["when"]))
    facts.end = scalar_text(_first(flat, keys["end"]))
    if facts.day is None and (dated := _DATED_CLOCK.match(facts.start_time or "")):
        # 'start_time: "2009-09-24 7:00 PM"': the day and the clock in one value
        facts.day, facts.start_time = dated.group("day"), dated.group("clock")
        ended = _DATED_CLOCK.match(facts.end or "")
        if ended and ended.group("day") == facts.day:
            facts.end = ended.group("clock")
    facts.minutes = minutes_of(scalar_text(_first(flat, keys["duration"])) or "")
    # A location block marks an event page by its "name"; a venue and a map link alone are a
    # news post's note of where its evening is.
    named_place = scalar_text(place.get("name")) if isinstance(place, dict) else facts.place
    facts.is_event_page = any((facts.speakers, named_place, facts.day, facts.start_time,
                               facts.when, facts.end, facts.abstract,
                               _first(flat, keys["event_name"])))
    if facts.day is None and facts.is_event_page:
        # An event page's "date:" is the event's (Hugo Academic keeps the page's own date in
        # "publishDate:"); a post's "date:" is when it was published.
        facts.day = scalar_text(flat.get("date"))
        facts.day_is_post_date = not (facts.start_time or facts.when or facts.end)
    return facts


def _place_of(block: dict[str, Any]) -> str | None:
    """Return the place a front matter's location block names: its room, then its venue.

    >>> _place_of({"name": "Makers Guild", "room": "The Big Shop", "address": "77 Rope Lane"})
    'The Big Shop, Makers Guild'
    >>> _place_of({"venue": "Main Library"})
    'Main Library'
    """
    venue = scalar_text(block.get("name") or block.get("venue") or block.get("building"))
    room = scalar_text(block.get("room"))
    return f"{room}, {venue}" if room and venue and room not in venue else venue or room


# A day and a clock time in one value: "2009-09-24 7:00 PM", "2019-08-21 19:00".
_DATED_CLOCK = deferred(r"^(?P<day>\d{4}-\d{2}-\d{2})[ T]+(?P<clock>\d{1,2}(?::\d{2})?(?::\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)?)$")


def published_date(data: dict[str, Any]) -> str | None:
    """Return a post's own date as its front matter writes it ("date:", "pubDate:",
    "published_at:"), or None.

    >>> published_date({"title": "Tides", "pubdate": "2026-03-16"})
    '2026-03-16'
    """
    return scalar_text(_first(data, _keys()["published"]))


# "60 min", "1 hour", "1h30", "90 minutes", ISO 8601's "PT1H30M".
_DURATION = deferred(r"(?i)^(?:PT)?(?:(?P<h>\d{1,2}(?:[.,]\d)?)\s?(?:h|hrs?|hours?|std|stunden?|horas?|heures?|ore|uur)\.?)?"
                     r"\s?(?:(?P<m>\d{1,3})\s?(?:m|mins?|minutes?|minuten|minutos|minuti)?\.?)?$")


def minutes_of(text: str) -> int | None:
    """Return the minutes a written duration stands for, or None.

    >>> [minutes_of(s) for s in ["60 min", "1 hour", "1h30", "PT1H30M", "1.5 hours", "soon"]]
    [60, 60, 90, 90, 90, None]
    """
    match = _DURATION.match(text.strip())
    if not match or not (match.group("h") or match.group("m")):
        return None
    hours = float(match.group("h").replace(",", ".")) if match.group("h") else 0.0
    return int(hours * 60) + int(match.group("m") or 0) or None


def _first(data: dict[str, Any], keys: frozenset[str]) -> Any:
    return next((data[k] for k in data if k in keys and data[k] not in (None, "", [], "~")), None)


def scalar_text(value: Any, *, name: bool = False) -> str | None:
    """Return a scalar (or a one-item list's item) as one line, or None; a slug is no name."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    text = " ".join(str(value).split())
    if not text or text in ("~", "null") or (name and _SLUG.match(text)):
        return None
    return text


def _speakers(data: dict[str, Any], keys: dict[str, frozenset[str]]) -> list[tuple[str, str | None]]:
    """Return (name, affiliation) of each speaker the front matter names."""
    value = _first(data, keys["speaker"])
    affiliation = scalar_text(_first(data, keys["affiliation"]))
    entries = value if isinstance(value, list) else [value] if value is not None else []
    found: list[tuple[str, str | None]] = []
    for entry in entries:
        if isinstance(entry, dict):
            name = scalar_text(entry.get("name"))
            own = scalar_text(next((entry[k] for k in entry if k in keys["affiliation"] or
                              k in keys["speaker_entry_affiliation"]), None))
            if name:
                found.append((name, own))
        elif (name := scalar_text(entry)) is not None:
            found.append((name, affiliation if len(entries) == 1 else None))
    return found
