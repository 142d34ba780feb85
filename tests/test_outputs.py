"""The --format outputs: JSON-LD against its schema, es-bulk pairs, CSV round trips, shorthands."""
from __future__ import annotations

import csv
import io
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from extractor.api import extract_paths
from extractor.cli import files_app
from extractor.outputs.jsonld import to_jsonld
from extractor.record import record_key
from conftest import CORPUS, REPO

runner = CliRunner()
JSONLD_SCHEMA = json.loads((REPO / "schemas" / "jsonld.schema.json").read_text(encoding="utf-8"))
ES_MAPPING = json.loads((REPO / "schemas" / "es-mapping.json").read_text(encoding="utf-8"))
CANCELLED_ONLINE = """BEGIN:VCALENDAR
BEGIN:VEVENT
UID:cancelled-1@example.edu
SUMMARY:Number Theory Seminar: Ada Example — On sums
DTSTART:20240105T150000Z
LOCATION:Online via Zoom
STATUS:CANCELLED
END:VEVENT
BEGIN:VEVENT
UID:hybrid-2@example.edu
SUMMARY:Number Theory Seminar: Bo Sample — On products
DESCRIPTION:Join at https://example.zoom.us/j/123 or come to Wells Hall B117.\\nAdmission free.
DTSTART:20240112T150000Z
LOCATION:Wells Hall B117
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR
"""


@cache
def corpus_records() -> list[dict[str, Any]]:
    return list(extract_paths([str(CORPUS)]))


def _run(*args: str) -> str:
    result = runner.invoke(files_app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_jsonld_of_the_corpus_matches_its_schema() -> None:
    validator = Draft202012Validator(JSONLD_SCHEMA)
    Draft202012Validator.check_schema(JSONLD_SCHEMA)
    events = json.loads(_run(str(CORPUS), "--format", "jsonld"))
    assert len(events) == len([r for r in corpus_records() if "error" not in r])
    for event in events:
        assert not list(validator.iter_errors(event)), event.get("name")


def test_jsonld_status_places_and_price(tmp_path: Path) -> None:
    calendar = tmp_path / "status.ics"
    calendar.write_text(CANCELLED_ONLINE, encoding="utf-8")
    cancelled, hybrid = json.loads(_run(str(calendar), "--format", "jsonld"))
    validator = Draft202012Validator(JSONLD_SCHEMA)
    assert not list(validator.iter_errors(cancelled)) and not list(validator.iter_errors(hybrid))
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["location"]["@type"] == "VirtualLocation"
    assert cancelled["eventAttendanceMode"].endswith("/OnlineEventAttendanceMode")
    assert cancelled["performer"] == [{"@type": "Person", "name": "Ada Example"}]
    assert hybrid["eventStatus"] == "https://schema.org/EventScheduled"
    assert [p["@type"] for p in hybrid["location"]] == ["Place", "VirtualLocation"]
    assert hybrid["eventAttendanceMode"].endswith("/MixedEventAttendanceMode")
    assert hybrid["isAccessibleForFree"] is True and hybrid["offers"]["price"] == "0"


def test_jsonld_leaves_out_what_the_record_does_not_know() -> None:
    record = next(r for r in corpus_records() if "error" not in r)
    bare = {**record, "title": None, "abstract": None, "speakers": [], "start": "12:00:00",
            "location": None, "price": None, "series": None}
    event = to_jsonld(bare)
    assert not {"name", "description", "performer", "startDate", "location"} & event.keys()


def test_es_bulk_lines_pair_up_and_fit_the_mapping() -> None:
    lines = [json.loads(line) for line in _run(str(CORPUS), "--format", "es-bulk").splitlines()]
    actions, documents = lines[0::2], lines[1::2]
    assert len(actions) == len(documents) == len([r for r in corpus_records() if "error" not in r])
    ids = [a["index"]["_id"] for a in actions]
    assert ids == [record_key(d) for d in documents] and len(set(ids)) == len(ids)
    mapped = ES_MAPPING["mappings"]["properties"]
    for document in documents:
        assert set(mapped) <= set(document), set(mapped) - set(document)
        assert "provenance" not in document
        for moment in (document["start"], document["end"]):
            assert moment is None or moment[:4].isdigit()  # a date, never a bare time of day


def test_csv_round_trips_through_dictreader() -> None:
    rows = list(csv.DictReader(io.StringIO(_run(str(CORPUS), "--format", "csv"), newline="")))
    records = [r for r in corpus_records() if "error" not in r]
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        assert row["title"] == (record["title"] or "")
        assert row["speakers"] == "; ".join(s["name"] for s in record["speakers"])
        assert row["abstract"] == (record["abstract"] or "")
        assert row["key"] == record_key(record)


SHORTHANDS = {
    "json": (["--json"], "json"),
    "jsonl": (["--jsonl"], "jsonl"),
    "format_json_with_its_shorthand": (["--format", "json", "--json"], "json"),
    "default": ([], "json"),
}


@pytest.mark.parametrize("flags,same_as", SHORTHANDS.values(), ids=SHORTHANDS.keys())
def test_json_shorthands_are_formats(flags: list[str], same_as: str) -> None:
    money = str(CORPUS / "money" / "euro-and-pound.ics")
    assert _run(money, *flags) == _run(money, "--format", same_as)


@pytest.mark.parametrize("flags", [["--json", "--jsonl"], ["--format", "csv", "--json"]])
def test_two_formats_are_a_usage_error(flags: list[str]) -> None:
    result = runner.invoke(files_app, [str(CORPUS / "money"), *flags])
    assert result.exit_code == 2 and "choose one of" in result.output
