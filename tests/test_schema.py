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


ODD_VALUES = [None, "", "x", "a@b.example", "2024-01-05", "2024-01-05T10:00:00+01:00",
              "10:00:00", "E004", "EUR", "12.50", 0, -1, 1.0, 1.5, True, [], [1, 2], ["x"], {},
              {"name": "Ada", "affiliation": None}, {"source": "SUMMARY", "rule": "r"}]


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    """Return the path of every member and item in ``value``, the empty path included."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, path + (index,))
    return found


def _replaced(value: object, path: tuple, new: object) -> object:
    if not path:
        return new
    copied = copy.deepcopy(value)
    holder = copied
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = new
    return copied


def _rich(good: dict) -> dict:
    rich = copy.deepcopy(good)
    rich.update(speakers=[{"name": "Ada Roe", "affiliation": "Acme"}], categories=["x"],
                sponsors=[{"name": "Acme", "url": None}], warnings=["w"],
                price={"text": "$5", "amount": "5", "currency": "USD", "is_free": False})
    rich["provenance"]["price"] = {"source": "DESCRIPTION", "rule": "r", "span": [1, 2]}
    return rich


def test_the_quick_check_agrees_with_jsonschema(good: dict) -> None:
    """Every value put in every place of a record and an error line: valid for the quick
    check exactly when jsonschema finds no error."""
    from extractor import schema

    error_line = {"source": {"path": "a.ics", "index": 3}, "error": {"code": "E004", "message": "x"}}
    compared = 0
    for base, branch in ((_rich(good), "record"), (error_line, None)):
        quick, full = schema._quick_check(branch), schema._validator(branch)
        assert quick is not None
        for path in _paths(base):
            for new in ODD_VALUES:
                changed = _replaced(base, path, new)
                assert quick(changed) == full.is_valid(changed), (path, new)
                compared += 1
            if path and isinstance(path[-1], str):  # a member left out
                changed = copy.deepcopy(base)
                holder = changed
                for step in path[:-1]:
                    holder = holder[step]
                del holder[path[-1]]
                assert quick(changed) == full.is_valid(changed), (path, "left out")
        assert quick(base) and quick(dict(base, extra=1)) is False
    assert compared > 1000


@pytest.mark.parametrize("schema", [{"$ref": "#/$defs/source"}, {"patternProperties": {}},
                                    {"properties": {"a": {"not": {}}}}, "string"])
def test_the_quick_check_refuses_what_it_does_not_compile(schema: object) -> None:
    from extractor.schema_check import compile_check

    with pytest.raises(NotImplementedError):
        compile_check(schema, formats=None, is_type=None)


def test_the_talk_schema_is_a_valid_2020_12_schema() -> None:
    # Records are checked by the compiled quick check, which does not check the schema itself.
    from jsonschema import Draft202012Validator

    from extractor.schema import talk_schema

    Draft202012Validator.check_schema(talk_schema())
