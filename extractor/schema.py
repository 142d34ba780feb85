"""Validation of records against schemas/talk.schema.json (JSON Schema 2020-12, formats checked)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker


@cache
def talk_schema() -> dict[str, Any]:
    """Return the JSON Schema of a record."""
    text = (resources.files("extractor.schemas") / "talk.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(talk_schema())
    return Draft202012Validator(talk_schema(), format_checker=FormatChecker())


def schema_problems(record: dict[str, Any]) -> list[str]:
    """Return what is wrong with ``record`` (empty when it is valid), each with its JSON path."""
    problems = []
    for error in sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(record)"
        problems.append(f"{where}: {error.message}")
    return problems
