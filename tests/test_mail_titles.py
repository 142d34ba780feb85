"""Titles of talks announced by e-mail (all mails invented)."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes

_MAIL = """From: Pat Poster <pat@example.edu>
Date: Mon, 2 Nov 2015 09:14:52 -0500
Subject: This Friday: Roe on harbour silt

Hi all,

This Friday's colloquium is given by Ada Roe, who is visiting for the week.

{block}

     Friday, November 6, 3:30-4:45 p.m.
     Quarry Hall 118

Abstract

Small harbours silt up faster than anyone planned for.
"""


@pytest.mark.parametrize("block,title", [
    # an indented block above the indented date line is the title, over the Subject's gist
    ("     Tides in Small Ports: A Century of Dredging\n     Records", "Tides in Small Ports: A Century of Dredging Records"),
    # a block that is a sentence is no title: the Subject gives it
    ("     Please forward this to your students.", "This Friday: Roe on harbour silt"),
])
def test_an_indented_block_above_the_date_is_the_title(block: str, title: str) -> None:
    record, = extract_bytes(_MAIL.format(block=block).encode(), path="mail.eml")
    assert record["title"] == title


_SUBJECT_NAMES_THE_SPEAKER = """From: Dept Office <office@example.edu>
Date: Wed, 10 Apr 1996 11:52:18 -0400
Subject: {subject}

Professor Ada Roe-Park of the Department of Physics, Example University, will
speak on "Salt Fingers and the Slow Mixing of the
Deep Ocean" in Quarry Hall 118 at 3:30 on Tuesday, April 16.
"""


@pytest.mark.parametrize("subject,title", [
    # a Subject that only names the speaker after the series and day is no title: the quoted
    # title after "will speak on", wrapped onto the next line, is
    ("Colloquium Tuesday 4/16 -- Roe-Park", "Salt Fingers and the Slow Mixing of the Deep Ocean"),
    ("Physics Colloquium: Roe-Park (Example University)", "Salt Fingers and the Slow Mixing of the Deep Ocean"),
])
def test_a_subject_naming_only_the_speaker_is_no_title(subject: str, title: str) -> None:
    record, = extract_bytes(_SUBJECT_NAMES_THE_SPEAKER.format(subject=subject).encode(), path="mail.eml")
    assert record["title"] == title


def test_a_show_named_after_entitled_is_no_title() -> None:
    mail = ("From: a@example.edu\nSubject: Nerd night\n\n"
            "Ada Roe will talk. Her work is in the new exhibition entitled\n"
            "\"Outbreak: Germs in a Connected World\".\n")
    record, = extract_bytes(mail.encode(), path="mail.eml")
    assert record["title"] != "Outbreak: Germs in a Connected World"


def test_a_generational_suffix_stays_with_the_name_and_out_of_the_title() -> None:
    post = ("Type:     Seminar\nWho:      Lucius K. Roe-Park, Jr.\n"
            "Topic:    Faculty Candidate: Roe-Park (Example State)\nDates:    9-Feb-93\n"
            "Time:     10:00 AM\nPlace:    2315 Example Hall\n"
            "PostedBy: ab+ on 2-Feb-93 at 16:40 from HOST.EXAMPLE.EDU\nAbstract: \n\n"
            "TITLE:  Adaptive Equalization for Indoor Wireless Channels\n\n"
            "Radio signals inside a building reach the receiver by many paths.\n")
    record, = extract_bytes(post.encode(), path="post.txt")
    assert ([p["name"] for p in record["speakers"]], record["title"]) == (
        ["Lucius K. Roe-Park, Jr."], "Adaptive Equalization for Indoor Wireless Channels")


def test_a_title_block_after_a_sentence_ending_will_present_on_a_colon() -> None:
    mail = ("From: brownbag@example.edu\nDate: Wed, 10 Mar 1999 11:02:00 -0500\n"
            "Subject: Brown Bag, Tues. Mar. 16 -- Quenby-Ames\n\n"
            "Marisol Quenby-Ames, a graduate student in the Department of Psychology, will\n"
            "present work from her dissertation:\n\n"
            "     Remembering Where, Forgetting When: Source Memory for Spatial\n"
            "     and Temporal Context\n\n"
            "People are often sure where they learned something and hopeless at saying when.\n")
    record, = extract_bytes(mail.encode(), path="mail.eml")
    assert record["title"] == ("Remembering Where, Forgetting When: Source Memory for Spatial "
                               "and Temporal Context")


_WHO_WHAT_WHEN = """From: Pat Poster <pat@example.edu>
Date: Mon, 2 Mar 2026 09:14:52 -0500
Subject: Harbour Studies Seminar, Wed 3/4 -- Roe

Who:    Dr. Ada Roe, Example University
What:   {what}
When:   Wednesday, March 4, 3:30-5:00
Where:  Quarry Hall 118
"""


@pytest.mark.parametrize("what,title", [
    # in a Who / What / When / Where block, "What:" gives the title ...
    ("Tides in Small Ports", "Tides in Small Ports"),
    ('The spring seminar, "Tides in Small Ports," with questions after', "Tides in Small Ports"),
    ("Harbour Studies Lecture: Tides in Small Ports", "Tides in Small Ports"),
    # ... unless it names only the kind of event or its series; the Subject names only the
    # speaker, so there is no title
    ("Seminar", None),
    ("Harbour Studies Lecture", None),
])
def test_what_in_a_who_what_when_block_gives_the_title(what: str, title: str | None) -> None:
    record, = extract_bytes(_WHO_WHAT_WHEN.format(what=what).encode(), path="mail.eml")
    assert record["title"] == title


@pytest.mark.parametrize("subject,title", [
    ("Ada Roe-Quist: Tidal Falling", "Tidal Falling"),
    ("Dr. Ada Roe-Quist: Tidal Falling", "Tidal Falling"),
    ("Roe-Quist: Tidal Falling", "Tidal Falling"),
    # the part before the colon is no speaker: the line is the title whole
    ("Tidal Falling: A History of Mills", "Tidal Falling: A History of Mills"),
])
def test_a_subject_line_that_opens_with_the_speaker_gives_the_title_after_the_name(
        subject: str, title: str) -> None:
    # A plain-text mail: its Subject is a label of the text, not a calendar's SUMMARY.
    text = f"Subject: {subject}\n\nJoin us for an evening with the author Ada Roe-Quist.\n"
    record, = extract_bytes(text.encode(), path="mail.txt")
    assert [p["name"] for p in record["speakers"]] == ["Ada Roe-Quist"]
    assert record["title"] == title


def test_a_reminders_topic_line_gives_way_to_the_quoted_title() -> None:
    post = ("Type:     Seminar\nWho:      Dr. Ada Roe-Quist, Example Telecom Research\n"
            "Topic:    REMINDER: TODAY -- Speech Group Seminar, noon, KeH 5409\nDates:    6-Nov-97\n"
            "Time:     12:00 noon\nPlace:    KeH 5409\nPostedBy: pat+ on 6-Nov-97 at 08:31 from "
            "example.edu\nAbstract: \n\n              SPEECH GROUP SEMINAR\n\n"
            "    \"Why Callers Repeat Themselves\"\n\nWhen an automated telephone service mishears a "
            "caller, the caller says the same thing again.\n")
    record, = extract_bytes(post.encode(), path="post.txt")
    assert record["title"] == "Why Callers Repeat Themselves"


_BULLETIN = """Type:     Seminar
Who:      Dr. Ada Quillon-Roe, Example National Laboratory
Topic:    {topic}
Dates:    7-Mar-95
Time:     3:30 PM
Place:    BaH 112
PostedBy: Pat Poster on 2-Mar-95 at 10:05 from example.edu
Abstract: 

{body}
Burning plutonium in existing reactors is one of two options now under study.
"""


@pytest.mark.parametrize("topic,body,title", [
    # a Topic line that names the series gives way to the body's TOPIC label, wrapped in its column
    ("Reactor Physics Seminar",
     "   SPEAKER:  Dr. Ada Quillon-Roe\n\n"
     "   TOPIC:    THE NEUTRONICS OF MIXED-OXIDE FUEL IN LIGHT-WATER\n"
     "             REACTORS: WHAT THE BENCHMARKS TELL US\n\n"
     "   DATE:     Tuesday, March 7, 1995\n",
     "THE NEUTRONICS OF MIXED-OXIDE FUEL IN LIGHT-WATER REACTORS: WHAT THE BENCHMARKS TELL US"),
    # a Topic line that says when the series meets gives way to a block the text leads into
    ("Reactor Physics Seminar -- Quillon-Roe, Tues 3/7",
     "Dr. Quillon-Roe will visit on Tuesday. Her topic:\n\n"
     "       Mixed-Oxide Fuel in Light-Water Reactors: What the\n"
     "       Benchmarks Tell Us\n\n",
     "Mixed-Oxide Fuel in Light-Water Reactors: What the Benchmarks Tell Us"),
    # a rescheduling note is no title; the quoted block set apart further down is
    ("RESCHEDULED: reactor physics talk (was 2/28)",
     "The talk cancelled last week for snow will be given on March 7.\n\n"
     "The Department of Nuclear Engineering invites you to a talk by Dr. Quillon-Roe.\n\n"
     "            \"Mixed-Oxide Fuel in Light-Water Reactors:\n"
     "                 What the Benchmarks Tell Us\"\n\n",
     "Mixed-Oxide Fuel in Light-Water Reactors: What the Benchmarks Tell Us"),
    # with no title anywhere, a Topic line that says when the series meets gives none
    ("Reactor Physics Seminar -- Quillon-Roe, Tues 3/7", "", None),
    # a banner's indented name and institution over the date line are no title
    ("Reactor Physics Seminar",
     "           DR. ADA QUILLON-ROE\n      EXAMPLE INSTITUTE OF TECHNOLOGY\n\n"
     "      Tuesday, March 7, 1995   4-5pm\n\n", None),
])
def test_a_bulletins_topic_line_that_names_the_series_or_the_day_gives_way_to_the_body(
        topic: str, body: str, title: str | None) -> None:
    record, = extract_bytes(_BULLETIN.format(topic=topic, body=body).encode(), path="post.txt")
    assert record["title"] == title


def test_a_subject_that_says_when_and_where_gives_way_to_the_quoted_title_in_the_body() -> None:
    mail = ("From: Pat Poster <pat@example.edu>\nDate: Mon, 18 Mar 2013 09:14:52 +0000\n"
            "Subject: Example Research Colloquium, Thu 21/3, 16h, LB 3.14 - Ada Quillon-Roe\n\n"
            "Dear colleagues,\n\nThe Research Colloquium resumes after reading week with a visit:\n\n"
            "Ada Quillon-Roe (Universidad de Example)\n\n"
            "\"Translating the Untranslatable: Improvised Verse,\nOrality and the Limits of Comparison\"\n\n"
            "Thursday 21 March 2013, 16h00-17h30\nSeminar Room 3.14, Lanyon Building\n")
    record, = extract_bytes(mail.encode(), path="mail.eml")
    assert record["title"] == "Translating the Untranslatable: Improvised Verse, Orality and the Limits of Comparison"


def test_a_forwarded_subject_that_says_when_gives_way_to_the_title_label_below_it() -> None:
    mail = ("From: Pat Poster <pat@example.edu>\nDate: Tue, 20 Oct 2015 19:12:40 +0000\n"
            "Subject: ROOM CHANGE -- Quill Seminar Thurs 10/22 now in Hadley Hall\n\n"
            "All,\n\nThursday's seminar has moved to a larger room.\n\n"
            "________________________________\nFrom: Poster, Pat\n"
            "Sent: Thursday, October 15, 2015 10:05 AM\n"
            "Subject: Quill Seminar - Thursday, October 22\n\n"
            "Speaker:   Ada Quillon-Roe, PhD\n"
            "Title:     When the Outcome Is Missing: Bounds for Survivors\n"
            "Date:      Thursday, October 22, 2015\n")
    record, = extract_bytes(mail.encode(), path="mail.eml")
    assert record["title"] == "When the Outcome Is Missing: Bounds for Survivors"
