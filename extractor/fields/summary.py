"""The SUMMARY line: "Series: Speaker — Title", "Speaker (Affiliation), Title", "Title - Speaker",
"[Series] Speaker", a speaker alone or a title alone, decided by the shape of each part.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .. import rules
from ..shapes import (has_known_given_name, is_person_name, is_placeholder, is_series_name,
                      strip_quotes, words)
from .people import Person, parse_people, parse_person

_BRACKET = regex.compile(r"^\s*\[(?P<inner>[^\[\]]{1,80})\]\s*(?P<rest>.*)$")
_COLON = regex.compile(r"^(?P<left>[^:]{2,80}?)\s*:\s+(?P<rest>.+)$")
_DASHES = regex.compile(r"(?<!\s)(?:\s+(?:—|–|-{1,2}|\|)\s+|\s*[—–]\s*)")
_GIVEN_BY = regex.compile(r"^(?P<left>.*?)(?<!\s)\s*\b(?:given by|by|with|featuring|presented by)\s+"
                          r"(?P<who>[^,;:]{3,80})$", regex.IGNORECASE)
_NO_EVENT = regex.compile(r"^(?:no\s|cancel+ed\b|postponed\b|holiday\b)", regex.IGNORECASE)
_STATUS_WORD = regex.compile(r"^(?:CANCELL?ED|POSTPONED|RESCHEDULED|UPDATED?|NEW)\b[\s:!-]*")
_PERSON_QUOTED_TITLE = regex.compile(r"^(?P<person>[^,\"“]{3,80}),\s*[\"“](?P<title>[^\"“”]{2,300})[\"”]?$")
_NAME_COMMA_TITLE = regex.compile(r"^(?P<person>[^,()]{3,60}\([^()]{2,120}\))\s*[,:]\s+"
                                  r"(?P<title>.{3,})$")


@dataclass
class SummaryParse:
    """What a SUMMARY says, each part with the rule that read it."""

    series: str | None = None
    title: str | None = None
    speakers: list[Person] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)


def parse_summary(summary: str) -> SummaryParse:
    """Return the series, speakers and title a SUMMARY holds.

    >>> s = parse_summary("Number Theory Seminar: Ada Lovelace — On Bernoulli numbers")
    >>> s.series, s.speakers[0].name, s.title
    ('Number Theory Seminar', 'Ada Lovelace', 'On Bernoulli numbers')
    >>> s = parse_summary("On Bernoulli numbers - Ada Lovelace (University of London)")
    >>> s.title, s.speakers[0].affiliation
    ('On Bernoulli numbers', 'University of London')
    >>> parse_summary("Ada Lovelace (University of London), On Bernoulli numbers").title
    'On Bernoulli numbers'
    >>> parse_summary("Colloquium Series").series
    'Colloquium Series'
    """
    parse = SummaryParse()
    text = strip_quotes(" ".join(summary.split())).rstrip(" -–—:|")
    if not text or _NO_EVENT.match(text):
        return parse
    bracket = _BRACKET.match(text)
    if bracket:
        inner = bracket.group("inner").strip()
        if _is_series_tag(inner):
            parse.series, parse.rules["series"] = inner, "summary.bracket"
        text = bracket.group("rest")
    colon = _COLON.match(text)
    if colon and not _DASHES.search(colon.group("left")):
        left, rest = colon.group("left").strip(), _STATUS_WORD.sub("", colon.group("rest").strip())
        left_people = parse_people(left)
        if rules.label_fields().get(left.lower()) == "speaker" and parse_people(rest):
            # "Speaker: Name" written in the SUMMARY: a label, not a series.
            text = rest
        elif _starts_with_person(rest) and not left_people and _credible_after_colon(rest):
            # "Series: Name — Title"; a calendar category ("Graduate Events:") is no series.
            if not _is_category(left) and parse.series is None:
                parse.series, parse.rules["series"] = left, "summary.prefix_before_person"
            text = rest
        elif is_series_name(left) and not left_people:
            if parse.series is None:
                parse.series, parse.rules["series"] = left, "summary.series_colon"
            text = rest
        elif len(left_people) == 1 and not _DASHES.search(rest) and \
                not is_person_name(rest) and len(parse_people(rest)) < 2 and \
                has_known_given_name(left_people[0].name):
            # "Name: Title" — an author or speaker before their talk's title.
            parse.speakers, parse.rules["speakers"] = left_people, "summary.person_colon_title"
            _set_title(parse, rest, "summary.person_colon_title")
            return parse
    _read_parts(_STATUS_WORD.sub("", text), parse)
    return parse


def _is_series_tag(tag: str) -> bool:
    """A bracketed tag is a series when it is named like one, not a lower-case kind ("talk")."""
    return tag[:1].isupper() and (len(tag.split()) > 1 or tag.isupper()) and not _is_category(tag)


def _is_category(text: str) -> bool:
    """Return whether a prefix names a calendar category or an event kind, not a series."""
    categories, kinds = rules.gazetteer("category_words"), rules.gazetteer("event_kinds")
    tokens = [w.lower() for w in words(text) if w.strip(".,&()")]
    if not tokens or not all(t in categories or t in kinds or t in {"and", "of", "the", "&"}
                             for t in tokens):
        return False
    return len(tokens) == 1 or any(t in categories for t in tokens)


_QUOTED_SPAN = regex.compile(r"[\"“][^\"“”]{1,300}[\"”]")


def _split_outside_quotes(text: str) -> list[str]:
    """Return the dash-separated parts of ``text``; a dash inside a quoted title does not split.

    >>> _split_outside_quotes('Seminar - Ada Roe, "Engines - a history"')
    ['Seminar', 'Ada Roe, "Engines - a history"']
    """
    quoted = [(m.start(), m.end()) for m in _QUOTED_SPAN.finditer(text)]
    parts, start = [], 0
    for dash in _DASHES.finditer(text):
        if any(a <= dash.start() < b for a, b in quoted):
            continue
        parts.append(text[start:dash.start()])
        start = dash.end()
    parts.append(text[start:])
    return parts


def _names_kind_of_event(text: str) -> bool:
    """Return whether a part names a kind of event ("Thesis Defense"), which is no series."""
    categories = rules.gazetteer("category_words")
    return any(w.lower() in categories for w in words(text))


def _credible_after_colon(rest: str) -> bool:
    """A bare two-word phrase after a colon ("Ghost Stories: Colonial Spectres") is a name
    only with a known given name; an affiliation or a title part after it is evidence enough."""
    if _DASHES.search(rest) or "(" in rest or "," in rest:
        return True
    return has_known_given_name(rest)


def _starts_with_person(text: str) -> bool:
    head = _DASHES.split(text, maxsplit=1)[0]
    return bool(parse_people(head)) or bool(parse_person(head.split(",")[0]))


def _read_parts(text: str, parse: SummaryParse) -> None:
    parts = [p.strip(" :") for p in _split_outside_quotes(text) if p.strip(" :")]
    if any(_NO_EVENT.match(p) for p in parts):  # "Spring Break - No Classes"
        return
    people_at: int | None = None
    for index, part in enumerate(parts):
        quoted = _PERSON_QUOTED_TITLE.match(part)
        if quoted and (person := parse_person(quoted.group("person"))):
            # "Name, "Title"" as one part.
            parse.speakers, people_at = [person], index
            parse.rules["speakers"] = "summary.person_quoted_title"
            _set_title(parse, quoted.group("title"), "summary.person_quoted_title")
            # The other parts are not the title even when this one is a placeholder ("TBA").
            parse.rules.setdefault("title", "summary.person_quoted_title")
            parts[index] = ""
            break
        people = parse_people(part)
        if people:
            parse.speakers, people_at = people, index
            parse.rules["speakers"] = "summary.part_person"
            break
    if parse.rules.get("title") == "summary.person_quoted_title":
        others = [p for p in parts if p]
        if parse.series is None and len(others) == 1 and len(others[0].split()) <= 6 and \
                not _names_kind_of_event(others[0]):
            parse.series, parse.rules["series"] = others[0], "summary.series_before_person"
        return
    if people_at is None and len(parts) == 1:
        name_title = _NAME_COMMA_TITLE.match(parts[0])
        if name_title and (person := parse_person(name_title.group("person"))):
            parse.speakers, parse.rules["speakers"] = [person], "summary.person_comma_title"
            _set_title(parse, name_title.group("title"), "summary.person_comma_title")
            return
        given = _GIVEN_BY.match(parts[0])
        people = parse_people(given.group("who")) if given else []
        weak_cue = given is not None and given.group(0)[given.end("left"):].lower().strip().startswith("with")
        if given and people and (not weak_cue or all(has_known_given_name(p.name) for p in people)):
            parse.speakers, parse.rules["speakers"] = people, "summary.given_by"
            left = given.group("left").strip(" :-")
            if left and is_series_name(left) and len(left.split()) <= 6:
                if parse.series is None:
                    parse.series, parse.rules["series"] = left, "summary.series_given_by"
            elif left and len(left.split()) <= 2 and given.group(0).lower().find(" with ") > 0:
                # "An Evening with Name": the phrase is the title; the person still speaks.
                _set_title(parse, parts[0], "summary.title_with_person")
            elif left:
                _set_title(parse, left, "summary.title_with_person")
            return
        # "Name, Institution - ..." was split away above; "Name, Institution" alone:
        person = parse_person(parts[0]) if "," in parts[0] else None
        if person and person.affiliation:
            parse.speakers, parse.rules["speakers"] = [person], "summary.person_affiliation"
            return
    others = [p for i, p in enumerate(parts) if i != people_at]
    if people_at is not None and others and is_series_name(others[0]) and len(others) > 1:
        if parse.series is None:
            parse.series, parse.rules["series"] = others[0], "summary.series_part"
        others = others[1:]
    elif people_at is not None and len(others) == 1 and people_at > 0 and \
            is_series_name(others[0]) and len(others[0].split()) <= 5 and \
            not _names_kind_of_event(others[0]):
        # "Immunology Student Talks - Name": a series before the speaker, no title.
        if parse.series is None:
            parse.series, parse.rules["series"] = others[0], "summary.series_before_person"
        others = []
    if not others:
        return
    if people_at is None and len(others) == 2 and parse.series is None and \
            len(others[0].split()) <= 3 and not is_placeholder(others[0]):
        # "SERIES - Title" (or "SERIES - TBC"): a short head before a dash names the series.
        parse.series, parse.rules["series"] = others[0], "summary.short_head_dash"
        others = others[1:]
    rest = " - ".join(others)
    if people_at is None and parse.series is None and (
            is_series_name(rest) and len(rest.split()) <= 6 or regex.fullmatch(r"\p{Lu}{2,8}", rest)):
        # "Colloquium Series", or a lone acronym such as "BAMS": the series, not a title.
        parse.series, parse.rules["series"] = rest, "summary.series_only"
        return
    _set_title(parse, rest, "summary.title_part" if people_at is not None else "summary.title_only")


def _set_title(parse: SummaryParse, text: str, rule: str) -> None:
    title = strip_quotes(text.strip(" ,;"))
    if title and not is_placeholder(title):
        parse.title, parse.rules["title"] = title, rule
