"""The seminar series or programme: a "Series:" line, the SUMMARY, or "part of the X Series"."""
from __future__ import annotations

import regex

from ..announcement import Announcement
from ..candidate import Candidate
from ..shapes import has_head, is_institution, is_placeholder, is_series_name
from .summary import SummaryParse
from .talk_kind import is_non_talk

# "the Delphasus Lecture Series", "UCSC Inaugural Lecture series": capitalised words ending in a
# series word. Bounded repetition keeps it linear.
# A space may be a line break of hard-wrapped text, not a blank line: a heading above the name
# is no part of it.
_SPACE = r"(?:[ \t]{1,3}|[ \t]{0,3}\n[ \t]{0,3})"
_NAMED_SERIES = regex.compile(
    rf"(?P<name>(?:(?:\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]{{0,40}}|of|the|on|in|and|for|[0-9]{{4}}){_SPACE}){{1,7}}"
    rf"(?:(?:Lecture|Seminar|Colloquium|Speaker|Distinguished Lecture|Talk|Reading){_SPACE})?"
    r"(?:Series|series|Lecture Series|Colloquium|Seminar Series))\b")
_URLISH = regex.compile(r"https?://|www\.")


def series_candidates(ann: Announcement, summary: SummaryParse) -> list[Candidate]:
    """Return series candidates, best first."""
    found: list[Candidate] = []
    for label in ann.labelled("series"):
        value = label.value.strip()
        # A series label is trusted unless its value is a link, a placeholder or an
        # institution ("Series: Some University" names the host, not a series).
        if value and not _URLISH.search(value) and not is_placeholder(value) \
                and len(value.split()) <= 12 and \
                not (is_institution(value) and not has_head(value, "series_heads")):
            found.append(Candidate("series", value, "DESCRIPTION", f"label.{label.label}",
                                   (label.value_start, label.value_start + len(value))))
            break
    if is_non_talk(ann):
        # A book club or a concert series is no seminar series: the event is no talk.
        return found
    if summary.series and summary.series.lower() not in {"talk", "talks", "break", "plenary"}:
        found.append(Candidate("series", summary.series, "SUMMARY",
                               summary.rules.get("series", "summary")))
    for match in _NAMED_SERIES.finditer(ann.text[:20000]):
        name = regex.sub(r"^(?:the|of|on|in|and|for)\s+", "", match.group("name").strip(),
                         flags=regex.IGNORECASE)
        if is_series_name(name) and len(name.split()) >= 2 and \
                sum(w[:1].isupper() for w in name.split()) >= 2:
            found.append(Candidate("series", name, "DESCRIPTION", "prose.named_series",
                                   (match.start("name"), match.end("name"))))
            break
    return found
