"""The SUMMARY line: "Series: Speaker — Title", "Speaker (Affiliation), Title", "Title - Speaker",
"[Series] Speaker", a speaker alone or a title alone, decided by the shape of each part.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from .. import rules
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..shapes import (has_head, has_known_given_name, is_person_name, is_placeholder, is_series_name,
                      strip_quotes, words)
from .cjk_people import parse_cjk_person
from .people import Person, clean_name, parse_people, parse_person
from .name_scan import leading_honorific
from .when import vocabulary, word_alternation, zone_names

_BRACKET = deferred(r"^\s*\[(?P<inner>[^\[\]]{1,80})\]\s*(?P<rest>.*)$")
_COLON = deferred(r"^(?P<left>[^:]{2,80}?)\s*:\s+(?P<rest>.+)$")
# A dash between two years ("1850–1939") parts nothing.
# An en dash between two letters joins a compound ("Chabauty–Kim", "Navier–Stokes"); one between
# digits a range; neither parts a SUMMARY.
_DASHES = deferred(r"(?<!\s)(?:\s+(?:—|–|-{1,2}|\||//)\s+|(?!(?<=\d)[—–]\d)(?!(?<=\p{L})–\p{L})\s*[—–]\s*)")
# "sponsored by", "hosted by" name who pays or hosts, not who speaks.
_GIVEN_BY = deferred(r"^(?P<left>.*?)(?<!\s)\s*\b(?:given by|(?<!\b(?:sponsored|hosted|organi[sz]ed|"
                     r"supported|funded|catered|powered)\s)by|with|featuring|presented by)\s+"
                     r"(?P<who>[^,;:]{3,80})$", regex.IGNORECASE)
_NO_EVENT = deferred(r"^(?:no\s|holiday\b)", regex.IGNORECASE)
# Status and e-mail words before the real SUMMARY: "Cancelled: ...", "Fwd: Reminder: TODAY ...".
# In lower or title case they need a separator after them ("New Directions in Ecology" stays).
_STATUS_WORD = deferred(r"^(?:(?i:cancell?ed|postponed|rescheduled|updated?|new|reminder|re|"
                        r"sospeso|annullato|rinviato|abgesagt|verschoben|annulé|reporté|"
                        r"cancelad[oa]|suspendid[oa]|aplazad[oa]|adiad[oa]|afgelast|inställt|odwołane|"
                        r"uitgesteld|geannuleerd|vervallen|uppskjutet|inställd|[iİ]ptal|ertelendi|"
                        r"fwd?|fw|aw|wg|tr|today|tomorrow|tonight|you(?:'re|’re| are) invited|"
                        r"save the date|invitation|einladung|invitación|invitacion|invito|convite|"
                        r"(?:seminar|talk|event|lecture|colloquium)\s(?:announcement|notice)|announcement|"
                        r"uitnodiging|inbjudan|zaproszenie|"
                        # "[EXTERNAL]": a mail server's mark on mail from outside
                        r"external(?:\s(?:sender|e-?mail|message))?|ext|"
                        # "ROOM CHANGE for tonight's lecture - Ada Roe"
                        r"(?:room|venue|location)\schange|change\sof\s(?:room|venue|location)|"
                        r"new\s(?:room|venue|location))"
                        r"(?:\s(?i:for|of)\s(?i:today|tonight|tomorrow|this|the)[^:!–—\n-]{0,40}?)?"
                        r"(?:\s*[:!–—-]+|\s+/)"
                        r"|(?:CANCELL?ED|POSTPONED|RESCHEDULED|UPDATED?|NEW|TODAY|TOMORROW|"
                        r"TONIGHT)\b[\s:!–—-]*)\s*")
# ", 12:15 in Room 3B", "- Thursday": when and where, not part of a title or series.
_LOGISTICS_TAIL = deferred(r"(?:,\s{0,3}|(?<!\s)\s{1,3}[-–—]\s{1,3}|(?<!\s)\s{1,3}@\s{1,3})"
                           r"(?:\d{1,2}[:.]\d{2}|\d{1,2}\s{0,2}[ap]\.?m\b|"
                           r"(?i:today|tomorrow|tonight)\b).*$")
# "Session 2: ", "Part 3 - ", "Episode 12. ": the number of a meeting before its title.
_SESSION_NUMBER = deferred(r"^(?:Session|Part|Episode|Week|Lecture|Module)\s{1,3}\d{1,3}\s{0,2}[:.\-–—]\s{1,3}")
# "Title @ Calloway Community College": where, after an at sign, at the end of a SUMMARY.
_AT_VENUE_TAIL = deferred(r"(?<!\s)\s{1,3}@\s{1,3}\p{Lu}[^@\n]{1,80}$")
# "Ada Roe in conversation with Bo Li", and "Ada Roe in conversation" with whom the text says:
# the guest, then who talks with her.
_IN_CONVERSATION = deferred(r"^(?P<guest>[^,;:]{3,80}?)\s{1,3}in\s{1,3}(?:conversation|dialogue)"
                            r"(?:\s{1,3}with\s{1,3}[^;:]{3,120})?$", regex.IGNORECASE)
# "Artist in conversation", "In dialogue", "Conversations": the kind of event, no series.
_CONVERSATION_KIND = deferred(r"(?i)(?:^|\sin\s)(?:conversation|dialogue)s?$")
_JOINT_WITH = deferred(r"(?i)^joint\s{1,3}\w+(?:\s{1,3}\w+)?\s{1,3}with\b")
_ARTICLE = deferred(r"^(?:an?|the)\s+", regex.IGNORECASE)
_SLASH_DATE_TAIL = deferred(r"\s{1,3}\d{1,2}/\d{1,2}(?:/\d{2,4})?$")
# "this Friday", "next week": when, said inside a SUMMARY ("Brown Bag this Friday - Title").
_WHEN_PHRASE = deferred(r"\s(?i:(?:this|next)\s(?:monday|tuesday|wednesday|thursday|friday|"
                        r"saturday|sunday|week|weekend|morning|afternoon|evening))\b"
                        # "Logic Seminar tomorrow (Tue 10 Feb)"; "Glaciers today" stays.
                        r"|\s(?i:today|tomorrow|tonight)\s{0,3}\([^()\n]{1,30}\)")
# "#14", "No. 3": the number of a meeting in a series.
_NUMBERED = deferred(r"\s(?:#\s?\d{1,4}|No\.?\s?\d{1,4}|Nr\.?\s?\d{1,4})$")
_BRACKET_TAIL = deferred(r"^(?P<rest>.*\S)\s*\[(?P<inner>[^\[\]]{2,80})\]\s*$")
# Curly single quotes too ("‘Title’"); a lazy title lets "People’s" keep its apostrophe.
_TITLE_THEN_PERSON = deferred(r"^[\"“‘](?P<title>[^\"“”‘]{2,300}?)[\"”’]\s*[,:–—-]\s*(?P<person>.{3,200})$")
_PERSON_ON_QUOTED = deferred(r"^(?P<person>[^\"“”:]{3,80}?)\s(?:on|über|sur|sobre|su)\s"
                             r"[\"“„«](?P<title>[^\"“”„«»]{2,300})[\"”“»]$")
# "Dr. Ada Roe on Reading the Fire Scars": a person, then a title in title case.
_PERSON_ON_TITLE = deferred(r"^(?P<person>[^\"“”:,;()]{3,60}?)\s(?:on|über|sur|sobre)\s"
                            r"(?P<title>\p{Lu}[^\"“”]{2,300})$")
_TITLE_PAREN_PERSON = deferred(r"^(?P<title>.{3,300}?)\s*\((?P<person>[^()]{3,160})\)\s*$")
# "Name, “Title”", also "Name (Institution, Town), ‘Title’": a comma inside the brackets.
_PERSON_QUOTED_TITLE = deferred(r"^(?P<person>[^,\"“‘()]{3,80}(?:\([^()\"“”‘’]{2,120}\))?),\s*"
                                r"(?:[\"“‘](?P<title>[^\"“”‘]{2,300}?)[\"”’]?|'(?P<title>[^\"“”‘]{2,300})')$")
# "“Title” (Name, Institution)": the quoted title first, who gives it in brackets after it; a
# film's "(Director, 1994)" has a year.
_QUOTED_TITLE_PERSON = deferred(r"^[\"“‘](?P<title>[^\"“”‘’]{2,300})[\"”’]\s{0,3}"
                                r"\((?P<person>[^()\d]{3,160})\)$")
_NAME_COMMA_TITLE = deferred(r"^(?P<person>[^,()]{3,60}\([^()]{2,120}\))\s*[,:]\s+"
                             r"(?P<title>.{3,})$")


# "(TBA)" after a placeholder speaker; a lone acronym ("QRS") names a series.
_PAREN = deferred(r"\([^()]*\)")
# "<kind of event, a number> - <rest>": the part before the first spaced dash.
_KIND_PREFIX_DASH = deferred(r"(?P<kind>[^-–—:|]{3,60}?)\s{1,3}[-–—]{1,2}\s{1,3}(?P<rest>\S.{2,300})")
# "Week 5", "Session 2", "No. 14", "(online)" and who gives it ("guest", "invited") in such a
# prefix: none of them names a series.
_ORDINAL_OR_ASIDE = deferred(r"(?i)\b(?:week|session|part|no\.?|nr\.?|#)\s?\d{1,3}\b|\([^()]{1,20}\)|"
                             r"\b(?:guest|invited|visiting)\b")
# A surname alone, then the school in brackets: "Villanueva-Roth (Pellworth)", "Okafor (LSE)".
_SURNAME_INSTITUTION = deferred(r"(?P<surname>\p{Lu}[\p{Ll}'’]{1,30}(?:-\p{Lu}[\p{Ll}'’]{1,30})?)\s{1,3}"
                                r"\((?P<institution>\p{Lu}[^()]{1,60})\)")
_ACRONYM = deferred(r"\p{Lu}{2,8}")


@dataclass
class SummaryParse:
    """What a SUMMARY says, each part with the rule that read it."""

    series: str | None = None
    title: str | None = None
    speakers: list[Person] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)


def parse_summary(summary: str, *, recurring: frozenset[str] = frozenset()) -> SummaryParse:
    """Return the series, speakers and title a SUMMARY holds; ``recurring`` are the programme
    names its calendar writes before a colon in other SUMMARYs too.

    >>> s = parse_summary("Number Theory Seminar: Ada Lovelace — On Bernoulli numbers")
    >>> s.series, s.speakers[0].name, s.title
    ('Number Theory Seminar', 'Ada Lovelace', 'On Bernoulli numbers')
    >>> s = parse_summary("On Bernoulli numbers - Ada Lovelace (University of London)")
    >>> s.title, s.speakers[0].affiliation
    ('On Bernoulli numbers', 'University of London')
    >>> parse_summary("Ada Lovelace (University of London), On Bernoulli numbers").title
    'On Bernoulli numbers'
    >>> s = parse_summary("Geology Colloquium, Ada Roe, Lakeshore University Visiting Professor")
    >>> s.series, s.speakers
    ('Geology Colloquium', [Person(name='Ada Roe', affiliation='Lakeshore University')])
    >>> parse_summary("Ghost Walks of Riverton: The Mill Flood",
    ...               recurring=frozenset({"Ghost Walks of Riverton"})).title
    'The Mill Flood'
    >>> parse_summary("Fireside chat: Ten Years of On-Call (1.5 CLE credits)").title
    'Ten Years of On-Call'
    >>> parse_summary("Continuing Education: Dental Radiography Update (4 hrs RACE)").title
    'Dental Radiography Update'
    >>> s = parse_summary("Author Series: Ada Roe '02 on “The Borrowed Coast”")
    >>> s.series, s.speakers[0].name, s.title
    ('Author Series', 'Ada Roe', 'The Borrowed Coast')
    >>> parse_summary("Colloquium Series").series
    'Colloquium Series'
    >>> parse_summary("HCI Seminar Tues: Ada Roe on voice menus").series
    'HCI Seminar'
    >>> s = parse_summary("Geo Colloquium THURSDAY 4/11, 2-3:30: Ada Roe, “Ash layers”")
    >>> s.series, s.title
    ('Geo Colloquium', 'Ash layers')
    >>> parse_summary("[stat-sem] Thu 17.03, 15h30: Ada Roe on rank tests").series is None
    True
    >>> parse_summary("Applied Micro Workshop Tues 4:10 -- Roe, on wages").series
    'Applied Micro Workshop'
    >>> s = parse_summary("Forest Products Seminar this Friday (5/14), 10:30")
    >>> s.series, s.title
    ('Forest Products Seminar', None)
    >>> parse_summary("CANCELLED - Okafor-Roe (Lakeshore)").speakers
    [Person(name='Okafor-Roe', affiliation='Lakeshore')]
    >>> parse_summary("Week 5 guest lecture (online) - Salt marshes: lessons learned").title
    'Salt marshes: lessons learned'
    >>> s = parse_summary("Műhelyszeminárium – Kővári Anna: A tanyák")
    >>> s.series, s.speakers[0].name, s.title
    ('Műhelyszeminárium', 'Kővári Anna', 'A tanyák')
    >>> parse_summary("Keynote – Saving Grace: songs of the river").speakers
    []
    >>> parse_summary("Ada Roe: Why rivers braid (talk in English)").title
    'Why rivers braid'
    >>> parse_summary("Mesa-redonda: Quem cuida dos rios?").title
    'Quem cuida dos rios?'
    >>> s = parse_summary("Studium Lectures | The Sinking Delta – Anouk Roe")
    >>> s.series, s.title, s.speakers[0].name
    ('Studium Lectures', 'The Sinking Delta', 'Anouk Roe')
    >>> s = parse_summary("Studium Generale | The Sinking Delta – Anouk Roe")
    >>> s.series, s.title, s.speakers[0].name
    ('Studium Generale', 'The Sinking Delta', 'Anouk Roe')
    """
    read = _parse_summary(summary, recurring)
    # A new parse per call: the record's builder fills in what the SUMMARY left open.
    return SummaryParse(read.series, read.title, list(read.speakers), dict(read.rules))


@functools.cache
def _series_weekday() -> regex.Pattern[str]:
    """The day a Subject adds after a series' name: "HCI Seminar Tues", "OM Seminar Friday",
    "Stat seminar next Wed", "Colloquium Tuesday 4/16", "PHYSICS COLLOQUIUM Mon 9 Dec", or the
    date alone ("Psychology Colloquium 3/12/91")."""
    weekdays, date = _weekday_words(), _subject_date()
    return compile_pattern(rf"(?i)(?<=\b(?:seminar|colloquium|lecture|talks?|lunch|forum|workshop|series))"
                         rf"\s{{1,3}}(?:(?:this|next)\s{{1,3}})?(?:(?:{weekdays})\.?,?(?:\s{{1,3}}{date})?|{date})$")


@functools.cache
def _subject_date() -> str:
    """A day a Subject writes in figures or with its month: "10/18", "4/11/91", "9 Dec",
    "Nov 20"."""
    months = _month_words()
    return rf"(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{1,2}}\s{{1,3}}(?:{months})\.?|(?:{months})\.?\s{{1,3}}\d{{1,2}})"


@functools.cache
def _series_day_and_time() -> regex.Pattern[str]:
    """The day and time a mail's Subject writes between a series' name and the rest: "Epi
    Seminar Wed 10/18 (noon): ...", "STS Colloquium THURSDAY 4/11, 2-3:30: ...", "Forest
    Products Seminar this Friday (5/14), 10:30"."""
    weekdays, date = _weekday_words(), _subject_date()
    clock = r"(?:noon|\d{1,2}(?:[:.]\d{2})?(?:\s{0,2}[-–]\s{0,2}\d{1,2}(?:[:.]\d{2})?)?\s?(?:[ap]\.?m\.?)?)"
    return compile_pattern(
        rf"(?i)(?<=\b(?:seminar|colloquium|lecture|talks?|lunch|forum|workshop|series))"
        rf"\s{{1,3}}(?:(?:this|next)\s{{1,3}})?(?:(?:{weekdays})\.?,?(?:\s{{1,3}}\(?{date}\)?)?|{date})"
        rf"(?:,?\s{{1,3}}\({clock}\)|,?\s{{1,3}}{clock})(?=\s{{0,3}}(?::\s|$|--?\s|[–—]\s))")


@functools.lru_cache(maxsize=4096)
def _parse_summary(summary: str, recurring: frozenset[str]) -> SummaryParse:
    """Return parse_summary(summary, recurring=recurring), kept for SUMMARYs seen again (a
    calendar repeats those of its weekly events); callers get copies, never this one."""
    if any(c.isdigit() for c in summary):
        trimmed = _series_day_and_time().sub(" ", summary, count=1)
        if trimmed != summary:
            summary = " ".join(trimmed.split()).replace(" :", ":")
    parse = _read_summary(summary, recurring)
    if parse.series:
        parse.series = _series_weekday().sub("", parse.series)
        if _only_when().fullmatch(parse.series):
            # "[stat-sem] Thu 17.03, 15h30: Name", "Reminder: TODAY 12:30 PT -- Name": the
            # part before the colon says when, and names no series.
            parse.series = None
            parse.rules.pop("series", None)
    return parse


def says_only_when(text: str) -> bool:
    """Return whether ``text`` says only when: days, months, dates, clock times ("September",
    "Thu 17.03, 15h30")."""
    return _only_when().fullmatch(text) is not None


@functools.cache
def _only_when() -> regex.Pattern[str]:
    """Words that only say when: days, dates, clock times, "today", a zone's name
    (models/when_where.json)."""
    word = rf"(?:{_weekday_words()}|{_month_words()}|today|tonight|tomorrow|noon|[ap]\.?m\.?|" \
           rf"{zone_names().pattern}|\d{{1,4}}(?:[:./h]\d{{1,2}}){{0,2}}(?:[ap]m)?)"
    return compile_pattern(rf"(?i)[\s,.\-–()]{{0,4}}{word}(?:[\s,.\-–()]{{1,4}}{word}){{0,6}}[\s,.\-–()]{{0,4}}")


def _read_summary(summary: str, recurring: frozenset[str]) -> SummaryParse:
    """Return what a SUMMARY holds, before the day a Subject adds to its series is dropped."""
    parse = SummaryParse()
    text = strip_quotes(" ".join(summary.split())).rstrip(" -–—:|")
    if not text or _NO_EVENT.match(text):
        return parse
    text = _strip_date_tail(_WHEN_PHRASE.sub("", _strip_status(text)))
    if not text.isascii() and (cjk := _CJK_SERIES_ISSUE.match(text)):
        # "公共卫生前沿讲座（第14期）｜圆桌论坛：Title": the series and this meeting's number,
        # then the kind of event, then the title or the speaker.
        return _read_cjk_rest(cjk.group("rest"), cjk.group("series"), recurring)
    text = _AT_VENUE_TAIL.sub("", text) if " @ " in text else text
    kind = _KIND_PREFIX_DASH.match(text)
    if kind and _only_kind_words(_ORDINAL_OR_ASIDE.sub(" ", kind.group("kind"))):
        # "Week 5 guest lecture (online) - Title", "Evening Lecture 23 - Title": the kind of
        # event and its number in the course or the season, then the title.
        text = kind.group("rest")
    surname = _SURNAME_INSTITUTION.fullmatch(text)
    if surname and not is_series_name(surname.group("surname")):
        # "Villanueva-Roth (Pellworth)": an economics calendar's guest, by surname and school;
        # the description gives the whole name (speakers.py) and the paper's title.
        parse.speakers = [Person(surname.group("surname"), surname.group("institution").strip())]
        parse.rules["speakers"] = "summary.surname_institution"
        return parse
    tail = _BRACKET_TAIL.match(text)
    if tail and _is_series_tag(tail.group("inner").strip()):
        # "Speaker — Title [Series]"
        parse.series, parse.rules["series"] = tail.group("inner").strip(), "summary.bracket_tail"
        text = tail.group("rest")
    if _person_on_quoted(text, parse):
        return parse
    quoted = _TITLE_THEN_PERSON.match(text)
    if quoted and (people := parse_people(quoted.group("person"))):
        # "“Title”, Name (Institution)"
        parse.speakers, parse.rules["speakers"] = people, "summary.quoted_title_person"
        _set_title(parse, quoted.group("title"), "summary.quoted_title_person")
        return parse
    paren = _TITLE_PAREN_PERSON.match(text)
    if paren and not _DASHES.search(text) and not _ends_in_person(paren.group("title")) and \
            not _series_before_colon(paren.group("title")) and \
            (person := _person_in_paren(paren.group("person"))):
        # "Title (Name, Institution)"
        parse.speakers, parse.rules["speakers"] = [person], "summary.title_paren_person"
        _set_title(parse, paren.group("title"), "summary.title_paren_person")
        return parse
    bracket = _BRACKET.match(text)
    if bracket:
        inner = bracket.group("inner").strip()
        if _is_series_tag(inner):
            parse.series, parse.rules["series"] = inner, "summary.bracket"
        text = bracket.group("rest")
    if _series_comma_person(text, parse):
        return parse
    colon = _COLON.match(text)
    if colon and _series_dash_person_colon(colon.group("left"), colon.group("rest"), parse):
        return parse
    if colon and not _DASHES.search(colon.group("left")):
        left, rest = colon.group("left").strip(), _STATUS_WORD.sub("", colon.group("rest").strip())
        # "LING COLLOQUIUM 3/27: ...", "CME Dinner Lecture, March 12: ...": the day is no part
        # of the series.
        left = _SLASH_DATE_TAIL.sub("", _strip_date_tail(left))
        left_people = parse_people(left)
        if rules.label_fields().get(left.lower()) == "speaker" and parse_people(rest):
            # "Speaker: Name" written in the SUMMARY: a label, not a series.
            text = rest
        elif _starts_with_person(rest) and not left_people and _credible_after_colon(rest):
            # "Series: Name — Title"; a calendar category ("Campus Events:") is no series, nor
            # is the kind of event ("Artist in conversation:").
            if not _is_category(left) and not _only_kind_words(left) and parse.series is None \
                    and not _CONVERSATION_KIND.search(left):
                parse.series, parse.rules["series"] = left, "summary.prefix_before_person"
            text = rest
        elif _NUMBERED.search(left) and not left_people:
            # "Optics Lunch #14: Title": the fourteenth meeting of a series.
            if parse.series is None:
                parse.series, parse.rules["series"] = _NUMBERED.sub("", left).strip(), "summary.numbered_series"
            text = rest
        elif _PLACEHOLDER_PERSON.match(left):
            # "Speaker TBA: Title": who speaks is not known yet; the title is.
            text = rest
        elif (is_placeholder(rest) or _PLACEHOLDER_PERSON.match(rest)) and not left_people:
            # "Civic Conversations: Title TBA", "Grad Student Seminar: Speaker TBD": a series
            # whose talk has no title yet.
            if parse.series is None and not _only_kind_words(left) and not _is_category(left):
                parse.series, parse.rules["series"] = left, "summary.series_placeholder"
            return parse
        elif is_placeholder(rest) and left_people:
            # "Kaito Roe: TBA": the speaker is known, the title not yet.
            parse.speakers, parse.rules["speakers"] = left_people, "summary.person_colon_placeholder"
            return parse
        elif is_series_name(left) and not left_people:
            # "Evening lecture: Title": a kind of event before the title, but no series; nor is
            # "Joint Lecture with the Civic Society: Title", one evening shared with a host.
            if parse.series is None and not _only_kind_words(left) and not _JOINT_WITH.match(left):
                parse.series, parse.rules["series"] = left, "summary.series_colon"
            text = rest
        elif len(left_people) == 1 and not _DASHES.search(rest) and \
                not (is_person_name(rest) and has_known_given_name(rest)) and \
                len(parse_people(rest)) < 2 and (has_known_given_name(left_people[0].name) or
                                                 leading_honorific(left) > 0) and \
                not _SPEAKER_UNKNOWN_NOTE.search(rest):
            # "Name: Title" — an author or speaker before their talk's title ("Dr Name: Title":
            # the honorific says a person, whatever the given name).
            parse.speakers, parse.rules["speakers"] = left_people, "summary.person_colon_title"
            _set_title(parse, rest, "summary.person_colon_title")
            return parse
        elif group := _group_before_month(left):
            # "PyRiverside January: Title": the group, this month's meeting, then its title.
            if parse.series is None:
                parse.series, parse.rules["series"] = group, "summary.group_month"
            text = rest
        elif left in recurring and not _only_kind_words(left) and \
                not any(has_known_given_name(p.name) for p in left_people):
            # "Ghost Walks of Riverton: The Harbour Fire", and the calendar says "Ghost Walks of
            # Riverton:" before other titles too: the programme, then this talk's title.
            if parse.series is None and not _is_category(left):
                parse.series, parse.rules["series"] = left, "summary.recurring_prefix"
            people = parse_people(rest)
            if not people or not all(has_known_given_name(p.name) for p in people):
                _set_title(parse, rest, "summary.title_only")  # a bare title after the programme
                return parse
            text = rest
    _read_parts(_STATUS_WORD.sub("", text), parse, recurring)
    return parse


def _series_dash_person_colon(left: str, rest: str, parse: SummaryParse) -> bool:
    """Read "Series – Name: Title" ("Workshop Seminar – Ada Roe: Title") into ``parse``; the
    name may put an accented family name first, as Hungarian names do ("Kővári Ada")."""
    parts = _DASHES.split(left)
    if len(parts) != 2 or parse.series is not None:
        return False
    series, name = parts[0].strip(), parts[1].strip()
    people = parse_people(name)
    if len(people) != 1 or not _known_name_either_order(name) or _known_name_either_order(series):
        return False
    if not _is_category(series) and not _only_kind_words(series):
        parse.series, parse.rules["series"] = series, "summary.series_dash_person_colon"
    parse.speakers, parse.rules["speakers"] = people, "summary.series_dash_person_colon"
    _set_title(parse, rest, "summary.series_dash_person_colon")
    return True


def _known_name_either_order(name: str) -> bool:
    """Return whether a two-word ``name`` has a known given name first, or last after a family
    name written with accents ("Ada Roe", "Kővári Ada": Hungarian puts the family name first;
    "Saving Grace" is no name)."""
    tokens = name.split()
    return len(tokens) == 2 and (has_known_given_name(name) or (
        not tokens[0].isascii() and has_known_given_name(f"{tokens[1]} {tokens[0]}")))


def series_confirmed_by_text(parse: SummaryParse, summary: str, lines: list[str]) -> None:
    """Read a title-only SUMMARY "Programme - Title" as the series and the title when the
    description repeats the part after the dash on a line of its own ("Data Community Lunch &
    Learn - Mapping flood risk", then "Mapping flood risk" above the presenters).

    >>> p = parse_summary("Data Lunch & Learn - Mapping flood risk with gauges")
    >>> series_confirmed_by_text(p, "Data Lunch & Learn - Mapping flood risk with gauges",
    ...                          ["Hi all,", "Mapping flood risk with gauges"])
    >>> p.series, p.title
    ('Data Lunch & Learn', 'Mapping flood risk with gauges')
    """
    if parse.series is not None or parse.speakers or parse.rules.get("title") != "summary.title_only":
        return
    colon = _COLON.match(" ".join(summary.split()))
    if colon is not None and _series_named_in_text(colon.group("left"), colon.group("rest"), lines, parse):
        return
    parts = [p.strip(" :") for p in _split_outside_quotes(" ".join(summary.split())) if p.strip(" :")]
    if len(parts) != 2 or len(parts[1].split()) < 3 or len(parts[0].split()) > 6:
        return
    left, right = parts
    calendar = rules.gazetteer("calendar_words")
    if sum(w.isalpha() and w.lower() not in calendar for w in right.split()) < 3:
        return  # "Chemistry Weekly | April 6-10, 2026": an issue's dates, no title
    if _only_kind_words(left) or parse_people(left) or _is_category(left) or _only_says_when(left):
        return
    wanted = right.casefold()
    if any(" ".join(line.split()).strip(" *_#\"“”").casefold() == wanted for line in lines):
        parse.series, parse.rules["series"] = left, "summary.series_title_in_text"
        parse.title, parse.rules["title"] = right, "summary.series_title_in_text"


def _series_named_in_text(left: str, right: str, lines: list[str], parse: SummaryParse) -> bool:
    """Read "Data Dialogues: Who Gets Counted?" as the series and the title when the text
    speaks of the part before the colon as a recurring programme ("our June Data Dialogues
    asks ...", "Data Dialogues is sponsored by ..."); a month before it goes ("May Science on
    the Rocks")."""
    name = _leading_month().sub("", left.strip())
    words = name.split()
    if not 2 <= len(words) <= 5 or len(right.split()) < 3 or \
            not all(w[:1].isupper() or w.lower() in _JOINING_WORDS for w in words) or \
            parse_people(name) or _only_kind_words(name) or not _names_programme_in(name, "\n".join(lines)):
        return False
    parse.series, parse.rules["series"] = name, "summary.series_named_in_text"
    parse.title, parse.rules["title"] = right.strip(), "summary.series_named_in_text"
    return True


def _names_programme_in(name: str, text: str) -> bool:
    """Return whether ``text`` speaks of ``name`` as a recurring programme: "our June Name",
    "this month Name", "Name is sponsored by".

    >>> _names_programme_in("Data Talks", "our June **Data Talks** asks"), \\
    ...     _names_programme_in("Data Talks", "a book about Data Talks and more")
    (True, False)
    """
    # Each mention of the name is tested by fixed patterns on either side of it: a pattern
    # with the name in it would be compiled for every new SUMMARY.
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if _WORD_CHARACTER.match(text, end) is None and (  # nothing glued on after the name
                _programme_word_before().search(text[max(0, at - _BEFORE_REACH):at]) or
                (at == 0 or _WORD_CHARACTER.match(text, at - 1) is None) and
                _PROGRAMME_CREDIT_AFTER.match(text, end)):
            return True
        at = text.find(name, at + 1)
    return False


# How far before a name "our June" or "this month's" is looked for (it is at most 25
# characters long: the window is long enough for the word boundary before it).
_BEFORE_REACH = 48
_WORD_CHARACTER = deferred(r"\w")
# After a programme's name: "is sponsored by", "are run by".
_PROGRAMME_CREDIT_AFTER = deferred(r"\*{0,2}\s{1,3}(?:is|are)\s{1,3}"
                                   r"(?:sponsored|supported|presented|organi[sz]ed|run)\s{1,3}by\b")


@functools.cache
def _programme_word_before() -> regex.Pattern[str]:
    """Right before a programme's name: "our", "our June", "this month's"."""
    return compile_pattern(rf"\b(?:[Oo]ur(?:\s{{1,3}}(?i:{_month_words()}))?|[Tt]his\s{{1,3}}month(?:['’]s)?)"
                         rf"\s{{1,3}}\*{{0,2}}\Z")


_JOINING_WORDS = frozenset({"on", "the", "of", "and", "&", "in", "at", "for"})


@functools.cache
def _leading_month() -> regex.Pattern[str]:
    return compile_pattern(rf"^(?i:{_month_words()})\s{{1,3}}(?=\p{{Lu}})")


def _series_comma_person(text: str, parse: SummaryParse) -> bool:
    """Read "Geology Colloquium, Ada Roe, Lakeshore University": a series, a comma, then the
    speaker with where they are from; return whether the SUMMARY has that shape."""
    left, comma, rest = text.partition(", ")
    if not comma or ":" in text or _DASHES.search(text) or not is_series_name(left) or \
            parse_people(left):
        return False
    person = parse_person(rest)
    if person is None or not (person.affiliation or has_known_given_name(person.name)) or \
            not is_person_name(clean_name(rest.split(",")[0])):
        return False
    parse.speakers, parse.rules["speakers"] = [person], "summary.series_comma_person"
    if parse.series is None and not _only_kind_words(left) and not _is_category(left):
        parse.series, parse.rules["series"] = left, "summary.series_comma_person"
    return True


def strip_session_number(text: str) -> str:
    """Return ``text`` without a session's number before its title.

    >>> strip_session_number("Session 2: Drought and the river")
    'Drought and the river'
    """
    return _SESSION_NUMBER.sub("", text)


# "[REPORTÉ] ...", "(Cancelled) ...": a bracket that opens a SUMMARY.
_BRACKETED_WORDS = deferred(r"^[\[(](?P<inner>[^\[\]()]{2,30})[\])]\s*")


# "公共卫生前沿讲座（第14期）｜", "第58回 ロボティクス・セミナー："; after a bracketed note
# ("【延期】").
_CJK_SERIES_ISSUE = deferred(
    r"^(?:[【\[][^】\]]{1,8}[】\]][ \t]?)?"
    r"(?:(?P<series>[^\s（(：:｜|【\[]{2,30}?)[ \t]?[（(]第[ \t]?\d{1,4}[ \t]?[回期届次][）)]"
    r"|第[ \t]?\d{1,4}[ \t]?[回期届次][ \t]?(?P<series>[^\s（(：:｜|]{2,30}))"
    r"[ \t]?[：:｜|][ \t]?(?P<rest>\S.*)$"
    # "【社会基盤工学セミナー】第112回 Title": the series in brackets, then the number
    r"|^[【\[](?P<series>[^】\]]{2,30})[】\]][ \t]?第[ \t]?\d{1,4}[ \t]?[回期届次][ \t]?(?P<rest>\S.*)$")
# A Chinese name of two or three letters, a Korean one of two to four or a Japanese one with a
# blank between its parts, alone: a speaker (a title is longer).
_CJK_NAME_ALONE = deferred(r"\p{Han}{2,3}|\p{Hangul}{2,4}|\p{Han}{1,3}[ \u3000]\p{Han}{1,3}")
# The parts of a list of people: "宮下氏・佐伯氏", "大潮建設 宮下氏".
_CJK_PARTS = deferred(r"[ \t\u3000・、,，]+")
# "圆桌论坛：", "特別講演｜": the first part and its mark.
_CJK_KIND_COLON = deferred(r"(?P<kind>[^：:｜|]{1,12}?)[ \t]?[：:｜|][ \t]?(?=\S)")


def _read_cjk_rest(rest: str, series: str, recurring: frozenset[str]) -> SummaryParse:
    """Return the parse of the SUMMARY part after a CJK series and its number: the kind of
    event dropped, then a speaker alone, or a title (an English part is read as any SUMMARY).

    >>> _read_cjk_rest("圆桌论坛：基层慢病管理", "公共卫生前沿讲座", frozenset()).title
    '基层慢病管理'
    >>> _read_cjk_rest("李文博", "公共卫生前沿讲座", frozenset()).speakers
    [Person(name='李文博', affiliation=None)]
    """
    kind = _CJK_KIND_COLON.match(rest)
    if kind and kind.group("kind") in rules.gazetteer("cjk_event_kinds"):
        rest = rest[kind.end():]
    parse = _read_summary(rest, recurring) if rest.isascii() else SummaryParse()
    if not rest.isascii():
        person = parse_cjk_person(rest)
        titles = rules.gazetteer("cjk_person_titles")
        if person is not None and _CJK_NAME_ALONE.fullmatch(person.name):
            parse.speakers, parse.rules["speakers"] = [person], "summary.cjk_speaker"
        elif any(part.endswith(tuple(titles)) for part in _CJK_PARTS.split(rest) if part):
            pass  # "大潮建設 宮下氏・佐伯氏": people by surname and honorific, no title
        elif not is_placeholder(rest):
            parse.title, parse.rules["title"] = rest, "summary.cjk_title"
    if parse.series is None:
        parse.series, parse.rules["series"] = series, "summary.cjk_series_issue"
    return parse


def _strip_status(text: str) -> str:
    """Return ``text`` without leading status and e-mail words ("Cancelled:", "Fwd: Reminder:",
    "[REPORTÉ]").

    >>> _strip_status("[REPORTÉ] Séminaire d'analyse : Ada Roe")
    "Séminaire d'analyse : Ada Roe"
    """
    bracketed = _BRACKETED_WORDS.match(text)
    if bracketed and _STATUS_WORD.fullmatch(bracketed.group("inner").strip() + ":"):
        text = text[bracketed.end():]
    for _ in range(3):
        stripped = _STATUS_WORD.sub("", text, count=1)
        if stripped == text or not stripped:
            break
        text = stripped
    return text


def _strip_date_tail(text: str) -> str:
    """Return ``text`` without a date at its end: "Kolloquium am 22.01.2026", "Seminario de
    Ecología - jueves 6 de noviembre", "Brown Bag, Thursday, March 5".

    >>> _strip_date_tail("Seminario de Ecología Marina - jueves 6 de noviembre")
    'Seminario de Ecología Marina'
    >>> _strip_date_tail("The Road to 2030")
    'The Road to 2030'
    >>> _strip_date_tail("Zero-downtime migrations - live on May 14")
    'Zero-downtime migrations'
    >>> _strip_date_tail("Research seminar 3.11.")
    'Research seminar'
    """
    match = _date_tail().search(text) or _DOTTED_DATE_TAIL.search(text)
    if match is None or match.start() < 3:
        return text
    return text[:match.start()].rstrip(" ,;-–—|")


# "Research seminar 3.11.", "Kolloquium 22.1.2026": a day and month with their dots, as
# Finnish, German and other calendars write them, after a mere blank.
_DOTTED_DATE_TAIL = deferred(r"\s{1,3}\d{1,2}\.\d{1,2}\.(?:\d{2,4})?\s*$")


@functools.cache
def _month_words() -> str:
    """The month names of the label languages as one alternation (models/when_where.json)."""
    return word_alternation(sorted(vocabulary()["months"]))


@functools.cache
def _weekday_words() -> str:
    """The weekday names and their short forms as one alternation (models/gazetteers)."""
    return word_alternation(sorted(rules.gazetteer("weekday_words")))


@functools.cache
def _date_tail() -> regex.Pattern[str]:
    months = _month_words()
    weekdays = _weekday_words()
    # A day's name alone ends a SUMMARY only written out: "Touch the Sun" keeps its sun.
    full_weekdays = word_alternation(sorted(w for w in rules.gazetteer("weekday_words") if len(w) > 4))
    day = r"\d{1,2}(?:st|nd|rd|th|er|º|\.)?"
    date = (rf"(?:{day}[./-]\d{{1,2}}(?:[./-]\d{{2,4}})?"
            rf"|{day}\s{{1,3}}(?:de\s{{1,3}})?(?:{months})\.?(?:,?\s{{1,3}}(?:de\s{{1,3}})?\d{{4}})?"
            rf"|(?:{months})\.?\s{{1,3}}{day}(?:,?\s{{1,3}}\d{{4}})?)")
    return compile_pattern(
        rf"(?i)(?:\s{{1,3}}[-–—|,]\s{{1,3}}(?:live\s{{1,3}}(?:on\s{{1,3}})?)?|,\s{{0,3}}|"
        rf"\s(?:am|on|le|el|il|op|em|den|du)\s{{1,3}})"
        rf"(?:(?:{weekdays})\.?,?\s{{1,3}}(?:(?:the|den|le|el|il)\s{{1,3}})?)?"
        rf"(?:{date}|(?:{full_weekdays}))\s*$")


def _series_before_colon(text: str) -> bool:
    """Return whether ``text`` opens with a series before a colon ("Optics Lunch #14: ...")."""
    left, colon, _ = text.partition(":")
    return bool(colon) and (is_series_name(left) or _NUMBERED.search(left) is not None)


def _ends_in_person(text: str) -> bool:
    """Return whether ``text`` is a person, or ends in one after a colon ("Series: Name")."""
    last = text.rsplit(":", 1)[-1].strip()
    return bool(parse_people(text)) or bool(parse_people(last))


def _person_in_paren(inner: str) -> Person | None:
    """The person of "(Name, Institution)" or "(Name)"; positions and places are no person."""
    person = parse_person(inner)
    if person and (person.affiliation or has_known_given_name(person.name) or
                   leading_honorific(inner) > 0 and len(person.name.split()) >= 2):
        return person  # "(Dr Aroha Ngata)": the honorific says a person, whatever the given name
    return None


_GENERIC_TALK_HEADS = frozenset({"talk", "talks", "meeting", "meetings", "launch", "workshop", "workshops",
                                 "program", "programme"})


def _only_kind_words(text: str) -> bool:
    """Return whether ``text`` only names a kind of event ("Evening lecture", "Session 2A",
    "Invited talk"), which is no series."""
    kinds, categories = rules.gazetteer("event_kinds"), rules.gazetteer("category_words")
    written = [w for w in words(text) if w.strip(".,&()")]
    tokens = [w.lower() for w in written]
    if len(tokens) > 1 and tokens[-2] in rules.gazetteer("talk_givers") and tokens[-1] in kinds and \
            all(t in kinds or t.isdigit() or w.isupper() and len(w) <= 5
                for t, w in zip(tokens[:-2], written)):
        return True  # "Guest Lecture", "CE4021 Guest Lecture": who gives it (and a course code)
    if len(written) > 1 and all(w[:1].isupper() or w.isdigit() for w in written) and \
            written[-1].lower() not in _GENERIC_TALK_HEADS and \
            written[0].lower() not in vocabulary()["months"] and \
            not any(w.isdigit() for w in written):  # "Session 2A": a kind and its number
        # "Evening Lecture" in title case is the proper name of a series; "Curator Talk" and
        # "Guest Talk" only say who gives a talk.
        return False
    givers = rules.gazetteer("talk_givers") if tokens and tokens[-1] in _GENERIC_TALK_HEADS else ()
    months = vocabulary()["months"]  # "April Meetup": this month's meeting, of no named series
    return bool(tokens) and all(t in kinds or t in categories or t in givers or t in months
                                or any(c.isdigit() for c in t) or len(t) == 1
                                or 0 < at < len(tokens) - 1 and t in _KIND_CONJUNCTIONS
                                for at, t in enumerate(tokens))


# "and" between two kinds of event ("Talk and signing", "Söyleşi ve imza").
_KIND_CONJUNCTIONS = frozenset({"and", "und", "et", "e", "y", "en", "och", "og", "ve", "i"})


# "Speaker TBA", "Presenter TBD", "Guest to be announced": no one yet.
_PLACEHOLDER_PERSON = deferred(r"(?i)^(?:speaker|presenter|guest|lecturer|panel(?:ists)?)\s"
                               r"(?:tba|tbd|tbc|to be (?:announced|confirmed|determined))$")
# "Geo Evenings: Title (speaker TBA)": the SUMMARY says it names no speaker.
_SPEAKER_UNKNOWN_NOTE = deferred(r"(?i)\((?:speaker|presenter|guest|lecturer)s?\s"
                                 r"(?:tba|tbd|tbc|to be (?:announced|confirmed|determined))\)\s*$")
# A word no person's name has: an acronym, "&", a number ("Bay Side JS", "Makers & Circuits").
_NOT_A_NAME_WORD = deferred(r"\b\p{Lu}{2,12}\b|&|\d")


def _names_a_person(text: str) -> bool:
    """Return whether ``text`` names someone by a known given name, with no word a person's
    name lacks ("Ada Roe", not "Bay Side JS" or "Makers & Circuits")."""
    return not _NOT_A_NAME_WORD.search(text) and any(
        has_known_given_name(p.name) for p in parse_people(text))


def _group_of_meeting(parts: list[str]) -> str | None:
    """Return the group of "Group — March Meetup" (either order): the part beside one that
    only names this month's or this number's meeting; a person is no group.

    >>> _group_of_meeting(["Harbour Coders", "Monthly Meetup"]), _group_of_meeting(["Ada Roe", "March Meetup"])
    ('Harbour Coders', None)
    """
    meeting = [p for p in parts if _meeting_pattern().match(p)]
    if len(meeting) != 1:
        return None
    group = parts[1 - parts.index(meeting[0])]
    return None if is_placeholder(group) or _names_a_person(group) else group


@functools.cache
def _meeting_pattern() -> regex.Pattern[str]:
    """"March Meetup", "Monthly Meeting", "Meetup #42": a meeting named by when or its number."""
    months = _month_words()
    return compile_pattern(
        rf"(?i)^(?:the\s)?(?:(?:{months}|monthly|weekly|first|second|third|fourth|last|"
        rf"\d{{1,2}}(?:st|nd|rd|th))\s{{1,3}}(?:\d{{4}}\s{{1,3}})?)?(?:meetup|meet-up|meeting|social)"
        rf"(?:\s{{1,3}}#?\d{{1,4}})?$")


def _group_before_month(left: str) -> str | None:
    """Return the group of "PyRiverside January" (a SUMMARY's part before a colon): a name, then
    the month of this meeting; a person is no group."""
    *head, last = left.split() or [""]
    if not head or last.lower().rstrip(".") not in vocabulary()["months"] or last.lower() == "may":
        return None
    group = " ".join(head)
    return None if _only_kind_words(group) or _names_a_person(group) else group


def _only_says_when(part: str) -> bool:
    """Return whether a SUMMARY part is only a day or date ("Thursday", "March 3", "3/14")."""
    calendar = rules.gazetteer("calendar_words")
    tokens = [w.lower().strip(".,") for w in words(part) if w.strip(".,/-")]
    # "May" is a month only beside a day's number ("Thursday May 7"), else a name or a verb.
    dated = any(t.isdigit() for t in tokens)
    return bool(tokens) and all(t in calendar or t.isdigit() or t in {"the", "of"}
                                or t == "may" and dated for t in tokens)


def _is_series_tag(tag: str) -> bool:
    """A bracketed tag is a series when it is named like one, not a lower-case kind ("talk")."""
    return tag[:1].isupper() and (len(tag.split()) > 1 or tag.isupper() or is_series_name(tag)) \
        and not _is_category(tag)  # "[Theorie-Kolloquium]": one word, a compound series name


def _is_category(text: str) -> bool:
    """Return whether a prefix names a calendar category or an event kind, not a series."""
    categories, kinds = rules.gazetteer("category_words"), rules.gazetteer("event_kinds")
    tokens = [w.lower() for w in words(text) if w.strip(".,&()")]
    if not tokens or not all(t in categories or t in kinds or t in {"and", "of", "the", "&"}
                             for t in tokens):
        return False
    return len(tokens) == 1 or any(t in categories for t in tokens)


_YEAR = deferred(r"\b(?:19|20)\d{2}\b")
# "The 2024 Harland Lecture", "The Harland Lecture 2024": this year's instance of a series.
_ANNUAL = deferred(r"^(?:The\s+)?(?:(?:19|20)\d{2}(?:[–-]\d{2,4})?\s+(?P<name>[^,:]{3,80})|"
                   r"(?P<name>[^,:]{3,80}?)\s+(?:19|20)\d{2}(?:[–-]\d{2,4})?)$")
# Curly single quotes too: ‘Title’ (a straight ' is an apostrophe as often as a quote).
_QUOTED_SPAN = deferred(r"[\"“][^\"“”]{1,300}[\"”]|‘[^‘’]{1,300}’")


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


# Head-first series names: "Séminaire de probabilités", "Seminario de Ecología". In English a
# head-first phrase is a title ("Roundtable on AI ..."), unless a name stands before the head
# ("Halvorsen Lecture in Environmental Ethics").
# The words that join a series word to what it is of where the series word opens the name
# ("Seminario de Ecología", "Kolloquium zur Stadtgeschichte"), and their English kin, which
# also open a plain topic ("Roundtable on AI").
SERIES_PREPOSITIONS = frozenset({"de", "di", "d'", "des", "del", "du", "della", "dello", "dei",
                                 "degli", "delle", "do", "da", "dos", "das", "der", "für", "zur",
                                 "zum", "über", "sur", "en", "em", "sobre", "voor", "van"})
ENGLISH_PREPOSITIONS = frozenset({"in", "on", "of", "for"})


def _ends_in_series_word(text: str) -> bool:
    """Return whether a whole SUMMARY names a series: it ends in a series word ("Math Seminar
    Series"), a series word opens a short topic ("Séminaire de probabilités", "Lecture in
    Ethics") or opens a Romance series' name ("Ciclo Engenharia e Sociedade"); "Make Robots
    Talk, Make Robots Listen" merely contains one.

    >>> [_ends_in_series_word(t) for t in ["Geology Seminar Series", "Seminario de Ecología",
    ...  "Make Robots Talk, Make Robots Listen", "Roundtable on AI in the classroom",
    ...  "Ciclo Engenharia e Sociedade"]]
    [True, True, False, False, True]
    """
    # "Geoinformatik-Kolloquium": a compound's last part is its head.
    written = [w for w in words(text) if w.strip(".,:;!?()")]
    tokens = [w.lower().rsplit("-", 1)[-1] for w in written]
    if not tokens or "," in text or not is_series_name(text) or _YEAR.search(text):
        return False  # a year names an occasion ("Founders Prize 2026 Colloquium"), not a series
    if len(tokens) >= 2 and tokens[0] in rules.gazetteer("series_openers") and \
            written[1][:1].isupper():
        return True  # "Ciclo Engenharia e Sociedade": the series word opens the name
    heads = rules.gazetteer("series_heads")
    at = max((i for i, t in enumerate(tokens) if t in heads), default=-1)
    if at == len(tokens) - 1:
        return tokens[-1] in rules.gazetteer("recurring_series_heads")
    if at < 0 or len(tokens) - at > 6:
        return False
    after = tokens[at + 1]
    return after in SERIES_PREPOSITIONS or (after in ENGLISH_PREPOSITIONS and at > 0)


def _long_name_without_given_name(people: list[Person]) -> bool:
    """A lone "name" of four words or more, or with a possessive, is a title unless it opens
    with a known given name ("World's Oldest Paper Map"); so is a list of "names" none of which
    has a known given name or an affiliation ("Childcare Subsidies and Maternal Careers")."""
    if len(people) > 1:
        return not any(has_known_given_name(p.name) or p.affiliation for p in people)
    if len(people) != 1 or people[0].affiliation:
        return False
    name = people[0].name
    return (len(name.split()) >= 4 or "'s" in name or "’s" in name) and \
        not has_known_given_name(name)


def _names_kind_of_event(text: str) -> bool:
    """Return whether a part names a kind of event ("Thesis Defense"), which is no series."""
    categories = rules.gazetteer("category_words")
    return any(w.lower() in categories for w in words(text))


def _credible_after_colon(rest: str) -> bool:
    """A bare two-word phrase after a colon ("Night Walks: Granite Horizons") is a name
    only with a known given name or an honorific ("Science Nights: Dr. Ilse Roe"); an
    affiliation or a title part after it is evidence enough."""
    if _DASHES.search(rest) or "(" in rest or "," in rest:
        return True
    return has_known_given_name(rest) or leading_honorific(rest) > 0


def _starts_with_person(text: str) -> bool:
    head = _DASHES.split(text, maxsplit=1)[0]
    if parse_people(head) or parse_person(head.split(",")[0]):
        return True
    # "Dr. Ada Roe on Reading the Fire Scars": an honorific makes the words before "on" a name
    # ("Crossing the Sea: Ada Roe on Translation" may be one title).
    person_on = _PERSON_ON_TITLE.match(text)
    return person_on is not None and leading_honorific(person_on.group("person")) > 0


def _person_on_quoted(text: str, parse: SummaryParse) -> bool:
    """Read "Ada Roe '02 on “The Borrowed Coast”": who, then the quoted title; and "Maria Roe
    on Reading the Fire Scars", a title in title case after a known given name or an honorific.

    >>> parse = SummaryParse()
    >>> _person_on_quoted("Maria Roe on Building a Bakery from a Garage", parse), parse.title
    (True, 'Building a Bakery from a Garage')
    >>> _person_on_quoted("Workshop on Building Bakeries", SummaryParse())
    False
    """
    quoted = _PERSON_ON_QUOTED.match(text)
    person_on = quoted or _PERSON_ON_TITLE.match(text)
    if person_on is None:
        return False
    people = parse_people(person_on.group("person"))
    if not people or not all(is_person_name(p.name) for p in people):
        return False
    if quoted is None and not (len(people) == 1 and (
            has_known_given_name(people[0].name) or leading_honorific(person_on.group("person")))):
        return False  # "Ruth Hall on Main Street" may be a place; a known given name is a person's
    parse.speakers, parse.rules["speakers"] = people, "summary.person_on_quoted_title"
    _set_title(parse, person_on.group("title"), "summary.person_on_quoted_title")
    return True


def _conversation_after_colon(text: str, parse: SummaryParse) -> bool:
    """Read "Title: Ada Roe & Bo Li in Conversation": the guests after the colon speak, and
    what stands before it is the evening's title (or its series, or only its kind).

    >>> parse = SummaryParse()
    >>> _conversation_after_colon("Writing the Shore: Ada Roe & Bo Li in Conversation", parse)
    True
    >>> parse.title, [p.name for p in parse.speakers]
    ('Writing the Shore', ['Ada Roe', 'Bo Li'])
    """
    head, colon, tail = text.partition(":")
    guests = _conversation_guests(tail) if colon and ":" not in tail else []
    if not guests:
        return False
    parse.speakers, parse.rules["speakers"] = guests, "summary.in_conversation"
    head = head.strip()
    if is_series_name(head):
        if parse.series is None:
            parse.series, parse.rules["series"] = head, "summary.series_colon"
    elif len(head.split()) >= _CONVERSATION_TITLE_WORDS and not _only_kind_words(_ARTICLE.sub("", head)):
        # "Poetry Month: Ada Roe in Conversation": a short head is the occasion, no title.
        _set_title(parse, head, "summary.title_colon_conversation")
    return True


_CONVERSATION_TITLE_WORDS = 3


def _conversation_before_colon(text: str, parse: SummaryParse) -> bool:
    """Read "Ada Roe in conversation with Bo Li: Title": the guest before the colon speaks
    (who talks with her hosts), and the rest is the evening's title.

    >>> parse = SummaryParse()
    >>> _conversation_before_colon("Ada Roe in conversation with Bo Li: Harbour Lights", parse)
    True
    >>> parse.title, [p.name for p in parse.speakers]
    ('Harbour Lights', ['Ada Roe'])
    """
    head, colon, tail = text.partition(":")
    guests = _conversation_guests(head) if colon and tail.strip() else []
    if not guests:
        return False
    parse.speakers, parse.rules["speakers"] = guests, "summary.in_conversation"
    _set_title(parse, tail.strip(), "summary.conversation_colon_title")
    return True


def _conversation_guests(text: str) -> list[Person]:
    """Return the guests of "Ada Roe (& Bo Li) in conversation (with Cy Dunn)", or []: each
    a known given name or a name of two words, one at least known or several of them."""
    talk = _IN_CONVERSATION.match(text.strip())
    guests = parse_people(talk.group("guest")) if talk else []
    if not guests or not all(has_known_given_name(p.name) or len(p.name.split()) >= 2 for p in guests) or \
            not any(has_known_given_name(p.name) for p in guests) and len(guests) < 2:
        return []  # "Art and Science in Conversation" is no one's name
    return guests


def _read_parts(text: str, parse: SummaryParse, recurring: frozenset[str] = frozenset()) -> None:
    text = _LOGISTICS_TAIL.sub("", text)
    if _person_on_quoted(text, parse):
        return
    paren = _TITLE_PAREN_PERSON.match(text)
    if paren and not _DASHES.search(text) and not _ends_in_person(paren.group("title")) and \
            (person := _person_in_paren(paren.group("person"))):
        # "Series #14: Title (A. Roe)": the title and its speaker after the series.
        parse.speakers, parse.rules["speakers"] = [person], "summary.title_paren_person"
        _set_title(parse, paren.group("title"), "summary.title_paren_person")
        return
    if _conversation_after_colon(text, parse) or _conversation_before_colon(text, parse):
        return
    # "Kolloquium Umweltgeschichte am 21. April – Dr. Ada Roe": a part's own date goes, and
    # so does a session's number before a title ("Session 2: Drought ...").
    parts = [strip_session_number(_strip_date_tail(p.strip(" :")))
             for p in _split_outside_quotes(text) if p.strip(" :")]
    if any(_NO_EVENT.match(p) for p in parts):  # "Spring Break - No Classes"
        # "ALGEBRA SEMINAR — NO MEETING": the series still names itself.
        named = [p for p in parts if not _NO_EVENT.match(p) and is_series_name(p)]
        if named and parse.series is None:
            parse.series, parse.rules["series"] = named[0], "summary.series_no_event"
        return
    # "Seminar - Thursday": a part that only says when is no title.
    parts = [p for p in parts if not _only_says_when(p)] or parts
    if len(parts) == 2 and parse.series is None and (group := _group_of_meeting(parts)):
        # "Bay Side JS — March Meetup": this month's meeting of a group, which is the series.
        parse.series, parse.rules["series"] = group, "summary.group_meeting"
        return
    name = _numbered_series_name(parts[0]) if len(parts) == 1 else None
    if name and parse.series is None:
        # "Makers & Circuits #42": the forty-second meeting of a series, and no title.
        parse.series, parse.rules["series"] = name, "summary.numbered_series"
        return
    # "Title - TBA (TBA)": a speaker still to be announced is no part of the title.
    kept = [p for p in parts if not is_placeholder(_PAREN.sub("", p))] or parts
    if len(kept) == 1 < len(parts) and len(kept[0].split()) <= 3 and parse.series is None \
            and not parse_people(kept[0]):
        # "SERIES Month — speaker TBA": the short head left is the series.
        parse.series, parse.rules["series"] = kept[0], "summary.short_head_placeholder"
        return
    parts = kept
    people_at: int | None = None
    for index, part in enumerate(parts):
        quoted = _PERSON_QUOTED_TITLE.match(part) or _QUOTED_TITLE_PERSON.match(part)
        if quoted and (person := parse_person(quoted.group("person"))):
            # "Name, "Title"" or ""Title" (Name, Institution)" as one part.
            parse.speakers, people_at = [person], index
            parse.rules["speakers"] = "summary.person_quoted_title"
            _set_title(parse, quoted.group("title"), "summary.person_quoted_title")
            # The other parts are not the title even when this one is a placeholder ("TBA").
            parse.rules.setdefault("title", "summary.person_quoted_title")
            parts[index] = ""
            break
        head, colon, tail = part.partition(":")
        if colon and tail.strip() and (_PLACEHOLDER_PERSON.match(head.strip()) or
                                       rules.label_fields().get(head.strip().lower()) == "speaker"):
            # "Series — Speaker TBA: Title", "Journal Club — Presenter: Ada Roe": a speaker's
            # label (or no speaker yet) inside a part.
            part = parts[index] = tail.strip()
            head, colon, tail = part.partition(":")
        named = parse_people(head) if colon and tail.strip() else []
        if named and all(has_known_given_name(p.name) for p in named) and \
                not parse_people(tail) and not is_placeholder(tail):
            # "Invited talk — Name: Title": a part holds the speaker and the title.
            parse.speakers, people_at = named, index
            parse.rules["speakers"] = "summary.person_colon_title_part"
            _set_title(parse, tail, "summary.person_colon_title_part")
            parts[index] = ""
            break
        people = parse_people(part)
        if people and not all(has_known_given_name(p.name) for p in people) and \
                any(_names_known_people(later) for later in parts[index + 1:]):
            if index == 0 and parse.series is None and len(parts) > 2 and \
                    not _only_kind_words(part) and not _is_category(part):
                # ... and the part before the title, which is no one's name, is the series
                parse.series, parse.rules["series"] = part, "summary.series_before_title_person"
                parts[index] = ""
            continue  # "Studium Generale | Title – Anouk Roe": the name is in the later part
        if people and not _long_name_without_given_name(people) and \
                not ((":" in part.partition(",")[2] or "?" in part) and
                     not all(has_known_given_name(p.name) for p in people)):
            # "Forty Wards, One Map: Rebuilding ...": a title with a subtitle, no name; nor
            # is "Who Pays for Eggs? Cage-Free Mandates and Retail Prices"
            parse.speakers, people_at = people, index
            parse.rules["speakers"] = "summary.part_person"
            break
    if parse.rules.get("title") in ("summary.person_quoted_title", "summary.person_colon_title_part"):
        others = [p for p in parts if p]
        if parse.series is None and len(others) == 1 and len(others[0].split()) <= 6 and \
                not _names_kind_of_event(others[0]) and not _only_kind_words(others[0]):
            parse.series, parse.rules["series"] = others[0], "summary.series_before_person"
        return
    if people_at is None and len(parts) == 1:
        name_title = _NAME_COMMA_TITLE.match(parts[0])
        if name_title and (person := parse_person(name_title.group("person"))):
            parse.speakers, parse.rules["speakers"] = [person], "summary.person_comma_title"
            _set_title(parse, name_title.group("title"), "summary.person_comma_title")
            return
        talk = _IN_CONVERSATION.match(parts[0])
        guests = parse_people(talk.group("guest")) if talk else []
        if guests:
            # "Ada Roe in conversation with Bo Li": the guest speaks; who talks with her hosts.
            parse.speakers, parse.rules["speakers"] = guests, "summary.in_conversation"
            return
        given = _GIVEN_BY.match(parts[0])
        people = parse_people(given.group("who")) if given else []
        weak_cue = given is not None and given.group(0)[given.end("left"):].lower().strip().startswith("with")
        # "with" gives a speaker when a known given name or an honorific says a person is
        # named ("Ferns of the Gully with Dr Ada Roe"; "Cooking with Gas" names nobody).
        if given and people and (not weak_cue or all(has_known_given_name(p.name) for p in people)
                                 or leading_honorific(given.group("who")) > 0):
            parse.speakers, parse.rules["speakers"] = people, "summary.given_by"
            left = given.group("left").strip(" :-")
            if left and not weak_cue and _only_kind_words(_ARTICLE.sub("", left)):
                pass  # "A talk by Name", "Lecture by Name": the kind of event, no series or title
            elif left and is_series_name(left) and len(left.split()) <= 6:
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
        if person and person.affiliation and ":" not in person.affiliation:
            parse.speakers, parse.rules["speakers"] = [person], "summary.person_affiliation"
            return
    others = [p for i, p in enumerate(parts) if i != people_at and p]
    if people_at is not None and others and is_series_name(others[0]) and len(others) > 1:
        if parse.series is None:
            parse.series, parse.rules["series"] = others[0], "summary.series_part"
        others = others[1:]
    elif people_at is not None and len(others) > 1 and is_series_name(others[-1]) and \
            not is_series_name(others[0]):
        # "Title // Name (Institution) // Series": the series last.
        if parse.series is None:
            parse.series, parse.rules["series"] = others[-1], "summary.series_last"
        others = others[:-1]
    elif people_at is not None and len(others) == 1 and people_at > 0 and \
            (is_series_name(others[0]) or _ACRONYM.fullmatch(others[0]) and not is_placeholder(others[0])) \
            and len(others[0].split()) <= 5 and not _names_kind_of_event(others[0]):
        # "Crystallography Student Talks - Name": a series before the speaker, no title;
        # "QRS - Name": a lone acronym before the speaker is the series's too;
        # "Seminar this Friday - Name": only the kind of event, no series either.
        if parse.series is None and not _only_kind_words(others[0]):
            parse.series, parse.rules["series"] = others[0], "summary.series_before_person"
        others = []
    if not others:
        return
    if people_at is None and len(others) == 2 and parse.series is None and \
            (name := _numbered_series_name(others[0])):
        # "Roda de Filosofia #12 — Title", "Data Seminar #5 - Title": the twelfth meeting of a
        # series, then its title.
        parse.series, parse.rules["series"] = name, "summary.numbered_series"
        others = others[1:]
    elif people_at is None and len(others) == 2 and parse.series is None and \
            _ends_in_series_word(others[0]) and not _ends_in_series_word(others[1]) and \
            not _only_kind_words(others[0]):
        # "Data & Society Seminar - Who Audits the Algorithm?": a series, then the title.
        parse.series, parse.rules["series"] = others[0], "summary.series_dash_title"
        others = others[1:]
    elif people_at is None and len(others) == 2 and parse.series is None and \
            len(others[0].split()) <= 3 and not is_placeholder(others[0]) and \
            not _only_kind_words(others[0]) and not has_head(others[0], "non_talk_words") and \
            (len(others[0].split()) <= 2 or others[0] in recurring or others[0].isupper() or
             is_series_name(others[0])):
        # "SERIES - Title" (or "SERIES - TBC"): a short head before a dash names the series;
        # "Library Closed — Holiday" names no series. Three words may as well open a title
        # ("Data Without Permission – What Cities Owe"): they name a series when the calendar
        # repeats them or a series word says so.
        parse.series, parse.rules["series"] = others[0], "summary.short_head_dash"
        others = others[1:]
    rest = " - ".join(others)
    annual = _ANNUAL.match(rest)
    if annual and people_at is None and parse.series is None and \
            _ends_in_series_word(annual.group("name")):
        # "The 2024 Harland Lecture": this year's instance of a named series.
        parse.series, parse.rules["series"] = annual.group("name"), "summary.annual_series"
        return
    if people_at is None and parse.series is None and (
            _ends_in_series_word(rest) and len(rest.split()) <= 6 or _ACRONYM.fullmatch(rest)) \
            and not is_placeholder(rest):
        # "Colloquium Series", or a lone acronym such as "QRS" (not "TBA"): the series, not a
        # title.
        parse.series, parse.rules["series"] = rest, "summary.series_only"
        return
    if people_at is not None and _only_kind_words(rest):
        return  # "Thesis defence – Name": the kind of event beside the person, no title
    _set_title(parse, rest, "summary.title_part" if people_at is not None else "summary.title_only")


_TITLE_TWICE = deferred(r"^(?P<a>[^\"“”]{3,300}?),?\s{0,3}[\"“](?P<b>[^\"“”]{3,300})[\"”]$")
# "(Sponsored by the X Foundation)", "(1.5 CLE credits)", "(4 hrs RACE)", "(talk in English)":
# a note after a title, no part of it.
_NOTE_TAIL = deferred(r"\s{0,3}\((?:(?:co-?)?sponsored|presented|hosted|supported|funded) by [^()]{3,120}\)$|"
                      r"\s{0,3}\((?:(?:talk|lecture|presentation|palestra|charla|vortrag|given|held)\s)?"
                      r"(?:in|em|en|auf|in lingua)\s(?:English|French|German|Spanish|Portuguese|Italian|"
                      r"Dutch|Japanese|Mandarin|Chinese|Korean|Arabic|Swedish|Polish|Russian|Welsh|"
                      r"ingl[êée]se?s?|anglais|englisch|italiano|portugu[êe]s|espa[ñn]ol|fran[çc]ais|deutsch)"
                      r"(?:\s(?:with|and|com|con|avec|mit)\s[^()]{2,40})?\)$|"
                      r"\s{0,3}\(\d{1,2}(?:\.\d{1,2})?\s{0,2}(?:(?:CLE|CME|CE|CPE|PDH|CEU|CPD|contact)\s{0,2})?"
                      r"(?:credits?|hours?|hrs?|units?|points?|CLE|CME|CE|CPE|PDHs?|CEUs?|CPD)"
                      r"(?:\s{1,2}(?:RACE|ACPE|ANCC|CLE|CME|CE|CPE|CPD)(?:\s{1,2}credits?)?)?\)$", regex.IGNORECASE)
_KIND_PREFIX = deferred(r"^(?:[\p{L}\-]{3,30}\s?/\s?)?"  # "Gesprächskonzert / Lecture-recital:"
                        r"(?:(?:opening|closing|invited|contributed|featured|special|public|"
                        r"plenary|evening|lunchtime|cle|cme|ce|cpd)\s+)?"
                        r"(?:keynote(?: address| lecture| talk)?|panel(?: discussion)?|"
                        r"[\p{L}\-]{2,20}\s(?:panel|roundtable)|"  # "Policy Panel:", "HGSA panel:"
                        r"podium(?:sdiskussion)?|(?:book|album|report) launch|(?:wet\s+)?lab|"
                        r"lecture[- ](?:recital|demonstration|performance)|"
                        r"fireside chat|roundtable|round table|mesa[- ]redonda|table[- ]ronde|"
                        r"debate|debatt|(?:panel\s+|public\s+)?discussion|diskusija|(?:panelov[áa]\s+)?diskuse|"
                        r"dyskusja|diskussion|"
                        r"tavola rotonda|(?:author|book|artist|curator|gallery) talk|"
                        # a panel, a round table, a guest or evening talk in Dutch, the Nordic
                        # languages, German and Turkish
                        r"rondetafel(?:gesprek)?|panelgesprek|paneldiscussie|paneldebat|"
                        r"(?:kvälls)?panel(?:samtal|debatt|diskussion)?|rundabordssamtal|"
                        r"(?:gast|abend)vortrag(?:\s\([\p{L}.]{2,12}\))?|podiumsgespräch|"
                        r"söyleşi(?:\sve\simza)?|panel\sve\ssöyleşi|"
                        r"(?:live\s+|product\s+)?demo(?:nstration)?|(?:policy\s+)?briefing|"
                        r"case\s+(?:conference|presentation|report)|"
                        r"plenary(?: talk)?|talk|lecture|seminar|colloquium|tutorial|webinar|workshop|"
                        r"continuing education|"
                        # "talk" and "lecture" in Spanish, German, French, Italian, Portuguese,
                        # Dutch, the Nordic languages, Polish, Czech, Finnish, Estonian and
                        # Hungarian; a course or a workshop in them
                        r"charla|conferencia|ponencia|vortrag|gastvortrag|conf[ée]rence|conferenza|"
                        r"palestra|lezing|voordracht|f[öo]redrag|f[öo]rel[äa]sning|wyk[łl]ad|"
                        r"p[řr]edn[áa][šs]ka|luento|esitelmä|seminaari|loeng|el[őo]ad[áa]s|"
                        r"kurssi|kursus|kurs|cours|curso|corso|cursus|työpaja|töötuba|"
                        # a seminar, a lecture, a talk, a colloquium, a webinar in Russian,
                        # Ukrainian and Bulgarian
                        r"семинар|семінар|лекция|лекція|лекции|доклад|доповідь|коллоквиум|колоквіум|"
                        r"вебинар|вебінар|"
                        r"(?:(?:ph\.?d\.?|doctoral|dissertation|thesis|master'?s|m\.?s\.?|m\.?a\.?|"
                        r"proposal|final)\s+){0,3}defen[cs]e)"
                        r"\s*[:–—-]\s+", regex.IGNORECASE)


def _numbered_series_name(part: str) -> str | None:
    """Return the series a numbered part names ("Makers & Circuits #42" gives "Makers &
    Circuits"), or None: no number, the kind of event alone ("Session #2") or a person's name."""
    numbered = _NUMBERED.search(part)
    name = part[:numbered.start()].strip() if numbered else ""
    if not name or _only_kind_words(name) or any(has_known_given_name(p.name) for p in parse_people(name)):
        return None
    return name


def _names_known_people(part: str) -> bool:
    """Return whether a SUMMARY part (split at its dashes) is only people whose given names
    are known."""
    if len(part.split()) > 6 or any(c in part for c in ":?,"):
        return False  # "Deep Levels, Shallow Pockets: Can ...": a title, whatever its words
    people = parse_people(part)
    return bool(people) and all(has_known_given_name(p.name) for p in people)


# A surname alone: "Okafor", "Roe-Park".
_SURNAME = deferred(r"\p{Lu}[\p{Ll}'’]{1,30}(?:-\p{Lu}[\p{Ll}'’]{1,30})?")


def _set_title(parse: SummaryParse, text: str, rule: str) -> None:
    # "Keynote: Title", "Panel: Title": the kind of talk is no part of its title.
    text = _NOTE_TAIL.sub("", text.strip(" ,;"))
    title = strip_quotes(_KIND_PREFIX.sub("", text))
    if title != strip_quotes(text.strip(" ,;")) and not parse.speakers and \
            (people := parse_people(title)) and all(has_known_given_name(p.name) for p in people):
        # "PhD Defense: Ada Roe": the kind of event, then who presents, and no title.
        parse.speakers, parse.rules["speakers"] = people, "summary.kind_then_person"
        return
    honorific = leading_honorific(title) if not parse.speakers and parse.series is not None else 0
    if honorific and _SURNAME.fullmatch(title[honorific:]):
        # "Speaker Series - Dr. Okafor": a speaker named by title and surname after the
        # series, and no talk title ("Dr. Strangelove" alone may be a film's).
        parse.speakers, parse.rules["speakers"] = [Person(title[honorific:], None)], \
            "summary.honorific_surname"
        return
    twice = _TITLE_TWICE.match(title)
    if twice and twice.group("a").casefold() == twice.group("b").casefold():
        title = twice.group("a")  # 'Title, "Title"': a template wrote it twice
    if title and not is_placeholder(title):
        parse.title, parse.rules["title"] = title, rule
