"""Speakers of plain-text announcements (e-mails, bulletin posts): every mention, weighed.

Plain text has no SUMMARY to lean on, so each rule proposes *mentions* of people — a label
line, a cue phrase ("will speak", "a talk by"), a name on a line of its own above an
affiliation, "Name, Institution" in prose, an honorific — and the mentions of one person
(grouped by surname) are weighed together: the strongest rule, how often the surname recurs
and whether the subject line names them. The poster, contacts and hosts count against.
The names themselves are found by name_scan, word by word, so every step is linear in the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..deferred import deferred
from ..layout import NEXT_LABEL_LINE, Line
from ..shapes import (DATELINE, has_head, has_known_given_name, institution_before_clause,
                      is_institution, is_person_name, is_position, is_unit_only)
from .name_scan import (BLANK_LINE, bare, first_person_name, honorifics, is_name_word,
                        leading_honorific, name_in_run, plain_name, runs, surname, word_key,
                        words)
from .affiliations import affiliation_in_lines
from .people import Person, names_parent_body, parse_person, pick_affiliation

# Call-time patterns, each compiled once, at its first use.
# Blanks, colons, dashes and quotes between a cue and the name after it.
_LEAD = deferred(r"[\s:\-\"“]{0,40}")
# Any letter.
_LETTER = deferred(r"\p{L}")
# "(X)" right after a name.
_PAREN_AFTER = deferred(r"\s{0,3}\(([^()]{2,120})\)")
# ", X" or " of/from/at X" right after a name.
_TAIL_AFTER = deferred(r"\s{0,3}(?:,|\s(?P<preposition>of|from|at)\s)\s{0,3}(?:the\s)?"
                       r"(?P<value>[^\"“(;]{2,200})")
# Where the affiliation after a name ends: a comma or a verb.
_CLAUSE_SPLIT = deferred(r",|\s(?:will|who|is|has)\s")
# A sentence going on after a name and its comma: "will visit ..." ("who is a Reader at X"
# still tells where the speaker is from).
_CLAUSE_START = deferred(r"(?:will|would|shall)\s")

_SENTENCE_END = deferred(r"[.!?][\"'”)]?\s{1,20}(?=[\"“(]?\p{Lu})")
_NEAR_WORDS = 8
_TOP_LINES = 12
_TOP_BONUS = 1.5
_HEADS = ("institution_heads", "unit_heads", "series_heads", "position_words")
_BOX = " |*#=~+"
_LINKING = frozenset({"of", "and", "the", "for", "at", "in", "on", "de", "&", "-"})
# Weights of the rules: a label or a cue phrase says "speaker"; the layout only suggests it.
_RANK_WEIGHT = {0: 10.0, 1: 8.0, 2: 6.0, 3: 4.5, 4: 3.0}
_MIN_SCORE = 3.5
_POSTER_PENALTY = 2.5
_CONTACT_PENALTY = 5.0


@dataclass(frozen=True)
class _Mention:
    """One proposed mention of a speaker: the name as written, where, and how sure."""

    name: str
    start: int
    end: int
    rank: int
    rule: str
    affiliation: str | None = None


def text_speaker_candidates(ann: Announcement) -> list[Candidate]:
    """Return one candidate per person proposed as speaker, best first.

    Mentions are grouped by surname; a group's score is its strongest rule, raised when the
    surname recurs in the text, appears in the subject line or stands on a name line at the
    head of the body, and lowered for the poster, contacts and hosts.
    """
    penalties = _penalties(ann)
    mentions = (_labelled(ann) + _cued(ann) + _name_lines(ann) + _name_then_affiliation(ann)
                + _honorific(ann) + _table_rows(ann))
    # "Committee:" over its members, "Host:" over the host: people who are no speakers.
    others = [(block[0].start, block[-1].end) for label in ann.labelled("host") if not label.value
              and (block := ann.block(label))]
    mentions = [m for m in mentions if not any(start <= m.start < end for start, end in others)]
    top, tail = _top_end(ann)
    groups: dict[str, list[_Mention]] = {}
    for mention in mentions:
        key = surname(mention.name)
        if key:
            groups.setdefault(key, []).append(mention)
    _join_first_surnames(groups)
    topic = _topic_words(ann)
    lowered = ann.text.lower()
    scored: list[tuple[float, int, Candidate]] = []
    for key, group in groups.items():
        best = min(group, key=lambda m: (m.rank, m.start))
        score = _RANK_WEIGHT[best.rank] + (1.5 if key in topic else 0.0) - penalties.get(key, 0.0)
        score += 0.5 * min(lowered.count(key) - 1, 4)
        if best.rank >= 2 and any(m.start < top and m.start < tail and m.rule == "name_line"
                                   for m in group):
            score += _TOP_BONUS  # a name line in the head of the poster, by the title
        if score < _MIN_SCORE:
            continue
        full = max(group, key=lambda m: (len(plain_name(m.name).split()), -m.rank))
        name = full.name if len(plain_name(full.name).split()) > 1 else best.name
        aff = best.affiliation or next((m.affiliation for m in group if m.affiliation), None)
        person = Person(name, aff)
        scored.append((score, best.start, Candidate("speakers", [person], "DESCRIPTION",
                                                    f"text_speakers.{best.rule}",
                                                    (best.start, best.end))))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [candidate for _, _, candidate in scored]



def _join_first_surnames(groups: dict[str, list[_Mention]]) -> None:
    """Join the mentions of a surname alone to the group of a fuller name that holds it after
    the given name: "la Dra. Huenchumilla" is "Valentina Huenchumilla Rojas", whose own group
    is keyed by her last surname."""
    for key in list(groups):
        if any(len(plain_name(m.name).split()) > 1 for m in groups[key]):
            continue
        host = next((other for other, group in groups.items() if other != key and
                     any(key in plain_name(m.name).lower().split()[1:-1] for m in group)), None)
        if host is not None:
            groups[host].extend(groups.pop(key))


# --- the rules ---------------------------------------------------------------------------------

def _labelled(ann: Announcement) -> list[_Mention]:
    """Return names on speaker label lines ("Speaker:", "Who:", "Name:", "Lecturer:")."""
    found: list[_Mention] = []
    for label in ann.labelled("speaker"):
        lines = [(label.value, label.value_start)] if label.value else \
            [(line.text, line.start) for line in ann.block(label)[:1]]
        for value, start in lines:
            name = first_person_name(value, start, cross_lines=False)
            if name is None:
                continue
            person = parse_person(value)
            if person is None:
                aff = _affiliation_after(ann.text[name[2]:name[2] + 200])
            else:
                # "Speaker: Ada Roe BVSc MRCVS" over her position and practice: the lines below.
                below = start + len(value)
                aff = person.affiliation or _affiliation_after(ann.text[below:below + 200])
            found.append(_Mention(name[0], name[1], name[2], 0, f"label.{label.label}", aff))
    return found


def _cued(ann: Announcement) -> list[_Mention]:
    """Return names right after "a talk by", "featuring" or just before "will speak"."""
    text = ann.text
    found: list[_Mention] = []
    blocked = {cue.end_char for cue in ann.cues("TEXT_NOT_SPEAKER")}
    for cue in ann.cues("TEXT_SPEAKER_BEFORE", "TEXT_SPEAKER_BY"):
        if cue.end_char in blocked:  # "sponsored by", "hosted by"
            continue
        # A bare "by" also follows "caused by" and "developed by": a weaker word than "talk by".
        rank = 2 if cue.label_ == "TEXT_SPEAKER_BY" else 1
        right = text[cue.end_char:cue.end_char + 160]
        lead = _LEAD.match(right)
        skip = lead.end() if lead else 0
        for word in words(right[skip:], skip)[:2]:  # "by our guest", "by the artist"
            if not word.text[:1].islower() or word_key(word.text) in honorifics():
                break
            skip = word.end + len(right[word.end:]) - len(right[word.end:].lstrip())
        name = first_person_name(right[skip:], cue.end_char + skip)
        if name and name[1] == cue.end_char + skip + leading_honorific(right[skip:]):
            aff = _affiliation_after(text[name[2]:name[2] + 200])
            found.append(_Mention(name[0], name[1], name[2], rank, f"cue.{cue.id_}", aff))
    title_lines = {label.line.number for label in ann.labels if label.field == "title"}
    for cue in ann.cues("TEXT_SPEAKER_NEAR"):
        line = ann.line_at(cue.start_char)
        if cue.end_char in blocked or line is not None and line.number in title_lines:
            continue  # "Title: Directed Cut Sparsifiers with Few Edges" names nobody
        # "continues with multi-media artist, Jane Roe": the name within a few words.
        window = text[cue.end_char:cue.end_char + 160]
        if _SUPPORT_WORD.match(window):
            continue  # "presented with support from Ashmerry Savings Bank": a sponsor
        head = window.split("\n\n", 1)[0]
        if head.strip():
            # "... with time for questions:" ends its paragraph; a banner's "presents" alone on
            # its line stands over the name below.
            window = head
        stops = _sentence_stops(window)
        window = window[:stops[0]] if stops else window
        near = words(window)[:_NEAR_WORDS]
        name = first_person_name(window[:near[-1].end], cue.end_char) if near else None
        if name:
            aff = _affiliation_after(text[name[2]:name[2] + 200])
            # "WITH" in a capitalised banner says little: every word there looks like a name.
            rank = 3 if cue.text.isupper() else 2
            found.append(_Mention(name[0], name[1], name[2], rank, f"cue.{cue.id_}", aff))
    for cue in ann.cues("TEXT_SPEAKER_AFTER"):
        left_start, left = _sentence_before(text, cue.start_char)
        if (dateline := DATELINE.match(left)) is not None:
            # "CAPE TOWN, 3 September 2012 - Professor Ada Roe ... will deliver": the release's
            # town, not a person.
            left_start, left = left_start + dateline.end(), left[dateline.end():]
        name = first_person_name(left, left_start)
        if name and _PLACE_BEFORE.search(text, max(0, name[1] - 12), name[1]):
            name = None  # "a staff scientist at the observatory near Cinder Butte, will present"
        if name:
            aff = _affiliation_after(text[name[2]:cue.start_char])
            found.append(_Mention(name[0], name[1], name[2], 1, f"cue.{cue.id_}", aff))
    return found


# "with support from", "with the generous help of": a sponsor follows "with", no speaker.
_SUPPORT_WORD = deferred(r"\s{1,3}(?:the\s{1,3})?(?:generous\s{1,3})?(?:support|funding|help|"
                         r"assistance|sponsorship)\b", regex.IGNORECASE)
# "near Cinder Butte", "outside Alder Falls": a place, where a name-like pair follows.
_PLACE_BEFORE = deferred(r"\b(?:near|outside|around|in|at|from|to)\s{1,3}$")


def _sentence_before(text: str, end: int) -> tuple[int, str]:
    """Return the start and text of the sentence that ends at ``end`` (at most 400 chars)."""
    start = max(0, end - 400)
    left = text[start:end]
    blank = None
    for blank in BLANK_LINE.finditer(left):
        pass
    cut = blank.end() if blank else 0
    stops = [stop for stop in _sentence_stops(left) if stop >= cut]
    cut = stops[-1] if stops else cut
    dateline = DATELINE.match(left[cut:])
    if dateline:  # "CAPE VERRIN, Maine (Oct. 2, 2025) — Ada Roe ... will speak"
        cut += dateline.end()
    return start + cut, left[cut:]


def _sentence_stops(text: str) -> list[int]:
    """Return the offsets where sentences of ``text`` end; "D.", "Dr." and "Feb." do not."""
    stops: list[int] = []
    for stop in _SENTENCE_END.finditer(text):
        before = text[max(0, stop.start() - 30):stop.start() + 1].split()
        core = before[-1].strip("\"'“(").rstrip(".") if before else ""
        if len(core) <= 1 or core.lower() in honorifics() or core[:1].isupper() and len(core) <= 3:
            continue
        stops.append(stop.end())
    return stops


def _name_lines(ann: Announcement) -> list[_Mention]:
    """Return names standing at the head of a line, surer when an affiliation line follows.

    The rest of the line may hold a degree, an affiliation, or — after a separator — a time or
    a room ("Jane Roe  -  3:30 pm"); a line that runs on as prose is not a name line.
    """
    found: list[_Mention] = []
    lines = [line for line in ann.lines if line.number not in ann.label_line_numbers]
    for index, line in enumerate(lines):
        if len(line.text) > 90 or line.text[:1] in "\"“'`":  # a quoted line is a title
            continue
        # A box drawn around the poster: "|    Jane Roe    |".
        core = line.text.strip(_BOX)
        core_start = line.start + line.text.index(core[:1]) if core else line.start
        name = first_person_name(core, core_start, cross_lines=False)
        if name is None or name[1] - core_start > leading_honorific(core):
            continue
        rest = core[name[2] - core_start:]
        # (the line under, label or not: "University" alone is an affiliation's label too)
        at = ann.line_index_at(line.start) + 1
        below_line = ann.lines[at] if at < len(ann.lines) else None
        if below_line is not None and below_line.number == line.number + 1 and \
                _WRAPPED_HEAD.fullmatch(below_line.text.strip()) and rest.rstrip()[-1:].isalpha():
            rest = f"{rest.rstrip()} {below_line.text.strip()}"  # "..., Ilsington" / "University"
        partner = _partner(rest)
        if rest.strip()[:1].islower() and not partner:
            continue  # "Jane Roe and Partners", "Jane Roe will ..." run on as a sentence
        aff = _line_rest_affiliation(rest)
        if aff and len(aff.split()) == 1 and has_head(aff, "institution_heads"):
            continue  # "Acme Widgets, Inc.": a company, not a person
        if not aff and _LETTER.search(rest) and not _is_degree_tail(rest) \
                and not _SEPARATED_REST.match(rest) and not partner:
            continue  # the line runs on: a title, a list of names, a sentence
        below = _next_lines(lines, index)[:1]
        below_aff = [x.text for x in below if _looks_affiliation(x.text)]
        rank = 2 if aff or below_aff else 4
        if rank == 4 and index > 0 and lines[index - 1].text.endswith(("\"", "”", "by", "BY")):
            rank = 3  # under a quoted title, or "by" on the line above
        aff = aff or (pick_affiliation(below_aff[0].split(",")) if below_aff else None)
        if aff and below_aff and is_unit_only(aff) and \
                (sure := affiliation_in_lines([x.text for x in _next_lines(lines, index)[1:2]], sure=True)):
            aff = sure  # "Assistant Professor, Department of X" over "School of Y, Lakeshore University"
        if (name[0].isupper() or line.text.lstrip()[:2] in _LIST_BULLETS) and \
                not has_known_given_name(name[0]):
            continue  # "RECENT RELEASES", "* Fact Sheet": a page's heading or menu, no person
        found.append(_Mention(name[0], name[1], name[2], rank, "name_line", aff))
    return found


# The rest of an institution's name wrapped onto a line of its own under a name line.
_WRAPPED_HEAD = deferred(r"(?:University|College|Institute|Polytechnic|School)(?:\s(?:of\s)?\p{Lu}\p{L}+){0,2}")
# The marks that open the items of a list as a page's text writes them ("  * Press Images").
_LIST_BULLETS = ("* ", "- ", "• ", "· ", "+ ")
_AND_NAME = deferred(r"\s{0,3}(?:and|&)\s{1,3}\p{Lu}")
_SEPARATED_REST = deferred(r"\s{0,5}(?:(?:[-–/|]{1,2}|,)\s{0,5}\d|\()")


def _partner(rest: str) -> bool:
    """Return whether ``rest`` is "and Another Name": two speakers on one line."""
    joined = _AND_NAME.match(rest)
    if not joined:
        return False
    name = first_person_name(rest[joined.end() - 1:], 0, cross_lines=False)
    return name is not None and name[1] == 0


def _line_rest_affiliation(rest: str) -> str | None:
    """Return the affiliation in what follows a name on its line: "(X)", ", X" or " X Lab"."""
    rest = rest.strip(" ,;-–/")
    if not rest or len(rest) > 80:
        return None
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1]
    aff = pick_affiliation(rest.split(","))
    return aff if aff and not _is_degree_tail(aff) else None


_LINE_BELOW = deferred(r"[ \t]{0,3}\n[ \t]{0,20}(?P<line>[^\n]{3,200}?)[ \t]*(?=\n|$)")


def _more_lines_below(text: str, at: int) -> list[str]:
    """Return up to two short lines of a block that go on from ``at``: none is a sentence."""
    lines: list[str] = []
    while len(lines) < 2 and (below := _LINE_BELOW.match(text, at)):
        line = below.group("line")
        if ":" in line or len(line.split()) > 12 or ". " in line or line[-1:] in "!?;" or \
                line.endswith(".") and not _ends_with_legal_form(line):
            break  # a sentence; "Aldermoor Aeronautics Ltd." is a company's line
        lines.append(line)
        at = below.end("line")
    return lines


def _ends_with_legal_form(line: str) -> bool:
    """Return whether a line ends on a company's legal form and its full stop ("... Ltd.")."""
    words = line.rstrip(".").split()
    return bool(words) and words[-1].lower().strip(",") in rules.gazetteer("legal_forms")


# A line that breaks a phrase off: "... at the", "... Director of".
_CARRIES_ON = deferred(r"\s(?:at|of|with|for|the|and|&)$")
_DEGREE_AFTER_NAME = deferred(r"[ \t]{0,3},[ \t]{0,3}([^,\n]{2,12})(?=[ \t]{0,3}(?:,|\n|$))")


def _affiliation_after(text: str) -> str | None:
    """Return the affiliation in "(X)", ", X, ..." or "of/from X" right after a name.

    >>> _affiliation_after(",\\nwill visit the department on Thursday. Her talk is") is None
    True
    """
    text = text.split("\n\n", 1)[0][:200]
    while (degree := _DEGREE_AFTER_NAME.match(text)) and _is_degree_tail(degree.group(1)):
        text = text[degree.end():]  # "Name, MD, FACC" then the affiliation
    paren = _PAREN_AFTER.match(text)
    if paren and is_institution(paren.group(1)):
        inside = " ".join(paren.group(1).split())
        # "(Department of Computer Science, Harlowe Polytechnic)": the institution alone.
        return pick_affiliation(inside.split(",")) if "," in inside else inside
    below = _LINE_BELOW.match(text)
    if below and ":" not in below.group("line") and len(below.group("line").split()) <= 20:
        # The name alone on its line, "Division of X, Department of Y, Lakeshore University"
        # on the next; under a position line ("Senior Scientist, Polar Group"), the next
        # line that names an institution ("Eastmere Institute for Climate Research").
        first = below.group("line")
        if first[:1] in _OPENING_QUOTES:
            return None  # the talk's quoted title under the name
        first_aff = pick_affiliation(first.split(","))
        if (first_aff is None and first.endswith(",") or _CARRIES_ON.search(first)) and \
                (going_on := _more_lines_below(text, below.end("line"))[:1]):
            # "Clinical Director and Specialist in Anaesthesia," over "Pennard Referrals",
            # "Deputy Director of Planning at the" over "Tarrow Transit Authority": the line
            # carries the position on to where it is held, whatever that place is called.
            return pick_affiliation(f"{first} {going_on[0]}".split(","))
        if is_position(first.split(",")[0]) or first_aff and is_unit_only(first_aff):
            # A position or a department first, the institution on a line under it ("The
            # Robotics Institute" / "Lakeshore University": the last that names one).
            sure = affiliation_in_lines(_more_lines_below(text, below.end("line")), sure=True)
            if sure:
                return sure
        if first_aff and not names_parent_body(first_aff):
            # "Institut für X" over "Universität Y": the university that holds the institute.
            parent = affiliation_in_lines(_more_lines_below(text, below.end("line"))[:1], sure=True)
            if parent and names_parent_body(parent):
                return parent
        return first_aff
    tail = _TAIL_AFTER.match(text)
    if not tail or _CLAUSE_START.match(tail.group("value")):
        return None  # "Ada Roe," then "will visit the department on Thursday": a sentence
    # A label line below ("Afiliacja: ...") is no part of what follows the name.
    value = NEXT_LABEL_LINE.split(tail.group("value"), maxsplit=1)[0]
    parts = _CLAUSE_SPLIT.split(value)
    if tail.group("preposition") in {"of", "from"}:
        # "of Example University as she discusses ...": the name ends where the sentence goes
        # on ("X at Example University cordially invites" is an organisation's own sentence).
        parts[0] = institution_before_clause(parts[0])
    return pick_affiliation([p for p in parts[:4] if len(p) < 90])


def _table_rows(ann: Announcement) -> list[_Mention]:
    """Return the name in the speaker column of the first row under a table's header line."""
    found: list[_Mention] = []
    speaker_words = rules.label_spellings("speaker")
    for index, line in enumerate(ann.lines[:-1]):
        header = [cell.lower().strip(" :") for cell in _CELL_GAP.split(line.text)]
        column = next((k for k, cell in enumerate(header) if cell in speaker_words), None)
        if len(header) < 3 or column is None:
            continue
        row = ann.lines[index + 1]
        cells = _CELL_GAP.split(row.text)
        if len(cells) <= column:
            continue
        cell_start = row.start + row.text.find(cells[column])
        name = first_person_name(cells[column], cell_start, cross_lines=False)
        if name and name[1] - cell_start <= leading_honorific(cells[column]):
            found.append(_Mention(name[0], name[1], name[2], 2, "table_row"))
    return found


_CELL_GAP = deferred(r"[\t ]{2,40}|\t")
_OPENING_QUOTES = "\"“‘'«„"


# "(Cardiology)" after "DACVIM", "(Edin)" after "FRCP": what a post-nominal is in or from.
_DEGREE_NOTE = deferred(r"\s{0,3}\([^()\n]{1,40}\)\s{0,3}$")


def _is_degree_tail(text: str) -> bool:
    """Return whether ``text`` holds only degrees and post-nominals ("PhD", "MD, FACC"), the
    last perhaps with its specialty or place in parentheses ("DACVIM (Cardiology)").

    >>> _is_degree_tail(", DVM, PhD, DACVIM (Cardiology)"), _is_degree_tail(", Lakeshore (UK)")
    (True, False)
    """
    text = _DEGREE_NOTE.sub("", text)
    pieces = [piece.strip() for piece in text.replace(".", "").lower().split(",")]
    degrees = rules.gazetteer("degrees")
    return any(pieces) and all(piece in degrees for piece in pieces if piece)


def _next_lines(lines: list[Line], index: int) -> list[Line]:
    """Return up to three lines right below ``lines[index]``, stopping at two blank lines."""
    below: list[Line] = []
    previous = lines[index].number
    for line in lines[index + 1:index + 4]:
        if line.number > previous + 2:  # one blank line between: double-spaced posters
            break
        below.append(line)
        previous = line.number
    return below


def _looks_affiliation(text: str) -> bool:
    """Return whether a line reads as a position, a department or an institution."""
    if len(text) > 90 or sum(w[:1].islower() and w not in _LINKING for w in text.split()) > 1:
        return False  # a line of prose, not "Professor of History" or "Acme University"
    return is_position(text) or is_institution(text) or has_head(text, "position_words") \
        or has_head(text, "unit_heads")


# Label lines whose "Name, Organisation" is no speaker's: "Lugar: Sala Darwin, Centro
# Cultural ...", a host's or a contact's line.
_NOT_SPEAKER_LABELS = frozenset({"other", "host", "contact", "location"})


def _name_then_affiliation(ann: Announcement) -> list[_Mention]:
    """Return names in prose followed by an affiliation: "Jane Roe, University of X"."""
    found: list[_Mention] = []
    skipped = [(item.line.start, item.line.end) for item in ann.labels
               if item.field in _NOT_SPEAKER_LABELS]
    for run in runs(words(ann.text), cross_lines=True, text=ann.text):
        name = name_in_run(run)
        if name is None or any(start <= name[1] < end for start, end in skipped):
            continue
        name = _from_its_own_line(ann.text, name)
        if _ARTICLE_BEFORE.search(ann.text, max(0, name[1] - 4), name[1]) or \
                DATELINE.match(ann.text[name[1]:name[1] + _DATELINE_REACH]) is not None:
            # "The Waimaro Branch of the Geological Society invites you", a release's dateline
            # "PORT ALDER, Maine — The X Foundation ...": no person
            continue
        if _FIELD_BEFORE.search(ann.text, max(0, name[1] - 12), name[1]) and \
                not has_known_given_name(name[0]):
            continue  # "a PhD in Human-Centered Design at X University": a field, no person
        aff = _affiliation_after(ann.text[name[2]:name[2] + 200])
        if aff and not (len(aff.split()) == 1 and has_head(aff, "institution_heads")):
            found.append(_Mention(name[0], name[1], name[2], 3, "name_affiliation", aff))
    return found


# How far a release's dateline ("PORT ALDER, Maine (Oct. 2, 2025) —") runs at most.
_DATELINE_REACH = 120
# "the" right before a capitalised phrase: a body's name, never a person's.
_ARTICLE_BEFORE = deferred(r"\b[Tt]he[ \t]$")
# "in" or "of" right before a capitalised phrase: a field of study ("PhD in Human-Centered
# Design", "Professor of Marine Policy"), when no known given name opens the phrase.
_FIELD_BEFORE = deferred(r"\b(?:in|of)\s{1,3}$")


def _from_its_own_line(text: str, name: tuple[str, int, int]) -> tuple[str, int, int]:
    """Return the part of a name run over a line break that is a whole name on the lower line:
    a heading's last word is no given name ("WATER IN SOILS" over "MAREK J. OSTROWSKI");
    "Dr. Ada" over "Roe" stays one name."""
    _, start, end = name
    broken = text.rfind("\n", start, end)
    if broken < 0:
        return name
    lower = text[broken + 1:end]
    tail = " ".join(lower.split())
    if is_person_name(tail) and has_known_given_name(tail):
        return tail, end - len(lower.lstrip()), end
    return name


def _honorific(ann: Announcement) -> list[_Mention]:
    """Return names written after an honorific ("Dr. Jane Roe", "Professor Roe")."""
    found: list[_Mention] = []
    titles = honorifics()
    scanned = words(ann.text)
    for word, after in zip(scanned, scanned[1:]):
        if bare(word.text).rstrip(".").lower() not in titles or not word.text[:1].isupper():
            continue
        name = first_person_name(ann.text[after.start:after.start + 80], after.start)
        if name and name[1] == after.start:
            found.append(_Mention(name[0], name[1], name[2], 4, "honorific"))
        elif is_name_word(after.text) and len(bare(after.text)) > 2 \
                and bare(after.text).rstrip(".").lower() not in titles \
                and not any(has_head(after.text, vocab) for vocab in _HEADS):
            # "Prof. Dr. Jörg Roe": the second title is no surname; its own name follows it.
            last_name = bare(after.text).rstrip(".")
            found.append(_Mention(last_name, after.start, after.start + len(last_name), 4,
                                  "honorific"))
    return found


# --- who is not the speaker ---------------------------------------------------------------------

def _penalties(ann: Announcement) -> dict[str, float]:
    """Return surnames of the poster, contacts and hosts, each with how much it counts against.

    Speakers do post their own announcements now and then, so the poster (a bulletin's
    "Posted by", a mail's sender) is only a doubt;
    someone to contact or a host is nearly never the speaker.
    """
    excluded: dict[str, float] = {}
    for label in ann.labels:
        if label.field in {"host", "contact", "other"} and label.label in \
                {"postedby", "posted by", *_host_labels()}:
            name = first_person_name(label.value, label.value_start, cross_lines=False)
            if name:
                weight = _POSTER_PENALTY if label.field == "other" else _CONTACT_PENALTY
                excluded[surname(name[0])] = max(weight, excluded.get(surname(name[0]), 0.0))
    if ann.view.sender:
        # The mail's sender: "Delacroix-Amadi, Yvette" <...> or Yvette Delacroix-Amadi <...>.
        shown = parseaddr(ann.view.sender)[0]
        key = surname(shown.split(",")[0])
        if key:
            excluded[key] = max(_POSTER_PENALTY, excluded.get(key, 0.0))
    text = ann.text
    for cue in ann.cues("TEXT_NOT_SPEAKER"):
        window = text[cue.end_char:cue.end_char + 80]
        name = first_person_name(window, cue.end_char)
        if name and name[1] - cue.end_char <= 12 + leading_honorific(window.lstrip(" :")):
            excluded[surname(name[0])] = _CONTACT_PENALTY
    return excluded


def _host_labels() -> set[str]:
    return {spelling for spelling, field in rules.label_fields().items()
            if field in {"host", "contact"}}


def _top_end(ann: Announcement) -> tuple[int, int]:
    """Return where the head of the body ends and where its tail (a signature) begins."""
    body = [line for line in ann.lines if line.number not in ann.label_line_numbers]
    if not body:
        return 0, 0
    return body[min(len(body), _TOP_LINES) - 1].end, body[max(0, len(body) - 3)].start


def _topic_words(ann: Announcement) -> set[str]:
    """Return the lower-cased words of the subject (Topic:/Subject:) lines."""
    found: set[str] = set()
    for label in ann.labelled("title"):
        found |= {bare(w.text).lower() for w in words(label.value)}
    return found
