"""The speaker of plain-text announcements: invented e-mails and bulletin posts, one shape each."""
from __future__ import annotations

import pytest

from extractor.announcement import parse_announcement
from extractor.api import extract_text
from extractor.fields.text_speakers import text_speaker_candidates
from extractor.reading.ics import VeventView

HEADER = ("Type:     seminar.announce\nTopic:    {topic}\nDates:    3-Mar-95\nTime:     4:00 PM\n"
          "PostedBy: Pat Poster on 1-Mar-95 at 10:00 from mail.example.edu\nAbstract: \n\n")


def first_speaker(body: str, topic: str = "Seminar") -> str | None:
    """Return the name of the first speaker of the best candidate, or None."""
    view = VeventView(index=0, kind="text", description=HEADER.format(topic=topic) + body)
    found = text_speaker_candidates(parse_announcement(view))
    return found[0].value[0].name if found else None


LABEL_EXAMPLES = [
    ("speaker_label", "Speaker: Dr. Orla Quennell, Institute of Imaginary Physics\n", "Orla Quennell"),
    ("who_label", "Who:  Prof. Bram Tessaly (Northfield University)\nWhere: Room 12\n",
     "Bram Tessaly"),
    ("name_label_middle_initial", "Name: Dr. Idris K. Marrow\nAffiliation: Lakeside Labs\n",
     "Idris K. Marrow"),
    ("lecturer_label_block", "Lecturer:\nHana Veldkamp\nDepartment of Fictional Studies\n",
     "Hana Veldkamp"),
    ("guest_lecturer_label", "Guest lecturer: Ada Roe-Quist, CEng, Associate Director, Example "
     "Ground Engineering Ltd.\n", "Ada Roe-Quist"),
]

PROSE_EXAMPLES = [
    ("will_speak_with_of_affiliation",
     "Dr. Tomas Ferreira of Eastbrook College will speak on rivers at 4 pm.\n", "Tomas Ferreira"),
    ("will_present_with_comma_affiliation",
     "Wendell P. Ashgrove, department of Chemistry, will present the lecture.\n",
     "Wendell P. Ashgrove"),
    ("presented_by", "The talk will be presented by Professor Lidia Hornby of Westmoor "
     "University.\n", "Lidia Hornby"),
    ("a_talk_by", "Please join us for a talk by Anouk Delacroix on Thursday.\n",
     "Anouk Delacroix"),
    ("descriptor_before_name", "The lecture series continues with sound artist, Quinlan Ferro.\n"
     "His lecture is entitled \"Echoes.\"\n", "Quinlan Ferro"),
    ("possessive_talk", "The meeting is moved. Ilse Brandvold's talk on tiling will be next "
     "week.\n", "Ilse Brandvold"),
    ("sentence_before_cue_not_previous_one",
     "The reception is in Lindell Hall, Room 4. Professor Cato Mirren will give the talk.\n",
     "Cato Mirren"),
    ("is_talking_after_from_aside",
     "This is a reminder that Oswin Tarrant, from U. Fenmore, is\ntalking tomorrow (Friday) at 2:00 "
     "in 8220.  He's talking about\n\"Tides in Small Ports\".\n",
     "Oswin Tarrant"),
    # a position word that is also a given name ("Dean") opens a two-word name
    ("given_name_that_is_a_position", "Dean Kaplowitz will talk about operations.\n",
     "Dean Kaplowitz"),
    # a release's dateline before the sentence names a town, not the speaker
    ("dateline_with_date_before_the_speaker",
     "ASHFORD CROSSING, Iowa (Nov. 2, 2026) -- Ilse Marquardt-Oyelaran, a former engineer, will "
     "speak on small satellites.\n", "Ilse Marquardt-Oyelaran"),
    ("dateline_with_dash_before_the_speaker",
     "CAPE VERRIN, Maine — Halden Mercer-Quist, a curator, will give a lecture on lighthouses.\n",
     "Halden Mercer-Quist"),
    ("dateline_with_a_day_month_year_date",
     "PORT ALDER, 3 September 2012 - Professor Ada Quillon-Roe, head of the Soils Unit at the\n"
     "University of Example, will deliver the annual lecture.\n", "Ada Quillon-Roe"),
    # Arabic and Malay particles, hyphenated or not, stay in the name
    ("arabic_particles", "Ziad Abu al-Hassan El-Qudsi, of Example Capital, will speak on risk.\n",
     "Ziad Abu al-Hassan El-Qudsi"),
    ("malay_particle", "Dr. Hafiz bin Ismail of the Example Institute will speak on ports.\n",
     "Hafiz bin Ismail"),
    # British veterinary post-nominals after the name are no part of it
    ("vet_post_nominals", "Speaker: Angharad Pryce-Ellis BVSc CertVA DipECVAA\n", "Angharad Pryce-Ellis"),
]

LAYOUT_EXAMPLES = [
    ("quoted_title_word_is_no_given_name", "“Night Shift: How Bats Use Our Hedges”\n"
     "Dr Ada Roe-Quillan\nSenior Ecologist, Fenmore Bat Group\n", "Ada Roe-Quillan"),
    ("name_line_under_title_above_affiliation",
     "       \"Folding Paper Proteins\"\n           Renata Okafor\n     Department of Biology\n"
     "        Greystone University\n", "Renata Okafor"),
    ("all_caps_name_with_degree",
     "   WATER IN SOILS\n          MAREK J. OSTROWSKI, PH.D.\n          President and Founder\n"
     "          Fieldwork Instruments, Inc.\n", "MAREK J. OSTROWSKI"),
    ("double_spaced_poster", "   Dr. Yusuf T. Okonkwo\n\n   Professor and Director\n\n"
     "   Center for Made-Up Research\n", "Yusuf T. Okonkwo"),
    ("boxed_name", "|     A Theory of Boxes      |\n|       Signe Halvorsen      |\n"
     "|    Pinecrest University    |\n", "Signe Halvorsen"),
    ("name_then_time_after_dash", "The final project talk is listed below.\n\n"
     "  Oskar Lindqvist  -  3:30 pm, Tuesday, Room 1003\nBudgets in the Hill District\n\n"
     "All are welcome to attend.\nRefreshments follow.\nBring a friend.\n", "Oskar Lindqvist"),
    ("table_with_speaker_column", "DATE\tROOM\tTIME\tSPEAKER\t\tTOPIC\n"
     "3/29\tPH 100\t4:00\tDr. Ines Arbeloa\tMicrobes at Work\n", "Ines Arbeloa"),
    ("two_speakers_on_a_line", "   LOGIC FOR TYPES\n\n   Colm Reddan and Petra Voss\n"
     "   Computational Linguistics Program\n", "Colm Reddan"),
]

NOT_SPEAKER_EXAMPLES = [
    ("contact_only", "Coffee and cookies will be served in the lounge.\n"
     "For more information contact Greta Sundqvist at x8-1234.\n", None),
    ("poster_signature", "Hello all, there will be a meeting on budgets this Monday.\n"
     "Please attend.\nPat Poster\n", None),
    ("host_is_not_speaker", "Host: Lorcan Byrne\nSpeaker: Mira Castellanos, Harbour "
     "University\n", "Mira Castellanos"),
    ("sponsored_by_is_not_speaker", "Sponsored by Delphine Aubert and friends.\n"
     "Admission is free.\n", None),
    ("made_possible_by_is_not_speaker", "The lecture is made possible by the Aubert Family\n"
     "Foundation.\n", None),
    ("page_menu_items_are_not_speakers", "Press Room\n\n  * Press Releases\n  * Press Images\n"
     "  * Fact Sheet\nFOR IMMEDIATE RELEASE\n", None),
    ("advisor_and_field_of_study_are_not_speakers",
     "Our candidate is completing a PhD in Human-Centered Design at Tarrow University, advised\n"
     "by Prof. Lowell Quill-Finch. Before that she worked as a nurse.\n", None),
    ("caps_heading_is_not_speaker", "RECENT RELEASES\n\nPoet opens the writers series\n", None),
    ("place_before_will_present_is_not_speaker",
     "Umeadi-Park, a staff scientist at the observatory near Cinder Butte and a comet hunter,\n"
     "will present \"Dirty Snowballs\" at 7 p.m.\n", None),
]


@pytest.mark.parametrize("body, expected",
                         [pytest.param(b, e, id=i) for i, b, e in LABEL_EXAMPLES])
def test_label_lines(body: str, expected: str) -> None:
    assert first_speaker(body) == expected


@pytest.mark.parametrize("body, expected",
                         [pytest.param(b, e, id=i) for i, b, e in PROSE_EXAMPLES])
def test_prose_cues(body: str, expected: str) -> None:
    assert first_speaker(body) == expected


@pytest.mark.parametrize("body, expected",
                         [pytest.param(b, e, id=i) for i, b, e in LAYOUT_EXAMPLES])
def test_layout(body: str, expected: str) -> None:
    assert first_speaker(body) == expected


@pytest.mark.parametrize("body, expected",
                         [pytest.param(b, e, id=i) for i, b, e in NOT_SPEAKER_EXAMPLES])
def test_people_who_do_not_speak(body: str, expected: str | None) -> None:
    assert first_speaker(body) == expected


KNOWN_FAILURES = [
    # A title line of capitalised common words reads as a name: there is no word list to tell
    # "Digital Harvests" from "Dana Harvey".
    ("title_words_look_like_a_name", "   Digital Harvests\n   Dana Harvey\n   March 12\n",
     "Dana Harvey"),
    # A surname alone ("Professor Quimby will speak") has no full name to report.
    ("surname_only", "Professor Quimby will speak on bells.\n", "Quimby"),
]


@pytest.mark.parametrize("body, expected", [
    pytest.param(b, e, id=i, marks=pytest.mark.xfail(strict=True)) for i, b, e in KNOWN_FAILURES])
def test_known_failures(body: str, expected: str) -> None:
    assert first_speaker(body) == expected


def test_candidate_carries_rule_and_span() -> None:
    view = VeventView(index=0, kind="text",
                      description="Speaker: Dr. Orla Quennell, Institute of Imaginary Physics\n")
    ann = parse_announcement(view)
    best = text_speaker_candidates(ann)[0]
    assert best.field == "speakers" and best.source == "DESCRIPTION"
    assert best.rule.startswith("text_speakers.label")
    assert best.span is not None and ann.text[best.span[0]:best.span[1]] == "Orla Quennell"
    assert best.value[0].affiliation == "Institute of Imaginary Physics"


def test_a_double_bill_names_both_speakers_and_takes_no_title_for_an_affiliation() -> None:
    body = ("This Friday's brown bag is a double bill, about 35 minutes each with time for "
            "questions:\n\n  12:00   Saoirse Farrow-Iqbal\n          \"Do toddlers track who is lying?\"\n\n"
            "  12:45   Mattias Lindahl\n          \"Counting on fingers\"\n")
    record = extract_text(HEADER.format(topic="Brown Bag") + body)
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == \
        [("Saoirse Farrow-Iqbal", None), ("Mattias Lindahl", None)]


def test_two_name_lines_the_subject_joins_are_both_speakers() -> None:
    mail = ("From: Jo Poster <jo@law.example.edu>\nSubject: Law Colloquium, Nov. 12: Roe-Quist and "
            "Okafor-Lind on risk scores\nDate: Tue, 05 Nov 2013 10:55:18 -0500\n\n"
            "LAW COLLOQUIUM\n\nTuesday, November 12, 2013\n12:30 - 1:50 pm\nRoom 204, Main Hall\n\n"
            "\"Scoring the Accused\"\n\nProfessor Ada Roe-Quist, Example Law School\n"
            "Dr. Bo Okafor-Lind, Department of Computer Science, Example\nUniversity\n\n"
            "Courts now receive risk scores from proprietary tools when they sentence.\n")
    record = extract_text(mail, kind="eml")
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == \
        [("Ada Roe-Quist", "Example Law School"), ("Bo Okafor-Lind", "Example University")]


@pytest.mark.parametrize("body, affiliation", [
    ("Join us as Professor Ada Roe-Quist of Example University discusses tidal mills.\n",
     "Example University"),
    ("Professor Ada Roe-Quist of Example University as she discusses tidal mills.\n",
     "Example University"),
    # No head word ("University", "Institute") before a lower-case word: a firm's own name.
    ("Bo Okafor-Lind of TWX systems, Harbourtown, will demonstrate the new scanner.\n",
     "TWX systems, Harbourtown"),
])
def test_the_institution_after_of_in_a_mail_ends_where_the_sentence_goes_on(
        body: str, affiliation: str) -> None:
    record = extract_text(HEADER.format(topic="Tidal mills") + body)
    assert [p["affiliation"] for p in record["speakers"]] == [affiliation]


@pytest.mark.parametrize("body,affiliation", [
    pytest.param("Speaker: Ffion Maddox-Rees BVSc CertVA MRCVS\n"
                 "         Clinical Director and Specialist in Anaesthesia,\n"
                 "         Tarrow Veterinary Referrals\n\nTitle: Pain scores in dogs\n",
                 "Tarrow Veterinary Referrals",
                 id="post-nominals on the label line, the practice under two posts"),
    pytest.param("Speaker: Ffion Maddox-Rees\n         Deputy Director of Service Planning at the\n"
                 "         Tarrow Regional Transit Authority\n\nTitle: Buses\n",
                 "Tarrow Regional Transit Authority", id="a position at a body, over two lines"),
    pytest.param("SPEAKER\n\nDr. Ffion Maddox-Rees, FRAeS\nChief Engineer, Propulsion Systems\n"
                 "Tarrow Aero Works Ltd.\n\nTITLE\n\nQuieter engines\n",
                 "Tarrow Aero Works Ltd",
                 id="a fellowship after the name, the company's line under her post"),
])
def test_a_label_names_the_speaker_and_the_lines_below_where_she_works(
        body: str, affiliation: str) -> None:
    record = extract_text(HEADER.format(topic="Clinic seminar") + body)
    assert [p["affiliation"] for p in record["speakers"]] == [affiliation]


def test_the_last_line_of_a_venues_address_names_no_one() -> None:
    body = ("Using ledgers and oral histories, Dr. Ada Roe-Quist tells the story of the river's "
            "ice harvest.\n\nDr. Roe-Quist is associate professor of history at Tarrow "
            "College.\n\nVenue\n\nCarriage Hall\n88 Mill Street\n"
            "Tarrow Falls, ME 04000 United States + Google Map\n")
    record = extract_text(HEADER.format(topic="Cutting the ice") + body)
    assert [p["name"] for p in record["speakers"]] == ["Ada Roe-Quist"]


def test_a_who_line_wrapped_inside_the_second_name_gives_both_at_their_firm() -> None:
    body = ("WHAT: From Model to Market: How a Rates Desk Uses Its Models\n"
            "WHO: Tobias Quill-Lorentzen (Head of Rates Trading) and Sun-Hee\n"
            "Abernathy-Roe (Quant Developer), both at Larchfield Capital\n"
            "WHEN: Tuesday, September 27, 6:00-7:30 PM\n\n"
            "Prof. Harriet Oduya (our faculty advisor) will moderate the Q&A.\n")
    record = extract_text(HEADER.format(topic="Industry Speaker Series") + body)
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == [
        ("Tobias Quill-Lorentzen", "Larchfield Capital"), ("Sun-Hee Abernathy-Roe", "Larchfield Capital")]
