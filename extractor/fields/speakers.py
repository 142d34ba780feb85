"""Speakers and their affiliations: from label lines, the SUMMARY, prose cues and the first line.

Hosts, chairs, moderators and co-authors ("Joint work with") are never speakers: their lines
and sentences are passed over.
"""
from __future__ import annotations

import regex

from ..announcement import Announcement
from ..candidate import Candidate
from ..layout import LabelLine, Line
from ..shapes import (has_known_given_name, is_institution, is_person_name, is_position,
                      is_unit_only, strip_quotes)
from .people import Person, clean_name, parse_people, parse_person, pick_affiliation
from .summary import SummaryParse
from .text_speakers import text_speaker_candidates

_NAME_BEFORE = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}\p{M}'’.\-]{0,40}\s+){1,4}\p{Lu}[\p{L}\p{M}'’\-]{1,40})\s*"
    r"(?:,\s*(?P<aff>[^,;]{2,120}(?:,\s*[^,;]{2,40})?)\s*,|\((?P<paren>[^()]{2,120})\)|"
    r"\s(?:of|from)\s(?:the\s)?(?P<of>\p{Lu}[^,;()]{1,80}))?\s*$")
_NAME_AFTER = regex.compile(
    r"^\s*(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?"
    r"(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|van|von|de|der|da|di|del|la|le)){1,4})"
    r"(?:\s*\((?P<paren>[^()]{2,120})\)|,\s*(?P<aff>[^,;.]{2,120}))?")
# A name introduced by an honorific after some descriptors: "author and professor Dr. Ada Roe".
_HONORIFIC_NAME = regex.compile(
    r"\b(?:Dr|Prof|Professor|Dra)\.?\s+(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*){1,3})"
    r"(?:\s*\((?P<paren>[^()]{2,120})\))?")
_TERMINAL_SENTENCE = regex.compile(r"[.!?]\s*$|\s(?:is|are|was|will|has|have)\s")
_PROGRAMME_LINE = regex.compile(r"^\s*\d{1,2}[:.h]\d{2}\s*(?:(?:[ap]\.?m\.?)\s*)?(?:[–—-]\s*\d{1,2}[:.h]\d{2}"
                                r"\s*(?:[ap]\.?m\.?)?)?\s*[|:–—-]?\s+(?P<rest>.{3,300})$", regex.IGNORECASE)
_QUOTED_TAIL = regex.compile(r"(?:[,:–—-]|(?<!\s))\s*[\"“”«„].*$")
_TITLE_DASH_NAME = regex.compile(r"^\s*(?:[-*•]\s*)?[\"“][^\"“”]{2,200}[\"”]\s*[-–—]\s*(?P<name>[^\"“”]{3,80})$")
_DATELINE = regex.compile(r"^\s*\p{Lu}[\p{Lu} .'’]{1,40},\s*\p{Lu}[\p{L}.]{1,6}\s*(?:--|—|–)\s*")
_SURNAME_BEFORE_CUE = regex.compile(r"(?:^|[,;]\s|\s(?:and|but|where|then)\s)"
                                    r"(?P<surname>\p{Lu}[\p{Ll}\p{M}'’\-]{2,30})\s*$")
_SURNAME_SUBJECT = regex.compile(r"^(?:(?:Dr|Prof|Professor)\.?\s+)?(?P<surname>\p{Lu}[\p{Ll}\p{M}'’\-]{2,30}),\s")
# A name inside the clause after a cue: "professor of American studies John Dizikes". Bounded
# word lengths and no nested repetition keep it linear on any text.
_NAME_IN_CLAUSE = regex.compile(
    r"(?<![\p{L}'’\-])(?P<name>\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]{0,30}"
    r"(?:\s(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]{0,30})){1,2})(?![\p{L}'’\-])(?!\.\p{L})")
_OF_AFF = regex.compile(r"^(?:of|from|at)\s+(?P<aff>.+)$")
_URL_ONLY = regex.compile(r"^\S*(?:https?://|www\.)\S*$")


def speaker_candidates(ann: Announcement, summary: SummaryParse) -> list[Candidate]:
    """Return candidate speaker lists (each a list of Person), best rule first."""
    # An e-mail or bulletin post has its own layouts (headers, a poster, hosts, schedules): its
    # rules go first there. A web page or press release reads like a calendar description, so
    # they only fill in when nothing else finds a speaker.
    mail_like = ann.view.kind == "text" and ann.view.text_format in ("txt", "eml")
    found: list[Candidate] = text_speaker_candidates(ann) if mail_like else []
    labelled = _from_labels(ann)
    if labelled:
        found.append(labelled)
    if summary.speakers:
        found.append(Candidate("speakers", summary.speakers, "SUMMARY",
                               summary.rules.get("speakers", "summary")))
    programme = _from_programme(ann)
    if programme and len(programme.value) > 1 and found and found[-1].source == "SUMMARY":
        # Several talks in the programme outweigh one name-like phrase in the SUMMARY.
        found.insert(len(found) - 1, programme)
    elif programme:
        found.append(programme)
    bylines = _from_bylines(ann)
    if bylines:
        found.append(bylines)
    prose = _from_prose(ann)
    if prose:
        found.append(prose)
    first = _from_first_line(ann)
    if first:
        found.append(first)
    if not found and ann.view.kind == "text" and not mail_like:
        found = text_speaker_candidates(ann)
    return found


def resolve_speakers(ann: Announcement, candidates: list[Candidate]) -> tuple[list[Person], Candidate | None]:
    """Return the speakers of the best candidate, affiliations filled in from the others."""
    if not candidates:
        return [], None
    best = candidates[0]
    people: list[Person] = list(best.value)
    for index, person in enumerate(people):
        if person.affiliation and _ACRONYM.fullmatch(person.affiliation):
            # "(CMU)" in the SUMMARY, "Carnegie Mellon University" under the speaker line.
            spelled = _spelled_out(person, candidates[1:])
            if spelled:
                people[index] = Person(person.name, spelled)
            continue
        if person.affiliation:
            continue
        for other in candidates[1:]:
            match = next((p for p in other.value if _same(p.name, person.name)), None)
            if match and match.affiliation:
                people[index] = Person(person.name, match.affiliation)
                break
    if len(people) == 1 and not people[0].affiliation:
        aff = _affiliation_label(ann)
        if aff:
            people[0] = Person(people[0].name, aff)
    for index, person in enumerate(people):
        if not person.affiliation:
            aff = _affiliation_from_bio(ann.text, person.name)
            if aff:
                people[index] = Person(person.name, aff)
    return people, best


# "<Name> is a Developer Advocate at Org", "<Surname> is professor of history at Org".
# Bounded spaces and word lengths: linear on any text (tests/test_regex_budget.py).
_BIO_ROLE = r",?\s{1,3}(?:is|was|serves as|works as|is currently)\s{1,3}[^.;\n]{0,140}?\s"
_BIO_ORG = (r"(?:at|with|for)\s{1,3}(?:the\s{1,3})?(?P<org>\p{Lu}[\p{L}\p{M}&'’\-]{0,40}"
            r"(?:\s{1,3}(?:of|for|and|de|the|\p{Lu}[\p{L}\p{M}&'’\-]{0,40})){0,8})")
# Compiled once: a pattern per speaker name cost more than the rest of the record.
_BIO_CLAIM = regex.compile(_BIO_ROLE + _BIO_ORG)
_PRONOUN_BIO_CLAIM = regex.compile(r"\b(?:He|She|They)" + _BIO_ROLE + _BIO_ORG)


def _affiliation_from_bio(text: str, name: str) -> str | None:
    """Return the organisation a bio sentence places the speaker at, if one does.

    The subject is the name, the surname, or a pronoun in the few sentences after the name's
    first mention ("Ada Roe has spent a decade ... She is a Principal Architect at Org").
    """
    tokens = name.split()
    subjects: list[str | None] = [name, tokens[-1]] if len(tokens) > 1 else [name]
    first = text.find(name)
    near = text[first:first + 700] if first >= 0 else ""
    for who, window in [(s, text[:20000]) for s in subjects] + [(None, near)]:
        match = _PRONOUN_BIO_CLAIM.search(window) if who is None else _claim_after(who, window)
        if match:
            org = regex.sub(r"\s+(?:of|for|and|de|at|in|the)$", "", match.group("org").strip(" .,"))
            if org and not is_person_name(org) and len(org) > 1:
                return org
    return None


_ACRONYM = regex.compile(r"\p{Lu}{2,6}")


def _spelled_out(person: Person, others: list[Candidate]) -> str | None:
    """Return an institution another candidate gives the same person, when it spells out more."""
    for other in others:
        match = next((p for p in other.value if _same(p.name, person.name)), None)
        if match and match.affiliation and not _ACRONYM.fullmatch(match.affiliation) and \
                is_institution(match.affiliation):
            return match.affiliation
    return None


def _claim_after(subject: str, window: str) -> regex.Match[str] | None:
    """Return the first bio claim right after ``subject`` in ``window``: what searching for
    ``regex.escape(subject) + _BIO_ROLE + _BIO_ORG`` finds, with no pattern compiled."""
    at = window.find(subject)
    while at >= 0:
        match = _BIO_CLAIM.match(window, at + len(subject))
        if match:
            return match
        at = window.find(subject, at + 1)
    return None


def _same(a: str, b: str) -> bool:
    ka = {t for t in regex.findall(r"\w+", a.lower()) if len(t) > 1}
    kb = {t for t in regex.findall(r"\w+", b.lower()) if len(t) > 1}
    return bool(ka) and (ka <= kb or kb <= ka)


def _from_labels(ann: Announcement) -> Candidate | None:
    for label in ann.labelled("speaker"):
        value = label.value
        if not value:
            listed = _name_lines(ann.block(label, paragraphs=True))
            if len(listed) > 1:
                # "Speakers:" over a list: names on lines of their own, bios between them.
                return Candidate("speakers", listed, "DESCRIPTION", f"label.{label.label}.list",
                                 (label.line.start, label.line.end))
        lines = [value] if value else [line.text for line in ann.block(label)]
        if not lines or _URL_ONLY.match(lines[0]):
            continue
        people = parse_people(lines[0])
        if not people:
            continue
        if len(people) == 1 and not people[0].affiliation:
            # "Speaker: Name" then "Assistant Professor, Department, Institution" on the lines
            # below: the last line that names an institution says where they are from.
            below = lines[1:] if not value else [l.text for l in _lines_below(ann, label)]
            for line in reversed(below[:4]):
                aff = pick_affiliation(line.split(","))
                if aff and not is_unit_only(aff):
                    people = [Person(people[0].name, aff)]
                    break
        if value and label.label.endswith(("s", "(s)")):
            # "Speakers: A" then A's bio, then B on a line of its own, then B's bio.
            for person in _name_lines(ann.block(label, paragraphs=True)):
                if not any(_same(p.name, person.name) for p in people):
                    people.append(person)
        span = (label.value_start, label.value_start + len(value)) if value else None
        return Candidate("speakers", people, "DESCRIPTION", f"label.{label.label}", span)
    return None


def _lines_below(ann: Announcement, label: LabelLine) -> list[Line]:
    """Return the unlabelled lines right under a label line, up to a blank line."""
    below: list[Line] = []
    previous = label.line.number
    for line in ann.lines:
        if line.number <= label.line.number:
            continue
        # One blank line may stand between the label and the lines about the person.
        gap = 2 if not below and previous == label.line.number else 1
        if line.number > previous + gap or line.number in ann.label_line_numbers:
            break
        if len(line.text.split()) > 12 or _TERMINAL_SENTENCE.search(line.text):
            break  # prose (a bio) has begun: positions and institutions are short lines
        below.append(line)
        previous = line.number
    return below


def _name_lines(lines: list[Line]) -> list[Person]:
    """Return the people on lines that hold a name and nothing else (or "Name, Institution")."""
    people: list[Person] = []
    for line in lines:
        if len(line.text.split()) > 10 or _TERMINAL_SENTENCE.search(line.text):
            continue
        person = parse_person(line.text)
        if person and not any(_same(p.name, person.name) for p in people):
            people.append(person)
    return people


_BYLINE = regex.compile(r"^(?:By|Presented by)\s+(?P<name>[^,;:()]{3,60}?)\s*"
                        r"(?:\((?P<aff>[^()]{2,100})\)|,\s*(?P<aff2>[^,;]{2,100}))?$")


def _from_bylines(ann: Announcement) -> Candidate | None:
    """Speakers of a post that presents several talks, each with a byline: "By Ada Roe"."""
    people: list[Person] = []
    first: Line | None = None
    for line in ann.lines:
        match = _BYLINE.match(line.text.strip("*_ "))
        if match is None:
            continue
        name = clean_name(match.group("name"))
        if not is_person_name(name) or any(_same(p.name, name) for p in people):
            continue
        aff = match.group("aff") or match.group("aff2")
        people.append(Person(name, pick_affiliation(aff.split(",")) if aff else None))
        first = first or line
    if not people or first is None:
        return None
    return Candidate("speakers", people, "DESCRIPTION", "layout.byline", (first.start, first.end))


def _from_programme(ann: Announcement) -> Candidate | None:
    """Speakers of a programme: "09:00–09:30  Name, Institution, “Title”" lines, or list items
    "“Title” - Name"; breaks, lunches and discussions have no name and are passed over."""
    people: list[Person] = []
    first: Line | None = None
    for line in ann.lines:
        timed = _PROGRAMME_LINE.match(line.text)
        item = _TITLE_DASH_NAME.match(line.text)
        person = None
        if timed:
            by = timed.group("rest").rsplit(" by ", 1)
            if len(by) == 2:  # "Talk 1: 'Title' by Name (Company)"
                person = parse_person(by[1].strip(" ,.;"))
            else:
                rest = _QUOTED_TAIL.sub("", timed.group("rest")).strip(" ,:-–—")
                person = parse_person(rest) if rest else None
        elif item:
            person = parse_person(item.group("name"))
        if person and not any(_same(p.name, person.name) for p in people):
            people.append(person)
            first = first or line
    if not people or first is None or len(people) < 2 and not _has_by_line(ann):
        return None
    return Candidate("speakers", people, "DESCRIPTION", "layout.programme", (first.start, first.end))


def _has_by_line(ann: Announcement) -> bool:
    """A single programme talk counts when its line credits it "by Name"."""
    return any(_PROGRAMME_LINE.match(l.text) and " by " in l.text for l in ann.lines)


def _affiliation_label(ann: Announcement) -> str | None:
    for label in ann.labelled("affiliation"):
        value = strip_quotes(label.value)
        # "Affiliation: Advisor: Ada Roe" holds a person; "Institution: VU Amsterdam" only looks
        # like a name, and opens with no known given name.
        opening = value.split()[0] if value.split() else ""
        person_like = (is_person_name(value) or bool(parse_people(value))) and \
            has_known_given_name(value) and not (opening.isupper() and len(opening) <= 3)
        if not value or ":" in value or person_like:
            continue
        if is_institution(value) or len(value.split()) <= 8:
            return pick_affiliation([value]) or value if not is_unit_only(value) else value
    return None


def _from_prose(ann: Announcement) -> Candidate | None:
    """Speakers named around a cue: "X (Y) will present", "a talk by X, professor at Y".

    Every cue is read, so that "X will discuss ... and Y will describe ..." gives both; hosts'
    and moderators' sentences never match these cues.
    """
    people: list[Person] = []
    spans: list[tuple[int, int]] = []
    rules: list[str] = []
    for cue in ann.cues("SPEAKER_AFTER"):
        found = _person_before(ann, cue.start_char)
        if found:
            people.append(found[0]), spans.append(found[1]), rules.append(cue.id_)
    for cue in ann.cues("SPEAKER_BEFORE"):
        listed = _people_listed_after(ann, cue.end_char)
        if len(listed) > 1:
            # "a conversation with A (X), B (Y) and C (Z)": the whole list speaks.
            for person in listed:
                people.append(person), spans.append((cue.end_char, cue.end_char)), rules.append(cue.id_)
            continue
        found = _person_after(ann, cue.end_char)
        if found:
            people.append(found[0]), spans.append(found[1]), rules.append(cue.id_)
    unique: list[Person] = []
    for person in people:
        same = next((i for i, p in enumerate(unique) if _same(p.name, person.name)), None)
        if same is None:
            unique.append(person)
        elif person.affiliation and not unique[same].affiliation:
            unique[same] = Person(unique[same].name, person.affiliation)
    if not unique:
        return None
    return Candidate("speakers", unique[:6], "DESCRIPTION", f"prose.{rules[0]}", spans[0])


def _person_before(ann: Announcement, start: int) -> tuple[Person, tuple[int, int]] | None:
    # The sentence before the cue, across the line breaks of hard-wrapped text.
    window_start = max(0, start - 400)
    left = ann.text[window_start:start]
    paragraph_break = left.rfind("\n\n")
    if paragraph_break >= 0:
        window_start, left = window_start + paragraph_break + 2, left[paragraph_break + 2:]
    sentence = regex.split(r"(?<=[.!?])\s+(?=\p{Lu})", left)[-1]
    dateline = _DATELINE.match(sentence)
    if dateline:
        sentence = sentence[dateline.end():]
    sentence_start = start - len(sentence)
    flat = " ".join(sentence.split())
    match = _NAME_BEFORE.search(flat)
    if match:
        name = _trim_descriptors(clean_name(match.group("name")))
        if is_person_name(name):
            return Person(name, _prose_affiliation(match)), (sentence_start, start)
    bare = _SURNAME_BEFORE_CUE.search(flat)
    if bare:
        # "Corrigan will discuss": a surname alone, named in full elsewhere in the text.
        full = _full_name(ann.text, bare.group("surname"))
        if full:
            return Person(full, None), (sentence_start, start)
    subject = _SURNAME_SUBJECT.match(flat)
    if subject:
        # "Dyson, a visionary author and ..., will discuss": the surname of someone named in
        # full earlier in the text.
        full = _full_name(ann.text[:start], subject.group("surname"))
        if full:
            return Person(full, None), (sentence_start, start)
    return None


def _prose_affiliation(match: regex.Match[str]) -> str | None:
    """Return the affiliation beside a name in prose: "(Institution)", ", of Institution,",
    "of the Institution"; whatever stands in parentheses counts unless it is a position."""
    paren = match.group("paren")
    if paren:
        return None if is_position(paren) else paren.strip()
    aff = match.group("aff") or match.group("of")
    if not aff:
        return None
    of = _OF_AFF.match(aff.strip())
    return pick_affiliation((of.group("aff") if of else aff).split(",")) or \
        (aff.strip() if match.group("of") and is_institution(aff) else None)


def _trim_descriptors(name: str) -> str:
    """Return a name without the words before it that are no part of it.

    "Sociologist Nancy Stoller", "But Freeman Dyson", "Activist Frances Fox Piven": leading
    words go while the rest is still a name and either the whole is not one or the rest opens
    with a known given name.
    """
    tokens = name.split()
    while len(tokens) > 2:
        rest = " ".join(tokens[1:])
        whole_ok = is_person_name(" ".join(tokens))
        if not is_person_name(rest) or whole_ok and not (
                has_known_given_name(rest) and not has_known_given_name(" ".join(tokens))):
            if whole_ok:
                break
            tokens = tokens[1:]
            continue
        tokens = tokens[1:]
    return " ".join(tokens)


def _full_name(text: str, surname: str) -> str | None:
    """Return the full name ending in ``surname`` that ``text`` mentions first, if any."""
    # Name words, or initials ("M.R.C."); a word with a full stop ends a sentence, not a name.
    pattern = regex.compile(r"(?:(?:\p{Lu}[\p{L}\p{M}'’\-]*|\p{Lu}\.(?:\p{Lu}\.)*)\s+){1,3}"
                            + regex.escape(surname) + r"\b")
    for match in pattern.finditer(text):
        name = clean_name(" ".join(match.group().split()))
        tokens = name.split()
        while len(tokens) > 2 and not is_person_name(" ".join(tokens)):
            tokens = tokens[1:]
        if is_person_name(" ".join(tokens)):
            return " ".join(tokens)
    return None


def _people_listed_after(ann: Announcement, end: int) -> list[Person]:
    """Return the people of a list right after a cue, up to the end of its clause."""
    clause = regex.match(r"[^.;:!?\n]{3,400}", " ".join(ann.text[end:end + 400].split()))
    if clause is None:
        return []
    text = regex.sub(r",?\s+(?:who|will|to|for|on|about|at|in)\s.*$", "", clause.group())
    return parse_people(text.strip(" ,"))


def _person_after(ann: Announcement, end: int) -> tuple[Person, tuple[int, int]] | None:
    right = ann.text[end:end + 200]
    match = _NAME_AFTER.match(right) or _HONORIFIC_NAME.search(right[:120])
    if not match:
        # "presented by professor of American studies John Dizikes": a name behind a position
        # phrase, trusted only with a known given name.
        clause = regex.split(r"[.,;:!?()]", " ".join(right.split()), maxsplit=1)[0]
        behind = next((m for m in _NAME_IN_CLAUSE.finditer(clause)
                       if has_known_given_name(m.group("name"))
                       and is_person_name(clean_name(m.group("name")))), None)
        if behind is None:
            return None
        match = behind
    name = clean_name(match.group("name"))
    if not is_person_name(name):
        return None
    aff = match.groupdict().get("paren") or match.groupdict().get("aff")
    aff = pick_affiliation(aff.split(",")) if aff else None
    return Person(name, aff), (end + match.start("name"), end + match.end("name"))


def _from_first_line(ann: Announcement) -> Candidate | None:
    """A description that opens with "Name (Affiliation)" or "Name, Position, Institution"."""
    if not ann.lines:
        return None
    first = ann.lines[0]
    if first.number in ann.label_line_numbers or len(first.text) > 200:
        return None
    person = parse_person(first.text)
    if person is None or (person.affiliation is None and len(first.text.split()) > 4):
        return None
    return Candidate("speakers", [person], "DESCRIPTION", "layout.first_line",
                     (first.start, first.end))
