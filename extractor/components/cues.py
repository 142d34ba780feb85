"""The ``talk_cues`` component: every cue phrase and token pattern of models/patterns as a span.

Each match goes into ``doc.spans["cues"]`` with its label (SPONSOR, SPEAKER_AFTER, FREE, ...)
and its rule id, overlapping matches included: resolving them is the field resolvers' job.
Matches are ordered by position, longest first, then by the order of the rules in models/.

One-word phrases go through a PhraseMatcher on lower-cased text. A phrase of several words
("will explore") is matched as a sequence of words that a line break or a run of spaces may
split: hard-wrapped text breaks lines anywhere ("... will\nexplore the evidence").

The token patterns are short sequences of token tests ("will", an optional blank, "speak"; a
currency sign, a number). spaCy's Matcher tries every pattern at every token and makes a Token
object per token, which cost more than tokenizing the description; here a sequence is looked up
by its first word (or by its first test, over the token attribute columns), and the Matcher runs
only for patterns of any other shape. Every step is anchored on a single token, so none can run
away.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup

from .. import rules

SPANS_KEY = "cues"
# Token flags a sequence step may test; none is ever true of a blank token.
SEQUENCE_FLAGS = ("LIKE_EMAIL", "LIKE_NUM", "IS_CURRENCY", "LIKE_URL", "IS_DIGIT", "IS_ALPHA",
                  "IS_TITLE")
COLUMNS = ("LOWER", "IS_SPACE") + SEQUENCE_FLAGS
_BLANK = {"IS_SPACE": True, "OP": "?"}

# A step: (column in COLUMNS, the values that pass, whether one optional blank may come first).
Step = tuple[int, frozenset[int], bool]


class CueRuler:
    """Put every cue match into ``doc.spans[SPANS_KEY]`` with its label and rule id."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.other_tokens = Matcher(nlp.vocab)  # the token patterns that are no sequence
        # Sequences are looked up by their first two words where both are words ("the" starts
        # dozens of phrases), by their second word where a flag comes first, else by their
        # first word, or tried at every token that has their first flag.
        self.by_word: dict[int, list[tuple[str, tuple[Step, ...]]]] = defaultdict(list)
        self.by_two_words: dict[tuple[int, int], list[tuple[str, tuple[Step, ...]]]] = \
            defaultdict(list)
        self.by_word_after_flag: dict[int, list[tuple[str, tuple[Step, ...]]]] = defaultdict(list)
        self.by_flag: list[tuple[str, tuple[Step, ...]]] = []
        self.label_of: dict[str, str] = {}
        self.rank: dict[str, int] = {}
        # A cue's label and rule id as keys of the StringStore, which a Span takes as given;
        # as strings it would hash them again for every span.
        self.span_keys: dict[str, tuple[int, int]] = {}
        for cue in rules.cue_patterns():
            self.label_of[cue.id] = cue.label
            self.rank[cue.id] = len(self.rank)
            self.span_keys[cue.id] = (nlp.vocab.strings.add(cue.label), nlp.vocab.strings.add(cue.id))
            pattern = cue.pattern
            if isinstance(pattern, str):
                words = nlp.make_doc(pattern)
                if len(words) == 1:
                    self.phrases.add(cue.id, [words])
                    continue
                pattern = phrase_sequence(words)
            steps = sequence_steps(pattern, nlp)
            if steps is None:
                self.other_tokens.add(cue.id, [pattern])
            elif steps[0][0] == 0 and len(steps) > 1 and steps[1][0] == 0:
                for first in steps[0][1]:
                    for second in steps[1][1]:
                        self.by_two_words[first, second].append((cue.id, steps))
            elif steps[0][0] == 0:
                for word in steps[0][1]:
                    self.by_word[word].append((cue.id, steps))
            elif len(steps) > 1 and steps[1][0] == 0:
                for word in steps[1][1]:
                    self.by_word_after_flag[word].append((cue.id, steps))
            else:
                self.by_flag.append((cue.id, steps))
        self.first_words = frozenset(first for first, _ in self.by_two_words)
        # The words at which some sequence may be found: every other token is passed over.
        self.anchor_words = self.first_words | self.by_word.keys() | \
            self.by_word_after_flag.keys()
        self.columns = [IDS[name] for name in COLUMNS]
        # The columns every Doc needs: the words, the blanks and the first test of the
        # sequences tried at every flagged token. Any other flag column is read only when a
        # sequence gets as far as testing it (reading every column cost as much as the rest).
        self.eager_columns = sorted({0, 1} | {steps[0][0] for _, steps in self.by_flag})

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        matches = [(strings[match_id], start, end) for match_id, start, end in self.phrases(doc)]
        matches += self.token_matches(doc)
        # Sorted as plain tuples before any Span is made: a Span's attributes cost more to
        # read than a tuple's items. The sort is stable, as it was over the spans.
        rank = self.rank
        matches.sort(key=lambda m: (m[1], -m[2], rank[m[0]]))
        keys = self.span_keys
        spans = [Span(doc, start, end, label=keys[rule_id][0], span_id=keys[rule_id][1])
                 for rule_id, start, end in matches]
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=spans)
        return doc

    def labels(self, doc: Doc) -> frozenset[str]:
        """Return the labels of the cues in ``doc`` (a Doc that did not run the pipeline): the
        labels of the spans __call__ would set, without making the spans."""
        strings = doc.vocab.strings
        found = {self.label_of[strings[match_id]] for match_id, _, _ in self.phrases(doc)}
        found.update(self.label_of[rule_id] for rule_id, _, _ in self.token_matches(doc))
        return frozenset(found)

    def token_matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Return (rule id, start, end) of every match of a token pattern or several-word
        phrase, in no particular order."""
        strings = doc.vocab.strings
        found = [(strings[key], start, end) for key, start, end in self.other_tokens(doc)] \
            if len(self.other_tokens) else []
        if len(doc):
            found += self._sequence_matches(doc)
        return found

    def _sequence_matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        columns = _Columns(doc, self.columns, self.eager_columns)
        lowers, blanks = columns[0], columns[1]
        length = len(lowers)
        found: list[tuple[str, int, int]] = []
        anchors = self.anchor_words
        for start in [at for at, lower in enumerate(lowers) if lower in anchors]:
            lower = lowers[start]
            candidates = self.by_word.get(lower, [])
            if lower in self.first_words:
                # The second word stands next, or after one blank (which no word test passes).
                second = start + 1 + (start + 1 < length and blanks[start + 1])
                if second < length:
                    candidates = candidates + self.by_two_words.get((lower, lowers[second]), [])
            after_flag = self.by_word_after_flag.get(lower)
            if after_flag:
                # This word is the second step: the flag stands before it, or before a blank.
                firsts = (start - 1, start - 2) if start > 0 and blanks[start - 1] else \
                    (start - 1,)
                for first in firsts:
                    if first >= 0:
                        for rule_id, steps in after_flag:
                            if columns[steps[0][0]][first] == 1:
                                end = _match_end(steps, columns, blanks, first, length)
                                if end:
                                    found.append((rule_id, first, end))
            for rule_id, steps in candidates:
                end = _match_end(steps, columns, blanks, start, length)
                if end:
                    found.append((rule_id, start, end))
        for rule_id, steps in self.by_flag:
            for start in _flagged(columns[steps[0][0]]):
                end = _match_end(steps, columns, blanks, start, length)
                if end:
                    found.append((rule_id, start, end))
        return found


class _Columns(dict[int, list[int]]):
    """The token attribute columns of a Doc by their index in COLUMNS, each a list of ints;
    a column not read up front is read from the Doc the first time a step asks for it."""

    def __init__(self, doc: Doc, ids: list[int], eager: list[int]) -> None:
        rows: list[list[int]] = doc.to_array([ids[i] for i in eager]).T.tolist()
        super().__init__(zip(eager, rows))
        self.doc = doc
        self.ids = ids

    def __missing__(self, index: int) -> list[int]:
        column: list[int] = self.doc.to_array(self.ids[index]).tolist()  # one id: one row
        self[index] = column
        return column


def _flagged(column: list[int]) -> Iterator[int]:
    """Yield the positions at which a flag column holds 1 (a flag step passes 1 only).

    >>> list(_flagged([0, 1, 1, 0, 1]))
    [1, 2, 4]
    """
    at = -1
    try:
        while True:
            at = column.index(1, at + 1)  # a scan in C, not a Python loop over every token
            yield at
    except ValueError:
        return


def _match_end(steps: tuple[Step, ...], columns: dict[int, list[int]], blanks: list[int],
               start: int, length: int) -> int:
    """Return where the sequence whose first step holds at ``start`` ends, or 0 where it fails."""
    at = start + 1
    for column, values, blank_before in steps[1:]:
        if blank_before and at < length and blanks[at]:
            at += 1
        if at >= length or columns[column][at] not in values:
            return 0
        at += 1
    return at


def phrase_sequence(words: Doc) -> list[dict[str, Any]]:
    """Return the token pattern of a phrase of several words: each word in lower case, with one
    optional blank (a line break, a run of spaces) before every word but the first."""
    pattern: list[dict[str, Any]] = [{"LOWER": words[0].lower_}]
    for word in words[1:]:
        pattern += [_BLANK, {"LOWER": word.lower_}]
    return pattern


def sequence_steps(pattern: list[dict[str, Any]], nlp: Language) -> tuple[Step, ...] | None:
    """Return the steps of a token pattern that is a plain sequence of token tests, else None.

    A test is ``{"LOWER": word}``, ``{"LOWER": {"IN": words}}`` or ``{FLAG: true}`` (a flag of
    SEQUENCE_FLAGS); ``{"IS_SPACE": true, "OP": "?"}`` may stand between two tests, before a
    word test only. No test passes a blank token, so a sequence matches in one way only.
    """
    steps: list[Step] = []
    blank = False
    for token in pattern:
        if token == _BLANK and steps and not blank:
            blank = True
            continue
        if len(token) != 1:
            return None
        (name, value), = token.items()
        if name == "LOWER":
            words = value.get("IN") if isinstance(value, dict) and len(value) == 1 else [value]
            if not isinstance(words, list) or not words or not all(
                    isinstance(w, str) and w and not w.isspace() and w == w.lower()
                    for w in words):
                return None
            steps.append((0, frozenset(nlp.vocab.strings.add(w) for w in words), blank))
        elif name in SEQUENCE_FLAGS and value is True and not blank:
            steps.append((COLUMNS.index(name), frozenset({1}), False))
        else:
            return None
        blank = False
    return tuple(steps) if steps and not blank else None


@Language.factory("talk_cues")
def make_cue_ruler(nlp: Language, name: str) -> CueRuler:
    """Return the cue ruler, built from the patterns under models/patterns."""
    return CueRuler(nlp, name)
