"""Admission price: "Free", "free and open to the public", "$10 members, $15 general"; parking
fees, stipends and subscriptions are no price. Amounts are read by price-parser."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..layout import Line
from .name_scan import BLANK_LINE
from ..shapes import DATELINE
from .when import vocabulary, zone_names

if TYPE_CHECKING:
    from price_parser import Price as ParsedPrice

_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "CA$": "CAD",
            "C$": "CAD", "A$": "AUD", "CHF": "CHF", "EUR": "EUR", "USD": "USD", "GBP": "GBP",
            "CAD": "CAD", "AUD": "AUD", "Fr.": "CHF", "kr": "SEK", "₹": "INR", "SEK": "SEK",
            "NOK": "NOK", "DKK": "DKK", "PLN": "PLN", "zł": "PLN", "CZK": "CZK", "Kč": "CZK",
            "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "NZD": "NZD", "Eur": "EUR",
            "RON": "RON", "lei": "RON", "TRY": "TRY", "TL": "TRY", "₺": "TRY", "HUF": "HUF",
            "R": "ZAR", "ZAR": "ZAR", "Rs": "INR", "INR": "INR", "₦": "NGN", "NGN": "NGN",
            "KSh": "KES", "KES": "KES", "SGD": "SGD", "HKD": "HKD", "JPY": "JPY", "CLP": "CLP",
            "MXN": "MXN", "ARS": "ARS", "COP": "COP", "PEN": "PEN", "UYU": "UYU", "BRL": "BRL",
            "ILS": "ILS", "₪": "ILS", "KRW": "KRW", "₩": "KRW", "CNY": "CNY", "TWD": "TWD",
            "THB": "THB", "MYR": "MYR", "IDR": "IDR", "EGP": "EGP", "AED": "AED", "ISK": "ISK",
            "円": "JPY", "元": "CNY", "원": "KRW", "₽": "RUB", "руб": "RUB", "RUB": "RUB",
            "₴": "UAH", "грн": "UAH", "UAH": "UAH", "лв": "BGN", "BGN": "BGN", "₸": "KZT",
            "KZT": "KZT"}
# The longest symbol first: "A$" is Australian before "$" is American.
_SYMBOLS_LONGEST_FIRST = sorted(_SYMBOLS.items(), key=lambda item: -len(item[0]))
_GENERAL = deferred(r"(?i)\b(?:general|public|non-?members?|adults?|standard|regular|"
                    r"full|door|visitors?|guests?|non-?residents?|一般|일반)\b")
_DISCOUNT = deferred(r"(?i)\b(?:members?|students?|seniors?|children|kids|youth|"
                     r"early|reduced|concessions?|staff|faculty|before|until|advance|"
                     r"studerande|studenter|studenci|ulgowy|pensionärer|barn|opiskelijat)\b")
# "free" speaks of admission only in some company: "free and open to the public", "admission is
# free", "a free ticket"; not in "feel free", "free energy" or "open and free".
_FREE_WORD_OK = deferred(r"(?i)\bfree\b(?=\s*(?:$|!|and open|to (?:the public|attend|all)|"
                         r"admission|event|of charge|public|lecture|talk|for (?:all|everyone|"
                         r"students|members|the public)|entry|tickets?|registration|screening|"
                         r"early|webinar|workshop|session|performance|concert|reading)\b)|"
                         r"(?:\b(?:is|are|be|it's|admission|entry)\s+)free\b|^\s*free\b|"
                         # "All welcome – free, no booking needed": a clause of its own
                         r"(?<=[–—:;,][ \t]{1,2})free(?=[ \t]{0,2}(?:[,.;!–—]|$))")
# Free admission said in other words and languages: "no charge", "entrada franca", "ingresso
# libero", "Eintritt frei", "wstęp wolny": every FREE cue phrase of models/patterns but the bare
# "free", which needs the company _FREE_WORD_OK checks.
@cache
def _free_elsewhere() -> regex.Pattern[str]:
    phrases = sorted({str(c.pattern).lower() for c in rules.cue_patterns()
                      if c.label == "FREE" and c.id != "free.free" and isinstance(c.pattern, str)},
                     key=lambda word: (-len(word), word))
    return compile_pattern(r"(?i)\b(?:no charge|no cost|gratuit[oaeis]?|"
                         + "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b")


# A price label's value that opens with "free" in a language whose word for it says so only
# after a label ("Ingresso: Libero", "Eintritt: frei"); the free-entry phrases and "free",
# "gratuit(o)", "kostenlos" ... are read by parse_price_text anywhere.
_FREE_VALUE = deferred(r"(?i)\s{0,3}(?:無料|免费|免費|무료|libero|libera|libre|frei|vrij|wolny|zdarma|ελεύθερη|liberă|"
                       r"prost|slobodan)\b")


# "Registration and fee are required", "a fee applies": not free, no amount stated ("No fee;
# registration required" is free).
_FEE_REQUIRED = deferred(r"(?i)(?<!\bno\s)\b(?:fees?|costs?|charges?)\b[^.\n]{0,60}?\b(?:required|applies|"
                         r"apply|charged|payable)\b|\b(?:a|the) (?:fee|charge) of\b")
# A number: grouped in thousands ("1,500", "15.000", "1.250,50") or not ("15", "12.50").
_NUMBER = r"(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d{1,6}(?:[.,]\d{1,2})?)"
# "R50" is fifty rand, "Rs. 200" two hundred rupees, "KSh 500" five hundred shillings.
_AMOUNT = deferred(r"(?:[$€£¥₹₺₦₽₴₸]|US\$|CA\$|C\$|A\$|NZ\$|HK\$|S\$|R\$|(?<![\p{L}\d])(?<!(?i:room|rm\.?)\s)R(?=\s?\d)|"
                   r"\bRs\.?\s?|\bKSh\s?|[₪₩]|\b(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|ZAR|INR|NGN|KES|SGD|HKD|JPY|CLP|MXN|ARS|COP|PEN|UYU|"
                   r"BRL|ILS|KRW|CNY|TWD|THB|MYR|IDR|EGP|AED|ISK|SEK|NOK|DKK|PLN|CZK|HUF|RON|TRY|RUB|UAH|BGN|KZT)\s?)"
                   rf"\s?{_NUMBER}|\b{_NUMBER}\s?(?:[$€£₺円元원₽₴₸]|zł|"
                   r"\b(?:USD|EUR|Eur|GBP|CAD|AUD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|Kč|kr|RON|lei|TRY|TL|HUF|CLP|MXN|ARS|COP|"
                   r"BRL|ILS|KRW|ISK|RUB|UAH|BGN|KZT|руб|грн|лв|dollars|euros|"
                   r"pounds)\b)")


@dataclass(frozen=True)
class Price:
    text: str
    amount: str | None
    currency: str | None
    is_free: bool | None


def parse_price_text(text: str, *, dollar: str = "USD") -> Price | None:
    """Return the admission price a short text states, or None; a bare "$" is ``dollar``.

    >>> parse_price_text("$10 members, $15 general admission")
    Price(text='$10 members, $15 general admission', amount='15', currency='USD', is_free=False)
    >>> parse_price_text("$15 members / $20 non-members").amount
    '20'
    >>> parse_price_text("$10 – $15").amount
    '15'
    >>> price = parse_price_text("Tickets NOK 100 at the door (students NOK 50).")
    >>> price.amount, price.currency
    ('100', 'NOK')
    >>> parse_price_text("Free and open to the public").is_free
    True
    >>> parse_price_text("Free. Museum admission ($12) applies if you visit the galleries.").is_free
    True
    """
    text = " ".join(text.split())
    amounts = list(_AMOUNT.finditer(text))
    amounts = [m for m in amounts if _to_decimal(m.group()) != 0]
    if amounts and _FREE_FIRST.match(text) and \
            all(_ONLY_IF.search(text, *_sentence(text, m.start())) for m in amounts):
        amounts = []  # "Free. Normal museum admission (R60) applies if you visit the galleries."
    if not amounts:
        if _FREE_WORD_OK.search(text) or _free_elsewhere().search(text):
            return Price(text, None, None, True)
        if _FEE_REQUIRED.search(text):
            return Price(text, None, None, False)
        return None
    chosen = _general_admission(text, amounts)
    parsed = _parsed_price(chosen.group())
    if (code := _DOLLAR_CODE.search(text)) is not None:
        dollar = code.group()  # "Fees (CAD, plus HST): Members $25 | Non-members $40"
    currency = _currency(parsed.currency or chosen.group(), dollar)
    amount = parsed.amount
    if amount is None:
        return None
    return Price(text, _decimal_text(amount), currency, False)


# "Free." or "Admission is free." first; "applies if you ...", "if you would like to visit":
# a charge for something else the visitor may choose.
_FREE_FIRST = deferred(r"(?i)(?:admission\s{1,3}(?:is\s{1,3})?)?free\b[^.]{0,40}\.")
_ONLY_IF = deferred(r"(?i)\b(?:applies|apply|charged|payable)\s{1,3}if\b|\bif\s{1,3}you\s{1,3}(?:would\s{1,3}like|wish|want)\b")
# A dollar named by its code beside bare "$" amounts: "Fees (CAD, plus HST): Members $25".
_DOLLAR_CODE = deferred(r"\b(?:USD|CAD|AUD|NZD|SGD|HKD|MXN|CLP|ARS|COP|UYU)\b")
# An amount grouped in thousands with full stops and no decimals: "15.000", "1.250.000".
_THOUSANDS_WITH_DOTS = deferred(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]\d)")
# What parts one price tier from the next: "$15 members, $20 general", "$15 / $20", "$15; $20".
_TIER_BREAK = deferred(r"[,/;|·•、，]")


def _general_admission(text: str, amounts: list[regex.Match[str]]) -> regex.Match[str]:
    if len(amounts) == 1:
        return amounts[0]
    for index, match in enumerate(amounts):
        # The words beside an amount, up to its neighbours: "$15 members / $20 non-members".
        stop = amounts[index + 1].start() if index + 1 < len(amounts) else len(text)
        begin = amounts[index - 1].end() if index else 0
        after = _TIER_BREAK.split(text[match.end():min(stop, match.end() + 30)])[0]
        before = _TIER_BREAK.split(text[max(begin, match.start() - 30):match.start()])[-1]
        # "Tickets on the door: members £3": a discount word beside the amount outweighs
        # a general one said of the whole list.
        if any(_GENERAL.search(side) and not _DISCOUNT.search(side) for side in (after, before)):
            return match
    # The words after an amount up to its sentence's end: "(€110). Student day pass €25" does
    # not make the €110 a student price.
    discounted = [m for m in amounts
                  if _DISCOUNT.search(_FULL_STOP.split(text[m.end():m.end() + 25], maxsplit=1)[0])]
    ranged = any(_RANGE_BETWEEN.fullmatch(text, a.end(), b.start()) for a, b in zip(amounts, amounts[1:]))
    if discounted or ranged:
        # "$10 – $15": tickets from the member's price up to the public's
        return max(amounts, key=lambda m: _to_decimal(m.group()))
    return amounts[0]


# What stands between the two ends of a range of prices: "$10 – $15", "€8 to €12".
_RANGE_BETWEEN = deferred(r"\s{0,2}(?:[-–—]|to|bis|à|a)\s{0,2}")


_FULL_STOP = deferred(r"(?<=[.!?])\s")


def _to_decimal(text: str) -> Decimal:
    parsed = _parsed_price(text)
    return parsed.amount if parsed.amount is not None else Decimal(0)


def _parsed_price(text: str) -> ParsedPrice:
    """Return price-parser's reading of an amount (imported here: its currency tables take
    a noticeable part of a start, and most announcements state no amount)."""
    from price_parser import Price as ParsedPrice

    if _THOUSANDS_WITH_DOTS.search(text):
        # "$15.000", "€1.500": full stops that group thousands, so no decimal point among them.
        return ParsedPrice.fromstring(text, decimal_separator=",")
    return ParsedPrice.fromstring(text)


def _decimal_text(amount: Decimal) -> str:
    text = format(amount.normalize(), "f")
    return text


_DOLLAR, _EURO, _POUND = (compile_pattern(r"(?i)dollar"), compile_pattern(r"(?i)euro"),
                         compile_pattern(r"(?i)pound"))


def _currency(symbol: str, dollar: str) -> str | None:
    symbol = symbol.strip()
    for key, code in _SYMBOLS_LONGEST_FIRST:
        if key in symbol:
            return dollar if key == "$" else code
    if _DOLLAR.search(symbol):
        return "USD"
    if _EURO.search(symbol):
        return "EUR"
    if _POUND.search(symbol):
        return "GBP"
    return None


def dollar_of_zone(zone: str | None) -> str | None:
    """Return the dollar a bare "$" means in the event's time zone, where it is not the US one.

    >>> dollar_of_zone("America/Toronto"), dollar_of_zone("Australia/Brisbane"), dollar_of_zone("America/Chicago")
    ('CAD', 'AUD', None)
    """
    if not zone:
        return None
    zones = _dollar_zones()
    return zones.get(zone) or next((code for prefix, code in zones.items()
                                    if prefix.endswith("/") and zone.startswith(prefix)), None)


def dollar_of_text(text: str) -> str | None:
    """Return the dollar a bare "$" means in a text announcement, from a dateline that names
    the country or region, a postal address's province or state, or a time zone's name in the
    text; None where nothing says (the US dollar).

    >>> dollar_of_text("PORT ALDER, Ontario — The library will host ...")
    'CAD'
    >>> dollar_of_text("Where: Lakeview Room, 40 Water Street, Port Alder, ON N0B 1A0")
    'CAD'
    >>> dollar_of_text("Doors open at 6 pm (AEST)."), dollar_of_text("A professor in Canada will speak.")
    ('AUD', None)
    """
    head = text[:_DATELINE_REACH]
    for line in head.splitlines():
        dateline = DATELINE.match(line)
        if dateline and (code := _place_names().search(dateline.group())):
            return _places()["names"][code.group()]
    if code := _postal_region().search(text):
        return _places()["postal_codes"][code.group("code")]
    if zone := zone_names().search(text):
        return dollar_of_zone(vocabulary()["time_zones"][zone.group()])
    return None


_DATELINE_REACH = 4000


@cache
def _postal_region() -> regex.Pattern[str]:
    """Return the pattern of a province's or state's postal code after a town, at the end of
    an address: "Port Alder, ON", "Cairnlea, QLD 4870", "Port Alder, ON N0B 1A0"."""
    codes = "|".join(map(regex.escape, _places()["postal_codes"]))
    return compile_pattern(rf"(?<=\p{{Lu}}\p{{Ll}}{{1,30}}),\s(?P<code>{codes})"
                         r"(?=[ \t]{0,3}(?:$|[.,;)]|\p{Lu}\d\p{Lu}|\d{4}\b))", regex.MULTILINE)


@cache
def _places() -> dict[str, dict[str, str]]:
    return rules.config()["dollar_by_place"]


@cache
def _place_names() -> regex.Pattern[str]:
    names = sorted(_places()["names"], key=lambda word: (-len(word), word))
    return compile_pattern(r"(?<!\p{L})(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\p{L})")


@cache
def _dollar_zones() -> dict[str, str]:
    return {zone: code for zone, code in rules.config()["dollar_by_zone"].items()
            if not zone.startswith("_")}


def price_candidates(ann: Announcement) -> list[Candidate]:
    """Return price candidates, best first: a price label, then cued sentences; "$" is the
    dollar of the event's time zone, or of its calendar's for an event written in UTC (a
    Toronto event's "$20" is Canadian)."""
    dollar = dollar_of_zone(ann.view.timezone) or dollar_of_zone(ann.view.calendar_timezone) or \
        (dollar_of_text(ann.text) if ann.view.kind == "text" else None) or "USD"
    found: list[Candidate] = []
    not_price = ann.cues("NOT_PRICE")
    for label in ann.labelled("price"):
        value = label.value or " ".join(line.text for line in ann.block(label)[:1])
        if label.value and (tiers := _value_lines_below(ann, label.line)):
            # "Fee:  Members: Free" over "      Non-members: CA$35": a table cell of tiers.
            value = "; ".join([value, *tiers])
        if label.value and any(label.value_start <= c.start_char < label.value_start + len(value)
                               for c in not_price):
            # "Cost: The talk is free. Optional dinner $25": the dinner's sentence is no price.
            value = " ".join(part for part in _SENTENCE_SPLIT.split(value)
                             if not any(p.text.lower() in part.lower() for p in not_price))
        price = parse_price_text(value, dollar=dollar)
        if price is None and _FREE_VALUE.match(value):
            price = Price(value, None, None, True)  # "Ingresso: Libero fino a esaurimento posti"
        if price:
            found.append(Candidate("price", price, "DESCRIPTION", f"label.{label.label}",
                                   (label.value_start, label.value_start + len(label.value))))
    # A title or a speaker line may say "Free Entry and ...": only prose and price lines count.
    other_labels = {l.line.number for l in ann.labels if l.field not in ("price", "other")}
    for cue in ann.cues("PRICE", "MONEY", "FREE"):
        line = ann.line_at(cue.start_char)
        if line is not None and line.number in other_labels:
            continue
        sentence_start, sentence_end = _sentence(ann.text, cue.start_char)
        sentence = ann.text[sentence_start:sentence_end]
        blocked = [c for c in not_price if sentence_start <= c.start_char < sentence_end]
        if blocked:
            # "Free; CLE credit is available for $25": the clause of the credit fee is no
            # price, the clause before it still is.
            clauses = _SENTENCE_SPLIT.split(sentence)
            kept = [part for part in clauses if not any(c.text.lower() in part.lower() for c in blocked)]
            if len(kept) == len(clauses) or not any(cue.text in part for part in kept):
                continue
            sentence = " ".join(kept)
        if _only_large_sums(sentence):
            continue  # "scams cost residents more than $2 million last year": no ticket
        if cue.label_ == "FREE" and cue.id_ == "free.free":
            local = ann.text[max(sentence_start, cue.start_char - 20):cue.end_char + 30]
            if not _FREE_WORD_OK.search(local):
                continue
        if cue.label_ == "MONEY" and not any(
                sentence_start <= c.start_char < sentence_end for c in ann.cues("PRICE")) \
                and not _under_price_heading(ann, cue.start_char) and not _price_line(ann, cue.start_char):
            continue
        line = ann.line_at(sentence_start)
        if line is not None and line.start <= sentence_start and sentence_end <= line.end + 1:
            # "Adults CHF 18.00" over "Reduced (students) CHF 12.00": a ticket table, one tier
            # a line, is read whole, so that the general admission is found among the tiers.
            sentence = _tier_lines(ann, line) or sentence
        price = parse_price_text(sentence, dollar=dollar)
        if price and price.is_free and _FREE_FOR_SOME.search(sentence):
            # "No charge for faculty and staff. External attendees: $25.": free for some, and
            # the next sentence says what the others pay.
            following = _FULL_STOP.split(BLANK_LINE.split(
                ann.text[sentence_end:sentence_end + _NEXT_SENTENCE_REACH], maxsplit=1)[0], maxsplit=1)[0]
            others = parse_price_text(f"{sentence} {following}", dollar=dollar)
            if others is not None and not others.is_free and not any(
                    sentence_end <= c.start_char < sentence_end + len(following) for c in not_price):
                price, sentence_end = others, sentence_end + len(following)
        if price:
            found.append(Candidate("price", price, "DESCRIPTION", f"prose.{cue.id_}",
                                   (sentence_start, sentence_end)))
            break
    if not found and not ann.text.isascii() and (cjk := _CJK_FREE.search(ann.text)):
        # "参加費無料・事前登録不要", "참가비 무료": the words part no tokens for the cue patterns.
        found.append(Candidate("price", Price(cjk.group(), None, None, True), "DESCRIPTION",
                               "prose.cjk_free", cjk.span()))
    free = next((c for c in ann.view.categories if _FREE_CATEGORY.fullmatch(c.strip())), None)
    if not found and free:
        # CATEGORIES:Talk,Nature,Free: the calendar files the event under free ones
        found.append(Candidate("price", Price(free.strip(), None, None, True), "CATEGORIES",
                               "category.free"))
    return found


# How far after a free-for-some sentence the sentence of the others' price may end.
_NEXT_SENTENCE_REACH = 200
# Free for a group only: "No charge for faculty, staff and trainees", "Free for members".
_FREE_FOR_SOME = deferred(r"(?i)\b(?:free|no\s(?:charge|cost|fee)|complimentary)\s(?:of\scharge\s)?"
                          r"for\s(?!all\b|everyone\b|anyone\b|the\s(?:public|community|event|talk|lecture)\b|"
                          r"attend|admission\b|entry\b|participa|registration\b|this\b)")
# Free admission in Chinese, Japanese or Korean: a fee's word, then "free" or "none"
# ("参加費無料", "참가비 없음"), or "free" before attending ("免费参加").
_CJK_FREE = deferred(r"(?:参加費|参加费|參加費|入場料|受講料|聴講|参加|入場|入场|참가비|참가|입장|등록비)"
                     r"[ \t：:]{0,2}(?:は[ \t]?)?(?:無料|免费|免費|무료|없음|不要|なし)|(?:無料|免费|免費|무료)[ \t]?(?:参加|入場|入场|입장)")
# A calendar category that says the event costs nothing.
_FREE_CATEGORY = deferred(r"(?i)free(?:\s(?:event|events|admission|entry|entrance))?|"
                          r"gratis|gratuit|gratuito|gratuita|kostenlos|eintritt\sfrei|ilmainen")


# "$2 million", "€1.5bn", "£300,000": a sum of a report or a budget, not a ticket's price.
_LARGE_SUM = deferred(r"(?i)\s?(?:[.,]\d{3})*\s?(?:million|billion|trillion|mn|bn|thousand)\b|"
                      r"(?:[.,]\d{3}){1,3}(?![\d])")


def _only_large_sums(sentence: str) -> bool:
    """Return whether every amount of ``sentence`` is a large sum ("$2 million").

    >>> _only_large_sums("Scams cost residents more than $2 million last year.")
    True
    >>> _only_large_sums("Tickets $12; the hall cost $2 million to restore.")
    False
    """
    amounts = list(_AMOUNT.finditer(sentence))
    return bool(amounts) and all(_LARGE_SUM.match(sentence, m.end()) for m in amounts)


def _price_line(ann: Announcement, at: int) -> bool:
    """Return whether the line at ``at`` is an event box's price and nothing else: it opens
    with an amount and holds a few words ("£10 / £8 concessions", "* $15 at the door")."""
    line = ann.line_at(at)
    if line is None:
        return False
    text = line.text.lstrip("*•-–· \t")
    return len(text.split()) <= PRICE_LINE_WORDS and _AMOUNT.match(text) is not None


PRICE_LINE_WORDS = 6


def _under_price_heading(ann: Announcement, at: int) -> bool:
    """Return whether the line at ``at`` stands under a heading line that names a price
    ("Registration (includes breakfast):" over "Veterinarians $125 | technicians $60")."""
    index = ann.line_index_at(at)
    if index <= 0:
        return False
    heading, line = ann.lines[index - 1], ann.lines[index]
    return heading.number == line.number - 1 and heading.text.rstrip().endswith(":") and \
        any(heading.start <= c.start_char < heading.end for c in ann.cues("PRICE"))


# A line that holds an amount of money: "Adults CHF 18.00", "Students: $5", "€12 reduced".
_AMOUNT_IN_LINE = deferred(r"(?:[$€£¥]|\b(?:CHF|EUR|USD|GBP|CAD|AUD|NZD|SEK|NOK|DKK|kr)\b)"
                           r"\s?\d|\d(?:[.,]\d{2})?\s?(?:€|\b(?:CHF|EUR|kr)\b)")
_MAX_TIER_LINES = 6


def _value_lines_below(ann: Announcement, line: Line) -> list[str]:
    """Return the lines right under a label's line that are indented to its value and are no
    labels of their own: the rest of a table cell."""
    at = ann.line_index_at(line.start)
    labelled = ann.label_line_numbers
    below: list[str] = []
    for under in ann.lines[at + 1:at + 1 + _MAX_TIER_LINES]:
        if under.number != line.number + len(below) + 1 or under.indent <= line.indent + 2 or \
                under.number in labelled and not _AMOUNT_IN_LINE.search(under.text):
            break
        below.append(under.text)
    return below


def _tier_lines(ann: Announcement, line: Line) -> str | None:
    """Return the lines of a ticket table around ``line``, parted by "; ", when the lines right
    above or below it hold amounts too; else None."""
    at = ann.line_index_at(line.start)
    if at < 0 or not _AMOUNT_IN_LINE.search(line.text):
        return None
    first = last = at
    while first > 0 and at - first < _MAX_TIER_LINES and \
            ann.lines[first - 1].number == ann.lines[first].number - 1 and \
            _AMOUNT_IN_LINE.search(ann.lines[first - 1].text):
        first -= 1
    while last + 1 < len(ann.lines) and last - at < _MAX_TIER_LINES and \
            ann.lines[last + 1].number == ann.lines[last].number + 1 and \
            _AMOUNT_IN_LINE.search(ann.lines[last + 1].text):
        last += 1
    if first == last:
        return None
    return "; ".join(l.text for l in ann.lines[first:last + 1])


_SENTENCE_SPLIT = deferred(r"(?<=[.!?;])\s{1,3}")


# A sentence's end, but not the dot of "Jan. 9" or "Dr. Roe".
_SENTENCE_END = deferred(r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Dr|St|Mr|Mrs|Ms|Prof|"
                         r"approx|incl|min|hrs?|[Nn]o))[.!?](?:\s|$)|\n")


def _sentence(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, at), max(text.rfind(". ", 0, at), text.rfind("! ", 0, at)))
    start = 0 if start < 0 else start + 1
    end_match = _SENTENCE_END.search(text, at)
    end = end_match.start() + 1 if end_match else len(text)
    return start, min(end, start + 600)
