"""Reading people out of short strings: "Name", "Name (Affiliation)", "Name, Position, Institution".

Shared by the SUMMARY reader, label lines and prose rules. Pure functions over strings.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .. import rules
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..shapes import (NAME_CACHE_SIZE, has_known_given_name, is_degree, is_institution,
                      is_person_name, is_position, is_unit_only, strip_honorifics)

# Call-time patterns, each compiled once, at its first use.
# Words that open a list part before the institution ("both of the", "and", "at").
# "both of the X", "ambos del X", "beide von der X": the institution of every person listed.
_PART_OPENER = deferred(r"^(?:(?:both|all|ambos|ambas|todos|beide|entrambi|tous\s+deux|toutes\s+deux)\s+"
                        r"(?:(?:of|from|at|de|del|da|do|von|vom|di|della)\s+)?(?:the\s+|la\s+|der\s+)?|"
                        r"(?:and|at|of|from)\s+)")
# " at " or " @ " before where a position is held. A match starts at the first blank of a run
# ("(?<!\s)"), as the leftmost match did anyway: that keeps a long run of blanks linear.
# "Scientist @Org", the Italian "ricercatore presso l'Università di X" and the German "bei" too.
_AT = deferred(r"(?<!\s)\s+(?:at\s+|@\s*|presso\s+(?:l['’]|la\s+|il\s+|lo\s+)?|bei\s+(?:der\s+)?)"
               r"(?:the\s+)?")
# A part in lower case that is no "and ...": "laboratoire TERRA" after its university.
_LOWER_UNIT = deferred(r"^\s{0,3}(?!(?:and|et|und|y|e)\s)\p{Ll}")
# A position, then the institution in parentheses: "doctoral student (Lakeshore University)".
_POSITION_THEN_PAREN = deferred(r"^(?P<position>[^()]{2,60}?)\s{1,3}\((?P<org>[^()]{2,100})\)$")
# An acronym alone in the brackets: the short name of what stands before it.
_BRACKETED_ACRONYM = deferred(r"\p{Lu}[\p{Lu}&\-]{1,9}")
# The same after an occupation in lower case: "a senior hydrologist with the ...".
_WITH = deferred(r"(?<!\s)\s+with\s+(?:the\s+)?")
# Where a post is held, in other languages: "astrónoma del Observatorio X", "chercheuse au
# Laboratoire Y", "ricercatrice presso l'Università Z", "Leiterin der Gruppe am Institut W",
# "professora da Universidade V", "advocaat bij X", "handläggare vid Y". affiliations.py reads
# the same words after a name.
HELD_AT_ABROAD = (r"del|de\s{1,3}la|de\s{1,3}l['’]|en\s{1,3}el|en\s{1,3}la|du|au|à\s{1,3}la|à\s{1,3}l['’]|"
                  r"presso(?:\s{1,3}(?:il|la|l['’]))?|della|dell['’]|do|da|na|no|"
                  r"am|an\s{1,3}der|an\s{1,3}dem|beim|bei\s{1,3}der|bei\s{1,3}dem|vom|von\s{1,3}der|"
                  r"bij|aan\s{1,3}de|aan\s{1,3}het|vid|hos")
_HELD_AT = deferred(rf"(?<!\s)\s+(?:{HELD_AT_ABROAD})\s*")
# "a geriatric pharmacist", "an epidemiologist": one person's occupation, in lower case.
_OCCUPATION = deferred(r"^an?\s(?:\p{Ll}[\p{Ll}\-]{1,25}\s){0,2}\p{Ll}[\p{Ll}\-]{2,25}$")
_FROM = deferred(r"(?<!\s)\s+from\s+(?:the\s+)?")  # the same, before where a guest is from
# A word of a name, for comparing two names.
_WORD = deferred(r"\w+")

_PAREN_TAIL = deferred(r"^(?P<name>[^()]{3,80}?)\s*[(\[](?P<aff>[^()\[\]]{2,160})[)\]]\s*"
                       r"(?P<rest>.*)$")
# "Name of Institution" (the name's words are capitalised, "of" is not).
_NAME_OF = deferred(r"^(?P<name>(?:[\p{Lu}][\p{L}\p{M}'’.\-]{0,40}\s{1,3}){1,4}?[\p{Lu}][\p{L}\p{M}'’\-]{0,40})"
                    r"\s{1,3}(?:of|from|at)\s{1,3}(?:the\s{1,3})?(?P<aff>\p{Lu}.{2,120})$")
# Lower-case words before a name in a list: "artist Ada Roe", "and historian Bo Okafor".
# A lower-case note in parentheses at the end of a person's entry: "(study consultant)".
_LOWER_NOTE = deferred(r"(?<=\S)\s{0,3}\(\p{Ll}[\p{Ll}\s\-]{1,40}\)\s{0,3}\.?$")
_LOWER_DESCRIPTOR = deferred(r"^(?:\p{Ll}[\p{Ll}\-]{1,30}\s{1,3}){1,3}(?=\p{Lu})")
# A name's particle is no role ("Ada de Barra MRIA" is not "Barra MRIA").
_NAME_AFTER_ROLE = deferred(r"^.{0,80}?(?<!\S)(?!(?:with|by|and|of|for|on|at|to|from|featuring|in|"
                              r"the|a|an|presents|meets|hosts|welcomes|"
                              r"de|da|di|del|der|den|du|des|dos|le|la|van|von|ten|ter)\s)"
                              r"\p{Ll}[\p{Ll}\-]{1,30}\s{1,3}(?P<name>\p{Lu}[\p{L}\p{M}'’\-]{1,30}"
                              r"(?:\s{1,3}(?:\p{Lu}[\p{L}\p{M}'’.\-]{0,30}|de|da|di|del|le|la|van|von)){1,3})$")
# "and" in the label languages too: und, et, y, e, en, och, og.
_LIST_SPLIT = deferred(r"(?<!\s)\s*(?:;|\band\b|&|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\boch\b|\bog\b)\s*")
_STATUS = deferred(r"^(?:CANCELL?ED|Cancell?ed|POSTPONED|Postponed|RESCHEDULED|"
                   r"Rescheduled|UPDATED?|NEW)\b[\s:!\-]*")
_NATIVE_SCRIPT = deferred(r"(?<!\s)\s*[(（][^()（）]*[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]"
                          r"[^()（）]*[)）]")


@dataclass(frozen=True)
class Person:
    name: str
    affiliation: str | None = None


def find_whole_name(text: str, name: str, start: int = 0) -> int:
    """Return where ``name`` stands whole in ``text`` (not inside a longer word or a hyphenated
    name), from ``start`` on, or -1.

    >>> find_whole_name("Ada Roe-Park and Ada Roe spoke", "Ada Roe")
    17
    """
    at = text.find(name, start) if name else -1
    while at >= 0:
        before, after = text[at - 1:at], text[at + len(name):at + len(name) + 1]
        if not _WORD_CHAR.match(before) and not _WORD_CHAR.match(after):
            return at
        at = text.find(name, at + 1)
    return -1


def surname_of(name: str) -> str:
    """Return the last word of a name before a generational suffix ("Roe" of "Ada Roe, Jr.")."""
    suffixes = rules.gazetteer("name_suffixes")
    words = [w.strip(",") for w in name.split()]
    while len(words) > 1 and words[-1].rstrip(".").lower() in suffixes:
        words.pop()
    return words[-1]


def with_generational_suffix(name: str, text: str) -> str:
    """Return ``name`` with the generational suffix the text writes after it ("Ada B. Roe
    Jr.", "Bo K. Okafor, 3rd"): it belongs to the name, as a degree does not.

    >>> with_generational_suffix("Bo K. Okafor", "Speaker:  Bo K. Okafor, 3rd\\nRoom 12")
    'Bo K. Okafor, 3rd'
    >>> with_generational_suffix("Ada Roe", "Ada Roe, Jrnl of Tides")
    'Ada Roe'
    """
    suffixes = rules.gazetteer("name_suffixes")
    if not name or name.split()[-1].rstrip(".").lower() in suffixes:
        return name  # the suffix is written already
    at = find_whole_name(text, name)
    while at >= 0:
        after = _SUFFIX_AFTER.match(text, at + len(name))
        if after and after.group("suffix").rstrip(".").lower() in suffixes:
            return name + after.group().rstrip()
        at = find_whole_name(text, name, at + 1)
    return name


_WORD_CHAR = deferred(r"[\w\-]")
# What may follow a name as its generational suffix: ", 3rd", " Jr.", " III".
_SUFFIX_AFTER = deferred(r",?[ \t](?P<suffix>[\p{L}\d]{1,3}\.?)(?![\w\-])")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def clean_name(text: str) -> str:
    """Return a name without honorifics, degrees, quotes or a native-script twin in parentheses.

    >>> clean_name("Dr. Ji-woo Park (박지우), PhD")
    'Ji-woo Park'
    >>> clean_name("the Lakeshore Presidency. Ada Roe"), clean_name("Dr. Ada B. Roe")
    ('Ada Roe', 'Ada B. Roe')
    >>> clean_name("Prof K.Moss"), clean_name("Lakeshore College’s Ada Roe")
    ('K. Moss', 'Ada Roe')
    >>> clean_name("marine ecologist Dr Bryn Quarrie"), clean_name("his mentor and professor Ada Roe")
    ('Bryn Quarrie', 'his mentor and professor Ada Roe')
    """
    text = _STATUS.sub("", _without_native_script(_without_class_year(text)).strip())
    text = text.strip().strip("\"'“”‘’*").strip()
    # A sentence ends at ".", "!" or "?": a name without one needs no look for it.
    sentence_end = _SENTENCE_IN_NAME.match(text) if "." in text or "!" in text or "?" in text \
        else None
    if sentence_end and is_person_name(text[sentence_end.end():].strip(" ,;:")):
        text = text[sentence_end.end():]  # "... the Presidency.\" Ada Roe": the name only
    if "." in text:
        text = _GLUED_INITIAL.sub(r"\1. ", text)  # "K.Gopinath" is "K. Gopinath"
    if text[:1].islower() and (lead := _LOWER_LEAD.match(text)) and \
            _FUNCTION_WORDS.isdisjoint(lead.group().split()):
        # "marine ecologist Dr Ada Roe": an occupation in lower case before the honorific (not
        # a clause: "his mentor and professor Ada Roe").
        rest = strip_honorifics(text[lead.end():])
        if is_person_name(rest) and (rest != text[lead.end():] or has_known_given_name(rest)):
            text = text[lead.end():]  # an honorific or a known given name opens the rest
    name = _without_leading_descriptor(strip_honorifics(text).strip(" ,;:-–—"))
    if "s " in name and (possessive := _OWNER_BEFORE_NAME.match(name)):
        # "Lakeshore College's Ada Roe": the name after its owner.
        owned = clean_name(possessive.group("rest"))
        if is_person_name(owned) and has_known_given_name(owned):
            return owned
    return name


_FUNCTION_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "to", "for", "with", "by", "his",
                            "her", "their", "its", "our", "my", "your", "who", "is", "was"})
# Lower-case words before a capitalised one: "marine ecologist Dr Ada Roe".
_LOWER_LEAD = deferred(r"(?:\p{Ll}[\p{L}\-]{1,20}\s{1,3}){1,4}(?=\p{Lu})")
# A capitalised owner in the possessive before a name: "Lakeshore College's Ada Roe".
_OWNER_BEFORE_NAME = deferred(r"(?P<owner>(?:\p{Lu}[\p{L}&.\-]{0,30}\s){0,5}\p{Lu}[\p{L}&.\-]{0,30})['’]s\s+"
                              r"(?P<rest>\p{Lu}.{3,200})$")
# An initial glued to the surname after it.
_GLUED_INITIAL = deferred(r"(?<![\p{L}.])(\p{Lu})\.(?=\p{Lu}\p{Ll})")


# An alumna's class year after her name ("Ada Roe '98", "Bo Okafor '11, MBA '16", "P'27"): no
# part of the name or of where she works.
_CLASS_YEAR = deferred(r"(?:\s(?:[A-Z]{1,4}|P))?\s?['’]\d{2}\b(?![’'\w])")


# A lower-case note in parentheses between a name and the comma after it.
_NOTE_AFTER_NAME = deferred(r"^(?P<name>[^(),]{3,80}?)\s{0,3}\((?:[\s,;]{0,3}\p{Ll}[^()]{0,80})?\)(?=\s{0,3},)")
_DEGREE_AFTER_NAME = deferred(r"^(?P<name>[^(),]{3,80}?)\s{0,3}\((?P<degree>[^()]{2,30})\)(?=\s{0,3},)")


def _without_class_year(text: str) -> str:
    """Return ``text`` without class years; most names have no apostrophe, which is
    tested before the pattern is run."""
    return _CLASS_YEAR.sub("", text) if "'" in text or "’" in text else text


def _without_native_script(text: str) -> str:
    """Return ``text`` without a native-script twin in parentheses; most names have no
    parenthesis, which is tested before the pattern is run."""
    return _NATIVE_SCRIPT.sub("", text) if "(" in text or "（" in text else text


# The end of a sentence inside a "name": a word of two lower-case letters or more, then a full
# stop ("Presidency. Ada Roe"); initials ("Ada B. Roe") and honorifics ("Dr.") have none.
_SENTENCE_IN_NAME = deferred(r"^.{0,200}?\p{Ll}{2}[.!?][\"”’']{0,2}\s{1,3}(?=\p{Lu})")


# Words that open a sentence before a name rather than belong to it ("But Ada Roe will ...").
# The words that join a guest to a title: "Title - with Master Gardener Ada Roe".
_GUEST_JOINERS = frozenset({"with", "featuring"})
_SENTENCE_OPENERS = frozenset({"but", "and", "also", "then", "now", "so", "yet", "while", "when",
                               "if", "as", "today", "tonight", "here", "there", "meanwhile"})


# The endings of occupations ("musicologist", "librarian", "cartographer"), which no gazetteer
# can list in full.
_OCCUPATION_ENDING = deferred(r"(?:ist|ian|grapher|logue)$")


def _without_leading_descriptor(name: str) -> str:
    """Return ``name`` without a leading occupation or sentence word ("Activist Ada Roe",
    "But Ada Roe") when the rest opens with a known given name.

    >>> _without_leading_descriptor("Novelist Ada Mae Roe"), _without_leading_descriptor("Ada Roe")
    ('Ada Mae Roe', 'Ada Roe')
    >>> _without_leading_descriptor("Historian Dr. Ada Roe")
    'Ada Roe'
    >>> _without_leading_descriptor("Musicologist Leopold Hollenbeck")  # no gazetteer word
    'Leopold Hollenbeck'
    >>> _without_leading_descriptor("Textile artist Ada Roe")
    'Ada Roe'
    >>> _without_leading_descriptor("with Master Gardener Ada Roe")
    'Ada Roe'
    """
    tokens = name.split()
    if len(tokens) < 3:
        return name
    first = tokens[0].lower()
    if first in _GUEST_JOINERS and len(tokens) >= 4:
        # "with Master Gardener Ada Roe": the post after the joining word, then the name.
        rest = " ".join(tokens[1:])
        inner = _without_leading_descriptor(rest)
        if inner != rest:
            return inner
    if first in _SENTENCE_OPENERS or first in rules.gazetteer("position_heads") or \
            _OCCUPATION_ENDING.search(first) and not has_known_given_name(tokens[0]):
        rest = strip_honorifics(" ".join(tokens[1:]))  # "Historian Dr. Ada Roe"
        if has_known_given_name(rest):
            return rest
    second = tokens[1].lower()
    if len(tokens) >= 4 and not has_known_given_name(tokens[0]) and \
            (second in rules.gazetteer("position_heads") or _OCCUPATION_ENDING.search(second)):
        # "Master Gardener Ada Roe", "Textile artist Ada Roe": a post of two words
        rest = strip_honorifics(" ".join(tokens[2:]))
        if has_known_given_name(rest):
            return rest
    return name


# "... University and discoverer of ...", "... Institute, who ...": a clause that goes on about
# the person, not the institution, whose names go on in capitals ("Arts and Sciences").
_LOWER_TAIL = deferred(r"\s(?:and|who|where|whose)\s(?=\p{Ll})(?!(?:the|of|for|an?)\s)")


def before_clause_about_person(text: str) -> str | None:
    """Return ``text`` up to a clause about the person ("..., who has spent ..."), or None when
    it holds none: what precedes the clause is whole though the text was cut short after it.

    >>> before_clause_about_person("a pharmacist with Vale Health who has spent fifteen yea")
    'a pharmacist with Vale Health'
    """
    head = _LOWER_TAIL.split(text, maxsplit=1)[0]
    return head if head != text else None


def _without_lower_tail(part: str) -> str:
    """Return ``part`` without a clause about the person after the institution it names."""
    head = _LOWER_TAIL.split(part, maxsplit=1)[0]
    return head if head != part and (is_institution(head.rsplit(" at ", 1)[-1]) or
                                     _employer_of_occupation(head)) else part


def _employer_of_occupation(part: str) -> str | None:
    """Return X of "a geriatric pharmacist with X", a proper name that names no person."""
    with_tail = _WITH.split(part)
    if len(with_tail) == 2 and _OCCUPATION.match(with_tail[0]) and _is_proper_name(with_tail[1]) \
            and not has_known_given_name(with_tail[1]):
        return with_tail[1]
    return None


_SPACED_DASH = deferred(r"\s[–—]\s")
# Where the first of two posts ends: "Clinical Director and Specialist in Anaesthesia".
_POSTS_JOINED = deferred(r"\s(?:and|&)\s")


# The start of an address's last line: a state and ZIP code ("ME 04000", "Calif. 94720-1234"),
# a Canadian or British postcode ("K1A 0B1", "SW1A 1AA"), or a postcode before the town
# ("39999 Altwerden").
_POSTAL_ADDRESS = deferred(r"(?:\p{Lu}\p{L}{0,4}\.?\s{1,2}\d{5}(?:-\d{4})?|\p{Lu}\d\p{Lu}\s?\d\p{Lu}\d|"
                           r"\p{Lu}{1,2}\d[\p{Lu}\d]?\s\d\p{Lu}{2}|\d{4,5}\s\p{Lu}\p{Ll})\b")


def pick_affiliation(parts: list[str]) -> str | None:
    """Return the institution among comma-separated ``parts``, dropping positions and units.

    >>> pick_affiliation(["PhD student", "Department of Geology", "University of X"])
    'University of X'
    >>> pick_affiliation(["Department of Economics"])
    'Department of Economics'
    >>> pick_affiliation(["University of Lakeshore", "North Campus"])
    'University of Lakeshore, North Campus'
    >>> pick_affiliation(["professor at Lakeshore University and author of two books"])
    'Lakeshore University'
    >>> pick_affiliation(["who is visiting us this week from the Lakeshore Institute"])
    'Lakeshore Institute'
    >>> pick_affiliation(["Speech Interfaces Group", "Harbourline Telecom"])
    'Harbourline Telecom'
    >>> pick_affiliation(["immigration attorney – Lakeshore Legal Aid Center"])
    'Lakeshore Legal Aid Center'
    >>> pick_affiliation(["Staff ML Engineer at Brightloom"])
    'Brightloom'
    >>> pick_affiliation(["a senior hydrologist with the Lakeshore Water Institute"])
    'Lakeshore Water Institute'
    >>> pick_affiliation(["a geriatric pharmacist with Valley Ridge Health"])
    'Valley Ridge Health'
    >>> pick_affiliation(["a hydrologist with the Lakeshore Water Institute.\\n"])
    'Lakeshore Water Institute'
    >>> pick_affiliation(["state epidemiologist with the Tarrow Department of Health"])
    'Tarrow Department of Health'
    >>> pick_affiliation(["chief resilience officer for the City of Tarrow"])
    'City of Tarrow'
    >>> pick_affiliation(["executive director of Northside Neighbors", "a nonprofit that ..."])
    'Northside Neighbors'
    >>> pick_affiliation(["astrónoma del Observatorio Cerro Alto"])
    'Observatorio Cerro Alto'
    >>> pick_affiliation(["investigadora del Instituto de Cuencas (ICU)"])
    'Instituto de Cuencas'
    >>> pick_affiliation(["MD", "MPH"]) is None
    True
    >>> pick_affiliation(["postdoc", "Haddad lab"]) is None
    True
    >>> pick_affiliation(["Clinical Director and Specialist in Anaesthesia", "Tarrow Referrals"])
    'Tarrow Referrals'
    >>> pick_affiliation(["Senior Engineer", "Gorran Instruments", "Inc."])
    'Gorran Instruments, Inc'
    >>> pick_affiliation(["Tarrow Historical Museum", "ME 04000 United States"])
    'Tarrow Historical Museum'
    >>> pick_affiliation(["ME 04000 United States + Google Map"]) is None
    True
    """
    # "immigration attorney – Centro Legal del Valle": a spaced dash parts them as a comma does.
    parts = [q for p in parts for q in _SPACED_DASH.split(p)]
    parts = _with_legal_forms(parts)
    parts = [_without_unit_before(_without_lower_tail(p.strip(" .;\n\t"))) for p in parts if p.strip(" .;\n\t")]
    kept: list[str] = []
    units: list[str] = []
    after_positions: list[str] = []
    for index, part in enumerate(parts):
        part = _PART_OPENER.sub("", part)
        if is_degree(part):
            continue  # "MD, MPH": degrees, which an acronym's shape does not make an institution
        if _POSTAL_ADDRESS.match(part):
            continue  # "ME 04000 United States", "39999 Altwerden": an address's last line
        if _PI_LAB.fullmatch(part):
            continue  # "Haddad lab": a research group named after its head, no institution
        held = _POSITION_THEN_PAREN.match(part)
        if held and _BRACKETED_ACRONYM.fullmatch(held.group("org")) and is_institution(held.group("position")):
            part = held.group("position")  # "investigadora del Instituto X (IX)": X's acronym
        elif held and (held.group("position")[:1].islower() or is_position(held.group("position"))):
            part = held.group("org")  # "doktorand (Sjöstad University)": where the post is held
        at_tail = _AT.split(part)
        from_tail = _FROM.split(part) if part.startswith("who ") else []
        if len(from_tail) > 1 and is_institution(from_tail[-1]) and not is_unit_only(from_tail[-1]):
            # "who is visiting us this week from the Institute for X": where the guest is from.
            kept.append(from_tail[-1])
            continue
        if len(at_tail) > 1 and is_institution(at_tail[-1]) and not is_unit_only(at_tail[-1]):
            # "Professor of astronomy at the University of X": keep what follows " at ".
            kept.append(at_tail[-1])
            continue
        held_tail = _HELD_AT.split(part) if part[:1].islower() else []
        if len(held_tail) > 1 and is_institution(held_tail[-1]) and not is_unit_only(held_tail[-1]):
            kept.append(held_tail[-1])  # "astrónoma del Observatorio Cerro Alto"
            continue
        if len(held_tail) == 2 and len(held_tail[0].split()) <= 3 and \
                _is_proper_name(held_tail[1], fewest=1) and not has_known_given_name(held_tail[1]):
            # "advocaat bij Kroon & Roe Advocaten", "handläggare vid Länsstyrelsen": an occupation
            # held at a named body whose words say no kind of institution.
            kept.append(held_tail[1])
            continue
        with_tail = _WITH.split(part) if part[:1].islower() else []
        if len(with_tail) == 2 and (is_institution(with_tail[1]) and not is_unit_only(with_tail[1]) or
                                    _employer_of_occupation(part)):
            # "a senior hydrologist with the Lakeshore Water Institute", "a geriatric pharmacist
            # with Valley Ridge Health": where the post is held.
            kept.append(with_tail[1])
            continue
        if len(with_tail) == 2 and is_unit_only(with_tail[1]):
            # "state public health veterinarian with the Maskegon Department of Health": the
            # department the post is held in, without the post.
            units.append(with_tail[1])
            continue
        if len(at_tail) == 2 and is_position(at_tail[0]) and _is_proper_name(at_tail[1], fewest=1) and \
                not has_known_given_name(at_tail[1]):
            # "Staff ML Engineer at Quillmark": a position held at a company of one name.
            kept.append(at_tail[1])
            continue
        if opens_with_position(part):
            # "Director of the National Institute of X": the institution after the position,
            # unless another part names one ("Clinical Professor of Law and Director of the
            # Family Clinic, Lakeshore School of Law").
            tails = [part[m.end():] for m in _AFTER_POSITION.finditer(part)]
            # "officer for the City of Tarrow": the shortest tail that names an institution, as
            # the name itself may hold "of"; else the last.
            tail = next((t for t in reversed(tails)
                         if "(" not in t and is_institution(t) and not is_unit_only(t)),
                        tails[-1] if tails else part)
            # "Managing Director at Greyfin Capital": a proper name after "at" is where the
            # position is, though no gazetteer word says it is an organisation.
            if tail != part and (is_institution(tail) and not is_unit_only(tail) or
                                 " at " in part and _is_proper_name(tail) and not has_known_given_name(tail)):
                after_positions.append(tail)
            elif tails and index + 1 < len(parts) and _kind_of_body().match(parts[index + 1]) and \
                    _is_proper_name(tails[0]) and not has_known_given_name(tails[0]):
                # "executive director of Sandhollow Neighbors for Health, a nonprofit that ...":
                # the appositive says what the name after the position is.
                after_positions.append(tails[0])
            continue
        part = _without_trailing_position(part)
        if is_position(part):
            continue
        if is_institution(part):
            if is_unit_only(part):
                units.append(part)
            else:
                kept.append(part)
        elif kept and index == len(parts) - 1 or kept and _is_place_qualifier(part):
            # A campus or city qualifier that belongs to the institution before it.
            if _is_place_qualifier(part):
                kept[-1] = f"{kept[-1]}, {part}"
        elif index == len(parts) - 1 and index > 0 and _is_proper_name(part) and (units or any(
                is_position(p) or opens_with_position(p) or is_position(_POSTS_JOINED.split(p, 1)[0])
                for p in parts[:index])):
            # "Name, Associate Director, Lakeshore Public Humanities", "VP, Quality Assurance,
            # Norrhaven Foods", "Voice Interfaces Group, Brightmoor Telecom": the organisation of
            # the position or unit before it, whatever its name.
            kept.append(part)
    if len(kept) > 1 and any(k[:1].isupper() for k in kept):
        # "Université de X, laboratoire Y": a lab written in lower case is a unit of the other.
        kept = [k for k in kept if not k[:1].islower()]
    if kept:
        return kept[-1] if len(kept) > 1 and _PARENT_ORG.search(kept[-1]) else ", ".join(kept)
    if after_positions:
        return after_positions[-1]
    return units[-1] if units else None


def names_parent_body(text: str) -> bool:
    """Return whether ``text`` names a body that holds institutes and centres (a university, a
    college, a foundation, a company, a hospital)."""
    return _PARENT_ORG.search(text) is not None


# The body that holds the others in "Lakeshore Institute, Health Initiative, The Lakeshore
# Foundation" or "Centre X, University of Y": the last part, when it names such a body.
# A university's own name ("Pellston University", "Universität Hohenbrück", "University of X").
_UNIVERSITY_LAST = deferred(r"(?i)\b(?:university|universit(?:[éàä]t?|aet|y)|universidad|università)\b")
_PARENT_ORG = deferred(r"(?i)\b(?:university|universit(?:[éàä]t?|aet)|college|foundation|corporation|"
                       r"inc\.?|ltd\.?|llc|hospital|school of \w+)\b")


# "Cellular and Developmental Biology Lakeshore University", "Hematology & Oncology School of
# Medicine": a field's name run into the institution after it.
_TRAILING_INSTITUTION = deferred(
    r"^(?P<unit>.{3,80}?(?:\s(?:and|&)\s).{3,80}?)\s(?P<inst>(?:\p{Lu}[\p{L}'’.\-]{0,30}\s){1,3}"
    r"(?:University|College|Institute)|(?:University|School|College|Institute) of\s.{3,60})$")


# Endings of the names of fields of study ("Biology", "Economics", "Studies", "Medicine").
_FIELD_WORD = deferred(r"(?:ogy|ics|ies|ion|nce|ure|ine|ing|ism|ry|ts)$")


def _without_unit_before(part: str) -> str:
    """Return the institution of a part where a field's name (with "and" or "&" in it) runs
    straight into the institution, else the part."""
    match = _TRAILING_INSTITUTION.match(part)
    if match and (not is_institution(match.group("unit")) or is_unit_only(match.group("unit"))):
        words = match.group("inst").split()
        while len(words) > 2 and _FIELD_WORD.search(words[0]):
            words = words[1:]  # "Biology Lakeshore University": the field's last word goes
        return " ".join(words)
    return part


# An organisation by a word no office or team is called by ("Visitor Services Manager" is a
# position): a university, museum or lab, or an acronym.
_STRONG_ORG = deferred(r"\b(?:University|College|Institute|Museum|Hospital|Laborator(?:y|ies)|Labs?|"
                       r"Inc|Corporation|Foundation|School|\p{Lu}{2,6})\b")


# "Haddad lab", "the Feld-Sorensen lab": a group known by its head's name, "lab" in lower case.
_PI_LAB = deferred(r"(?:the\s)?\p{Lu}[\p{L}'’\-]{1,30}(?:\s\p{Lu}[\p{L}'’\-]{1,30})?\s(?:lab|group)")


def _with_legal_forms(parts: list[str]) -> list[str]:
    """Return ``parts`` with a company's legal form ("Gorran Instruments, Inc.") joined back to
    the name before it."""
    forms = rules.gazetteer("legal_forms")
    if len(parts) < 2 or not any(p.strip(" .").lower() in forms for p in parts[1:]):
        return parts
    joined = [parts[0]]
    for part in parts[1:]:
        if part.strip(" .").lower() in forms and joined[-1].strip():
            joined[-1] = f"{joined[-1].rstrip()}, {part.strip()}"
        else:
            joined.append(part)
    return joined


def _without_trailing_position(part: str) -> str:
    """Return the organisation of "Lakeshore AI & NYU Visiting Research Professor": a proper
    name, then a position ending in a position noun; else ``part``."""
    words = part.split()
    if len(words) < 2 or words[-1].lower() not in rules.gazetteer("position_heads"):
        return part
    degrees = rules.gazetteer("degrees")  # "MD Oncology Fellow": a degree, then the position
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if is_position(tail) and _STRONG_ORG.search(head) and is_institution(head) and \
                not is_person_name(head) and (cut > 1 or head.lower() not in degrees):
            return head
    return part


def _is_proper_name(part: str, *, fewest: int = 2) -> bool:
    """Return whether ``part`` is a name of ``fewest`` words or more, each capitalised but
    short function words."""
    tokens = [w for w in part.split() if w.lower() not in {"of", "for", "the", "and", "&", "de"}]
    return fewest <= len(tokens) <= 8 and all(t[:1].isupper() for t in tokens)


@cache
def _kind_of_body() -> regex.Pattern[str]:
    """Return the pattern of an appositive naming a kind of organisation: "a nonprofit that
    ...", "an engineering firm based in ..." (models/gazetteers/organisation_kinds.txt)."""
    kinds = sorted(rules.gazetteer("organisation_kinds"), key=lambda word: (-len(word), word))
    return compile_pattern(r"(?i)an?\s(?:[\w\-]{2,20}\s){0,2}(?:" + "|".join(map(regex.escape, kinds)) + r")\b")


_AFTER_POSITION = deferred(r"\s(?:of|at|for|with)\s(?:the\s)?(?=\p{Lu})")


def opens_with_position(part: str) -> bool:
    """Return whether ``part`` opens with a position and "of"/"in"/"for" ("Clinical Professor of
    Law", "Director of the Center"): at most two words before the position noun.

    >>> opens_with_position("Clinical Professor of Law and Director of the Clinic")
    True
    >>> opens_with_position("University of Lakeshore")
    False
    """
    tokens = part.lower().split()
    heads = rules.gazetteer("position_heads")
    return any(t in heads and tokens[i + 1] in {"of", "in", "for", "with", "at"}
               for i, t in enumerate(tokens[:3]) if i + 1 < len(tokens))


def _is_place_qualifier(part: str) -> bool:
    tokens = part.split()
    return 1 <= len(tokens) <= 3 and all(t[:1].isupper() for t in tokens) and \
        not is_institution(part) and not is_position(part)


_NICKNAME = deferred(r"(?<=\p{L})\s+\((?P<nick>\p{Lu}\p{Ll}{1,15})\)(?=\s+\p{Lu})")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def parse_person(text: str) -> Person | None:
    """Return the person in a short string, keeping a nickname in parentheses inside the name.

    >>> parse_person("Minseo (Max) Park (Some University)")
    Person(name='Minseo (Max) Park', affiliation='Some University')
    >>> parse_person("Ada Roe (MSc), Lakeshore Land Trust")
    Person(name='Ada Roe', affiliation='Lakeshore Land Trust')
    """
    nickname = _NICKNAME.search(text)
    if nickname is None:
        return _parse_person(text)
    # "Given (Nick) Surname": read the name without the nickname, then put it back.
    before = text[:nickname.start()].split()
    person = _parse_person(text[:nickname.start()] + text[nickname.end():])
    if person is None or not before or before[-1] not in person.name.split():
        return person
    given = person.name.split()
    at = given.index(before[-1]) + 1
    name = " ".join(given[:at] + [f"({nickname.group('nick')})"] + given[at:])
    return Person(name, person.affiliation)


def _parse_person(text: str) -> Person | None:
    """Return the person in "Name", "Name (Affiliation)" or "Name, Affiliation"; None if no name.

    >>> parse_person("Ada Lovelace (University of London)")
    Person(name='Ada Lovelace', affiliation='University of London')
    >>> parse_person("Prof. Ada Lovelace, Associate Professor, Analytical Engine Institute")
    Person(name='Ada Lovelace', affiliation='Analytical Engine Institute')
    >>> parse_person("Department of Geology") is None
    True
    >>> parse_person("historian Ines Roe of Lakeshore College")
    Person(name='Ines Roe', affiliation='Lakeshore College')
    >>> parse_person("astronomer Dr. Ada Roe of the Lakeshore Observatory")
    Person(name='Ada Roe', affiliation='Lakeshore Observatory')
    >>> parse_person("Lakeshore College’s Ada Roe")
    Person(name='Ada Roe', affiliation='Lakeshore College')
    """
    text = _STATUS.sub("", _without_native_script(_without_class_year(text.strip())))
    text = _dash_after_name_as_comma(text)
    if "s " in text and (possessive := _OWNER_BEFORE_NAME.match(text)):
        # "Ravelston College's Ada Roe": the college is where she is from.
        person = _parse_person(possessive.group("rest"))
        if person is not None and has_known_given_name(person.name):  # not "World's First Notebook"
            owner = possessive.group("owner")
            return Person(person.name, person.affiliation or (owner if is_institution(owner) else None))
    if "(" in text:
        text = _LOWER_NOTE.sub("", text)  # "..., Tallis & Morrow (study consultant)": a note
        # "Ada Roe ('02, mechanical engineering), a propulsion engineer at X": a note on the
        # person (the class year already gone) before what she is.
        text = _NOTE_AFTER_NAME.sub(r"\g<name>", text, count=1)
        # "Ada Roe (MSc), Lakeshore Trust": her degree in brackets, then where she is from.
        degree = _DEGREE_AFTER_NAME.match(text)
        if degree and is_degree(degree.group("degree")):
            text = degree.group("name") + text[degree.end():]
    # Most strings have no parenthesis or bracket, which is tested before the pattern is run.
    match = _PAREN_TAIL.match(text) if "(" in text or "[" in text else None
    if match and not match.group("rest").strip(" .,"):
        name = clean_name(match.group("name"))
        if is_person_name(name):
            # Whatever stands in parentheses after a name is where the person is from
            # ("(Pine Ridge)", "(ETH)"), unless it is their position.
            aff = _PART_OPENER.sub("", " ".join(match.group("aff").split()))  # "(both X)": X
            parts = aff.split(",")
            first = parts[0]
            if "," in aff and _UNIVERSITY_LAST.search(parts[-1]) and len(parts) == 2 and \
                    not is_institution(first) and not _is_place_qualifier(parts[-1]):
                # "(History, Lakeshore University)": a field, then the university. A lab or an
                # institute before it stays ("Lakes Institute, University of X"), as the
                # annotated feeds write it.
                return Person(name, parts[-1].strip())
            if "," in aff and (is_position(first) or opens_with_position(first) or
                               any(is_unit_only(p) or _LOWER_UNIT.match(p) for p in parts)
                               and any(is_institution(p) and not is_unit_only(p) for p in parts)):
                # "(Curator of Contemporary Art, Lakeshore Arts Center)", "(Department of
                # Physics, Lakeshore University)", "(Université de X, laboratoire Y)": the
                # institution.
                return Person(name, pick_affiliation(parts))
            # A lower-case phrase describes the person ("(associate curator of prints)").
            return Person(name, None if is_position(aff) or aff[:1].islower() else aff)
    # "Name of/from/at Institution", without a comma: the pattern runs only where the comma
    # test and a substring test for the joining word leave it a chance.
    of = _NAME_OF.match(_without_lower_descriptor(text)) \
        if "," not in text and ("of" in text or "from" in text or "at" in text) else None
    if of and is_institution(of.group("aff")):
        # "Ines Roe of Lakeshore College", "Bo Okafor from Fernhill University".
        name = clean_name(of.group("name"))
        if is_person_name(name):
            return Person(name, of.group("aff").strip())
    parts = [p.strip() for p in text.split(",")]
    # "Name, PhD, Institution": degrees right after the name belong to it.
    name = clean_name(_without_lower_descriptor(parts[0]))
    rest = parts[1:]
    while rest and clean_name(f"{name}, {rest[0]}") == name:
        rest = rest[1:]
    if not is_person_name(name):
        return None
    affiliation = pick_affiliation(rest) if rest else None
    if affiliation is None and len(rest) > 1 and _is_short_proper_name(rest[-1]) and \
            all(part.strip()[:1].islower() or is_position(part) for part in rest[:-1]):
        # "Name, conservator, Atelier Rosenhain": positions, then where they work.
        affiliation = rest[-1].strip()
    if affiliation is None and len(rest) == 1 and _is_short_proper_name(rest[0]):
        # "Name, Lakeshore": one short proper name after the person is where they come from.
        affiliation = rest[0].strip()
    return Person(name, affiliation)


def _dash_after_name_as_comma(text: str) -> str:
    """Return "Name, Position, Institution" for "Name – Position, Institution": a spaced dash
    right after a name parts it from a post or an institution as a comma does ("Ada Roe – The
    Tides of Home" keeps its dash: a title follows it).

    >>> _dash_after_name_as_comma("Dr Ada Roe – Senior Lecturer in Soils, Lakeshore University")
    'Dr Ada Roe, Senior Lecturer in Soils, Lakeshore University'
    >>> _dash_after_name_as_comma("Ada Roe – The Tides of Home")
    'Ada Roe – The Tides of Home'
    """
    if not _SPACED_DASH.search(text):
        return text
    head, tail = _SPACED_DASH.split(text, 1)
    if "," in head or not is_person_name(clean_name(head)):
        return text
    first = tail.split(",")[0]
    if is_institution(tail) or is_position(first) or opens_with_position(first):
        return f"{head}, {tail}"
    return text


def _is_short_proper_name(text: str) -> bool:
    """Return whether ``text`` is a short proper name that is no person's ("Harbor Haas",
    "TU Hohenfeld"): a name-shaped pair counts only when it opens with no known given name."""
    tokens = text.split()
    person_like = is_person_name(text) and has_known_given_name(text) and \
        not (len(tokens[0]) <= 3 and tokens[0].isupper())
    return 1 <= len(tokens) <= 4 and all(t[:1].isupper() or t.lower() in {"of", "de", "and"}
                                         for t in tokens) \
        and not is_position(text) and not person_like and not is_degree(text) and \
        clean_name(f"Ada Roe, {text}") == "Ada Roe, " + text.strip()


_HOST_FIRST = deferred(r"(?i)\s{0,3}(?:and\s{1,3})?(?:moderator|host|chair|emcee|introduced by|moderated by)\b")
_SEMICOLON_LIST = deferred(r"\s{0,3};\s{0,3}(?:and\s{1,3})?")
_AFTER_PAREN = deferred(r"(?<=\)),\s{0,3}(?:and\s{1,3})?")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _without_lower_descriptor(text: str) -> str:
    """Return ``text`` without lower-case words before a name ("and historian Ada Roe"), when
    the name after them opens with a known given name (kept for a while: a person's string is
    asked about twice, for "Name of X" and for "Name, X")."""
    rest = _LOWER_DESCRIPTOR.sub("", text)
    if rest != text and has_known_given_name(strip_honorifics(rest)):  # "astronomer Dr. Ada Roe"
        return rest
    # "Lakeshore director Ada Roe", "deputy director for curatorial affairs Bo Okafor": the name
    # after the last lower-case word.
    tail = _NAME_AFTER_ROLE.match(text)
    if tail and has_known_given_name(tail.group("name")) and is_person_name(tail.group("name")):
        return tail.group("name")
    return text


def parse_people(text: str) -> list[Person]:
    """Return every person in a list such as "A (X) and B (Y)" or "A, B and C"; an "&" inside
    a firm's name ("Tallis & Morrow Engineering") parts no one.

    >>> parse_people("Bo Strand, Senior Planner, Tallis & Morrow Engineering")
    [Person(name='Bo Strand', affiliation='Tallis & Morrow Engineering')]
    >>> [p.name for p in parse_people("Kwabena Ilves & Maren Roe")]
    ['Kwabena Ilves', 'Maren Roe']
    >>> parse_people("Dre Ada Roe, M.D., Ph. D.")  # a degree written with a space
    [Person(name='Ada Roe', affiliation=None)]
    """
    return list(_people_in(text))  # a list of its own: callers may add to it


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _people_in(text: str) -> tuple[Person, ...]:
    """Return the people of parse_people as a tuple, kept for a while: a line is read as a
    list of people by several rules (a programme's talk block, then its speaker line)."""
    return tuple(_read_people(text))


def _read_people(text: str) -> list[Person]:
    """Return every person in ``text``, an "&" inside a firm's name parting no one."""
    from .cjk_people import is_cjk, parse_cjk_people  # it builds on this module's Person
    if is_cjk(text):
        return parse_cjk_people(text)
    if "&" not in text:
        return _parse_people(text)
    kept = _FIRM_AMPERSAND.sub(_keep_firm, text)
    if kept == text:
        return _parse_people(text)
    return [Person(p.name.replace(_FIRM_AND, "&"),
                   p.affiliation.replace(_FIRM_AND, "&") if p.affiliation else None)
            for p in _parse_people(kept)]


# "Tallis & Morrow Engineering", "Halden & Voss LLP": a one-word name (no known given name) at
# the start of a list part, "&", then capitalised words to the part's end.
_FIRM_AMPERSAND = deferred(r"(?:(?<=^)|(?<=,\s{1,3}))(?P<a>\p{Lu}[\p{L}'’\-]{1,40})\s&\s"
                           r"(?P<b>\p{Lu}[\p{L}'’\-]{1,40}(?:\s\p{Lu}[\p{L}'’.\-]{1,40}){0,3})(?=\s{0,3}(?:[,(;.]|$))")
_FIRM_AND = "\uff06"  # a fullwidth ampersand stands in while the list is parted


def _keep_firm(match: regex.Match[str]) -> str:
    if has_known_given_name(match.group("a")) or has_known_given_name(match.group("b")) or \
            match.group("a").replace(".", "").lower() in rules.gazetteer("degrees"):
        return match.group(0)  # "Ada & Bo Roe", "Roe, PhD & Bo Okafor": people
    return f"{match.group('a')} {_FIRM_AND} {match.group('b')}"


def _parse_people(text: str) -> list[Person]:
    """Return every person in a list such as "A (X) and B (Y)" or "A, B and C".

    >>> [p.name for p in parse_people("Ada Lovelace and Charles Babbage")]
    ['Ada Lovelace', 'Charles Babbage']
    >>> [p.name for p in parse_people("Ada Lovelace, Charles Babbage")]
    ['Ada Lovelace', 'Charles Babbage']
    >>> [p.affiliation for p in parse_people("Ada Roe and Bo Okafor, Lakeshore Labs")]
    ['Lakeshore Labs', 'Lakeshore Labs']
    >>> [p.affiliation for p in parse_people("Ada Roe y Bo Okafor (ambos del Instituto Lacustre)")]
    ['Instituto Lacustre', 'Instituto Lacustre']
    >>> parse_people("Ada Roe and Bo Okafor, archivist at the Lakeshore Historical Society")[0]
    Person(name='Ada Roe', affiliation=None)
    >>> [p.name for p in parse_people("Ada Roe (Lakeshore), Bo Okafor (Fernhill), and Cy Dunn (Ely)")]
    ['Ada Roe', 'Bo Okafor', 'Cy Dunn']
    >>> [p.affiliation for p in parse_people("Ada Roe (Head of Trading) and Bo Okafor (Developer), "
    ...                                      "both at Larch Capital")]
    ['Larch Capital', 'Larch Capital']
    """
    shared = _SHARED_TAIL.search(text)
    if shared and len(people := parse_people(text[:shared.start()])) > 1:
        # "A (Head of Trading) and B (Developer), both at Larchfield Capital": where they all
        # are; what stands beside a name is a post unless it names an institution.
        org = shared.group("org").strip()
        return [Person(p.name, p.affiliation if p.affiliation and is_institution(p.affiliation)
                       and not is_position(p.affiliation) else org) for p in people]
    if " / " in text:
        # "Programme / Name (Affiliation)": keep the parts that are people.
        slashed = [p for part in text.split(" / ") for p in parse_people(part)]
        if slashed:
            return slashed
    single = parse_person(text)
    commas = _names_only(text)
    if commas:
        # "Ada Roe, Bo Okafor": names only, each opening with a known given name ("Ada Roe,
        # Lakeshore Tech" is a name and an institution).
        return [Person(clean_name(p), None) for p in commas]
    if ";" in text:
        # "A, professor of history; B, lecturer in writing; and C, ...": semicolons part the
        # people, and the "and" inside a position stays in it; "and moderator D" is no speaker.
        parts = [p for p in _SEMICOLON_LIST.split(text) if p.strip() and not _HOST_FIRST.match(p)]
        found = [parse_person(p) for p in parts]
        if len(parts) > 1 and all(found):
            return [p for p in found if p]
    if "), " in text:
        # "Ada Roe (Lakeshore), Bo Okafor (Fernhill)": each name with its institution.
        bracketed = [p for p in _AFTER_PAREN.split(text) if p.strip()]
        groups = [parse_people(p) for p in bracketed]
        if len(bracketed) > 1 and all(groups):
            return [p for group in groups for p in group]
    # "A, B and C": the names before "and" are parted by commas.
    pieces = [q for p in _LIST_SPLIT.split(text) if p.strip() for q in _names_only(p) or [p]]
    if len(pieces) > 1:
        people = [parse_person(p) for p in pieces]
        if all(people):
            found = [p for p in people if p]
            last = found[-1].affiliation
            if last and ("," in pieces[-1] or pieces[-1].rstrip().endswith(")")) and \
                    ":" not in last and not any(p.affiliation for p in found[:-1]) and \
                    not _OWN_POSITION.match(pieces[-1].split(",", 1)[-1]):
                # "Ada Roe and Bo Okafor, Lakeshore Labs", "Ada Roe and Bo Okafor (Lakeshore
                # Labs)": the institution is both people's.
                found = [Person(p.name, last) for p in found]
            return found
        # "A, B and C": commas between names.
        flat = [q for p in pieces for q in p.split(",") if q.strip()]
        people = [parse_person(p) for p in flat]
        if len(flat) > 1 and all(people):
            return [p for p in people if p]
    return [single] if single else []


# ", both at X", ", all three from the X": one institution for everyone listed before it.
_SHARED_TAIL = deferred(r",?\s{1,3}\(?(?:both|all(?:\s(?:three|four|five))?)\s(?:at|of|from|with)\s"
                        r"(?:the\s)?(?P<org>\p{Lu}[^,;()\n]{2,80}?)\)?\s{0,3}\.?$")


# "..., archivist at the X": one person's post (a plural one, "curators at X", is everyone's).
_OWN_POSITION = deferred(r"\s{0,3}(?:an?\s)?\p{Ll}[\p{L}\-]{1,30}(?<!s)\s(?:at|of|with|for)\s")


def parse_described_list(text: str) -> list[Person]:
    """Return the people of a list whose names each follow what the person is: "architect Ada
    Roe, celebrated curator and historian Bo Okafor, and writer Cy Dunn". Read from the end,
    a fragment without a name describes the next one; two in a row end the list.

    >>> [p.name for p in parse_described_list(
    ...     "Acclaimed architect Ada Roe, celebrated curator and historian Bo Okafor, and writer "
    ...     "and activist Cy Dunn")]
    ['Ada Roe', 'Bo Okafor', 'Cy Dunn']
    """
    found: list[Person] = []
    unnamed = 0
    for fragment in reversed(_DESCRIBED_LIST_SPLIT.split(text)):
        fragment = fragment.strip(" ,;")
        if not fragment:
            continue
        name = _described_name(fragment)
        if name:
            found.append(Person(name, None))
            unnamed = 0
            continue
        unnamed += 1
        if unnamed > 1 or not found:
            break
    if len(found) < 2 or not any(has_known_given_name(p.name) for p in found):
        return []
    return found[::-1]


def _described_name(fragment: str) -> str | None:
    """Return the name a list fragment ends in, after the words that describe the person."""
    if is_person_name(fragment) and has_known_given_name(fragment):
        return fragment
    # "senior editor Solana Roe": a lower-case description says a person follows.
    tail = _NAME_AFTER_ROLE.match(fragment)
    if tail and is_person_name(tail.group("name")):
        return tail.group("name")
    return None


# Commas part a described list, and so does "and" (also inside a description: "curator and
# historian Bo Okafor" is two fragments, the first without a name).
_DESCRIBED_LIST_SPLIT = deferred(r"\s{0,3},\s{0,3}(?:and\s{1,3})?|\s{1,3}and\s{1,3}")


def _names_only(text: str) -> list[str]:
    """Return the comma-parted names of "Ada Roe, Bo Okafor" when every part is a person's
    name with a known given name (not "Ada Roe, Lakeshore Tech"), else []."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) > 1 and all(is_person_name(clean_name(p)) and has_known_given_name(p)
                              and not is_institution(p) for p in parts):
        return parts
    return []


def same_person(a: str, b: str) -> bool:
    """Return whether two names are one person's: one's words (initials aside) hold the other's.

    >>> same_person("Ada Lovelace", "Ada King Lovelace"), same_person("Ada Roe", "Bo Roe")
    (True, False)
    """
    ka = {t for t in _WORD.findall(a.lower()) if len(t) > 1}
    kb = {t for t in _WORD.findall(b.lower()) if len(t) > 1}
    return bool(ka) and (ka <= kb or kb <= ka)
