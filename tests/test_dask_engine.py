"""The Dask engine on a LocalCluster: its partitions hold the lines of a local --jsonl run."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import CORPUS
from extractor import batch
from extractor.cli import files_app, main
from extractor.dask import ArchiveRun, extract_archive
from extractor.errors import EngineError

BROKEN = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:fine-1\nSUMMARY:Number Theory Seminar: Ada Example"
          " — On sums\nDTSTART:20240105T150000Z\nEND:VEVENT\nBEGIN:VEVENT\nUID:broken-2\n"
          "END:VTODO\nSUMMARY:after the end\nEND:VEVENT\nEND:VCALENDAR\n")
WARNED = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:warned-1\nSUMMARY:Geology Colloquium: Ada Example"
          " — On rocks\nDTSTART:not a date\nEND:VEVENT\nEND:VCALENDAR\n")
FILES_PER_PARTITION = 3
QUIET = {"dashboard_address": None,  # no dashboard, and no HTTP routes on a port in use
         "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"}}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-worker LocalCluster, shared by the tests of this module."""
    distributed = pytest.importorskip("distributed")
    # Worker processes, as on a real cluster: every task and result crosses a process boundary.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  **QUIET) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of our corpus's calendars and texts, a calendar with a broken event in it, one
    with a warning, and a gzip file that is none."""
    root = tmp_path_factory.mktemp("archive")
    for folder in ("money", "plaintext", "summary", "html"):
        shutil.copytree(CORPUS / folder, root / folder)
    (root / "summary" / "broken.ics").write_text(BROKEN, encoding="utf-8")
    (root / "summary" / "warned.ics").write_text(WARNED, encoding="utf-8")
    (root / "not-gzip.ics.gz").write_bytes(b"this is not gzip data at all")
    return root


@pytest.fixture(scope="module")
def local_lines(archive: Path) -> list[dict[str, Any]]:
    """The lines of ``extract ARCHIVE --jsonl``, the local engine's output."""
    result = CliRunner().invoke(files_app, [str(archive), "--jsonl", "--quiet"])
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def finished() -> list[batch.Summary]:
    """The counts ``on_partition`` was given by the run, one per partition as it finished."""
    return []


@pytest.fixture(scope="module")
def run(archive: Path, scheduler: str, tmp_path_factory: pytest.TempPathFactory,
        finished: list[batch.Summary]) -> ArchiveRun:
    out = tmp_path_factory.mktemp("partitions")
    (out / "part-00099.jsonl").write_text("{}\n", encoding="utf-8")  # an earlier run's
    return extract_archive([str(archive)], out, scheduler=scheduler, strict=True,
                           files_per_partition=FILES_PER_PARTITION, on_partition=finished.append)


def _read(partitions: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for name in partitions
            for line in Path(name).read_text(encoding="utf-8").splitlines()]


def test_the_partitions_in_order_are_the_lines_of_a_local_run(
        run: ArchiveRun, local_lines: list[dict[str, Any]], archive: Path) -> None:
    files = len(list(batch.iter_input_paths([str(archive)])))
    assert len(run.partitions) == -(-files // FILES_PER_PARTITION) > 1
    assert [Path(name).name for name in run.partitions][:2] == ["part-00000.jsonl",
                                                                "part-00001.jsonl"]
    assert sorted(p.name for p in Path(run.partitions[0]).parent.iterdir()) == \
        [Path(name).name for name in run.partitions]  # the earlier run's partition is gone
    assert _read(run.partitions) == local_lines
    assert not run.failed


def test_the_summary_counts_what_a_local_run_counts(run: ArchiveRun, archive: Path,
                                                    local_lines: list[dict[str, Any]]) -> None:
    local = batch.Summary()
    for _ in batch.iter_records([str(archive)], summary=local):
        pass
    assert run.summary == local
    assert run.summary.events == len(local_lines) and run.summary.errors == 2
    assert run.summary.unreadable == 1 and run.summary.files == local.files > 10


def test_a_broken_event_is_one_error_line_and_its_neighbour_a_record(run: ArchiveRun) -> None:
    lines = [line for line in _read(run.partitions)
             if line["source"]["path"].endswith("broken.ics")]
    assert [line.get("error", {}).get("code") for line in lines] == [None, "E004"]
    assert lines[0]["uid"] == "fine-1" and lines[1]["source"]["index"] == 1
    assert lines[1]["error"]["message"] in run.errors
    assert any(text.startswith("E001") and "not-gzip.ics.gz" in text for text in run.errors)


def test_each_partition_is_counted_as_it_finishes(run: ArchiveRun,
                                                 finished: list[batch.Summary]) -> None:
    assert len(finished) == len(run.partitions)
    total = batch.Summary()
    for partition in finished:
        assert partition.events > 0
        total.add(partition)
    assert total == run.summary


def test_strict_gives_the_warnings_a_local_strict_run_prints(archive: Path, scheduler: str,
                                                            tmp_path: Path) -> None:
    local = CliRunner().invoke(files_app, [str(archive), "--jsonl", "--strict", "--quiet"])
    warnings = [line for line in local.stderr.splitlines() if line.startswith("E017 ")]
    assert any("warned.ics" in line for line in warnings)
    result = CliRunner().invoke(files_app, [str(archive), "--engine", "dask", "--strict",
                                            "--scheduler", scheduler, "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("E017 ")] == warnings
    plain = CliRunner().invoke(files_app, [str(archive), "--engine", "dask", "--scheduler",
                                           scheduler, "-o", str(tmp_path)])
    assert not any(line.startswith("E017 ") for line in plain.stderr.splitlines())


def test_index_holds_what_a_local_index_run_stores(archive: Path, scheduler: str,
                                                   tmp_path: Path, run: ArchiveRun) -> None:
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    local = CliRunner().invoke(files_app, [str(archive), "--index", str(local_db)])
    result = CliRunner().invoke(files_app, [str(archive), "--engine", "dask", "--jsonl",
                                            "--scheduler", scheduler, "-o", str(tmp_path / "out"),
                                            "--index", str(dask_db)])
    assert result.exit_code == local.exit_code == 1  # the broken event and the gzip file
    assert f"{dask_db}: {run.summary.records} added, 0 updated" in result.stderr
    assert _index_rows(dask_db) == _index_rows(local_db) and len(_index_rows(dask_db)) > 10
    assert _read(sorted(str(p) for p in (tmp_path / "out").glob("part-*.jsonl")))


def test_index_that_is_not_ours_stops_the_run_before_any_work(
        archive: Path, scheduler: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE notes (text)")
    with pytest.raises(SystemExit) as stopped:
        main([str(archive), "--engine", "dask", "--scheduler", scheduler,
              "-o", str(tmp_path / "out"), "--index", str(db)])
    assert stopped.value.code == 2 and capsys.readouterr().err.startswith("E102 ")
    assert not (tmp_path / "out").exists()


def _index_rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT key, content_hash, record FROM talks ORDER BY key") \
            .fetchall()


def test_cli_runs_on_the_scheduler_given(archive: Path, scheduler: str, tmp_path: Path,
                                         local_lines: list[dict[str, Any]]) -> None:
    out = tmp_path / "talks"
    result = CliRunner().invoke(files_app, [str(archive), "--jsonl", "--engine", "dask",
                                            "--scheduler", scheduler, "-o", str(out)])
    assert result.exit_code == 1, result.output  # some inputs failed
    assert _read(sorted(str(p) for p in out.glob("part-*.jsonl"))) == local_lines
    assert f"{len(local_lines)} events: " in result.stderr
    assert sum(line.startswith("E004 ") for line in result.stderr.splitlines()) == 1


def test_installed_command_starts_a_cluster_of_its_own(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    exe = shutil.which("extract", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the extract command is not installed beside this Python")
    money = sorted(str(path) for path in (CORPUS / "money").glob("*.ics"))[:2]
    done = subprocess.run([exe, *money, "--engine", "dask", "-o", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)
    local = CliRunner().invoke(files_app, [*money, "--jsonl"])
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "part-00000.jsonl").read_text(encoding="utf-8") == local.stdout
    assert done.stderr.endswith(f"; 1 partitions in {tmp_path}\n")


@pytest.mark.parametrize("args, complaint", [
    (["--jsonl", "--engine", "dask"], "needs -o FOLDER"),
    (["--json", "--engine", "dask", "-o", "out"], "JSON Lines only"),
    (["--engine", "dask", "-o", "out", "--jobs", "2"], "does not go with --engine dask"),
    (["--engine", "dask", "--index", "talks.db"], "needs -o FOLDER"),
    (["--jsonl", "--scheduler", "tcp://127.0.0.1:8786"], "goes with --engine dask"),
], ids=["no-output-folder", "json", "jobs", "index-without-output-folder",
        "scheduler-without-dask"])
def test_options_that_do_not_fit_are_usage_errors(args: list[str], complaint: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(files_app, [str(CORPUS / "money"), *args])
    assert result.exit_code == 2 and complaint in " ".join(result.output.split())
    assert not (tmp_path / "out").exists()


def test_without_dask_installed_the_error_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(SystemExit) as stopped:
        main([str(CORPUS / "money"), "--jsonl", "--engine", "dask", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert err.startswith("E106 ") and "pip install 'talk-extractor[dask]'" in err


def test_standard_input_and_a_file_as_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="^E108 "):
        extract_archive(["-"], tmp_path)
    (tmp_path / "talks.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(EngineError, match="^E107 "):
        extract_archive([str(CORPUS / "money")], tmp_path / "talks.jsonl")


def test_a_scheduler_that_does_not_answer_is_a_clear_error(tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(EngineError, match="^E109 .*tcp://127.0.0.1:9"):
            extract_archive([str(CORPUS / "money")], tmp_path, scheduler="tcp://127.0.0.1:9")


def test_a_partition_that_fails_is_reported_and_not_written(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    real = batch.iter_file_records

    def failing(path: str, **kwargs: Any) -> Iterator[dict[str, Any]]:
        if path.endswith("broken.ics"):
            raise RuntimeError("worker lost its disk")
        return real(path, **kwargs)

    # In-process workers see the patched function; a Client is passed in as it is.
    monkeypatch.setattr("extractor.dask.iter_file_records", failing)
    with distributed.LocalCluster(n_workers=1, processes=False, **QUIET) as cluster, \
            distributed.Client(cluster) as client:
        run = extract_archive([str(archive)], tmp_path, scheduler=client,
                              files_per_partition=FILES_PER_PARTITION)
    assert len(run.failed) == 1 and run.failed[0].startswith("E018 ")
    assert "worker lost its disk" in run.failed[0]
    failed = run.failed[0].split()[1].rstrip(":")
    assert not Path(failed).exists() and failed not in run.partitions
    assert not any(line["source"]["path"].endswith("broken.ics") for line in _read(run.partitions))
