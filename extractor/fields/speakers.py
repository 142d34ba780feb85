"""Speakers and their affiliations: from label lines, the SUMMARY, prose cues and the first line
(affiliations.py fills in where a speaker's own line does not say).

Hosts, chairs, moderators and co-authors ("Joint work with") are never speakers: their lines
and sentences are passed over.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cache
from itertools import chain

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..deferred import deferred
from ..layout import Line
from ..shapes import (has_head, has_known_given_name, institution_before_clause, is_institution,
                      is_person_name, is_position, is_series_name)
from .affiliations import (affiliation_beside_name, affiliation_from_bio, affiliation_in_lines,
                           affiliation_label, group_affiliation, is_acronym, spelled_out)
from .cjk_people import is_cjk
from .people import (Person, clean_name, find_whole_name, opens_with_position, parse_people,
                     parse_person, pick_affiliation, same_person)
from .name_scan import leading_honorific, surname
from .paragraphs import SEPARATOR, split_paragraphs
from .prose_speakers import full_name, prose_candidate
from .summary import SummaryParse
from .text_speakers import text_speaker_candidates

_TERMINAL_SENTENCE = deferred(r"[.!?]\s*$|\s(?:is|are|was|will|has|have)\s")
_PROGRAMME_LINE = deferred(r"^\s*\d{1,2}[:.h]\d{2}\s*(?:(?:[ap]\.?m\.?)\s*)?(?:[–—-]\s*\d{1,2}[:.h]\d{2}"
                           r"\s*(?:[ap]\.?m\.?)?)?\s*[|:–—-]?\s+(?P<rest>.{3,300})$", regex.IGNORECASE)
_QUOTED_TAIL = deferred(r"(?:[,:–—-]|(?<!\s))\s*[\"“”«„].*$")
_TITLE_DASH_NAME = deferred(r"^\s*(?:(?:[-*•]|\d{1,2}[.)])\s*)?[\"“][^\"“”]{2,200}[\"”]\s*[-–—]\s*(?P<name>[^\"“”]{3,80})$")
# "Sniffing Alien Worlds – Ada Roe (Lakeshore Lab)": a talk's title, a dash, its speaker and
# where they are from; "The Physics of Swing by Ada Roe and Bo Okafor": the title credited
# ("Hosted by", "Moderated by": a participle before "by" credits no talk).
_TITLE_THEN_PERSON = deferred(r"^.{3,200}?\s[–—-]\s(?P<name>[^–—()]{3,60}\([^()]{2,80}\))\s*$")
# "Reading the Cliffs — *Ada Roe*": a talk's title, a spaced dash, its speaker alone.
_TITLE_DASH_PERSON = deferred(r"^\s{0,4}[*_]{0,2}\p{Lu}[^—–\n]{2,150}?[*_]{0,2}\s{1,3}(?:—|–|--)\s{1,3}[*_]{0,2}"
                              r"(?P<name>\p{Lu}[^*_—–()\n,:;]{2,60}?)[*_]{0,2}\s*$")
# "* Ada Roe--Dubbed the poet of the valley, Roe ...": a list of people, each with a note.
_NAME_DASH_ITEM = deferred(r"^(?:[*•]\s{0,3}|-\s{1,3}|\d{1,2}[.)]\s{1,3})(?P<name>(?:[^*•\-–—]|(?<=\w)-(?=\w)){3,60}?)\s{0,2}(?:--|—|–)\s{0,2}\S")
# The most words a list item's note after its dash has when it says where the person works.
_DASH_NOTE_WORDS = 10
# "Aoife Brennan-Castle – "Lighthouse keepers' wives ..."": a speaker, a dash, the talk's
# quoted title, as a line of its own.
_NAME_DASH_QUOTED = deferred(r"^\s{0,4}(?P<name>\p{Lu}(?:[^*•\-–—\"“]|(?<=\w)-(?=\w)){2,90}?)\s{1,2}(?:--|—|–|-)\s{1,2}"
                             r"[\"“][^\"“”]{3,200}[\"”]\s*$")
# "• Ada Roe: "Do urban tits sing faster?"", "Ada Roe: 'Railway timetables and ...'": a
# speaker, a colon, the quoted title.
_NAME_COLON_QUOTED = deferred(r"^\s{0,4}(?:[*•·▪\-]\s{1,3})?(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]{0,30}"
                              r"(?:\s{1,3}\p{Lu}[\p{L}\p{M}'’.\-]{0,30}){1,3}):\s{1,3}[\"“'‘]\p{Lu}")
# "Ada Roe - Does kelp loss change what juvenile cod eat?": a speaker, a dash, a title of
# three words at the least, on a line with no bullet ("• Ada Roe – Wexley Council" says where
# she works).
_NAME_DASH_TITLE = deferred(r"^\s{0,4}(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]{0,30}"
                            r"(?:\s{1,3}\p{Lu}[\p{L}\p{M}'’.\-]{0,30}){1,3})\s{1,2}[-–]\s{1,2}"
                            r"\p{Lu}\S{0,30}(?:\s{1,3}\S{1,30}){2}")
_TITLE_BY_NAMES = deferred(r"^[^,;]{3,160}?(?<!ed)\sby\s(?P<names>\p{Lu}[^,;:()]{2,80})$")
# "Talk:", "Keynote:", "Talk 2:" opening a programme line before the talk's quoted title.
_KIND_LEAD = deferred(r"^(?:(?:Lightning\s)?Talk|Keynote|Lecture|Presentation)(?:\s\d{1,2})?:\s{0,3}")
_URL_ONLY = deferred(r"^\S*(?:https?://|www\.)\S*$")


def speaker_candidates(ann: Announcement, summary: SummaryParse) -> list[Candidate]:
    """Return candidate speaker lists (each a list of Person), best rule first."""
    # An e-mail or bulletin post has its own layouts (headers, a poster, hosts, schedules): its
    # rules go first there. A web page or press release reads like a calendar description, so
    # they only fill in when nothing else finds a speaker.
    mail_like = ann.view.kind == "text" and ann.view.text_format in ("txt", "eml")
    found: list[Candidate] = text_speaker_candidates(ann) if mail_like else []
    pair = _pair_in_subject(ann, found) if len(found) > 1 else None
    if pair is not None:
        found.insert(0, pair)
    labelled = _from_labels(ann)
    if labelled and mail_like and len(labelled.value) > 1 and (
            labelled.rule.endswith((".list", "s", "(s)")) or found and
            found[0].rule.startswith("text_speakers.label") and
            same_person(found[0].value[0].name, labelled.value[0].name)):
        # "Presented by:" over a name a line, "Speaker(s): A" with B on the line below, "WHO: A
        # (X) and B (Y), both at Z" read as A alone by the mail's rules: every one of them
        found.insert(0, labelled)
    elif labelled:
        found.append(labelled)
    prose = prose_candidate(ann)
    if summary.rules.get("speakers") == "summary.surname_institution":
        summary.speakers = _whole_names(ann, summary.speakers)
    if summary.speakers and not _unknown_names_beside_known(summary.speakers, prose) and \
            not _unknown_name_the_text_never_names(summary.speakers, ann):
        found.append(Candidate("speakers", summary.speakers, "SUMMARY",
                               summary.rules.get("speakers", "summary")))
    elif (guest := _guest_in_summary(ann)) is not None:
        found.append(guest)
    programme = _from_programme(ann) or _from_table(ann)
    if programme and len(programme.value) > 1 and found and found[-1].source == "SUMMARY":
        # Several talks in the programme outweigh one name-like phrase in the SUMMARY.
        found.insert(len(found) - 1, programme)
    elif programme:
        found.append(programme)
    bylines = _from_bylines(ann)
    if bylines:
        found.append(bylines)
    credited = _credited_after_title(ann, summary.title) or _person_after_title_dash(ann, summary.title)
    if credited:
        found.append(credited)
    if prose:
        found.append(prose)
    first = _from_first_line(ann)
    if first:
        found.append(first)
    if labelled is not None:
        found += _other_labels(ann, labelled)
    if not found and (bio := _from_bio_section(ann) or _from_unlabelled_bios(ann)) is not None:
        # "About the speaker" over "Ada Roe is curator of ... at the Lakeshore Garden.": the
        # person the bio is about is the one who speaks, when nothing else names a speaker.
        found.append(bio)
    if not found and ann.view.kind == "text" and not mail_like:
        found = text_speaker_candidates(ann)
    elif not found and ann.view.kind == "calendar":
        # A calendar's description laid out as a card ("Title" / "Prof. Name" / "Institute",
        # "will be given by" over the name): the mail's layout rules, trusted only for a
        # person with a known given name and an affiliation that names an institution by its
        # head word.
        found = [] if len(_TIMED_LINE.findall(ann.text)) > 1 else [
            c for c in text_speaker_candidates(ann)[:1] if _is_speaker_card(ann, c)]
    return found


def _is_speaker_card(ann: Announcement, candidate: Candidate) -> bool:
    """Return whether a mail rule's candidate is a speaker's card in a calendar description:
    a name that opens its line (or follows a title there), a known given name or that title,
    and an affiliation that names an institution or a unit by its head word."""
    titled = _titled_on_its_line(ann.text, candidate.span)
    if candidate.rule == "text_speakers.name_affiliation" and not (
            titled or _opens_its_line(ann.text, candidate.span)):
        return False
    return all(p.affiliation and is_person_name(p.name) and (has_known_given_name(p.name) or titled)
               and (has_head(p.affiliation, "institution_heads") or has_head(p.affiliation, "unit_heads"))
               for p in candidate.value)


def _titled_on_its_line(text: str, span: tuple[int, int] | None) -> bool:
    """Return whether a title opens the line of the name at ``span`` and stands right before
    it ("Associate Professor Kirra Vale"): a person, though the given name is not known.

    >>> _titled_on_its_line("Talk\\nAssociate Professor Kirra Vale\\nX", (25, 35))
    True
    >>> _titled_on_its_line("Talk\\nKirra Vale\\nX", (5, 15))
    False
    """
    if span is None:
        return False
    before = text[text.rfind("\n", 0, span[0]) + 1:span[0]].split()
    return 0 < len(before) <= 3 and before[-1].rstrip(".").lower() in rules.gazetteer("honorifics")


# A programme's line that opens with a clock time ("9:20–9:50  Name (X) — Title"): several talks,
# no one speaker of a card.
_TIMED_LINE = deferred(r"(?m)^[ \t]{0,8}\d{1,2}[:.]\d{2}\b")


def _from_bio_section(ann: Announcement) -> Candidate | None:
    """Return the person a one-person bio section ("About the speaker", "Speaker bio") opens
    with: a name with a known given name or an honorific, then "is", "was", "has" or a comma.
    """
    for label in ann.labelled("bio"):
        block = [] if label.value else ann.block(label, paragraphs=True)
        if label.label.endswith("s") and not label.label.endswith(("bio", "ss")):
            # "About the speakers": several people, each of a paragraph
            people = _bio_paragraph_subjects(block)
            if people:
                return Candidate("speakers", people, "DESCRIPTION", f"label.{label.label}.subjects",
                                 (block[0].start, block[0].end))
            continue
        if not label.value and not block:
            continue
        subject = _bio_subject((label.value or block[0].text).strip())
        if subject is None:
            continue
        name, written = subject
        start = label.value_start if label.value else block[0].start
        body = label.value or " ".join(line.text for line in block)
        return Candidate("speakers", [Person(name, affiliation_from_bio(body, name))], "DESCRIPTION",
                         f"label.{label.label}.subject", (start, start + written))
    return None


def _from_unlabelled_bios(ann: Announcement) -> Candidate | None:
    """Return the people whose bios are paragraphs of their own under no label, one a
    paragraph: a conference's talk page gives the abstract, then "Ada Roe is professor of
    geology at the University of X, where ...". Only a paragraph that opens with a known person
    and says what post they hold counts, and not one about a host."""
    hosts = " ".join(label.value for label in ann.labelled("host"))
    people: list[Person] = []
    first_span: tuple[int, int] | None = None
    for paragraph in split_paragraphs(ann):
        if paragraph.after_field is not None and paragraph.after_field != SEPARATOR:
            continue  # under a label of its own: that label's rule reads it
        text = paragraph.text
        subject = _bio_subject(text, pronoun=True)
        post = _HOLDS_POST.match(text, subject[1]) if subject else None
        if post is None or not _names_a_post(post.group("post")):
            continue
        name = subject[0]
        if surname(name) in hosts or any(same_person(name, p.name) for p in people):
            continue
        people.append(Person(name, affiliation_from_bio(text, name)))
        first_span = first_span or (paragraph.start, paragraph.start + subject[1])
    if not people or first_span is None:
        return None
    return Candidate("speakers", people, "DESCRIPTION", "layout.bio_paragraph", first_span)


_PERSONAL_PRONOUN = deferred(r"\b(?:she|he|her|his|hers|him)\b")
# How far after the name the pronoun may stand: the next sentence or two.
_PRONOUN_REACH = 300


# After a bio's name: its verb and the post ("is professor of", "is a senior researcher at").
_HOLDS_POST = deferred(r"\s{1,3}(?:is|was|has\s{1,3}been|serves\s{1,3}as)\s{1,3}(?:(?:a|an|the)\s{1,3})?"
                       r"(?P<post>(?:[\p{L}\-’']{1,30}\s{1,3}){0,3}[\p{L}\-’']{1,30})")


def _names_a_post(words_after: str) -> bool:
    """Return whether the words after a bio's verb name a post ("assistant professor",
    "senior curator", "historian"), not a state ("delighted", "known for")."""
    return any(word.lower() in _post_words() for word in words_after.split())


@cache
def _post_words() -> frozenset[str]:
    return rules.gazetteer("position_words") | rules.gazetteer("position_heads")


def _bio_subject(text: str, *, pronoun: bool = False) -> tuple[str, int] | None:
    """Return the person a bio opens with and the length of the name as written: a name with
    a known given name or an honorific, then its verb or a comma ("Dr Ada Roe is ..."). With
    ``pronoun``, a name of two words or more whose given name the dictionary lacks counts too
    when a personal pronoun in the next sentences stands for it ("Adaeze Okoro is Chief Data
    Officer for X, where she led ...")."""
    opening = _BIO_OPENING.match(text)
    if opening is None:
        return None
    name = clean_name(opening.group("name"))
    if not is_person_name(name):
        return None
    if not (has_known_given_name(name) or leading_honorific(opening.group("name")) or
            pronoun and len(name.split()) >= 2 and
            _PERSONAL_PRONOUN.search(text, opening.end(), opening.end() + _PRONOUN_REACH)):
        return None
    return name, len(opening.group("name"))


def _bio_paragraph_subjects(block: list[Line]) -> list[Person]:
    """Return the people the paragraphs of a section of bios open with, one a paragraph, up to
    the first paragraph that opens with no person ("Tickets: ...", the section is over)."""
    people: list[Person] = []
    paragraphs: list[list[Line]] = []
    for line in block:
        if paragraphs and line.number == paragraphs[-1][-1].number + 1:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    for paragraph in paragraphs:
        subject = _bio_subject(paragraph[0].text.strip())
        if subject is None:
            break
        body = " ".join(line.text for line in paragraph)
        people.append(Person(subject[0], affiliation_from_bio(body, subject[0])))
    return people


# A bio's first words: a name (honorific first, perhaps), then its verb or a comma.
_BIO_OPENING = deferred(r"^(?P<name>(?:\p{Lu}[\p{L}\p{M}'’.\-]{0,30}\s{1,3}){1,4}\p{Lu}[\p{L}\p{M}'’\-]{1,30})"
                        r"(?=\s{1,3}(?:is|was|has|holds|leads|works|teaches|directs|studies|researches|runs)\b|,)")


def _opens_its_line(text: str, span: tuple[int, int] | None) -> bool:
    """Return whether the name at ``span`` opens its line, an honorific aside ("A/Prof Name"
    over its institute, not "Remarks by Dean Name of the College" in a sentence)."""
    if span is None:
        return False
    line_start = text.rfind("\n", 0, span[0]) + 1
    return len(text[line_start:span[0]].split()) <= 1 and \
        not text[line_start:span[0]].rstrip().endswith((",", "."))


def _pair_in_subject(ann: Announcement, found: list[Candidate]) -> Candidate | None:
    """Return the two or three people a mail's Subject joins ("Colloquium: Roe and Okafor on
    ...") when the body proposes each of them, in the body's order; else None.

    One speaker is named a line, so each is a candidate of its own; the Subject says that
    they speak together."""
    subject = ann.view.summary
    if " and " not in subject and " & " not in subject:
        return None
    named: list[tuple[int, Candidate]] = []
    for candidate in found[:4]:
        if len(candidate.value) != 1:
            continue
        last = surname(candidate.value[0].name)
        at = regex.search(rf"(?i)\b{regex.escape(last)}\b", subject) if len(last) > 2 else None
        if at is not None and not any(surname(c.value[0].name) == last for _, c in named):
            named.append((at.start(), candidate))
    if not 2 <= len(named) <= 3:
        return None
    positions = sorted(at for at, _ in named)
    between = subject[positions[0]:positions[-1]]
    if not _JOINED.search(between):
        return None
    people = [c.value[0] for c in sorted((c for _, c in named), key=lambda c: c.span[0] if c.span else 0)]
    first = named[0][1]
    return Candidate("speakers", people, first.source, f"{first.rule}.with_subject_pair", first.span)


_JOINED = deferred(r"\s(?:and|&)\s")


def _whole_names(ann: Announcement, people: list[Person]) -> list[Person]:
    """Return SUMMARY guests named by surname ("Roe (Lakeshore)") by the whole name the
    description gives, with the institution it writes out after it, if it does."""
    whole: list[Person] = []
    for person in people:
        name = full_name(ann.text, person.name)
        if name is None:
            whole.append(person)
            continue
        written = affiliation_beside_name(" ".join(ann.text.split()), name)  # "Ada\nRoe (X)"
        whole.append(Person(name, written or person.affiliation))
    return whole


def _unknown_names_beside_known(people: list[Person], prose: Candidate | None) -> bool:
    """Return whether a SUMMARY's name-like phrase ("Becoming Hartwell", a book's title) has no
    known given name while the description's prose names someone who has one."""
    return prose is not None and not any(has_known_given_name(p.name) for p in people) and \
        all(has_known_given_name(p.name) for p in prose.value)


_TEXT_MIN_WORDS = 15  # a description long enough that it would name the guest again


def _unknown_name_the_text_never_names(people: list[Person], ann: Announcement) -> bool:
    """Return whether a SUMMARY's lone name-like phrase of three words or more ("Small Press
    Fair", "Pharmaceutical Last-Mile Delivery") has no known given name and its last word
    appears nowhere in a description of some length: a guest's surname comes back in the text
    about them."""
    if len(people) != 1 or people[0].affiliation or len(people[0].name.split()) < 3 or \
            has_known_given_name(people[0].name):
        return False  # two words are as often a name the description does not repeat
    surname = people[0].name.split()[-1]
    return len(ann.text.split()) >= _TEXT_MIN_WORDS and surname not in ann.text


_PI_GROUP = deferred(r"\p{Lu}[\p{L}'’\-]{1,30}\s(?:Lab|Laboratory|Group|Research Group)")


def resolve_speakers(ann: Announcement, candidates: list[Candidate]) -> tuple[list[Person], Candidate | None]:
    """Return the speakers of the best candidate, affiliations filled in from the others."""
    if not candidates:
        return [], None
    best = candidates[0]
    people: list[Person] = list(best.value)
    for index, person in enumerate(people):
        if person.affiliation and is_acronym(person.affiliation):
            # "(WTU)" in the SUMMARY, "Westland Technical University" under the speaker line.
            spelled = spelled_out(person, candidates[1:])
            if spelled:
                people[index] = Person(person.name, spelled)
            continue
        if person.affiliation:
            continue
        for other in candidates[1:]:
            match = next((p for p in other.value if same_person(p.name, person.name)), None)
            if match and match.affiliation:
                people[index] = Person(person.name, match.affiliation)
                break
    if any(not p.affiliation or _PI_GROUP.fullmatch(p.affiliation) for p in people):
        # "Affiliation: Lakeshore Neuroscience" under "Speaker(s): A (Roe Lab) & B (Okafor Lab)":
        # the labelled institution is everyone's; a group named after its head is a unit.
        aff = affiliation_label(ann)
        if aff:
            people = [Person(p.name, aff) if not p.affiliation or _PI_GROUP.fullmatch(p.affiliation)
                      else p for p in people]
    for index, person in enumerate(people):
        if not person.affiliation:
            aff = _affiliation_under_name_line(ann, person.name) or \
                affiliation_from_bio(ann.text, person.name) or \
                affiliation_beside_name(ann.text, person.name)
            if aff:
                people[index] = Person(person.name, aff)
    if len(people) > 1:
        # "Speakers: A, B, C" and "Moderated by B": the moderator is no speaker.
        hosts = _hosts_named(ann)
        kept = [p for p in people if not any(same_person(p.name, h) for h in hosts)]
        people = kept or people
    if len(people) > 1 and not any(p.affiliation for p in people):
        group = group_affiliation(ann.text)
        if group:
            people = [Person(p.name, group) for p in people]
    return [Person(p.name, _organisation_in(p.affiliation)) if p.affiliation and
            _WORDS_BEFORE_ORGANISATION.match(p.affiliation) else p for p in people], best


# An affiliation that opens with words in lower case read a clause, not a name: "village's
# Mill Street School", "president of the Oxbow County Farm Bureau" ("n-Lorem" is a name).
_WORDS_BEFORE_ORGANISATION = deferred(r"(?!(?:the|an|de|del|della|di|du|der|van|von|da|do|dos|das)\s)\p{Ll}{2,30}(?:['’]s)?\s")
_ORGANISATION_AFTER = deferred(r"\s(?:of|at|with|for|from|in)\s{1,3}(?:the\s{1,3})?(?P<org>\p{Lu}[^,;()]{1,100})$")


def _organisation_in(clause: str) -> str | None:
    """Return the organisation a clause ends in after "of", "at", "with", "for", "from" or
    "in" ("director of the Lakeshore Center" gives "Lakeshore Center"), else None.

    >>> _organisation_in("president of the Oxbow County Farm Bureau"), _organisation_in("village's Mill School")
    ('Oxbow County Farm Bureau', None)
    """
    found = _ORGANISATION_AFTER.search(clause)
    return found.group("org").strip() if found else None


_NAME_LINE_ROOM = 30  # what a name line may hold beside the name: degrees, an honorific


def _affiliation_under_name_line(ann: Announcement, name: str) -> str | None:
    """Return the institution under the speaker's name line near the top of the text: "Ada Roe,
    PhD" / "Associate Professor, Department of X" / "Lakeshore University School of Medicine"
    gives the last line below that names an institution."""
    for line in ann.lines[:12]:
        text = line.text.strip()
        if name not in text or len(text) > len(name) + _NAME_LINE_ROOM:
            continue
        person = parse_person(text)
        if person is None or not same_person(person.name, name) or person.affiliation:
            continue
        below = []
        listed = _BULLET.match(text) is not None
        for under in _lines_below(ann, line)[:3]:
            if listed and _BULLET.match(under.text.strip()):
                break  # "- A, retired fireman" over "- Dr. B, Professor, Org": B's own item
            other = parse_person(under.text)
            if other and not same_person(other.name, name) and has_known_given_name(other.name):
                break  # the next speaker's own line: "B, fortepiano (Org)" is B's
            below.append(under.text)
        return affiliation_in_lines(below, sure=True)
    return None


# Host cues that a name follows: "Moderated by Ada Roe", "Moderator: Ada Roe".
_HOST_BEFORE_NAME = ("by", "moderator", "discussant", "respondent", "with")
_NAME_AFTER_HOST_CUE = deferred(r"[\s:,]{0,3}(?P<name>[^.,;:()\n]{3,60})")


def _hosts_named(ann: Announcement) -> list[str]:
    """Return the names the event gives its hosts and moderators: "Host:" and "Moderator:"
    labels, and the name right after "moderated by", "hosted by", "in conversation with"."""
    names = [p.name for label in ann.labelled("host") for p in parse_people(label.value)]
    for cue in ann.cues("HOST"):
        if not cue.text.lower().endswith(_HOST_BEFORE_NAME):
            continue
        after = _NAME_AFTER_HOST_CUE.match(ann.text, cue.end_char, cue.end_char + 80)
        person = parse_person(after.group("name")) if after else None
        if person:
            names.append(person.name)
    return names


def _from_labels(ann: Announcement) -> Candidate | None:
    for label in ann.labelled("speaker"):
        value = label.value
        if not value:
            listed = _name_lines(_items_joined(ann.block(label, paragraphs=True)))
            if len(listed) > 1:
                # "Speakers:" over a list: names on lines of their own, bios between them.
                return Candidate("speakers", listed, "DESCRIPTION", f"label.{label.label}.list",
                                 (label.line.start, label.line.end))
        block = [] if value else ann.block(label)
        lines = [value] if value else [line.text for line in block]
        if not lines or _URL_ONLY.match(lines[0]):
            continue
        people = parse_people(lines[0])
        if len(lines) > 1 and is_cjk(lines[0]):
            # "講演者：" over the speakers, one a line: every line is a person's.
            people = parse_people("\n".join(lines)) or people
        if value and label.label.endswith(("s", "(s)")) and "," in value:
            # "Speakers: Marisol Roe-Quist, Dev Okafor": a plural label over names parted by
            # commas, whether or not their given names are known ones.
            listed = [part.strip() for part in value.split(",")]
            if len(listed) > 1 and all(is_person_name(clean_name(part)) and not is_institution(part)
                                       for part in listed):
                people = [Person(clean_name(part), None) for part in listed]
        if not people or label.label == "name" and not all(has_known_given_name(p.name)
                                                            for p in people):
            continue  # "Name: <a talk's title>": the label names the item, not always a person
        if len(people) == 1 and not people[0].affiliation:
            # "Speaker: Name" then "Assistant Professor, Department, Institution" on the lines
            # below: the last line that names an institution says where they are from.
            below = lines[1:] if not value else [l.text for l in _lines_below(ann, label.line)]
            if not below and block:
                # "Speaker:", the name, a blank line, then "Faculty at Lakeshore University".
                below = [l.text for l in _lines_below(ann, block[-1])]
            aff = affiliation_in_lines(below[:4], sure=False)
            if aff:
                people = [Person(people[0].name, aff)]
            elif block and (card := _card_below(ann.lines, ann.line_index_at(block[0].start))):
                # "Featured speaker" over a card: the name, "Senior Fellow", "Delta Institute".
                people = [Person(people[0].name, card[0])]
            elif below and _names_an_organisation(below[0]):
                # "Speaker: Ada Roe" / "TU Hohenfeld": a short proper name right under it.
                people = [Person(people[0].name, below[0].strip())]
        if value and len(people) > 1 and not any(p.affiliation for p in people):
            # "Speakers: Dr. A and Dr. B" over "          Lakeshore Telephone Laboratories":
            # the line under both names, set under the value's column, is both speakers'.
            column = label.value_start - ann.text.rfind("\n", 0, label.value_start) - 1
            under = [line for line in _lines_below(ann, label.line)[:1] if line.indent >= column]
            aff = affiliation_in_lines([l.text for l in under], sure=True)
            if aff:
                people = [Person(p.name, aff) for p in people]
        if value and label.label.endswith(("s", "(s)")):
            # "Speakers: A" then A's bio, then B on a line of its own, then B's bio.
            _add_new(people, _name_lines(ann.block(label, paragraphs=True)))
            # "Speaker(s):  A, Engineer, X" / "             B, Student, Y": one a line.
            below = [parse_person(line.text) for line in _lines_below(ann, label.line)]
            _add_new(people, [p for p in below if p and p.affiliation and has_known_given_name(p.name)])
        for other in ann.labelled("speaker"):
            # "Presenter: A" and "Co-presenter: B": both present.
            if other is not label and other.label.startswith("co") and other.value:
                _add_new(people, parse_people(other.value))
        span = (label.value_start, label.value_start + len(value)) if value else None
        return Candidate("speakers", people, "DESCRIPTION", f"label.{label.label}", span)
    return None


def _other_labels(ann: Announcement, labelled: Candidate) -> list[Candidate]:
    """Return the people the speaker labels other than ``labelled``'s name with where they are
    from: a post's front matter "speaker: Ada Roe" is read first, its "Presenter: Ada Roe,
    engineer at X" line gives her affiliation (resolve_speakers fills it in)."""
    people = [person for label in ann.labelled("speaker") if label.value and
              (label.value_start, label.value_start + len(label.value)) != labelled.span
              for person in parse_people(label.value) if person.affiliation]
    return [Candidate("speakers", people, "DESCRIPTION", "label.other_speaker_labels")] if people else []


def _add_new(people: list[Person], more: list[Person]) -> None:
    """Append to ``people`` those of ``more`` who are not in it yet."""
    for person in more:
        if not any(same_person(p.name, person.name) for p in people):
            people.append(person)


def _names_an_organisation(line: str) -> bool:
    """Return whether a line under a speaker's name is a short proper name that is no person,
    position or date ("TU Hohenfeld", "Quillfeather Labs")."""
    tokens = line.split()
    return 1 <= len(tokens) <= 6 and all(t[:1].isupper() or t.lower() in {"of", "for", "and", "de", "&"}
                                         for t in tokens) and \
        not (is_person_name(line) and has_known_given_name(line) and not tokens[0].isupper()) \
        and not is_position(line) \
        and not opens_with_position(line) \
        and not any(c.isdigit() for c in line) \
        and not rules.gazetteer("calendar_words").intersection(t.lower().strip(",.") for t in tokens)


def _lines_below(ann: Announcement, anchor: Line) -> list[Line]:
    """Return the unlabelled lines right under ``anchor`` (a label line, or the line of a name),
    up to a blank line."""
    below: list[Line] = []
    previous = anchor.number
    for line in ann.lines:
        if line.number <= anchor.number:
            continue
        # One or two blank lines may stand between the anchor and the lines about the person.
        gap = 3 if not below and previous == anchor.number else 1
        if line.number > previous + gap or line.number in ann.label_line_numbers:
            break
        if len(line.text.split()) > 24 or _ends_a_sentence(line.text):
            break  # prose (a bio) has begun: positions and institutions are short lines
        below.append(line)
        previous = line.number
    return below


def _ends_a_sentence(text: str) -> bool:
    """Return whether a line reads as a sentence: a verb, or a full stop that no abbreviation
    at the end of a name ("Harbour Potash Corp.") explains."""
    found = _TERMINAL_SENTENCE.search(text)
    if found is None or not found.group().startswith("."):
        return found is not None
    # "Potash Corp." ends a name; ", Inc." after a comma is read as a sentence's end, since
    # the comma would part it from the name it belongs to.
    last = _LAST_WORD_WITH_DOT.search(text)
    return not (last and last.group(1).lower() in rules.gazetteer("name_abbreviations"))


# The last word of a line and its full stop, after a space: "... Potash Corp." gives "Corp".
_LAST_WORD_WITH_DOT = deferred(r"(?<=\p{L}\s)(\p{L}+)\.\s*$")


_BULLET = deferred(r"^(?:[•·▪◦‣*\-–]|\d{1,2}[.)])\s{1,3}")


def _items_joined(lines: list[Line]) -> list[Line]:
    """Return a list's lines with each bulleted item's indented continuation lines joined to it
    ("- Dr. Ada Roe, geriatrician at the" / "  Lakeshore General Hospital")."""
    joined: list[Line] = []
    for line in lines:
        if joined and line.indent > joined[-1].indent and line.number == joined[-1].number + 1 and \
                _BULLET.match(joined[-1].text) and not _BULLET.match(line.text):
            item = joined[-1]
            joined[-1] = replace(item, end=line.end, text=f"{item.text} {line.text}", number=line.number)
        else:
            joined.append(line)
    return joined


def _name_lines(lines: list[Line]) -> list[Person]:
    """Return the people on lines that hold a name and nothing else (or "Name, Institution"),
    with the organisation of a "Position @Org" line right under a bare name."""
    people: list[Person] = []
    card_lines: set[int] = set()  # the position and organisation lines of a speaker's card
    for index, line in enumerate(lines):
        if index in card_lines:
            continue
        if _VALEDICTION.match(line.text.strip()):
            break  # "Best wishes," then the sender's name and role: a signature, no speaker
        text = _BULLET.sub("", line.text)
        item = text != line.text
        if _TERMINAL_SENTENCE.search(text.split(",")[0] if item else text) or len(text.split()) > 10 and (
                len(text.split()) > 30 and not item or not parse_person(text.split(",")[0])):
            # A long line is a person's only as "Name, position, institution"; a list's item
            # may go on about the work ("- Ada Roe, professor at X, whose group has ...").
            continue
        person = None
        dash = _NAME_DASH_REST.match(text) if "–" in text or "—" in text else None
        if dash and (named := parse_person(dash.group("name"))) and not named.affiliation:
            # "Dr. Farah Roe – VP, Quality Assurance, Norrhaven Foods": the name, a dash, then
            # her position and organisation.
            rest = dash.group("rest").split(",")
            person = Person(named.name, pick_affiliation(rest) if len(rest) > 1 or
                            is_institution(rest[0]) else None)
        person = person or parse_person(text)
        if person and is_position(person.name):
            continue  # "Groundwater Modelling Lead, Survey": the line under a name, its post
        if person and not any(same_person(p.name, person.name) for p in people):
            if person.affiliation is None and index + 1 < len(lines):
                org = _POSITION_AT_ORG.match(lines[index + 1].text.strip())
                if org and not is_person_name(org.group("org")):
                    person = Person(person.name, org.group("org").rstrip())
            if person.affiliation is None:
                card = _card_below(lines, index)
                if card is not None:
                    person = Person(person.name, card[0])
                    card_lines.update(card[1])
            people.append(person)
    return people


_CARD_LINES = 2
_CARD_LINE_WORDS = 8


def _card_below(lines: list[Line], index: int) -> tuple[str, set[int]] | None:
    """Return the organisation on a speaker card's lines under a bare name, with the indexes
    of the lines it takes: a position line, then the organisation's own line ("Professor of
    Economics" / "Alder Point University"), or a position line that ends with it."""
    used: set[int] = set()
    in_position: str | None = None  # "Managing Director, Saltmeadow Capital": one line holds both
    for at in range(index + 1, min(len(lines), index + 1 + _CARD_LINES)):
        text = _BULLET.sub("", lines[at].text).strip()
        if not text or len(text.split()) > _CARD_LINE_WORDS or _TERMINAL_SENTENCE.search(text):
            break
        parts = [p.strip() for p in text.split(",")]
        if not used and (is_position(parts[0]) or opens_with_position(parts[0])):
            used.add(at)
            if len(parts) > 1 and (aff := pick_affiliation(parts)) and aff != parts[0]:
                in_position = aff
            continue
        if used and (is_institution(text) or len(text.split()) > 1 and _names_an_organisation(text)):
            return text, used | {at}  # the organisation's own line outweighs a division
        break
    return (in_position, used) if in_position else None



# The closing words of a letter, over the sender's signature (English and the label languages).
_VALEDICTION = deferred(
    r"(?i)^(?:best(?:\s(?:wishes|regards))?|(?:kind|warm|warmest|best)\sregards|regards|thanks|"
    r"thank\syou|many\sthanks|cheers|sincerely|yours(?:\s(?:sincerely|truly|faithfully))?|"
    r"all\sthe\sbest|warmly|with\sthanks|cordialement|bien\scordialement|saludos|"
    r"(?:mit\s)?(?:freundlichen|besten|herzlichen|viele)\sgrü(?:ß|ss)e|groeten|"
    r"met\svriendelijke\sgroet|med\svänliga\shälsningar|cordiali\ssaluti|atentamente)[,.!]?$")
_NAME_DASH_REST = deferred(r"^(?P<name>[^–—]{3,60}?)\s{1,3}[–—]\s{1,3}(?P<rest>[^–—]{3,200})$")
# "Lead Scientist @Canopy Labs" under a speaker's name, as event platforms print it.
_POSITION_AT_ORG = deferred(r"^(?P<position>[^@\n]{2,80}?)[ \t]{1,3}@[ \t]{0,3}"
                            r"(?P<org>\p{Lu}[^@\n]{1,80})$")


_BYLINE = deferred(r"^(?:By|Presented by|[Ww]ith)\s+(?P<name>[^,;:()]{3,60}?)\s*"
                   r"(?:\((?P<aff>[^()]{2,100})\)|,\s*(?P<aff2>[^,;]{2,100}))?$")


_BY_PEOPLE_LINE = deferred(r"^by\s(?P<people>[^\n]{3,300}?\))(?:\s(?:as\spart\sof|for)\s[^\n]{3,120})?$")


def _from_bylines(ann: Announcement) -> Candidate | None:
    """Speakers on byline lines: "By Ada Roe" under each talk of a post, "with Ada Roe, Curator"
    under a gallery talk's title."""
    people: list[Person] = []
    first: Line | None = None
    for line in ann.lines:
        match = _BYLINE.match(line.text.strip("*_ "))
        if match is None:
            # "by A (X) and B (Y) as part of Z Seminar": a seminar platform's line under the
            # title, every speaker with an institution.
            listed = _BY_PEOPLE_LINE.match(line.text.strip())
            more = parse_people(listed.group("people")) if listed else []
            if more and all(p.affiliation and is_person_name(p.name) for p in more):
                _add_new(people, more)
                first = first or line
            continue
        name = clean_name(match.group("name"))
        if not is_person_name(name) or any(same_person(p.name, name) for p in people):
            continue
        aff = match.group("aff") or match.group("aff2")
        people.append(Person(name, pick_affiliation(aff.split(",")) if aff else None))
        first = first or line
    if not people or first is None:
        return None
    return Candidate("speakers", people, "DESCRIPTION", "layout.byline", (first.start, first.end))


# "... in Africa's Green Revolution   by Ada Roe   A growing number of ...": the title the
# SUMMARY gives, then its speaker, in a flattened description.
_CREDIT_AFTER_TITLE = deferred(r"[\"”]?\s{0,6}by\s{1,6}(?:(?:Dr|Prof|Professor)\.?\s{1,3})?"
                               r"(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]{0,30}(?:\s\p{Lu}[\p{L}\p{M}'’.\-]{0,30}){1,3})")
_TITLE_TAIL_CHARS = 24


def _credited_after_title(ann: Announcement, title: str | None) -> Candidate | None:
    """The speaker credited with "by <Name>" right after the SUMMARY's title in the text."""
    if not title or len(title) < _TITLE_TAIL_CHARS:
        return None
    tail = title[-_TITLE_TAIL_CHARS:]
    at = ann.text.find(tail)
    if at < 0:
        return None
    match = _CREDIT_AFTER_TITLE.match(ann.text, at + len(tail))
    if match is None:
        return None
    name = clean_name(match.group("name"))
    if not is_person_name(name):
        return None
    return Candidate("speakers", [Person(name, None)], "DESCRIPTION", "prose.by_after_title",
                     match.span("name"))


# A spaced dash after a title, then the rest of the line: "... Two Bulges - Dr. Ada Roe (X)".
_DASH_THEN_LINE = deferred(r"[\"”]?[ \t]{1,3}[-–—][ \t]{1,3}(?P<rest>[^\n]{3,200})")
# A quoted title on a line of an agenda or a list, a spaced dash, then the rest of the line:
# '3. Presentation: "Soil Survey Results" - Dr. Ada Roe, X'.
_QUOTED_THEN_DASH = deferred(r"[\"“][^\"“”\n]{8,200}[\"”][ \t]{1,3}[-–—][ \t]{1,3}(?P<rest>[^\n]{3,200})")


def _person_after_title_dash(ann: Announcement, title: str | None) -> Candidate | None:
    """The speaker written after a spaced dash that follows the talk's title, on the title's
    own line: the SUMMARY's title ("Why Tides Have Two Bulges - Dr. Ada Roe (Kelby Centre)")
    or a quoted one ('Presentation: "Soil Results" - Dr. Ada Roe, Fen Alliance'). The person
    needs an honorific or a known given name: a place or a series may follow a dash too."""
    after_title = None
    if title and len(title) >= _TITLE_TAIL_CHARS and (at := ann.text.find(title)) >= 0:
        after_title = _DASH_THEN_LINE.match(ann.text, at + len(title))
    quoted = _QUOTED_THEN_DASH.finditer(ann.text, 0, _PERSON_AFTER_TITLE_REACH)
    for match in chain([after_title] if after_title else [], quoted):
        rest = match.group("rest").strip()
        people = parse_people(rest)
        if people and all(is_person_name(p.name) for p in people) and \
                (leading_honorific(rest) or has_known_given_name(people[0].name)):
            start = match.start("rest")
            return Candidate("speakers", people, "DESCRIPTION", "layout.person_after_title_dash",
                             (start, start + len(match.group("rest"))))
    return None


# How far into a description a quoted title with its speaker after a dash is looked for.
_PERSON_AFTER_TITLE_REACH = 5000


# "Dr Ada Roe (Department of Earth Sciences, University of X)" under a timed line.
_NAME_UNDER_TIME_WORDS = 12


def _from_programme(ann: Announcement) -> Candidate | None:
    """Speakers of a programme: "09:00–09:30  Name, Institution, “Title”" lines, or list items
    "“Title” - Name"; breaks, lunches and discussions have no name and are passed over."""
    people: list[Person] = []
    first: Line | None = None
    blocks = 0
    titled_talk = False  # a timed line credits a titled talk to its speaker
    headed_blocks = 0  # talks presented under their title's own line ("### Title" / "Name, X")
    for index, line in enumerate(ann.lines):
        timed = _PROGRAMME_LINE.match(line.text)
        # "“Title” - Name" needs a quote: most lines have none, which is tested first.
        item = _TITLE_DASH_NAME.match(line.text) if '"' in line.text or "“" in line.text else None
        person = None
        if talk_block_title(ann.lines, index) is not None:
            blocks += 1
            named = parse_people(line.text)
            role = ann.lines[index + 1].text
            aff = pick_affiliation(role.split(",")) if len(named) == 1 and \
                len(role.split()) <= 12 and not _TERMINAL_SENTENCE.search(role) else None
            for person in named:
                if not any(same_person(p.name, person.name) for p in people):
                    # "Ada Roe" over "Professor of History, Lakeshore University".
                    people.append(Person(person.name, aff) if aff else person)
            first = first or line
            continue
        if timed:
            by = timed.group("rest").rsplit(" by ", 1)
            titled = _TITLE_DASH_NAME.match(_KIND_LEAD.sub("", timed.group("rest")))
            if len(by) == 2:  # "Talk 1: 'Title' by Name (Company)"
                person = parse_person(by[1].strip(" ,.;"))
                titled_talk = True
            elif titled:  # "6:45 Talk: "Title" - Name (Company)"
                person = parse_person(titled.group("name"))
                titled_talk = True
            else:
                rest = _QUOTED_TAIL.sub("", timed.group("rest")).strip(" ,:-–—")
                if ": " in rest:
                    # "15:30 — Name, Institution: Title": the title after the colon.
                    rest = rest.split(": ", 1)[0]
                person = parse_person(rest) if rest else None
                below = ann.lines[index + 1] if index + 1 < len(ann.lines) else None
                if person is None and below is not None and below.number == line.number + 1 \
                        and not _PROGRAMME_LINE.match(below.text) and len(below.text.split()) <= _NAME_UNDER_TIME_WORDS:
                    # "6:40 Flashing firmware over the air" over "Ada Roe (Sealark Labs)".
                    named = parse_person(below.text)
                    if named and (named.affiliation or "(" in below.text or has_known_given_name(named.name)):
                        person, titled_talk = named, True
        elif item:
            person = parse_person(item.group("name"))
        elif headed := _headed_speakers(ann.lines, index):
            headed_blocks += 1
            for other in headed:
                if not any(same_person(p.name, other.name) for p in people):
                    people.append(other)
            first = first or line
        elif (quoted := _quoted_talk_line(line.text)) is not None:
            person = parse_person(quoted.group("name"))
            titled_talk = True
        elif (" - " in line.text or " – " in line.text) and \
                (leading := _person_before_dash_title(ann.lines, index)) is not None:
            person = leading
        elif (noted := _NAME_DASH_ITEM.match(line.text)) is not None:
            named = parse_person(noted.group("name"))
            # A person by the given name, or by a name's shape beside an institution ("Ada
            # Roe-Okafor, Wexley University — *Title*").
            person = named if named and (has_known_given_name(named.name) or named.affiliation and
                                         is_institution(named.affiliation) and is_person_name(named.name)) else None
            note = line.text[noted.end() - 1:].split(",") if person and person.affiliation is None else []
            if note and sum(len(part.split()) for part in note) <= _DASH_NOTE_WORDS:
                # "• Ada Roe – urbanist, Coletivo Verde": where she works after the dash
                held = pick_affiliation(note)
                if held and is_institution(held):
                    person = Person(person.name, held)
        # The two patterns below scan a whole line for their "(" and "by": a line without
        # them is passed over without running them.
        elif "(" in line.text and (dashed := _TITLE_THEN_PERSON.match(line.text)) is not None:
            person = parse_person(dashed.group("name"))
        elif ("—" in line.text or "–" in line.text or "--" in line.text) and \
                (trailing := _person_after_title_dash_line(line.text)) is not None:
            person = trailing
        elif "by" in line.text and \
                (credited := _TITLE_BY_NAMES.match(line.text.strip("*_ "))) is not None:
            named = parse_people(credited.group("names"))
            if named and all(has_known_given_name(p.name) for p in named):
                for other in named:
                    if not any(same_person(p.name, other.name) for p in people):
                        people.append(other)
                first = first or line
            continue
        if person and not any(same_person(p.name, person.name) for p in people):
            people.append(person)
            first = first or line
    if not people or first is None:
        return None
    if blocks == 1 and len(people) == len(parse_people(first.text)):
        # One talk presented as a block: its speakers, and its title above them.
        return Candidate("speakers", people, "DESCRIPTION", TALK_BLOCK, (first.start, first.end))
    if len(people) < 2 and (headed_blocks == 1 or not (titled_talk or _has_by_line(ann))):
        return None
    return Candidate("speakers", people, "DESCRIPTION", "layout.programme", (first.start, first.end))


def _quoted_talk_line(text: str) -> regex.Match[str] | None:
    """Return the match of a speaker's line before a quoted title: "Ada Roe – "Title"", "• Ada
    Roe: 'Title'". Most lines hold no double quote and no colon: they are passed over unread."""
    if '"' in text or "“" in text:
        found = _NAME_DASH_QUOTED.match(text)
        if found is not None:
            return found
    return _NAME_COLON_QUOTED.match(text) if ":" in text else None


def _person_before_dash_title(lines: list[Line], index: int) -> Person | None:
    """Return the speaker of "Ada Roe - Does kelp loss change what cod eat?", a talk a line,
    its speaker first: a known given name, or a name's shape beside another such line."""
    lead = _NAME_DASH_TITLE.match(lines[index].text)
    named = parse_person(lead.group("name")) if lead else None
    if named and (has_known_given_name(named.name) or
                  is_person_name(named.name) and _beside_known_dash_title(lines, index)):
        return named
    return None


def _person_after_title_dash_line(text: str) -> Person | None:
    """Return the speaker of "**Reading the Cliffs** — *Dr Ada Roe*" heading its paragraph: a
    title, then who gives it; a person by the given name or the honorific."""
    dashed = _TITLE_DASH_PERSON.match(text)
    if dashed is None:
        return None
    name = dashed.group("name").strip()
    named = parse_person(name)
    if named and len(name.split()) <= 6 and (has_known_given_name(named.name) or leading_honorific(name)):
        return named
    return None


def _beside_known_dash_title(lines: list[Line], index: int) -> bool:
    """Return whether the line above or below ``index`` (a blank line apart at most) is a
    "Name - Title" line too, of a person with a known given name: the two are a programme, so
    the other name is a person's though the dictionary lacks it."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(lines) and abs(lines[other].number - lines[index].number) <= 2 and \
                (lead := _NAME_DASH_TITLE.match(lines[other].text)) is not None and \
                has_known_given_name(lead.group("name")):
            return True
    return False


def _from_table(ann: Announcement) -> Candidate | None:
    """Speakers in the speaker column of a programme table drawn with bars, as Markdown and
    plain-text posts draw one:

        | Time | What                        | Who                   |
        |------|-----------------------------|-----------------------|
        | 7:30 | **Mushrooms That Farm Ants** | Ada Roe               |
        | 8:20 | Break                       |                       |

    The header names the column with a speaker label ("Who", "Speaker", "Presenter", ...);
    rows whose cell there is empty or names nobody (a break, "TBA") are passed over.
    """
    speaker_words = rules.label_spellings("speaker")
    lines = ann.lines
    for index, line in enumerate(lines[:-1]):
        if line.text.count("|") < 2:
            continue
        header = _table_cells(line.text)
        column = next((k for k, cell in enumerate(header) if cell.lower().strip(" *_:") in speaker_words), None)
        if column is None or len(header) < 2:
            continue
        people: list[Person] = []
        number = line.number
        for row in lines[index + 1:]:
            if row.number != number + 1 or row.text.count("|") < 2:
                break
            number = row.number
            cells = _table_cells(row.text)
            if len(cells) != len(header) or _TABLE_RULE.fullmatch(row.text):
                continue
            for person in parse_people(cells[column].strip(" *_")):
                if not any(same_person(p.name, person.name) for p in people):
                    people.append(person)
        if people:
            return Candidate("speakers", people, "DESCRIPTION", "layout.table_column", (line.start, line.end))
    return None


def _table_cells(text: str) -> list[str]:
    """Return the cells of a table row drawn with bars.

    >>> _table_cells("| 7:30 | **Title** | Ada Roe |"), _table_cells("| 8:20 | Break | |")
    (['7:30', '**Title**', 'Ada Roe'], ['8:20', 'Break', ''])
    """
    cells = [cell.strip() for cell in text.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


# The rule under a table's header: "|------|:---:|".
_TABLE_RULE = deferred(r"[\s|:\-+=]+")


def _headed_speakers(lines: list[Line], index: int) -> list[Person]:
    """Return the speakers of a talk presented under its title's line, in a post of several:

        Darwin's Moths Are Back                        <- a paragraph's first line, a title
        Dr Bethan Roe, University of Stourleigh        <- the speaker, and where they are from

        The peppered moth is the textbook example ...

    Two people may share the line: "*Ada Roe & Bo Okafor* — bakers, Rise & Shine Bakehouse".
    """
    line = lines[index]
    if index == 0 or index + 1 >= len(lines) or len(line.text) > 120:
        return []
    above, below = lines[index - 1], lines[index + 1]
    if above.number != line.number - 1 or below.number < line.number + 2 or \
            (index > 1 and lines[index - 2].number == above.number - 1) or \
            above.text[-1:] in ".,:;!" or len(above.text.split()) > 15:
        return []
    name, _, rest = line.text.strip("*_ ").partition(",")
    name, rest = name.strip("*_ "), rest.strip("*_ ")
    if len(name.split()) > 8 or not name[:1].isupper():
        return []  # "with Bo Li" under a paper's title names a co-author
    # "Owain Roe, Transport Research Partnership": what follows the name is where they are from
    affiliation = pick_affiliation(rest.split(",")) if rest else None
    if rest and affiliation is None and len(rest.split()) <= 8 and rest[:1].isupper():
        affiliation = rest
    pair = _ROLE_AFTER_DASH.sub("", name).strip("*_ ")
    if _JOINED_NAME.search(pair):
        people = parse_people(pair)
        if len(people) > 1 and all(has_known_given_name(p.name) for p in people):
            return [Person(p.name, affiliation) for p in people]
        return []
    if len(name.split()) > 6:
        return []
    person = parse_person(name)
    if person is None or not (has_known_given_name(person.name) or leading_honorific(name)):
        return []
    return [Person(person.name, affiliation)]


# "Ada Roe & Bo Okafor": a second name joined to the first.
_JOINED_NAME = deferred(r"\s(?:and|&)\s{1,3}\p{Lu}")
# "Ada Roe & Bo Okafor* — bakers": the role after the names' dash.
_ROLE_AFTER_DASH = deferred(r"[*_]{0,2}\s{1,3}(?:—|–|--)\s.*$")


def talk_block_title(lines: list[Line], index: int) -> str | None:
    """Return the title of the talk whose speaker line ``index`` is, in a post that presents a
    talk as a block: a name alone in a paragraph, under a title paragraph and over the text.

        Love on a Glacier          <- one or two lines, no full stop, comma or colon at the end

        Ada Roe & Bo Okafor        <- names with known given names, nothing else

        Antarctica is arguably ...

    None when line ``index`` is no such speaker line.
    """
    line = lines[index]
    if index == 0 or index + 1 >= len(lines):
        return None
    above, below = lines[index - 1], lines[index + 1]
    # The line numbers rule out most lines before their words are counted.
    if above.number != line.number - 2 or below.number != line.number + 2 or \
            above.text[-1:] in ".,:;!" or len(line.text.split()) > 5:
        return None
    # The title paragraph: one line, or two of a wrapped title.
    top = index - 1
    if top > 0 and lines[top - 1].number == above.number - 1:
        top -= 1
    title = " ".join(l.text for l in lines[top:index])
    if top > 0 and lines[top - 1].number == lines[top].number - 1 or len(title.split()) > 25:
        return None
    title = title.strip("*_# ")
    if rules.label_fields().get(title.lower()) or "biograph" in title.lower():
        return None  # "About the speaker", "Biographical information": a section, not a talk
    people = parse_people(line.text)
    if people and all((has_known_given_name(p.name) or _named_below(lines, index, p.name))
                      and not p.affiliation for p in people):
        return title
    return None


# How many lines under a talk block's name line its text runs before the next talk.
_BLOCK_TEXT_LINES = 4


def _named_below(lines: list[Line], index: int, name: str) -> bool:
    """Return whether the text under the name line ``index`` names the person again, whole:
    "Ada Roe-Okafor" over "... *Ada Roe-Okafor is a map librarian ...*", a person though the
    given name is not in the dictionary."""
    return len(name.split()) > 1 and any(
        find_whole_name(below.text, name) >= 0 for below in lines[index + 1:index + 1 + _BLOCK_TEXT_LINES])


def _has_by_line(ann: Announcement) -> bool:
    """A single programme talk counts when its line credits it "by Name"."""
    return any(_PROGRAMME_LINE.match(l.text) and " by " in l.text for l in ann.lines)


TALK_BLOCK = "layout.talk_block"
# "A Conversation with Ada Roe-Okafor for Students": a guest named after "with" in the SUMMARY.
_SUMMARY_GUEST = deferred(r"\bwith\s{1,3}(?P<name>\p{Lu}[\p{L}\p{M}'’\-]{1,30}(?:\s{1,3}\p{Lu}[\p{L}\p{M}'’.\-]{0,30}){1,3})"
                          r"(?=\s{1,3}(?:for|at|on|in)\b|\s{0,3}[,:;(–—-]|\s{0,3}$)")


_IN_CONVERSATION = deferred(r"(?i)\bin\s{1,3}conversation\s{1,3}$")


def _guest_in_summary(ann: Announcement) -> Candidate | None:
    """The guest of "An Evening with Ada Roe" when the description names them too: a name with
    a known given name once the text repeats it; any other name once the text repeats it
    followed by what the person is ("Ada Roe, award-winning reporter")."""
    match = _SUMMARY_GUEST.search(ann.view.summary)
    if match is None:
        return None
    name = clean_name(match.group("name"))
    if is_person_name(name) and has_known_given_name(name) and \
            not _IN_CONVERSATION.search(ann.view.summary, 0, match.start()) and \
            find_whole_name(ann.text, name) >= 0:
        # "An Evening with Ada Roe" over "... welcome poet Ada Roe, who will read": a known
        # given name, and the text names the guest again, whole. ("Ada Roe in conversation
        # with Bo Li": Bo Li asks the questions.)
        return Candidate("speakers", [Person(name, None)], "SUMMARY", "summary.guest_named_in_text")
    at = ann.text.find(name + ",")
    if not is_person_name(name) or at < 0:
        return None
    # "Ada Roe-Okafor, Pulitzer Prize-winning reporter ...", "welcome poet Ada Roe, who will
    # read": the text says what the guest is, after the name or right before it.
    described = ann.text[at + len(name) + 1:at + len(name) + 80].lower().split()[:8] + \
        ann.text[max(0, at - 40):at].lower().split()[-2:]
    heads = rules.gazetteer("position_heads")
    if not any(word.strip(".,;") in heads for word in described):
        return None
    return Candidate("speakers", [Person(name, None)], "SUMMARY", "summary.guest_named_in_text")


_WITH_LEAD = deferred(r"^(?:With|Featuring)\s+(?=\p{Lu})")


def _from_first_line(ann: Announcement) -> Candidate | None:
    """A description that opens with "Name (Affiliation)" or "Name, Position, Institution"."""
    if not ann.lines:
        return None
    first = ann.lines[0]
    if len(ann.lines) > 1 and ann.lines[1].number > first.number + 1 and \
            is_series_name(first.text) and not parse_people(first.text):
        # "Geology Seminar Series" alone, then the speaker's name line: the name opens the text.
        first = ann.lines[1]
    if first.number in ann.label_line_numbers or len(first.text) > 200:
        return None
    # "With Ada Roe, Director, Lakeshore Herbarium": the guest of the event named in its title.
    text = _WITH_LEAD.sub("", first.text)
    person = parse_person(text)
    if person and person.affiliation is None and clean_name(text) == person.name and \
            len(first.text.split()) > 4:
        # "Professor Ada Roe, FBA, FRSL" over "Regius Professor of X, Lakeshore University":
        # the name with its titles alone on the line, where they are from on the next.
        aff = _affiliation_under_name_line(ann, person.name)
        return Candidate("speakers", [Person(person.name, aff)], "DESCRIPTION",
                         "layout.first_line_titled", (first.start, first.end))
    if person is None or (person.affiliation is None and len(first.text.split()) > 4):
        # "Ada Roe (Lakeshore University), Bo Okafor (Lakeshore University)": each with theirs.
        people = parse_people(text) if "(" in text else []
        if len(people) < 2 or not all(p.affiliation for p in people):
            return None
        return Candidate("speakers", people, "DESCRIPTION", "layout.first_line_list",
                         (first.start, first.end))
    if person.affiliation:
        # "Professor Ada Roe of Calloway College delivers the Whitcombe Lecture.": a sentence
        # runs on after the college.
        person = Person(person.name, institution_before_clause(person.affiliation).rstrip(" ."))
    return Candidate("speakers", [person], "DESCRIPTION", "layout.first_line",
                     (first.start, first.end))
