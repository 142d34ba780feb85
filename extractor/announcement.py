"""The parsed announcement every field resolver reads: the event, its lines, labels and cues."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span

from .components.cues import SPANS_KEY, CueRuler
from .layout import LabelLine, Line, block_after, find_label_lines, split_lines
from .pipeline import build_pipeline
from .reading.ics import VeventView


@dataclass
class Announcement:
    """One event ready for the resolvers: the view, the description's Doc, lines and labels."""

    view: VeventView
    doc: Doc
    lines: list[Line]
    labels: list[LabelLine]

    @property
    def text(self) -> str:
        """Return the description text: the Doc's text, kept as given (``Doc.text`` would
        rebuild it from the tokens at every call)."""
        return self.view.description

    def cues(self, *labels: str) -> list[Span]:
        """Return the cue spans with one of ``labels``, in document order."""
        return [span for label, span in self._labelled_cues if label in labels]

    @cached_property
    def _labelled_cues(self) -> tuple[tuple[str, Span], ...]:
        """Return (label, span) of every cue span, made once: the resolvers ask for cues some
        twenty times an event, and each walk of the span group made every Span anew."""
        return tuple((span.label_, span) for span in self.doc.spans[SPANS_KEY])

    def labelled(self, *fields: str) -> list[LabelLine]:
        """Return the label lines of ``fields``, in document order."""
        return [item for item in self.labels if item.field in fields]

    def block(self, label: LabelLine, *, paragraphs: bool = False) -> list[Line]:
        """Return the lines below a label whose own line holds no value."""
        return block_after(label, self.lines, self.labels, paragraphs=paragraphs)

    def line_at(self, char: int) -> Line | None:
        """Return the line that holds character offset ``char``."""
        at = self.line_index_at(char)
        if at >= 0 and char < self.lines[at].end:
            return self.lines[at]
        return None

    def line_index_at(self, char: int) -> int:
        """Return the index in ``lines`` of the last line that starts at or before ``char``."""
        return bisect_right(self._line_starts, char) - 1

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    @cached_property
    def summary_cue_labels(self) -> frozenset[str]:
        """Return the cue labels found in the SUMMARY, read once: several resolvers ask."""
        summary = self.view.summary
        if not summary.strip():
            return frozenset()
        return _cue_labels(summary[:500])

    @cached_property
    def label_line_numbers(self) -> frozenset[int]:
        return frozenset(item.line.number for item in self.labels)


@lru_cache(maxsize=4096)
def _cue_labels(text: str) -> frozenset[str]:
    """Return the cue labels found in a (short) ``text``, kept for SUMMARYs seen again: each
    was tokenised anew for every event of a recurring series."""
    nlp = build_pipeline()
    ruler: CueRuler = nlp.get_pipe("talk_cues")
    return ruler.labels(nlp.make_doc(text))


def parse_announcement(view: VeventView) -> Announcement:
    """Return the announcement of ``view``: its description run through the pipeline."""
    doc = build_pipeline()(view.description)
    lines = split_lines(view.description)
    return Announcement(view, doc, lines, find_label_lines(lines))
