"""Writing records as a JSON array or as JSON Lines, to a stream or atomically to a file."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Literal, TextIO

Format = Literal["json", "jsonl"]
Convert = Callable[[dict[str, Any]], list[dict[str, Any]]]


def dumps(record: dict[str, Any], *, indent: int | None = None) -> str:
    """Return the JSON text of a record (UTF-8 characters kept as they are)."""
    return json.dumps(record, ensure_ascii=False, indent=indent)


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Yield a text stream: stdout, or a temporary file renamed over ``path`` on success only,
    so that an interrupted run never leaves a half file that looks complete."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".extract-", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


class RecordWriter:
    """Write records one by one as they come, as a JSON array or as JSON Lines.

    ``convert`` turns a record into the objects written for it (JSON-LD, bulk action and
    document); it returns no objects for a record it cannot express, such as an error record.
    Without it, every record, error records included, is written as it is.
    """

    def __init__(self, stream: TextIO, fmt: Format, *, convert: Convert | None = None) -> None:
        self.stream = stream
        self.format = fmt
        self.convert = convert
        self.count = 0
        self._objects = 0

    def write(self, record: dict[str, Any]) -> None:
        """Write the objects of one record; count the record when any was written."""
        objects = self.convert(record) if self.convert else [record]
        for item in objects:
            if self.format == "jsonl":
                self.stream.write(dumps(item) + "\n")
            else:
                body = dumps(item, indent=2).replace("\n", "\n  ")
                self.stream.write(("[\n  " if self._objects == 0 else ",\n  ") + body)
            self._objects += 1
        self.count += bool(objects)

    def close(self) -> None:
        """Finish the output: close the JSON array."""
        if self.format == "json":
            self.stream.write("\n]\n" if self._objects else "[]\n")
