"""The cache of values derived from installed files: used only while its source is unchanged,
and never the reason a run fails."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor import disk_cache, rules


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv(disk_cache.CACHE_VARIABLE, str(cache))
    return cache


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "names.txt"
    path.write_text("ada\nalan\n", encoding="utf-8")
    return path


class Deriver:
    """Derives the lines of a file as a frozenset and counts how often it was asked to."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.calls = 0

    def __call__(self) -> frozenset[str]:
        self.calls += 1
        return frozenset(self.source.read_text(encoding="utf-8").split())


def test_a_value_is_derived_once_and_read_back_after(folder: Path, source: Path) -> None:
    derive = Deriver(source)
    first = disk_cache.derived("names", source, "1", derive)
    second = disk_cache.derived("names", source, "1", derive)
    assert first == second == frozenset({"ada", "alan"})
    assert derive.calls == 1
    assert (folder / "names.marshal").is_file()


def test_a_changed_source_is_read_again(folder: Path, source: Path) -> None:
    derive = Deriver(source)
    disk_cache.derived("names", source, "1", derive)
    source.write_text("ada\nalan\ngrace\n", encoding="utf-8")
    assert disk_cache.derived("names", source, "1", derive) == {"ada", "alan", "grace"}
    assert derive.calls == 2


def test_a_new_version_of_the_deriving_code_derives_again(folder: Path, source: Path) -> None:
    derive = Deriver(source)
    disk_cache.derived("names", source, "1", derive)
    disk_cache.derived("names", source, "2", derive)
    assert derive.calls == 2


def derived_twice(source: Path) -> int:
    """Ask for the same value twice; return how often it was derived."""
    derive = Deriver(source)
    assert disk_cache.derived("names", source, "1", derive) == {"ada", "alan"}
    assert disk_cache.derived("names", source, "1", derive) == {"ada", "alan"}
    return derive.calls


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9\x00\x00"],
                         ids=["empty", "text", "truncated"])
def test_a_damaged_entry_is_replaced(folder: Path, source: Path, content: bytes) -> None:
    folder.mkdir()
    (folder / "names.marshal").write_bytes(content)
    assert derived_twice(source) == 1


def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path: Path, source: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(disk_cache.CACHE_VARIABLE, str(blocker / "cache"))
    assert derived_twice(source) == 2


def test_off_turns_the_cache_off(tmp_path: Path, source: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(disk_cache.CACHE_VARIABLE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert derived_twice(source) == 2
    assert not (tmp_path / "xdg").exists()


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(disk_cache.CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cache.cache_folder() == tmp_path / "talk-extractor"


def test_cached_given_names_are_the_dictionarys(folder: Path) -> None:
    rules.given_names.cache_clear()
    try:
        cached = rules.given_names()
        assert (folder / "given-names.marshal").is_file()
        rules.given_names.cache_clear()
        assert rules.given_names() == cached
    finally:
        rules.given_names.cache_clear()
    from importlib import resources
    dictionary = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    assert cached == rules._read_given_names(dictionary)
    assert {"maria", "john", "wei"} <= cached
