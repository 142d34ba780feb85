"""Tests of ``extractor.evaluate``: the matching rules by example, the scoring of whole
records, and a differential test against the reference scorer ``shared/eval/score.py`` when
a checkout has it beside the repository (a fresh clone does not: those tests skip)."""
from __future__ import annotations

import copy
import doctest
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.evaluate
import extractor.evaluate_match
from extractor.errors import InputError
from extractor.evaluate import (
    Mistake, evaluate, format_error, format_table, iter_errors, load_jsonl,
)
from extractor.evaluate_match import (
    Clock, clock, close, fold, same_abstract, same_clock, same_name, same_price, same_title,
    title_key,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "eval" / "score.py"
ANNOUNCEMENTS_GOLD = SHARED / "corpus" / "announcements" / "gold.jsonl"
CMU_GOLD = SHARED / "corpus" / "cmu" / "gold.jsonl"


# --- matching rules, by example ----------------------------------------------------------

NAME_EXAMPLES = [
    pytest.param("Ada Lovelace", "Ada Lovelace", True, id="identical"),
    pytest.param("Dr. Ada Lovelace", "Ada Lovelace", True, id="honorific dropped"),
    pytest.param("Prof. Dr. Ada Lovelace", "Ada Lovelace", True, id="stacked honorifics dropped"),
    pytest.param("Ms Ada Lovelace", "Ada Lovelace", True, id="ms as honorific"),
    pytest.param("Ada Lovelace, PhD", "Ada Lovelace", True, id="trailing degree dropped"),
    pytest.param("Ada Lovelace PhD FRS", "Ada Lovelace", True, id="several degrees dropped"),
    pytest.param("Ada Lovelace, MS", "Ada Lovelace", True, id="ms as degree"),
    pytest.param("Ada K. Lovelace", "Ada Lovelace", True, id="middle initial ignored"),
    pytest.param("A. Lovelace", "Lovelace", True, id="first initial ignored"),
    pytest.param("Lovelace, Ada", "Ada Lovelace", True, id="surname first"),
    pytest.param("ADA LOVELACE", "Ada Lovelace", True, id="case folded"),
    pytest.param("Adá Lövelace", "Ada Lovelace", True, id="accents folded"),
    pytest.param("Ada Byron Lovelace", "Ada Lovelace", False, id="extra middle name"),
    pytest.param("Ada", "Ada Lovelace", False, id="surname missing"),
    pytest.param("PhD student Ada Lovelace", "Ada Lovelace", False,
                 id="leading degree not dropped"),
    pytest.param("Ada Lovelace (Cambridge)", "Ada Lovelace", False, id="affiliation in name"),
    pytest.param("J. S.", "J S", True, id="initials only compared letter by letter"),
    pytest.param("J. S.", "K. S.", False, id="different initials only"),
    pytest.param("", "", False, id="empty names never match"),
]


@pytest.mark.parametrize(("pred", "gold", "expected"), NAME_EXAMPLES)
def test_same_name(pred: str, gold: str, expected: bool) -> None:
    assert same_name(pred, gold) is expected


AFFILIATION_EXAMPLES = [
    pytest.param("University of Oslo", "University of Oslo", True, id="identical"),
    pytest.param("The University of Lakeshore", "University of Lakeshore", True,
                 id="stop words ignored"),
    pytest.param("Dept. of Physics, University of Oslo", "University of Oslo", True,
                 id="department prefix within F1 0.6"),
    pytest.param("Department of Mathematics, Faculty of Science, University of Oslo",
                 "University of Oslo", False, id="too many extra words"),
    pytest.param("Oslo", "University of Oslo", True, id="partial name above threshold"),
    pytest.param("Université de Montréal", "Universite de Montreal", True, id="accents folded"),
    pytest.param("LIT", "Lakeshore Institute of Technology", False, id="acronym not expanded"),
    pytest.param("of the", "of the", False, id="stop words only never match"),
    pytest.param("", "University of Oslo", False, id="empty prediction"),
]


@pytest.mark.parametrize(("pred", "gold", "expected"), AFFILIATION_EXAMPLES)
def test_close_affiliations(pred: str, gold: str, expected: bool) -> None:
    assert close(pred, gold) is expected


TITLE_EXAMPLES = [
    pytest.param("On Tori", "On Tori", True, id="identical"),
    pytest.param('"On Tori"', "On Tori", True, id="double quotes"),
    pytest.param("\u201cOn Tori\u201d", "On Tori", True, id="curly quotes"),
    pytest.param("ON TORI.", "On tori", True, id="case and final dot"),
    pytest.param("On tori: a survey", "On tori - a survey", True, id="inner punctuation"),
    pytest.param("On Tori (joint with B. Riemann)", "On Tori", True, id="joint with dropped"),
    pytest.param("On Tori (with B. Riemann)", "On Tori", True, id="with dropped"),
    pytest.param("On Tori [joint work with B. Riemann]", "On Tori", True,
                 id="joint work in brackets dropped"),
    pytest.param("On Tori", "On Tori (joint with B. Riemann)", True, id="joint with in gold"),
    pytest.param("On Tori (Part 2)", "On Tori", False, id="other parenthesis kept"),
    pytest.param("On Tori (joint with A. B.) and Spheres", "On Tori and Spheres", False,
                 id="joint with only dropped at the end"),
    pytest.param("On Tori and Spheres", "On Tori", False, id="extra words"),
]


@pytest.mark.parametrize(("pred", "gold", "expected"), TITLE_EXAMPLES)
def test_same_title(pred: str, gold: str, expected: bool) -> None:
    assert same_title(pred, gold) is expected


@pytest.mark.parametrize("title", ["TBA", "Title TBD", "To be announced.", "tbc", "", None])
def test_placeholder_titles_have_no_key(title: str | None) -> None:
    assert title_key(title) == ""


FOLD_EXAMPLES = [
    pytest.param("Ça  va — Très BIEN!", "ca va tres bien", id="accents case dashes"),
    pytest.param("Mail J.Doe@Example.org.", "mail j.doe@example.org", id="email dots kept"),
    pytest.param("snake_case", "snake case", id="underscore is a space"),
    pytest.param("\ufb01le", "file", id="ligature decomposed"),
    pytest.param(None, "", id="none"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_EXAMPLES)
def test_fold(text: str | None, expected: str) -> None:
    assert fold(text) == expected


ABSTRACT_EXAMPLES = [
    pytest.param("We prove a theorem about tori.", "We prove a theorem about tori", True,
                 id="same words"),
    pytest.param("We prove a theorem about tori. Coffee at 3.",
                 "We prove a theorem about tori.", True, id="small tail within F1 0.8"),
    pytest.param("We prove a theorem.", "We prove a theorem about tori and spheres.", False,
                 id="half the span"),
]


@pytest.mark.parametrize(("pred", "gold", "expected"), ABSTRACT_EXAMPLES)
def test_same_abstract(pred: str, gold: str, expected: bool) -> None:
    assert same_abstract(pred, gold) is expected


FREE = {"is_free": True, "amount": None, "currency": None}
TEN_USD = {"is_free": False, "amount": "10", "currency": "USD"}
PRICE_EXAMPLES = [
    pytest.param({"is_free": True}, FREE, True, id="both free"),
    pytest.param({"is_free": True, "amount": "0", "currency": "EUR"}, FREE, True,
                 id="free ignores amount and currency"),
    pytest.param({"is_free": False, "amount": "10.00", "currency": "usd"}, TEN_USD, True,
                 id="amount normalised and currency case folded"),
    pytest.param({"amount": 10, "currency": "USD"}, TEN_USD, True, id="number against string"),
    pytest.param({"amount": "1,000", "currency": "USD"}, {"amount": "1000", "currency": "USD"},
                 True, id="thousands separator"),
    pytest.param({"amount": "10", "currency": "EUR"}, TEN_USD, False, id="currency differs"),
    pytest.param({"amount": "12", "currency": "USD"}, TEN_USD, False, id="amount differs"),
    pytest.param({"is_free": False, "amount": "10", "currency": "USD"}, FREE, False,
                 id="paid against free"),
    pytest.param({"is_free": True}, TEN_USD, False, id="free against paid"),
    pytest.param({"is_free": None, "amount": None, "currency": None},
                 {"is_free": False, "amount": None, "currency": None}, True,
                 id="not free amount unknown on both sides"),
    pytest.param({"amount": "ten", "currency": "USD"}, {"amount": None, "currency": "USD"}, True,
                 id="unreadable amount counts as none"),
]


@pytest.mark.parametrize(("pred", "gold", "expected"), PRICE_EXAMPLES)
def test_same_price(pred: dict[str, Any], gold: dict[str, Any], expected: bool) -> None:
    assert same_price(pred, gold) is expected


CLOCK_READING_EXAMPLES = [
    pytest.param("3:30 PM", Clock(15, 30, True), id="pm"),
    pytest.param("3:30 p.m.", Clock(15, 30, True), id="p.m. with dots"),
    pytest.param("12:15 am", Clock(0, 15, True), id="12 am is midnight hour"),
    pytest.param("12:15 pm", Clock(12, 15, True), id="12 pm stays"),
    pytest.param("14h30", Clock(14, 30, False), id="h separator"),
    pytest.param("4", Clock(4, 0, False), id="bare hour has no meridiem"),
    pytest.param("Noon", Clock(12, 0, True), id="noon"),
    pytest.param("midnight", Clock(0, 0, True), id="midnight"),
    pytest.param("1998-03-02T16:05:00-05:00", Clock(16, 5, True), id="iso date-time"),
    pytest.param("sometime", None, id="no time"),
    pytest.param("", None, id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), CLOCK_READING_EXAMPLES)
def test_clock(text: str, expected: Clock | None) -> None:
    assert clock(text) == expected


CMU_TIME_EXAMPLES = [
    pytest.param("1998-03-02T15:30:00", "3:30 PM", True, id="iso against pm"),
    pytest.param("15:30", "3:30 p.m", True, id="24 hour against pm"),
    pytest.param("5 pm", "5:00 P.M.", True, id="short against long"),
    pytest.param("1998-03-02T16:00:00", "4:00", True, id="gold without am pm matches pm"),
    pytest.param("1998-03-02T04:00:00", "4", True, id="gold bare hour matches am"),
    pytest.param("3:30", "3:30 PM", False, id="prediction without pm against pm gold"),
    pytest.param("16:00", "4:00 AM", False, id="pm against explicit am"),
    pytest.param("4:15 PM", "4:00 PM", False, id="minute differs"),
    pytest.param("12:00", "noon", True, id="noon"),
    pytest.param("12:00 AM", "midnight", True, id="midnight"),
    pytest.param(None, "3:00", False, id="no prediction"),
]


@pytest.mark.parametrize(("pred", "gold", "expected"), CMU_TIME_EXAMPLES)
def test_same_clock(pred: str | None, gold: str, expected: bool) -> None:
    assert same_clock(pred, gold) is expected


# --- scoring records ---------------------------------------------------------------------

def _gold(file: str = "feed/a.ics", index: int = 0, **fields: Any) -> dict[str, Any]:
    line: dict[str, Any] = {"file": file, "index": index, "speakers": [], "title": None,
                            "abstract": None, "contact_email": None, "sponsors": [],
                            "price": None, "series": None}
    line.update(fields)
    return line


def _record(path: str = "in/feed/a.ics", index: int = 0, **fields: Any) -> dict[str, Any]:
    return {"source": {"path": path, "index": index}, **fields}


def test_record_found_by_path_suffix_and_index() -> None:
    report = evaluate(gold=[_gold(title="On Tori")],
                      records=[_record(index=1, title="On Tori"), _record(title="On Tori")])
    assert report["missing_records"] == 0
    assert report["fields"]["title"]["tp"] == 1


@pytest.mark.parametrize("path", ["in/xfeed/a.ics", "feed/a.icsx", "a.ics"],
                         ids=["suffix not at a folder boundary", "longer name", "shorter path"])
def test_record_not_found_unless_whole_path_components_match(path: str) -> None:
    report = evaluate(gold=[_gold(title="On Tori")], records=[_record(path, title="On Tori")])
    assert report["missing_records"] == 1
    assert report["fields"]["title"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 0.0,
                                         "recall": 0.0, "f1": 0.0}


def test_windows_paths_are_matched() -> None:
    report = evaluate(gold=[_gold(title="T")], records=[_record("C:\\in\\feed\\a.ics", title="T")])
    assert report["fields"]["title"]["tp"] == 1


def test_last_record_for_the_same_source_wins() -> None:
    report = evaluate(gold=[_gold(title="T")],
                      records=[_record(title="T"), _record(title="Other")])
    assert report["fields"]["title"]["fp"] == 1


def test_error_record_answers_its_gold_line_with_no_fields() -> None:
    error = {"source": {"path": "in/feed/a.ics", "index": 0},
             "error": {"code": "E004", "message": "cannot be parsed"}}
    report = evaluate(gold=[_gold(title="On Tori")], records=[error])
    assert report["missing_records"] == 0
    assert report["fields"]["title"]["fn"] == 1


def test_event_fully_right_and_per_source_counts() -> None:
    gold = [_gold(title="A"), _gold(index=1, title="B"), _gold("other/b.ics", title="C")]
    records = [_record(title="A"), _record(index=1, title="wrong"), _record("other/b.ics",
                                                                             title="C")]
    report = evaluate(gold=gold, records=records)
    assert report["events_fully_right"] == 2
    assert report["sources"] == {"feed": {"events": 2, "fully_right": 1},
                                 "other": {"events": 1, "fully_right": 1}}


def test_affiliation_is_in_the_report_only_once_scored() -> None:
    without = evaluate(gold=[_gold(title="T")], records=[_record(title="T")])
    assert "affiliation" not in without["fields"]
    speaker = {"name": "Ada Lovelace", "affiliation": None}
    scored = evaluate(gold=[_gold(speakers=[speaker])],
                      records=[_record(speakers=[{"name": "Ada Lovelace"}])])
    assert scored["fields"]["affiliation"]["tp"] == 0
    assert list(scored["fields"]) == ["speaker", "affiliation", "title", "abstract",
                                      "contact_email", "sponsor", "price", "series"]


def test_affiliation_of_an_unmatched_speaker_counts_but_is_not_listed() -> None:
    gold = [_gold(speakers=[{"name": "Ada Lovelace", "affiliation": "University of London"}])]
    records = [_record(speakers=[{"name": "Charles Babbage", "affiliation": "Cambridge"}])]
    report = evaluate(gold=gold, records=records)
    assert report["fields"]["affiliation"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0,
                                                    "recall": 0.0, "f1": 0.0}
    assert [m.field for m in iter_errors(gold=gold, records=records)] == ["speaker", "speaker"]


def test_contact_without_email_answers_with_its_name() -> None:
    # The reference scorer reads contact.email, else contact.text, else contact.name.
    gold = [_gold(contact_email="talks@example.org")]
    records = [_record(contact={"name": "Seminar office", "email": None, "phone": None})]
    assert list(iter_errors(gold=gold, records=records)) == [
        Mistake("feed/a.ics", 0, "contact_email", "Seminar office", "talks@example.org")]


def test_placeholder_titles_count_as_no_title() -> None:
    report = evaluate(gold=[_gold(title="TBA")], records=[_record(title="To be announced")])
    assert report["fields"]["title"]["tp"] + report["fields"]["title"]["fp"] == 0
    assert report["events_fully_right"] == 1


def test_mistakes_come_in_gold_and_field_order() -> None:
    gold = [_gold(speakers=[{"name": "Ada Lovelace", "affiliation": "London"}], title="T",
                  sponsors=["ACM"], series="Colloquium"),
            _gold(index=1, price={"is_free": True})]
    records = [_record(speakers=[{"name": "Ada Lovelace", "affiliation": "Paris"},
                                 {"name": "Extra Person"}],
                       title="Other", sponsors=[{"name": "IEEE", "url": None}]),
               _record(index=1)]
    assert [format_error(m) for m in iter_errors(gold=gold, records=records)] == [
        "feed/a.ics  0  speaker  Extra Person  None",
        "feed/a.ics  0  affiliation  Paris  London",
        "feed/a.ics  0  title  Other  T",
        "feed/a.ics  0  sponsor  IEEE  None",
        "feed/a.ics  0  sponsor  None  ACM",
        "feed/a.ics  0  series  None  Colloquium",
        "feed/a.ics  1  price  None  {'is_free': True}",
    ]


def test_cmu_slot_is_right_when_it_matches_any_tagged_instance() -> None:
    gold = [{"file": "cmu-train/1.txt", "index": 0, "cmu": True,
             "speaker": ["Dr. Ada B. Quillon"], "location": ["FH 2315", "Fenwick Hall 2315"],
             "stime": ["3:30 PM", "3:30 p.m"], "etime": []}]
    records = [_record("cmu/cmu-train/1.txt", speakers=[{"name": "Ada Quillon"}, "Other"],
                       location={"text": "Fenwick Hall 2315"}, start="1998-01-01T15:30:00",
                       end="1998-01-01T16:30:00")]
    report = evaluate(gold=gold, records=records)
    assert {f: (d["tp"], d["fp"], d["fn"]) for f, d in report["fields"].items()} == {
        "cmu_speaker": (1, 0, 0), "cmu_location": (1, 0, 0), "cmu_stime": (1, 0, 0),
        "cmu_etime": (0, 1, 0)}
    assert (report["events"], report["cmu_documents"], report["macro_f1"]) == (0, 1, None)


def test_format_table_for_talks_and_cmu_documents() -> None:
    gold = [_gold(speakers=[{"name": "Ada Lovelace", "affiliation": "London"}], title="T"),
            {"file": "cmu-train/0.txt", "index": 0, "cmu": True, "speaker": [],
             "location": ["FH 2315"], "stime": ["5:00 PM"], "etime": []}]
    records = [_record(speakers=["Dr. Ada Lovelace"], title="T"),
               _record("cmu-train/0.txt", location="fh 2315", start="17:00", end="18:00")]
    assert format_table(evaluate(gold=gold, records=records)) == (
        "field              tp    fp    fn       P       R      F1\n"
        "speaker             1     0     0   1.000   1.000   1.000\n"
        "affiliation         0     0     1   0.000   0.000   0.000\n"
        "title               1     0     0   1.000   1.000   1.000\n"
        "abstract            0     0     0   0.000   0.000   0.000\n"
        "contact_email       0     0     0   0.000   0.000   0.000\n"
        "sponsor             0     0     0   0.000   0.000   0.000\n"
        "price               0     0     0   0.000   0.000   0.000\n"
        "series              0     0     0   0.000   0.000   0.000\n"
        "cmu_speaker         0     0     0   0.000   0.000   0.000\n"
        "cmu_location        1     0     0   1.000   1.000   1.000\n"
        "cmu_stime           1     0     0   1.000   1.000   1.000\n"
        "cmu_etime           0     1     0   0.000   0.000   0.000\n"
        "macro F1 (talk fields with gold) 0.667; events fully right 0/1; records missing 0\n"
        "CMU documents 1\n")


def test_load_jsonl_skips_blank_lines_and_keeps_line_separators_in_strings(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"a": 1}\n\n  \n{"b": "é\u2028x"}\n', encoding="utf-8")
    assert load_jsonl(path) == [{"a": 1}, {"b": "é\u2028x"}]


@pytest.mark.parametrize(("text", "reason"), [('{"a": 1}\n{oops\n', "line 2 is not JSON"),
                                              ('[1, 2]\n', "line 1 is a JSON list")],
                         ids=["broken line", "not an object"])
def test_load_jsonl_names_the_bad_line(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        load_jsonl(path)


# --- differential test against the reference scorer --------------------------------------

def _announcement_record(i: int, gold: dict[str, Any]) -> dict[str, Any]:
    """Return a record like the extractor's, made from a gold line and altered by ``i``."""
    file = gold["file"]
    path = [file, "/data/corpus/announcements/" + file,
            "C:\\corpus\\announcements\\" + file.replace("/", "\\")][i % 3]
    speakers: list[Any] = []
    for j, sp in enumerate(gold.get("speakers") or []):
        name, aff = sp["name"], sp.get("affiliation")
        name = [name, f"Dr. {name}, PhD", name.upper(), name + " Junior", name,
                " ".join(reversed(name.split()))][(i + j) % 6]
        if aff:
            aff = [aff, None, "Department of Mathematics, " + aff, "Institute of Elsewhere",
                   aff.lower()][(i + 2 * j) % 5]
        speakers.append(name if (i + j) % 6 == 4 else {"name": name, "affiliation": aff})
    if speakers and i % 9 == 4:
        speakers.pop()
    if i % 10 == 7:
        speakers.append({"name": "Extra Person", "affiliation": "Nowhere University"})
    if i % 14 == 2:
        speakers += [{"name": "Another Person", "affiliation": None}, {"name": ""}]

    title = gold.get("title")
    if title:
        title = [title, f'"{title}"', title + " (joint with A. Person)", None, "TBA",
                 title + " and more", title.upper()][i % 7]
    elif i % 11 == 1:
        title = "A title where the gold has none"

    abstract = (gold.get("abstract") or {}).get("text")
    if abstract:
        words = abstract.split()
        abstract = [abstract, " ".join(words[: len(words) // 2]), None,
                    abstract + " Refreshments will be served."][i % 4]
    elif i % 8 == 3:
        abstract = "An abstract where the gold has none."

    email = gold.get("contact_email")
    contact = [{"name": None, "email": email, "phone": None},
               {"name": "Seminar office", "email": None, "phone": None},
               {"name": None, "email": email.upper() if email else None, "phone": None},
               None,
               {"name": None, "email": "wrong@example.org", "phone": None}][i % 5]

    sponsors: list[Any] = [{"name": s, "url": None} for s in gold.get("sponsors") or []]
    if i % 4 == 1:
        sponsors = sponsors[1:]
    elif i % 4 == 2:
        sponsors.append({"name": "Extra Foundation", "url": None})
    elif i % 4 == 3:
        sponsors = [s["name"] for s in sponsors]

    price = gold.get("price")
    if price:
        price = {"text": "as written", **price}
        if i % 5 == 1:
            price = None
        elif i % 5 == 2 and price["amount"]:
            price["amount"] += ".00"
        elif i % 5 == 3:
            price["is_free"] = not price["is_free"]
        elif i % 5 == 4:
            price["currency"] = "eur"
    elif i % 6 == 2:
        price = {"text": "Free", "amount": None, "currency": None, "is_free": True}

    series = gold.get("series")
    if series:
        series = [series, {"name": series}, None, f"The {series} Series 2024",
                  "Colloquium"][i % 5]

    return {"source": {"path": path, "index": gold["index"]}, "speakers": speakers,
            "title": title, "abstract": abstract, "contact": contact, "sponsors": sponsors,
            "price": price, "series": series, "start": None, "end": None, "location": None}


def _cmu_record(i: int, gold: dict[str, Any]) -> dict[str, Any]:
    """Return a record for a CMU document made from its gold slots and altered by ``i``."""
    def iso(text: str, shift: int = 0) -> str | None:
        found = clock(text)
        return f"1998-03-02T{(found.hour + shift) % 24:02d}:{found.minute:02d}:00" if found else None

    names, places = gold["speaker"], gold["location"]
    speaker_options: list[list[Any]] = [[{"name": names[0]}] if names else [],
                                        [{"name": names[-1]}] if names else [], [],
                                        [{"name": "Someone Else"}],
                                        [f"Dr. {names[0]}"] if names else []]
    speakers = speaker_options[i % 5]
    location: Any = [places[0] if places else None,
                     {"text": places[-1].upper()} if places else None, None,
                     "Lakeshore Hall 5409"][i % 4]
    times: list[str | None] = []
    for k, golds in enumerate((gold["stime"], gold["etime"])):
        first = golds[0] if golds else None
        times.append([first, iso(first) if first else None, None,
                      iso(first, 1) if first else "1998-03-02T10:00:00",
                      iso(first, 12) if first else None][(i + k) % 5])
    return {"source": {"path": "corpus/cmu/" + gold["file"], "index": gold["index"]},
            "speakers": speakers, "title": None, "abstract": None, "contact": None,
            "sponsors": [], "price": None, "series": None, "start": times[0], "end": times[1],
            "location": location}


def _perturbed_records(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return records for ``gold`` with some missing, some errors, decoys and duplicates."""
    records: list[dict[str, Any]] = []
    for i, line in enumerate(gold):
        if i % 13 == 5:
            continue
        record = (_cmu_record if line.get("cmu") else _announcement_record)(i, copy.deepcopy(line))
        if i % 17 == 3:
            record = {"source": record["source"], "error": {"code": "E004", "message": "bad"}}
        if i % 15 == 6:  # a decoy whose path only ends with the gold file's name
            records.append({**record, "source": {"path": "x" + line["file"],
                                                 "index": line["index"]}, "title": "Decoy"})
        records.append(record)
        if i % 19 == 8:  # a duplicate: the later record for the same source wins
            records.append({**record, "title": "Replaced"})
    records.append({"source": {"path": "no/gold.ics", "index": 0}, "title": "Ignored"})
    return records


def _run_scorer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCORER), *args], capture_output=True,
                          text=True, encoding="utf-8", check=True)


@pytest.mark.parametrize("gold_files", [[ANNOUNCEMENTS_GOLD], [CMU_GOLD],
                                        [ANNOUNCEMENTS_GOLD, CMU_GOLD]],
                         ids=["announcements", "cmu", "both"])
def test_agrees_with_the_reference_scorer(tmp_path: Path, gold_files: list[Path]) -> None:
    missing = [p for p in [SCORER, *gold_files] if not p.exists()]
    if missing:
        pytest.skip(f"reference scorer or gold not available ({missing[0]}): "
                    "only a checkout with ../shared has them")
    gold = [line for path in gold_files for line in load_jsonl(path)]
    records = _perturbed_records(gold)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    gold_args = [arg for path in gold_files for arg in ("--gold", str(path))]

    report = evaluate(gold=gold, records=load_jsonl(pred))
    table = _run_scorer(*gold_args, "--pred", str(pred), "--errors", "1000000")
    as_json = _run_scorer(*gold_args, "--pred", str(pred), "--json")

    assert format_table(report) == table.stdout
    assert json.dumps(report, ensure_ascii=False) + "\n" == as_json.stdout
    assert json.loads(as_json.stdout) == report
    ours = [format_error(m) for m in iter_errors(gold=gold, records=load_jsonl(pred))]
    assert "".join(line + "\n" for line in ours) == table.stderr
    # The perturbations must exercise both outcomes of every field, or the test proves little.
    for name, figures in report["fields"].items():
        assert figures["tp"] and figures["fp"] + figures["fn"], name
    assert report["missing_records"] > 0
    if report["events"]:
        assert 0 < report["events_fully_right"] < report["events"]


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    """The reference scorer as a module (test time only: users do not have it)."""
    if not SCORER.exists():
        pytest.skip(f"reference scorer not available ({SCORER}): only a checkout with "
                    "../shared has it")
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Words that trip the rules (honorifics, degrees, stop words, co-author notes, clock words)
# mixed with short random text over letters, accents, digits and punctuation.
_WORDS = ["Dr.", "Prof", "PhD", "M.", "of", "the", "de", "(joint", "with", "[with", ")", "]",
          "TBA", "noon", "midnight", "p.m.", "am", "12", "4:30", "16h05", "T09:15", "a@b.org",
          "Ada", "ÅNGSTRÖM", "J.", "S", "_", "—", "\ufb01", "1,000.50"]
_TEXT = st.lists(st.sampled_from(_WORDS) | st.text("aAéE1.:,-()@ _'\"", max_size=5),
                 max_size=6).map(" ".join)


@settings(max_examples=300, deadline=None, database=None)
@given(a=_TEXT, b=_TEXT)
def test_text_rules_agree_with_the_reference(reference: ModuleType, a: str, b: str) -> None:
    m = extractor.evaluate_match
    assert m.fold(a) == reference.fold(a)
    assert m.tokens(a) == reference.tokens(a)
    assert m.name_key(a) == reference.name_key(a)
    assert m.same_name(a, b) == reference.same_name(a, b)
    assert m.close(a, b) == reference.close(a, b)
    assert m.title_key(a) == reference.title_key(a)
    assert m.same_abstract(a, b) == (reference.token_f1(reference.tokens(a),
                                                        reference.tokens(b)) >= 0.8)
    assert m.clock(a) == reference.clock(a)  # a Clock equals the reference's plain tuple
    assert m.same_clock(a, b) == reference.same_clock(a, b)


_PRICE = st.fixed_dictionaries({}, optional={
    "is_free": st.sampled_from([True, False, None, 0, "yes"]),
    "amount": st.sampled_from([None, "", "10", "10.00", 10, 10.0, "1,000", "ten", "0", "NaN"]),
    "currency": st.sampled_from([None, "", "USD", "usd", "EUR"])})


@settings(max_examples=300, deadline=None, database=None)
@given(pred=_PRICE, gold=_PRICE)
def test_price_rule_agrees_with_the_reference(reference: ModuleType, pred: dict[str, Any],
                                              gold: dict[str, Any]) -> None:
    assert extractor.evaluate_match.same_price(pred, gold) == reference.same_price(pred, gold)


@pytest.mark.parametrize("module", [extractor.evaluate, extractor.evaluate_match],
                         ids=lambda module: module.__name__)
def test_docstring_examples(module: ModuleType) -> None:
    failures, tried = doctest.testmod(module)
    assert tried and not failures
