"""The talk's title: a "Title:" line, the SUMMARY, a quoted title after "titled", or the layout."""
from __future__ import annotations

import regex

from ..announcement import Announcement
from ..candidate import Candidate
from ..shapes import is_person_name, is_placeholder, strip_quotes
from .summary import SummaryParse

_QUOTED = regex.compile(r"[\s,:]{0,3}(?P<open>[\"“‘'«])(?P<title>[^\"“”«»\n]{3,300}?)"
                        r"(?P<close>[\"”’'»])")
_TERMINAL = regex.compile(r"[.!]\s*$")
PLACEHOLDER = "placeholder"


def title_candidates(ann: Announcement, summary: SummaryParse, *,
                     speaker_rule: str | None) -> list[Candidate]:
    """Return title candidates, best first; a placeholder label ("Title: TBA") yields a None value."""
    found: list[Candidate] = []
    for label in ann.labelled("title"):
        value = label.value
        if not value:
            block = ann.block(label)
            value = " ".join(line.text for line in block[:2]) if block else ""
        value = strip_quotes(value)
        if is_placeholder(value):
            found.append(Candidate("title", None, "DESCRIPTION", f"label.{label.label}.{PLACEHOLDER}"))
            return found
        span = (label.value_start, label.value_start + len(label.value)) if label.value else None
        found.append(Candidate("title", value, "DESCRIPTION", f"label.{label.label}", span))
        break
    quoted = _quoted_after_cue(ann)
    if summary.title and not (quoted and summary.rules.get("title") == "summary.title_only"):
        found.append(Candidate("title", summary.title, "SUMMARY", summary.rules["title"]))
    if quoted:
        found.append(quoted)
    layout = _from_layout(ann, speaker_rule)
    if layout:
        found.append(layout)
    return found


def _quoted_after_cue(ann: Announcement) -> Candidate | None:
    for cue in ann.cues("TITLE_BEFORE"):
        match = _QUOTED.match(ann.text, cue.end_char, cue.end_char + 320)
        if match:
            title = strip_quotes(match.group("open") + match.group("title") + match.group("close"))
            if title and not is_placeholder(title):
                return Candidate("title", title, "DESCRIPTION", f"prose.{cue.id_}",
                                 (match.start("title"), match.end("title")))
    return None


def _from_layout(ann: Announcement, speaker_rule: str | None) -> Candidate | None:
    """A line standing alone as the title: the line after an opening speaker line, or a
    description that is one short line."""
    unlabelled = [line for line in ann.lines if line.number not in ann.label_line_numbers
                  and not line.text.startswith(("http", "www."))]
    if not unlabelled:
        return None
    first = unlabelled[0]
    if speaker_rule == "layout.first_line" and len(unlabelled) > 1:
        candidate = unlabelled[1]
    elif len(unlabelled) == 1 and not ann.labels:
        candidate = first
    else:
        return None
    words = candidate.text.split()
    if not 2 <= len(words) <= 40 or _TERMINAL.search(candidate.text) and len(words) > 25:
        return None
    if is_person_name(candidate.text):
        return None
    return Candidate("title", strip_quotes(candidate.text), "DESCRIPTION", "layout.title_line",
                     (candidate.start, candidate.end))
