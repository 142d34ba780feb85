"""The cue ruler finds exactly the spans that spaCy's matchers find.

Word-sequence patterns, and phrases of several words, are looked up by their first word instead
of going through spaCy's Matcher (components/cues.py); these tests hold that shortcut to the
Matcher's spans, ordered by position, longest first, then by rule order.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher, PhraseMatcher

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
    ("flag_then_word", "Ada Roe has been a fellow. Roe\nhas been the chair; roe has been an x."),
    ("two_words_apart", "The\ntalk is titled\n\nX. In  this talk, the speaker the  lecturer"),
]


@cache
def _reference_matcher() -> tuple[PhraseMatcher, Matcher]:
    """Return spaCy's matchers with every cue pattern: one-word phrases in a PhraseMatcher, the
    rest in a Matcher (a phrase of several words with an optional blank between words)."""
    nlp = build_pipeline()
    phrases, tokens = PhraseMatcher(nlp.vocab, attr="LOWER"), Matcher(nlp.vocab)
    for cue in rules.cue_patterns():
        if isinstance(cue.pattern, str):
            words = nlp.make_doc(cue.pattern)
            if len(words) == 1:
                phrases.add(cue.id, [words])
            else:
                tokens.add(cue.id, [cues.phrase_sequence(words)])
        else:
            tokens.add(cue.id, [cue.pattern])
    return phrases, tokens


def _matcher_spans(text: str) -> list[tuple[int, int, str, str]]:
    """Return the spans as spaCy's matchers give them, sorted as the ruler sorts them."""
    nlp = build_pipeline()
    ruler = nlp.get_pipe("talk_cues")
    doc = nlp.make_doc(text)
    strings = doc.vocab.strings
    found = []
    for matcher in _reference_matcher():
        for match_id, start, end in matcher(doc):
            found.append((start, end, ruler.label_of[strings[match_id]], strings[match_id]))
    found.sort(key=lambda s: (s[0], -s[1], ruler.rank[s[3]]))
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
    sequences = sum(map(len, ruler.by_word.values())) + len(ruler.by_flag)
    assert len(ruler.other_tokens) < sequences / 20


def test_a_phrase_split_by_a_line_break_matches() -> None:
    spans = _ruler_spans("Ada Roe, of Lakeshore University, will\nexplore the rings.")
    assert ("SPEAKER_AFTER", "speaker_after.will_explore") in [(s[2], s[3]) for s in spans]


def test_other_patterns_go_through_the_matcher(monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = (rules.CuePattern("plus", "A", [{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]),
                rules.CuePattern("seq", "B", [{"LOWER": "big"}, {"LIKE_NUM": True}]))
    monkeypatch.setattr(cues.rules, "cue_patterns", lambda: patterns)
    nlp = spacy.blank("en")
    ruler = cues.CueRuler(nlp, "talk_cues")
    assert len(ruler.other_tokens) == 1
    doc = nlp.make_doc("a very very big 5")
    assert sorted(ruler.token_matches(doc)) == [("plus", 1, 4), ("plus", 2, 4), ("seq", 3, 5)]


def test_two_patterns_on_one_span_keep_rule_order(monkeypatch: pytest.MonkeyPatch) -> None:
    twins = (rules.CuePattern("twin.b", "B", [{"LOWER": "will"}, {"IS_SPACE": True, "OP": "?"},
                                              {"LOWER": "speak"}]),
             rules.CuePattern("twin.a", "A", "will speak"))
    monkeypatch.setattr(cues.rules, "cue_patterns", lambda: twins)
    nlp = spacy.blank("en")
    nlp.add_pipe("talk_cues")
    doc = nlp("She will\nspeak.")
    assert [(s.id_, s.start, s.end) for s in doc.spans[cues.SPANS_KEY]] == [
        ("twin.b", 1, 4), ("twin.a", 1, 4)]


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


@pytest.mark.parametrize("text", [t for _, t in WHITESPACE_EXAMPLES],
                         ids=[name for name, _ in WHITESPACE_EXAMPLES])
def test_labels_are_those_of_the_spans(text: str) -> None:
    nlp = build_pipeline()
    ruler = nlp.get_pipe("talk_cues")
    doc = nlp(text)
    assert ruler.labels(nlp.make_doc(text)) == {s.label_ for s in doc.spans[cues.SPANS_KEY]}
