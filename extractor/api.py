"""The library's face: records from files, folders, bytes and text.

Every event in becomes exactly one record or one error record out, in input order; a broken
event never stops the others. Records are validated against the schema before they are given.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ExtractorError, message
from .reading.decode import decode_bytes
from .reading.ics import VeventBlock, iter_vevent_blocks, parse_vevent, register_timezone, timezone_id
from .reading.programmes import recurring_prefixes, summary_values
from .reading.repair import repair_view
from .reading.text import text_view
from .record import build_record, error_record
from .schema import schema_problems

CALENDAR_SUFFIXES = (".ics", ".ical", ".ifb", ".ics.gz", ".ical.gz")
TEXT_SUFFIXES = {".txt": "txt", ".eml": "eml", ".md": "md", ".markdown": "md", ".html": "html",
                 ".htm": "html"}
DEFAULT_MAX_CHARS = 2_000_000


@dataclass(frozen=True)
class Options:
    """How records are made: forced encoding, --explain, the size limit."""

    encoding: str | None = None
    explain: bool = False
    max_chars: int = DEFAULT_MAX_CHARS


def input_kind(path: str) -> str | None:
    """Return ``calendar``, a text kind (txt, eml, md, html), or None for other files.

    >>> input_kind("a/b.ics.gz"), input_kind("mail.EML"), input_kind("x.pdf")
    ('calendar', 'eml', None)
    """
    lower = path.lower()
    if lower.endswith(CALENDAR_SUFFIXES):
        return "calendar"
    return TEXT_SUFFIXES.get(os.path.splitext(lower)[1])


def would_overwrite_input(target: str, inputs: Iterable[str]) -> bool:
    """Return whether writing ``target`` would replace one of ``inputs``: a file given, or a
    file of an input kind inside a folder given (a re-run would read it as input)."""
    resolved = Path(target).resolve()
    for given in inputs:
        if given == "-":
            continue
        path = Path(given).resolve()
        if path == resolved:
            return True
        if path.is_dir() and path in resolved.parents and input_kind(resolved.name) is not None:
            return True
    return False


def no_event_error(path: str, head: str) -> dict[str, Any]:
    """Return the error line of an input that gave no event: empty (E014), a calendar without
    a VEVENT (E015), or no calendar and no text (E003); ``head`` is its first text."""
    if not head.strip():
        return error_record(path, 0, "E014", message("E014", path=path))
    if "BEGIN:VCALENDAR" in head.upper():
        return error_record(path, 0, "E015", message("E015", path=path))
    return error_record(path, 0, "E003", message("E003", path=path))


def iter_input_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Yield the files to read: files as given, folders walked in sorted order, hidden ones skipped.

    A glob pattern the shell did not expand (``'archive/**/*.ics'``) is expanded here, in
    sorted order. A path that does not exist is yielded as is, so that reading it reports the
    error.
    """
    for given in inputs:
        if given != "-" and not os.path.exists(given) and glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if matches:
                yield from iter_input_paths(matches)
                continue
        if given == "-" or not os.path.isdir(given):
            yield given
            continue
        seen: set[tuple[int, int]] = set()
        # A folder that cannot be listed is yielded itself, for the reader to report.
        unlisted: list[OSError] = []
        for root, dirs, files in os.walk(given, followlinks=True, onerror=unlisted.append):
            while unlisted:
                yield str(unlisted.pop(0).filename)
            stat = os.stat(root)
            if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop
                dirs[:] = []
                continue
            seen.add((stat.st_dev, stat.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and input_kind(name) is not None:
                    yield os.path.join(root, name)
        while unlisted:
            yield str(unlisted.pop(0).filename)


def extract_paths(inputs: Iterable[str], *, options: Options = Options(),
                  stdin: bytes | None = None) -> Iterator[dict[str, Any]]:
    """Yield the records of every event in ``inputs`` (files, folders, or ``-`` for ``stdin``).

    Calendars are streamed, one event at a time; batch.py does the reading.
    """
    from . import batch  # batch builds on this module

    yield from batch.iter_records(inputs, options=options, stdin=stdin)


def extract_bytes(data: bytes, *, path: str, options: Options = Options()) -> Iterator[dict[str, Any]]:
    """Yield the records of one input's bytes; its kind comes from ``path`` or the content."""
    try:
        decoded = decode_bytes(data, path=path, encoding=options.encoding)
    except ExtractorError as exc:
        yield error_record(path, 0, exc.code, str(exc))
        return
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if len(text) > options.max_chars:
        yield error_record(path, 0, "E008", message("E008", path=path, size=len(text),
                                                     limit=options.max_chars))
        return
    kind = input_kind(path) if path != "-" else None
    if kind is None:
        kind = "calendar" if "BEGIN:VEVENT" in text[:100000].upper() else "txt"
    if kind == "calendar":
        yield from _calendar_records(text, path, options, list(decoded.warnings))
    elif not text.strip():
        yield no_event_error(path, text)
    else:
        view = text_view(text, kind=kind)
        view.warnings.extend(decoded.warnings)
        yield _finish(view, path, options)


def extract_text(text: str, *, path: str = "-", kind: str = "txt",
                 options: Options = Options()) -> dict[str, Any]:
    """Return the record of one plain-text announcement."""
    return _finish(text_view(text, kind=kind), path, options)


def _calendar_records(text: str, path: str, options: Options,
                      warnings: list[str]) -> Iterator[dict[str, Any]]:
    any_event = False
    recurring = recurring_prefixes(summary_values(text.split("\n")))
    calendar_zone = None
    for block in iter_vevent_blocks(text):
        if isinstance(block, str):
            register_timezone(block)
            calendar_zone = calendar_zone or timezone_id(block)
            continue
        any_event = True
        yield event_record(block, path, options, warnings, recurring, calendar_zone)
    if not any_event:
        yield no_event_error(path, text[:100000])


def event_record(block: VeventBlock, path: str, options: Options,
                 warnings: list[str] | tuple[str, ...] = (),
                 recurring: frozenset[str] = frozenset(),
                 calendar_zone: str | None = None) -> dict[str, Any]:
    """Return the record of one VEVENT block, or the error line that stands in for it;
    ``recurring`` are the programme names its calendar repeats before titles, and
    ``calendar_zone`` the zone of its first VTIMEZONE."""
    if block.too_long:
        return error_record(path, block.index, "E013", message(
            "E013", path=path, event=block.index, size=block.size, limit=options.max_chars))
    try:
        view = parse_vevent(block)
    except Exception as exc:  # noqa: BLE001 - icalendar raises many kinds; one event is lost, not the file
        return error_record(path, block.index, "E004", message(
            "E004", path=path, event=block.index, reason=str(exc)[:200]))
    view.warnings[:0] = list(warnings)
    view.recurring_prefixes = recurring
    view.calendar_timezone = calendar_zone
    return _finish(view, path, options)


def _finish(view: Any, path: str, options: Options) -> dict[str, Any]:
    event = view.uid or view.index
    repair_view(view)
    try:
        record = build_record(view, path=path, explain=options.explain)
    except Exception as exc:  # noqa: BLE001 - a bug on one event must not stop the batch
        return error_record(path, view.index, "E005", message(
            "E005", path=path, event=event, reason=f"{type(exc).__name__}: {exc}"[:300]))
    problems = schema_problems(record)
    if problems:
        return error_record(path, view.index, "E006", message(
            "E006", path=path, event=event, reason="; ".join(problems)[:500]))
    return record
