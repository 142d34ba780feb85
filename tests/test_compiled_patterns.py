"""The cache of compiled patterns: read back only what it can trust, and never the reason a
run fails or a pattern behaves otherwise."""
from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from extractor import compiled_patterns, disk_cache
from extractor.compiled_patterns import ENTRY_NAME, FORMAT, _Store
from extractor.fields.when import word_alternation

REPO = Path(__file__).resolve().parents[1]
PATTERN = r"(?P<day>\d{1,2})\s(?P<month>[[:alpha:]]+)"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv(disk_cache.CACHE_VARIABLE, str(cache))
    return cache


class CountingCompile:
    """Stands for regex.compile in the module and counts the calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.compile = regex.compile

    def __call__(self, pattern: str, flags: int = 0) -> regex.Pattern[str]:
        self.calls += 1
        return self.compile(pattern, flags)


@pytest.fixture
def compile_calls(monkeypatch: pytest.MonkeyPatch) -> CountingCompile:
    counter = CountingCompile()
    monkeypatch.setattr(compiled_patterns.regex, "compile", counter)
    return counter


def one_run(*patterns: tuple[str, int]) -> list[regex.Pattern[str]]:
    """Get the patterns from a fresh store, then store them as a process does at its exit."""
    store = _Store()
    found = [store.get(pattern, flags) for pattern, flags in patterns]
    store.save()
    return found


def test_a_stored_pattern_is_read_back_instead_of_compiled(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, = one_run((PATTERN, regex.IGNORECASE))
    assert (folder / ENTRY_NAME).is_file()
    counter = CountingCompile()
    monkeypatch.setattr(compiled_patterns.regex, "compile", counter)
    again, = one_run((PATTERN, regex.IGNORECASE))
    assert counter.calls == 0
    assert again.pattern == first.pattern and again.flags == first.flags
    assert again.groupindex == first.groupindex
    text = "Talks on 3 March and 14 APRIL"
    assert [m.groupdict() for m in again.finditer(text)] == \
        [m.groupdict() for m in first.finditer(text)] == \
        [{"day": "3", "month": "March"}, {"day": "14", "month": "APRIL"}]


def test_the_same_pattern_with_other_flags_is_another_entry(
        folder: Path, compile_calls: CountingCompile) -> None:
    one_run((PATTERN, 0))
    plain, folded = one_run((PATTERN, 0), (PATTERN, regex.IGNORECASE))
    assert compile_calls.calls == 2
    assert not plain.flags & regex.IGNORECASE and folded.flags & regex.IGNORECASE


def test_a_run_that_compiled_nothing_writes_nothing(folder: Path) -> None:
    one_run((PATTERN, 0))
    entry = folder / ENTRY_NAME
    entry.write_bytes(entry.read_bytes())  # a fresh modification time to compare with
    before = entry.stat().st_mtime_ns
    os.utime(entry, ns=(before - 10**9, before - 10**9))
    one_run((PATTERN, 0))
    assert entry.stat().st_mtime_ns == before - 10**9


class NotAPattern:
    pass


@pytest.mark.parametrize("content", [
    b"", b"not a pickle", pickle.dumps(("2",))[:-3],
    pickle.dumps((("0", "other regex"), {(PATTERN, 0): pickle.dumps(regex.compile(PATTERN))})),
    pickle.dumps((FORMAT, {(PATTERN, 0): b"not a pickle"})),
    pickle.dumps((FORMAT, {(PATTERN, 0): pickle.dumps(regex.compile("other"))})),
    pickle.dumps((FORMAT, {(PATTERN, 0): pickle.dumps(print)})),
    pickle.dumps((FORMAT, {(PATTERN, 0): pickle.dumps(NotAPattern())})),
    pickle.dumps((FORMAT, NotAPattern())),
], ids=["empty", "text", "truncated", "other-versions", "broken-value", "other-pattern",
        "a-function", "a-class-of-ours", "a-foreign-global"])
def test_an_entry_that_cannot_be_trusted_is_compiled_again_and_replaced(
        folder: Path, content: bytes, compile_calls: CountingCompile) -> None:
    folder.mkdir()
    (folder / ENTRY_NAME).write_bytes(content)
    compiled, = one_run((PATTERN, 0))
    assert compile_calls.calls == 1
    assert compiled.pattern == PATTERN and compiled.search("on 3 May")
    one_run((PATTERN, 0))
    assert compile_calls.calls == 1, "the replaced entry is read back"


def test_only_compiled_patterns_are_built_from_an_entry() -> None:
    hostile = pickle.dumps(os.system)
    with pytest.raises(pickle.UnpicklingError, match="not a compiled pattern"):
        compiled_patterns._PatternUnpickler(io.BytesIO(hostile)).load()
    with pytest.raises(pickle.UnpicklingError, match="not plain data"):
        compiled_patterns._PlainDataUnpickler(io.BytesIO(pickle.dumps(regex.compile("a")))).load()


def test_with_caching_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            compile_calls: CountingCompile) -> None:
    monkeypatch.setenv(disk_cache.CACHE_VARIABLE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    one_run((PATTERN, 0))
    one_run((PATTERN, 0))
    assert compile_calls.calls == 2
    assert not any(tmp_path.rglob(ENTRY_NAME))


def test_a_folder_that_cannot_be_written_costs_only_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(disk_cache.CACHE_VARIABLE, str(blocker / "cache"))
    compiled, = one_run((PATTERN, 0))
    assert compiled.search("on 3 May")


def test_a_store_past_its_size_keeps_what_its_run_used(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled_patterns, "MOST_PATTERNS", 3)
    one_run(*((f"old{number}", 0) for number in range(3)))
    one_run(("new", 0))
    _, stored = pickle.loads((folder / ENTRY_NAME).read_bytes())
    assert set(stored) == {("new", 0)}


def test_an_alternation_is_the_same_string_whatever_the_order_of_its_words() -> None:
    words = ["mai", "juni", "juli", "june", "july", "may"]
    assert word_alternation(words) == word_alternation(list(reversed(words)))
    assert word_alternation(words).startswith("(?:juli|july|june|juni|")


def stored_keys(cache: Path, hash_seed: str) -> set[tuple[str, int]]:
    example = REPO / "corpus" / "labelled" / "html-bold-labels.ics"
    environment = {**os.environ, disk_cache.CACHE_VARIABLE: str(cache),
                   "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, "-m", "extractor", str(example), "--json", "--quiet"],
                   env=environment, cwd=REPO, check=True, capture_output=True)
    _, stored = pickle.loads((cache / ENTRY_NAME).read_bytes())
    return set(stored)


def test_every_pattern_of_a_run_is_built_the_same_in_every_process(tmp_path: Path) -> None:
    # A pattern built from a set in the set's order would be a new entry in every process:
    # compiled every time, and the entry rewritten at every exit.
    first, second = stored_keys(tmp_path / "a", "1"), stored_keys(tmp_path / "b", "2")
    assert len(first) > 100
    assert first == second, sorted(pattern[:80] for pattern, _ in first ^ second)
