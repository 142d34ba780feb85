"""Speakers and their affiliations: from label lines, the SUMMARY, prose cues and the first line.

Hosts, chairs, moderators and co-authors ("Joint work with") are never speakers: their lines
and sentences are passed over.
"""
from __future__ import annotations

import regex

from ..announcement import Announcement
from ..candidate import Candidate
from ..layout import LabelLine, Line
from ..shapes import is_institution, is_person_name, is_unit_only, strip_quotes
from .people import Person, clean_name, parse_people, parse_person, pick_affiliation
from .summary import SummaryParse
from .text_speakers import text_speaker_candidates

_NAME_BEFORE = regex.compile(
    r"(?P<name>(?:\p{Lu}[\p{L}\p{M}'’.\-]*\s+){1,4}\p{Lu}[\p{L}\p{M}'’\-]+)\s*"
    r"(?:,\s*(?P<aff>[^,;]{2,120}(?:,\s*[^,;]{2,40})?)\s*,|\((?P<paren>[^()]{2,120})\))?\s*$")
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
_QUOTED_TAIL = regex.compile(r"[,:–—-]?\s*[\"“”«„].*$")
_TITLE_DASH_NAME = regex.compile(r"^\s*[-*•]?\s*[\"“][^\"“”]{2,200}[\"”]\s*[-–—]\s*(?P<name>[^\"“”]{3,80})$")
_DATELINE = regex.compile(r"^\s*\p{Lu}[\p{Lu} .'’]{1,40},\s*\p{Lu}[\p{L}.]{1,6}\s*(?:--|—|–)\s*")
_SURNAME_SUBJECT = regex.compile(r"^(?:(?:Dr|Prof|Professor)\.?\s+)?(?P<surname>\p{Lu}[\p{Ll}\p{M}'’\-]{2,30}),\s")
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
    if programme:
        found.append(programme)
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
_BIO_ROLE = r"\s+(?:is|was|serves as|works as|is currently)\s+[^.;\n]{0,140}?\s"
_BIO_ORG = (r"(?:at|with|for)\s+(?:the\s+)?(?P<org>\p{Lu}[\p{L}\p{M}&'’\-]*"
            r"(?:\s+(?:of|for|and|de|the|\p{Lu}[\p{L}\p{M}&'’\-]*)){0,8})")
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
            rest = _QUOTED_TAIL.sub("", timed.group("rest")).strip(" ,:-–—")
            person = parse_person(rest) if rest else None
        elif item:
            person = parse_person(item.group("name"))
        if person and not any(_same(p.name, person.name) for p in people):
            people.append(person)
            first = first or line
    if len(people) < 2 or first is None:
        return None
    return Candidate("speakers", people, "DESCRIPTION", "layout.programme", (first.start, first.end))


def _affiliation_label(ann: Announcement) -> str | None:
    for label in ann.labelled("affiliation"):
        value = strip_quotes(label.value)
        if not value or ":" in value or is_person_name(value) or parse_people(value):
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
        # "Sociologist Nancy Stoller": keep the last capitalised words that make a name.
        tokens = clean_name(match.group("name")).split()
        while len(tokens) > 2 and not is_person_name(" ".join(tokens)):
            tokens = tokens[1:]
        name = " ".join(tokens)
        if is_person_name(name):
            aff = match.group("paren") or match.group("aff")
            if aff:
                of = _OF_AFF.match(aff.strip())
                aff = pick_affiliation((of.group("aff") if of else aff).split(","))
            return Person(name, aff), (sentence_start, start)
    subject = _SURNAME_SUBJECT.match(flat)
    if subject:
        # "Dyson, a visionary author and ..., will discuss": the surname of someone named in
        # full earlier in the text.
        full = _full_name(ann.text[:start], subject.group("surname"))
        if full:
            return Person(full, None), (sentence_start, start)
    return None


def _full_name(text: str, surname: str) -> str | None:
    """Return the full name ending in ``surname`` that ``text`` mentions first, if any."""
    pattern = regex.compile(r"(?:\p{Lu}[\p{L}\p{M}'’.\-]*\s+){1,3}" + regex.escape(surname) + r"\b")
    for match in pattern.finditer(text):
        name = clean_name(" ".join(match.group().split()))
        tokens = name.split()
        while len(tokens) > 2 and not is_person_name(" ".join(tokens)):
            tokens = tokens[1:]
        if is_person_name(" ".join(tokens)):
            return " ".join(tokens)
    return None


def _person_after(ann: Announcement, end: int) -> tuple[Person, tuple[int, int]] | None:
    right = ann.text[end:end + 200]
    match = _NAME_AFTER.match(right) or _HONORIFIC_NAME.search(right[:120])
    if not match:
        return None
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
