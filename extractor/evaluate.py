"""Score extracted records against gold annotations: the library behind ``extract evaluate``.

The figures, the table and the list of mistakes are those of the project's reference scorer
(``shared/eval/score.py``), which users do not have; the matching rules live in
:mod:`extractor.evaluate_match`.

A record answers a gold line when its ``source.path`` is the gold ``file`` or ends with
``"/" + file`` and its ``source.index`` equals the gold ``index``; when several records share
a path and index, the last one counts. Gold lines without a record are *missing* and score as
an empty record; records without a gold line are ignored. An error record
(``{"source": ..., "error": ...}``) answers its gold line with none of the scored fields, so
every field the gold has counts as missed; it is not special-cased, which keeps the figures
equal to the reference scorer's even for a record carrying both an error and fields.

Counts per field: a right answer is a true positive; a wrong one is a false positive and a
false negative; an answer where the gold has none is a false positive; no answer where the
gold has one is a false negative.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NamedTuple, TypedDict

from extractor.errors import InputError
from extractor.evaluate_match import (
    close, pair_up, same_abstract, same_clock, same_email, same_location, same_name,
    same_price, same_title, text_of, title_key,
)

#: The talk fields, in table order; their F1 make the macro F1.
FIELDS: Final = ("speaker", "affiliation", "title", "abstract", "contact_email", "sponsor",
                 "price", "series")
#: The CMU Seminar Announcements slots, scored one answer per document.
CMU_FIELDS: Final = ("cmu_speaker", "cmu_location", "cmu_stime", "cmu_etime")


class FieldFigures(TypedDict):
    """Counts and scores of one field (scores rounded to 4 places)."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class SourceFigures(TypedDict):
    """Talk events of one source folder and how many of them were entirely right."""

    events: int
    fully_right: int


class Report(TypedDict):
    """What :func:`evaluate` returns; the reference scorer's ``--json`` object, key for key."""

    events: int
    cmu_documents: int
    missing_records: int
    events_fully_right: int
    fields: dict[str, FieldFigures]
    sources: dict[str, SourceFigures]
    macro_f1: float | None


class Mistake(NamedTuple):
    """One wrong, spurious or missed answer; ``pred`` or ``gold`` is None when absent."""

    file: str
    # Named as in the gold lines, at the cost of hiding tuple.index (which nobody needs here).
    index: int  # type: ignore[assignment]
    field: str
    pred: Any
    gold: Any


# A mistake before it is tied to its gold line: (field, pred, gold).
_Slip = tuple[str, Any, Any]


@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        """Return nothing; add the counts to the tally."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def figures(self) -> FieldFigures:
        """Return the counts with precision, recall and F1 rounded to 4 places."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 4),
                "recall": round(r, 4), "f1": round(f, 4)}


# A field appears in the report once it has been scored at all, even with nothing counted:
# "affiliation" only when some speaker was matched or an unmatched one had an affiliation.
_Tallies = defaultdict[str, Tally]


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Return the JSON objects of a JSON Lines file, skipping blank lines.

    Raises :class:`~extractor.errors.InputError` naming the file and line when the file cannot
    be read or a line is not a JSON object.
    """
    try:
        # Not str.splitlines(): JSON written with ensure_ascii=False may hold a raw U+2028.
        with Path(path).open(encoding="utf-8-sig") as file:
            lines = list(file)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("E001", path=path, reason=str(exc)) from exc
    objects: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError("E001", path=path, reason=f"line {number} is not JSON: {exc}") from exc
        if not isinstance(value, dict):
            raise InputError("E001", path=path,
                             reason=f"line {number} is a JSON {type(value).__name__}, not an object")
        objects.append(value)
    return objects


def evaluate(*, gold: Sequence[Mapping[str, Any]], records: Sequence[Mapping[str, Any]]) -> Report:
    """Return the figures of ``records`` scored against the ``gold`` lines.

    >>> gold = [{"file": "a.ics", "index": 0, "title": "On Tori", "speakers": []}]
    >>> found = [{"source": {"path": "feeds/a.ics", "index": 0}, "title": "on tori."}]
    >>> report = evaluate(gold=gold, records=found)
    >>> report["fields"]["title"]["f1"], report["events_fully_right"]
    (1.0, 1)
    """
    tallies: _Tallies = defaultdict(Tally)
    events = fully_right = missing = 0
    per_source: dict[str, SourceFigures] = defaultdict(lambda: {"events": 0, "fully_right": 0})
    for line in _score_lines(gold, records, tallies):
        missing += not line.found
        if line.fully_right is None:
            continue
        events += 1
        fully_right += line.fully_right
        source = per_source[str(line.gold["file"]).split("/")[0]]
        source["events"] += 1
        source["fully_right"] += line.fully_right

    fields = {f: tallies[f].figures() for f in FIELDS + CMU_FIELDS if f in tallies}
    core = [fields[f]["f1"] for f in FIELDS if f in fields and fields[f]["tp"] + fields[f]["fn"]]
    return {
        "events": events,
        "cmu_documents": sum(1 for g in gold if g.get("cmu")),
        "missing_records": missing,
        "events_fully_right": fully_right,
        "fields": fields,
        "sources": dict(sorted(per_source.items())),
        "macro_f1": round(sum(core) / len(core), 4) if core else None,
    }


def iter_errors(*, gold: Sequence[Mapping[str, Any]], records: Sequence[Mapping[str, Any]],
                ) -> Iterator[Mistake]:
    """Return, one by one, the mistakes of ``records`` against ``gold``: in gold order, and
    within a line in field order (speakers, affiliations, title, abstract, e-mail, sponsors,
    price, series; or the four CMU slots).
    """
    for line in _score_lines(gold, records, defaultdict(Tally)):
        yield from line.mistakes


def format_table(report: Report) -> str:
    """Return the report as the reference scorer's text table, ending with a newline.

    >>> print(format_table(evaluate(gold=[{"file": "x", "index": 0, "title": "T"}], records=[])))
    ... # doctest: +NORMALIZE_WHITESPACE
    field              tp    fp    fn       P       R      F1
    speaker             0     0     0   0.000   0.000   0.000
    title               0     0     1   0.000   0.000   0.000
    abstract            0     0     0   0.000   0.000   0.000
    contact_email       0     0     0   0.000   0.000   0.000
    sponsor             0     0     0   0.000   0.000   0.000
    price               0     0     0   0.000   0.000   0.000
    series              0     0     0   0.000   0.000   0.000
    macro F1 (talk fields with gold) 0.000; events fully right 0/1; records missing 1
    """
    rows = [f"{'field':<15}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, d in report["fields"].items():
        rows.append(f"{name:<15}{d['tp']:>6}{d['fp']:>6}{d['fn']:>6}"
                    f"{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}")
    if report["events"]:
        macro = report["macro_f1"]
        rows.append(f"macro F1 (talk fields with gold) "
                    f"{'n/a' if macro is None else format(macro, '.3f')}; events fully right "
                    f"{report['events_fully_right']}/{report['events']}; "
                    f"records missing {report['missing_records']}")
    if report["cmu_documents"]:
        rows.append(f"CMU documents {report['cmu_documents']}")
    return "\n".join(rows) + "\n"


def format_error(mistake: Mistake) -> str:
    """Return a mistake as one line, as the reference scorer lists it with ``--errors``.

    >>> format_error(Mistake("a.ics", 3, "title", None, "On Tori"))
    'a.ics  3  title  None  On Tori'
    """
    return "  ".join(str(part) for part in mistake)


@dataclass
class _ScoredLine:
    gold: Mapping[str, Any]
    found: bool
    fully_right: bool | None  # None for a CMU document, which is not a talk event
    mistakes: list[Mistake]


class _RecordLookup:
    """Finds the record answering a gold line, by source path suffix and index."""

    def __init__(self, records: Sequence[Mapping[str, Any]]) -> None:
        self._paths: dict[int, list[str]] = defaultdict(list)
        self._records: dict[tuple[str, int], Mapping[str, Any]] = {}
        for record in records:
            source = record.get("source") or {}
            path = str(source.get("path", "")).replace("\\", "/")
            try:
                index = int(source.get("index", 0))
            except (TypeError, ValueError):
                continue  # no usable index: it cannot answer any gold line
            self._paths[index].append(path)
            self._records[(path, index)] = record

    def find(self, file: str, index: int) -> Mapping[str, Any] | None:
        """Return the record for gold ``file`` and ``index``; None when there is none."""
        for path in self._paths.get(index, []):
            if path == file or path.endswith("/" + file):
                return self._records[(path, index)]
        return None


def _score_lines(gold: Sequence[Mapping[str, Any]], records: Sequence[Mapping[str, Any]],
                 tallies: _Tallies) -> Iterator[_ScoredLine]:
    """Return, per gold line, whether a record was found, whether it was all right and its
    mistakes; adds the counts to ``tallies`` on the way."""
    lookup = _RecordLookup(records)
    for line in gold:
        record = lookup.find(str(line["file"]), int(line["index"]))
        fully_right: bool | None
        if line.get("cmu"):
            fully_right, slips = None, _score_cmu(record or {}, line, tallies)
        else:
            fully_right, slips = _score_event(record or {}, line, tallies)
        mistakes = [Mistake(line["file"], line["index"], *slip) for slip in slips]
        yield _ScoredLine(line, record is not None, fully_right, mistakes)


def _score_single(tally: Tally, pred: Any, gold: Any, match: Callable[[Any, Any], bool],
                  field: str, slips: list[_Slip]) -> bool:
    """Return whether a one-answer field is right (or rightly empty); counts it."""
    if gold and pred:
        if match(pred, gold):
            tally.add(tp=1)
            return True
        tally.add(fp=1, fn=1)
        slips.append((field, pred, gold))
    elif pred:
        tally.add(fp=1)
        slips.append((field, pred, None))
    elif gold:
        tally.add(fn=1)
        slips.append((field, None, gold))
    else:
        return True
    return False


def _score_speakers(record: Mapping[str, Any], gold: Mapping[str, Any], tallies: _Tallies,
                    slips: list[_Slip]) -> bool:
    """Return whether the speakers and their affiliations are all right; counts them."""
    predicted = [s for s in (record.get("speakers") or []) if text_of(s)]
    pairs, extra, missed = pair_up(predicted, gold.get("speakers") or [],
                                   lambda p, g: same_name(text_of(p), g["name"]))
    tallies["speaker"].add(tp=len(pairs), fp=len(extra), fn=len(missed))
    slips += [("speaker", text_of(p), None) for p in extra]
    slips += [("speaker", None, g["name"]) for g in missed]
    right = [not extra and not missed]
    for p, g in pairs:
        right.append(_score_single(tallies["affiliation"], text_of(_affiliation(p)),
                                   g.get("affiliation"), close, "affiliation", slips))
    # The affiliation of a wrong or missed speaker counts, but is not listed as a mistake.
    for p in extra:
        if text_of(_affiliation(p)):
            tallies["affiliation"].add(fp=1)
            right.append(False)
    for g in missed:
        if g.get("affiliation"):
            tallies["affiliation"].add(fn=1)
            right.append(False)
    return all(right)


def _affiliation(speaker: object) -> object:
    """Return the affiliation of a speaker given as an object; None for a bare name."""
    return speaker.get("affiliation") if isinstance(speaker, Mapping) else None


def _score_event(record: Mapping[str, Any], gold: Mapping[str, Any], tallies: _Tallies,
                 ) -> tuple[bool, list[_Slip]]:
    """Return whether the record gets every talk field right, and its mistakes; counts them."""
    slips: list[_Slip] = []
    right = [_score_speakers(record, gold, tallies, slips)]

    # A placeholder title ("TBA") counts as no title, on either side.
    title = record.get("title") if title_key(record.get("title")) else None
    gold_title = gold.get("title") if title_key(gold.get("title")) else None
    right.append(_score_single(tallies["title"], title, gold_title, same_title, "title", slips))

    gold_abstract = gold.get("abstract")
    if isinstance(gold_abstract, Mapping):
        gold_abstract = gold_abstract.get("text")
    right.append(_score_single(tallies["abstract"], record.get("abstract") or None,
                               gold_abstract or None, same_abstract, "abstract", slips))

    contact = record.get("contact")
    # As in the reference scorer, a contact without an e-mail answers with its text or name.
    email = text_of(contact, "email") if isinstance(contact, Mapping) else None
    right.append(_score_single(tallies["contact_email"], email, gold.get("contact_email"),
                               same_email, "contact_email", slips))

    sponsors = [text for text in map(text_of, record.get("sponsors") or []) if text]
    pairs, extra, missed = pair_up(sponsors, gold.get("sponsors") or [], close)
    tallies["sponsor"].add(tp=len(pairs), fp=len(extra), fn=len(missed))
    right.append(not extra and not missed)
    slips += [("sponsor", p, None) for p in extra] + [("sponsor", None, g) for g in missed]

    price = record.get("price") if isinstance(record.get("price"), Mapping) else None
    right.append(_score_single(tallies["price"], price, gold.get("price"), same_price, "price",
                               slips))
    right.append(_score_single(tallies["series"], text_of(record.get("series")),
                               gold.get("series"), close, "series", slips))
    return all(right), slips


def _score_cmu(record: Mapping[str, Any], gold: Mapping[str, Any], tallies: _Tallies,
               ) -> list[_Slip]:
    """Return the mistakes of a record on a CMU document, one answer per slot, right when it
    matches any tagged instance; counts them."""
    speakers = [text for text in map(text_of, record.get("speakers") or []) if text]
    slots: list[tuple[str, Any, list[Any], Callable[[Any, Any], bool]]] = [
        ("cmu_speaker", speakers[0] if speakers else None, gold.get("speaker") or [], same_name),
        ("cmu_location", text_of(record.get("location"), "text"), gold.get("location") or [],
         same_location),
        ("cmu_stime", record.get("start"), gold.get("stime") or [], same_clock),
        ("cmu_etime", record.get("end"), gold.get("etime") or [], same_clock),
    ]
    slips: list[_Slip] = []
    for field, pred, golds, match in slots:
        tally = tallies[field]
        if golds and pred:
            if any(match(pred, g) for g in golds):
                tally.add(tp=1)
            else:
                tally.add(fp=1, fn=1)
                slips.append((field, pred, golds[0]))
        elif pred:
            tally.add(fp=1)
            slips.append((field, pred, None))
        elif golds:
            tally.add(fn=1)
            slips.append((field, None, golds[0]))
    return slips
