"""Regular expressions compiled when first used, not when their module is imported.

The rule modules hold over 500 patterns at module level. Compiling them all was most of the
package's import time (0.8 s of a 3 s ``extract one.ics --json``), though the events of one
file reach about half of them. ``deferred(pattern, flags)`` stands for ``regex.compile(pattern,
flags)``: the first read of an attribute (``search``, ``sub``, ``groupindex``, ...) compiles
the pattern and keeps the compiled pattern's attribute, so every later read costs what a read
of the compiled pattern costs. ``pattern`` is there from the start, for patterns built from
other patterns' sources.

Compiling goes through ``compile_pattern``, which reads patterns compiled by earlier runs from
the user's cache (extractor/compiled_patterns.py).

A mistake in a pattern therefore shows at its first use rather than at import; the tests
compile every pattern of the package (tests/test_regex_budget.py).
"""
from __future__ import annotations

from typing import Any, cast

import regex

from .compiled_patterns import compile_pattern


class DeferredPattern:
    """A pattern compiled at the first read of one of its attributes."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    def compiled(self) -> regex.Pattern[str]:
        """Return the compiled pattern, compiling it the first time."""
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute this object does not hold yet: the compiled pattern's
        # attribute is kept here, so Python finds it without this call the next time.
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and friends probe for protocols
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"deferred({self.pattern!r})"


def deferred(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Return ``pattern`` to be compiled at its first use; it answers every method and
    attribute of a compiled ``regex.Pattern``.

    >>> word = deferred(r"\\w+")
    >>> word.findall("two words"), word.pattern
    (['two', 'words'], '\\\\w+')
    """
    return cast("regex.Pattern[str]", DeferredPattern(pattern, flags))
