"""Sponsors: organisations named as sponsor or supporter, split into one name each.

Shapes: a label line ("Sponsor: X", "Presenting Sponsor of ...: X"), sponsor wording ("sponsored
by X", "X and Y are cosponsoring") and, for organisations only, presenter credits ("presented by
X", "X presents"). Partners, hosts and funders of someone's research are not sponsors. Each
statement is a candidate; the first candidate merges them all. Cue phrases are the labels of
models/patterns/sponsors.jsonl (SPONSOR, SPONSOR_BEFORE, PRESENTER, PRESENTER_BEFORE, SPONSOR_NOUN,
FUNDED_WORK, EVENT_NOUN), matched with any blanks between words because wrapped press releases
break "presented\\n by" across lines, which token patterns do not see through. A list, once
found, is parted into organisations by organisations.py.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..shapes import has_known_given_name, is_institution, is_person_name
from .name_scan import leading_honorific
from .organisations import (ACRONYM, FUNCTION_WORDS, is_organisation_head,
                            is_organisation_name, split_organisations)

_URL = deferred(r"https?://\S{3,300}")
# Where a sponsor list may end: a sentence mark or a line break (kept or skipped in _list_end).
_END_MARK = deferred(r"[.!?](?=[\s\"”’)]|$)|\.(?=\p{Lu}\p{Ll})|\n")
# A clause that follows the list: a purpose, a relative clause, a verb, a time, an apposition.
_CLAUSE = deferred(
    r"\s(?:to|through|in order|who|which|that|whose|where|with the goal|on behalf|will|would|"
    r"as part|because|is|are|was|were|has|have|had|at \d{1,2})\s|,\s{1,3}(?:a|an|on|one of)\s"
    # "... Robotics – please RSVP": a spaced dash before a word in lower case
    r"|\s[–—-]\s(?=\p{Ll})"
    # "la Fondation X / With support from the X Foundation": the same credit in a second language
    r"|\s/\s(?=(?:With|Avec|Mit|Con|Com|Met)\s)")
_SENTENCE_START = deferred(r"[.!?][\"”’)]{0,2}\s+(?=\S)|\n|--|—|:\s")
_CONNECTOR_END = deferred(r"(?:\b(?:and|the|of|for|on|in|at|by|with|from)|[,&\-])\s*$",
                          regex.IGNORECASE)
_IN_ADDITION = deferred(r"^(?:in addition to|along with|together with)\s+([^,]{2,80}),\s+",
                        regex.IGNORECASE)
_PARTNERS = deferred(r"\s(?:in collaboration with|in partnership with|in conjunction with)\s",
                       regex.IGNORECASE)
# "Advisory Board at UCSC", "Advisory Board of the University of X": the same board.
_QUALIFIER = deferred(r"\s(?:at|of)\s(?:the\s)?(?:University|College|Institute)\b.{0,80}$|"
                          r"\sat\s\p{Lu}{2,8}$")
_BE = deferred(r"(?:\b(?:is|are|was|were|be|been|being)|,|^)\s*(?:jointly\s+|also\s+)?$",
               regex.IGNORECASE)
_AUXILIARY = deferred(r"(?:\s(?:is|are|was|were|will be|have been|has been|had been)|(?<!\s))\s*$",
                        regex.IGNORECASE)


@dataclass(frozen=True)
class Sponsor:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class _Cue:
    id: str  # the rule id of models/patterns/sponsors.jsonl
    start: int
    end: int


@cache
def _cue_pattern(label: str) -> tuple[regex.Pattern[str], dict[str, str]]:
    """Return one pattern for the phrases of ``label`` and {folded phrase: rule id}."""
    ids: dict[str, str] = {}
    alternatives: list[str] = []
    cues = [c for c in rules.cue_patterns() if c.label == label and isinstance(c.pattern, str)]
    for cue in sorted(cues, key=lambda c: -len(str(c.pattern))):
        phrase = str(cue.pattern).lower()
        ids.setdefault(_fold(phrase), cue.id)
        words = [regex.escape(w).replace("'", "['’]").replace(r"\-", "-?")
                 for w in phrase.split()]
        edge = r"(?<![\p{L}\p{N}])" if phrase[:1].isalnum() else ""
        alternatives.append(edge + r"\s{1,12}".join(words))
    body = "|".join(alternatives) or r"(?!)"
    return compile_pattern(f"(?:{body})(?![\\p{{L}}\\p{{N}}])", regex.IGNORECASE), ids


def _fold(phrase: str) -> str:  # the lookup key of a matched phrase
    return " ".join(phrase.lower().replace("’", "'").replace("-", "").split())


@cache
def _cue_anchors(label: str) -> tuple[str, ...] | None:
    """Return lower-case words one of which every match of ``label``'s pattern holds, or
    None when a phrase has no plain word to go by.

    A phrase's anchor is its longest run of letters and digits, which its pattern matches
    literally (the blanks, hyphens and apostrophes around it vary); an anchor that holds
    another anchor adds nothing. Runs of any script count: an ASCII run of a Romanian or
    Greek phrase ("inut" of "susținut") is in too many English texts to spare them.
    """
    anchors: set[str] = set()
    for cue in rules.cue_patterns():
        if cue.label == label and isinstance(cue.pattern, str):
            runs = _LETTER_RUN.findall(str(cue.pattern).lower())
            if not runs:
                return None
            anchors.add(max(runs, key=len))
    return tuple(sorted(a for a in anchors if not any(b != a and b in a for b in anchors)))


_LETTER_RUN = deferred(r"[\p{L}\p{N}]+")


def _may_hold(text: str, label: str) -> bool:
    """Return False when no phrase of ``label`` can occur in ``text``: a few substring tests
    spare the large pattern most descriptions."""
    anchors = _cue_anchors(label)
    if anchors is None:
        return True
    # The pattern ignores case: besides what lower() maps, it matches "ſ" to "s" and "İ"
    # (lower() gives "i" and a combining dot) to "i".
    folded = _lower(text).replace("ſ", "s").replace("\u0307", "")
    return any(anchor in folded for anchor in anchors)


def _lower(text: str) -> str:
    """Return text.lower(): a description is lowered once for the several labels it is
    searched for, not once per label (long texts are not kept)."""
    return _cached_lower(text) if len(text) <= 100_000 else text.lower()


@lru_cache(maxsize=8)
def _cached_lower(text: str) -> str:
    return text.lower()


@cache
def _cue_reach(label: str) -> int:
    """Return the most characters a match of ``label``'s pattern spans: each character of a
    phrase matches one (a hyphen one or none), and up to 12 blanks part its words."""
    longest = 0
    for cue in rules.cue_patterns():
        if cue.label == label and isinstance(cue.pattern, str):
            words = str(cue.pattern).lower().split()
            longest = max(longest, sum(len(w) for w in words) + 12 * (len(words) - 1))
    return longest


def _cue_matches(text: str, label: str) -> Iterator[regex.Match[str]]:
    """Yield the matches of ``label``'s pattern in ``text``: those of finditer, in order.

    Every match holds an anchor (_cue_anchors) and spans at most _cue_reach characters, so
    only the stretch around each anchor is searched, not every position of the text. The
    anchors are found in the lowered text, which must keep the text's character positions.
    """
    pattern, _ = _cue_pattern(label)
    anchors = _cue_anchors(label)
    aligned = _lower(text)
    if anchors is None or len(aligned) != len(text):  # "İ" lowers to two characters
        yield from pattern.finditer(text)
        return
    aligned = aligned.replace("ſ", "s")  # one character for one: positions stay
    reach = _cue_reach(label)
    pos = 0
    while True:
        found = [at for at in (aligned.find(anchor, pos) for anchor in anchors) if at >= 0]
        if not found:
            return
        at = min(found)
        # No match starts in [pos, at - reach): it would hold an anchor before ``at``. A match
        # that starts by ``at`` ends before the window does, and its lookahead sees the
        # character after it; one found later in the window may be cut short, so it is not
        # taken, and the next anchor's search finds it whole.
        match = pattern.search(text, max(pos, at - reach), min(len(text), at + reach + 1))
        if match is not None and match.start() <= at:
            yield match
            pos = match.end()
        else:
            pos = at + 1


def _cues(text: str, label: str) -> list[_Cue]:
    """Return the matches of the cue phrases of ``label`` in ``text``, in order."""
    # The cache must not keep long texts alive: those are searched each time.
    find = _cached_cues if len(text) <= 100_000 else _cached_cues.__wrapped__
    return list(find(text, label))


@lru_cache(maxsize=16)
def _cached_cues(text: str, label: str) -> tuple[_Cue, ...]:
    """Return _cues(text, label): an event's description is searched for the same labels
    several times, and these large patterns were a tenth of the time of a record."""
    if not _may_hold(text, label):
        return ()
    pattern, ids = _cue_pattern(label)
    return tuple(_Cue(ids.get(_fold(m.group()), label.lower()), m.start(), m.end())
                 for m in _cue_matches(text, label))


_CAPITALISED_RUN = deferred(r"\p{Lu}[\p{L}\-]{0,30}(?:[ \t]{1,3}\p{Lu}[\p{L}\-]{0,30}){0,3}")


def _list_end(text: str, start: int) -> int:
    """Return where the organisation list that starts at ``start`` ends.

    >>> text = "Sponsored by Acme Inc. and the Roe Fund\\nof Oslo. Doors open at 6."
    >>> text[13:_list_end(text, 13)]
    'Acme Inc. and the Roe Fund\\nof Oslo'
    """
    limit = min(len(text), start + 400)
    end = limit
    for mark in _END_MARK.finditer(text, start, limit):
        if mark.group() == "\n":
            after = text[mark.end():limit].lstrip(" \t")
            before = text[start:mark.start()]
            if after.startswith("\n") or not after:
                end = mark.start()
                break
            head = after.split(maxsplit=1)[0].strip(".,;") if after.split() else ""
            # "... the Penwarden\nGeoscience Trust.": capitalised words that end in a head.
            run = _CAPITALISED_RUN.match(after)
            if _CONNECTOR_END.search(before) or after[:1].islower() or is_organisation_head(head) \
                    or run and any(is_organisation_head(w) for w in run.group().split()):
                continue  # a wrapped line ("... the Lakeshore Supercomputing\nCenter and ...")
            end = mark.start()
            break
        if mark.group() == ".":
            word = regex.search(r"(\p{L}+)$", text[max(start, mark.start() - 12):mark.start()])
            if word and ((len(word.group(1)) == 1 and word.group(1).isupper())
                         or word.group(1).lower() in rules.gazetteer("name_abbreviations")):
                continue
        end = mark.start()
        break
    clause = _CLAUSE.search(text, start, end)
    return clause.start() if clause else end


def _sentence_before(text: str, end: int) -> int:
    """Return where the sentence (or line, or dateline) that ends at ``end`` starts."""
    floor = max(0, end - 300)
    start = floor
    # One letter past the end: the look-ahead of ". " must see the sentence's first letter.
    for mark in _SENTENCE_START.finditer(text, floor, min(len(text), end + 1)):
        if mark.end() <= end:
            start = mark.end()
    return start


def _names(phrase: str) -> list[str]:
    """Return the organisations of the list ``phrase``, web addresses left out."""
    return [n for n in split_organisations(_URL.sub("", phrase)) if is_organisation_name(n)]


# "Friends of the Lakeshore Library": a supporters' society, an organisation by its shape.
_FRIENDS_OF = deferred(r"^(?:The\s)?Friends\sof\s(?:the\s)?\p{Lu}")


def _credited(names: list[str], *, every: bool) -> list[str]:
    """Return the names of a presenter credit when ``every`` (or any) one is an organisation.

    >>> _credited(["Arts & Letters", "Division of Student Life"], every=False)
    ['Arts & Letters', 'Division of Student Life']
    >>> _credited(["The Loch", "LIVE"], every=True)
    []
    """
    def org(name: str) -> bool:
        words = name.split()
        return (is_institution(name) and (len(words) == 1 or any(
            w[:1].isupper() for w in words[1:]))) or any(ACRONYM.fullmatch(w) for w in words) \
            or _FRIENDS_OF.match(name) is not None
    found = [org(n) for n in names]
    return names if names and (all(found) if every else any(found)) else []


# "Ada Roe of the Canal Society", "Ada Roe, Fraud Unit, ...": the first item of a credit.
_FIRST_ITEM = deferred(r"^\s*(?:the\s)?(?P<item>[^,;()\n]{3,80}?)(?=\s(?:of|from|at)\s|[,;(]|\.?\s*$)")


def _person_first(phrase: str) -> bool:
    """Return whether a presenter credit opens with a person ("Presented by Detective Sergeant
    Ada Roe, Fraud Unit, ...", "by Ada Roe of the Canal Society"): a talk's speaker and where
    she works, no sponsor.

    >>> _person_first("Sgt. Ada Roe-Park, Fraud Unit, Example Police"), _person_first("the Roe Fund")
    (True, False)
    """
    match = _FIRST_ITEM.match(phrase)
    if match is None:
        return False
    item = match.group("item").strip()
    if leading_honorific(item):
        return True
    return is_person_name(item) and has_known_given_name(item)


# The last word of a series' name, which presents its talks but sponsors none of them.
_SERIES_ENDS = frozenset({"series", "lectures", "lecture", "colloquium", "seminar", "seminars"})


def _funds_other_work(text: str, cue: _Cue) -> bool:
    """Return whether the sentence before ``cue`` says the money went to research or a project;
    the sentence may wrap over lines ("Her research on the atmospheres of\\nhot planets has
    been funded by ...").

    >>> text = "Roe joined in 2009. Her research on the atmospheres of\\nhot planets has been funded by X."
    >>> _funds_other_work(text, _cues(text, "SPONSOR")[0])
    True
    """
    floor = max(0, cue.start - _SENTENCE_REACH, text.rfind("\n\n", 0, cue.start))
    stops = list(_SENTENCE_STOP.finditer(text, floor, cue.start))
    start = stops[-1].end() if stops else floor
    return bool(_cues(text[start:cue.start], "FUNDED_WORK"))


_SENTENCE_STOP = deferred(r"[.!?][\"”’)]?\s")
_SENTENCE_REACH = 300


def _about_event(text: str, cue: _Cue) -> bool:
    """Return whether "presented by" credits the event: after "is", a comma or an event noun."""
    before = text[_sentence_before(text, cue.start):cue.start].rstrip()
    if _BE.search(before) or not before.strip(" *_-•"):
        return True  # "... is presented by X"; "Presented by X." opening a sentence or line
    nouns = _cues(before, "EVENT_NOUN")
    return bool(nouns) and nouns[-1].end == len(before)


def _subject(text: str, cue: _Cue) -> tuple[list[str], int]:
    """Return the organisations written before ``cue`` in its sentence, and where they start.

    The subject must run up to the verb ("TPL presents", "X and Y are cosponsoring"): a comma
    or a lower-case word there ("Eastfield University, presents", "Morning Radio, will present") means
    the organisation is not the one doing it.
    """
    start = _sentence_before(text, cue.start)
    subject = _AUXILIARY.sub("", text[start:cue.start])
    extra: list[str] = []
    addition = _IN_ADDITION.match(subject.strip())
    if addition:  # "In addition to UCSC, the X and the Y are cosponsoring"
        extra = _names(addition.group(1))
        subject = subject.strip()[addition.end():]
    last = subject.split()[-1] if subject.split() else ""
    if len(subject.split()) > 24 or not last[-1:].isalpha() or not (
            last[:1].isupper() or is_organisation_head(last)):
        return [], start
    pieces = split_organisations(subject)
    names = [n for n in pieces if is_organisation_name(n)]
    # The whole subject must be organisations: "In this talk, Dr X presents" credits no one.
    return (extra + names if len(names) == len(pieces) else []), start


# A note after a sponsor's name, set off by a spaced dash and in lower case.
_ASIDE_AFTER_DASH = deferred(r"\s[–—-]\s(?=\p{Ll})")


def _sponsor_line_candidates(ann: Announcement) -> list[Candidate]:
    """Return a candidate per sponsor label line, and per longer "... Sponsor ...: X" line."""
    found: list[Candidate] = []
    for label in ann.labelled("sponsor"):
        value = label.value or ", ".join(line.text for line in ann.block(label)[:4])
        value = _ASIDE_AFTER_DASH.split(value, maxsplit=1)[0]  # "X – first round on them!"
        found += _candidate(_names(value), "DESCRIPTION", f"label.{label.label}",
                            (label.value_start, label.value_start + len(label.value)),
                            _sponsor_url(ann, label.line.number))
    known = {item.line.number for item in ann.labelled("sponsor")}
    for line in ann.lines:  # "Presenting Sponsor of Heritage Programs: X", too long for a label
        head, colon, value = line.text.partition(":")
        if colon and line.number not in known and len(head) <= 80 and value.strip() and \
                _cues(head, "SPONSOR_NOUN") and not _cues(head, "SPONSOR"):
            start = line.start + len(head) + 1
            found += _candidate(_names(ann.text[start:_list_end(ann.text, start)]),
                                "DESCRIPTION", "line.sponsor_noun", (start, line.end))
    return found


def _prose_candidates(text: str, source: str, *, after: tuple[str, ...] = ("SPONSOR", "PRESENTER"),
                      before: tuple[str, ...] = ("SPONSOR_BEFORE", "PRESENTER_BEFORE"),
                      ) -> list[Candidate]:
    """Return a candidate per sponsor phrase of ``text`` whose organisations follow or precede it."""
    found: list[Candidate] = []
    starts = [c for label in after for c in _cues(text, label)]
    for label in after:
        for cue in _cues(text, label):
            end = _list_end(text, cue.end)
            # Another sponsor phrase starts another list ("presented by X and supported by Y").
            end = min([end] + [c.start for c in starts if cue.end < c.start < end])
            if label == "PRESENTER":  # a credit names the presenter, not its collaborators
                partner = _PARTNERS.search(text, cue.end, end)
                end = partner.start() if partner else end
            names = _names(regex.sub(r"\s+and\s*$", "", text[cue.end:end]).lstrip(" :,"))
            if label == "PRESENTER":
                names = _credited(names, every=False) \
                    if _about_event(text, cue) and not _person_first(text[cue.end:end]) else []
            elif _funds_other_work(text, cue):
                names = []
            found += _candidate(names, source, f"prose.{cue.id}", (cue.end, end))
    for label in before:
        for cue in _cues(text, label):
            names, start = _subject(text, cue)
            if label == "PRESENTER_BEFORE":
                # "Ada Roe of the Brightwater Institute presents ...": a speaker, no sponsor;
                # "The CSE Distinguished Lecture Series presents ...": the series itself.
                names = [] if _person_first(text[start:cue.start]) else \
                    [n for n in _credited(names, every=True) if n.split()[-1].lower() not in _SERIES_ENDS]
            found += _candidate(names, source, f"prose.{cue.id}", (start, cue.start))
    return found


def _candidate(names: list[str], source: str, rule: str, span: tuple[int, int],
               url: str | None = None) -> list[Candidate]:
    """Return a one-element list with the candidate of ``names``, or nothing when none."""
    sponsors = [Sponsor(n, url if len(names) == 1 else None) for n in names]
    return [Candidate("sponsors", sponsors, source, rule, span)] if names else []


def _key(name: str) -> frozenset[str]:
    """Return the content words of a name without the institution it is "at" or "of"."""
    name = _QUALIFIER.sub("", name)
    words = regex.findall(r"\p{L}+", name.lower())
    return frozenset(w for w in words if w not in FUNCTION_WORDS and w != "s")


def _without_heads(key: frozenset[str]) -> frozenset[str]:
    """Return a name's content words without its organisation heads ("fondation", "foundation")."""
    return frozenset(w for w in key if not is_organisation_head(w))


def merge_candidates(found: list[Candidate]) -> Candidate:
    """Return one candidate with every sponsor of ``found``, each once (the shorter spelling)."""
    merged: list[Sponsor] = []
    origin: list[int] = []
    for number, candidate in enumerate(found):
        for sponsor in candidate.value:
            key = _key(sponsor.name)
            # Only another statement can repeat a sponsor: within one list, "Office of the
            # Chancellor" and "Office of the Vice Chancellor" are two.
            same = next((i for i, s in enumerate(merged) if origin[i] != number and (
                key <= _key(s.name) or _key(s.name) <= key)), None)
            if same is None and (own := _without_heads(key)) and any(
                    origin[i] != number and own == _without_heads(_key(s.name))
                    for i, s in enumerate(merged)):
                continue  # "la Fondation X / ... the X Foundation": the same sponsor, said first
            if same is None:
                merged.append(sponsor)
                origin.append(number)
            elif len(sponsor.name) < len(merged[same].name):
                merged[same] = Sponsor(sponsor.name, sponsor.url or merged[same].url)
    rules_used = "+".join(dict.fromkeys(c.rule for c in found))
    first = found[0]
    return Candidate("sponsors", merged, first.source, rules_used, first.span)


# A sponsor credited in Chinese: "本期论坛由临溪市健康基金会支持" ("supported by"), "由…赞助"
# ("sponsored by"); the cue patterns, matched on tokens, cannot see inside unparted text.
CJK_SPONSOR = deferred(r"由(?P<org>[^，。、：:；;\s]{2,40}?)(?:支持|赞助|资助|贊助|資助|冠名)")


def sponsor_candidates(ann: Announcement) -> list[Candidate]:
    """Return the merged sponsor list first, then one candidate per sponsor statement found.

    Statements in the description come in document order after label lines; the SUMMARY counts
    only for a presenter credit ("The X Society presents ...").
    """
    found = _sponsor_line_candidates(ann) + sorted(
        _prose_candidates(ann.text, "DESCRIPTION"), key=lambda c: c.span or (0, 0))
    if not ann.text.isascii():
        for credit in CJK_SPONSOR.finditer(ann.text):
            found += _candidate([credit.group("org")], "DESCRIPTION", "prose.cjk_sponsor",
                                credit.span("org"))
    found += _prose_candidates(ann.view.summary or "", "SUMMARY", after=(),
                               before=("PRESENTER_BEFORE",))
    if len(found) > 1:
        return [merge_candidates(found)] + found
    return found


def _sponsor_url(ann: Announcement, line_number: int) -> str | None:
    for label in ann.labelled("url"):
        if "sponsor" in label.label and 0 < label.line.number - line_number <= 2:
            match = _URL.search(label.value)
            if match:
                return match.group()
    return None
