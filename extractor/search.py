"""Searching the talk index: ranked hits with highlighted snippets, filtered by who and when.

Ranking is SQLite FTS5's bm25 with the column weights of ``SEARCH_COLUMNS`` (title and
speakers above the abstract). The query is plain words, "quoted phrases" and prefix* words,
all of which must occur; FTS5's own operators are not passed through, so no user text can
make a syntax error.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .deferred import deferred
from .errors import TalkIndexError
from .outputs.sqlite_index import SEARCH_COLUMNS, open_index

DEFAULT_LIMIT = 10
HIGHLIGHT = ("[", "]")
_TERM = deferred(r'"([^"]*)"?|(\w+)(\*?)')


@dataclass(frozen=True)
class Filters:
    """Which talks a search may return: substrings of speaker, affiliation and series names
    (any case), and an inclusive range of start dates."""

    speaker: str | None = None
    affiliation: str | None = None
    series: str | None = None
    after: dt.date | None = None
    before: dt.date | None = None


def fts_query(text: str) -> str:
    """Return the FTS5 query for a user's search text; empty when it has no words.

    >>> fts_query('rings of Saturn')
    '"rings" "of" "Saturn"'
    >>> fts_query('"deep learning" optim* OR')
    '"deep learning" "optim"* "OR"'
    >>> fts_query('Okafor\\'s (2021)')
    '"Okafor" "s" "2021"'
    >>> fts_query('*** ""')
    ''
    """
    terms = []
    for match in _TERM.finditer(text):
        if match.group(2):
            terms.append(f'"{match.group(2)}"' + match.group(3))
        else:
            words = regex.findall(r"\w+", match.group(1) or "")
            if words:
                terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)


def search(path: str | Path, query: str, *, limit: int = DEFAULT_LIMIT,
           filters: Filters = Filters(),
           highlight: tuple[str, str] = HIGHLIGHT) -> list[dict[str, Any]]:
    """Return the best ``limit`` hits for ``query`` in the index at ``path``, best first.

    Each hit is ``{"key", "score", "snippet", "record"}``: ``score`` is bm25 turned positive
    (higher is better), ``snippet`` a piece of the best-matching column with the matched
    words between the ``highlight`` marks, ``record`` the talk record as it was indexed.
    """
    match = fts_query(query)
    if not match:
        raise TalkIndexError("E105", query=query)
    weights = ", ".join(str(weight) for _, weight in SEARCH_COLUMNS)
    where, arguments = _filter_clauses(filters)
    sql = (f"SELECT t.key, bm25(talks_fts, {weights}) AS rank, "
           "snippet(talks_fts, -1, ?, ?, '…', 16), t.record "
           "FROM talks_fts JOIN talks AS t ON t.id = talks_fts.rowid "
           f"WHERE talks_fts MATCH ? {where} ORDER BY rank, t.start_date LIMIT ?")
    connection = open_index(path, create=False)
    try:
        rows = connection.execute(sql, (*highlight, match, *arguments, limit)).fetchall()
    except sqlite3.OperationalError as exc:
        raise TalkIndexError("E011", path=str(path), reason=str(exc)) from None
    finally:
        connection.close()
    return [{"key": key, "score": round(-rank, 3), "snippet": snippet,
             "record": json.loads(record)} for key, rank, snippet, record in rows]


def _filter_clauses(filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    arguments: list[Any] = []
    for column, value in (("speakers", filters.speaker), ("affiliations", filters.affiliation),
                          ("series", filters.series)):
        if value:
            clauses.append(f"AND t.{column} LIKE ? ESCAPE '\\'")
            arguments.append("%" + regex.sub(r"([\\%_])", r"\\\1", value) + "%")
    if filters.after:
        clauses.append("AND t.start_date >= ?")
        arguments.append(filters.after.isoformat())
    if filters.before:
        clauses.append("AND t.start_date <= ?")
        arguments.append(filters.before.isoformat())
    return " ".join(clauses), arguments


def format_hits(hits: list[dict[str, Any]]) -> str:
    """Return hits as readable text: title, who/when/series, snippet, and where it came from."""
    if not hits:
        return "No talks match.\n"
    blocks = []
    for number, hit in enumerate(hits, 1):
        record = hit["record"]
        people = "; ".join(s["name"] + (f" ({s['affiliation']})" if s.get("affiliation") else "")
                           for s in record.get("speakers") or [])
        start = (record.get("start") or "")[:16].replace("T", " ")
        about = " | ".join(part for part in (people, start, record.get("series")) if part)
        source = record["source"]
        lines = [f"{number}. {record.get('title') or '(no title)'}"]
        lines += [f"   {about}"] if about else []
        lines += [f"   {' '.join(hit['snippet'].split())}"] if hit["snippet"] else []
        lines.append(f"   {source['path']}#{source['index']}  (score {hit['score']})")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
