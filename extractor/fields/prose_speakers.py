"""Speakers named in prose around a cue: "X (Y) will present", "a talk by X, professor at Y",
"Okafor, a visionary author ..., will discuss", "presented by professor of history Ada Roe".

Every cue of the description is read (models/patterns: SPEAKER_AFTER, SPEAKER_BEFORE), so
"X will discuss ... and Y will describe ..." gives both; hosts' and moderators' sentences
never match these cues.
"""
from __future__ import annotations

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..shapes import (DATELINE, has_known_given_name, institution_before_clause, is_degree,
                      is_institution, is_person_name, is_position, is_unit_only)
from .affiliations import affiliation_beside_name
from .name_scan import first_person_name
from .people import (Person, before_clause_about_person, clean_name, parse_described_list, parse_people,
                     parse_person, pick_affiliation, same_person)

# Call-time patterns, each compiled once, at its first use.
# The blank between a sentence end and the next sentence.
_SENTENCE_BOUNDARY = deferred(r"(?<=[.!?])\s+(?=\p{Lu})")
# A clause: up to a sentence end, a colon or a line break.
_CLAUSE = deferred(r"[^.:!?\n]{3,700}")
# Punctuation that ends a clause.
_PUNCTUATION = deferred(r"[.,;:!?()]")

# "of" in Italian, Spanish, French, Portuguese and German before an institution ("la prof.ssa
# Ada Roe dell'Università di Pontevalle terrà ..."); before other words "de" is part of a name.
_ROMANCE_OF = (r"(?:dell['’]|della\s|dalla\s|del\s|de\sla\s|de\sl['’]|de\s|da\s|do\s|vom\s|von\sder\s)"
               r"(?=Univ|Ist|Inst|Polit|Scuol|Escuel|Escol|[ÉE]cole|Centr|Muse|Hochsch|Acad|Akad|Accad)")
_NAME_BEFORE = deferred(
    r"(?P<name>(?:\p{Lu}[\p{L}\p{M}'’.\-]{0,40}\s+){1,4}\p{Lu}[\p{L}\p{M}'’\-]{1,40})"
    r"(?:\s['’]\d{2}\b)?\s*"  # "Ada Roe '04": an alumna's class year
    r"(?:,\s*(?P<aff>[^,;]{2,120}(?:,\s*[^,;]{2,40})?)\s*,|\((?P<paren>[^()]{2,120})\)|"
    r"\s(?:(?:of|from)\s(?:the\s)?|" + _ROMANCE_OF + r")(?P<of>\p{Lu}[^,;()]{1,80}))?\s*$")
_NAME_AFTER = deferred(
    r"^\s*(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?"
    r"(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|van|von|de|der|da|di|del|la|le)){1,4})"
    r"(?:\s*\((?P<paren>[^()]{2,120})\)|,\s*(?P<aff>[^,;.]{2,120})|"
    r"\s(?:of|from)\s(?:the\s)?(?P<of>\p{Lu}[^,;.()]{1,80}))?")
# A name introduced by an honorific after some descriptors: "author and professor Dr. Ada Roe".
_HONORIFIC_NAME = deferred(
    r"\b(?:Dr|Prof|Professor|Dra)\.?\s+(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*){1,3})"
    r"(?:\s*\((?P<paren>[^()]{2,120})\))?")
_SURNAME_BEFORE_CUE = deferred(r"(?:^|[,;]\s|\s(?:and|but|where|then)\s)"
                               r"(?P<surname>\p{Lu}[\p{Ll}\p{M}'’\-]{2,30})\s*$")
_SURNAME_SUBJECT = deferred(r"^(?:(?:Dr|Prof|Professor)\.?\s+)?(?P<surname>\p{Lu}[\p{Ll}\p{M}'’\-]{2,30}),\s")
# A name inside the clause after a cue: "professor of Nordic studies Anna Berglund". Bounded
# word lengths and no nested repetition keep it linear on any text.
_NAME_IN_CLAUSE = deferred(
    r"(?<![\p{L}'’\-])(?P<name>\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]{0,30}"
    r"(?:\s(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]{0,30})){1,2})(?![\p{L}'’\-])(?!\.\p{L})")
# What follows "join" when it invites the reader rather than naming a guest.
_NOT_A_GUEST = deferred(r"\s{1,3}(?i:us|the|our|your|fellow|other|friends|them|a|an|in|this|"
                        r"these|colleagues|members|moderator|host)\b")
_CLAUSE_TAIL = deferred(r",?\s{1,3}(?:who|will)\s|,?\s{1,3}(?:to|for|on|about|at|in)\s(?!\p{Lu})")
_INITIALISM = deferred(r"\b(?:\p{Lu}\.){2,4}")
_TITLE_DOT = deferred(r"\b(?P<title>Dr|Prof|Mr|Mrs|Ms|Mx|St|Rev|Hon)\.")
# "... from the University of Marlow Heath": the name ends an institution's name.
_PRONOUN_END = deferred(r"(?<![\p{L}\p{M}.])(?:I|[Ww]e|[Ss]he|[Hh]e|[Tt]hey|[Ii]t)$")
_ARTICLE_BEFORE = deferred(r"(?<![\p{L}\p{M}])(?:the|a|an)\s$")
_HEAD_OF = deferred(r"(?P<head>\p{Lu}[\p{L}\-]{1,30})\s(?:of|for)\s(?:the\s)?$")
_OF_AFF = deferred(r"^(?:of|from|at)\s+(?P<aff>.+)$")


def prose_candidate(ann: Announcement) -> Candidate | None:
    """Speakers named around a cue: "X (Y) will present", "a talk by X, professor at Y".

    Every cue is read, so that "X will discuss ... and Y will describe ..." gives both; hosts'
    and moderators' sentences never match these cues.
    """
    people: list[Person] = []
    spans: list[tuple[int, int]] = []
    rules: list[str] = []
    for cue in ann.cues("SPEAKER_AFTER"):
        if cue.id_ == "speaker_after.will_introduce" and _INTRODUCES_SOMEONE.match(ann.text, cue.end_char):
            continue  # "President Ada Roe will introduce the speaker": who introduces, not who speaks
        if cue.id_ in _PRONOUN_CUES:
            # "Retired surveyor Ada Roe has spent twenty years ..., and in this talk she takes
            # us ...": the pronoun stands for the person the sentence is about.
            subject = _sentence_subject(ann, cue.start_char)
            if subject is not None:
                people.append(subject[0]), spans.append(subject[1]), rules.append(cue.id_)
            continue
        for person, span in _people_before(ann, cue.start_char, first=not people):
            people.append(person), spans.append(span), rules.append(cue.id_)
    for cue in ann.cues("SPEAKER_BEFORE", "SPEAKER_JOIN", "SPEAKER_FEATURED"):
        if cue.label_ == "SPEAKER_JOIN" and not _invites_to_join(ann.text, cue.start_char, cue.end_char):
            continue
        if cue.id_ == "speaker_before.conversation_with" and \
                ann.text[max(0, cue.start_char - 3):cue.start_char].lower().strip() == "in":
            continue  # "Ada Roe in conversation with Bo Okafor": Okafor asks the questions
        if _NEXT_EVENT.search(ann.text, max(0, cue.start_char - 120), cue.start_char):
            continue  # "The series continues on April 24 with a reading by ...": the next event
        if cue.id_ == "speaker_before.the_speaker" and \
                _SPEAKER_AS_OBJECT.search(ann.text, max(0, cue.start_char - 20), cue.start_char):
            continue  # "To meet with the speaker, please contact Dana Roe": who to ask
        listed = _people_listed_after(ann, cue.end_char)
        if len(listed) > 1:
            # "a conversation with A (X), B (Y) and C (Z)": the whole list speaks.
            for person in listed:
                people.append(person), spans.append((cue.end_char, cue.end_char)), rules.append(cue.id_)
            continue
        if cue.id_ == "speaker_before.welcome" and _WELCOME_FROM.match(ann.text, cue.end_char):
            continue  # "Welcome from the President, Dr Ada Roe": who opens the evening
        if cue.id_ == "speaker_before.will_be_joined_by" and _NOT_A_GUEST.match(ann.text, cue.end_char):
            continue  # "Roe will be joined by moderator Bo Li": who asks, not who speaks
        found = _person_after(ann, cue.end_char)
        if found and _QUOTE_CLOSED.search(ann.text, cue.end_char, max(cue.end_char, found[1][0])):
            found = None  # 'a joy to welcome her home," said Prof. Bo Li': who is quoted, not who speaks
        if found and _WHO_CHAIRS.match(ann.text, found[1][1]):
            found = None  # "Dr Ada Roe, who will chair the lecture": the chair, not the speaker
        if found:
            people.append(found[0]), spans.append(found[1]), rules.append(cue.id_)
    if not people and (owned := _POSSESSIVE_TALK.search(ann.text)) is not None:
        # "Roe's lecture, "Everything Is Made of Something," will begin at 8 p.m.": the
        # person named in full elsewhere in the text gives it
        full = full_name(ann.text, owned.group("surname"))
        if full:
            people.append(Person(full, None)), spans.append(owned.span("surname"))
            rules.append("possessive_talk")
    if not people:
        # "In this illustrated lecture, Dr Ada Roe (X) follows three pattern books ...": the
        # person the sentence about the talk opens with gives it.
        for opening in _IN_THIS_TALK.finditer(ann.text):
            found = _person_after(ann, opening.end())
            if found and _only_honorifics(ann.text[opening.end():found[1][0]]):
                # Where the person works is read beside the name, not from the clause after it
                # ("Ada Roe of the X Museum follows ...").
                name = found[0].name
                person = Person(name, affiliation_beside_name(ann.text[opening.start():], name))
                people.append(person), spans.append(found[1]), rules.append("in_this_talk")
                break
    if not people:
        for person, span in _colon_list(ann.text):
            people.append(person), spans.append(span), rules.append("colon_list")
    unique: list[Person] = []
    for person in people:
        same = next((i for i, p in enumerate(unique) if same_person(p.name, person.name)), None)
        if same is None:
            unique.append(person)
        elif person.affiliation and not unique[same].affiliation:
            unique[same] = Person(unique[same].name, person.affiliation)
    if not unique:
        return None
    return Candidate("speakers", unique[:6], "DESCRIPTION", f"prose.{rules[0]}", spans[0])


def _only_honorifics(text: str) -> bool:
    """Return whether ``text`` holds nothing but honorifics ("", "Dr ", "Prof. Dr. ")."""
    return all(word.rstrip(".").lower() in rules.gazetteer("honorifics") for word in text.split())


def _colon_list(text: str) -> list[tuple[Person, tuple[int, int]]]:
    """Return the people of a list parted by semicolons after a colon, when the words before
    the colon speak of people ("Four people who work on it every day will take it up: Dr. Ada
    Roe, professor of law at X; Bo Li of the Y; and Cy Dunn, director for Z.").

    Every part must open with a name, after the words that say what the person is ("fire
    ecologist Dr. Ada Roe of X"), and two of them at least with a known given name or an
    honorific; where each works is read from the part's own words.
    """
    found: list[tuple[Person, tuple[int, int]]] = []
    for colon in _COLON.finditer(text, 0, _COLON_REACH):
        intro = _sentence_before(text, colon.start())
        if not _PEOPLE_WORDS.search(intro):
            continue
        stop = _LIST_END.search(text, colon.end(), colon.end() + _LIST_REACH)
        clause = text[colon.end():stop.start() if stop else colon.end() + _LIST_REACH]
        if ";" not in clause:
            continue
        parts = [part.strip() for part in _LIST_PARTS.split(clause)]
        people: list[Person] = []
        sure = 0
        for part in parts:
            named = _described_person(part)
            if named is None:
                break
            people.append(Person(named[0], _part_affiliation(part, named[0])))
            sure += named[1]
        # Every part a name, two of them at least sure ones.
        if len(people) == len(parts) and sure > 1:
            span = (colon.end(), colon.end() + len(clause))
            found = [(person, span) for person in people]
            break
    return found


# A colon that opens a list in running text, not a label's at a line's start or a clock's.
_COLON = deferred(r"(?<=\p{Ll}):[ \t]{1,3}(?=\p{L})")
# The full stop that ends the list ("Dr." and "St." end none), and how far a list may run.
_LIST_END = deferred(r"(?<!\b(?:Dr|Prof|Mr|Ms|Mrs|Mx|St|Hon|Rev|Jr|Sr|\p{Lu}))\.(?=\s{1,3}[\p{Lu}\d\"“(]|\s*$)|\n\s*\n")
_LIST_REACH = 1000
# How far into a text a colon list of people is looked for.
_COLON_REACH = 6000
# The parts of a list: "A, professor of X; B of Y; and C".
_LIST_PARTS = deferred(r";\s{0,3}(?:and\s{1,3})?")
# Words before a colon that say a list of people follows.
_PEOPLE_WORDS = deferred(r"(?i)\b(?:people|panel(?:l)?ists|speakers|experts|guests|scholars|researchers|"
                         r"presenters|voices|practitioners|leaders|authors|historians|scientists|"
                         r"brings\s{1,3}together|joined\s{1,3}by)\b")
# "Ada Roe, general manager of the X District": a post in lower case, then where it is held.
_ROLE_OF_ORG = deferred(r",\s{1,3}(?:an?\s|the\s)?[\p{Ll}\s\-]{2,60}?\s(?:of|for|at|with)\s{1,3}(?:the\s{1,3})?"
                        r"(?P<org>\p{Lu}[\p{L}\p{M}&'’\-]{0,40}(?:\s{1,3}(?:of|for|and|on|the|&|\p{Lu}[\p{L}\p{M}&'’\-]{0,40})){0,8})\s*$")
# A part's opening words: what the person is (lower case), an honorific, then the name.
_DESCRIBED_OPENING = deferred(r"^(?:[\p{Ll}\-]{2,20}\s{1,3}){0,4}(?P<honorific>(?:Dr|Prof|Professor|Mr|Ms|Mrs|Mx|Rev|Hon)\.?\s{1,3})?"
                              r"(?P<name>\p{Lu}[\p{L}\p{M}'’\-]{1,30}(?:\s{1,3}\p{Lu}[\p{L}\p{M}'’.\-]{0,30}){1,3})")


def _part_affiliation(part: str, name: str) -> str | None:
    """Return where the person of a list part works: "Ada Roe, Wexley City Council", "Ada Roe,
    professor of law at the X", "Ada Roe of the X", "Ada Roe, general manager of the X"."""
    at = part.find(name)
    parsed = parse_person(part[at:])
    if parsed is not None and parsed.affiliation and same_person(parsed.name, name):
        return parsed.affiliation
    role = _ROLE_OF_ORG.match(part, at + len(name))
    return affiliation_beside_name(part, name) or (role.group("org").strip() if role else None)


def _described_person(part: str) -> tuple[str, bool] | None:
    """Return the person a list part names first and whether a known given name or an
    honorific makes it sure: "fire ecologist Dr. Ada Roe of the X" gives ("Ada Roe", True);
    None when no name opens the part."""
    match = _DESCRIBED_OPENING.match(part)
    if match is None:
        return None
    words = match.group("name").split()
    # "Council Member Ada Roe": a post in capitals may come before the name.
    for skip in range(min(3, len(words) - 1)):
        name = clean_name(" ".join(words[skip:]))
        if is_person_name(name) and (has_known_given_name(name) or match.group("honorific") and not skip):
            return name, True
    name = clean_name(match.group("name"))
    return (name, False) if is_person_name(name) else None


# What "will introduce" is followed by when its subject introduces a speaker: "the speaker",
# "the lecture", "him", or a name.
_INTRODUCES_SOMEONE = deferred(r"\s{1,3}(?:(?:the|our|this\s(?:year's|evening's))\s{1,3}(?:\w+\s{1,3})?"
                               r"(?:speakers?|lecturer|lecture|guest|panel(?:ists)?|evening|program(?:me)?|"
                               r"keynote|address|talk)\b|him\b|her\b|them\b|\p{Lu})")
# "meet with the speaker, ...", "to contact the speaker, ...": the speaker as an object, after
# which the sentence names someone else.
_SPEAKER_AS_OBJECT = deferred(r"(?i)\b(?:with|meet|contact|to|for|thank)\s{1,3}$")


# The cues whose speaker is a pronoun ("in this talk she"): the sentence names the person.
_PRONOUN_CUES = frozenset({"speaker_after.in_this_talk_pronoun",
                           "speaker_after.in_this_kind_of_talk_pronoun"})


def _sentence_before(text: str, start: int) -> str:
    """Return the sentence that runs up to ``start``, across the line breaks of hard-wrapped
    text but not across a blank line.

    >>> _sentence_before("Doors at six. Ada Roe, who\\nwrites, will speak", 40)
    'Ada Roe, who\\nwrites, will '
    """
    left = text[max(0, start - _SENTENCE_REACH):start]
    if "\n\n" in left:
        left = left[left.rfind("\n\n") + 2:]
    return _SENTENCE_BOUNDARY.split(left)[-1]


# How far before a cue the sentence that names its speaker is read.
_SENTENCE_REACH = 400


def _sentence_subject(ann: Announcement, start: int) -> tuple[Person, tuple[int, int]] | None:
    """Return the first person the sentence before ``start`` names, when a known given name
    says it is a person ("Retired county surveyor Ada Roe has spent ...")."""
    sentence = _sentence_before(ann.text, start)
    found = first_person_name(sentence, start - len(sentence))
    if found is None or not has_known_given_name(found[0]):
        return None
    name, name_start, name_end = found
    return Person(name, None), (name_start, name_end)


def _invites_to_join(text: str, start: int, end: int) -> bool:
    """Return whether "join" at ``start`` invites the reader to join a named guest: it opens a
    sentence or clause ("Join Ada Roe for ...", "..., join Ada Roe") and is followed by no
    "us", "the ...": "Firestone will join Ada Roe" has a subject, "Join us" names nobody."""
    window = text[max(0, start - 3):start]
    before = window.rstrip()
    # "... for curious people" / blank / "Join Dr Ada Roe ...": a capital "Join" opens its line.
    opens_line = "\n" in window[len(before):] and text[start:start + 1].isupper()
    opens = not before or before[-1] in ".!?,:;\n" or start - len(before) == 0 or opens_line
    return opens and _NOT_A_GUEST.match(text, end) is None


# A sentence begins after . ! ? and a space, but not after "Dr." or "Prof.".
_SENTENCE_START = deferred(r"(?<=[.!?])(?<!\b(?:Dr|Prof|Mr|Mrs|Ms|Mx|St|Jr|Sr|Rev)\.)\s+(?=\p{Lu})")


def _people_before(ann: Announcement, start: int, *,
                   first: bool = True) -> list[tuple[Person, tuple[int, int]]]:
    """Return the speakers named before a cue: "A (X) and Prof. B (Y) will present" gives
    both; otherwise the one person _person_before finds (``first``: no speaker is found yet)."""
    left = ann.text[max(0, start - _SENTENCE_REACH):start]
    left = left[left.rfind("\n\n") + 2:] if "\n\n" in left else left
    flat = " ".join(_SENTENCE_START.split(left)[-1].split())
    if _PRONOUN_END.search(flat):
        return []  # "First, drawing on my research, I will show ...": the speaker's own words
    if " and " in flat or ";" in flat:
        named = _without_lead_in(flat)
        listed = _shared_institution(named, parse_people(named))
        if len(listed) > 1 and all(has_known_given_name(p.name) or p.affiliation for p in listed):
            return [(p, (start - len(flat), start)) for p in listed]
        described = parse_described_list(flat)
        if len(described) > 1:
            # "Architect Ada Roe, curator and historian Bo Okafor, and writer Cy Dunn join ..."
            return [(p, (start - len(flat), start)) for p in described]
    found = _person_before(ann, start, first=first)
    return [found] if found else []


# What may open a sentence before the people it names: a label line over it ("Original
# listing: "), when ("This month, ", "On Friday, ") and what they are, in the plural
# ("Geologists ", "Two historians ").
_LEAD_IN = deferred(r"^(?:[\p{L} ]{2,40}:\s)?(?:(?:This|Next|Tonight|Today|On)\b[^,]{0,25},\s)?"
                    r"(?:(?:Two|Three|Four|Both)\s)?(?P<plural>\p{L}{3,20}s)?\s?")


def _without_lead_in(flat: str) -> str:
    """Return a sentence's people without the words before them: "This month, A and B" gives
    "A and B", "Geologists Dr. A and Dr. B" gives "Dr. A and Dr. B"."""
    lead = _LEAD_IN.match(flat)
    plural = lead.group("plural")
    if plural and plural.lower()[:-1] not in rules.gazetteer("position_words"):
        return flat[lead.start("plural"):]  # "Thomas Reed and ...": a name, not what they are
    return flat[lead.end():].lstrip(" ,")


# "Dr. A and Dr. B of X University": one institution after both names.
_PAIR_OF_ONE_PLACE = deferred(r"^[^,;]{3,80}\sand\s[^,;]{3,80}?\s(?:of|from)\s\p{Lu}[^,;]{2,100}$")


def _shared_institution(text: str, people: list[Person]) -> list[Person]:
    """Return ``people`` with the institution written once after two names given to both."""
    if len(people) == 2 and people[0].affiliation is None and people[1].affiliation and \
            _PAIR_OF_ONE_PLACE.match(text):
        return [Person(people[0].name, people[1].affiliation), people[1]]
    return people


def _person_before(ann: Announcement, start: int, *,
                   first: bool = True) -> tuple[Person, tuple[int, int]] | None:
    sentence = _sentence_before(ann.text, start)
    dateline = DATELINE.match(sentence)
    if dateline:
        sentence = sentence[dateline.end():]
    sentence_start = start - len(sentence)
    flat = " ".join(sentence.split())
    match = _NAME_BEFORE.search(flat)
    if match and _inside_quotes(flat, match.start("name")):
        # 'Ada Roe, whose first novel, "The Lamplighter's Daughters," won ..., will read': the
        # quoted title of a book is no one's name; the sentence opens with the speaker's.
        match = None
        opening = _NAME_SUBJECT.match(flat)
        name = clean_name(opening.group("name")) if opening else ""
        if opening and is_person_name(name) and has_known_given_name(name):
            return Person(name, None), (sentence_start, start)
    if match and _ARTICLE_BEFORE.search(flat, 0, match.start("name")) and \
            match.group("name").split()[0].rstrip(".").lower() not in rules.gazetteer("honorifics"):
        match = None  # "arguing over the Vermont River will share": a thing ("the Rev. X" is one)
    if match:
        name = _trim_descriptors(clean_name(match.group("name")))
        head = _HEAD_OF.search(flat, 0, match.start("name"))
        if is_person_name(name) and not (head and is_institution(head.group("head"))):
            aff = _prose_affiliation(match) or _premodifier_affiliation(
                flat[:match.start("name") + match.group("name").find(name)])
            return Person(name, aff), (sentence_start, start)
    opening = _NAME_SUBJECT.match(flat) if match is None and first else None
    if opening:
        # "Historian Ada Roe, professor of history at X and author of Y: A, B and C, will be
        # joined by ...": the sentence opens with the speaker, her appositive runs to the cue.
        # Only for the first speaker: a later one may be the next event's.
        name = _trim_descriptors(clean_name(opening.group("name")))
        if is_person_name(name) and has_known_given_name(name):
            appositive = flat[opening.end():].rstrip(" ,")
            aff = pick_affiliation(_APPOSITIVE_SPLIT.split(appositive))
            return Person(name, aff and institution_before_clause(aff)), (sentence_start, start)
    bare = _SURNAME_BEFORE_CUE.search(flat)
    if bare:
        # "Okafor will discuss": a surname alone, named in full elsewhere in the text.
        full = full_name(ann.text, bare.group("surname"))
        if full:
            return Person(full, None), (sentence_start, start)
    subject = _SURNAME_SUBJECT.match(flat)
    if subject:
        # "Okafor, a visionary author and ..., will discuss": the surname of someone named in
        # full earlier in the text.
        full = full_name(ann.text[:start], subject.group("surname"))
        if full:
            return Person(full, None), (sentence_start, start)
    return None


# "Roe's lecture", "Okafor-Lind’s talk": the talk of someone named by surname.
_POSSESSIVE_TALK = deferred(r"\b(?P<surname>\p{Lu}[\p{Ll}]{1,30}(?:-\p{Lu}[\p{Ll}]{1,30})?)['’]s\s"
                            r"(?:lecture|talk|presentation|address|keynote|reading|seminar|colloquium)\b")
# "In this illustrated lecture, ", "In her talk, ", "In tonight's keynote, ": before the person
# who gives it, the subject of the sentence.
_IN_THIS_TALK = deferred(r"\bIn\s(?:this|her|his|their|tonight['’]s|today['’]s)\s(?:[\p{Ll}\-]{2,20}\s){0,2}"
                         r"(?:lecture|talk|presentation|seminar|webinar|address|keynote|session),\s{1,3}")
# "The series continues on April 24 with", "next month's speaker": a later event's speaker.
_NEXT_EVENT = deferred(r"(?i)\b(?:series|season|program(?:me)?)\s(?:continues|resumes)\b[^.!?\n]{0,100}$|"
                       r"\bnext\s(?:week|month|time)\b[^.!?\n]{0,60}$")
_WELCOME_FROM = deferred(r"\s{1,3}(?i:from|by)\b")
_WHO_CHAIRS = deferred(r"[^.;\n]{0,60}?,?\s{1,3}who\s{1,3}will\s{1,3}(?:chair|introduce|moderate|host|"
                       r"open|welcome)\b")
_QUOTE_CLOSED = deferred(r"[\"”][,.]?\s{1,3}(?:said|says|added|adds)\b")
# A sentence that opens with a name and a comma: "Ada Roe, whose first novel ...".
_NAME_SUBJECT = deferred(r"^(?:\p{Lu}[\p{Lu} .'’]{1,40},\s{0,3}\p{Lu}[\p{L}.]{1,6}\s{0,3}(?:--|—|–)\s{0,3})?"
                         r"(?P<name>\p{Lu}[\p{L}'’\-]{1,30}(?:\s\p{Lu}[\p{L}.'’\-]{0,30}){1,3}),\s")


# Where the clauses of an appositive part: "a former economist of X who is now a fellow at Y".
_APPOSITIVE_SPLIT = deferred(r",|\s(?:who|is|has)\s")


def _inside_quotes(text: str, at: int) -> bool:
    """Return whether ``at`` stands inside a double-quoted passage of ``text``."""
    before = text[:at]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


# "Lakeshore University dean of engineering Ada Roe", "Caltech astronomer Ada Roe": where the
# person works, then what they are, right before the name.
_PREMODIFIER = deferred(r"(?:^|[\s,;(])(?P<org>\p{Lu}[\p{L}.&'’\-]{0,40}(?:\s\p{Lu}[\p{L}.&'’\-]{0,40}){0,4})"
                        r"\s(?P<role>(?:\p{Ll}[\p{Ll}\-]{0,30}\s){1,6})$")


def _premodifier_affiliation(before: str) -> str | None:
    """Return the institution of "Lakeshore University dean of engineering <Name>" from the text
    right before a name, when the words between open with a position ("Lakeshore presents
    acclaimed author <Name>" has a verb there)."""
    match = _PREMODIFIER.search(before[-200:])
    if match is None:
        return None
    org, role = match.group("org"), match.group("role").split()
    heads = rules.gazetteer("position_heads") | rules.gazetteer("position_words")
    if role[0] not in heads or org.split()[0] in {"The", "A", "An", "This"} \
            or is_person_name(org) and has_known_given_name(org):
        return None
    return org if is_institution(org) or org.isupper() or len(org.split()) >= 2 else None


def _prose_affiliation(match: regex.Match[str]) -> str | None:
    """Return the affiliation beside a name in prose: "(Institution)", ", of Institution,",
    "of the Institution"; whatever stands in parentheses counts unless it is a position."""
    paren = match.group("paren")
    if paren:
        if is_position(paren):
            return None
        # "(Department of History of Science, University of Wexley)": the institution; an
        # institute or a lab before it stays ("Lakes Institute, University of X").
        first = paren.split(",", 1)[0]
        unit_first = "," in paren and (is_unit_only(first) or is_position(first))
        return (pick_affiliation(paren.split(",")) if unit_first else None) or paren.strip()
    aff = match.group("aff") or match.group("of")
    if not aff:
        return None
    of = _OF_AFF.match(aff.strip())
    return pick_affiliation((of.group("aff") if of else aff).split(",")) or \
        (aff.strip() if match.group("of") and is_institution(aff) else None)


def _trim_descriptors(name: str) -> str:
    """Return a name without the words before it that are no part of it.

    "Sociologist Ada Roe", "But Bo Okafor", "Activist Mara Lee Quint": leading
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


def full_name(text: str, surname: str) -> str | None:
    """Return the full name ending in ``surname`` that ``text`` mentions first, if any."""
    # Name words, or initials ("M.R.C."); a word with a full stop ends a sentence, not a name.
    pattern = compile_pattern(r"(?:(?:\p{Lu}[\p{L}\p{M}'’\-]*|\p{Lu}\.(?:\p{Lu}\.)*)\s+){1,3}"
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
    # "Dr." and "Prof." end no clause.
    # "The panelists are:" over a list of lines: the bullets go, the lines join.
    listed = _LINE_BULLET.sub("", ann.text[end:end + 700])
    right = _LIST_OPENING.sub("", _TITLE_DOT.sub(r"\g<title>", " ".join(listed.split())))
    right = _INITIALISM.sub(lambda m: m.group().replace(".", ""), right)  # "D.C.", "U.S."
    clause = _CLAUSE.match(right)  # ";" separates the people of a list
    if clause is None:
        return []
    text = clause.group()
    # In a list parted by semicolons the clause goes on only after the last person.
    last_part = text.rfind(";") + 1
    for tail in _CLAUSE_TAIL.finditer(text, last_part):
        # "A (Institute for X) and B for an evening": the clause goes on after the names, but
        # not inside parentheses.
        if text.count("(", 0, tail.start()) == text.count(")", 0, tail.start()):
            text = text[:tail.start()]
            break
    people = parse_people(text.strip(" ,"))
    if len(people) > 1 and people[-1].affiliation and not any(p.affiliation for p in people[:-1]) \
            and _SHARED_FROM.search(text):
        # "Dr A and Dr B from the Marsh Trust": the place after the last name is both of theirs.
        people = [Person(p.name, people[-1].affiliation) for p in people]
    return people


# The colon between a cue and the list it opens, and the bullets of the list's lines.
_LIST_OPENING = deferred(r"^\s{0,3}:")
_LINE_BULLET = deferred(r"(?m)^[ \t]{0,4}[-•*▪◦][ \t]{1,3}")
# "A and B from the X", "A and B, both of X": one place said once after the last of two names.
_SHARED_FROM = deferred(r"\sand\s[^,;()]{3,60}?\s(?:from|of|at)\s(?:the\s)?\p{Lu}[^,;()]{2,80}$")


def _person_after(ann: Announcement, end: int) -> tuple[Person, tuple[int, int]] | None:
    right = ann.text[end:end + 200]
    # An honorific name further on stands on the cue's line ("Welcome – Ada Roe, Director" names
    # no one of the agenda's next line), and is read whole, past the search's bound.
    line_end = right.find("\n")
    honorific = _HONORIFIC_NAME.search(right[:min(120, len(right) if line_end < 0 else line_end)])
    match = _NAME_AFTER.match(right) or (honorific and _HONORIFIC_NAME.match(right, honorific.start()))
    if not match:
        # "presented by professor of Nordic studies Anna Berglund": a name behind a position
        # phrase, trusted only with a known given name.
        clause = _PUNCTUATION.split(" ".join(right.split()), maxsplit=1)[0]
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
    if aff and match.groupdict().get("aff") and right[match.end():match.end() + 1].isalpha():
        # Cut off mid-word at the length bound: not the whole affiliation, unless the cut falls
        # in a clause about the person after it ("a pharmacist with X who has spent ...").
        aff = before_clause_about_person(aff)
    if aff and match.groupdict().get("aff") and is_degree(aff):
        # "Dr. Ada Roe, MD, PhD, Professor of Surgery at X": past the degrees.
        aff = affiliation_beside_name(ann.text, name)
    aff = pick_affiliation(aff.split(",")) if aff else None
    of = match.groupdict().get("of")
    if of:
        of = institution_before_clause(of)  # "of Example University as she discusses ..."
    if aff is None and of and is_institution(of):
        # "a talk by Ada Roe of the Lakeshore Field Station, titled ..."; "from the Centre
        # for X at Lakeshore University": the university the unit belongs to.
        aff = pick_affiliation([of.strip()]) or of.strip()
    return Person(name, aff), (end + match.start("name"), end + match.end("name"))
