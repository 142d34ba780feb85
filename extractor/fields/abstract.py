"""The abstract: the prose block about the talk, without the bio, logistics, links, contact
lines and "Joint work with" credits."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..layout import Line

_SENTENCE_END = regex.compile(r"[.!?][\"”’')]*$")
_DATELINE = regex.compile(r"^[\p{Lu} .,'’]{3,40}--\s*|^[\p{Lu}][\p{Lu} .,'’]{2,40}\s[—–-]\s")
_LOGISTICS = regex.compile(
    r"(?i)\b(?:zoom|webex|teams meeting|meeting id|passcode|register(?:ed|ing)?|registration|"
    r"rsvp|livestream|parking|refreshments|lunch will be|reception|wheelchair|accessib|"
    r"for more information|please contact|questions\?|join (?:from|us on|the meeting))\b")
_TRAILERS = regex.compile(r"(?i)(?:^|\s)(?:JEL (?:Classification|codes?)|Keywords?:|"
                          r"This is (?:a )?joint work|Joint work|Based on joint|"
                          r"\[?(?:Paper|Slides|Link|Video)\]?:\s)")


@dataclass(frozen=True)
class _Paragraph:
    lines: list[Line]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def abstract_candidates(ann: Announcement) -> list[Candidate]:
    """Return abstract candidates (plain text), best first."""
    found: list[Candidate] = []
    labelled = _from_label(ann)
    if labelled:
        found.append(labelled)
    prose = _from_prose(ann)
    if prose:
        found.append(prose)
    return found


def _from_label(ann: Announcement) -> Candidate | None:
    for label in ann.labelled("abstract"):
        block = ann.block(label, paragraphs=True)
        start = label.value_start if label.value else (block[0].start if block else None)
        if start is None:
            continue
        end = block[-1].end if block else label.line.end
        end = _cut_end(ann, start, end)
        text = _clean(ann.text[start:end])
        if len(text.split()) >= 5:
            return Candidate("abstract", text, "DESCRIPTION", f"label.{label.label}", (start, end))
    return None


def _paragraphs(ann: Announcement) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    current: list[Line] = []
    for line in ann.lines:
        labelled = line.number in ann.label_line_numbers
        if current and (labelled or line.number > current[-1].number + 1):
            paragraphs.append(_Paragraph(current))
            current = []
        if not labelled:
            current.append(line)
    if current:
        paragraphs.append(_Paragraph(current))
    return paragraphs


def _is_prose(paragraph: _Paragraph, ann: Announcement) -> bool:
    text = paragraph.text
    words = text.split()
    if len(words) < int(rules.config()["abstract_min_words"]):
        return False
    if text.startswith(("http", "www.", "[Source]")) or _LOGISTICS.search(text[:200]) and len(words) < 60:
        return False
    bios = [c for c in ann.cues("BIO") if paragraph.start <= c.start_char < paragraph.start + 250]
    if bios:
        return False
    sponsor = [c for c in ann.cues("SPONSOR") if paragraph.start <= c.start_char < paragraph.end]
    if sponsor and len(words) < 60:
        return False
    return bool(_SENTENCE_END.search(text)) or len(words) >= 40


def _from_prose(ann: Announcement) -> Candidate | None:
    paragraphs = _paragraphs(ann)
    prose = [_is_prose(p, ann) for p in paragraphs]
    if not any(prose):
        return None
    longest = max((i for i, ok in enumerate(prose) if ok), key=lambda i: len(paragraphs[i].text))
    first = last = longest
    while first > 0 and prose[first - 1]:
        first -= 1
    while last + 1 < len(paragraphs) and prose[last + 1]:
        last += 1
    start, end = paragraphs[first].start, paragraphs[last].end
    end = _cut_end(ann, start, end)
    text = _clean(ann.text[start:end])
    if len(text.split()) < int(rules.config()["abstract_min_words"]):
        return None
    return Candidate("abstract", text, "DESCRIPTION", "layout.prose_block", (start, end))


def _cut_end(ann: Announcement, start: int, end: int) -> int:
    """Return where the abstract stops: before co-author credits, codes, bios and sponsor lines."""
    for cue in ann.cues("JOINT", "BIO"):
        if start < cue.start_char < end:
            sentence_start = _sentence_start(ann.text, cue.start_char, start)
            if sentence_start > start:
                end = min(end, sentence_start)
    trailer = _TRAILERS.search(ann.text, start, end)
    if trailer and trailer.start() > start:
        end = min(end, trailer.start())
    return end


def _sentence_start(text: str, at: int, floor: int) -> int:
    window = text[floor:at]
    match = None
    for match in regex.finditer(r"[.!?][\"”’)]*\s+|\n", window):
        pass
    return floor + match.end() if match else floor


def _clean(text: str) -> str:
    text = " ".join(text.split())
    return _DATELINE.sub("", text).strip()
