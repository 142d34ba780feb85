"""When an extracted value counts as the gold one: text normalising and per-field matching.

These rules mirror the project's reference scorer (``shared/eval/score.py``) figure for
figure, so that ``extract evaluate`` and the scorer never disagree. The word lists below are
part of that contract, frozen with the scorer rather than tuned: that is why they are spelt
out here and not loaded from ``models/`` like the extraction patterns.

>>> same_name("Prof. Ada M. Lovelace, PhD", "Ada Lovelace")
True
>>> title_key('"On Tori" (joint with B. Riemann)') == title_key("On tori")
True
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Final, NamedTuple, TypeVar

HONORIFICS: Final = frozenset({
    "dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "assoc", "asst",
    "assistant", "associate", "dott", "pr", "herr", "frau", "mme", "m"})
DEGREES: Final = frozenset({
    "phd", "md", "msc", "mba", "ma", "ms", "bsc", "ba", "dphil", "frs", "mph", "jd", "dsc",
    "facs", "facp", "rn", "pharmd", "dvm", "edd", "psyd", "scd", "drph"})
STOP_WORDS: Final = frozenset({
    "of", "the", "at", "and", "for", "de", "del", "della", "di", "du", "des", "la", "le", "der",
    "und", "fur", "in", "a", "an", "y", "e", "et"})
PLACEHOLDER_TITLES: Final = frozenset({
    "tba", "tbd", "to be announced", "to be determined", "title tba", "title tbd", "tbc",
    "to be confirmed"})

#: Token F1 at or above which two affiliations, sponsors or series are the same.
CLOSE_F1: Final = 0.6
#: Token F1 at or above which an abstract covers the gold span.
ABSTRACT_F1: Final = 0.8

_NOT_WORD = re.compile(r"[^\w@.]+")             # keeps @ and . so that e-mails survive
_LOOSE_DOT = re.compile(r"(?<!\w)\.|\.(?!\w)")  # a dot not inside a word is punctuation
_CO_AUTHORS = re.compile(r"(?<!\s)\s*[\(\[]\s*(?:joint\s+(?:work\s+)?)?with\b[^\)\]]*[\)\]]\s*$", re.I)
_ISO_TIME = re.compile(r"T(\d{2}):(\d{2})")
_CLOCK_TIME = re.compile(
    r"(?i)\b(noon|midnight|(\d{1,2})(?:[:.h](\d{2}))?\s*([ap])?\.?\s*m?\.?)")

_P = TypeVar("_P")
_G = TypeVar("_G")


def fold(text: object) -> str:
    """Return ``text`` with accents, case and punctuation folded away (dots inside words kept).

    >>> fold("  Université de Montréal — Dépt. d'Informatique ")
    'universite de montreal dept d informatique'
    >>> fold("Write to J.Doe@Example.org.")
    'write to j.doe@example.org'
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    folded = _LOOSE_DOT.sub(" ", _NOT_WORD.sub(" ", folded))
    return " ".join(folded.replace("_", " ").split())


def tokens(text: object) -> list[str]:
    """Return the folded words of ``text``, split at dots too.

    >>> tokens("Dr. J.-P. Serre")
    ['dr', 'j', 'p', 'serre']
    """
    return fold(text).replace(".", " ").split()


def content_tokens(text: object) -> list[str]:
    """Return the folded words of ``text`` without stop words ("of", "the", "de"...)."""
    return [t for t in tokens(text) if t not in STOP_WORDS]


def token_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    """Return the F1 of the two bags of tokens (0.0 when either is empty).

    >>> round(token_f1(["university", "lakeshore"], ["lakeshore"]), 3)
    0.667
    """
    if not predicted or not gold:
        return 0.0
    common = sum((Counter(predicted) & Counter(gold)).values())
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def name_key(name: object) -> Counter[str]:
    """Return the bag of a person's name tokens without leading honorifics, trailing degrees
    and one-letter initials.

    >>> sorted(name_key("Prof. Dr. Grace B. Hopper, PhD"))
    ['grace', 'hopper']
    """
    words = tokens(name)
    while words and words[0] in HONORIFICS:
        words = words[1:]
    while words and words[-1] in DEGREES:
        words = words[:-1]
    return Counter(w for w in words if len(w) > 1)


def same_name(predicted: object, gold: object) -> bool:
    """Return whether two person names are the same once titles, degrees and initials go.

    >>> same_name("Hopper, Grace", "Dr. Grace Hopper")
    True
    >>> same_name("Grace Hopper", "Grace Brewster Hopper")
    False
    """
    key_p, key_g = name_key(predicted), name_key(gold)
    if not key_p and not key_g:
        # Nothing left on either side (a name given as initials only): compare the letters.
        return bool(fold(predicted)) and fold(predicted) == fold(gold)
    return key_p == key_g


def close(predicted: object, gold: object, threshold: float = CLOSE_F1) -> bool:
    """Return whether the content words of the two texts reach ``threshold`` token F1.

    >>> close("Dept. of Physics, University of Oslo", "University of Oslo")
    True
    """
    return token_f1(content_tokens(predicted), content_tokens(gold)) >= threshold


def title_key(title: object) -> str:
    """Return the comparable form of a title: folded, without a trailing "(with ...)" or
    "(joint with ...)", and empty for placeholders such as "TBA".

    >>> title_key("Title TBA")
    ''
    >>> title_key("Sheaves, Stacks [joint work with A. N. Other]")
    'sheaves stacks'
    """
    key = " ".join(fold(_CO_AUTHORS.sub("", str(title or ""))).replace(".", " ").split())
    return "" if key in PLACEHOLDER_TITLES else key


def same_title(predicted: object, gold: object) -> bool:
    """Return whether two titles have the same :func:`title_key`."""
    return title_key(predicted) == title_key(gold)


def same_abstract(predicted: object, gold: object) -> bool:
    """Return whether the abstract's words cover the gold span with token F1 >= 0.8."""
    return token_f1(tokens(predicted), tokens(gold)) >= ABSTRACT_F1


def same_email(predicted: str, gold: str) -> bool:
    """Return whether two e-mail addresses are equal, ignoring case and outer spaces."""
    return predicted.strip().lower() == gold.strip().lower()


def same_location(predicted: object, gold: object) -> bool:
    """Return whether two locations are the same text once folded (the CMU rule)."""
    return fold(predicted) == fold(gold)


def text_of(value: object, key: str = "name") -> str | None:
    """Return the text of a value given as a string or as an object with ``key``, "text" or
    "name" (tried in that order); None when there is none.

    >>> text_of({"name": "ACM", "url": None}), text_of("ACM"), text_of({"text": ""})
    ('ACM', 'ACM', None)
    """
    if value is None:
        return None
    if isinstance(value, Mapping):
        found = value.get(key) or value.get("text") or value.get("name")
        return str(found) if found else None
    return str(value)


def parse_amount(value: object) -> Decimal | None:
    """Return a price amount as a normalised Decimal ("1,000.00" == "1000"), None if not one.

    >>> parse_amount("1,000.00") == parse_amount(1000), parse_amount("ten")
    (True, None)
    """
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace(",", "")).normalize()
    except InvalidOperation:
        return None


def same_price(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Return whether two prices agree: same ``is_free``; when not free, same amount and
    currency.

    >>> same_price({"is_free": True, "amount": "5"}, {"is_free": True})
    True
    >>> same_price({"amount": "10.00", "currency": "usd"}, {"amount": "10", "currency": "USD"})
    True
    """
    if bool(predicted.get("is_free")) != bool(gold.get("is_free")):
        return False
    if gold.get("is_free"):
        return True
    return (parse_amount(predicted.get("amount")) == parse_amount(gold.get("amount"))
            and (predicted.get("currency") or "").upper() == (gold.get("currency") or "").upper())


class Clock(NamedTuple):
    """A time of day as read from text; ``explicit`` is False for "4:00" (am or pm unknown)."""

    hour: int
    minute: int
    explicit: bool


def clock(text: object) -> Clock | None:
    """Return the first time of day in ``text`` ("1:00 PM", "13:00", "noon", an ISO
    date-time), or None.

    >>> clock("2024-05-01T15:30:00-04:00")
    Clock(hour=15, minute=30, explicit=True)
    >>> clock("3:30 p.m."), clock("at 4")
    (Clock(hour=15, minute=30, explicit=True), Clock(hour=4, minute=0, explicit=False))
    """
    if not text:
        return None
    text = str(text)
    iso = _ISO_TIME.search(text)
    if iso:
        return Clock(int(iso.group(1)), int(iso.group(2)), True)
    found = _CLOCK_TIME.search(text)
    if not found:
        return None
    word = found.group(1).lower()
    if word == "noon":
        return Clock(12, 0, True)
    if word == "midnight":
        return Clock(0, 0, True)
    hour, minute = int(found.group(2)), int(found.group(3) or 0)
    meridiem = (found.group(4) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    if meridiem == "a" and hour == 12:
        hour = 0
    return Clock(hour, minute, bool(meridiem))


def same_clock(predicted: object, gold: object) -> bool:
    """Return whether two times name the same hour and minute; a gold time without am/pm
    matches either half of the day.

    >>> same_clock("2024-01-01T16:00:00", "4:00"), same_clock("16:00", "4:00 AM")
    (True, False)
    """
    p, g = clock(predicted), clock(gold)
    if not p or not g:
        return False
    if (p.hour, p.minute) == (g.hour, g.minute):
        return True
    return not g.explicit and p.minute == g.minute and p.hour % 12 == g.hour % 12


def pair_up(predicted: Sequence[_P], gold: Sequence[_G], match: Callable[[_P, _G], bool],
            ) -> tuple[list[tuple[_P, _G]], list[_P], list[_G]]:
    """Return (matched pairs, unmatched predictions, unmatched gold) of a greedy one-to-one
    matching: each gold item, in order, takes the first still-free prediction that matches.

    >>> pair_up(["b", "x"], ["a", "b"], lambda p, g: p == g)
    ([('b', 'b')], ['x'], ['a'])
    """
    free = list(range(len(predicted)))
    pairs: list[tuple[_P, _G]] = []
    missed: list[_G] = []
    for item in gold:
        hit = next((i for i in free if match(predicted[i], item)), None)
        if hit is None:
            missed.append(item)
        else:
            free.remove(hit)
            pairs.append((predicted[hit], item))
    return pairs, [predicted[i] for i in free], missed
