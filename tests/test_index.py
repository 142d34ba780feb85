"""The SQLite search index: re-runs update in place, ranking, filters, snippets, refusals.

Every test works on a real database file under tmp_path.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.api import extract_paths
from extractor.cli import commands_app, files_app, main
from extractor.errors import TalkIndexError
from extractor.outputs.sqlite_index import index_records
from extractor.record import error_record
from extractor.schema import schema_problems
from extractor.search import Filters, search
from conftest import CORPUS

runner = CliRunner()


def _rows(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM talks").fetchone()[0]


def talk(uid: str, title: str, *, abstract: str | None = None, speaker: str = "Ada Example",
         affiliation: str | None = None, series: str | None = None,
         start: str | None = "2021-02-18T19:30:00+00:00") -> dict[str, Any]:
    """A complete, schema-valid record with the fields a test cares about."""
    record = {
        "source": {"path": "made-up.ics", "index": 0}, "uid": uid, "recurrence_id": None, "title": title,
        "speakers": [{"name": speaker, "affiliation": affiliation}], "abstract": abstract,
        "contact": {"name": None, "email": None, "phone": None}, "sponsors": [], "price": None,
        "series": series, "start": start, "end": None, "timezone": None, "location": None,
        "url": None, "categories": [], "online_url": None, "status": None, "organizer": None,
        "warnings": [],
        "provenance": {},
    }
    assert schema_problems(record) == []
    return record


# Made-up talks for ranking and filters: each name says what it tests.
MADE_UP_TALKS = [
    talk("title-hit", "Transition to linearity in wide networks", speaker="Ada Quillfeather",
         affiliation="Lakeshore University, Harbour City", series="Harbour Maths Seminar Series"),
    talk("abstract-only-hit", "Kernels and their limits",
         abstract="We discuss linearity, and again linearity: the transition to linearity of "
                  "wide networks, and why linearity helps.", start="2022-03-01T16:00:00Z"),
    talk("speaker-hit", "Benign overfitting", speaker="Quillfeather Aster",
         affiliation="Eastvale Institute", series="ML Colloquium", start="2021-12-31"),
    talk("abstract-names-quillfeather", "Interpolation",
         abstract="Following work of Quillfeather and others, we study interpolation.",
         start="2020-05-05T10:00:00Z"),
    talk("no-date", "Linearity at noon", start="12:00:00"),
]


@pytest.fixture
def made_up_db(tmp_path: Path) -> Path:
    db = tmp_path / "made-up.db"
    index_records(MADE_UP_TALKS, path=db)
    return db


def _keys(db: Path, query: str, **filters: Any) -> list[str]:
    return [hit["key"] for hit in search(db, query, filters=Filters(**filters))]


def test_a_title_hit_ranks_above_an_abstract_only_hit(made_up_db: Path) -> None:
    keys = _keys(made_up_db, "transition to linearity")
    assert keys.index("title-hit") < keys.index("abstract-only-hit")


def test_a_speaker_hit_ranks_above_a_name_in_an_abstract(made_up_db: Path) -> None:
    keys = _keys(made_up_db, "Quillfeather")
    assert keys[:2] == ["title-hit", "speaker-hit"] or keys[:2] == ["speaker-hit", "title-hit"]
    assert keys[-1] == "abstract-names-quillfeather"


def test_snippets_highlight_the_matched_words(made_up_db: Path) -> None:
    hit = next(h for h in search(made_up_db, "linearity") if h["key"] == "abstract-only-hit")
    assert "[linearity]" in hit["snippet"]
    assert hit["record"]["title"] == "Kernels and their limits"


FILTER_EXAMPLES = {
    "speaker_any_case": ({"speaker": "quillfeather"}, {"title-hit", "speaker-hit"}),
    "affiliation": ({"affiliation": "Harbour City"}, {"title-hit"}),
    "series": ({"series": "colloquium"}, {"speaker-hit"}),
    "after_is_inclusive": ({"after": dt.date(2021, 12, 31)}, {"speaker-hit", "abstract-only-hit"}),
    "before_is_inclusive": ({"before": dt.date(2021, 2, 18)},
                            {"title-hit", "abstract-names-quillfeather"}),
    "a_year": ({"after": dt.date(2021, 1, 1), "before": dt.date(2021, 12, 31)},
               {"title-hit", "speaker-hit"}),
}


@pytest.mark.parametrize("filters,expected", FILTER_EXAMPLES.values(), ids=FILTER_EXAMPLES.keys())
def test_filters(made_up_db: Path, filters: dict[str, Any], expected: set[str]) -> None:
    # "linearity OR quillfeather" is not a query we offer; search each word and join the keys.
    found = set(_keys(made_up_db, "linearity", **filters)) | set(_keys(made_up_db, "Quillfeather",
                                                                        **filters))
    assert found == expected


def test_a_changed_event_replaces_its_row(made_up_db: Path) -> None:
    changed = copy.deepcopy(MADE_UP_TALKS)
    changed[1]["title"] = "Kernels, renamed"
    report = index_records(changed, path=made_up_db)
    assert (report.added, report.updated, report.unchanged) == (0, 1, len(MADE_UP_TALKS) - 1)
    assert _rows(made_up_db) == len(MADE_UP_TALKS)
    assert _keys(made_up_db, "renamed") == ["abstract-only-hit"]
    assert _keys(made_up_db, "Kernels limits") == []


def test_error_records_are_counted_not_indexed(tmp_path: Path) -> None:
    db = tmp_path / "errors.db"
    report = index_records([MADE_UP_TALKS[0], error_record("a.ics", 3, "E004", "E004 a.ics")],
                           path=db)
    assert (report.added, report.errors, _rows(db)) == (1, 1, 1)


def test_the_corpus_indexed_twice_keeps_its_row_count(tmp_path: Path) -> None:
    db = tmp_path / "talks.db"
    first = runner.invoke(files_app, [str(CORPUS), "--index", str(db)])
    assert first.exit_code == 0, first.output
    rows = _rows(db)
    records = sum(1 for r in extract_paths([str(CORPUS)]) if "error" not in r)
    assert rows == records and f"{rows} added" in first.stderr
    second = runner.invoke(files_app, [str(CORPUS), "--index", str(db)])
    assert second.exit_code == 0 and f"0 added, 0 updated, {rows} unchanged" in second.stderr
    assert _rows(db) == rows

    # A phrase query: other corpus talks may mention salt, only one is its history.
    found = runner.invoke(commands_app, ["search", str(db), '"history of salt"', "--json",
                                         "--limit", "5"])
    hits = json.loads(found.stdout)
    assert hits[0]["record"]["title"] == "A short history of salt" and len(hits) <= 5
    readable = runner.invoke(commands_app, ["search", str(db), '"history of salt"'])
    assert readable.exit_code == 0 and readable.stdout.startswith("1. A short history of salt")


def test_the_dev_corpus_indexed_twice_keeps_its_row_count(
        tmp_path: Path, dev_records: list[dict[str, Any]]) -> None:
    db = tmp_path / "dev.db"
    first = index_records(dev_records, path=db)
    second = index_records(dev_records, path=db)
    assert first.rows == second.rows == _rows(db) == first.added - first.repeated
    assert second.unchanged == first.added and second.added == second.updated == 0
    assert "transition to linearity" in search(db, "transition to linearity")[0]["record"]["title"].lower()


def _run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    return int(stopped.value.code or 0), capsys.readouterr().err


def test_a_database_that_is_not_ours_is_refused_and_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theirs = tmp_path / "theirs.db"
    with sqlite3.connect(theirs) as connection:
        connection.execute("CREATE TABLE accounts (id)")
    code, err = _run_main([str(CORPUS / "money"), "--index", str(theirs)], capsys)
    assert code == 2 and "E102" in err and str(theirs) in err
    with sqlite3.connect(theirs) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("accounts",)]


REFUSALS = {
    "not_sqlite": (lambda d: (d / "notes.db").write_text("hello"), "notes.db", "E101"),
    "missing_index": (lambda d: None, "absent.db", "E103"),
}


@pytest.mark.parametrize("make,name,code", REFUSALS.values(), ids=REFUSALS.keys())
def test_search_refuses_what_is_not_an_index(tmp_path: Path, make: Any, name: str, code: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    make(tmp_path)
    exit_code, err = _run_main(["search", str(tmp_path / name), "anything"], capsys)
    assert exit_code == 2 and err.startswith(code) and name in err
    assert name != "absent.db" or not (tmp_path / name).exists()


def test_a_query_without_words_is_a_usage_error(made_up_db: Path) -> None:
    with pytest.raises(TalkIndexError, match="E105"):
        search(made_up_db, '*** ""')


def test_index_and_an_output_format_do_not_mix(tmp_path: Path) -> None:
    result = runner.invoke(files_app, [str(CORPUS / "money"), "--index", str(tmp_path / "a.db"),
                                       "--format", "csv"])
    assert result.exit_code == 2 and not (tmp_path / "a.db").exists()


def test_an_instance_that_overrides_a_recurring_event_keeps_its_own_row(tmp_path: Path) -> None:
    # RFC 5545: a VEVENT with the master's UID and a RECURRENCE-ID replaces one date only.
    master = talk("walk@example.org", "Creek walks")
    override = {**talk("walk@example.org", "Creek walks: the flood plain"),
                "recurrence_id": "2026-05-06T12:00:00-06:00"}
    db = tmp_path / "talks.db"
    report = index_records([master, override], path=db)
    assert (report.added, _rows(db)) == (2, 2)
