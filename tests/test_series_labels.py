"""Series given by a label ("Series:", "Programme:") in a feed's DESCRIPTION (all invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes


def _series_of(description: str, summary: str = "Tides in Small Ports") -> str | None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\n"
                f"DTSTART:20260217T170000Z\r\nSUMMARY:{summary}\r\n"
                f"DESCRIPTION:{description}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    return record["series"]


@pytest.mark.parametrize("line,series", [
    ("Series: Harbour Evening Lectures", "Harbour Evening Lectures"),
    ("Programme: Lakeshore Lecture Series", "Lakeshore Lecture Series"),
    # an evening's running order is no series
    ("Programme:  5.30pm arrival and refreshments;  6.00pm presentation;  7.00pm Q&A", None),
    ("Program: 17:30 doors, 18:00 talk", None),
    # nor is a link
    ("Series: https://example.org/lectures", None),
])
def test_a_series_label_names_the_series_unless_it_holds_no_name(line: str, series: str | None) -> None:
    assert _series_of(f"{line}\\nSpeaker: Ada Roe\\, Example University".replace(",", "\\,")) == series


@pytest.mark.parametrize("lines,series", [
    # a page's field list sets the label over its value
    ("Series:\\nHarbour Evening Lectures\\nSpeaker:\\nAda Roe", "Harbour Evening Lectures"),
    # a heading over a programme of several lines is no series label's value
    ("Program:\\nOpening remarks\\nKeynote by Ada Roe\\nReception", None),
    # nor is a title-like line that is no name of a series
    ("Program:\\nSalt and Silver: Provisioning the Mines", None),
])
def test_a_series_label_over_its_value(lines: str, series: str | None) -> None:
    assert _series_of(lines) == series


@pytest.mark.parametrize("lines,series", [
    # a heading line alone under the speaker's line names the series; its term goes
    ("Speaker: Ada Roe (Lakeshore)\\n\\nPhysics Colloquium – Spring 2026\\n\\nArrays of atoms.",
     "Physics Colloquium"),
    ("Speaker: Ada Roe (Lakeshore)\\n\\nPhysikalisches Kolloquium – FS 2026\\n\\nArrays of atoms.",
     "Physikalisches Kolloquium"),
    # a sentence there is none
    ("Speaker: Ada Roe (Lakeshore)\\n\\nArrays of atoms are a flexible platform.", None),
])
def test_a_heading_under_the_speakers_line_names_the_series(lines: str, series: str | None) -> None:
    assert _series_of(lines) == series


@pytest.mark.parametrize("sentence,series", [
    # the institution that owns a series is no part of its name
    ("The lecture opens the 2021-22 season of Crosscurrents\\, the Hale School of Music's "
     "series of talks on music and the other arts.", "Crosscurrents"),
    ("The program is part of the Hale School of Music’s Keyboard Days series.", "Keyboard Days"),
    # a possessive that is part of the name stays
    ("The talk is part of the Women's Speaker Series this spring.", "Women's Speaker Series"),
])
def test_the_owner_of_a_series_is_no_part_of_its_name(sentence: str, series: str) -> None:
    assert _series_of(sentence) == series


@pytest.mark.parametrize("sentence,series", [
    ("November's Lakeside Science Café takes us out to sea.", "Lakeside Science Café"),
    ("This week's Systems Lunch is in the big room.", "Systems Lunch"),
    # a month's talk by a person names no series
    ("This month's Ada Roe talk is on tides.", None),
])
def test_the_recurring_evening_a_months_edition_belongs_to(sentence: str, series: str | None) -> None:
    assert _series_of(sentence) == series


@pytest.mark.parametrize("summary,series", [
    # a society's meeting of the month names no series
    ("October Dinner Meeting", None),
    ("September Dinner Meeting: Two Wells, One Aquifer", None),
    ("March Luncheon: Ada Roe-Quist on water", None),
    # a series named after a month's edition keeps its name
    ("October Lecture Series: Two Wells, One Aquifer", "October Lecture Series"),
])
def test_a_months_meeting_is_no_series(summary: str, series: str | None) -> None:
    assert _series_of("Ada Roe-Quist of the Example Water Authority will speak.", summary) == series


@pytest.mark.parametrize("footer,series", [
    ("--\\nAlgebra & Number Theory Seminar · Hale College\\nThursdays\\, 15:00", "Algebra & Number Theory Seminar"),
    ("--\\nPhilosophy Department Seminar | Hale College", "Philosophy Department Seminar"),
    # a signature's name is no series
    ("--\\nAda Roe-Quist · Hale College", None),
])
def test_a_footers_first_line_names_the_series(footer: str, series: str | None) -> None:
    assert _series_of(f"Speaker: Bo Okafor-Lind\\n\\nOn rings.\\n\\n{footer}", "On rings") == series


@pytest.mark.parametrize("summary,series", [
    ("Job Market Talk: Ada Roe-Quist (Example University) - Childcare and Careers", None),
    ("Job Talk: Ada Roe-Quist - Childcare and Careers", None),
])
def test_a_job_talk_prefix_is_no_series(summary: str, series: str | None) -> None:
    assert _series_of("Ada Roe-Quist will present her job market paper.", summary) == series


@pytest.mark.parametrize("sentence,series", [
    ("To view other Lakeside Engagement Week events\\, visit our website.", "Lakeside Engagement Week"),
    ("See more Harbour Science Festival talks on the festival page.", "Harbour Science Festival"),
    # other events of a place are no series
    ("To view other Lakeside Library events\\, visit our website.", None),
])
def test_the_week_or_festival_whose_other_events_the_text_points_to(sentence: str,
                                                                    series: str | None) -> None:
    assert _series_of(f"A panel on tides.\\n\\n{sentence}") == series


def test_a_heading_names_the_series_the_summary_shortens() -> None:
    from conftest import one_event_record
    record = one_event_record("Luncheon Lecture: Ada Roe-Quist",
                              "Faculty Club Luncheon Lecture Series\\n\\nWho Owns the Shore?\\n\\n"
                              "Ada Roe-Quist\\nAssociate Professor\\, Faculty of Law\\, Example University"
                              "\\n\\nTidal land is owned by everyone and no one.")
    assert record["series"] == "Faculty Club Luncheon Lecture Series"


@pytest.mark.parametrize("sentence,series", [
    ("The talk is the next instalment of Harbour Stories, the museum's monthly talk series.",
     "Harbour Stories"),
    ("This event is part of Authors at the Branch, generously sponsored by the Example Credit Union.",
     "Authors at the Branch"),
    ("This is the first of our 2016 Autumn Talks, held in the Memorial Hall.", "Autumn Talks"),
    ("The Society will hold its annual Ó Ceallaigh\\nLecture at the Long Room.", "Ó Ceallaigh Lecture"),
    # an observance is no series
    ("The talk is part of Local History Month.", None),
])
def test_a_series_named_in_prose_by_an_appositive_or_as_what_the_event_is_part_of(
        sentence: str, series: str | None) -> None:
    assert _series_of(f"Ada Quillon-Roe will speak.\\n\\n{sentence}") == series


def test_a_part_of_phrase_before_a_lone_article_names_no_series_and_fails_nothing() -> None:
    """"part of The, ..." once left an empty name that raised, and the event was lost."""
    assert _series_of("Ada Quillon-Roe will speak.\\n\\nThe talk is part of The, a new review.") is None


@pytest.mark.parametrize("summary,description,series", [
    pytest.param("P-Talk: Ada Roe", "Phonology & Prosody Talks (P-Talk)\\n\\nAda Roe will speak.",
                 "Phonology & Prosody Talks", id="the short form in brackets after the long"),
    pytest.param("Ecol Seminar: Ada Roe", "The Ecology Seminar Series welcomes Ada Roe.",
                 "Ecology Seminar Series", id="a clipped word"),
    pytest.param("GRN Colloquium: Ada Roe", "The Genes\\, Regulation & Networks Colloquium meets "
                 "on Fridays.", "Genes, Regulation & Networks Colloquium", id="an acronym"),
    pytest.param("BodWiss-Kolloquium: Ada Roe", "Bodenwissenschaftliches Kolloquium WS 2025/26\\n\\n"
                 "Ada Roe spricht.", "Bodenwissenschaftliches Kolloquium", id="clipped pieces of one word"),
    pytest.param("Geology Seminar: Ada Roe", "The Geology Seminar Series welcomes Ada Roe.",
                 "Geology Seminar", id="no word clipped: the SUMMARY's name stands"),
])
def test_a_series_the_summary_shortens_is_written_out(summary: str, description: str,
                                                      series: str) -> None:
    assert _series_of(description, summary=summary) == series


_BULLETIN = ("Type:     seminar.announce\nTopic:    Why Menus Are Slower Than They Look\n"
             "Dates:    22-Apr-97\nTime:     4:00 PM\nPostedBy: Pat Poster on 15-Apr-97 at 09:40\n"
             "Abstract: \n\n                   {heading}\n\n"
             "When people choose a command from a menu, the time they take is modelled as the\n"
             "time to read down the list. I will argue that menu design should keep positions.\n")


@pytest.mark.parametrize("heading,series", [
    ("HCI SEMINAR  --  SPRING 1997", "HCI SEMINAR"),
    ("Cognition Brown Bag", "Cognition Brown Bag"),
    # the kind of event alone, and a notice, name no series
    ("SPECIAL SEMINAR", None),
    ("*** THIS TALK HAS BEEN CANCELLED ***", None),
])
def test_a_bulletins_body_opening_on_a_series_heading(heading: str, series: str | None) -> None:
    record, = extract_bytes(_BULLETIN.format(heading=heading).encode(), path="post.txt")
    assert record["series"] == series


@pytest.mark.parametrize("sentence,series", [
    # a sentence that says what recurring programme a name is, and whose
    ("Dinner at six. Quarry Evenings is the monthly technical program of the Lakeshore Section.",
     "Quarry Evenings"),
    ("Tide Talks is a free lecture series by the Harbour Museum.", "Tide Talks"),
    # an article or a pronoun opens no series' name
    ("The Lodge is the social program of the Lakeshore Section.", None),
    # a quoted name before the word "series"
    ('The panel is the second event in our "Careers Beyond the Academy" series.',
     "Careers Beyond the Academy"),
])
def test_a_defining_sentence_or_a_quoted_name_names_the_series(sentence: str, series: str | None) -> None:
    assert _series_of(sentence) == series
