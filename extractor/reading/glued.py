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

import regex

from .. import rules

_BROKEN = regex.compile(r"[ \t]{0,3}\n[ \t]{0,3}(?=[,;)\]])")
_GLUED = regex.compile(r"(?<=\p{Ll}{3})(?P<word>\p{Lu}\p{Ll}{1,20})"
                       r"(?=(?P<name>[ \t]\p{Lu}[\p{L}\p{M}'’\-]{1,30},(?:[ \t](?P<role>\p{L}{2,20}))?)|"
                       r"[ \t]{0,2}:)")


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
