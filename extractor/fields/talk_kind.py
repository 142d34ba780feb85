"""Whether an event is a talk at all: a book club, a concert or a tour has no abstract.

The signal is the kind of event its SUMMARY or description names, from the NON_TALK_EVENT
cue phrases of models/patterns/abstract.jsonl ("book club", "concert", "info session"),
weighed against talk signals (TALK cues such as "lecture" or "speaker", and speaker, title or
abstract label lines). Nothing here spells out a vocabulary.
"""
from __future__ import annotations

from ..announcement import Announcement

# Label lines that only a talk announcement has.
_TALK_FIELDS = frozenset({"speaker", "title", "abstract"})


def is_non_talk(ann: Announcement) -> bool:
    """Return True when the event names a kind of event that is not a talk.

    The SUMMARY names the event's kind and outweighs the description unless it also names a
    talk; the description does so only when neither it nor the SUMMARY speaks of a talk
    ("lecture", "will discuss"), a speaker or an abstract.
    """
    summary_labels = ann.summary_cue_labels
    if "NON_TALK_EVENT" in summary_labels:
        # "Reading Group: guest talk" names a talk held by a group that is no talk itself.
        return "TALK" not in summary_labels
    if not ann.cues("NON_TALK_EVENT"):
        return False
    if "TALK" in summary_labels or ann.cues("TALK", "TALK_CONTENT"):
        return False
    return not any(item.field in _TALK_FIELDS for item in ann.labels)
