"""The ``extract`` command: output formats, stdin, folders, errors and exit codes."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import commands_app, files_app
from conftest import CORPUS

runner = CliRunner()
TWO_EVENTS = CORPUS / "summary" / "series-speaker-title.ics"
BROKEN = """BEGIN:VCALENDAR
BEGIN:VEVENT
UID:good-1
SUMMARY:Number Theory Seminar: Ada Example — On sums
DTSTART:20240105T150000Z
END:VEVENT
BEGIN:VEVENT
UID:bad-2
DTSTART:2024XX05T150000Z
SUMMARY:Broken date
END:VEVENT
BEGIN:VEVENT
UID:cut-3
SUMMARY:Cut short
"""


def test_json_is_an_array_with_one_record_per_vevent() -> None:
    result = runner.invoke(files_app, [str(TWO_EVENTS), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["source"]["index"] for r in records] == [0, 1]


def test_jsonl_prints_one_record_per_line() -> None:
    result = runner.invoke(files_app, [str(TWO_EVENTS), "--jsonl"])
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["source"]["path"] for line in lines)


def test_stdin_is_read_with_dash() -> None:
    result = runner.invoke(files_app, ["-", "--jsonl"], input=TWO_EVENTS.read_bytes())
    assert result.exit_code == 0
    assert [json.loads(l)["source"]["path"] for l in result.stdout.splitlines()] == ["-", "-"]


def test_folder_is_read_recursively_in_sorted_order() -> None:
    result = runner.invoke(files_app, [str(CORPUS / "money"), "--jsonl"])
    paths = [json.loads(l)["source"]["path"] for l in result.stdout.splitlines()]
    assert len(set(paths)) == len(list((CORPUS / "money").glob("*.*"))) // 2
    assert paths == sorted(paths, key=lambda p: Path(p).name)


def test_broken_events_keep_their_place_with_warnings(tmp_path: Path) -> None:
    calendar = tmp_path / "broken.ics"
    calendar.write_text(BROKEN)
    result = runner.invoke(files_app, [str(calendar), "--jsonl"])
    assert result.exit_code == 0
    assert runner.invoke(files_app, [str(calendar), "--jsonl", "--strict"]).exit_code == 1
    records = [json.loads(l) for l in result.stdout.splitlines()]
    assert [r["source"]["index"] for r in records] == [0, 1, 2]
    assert records[0]["speakers"][0]["name"] == "Ada Example"
    assert any("DTSTART" in w for w in records[1]["warnings"])
    assert "error" not in records[2] and records[2]["warnings"]
    assert "Traceback" not in result.output


def test_an_unparseable_event_is_an_error_line_between_good_ones(tmp_path: Path) -> None:
    calendar = tmp_path / "mixed.ics"
    # An END of a component that never began: icalendar refuses the whole block.
    calendar.write_text(BROKEN.replace("SUMMARY:Broken date", "END:VTODO")
                        .replace("SUMMARY:Cut short", "SUMMARY:Cut short\nEND:VEVENT"))
    result = runner.invoke(files_app, [str(calendar), "--jsonl"])
    records = [json.loads(l) for l in result.stdout.splitlines()]
    assert [r["source"]["index"] for r in records] == [0, 1, 2]
    assert "error" not in records[0] and "error" not in records[2]
    assert records[1]["error"]["code"] == "E004" and "event 1" in records[1]["error"]["message"]
    assert result.exit_code == 1


def test_missing_file_is_an_error_line_that_names_it() -> None:
    result = runner.invoke(files_app, ["no/such/file.ics", "--jsonl"])
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "E009" and "no/such/file.ics" in error["message"]


def test_output_file_is_written_and_never_its_own_input(tmp_path: Path) -> None:
    out = tmp_path / "talks.jsonl"
    result = runner.invoke(files_app, [str(TWO_EVENTS), "--jsonl", "-o", str(out)])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 2
    copy = tmp_path / "copy.ics"
    shutil.copy(TWO_EVENTS, copy)
    result = runner.invoke(files_app, [str(copy), "-o", str(copy)])
    assert result.exit_code == 2 and copy.read_bytes() == TWO_EVENTS.read_bytes()


def test_explain_lists_every_candidate_with_its_rule() -> None:
    result = runner.invoke(files_app, [str(TWO_EVENTS), "--jsonl", "--explain"])
    record = json.loads(result.stdout.splitlines()[0])
    assert record["candidates"]["speakers"]
    assert all("rule" in c for found in record["candidates"].values() for c in found)


def test_unknown_encoding_is_a_clear_error() -> None:
    result = runner.invoke(files_app, [str(TWO_EVENTS), "--encoding", "klingon"])
    assert result.exit_code == 1
    assert "E010" in result.stdout


def test_every_command_has_help() -> None:
    assert "Turn talk announcements" in runner.invoke(files_app, ["--help"]).output
    assert "Score records" in runner.invoke(commands_app, ["evaluate", "--help"]).output


def test_evaluate_prints_the_score_table(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "a.ics", "index": 0, "speakers": [{"name": "Ada Example",
                    "affiliation": None}], "title": "On sums", "abstract": None,
                    "contact_email": None, "sponsors": [], "price": None, "series": None}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"source": {"path": "x/a.ics", "index": 0}, "speakers": [
        {"name": "Ada Example", "affiliation": None}], "title": "On sums"}) + "\n")
    result = runner.invoke(commands_app, ["evaluate", "--gold", str(gold), str(pred)])
    assert result.exit_code == 0
    assert "events fully right 1/1" in result.stdout


def test_installed_command_runs_as_a_process() -> None:
    exe = shutil.which("extract", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the extract command is not installed beside this Python")
    done = subprocess.run([exe, str(TWO_EVENTS), "--jsonl"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2


def test_vevent_properties_are_carried_through(tmp_path: Path) -> None:
    calendar = tmp_path / "props.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:props-1\nSUMMARY:Geometry Seminar: Ada Example\n"
        "DTSTART;TZID=Europe/Berlin:20240305T160000\nDTEND;TZID=Europe/Berlin:20240305T170000\n"
        "LOCATION:Room 12\nURL:https://example.org/talk\nCATEGORIES:Seminar,Maths\n"
        "STATUS:CANCELLED\nORGANIZER;CN=Maths Office:mailto:office@example.org\n"
        "CONFERENCE;VALUE=URI:https://example.org/join/123\nEND:VEVENT\nEND:VCALENDAR\n")
    record = json.loads(runner.invoke(files_app, [str(calendar), "--jsonl"]).stdout)
    assert record["start"] == "2024-03-05T16:00:00+01:00" and record["timezone"] == "Europe/Berlin"
    assert record["end"] == "2024-03-05T17:00:00+01:00"
    assert (record["location"], record["url"]) == ("Room 12", "https://example.org/talk")
    assert record["categories"] == ["Seminar", "Maths"] and record["status"] == "CANCELLED"
    assert record["organizer"] == "Maths Office <office@example.org>"
    assert record["online_url"] == "https://example.org/join/123"
    assert record["provenance"]["organizer"]["source"] == "ORGANIZER"
