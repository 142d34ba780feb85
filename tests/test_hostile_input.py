"""Hostile and broken input (issue 7): never crash, never hang, lose nothing, reach nothing.

Broken calendars, encodings, file-system traps, --strict, atomic output and the absence of
network access, each as a table of named cases where that reads best.
"""
from __future__ import annotations

import builtins
import codecs
import errno
import gzip
import json
import os
import socket
from pathlib import Path
from typing import Any

import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252, as real mojibake reads
import pytest
from typer.testing import CliRunner

from conftest import CORPUS
from extractor import batch
from extractor.api import Options
from extractor.cli import files_app
from extractor.outputs import json_records

runner = CliRunner()
GOOD = CORPUS / "summary" / "series-speaker-title.ics"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")
EVENT = ("BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Colloquium: José Müller — Über Zähne\r\n"
         "DESCRIPTION:Speaker: José Müller\\, Université de Genève\\nAbstract: “Smart” café.\r\n"
         "DTSTART:20240105T150000Z\r\nEND:VEVENT\r\n")


def _mojibake(text: str) -> bytes:
    """Return the UTF-8 of ``text`` after it was read once as cp1252 (all 256 bytes kept)."""
    return text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")


def _calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def _records(data: bytes, path: str = "-", **options: Any) -> list[dict[str, Any]]:
    if path == "-":
        return list(batch.iter_records(["-"], stdin=data, options=Options(**options)))
    return list(batch.iter_records([path], options=Options(**options)))


def _codes(records: list[dict[str, Any]]) -> list[str | None]:
    return [r.get("error", {}).get("code") for r in records]


# --- Broken calendars: records for what can be read, an error line for the rest. ----------

# (name, bytes, the code of each line out: None for a record)
BROKEN_CALENDAR_EXAMPLES = [
    ("truncated mid-event", GOOD_TEXT[:GOOD_TEXT.index("END:VEVENT") - 40].encode(), [None]),
    ("vevent without end before the next",
     _calendar(EVENT.format(uid="a").replace("END:VEVENT\r\n", ""), EVENT.format(uid="b")).encode(),
     [None, None]),
    ("bad dates", _calendar(EVENT.format(uid="d").replace("20240105T150000Z", "2024XX99T999999"))
     .encode(), [None]),
    ("nul bytes", _calendar(EVENT.format(uid="n").replace("Abstract", "Abs\x00tract")).encode(),
     [None]),
    ("junk bytes between events", _calendar(EVENT.format(uid="j1")).encode()
     .replace(b"END:VCALENDAR", b"\x00\xff\xfe\x81 junk \x9d\r\n" + EVENT.format(uid="j2").encode()
              + b"END:VCALENDAR"), [None, None]),
    ("unparseable event between good ones",
     _calendar(EVENT.format(uid="g1"), "BEGIN:VEVENT\r\nUID:bad\r\nEND:VTODO\r\nEND:VEVENT\r\n",
               EVENT.format(uid="g2")).encode(), [None, "E004", None]),
    ("binary junk", bytes(range(256)) * 20, ["E003"]),
    ("no calendar at all", b"Dear all, lunch is at noon.\n", ["E003"]),
    ("empty file", b"", ["E014"]),
    ("only blank lines", b"\r\n\r\n  \n", ["E014"]),
    ("calendar with no events", _calendar().encode(), ["E015"]),
    ("calendar with only a time zone",
     _calendar("BEGIN:VTIMEZONE\r\nTZID:X\r\nEND:VTIMEZONE\r\n").encode(), ["E015"]),
]


@pytest.mark.parametrize("data,codes", [pytest.param(d, c, id=n) for n, d, c in
                                        BROKEN_CALENDAR_EXAMPLES])
def test_broken_calendar_gives_records_and_error_lines(tmp_path: Path, data: bytes,
                                                       codes: list[str | None]) -> None:
    path = tmp_path / "broken.ics"
    path.write_bytes(data)
    records = _records(data, str(path))
    assert _codes(records) == codes
    for record in records:
        if "error" in record:
            text = record["error"]["message"]
            assert str(path) in text and record["error"]["code"] in text
    result = runner.invoke(files_app, [str(path), "--jsonl"])
    assert result.exit_code == (1 if any(codes) else 0)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_an_unparseable_event_message_names_the_event_and_the_way_out(tmp_path: Path) -> None:
    data = BROKEN_CALENDAR_EXAMPLES[5][1]
    error = _records(data)[1]["error"]
    assert "event 1" in error["message"] and "fix or remove this one" in error["message"]


def test_a_gzip_cut_short_keeps_the_events_before_the_cut(tmp_path: Path) -> None:
    # Random UIDs keep the stream from compressing to nothing, so the cut falls after the
    # first bytes the reader takes in at once.
    events = (EVENT.format(uid=os.urandom(40).hex()) for _ in range(1500))
    whole = gzip.compress(_calendar(*events).encode())
    path = tmp_path / "cut.ics.gz"
    path.write_bytes(whole[:len(whole) * 2 // 3])
    records = _records(b"", str(path))
    assert records[-1]["error"]["code"] == "E001" and "cut.ics.gz" in records[-1]["error"]["message"]
    assert len(records) > 1 and all("error" not in r for r in records[:-1])


# --- Encodings: the right text, and a warning when it was guessed. ------------------------

CALENDAR = _calendar(EVENT.format(uid="enc"))
WESTERN = CALENDAR.replace("“", '"').replace("”", '"').replace("—", "-")
# (name, bytes, whether a warning must say the text was guessed or repaired)
ENCODING_EXAMPLES = [
    ("utf-8", CALENDAR.encode("utf-8"), None),
    ("utf-8 with bom", codecs.BOM_UTF8 + CALENDAR.encode("utf-8"), None),
    ("utf-16 le with bom", CALENDAR.encode("utf-16"), None),
    ("utf-16 be with bom", codecs.BOM_UTF16_BE + CALENDAR.encode("utf-16-be"), None),
    ("latin-1", WESTERN.encode("latin-1"), "not UTF-8"),
    ("cp1252", CALENDAR.encode("cp1252"), "not UTF-8"),
    ("mojibake", _mojibake(CALENDAR), "mojibake"),
]


@pytest.mark.parametrize("data,warning", [pytest.param(d, w, id=n) for n, d, w in
                                          ENCODING_EXAMPLES])
def test_encodings_come_out_as_the_right_text(data: bytes, warning: str | None) -> None:
    [record] = _records(data)
    assert record["speakers"] == [{"name": "José Müller", "affiliation": "Université de Genève"}]
    assert "Über Zähne" in record["title"]
    warned = [w for w in record["warnings"] if "not UTF-8" in w or "mojibake" in w]
    assert (warning is None and not warned) or any(warning in w for w in warned)


@pytest.mark.parametrize("kind", ["txt", "eml", "md", "html"])
def test_text_announcements_are_decoded_and_repaired_too(tmp_path: Path, kind: str) -> None:
    body = "Speaker: José Müller, Université de Genève\n\nAbstract: On café tables in Zürich.\n"
    if kind == "eml":
        body = "From: Séminaire <s@example.org>\nSubject: Séminaire: Über Zähne\n\n" + body

    def record_of(name: str, data: bytes) -> dict[str, Any]:
        path = tmp_path / f"{name}.{kind}"
        path.write_bytes(data)
        [record] = _records(b"", str(path))
        return record

    clean = record_of("clean", body.encode("utf-8"))
    assert "é" in json.dumps(clean, ensure_ascii=False) and not clean["warnings"]
    for name, data in (("guessed", body.encode("cp1252")), ("mojibake", _mojibake(body))):
        record = record_of(name, data)
        assert record["warnings"], name
        for field in ("title", "speakers", "abstract", "series", "contact"):
            assert record[field] == clean[field], (name, field)


def test_mojibake_is_left_alone_when_it_is_not_plainly_mojibake() -> None:
    text = CALENDAR.replace("José Müller", "Ã la carte")  # a plausible, if odd, word
    [record] = _records(text.encode("utf-8"))
    assert not any("mojibake" in w for w in record["warnings"])


def test_text_without_mojibake_marks_is_what_ftfy_leaves_alone() -> None:
    """Skipping ftfy for text without any of the marks changes nothing: wherever ftfy's
    badness pattern matches, one of the marks is in the text."""
    import random

    from ftfy.badness import BADNESS_RE

    from extractor.reading.repair import _mojibake_marks

    marks = _mojibake_marks()
    assert marks is not None and "’" not in marks and "–" not in marks
    pool = sorted(set(BADNESS_RE.pattern) | set("aZ .,'\"-\n\xa0") |
                  {chr(c) for c in range(0x80, 0x3000, 7)})
    rng = random.Random(5)
    matched = 0
    for _ in range(50_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        if BADNESS_RE.search(text):
            matched += 1
            assert not marks.isdisjoint(text), text
    assert matched > 1000


# --- File-system traps. --------------------------------------------------------------------

def test_symlink_loops_are_reported_not_followed_forever(tmp_path: Path) -> None:
    (tmp_path / "good.ics").write_text(GOOD_TEXT, encoding="utf-8")
    os.symlink(tmp_path / "a.ics", tmp_path / "b.ics")
    os.symlink(tmp_path / "b.ics", tmp_path / "a.ics")  # a file loop
    os.symlink(tmp_path, tmp_path / "again")  # a folder loop
    records = _records(b"", str(tmp_path))
    by_name = {Path(r["source"]["path"]).name: r for r in records}
    assert {"a.ics", "b.ics"} <= set(by_name)
    assert by_name["a.ics"]["error"]["code"] == "E001"
    assert sum(Path(r["source"]["path"]).name == "good.ics" for r in records) == 2  # 2 events


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make opening or listing ``denied`` fail as chmod 000 would for a user who is not root."""
    real_open, real_scandir = builtins.open, os.scandir

    def fake_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def fake_scandir(path: Any = ".") -> Any:
        if Path(path) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("builtins.open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_unreadable_files_and_folders_are_reported(tmp_path: Path, what: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.ics").write_text(GOOD_TEXT, encoding="utf-8")
    denied = tmp_path / ("secret.ics" if what == "file" else "secret")
    if what == "file":
        denied.write_text(GOOD_TEXT, encoding="utf-8")
    else:
        denied.mkdir()
        (denied / "inside.ics").write_text(GOOD_TEXT, encoding="utf-8")
    _deny(monkeypatch, denied)  # simulated: the tests may run as root, whom chmod does not stop
    summary = batch.Summary()
    records = list(batch.iter_records([str(tmp_path)], summary=summary))
    errors = [r["error"] for r in records if "error" in r]
    assert [e["code"] for e in errors] == ["E001"]
    assert str(denied) in errors[0]["message"] and "Permission denied" in errors[0]["message"]
    assert summary.unreadable == 1 and summary.records == 2


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod 000 does not stop root from reading "
                           "(the simulated test above covers this case)")
def test_chmod_000_file_is_reported(tmp_path: Path) -> None:
    denied = tmp_path / "secret.ics"
    denied.write_text(GOOD_TEXT, encoding="utf-8")
    denied.chmod(0)
    try:
        assert _codes(_records(b"", str(tmp_path))) == ["E001"]
    finally:
        denied.chmod(0o644)


def test_names_that_are_not_utf8_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    try:
        with open(os.path.join(folder, b"caf\xe9.ics"), "wb") as out:
            out.write(GOOD_TEXT.encode())
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (tmp_path / "good.ics").write_text(GOOD_TEXT, encoding="utf-8")
    out = tmp_path / "talks.jsonl"
    result = runner.invoke(files_app, [str(tmp_path), "--jsonl", "-o", str(out)])
    assert result.exit_code == 1 and result.exception is None or \
        isinstance(result.exception, SystemExit)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line.get("error", {}).get("code") for line in lines] == ["E016", None, None]
    assert lines[0]["source"]["path"].endswith("caf\\xe9.ics")
    assert "Rename the file" in lines[0]["error"]["message"]


# --- -o: never its own input, written atomically. -----------------------------------------

def test_output_inside_an_input_folder_is_refused_when_it_would_be_read(tmp_path: Path) -> None:
    (tmp_path / "talk.ics").write_text(GOOD_TEXT, encoding="utf-8")
    result = runner.invoke(files_app, [str(tmp_path), "-o", str(tmp_path / "out.ics")])
    assert result.exit_code == 2 and not (tmp_path / "out.ics").exists()
    fine = runner.invoke(files_app, [str(tmp_path), "-o", str(tmp_path / "out.jsonl"), "--jsonl"])
    assert fine.exit_code == 0


def test_an_interrupted_run_leaves_no_half_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "talks.jsonl"
    out.write_text("the previous run\n", encoding="utf-8")
    written: list[str] = []

    def failing_write(self: json_records.RecordWriter, record: dict[str, Any]) -> None:
        if written:
            raise RuntimeError("disk on fire")
        written.append(str(record))
        self.stream.write(json.dumps(record) + "\n")

    monkeypatch.setattr(json_records.RecordWriter, "write", failing_write)
    result = runner.invoke(files_app, [str(GOOD), "--jsonl", "-o", str(out)])
    assert isinstance(result.exception, RuntimeError) and written
    assert out.read_text(encoding="utf-8") == "the previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["talks.jsonl"]  # no .part left behind


# --- --strict. ---------------------------------------------------------------------------

def test_strict_prints_each_warning_as_an_error_line_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "warned.ics"
    path.write_bytes(CALENDAR.encode("cp1252"))
    relaxed = runner.invoke(files_app, [str(path), "--jsonl"])
    strict = runner.invoke(files_app, [str(path), "--jsonl", "--strict", "--quiet"])
    assert relaxed.exit_code == 0 and strict.exit_code == 1
    assert strict.stdout == relaxed.stdout  # the records are still written
    lines = strict.stderr.splitlines()
    assert lines and all(line.startswith(f"E017 {path}, event enc: ") for line in lines)
    assert "not UTF-8" in lines[0] and "--strict" in lines[0]


def test_strict_and_max_chars_are_documented() -> None:
    help_text = runner.invoke(files_app, ["--help"]).output
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    for option in ("--strict", "--max-chars"):
        assert option in help_text and option in readme
    assert "E017" in readme and "E017" in help_text


# --- No network: reading and extracting never opens a socket. -----------------------------

@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Make every way of opening a connection raise; return the attempts."""
    attempts: list[tuple[Any, ...]] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access during extraction")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_extraction_over_the_corpus_opens_no_socket(no_network: list[tuple[Any, ...]]) -> None:
    records = list(batch.iter_records([str(CORPUS)]))
    assert records and not no_network
    result = runner.invoke(files_app, [str(CORPUS), "--format", "jsonld", "--quiet"])
    assert result.exit_code == 0 and not no_network


def test_url_properties_are_never_fetched(no_network: list[tuple[Any, ...]]) -> None:
    event = EVENT.format(uid="u").replace(
        "DTSTART", "URL:http://203.0.113.9/talk\r\nCONFERENCE;VALUE=URI:https://example.invalid/"
        "zoom\r\nATTACH:http://203.0.113.9/a.pdf\r\nDESCRIPTION;ALTREP=\"http://203.0.113.9/d\""
        ":x\r\nDTSTART", 1)
    [record] = _records(_calendar(event).encode())
    assert record["url"] == "http://203.0.113.9/talk" and not no_network
