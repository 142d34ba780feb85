"""Lines that a publisher's HTML-to-text step glued together, or broke apart.

Feeds flatten a list of ``<p>`` or ``<br>`` items into one run of text with no break between
the items: "Ada Roe, Director, Lakeshore CenterBo Okafor, Professor, ..." or
"... Service ProgramLocation: Room 4". A break goes back in where a lower-case word runs
straight into a capitalised word that opens a name ("Bo Okafor,": a known given name, a
capitalised word and a comma, or any such name followed by a position) or a known label followed by a colon. The word before must end
in three lower-case letters, so "McDonald" and "MacKenzie" stay whole.

The same step breaks a line around a link or an italic title ("... comes\n*The Book*\n, a
gripping ..."): a line that opens with a comma, semicolon or closing bracket goes back onto
the line before it.
"""
from __future__ import annotations

from collections.abc import Collection
from functools import cache

import regex

from .. import rules
from ..deferred import deferred

_BROKEN = deferred(r"[ \t]{0,3}\n[ \t]{0,3}(?=[,;)\]])")
_GLUED = deferred(r"(?<=\p{Ll}{3})(?P<word>\p{Lu}\p{Ll}{1,20})"
                  r"(?=(?P<name>[ \t]\p{Lu}[\p{L}\p{M}'’\-]{1,30},(?:[ \t](?P<role>\p{L}{2,20}))?)|"
                  r"[ \t]{0,2}:)")


# A colon that may end a label, and the words before it that may be the label.
_COLON = deferred(r"[ \t]{0,2}:[ \t]")
_WORDS_BEFORE = deferred(r"(?:(?<=\s)\p{L}[\p{L}'’()]{0,20}[ \t]){0,2}\p{L}[\p{L}'’()]{0,20}$")
# From this many labels on, a one-line description is a form whose line breaks were lost.
_RUN_TOGETHER_LABELS = 3


def split_run_together_labels(text: str) -> str:
    """Return a one-line description whose labels were run together ("Speaker: A Affiliation:
    B Title: C Abstract: ...") with each capitalised known label on a line of its own.

    >>> split_run_together_labels("Speaker: Ada Roe Affiliation: Lakeshore University Title: "
    ...                           "Tides Abstract: Why tides turn.")
    'Speaker: Ada Roe\\nAffiliation: Lakeshore University\\nTitle: Tides\\nAbstract: Why tides turn.'
    >>> split_run_together_labels("Note: the title: a talk")  # one label: left alone
    'Note: the title: a talk'
    """
    if "\n" in text.strip() or text.count(":") < _RUN_TOGETHER_LABELS:
        return text
    labels = rules.label_fields()
    starts = [colon.start() - len(label) for colon in _COLON.finditer(text)
              if (label := _label_before(text, colon, 0, labels)) is not None]
    if len(starts) < _RUN_TOGETHER_LABELS:
        return text
    pieces = [text[a:b].rstrip() for a, b in zip([0] + starts, starts + [len(text)])]
    return "\n".join(p for p in pieces if p)


def _label_before(text: str, colon: regex.Match[str], lo: int, known: Collection[str]) -> str | None:
    """Return the longest capitalised label of ``known`` (lower-case spellings) written right
    before ``colon`` and after ``lo`` ("Talk title" over "title"), or None."""
    before = _WORDS_BEFORE.search(text, max(lo, colon.start() - 64), colon.start())
    if before is None:
        return None
    words = before.group().split()
    for size in range(len(words), 0, -1):
        label = " ".join(words[-size:])
        if label[:1].isupper() and label.lower() in known:
            return label
    return None


@cache
def _inline_labels() -> frozenset[str]:
    return frozenset(rules.config()["inline_labels"]["labels"])


# A line that opens with a known label ("Title:  Stiff-aware ...").
_LABEL_OPENING = deferred(r"[ \t]{0,4}(?P<label>\p{Lu}[\p{L}'’() ]{0,30}?)[ \t]{0,2}:[ \t]")


def split_inline_labels(text: str) -> str:
    """Return ``text`` with a break before a second known label inside a labelled line
    ("Title: Tides Abstract: Why tides turn."), where an exporter lost the line break. Only
    the labels of ``models/config.json``'s "inline_labels" count: a title's own colon may
    follow a word that is a label elsewhere ("... Hidden Information: Screening").

    >>> split_inline_labels("Title:  Tides on large graphs Abstract: Many models fail.\\nHost: Bo")
    'Title:  Tides on large graphs\\nAbstract: Many models fail.\\nHost: Bo'
    >>> split_inline_labels("Title: Search with Hidden Information: Screening")
    'Title: Search with Hidden Information: Screening'
    """
    if text.count(":") < 2:
        return text
    labels = rules.label_fields()
    inline = _inline_labels()
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.count(":") < 2:
            continue  # most lines: no second label to split off
        opening = _LABEL_OPENING.match(line)
        field = labels.get(opening.group("label").strip().lower()) if opening else None
        if field is None:
            continue
        cuts: list[int] = []
        for colon in _COLON.finditer(line, opening.end()):
            label = _label_before(line, colon, opening.end(), inline)
            start = colon.start() - len(label) if label else 0
            if label and labels.get(label.lower()) != field and line[start - 1:start].isspace():
                cuts.append(start)
                field = labels.get(label.lower())
        if cuts:
            pieces = [line[a:b].rstrip() for a, b in zip([0] + cuts, cuts + [len(line)])]
            lines[index] = "\n".join(pieces)
    return "\n".join(lines)


def split_bar_separated_lines(text: str) -> str:
    """Return ``text`` with a line that a timetable squashed into one ("Notes: Speaker: A | Title:
    B | Abstract: C | All welcome.") broken back at its bars: into lines where known labels open
    two parts after bars or more (one may be a SUMMARY's "Series | Panel: Title" repeated), into
    paragraphs where sentences of prose stand on both sides of a bar.

    >>> split_bar_separated_lines("Notes: Speaker: Ada Roe (X Lab) | Title: Tides | Abstract: Why. | All welcome.")
    'Notes:\\nSpeaker: Ada Roe (X Lab)\\nTitle: Tides\\nAbstract: Why.\\nAll welcome.'
    >>> split_bar_separated_lines("Ada Roe gives her talk on tides and what they do to us. | "
    ...                           "Records from 31 harbours show large differences in the tides.")
    'Ada Roe gives her talk on tides and what they do to us.\\n\\nRecords from 31 harbours show large differences in the tides.'
    >>> split_bar_separated_lines("Room 4 | 3 pm | Free")
    'Room 4 | 3 pm | Free'
    >>> split_bar_separated_lines("Topic: Frontier Webinars | Panel: Drug repurposing")
    'Topic: Frontier Webinars | Panel: Drug repurposing'
    """
    if " | " not in text:
        return text
    labels = rules.label_fields()
    lines = text.split("\n")
    for index, line in enumerate(lines):
        parts = line.split(" | ")
        if len(parts) < 2:
            continue
        labelled = [bool((opening := _LABEL_OPENING.match(part)) and
                         opening.group("label").strip().lower() in labels) for part in parts]
        if sum(labelled[1:]) >= 2:
            # "Notes: Speaker: ...": the outer label stands on a line of its own
            outer = _LABEL_OPENING.match(parts[0])
            inner = _LABEL_OPENING.match(parts[0], outer.end()) if outer else None
            if inner and inner.group("label").strip().lower() in labels:
                parts[0:1] = [parts[0][:outer.end()].rstrip(), parts[0][outer.end():]]
            lines[index] = "\n".join(part.strip() for part in parts)
            continue
        joined = [parts[0]]
        for part in parts[1:]:
            if _SENTENCE_CLOSE.search(joined[-1]) and len(joined[-1].split()) >= _PROSE_WORDS and \
                    len(part.split()) >= _PROSE_WORDS:
                joined.append("\n" + part.strip())  # two sentences of prose: two paragraphs
            else:
                joined[-1] = f"{joined[-1]} | {part}"
        lines[index] = "\n".join(joined)
    return "\n".join(lines)


_SENTENCE_CLOSE = deferred(r"[.!?][\"”’)]?\s*$")
# Words on each side of a bar that make both sides prose.
_PROSE_WORDS = 8


def split_glued_lines(text: str) -> str:
    """Return ``text`` with a line break where two glued lines meet.

    >>> split_glued_lines("Ada Roe, Director, Lakeshore CenterBo Okafor, Professor")
    'Ada Roe, Director, Lakeshore Center\\nBo Okafor, Professor'
    >>> split_glued_lines("Lakeshore ProgramKiran Okafor, Treasurer, Lakeshore Program")
    'Lakeshore Program\\nKiran Okafor, Treasurer, Lakeshore Program'
    >>> split_glued_lines("Student Service ProgramLocation: Room 4")
    'Student Service Program\\nLocation: Room 4'
    >>> split_glued_lines("Ronald McDonald Smith, Chair; the JavaScript: part")
    'Ronald McDonald Smith, Chair; the JavaScript: part'
    >>> split_glued_lines("comes\\nThe Book\\n, a gripping story")
    'comes\\nThe Book, a gripping story'
    """
    if "\n" in text:
        text = _BROKEN.sub("", text)
    else:
        text = split_run_together_labels(text)
    text = split_bar_separated_lines(text)
    text = split_inline_labels(text)
    if not _GLUED.search(text):
        return text
    given, labels = rules.given_names(), rules.label_fields()
    positions = rules.gazetteer("position_heads")
    pieces: list[str] = []
    start = 0
    for match in _GLUED.finditer(text):
        word = match.group("word").lower()
        # A name is known by its given name, or by the position after it ("Kiran Okafor,
        # Treasurer,"), whatever the given name.
        named = word in given or (match.group("role") or "").lower() in positions
        if named if match.group("name") else word in labels:
            pieces.append(text[start:match.start()])
            start = match.start()
    if not pieces:
        return text
    return "\n".join(pieces + [text[start:]])
