"""Location of a talk in a plain-text announcement.

Candidates come from four places, trusted in this order: the header's ``Place:`` line, a
``Place:``/``Location:``/``Where:`` label line in the body, a place shape in prose after a cue
("will be held in", "at 4 pm in"), and a line that holds nothing but a place. A place *shape*
is a chain of units such as "<number> <Capitalised> Hall", "<Abbrev> 5409", "Room 101 of
<Building>" or "<Name> Conference Room", joined by ", ", " - ", " (" or " in ". Building and
room words come from ``models/when_where.json``; no building of any campus is named in code.

All regexes use bounded quantifiers only, and shapes are searched one paragraph at a time.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..shapes import within_quoted_line_passage
from .when import vocabulary, word_alternation, zone_names


@dataclass(frozen=True)
class Where:
    """Where a talk takes place, as written, with the span and rule that gave it."""

    text: str
    span: tuple[int, int]
    rule: str


@dataclass(frozen=True)
class PlaceCandidate:
    """A possible location: its span in the text, the rule that found it and its score."""

    start: int
    end: int
    rule: str
    score: int


# Weights of where a candidate was found; a room number or building word adds to them.
CONTEXT_WEIGHT = {
    "where.header_place": 100,
    "where.label_place": 90,
    "where.prose_held_in": 40,
    "where.prose_near_time": 35,
    "where.line_place": 30,
    "where.prose_in": 20,
    "where.shape": 5,
    "where.prose_room_number": 0,
}


@cache
def _patterns() -> dict[str, Any]:
    """Return the compiled place patterns built from the vocabulary."""
    v: dict[str, Any] = vocabulary()
    stop = word_alternation(v["not_building"] + list(v["months"]) + v["weekdays"])
    months = word_alternation(list(v["months"]))
    kw = word_alternation(v["building_words"])
    room = word_alternation(v["room_words"])
    function = word_alternation(v["function_words"])
    ws = r"(?:[ \t]{1,3}|[ \t]{0,2}\n[ \t]{0,24})"  # one line break may fall inside a place
    nl = r"(?:[ \t]{0,2}\n[ \t]{0,24})"
    not_stop = rf"(?!(?i:{stop})s?\b)"
    cap = rf"(?:(?=[A-Z\d]){not_stop}(?:[A-Z][A-Za-z'’]{{0,24}}(?:[.-][A-Za-z][A-Za-z'’]{{0,24}}){{0,2}}\.?|\d{{1,3}}(?:st|nd|rd|th)))"
    abbr = rf"(?:(?=[A-Z]){not_stop}(?:[A-Z][A-Za-z]{{0,3}}[A-Z]|(?:[A-Z]\.){{2,3}}))"
    num_end = r"(?![\w:/]|\.\d|\s?(?i:[ap]\.?m)\b)"
    num = (r"(?:(?!(?:19|20)\d\d\b)(?:[A-Z]{1,2}[-.]?)?\d{1,4}[A-Z]{0,2}\d{0,3}"
           rf"(?:[-.](?:\d{{1,4}}[A-Z]?|[A-Z])(?!\w))?{num_end})")
    modifier = rf"(?:(?!{function}\b)[a-z]{{2,12}}{ws})"
    of_part = rf"(?:{ws}of{ws}(?:the{ws})?{cap}(?:{ws}{cap}){{0,2}})"
    # "Marsden Lecture Theatre", "Kerr Seminar Room": a room's kind may be a word the
    # capitals stop at.
    kind = rf"(?:{word_alternation(v['room_kind_words'])}{ws})?"
    named = (rf"(?:(?:{cap}{ws}){{1,4}}{modifier}?{kind}(?i:{kw})\b{of_part}?|"
             rf"(?=[A-Z])(?i:{kw})\b{of_part})")
    building_named = rf"(?:(?:{cap}{ws}){{0,3}}(?i:{kw})\b)"
    building = rf"(?:{building_named}|{abbr}|{cap})"
    unit = "|".join([
        # "Room 12 of <Building>", "Room 12 <Building>", "Room 12, <Name> Hall" (not ", ABC")
        rf"(?i:{room})(?:{ws})?{num}(?:{ws}(?:(?:of|in){ws}(?:the{ws})?)?{building}|[ \t]{{0,2}},{ws}{building_named})?",
        rf"(?<![\w.:/$-])(?<!(?i:{months})\.?[ \t]{{1,3}}){num}{ws}(?:of{ws})?{building}",
        rf"\d{{3,4}}{abbr}\b|{abbr}\d{{3,4}}[A-Z]?\b",  # "1004XYZ", "XyZ4321"
        # "<Building> 12", "<Building> - 12", "<Building>, Room\n12" (no bare line break before a number)
        rf"{building}(?:[ \t]{{0,2}}[,-](?:{ws})?|{ws}|[ \t]{{0,2}}(?=(?i:{room})))(?:(?i:{room})\.?(?:{ws})?)?{num}",
        named,
        # "Auditorium, Whitlock Science Center": a bare room of the building named after it;
        # "Auditorium A, ...", "Room B, ...": a room lettered.
        rf"(?=[A-Z])(?i:{kw}|{room})\b(?:[ \t]{{1,2}}[A-Z](?![\w'’.\-]))?(?=[ \t]{{0,2}},{ws}{building_named})",
        rf"\d{{1,2}}(?:st|nd|rd|th){ws}(?i:floor)",
    ])
    sep = (rf"(?:[ \t]{{0,2}},{ws}(?:located{ws}in{ws}|of{ws}the{ws})?|{ws}-{{1,2}}{ws}|[ \t]{{0,2}}\({ws}?|"
           rf"{ws}(?:in|of|on|at){ws}(?:(?i:the){ws})?|{nl})")
    # A last bare name: "<Room>, Somewhere" or "<Room> in Somewhere", when the phrase ends.
    # "<Room>, The Foundry": a venue's name with its article, words without a dot.
    plain_cap = rf"(?:(?=[A-Z]){not_stop}[A-Z][A-Za-z'’]{{0,24}})"
    tail = (rf"(?:(?:[ \t]{{0,2}},{ws}(?=[A-Z][a-z])|{ws}in{ws}(?:(?i:the){ws})?)"
            rf"(?:The[ \t]{{1,3}}{plain_cap}(?:[ \t]{{1,3}}{plain_cap}){{0,2}}|{cap})"
            r"(?=[ \t]{0,2}(?:[.,;:)]|\n|$)))")
    # A closing aside that names a room or a building: "(large meeting room)", "(Room 12)", also
    # on a line of its own under the place ("(Auditorium)").
    aside = rf"(?:(?:[ \t]{{0,2}}|[ \t]{{0,2}}\n[ \t]{{0,60}})\((?=[^()]{{0,40}}(?:\d|(?i:{kw})\b))[^()]{{1,40}}\))"
    # A capitalised "The" opens a place's name ("The Main Hall, ..."); a lower-case one does not.
    # Only a capital, a digit, a room word or a building word opens one: the guard spares the
    # alternatives below every other word of the text.
    opening = rf"(?=[A-Z\d]|(?i:{kw}|{room}))"
    shape = rf"{opening}(?:The[ \t]{{1,3}})?(?:{unit})(?:{sep}(?:{unit})){{0,3}}{tail}?{aside}?\)?"
    place_labels = word_alternation(v["place_labels"])
    cues = word_alternation(v["prose_place_cues"])
    return {
        "shape": compile_pattern(rf"(?<![\w'.])(?:{shape})(?![\w'])", regex.POSIX),
        "has_number": compile_pattern(r"\d"),
        "has_building": compile_pattern(rf"\b{kw}\b", regex.I),
        "opens_with_building": compile_pattern(rf"{kw}\b", regex.I),
        "has_strong_building": compile_pattern(rf"\b{word_alternation([w for w in v['building_words'] if w not in v['weak_building_words']])}\b", regex.I),
        "header": compile_pattern(rf"(?m)^{word_alternation(v['header_labels']['place'])}:[ \t]{{0,40}}(?P<value>[^\n]{{0,200}})", regex.I),
        "label": compile_pattern(rf"(?m)^[ \t*>|■※-]{{0,12}}{place_labels}[ \t]{{0,3}}[:：]{{1,2}}[ \t]{{0,40}}(?P<value>[^\n]{{0,200}})", regex.I),
        "cue": compile_pattern(rf"\b{cues}[ \t\n]{{1,3}}(?:the[ \t\n]{{1,3}})?$", regex.I),
        "refreshments": compile_pattern(rf"\b{word_alternation(v['refreshment_words'])}\b", regex.I),
        "held": compile_pattern(r"\b(?:held|take|takes|meet|meets|meeting|moved|located|be)\b", regex.I),
        "time": compile_pattern(r"\b(?:\d{1,2}(?::\d\d)?\s?[ap]\.?m\b|\d{1,2}:\d\d|noon)", regex.I),
        "room_number": compile_pattern(r"(?<=\b(?i:in|booked|room)[ \t]{1,3})(?!(?:19|20)\d\d\b)\d{1,2}\.?\d{3}[A-Z]?(?![\w:/]|\.\d)"),
        "abstract": compile_pattern(r"(?m)^Abstract:"),
        "gap": compile_pattern(r"(?<=\S)(?:[ \t]{3,}|\t)(?=\S)"),
    }


# Contexts too loose to trust a name that carries neither a room number nor a building word.
WEAK_CONTEXTS = {"where.line_place", "where.prose_in", "where.shape"}


def _trim_value(text: str, start: int, end: int) -> tuple[int, int]:
    """Return (start, end) of a label value without columns, chatter and trailing dots.

    A second column ("3313 DH      Date and time: ...") is cut at the wide gap; a trailing
    aside with no room number or building word ("--Refreshments", "(SPECIAL NOTE)") or in
    lower case that does not open with a building word (", our lab") is dropped.
    """
    p = _patterns()
    value = text[start:end]
    if (gap := p["gap"].search(value)) and gap.start() > 0:
        value = value[: gap.start()]
    lead = _LOWER_LEAD.match(value)
    if lead and (p["has_number"].search(value, lead.end()) or p["has_building"].search(value, lead.end())):
        # "ROOM: we finally have one -- Wharram Building 312": a remark, then the place.
        start, value = start + lead.end(), value[lead.end():]
    changed = True
    while changed:
        changed = False
        stripped = value.rstrip(" \t.;:")
        for opener in ("--", " - ", ", ", " (", "("):
            cut = stripped.rfind(opener)
            if cut <= 0:
                continue
            tail = stripped[cut + len(opener):].strip(" ()")
            # ", our lab" is an aside; ", bâtiment Turing" names the building.
            lowercase_aside = (opener == ", " and tail[:1].islower()
                               and not p["opens_with_building"].match(tail))
            plain = not p["has_number"].search(tail) and not p["has_building"].search(tail)
            if opener in ("--", " - ", " (", "(") and plain or lowercase_aside:
                value, changed = stripped[:cut], True
                break
    value = value.rstrip(" \t.;:,")
    return start, start + len(value)


# A remark in lower case before a dash, ahead of a label's place.
_LOWER_LEAD = deferred(r"\p{Ll}[^\n\d]{0,60}?\s(?:--|—|–)\s")


def _label_value_span(text: str, m: regex.Match[str], *, continued: bool = True) -> tuple[int, int] | None:
    """Return the span of a label's value, continued onto lines indented under it."""
    start, end = m.span("value")
    if not text[start:end].strip():
        return None
    column = len(text[text.rfind("\n", 0, start) + 1:start].expandtabs(8))
    pos = end
    while continued and pos < len(text) and column > 4:
        nl = text.find("\n", pos + 1)
        line = text[pos + 1: nl if nl >= 0 else len(text)].expandtabs(8)
        indent = len(line) - len(line.lstrip())
        if not line.strip() or ":" in line or indent < column - 1:
            break
        pos = nl if nl >= 0 else len(text)
        end = pos
    return _trim_value(text, start, end)


def _strength(text: str) -> int:
    p = _patterns()
    # Organisation-like words ("Center", "Lab") name a place only beside a number.
    return 2 * bool(p["has_number"].search(text)) + bool(p["has_strong_building"].search(text))


def _label_candidates(text: str, head_end: int) -> list[PlaceCandidate]:
    p = _patterns()
    found: list[PlaceCandidate] = []
    for m in p["header"].finditer(text, 0, head_end):
        if span := _label_value_span(text, m, continued=False):
            found.append(PlaceCandidate(*span, "where.header_place", CONTEXT_WEIGHT["where.header_place"]))
    headers = {c.start for c in found}
    # Labels above an "Abstract:" heading count too ("Sede:", "Lieu :" in a department's
    # mail), unless they are the header lines read above.
    for m in p["label"].finditer(text):
        span = _label_value_span(text, m)
        if not span or span[0] in headers:
            continue
        value = text[span[0]:span[1]]
        if p["time"].search(value):
            # "Time and place: Monday at 4 pm in <place>": only the place part is wanted.
            inner = p["shape"].search(text, span[0], span[1])
            if not inner:
                continue
            span = inner.span()
            value = inner[0]
        found.append(PlaceCandidate(*span, "where.label_place", CONTEXT_WEIGHT["where.label_place"] + _strength(value)))
    return found


def _prose_rule(text: str, start: int, end: int) -> str:
    """Return the rule naming the context of a shape found at text[start:end]."""
    p = _patterns()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(0, start - 60):start]
    cue = p["cue"].search(before)
    if cue and p["held"].search(before, max(0, cue.start() - 25), cue.end()) and \
            not p["refreshments"].search(before):
        # "will be held in" ("Refreshments will be served ... in the lobby" is not the talk's)
        return "where.prose_held_in"
    # A time on the same line, or just before in the sentence, ties the place to the talk.
    near = text[max(line_start, start - 50):start] + " " + text[end:min(line_end, end + 50)]
    if p["time"].search(near) or (cue and p["time"].search(before)):
        return "where.prose_near_time"
    starts_line = not text[line_start:start].strip(" \t-*|(>•")
    if starts_line and line_start and p["time"].search(text, text.rfind("\n", 0, line_start - 1) + 1,
                                                        line_start - 1):
        return "where.prose_near_time"  # the line under "Monday 26 October, 16:15-17:00"
    rest = text[end:line_end].strip(" \t.,;)")
    if starts_line and (not rest or _TOWN_OR_STREET.fullmatch(rest)):
        return "where.line_place"
    return "where.prose_in" if cue else "where.shape"


def _shape_candidates(text: str, lo: int) -> list[PlaceCandidate]:
    p = _patterns()
    found: list[PlaceCandidate] = []
    # Paragraph by paragraph keeps every search short.
    pos = lo
    while pos < len(text):
        nxt = text.find("\n\n", pos)
        stop = len(text) if nxt < 0 else nxt
        for m in p["shape"].finditer(text, pos, stop):
            s, e = m.span()
            s = _after_closing_zone(text, s, e)
            e = _before_running_line(text, s, e)
            if text[s:e].endswith(")") and text[s:e].count("(") < text[s:e].count(")"):
                e -= 1
            if (full_stop := _SENTENCE_FULL_STOP.search(text, s, e)) and \
                    full_stop.group("word").lower() not in vocabulary()["place_abbreviations"]:
                e -= 1  # "... in the Linden Room of the Marlow Library." ends a sentence
            if within_quoted_line_passage(text, s):
                continue  # '"... After the Emergency Room Goes Dark"': a title's words
            rule = _prose_rule(text, s, e)
            strength = _strength(text[s:e])
            if (rule == "where.shape" and strength < 2) or (strength == 0 and rule in WEAK_CONTEXTS):
                continue  # a bare "Something Center" in running text is usually an organisation
            found.append(PlaceCandidate(s, e, rule, CONTEXT_WEIGHT[rule] + strength))
        for m in p["room_number"].finditer(text, pos, stop):
            near = p["time"].search(text, max(0, m.start() - 40), min(len(text), m.end() + 40))
            found.append(PlaceCandidate(*m.span(), "where.prose_room_number",
                                          CONTEXT_WEIGHT["where.prose_room_number"] + (25 if near else 0)))
        pos = stop + 2
    return found


def _before_running_line(text: str, start: int, end: int) -> int:
    """Return where a shape ends once the one capitalised word it takes from a line that runs
    on in prose is left out ("Carnegie Room, Alder Hall\nLaboratory TAs must ..." ends at
    "Alder Hall"; "Poplar Hall\nauditorium on Monday" and "room\n207 of ..." stay whole)."""
    if "\n" not in text[start:end]:
        return end
    last_break = text.rfind("\n", start, end)
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end]
    words, after = text[last_break:end].split(), _WORD.findall(rest)
    if len(words) != 1 or not words[0][:1].isupper() or not rest[:1].isspace() or \
            len(after) < 2 or not after[0][:1].isupper():
        return end
    return len(text[start:last_break].rstrip(" \t,")) + start


def _after_closing_zone(text: str, start: int, end: int) -> int:
    """Return where a shape starts once a time zone that ended the line before is left out
    ("16:15–17:00 CET\nAuditorium 1" is "Auditorium 1"; "ET 105" alone stays)."""
    zone = zone_names().match(text, start, end)
    if zone is None:
        return start
    gap = _LINE_BREAK.match(text, zone.end(), end)
    return gap.end() if gap else start


_LINE_BREAK = deferred(r"[ \t]{0,3}\n\s{0,10}")
_WORD = deferred(r"\w+")


# What may follow a place alone on its line: a street or a town (", Mill Lane", ", Corran").
_TOWN_OR_STREET = deferred(r"(?:\d{1,5}[A-Za-z]?\s)?\p{Lu}[\p{L}'’\-]{1,30}(?:\s\p{Lu}[\p{L}'’\-]{1,30}){0,3}")

# A full stop after a word too long for an abbreviation ("Hall.", not "St."), unless it is
# one ("Bldg.").
_SENTENCE_FULL_STOP = deferred(r"\b(?P<word>\p{L}{4,})\.$")


def location_candidates(text: str) -> list[PlaceCandidate]:
    """Return every place candidate in ``text`` with its rule and score, in text order."""
    m = _patterns()["abstract"].search(text)
    head_end = m.end() if m else 0
    found = _label_candidates(text, head_end) + _shape_candidates(text, head_end)
    if head_end and not any(c.rule != "where.shape" for c in found):
        # Nothing below the "Abstract:" heading but a bare shape (a footer's street address): a
        # web page says where above that heading, in lines and prose like the rest of its text.
        found += _shape_candidates(text[:head_end], 0)
    return sorted(found, key=lambda c: (c.start, -c.score))


def pick_location(text: str, candidates: list[PlaceCandidate]) -> PlaceCandidate | None:
    """Return the best candidate: highest score, earliest first; a truncated header yields
    to a body label that starts with it and says more."""
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c.score, -c.start))
    said = _folded(text[best.start:best.end])
    if text[best.start:best.end].isupper():
        # "held in the SOLLIS INSTITUTE AUDITORIUM" and a "Sollis Institute Auditorium" line:
        # the same place, as written where it is not shouted.
        same = [c for c in candidates
                if not text[c.start:c.end].isupper() and _folded(text[c.start:c.end]) == said]
        if same:
            return same[0]
    if best.rule == "where.header_place":
        for c in candidates:
            longer = _folded(text[c.start:c.end])
            if c.rule == "where.label_place" and longer.startswith(said) and len(longer) > len(said):
                return c
            if " " not in said and longer.startswith(said) and _BUILDING_AFTER.match(longer, len(said)):
                # "Place: Auditorium" over "at 4 pm in the Auditorium, Lindqvist Materials
                # Center": a bare room, and the building the text adds to it ("Place: Ormskirk
                # Ballroom" names its room in full and stays).
                return c
    return best


# What follows a room to name its building: ", Lindqvist Center", " of the Lindqvist Center".
_BUILDING_AFTER = deferred(r",\s\p{L}|\sof\sthe\s\p{L}|\sin\sthe\s\p{L}", regex.IGNORECASE)


def _same_place_named(a: str, b: str) -> bool:
    """Return whether two places share their proper words ("Auditorium, Thirlwell Center for
    Computing" and "Auditorium of the Thirlwell Center"): the same place, written twice."""
    v = vocabulary()
    generic = {w.casefold() for w in v["room_words"] + v["building_words"]}
    shared = {w.casefold() for w in _PROPER_WORD.findall(a)} & \
        {w.casefold() for w in _PROPER_WORD.findall(b)}
    return bool(shared - generic)


_PROPER_WORD = deferred(r"\p{Lu}\p{L}{3,}")


def _folded(place: str) -> str:
    """Return a place as compared with another: single spaces, case folded."""
    return " ".join(place.split()).casefold()


def resolve_location(text: str) -> Where | None:
    """Return where the talk in ``text`` takes place, or None.

    >>> resolve_location("Place: 4101 Fern Hall\\nAbstract:\\nHi").text
    '4101 Fern Hall'
    >>> resolve_location("Place: 4101 Fern Hall\\nAbstract:\\nIt moves to the Alder Auditorium, "
    ...                  "not in 4101 Fern Hall as announced.").text
    'Alder Auditorium'
    >>> resolve_location("The talk has been MOVED from Fern Hall 112 to the Alder Auditorium,\\n"
    ...                  "Reed Arts Center.\\n\\nThursday, 6:00 pm\\nRoom 112, Fern Hall").text
    'Alder Auditorium, Reed Arts Center'
    """
    candidates = location_candidates(text)
    # "will be held in X, not in MaH 4623 as announced": a place the text takes back is out.
    taken_back = {_folded(m.group("place")) for m in _TAKEN_BACK.finditer(text)}
    if taken_back:
        kept = [c for c in candidates if _folded(text[c.start:c.end]) not in taken_back]
        candidates = kept or candidates
    folded = text.casefold()
    moved = _MOVED_TO.search(text) if "moved" in folded or "relocated" in folded else None
    moved_to = [c for c in candidates if moved and c.start == moved.start("place")]
    best = pick_location(text, candidates)
    if moved_to and not (best and _same_place_named(text[best.start:best.end],
                                                    text[moved_to[0].start:moved_to[0].end])):
        best = moved_to[0]  # a header that already gives the new room keeps its wording
    if best is None:
        return None
    end = best.end
    if (line_break := text.find("\n", best.start, best.end)) > 0 and \
            _STREET_TAIL.fullmatch(", " + " ".join(text[line_break:best.end].split())):
        end = line_break  # "Mellon Hall Auditorium" over a line "4400, Fifth Avenue, Pittsburgh"
    written = " ".join(text[best.start:end].split())
    # "Auditorium B, Larkspur Pavilion, 200 Rowan Street": the room and the building, not the
    # street, also after "the Linden Room of the Marlow Library"; a single place before the
    # street keeps it ("Lakeshore College, 90 Elm Blvd": the annotated e-mails keep that one
    # whole).
    street = _STREET_TAIL.search(written)
    # A street the shape stopped inside ("..., 220 Conservatory" before "Drive") goes whatever
    # stands before it: half a street is no part of a place.
    cut_short = None if street else _STREET_TAIL.search(written + _rest_of_street(text, end))
    if cut_short and cut_short.start() < len(written):
        street = cut_short
    aside = street if street and (street is cut_short or "," in written[:street.start()] or
                                  _ROOM_OF_BUILDING.search(written, 0, street.start())) \
        else _ASIDE.search(written)
    if aside and aside.start() > 0:
        # "Room 4, Quarry Hall (note: not our usual room)": the place, without the note.
        written = _tidy(written[:aside.start()])
        return Where(written, (best.start, best.start + len(written)), best.rule)
    note = _WHEN_NOTE.search(written)
    if note and note.start() > 0:
        # "Whitmore Hall 115 (coffee from 3:15 in the lounge)": the note says when, not where.
        written = _tidy(written[:note.start()])
        return Where(written, (best.start, best.start + len(written)), best.rule)
    if (tidy := _tidy(written)) != written:
        return Where(tidy, (best.start, best.start + len(tidy)), best.rule)
    return Where(written, (best.start, end), best.rule)


def _tidy(place: str) -> str:
    """Return ``place`` without a comma it ends on or a bracket it opens and does not close
    ("Room 1.12, Arncott Hall (the seminar room at the top of the stairs", cut at a line end).

    >>> _tidy("Assembly Room, Harnby Library,")
    'Assembly Room, Harnby Library'
    >>> _tidy("Room 1.12, Arncott Hall (the room at the top of the stairs")
    'Room 1.12, Arncott Hall'
    """
    if place.count("(") > place.count(")"):
        place = place[:place.rfind("(")]
    return place.rstrip(" ,;:")


# "has been MOVED to MwH 1212", "relocated to the Alder Auditorium", "moved from Room 12 to the
# Alder Auditorium": the place the talk moved to, whatever a header or a label above still says.
_MOVED_TO = deferred(r"(?i:\b(?:moved|relocated)(?:\s{1,3}from\s[^.;:!?]{1,60}?)?\s{1,3}to)\s{1,3}"
                     r"(?i:the\s{1,3})?(?P<place>\S)")
# "not in MaH 4623", "instead of Room 12", "no longer in Fern Hall 5": a place taken back.
_TAKEN_BACK = deferred(r"(?i:\bnot\s{1,3}in|\binstead\s{1,3}of|\bno\s{1,3}longer\s{1,3}in|\bmoved\s{1,3}from)"
                       r"\s{1,3}(?i:the\s{1,3})?(?P<place>[^\s,.;()][^,.;()\n]{1,60}?)"
                       r"(?=\s{1,3}(?i:as|which|where|because|to)\b|[,.;()\n]|$)")
# A bracketed note after the place: "(note: not our usual room)", "(please use the side door)".
_ASIDE = deferred(r"\s{0,3}\((?i:note|n\.\s?b\.|please|not)\b[^()\d]{1,100}\)\s*$")
# The street address after the building: ", 200 Rowan Street", ", 14 Quay Parade, Corran",
# ", Brunnengasse 12", ", 12 avenue des Tilleuls", ", via Roma 12", " (14 Tanner's Row", or a
# page's flattened "Main Library 410 Commerce Street" (street words in English, German, French,
# Italian, Spanish and Portuguese, general knowledge).
_STREET_TAIL = deferred(
    r"(?:,\s{1,3}|\s{1,3}\(\s{0,2}|(?<=\p{L})\s{1,3}(?=\d{1,5}\s{1,3}\p{Lu}))"
    r"(?:\d{1,5}[A-Za-z]?,?\s{1,3}(?:\p{Lu}[\p{L}'’\-]{0,30}\s{1,3}){0,4}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Place|Pl|Square|Sq|"
    r"Court|Ct|Parade|Quay|Terrace|Crescent|Highway|Hwy|Parkway|Pkwy|Row|Walk|Close|Mews|"
    r"Esplanade|Promenade|Circle|Trail|Yard|Wynd|Gate|Green|Hill|Embankment)\b\.?"
    r"|\p{Lu}[\p{L}\-]{1,30}(?:straße|strasse|gasse|weg|platz|allee|ring|damm|ufer)\s{1,3}\d{1,4}[a-z]?"
    r"|\d{1,5}(?:\s?(?:bis|ter))?,?\s{1,3}(?:rue|avenue|av\.|boulevard|bd|place|allée|chemin|quai|"
    r"cours|impasse|route)\s[^,()]{1,60}"
    r"|(?:via|viale|piazza|corso|largo|calle|avenida|plaza|paseo|rua|praça)\s[^,()]{1,60}?\s\d{1,4})"
    r"(?:,\s{1,3}\p{Lu}[\p{L}\-]{1,30}(?:\s\p{Lu}[\p{L}\-]{1,30})?)?\)?$")
# "the Linden Room of the Marlow Library", "Swaithe Room of Corbishley Hall", "the Long Room at
# the Arts Centre": a room of a building, two places before a street.
_ROOM_OF_BUILDING = deferred(r"\s(?:of|at)\s(?:the\s)?\p{Lu}")
# The words of a street name after where a shape stopped, up to the end of the phrase.
_STREET_REST = deferred(r"(?:[ \t]{1,3}\p{Lu}[\p{L}'’\-]{0,30}\.?){1,3}(?=[ \t]*(?:[,.;:)\"”]|\n|$))")


def _rest_of_street(text: str, end: int) -> str:
    """Return the capitalised words that go on from ``end`` to the end of the phrase ("Drive"
    after "..., 220 Conservatory"), or ""."""
    rest = _STREET_REST.match(text, end, min(len(text), end + 100))
    return rest.group() if rest else ""


# A bracketed note after the place that holds a clock time or refreshments.
_WHEN_NOTE = deferred(r"\s{0,3}\((?=[^()]{0,80}(?:\d{1,2}[:.]\d{2}|\d\s?[ap]\.?m\b|coffee|tea\b|"
                      r"refreshments|reception|lunch))[^()]{1,120}\)\s*$", regex.IGNORECASE)
