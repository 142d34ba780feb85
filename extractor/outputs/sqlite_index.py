"""The embedded search index: talk records in a SQLite file with an FTS5 table over their text.

One row per event, keyed by ``record_key`` (UID, else file and position), so re-running over
the same inputs updates rows in place; a row whose ``content_hash`` did not change is not
written again. Error records are counted, never stored. A whole run is one transaction: an
interrupted run leaves the index as it was before.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import TalkIndexError
from ..record import content_hash, dated, record_key

# PRAGMA application_id marks the file as ours ("TALK"), so a stranger's database is refused
# instead of being written into; user_version is the layout below.
APPLICATION_ID = 0x54414C4B
FORMAT_VERSION = 1

# The searched columns with their bm25 weights: a word in the title or a speaker's name says
# more about what the talk is than the same word somewhere in the abstract.
SEARCH_COLUMNS: tuple[tuple[str, float], ...] = (
    ("title", 10.0), ("abstract", 1.0), ("speakers", 8.0), ("affiliations", 3.0),
    ("series", 3.0), ("sponsors", 2.0), ("location", 2.0),
)
_TEXT = ", ".join(name for name, _ in SEARCH_COLUMNS)
_OLD = ", ".join(f"old.{name}" for name, _ in SEARCH_COLUMNS)
_NEW = ", ".join(f"new.{name}" for name, _ in SEARCH_COLUMNS)

# An external-content FTS5 table kept in step by triggers: the text is stored once, in talks.
LAYOUT = f"""
CREATE TABLE talks (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT, abstract TEXT, speakers TEXT, affiliations TEXT, series TEXT, sponsors TEXT,
    location TEXT,
    start TEXT,
    start_date TEXT,  -- YYYY-MM-DD of start; null when start is a time of day alone or unknown
    path TEXT NOT NULL,
    event_index INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX talks_start_date ON talks (start_date);
CREATE VIRTUAL TABLE talks_fts USING fts5 (
    {_TEXT}, content='talks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER talks_ai AFTER INSERT ON talks BEGIN
    INSERT INTO talks_fts (rowid, {_TEXT}) VALUES (new.id, {_NEW});
END;
CREATE TRIGGER talks_ad AFTER DELETE ON talks BEGIN
    INSERT INTO talks_fts (talks_fts, rowid, {_TEXT}) VALUES ('delete', old.id, {_OLD});
END;
CREATE TRIGGER talks_au AFTER UPDATE ON talks BEGIN
    INSERT INTO talks_fts (talks_fts, rowid, {_TEXT}) VALUES ('delete', old.id, {_OLD});
    INSERT INTO talks_fts (rowid, {_TEXT}) VALUES (new.id, {_NEW});
END;
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {FORMAT_VERSION};
"""
_COLUMNS = ("key", "content_hash", *(name for name, _ in SEARCH_COLUMNS), "start", "start_date",
            "path", "event_index", "record")


@dataclass
class IndexReport:
    """What one indexing run did, and how many talks the index holds afterwards."""

    path: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: int = 0
    repeated: int = 0  # events whose key an earlier event of the same run already had
    rows: int = 0

    def summary(self) -> str:
        """Return the one-line account of the run printed by ``extract --index``."""
        line = (f"{self.path}: {self.added} added, {self.updated} updated, {self.unchanged} "
                f"unchanged, {self.errors} errors not indexed; {self.rows} talks in the index")
        if self.repeated:
            line += (f" ({self.repeated} events had the key (UID) of an earlier event of this "
                     "run; the later one was kept)")
        return line


def open_index(path: str | Path, *, create: bool) -> sqlite3.Connection:
    """Return a connection to the talk index at ``path``; create it when asked and absent.

    Without ``create`` the file is opened read-only. Raises ``TalkIndexError`` for a missing
    file (when not creating), a file that is not SQLite, or a database that is not ours.
    """
    where = str(path)
    target = Path(path)
    if not create and not target.is_file():
        raise TalkIndexError("E103", path=where)
    try:
        if create:
            connection = sqlite3.connect(target)
        else:
            connection = sqlite3.connect(target.resolve().as_uri() + "?mode=ro", uri=True)
        found = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        empty = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise TalkIndexError("E101", path=where) from None
        raise TalkIndexError("E011", path=where, reason=str(exc)) from None
    if found == 0 and empty and create:
        connection.executescript(LAYOUT)
        return connection
    if found != APPLICATION_ID:
        connection.close()
        raise TalkIndexError("E102", path=where, found=hex(found))
    if version != FORMAT_VERSION:
        connection.close()
        raise TalkIndexError("E104", path=where, found=version, wanted=FORMAT_VERSION)
    return connection


def index_records(records: Iterable[dict[str, Any]], *, path: str | Path) -> IndexReport:
    """Return the account of storing ``records`` in the index at ``path`` (created if absent).

    A new key is added, a known key with another content hash replaces its row, an unchanged
    one is left alone; error records are only counted.
    """
    report = IndexReport(path=str(path))
    connection = open_index(path, create=True)
    seen: set[str] = set()
    try:
        with connection:  # one transaction: committed at the end, rolled back on any error
            for record in records:
                if "error" in record:
                    report.errors += 1
                    continue
                key = record_key(record)
                report.repeated += key in seen
                seen.add(key)
                _store(connection, key, record, report)
        report.rows = connection.execute("SELECT count(*) FROM talks").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise TalkIndexError("E011", path=str(path), reason=str(exc)) from None
    finally:
        connection.close()
    return report


def _store(connection: sqlite3.Connection, key: str, record: dict[str, Any],
           report: IndexReport) -> None:
    digest = content_hash(record)
    known = connection.execute("SELECT id, content_hash FROM talks WHERE key = ?",
                               (key,)).fetchone()
    if known is not None and known[1] == digest:
        report.unchanged += 1
        return
    values = _row(key, digest, record)
    if known is None:
        connection.execute(f"INSERT INTO talks ({', '.join(_COLUMNS)}) "
                           f"VALUES ({', '.join('?' * len(_COLUMNS))})", values)
        report.added += 1
    else:
        connection.execute(f"UPDATE talks SET {', '.join(c + ' = ?' for c in _COLUMNS)} "
                           "WHERE id = ?", (*values, known[0]))
        report.updated += 1


def _row(key: str, digest: str, record: dict[str, Any]) -> tuple[Any, ...]:
    """The column values of a record, in ``_COLUMNS`` order."""
    speakers = record.get("speakers") or []
    start = record.get("start")
    affiliations = dict.fromkeys(s["affiliation"] for s in speakers if s.get("affiliation"))
    return (
        key, digest,
        record.get("title"), record.get("abstract"),
        "; ".join(s["name"] for s in speakers) or None,
        "; ".join(affiliations) or None,
        record.get("series"),
        "; ".join(s["name"] for s in record.get("sponsors") or []) or None,
        record.get("location"),
        start, (dated(start) or "")[:10] or None,
        record["source"]["path"], record["source"]["index"],
        json.dumps(record, ensure_ascii=False),
    )
