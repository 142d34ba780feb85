"""Start and end time of a talk in a plain-text announcement.

The resolver looks, in order of trust, at a ``Time:``-style label line (the header's own
``Time:`` first), then at time ranges and cued times ("at 3:30 p.m.") in the prose. A found
span is normalised by a small clock parser; a missing am/pm is carried across a range or
guessed from the hours talks are usually given at. Vocabularies (labels, month names, range
words) live in ``models/when_where.json``.

Every regex here is linear: no nested unbounded quantifiers, only bounded ``\\s{0,n}`` runs.
"""
from __future__ import annotations

import bisect
import datetime
import email.utils
import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import regex

from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..shapes import within_quoted_line_passage

DATA_PATH = Path(__file__).resolve().parents[2] / "models" / "when_where.json"


@dataclass(frozen=True)
class When:
    """When a talk starts and ends, with the span and rule that gave it."""

    start: str | None
    end: str | None
    span: tuple[int, int] | None
    rule: str


@dataclass(frozen=True)
class Clock:
    """A time of day as written: hour, minute and the meridiem if one was given."""

    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None


@cache
def vocabulary() -> dict[str, Any]:
    """Return the shared when/where vocabulary loaded from models/when_where.json."""
    with DATA_PATH.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def word_alternation(words: list[str]) -> str:
    """Return a non-capturing regex alternation of ``words``, longest first, spaces flexible."""
    # Longest first so that "date and time" wins over "time".
    parts = sorted({regex.escape(w).replace("\\ ", r"\s{1,3}") for w in words}, key=lambda word: (-len(word), word))
    return "(?:" + "|".join(parts) + ")"


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    """Return the compiled time patterns built from the vocabulary."""
    v = vocabulary()
    named = word_alternation(list(v["named_times"]))
    meridiem = r"(?:[ap]\.?\s?m\b\.?)"
    # "3:30", "15.30", "14h00", "14 h 30" (French spacing), "14h" (French, Portuguese), "18 Uhr",
    # "18 Uhr 30"
    clock = r"(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d|h(?![\w:/])|\sh\s[0-5]\d|\s?Uhr(?:\s[0-5]\d)?)?"
    # A lone time: "noon", "12 noon", "3:30", "3:30pm", "4 p.m.", "12:00 noon".
    one = rf"(?:(?:12\s?)?{named}\b|{clock}(?:\s?{meridiem}|\s?{named}\b)?)"
    guard_l = r"(?<![\w:./$-])"
    guard_r = r"(?![\w:/]|\.\d|-[A-Za-z])"
    rng = word_alternation(v["range_words"])
    join = rf"(?:\s{{0,3}}\(?\s{{0,2}}(?:-{{1,2}}|–|—)\s{{0,3}}|\s{{1,3}}{rng}\s{{1,3}})"
    months = word_alternation(list(v["months"]))
    weekdays = word_alternation([d for d in v["weekdays"] if len(d) > 3])
    # Before a month/day, "Wed" and "Sat" are weekdays too ("Date: Wed 10/16").
    any_weekday = word_alternation(list(v["weekdays"]))
    # The space between a day and its month: a wrapped line may part them, a blank line may not
    # ("Meetings 2026–27" over a blank line, then "November Evening Meeting").
    one_break = r"(?![ \t]{0,3}\n[ \t]{0,3}\n)\s{1,3}"
    return {
        "one": compile_pattern(guard_l + f"(?:{one})" + guard_r, regex.I),
        "range": compile_pattern(guard_l + f"(?P<a>{one}){join}(?P<b>{one})" + guard_r, regex.I),
        # "starts at 4:00, not at 3:30": a time the text takes back.
        "not_at": compile_pattern(rf"\bnot\s{{1,3}}(?:at\s{{1,3}})?(?P<t>{one})" + guard_r, regex.I),
        # 24-hour ranges such as "1315-1430": only trusted as a pair.
        "range24": compile_pattern(r"(?<![\w:./-])(?P<a>(?:[01]\d|2[0-3])[0-5]\d)\s{0,2}-\s{0,2}"
                                 r"(?P<b>(?:[01]\d|2[0-3])[0-5]\d)(?![\w:/])"),
        "cue": compile_pattern(rf"(?:{word_alternation(v['start_cues'])})\s{{0,2}}$", regex.I),
        # "3:30 and run until around 5:00": a short gap inside the sentence is allowed.
        "until": compile_pattern(rf"[^.;\n]{{0,24}}?\b{word_alternation(v['end_cues'])}\s{{1,3}}"
                               rf"(?:{word_alternation(v['approximately'])}\s{{1,3}})?(?P<b>{one}){guard_r}", regex.I),
        # "We should be done by 1:15", "we normally finish by 9.30pm": a later sentence's end.
        "end_by": compile_pattern(rf"\b{word_alternation(v['end_by_cues'])}\s{{1,3}}(?:{word_alternation(v['approximately'])}\s{{1,3}})?"
                                rf"(?P<b>{one}){guard_r}", regex.I),
        "label": compile_pattern(rf"(?m)^[ \t*>|-]{{0,12}}{word_alternation(v['time_labels'])}\s{{0,3}}:[ \t]{{0,40}}(?P<value>[^\n]{{0,200}})", regex.I),
        "header_label": compile_pattern(rf"(?m)^{word_alternation(v['header_labels']['time'])}:[ \t]{{0,40}}(?P<value>[^\n]{{0,200}})", regex.I),
        "abstract": compile_pattern(r"(?m)^Abstract:"),
        "dmy": compile_pattern(rf"\b(?P<d>\d{{1,2}})-(?P<m>{months})-(?P<y>\d{{2,4}})\b", regex.I),
        "md": compile_pattern(rf"\b(?P<m>{months})\.?{one_break}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s{{1,3}}(?P<y>(?:19|20)\d\d)\b)?", regex.I),
        # Day first: "22. Januar 2026", "6 de noviembre de 2025", "10 mars 2026".
        "dm": compile_pattern(rf"\b(?P<d>[0-3]?\d)(?:\.|st|nd|rd|th)?{one_break}(?:de\s{{1,3}})?(?P<m>{months})\b\.?"
                            rf"(?:,?\s{{1,3}}(?:de\s{{1,3}})?(?P<y>(?:19|20)\d\d)\b)?", regex.I),
        # "3/12/91", "Tues 4/20": a US month/day, with a year or after a weekday.
        # The weekday is tried first: "(?P<y4>)" marks a month/day with no weekday before it.
        "md_numeric": compile_pattern(rf"(?:(?<=\b(?:{any_weekday})\.?,?\s{{1,3}})|\b(?P<y4>))(?P<mo>1[0-2]|0?[1-9])/"
                                    rf"(?P<d>3[01]|[12]\d|0?[1-9])(?:/(?P<y>(?:19|20)?\d\d))?\b(?!/)", regex.I),
        "weekday": compile_pattern(rf"\b(?P<w>{weekdays})\b", regex.I),
        "cued_weekday": compile_pattern(rf"\b(?:(?P<next>this|next|on|coming)\s{{1,3}})(?P<w>{weekdays})\b", regex.I),
        "month_year": compile_pattern(rf"(?i)\b(?:{months})\.?\s{{1,3}}(?P<y>(?:19|20)\d\d)\b"),
        "dates_line": compile_pattern(rf"(?m)^{word_alternation(v['header_labels']['dates'])}:[^\n]{{0,80}}", regex.I),
        "posted_line": compile_pattern(rf"(?m)^{word_alternation(v['header_labels']['posted'])}:[^\n]{{0,200}}", regex.I),
    }


def parse_clock(s: str) -> Clock | None:
    """Return the Clock written in ``s`` ("3:30 p.m.", "noon", "1315"), or None.

    >>> parse_clock("4.30 PM")
    Clock(hour=4, minute=30, meridiem='pm')
    >>> parse_clock("12 noon")
    Clock(hour=12, minute=0, meridiem='pm')
    >>> parse_clock("14 h 30"), parse_clock("18 Uhr")
    (Clock(hour=14, minute=30, meridiem=None), Clock(hour=18, minute=0, meridiem=None))
    >>> parse_clock("14h")
    Clock(hour=14, minute=0, meridiem=None)
    """
    low = s.lower()
    for word, hour in vocabulary()["named_times"].items():
        if word in low:
            return Clock(hour, 0, "pm" if hour == 12 else "am")
    m = regex.match(r"\s*(\d{1,2})(?:\s?(?:[:.]|h\s?|uhr\s?)?(\d{2}))?\s?([ap])?", low)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    mer = {"a": "am", "p": "pm"}.get(m.group(3) or "")
    return Clock(hour, minute, None if hour > 12 else mer)


def _minutes(c: Clock, meridiem: str | None) -> int:
    h = c.hour
    if c.hour <= 12 and meridiem is not None:
        h = c.hour % 12 + (12 if meridiem == "pm" else 0)
    return h * 60 + c.minute


def _guess(c: Clock) -> int:
    # Without am/pm, talks at 1-7 o'clock are afternoon ones; 8-11 are morning ones.
    if c.meridiem or c.hour > 12:
        return _minutes(c, c.meridiem)
    return _minutes(c, "pm" if c.hour <= 7 or c.hour == 12 else "am")


def _after(c: Clock, start: int) -> int:
    """Return the reading of ``c`` in minutes that is the first one after ``start``."""
    if c.meridiem or c.hour > 12:
        return _minutes(c, c.meridiem)
    readings = sorted({_minutes(c, "am"), _minutes(c, "pm")})
    return next((r for r in readings if r > start), readings[-1])


def resolve_range(a: Clock, b: Clock | None) -> tuple[int, int | None]:
    """Return (start, end) in minutes after midnight, carrying am/pm across the range.

    >>> resolve_range(Clock(11, 0, None), Clock(12, 30, "pm"))
    (660, 750)
    """
    if b is None:
        return _guess(a), None
    if a.meridiem is None and a.hour <= 12 and b.meridiem is not None:
        end = _minutes(b, b.meridiem)
        same = _minutes(a, b.meridiem)
        start = same if same < end else _minutes(a, "am" if b.meridiem == "pm" else "pm")
        return start, end
    start = _guess(a)
    return start, _after(b, start)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int | None
    span: tuple[int, int]
    explicit: bool  # am/pm or 24-hour written, so the reading is certain


def _covered(spans: list[tuple[int, int]], pos: int) -> bool:
    """Return whether ``pos`` falls inside one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# "14h00", "14 h 30", "18 Uhr": the hour as French, German and others write it.
# "c.t." (cum tempore) after a German academic time: a quarter of an hour later.
_CUM_TEMPORE = deferred(r"[ \t]{0,3}c\.[ \t]?t\.")
_H_CLOCK = deferred(r"\d\s?h\s?[0-5]\d|\d\s?Uhr\b", regex.IGNORECASE)


def _years_not_hours(text: str, match: regex.Match[str]) -> bool:
    """Return whether a "1846-1900" that reads as a 24-hour range is a span of years: a
    minute off the five-minute steps a talk keeps, or the range inside a quoted title
    ("The Columbia Bar Pilots, 1846-1900").

    >>> import regex
    >>> m = regex.search(r"(?P<a>\\d{4})-(?P<b>\\d{4})", '"Salt: The Pilots, 1846-1900," will')
    >>> _years_not_hours(m.string, m)
    True
    """
    if int(match["a"][2:]) % 5 or int(match["b"][2:]) % 5:
        return True
    if within_quoted_line_passage(text, match.start()):
        return True
    # "Coastal shipping, 1855-1910, will be ...": years set off by commas or brackets.
    line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
    return line.endswith((", ", "(")) and text[match.end():match.end() + 1] in (",", ")")


def _times_in(text: str, lo: int, hi: int, *, lone: bool, labelled: bool = False) -> list[_Found]:
    """Return ranges (and lone times when ``lone``) found in text[lo:hi], in order; under a
    time label (``labelled``) a dotted time ("Time: 15.30") is a time, not a number."""
    p = _patterns()
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for m in p["range24"].finditer(text, lo, hi):
        if _years_not_hours(text, m):
            continue
        a, b = parse_clock(m["a"]), parse_clock(m["b"])
        if a and b and _minutes(b, None) > _minutes(a, None):
            found.append(_Found(_minutes(a, None), _minutes(b, None), m.span(), True))
            bisect.insort(taken, m.span())
    for m in p["range"].finditer(text, lo, hi):
        a, b = parse_clock(m["a"]), parse_clock(m["b"])
        if not a or not b or _covered(taken, m.start()):
            continue
        # "3-5" alone is too often a date or a score; ask for a colon, am/pm or a word.
        if not (":" in m[0] or "." in m[0] or _H_CLOCK.search(m[0]) or a.meridiem or b.meridiem
                or not m[0][-1].isdigit()):
            if not p["cue"].search(text, max(0, m.start() - 12), m.start()):
                continue
        start, end = resolve_range(a, b)
        found.append(_Found(start, end, m.span(), bool(a.meridiem or b.meridiem)))
        bisect.insort(taken, m.span())
    if lone:
        for m in p["one"].finditer(text, lo, hi):
            if _covered(taken, m.start()):
                continue
            c = parse_clock(m[0])
            cued = bool(p["cue"].search(text, max(0, m.start() - 12), m.start())) or \
                (labelled and "." in m[0])
            if c is None or not (":" in m[0] or _H_CLOCK.search(m[0]) or c.meridiem or cued):
                continue
            if "." in m[0] and not (c.meridiem or cued):
                continue  # "1.25 hours" is a duration, not a time
            end = None
            u = p["until"].match(text, m.end(), min(hi, m.end() + 30))
            if u and (b := parse_clock(u["b"])):
                start, end = resolve_range(c, b)
                span = (m.start(), u.end())
            else:
                start, span = _guess(c), m.span()
            found.append(_Found(start, end, span, bool(c.meridiem)))
    found.sort(key=lambda f: f.span)
    return found


def _header_end(text: str) -> int:
    m = _patterns()["abstract"].search(text)
    return m.end() if m else 0


def _same_clock(a: int, b: int) -> bool:
    return a % 720 == b % 720


# How far after a header a "..., not at 3:30" that takes its time back may stand.
_CORRECTION_REACH = 1500


def _label_time(text: str) -> tuple[_Found, str] | None:
    """Return the first time found on a time label line (or just below it) with its rule."""
    p = _patterns()
    head_end = _header_end(text)
    matches = [(m, "when.header_time") for m in p["header_label"].finditer(text, 0, head_end)] \
        if head_end else []
    # Without a bulletin header ("Time:" over "Abstract:"), a "When:" line above the abstract
    # is a label line like any other.
    lo = head_end if matches else 0
    matches += [(m, "when.label_time") for m in p["label"].finditer(text, lo) if m.start() >= lo]
    for m, rule in matches:
        lo = m.start("value")
        # A label may put the date on its own line and the time on the next ones.
        hi = lo
        for _ in range(3):
            nl = text.find("\n", hi + 1)
            hi = len(text) if nl < 0 else nl
            found = _times_in(text, lo, hi, lone=True, labelled=True)
            if found:
                talk = _the_talks_time(found, text)
                if rule == "when.header_time" and _taken_back(text, talk.start, head_end):
                    break  # "starts at 4:00, not at 3:30": the header's time is corrected below
                return talk, rule
    return None


def _taken_back(text: str, minutes: int, start: int) -> bool:
    """Return whether the text after ``start`` takes a time back: "..., not at 3:30"."""
    if "not" not in text:
        return False
    for m in _patterns()["not_at"].finditer(text, start, start + _CORRECTION_REACH):
        clock = parse_clock(m["t"])
        if clock is not None and _same_clock(_guess(clock), minutes):
            return True
    return False


def _the_talks_time(found: list[_Found], text: str) -> _Found:
    """Return the time of the talk among times on one line: "doors at 7:00 pm, talks start at
    7:30 pm" gives 7:30; else the first."""
    return (_after_talk_start(found, text) or _without_other_times(found, text) or found)[0]


def _after_talk_start(found: list[_Found], text: str) -> list[_Found]:
    """The times that follow "the talk starts at" (and the like)."""
    return [f for f in found if _TALK_STARTS.search(text, max(0, f.span[0] - 40), f.span[0])]


def _without_other_times(found: list[_Found], text: str) -> list[_Found]:
    """The times that do not follow "doors", "coffee", "reception" (and the like)."""
    return [f for f in found if not _NOT_THE_TALK.search(text, max(0, f.span[0] - 45), f.span[0])]


def _better_from_body(chosen: _Found, text: str) -> _Found:
    """Return ``chosen`` with am/pm and end time taken from the body when it says more."""
    body = _times_in(text, _header_end(text), len(text), lone=True)
    same = [f for f in body if _same_clock(f.start, chosen.start)]
    start, end, explicit = chosen.start, chosen.end, chosen.explicit
    if not explicit:
        sure = next((f for f in same if f.explicit), None)
        if sure:
            start = sure.start
            if end is not None and end <= start:
                end += 720
    if end is None:
        ranged = next((f for f in same if f.end is not None), None)
        if ranged:
            end = ranged.end if ranged.explicit or ranged.end > start else ranged.end + 720
            end = end if end > start else end + 720 if end + 720 < 1440 else end
    return _Found(start, end, chosen.span, explicit)


# How far after the start a "we finish by 9.30pm" may stand, and how long a talk may last.
_END_BY_WINDOW = 1500
_LONGEST_TALK = 5 * 60


def _ended_by(found: _Found, text: str) -> _Found:
    """Return ``found`` with the end a later sentence gives ("We should be done by 1:15"),
    when it falls after the start and within a talk's length."""
    m = _patterns()["end_by"].search(text, found.span[1], found.span[1] + _END_BY_WINDOW)
    clock = parse_clock(m["b"]) if m else None
    if clock is None or not (clock.meridiem or ":" in m["b"] or "." in m["b"]):
        return found  # "taken over by 3 groups": a bare number is no clock
    end = _after(clock, found.start)
    if not 0 < end - found.start <= _LONGEST_TALK:
        return found
    return _Found(found.start, end, found.span, found.explicit)


# "weekdays from 10 a.m. to 4 p.m.", "open Wednesday through Sunday, 10 a.m. to 5 p.m.", "Mon.–Fri.,
# 10 a.m.–4 p.m.", "box office hours: noon to 5": when a box office or a gallery is open.
_DAY_RANGE = (r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?\s{0,3}(?:[–-]|through|thru|to)\s{0,3}"
              r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?")
_OPENING_HOURS = deferred(
    rf"(?i)\b(?:(?:weekdays|daily|{_DAY_RANGE})[,:]?[^.\n]{{0,12}}|"
    r"(?:box\s{1,3}office|opening|library|office|gallery|museum)\s{1,3}hours\b[^.\n]{0,50}|"
    r"\bopen\s{1,3}(?:from\s{1,3})?)$")
# "10 a.m. to 5 p.m. Tuesday through Sunday", "(10 am to 5 pm, Monday to Saturday)": the days
# after the hours.
_DAYS_AFTER_HOURS = deferred(rf"(?i)[,;]?\s{{1,3}}{_DAY_RANGE}")


def _opening_hours(text: str, found: _Found) -> bool:
    """Return whether a time gives opening hours, not the talk's ("the box office is open
    weekdays from 10 a.m. to 4 p.m.", "open 10 a.m. to 5 p.m. Tuesday through Sunday").

    >>> text = "Tickets at the box office, weekdays from 10 a.m. to 4 p.m."
    >>> _opening_hours(text, _Found(600, 960, (41, 58), True))
    True
    >>> text = "The museum is open 10 a.m. to 5 p.m. Tuesday through Sunday."
    >>> _opening_hours(text, _Found(600, 1020, (19, 36), True))
    True
    """
    return bool(_OPENING_HOURS.search(text, max(0, found.span[0] - 80), found.span[0]) or
                _DAYS_AFTER_HOURS.match(text, found.span[1], found.span[1] + 40))


def _prose_time(text: str) -> tuple[_Found, str] | None:
    """Return the first ranged or cued time in the body, with its rule."""
    p = _patterns()
    head_end = _header_end(text)
    # A web page may say when above its "Abstract:" heading, where a bulletin keeps its header.
    below = _times_in(text, head_end, len(text), lone=True)
    above = _times_in(text, 0, head_end, lone=True) if head_end else []
    posted = p["posted_line"].search(text, 0, head_end) if head_end else None
    if posted:
        # "PostedBy: ab+ on 10-Sep-92 at 17:05": when the post was sent, not the talk's time
        above = [f for f in above if not posted.start() <= f.span[0] < posted.end()]
    # A range is the talk's time wherever it stands; an "Abstract:" label inside a mail's body
    # may come after it ("Friday, 10:30 - 12:00" over "Abstract: ...").
    ranged = [f for f in below + above if f.end is not None and not _opening_hours(text, f)]
    if ranged:
        return ranged[0], "when.prose_range"
    found = [f for f in below or above if not _opening_hours(text, f)] or below or above
    # "Doors open at 7pm and the talk starts at 7.30pm": the talk's own start outweighs the
    # doors, the coffee or the reception before it.
    starts = _after_talk_start(found, text)
    if starts:
        return starts[0], "when.prose_talk_starts"
    found = _without_other_times(found, text) or found
    for f in found:
        if p["cue"].search(text, max(0, f.span[0] - 12), f.span[0]):
            return f, "when.prose_at"
    return (found[0], "when.prose_any") if found else None


# How near the top a notice's issue line stands ("NEWSLETTER - OCTOBER 2004"), and how short.
_TOP_CHARS = 300
_ISSUE_LINE_WORDS = 6
# "the talk starts at", "the lecture will begin at": the talk's own start.
_TALK_STARTS = deferred(r"(?i)\b(?:(?:talk|lecture|seminar|presentation|program(?:me)?)\s{1,3}"
                        r"(?:starts|begins|will\s{1,3}(?:start|begin)|commences)|"
                        r"(?:talks|lectures|presentations)\s{1,3}(?:start|begin|will\s{1,3}(?:start|begin)|"
                        r"commence))\s{1,3}(?:at\s{1,3})?$")
# "Doors open at", "coffee from", "Refreshments will be served at": a time before or after the
# talk.
_NOT_THE_TALK = deferred(r"(?i)\b(?:doors(?:\s{1,3}open)?|coffee|tea|reception|refreshments|"
                         r"registration|check-in|dinner|lunch)\b(?:[^.;\n]{0,12}|\s{1,3}(?:will\s{1,3}be\s{1,3})?"
                         r"(?:served|available|provided)(?:\s{1,3}in\s{1,3}the\s{1,3}\w{1,20})?\s{1,3}"
                         r"(?:at|from|beginning\s{1,3}at)\s{0,3})$")


def _year(y: str) -> int:
    n = int(y)
    return n if n >= 100 else (1900 + n if n >= 50 else 2000 + n)


def talk_date(text: str, reference: datetime.date | None = None,
              time_span: tuple[int, int] | None = None) -> datetime.date | None:
    """Return the date of the talk from the Dates header, the body or the PostedBy line; else
    ``reference`` (the day an event page's front matter gives); else, in an e-mail, a weekday
    or "today" counted from the day it was sent (a weekday on the line of the talk's time,
    at ``time_span``, first)."""
    p = _patterns()
    months: dict[str, int] = vocabulary()["months"]
    dates = p["dates_line"].search(text)
    if dates and (m := p["dmy"].search(dates[0])):
        return _safe_date(_year(m["y"]), months[m["m"].lower()], int(m["d"]))
    posted = p["posted_line"].search(text)
    posted_date = None
    if posted and (m := p["dmy"].search(posted[0])):
        posted_date = _safe_date(_year(m["y"]), months[m["m"].lower()], int(m["d"]))
    if posted_date is None:
        posted_date = _publication_date(text)
    start = _header_end(text)
    if text.startswith("Date:"):
        # An e-mail's own Date header opens the text; it is the reference, not the talk's day.
        start = max(start, text.find("\n") + 1 if "\n" in text else len(text))
    month_day, day_month = _first_not_teased(p["md"], text, start), _first_not_teased(p["dm"], text, start)
    if not (month_day or day_month) and start and not posted_date:
        # A web page may give the day above its "Abstract:" heading (an e-mail's own Date
        # header excepted).
        top = text.find("\n") + 1 if text.startswith("Date:") else 0
        month_day = _first_not_teased(p["md"], text, top, start)
        day_month = _first_not_teased(p["dm"], text, top, start)
    m = min((x for x in (month_day, day_month) if x), key=lambda x: x.start(), default=None)
    if m and posted_date and _is_own_date_line(text, m, posted_date):
        # "FOR IMMEDIATE RELEASE" over "January 29, 2001": the release's own day, on a line of
        # its own; the talk's day comes further on.
        after = text.find("\n", m.end()) + 1 or len(text)
        month_day, day_month = _first_not_teased(p["md"], text, after), _first_not_teased(p["dm"], text, after)
        m = min((x for x in (month_day, day_month) if x), key=lambda x: x.start(), default=None)
    sent = _sent_date(text)
    numeric = _numeric_date(text, start, m.start() if m else len(text))
    if numeric is not None and (numeric["y"] or reference or posted_date or sent):
        # "Tuesday, 3/12/91" before any date in words: the year written, else the year of
        # the page or the post.
        year = _year(numeric["y"]) if numeric["y"] else (reference or posted_date or sent).year
        return _safe_date(year, int(numeric["mo"]), int(numeric["d"]))
    if m:
        month, day = months[m["m"].lower().rstrip(".")], int(m["d"])
        if m["y"] or reference or posted_date or not sent:
            year = int(m["y"]) if m["y"] else (reference or posted_date or datetime.date.min).year
            if year == 1:
                # "NEWSLETTER - OCTOBER 2004" over "Thursday 14th October": the issue's year,
                # from a short line near the top that names a month and a year.
                year = next((int(y.group("y")) for line in text[:_TOP_CHARS].splitlines()
                             if len(line.split()) <= _ISSUE_LINE_WORDS
                             and (y := p["month_year"].search(line))), 1)
            if year == 1:
                # "postponed to Thursday, February 17" over "Date(s) - 02/03/2011": the year
                # of a date written in full elsewhere on the page.
                year = _written_year(text)
            found = _safe_date(year, month, day) if year > 1 else None
            if found and not m["y"] and not reference and posted_date and \
                    found < posted_date - _PAST_GRACE:
                found = _safe_date(year + 1, month, day)  # "5 January" posted in December
            return found
        # "Friday, April 17" in a mail sent on 13 April 2026: the year the mail was sent, or
        # the next one when the day had passed long before ("January 8" sent in December).
        found = _safe_date(sent.year, month, day)
        if found and found < sent - _PAST_GRACE:
            found = _safe_date(sent.year + 1, month, day)
        return found
    if sent and posted_date is None and reference is None:
        # "When: This Thursday, 3:30", "this is happening TODAY!", "tomorrow's seminar",
        # "This Friday the seminar welcomes ...": counted from the day the mail was sent.
        if time_span and (day := _weekday_date(text, sent, time_span)):
            return day
        if relative := _RELATIVE_DAY.search(text, text.find("\n") + 1):
            return sent + datetime.timedelta(days=relative.group(1).lower() == "tomorrow")
        return _weekday_date(text, sent)
    return posted_date or reference


def _written_year(text: str) -> int:
    """Return the year of the first date written with its year in ``text``, else 1."""
    p = _patterns()
    written = [m for m in (next((m for m in p[name].finditer(text) if m["y"]), None)
                           for name in ("md", "dm", "md_numeric")) if m is not None]
    first = min(written, key=lambda m: m.start(), default=None)
    return _year(first["y"]) if first is not None else 1


def _is_own_date_line(text: str, m: regex.Match[str], posted: datetime.date) -> bool:
    """Return whether the date ``m`` stands alone on its line and is the page's own ``posted``."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    alone = text[line_start:len(text) if line_end < 0 else line_end].strip(" \t*_#>") == m.group().strip()
    if not (alone and m["y"]):
        return False
    month = vocabulary()["months"][m["m"].lower().rstrip(".")]
    return _safe_date(int(m["y"]), month, int(m["d"])) == posted


def _numeric_date(text: str, start: int, end: int) -> regex.Match[str] | None:
    """Return the first "3/12/91" (a year written) or "Tues 4/20" (a weekday before it) in
    text[start:end], when no teaser introduces it; a bare "3/4" is as often a fraction."""
    for m in _patterns()["md_numeric"].finditer(text, start, end):
        if m["y"] is None and m["y4"] is not None:
            continue  # "3/4" without a weekday or a year
        if _may_be_talk_day(text, m.start()):
            return m
    return None


_PAST_GRACE = datetime.timedelta(days=60)
_RELATIVE_DAY = deferred(r"\b(today|tonight|tomorrow)(?:'s|’s)?\b", regex.IGNORECASE)
# "NEXT WEEK (Thursday, Nov. 1): ...", "Coming up: ...": a teaser's date is another talk's.
_TEASER = deferred(r"(?i)\b(?:next\s{1,3}(?:week|month|time|term|semester)|coming\s{1,3}up|upcoming|"
                   r"following\s{1,3}week)\b[^\n]{0,30}$")


# "*Posted April 6, 2026 · Newsroom*", "Last updated: 3 May", "By A. Writer | May 2, 2026":
# the page's own date; and a release's: "For immediate release -- March 3, 2026", "EMBARGOED
# UNTIL ... NOV. 2, 2026", "For planning purposes -- April 8", a dateline "ASHFORD, Iowa (Nov. 2"
# (the date in its parentheses only: a dateline's sentence goes on to name the talk's day).
_DATELINE_HEAD = r"\p{Lu}{2,20}(?:[ .'-]{1,2}\p{Lu}{2,20}){0,3},[ \t][^\n(]{0,30}\("  # bounded: linear
_DATELINE = deferred(_DATELINE_HEAD)
_PUBLICATION_LINE = deferred(r"(?i)[ \t*_>#]{0,6}(?:posted|published|updated|last\s(?:updated|modified)|"
                             r"date\sposted|by\s|embargoed|for\s(?:immediate\s)?(?:release|use)|"
                             r"release\sdate|for\splanning\spurposes)\b|"
                             rf"(?-i:{_DATELINE_HEAD}\Z)")
# How near the top a page's byline stands, and how long its line is at most.
_PUBLICATION_REACH = 3000
_BYLINE_CHARS = 200


def _publication_date(text: str) -> datetime.date | None:
    """Return the date a page gives itself on a byline or "Posted" line, with its year; or on
    a release's line of its own that holds only a date ("**10 February 2026**") or a metadata
    line's ISO date ("Date: 2026-02-10 09:00").

    >>> _publication_date("PRESS RELEASE\\n**10 February 2026**\\n\\nThe lecture is on 17 March.")
    datetime.date(2026, 2, 10)
    >>> _publication_date("Title: Tides\\nDate: 2026-02-10 09:00\\n\\nOn 17 March.")
    datetime.date(2026, 2, 10)
    """
    p = _patterns()
    months: dict[str, int] = vocabulary()["months"]
    for line in text[:_PUBLICATION_REACH].splitlines():
        if len(line) > _BYLINE_CHARS:
            continue
        if _PUBLICATION_LINE.match(line) or _DATELINE.match(line):
            found = [p["md"].search(line), p["dm"].search(line)]
        elif iso := _ISO_DATE_HEADER.match(line):
            return _safe_date(int(iso["y"]), int(iso["mo"]), int(iso["d"]))
        else:
            bare = line.strip(" \t*_#>")
            found = [p["md"].fullmatch(bare) or p["dm"].fullmatch(bare)]
        m = next((m for m in found if m and m["y"]), None)
        if m:
            return _safe_date(int(m["y"]), months[m["m"].lower().rstrip(".")], int(m["d"]))
    return None


# A metadata line of a page's own date, as Pelican and similar generators write it.
_ISO_DATE_HEADER = deferred(r"(?i)^(?:date|published|posted|pubdate)[ \t]{0,3}:[ \t]{0,10}"
                            r"(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")


def _first_not_teased(pattern: regex.Pattern[str], text: str, start: int,
                      end: int | None = None) -> regex.Match[str] | None:
    """Return the first match of a month-and-day ``pattern`` from ``start`` that no teaser for a
    later talk introduces on its line, and that is not the date a page was published; a span of
    days ("the meeting runs June 4–7") only when no single day follows.

    >>> _first_not_teased(_patterns()["md"], "The meeting runs June 4–7.\\nWHEN: June 6", 0)["d"]
    '6'
    """
    span = None
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        if _may_be_talk_day(text, m.start()):
            if not _DAY_SPAN_TAIL.match(text, m.end()):
                return m
            span = span or m
    return span


# "June 4–7": the month and day open a span of days.
_DAY_SPAN_TAIL = deferred(r"[ \t]{0,2}[–-][ \t]{0,2}[0-3]?\d\b(?![:.]\d)")


def _may_be_talk_day(text: str, at: int) -> bool:
    """Return whether a date at ``at`` may be the talk's: no teaser for a later talk introduces
    it on its line, it is not on the page's byline, and it ends no show or deadline."""
    line_start = text.rfind("\n", 0, at) + 1
    return not _TEASER.search(text, line_start, at) and \
        not _PUBLICATION_LINE.match(text, line_start, at) and \
        not _FORWARDED_SENT_LINE.match(text, line_start, at) and \
        not (text.startswith("On ", line_start) and _REPLY_ATTRIBUTION.match(text, line_start, at + 300)) and \
        not _SPAN_END.search(text, max(line_start, at - 40), at) and \
        not _EDIT_STAMP.search(text, max(line_start, at - 30), at)


# "SNOW DATE – UPDATED FEB. 2: ... postponed to Thursday, February 17": the day a notice was
# changed, anywhere on its line, not the talk's.
_EDIT_STAMP = deferred(r"(?i)\b(?:updated|revised|amended|posted)(?:[ \t]{1,3}on)?[ \t]{1,3}$")
# "Sent: Thursday, October 15, 2015 10:05 AM": the header of a message forwarded or replied to.
_FORWARDED_SENT_LINE = deferred(r"[ \t>]{0,6}(?:\*\*)?Sent(?:\*\*)?[ \t]{0,3}:")
# "On Fri, Mar 4, 2011 at 2:15 PM, Ada Roe <ada@x> wrote:": when the message replied to was sent.
_REPLY_ATTRIBUTION = deferred(r"On\s[^\n]{0,160}(?:\n[^\n]{0,120})?\swrote:")


# "on view through Nov. 21", "register by Friday, March 6": the end of something else (a show,
# a deadline), not the talk's day.
_SPAN_END = deferred(r"(?i)\b(?:through|thru|until|till|deadline(?:\s{1,3}is)?:?|register\s{1,3}by|"
                     r"registration\s{1,3}closes(?:\s{1,3}on)?)\s{1,3}(?:\p{L}{3,9}\.?,?\s{1,3})?$")


def _weekday_date(text: str, sent: datetime.date,
                  time_span: tuple[int, int] | None = None) -> datetime.date | None:
    """Return the day a weekday in an e-mail names, counted from ``sent``: the weekday on the
    line of the time at ``time_span`` when given, else the first one said with "this", "next"
    or "on", else the first one at all."""
    p = _patterns()
    body = text.find("\n") + 1
    if time_span:
        lo, hi = text.rfind("\n", 0, time_span[0]) + 1, text.find("\n", time_span[0])
        lo, hi = max(lo, body), len(text) if hi < 0 else hi
        m = p["cued_weekday"].search(text, lo, hi) or p["weekday"].search(text, lo, hi)
    else:
        m = p["cued_weekday"].search(text, body) or p["weekday"].search(text, body)
    if m is None:
        return None
    wanted = _WEEKDAY_NUMBERS[m["w"].lower()[:3]]
    ahead = (wanted - sent.weekday()) % 7
    if ahead == 0 and (m.groupdict().get("next") or "").lower() == "next":
        ahead = 7
    return sent + datetime.timedelta(days=ahead)


_WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _sent_date(text: str) -> datetime.date | None:
    """Return the day an e-mail was sent, from the ``Date:`` header that opens its text."""
    if not text.startswith("Date:"):
        return None
    try:
        return email.utils.parsedate_to_datetime(text[5:text.find("\n")].strip()).date()
    except (TypeError, ValueError, IndexError):
        return None


def _date_on_line(text: str, at: int, year_of: datetime.date | None = None) -> datetime.date | None:
    """Return a date written beside the time at ``at`` ("When: Wednesday, February 4, 2026
    12:00 PM-1:15 PM"): it is the talk's day whatever other dates the text holds. A day
    without a year ("at 7 p.m. Thursday, Feb. 19") takes the year of ``year_of`` (the day the
    rest of the text gives), or the next one when it would fall long before that day."""
    p = _patterns()
    months: dict[str, int] = vocabulary()["months"]
    lo, hi = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    near_lo, near_hi = max(lo, at - _BESIDE), min(hi, at + _BESIDE)
    above = text.rfind("\n", 0, max(0, lo - 1)) + 1
    if lo and not text[lo:at].strip() and 0 < lo - 1 - above <= _DAY_LINE_CHARS:
        # "Wednesday, Oct. 20, 2021" over "6–7:30 p.m.": the short line right above a line
        # that opens with the time is the time's day too.
        lo = near_lo = above
    for m in (p["md"].search(text, lo, hi), p["dm"].search(text, lo, hi)):
        if not m or not _may_be_talk_day(text, m.start()):
            continue  # "HALE, Iowa (Nov. 2, 2026) -- Ada Roe will speak at 4 p.m. Nov. 18"
        month, day = months[m["m"].lower().rstrip(".")], int(m["d"])
        if m["y"]:
            return _safe_date(int(m["y"]), month, day)
        if year_of is not None and near_lo <= m.start() and m.end() <= near_hi and \
                not p["dates_line"].search(text):  # a bulletin's "Dates:" header is the day
            found = _safe_date(year_of.year, month, day)
            if found and found < year_of - _PAST_GRACE:
                found = _safe_date(year_of.year + 1, month, day)
            return found
    return None


# How far from a time a day without a year may stand and still be the time's day.
_BESIDE = 40
# How long the line above a time may be to be read as its day.
_DAY_LINE_CHARS = 60


def _safe_date(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _iso(minutes: int | None, day: datetime.date | None,
         zone: datetime.tzinfo | None = None) -> str | None:
    if minutes is None:
        return None
    t = datetime.time(minutes // 60 % 24, minutes % 60)
    if day is None:
        return t.isoformat()
    return datetime.datetime.combine(day, t).replace(tzinfo=zone).isoformat()


# "12:00 PM-1:15 PM (UTC-05:00)", "3 pm GMT+1": an offset written after the time.
_UTC_OFFSET = deferred(r"\b(?:UTC|GMT)\s?(?P<sign>[+\-−–])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?")
_ZONE_WINDOW = 60


@cache
def zone_names() -> regex.Pattern[str]:
    """Return the pattern of the time-zone names of ``models/when_where.json`` ("ET", "CET")."""
    names = sorted(vocabulary()["time_zones"], key=lambda word: (-len(word), word))
    return compile_pattern(r"(?<!\p{L})(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\p{L})")


@cache
def _bare_zone() -> regex.Pattern[str]:
    """Return the pattern of a region word right after a time ("12:00 pm Eastern (16:00
    UTC)"), with no word or number after it ("4 pm Central Library" is a place)."""
    bare = [n for n in vocabulary()["bare_time_zones"] if not n.startswith("_")]
    return compile_pattern(r"[ \t]{1,3}(?P<zone>" + "|".join(bare) + r")(?!\s{0,3}[\p{L}\d&])")


def _one_zone_after_times(text: str) -> datetime.tzinfo | None:
    """Return the one time zone a text writes right after its clock times ("When: 6.30 pm –
    8 pm" above "It will begin at 6.30 pm IST and run until 8 pm"), or None when it writes
    none or several ("2 pm ET / 11 am PT").

    >>> _one_zone_after_times("When: 6.30 pm\\nIt begins at 6.30 pm IST, ends at 8 pm IST.").key
    'Asia/Kolkata'
    >>> _one_zone_after_times("At 2 pm ET / 11 am PT.") is None
    True
    """
    names = {m["zone"] for m in _time_then_zone().finditer(text)}
    return ZoneInfo(vocabulary()["time_zones"][names.pop()]) if len(names) == 1 else None


@cache
def _time_then_zone() -> regex.Pattern[str]:
    """Return the pattern of a clock time with a zone's name right after it ("6.30 pm IST")."""
    return compile_pattern(r"\b\d{1,2}(?:[.:]\d{2})?[ \t]{0,2}(?:[ap]\.?m\.?|h)?[ \t]{1,2}(?:\(\s?)?"
                         r"(?P<zone>" + zone_names().pattern + r")")


def _zone_after(text: str, span: tuple[int, int]) -> datetime.tzinfo | None:
    """Return the time zone written right after a time on its line ("11:00 AM PT", "(UTC-05:00)
    Eastern Time"), if one is; a text with none keeps naive times.

    >>> text = "11:00 am - 12:00 pm Eastern (16:00-17:00 UTC)"
    >>> _zone_after(text, (0, 19)).key, _zone_after("4 pm Central Library", (0, 4))
    ('America/New_York', None)
    >>> _zone_after("at 10:30 a.m. in the Auditorium of the Central\\nLibrary", (3, 13)) is None
    True
    """
    end = text.find("\n", span[1])
    window = text[span[1]:min(len(text) if end < 0 else end, span[1] + _ZONE_WINDOW)]
    offset = _UTC_OFFSET.search(window)
    if offset:
        minutes = int(offset["h"]) * 60 + int(offset["m"] or 0)
        sign = -1 if offset["sign"] in "-−–" else 1
        return datetime.timezone(datetime.timedelta(minutes=sign * minutes))
    if bare := _bare_zone().match(text, span[1]):
        return ZoneInfo(vocabulary()["bare_time_zones"][bare["zone"]])
    name = zone_names().search(window)
    return ZoneInfo(vocabulary()["time_zones"][name.group()]) if name else None


def clock_range(text: str) -> tuple[Clock, Clock] | None:
    """Return the two clock times of a text that is only a range of them, or None.

    >>> [c.hour for c in clock_range("6:30 pm – 7:45 pm")], clock_range("3:30 pm") is None
    ([6, 7], True)
    """
    match = _patterns()["range"].fullmatch(text.strip())
    if match is None:
        return None
    a, b = parse_clock(match["a"]), parse_clock(match["b"])
    return (a, b) if a and b else None


def names_clock_time(text: str, minutes: int) -> bool:
    """Return whether ``text`` gives a time of day ``minutes`` after midnight, alone or as the
    start of a range ("7:00–8:15 p.m." names 19:00).

    >>> names_clock_time("Open daily 9:30–5. Thursday, May 7 · 7:00–8:15 p.m.", 19 * 60)
    True
    """
    return any(f.start == minutes for f in _times_in(text, 0, len(text), lone=True))


# "5.30 pm for 6.00 pm", "6:30 for 7": the time to arrive, then the time the talk begins.
_ARRIVAL_FOR = deferred(r"[ \t]{1,3}for[ \t]{1,3}(?P<t>\d{1,2}(?:[:.]\d{2})?(?:[ \t]?[ap]\.?m\.?)?)"
                        r"(?![\w:])", regex.IGNORECASE)


def resolve_when(text: str, *, reference: datetime.date | None = None) -> When | None:
    """Return the talk's start and end time found in ``text``, or None.

    >>> resolve_when("Time: 3:30 - 5:00 PM\\nAbstract: hello").end
    '17:00:00'
    """
    got = _label_time(text) or _prose_time(text)
    if got is None:
        return None
    found, rule = got
    found = _better_from_body(found, text)
    if found.span and (arrival := _ARRIVAL_FOR.match(text, found.span[1])) and \
            (begins := parse_clock(arrival.group("t"))) is not None:
        # "5.30 pm for 6.00 pm": come at half past five for a start at six.
        found = replace(found, start=_after(begins, found.start), span=(found.span[0], arrival.end()))
    if found.end is None and found.span:
        found = _ended_by(found, text)
    if _CUM_TEMPORE.match(text, found.span[1], found.span[1] + 12):
        # "18 Uhr c.t.": the academic quarter, the talk begins a quarter past.
        found = replace(found, start=found.start + 15)
    elsewhere = talk_date(text, reference, found.span)
    day = _date_on_line(text, found.span[0], elsewhere) or elsewhere
    zone = _zone_after(text, found.span) if found.span else None
    if zone is None and found.span and zone_names().search(text):
        zone = _one_zone_after_times(text)
    return When(_iso(found.start, day, zone), _iso(found.end, day, zone), found.span, rule)
