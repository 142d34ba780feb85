"""From an event view to a talk record: run the field resolvers, keep provenance, shape the JSON."""
from __future__ import annotations

import hashlib
import datetime
import json
import os
from dataclasses import asdict, replace
from typing import Any

from .announcement import Announcement, parse_announcement
from .candidate import Candidate
from .deferred import deferred
from .fields.abstract import abstract_candidates
from .fields.contact import contact_candidates
from .fields.price import price_candidates
from .fields.people import Person, with_generational_suffix
from .fields.prose_speakers import full_name
from .fields.series import series_candidates
from .fields.speakers import resolve_speakers, speaker_candidates
from .fields.sponsors import sponsor_candidates
from .fields.summary import (SummaryParse, parse_summary, says_only_when, series_confirmed_by_text,
                             strip_session_number)
from .fields.talk_kind import is_non_talk
from .fields.title import (first_language, strip_speaker_prefix, title_candidates, with_subtitle,
                           without_coauthors, without_kind_tail)
from .fields.when import names_clock_time, resolve_when
from .fields.where import resolve_location
from .reading.ics import VeventView

_ONLINE = deferred(r"https?://[\w.\-]{0,60}(?:zoom\.us|zoomgov\.com|teams\.microsoft\.com|"
                   r"teams\.live\.com|meet\.google\.com|webex\.com|gotomeeting\.com|"
                   r"bluejeans\.com|whereby\.com|jitsi\.[\w.]+)/[^\s<>\"')\]]{1,300}")

_DATED = deferred(r"\d{4}-\d{2}-\d{2}")


def error_record(path: str, index: int, code: str, message: str) -> dict[str, Any]:
    """Return the line that stands in for an event that could not be read or extracted."""
    return {"source": {"path": path, "index": index}, "error": {"code": code, "message": message}}


def build_record(view: VeventView, *, path: str, explain: bool = False) -> dict[str, Any]:
    """Return the talk record of one event view (not yet validated)."""
    ann = parse_announcement(view)
    summary = parse_summary(view.summary, recurring=view.recurring_prefixes)
    series_confirmed_by_text(summary, view.summary, [line.text for line in ann.lines])
    provenance: dict[str, Any] = {}
    candidates: dict[str, list[Candidate]] = {}

    speaker_found = speaker_candidates(ann, summary)
    candidates["speakers"] = speaker_found
    if summary.speakers and summary.title is None and \
            not any(c.source == "SUMMARY" for c in speaker_found):
        # The SUMMARY's name-like phrase was set aside for the person the text names
        # ("Becoming Hartwell" over "Ada Roe will discuss her new book"), or because the text
        # never names it again: it is the title, the whole SUMMARY or what follows the series.
        if summary.series is None:
            summary.title, summary.rules["title"] = " ".join(view.summary.split()), "summary.not_a_person"
        elif len(summary.speakers) == 1:
            summary.title, summary.rules["title"] = summary.speakers[0].name, "summary.not_a_person"
    speakers, speaker_winner = resolve_speakers(ann, speaker_found)
    speakers = [p if (name := with_generational_suffix(p.name, ann.text)) == p.name
                else replace(p, name=name) for p in speakers]
    # "Dr. Okoro-Whitfield will walk through ..." and, below, "Leandra Okoro-Whitfield became
    # ...": a speaker named by surname alone is named in full where the text does so.
    speakers = [_named_in_full(p, ann.text) for p in speakers]
    if speaker_winner and _no_talk_here(ann, summary, speaker_winner):
        # A concert, a screening or office hours name people, but nobody presents a talk
        # there; the candidates stay visible with --explain.
        speakers, speaker_winner = [], None
    if speaker_winner:
        provenance["speakers"] = speaker_winner.provenance()

    title = _first(candidates, "title", title_candidates(
        ann, summary, speaker_rule=speaker_winner.rule if speaker_winner else None,
        speaker_names=[p.name for p in speakers]), provenance)
    if title:
        title = _one_line(first_language(without_kind_tail(without_coauthors(
            strip_speaker_prefix(title, [p.name for p in speakers])))))
        if provenance.get("title", {}).get("source") == "SUMMARY":
            # "Boycotting to Be Seen" in the SUMMARY, "Boycotting to Be Seen: Opposition
            # Strategy in Electoral Autocracies" in the description: the whole title.
            title = with_subtitle(title, ann.text)
    abstract = _first(candidates, "abstract", abstract_candidates(ann), provenance)
    contact = _first(candidates, "contact", contact_candidates(ann), provenance)
    sponsors = _first(candidates, "sponsors", sponsor_candidates(ann), provenance) or []
    price = _first(candidates, "price", price_candidates(ann), provenance)
    # The SUMMARY is the title also when the text repeats it ("Async Rust" quoted in the agenda).
    summary_is_title = provenance.get("title", {}).get("source") == "SUMMARY" or bool(
        title and summary.title and title.casefold() == summary.title.casefold())
    topic_gave_way = any(item.label == "topic" for item in ann.labelled("title")) and \
        provenance.get("title", {}).get("rule") not in (None, "label.topic")
    series = _first(candidates, "series", series_candidates(
        ann, summary, summary_is_title=summary_is_title or title is None,
        topic_names_series=topic_gave_way), provenance)
    if title and series and (provenance.get("series", {}).get("source") != "SUMMARY" or
                             provenance.get("title", {}).get("source") != "SUMMARY"):
        # "Bedside Matters: Sepsis Recognition" and the text says "part of the Bedside Matters
        # series": the SUMMARY named the series before the title; "Topic: Groundwater Series
        # — Session 2: Drought" in the text under a SUMMARY that named the series.
        title = _without_series_prefix(title, series)
        if provenance.get("title", {}).get("source") == "SUMMARY":
            # "Evening Lecture-Recital: Songs from ..." was not found in the text; without
            # its series, the title and the subtitle the text gives it are.
            title = with_subtitle(title, ann.text)

    record: dict[str, Any] = {
        "source": {"path": path, "index": view.index},
        "uid": view.uid,
        "recurrence_id": view.recurrence_id,
        "title": title,
        "speakers": [{"name": _one_line(p.name), "affiliation": _one_sentence(_one_line(p.affiliation))}
                     for p in speakers],
        "abstract": abstract,
        "contact": asdict(contact) if contact else {"name": None, "email": None, "phone": None},
        "sponsors": [asdict(s) for s in sponsors],
        "price": asdict(price) if price else None,
        "series": _one_line(series),
        "start": view.start,
        "end": view.end,
        "timezone": view.timezone,
        "location": view.location,
        "url": view.url,
        "categories": view.categories,
        "online_url": _online_url(view, ann),
        # iCalendar STATUS (TENTATIVE, CONFIRMED, CANCELLED): a cancelled talk must not be
        # advertised as scheduled by the JSON-LD and index outputs.
        "status": view.status.upper() if view.status else None,
        "organizer": view.organizer,
        "warnings": list(view.warnings),
        "provenance": provenance,
    }
    if view.kind == "text":
        _times_and_place_from_text(record, ann.text, provenance, view.page_start, view.page_end)
    for name in ("start", "end", "location", "uid", "url", "timezone", "status", "organizer"):
        if record[name] is not None and name not in provenance:
            provenance[name] = {"source": name.upper() if name not in ("start", "end") else
                                ("DTSTART" if name == "start" else "DTEND"), "rule": "property"}
    if explain:
        record["candidates"] = {field: [_explain(c) for c in found]
                                for field, found in candidates.items()}
    return record


def _without_series_prefix(title: str, series: str) -> str:
    """Return ``title`` without the series written before it and a colon or dash.

    >>> _without_series_prefix("Bedside Matters: Sepsis Recognition", "Bedside Matters")
    'Sepsis Recognition'
    """
    if not title.casefold().startswith(series.casefold()):
        return title
    rest = title[len(series):]
    stripped = rest.lstrip(" :–—-|")
    if not stripped or len(rest) - len(stripped) < 1 or rest[:1].isalnum() or \
            not any(c.isalpha() for c in stripped) or says_only_when(stripped):
        return title  # "Optics Seminar 3/14/89", "Science Pub September" leave only a date
    return strip_session_number(stripped) or stripped


def _one_line(text: str | None) -> str | None:
    """Return ``text`` with the line breaks and runs of spaces of wrapped text made one space."""
    return " ".join(text.split()) if text is not None else None


_SENTENCE_END = deferred(r"(?<=\p{Ll}{2})\.\s+(?=\p{Lu})")


# A word's lower-case end glued to a capitalised word that opens a sentence of three lower-case
# words or more ("MinnesotaBuilding regional climate resilience").
_GLUED_SENTENCE = deferred(r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}{2,}(?:\s\p{Ll}[\p{Ll}\-]*){3})")


# A verb clause that a loose rule read on after the institution: "to deliver", "will speak".
_CLAUSE_AFTER = deferred(r"(?<!\s)\s{1,3}(?:to\s{1,3}(?:deliver|give|present|speak|discuss|"
                         r"talk|share|lead|join|explore|examine)|will|who|which|where)\b")


def _one_sentence(text: str | None) -> str | None:
    """Return an affiliation without the sentence that a loose rule read on after it
    ("Lakeshore University. She will give ..." gives "Lakeshore University").

    >>> _one_sentence("Lakeshore UniversityBuilding river towns requires local knowledge")
    'Lakeshore University'
    >>> _one_sentence("JavaScript Guild")
    'JavaScript Guild'
    >>> _one_sentence("Kingsmere Institute of Technology to deliver the 2026 Lecture")
    'Kingsmere Institute of Technology'
    """
    if not text:
        return text
    # "Lakeshore UniversityBuilding river towns requires ...": a page's HTML-to-text
    # step glued the next sentence onto the institution.
    text = _GLUED_SENTENCE.split(_SENTENCE_END.split(text, maxsplit=1)[0], maxsplit=1)[0]
    # "Kingsmere Institute of Technology to deliver the 2026 Lecture": the clause after it.
    return _CLAUSE_AFTER.split(text, maxsplit=1)[0]


# Labels a concert's programme uses as much as a talk's ("Featuring: the Abele Quartet"): they
# do not make an event a talk.
_PERFORMER_LABELS = ("label.featuring", "label.guests")
# The layout rules of a speaker's card in a calendar description (speakers.py).
_CARD_RULES = ("text_speakers.name_line", "text_speakers.cue.")


def _no_talk_here(ann: Announcement, summary: SummaryParse, winner: Candidate) -> bool:
    """Return whether a non-talk event's people are no speakers: a "Speaker:" label, or a
    SUMMARY that names both a presenter and a title, still makes it a talk."""
    if winner.rule.startswith("label.") and not winner.rule.startswith(_PERFORMER_LABELS) or \
            summary.speakers and summary.title:
        return False
    # A name over its institution's line is a speaker's card: a craft that a talk's abstract
    # mentions makes no workshop of it (a cancellation or the SUMMARY still says no talk).
    card = ann.view.kind == "calendar" and winner.rule.startswith(_CARD_RULES) and \
        all(p.affiliation for p in winner.value)
    return is_non_talk(ann, speaker_card=card)


def _named_in_full(person: Person, text: str) -> Person:
    """Return ``person`` with the full name the text gives when only a surname was found."""
    if " " in person.name.strip() or len(person.name) < 3:
        return person
    whole = full_name(text, person.name)
    return replace(person, name=whole) if whole else person


def _times_and_place_from_text(record: dict[str, Any], text: str, provenance: dict[str, Any],
                               page_start: str | None = None, page_end: str | None = None) -> None:
    """A text announcement has no DTSTART or LOCATION: read them from its lines and prose,
    unless an event page's front matter gave them (a day alone still needs the time); a web
    page's schema.org ``page_start`` and ``page_end`` lend the zone's offset."""
    if record["start"] and "T" in record["start"] and record["end"] is None:
        # A front matter's start without an end: the text's range that starts at the same
        # time gives it ("from 16:00 to 17:00").
        when = resolve_when(text, reference=_day_of(record["start"]))
        if when is not None and when.end and when.start[:16] == record["start"][:16]:
            record["end"] = when.end + record["start"][19:] if len(when.end) == 19 else when.end
            provenance["end"] = Candidate("end", record["end"], "DESCRIPTION", when.rule,
                                          when.span).provenance()
    if not (record["start"] and "T" in record["start"]):
        when = resolve_when(text, reference=_day_of(record["start"]))
        if when is not None:
            record["start"], record["end"] = when.start, when.end
            found = Candidate("start", when.start, "DESCRIPTION", when.rule, when.span)
            provenance["start"] = found.provenance()
            if when.end:
                provenance["end"] = found.provenance()
        if page_start and (_page_dates_agree(page_start, record["start"]) or
                           not _with_own_offset(record["start"]) and
                           _text_names_page_time(text, page_start)):
            # The page's schema.org data says the same time with its zone's offset: the text
            # left the zone out. A text that states its own zone keeps it.
            record["start"], record["end"] = page_start, page_end or _end_on_page_day(page_start, record["end"])
            provenance["start"] = {"source": "HTML", "rule": "page.schema_start_date"}
            if page_end:
                provenance["end"] = {"source": "HTML", "rule": "page.schema_end_date"}
    if record["location"] is None:
        where = resolve_location(text)
        if where is not None:
            record["location"] = where.text
            provenance["location"] = Candidate("location", where.text, "DESCRIPTION", where.rule,
                                               where.span).provenance()


def _end_on_page_day(page_start: str, end: str | None) -> str | None:
    """Return the end the text gave, on the day and with the offset of the page's start: a
    clock time alone ("6:30 - 8pm PDT" with no year) or a time without an offset on that day.

    >>> _end_on_page_day("2022-09-22T18:30:00-07:00", "20:00:00")
    '2022-09-22T20:00:00-07:00'
    >>> _end_on_page_day("2022-09-22T18:30:00-07:00", "2022-09-22T20:00:00")
    '2022-09-22T20:00:00-07:00'
    """
    if end is None or len(page_start) <= 19 or page_start[10] != "T":
        return end
    if len(end) == 8 and end[2] == ":":
        return f"{page_start[:11]}{end}{page_start[19:]}"
    if len(end) == 19 and end[:10] == page_start[:10]:
        return end + page_start[19:]
    return end


def _with_own_offset(start: str | None) -> bool:
    """Return whether a start read from the text is a date-time with its zone's offset
    ("2026-10-08T16:00:00-07:00": the text stated its zone)."""
    return bool(start) and "T" in start and len(start) > len("2026-10-08T16:00:00")


def _text_names_page_time(text: str, page_start: str) -> bool:
    """Return whether the text gives the time of day of the page's schema.org start, though
    another time came first ("Open daily 9:30–5" in a museum's header over the lecture's
    "7:00–8:15 p.m."): the page's data then says which of the text's times is the talk's."""
    if len(page_start) < 16 or page_start[10] != "T":
        return False
    return names_clock_time(text, int(page_start[11:13]) * 60 + int(page_start[14:16]))


def _page_dates_agree(page_start: str, start: str | None) -> bool:
    """Return whether a page's schema.org start may stand for the start read from its text:
    the text found none, or found the same day and clock time without a zone's offset."""
    if start is None:
        return True
    if "T" in start:  # "2026-10-08T16:00:00", with no offset after it
        return len(start) == 19 and page_start[:16] == start[:16]
    if ":" in start:  # a clock time the text gave no day for
        return page_start[11:16] == start[:5]
    return page_start[:10] == start  # a day the text gave no time for


def _day_of(value: str | None) -> datetime.date | None:
    """Return the date of an ISO date or date-time string, if it has one."""
    try:
        return datetime.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _first(candidates: dict[str, list[Candidate]], field: str, found: list[Candidate],
           provenance: dict[str, Any]) -> Any:
    candidates[field] = found
    if not found:
        return None
    provenance[field] = found[0].provenance()
    return found[0].value


def _online_url(view: VeventView, ann: Announcement) -> str | None:
    if view.conference:
        return view.conference
    for text in (view.location or "", ann.text):
        match = _ONLINE.search(text)
        if match:
            return match.group().rstrip(".,;")
    return None


def _explain(candidate: Candidate) -> dict[str, Any]:
    value = candidate.value
    if isinstance(value, list):
        value = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
    elif hasattr(value, "__dataclass_fields__"):
        value = asdict(value)
    return {"value": value, **candidate.provenance()}


def content_hash(record: dict[str, Any]) -> str:
    """Return a stable hash of a record's content (not its provenance), for change detection."""
    body = {k: v for k, v in record.items() if k not in ("provenance", "candidates")}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]


def record_key(record: dict[str, Any]) -> str:
    """Return the key of an event across runs: its UID (with the RECURRENCE-ID of an instance
    that overrides one of a recurring event's dates), else its file and position in the file.

    The same key names the event's row in the SQLite index and its ``_id`` in a bulk export, so
    a re-run replaces the row or document instead of adding another.

    >>> record_key({"uid": "talk-7@example.edu", "source": {"path": "a.ics", "index": 2}})
    'talk-7@example.edu'
    >>> record_key({"uid": None, "source": {"path": "./feeds/a.ics", "index": 2}})
    'feeds/a.ics#2'
    >>> record_key({"uid": "walk@example.org", "recurrence_id": "2026-05-06T12:00:00-06:00",
    ...             "source": {"path": "a.ics", "index": 3}})
    'walk@example.org/2026-05-06T12:00:00-06:00'
    """
    if record.get("uid"):
        instance = record.get("recurrence_id")
        return f"{record['uid']}/{instance}" if instance else str(record["uid"])
    source = record["source"]
    path = source["path"] if source["path"] == "-" else os.path.normpath(source["path"])
    return f"{path}#{source['index']}"


def dated(moment: str | None) -> str | None:
    """Return ``moment`` when it carries a calendar date, None for a time of day alone or null.

    >>> dated("2021-02-18T19:30:00+00:00"), dated("2024-01-05"), dated("12:00:00"), dated(None)
    ('2021-02-18T19:30:00+00:00', '2024-01-05', None, None)
    """
    return moment if moment and _DATED.match(moment) else None
