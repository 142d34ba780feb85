"""Our own example announcements (corpus/) against their expected records, field by field.

Each case is named ``<family>/<file>#<event>:<field>``. Known misses are listed in
``tests/corpus_known_failures.txt`` and run as strict xfails: fixing one makes the run fail
until the line is removed, so the list can only shrink honestly.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractor.api import extract_paths
from extractor.evaluate_match import close, pair_up, same_name, same_price, same_title
from conftest import CORPUS

KNOWN_FAILURES = {
    line.strip() for line in (Path(__file__).parent / "corpus_known_failures.txt")
    .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
}
FIELDS = ("speakers", "title", "abstract_start", "abstract_end", "contact_email", "sponsors",
          "price", "series", "start", "end", "location")


@cache
def records_of(path: Path) -> list[dict[str, Any]]:
    return list(extract_paths([str(path)]))


def _cases() -> list[Any]:
    cases = []
    for expected_file in sorted(CORPUS.glob("*/*.expected.json")):
        stem = expected_file.name.removesuffix(".expected.json")
        source = next(p for p in expected_file.parent.iterdir()
                      if p.name.startswith(stem + ".") and p != expected_file)
        for index, expected in enumerate(json.loads(expected_file.read_text(encoding="utf-8"))):
            for field in FIELDS:
                case_id = f"{source.parent.name}/{source.name}#{index}:{field}"
                marks = [pytest.mark.xfail(strict=True, reason="known miss")] \
                    if case_id in KNOWN_FAILURES else []
                cases.append(pytest.param(source, index, field, expected[field], id=case_id,
                                          marks=marks))
    return cases


def _speakers_match(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> bool:
    if len(got) != len(expected):
        return False
    for g, e in zip(got, expected):
        if not same_name(g["name"], e["name"]):
            return False
        if (g["affiliation"] is None) != (e["affiliation"] is None):
            return False
        if e["affiliation"] and not close(g["affiliation"], e["affiliation"]):
            return False
    return True


def _value(record: dict[str, Any], field: str) -> Any:
    abstract = " ".join((record.get("abstract") or "").split())
    if field == "abstract_start":
        return abstract or None
    if field == "abstract_end":
        return abstract or None
    if field == "contact_email":
        return record["contact"]["email"]
    if field == "sponsors":
        return [s["name"] for s in record["sponsors"]]
    return record[field]


def field_matches(field: str, got: Any, expected: Any) -> bool:
    """Return whether an extracted field agrees with the expected one, as the scorer judges."""
    if field == "speakers":
        return _speakers_match(got, expected)
    if expected is None or got is None:
        return got == expected or (field == "sponsors" and not got and not expected)
    if field == "title":
        return same_title(got, expected)
    if field == "abstract_start":
        return got.startswith(" ".join(expected.split()))
    if field == "abstract_end":
        return got.endswith(" ".join(expected.split()))
    if field == "contact_email":
        return got.lower() == expected.lower()
    if field == "sponsors":
        _, extra, missed = pair_up(got, expected, close)
        return not extra and not missed
    if field == "price":
        return same_price(got, expected)
    if field == "series":
        return close(got, expected)
    return got == expected


@pytest.mark.parametrize(("source", "index", "field", "expected"), _cases())
def test_corpus_example(source: Path, index: int, field: str, expected: Any) -> None:
    records = records_of(source)
    assert len(records) > index, f"{source.name}: only {len(records)} records"
    record = records[index]
    assert "error" not in record, record.get("error")
    got = _value(record, field)
    assert field_matches(field, got, expected), f"got {got!r}, expected {expected!r}"
