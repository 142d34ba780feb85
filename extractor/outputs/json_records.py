"""Writing records as a JSON array or as JSON Lines, to a stream or atomically to a file."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal, TextIO

Format = Literal["json", "jsonl"]


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
    """Write records one by one as they come, in either format."""

    def __init__(self, stream: TextIO, fmt: Format) -> None:
        self.stream = stream
        self.format = fmt
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        if self.format == "jsonl":
            self.stream.write(dumps(record) + "\n")
        else:
            body = dumps(record, indent=2).replace("\n", "\n  ")
            self.stream.write(("[\n  " if self.count == 0 else ",\n  ") + body)
        self.count += 1

    def close(self) -> None:
        if self.format == "json":
            self.stream.write("\n]\n" if self.count else "[]\n")
