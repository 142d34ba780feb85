"""Where speakers are from when their own line does not say: a shared "Affiliation:" label,
a bio sentence ("Ada Roe is a professor at X"), a longer spelling of an acronym elsewhere in the
event, or one institution a sentence gives the whole group ("six faculty members from X")."""
from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..deferred import deferred
from ..layout import NEXT_LABEL_LINE
from ..shapes import (capitalised_run, has_head, has_known_given_name, is_degree,
                      is_institution, is_person_name, is_unit_only, strip_quotes)
from .people import HELD_AT_ABROAD, Person, parse_people, pick_affiliation, same_person

# "Six faculty members from the University of Westland, Easton, will be featured", "four
# faculty members drawn from WU's four divisions": where a group of speakers all come from.
_GROUP_FROM = deferred(
    r"\b(?:faculty(?:\s{1,3}members)?|professors|researchers|scientists|scholars)\s{1,3}"
    r"(?:drawn\s{1,3})?(?:from|of|at)\s{1,3}(?:the\s{1,3})?"
    rf"(?P<org>{capitalised_run(8)})"
    r"(?P<place>,\s{1,3}\p{Lu}[\p{L}\-]{1,30}(?:\s{1,3}\p{Lu}[\p{L}\-]{1,30}){0,2}(?=,))?")


def group_affiliation(text: str) -> str | None:
    """Return the institution a sentence gives a whole group of speakers, if one does."""
    for match in _GROUP_FROM.finditer(text[:20000]):
        # "drawn from WU's four divisions": the institution without its possessive.
        org = regex.sub(r"['’]s$|\s+(?:of|for|and|the)$", "", match.group("org"))
        if not is_institution(org) or is_person_name(org):
            continue
        place = match.group("place")
        # "the University of Westland, Easton,": the campus belongs to the name.
        return org + place if place and has_head(org, "institution_heads") else org
    return None


# "<Name> is a Developer Advocate at Org", "<Surname> is professor of history at Org".
# Bounded spaces and word lengths: linear on any text (tests/test_regex_budget.py).
# "..., who leads the X Project at Org": a relative clause says it as a bio sentence does.
# ("who is in residence at X" says where a visitor stays, so "who" goes only with these verbs).
_BIO_ROLE = (r",?\s{1,12}(?:is|are|was|am|has been|serves as|works as|is currently|teaches|"
             r"researches|studies|works(?=\s{1,3}(?:at|for)\s)|(?:who\s{1,3})?(?:leads|heads|directs|"
             r"runs|oversees|coordinates))(?:\s{1,12}[^.;\n]{0,140}?)?\s{1,12}")
# "... is the founder of Org": the organisation a person heads or founded.
_BIO_ORG = (r"(?:at|with|for|(?:founder|co-founder|director|head|president|owner|co-owner)\s{1,3}of)"
            r"\s{1,12}(?:the\s{1,12})?(?P<org>\p{Lu}[\p{L}\p{M}&'’\-]{0,40}"
            r"(?:\s{1,12}(?:of|for|and|de|the|&|\p{Lu}[\p{L}\p{M}&'’\-]{0,40})){0,8})")
# Compiled once: a pattern per speaker name cost more than the rest of the record.
_BIO_CLAIM = deferred(_BIO_ROLE + _BIO_ORG)
_PRONOUN_BIO_CLAIM = deferred(r"\b(?:He|She|They|I)" + _BIO_ROLE + _BIO_ORG)
# A bio that opens on the position alone: "Senior Software Engineer at Org. Core developer ...".
_POSITION_AT = deferred(r"(?:^|\n)[^\S\n]{0,6}(?P<position>(?:\p{Lu}[\p{L}/&\-]{0,30}[^\S\n]{1,3}){1,5})"
                        + _BIO_ORG)


# Right after the name: "X of the Quayside Gallery leads ...", "X, founder and CEO of Org,",
# "X, pomologist at the Westvale Fruit Collection". The words between the comma and at/of/with
# are an occupation in lower case or a position ("Managing Partner"), not a clause ("who spoke").
_BESIDE_NAME = deferred(
    # "Ada Roe von der University of X", "Ada Roe de la Universidad de Y": "of the" abroad
    r"(?:\s{1,3}(?:of\s{1,3}the|von\s{1,3}de[rm]|vom|de\s{1,3}la|del|della|van\s{1,3}(?:de|het))\s{1,3}"
    r"|,\s{1,3}(?:an?\s{1,3})?(?P<occupation>(?:[\p{L}\-]{2,30}\s{1,3}){0,4}?)(?P<link>at|of|with)\s{1,3}"
    r"(?:the\s{1,3})?)"
    rf"(?P<org>{capitalised_run(6, 'of|for|and|the|&')})")
# A position with its field, then where it is held: ", the Okonjo Professor of Neurobiology at".
_POSITION_OF_FIELD_AT = deferred(
    r",\s{1,3}(?P<occupation>(?:[\p{L}\-]{2,30}\s{1,3}){1,5}of\s{1,3}(?:[\p{L}\-]{2,30}\s{1,3}){1,3}?)"
    r"(?P<link>at)\s{1,3}(?:the\s{1,3})?"
    rf"(?P<org>{capitalised_run(6, 'of|for|and|the|&')})")
# ", Leiterin der Arbeitsgruppe X am Institut für Y", ", astrónoma del Observatorio X",
# ", chercheuse au Laboratoire Y": a position, then where it is held, in other languages.
_BESIDE_NAME_ABROAD = deferred(
    r",\s{1,3}(?P<occupation>(?:[\p{L}\-]{2,30}\s{1,3}){1,8}?)"
    rf"(?P<link>{HELD_AT_ABROAD})\s{{0,3}}"
    rf"(?P<org>{capitalised_run(6, 'für|der|des|und|an|am|de|del|la|las|los|y|e|et|di|da|do|du|della|dei')})")
# "founder and CEO of Org", "editor of The X Review" name the organisation; "Curator of
# Decorative Arts" names a field.
_HEADS_OF_ORGANISATIONS = frozenset({"founder", "co-founder", "cofounder", "ceo", "president",
                                     "owner", "co-owner", "partner", "principal", "chair", "editor",
                                     "editor-in-chief", "publisher"})
_CLAUSE_WORDS = frozenset({"who", "whom", "whose", "which", "will", "is", "was", "has", "had",
                           "spoke", "speaks", "talks", "talked", "joins", "joined", "discusses",
                           "presents", "and"})
# Words that make the occupation a clause wherever they stand ("a colleague who spoke at").
_CLAUSE_ANYWHERE = frozenset({"who", "whom", "whose", "which", "will", "spoke", "speaks"})
# A post-nominal after a name (checked against the degrees gazetteer) and an institution in
# parentheses right after it.
_POST_NOMINAL = deferred(r",\s{1,3}(?P<degree>\p{Lu}[\p{L}.]{1,8})(?![\p{L}.])")
# A diploma's specialty in brackets right after it, followed by more: "DACVIM (Cardiology), ...".
_SPECIALTY = deferred(r"[ \t]{1,2}\(\p{Lu}\p{Ll}{2,20}(?:[ \t&]{1,3}\p{Lu}?\p{Ll}{2,20}){0,2}\)(?=,)")
# "(Org)" after the name, or after a lower-case word of what they do: "Ada Roe, soprano (Org)".
_PAREN_ORG = deferred(r"(?:,[ \t]{1,3}\p{Ll}[\p{Ll}\-]{1,20}(?:[ \t]\p{Ll}[\p{Ll}\-]{1,20}){0,2})?"
                      r"[ \t]{0,3}\((?P<org>[^()\n]{2,100})\)")
# An alumna's class years after her name: "Ada Roe '98", "Ada Roe '11, MBA '16".
# In brackets with the subject: "Ada Roe (’09, Chemistry)".
_CLASS_YEARS = deferred(r"\s{1,3}['’]\d{2}\b(?:,?\s{1,3}\p{Lu}[\p{L}.]{0,6}\s{1,3}['’]\d{2}\b){0,3}|"
                        r"\s{1,3}\(['’]\d{2}(?:,\s{1,3}[^()\n]{1,40})?\)")
_BLANK_LINE = deferred(r"\n[ \t]{0,3}\n")
_TRAILING_JOINER = deferred(r"(?<!\s)\s{1,3}(?:of|for|and|the|&)$")  # words run with \s{1,3}


def affiliation_beside_name(text: str, name: str) -> str | None:
    """Return the organisation written right after the first mention of ``name``, if any.

    >>> affiliation_beside_name("Curator Ada Roe of the Quayside Gallery leads a tour.", "Ada Roe")
    'Quayside Gallery'
    >>> affiliation_beside_name("With Ada Roe, founder and CEO of Copperleaf Diagnostics.", "Ada Roe")
    'Copperleaf Diagnostics'
    >>> affiliation_beside_name("Ada Roe, who spoke at the Annual Meeting, returns.", "Ada Roe")
    >>> affiliation_beside_name("with Ada Roe, Assistant Curator of Decorative Arts", "Ada Roe")
    >>> affiliation_beside_name("Hear Ada Roe '11, MBA '16, Senior Analyst at Greyfin Capital.", "Ada Roe")
    'Greyfin Capital'
    >>> affiliation_beside_name("Ada Roe (’09, Chemistry), a partner at Greyfin Ventures in Boston", "Ada Roe")
    'Greyfin Ventures'
    >>> affiliation_beside_name("Ada Roe, the Kell Professor of Botany at Wexley University, will", "Ada Roe")
    'Wexley University'
    >>> affiliation_beside_name("given by Ada Roe, FBA (University of Wexley).", "Ada Roe")
    'University of Wexley'
    >>> affiliation_beside_name("Ada Roe, baroque violin (Fellow, Wexley Early Music Centre)", "Ada Roe")
    'Wexley Early Music Centre'
    >>> affiliation_beside_name("by Dr. Ada Roe, DVM, DACVIM (Cardiology), staff cardiologist at "
    ...                         "Wexley Animal Hospital.", "Ada Roe")
    'Wexley Animal Hospital'
    >>> affiliation_beside_name("spricht Dr. Ada\\nRoe, Leiterin der Arbeitsgruppe Stadtklima am "
    ...                         "Wexler Institut für Hydrologie (WIH), am Donnerstag", "Ada Roe")
    'Wexler Institut für Hydrologie'
    >>> affiliation_beside_name("Con la Dra. Ada Roe, astrónoma del Observatorio Cerro Alto", "Ada Roe")
    'Observatorio Cerro Alto'
    >>> affiliation_beside_name("Dr. Roebuck (School of Planning, Wexley University) will speak.",
    ...                         "Ada Roebuck")
    'Wexley University'
    >>> affiliation_beside_name("Ada Roebuck will speak. Roebuck, a senior scientist at the "
    ...                         "Wexley Ocean Trust, studies ice.", "Ada Roebuck")
    'Wexley Ocean Trust'
    """
    # Hard-wrapped text may break the first mention's line: "spricht Dr. Ada\nRoe, Leiterin ...".
    words = name.split()
    first = _first_mention(text, words)
    surname = words[-1]
    if first is None:
        # "Dr. Roe (School of Planning, Wexley University) has assembled ...": the text names
        # her by title and surname only, the SUMMARY in full.
        titled = (at for at in _mentions(text, surname + " (", 0) if len(words) > 1
                  and _HONORIFIC_BEFORE.search(text, max(0, at - _HONORIFIC_REACH), at))
        at = next(titled, None)
        return _beside_mention(text, at + len(surname)) if at is not None else None
    found = _beside_mention(text, first)
    if found is None and len(words) > 1 and len(surname) > 3:
        # "Ada Roe will deliver the lecture. ... Roe, a senior scientist at the Wexley Trust,":
        # a later sentence names her by surname and says where she works.
        found = _first_organisation_after(text, len(surname), (
            at for at in _mentions(text, surname + ",", first)
            if not (text[at - 1].isalpha() or text[at - 1] == "-")))
    if found is None and len(words) > 1 and len(words[0]) > 2 and words[0][-1:] != ".":
        # "Ada, a geologist with the Wexley Museum, takes us ...", "Ada (Department of X,
        # Wexley University) explains ...": a friendly post names her by her given name.
        found = _first_organisation_after(text, len(words[0]), (
            at for mark in (",", " (") for at in _mentions(text, words[0] + mark, first)
            if _SENTENCE_OPENS.search(text[max(0, at - 3):at])))
    return found


def _first_organisation_after(text: str, length: int, mentions: Iterator[int]) -> str | None:
    """Return the organisation written right after the first of ``mentions`` (each ``length``
    characters long) that has one beside it."""
    return next((org for at in mentions if (org := _beside_mention(text, at + length)) is not None), None)


# What comes right before a sentence's first word: a stop and a blank, or a line's start.
_SENTENCE_OPENS = deferred(r"(?:^|[.!?][\"”’)]?\s{1,2}|\n\s{0,2})$")


def _first_mention(text: str, words: list[str]) -> int | None:
    """Return where the first mention of the name of ``words`` ends, its words apart by one to
    three blanks (a hard-wrapped line may break it); None if the text has none.

    >>> _first_mention("spricht Dr. Ada\\nRoe, Leiterin", ["Ada", "Roe"])
    19
    >>> _first_mention("Ada Lee and Ada  Roe", ["Ada", "Roe"]), _first_mention("Ada Lee", ["Ada", "Roe"])
    (20, None)
    """
    # str.find for the first word and a fixed pattern for each gap: a pattern with the name
    # in it would be compiled for every new speaker.
    if not words:
        return None
    for start in _mentions(text, words[0], 0):
        end = start + len(words[0])
        for word in words[1:]:
            gap = _NAME_GAP.match(text, end, _BESIDE_REACH)
            if gap is None or not text.startswith(word, gap.end()) or \
                    gap.end() + len(word) > _BESIDE_REACH:
                break
            end = gap.end() + len(word)
        else:
            if end <= _BESIDE_REACH:
                return end
    return None


def _mentions(text: str, mention: str, start: int) -> Iterator[int]:
    """Yield where ``mention`` stands in ``text`` from ``start`` on, within the reach of names."""
    at = text.find(mention, start, _BESIDE_REACH)
    while at >= 0:
        yield at
        at = text.find(mention, at + 1, _BESIDE_REACH)


# How far into a text a speaker's mentions are looked for.
_BESIDE_REACH = 20000
# A title right before a surname: "Dr. Roe", "Professor Roe".
_HONORIFIC_BEFORE = deferred(r"\b(?:Dr|Prof|Professor|Dra|Profa)\.?\s$")
_HONORIFIC_REACH = 12
_NAME_GAP = deferred(r"\s{1,3}")


def _beside_mention(text: str, after: int) -> str | None:
    """Return the organisation written right after a mention of a person ending at ``after``."""
    years = _CLASS_YEARS.match(text, after, after + 60)
    if years:
        after = years.end()  # "Ada Roe '11, MBA '16, Senior Analyst at Org"
    degrees = rules.gazetteer("degrees")
    while (degree := _POST_NOMINAL.match(text, after, after + 20)) and \
            degree.group("degree").replace(".", "").lower() in degrees:
        after = degree.end()  # "Ada Roe, FBA (Org)", "Ada Roe, PhD, of the X Institute"
        if specialty := _SPECIALTY.match(text, after, after + 40):
            after = specialty.end()  # "DACVIM (Cardiology)": the board's specialty
    paren = _PAREN_ORG.match(text, after, after + 120)
    if paren:
        org = pick_affiliation(paren.group("org").split(","))
        return org if org and is_institution(org) and not is_unit_only(org) else None
    abroad = _BESIDE_NAME_ABROAD.match(text, after, after + 200)
    if abroad and is_institution(org := abroad.group("org").strip()):
        return org
    for pattern in (_BESIDE_NAME, _POSITION_OF_FIELD_AT):
        # "X, the Okonjo Professor of Neurobiology at Northmere University": the field after
        # "of" is no organisation, the one after "at" is.
        match = pattern.match(text, after, after + 200)
        if match is None:
            return None
        occupation = (match.group("occupation") or "").lower().split()
        if occupation[:1] and occupation[0] in _CLAUSE_WORDS or \
                not _CLAUSE_ANYWHERE.isdisjoint(occupation):
            return None
        # A name never runs over a blank line ("Curator of Decorative Arts\n\nWhy did ...")
        # nor into the label of the next line ("... Breeders' Union\nModeration: Bo Lind").
        org = _TRAILING_JOINER.sub("", _BLANK_LINE.split(
            _before_label_line(text, match.start("org"), match.end("org")), maxsplit=1)[0].strip())
        if match.group("link") == "of" and not is_institution(org) and \
                not (occupation and occupation[-1] in _HEADS_OF_ORGANISATIONS):
            continue
        if len(org.split()) < 2 and not is_institution(org) or is_person_name(org) and \
                has_known_given_name(org):
            return None
        return org
    return None


def _before_label_line(text: str, start: int, end: int) -> str:
    """Return ``text[start:end]`` up to the line break before a label line it runs into.

    >>> _before_label_line("Quill Union\\nModeration: Bo Lind", 0, 23)
    'Quill Union'
    >>> _before_label_line("Wexler Institut für\\nHydrologie (WIH)", 0, 30)
    'Wexler Institut für\\nHydrologie'
    """
    found = text[start:end]
    for at in regex.finditer(r"\n", found):
        if NEXT_LABEL_LINE.match(text, start + at.start()):
            return found[:at.start()]
    return found


def affiliation_in_lines(lines: list[str], *, sure: bool) -> str | None:
    """Return the affiliation the last of ``lines`` that names one gives ("Associate Professor,
    Department of X" over "Lakeshore University"); a unit alone is none. ``sure`` asks for an
    institution, and passes over a programme's next line ("7:20 A talk's title")."""
    for text in reversed(lines):
        if sure and text.lstrip()[:1].isdigit():
            continue
        aff = pick_affiliation(text.split(","))
        if aff and not is_unit_only(aff) and (not sure or is_institution(aff)):
            return aff
    return None


def affiliation_from_bio(text: str, name: str) -> str | None:
    """Return the organisation a bio sentence places the speaker at, if one does.

    The subject is the name, the surname, or a pronoun in the few sentences after the name's
    first mention ("Ada Roe has spent a decade ... She is a Principal Architect at Org").

    >>> affiliation_from_bio("Ada Roe, MD, PhD, is a sleep specialist at Lakeshore Hospital.",
    ...                      "Ada Roe")
    'Lakeshore Hospital'
    >>> affiliation_from_bio("Dr. Roe, who leads the Tidal Archive Project at Wexley University, "
    ...                      "has mapped ...", "Ada Roe")
    'Wexley University'
    """
    tokens = name.split()
    subjects: list[str | None] = [name, tokens[-1]] if len(tokens) > 1 else [name]
    first = text.find(name)
    stop = first + 700
    while 0 <= first and stop < len(text) and not text[stop].isspace() and stop < first + 800:
        stop += 1  # the window ends between words: "Museum of Civil", not "Museum of Ci"
    near = text[first:stop] if first >= 0 else ""
    # The given name alone is a bio's subject too, near the name ("Ada teaches at Org").
    windows = [(s, text[:20000]) for s in subjects] + [(None, near), ("", near)]
    if len(tokens) > 1:
        windows.insert(len(subjects), (tokens[0], near))
    for who, window in windows:
        if who == "":
            # "Senior Software Engineer at Org." on the line after the name.
            match = _POSITION_AT.search(near)
            heads = rules.gazetteer("position_heads")
            if match and match.group("position").split()[-1].lower() not in heads:
                match = None
        else:
            match = _PRONOUN_BIO_CLAIM.search(window) if who is None else _claim_after(who, window)
        if match:
            org = regex.sub(r"\s+(?:of|for|and|de|at|in|the)$", "", match.group("org").strip(" .,"))
            if org and not is_person_name(org) and len(org) > 1:
                return org
    return None


_ACRONYM = deferred(r"\p{Lu}{2,6}")


def is_acronym(text: str) -> bool:
    """Return whether an affiliation is an acronym alone ("WTU")."""
    return _ACRONYM.fullmatch(text) is not None


def spelled_out(person: Person, others: list[Candidate]) -> str | None:
    """Return an institution another candidate gives the same person, when it spells out more."""
    for other in others:
        match = next((p for p in other.value if same_person(p.name, person.name)), None)
        if match and match.affiliation and not _ACRONYM.fullmatch(match.affiliation) and \
                is_institution(match.affiliation):
            return match.affiliation
    return None


def _claim_after(subject: str, window: str) -> regex.Match[str] | None:
    """Return the first bio claim right after ``subject`` in ``window``: what searching for
    ``regex.escape(subject) + _BIO_ROLE + _BIO_ORG`` finds, with no pattern compiled."""
    at = window.find(subject)
    while at >= 0:
        after = at + len(subject)
        degrees = _DEGREES_AFTER_NAME.match(window, after)
        if degrees and is_degree(degrees.group("degrees")):
            after = degrees.end()  # "Ada Roe, MD, PhD, is a ...": the degrees belong to the name
        partner = _BIO_PARTNER.match(window, after)
        if partner:
            after = partner.end()  # "Ada Roe and Bo Li are engineers at Org": both work there
        match = _BIO_CLAIM.match(window, after)
        if match:
            return match
        at = window.find(subject, at + 1)
    return None


# The other person of a bio about two: "Ada Roe [and Bo Li-Okafor] are ...".
_BIO_PARTNER = deferred(r"\s{1,3}(?:and|&)\s{1,3}\p{Lu}[\p{L}\p{M}'’\-]{0,30}(?:\s{1,3}\p{Lu}[\p{L}\p{M}'’.\-]{0,30}){0,3}"
                        r"(?=,?\s{1,12}are\s)")
_DEGREES_AFTER_NAME = deferred(r",\s{0,3}(?P<degrees>[\p{Lu}][\p{L}.]{1,7}(?:,\s{0,3}[\p{Lu}][\p{L}.]{1,7}){0,3})(?=,)")


def affiliation_label(ann: Announcement) -> str | None:
    """Return the institution an "Affiliation:" label (or heading) gives every speaker."""
    for label in ann.labelled("affiliation"):
        # "Affiliation" as a heading of its own, the institution on the line below.
        below = ann.block(label) if not label.value else []
        value = strip_quotes(label.value or (below[0].text if len(below) == 1 else ""))
        # "Affiliation: Advisor: Ada Roe" holds a person; "Institution: TU Hohenfeld" only looks
        # like a name, and opens with no known given name.
        opening = value.split()[0] if value.split() else ""
        person_like = (is_person_name(value) or bool(parse_people(value))) and \
            has_known_given_name(value) and not (opening.isupper() and len(opening) <= 3)
        if not value or ":" in value or person_like:
            continue
        if is_institution(value) or len(value.split()) <= 8:
            return pick_affiliation(value.split(",")) or value if not is_unit_only(value) else value
    return None
