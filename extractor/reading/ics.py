"""VEVENT views: a calendar's text split into events, each read on its own (no NLP here).

A calendar's lines (streamed: a file is never held whole) are cut into ``BEGIN:VEVENT`` …
``END:VEVENT`` blocks and each block is read on its own by the lean content-line reader
(contentlines.py, icalendar's value types), so one broken event never costs the others.
VTIMEZONE blocks are registered with icalendar first, so custom ``TZID``s resolve as they would
in a full parse.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from icalendar.timezone import tzp

from ..deferred import deferred
from .contentlines import LeanEvent, read_event
from .glued import split_glued_lines
from .html import html_to_text, looks_like_html, unescape_entities, without_tags


@dataclass(frozen=True)
class VeventBlock:
    """The raw content lines of one VEVENT and where it stood in the file.

    ``size`` counts its characters; a block over the reader's ``max_chars`` keeps no lines
    (``too_long``), so one runaway event cannot fill the memory.
    """

    index: int
    first_line: int
    lines: tuple[str, ...]
    complete: bool
    size: int = 0
    too_long: bool = False

    @property
    def text(self) -> str:
        """Return the block as one CRLF-separated text."""
        return "\r\n".join(self.lines)


@dataclass
class VeventView:
    """What one VEVENT says, as plain Python values; text properties are unescaped plain text."""

    index: int
    kind: str = "calendar"  # or "text": a plain-text announcement, whose times are in its text
    text_format: str | None = None  # for a text announcement: txt, eml, md or html
    uid: str | None = None
    summary: str = ""
    description: str = ""
    location: str | None = None
    url: str | None = None
    categories: list[str] = field(default_factory=list)
    organizer: str | None = None
    # CONTACT: who to ask about the event, as text ("Name, role, address"), with the address of
    # its ALTREP parameter after it when it has one.
    contact: str | None = None
    status: str | None = None
    start: str | None = None
    end: str | None = None
    timezone: str | None = None
    # The zone of the calendar's first VTIMEZONE: what a UTC event's "$20" is counted in.
    calendar_timezone: str | None = None
    # An e-mail's From header: its contact where the body asks readers to write to the sender;
    # its Reply-To header, where the body asks them to reply to the message.
    sender: str | None = None
    reply_to: str | None = None
    # A web page's schema.org start and end (reading/structured.py), with the zone's offset.
    page_start: str | None = None
    page_end: str | None = None
    conference: str | None = None
    # RECURRENCE-ID: the instance of a recurring event that this VEVENT overrides; with the
    # UID it names the instance (RFC 5545, 3.8.4.4).
    recurrence_id: str | None = None
    # Programme names the whole calendar repeats before its titles (reading/programmes.py).
    recurring_prefixes: frozenset[str] = frozenset()
    warnings: list[str] = field(default_factory=list)


_B_OR_E = frozenset("bBeE")


def iter_vevent_blocks(lines: Iterable[str] | str, *,
                       max_chars: int | None = None) -> Iterator[VeventBlock | str]:
    """Yield each VEVENT block in file order, and each VTIMEZONE block as a plain string.

    ``lines`` is a calendar's text or, to stream a large file, an iterable of its lines.

    >>> cal = "BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nUID:a\\nEND:VEVENT\\nEND:VCALENDAR\\n"
    >>> [b.index for b in iter_vevent_blocks(cal)]
    [0]
    """
    if isinstance(lines, str):
        # Only CR and LF end a line, as in a streamed file: str.splitlines would also cut at
        # \x1c or U+2028 inside a value and make up lines (and events) that are not there.
        lines = lines.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    index = start_line = size = 0
    limit: float = math.inf  # the size over which a VEVENT keeps no lines (VTIMEZONE: none)
    collecting: list[str] | None = None
    kind = ""

    def block(complete: bool) -> VeventBlock:
        assert collecting is not None
        too_long = max_chars is not None and size > max_chars
        ending = () if complete or too_long else ("END:VEVENT",)
        return VeventBlock(index, start_line, tuple(collecting) + ending, complete, size,
                           too_long)

    def keep(line: str) -> None:
        """Keep a line of the block being collected, or only count it past ``limit``."""
        nonlocal size
        assert collecting is not None
        size += len(line) + 1
        if size > limit:
            collecting.clear()  # over the limit: only the count is kept from here on
        else:
            collecting.append(line)

    for number, line in enumerate(lines, start=1):
        # Only a line that opens with B or E can begin or end a component: the others (most
        # lines of a calendar) are kept without a look at their head.
        if line[:1] not in _B_OR_E:
            if collecting is not None:
                size += len(line) + 1
                if size > limit:
                    collecting.clear()  # over the limit: only the count is kept from here on
                else:
                    collecting.append(line)
            continue
        head = line[:16].upper()
        if collecting is None:
            if head.startswith(("BEGIN:VEVENT", "BEGIN:VTIMEZONE")):
                collecting, kind, start_line, size = [], head[6:].rstrip(), number, 0
                kind = "VEVENT" if kind.startswith("VEVENT") else "VTIMEZONE"
                limit = max_chars if kind == "VEVENT" and max_chars is not None else math.inf
                keep(line)
            continue
        if kind == "VEVENT" and head.startswith("BEGIN:VEVENT") and line[:1] not in " \t":
            # A new event before this one ended: the file lost an END:VEVENT.
            yield block(complete=False)
            index += 1
            collecting, start_line, size = [], number, 0
            keep(line)
            continue
        keep(line)
        # Only the component's own END closes it; a stray END stays inside, for the parser
        # to judge.
        if head.startswith(f"END:{kind}"):
            if kind == "VEVENT":
                yield block(complete=True)
                index += 1
            else:
                yield "\r\n".join(collecting)
            collecting = None
    if collecting is not None and kind == "VEVENT":
        yield block(complete=False)


_TZID_LINE = deferred(r"(?m)^TZID:[ \t]*(?P<zone>[^\r\n]{1,100})")


def timezone_id(block: str) -> str | None:
    """Return the TZID a VTIMEZONE block defines, or None."""
    found = _TZID_LINE.search(block)
    return found.group("zone").strip() if found else None


def register_timezone(block: str) -> None:
    """Make a VTIMEZONE's TZID known to icalendar, so events that name it resolve."""
    try:
        component = icalendar.Timezone.from_ical(block)
        tzp.cache_timezone_component(component)
    except Exception:  # noqa: BLE001 - a broken VTIMEZONE only costs the zone, not the events
        pass


def parse_vevent(block: VeventBlock) -> VeventView:
    """Return the view of one VEVENT block; raises ValueError when icalendar cannot read it."""
    event = read_event(block.lines)
    view = VeventView(index=block.index)
    for name, problem in getattr(event, "errors", []) or []:
        view.warnings.append(f"event {block.index}: property {name} could not be read ({problem})")
    view.uid = _text(event.get("UID"))
    view.summary = _clean_text(_text(event.get("SUMMARY")) or "")
    view.description = _description(event)
    view.location = _clean_text(_text(event.get("LOCATION")) or "") or None
    view.url = _text(event.get("URL"))
    view.categories = _categories(event.get("CATEGORIES"))
    view.organizer = _organizer(event.get("ORGANIZER"))
    view.contact = _contact(event.get("CONTACT"))
    view.status = _text(event.get("STATUS"))
    view.conference = _text(event.get("CONFERENCE"))
    view.start, view.timezone = _when(event, "DTSTART", view.warnings)
    view.end, _ = _when(event, "DTEND", view.warnings)
    if event.get("RECURRENCE-ID") is not None:
        view.recurrence_id, _ = _when(event, "RECURRENCE-ID", view.warnings)
    if not block.complete:
        view.warnings.append(f"event {block.index}: no END:VEVENT; read up to the next event or "
                             f"the end of the file")
    return view


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    text = str(value).strip()
    return text or None


def _clean_text(text: str) -> str:
    if "<" in text and looks_like_html(text):
        text = html_to_text(text)
    return " ".join(unescape_entities(text).split())


def _description(event: LeanEvent) -> str:
    plain = _text(event.get("DESCRIPTION")) or ""
    html = _text(event.get("X-ALT-DESC")) or ""
    if "\\" in html:
        # X-ALT-DESC is TEXT (RFC 5545 escapes: "\\,", "\\n"), but icalendar does not know the
        # property and gives it as written.
        html = _TEXT_ESCAPE.sub(lambda m: _TEXT_UNESCAPED[m.group(1)], html)
    if html and (not plain or looks_like_html(plain) or _flattened(plain, html) or _teaser(plain, html)):
        plain = html
    if "\\" in plain:
        # "Assistant Professor\\, Fenmore College": a comma escaped twice by the exporter.
        plain = _ESCAPED_TWICE.sub(r"\1", plain)
    if looks_like_html(plain):
        return split_glued_lines(html_to_text(plain))
    # Confluence and Jira wiki markup: "h3. Abstract" is the heading "Abstract".
    plain = _WIKI_HEADING.sub("", plain)
    return split_glued_lines(unescape_entities(plain))


_WIKI_HEADING = deferred(r"(?m)^h[1-6]\.[ \t]{1,3}(?=\S)")


# A comma or semicolon still escaped after unescaping, before a blank (LaTeX's thin space "\\,"
# stands before a letter).
_ESCAPED_TWICE = deferred(r"\\([,;])(?=\s)")
# RFC 5545 3.3.11: the escapes of a TEXT value.
_TEXT_ESCAPE = deferred(r"\\([\\;,nN])")
_TEXT_UNESCAPED = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
TEASER_MAX_CHARS = 300
TEASER_RATIO = 3
_HTML_BLOCK = deferred(r"(?i)<(?:p|br|li|div|h[1-6]|tr)\b")


def _flattened(plain: str, html: str) -> bool:
    """Return whether a DESCRIPTION is the X-ALT-DESC's HTML run into one line ("Speaker: X
    Abstract  Text  Bio  Text"), so that the HTML's paragraphs say more."""
    return "\n" not in plain.strip() and len(plain) > 200 and \
        len(_HTML_BLOCK.findall(html)) >= 3


def _teaser(plain: str, html: str) -> bool:
    """Return whether a DESCRIPTION is a one-paragraph teaser of a page that the X-ALT-DESC
    holds whole (a site builder's export): several blocks and many times the text."""
    # The HTML's own length first: without its tags it is shorter still.
    return len(plain) < TEASER_MAX_CHARS and len(html) > TEASER_RATIO * len(plain) and \
        len(_HTML_BLOCK.findall(html)) >= 3 and len(without_tags(html)) > TEASER_RATIO * len(plain)


def _categories(value: Any) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in values:
        cats = getattr(item, "cats", None)
        for cat in cats if cats is not None else str(item).split(","):
            cat = str(cat).strip()
            if cat and cat not in found:
                found.append(cat)
    return found


def _contact(value: Any) -> str | None:
    """Return a CONTACT's text, with the address of its ALTREP parameter ("mailto:...")."""
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    text = " ".join(str(value).split())
    altrep = str(getattr(value, "params", {}).get("ALTREP", "") or "")
    if altrep.lower().startswith("mailto:"):
        text = f"{text} <{altrep[7:]}>"
    return text or None


def _organizer(value: Any) -> str | None:
    if value is None:
        return None
    name = getattr(value, "params", {}).get("CN")
    address = str(value)
    if address.lower().startswith("mailto:"):
        address = address[7:]
    return f"{name} <{address}>" if name and address else (name or address or None)


def _when(event: LeanEvent, name: str, warnings: list[str]) -> tuple[str | None, str | None]:
    """Return (ISO 8601 text, IANA zone name) of a DTSTART/DTEND, or (None, None)."""
    prop = event.get(name)
    if prop is None:
        return None, None
    try:
        value = getattr(prop, "dt", None)
    except Exception:  # noqa: BLE001 - icalendar 7 raises on a broken property's value
        value = None
    if not isinstance(value, (dt.date, dt.datetime)):
        warnings.append(f"property {name} is not a date or date-time: {str(prop)[:40]!r}; "
                        f"it was left out")
        return None, None
    if not isinstance(value, dt.datetime):
        return value.isoformat(), None
    zone = None
    if value.tzinfo is not None:
        zone = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
        if zone is None and value.utcoffset() == dt.timedelta(0):
            zone = "UTC"
    else:
        tzid = getattr(prop, "params", {}).get("TZID")
        if tzid:
            try:
                value = value.replace(tzinfo=ZoneInfo(tzid))
                zone = tzid
            except (KeyError, ValueError, OSError):
                warnings.append(f"unknown time zone {tzid!r} on {name}; the time is local")
    return value.isoformat(), zone
