"""Records are checked against schemas/talk.schema.json; a bad record fails."""
from __future__ import annotations

import copy

import pytest

from extractor.api import extract_paths
from extractor.schema import schema_problems
from conftest import CORPUS


@pytest.fixture(scope="module")
def good() -> dict:
    return next(iter(extract_paths([str(CORPUS / "summary" / "series-speaker-title.ics")])))


def test_a_real_record_is_valid(good: dict) -> None:
    assert schema_problems(good) == []


BAD_RECORDS = {
    "missing_title_key": lambda r: r.pop("title"),
    "speaker_without_name": lambda r: r["speakers"].append({"affiliation": None}),
    "email_not_an_email": lambda r: r["contact"].update(email="not an address"),
    "currency_not_iso": lambda r: r.update(price={"text": "$5", "amount": "5", "currency": "$",
                                                  "is_free": False}),
    "start_not_a_date": lambda r: r.update(start="next Tuesday"),
    "unknown_key": lambda r: r.update(speaker="Ada"),
    "index_negative": lambda r: r["source"].update(index=-1),
}


@pytest.mark.parametrize("break_it", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_a_broken_record_fails_validation(good: dict, break_it) -> None:
    bad = copy.deepcopy(good)
    break_it(bad)
    assert schema_problems(bad)


def test_error_lines_are_valid() -> None:
    line = {"source": {"path": "a.ics", "index": 3}, "error": {"code": "E004", "message": "x"}}
    assert schema_problems(line) == []
