"""Property-based checks: random and mutated calendars never raise out of extraction, and
every VEVENT block in is exactly one line out.

Example counts are kept small (the pipeline costs milliseconds an event); hypothesis shrinks
any failure to a small calendar worth saving as a fixture file.
"""
from __future__ import annotations

from typing import Any

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from extractor import batch
from extractor.api import extract_bytes

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TEMPLATE = (CORPUS / "summary" / "series-speaker-title.ics").read_text(encoding="utf-8")
NAMES = ["UID", "SUMMARY", "DESCRIPTION", "DTSTART", "DTEND", "LOCATION", "URL", "CATEGORIES",
         "ORGANIZER", "STATUS", "X-ALT-DESC", "BEGIN", "END", "DTSTART;TZID=Nowhere/Land",
         "ORGANIZER;CN=\"A:B\"", "X-WR;A=\"", "ATTACH"]
VALUES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["VEVENT", "VTODO", "VALARM", "20240105T150000Z", "2024XX05", "<b>x</b>",
                     "mailto:a@b.c", "\\n", "\\,", "\x00", "é", "Ã©", "", ":", ";", "\"",
                     "a\x1cb", "a\u2028b", "a\x0bb", "a\x85b"]),
)
LINES = st.one_of(
    st.builds(lambda n, v: f"{n}:{v}", st.sampled_from(NAMES), VALUES),
    st.text(max_size=40).map(lambda t: " " + t),  # a continuation line
    st.text(max_size=40),
)


def _events_in(text: str) -> int:
    """Return how many VEVENT blocks ``text`` opens, counted apart from the reader: lines
    (ended by CR LF, LF or CR, NULs dropped) that begin with BEGIN:VEVENT."""
    lines = regex.split(r"\r\n|\r|\n", text.replace("\x00", ""))
    return sum(line[:12].upper() == "BEGIN:VEVENT" for line in lines)


@st.composite
def calendars(draw: Any) -> str:
    """Return a calendar of random VEVENT blocks with random lines inside."""
    events = []
    for _ in range(draw(st.integers(0, 4))):
        body = draw(st.lists(LINES, max_size=8))
        end = draw(st.sampled_from(["END:VEVENT", "END:VEVENT", "END:VEVENT", ""]))
        events.append("\r\n".join(["BEGIN:VEVENT", *body, end]))
    return "BEGIN:VCALENDAR\r\n" + "\r\n".join(events) + "\r\nEND:VCALENDAR\r\n"


@st.composite
def mutated_template(draw: Any) -> bytes:
    """Return the bytes of a real calendar with some bytes changed, cut out or put in."""
    data = bytearray(TEMPLATE.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:at + draw(st.integers(1, 80))]
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=20))
        else:
            del data[at:]
    return bytes(data)


def _check_one_line_per_event(data: bytes, expected_events: int) -> None:
    records = list(batch.iter_records(["-"], stdin=data))  # must not raise
    assert len(records) == max(expected_events, 1)
    if expected_events:
        assert [r["source"]["index"] for r in records] == list(range(expected_events))
    for record in records:
        assert "error" in record or "warnings" in record
    assert len(list(extract_bytes(data, path="x.ics"))) == len(records)


def test_only_cr_and_lf_end_a_line_in_both_readers() -> None:
    data = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\x1cBEGIN:VEVENT\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n").encode()
    _check_one_line_per_event(data, 1)


@SETTINGS
@given(calendars())
def test_random_calendars_give_one_line_per_vevent(text: str) -> None:
    _check_one_line_per_event(text.encode("utf-8", errors="surrogatepass"), _events_in(text))


@SETTINGS
@given(mutated_template())
def test_mutated_calendars_never_raise(data: bytes) -> None:
    records = list(batch.iter_records(["-"], stdin=data))
    assert records and all("source" in r for r in records)
    assert len(list(extract_bytes(data, path="x.ics"))) == len(records)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_at_least_one_line(data: bytes) -> None:
    records = list(batch.iter_records(["-"], stdin=data))
    assert records and all("source" in r for r in records)
