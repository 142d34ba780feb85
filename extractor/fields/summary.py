"""The SUMMARY line: "Series: Speaker — Title", "Speaker (Affiliation), Title", "Title - Speaker",
"[Series] Speaker", a speaker alone or a title alone, decided by the shape of each part.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..shapes import is_person_name, is_placeholder, is_series_name, strip_quotes
from .people import Person, parse_people, parse_person

_BRACKET = regex.compile(r"^\s*\[(?P<inner>[^\[\]]{1,80})\]\s*(?P<rest>.*)$")
_COLON = regex.compile(r"^(?P<left>[^:]{2,80}?)\s*:\s+(?P<rest>.+)$")
_DASHES = regex.compile(r"\s+(?:—|–|-{1,2}|\|)\s+|\s*[—–]\s*")
_GIVEN_BY = regex.compile(r"^(?P<left>.*?)\s*\b(?:given by|by|with|featuring|presented by)\s+"
                          r"(?P<who>[^,;:]{3,80})$", regex.IGNORECASE)
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
    text = strip_quotes(" ".join(summary.split()))
    if not text:
        return parse
    bracket = _BRACKET.match(text)
    if bracket:
        parse.series, parse.rules["series"] = bracket.group("inner").strip(), "summary.bracket"
        text = bracket.group("rest")
    colon = _COLON.match(text)
    if colon and not _DASHES.search(colon.group("left")):
        left, rest = colon.group("left").strip(), colon.group("rest").strip()
        if is_series_name(left) and not is_person_name(left):
            if parse.series is None:
                parse.series, parse.rules["series"] = left, "summary.series_colon"
            text = rest
        elif _starts_with_person(rest) and not parse_people(left):
            text = rest  # "Graduate Events: Name, ..." — a calendar's category, not a series
    _read_parts(text, parse)
    return parse


def _starts_with_person(text: str) -> bool:
    head = _DASHES.split(text, maxsplit=1)[0]
    return bool(parse_people(head)) or bool(parse_person(head.split(",")[0]))


def _read_parts(text: str, parse: SummaryParse) -> None:
    parts = [p.strip(" :") for p in _DASHES.split(text) if p.strip(" :")]
    people_at: int | None = None
    for index, part in enumerate(parts):
        people = parse_people(part)
        if people:
            parse.speakers, people_at = people, index
            parse.rules["speakers"] = "summary.part_person"
            break
    if people_at is None and len(parts) == 1:
        name_title = _NAME_COMMA_TITLE.match(parts[0])
        if name_title and (person := parse_person(name_title.group("person"))):
            parse.speakers, parse.rules["speakers"] = [person], "summary.person_comma_title"
            _set_title(parse, name_title.group("title"), "summary.person_comma_title")
            return
        given = _GIVEN_BY.match(parts[0])
        if given and (people := parse_people(given.group("who"))):
            parse.speakers, parse.rules["speakers"] = people, "summary.given_by"
            left = given.group("left").strip(" :-")
            if left and is_series_name(left) and parse.series is None:
                parse.series, parse.rules["series"] = left, "summary.series_given_by"
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
            is_series_name(others[0]) and len(others[0].split()) <= 5:
        # "Immunology Student Talks - Name": a series before the speaker, no title.
        if parse.series is None:
            parse.series, parse.rules["series"] = others[0], "summary.series_before_person"
        others = []
    if not others:
        return
    rest = " - ".join(others)
    if people_at is None and parse.series is None and is_series_name(rest) and \
            len(rest.split()) <= 6:
        parse.series, parse.rules["series"] = rest, "summary.series_only"
        return
    _set_title(parse, rest, "summary.title_part" if people_at is not None else "summary.title_only")


def _set_title(parse: SummaryParse, text: str, rule: str) -> None:
    title = strip_quotes(text.strip(" ,;"))
    if title and not is_placeholder(title):
        parse.title, parse.rules["title"] = title, rule
