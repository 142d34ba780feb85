"""The ``talk_cues`` component: every cue phrase and token pattern of models/patterns as a span.

Each match goes into ``doc.spans["cues"]`` with its label (SPONSOR, SPEAKER_AFTER, FREE, ...)
and its rule id, overlapping matches included: resolving them is the field resolvers' job.
Phrase patterns go through one PhraseMatcher on lower-cased text (cheap at any vocabulary size);
the few token patterns are anchored on a single token each, so none can run away.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup

from .. import rules

SPANS_KEY = "cues"


class CueRuler:
    """Put every cue match into ``doc.spans[SPANS_KEY]`` with its label and rule id."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        self.label_of: dict[str, str] = {}
        for cue in rules.cue_patterns():
            self.label_of[cue.id] = cue.label
            if isinstance(cue.pattern, str):
                self.phrases.add(cue.id, [nlp.make_doc(cue.pattern)])
            else:
                self.tokens.add(cue.id, [cue.pattern])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        strings = doc.vocab.strings
        for matcher in (self.phrases, self.tokens):
            for match_id, start, end in matcher(doc):
                rule_id = strings[match_id]
                spans.append(Span(doc, start, end, label=self.label_of[rule_id], span_id=rule_id))
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
        return doc


@Language.factory("talk_cues")
def make_cue_ruler(nlp: Language, name: str) -> CueRuler:
    """Return the cue ruler, built from the patterns under models/patterns."""
    return CueRuler(nlp, name)
