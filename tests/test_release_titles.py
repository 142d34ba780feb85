"""Titles and places of talks announced in news releases (all releases invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes
from extractor.reading.text import text_view
from conftest import one_event_record


def _record(text: str, path: str = "release.md") -> dict:
    record, = extract_bytes(text.encode(), path=path)
    return record


@pytest.mark.parametrize("sentence,title", [
    pytest.param("Roe will speak on *Where Have All the Sunflower Stars Gone?* at 7 p.m. Friday, "
                 "May 15.", "Where Have All the Sunflower Stars Gone?", id="markdown italics"),
    pytest.param("Dr. Ada Roe hält einen Vortrag mit dem Titel „Seuchen und Stadt: Die Cholera im "
                 "Hafen“ am Donnerstag um 18 Uhr.", "Seuchen und Stadt: Die Cholera im Hafen",
                 id="german quotes after 'mit dem Titel'"),
    pytest.param("Ada Roe will give a talk titled Rooms That Remember: Building with Salvaged Houses "
                 "on Wednesday, Sept. 30, at 5:30 p.m.", "Rooms That Remember: Building with Salvaged "
                 "Houses", id="unquoted title ends where the day is given"),
    pytest.param("Ada Roe will deliver a public lecture, *Counting Exoplanets from a\nBackyard*, at "
                 "7:30 p.m. Friday, Feb. 6.", "Counting Exoplanets from a Backyard",
                 id="italics beside a talk noun, wrapped"),
    pytest.param("Ada Roe will deliver the Federation's Public Lecture, _Forests Under the Sea_, at "
                 "7:30 p.m. Wednesday, May 20.", "Forests Under the Sea",
                 id="underscores of a text converted from rich text"),
    pytest.param("The first lecture of the season, \"Where Comets Go to Die: The Kuiper\nBelt and "
                 "Beyond\", will be given on Friday 30 September.",
                 "Where Comets Go to Die: The Kuiper Belt and Beyond",
                 id="quoted over a line break, then 'will be given'"),
    pytest.param("This year's lecture will be given by Dr Ada Roe, under the title\n'Paper Parishes: "
                 "Tithe Books and the People They Counted'.",
                 "Paper Parishes: Tithe Books and the People They Counted",
                 id="single quotes after 'under the title'"),
    pytest.param("Her lecture is titled 'Rainfall Memory: What Farmers Know That Models\nForget'.",
                 "Rainfall Memory: What Farmers Know That Models Forget",
                 id="single quotes wrapped onto the next line"),
    pytest.param("Historian Ada Roe will discuss her new book, Frozen Ledgers: The Account Books of a "
                 "Trading Post, 1781–1969, in conversation with Bo Li.",
                 "Frozen Ledgers: The Account Books of a Trading Post, 1781–1969",
                 id="the book an author talk is about"),
    pytest.param("Biographer Ada Roe will discuss and sign her new book Becoming Hartwell: The Early\n"
                 "Years of a Reluctant Engineer.", "Becoming Hartwell: The Early Years of a Reluctant Engineer",
                 id="an unquoted book title wrapped onto the next line"),
])
def test_a_release_sets_its_title_apart(sentence: str, title: str) -> None:
    assert _record(f"# Public lecture\n\n{sentence}\n")["title"] == title


def test_the_street_after_a_room_of_a_building_is_left_out() -> None:
    release = ("# Public lecture\n\nAda Roe will speak at 7 p.m. Thursday, March 12, in the Auditorium "
               "of the Pell Building, 120 Larch Street.\n")
    assert _record(release)["location"] == "Auditorium of the Pell Building"


def test_a_room_word_inside_the_quoted_title_is_no_place() -> None:
    release = ('# Public lecture\n\nAda Roe will deliver a lecture entitled "When the Hospital Closes: '
               'After the Emergency Room Goes Dark" at 4 p.m. Thursday, March 20, at the Weller '
               'Concert Hall on campus.\n')
    assert _record(release)["location"] == "Weller Concert Hall"



def test_a_cookie_banners_heading_above_the_title_is_no_part_of_it() -> None:
    page = ("<html><head><title>Weather on Other Worlds: Reading Exoplanet Atmospheres | Physics"
            "</title></head><body><div class='eu-cookie-compliance-banner'><h2>We use cookies on "
            "this site to enhance your user experience</h2></div><h1>Weather on Other Worlds: "
            "Reading Exoplanet Atmospheres</h1><h2>Dr. Ada Roe-Park</h2><p>Thursday, March 5, "
            "2026, 4:00 pm, Room 12, Fern Hall.</p></body></html>")
    assert text_view(page, kind="html").summary == "Weather on Other Worlds: Reading Exoplanet Atmospheres"


def test_a_speaker_named_by_surname_is_named_in_full_where_the_text_does() -> None:
    release = ("# Cooling the City\n\nDr. Okoro-Whitmore will walk through the city's first heat "
               "map.\n\n## About the speaker\n\nLeandra Okoro-Whitmore became the city's first Chief "
               "Heat Officer in 2024.\n")
    assert [p["name"] for p in _record(release)["speakers"]] == ["Leandra Okoro-Whitmore"]


def test_an_italic_byline_under_a_heading_is_no_title() -> None:
    page = ("# Ada Roe to give 2026 Ostrander Lecture\n\n*News Office — October 14, 2026*\n\n"
            'Her lecture, "Clocks That Lose a Second," will be on Monday, Nov. 2, at 7:30 p.m.\n')
    assert _record(page)["title"] == "Clocks That Lose a Second"


@pytest.mark.parametrize("data,title", [
    # a news article's headline is no talk's title ...
    ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Roe to lecture on farms"}',
     None),
    # ... while an event page's heading is
    ('{"@context": "https://schema.org", "@type": "Event", "name": "Why Farms Need Broadband"}',
     "Why Farms Need Broadband"),
])
def test_a_news_articles_headline_is_no_title(data: str, title: str | None) -> None:
    heading = "Roe to lecture on farms" if title is None else title
    page = (f'<html><head><script type="application/ld+json">{data}</script></head><body>'
            f"<h1>{heading}</h1><p>Ada Roe, who directs the Rural Project at the Calder Center, "
            "will give a lecture at noon Thursday, Feb. 19, 2026.</p><h2>Media inquiries</h2>"
            "<p>press@example.org</p></body></html>")
    assert _record(page, "page.html")["title"] == title


def test_a_quoted_sentence_before_the_next_sentences_talk_noun_is_no_title() -> None:
    page = ('# Two poets to read\n\nThe poets Ada Roe and Bo Li will read on Friday.\n\n"People think '
            'of them as opposites," Kreuz said. "But they are both writing about the same valley."\n\n'
            "The reading is free and open to the public.\n")
    assert _record(page)["title"] is None


@pytest.mark.parametrize("card,title", [
    # a page's card: the series, the talk's title, the speaker's name and post
    ("Distinguished Lecture Series\\n\\nLanguage Models as Unreliable Narrators\\n\\nAda Roe-Quist\\n"
     "Principal Scientist\\, Example AI Research\\n\\nAbstract\\n\\nWhen a model answers.",
     "Language Models as Unreliable Narrators"),
    # the last line of a paragraph above the name is no title
    ("We are glad to welcome our guest.\\nShe is travelling from afar\\n\\nAda Roe-Quist\\n"
     "Principal Scientist\\, Example AI Research", None),
])
def test_the_line_over_the_speakers_own_line_is_the_title(card: str, title: str | None) -> None:
    record = one_event_record("Distinguished Lecture: Ada Roe-Quist (Example AI Research)", card)
    assert record["title"] == title


def test_a_link_under_a_paper_label_is_no_title_and_a_date_note_leaves_the_title() -> None:
    record = one_event_record("Ada Roe-Quist (Example University) - Who Holds the Duration?",
                              "Paper: https://econ.example.org/seminars/roe_duration_draft.pdf")
    assert record["title"] == "Who Holds the Duration?"
    record = one_event_record("Ada Roe-Quist (Example University) - Trade Shocks and Local Finance "
                              "(rescheduled from 30/11)", "")
    assert record["title"] == "Trade Shocks and Local Finance"
