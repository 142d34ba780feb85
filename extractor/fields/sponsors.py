"""Sponsors: organisations named as sponsor or supporter, split into one name each.

Shapes: a label line ("Sponsor: X", "Presenting Sponsor of ...: X"), sponsor wording ("sponsored
by X", "X and Y are cosponsoring") and, for organisations only, presenter credits ("presented by
X", "X presents"). Partners, hosts and funders of someone's research are not sponsors. Each
statement is a candidate; the first candidate merges them all. Cue phrases are the labels of
models/patterns/sponsors.jsonl (SPONSOR, SPONSOR_BEFORE, PRESENTER, PRESENTER_BEFORE, SPONSOR_NOUN,
FUNDED_WORK, EVENT_NOUN), matched with any blanks between words because wrapped press releases
break "presented\\n by" across lines, which token patterns do not see through.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..shapes import has_head, is_institution, is_person_name, is_placeholder, strip_honorifics

_URL = regex.compile(r"https?://\S{3,300}")
# Where a sponsor list may end: a sentence mark or a line break (kept or skipped in _list_end).
_END_MARK = regex.compile(r"[.!?](?=[\s\"”’)]|$)|\.(?=\p{Lu}\p{Ll})|\n")
# A clause that follows the list: a purpose, a relative clause, a verb, a time, an apposition.
_CLAUSE = regex.compile(
    r"\s(?:to|through|in order|who|which|that|whose|where|with the goal|on behalf|will|would|"
    r"as part|because|is|are|was|were|has|have|had|at \d{1,2})\s|,\s{1,3}(?:a|an|on|one of)\s")
_SENTENCE_START = regex.compile(r"[.!?][\"”’)]{0,2}\s+(?=\S)|\n|--|—|:\s")
_CONNECTOR_END = regex.compile(r"(?:\b(?:and|the|of|for|on|in|at|by|with|from)|[,&\-])\s*$",
                               regex.IGNORECASE)
_LEADING = regex.compile(
    r"^(?:the|a|an|die|der|das|le|la|les|el|los|las|by|also by|generous|generously|including|"
    r"in part|part|(?:grants?|gifts?|donations?|support|funding) from|"
    r"(?:the\s)?(?:generous\s)?support of)\s+", regex.IGNORECASE)
_IN_ADDITION = regex.compile(r"^(?:in addition to|along with|together with)\s+([^,]{2,80}),\s+",
                             regex.IGNORECASE)
_JOINERS = regex.compile(r"\s+(?:in collaboration with|in conjunction with|together with|"
                         r"as well as|and also by|and)\s+", regex.IGNORECASE)
# "the Departments of A, B and C", "Colleges Nine and Ten", "Carolina's departments of A and B".
_PLURAL_HEAD = regex.compile(r"^(?:the\s+|[\p{L}.\-]{1,40}['’]s\s+)?(?P<head>\p{L}{3,30}s)"
                             r"(?P<of>\s+of)?\s+(?P<rest>.+)$")
# A name that ends in a one-word topic may go on listing topics: "Series on Mission, Quality".
_OPEN_TOPIC = regex.compile(r"\s(?:for|on|of)\s\p{Lu}[\p{L}\-]{1,30}$")
_CAMPUS = regex.compile(r"\bUniversity of \p{Lu}[\p{L}\-]{1,30}$")
_PARTNERS = regex.compile(r"\s(?:in collaboration with|in partnership with|in conjunction with)\s",
                       regex.IGNORECASE)
# "Advisory Board at UCSC", "Advisory Board of the University of X": the same board.
_QUALIFIER = regex.compile(r"\s(?:at|of)\s(?:the\s)?(?:University|College|Institute)\b.{0,80}$|"
                          r"\sat\s\p{Lu}{2,8}$")
_BE = regex.compile(r"(?:\b(?:is|are|was|were|be|been|being)|,|^)\s*(?:jointly\s+|also\s+)?$",
                    regex.IGNORECASE)
_ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}&]{1,9}(?:['’]s)?")
_AUXILIARY = regex.compile(r"(?:\s(?:is|are|was|were|will be|have been|has been|had been))?\s*$",
                        regex.IGNORECASE)
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "&", "at", "on", "in", "de", "du", "la",
                             "des", "der", "y", "et", "für", "und", "to", "a"})


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
    return regex.compile(f"(?:{body})(?![\\p{{L}}\\p{{N}}])", regex.IGNORECASE), ids


def _fold(phrase: str) -> str:  # the lookup key of a matched phrase
    return " ".join(phrase.lower().replace("’", "'").replace("-", "").split())


def _cues(text: str, label: str) -> list[_Cue]:
    """Return the matches of the cue phrases of ``label`` in ``text``, in order."""
    pattern, ids = _cue_pattern(label)
    return [_Cue(ids.get(_fold(m.group()), label.lower()), m.start(), m.end())
            for m in pattern.finditer(text)]


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
            if _CONNECTOR_END.search(before) or after[:1].islower():
                continue  # a wrapped line: the list goes on below
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
    for mark in _SENTENCE_START.finditer(text, floor, end):
        start = mark.end()
    return start


def clean_name(name: str) -> str:
    """Return an organisation's name without articles, fillers and a closing acronym.

    >>> clean_name("the generous support of the Riverside Trust (RT)")
    'Riverside Trust'
    """
    name = " ".join(name.split()).strip(" .,;:*")
    name = regex.sub(r"\s*\([^()]{1,40}\)$", "", name)
    previous = None
    while previous != name:
        previous, name = name, _LEADING.sub("", name).strip(" ,")
    return name.strip(" .,;:*\"“”")


def is_organisation_name(name: str) -> bool:
    """Return whether ``name`` has the shape of an organisation's name, not of a clause or person.

    >>> [is_organisation_name(s) for s in ["Physics Club", "local Astronomy chapter", "None",
    ...  "Jane Roe", "his wife", "its founding partners", "English"]]
    [True, True, False, False, False, False, True]
    """
    tokens = name.split()
    if not tokens or len(tokens) > 14 or len(name) > 140 or is_placeholder(name):
        return False
    if "@" in name or "http" in name or not regex.search(r"(?<!\p{L})\p{Lu}", name):
        return False
    if _looks_like_person(name):
        return False
    if tokens[0][:1].islower() and tokens[0].lower() in rules.gazetteer("position_words"):
        return False  # "professor of linguistics at X" describes a person
    # Two lower-case content words in a row make a clause ("the lectures are held"), not a name.
    run = 0
    for token in tokens:
        word = token.strip(".,’'\"").lower()
        lower_content = token[:1].islower() and word not in _FUNCTION_WORDS and not (
            has_head(word, "institution_heads") or has_head(word, "unit_heads"))
        run = run + 1 if lower_content else 0
        if run >= 2:
            return False
    return True


def _looks_like_person(name: str) -> bool:
    """Return whether ``name`` reads as a person's: a two-word name, or one with an initial.

    A longer run of capitalised words with no acronym is more often an organisation whose head
    word no gazetteer knows ("Living Writers Cluster") than a person named as a sponsor.
    """
    tokens = strip_honorifics(name).split()
    if not is_person_name(" ".join(tokens)) or any(_ACRONYM.fullmatch(t) for t in tokens):
        return False
    return len(tokens) <= 2 or any(regex.fullmatch(r"\p{Lu}\.", t) for t in tokens)


def _is_head(word: str) -> bool:
    return has_head(word, "institution_heads") or has_head(word, "unit_heads")


def _singular_head(word: str) -> str | None:
    """Return the singular of a plural organisation head ("Departments" -> "Department")."""
    for singular in (word[:-3] + "y" if word.lower().endswith("ies") else "", word[:-1]):
        if singular and _is_head(singular) and " " not in singular:
            return singular[:1].upper() + singular[1:]
    return None


def _split_and(piece: str) -> list[str]:
    """Return ``piece`` split at "and" where a new organisation starts, not inside a name.

    >>> _split_and("Humanities and Social Sciences Division and the Art Museum")
    ['Humanities and Social Sciences Division', 'the Art Museum']
    """
    parts = _JOINERS.split(piece)
    joiners = _JOINERS.findall(piece)
    merged = [parts[0]]
    for joiner, part in zip(joiners, parts[1:]):
        left_words, right_words = merged[-1].split(), part.split()
        new_name = joiner.strip().lower() != "and" or (
            right_words and (right_words[0] in {"the", "The"} or _is_head(right_words[0])
                             or _ACRONYM.fullmatch(right_words[0]) is not None
                             or right_words[0].endswith(("'s", "’s")))) or (
            left_words and (_is_head(left_words[-1]) or left_words[-1].isupper()))
        if new_name:
            merged.append(part)
        else:
            merged[-1] = f"{merged[-1]}{joiner}{part}"
    return merged


def _distribute(items: list[str]) -> list[str] | None:
    """Return "Department of X" for each X of "Departments of X, Y and Z" (None if no plural head).

    >>> _distribute(["Colleges Nine and Ten"])
    ['College Nine', 'College Ten']
    """
    match = _PLURAL_HEAD.match(items[0].strip())
    head = _singular_head(match.group("head")) if match else None
    if match is None or head is None:
        return None
    rest = [match.group("rest")] + items[1:]
    if len(rest) == 1:  # commas part the items when there are any, else "and" does
        rest = rest[0].split(",") if "," in rest[0] else regex.split(r"\s+and\s+", rest[0])
    joiner = " of " if match.group("of") else " "
    return [head + joiner + regex.sub(r"^and\s+", "", r.strip()) for r in rest if r.strip()]


def split_organisations(text: str) -> list[str]:
    """Return the organisations of a list, keeping "and" and "&" inside one name together.

    >>> split_organisations("the Department of Astronomy and Astrophysics, and the Physics Club")
    ['Department of Astronomy and Astrophysics', 'Physics Club']
    >>> split_organisations("the Offices of the Provost and Dean, the Council of Elders, and Acme")
    ['Office of the Provost', 'Office of Dean', 'Council of Elders', 'Acme']
    """
    text = " ".join(text.split()).strip(" .,:;")
    if ";" in text:  # semicolons separate the items; commas then belong inside them
        groups = [[regex.sub(r"^and\s+", "", c.strip())] for c in text.split(";") if c.strip()]
    else:
        groups = []
        enumerating = False  # inside "Center for Justice, Tolerance, and Community"
        for piece in (p.strip() for p in text.split(",")):
            last_item = piece.startswith("and ")
            piece = regex.sub(r"^and\s+", "", piece)
            if not piece:
                continue
            first = piece.split()[0]
            bare = first not in {"the", "The"} and not any(_is_head(w) for w in piece.split())
            continues = groups and _distribute(groups[-1][:1]) is not None and bare
            campus = groups and _CAMPUS.search(groups[-1][-1]) and len(piece.split()) <= 3 and bare
            enumerating = bool(groups and bare and len(piece.split()) <= 2 and not continues and (
                enumerating or (_OPEN_TOPIC.search(groups[-1][-1]) and not last_item)))
            if campus or enumerating:
                groups[-1][-1] = f"{groups[-1][-1]}, {'and ' if last_item else ''}{piece}"
                enumerating = enumerating and not last_item
            elif continues:
                groups[-1].append(piece)
            else:
                groups.append([piece])
    names: list[str] = []
    for group in groups:
        distributed = _distribute(group)
        if distributed is not None:
            names.extend(distributed)
        elif ";" in text:
            names.append(group[0])
        else:
            names.extend(_split_and(group[0]))
    return [n for n in (clean_name(n) for n in names) if n]


def _names(phrase: str) -> list[str]:
    return [n for n in split_organisations(_URL.sub("", phrase)) if is_organisation_name(n)]


def _credited(names: list[str], *, every: bool) -> list[str]:
    """Return the names of a presenter credit when ``every`` (or any) one is an organisation.

    >>> _credited(["Arts & Lectures", "Division of Student Life"], every=False)
    ['Arts & Lectures', 'Division of Student Life']
    >>> _credited(["The Loch", "LIVE"], every=True)
    []
    """
    def org(name: str) -> bool:
        words = name.split()
        return (is_institution(name) and (len(words) == 1 or any(
            w[:1].isupper() for w in words[1:]))) or any(_ACRONYM.fullmatch(w) for w in words)
    found = [org(n) for n in names]
    return names if names and (all(found) if every else any(found)) else []


def _funds_other_work(text: str, cue: _Cue) -> bool:
    """Return whether the sentence before ``cue`` says the money went to research or a project."""
    start = _sentence_before(text, cue.start)
    return bool(_cues(text[start:cue.start], "FUNDED_WORK"))


def _about_event(text: str, cue: _Cue) -> bool:
    """Return whether "presented by" credits the event: after "is", a comma or an event noun."""
    before = text[_sentence_before(text, cue.start):cue.start].rstrip()
    if _BE.search(before):
        return True
    nouns = _cues(before, "EVENT_NOUN")
    return bool(nouns) and nouns[-1].end == len(before)


def _subject(text: str, cue: _Cue) -> tuple[list[str], int]:
    """Return the organisations written before ``cue`` in its sentence, and where they start.

    The subject must run up to the verb ("TPL presents", "X and Y are cosponsoring"): a comma
    or a lower-case word there ("Oxford University, presents", "Fresh Air, will present") means
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
            last[:1].isupper() or _is_head(last)):
        return [], start
    pieces = split_organisations(subject)
    names = [n for n in pieces if is_organisation_name(n)]
    # The whole subject must be organisations: "In this talk, Dr X presents" credits no one.
    return (extra + names if len(names) == len(pieces) else []), start


def _sponsor_line_candidates(ann: Announcement) -> list[Candidate]:
    """Return a candidate per sponsor label line, and per longer "... Sponsor ...: X" line."""
    found: list[Candidate] = []
    for label in ann.labelled("sponsor"):
        value = label.value or ", ".join(line.text for line in ann.block(label)[:4])
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
            names = _names(regex.sub(r"\s+and\s*$", "", text[cue.end:end]).lstrip(" :"))
            if label == "PRESENTER":
                names = _credited(names, every=False) if _about_event(text, cue) else []
            elif _funds_other_work(text, cue):
                names = []
            found += _candidate(names, source, f"prose.{cue.id}", (cue.end, end))
    for label in before:
        for cue in _cues(text, label):
            names, start = _subject(text, cue)
            if label == "PRESENTER_BEFORE":
                names = _credited(names, every=True)
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
    return frozenset(w for w in words if w not in _FUNCTION_WORDS and w != "s")


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
            if same is None:
                merged.append(sponsor)
                origin.append(number)
            elif len(sponsor.name) < len(merged[same].name):
                merged[same] = Sponsor(sponsor.name, sponsor.url or merged[same].url)
    rules_used = "+".join(dict.fromkeys(c.rule for c in found))
    first = found[0]
    return Candidate("sponsors", merged, first.source, rules_used, first.span)


def sponsor_candidates(ann: Announcement) -> list[Candidate]:
    """Return the merged sponsor list first, then one candidate per sponsor statement found.

    Statements in the description come in document order after label lines; the SUMMARY counts
    only for a presenter credit ("The X Society presents ...").
    """
    found = _sponsor_line_candidates(ann) + sorted(
        _prose_candidates(ann.text, "DESCRIPTION"), key=lambda c: c.span or (0, 0))
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
