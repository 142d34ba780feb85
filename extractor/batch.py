"""Batch conversion: walk the inputs, stream calendars in chunks of events, run the chunks in
worker processes, and count what came out.

The parent process reads: it walks folders and globs, streams each calendar's lines and cuts
them into units of at most ``CHUNK_EVENTS`` VEVENT blocks (a text announcement is a unit of its
own). With ``--jobs N`` it starts N - 1 worker processes, which send back records as plain
dicts, never spaCy objects, and extracts the units they have no room for itself; it takes
results in unit order, so the output does not depend on the number of workers. At most a few
units per worker are in flight, so memory stays flat however large the archive or a single
calendar is.

Nothing is lost: every VEVENT becomes exactly one record or error line, and a file that cannot
be read becomes one error line.
"""
from __future__ import annotations

import io
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields
from typing import Any, BinaryIO, Literal

from .api import Options, event_record, extract_bytes, input_kind, iter_input_paths, no_event_error
from .errors import InputError, message
from .reading.ics import VeventBlock, iter_vevent_blocks, register_timezone, timezone_id
from .reading.programmes import recurring_prefixes, summary_values
from .reading.paths import folder_error, is_utf8_name, printable_path
from .reading.stream import LineSource, open_binary
from .record import error_record

Record = dict[str, Any]
CHUNK_EVENTS = 16  # small enough to share one large calendar among workers, large enough
#                    that sending a unit costs little next to extracting its events
IN_FLIGHT_PER_WORKER = 4
UNREADABLE_CODES = frozenset({"E001", "E002", "E009", "E010", "E016"})


@dataclass(frozen=True)
class Unit:
    """One piece of work: some VEVENT blocks of a file, a text file's bytes, or ready records.

    ``timezones`` are the file's VTIMEZONE blocks that came before these events; ``last`` marks
    the file's final unit, for counting files.
    """

    path: str
    kind: Literal["events", "text", "records"]
    blocks: tuple[tuple[VeventBlock, tuple[str, ...]], ...] = ()
    timezones: tuple[str, ...] = ()
    data: bytes = b""
    records: tuple[Record, ...] = ()
    last: bool = True
    recurring: frozenset[str] = frozenset()


@dataclass
class Summary:
    """What a batch made: one ``events`` line out per VEVENT or text, split into records and
    errors, and how many files were read and could not be read."""

    files: int = 0
    unreadable: int = 0
    events: int = 0
    records: int = 0
    errors: int = 0
    warned: int = 0
    _file_unreadable: bool = field(default=False, init=False, repr=False, compare=False)

    def count(self, record: Record) -> None:
        """Count one output line of the file being read."""
        self.events += 1
        if "error" in record:
            self.errors += 1
            self._file_unreadable |= record["error"]["code"] in UNREADABLE_CODES
        else:
            self.records += 1
            self.warned += bool(record.get("warnings"))

    def end_file(self) -> None:
        """Count the file whose lines were counted last as read (or as unreadable)."""
        self.files += 1
        self.unreadable += self._file_unreadable
        self._file_unreadable = False

    def add(self, other: Summary) -> None:
        """Add the counts of another run, such as one partition of a Dask run."""
        for counter in (f.name for f in fields(self) if f.init):
            setattr(self, counter, getattr(self, counter) + getattr(other, counter))

    def line(self) -> str:
        """Return the one-line summary printed at the end of a run."""
        return (f"{self.events} events: {self.records} records, {self.errors} errors, "
                f"{self.warned} with warnings; {self.files} files, {self.unreadable} unreadable")


def warning_messages(record: Record) -> list[str]:
    """Return the E017 message of each warning of a record: what ``--strict`` prints."""
    return [message("E017", path=record["source"]["path"], warning=warning,
                    event=record.get("uid") or record["source"]["index"])
            for warning in record.get("warnings") or ()]


def resolve_jobs(jobs: int) -> int:
    """Return the number of worker processes for ``--jobs`` (0: one per available core)."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def iter_records(inputs: Iterable[str], *, options: Options = Options(), jobs: int = 1,
                 stdin: bytes | BinaryIO | None = None,
                 summary: Summary | None = None) -> Iterator[Record]:
    """Yield the records and error lines of every event in ``inputs``, in input order.

    ``inputs`` are files, folders (walked recursively), glob patterns and ``-`` for ``stdin``;
    ``jobs`` worker processes extract (1: in this process). ``summary`` is updated as lines go.
    """
    summary = summary if summary is not None else Summary()
    units = iter_units(inputs, options=options, stdin=stdin)
    for unit, records in _run_units(units, options, resolve_jobs(jobs)):
        for record in records:
            summary.count(record)
            yield record
        if unit.last:
            summary.end_file()


def iter_file_records(path: str, *, options: Options = Options()) -> Iterator[Record]:
    """Yield the records and error lines of one file as ``iter_input_paths`` names it, in
    order, extracted in this process: what ``iter_records`` gives for that file with any --jobs.

    The per-file function of engines that spread files over machines (extractor/dask.py).
    """
    for unit in path_units(path, options=options):
        yield from run_unit(unit, options)


def iter_units(inputs: Iterable[str], *, options: Options,
               stdin: bytes | BinaryIO | None = None) -> Iterator[Unit]:
    """Yield the units of work of every input file, in input order."""
    for path in iter_input_paths(inputs):
        yield from path_units(path, options=options, stdin=stdin)


def path_units(path: str, *, options: Options,
               stdin: bytes | BinaryIO | None = None) -> Iterator[Unit]:
    """Yield the units of work of one file as ``iter_input_paths`` names it (``-``: stdin)."""
    if path == "-":
        stream = io.BytesIO(stdin) if isinstance(stdin, (bytes, type(None))) else stdin
        yield from _file_units(path, stream or io.BytesIO(), options)
        return
    if not is_utf8_name(path):
        shown = printable_path(path)
        yield _error_unit(shown, 0, "E016", message("E016", path=shown))
        return
    unlisted = folder_error(path)
    if unlisted is not None:
        yield _error_unit(path, 0, "E001", message("E001", path=path, reason=unlisted))
        return
    try:
        opened = open_binary(path)
    except FileNotFoundError:
        yield _error_unit(path, 0, "E009", message("E009", path=path))
        return
    except OSError as exc:
        yield _error_unit(path, 0, "E001", message("E001", path=path, reason=exc.strerror))
        return
    with opened:
        yield from _file_units(path, opened, options)


def _file_units(path: str, stream: BinaryIO, options: Options) -> Iterator[Unit]:
    """Yield the units of one open file: chunks of its VEVENTs, or its text."""
    try:
        source = LineSource(stream, path=path, encoding=options.encoding)
    except InputError as exc:
        yield _error_unit(path, 0, exc.code, str(exc))
        return
    except (OSError, EOFError) as exc:  # a gzip file that is not one, a read error
        yield _error_unit(path, 0, "E001", message("E001", path=path, reason=_reason(exc)))
        return
    kind = input_kind(path) if path != "-" else None
    if kind is None:
        head = source.head.decode(source.encoding, errors="ignore").upper()
        kind = "calendar" if "BEGIN:VEVENT" in head else "txt"
    if kind != "calendar":
        yield _text_unit(path, source, options)
        return
    chunk: list[tuple[VeventBlock, tuple[str, ...]]] = []
    timezones: list[str] = []
    events = 0
    failure: Record | None = None
    recurring = _recurring_prefixes(path, source.encoding)
    try:
        for block in iter_vevent_blocks(source, max_chars=options.max_chars):
            if isinstance(block, str):
                if chunk:  # events before this zone must not see it, as in a one-pass read
                    yield Unit(path, "events", tuple(chunk), tuple(timezones), last=False,
                               recurring=recurring)
                    chunk = []
                timezones.append(block)
                continue
            chunk.append((block, tuple(source.warnings)))
            events += 1
            if len(chunk) >= CHUNK_EVENTS:
                yield Unit(path, "events", tuple(chunk), tuple(timezones), last=False,
                           recurring=recurring)
                chunk = []
    except InputError as exc:
        failure = error_record(path, events, exc.code, str(exc))
    except (OSError, EOFError) as exc:
        failure = error_record(path, events, "E001", message("E001", path=path,
                                                              reason=_reason(exc)))
    if failure is None and not events:
        failure = no_event_error(path, source.head.decode(source.encoding, errors="ignore"))
    if chunk:
        yield Unit(path, "events", tuple(chunk), tuple(timezones), last=failure is None,
                   recurring=recurring)
    if failure is not None or not chunk:
        yield Unit(path, "records", records=(failure,) if failure else ())


def _recurring_prefixes(path: str, encoding: str) -> frozenset[str]:
    """Return the programme names a calendar file repeats before its titles, from a first quick
    pass over its SUMMARY lines (reading/programmes.py); standard input is read once, so it
    has none."""
    if path == "-":
        return frozenset()
    try:
        with open_binary(path) as stream:
            lines = (raw.decode(encoding, errors="replace").rstrip("\r\n") for raw in stream)
            return recurring_prefixes(summary_values(lines))
    except (OSError, EOFError, LookupError):
        return frozenset()  # the main pass reports what is wrong with the file


def _text_unit(path: str, source: LineSource, options: Options) -> Unit:
    """Return the unit of a text announcement, read whole (it is bounded by --max-chars)."""
    try:
        # Four bytes per character at most: anything longer is over the limit anyway.
        data = source.head + source.stream.read(max(0, 4 * options.max_chars + 1
                                                    - len(source.head)))
    except (OSError, EOFError) as exc:
        return _error_unit(path, 0, "E001", message("E001", path=path, reason=_reason(exc)))
    if len(data) > 4 * options.max_chars:
        return _error_unit(path, 0, "E008", message("E008", path=path, size=f"over {len(data) // 4}",
                                                     limit=options.max_chars))
    return Unit(path, "text", data=data)


def _error_unit(path: str, index: int, code: str, text: str) -> Unit:
    return Unit(path, "records", records=(error_record(path, index, code, text),))


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


_registered_zones: set[str] = set()


def run_unit(unit: Unit, options: Options) -> list[Record]:
    """Return the records of one unit; runs in a worker process (or in this one for --jobs 1)."""
    if unit.kind == "records":
        return list(unit.records)
    if unit.kind == "text":
        return list(extract_bytes(unit.data, path=unit.path, options=options))
    for zone in unit.timezones:
        if zone not in _registered_zones:  # a worker sees a file's zones with every chunk
            register_timezone(zone)
            _registered_zones.add(zone)
    calendar_zone = next((z for z in map(timezone_id, unit.timezones) if z), None)
    return [event_record(block, unit.path, options, warnings, unit.recurring, calendar_zone)
            for block, warnings in unit.blocks]


def _run_units(units: Iterator[Unit], options: Options,
               jobs: int) -> Iterator[tuple[Unit, list[Record]]]:
    """Yield each unit with its records, in unit order, from this process and ``jobs - 1``
    worker processes.

    This process is one of the ``jobs``: it reads the units, keeps each worker fed with up to
    ``IN_FLIGHT_PER_WORKER`` of them, and extracts the others itself instead of waiting for
    them (beside ``jobs`` workers it sat idle, and every worker built its own pipeline). The
    output order does not depend on who extracted a unit.
    """
    if jobs == 1:
        for unit in units:
            yield unit, run_unit(unit, options)
        return
    pool = _new_pool(jobs - 1)  # the workers are forked at the first unit sent
    pending: deque[tuple[Unit, Future[list[Record]] | list[Record]]] = deque()
    sent_limit = (jobs - 1) * IN_FLIGHT_PER_WORKER
    warm = False
    try:
        for unit in units:
            if unit.kind == "records":  # ready-made: no round trip, but it waits for its turn
                pending.append((unit, list(unit.records)))
            elif warm and _unfinished(pending) < sent_limit:
                pending.append((unit, pool.submit(run_unit, unit, options)))
            else:
                # The first unit is extracted here, before any worker is forked: the workers
                # inherit the pipeline and the dictionaries it built, which each of them
                # otherwise built again (a third of a second of CPU apiece).
                pending.append((unit, _run_here(unit, options)))
                warm = True
            while pending and _is_ready(pending[0][1]):
                pool = yield from _take(pending, pool, options, jobs)
            while len(pending) >= jobs * IN_FLIGHT_PER_WORKER * 2:  # memory stays flat
                pool = yield from _take(pending, pool, options, jobs)
        # All is read: the units no worker has started yet are taken back and extracted here
        # while the workers finish theirs, so that no core waits for the others at the end.
        for position, (unit, result) in enumerate(pending):
            if isinstance(result, Future) and result.cancel():
                pending[position] = (unit, _run_here(unit, options))
        while pending:
            pool = yield from _take(pending, pool, options, jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _unfinished(pending: deque[tuple[Unit, Future[list[Record]] | list[Record]]]) -> int:
    """Return how many of the pending units are with a worker and not done yet."""
    return sum(isinstance(result, Future) and not result.done() for _, result in pending)


def _is_ready(result: Future[list[Record]] | list[Record]) -> bool:
    return not isinstance(result, Future) or result.done()


def _run_here(unit: Unit, options: Options) -> list[Record]:
    """Return a unit's records extracted in this process; a failure costs the unit's events
    (E012), as it would in a worker."""
    try:
        return run_unit(unit, options)
    except Exception as exc:  # noqa: BLE001 - a bug on one unit must not stop the batch
        return _lost_unit(unit, f"{type(exc).__name__}: {exc}"[:300])


def _take(pending: deque[tuple[Unit, Future[list[Record]] | list[Record]]],
          pool: ProcessPoolExecutor, options: Options,
          jobs: int) -> Iterator[tuple[Unit, list[Record]]]:
    """Yield the oldest unit's records; returns the pool to go on with (a new one after a
    worker died, with the units still pending sent again)."""
    unit, result = pending.popleft()
    if not isinstance(result, Future):
        yield unit, result
        return pool
    if result.cancel():
        # Not started by a worker yet (the end of the input, or a slow worker): extracting
        # it here is sooner than waiting for the worker to reach it.
        yield unit, _run_here(unit, options)
        return pool
    try:
        yield unit, result.result()
        return pool
    except BrokenProcessPool as exc:
        yield unit, _lost_unit(unit, f"{type(exc).__name__}: {exc}")
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _new_pool(jobs - 1)
        for position, (other, other_result) in enumerate(pending):
            if isinstance(other_result, Future):
                pending[position] = (other, pool.submit(run_unit, other, options))
        return pool
    except Exception as exc:  # noqa: BLE001 - a unit that cannot be sent or returned
        yield unit, _lost_unit(unit, f"{type(exc).__name__}: {exc}"[:300])
        return pool


def _lost_unit(unit: Unit, reason: str) -> list[Record]:
    """Return one error line per event of a unit whose worker failed."""
    if unit.kind == "text":
        return [error_record(unit.path, 0, "E012", message("E012", path=unit.path, event=0,
                                                            reason=reason))]
    return [error_record(unit.path, block.index, "E012", message(
        "E012", path=unit.path, event=block.index, reason=reason)) for block, _ in unit.blocks]


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    # fork where the platform has it (workers inherit the imported modules); everything sent
    # is picklable, so spawn works as well.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))


class ProgressLine:
    """A rich live line on standard error, refreshed a few times a second; a no-op when off."""

    def __init__(self, enabled: bool, summary: Summary) -> None:
        self.enabled = enabled
        self.summary = summary
        self.progress: Any = None

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled:
            return lambda: None
        from rich.console import Console  # only a terminal run pays for importing rich
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.fields[files]} files"),
            TextColumn("{task.completed} events"), TextColumn("{task.fields[rate]} events/s"),
            TextColumn("{task.fields[errors]} errors"), TimeElapsedColumn(),
            console=Console(stderr=True), transient=True)
        self.progress.start()
        self.task = self.progress.add_task("extract", total=None, files=0, rate="-", errors=0)
        return self._tick

    def _tick(self) -> None:
        task = self.progress.tasks[0]
        speed = task.speed
        self.progress.update(self.task, completed=self.summary.events, files=self.summary.files,
                             errors=self.summary.errors,
                             rate=f"{speed:.0f}" if speed else "-")

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()
