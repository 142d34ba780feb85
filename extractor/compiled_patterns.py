"""Compiled regular expressions kept between runs in the user's cache folder.

Compiling the rule modules' patterns costs a process more than half a second of parsing (the
``regex`` module parses in Python), more than the events of a small file take. ``regex`` pickles
a compiled pattern as its compiled code, so a pattern read back from a pickle is ready in
microseconds. ``compile_pattern(pattern, flags)`` stands for ``regex.compile(pattern, flags)``:
it answers from the patterns stored by earlier runs, compiles the others, and at the end of the
process stores what it compiled beside what it read (extractor/disk_cache.py says where, and how
``$TALK_EXTRACTOR_CACHE=off`` turns it off).

The entry is read with an unpickler that builds compiled patterns and nothing else, and only
when the ``regex`` and Python versions that wrote it are the ones running; a stale, broken or
foreign entry is ignored and written anew, so the cache can only save time. Worker processes
forked by ``--jobs`` inherit the patterns their parent has read.

A pattern is found again only if it is built as the same string in every process: an
alternation built from a set must be sorted on the words themselves, not only on their lengths
(the order of a set of strings changes from one process to the next).
"""
from __future__ import annotations

import atexit
import io
import pickle
import sys
from typing import Any

import regex

from . import disk_cache

ENTRY_NAME = "compiled-patterns.pickle"
# What the stored code depends on: the regex module that compiled it and the Python it ran in.
FORMAT = ("2", regex.__version__, sys.implementation.name, tuple(sys.version_info[:2]))
# A store past this size keeps only the patterns its last run used: old versions of the rules
# leave patterns behind that no run asks for again.
MOST_PATTERNS = 4_000

Key = tuple[str, int]


class _PlainDataUnpickler(pickle.Unpickler):
    """Builds tuples, dicts, strings, numbers and bytes; any global in the data is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


class _PatternUnpickler(pickle.Unpickler):
    """Builds one compiled pattern (``regex._regex.compile``); any other global is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a compiled pattern")


class _Store:
    """The patterns of this process, and the pickled patterns read from the cache (each
    unpickled at its first use, so a process holds only the patterns it uses)."""

    def __init__(self) -> None:
        self.pickled: dict[Key, bytes] = {}
        self.patterns: dict[Key, regex.Pattern[str]] = {}
        self.compiled_here: set[Key] = set()  # not read back: missing, or broken in the entry
        self.loaded = False

    def get(self, pattern: str, flags: int) -> regex.Pattern[str]:
        key = (pattern, int(flags))
        found = self.patterns.get(key)
        if found is not None:
            return found
        if not self.loaded:
            self.loaded = True
            self.pickled = _read_entry()
            atexit.register(self.save)
        found = _unpickled(self.pickled.get(key), pattern)
        if found is None:
            found = regex.compile(pattern, flags)
            self.compiled_here.add(key)
        self.patterns[key] = found
        return found

    def save(self) -> None:
        """Store the patterns, if this process compiled any (called at exit)."""
        if not self.compiled_here or disk_cache.cache_folder() is None:
            return
        kept = dict(self.pickled)
        if len(kept) + len(self.compiled_here) > MOST_PATTERNS:
            kept = {}  # keep what this run used: the rest is most likely left by old rules
        for key, compiled in self.patterns.items():
            if key in self.compiled_here or key not in kept:
                kept[key] = pickle.dumps(compiled, pickle.HIGHEST_PROTOCOL)
        disk_cache.write_entry(ENTRY_NAME, pickle.dumps((FORMAT, kept), pickle.HIGHEST_PROTOCOL))
        self.compiled_here.clear()


def _read_entry() -> dict[Key, bytes]:
    data = disk_cache.read_entry(ENTRY_NAME)
    if data is None:
        return {}
    try:
        stored_format, pickled = _PlainDataUnpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - any unreadable entry is as good as none
        return {}
    if stored_format != FORMAT or not isinstance(pickled, dict):
        return {}
    return {key: data for key, data in pickled.items()
            if isinstance(key, tuple) and isinstance(data, bytes)}


def _unpickled(data: bytes | None, pattern: str) -> regex.Pattern[str] | None:
    if not isinstance(data, bytes):
        return None
    try:
        found = _PatternUnpickler(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - a broken entry is compiled again
        return None
    return found if isinstance(found, regex.Pattern) and found.pattern == pattern else None


_STORE = _Store()


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Return ``regex.compile(pattern, flags)``, read from the cache where an earlier run
    stored it.

    >>> compile_pattern(r"\\d+", regex.I).findall("2 talks at 4")
    ['2', '4']
    """
    return _STORE.get(pattern, flags)
