"""Batch conversion of a large mixed archive: nothing lost, the same output with any --jobs."""
from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS
from extractor import batch
from extractor.api import Options
from extractor.cli import files_app

TEMPLATE = (CORPUS / "summary" / "series-speaker-title.ics").read_text(encoding="utf-8")
EVENTS = [TEMPLATE[s:TEMPLATE.index("END:VEVENT", s) + len("END:VEVENT")]
          for s in range(len(TEMPLATE)) if TEMPLATE.startswith("BEGIN:VEVENT", s)]
ZONE = ("BEGIN:VTIMEZONE\nTZID:Campus Time\nBEGIN:STANDARD\nDTSTART:19700101T000000\n"
        "TZOFFSETFROM:+0100\nTZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE")
UNPARSEABLE = "BEGIN:VEVENT\nUID:broken-{n}\nEND:VTODO\nSUMMARY:after the end\nEND:VEVENT"
BAD_DATE = "BEGIN:VEVENT\nUID:bad-date-{n}\nDTSTART:2024XX05T150000Z\nSUMMARY:Broken\nEND:VEVENT"


def _calendar(number: int, events: int, *, broken: int = 0, zone_at: int | None = None) -> str:
    parts = []
    for n in range(events):
        if zone_at == n:
            parts.append(ZONE)
        if n < broken:
            parts.append((UNPARSEABLE if n % 2 == 0 else BAD_DATE).format(n=f"{number}-{n}"))
        else:
            parts.append(EVENTS[n % len(EVENTS)].replace("UID:", f"UID:f{number}-e{n}-", 1))
    return "BEGIN:VCALENDAR\nVERSION:2.0\n" + "\n".join(parts) + "\nEND:VCALENDAR\n"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """Return a mixed archive and the counts it must give."""
    root = tmp_path_factory.mktemp("archive")
    expected = {"events": 0, "errors": 0, "unreadable": 0, "files": 0}
    for number in range(14):
        folder = root / f"dept-{number % 4}" / ("old" if number % 3 else "")
        folder.mkdir(parents=True, exist_ok=True)
        events, broken = 12 + number, number % 3
        text = _calendar(number, events, broken=broken)
        if number % 4 == 1:
            with gzip.open(folder / f"cal-{number}.ics.gz", "wt", encoding="utf-8") as out:
                out.write(text)
        else:
            (folder / f"cal-{number}.ics").write_text(text, encoding="utf-8")
        expected["events"] += events
        expected["errors"] += len(range(0, broken, 2))  # the unparseable ones; bad dates warn
        expected["files"] += 1
    # One large calendar, cut into several units, with a time zone half-way.
    (root / "big.ics").write_text(_calendar(99, 150, broken=5, zone_at=70), encoding="utf-8")
    expected["events"] += 150
    expected["errors"] += 3
    expected["files"] += 1
    for text_file in sorted((CORPUS / "plaintext").glob("*.txt"))[:4]:
        shutil.copy(text_file, root / "dept-0" / text_file.name)
        expected["events"] += 1
        expected["files"] += 1
    (root / "dept-1" / "not-gzip.ics.gz").write_bytes(b"this is not gzip data at all")
    os.symlink(root / "nowhere.ics", root / "dept-2" / "dangling.ics")
    os.symlink(root, root / "dept-3" / "loop")  # a symlink loop must not hang the walk
    (root / ".hidden.ics").write_text(_calendar(7, 3), encoding="utf-8")  # skipped
    (root / "notes.pdf").write_bytes(b"%PDF")  # not an announcement: skipped
    for _ in range(2):
        expected["events"] += 1
        expected["errors"] += 1
        expected["unreadable"] += 1
        expected["files"] += 1
    return root, expected


@functools.cache
def _run(root: Path, jobs: int) -> tuple[list[dict], batch.Summary]:
    summary = batch.Summary()
    records = list(batch.iter_records([str(root)], options=Options(), jobs=jobs,
                                      summary=summary))
    return records, summary


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_event_becomes_one_line_and_the_summary_counts_them(
        archive: tuple[Path, dict[str, int]], jobs: int) -> None:
    root, expected = archive
    records, summary = _run(root, jobs)
    assert len(records) == summary.events == expected["events"]
    assert summary.errors == sum("error" in r for r in records) == expected["errors"]
    assert summary.records == expected["events"] - expected["errors"]
    assert summary.unreadable == expected["unreadable"]
    assert summary.files == expected["files"]
    big = [r["source"]["index"] for r in records if r["source"]["path"].endswith("big.ics")]
    assert big == list(range(150))
    assert not any(".hidden" in r["source"]["path"] for r in records)


def test_outputs_are_identical_with_one_and_two_workers(
        archive: tuple[Path, dict[str, int]]) -> None:
    root, _ = archive
    assert _run(root, 1)[0] == _run(root, 2)[0]


def test_cli_writes_the_file_and_prints_the_summary(archive: tuple[Path, dict[str, int]],
                                                   tmp_path: Path) -> None:
    root, expected = archive
    out = tmp_path / "talks.jsonl"
    result = CliRunner().invoke(files_app, [str(root), "--jsonl", "--jobs", "2", "-o", str(out)])
    assert result.exit_code == 1  # some inputs failed
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == expected["events"] and all(json.loads(line) for line in lines)
    assert f"{expected['events']} events:" in result.stderr
    assert f"{expected['unreadable']} unreadable" in result.stderr
    quiet = CliRunner().invoke(files_app, [str(root / "big.ics"), "--jsonl", "--quiet"])
    assert all(line.startswith("E004") for line in quiet.stderr.splitlines())


def test_globs_the_shell_left_alone_are_expanded(archive: tuple[Path, dict[str, int]]) -> None:
    root, _ = archive
    records = list(batch.iter_records([str(root / "dept-*" / "**" / "*.ics.gz")]))
    assert {Path(r["source"]["path"]).name for r in records} >= {"cal-1.ics.gz", "cal-5.ics.gz"}


def test_a_calendar_on_stdin_is_streamed() -> None:
    text = _calendar(1, 40).encode("utf-8")
    records = list(batch.iter_records(["-"], stdin=text))
    assert [r["source"]["index"] for r in records] == list(range(40))


def test_an_event_over_the_size_limit_is_one_error_line() -> None:
    text = _calendar(1, 3).replace("DESCRIPTION:", "DESCRIPTION:" + "x" * 5000, 1)
    records = list(batch.iter_records(["-"], stdin=text.encode(), options=Options(max_chars=3000)))
    assert [r.get("error", {}).get("code") for r in records] == ["E013", None, None]


def test_a_calendar_that_is_not_utf8_is_read_with_a_warning() -> None:
    text = _calendar(1, 2).replace("Old Observatory", "Café Müller").encode("cp1252")
    records = list(batch.iter_records(["-"], stdin=text))
    assert len(records) == 2 and "Café Müller" in records[0]["location"]
    assert any("not UTF-8" in w for w in records[0]["warnings"])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_programme_the_calendar_repeats_is_found_in_every_unit(jobs: int,
                                                                tmp_path: Path) -> None:
    # The prefix is learnt from the whole file, so the events of a later unit see it too.
    source = (CORPUS / "summary" / "recurring-programme.ics").read_text(encoding="utf-8")
    first, last = source.index("BEGIN:VEVENT"), source.rindex("END:VEVENT") + len("END:VEVENT")
    events = source[first:last]
    repeated = "\n".join(events.replace("UID:", f"UID:copy{n}-", 1) for n in range(12))
    calendar = tmp_path / "programme.ics"
    calendar.write_text(source[:first] + repeated + source[last:], encoding="utf-8")
    records = list(batch.iter_records([str(calendar)], jobs=jobs))
    assert len(records) == 36
    assert {r["series"] for r in records[0::3]} == {"Harbour Histories"}
    assert {r["title"] for r in records[1::3]} == {"Smugglers' Lanes"}
