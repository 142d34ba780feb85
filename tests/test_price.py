"""Example table for extractor.fields.price: amounts, currencies and free entry as written."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes
from extractor.fields.price import parse_price_text

# (price text, amount, currency, is_free)
PRICE_EXAMPLES: list[tuple[str, str | None, str | None, bool]] = [
    ("$10 members, $15 general admission", "15", "USD", False),
    # a range of ticket prices, from the cheapest tier up to the public's
    ("Cost: $10 – $15", "15", "USD", False),
    ("Eintritt: 8 bis 12 €", "12", "EUR", False),
    # a discount word in the next sentence says nothing of the amount before it
    ("included in the Day Pass (€65) and the Weekend Pass (€110). Student day pass €25.", "65", "EUR", False),
    ("Registration: $20 per person if you pre-register by Jan. 9; $30 at the door.", "30", "USD", False),
    ("Intrarea: 20 lei; elevi, studenți și pensionari – 10 lei.", "20", "RON", False),
    ("Bilet: 150 TL (öğrenciler için 75 TL).", "150", "TRY", False),
    ("Bilet: ₺150", "150", "TRY", False),
    ("Bilieto kaina: 5 Eur; moksleiviams – 3 Eur.", "5", "EUR", False),
    ("Belépő: 2500 HUF", "2500", "HUF", False),
    ("Sissepääs on tasuta, registreeruda ei ole vaja.", None, None, True),
    ("Įėjimas nemokamas.", None, None, True),
    ("Είσοδος ελεύθερη.", None, None, True),
    ("Intrare liberă.", None, None, True),
    ("Giriş ücretsizdir.", None, None, True),  # "ücretsiz" with the suffix "-dir" (is free)
    ("Vstop prost.", None, None, True),
    ("Ulaz slobodan.", None, None, True),
    # amounts grouped in thousands, with full stops or commas
    ("Eintritt: 1.500 EUR", "1500", "EUR", False),
    ("Gala dinner $1,500 a table", "1500", "USD", False),
    ("Eintritt 1.250,50 €", "1250.5", "EUR", False),
    ("Tickets: $15.00", "15", "USD", False),
    # a dollar named by its code beside bare "$" amounts
    ("Fees (CAD, plus HST): Members $25 | Non-members $40 | Students $10", "40", "CAD", False),
    # rand, rupees, naira and shillings written with their own signs
    ("Tickets: R80 general; R40 alumni; students free", "80", "ZAR", False),
    ("Entry Rs. 250 (students Rs. 100)", "250", "INR", False),
    ("Admission ₦2,000", "2000", "NGN", False),
    ("KSh 500 at the door", "500", "KES", False),
    # a room named with an R is no price
    ("Room R101; free", None, None, True),
    # "free" as a clause of its own between marks
    ("All welcome – free, no booking needed.", None, None, True),
    ("Open to staff and students; free.", None, None, True),
    # yen, yuan and won written after the amount; "一般" is the general tier
    ("参加費：一般 2,000円、学生 1,000円", "2000", "JPY", False),
    ("참가비 10,000원", "10000", "KRW", False),
    # a charge for something the visitor may choose besides the talk
    ("Free. Please note that normal museum admission (R60 adults) applies if you would like "
     "to visit the galleries.", None, None, True),
]


@pytest.mark.parametrize("text,amount,currency,is_free", PRICE_EXAMPLES, ids=[e[0][:30] for e in PRICE_EXAMPLES])
def test_price_examples(text: str, amount: str | None, currency: str | None, is_free: bool) -> None:
    price = parse_price_text(text)
    if amount is None and not is_free:
        assert price is None
        return
    assert price is not None
    assert (price.amount, price.currency, price.is_free) == (amount, currency, is_free)


# Known failures: kept here so that a fix shows up as an unexpected pass.
PRICE_KNOWN_FAILURES: list[tuple[str, str | None, str | None, bool]] = [
]


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("text,amount,currency,is_free", PRICE_KNOWN_FAILURES,
                         ids=[e[0][:30] for e in PRICE_KNOWN_FAILURES])
def test_price_known_failures(text: str, amount: str | None, currency: str | None, is_free: bool) -> None:
    test_price_examples(text, amount, currency, is_free)


@pytest.mark.parametrize("value", ["Libero fino a esaurimento dei posti", "Free, registration required",
                                   "Gratuit sur inscription"])
def test_a_price_label_that_says_free_in_words(value: str) -> None:
    calendar = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:1@example.org\n"
                "DTSTAMP:20260301T000000Z\nDTSTART:20261022T150000Z\nSUMMARY:Seminario\n"
                f"DESCRIPTION:Relatrice: Ada Roe\\nIngresso: {value}\nEND:VEVENT\nEND:VCALENDAR\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["price"]["is_free"] is True


@pytest.mark.parametrize("line,amount", [("  * £10 / £8 concessions", "10"), ("* $15 at the door", "15"),
                                         # a British box line that goes on past a few words
                                         ("- £3 on the door, £2 concessions. Cash only, sorry!", "3")])
def test_an_event_box_line_that_is_only_a_price(line: str, amount: str) -> None:
    calendar = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:1@example.org\n"
                "DTSTAMP:20260301T000000Z\nDTSTART:20260613T140000Z\nSUMMARY:Talk\n"
                f"DESCRIPTION:  * Saturday 13 June 2026\\n  * Studio Theatre\\n{line}\\n\\nAbout the talk\n"
                "END:VEVENT\nEND:VCALENDAR\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["price"]["amount"] == amount


@pytest.mark.parametrize("description,price", [
    # a sum the talk is about is no ticket's price; the free entry later is
    ("Scams cost residents more than $2 million last year. Learn the warning signs.\\n\\n"
     "Free. Registration encouraged.", {"is_free": True, "amount": None}),
    ("Budget cuts of €1.5 billion cost the region dearly. A talk on what followed.", None),
])
def test_a_large_sum_is_no_price(description: str, price: dict[str, object] | None) -> None:
    calendar = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:1@example.org\n"
                "DTSTAMP:20260301T000000Z\nDTSTART:20260317T140000Z\nSUMMARY:Protecting yourself from scams\n"
                f"DESCRIPTION:{description}\nEND:VEVENT\nEND:VCALENDAR\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    got = record["price"] and {"is_free": record["price"]["is_free"], "amount": record["price"]["amount"]}
    assert got == price


@pytest.mark.parametrize("place,currency", [
    ("PORT ALDER, Ontario — The Central Branch will host", "CAD"),  # a dateline's province
    ("The Central Branch, 40 Water Street, Port Alder, ON N0B 1A0, will host", "CAD"),  # a postal code
    ("CAIRNLEA, Queensland — The Reef Foundation will host", "AUD"),
    ("The Reef Foundation will host, from 6 pm AEST,", "AUD"),  # a zone written after a time
    ("The library will host", "USD"),  # nothing says: the US dollar
    ("A professor from Canada will visit. The library will host", "USD"),  # a guest's country says nothing
])
def test_a_text_announcements_dollar_is_that_of_its_place(place: str, currency: str) -> None:
    release = (f"{place} a talk by historian Ada Quillon-Roe on Thursday, Oct. 17, 2024.\n\n"
               "Tickets are $12 general; $8 for Friends of the Library.\n")
    record, = extract_bytes(release.encode(), path="release.txt")
    assert (record["price"]["amount"], record["price"]["currency"]) == ("12", currency)


@pytest.mark.parametrize("description,price", [
    # free for a group, and the next sentence says what the others pay
    ("No charge for Quill Medical Center faculty\\, staff and trainees. External\\nattendees: $25 "
     "(includes breakfast).", {"is_free": False, "amount": "25"}),
    # free for everyone, and a fee for something else
    ("No charge for attendance. A $15 processing fee applies to physicians who claim CME credit.",
     {"is_free": True, "amount": None}),
])
def test_free_for_some_and_a_fee_for_the_others(description: str, price: dict[str, object]) -> None:
    calendar = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:1@example.org\n"
                "DTSTAMP:20260301T000000Z\nDTSTART:20260317T140000Z\nSUMMARY:Grand Rounds\n"
                f"DESCRIPTION:{description}\nEND:VEVENT\nEND:VCALENDAR\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert {"is_free": record["price"]["is_free"], "amount": record["price"]["amount"]} == price
