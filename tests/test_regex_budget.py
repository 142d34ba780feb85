"""Every regular expression of the extractor runs in time linear in its input.

The patterns are found by introspection — every compiled pattern a module of ``extractor``
holds at module level, in a module-level container, or returns from a cached zero-argument
builder (``when._patterns()``) — so a new pattern is checked without being listed here. Each
is searched over long adversarial strings (``finditer``: a match tried at every position, the
worst case of ``search``, ``match`` and ``split``); a pattern that backtracks worse than
linearly takes seconds on 50,000 characters, a linear one milliseconds.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
import regex

import extractor
from extractor.deferred import DeferredPattern

# Per pattern and string. Most linear patterns need milliseconds, the long location shape
# about 0.5 s on 50,000 characters; the quadratic ones this test caught took 1.3 to 60 s on
# 20,000. The default run uses 20,000 characters, the slow run (--runslow) 50,000.
LENGTH = 50_000
QUICK_LENGTH = 20_000
BUDGET_SECONDS = 2.0
# Repeated units that make the usual culprits backtrack: runs of one class (\s*, \w+, \p{Lu}),
# separators a pattern looks for ("@.", ". ", "(", ":"), and mixtures of them.
ADVERSARIAL_UNITS = {
    "a": "a", "A": "A", "Aa ": "Aa ", "Aaaa": "Aaaa", "space": " ", "tab-space": " \t",
    "newline": "\n", "paren": "(", "dot-space": ". ", "dot": ".", "at-dot": "@.",
    "email-ish": "a@b.", "digits": "1", "clock": "12:", "dash": "x-", "em-dash": "—",
    "quote": "\"'", "caps-words": "ABC ", "Dr. A ": "Dr. A ", "label": "Speaker: ",
    "name-comma": "Ab, ", "url": "http://a", "tag": "<a", "entity": "&#", "pm": "1 pm ",
    "money": "$1,", "title": "Title ", "mixed": "Aa.@(1 -\n", "and": "A and ",
    "by": "Talk by ", "cjk": "(中", "bullet": "- * ", "quote-dash": "\"x\" - ",
}


def adversarial_text(unit: str, length: int = LENGTH) -> str:
    """Return ``unit`` repeated to ``length`` characters, the last one a control character."""
    # The odd last character keeps an anchored tail (``\s*$``) from matching at once.
    return (unit * (length // len(unit) + 1))[:length - 1] + "\x01"


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[str] | regex.Pattern[str]]:
    if isinstance(value, (re.Pattern, regex.Pattern)):
        yield value
    elif isinstance(value, DeferredPattern):
        yield value.compiled()  # compiled here: a mistake in it fails this test
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, (list, tuple, frozenset, set)):
        for item in value:
            yield from _patterns_in(item, depth + 1)


def _is_cached_builder(value: Any) -> bool:
    """Return whether ``value`` is a functools.cache'd function that takes no argument."""
    if not callable(value) or not hasattr(value, "cache_info"):
        return False
    try:
        return not any(p.default is p.empty for p in inspect.signature(value).parameters.values())
    except (TypeError, ValueError):
        return False


def all_patterns() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    """Return every pattern of the extractor by a readable name (module.attribute)."""
    found: dict[str, Any] = {}
    for module_info in pkgutil.walk_packages(extractor.__path__, "extractor."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if getattr(value, "__module__", module.__name__) != module.__name__ \
                    and not isinstance(value, (dict, list, tuple, DeferredPattern)):
                continue  # imported from elsewhere: checked in its own module
            if _is_cached_builder(value):
                value = value()
            for number, pattern in enumerate(_patterns_in(value)):
                found.setdefault(f"{module_info.name}.{name}" + (f"[{number}]" if number else ""),
                                 pattern)
    return found


PATTERNS = all_patterns()


def test_introspection_finds_the_patterns() -> None:
    assert len(PATTERNS) > 100
    assert "extractor.fields.contact._PLAIN_EMAIL" in PATTERNS
    assert any(name.startswith("extractor.fields.when._patterns") for name in PATTERNS)


def _search_time(pattern: Any, text: str) -> float:
    started = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - started


# How much longer a search of twice the text may take and still be linear: about 2 for a
# linear pattern, about 4 for a quadratic one.
LINEAR_GROWTH = 3.0


def _check_pattern(name: str, length: int, budget: float) -> None:
    """Fail when a pattern is over budget on ``length`` characters of some adversarial text
    and its time grows faster than the text (a slow or busy machine can put a linear pattern
    with a large constant over the budget; the doubling tells it from a quadratic one)."""
    pattern = PATTERNS[name]
    slow: list[str] = []
    for family, unit in ADVERSARIAL_UNITS.items():
        text = adversarial_text(unit, length)
        took = _search_time(pattern, text)
        if took <= budget:
            continue
        # Over budget: the best of three runs of each length, since a busy machine slows single
        # runs unevenly (a linear pattern read 3.2 times slower on twice the text under load).
        took = min([took] + [_search_time(pattern, text) for _ in range(2)])
        half_text = adversarial_text(unit, length // 2)
        half = min(_search_time(pattern, half_text) for _ in range(3))
        if took > LINEAR_GROWTH * max(half, 1e-6):
            slow.append(f"{family}: {took:.2f} s ({half:.2f} s on half the text)")
    assert not slow, f"{name} ({pattern.pattern[:80]!r}) is slow on {length} chars: {slow}"


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_text(name: str) -> None:
    _check_pattern(name, QUICK_LENGTH, BUDGET_SECONDS * QUICK_LENGTH / LENGTH)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_50k_adversarial_text(name: str) -> None:
    _check_pattern(name, LENGTH, BUDGET_SECONDS)
