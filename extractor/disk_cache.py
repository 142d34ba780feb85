"""Values derived from a large installed file, kept between runs in the user's cache folder.

Reading gender-guesser's 48,000-line name dictionary into a set of given names costs every
process over a tenth of a second of what ``extract one.ics --json`` adds to spaCy's own start;
the set, written with ``marshal``, reads back in under a hundredth. A cached value is used only while
the file it came from has the same path, size and modification time, and the code that derived
it the same ``version``; anything else (a missing, stale or unreadable entry, a folder that
cannot be written) falls back to deriving the value, so the cache can only save time.

``read_entry`` and ``write_entry`` keep plain bytes under a name in the same folder for values
with their own check of what they depend on (extractor/compiled_patterns.py).

The folder is ``$TALK_EXTRACTOR_CACHE`` if set (``off`` turns caching off), else
``$XDG_CACHE_HOME/talk-extractor``, else ``~/.cache/talk-extractor``. Entries are written to a
temporary file and renamed, so parallel processes never read a half-written one.
"""
from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

CACHE_VARIABLE = "TALK_EXTRACTOR_CACHE"
Value = TypeVar("Value")


def cache_folder() -> Path | None:
    """Return the folder cached values live in, or None where caching is turned off."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "talk-extractor"


def derived(name: str, source: Path, version: str, derive: Callable[[], Value]) -> Value:
    """Return ``derive()``, the value ``name`` derived from the file ``source``, from the cache
    while ``source`` and ``version`` are unchanged; derive and store it otherwise.

    The value must be made of what ``marshal`` writes (str, int, tuple, frozenset, ...).
    """
    folder = cache_folder()
    try:
        stat = source.stat()
    except OSError:
        return derive()
    if folder is None:
        return derive()
    key = (str(source), stat.st_size, stat.st_mtime_ns, version)
    entry = folder / f"{name}.marshal"
    try:
        stored_key, value = marshal.loads(entry.read_bytes())
        if stored_key == key:
            return value  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no entry yet, or one this Python cannot read: derive it again
    value = derive()
    _store(entry, marshal.dumps((key, value)))
    return value


def read_entry(name: str) -> bytes | None:
    """Return the bytes stored under ``name``, or None where there are none (or caching is
    off, or the entry cannot be read)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write_entry(name: str, data: bytes) -> None:
    """Store ``data`` under ``name``, unless caching is off or the folder cannot be written."""
    folder = cache_folder()
    if folder is not None:
        _store(folder / name, data)


def _store(entry: Path, data: bytes) -> None:
    """Write ``data`` to ``entry`` through a temporary file; a folder that cannot be written
    leaves things as they were."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=f".{entry.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
