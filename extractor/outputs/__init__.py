"""Output formats of records, and the one place that picks the writer for a format name."""
from __future__ import annotations

from typing import Any, Literal, Protocol, TextIO, get_args

from .csv_rows import CsvWriter
from .es_bulk import bulk_lines
from .json_records import RecordWriter
from .jsonld import to_jsonld

OutputFormat = Literal["json", "jsonl", "jsonld", "es-bulk", "csv"]
OUTPUT_FORMATS: tuple[str, ...] = get_args(OutputFormat)


class RecordSink(Protocol):
    """Where records go one by one: ``write`` each, then ``close`` once."""

    count: int

    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def record_writer(stream: TextIO, fmt: OutputFormat) -> RecordSink:
    """Return the writer of ``fmt`` on ``stream``.

    json and jsonl write error records as they are; jsonld, es-bulk and csv leave them out,
    since those formats have no place for them (the caller reports them).
    """
    if fmt == "jsonld":
        return RecordWriter(stream, "json",
                            convert=lambda r: [] if "error" in r else [to_jsonld(r)])
    if fmt == "es-bulk":
        return RecordWriter(stream, "jsonl", convert=bulk_lines)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt in ("json", "jsonl"):
        return RecordWriter(stream, fmt)
    raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(OUTPUT_FORMATS)}")
