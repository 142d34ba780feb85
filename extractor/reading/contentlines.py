"""A lean reader of one VEVENT's content lines: the properties we use, as icalendar values.

icalendar parses every property of every component and spends about half of that time in
``Contentline.raw_parts``, a character-by-character scan of each (long) line. Here we unfold
and split the lines ourselves — a ``str.find`` when the name carries no quoted parameter —
and hand only the properties that ``ics.parse_vevent`` reads to icalendar's own value types
(vText, vDDDTypes with its time zones, vCategory, vCalAddress, ...), so the values are the
ones a full icalendar parse gives; ``tests/test_reader_vs_icalendar.py`` holds us to that.

The component structure is judged as icalendar judges it (an END without a BEGIN, a property
outside the component, two components in one block: ValueError), so the same blocks fail.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import icalendar
from icalendar.parser.content_line import Contentline
from icalendar.parser.parameter import Parameters
from icalendar.parser.property import split_on_unescaped_comma, unescape_backslash
from icalendar.parser.string import validate_token
from icalendar.parser_tools import DEFAULT_ENCODING
from icalendar.prop import vBroken, vCalAddress, vDDDTypes, vText, vUri

# The properties parse_vevent reads; every other property is split (to follow the component
# structure) but its value is never parsed.
USED_PROPERTIES = frozenset({"UID", "SUMMARY", "DESCRIPTION", "X-ALT-DESC", "LOCATION", "URL",
                             "CATEGORIES", "ORGANIZER", "STATUS", "CONFERENCE", "DTSTART",
                             "DTEND", "RECURRENCE-ID", "CONTACT"})
_TZID_PROPERTIES = frozenset({"DTSTART", "DTEND", "RECURRENCE-ID"})
# Parameters that icalendar is sure to accept: a property we do not read may skip them.
_PLAIN_PARAMS = re.compile(r'(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)+')
_BLANKS = re.compile(r"[ \t]+")
_USED_AND_STRUCTURE = USED_PROPERTIES | {"BEGIN", "END"}
_TYPES = icalendar.Event.types_factory
# Value types whose from_ical gives a value of the type itself, equal to the type applied to it.
_SELF_PARSING = frozenset({vText, vUri, vCalAddress})
_VALID_NAMES: set[str] = set()
# The caches below keep short keys only: a hostile file's long heads must not fill the memory.
_CACHED_LENGTH = 200


@dataclass
class LeanEvent:
    """The used properties of one VEVENT, valued as ``icalendar.Event`` values them."""

    properties: dict[str, Any] = field(default_factory=dict)
    errors: list[tuple[str | None, str]] = field(default_factory=list)

    def get(self, name: str) -> Any:
        """Return the value of property ``name`` (a list when it was given several times)."""
        return self.properties.get(name)

    def add(self, name: str, value: Any) -> None:
        """Add a value, turning a repeated property into a list as icalendar does."""
        old = self.properties.get(name)
        if old is None:
            self.properties[name] = value
        elif isinstance(old, list):
            old.append(value)
        else:
            self.properties[name] = [old, value]


def unfold(lines: Iterable[str]) -> Iterator[str]:
    """Yield the logical content lines: continuation lines joined, empty lines dropped.

    >>> list(unfold(["DESCRIPTION:a", " b", "", "\\tc", "UID:x"]))
    ['DESCRIPTION:abc', 'UID:x']
    """
    current: list[str] = []
    for line in lines:
        if not line:
            continue  # icalendar's unfolding swallows blank lines before a continuation too
        if line[0] in " \t" and current:
            current.append(line[1:])
            continue
        if current:
            yield "".join(current)
        current = [line]
    if current:
        yield "".join(current)


def split_content_line(line: str, *, used: frozenset[str] | None = None
                       ) -> tuple[str, Parameters | None, str]:
    """Return (name, parameters or None when there are none, raw value) of one content line.

    With ``used``, the parameters of a property not in it are not parsed (None) when they are
    plainly well formed.

    Raises ValueError as ``Contentline.raw_parts`` does for a line that is not a content line.

    >>> split_content_line("SUMMARY:A: b")
    ('SUMMARY', None, 'A: b')
    >>> name, params, value = split_content_line('DTSTART;TZID="Europe/Berlin":20240105T150000')
    >>> name, params["TZID"], value
    ('DTSTART', 'Europe/Berlin', '20240105T150000')
    """
    colon = line.find(":")
    if colon > 0:
        head = line[:colon]
        # A quote or a backslash before the first colon can move the separator: those few
        # lines take icalendar's own scan.
        if '"' not in head and "\\" not in head:
            semicolon = head.find(";")
            if semicolon < 0:
                name = _clean_name(head)
                _validate_name(name)
                return name, None, line[colon + 1:]
            name = _clean_name(head[:semicolon])
            if used is not None and name.upper() not in used \
                    and _PLAIN_PARAMS.fullmatch(head, semicolon):
                _validate_name(name)
                return name, None, line[colon + 1:]
            try:
                if len(head) <= _CACHED_LENGTH:
                    name, params = _head_parts(head)
                    return name, _copy_parameters(params), line[colon + 1:]
                name, params, _ = Contentline(head + ":").raw_parts()
                return name, params, line[colon + 1:]
            except ValueError:
                pass  # let the whole line raise icalendar's own message below
    name, params, value = Contentline(line).raw_parts()
    return name, params, value


@lru_cache(maxsize=512)
def _head_parts(head: str) -> tuple[str, Parameters]:
    """Return the name and parameters of a content line's head (the part before its colon).

    A calendar repeats the same few heads ("DTSTART;TZID=America/New_York") on every event;
    icalendar's character scan of them was a sixth of the reading time. Callers take a copy.
    """
    name, params, _ = Contentline(head + ":").raw_parts()
    return name, params


def _copy_parameters(params: Parameters) -> Parameters:
    """Return a copy of cached parameters, for one value of its own.

    ``Parameters.copy`` builds a dict and canonicalises every key twice; the keys of parsed
    parameters are canonical already, and an update of empty ones costs half as much.
    """
    copy = Parameters()
    copy.update(params)
    return copy


def _validate_name(name: str) -> None:
    """Raise ValueError as icalendar's validate_token does for a name that is not a token.

    The same few names come back on every event; each is checked once (up to a bound in
    number and length, so a hostile file cannot grow the set without end).
    """
    if name not in _VALID_NAMES:
        validate_token(name)
        if len(_VALID_NAMES) < 4096 and len(name) <= _CACHED_LENGTH:
            _VALID_NAMES.add(name)


def _clean_name(name: str) -> str:
    """Return a property name as icalendar's tolerant reading has it: blanks taken out."""
    if " " in name or "\t" in name or not name.isprintable():
        return _BLANKS.sub("", name.strip())
    return name


@cache
def _ignores_exceptions(component: str) -> bool:
    """Return whether icalendar keeps reading a component of this name past a bad line."""
    factory = icalendar.Event._get_component_factory()  # noqa: SLF001 - the class icalendar uses
    return bool(getattr(factory.get_component_class(component), "ignore_exceptions", False))


def read_event(lines: Iterable[str]) -> LeanEvent:
    """Return the used properties of the one component in ``lines`` (folded content lines).

    Raises ValueError where ``icalendar.Event.from_ical`` would refuse the block.
    """
    event = LeanEvent()
    stack: list[str] = []
    finished = 0
    for line in unfold(lines):
        try:
            name, params, raw = split_content_line(line, used=_USED_AND_STRUCTURE)
        except ValueError as exc:
            if not stack or not _ignores_exceptions(stack[-1]):
                raise
            if len(stack) == 1:
                event.errors.append((None, str(exc)))
            continue
        uname = name.upper()
        if uname == "BEGIN":
            if finished:
                raise ValueError("Found multiple components where only one is allowed")
            stack.append(_unescape(raw).upper())
        elif uname == "END":
            if not stack:
                raise ValueError("END encountered without an accompanying BEGIN!")
            stack.pop()
            finished += not stack
        elif not stack:
            if uname != "X-COMMENT":
                raise ValueError(f'Property "{uname}" does not have a parent component.')
        elif len(stack) == 1 and uname in USED_PROPERTIES:
            _add_property(event, uname, params, raw, line)
    if not finished:
        raise ValueError("Found no components where exactly one is required")
    return event


def _add_property(event: LeanEvent, name: str, params: Parameters | None, raw: str,
                  line: str) -> None:
    """Value one property with icalendar's type for it, or keep it broken as icalendar does."""
    # Most lines carry no parameters: the value type's own empty Parameters then stands, and
    # none is built here (building them was a tenth of the reading time).
    value_param = params.value if params is not None else None
    factory, keeps_raw = _value_type(name, value_param) if value_param is None or \
        len(value_param) <= _CACHED_LENGTH else _value_type.__wrapped__(name, value_param)
    if name == "CATEGORIES":
        # icalendar splits CATEGORIES on unescaped commas of the raw value after the first
        # unquoted colon.
        separator = Contentline(line).value_separator_index() if '"' in line else line.find(":")
        if separator > 0:
            try:
                value = factory(split_on_unescaped_comma(line[separator + 1:]))
                if params is not None:
                    value.params = params
                event.add(name, value)
                return
            except ValueError as exc:
                _add_broken(event, name, params, line[separator + 1:], factory, exc)
                return
    value_text = raw if keeps_raw else _unescape(raw)
    if params is None and (factory is vText or factory is vUri and _on_one_line(value_text)):
        event.add(name, _plain_text_value(factory, value_text))
        return
    tzid = params.get("TZID") if params is not None and name in _TZID_PROPERTIES else None
    try:
        parsed = factory.from_ical(value_text, tzid) if tzid else factory.from_ical(value_text)
    except (ValueError, TypeError) as exc:
        _add_broken(event, name, params, value_text, factory, exc)
        return
    if factory is vDDDTypes:
        event.add(name, _date_time_value(parsed, params))
        return
    # icalendar wraps the parsed value in the type once more; a text, URI or address type is
    # parsed into its own type already, and wrapping it again only built a second value and a
    # second Parameters (a third of the reading time).
    value = parsed if type(parsed) in _SELF_PARSING else factory(parsed)
    if params is not None:
        value.params = params
    event.add(name, value)


def _date_time_value(parsed: Any, params: Parameters | None) -> vDDDTypes:
    """Return a DTSTART/DTEND value as icalendar's parser leaves it: ``vDDDTypes(parsed)``
    whose parameters are then replaced by the line's own (empty ones where it has none).

    The constructor works out parameters of its own (VALUE=DATE, the TZID of the datetime,
    two thirds of the cost of a date-time value) that the parser throws away at once, so the
    value is made without it and given what is left of its work: ``dt`` and the line's
    parameters. The reader-vs-icalendar test holds the result equal to icalendar's.
    """
    value = vDDDTypes.__new__(vDDDTypes)
    value.dt = parsed
    value.params = params if params is not None else _empty_parameters()
    return value


def _plain_text_value(factory: type[vText] | type[vUri], text: str) -> vText | vUri:
    """Return ``factory.from_ical(text)`` of a TEXT value, or of a URI on one line, with no
    parameters (most UID, SUMMARY, DESCRIPTION, LOCATION, STATUS and URL lines).

    Made as the constructor makes it (the str, its encoding for vText, empty parameters)
    without its checks, which cannot fail on such a value (vUri refuses only CR and LF).
    ``tests/test_reader_vs_icalendar.py`` holds every slot equal to icalendar's own value.
    """
    value = str.__new__(factory, text)
    if factory is vText:
        value.encoding = DEFAULT_ENCODING
    value.params = _empty_parameters()
    return value


def _on_one_line(text: str) -> bool:
    """Return whether a text holds no line end (a URI that does is refused by vUri)."""
    return "\n" not in text and "\r" not in text


def _empty_parameters() -> Parameters:
    """Return new empty parameters, the same as ``Parameters()`` at a tenth of its cost.

    ``Parameters()`` runs three layers of Python ``__init__`` that only act on the items and
    defaults given; given none, they leave the bare mapping that ``__new__`` makes. Every
    value has parameters of its own, and making them was a sixth of the reading time.
    """
    return Parameters.__new__(Parameters)


def _unescape(raw: str) -> str:
    r"""Return icalendar's unescape_backslash of a raw value, at no cost without a backslash.

    >>> _unescape(r"a\, b\nc"), _unescape("plain")
    ('a, b\nc', 'plain')
    """
    return unescape_backslash(raw) if "\\" in raw else raw


@lru_cache(maxsize=256)
def _value_type(name: str, value_param: str | None) -> tuple[Any, bool]:
    """Return icalendar's value type of a property (given its VALUE parameter), and whether
    it reads the raw value (not unescaped) as icalendar's parser hands it; looked up once."""
    factory = _TYPES.for_property(name, value_param)
    return factory, hasattr(factory, "get_value_from_content_line")


def _add_broken(event: LeanEvent, name: str, params: Parameters | None, text: str,
                factory: Any, exc: Exception) -> None:
    broken = vBroken.from_parse_error(raw_value=text, params=params or Parameters(), property_name=name,
                                      expected_type=getattr(factory, "__name__", "unknown"),
                                      error=exc)
    event.errors.append((name, str(exc)))
    event.add(name, broken)
