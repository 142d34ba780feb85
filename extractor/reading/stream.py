"""A file's lines, decoded as they are read: a calendar of any size is never held whole.

Plain and gzip files and standard input are read in 64 KiB chunks. The encoding follows
decode.py — a forced one, else a BOM, else UTF-8 — but line by line: a line that is not UTF-8
is read in a guessed encoding and a warning says so (``LineSource.warnings``), from that line
on, since the lines before it were already handed on.
"""
from __future__ import annotations

import codecs
import gzip
import io
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import InputError
from .decode import _BOMS
from .repair import guess_encoding

CHUNK = 1 << 16
SNIFF = 100_000  # bytes looked at to tell a calendar from a text announcement


def open_binary(path: str) -> BinaryIO:
    """Return the file opened for reading bytes, gunzipped on the fly for ``.gz``.

    Raises OSError (FileNotFoundError when it does not exist) as ``open`` does.
    """
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # noqa: SIM115 - the caller closes it


class LineSource:
    """The decoded lines of one binary stream, without their line ends.

    ``head`` holds the first bytes (up to ``SNIFF``), read at once so that the caller can
    tell a calendar from a text before the lines are iterated.
    """

    def __init__(self, stream: BinaryIO, *, path: str, encoding: str | None = None) -> None:
        self.stream = stream
        self.path = path
        self.head = _read_up_to(stream, SNIFF)
        self.warnings: list[str] = []
        self._guess: str | None = None
        self.encoding, self._skip = self._choose_encoding(encoding)

    def _choose_encoding(self, forced: str | None) -> tuple[str, int]:
        """Return the encoding to read with and how many BOM bytes to skip."""
        if forced:
            try:
                codecs.lookup(forced)
            except LookupError:
                raise InputError("E010", path=self.path, encoding=forced) from None
            return forced, 0
        for bom, codec in _BOMS:
            if self.head.startswith(bom):
                return ("utf-8" if codec == "utf-8-sig" else codec), \
                    (len(bom) if codec == "utf-8-sig" else 0)
        return "utf-8", 0

    def rest(self) -> bytes:
        """Return all the bytes of the stream (for a text announcement, read whole)."""
        return self.head + self.stream.read()

    def __iter__(self) -> Iterator[str]:
        """Yield the lines; CR LF, LF and lone CR all end a line, NULs are dropped."""
        if _ascii_compatible(self.encoding):
            for block in _byte_blocks(self.head[self._skip:], self.stream):
                text = self._decode_block(block)
                if text is None:  # a line that is not UTF-8 in it: line by line
                    for raw in block.split(b"\n"):
                        yield from _split_cr(self._decode(raw).replace("\x00", ""))
                else:
                    yield from _text_lines(text)
        else:
            # UTF-16 and UTF-32 do not end a line with the byte 0x0A: decode as text first.
            text = io.TextIOWrapper(_Prefixed(self.head, self.stream), encoding=self.encoding,
                                    errors="strict", newline=None)
            try:
                for line in text:
                    yield line.rstrip("\n").replace("\x00", "")
            except UnicodeDecodeError:
                raise InputError("E002", path=self.path, encoding=self.encoding) from None

    def _decode_block(self, block: bytes) -> str | None:
        """Return a block of whole UTF-8 lines decoded at once, NULs dropped; None where a line
        of it is not UTF-8 (or another encoding is in force), for _decode to read line by line.

        A line feed is never part of a UTF-8 sequence, so the block decodes exactly when each
        of its lines does.
        """
        if self._guess is not None or self.encoding != "utf-8":
            return None
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return text.replace("\x00", "") if "\x00" in text else text

    def _decode(self, raw: bytes) -> str:
        if self._guess is None:
            try:
                return raw.decode(self.encoding)
            except UnicodeDecodeError:
                if self.encoding != "utf-8":
                    raise InputError("E002", path=self.path, encoding=self.encoding) from None
            self._guess = guess_encoding(raw)
            self.warnings.append(f"{self.path}: the text is not UTF-8; read it as {self._guess} "
                                 f"(a guess). Pass --encoding if that is wrong.")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode(self._guess, errors="replace")


def _ascii_compatible(encoding: str) -> bool:
    """Return whether the encoding writes ASCII (so the byte 0x0A ends a line) as ASCII."""
    try:
        return "\n:A".encode(encoding) == b"\n:A"
    except (UnicodeError, LookupError):
        return False


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    parts: list[bytes] = []
    while size > 0:
        part = stream.read(size)
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _byte_blocks(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """Yield ``head`` followed by the stream as blocks of whole lines: each block is one or more
    lines joined by LF, without the LF after its last line (a last line without LF included).

    >>> import io
    >>> [b.split(b"\\n") for b in _byte_blocks(b"a\\nb", io.BytesIO(b"c\\n\\nd"))]
    [[b'a'], [b'bc', b''], [b'd']]
    """
    pending = head
    while True:
        cut = pending.rfind(b"\n")
        if cut >= 0:
            yield pending[:cut]
            pending = pending[cut + 1:]
        chunk = stream.read(CHUNK)
        if not chunk:
            break
        pending += chunk
    if pending:
        yield pending


def _text_lines(text: str) -> list[str]:
    """Return the lines of a block of text whose lines were cut at LF: CR LF, LF and lone CR
    all end a line, as _split_cr has it line by line.

    >>> _text_lines("a\\r\\nb\\r"), _text_lines("a\\rb\\r\\nc"), _text_lines("a\\nb")
    (['a', 'b'], ['a', 'b', 'c'], ['a', 'b'])
    """
    if "\r" not in text:
        return text.split("\n")
    body = text[:-1] if text.endswith("\r") else text  # the last line's CR, before its LF
    if body.count("\r") == body.count("\r\n"):  # every CR ends a line: the usual CR LF file
        return body.replace("\r\n", "\n").split("\n")
    return [part for line in text.split("\n") for part in _split_cr(line)]


def _split_cr(line: str) -> list[str]:
    if line.endswith("\r"):
        line = line[:-1]
    return line.split("\r") if "\r" in line else [line]


class _Prefixed(io.RawIOBase):
    """A readable stream of ``head`` followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head = head
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
