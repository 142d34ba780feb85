"""File names as the reader meets them: names that are not UTF-8, and folders it cannot list.

On POSIX a file name is bytes; Python hands a name that is not UTF-8 on as a ``str`` with
surrogates ("caf\\udce9.ics"), which no UTF-8 output can hold. Such a file is reported by a
printable form of its name and skipped.
"""
from __future__ import annotations

import os


def is_utf8_name(path: str) -> bool:
    """Return whether ``path`` came from a valid UTF-8 name (it has no surrogate escapes).

    >>> is_utf8_name("talks/café.ics"), is_utf8_name("talks/caf\\udce9.ics")
    (True, False)
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_path(path: str) -> str:
    """Return ``path`` with the bytes that are not UTF-8 written as ``\\xNN``.

    >>> printable_path("talks/caf\\udce9.ics")
    'talks/caf\\\\xe9.ics'
    """
    raw = os.fsencode(path) if not is_utf8_name(path) else path.encode("utf-8")
    return raw.decode("utf-8", errors="backslashreplace")


def folder_error(path: str) -> str | None:
    """Return why the folder ``path`` cannot be listed, or None when it can (or is no folder)."""
    if not os.path.isdir(path):
        return None
    try:
        with os.scandir(path):
            return None
    except OSError as exc:
        return exc.strerror or type(exc).__name__
