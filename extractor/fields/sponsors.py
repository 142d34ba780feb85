"""Sponsors: "Sponsor:" lines and "sponsored by" / "supported by" / "made possible by" prose,
split into organisations. "presented by" counts only when an organisation follows."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..announcement import Announcement
from ..candidate import Candidate
from ..shapes import has_head, is_institution, is_person_name

_URL = regex.compile(r"https?://\S{3,300}")
_STOP = regex.compile(r"(?:[.;!?](?:\s|$)|\n|\s(?:to|for|in order|through|as part|who|which|"
                      r"that|with the goal|on behalf|will|at \d)\s)")
_SPLIT = regex.compile(r"\s*(?:,|;|\band\b|&|\bas well as\b|\bwith\b)\s*")
_LEADING = regex.compile(r"^(?:the|a|an|by|generous|generously|grants? from|support from|"
                         r"part|in part)\s+", regex.IGNORECASE)
_AFTER_SUBJECT_CUES = frozenset({"sponsor.cosponsoring", "sponsor.co-sponsoring",
                                 "sponsor.are_sponsoring", "sponsor.is_sponsoring"})


@dataclass(frozen=True)
class Sponsor:
    name: str
    url: str | None = None


def split_organisations(text: str) -> list[str]:
    """Return the organisations of a list, keeping "and" inside one name together.

    >>> split_organisations("the Department of Astronomy and Astrophysics, and the Physics Club")
    ['Department of Astronomy and Astrophysics', 'Physics Club']
    >>> split_organisations("UCO/Lick Observatory and the Department of Physics")
    ['UCO/Lick Observatory', 'Department of Physics']
    """
    pieces = [p for p in _SPLIT.split(text.strip(" .,:")) if p.strip()]
    seps = _SPLIT.findall(text.strip(" .,:"))
    merged: list[str] = []
    for index, piece in enumerate(pieces):
        piece = _LEADING.sub("", piece.strip())
        stands_alone = has_head(piece, "institution_heads") or has_head(piece, "unit_heads") \
            or regex.match(r"^(?:the|The)\s", pieces[index]) or piece.isupper()
        if merged and not stands_alone:
            sep = seps[index - 1].strip() if index - 1 < len(seps) else ","
            joiner = f" {sep} " if sep not in {",", ";"} else ", "
            merged[-1] = f"{merged[-1]}{joiner}{piece}"
        elif piece:
            merged.append(piece)
    return [m.strip(" .,") for m in merged if m.strip(" .,") and len(m) < 150]


def sponsor_candidates(ann: Announcement) -> list[Candidate]:
    """Return one candidate per sponsor list found, best first."""
    found: list[Candidate] = []
    for label in ann.labelled("sponsor"):
        value = label.value or " ".join(l.text for l in ann.block(label)[:3])
        names = [n for n in split_organisations(_URL.sub("", value)) if not is_person_name(n)]
        if names:
            url = _sponsor_url(ann, label.line.number)
            sponsors = [Sponsor(n, url if len(names) == 1 else None) for n in names]
            found.append(Candidate("sponsors", sponsors, "DESCRIPTION", f"label.{label.label}",
                                   (label.value_start, label.value_start + len(label.value))))
    for cue in ann.cues("SPONSOR"):
        if cue.id_ in _AFTER_SUBJECT_CUES:
            line = ann.line_at(cue.start_char)
            left = ann.text[(line.start if line else 0):cue.start_char]
            left = regex.split(r"(?<=[.!?])\s+", left)[-1]
            span = (cue.start_char - len(left), cue.start_char)
            phrase = left
        else:
            stop = _STOP.search(ann.text, cue.end_char, cue.end_char + 400)
            end = stop.start() if stop else min(len(ann.text), cue.end_char + 400)
            phrase = ann.text[cue.end_char:end]
            span = (cue.end_char, end)
        phrase = phrase.strip(" :,")
        names = [n for n in split_organisations(phrase) if is_institution(n) or
                 has_head(n, "unit_heads") or (n[:1].isupper() and not is_person_name(n))]
        if cue.id_ == "sponsor.presented_by" and not all(is_institution(n) for n in names):
            continue
        if names:
            found.append(Candidate("sponsors", [Sponsor(n) for n in names], "DESCRIPTION",
                                   f"prose.{cue.id_}", span))
    return found


def _sponsor_url(ann: Announcement, line_number: int) -> str | None:
    for label in ann.labelled("url"):
        if "sponsor" in label.label and 0 < label.line.number - line_number <= 2:
            match = _URL.search(label.value)
            if match:
                return match.group()
    return None
