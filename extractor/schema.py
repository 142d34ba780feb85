"""Validation of records against schemas/talk.schema.json (JSON Schema 2020-12, formats checked)."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .schema_check import Check, compile_check

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator


@cache
def talk_schema() -> dict[str, Any]:
    """Return the JSON Schema of a record."""
    text = (resources.files("extractor.schemas") / "talk.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(branch: str | None = None) -> Draft202012Validator:
    """Return the validator of the whole schema, or of one ``$defs`` branch with its
    references inlined: a record checked against the record branch alone skips the ``oneOf``
    and every ``$ref`` lookup, which took most of the validation time."""
    from jsonschema import Draft202012Validator, FormatChecker  # only when validating

    schema = talk_schema()
    Draft202012Validator.check_schema(schema)
    if branch is not None:
        schema = _inline(schema["$defs"][branch], schema["$defs"])
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """Return ``node`` with every local ``#/$defs/...`` reference replaced by its definition."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/") and len(node) == 1:
            return _inline(defs[ref[len("#/$defs/"):]], defs)
        return {key: _inline(value, defs) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def schema_problems(record: dict[str, Any]) -> list[str]:
    """Return what is wrong with ``record`` (empty when it is valid), each with its JSON path.

    A record (no ``error`` key) is checked against the record branch of the schema, so its
    problems are named precisely; anything else against the whole schema. A quick check passes
    valid records; jsonschema itself looks at the others and explains what is wrong.
    """
    branch = "record" if "error" not in record else None
    quick = _quick_check(branch)
    if quick is not None and quick(record):
        return []
    problems = []
    validator = _validator(branch)
    for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(record)"
        problems.append(f"{where}: {error.message}")
    return problems


@cache
def _quick_check(branch: str | None) -> Check | None:
    """Return the compiled check of the same (inlined) schema, or None where it uses a keyword
    schema_check.py does not compile: then jsonschema alone validates."""
    from jsonschema import Draft202012Validator, FormatChecker

    # The schema is inlined here rather than taken from _validator: building that validator
    # checks the schema against the metaschema first, which cost more than the whole compile
    # and is left to the records that fail (tests check the schema itself).
    defs = talk_schema()["$defs"]
    root = talk_schema() if branch is None else defs[branch]
    schema = {key: value for key, value in root.items() if key != "$defs"}
    try:
        return compile_check(_inline(schema, defs), formats=FormatChecker(),
                             is_type=Draft202012Validator.TYPE_CHECKER.is_type)
    except NotImplementedError:
        return None
