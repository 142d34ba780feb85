"""Archives beyond one machine: the batch run on a Dask cluster, written as JSONL partitions.

This process (the driver) walks the inputs with the walker of the local engine
(``iter_input_paths``) and puts the file paths in a Dask bag, ``files_per_partition`` files a
partition. Each partition is one task: a worker reads its files with the per-file function of
the local engine (``batch.iter_file_records``) and streams their lines into
``part-00000.jsonl``, ``part-00001.jsonl``, ... of the output folder, through a temporary file
that is renamed only when the partition is complete, so a partial partition never looks done.
The partitions read in name order hold exactly the lines ``extract INPUTS --jsonl`` prints, in
the same order: every VEVENT is one record or one error line.

A file is never split: one file is read by one task, so a single very large calendar is not
shared among workers as ``--jobs`` shares it. Its lines are streamed to disk, so a worker's
memory stays flat, but that file is read at the speed of one core.

With ``strict``, every warning of a record comes back as an E017 message, as a local
``--strict`` run prints it. ``on_partition`` is called with each partition's counts as it
finishes (in the order they finish), for a progress line; ``iter_partition_records`` reads the
partitions back in order, for a search index or any other consumer.

The workers run this package (install the same version of talk-extractor on each), open the
paths as the driver names them, relative ones from their own working folder, and write into the
output folder: on a cluster of several machines, give absolute paths on a file system that every
worker sees at the same place.

Dask is optional (``pip install 'talk-extractor[dask]'``); it is imported only when
``extract_archive`` runs, so a local run does not pay for importing it.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .api import Options, iter_input_paths
from .batch import Summary, iter_file_records, warning_messages
from .errors import EngineError, message
from .outputs.json_records import RecordWriter, open_output

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_FILES_PER_PARTITION = 16  # enough to make a task's start-up cost little, few enough
#                                   that a large archive is spread over every worker
PARTITION_NAME = re.compile(r"part-\d{5,}\.jsonl")


@dataclass
class ArchiveRun:
    """What a Dask run wrote: the partition files in order, the counts of their lines, the
    message of every error line in output order, the E017 message of every warning (a strict
    run only) and an E018 message per partition that failed."""

    partitions: list[str] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


PartitionResult = tuple[Summary, list[str], list[str]]  # counts, error and warning messages


def extract_archive(inputs: Iterable[str], out_dir: str | os.PathLike[str], *,
                    scheduler: str | Client | None = None, options: Options = Options(),
                    files_per_partition: int = DEFAULT_FILES_PER_PARTITION,
                    strict: bool = False,
                    on_partition: Callable[[Summary], None] | None = None) -> ArchiveRun:
    """Return what was written after extracting ``inputs`` on a Dask cluster into ``out_dir``.

    ``inputs`` are files, folders (walked recursively) and glob patterns, as for
    ``extract_paths``; standard input (``-``) cannot be sent to workers (E108). ``out_dir`` is
    created if absent (E107 when it is a file); an earlier run's ``part-*.jsonl`` in it are
    removed first, so that it holds this run's partitions only. ``scheduler`` is the address
    of a running scheduler (``tcp://host:8786``), a ``distributed.Client``, or None for a
    cluster of this machine's cores started for the run and closed at its end. ``strict``
    collects the E017 message of every warning; ``on_partition`` gets each partition's counts
    as soon as it is written. For example
    ``extract_archive(["archive/"], "talks/", scheduler="tcp://host:8786").summary.line()``.
    """
    inputs = list(inputs)
    if "-" in inputs:
        raise EngineError("E108")
    if files_per_partition < 1:
        raise ValueError(f"files_per_partition must be at least 1, not {files_per_partition}")
    try:
        import dask.bag
        import distributed
        from dask.delayed import delayed
    except ImportError as exc:
        raise EngineError("E106", reason=str(exc)) from exc
    folder = _output_folder(os.fspath(out_dir))
    paths = list(iter_input_paths(inputs))
    bag = dask.bag.from_sequence(paths, partition_size=files_per_partition)
    parts = bag.to_delayed()
    names = [os.path.join(folder, partition_name(n, len(parts))) for n in range(len(parts))]
    tasks = [delayed(write_partition)(files, name, options, strict=strict)
             for files, name in zip(parts, names)]
    run = ArchiveRun()
    with _client(scheduler) as client:
        futures = client.compute(tasks)
        results: dict[int, PartitionResult] = {}
        number_of = {future.key: number for number, future in enumerate(futures)}
        for future in distributed.as_completed(futures):
            if future.status == "finished":
                result = results[number_of[future.key]] = future.result()
                if on_partition is not None:
                    on_partition(result[0])
        for number, (future, name) in enumerate(zip(futures, names)):
            if number in results:
                summary, errors, warnings = results.pop(number)
                run.partitions.append(name)
                run.summary.add(summary)
                run.errors.extend(errors)
                run.warnings.extend(warnings)
                continue
            # from_sequence cuts the paths into partitions of exactly files_per_partition.
            files = paths[number * files_per_partition:(number + 1) * files_per_partition]
            run.failed.append(message("E018", path=name, partition=number, files=len(files),
                                      first=files[0] if files else "-",
                                      reason=_failure(future)))
    return run


def partition_name(number: int, count: int) -> str:
    """Return the file name of partition ``number`` of ``count``; names sort in partition order.

    >>> partition_name(7, 12), partition_name(7, 123456)
    ('part-00007.jsonl', 'part-000007.jsonl')
    """
    return f"part-{number:0{max(5, len(str(count - 1)))}d}.jsonl"


def write_partition(paths: list[str], target: str, options: Options, *,
                    strict: bool = False) -> PartitionResult:
    """Return the counts, error messages and (with ``strict``) warning messages of the lines of
    ``paths``, written to ``target`` (atomically) as JSON Lines; runs on a Dask worker."""
    summary = Summary()
    errors: list[str] = []
    warnings: list[str] = []
    with open_output(target) as stream:
        writer = RecordWriter(stream, "jsonl")
        for path in paths:
            for record in iter_file_records(path, options=options):
                summary.count(record)
                if "error" in record:
                    errors.append(record["error"]["message"])
                elif strict:
                    warnings.extend(warning_messages(record))
                writer.write(record)
            summary.end_file()
        writer.close()
    return summary, errors, warnings


def iter_partition_records(partitions: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Yield the lines of the partitions, in the order given (``ArchiveRun.partitions``), as
    records and error lines; one line at a time, so any archive fits in memory."""
    for name in partitions:
        with open(name, encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)


def _failure(future: Any) -> str:
    """Return why a task failed: its exception, or how it was lost (cancelled, no scheduler)."""
    try:
        exc = future.exception()
    except Exception as lost:  # noqa: BLE001 - a cancelled future raises instead of giving one
        exc = lost
    return f"{type(exc).__name__}: {exc}"[:300]


def _output_folder(path: str) -> str:
    """Return ``path`` made absolute (workers may run elsewhere), created and emptied of an
    earlier run's partitions."""
    folder = os.path.abspath(path)
    try:
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if PARTITION_NAME.fullmatch(name):
                os.unlink(os.path.join(folder, name))
    except OSError as exc:  # a file of that name, a folder we may not write to
        raise EngineError("E107", path=path, reason=exc.strerror or type(exc).__name__) from exc
    return folder


@contextmanager
def _client(scheduler: str | Client | None) -> Iterator[Any]:
    """Yield a client of ``scheduler``: the one given, one connected to the address, or one
    of a cluster of this machine's cores (one single-threaded worker process per core)."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler is None:
        # No dashboard, and the scheduler's HTTP routes on a free local port rather than 8787,
        # which another cluster on this machine may hold (a warning on stderr if so).
        with LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None,
                          scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        connected = Client(scheduler)
    except (OSError, ValueError) as exc:  # no scheduler there; an address it cannot parse
        raise EngineError("E109", address=scheduler, reason=str(exc)[:200]) from exc
    with connected:
        yield connected
