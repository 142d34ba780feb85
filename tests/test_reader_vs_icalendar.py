"""Our lean VEVENT reader and a full icalendar parse agree on every property we read.

Every event of every calendar in corpus/ and in the development corpus (../shared, skipped
where absent) is read both ways: ``icalendar.Calendar.from_ical`` + ``walk("VEVENT")`` and
``iter_vevent_blocks`` + ``read_event``. A file icalendar refuses as a whole is compared event
by event (``icalendar.Event.from_ical`` of each block), as the extractor used to read it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import icalendar
import pytest

from conftest import CORPUS, SHARED
from extractor.reading.contentlines import USED_PROPERTIES, read_event
from extractor.reading.ics import VeventBlock, iter_vevent_blocks

DEV_CORPUS = SHARED / "corpus" / "announcements"
OUR_CALENDARS = sorted(CORPUS.rglob("*.ics"))
DEV_CALENDARS = sorted(DEV_CORPUS.rglob("*.ics")) if DEV_CORPUS.is_dir() else []


def _comparable(value: Any) -> Any:
    """Return what we use of a property value: its text, parameters, date or categories."""
    if value is None:
        return None
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    params = dict(getattr(value, "params", {}) or {})
    cats = _attribute(value, "cats")
    return (type(value).__name__, str(value), params, repr(_attribute(value, "dt")),
            [str(c) for c in cats] if isinstance(cats, list) else cats)


def _attribute(value: Any, name: str) -> Any:
    try:
        return getattr(value, name, None)
    except Exception as exc:  # noqa: BLE001 - a broken property raises on access in icalendar 7
        return f"raises {type(exc).__name__}"


def _ours(text: str) -> list[dict[str, Any]]:
    events = []
    for block in iter_vevent_blocks(text.replace("\r\n", "\n").replace("\r", "\n")):
        if isinstance(block, VeventBlock):
            event = read_event(block.lines)
            events.append({name: _comparable(event.get(name)) for name in USED_PROPERTIES}
                          | {"errors": len(event.errors)})
    return events


def _icalendar(text: str) -> list[dict[str, Any]]:
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
        events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    except ValueError:
        events = [icalendar.Event.from_ical(block.text) for block in
                  iter_vevent_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
                  if isinstance(block, VeventBlock)]
    return [{name: _comparable(event.get(name)) for name in USED_PROPERTIES}
            | {"errors": len([e for e in event.errors if e[0] in USED_PROPERTIES | {None}])}
            for event in events]


def _check(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    ours, theirs = _ours(text), _icalendar(text)
    assert len(ours) == len(theirs), f"{path}: {len(ours)} events read, icalendar {len(theirs)}"
    for index, (mine, reference) in enumerate(zip(ours, theirs)):
        assert mine == reference, f"{path}, event {index}"


@pytest.mark.parametrize("path", OUR_CALENDARS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_our_corpus_reads_as_icalendar_reads_it(path: Path) -> None:
    _check(path)


@pytest.mark.parametrize("path", DEV_CALENDARS or [None],
                         ids=lambda p: str(p.relative_to(DEV_CORPUS)) if p else "absent")
def test_dev_corpus_reads_as_icalendar_reads_it(path: Path | None) -> None:
    if path is None:
        pytest.skip("../shared (the development corpus) is not beside this checkout")
    _check(path)


# Lines the fast path must hand to icalendar's own scan, and values that must come out equal.
CONTENT_LINE_EXAMPLES = [
    'BEGIN:VEVENT\nUID:q1\nDESCRIPTION;ALTREP="cid:x:y":Fall\'98\\, a: b\\nc\nEND:VEVENT',
    'BEGIN:VEVENT\nUID:q2\nORGANIZER;CN="Doe, Jane":mailto:jane@example.org\nEND:VEVENT',
    'BEGIN:VEVENT\nUID:q3\nDTSTART;TZID=Europe/Berlin:20240105T150000\nDTEND;VALUE=DATE:20240106'
    '\nEND:VEVENT',
    'BEGIN:VEVENT\nUID:q4\nCATEGORIES:a\\,b,c\nCATEGORIES:d\nSUMMARY:x\n  folded\nEND:VEVENT',
    'BEGIN:VEVENT\nUID:q5\nDTSTART:2024XX05T150000Z\nnot a content line\nEND:VEVENT',
    'BEGIN:VEVENT\nUID:q6\nBEGIN:VALARM\nDESCRIPTION:alarm\nEND:VALARM\nSUMMARY:s\nEND:VEVENT',
    'BEGIN:VEVENT\nUID :q7\nSUMMARY\t;LANGUAGE=en:spaced\nEND:VEVENT',
    # A date without VALUE=DATE: icalendar leaves the line's (empty) parameters on it.
    'BEGIN:VEVENT\nUID:q8\nDTSTART:20240105\nDTEND:20240105T100000Z\nEND:VEVENT',
    # An escaped line end in a URI: icalendar refuses the value (vBroken).
    'BEGIN:VEVENT\nUID:q9\nURL:https://example.org/a\\nb\nEND:VEVENT',
]


@pytest.mark.parametrize("text", CONTENT_LINE_EXAMPLES, ids=lambda t: t.split("\n")[1])
def test_content_line_examples_read_as_icalendar_reads_them(text: str) -> None:
    assert _ours(text) == _icalendar(text)


def test_blocks_icalendar_refuses_are_refused() -> None:
    broken = "BEGIN:VEVENT\nUID:x\nEND:VTODO\nSUMMARY:after\nEND:VEVENT"
    with pytest.raises(ValueError):
        icalendar.Event.from_ical(broken)
    with pytest.raises(ValueError):
        read_event(broken.split("\n"))


# Values the reader makes without running icalendar's constructors (plain text and URIs,
# dates and times): every attribute, and the parameters' own, as icalendar's parser has it.
CONSTRUCTOR_FREE_EXAMPLES = [
    "SUMMARY:A plain title", "DESCRIPTION:Two\\nlines\\, escaped", "URL:https://example.org/talk",
    "URL:https://example.org/a\\,b", "DTSTART:20240105T150000Z",
    "DTSTART:20240105", "DTSTART;TZID=Europe/Berlin:20240105T150000",
    "DTSTART;VALUE=DATE:20240106", "DTSTART:20240105T150000",
]


def _state(value: Any) -> Any:
    slots = {name for cls in type(value).__mro__ for name in getattr(cls, "__slots__", ())}
    attributes = {name: getattr(value, name) for name in slots if hasattr(value, name)}
    attributes |= {key: item for key, item in getattr(value, "__dict__", {}).items()
                   if key != "params"}
    params = value.params
    return (type(value), str(value), attributes, type(params), dict(params),
            getattr(params, "__dict__", None))


@pytest.mark.parametrize("line", CONSTRUCTOR_FREE_EXAMPLES)
def test_values_made_without_constructors_equal_icalendars(line: str) -> None:
    text = f"BEGIN:VEVENT\nUID:c\n{line}\nEND:VEVENT"
    name = line.split(";")[0].split(":")[0]
    ours = read_event(text.split("\n")).get(name)
    theirs = icalendar.Event.from_ical(text)[name]
    assert _state(ours) == _state(theirs)
