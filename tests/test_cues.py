"""The cue ruler finds exactly the spans that spaCy's Matcher finds, in the same order.

Word-sequence patterns are looked up by their first word instead of going through the Matcher
(components/cues.py); these tests hold that shortcut to the Matcher's spans.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from conftest import CORPUS
from extractor import rules
from extractor.components import cues
from extractor.pipeline import build_pipeline

WHITESPACE_EXAMPLES = [
    ("one_blank", "Dr. Roe will speak on rings."),
    ("blank_run", "Dr. Roe will   speak on rings."),
    ("line_break", "Dr. Roe will\n speak on rings, and will\n\n be giving a talk."),
    ("upper_case", "DR. ROE WILL BE THE GUEST SPEAKER. Talk by Ada's talk."),
    ("sequence_at_end", "The lecture from"),
    ("money_and_mail", "Tickets $20 or 15 EUR; write to pat@example.edu. Presented by X"),
    ("empty", ""),
]


def _matcher_spans(text: str) -> list[tuple[int, int, str, str]]:
    """Return the spans as the PhraseMatcher and the plain Matcher give them, sorted."""
    nlp = build_pipeline()
    ruler = nlp.get_pipe("talk_cues")
    doc = nlp.make_doc(text)
    strings = doc.vocab.strings
    found = []
    for matcher in (ruler.phrases, ruler.tokens):
        for match_id, start, end in matcher(doc):
            found.append((start, end, ruler.label_of[strings[match_id]], strings[match_id]))
    found.sort(key=lambda s: (s[0], -s[1]))
    return found


def _ruler_spans(text: str) -> list[tuple[int, int, str, str]]:
    doc = build_pipeline()(text)
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[cues.SPANS_KEY]]


@pytest.mark.parametrize("text", [t for _, t in WHITESPACE_EXAMPLES],
                         ids=[name for name, _ in WHITESPACE_EXAMPLES])
def test_spans_are_the_matchers(text: str) -> None:
    assert _ruler_spans(text) == _matcher_spans(text)


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.*")), ids=lambda p: p.name)
def test_corpus_spans_are_the_matchers(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert _ruler_spans(text) == _matcher_spans(text)


def test_most_token_patterns_are_sequences() -> None:
    ruler = build_pipeline().get_pipe("talk_cues")
    assert len(ruler.other_tokens) < len(ruler.tokens) / 4


def test_other_patterns_go_through_the_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = (rules.CuePattern("plus", "A", [{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]),
                rules.CuePattern("seq", "B", [{"LOWER": "big"}, {"LIKE_NUM": True}]))
    monkeypatch.setattr(cues.rules, "cue_patterns", lambda: patterns)
    nlp = spacy.blank("en")
    ruler = cues.CueRuler(nlp, "talk_cues")
    assert len(ruler.other_tokens) == 1
    doc = nlp.make_doc("a very very big 5")
    assert sorted(ruler.token_matches(doc)) == [("plus", 1, 4), ("plus", 2, 4), ("seq", 3, 5)]


def test_two_patterns_on_one_span_take_the_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    twins = (rules.CuePattern("twin.a", "A", [{"LOWER": "will"}, {"LOWER": "speak"}]),
             rules.CuePattern("twin.b", "B", [{"LOWER": "will"}, {"IS_SPACE": True, "OP": "?"},
                                              {"LOWER": "speak"}]))
    monkeypatch.setattr(cues.rules, "cue_patterns", lambda: twins)
    nlp = spacy.blank("en")
    ruler = cues.CueRuler(nlp, "talk_cues")
    doc = nlp.make_doc("She will speak.")
    strings = doc.vocab.strings
    expected = [(strings[key], start, end) for key, start, end in ruler.tokens(doc)]
    assert sorted(ruler.token_matches(doc)) == sorted(expected) == [("twin.a", 1, 3),
                                                                  ("twin.b", 1, 3)]
    assert ruler.token_matches(doc) == expected


def test_sequence_steps() -> None:
    nlp = spacy.blank("en")
    blank = {"IS_SPACE": True, "OP": "?"}
    assert cues.sequence_steps([{"LOWER": "a"}, blank, {"LOWER": "b"}], nlp) is not None
    assert cues.sequence_steps([{"LOWER": {"IN": ["a", "b"]}}, {"LIKE_NUM": True}], nlp)
    assert cues.sequence_steps([{"LOWER": "a"}, blank], nlp) is None  # a trailing optional blank
    assert cues.sequence_steps([blank, {"LOWER": "a"}], nlp) is None
    assert cues.sequence_steps([{"LOWER": "a"}, blank, blank, {"LOWER": "b"}], nlp) is None
    assert cues.sequence_steps([{"LOWER": "a"}, blank, {"LIKE_NUM": True}], nlp) is None
    assert cues.sequence_steps([{"LOWER": "a", "OP": "+"}], nlp) is None
    assert cues.sequence_steps([{"LOWER": {"NOT_IN": ["a"]}}], nlp) is None
    assert cues.sequence_steps([{"IS_SPACE": True}], nlp) is None
    assert cues.sequence_steps([{"LIKE_NUM": False}], nlp) is None
