"""The rule data under ``models/``, loaded once and checked: strict about configuration.

Code never spells out vocabularies: label spellings, cue phrases and gazetteers are files, and
this module is the one door to them. A malformed file fails at once with a clear message.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from . import disk_cache
from .errors import ConfigurationError

FIELD_LABELS = ("speaker", "title", "abstract", "affiliation", "bio", "host", "contact", "phone",
                "sponsor", "price", "series", "date", "time", "location", "type", "url", "other")
"""The closed vocabulary of label fields, shared by models/labels.json and the resolvers."""


def _models() -> Traversable:
    return resources.files("extractor.models")


def _read_text(name: str) -> str:
    try:
        return (_models() / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ConfigurationError(f"rule file models/{name} is missing ({exc}); reinstall the "
                                 f"package") from None


@cache
def model_data(name: str) -> dict[str, Any]:
    """Return the data of ``models/<name>`` (a JSON object), without its ``_comment``."""
    data = json.loads(_read_text(name))
    data.pop("_comment", None)
    return data


def config() -> dict[str, Any]:
    """Return the pipeline settings of ``models/config.json``."""
    return model_data("config.json")


@cache
def label_fields() -> dict[str, str]:
    """Return {label spelling (lower case): field} from ``models/labels.json``."""
    try:
        data = json.loads(_read_text("labels.json"))
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"models/labels.json is not valid JSON: {exc}") from None
    mapping: dict[str, str] = {}
    for field, spellings in data.items():
        if field.startswith("_"):
            continue
        if field not in FIELD_LABELS:
            raise ConfigurationError(f"models/labels.json: unknown field {field!r}; use one of "
                                     f"{', '.join(FIELD_LABELS)}")
        for spelling in spellings:
            mapping.setdefault(spelling.lower(), field)
    return mapping


@cache
def label_spellings(field: str) -> frozenset[str]:
    """Return the label spellings (lower case) of one field of ``models/labels.json``."""
    return frozenset(spelling for spelling, label_field in label_fields().items() if label_field == field)


@cache
def gazetteer(name: str) -> frozenset[str]:
    """Return the lower-cased entries of ``models/gazetteers/<name>.txt`` (``#`` starts a comment)."""
    lines = _read_text(f"gazetteers/{name}.txt").splitlines()
    return frozenset(line.strip().lower() for line in lines
                     if line.strip() and not line.lstrip().startswith("#"))


@dataclass(frozen=True)
class CuePattern:
    id: str
    label: str
    pattern: str | list[dict[str, Any]]


@cache
def cue_patterns() -> tuple[CuePattern, ...]:
    """Return the cue patterns of ``models/patterns/*.jsonl``, each with its rule id."""
    found: list[CuePattern] = []
    seen: set[str] = set()
    folder = _models() / "patterns"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".jsonl"):
            continue
        for number, line in enumerate(entry.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"models/patterns/{entry.name}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigurationError(f"{where}: not valid JSON ({exc})") from None
            if not {"id", "label", "pattern"} <= item.keys():
                raise ConfigurationError(f"{where}: a pattern needs id, label and pattern")
            if item["id"] in seen:
                raise ConfigurationError(f"{where}: rule id {item['id']!r} is used twice")
            seen.add(item["id"])
            found.append(CuePattern(item["id"], item["label"], item["pattern"]))
    return tuple(found)


@cache
def given_names() -> frozenset[str]:
    """Return lower-cased given names from gender-guesser's name dictionary (names only).

    The dictionary lists about 48,000 given names of many countries, one a line after a
    one-column code; "+" joins the parts of a compound name, "=" lines pair equivalents. The
    set is kept in the user's cache between runs (extractor/disk_cache.py).
    """
    try:
        data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    except ModuleNotFoundError as exc:
        raise _unreadable_given_names(exc) from None
    if isinstance(data, Path):
        return disk_cache.derived("given-names", data, _GIVEN_NAMES_FORMAT,
                                  lambda: _read_given_names(data))
    return _read_given_names(data)


_GIVEN_NAMES_FORMAT = "1"  # change it when _read_given_names reads the file otherwise


def _unreadable_given_names(exc: Exception) -> ConfigurationError:
    return ConfigurationError(f"the given-name dictionary of gender-guesser cannot be read ({exc}); "
                              f"reinstall the package")


def _read_given_names(data: Traversable) -> frozenset[str]:
    try:
        text = data.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise _unreadable_given_names(exc) from None
    names: set[str] = set()
    # The names stand in a fixed-width column (characters 3 to 29); slicing it keeps the load
    # short. Only a line's head is lower-cased: the lines run on with 60 columns of country
    # codes, and lower-casing the whole text took half the load.
    for line in text.split("\n"):
        if line[:1] == "#" or len(line) < 4:
            continue
        fields = line[:40].lower()[3:30].split()
        for name in fields[:2] if line[:1] == "=" else fields[:1]:
            if "+" in name:
                names.update(part for part in name.split("+") if len(part) > 1)
            elif len(name) > 1:
                names.add(name)
    return frozenset(names)
