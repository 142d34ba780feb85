"""Panels laid out as cards: a name, then its position and organisation on lines of their own
(all people and organisations invented)."""
from __future__ import annotations

import pytest

from conftest import one_event_record
from extractor.api import extract_bytes, extract_text
from extractor.reading.ics import VeventView
from extractor.announcement import parse_announcement
from extractor.fields.speakers import speaker_candidates
from extractor.fields.summary import parse_summary

_PANEL = """A panel on who pays for coastal defences.

Panelists

Dr. Ada Roe-Quillan

Professor of Environmental Economics

Fenmore University

Bo Okafor-Lind

Managing Director, Harbour Finance

Saltmarsh Capital Partners

Cy Dunmore-Vale

Independent flood-risk consultant

Moderator

Di Harrow-Penn
"""


def test_each_card_gives_its_own_organisation() -> None:
    view = VeventView(index=0, kind="calendar", description=_PANEL, summary="Who Pays?")
    best = speaker_candidates(parse_announcement(view), parse_summary("Who Pays?"))[0]
    assert [(p.name, p.affiliation) for p in best.value] == [
        ("Ada Roe-Quillan", "Fenmore University"),
        ("Bo Okafor-Lind", "Saltmarsh Capital Partners"),
        ("Cy Dunmore-Vale", None),
    ]


_FEATURED = """About this event

Rural hospitals have stopped delivering babies, and the nearest unit is now far away.

Featured speaker

Ada Roe-Quillan, PhD, MPH

Senior Fellow

Fenmore Health Equity Institute

Moderator

Di Harrow-Penn, DrPH
"""


def test_a_featured_speaker_heading_over_a_card() -> None:
    view = VeventView(index=0, kind="calendar", description=_FEATURED, summary="Closing Wards, Longer Drives")
    best = speaker_candidates(parse_announcement(view), parse_summary("Closing Wards, Longer Drives"))[0]
    assert [(p.name, p.affiliation) for p in best.value] == [("Ada Roe-Quillan", "Fenmore Health Equity Institute")]


def test_talks_under_their_titles_in_a_post_of_several() -> None:
    post = ("---\nlayout: post\ntitle: \"May's Science Night\"\n---\n\nTickets are on sale now.\n\n"
            "## The line-up\n\n### Moths Are Back\n**Dr Bethan Roe-Park**, University of Example\n\n"
            "The peppered moth is the textbook example of evolution in action.\n\n"
            "### Who Decides Where a Motorway Goes?\n**Owain Castell-Reid**, Transport Research Partnership\n\n"
            "A new road takes twenty years to plan.\n\n"
            "### How to Remember a Deck of Cards\n**Prof. Orla Sorensen-Ibe**, Example Medical School\n\n"
            "Memory champions can learn a deck in a minute.\n")
    assert _speakers_of(post, "post.md") == [
        ("Bethan Roe-Park", "University of Example"), ("Owain Castell-Reid", "Transport Research Partnership"),
        ("Orla Sorensen-Ibe", "Example Medical School")]


def test_a_session_of_talks_listed_as_name_dash_quoted_title_names_every_speaker() -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s@example.edu\r\n"
                "DTSTART:20261102T160000Z\r\nSUMMARY:Neural Circuits Seminar: Trainee Talks\r\n"
                "DESCRIPTION:Two 25-minute talks from trainees:\\n\\n• Lucas Amaral-Fenn (postdoc\\, "
                "Haddad lab) – \"Sleep spindles and motor sequences\"\\n• Yuki Ishida-Brenner "
                "(graduate student\\, Feld-Soren lab) – \"A thalamic gate for whisker touch\"\\n"
                "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == [
        ("Lucas Amaral-Fenn", None), ("Yuki Ishida-Brenner", None)]


def test_an_institution_under_two_speakers_in_the_values_column_is_both_speakers() -> None:
    text = ("Speakers: Dr. Helena Petrakis and Dr. Kwabena Awolowo-Brandt\n"
            "          Larkhaven Telephone Laboratories\nTitle:    Adaptive Echo Cancellation\n")
    record = extract_text(text)
    assert [p["affiliation"] for p in record["speakers"]] == ["Larkhaven Telephone Laboratories"] * 2


def test_a_seminar_platforms_by_line_names_every_speaker_with_an_institution() -> None:
    text = ("Title: Effective bounds for integral points\nby Mateus Okonjo-Ferraz (Instituto de "
            "Matemática de Várzea Alegre) and Signe Rask-Delgado (Tamsford University) as part of "
            "Meridian Online Number Theory Seminar\n\nAbstract\nWe describe an algorithm.\n")
    record = extract_text(text, kind="md")
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == [
        ("Mateus Okonjo-Ferraz", "Instituto de Matemática de Várzea Alegre"),
        ("Signe Rask-Delgado", "Tamsford University")]


def test_a_name_line_under_the_series_heading_opens_the_text() -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.edu\r\n"
                "DTSTART:20260319T040000Z\r\nSUMMARY:Coral spawning under marine heatwaves\r\n"
                "DESCRIPTION:SEOS Seminar Series\\n\\nDr Tahlia Moorcroft-Nguyen\\nSenior Research "
                "Scientist\\, Coralsea Institute of Marine Science\\n\\nMass coral spawning is one "
                "of the most predictable events in nature.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert _speakers_of(calendar, "feed.ics") == [("Tahlia Moorcroft-Nguyen", "Coralsea Institute of Marine Science")]


def _speakers_of(text: str, path: str) -> list[tuple[str, str | None]]:
    """Return (name, affiliation) of each speaker of the one record of ``text``."""
    record, = extract_bytes(text.encode(), path=path)
    return [(p["name"], p["affiliation"]) for p in record["speakers"]]


def test_a_numbered_lineup_of_quoted_titles_and_names_names_every_speaker() -> None:
    post = ("---\ntitle: \"This Week: Science Night #22\"\ndate: 2016-03-07\n---\n\n"
            "Three people, three short talks, one bar.\n\n## The lineup\n\n"
            "**1. \"The Secret Life of Potholes\"** — Ada Roe-Quist\n\nWhy streets fall apart.\n\n"
            "**2. \"Ferments of the Ancient World\"** — Dr. Bo Okafor-Lind\n\nOld pots, old beer.\n")
    record, = extract_bytes(post.encode(), path="post.md")
    assert [p["name"] for p in record["speakers"]] == ["Ada Roe-Quist", "Bo Okafor-Lind"]


def _calendar_event(summary: str, description: str) -> dict:
    text = description.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    return one_event_record(summary, text)


@pytest.mark.parametrize("summary,description,speaker", [
    pytest.param("Example Distinguished Lecture 2023: “Catalysis without Precious Metals”",
                 "We are delighted to announce that the Example Distinguished Lecture 2023 will be "
                 "given by\n\nProf. Ada Roe-Quist\nTechnische Universität Keldorf\n\nPlatinum and "
                 "palladium still dominate catalysis.", ("Ada Roe-Quist", "Technische Universität Keldorf"),
                 id="will be given by, over the name's line"),
    pytest.param("Optional: Example Arbitration Lecture 2021 (public)",
                 "Not compulsory, but strongly recommended.\n\nTHE 2021 EXAMPLE ARBITRATION LECTURE\n"
                 "\"Who Guards the Guardians?\"\nProfessor Bo Okafor-Lind, University of Calloway Downs\n\n"
                 "A handful of arbitrators now sit in a large share of cases.",
                 ("Bo Okafor-Lind", "University of Calloway Downs"), id="a name line under the title"),
    pytest.param("Neuroscience Research Seminar",
                 "Neuroscience Research Seminar Series\n\n“Glymphatic clearance during sleep”\n\n"
                 "A/Prof Ada Roe-Quist\nYarrabin Institute of Medical Research\n\nSleep clears the brain.",
                 ("Ada Roe-Quist", "Yarrabin Institute of Medical Research"),
                 id="a name over its institute's line"),
    pytest.param("Instrument Evenings: Clockmakers of the Republic",
                 "Instrument Evenings – autumn 2024\n\nClockmakers of the Republic: Pendulums and "
                 "Patents\n\nProf. dr. Maarten Roe-Quist (Universiteit Havenstad)\n\nIn the 1650s "
                 "the pendulum clock turned timekeeping from a craft into a science.",
                 ("Maarten Roe-Quist", "Universiteit Havenstad"),
                 id="a card whose abstract names a craft"),
    pytest.param("CBS Seminar: New variants in feline heart disease",
                 "Comparative Biomedical Sciences Seminar Series\n\n\"New variants in feline heart "
                 "disease\"\n\nAda Roe-Quist, DVM, PhD, DACVIM (Cardiology)\nAssistant Professor, "
                 "Department of Clinical Sciences\nSchool of Veterinary Medicine, Fenmore University\n\n"
                 "We sequenced 212 affected cats.",
                 ("Ada Roe-Quist", "Fenmore University"),
                 id="degrees with a specialty, a position and a department over the university"),
])
def test_a_calendar_description_laid_out_as_a_card(summary: str, description: str,
                                                     speaker: tuple[str, str]) -> None:
    record = _calendar_event(summary, description)
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == [speaker]


@pytest.mark.parametrize("summary,description", [
    pytest.param("Classics Awards Reception",
                 "Join us as we celebrate this year's graduating majors. Remarks by Dean Ada Roe-Quist "
                 "of the College of Arts and Sciences. Light refreshments will be served.",
                 id="remarks in a sentence"),
    pytest.param("Economics PhD Workshop",
                 "Programme:\n9:20–9:50    Ada Roe-Quist (Tampere University) — Firms and the VAT\n"
                 "9:50–10:20   Bo Okafor-Lind (Tampere University) — Succession taxes\n",
                 id="a programme of several talks"),
])
def test_a_calendar_description_with_no_card_names_no_one_by_its_layout(summary: str,
                                                                      description: str) -> None:
    assert _calendar_event(summary, description)["speakers"] == []


def test_the_college_on_the_first_line_ends_where_the_sentence_goes_on() -> None:
    record = one_event_record(
        "The Halloran Lecture: Ferries and Fevers",
        "Professor Adaeze Roe-Quillan of Fenmore College delivers the twelfth Halloran "
        "Lecture.\\n\\nBefore there were bridges\\, the river towns were stitched together by ferries.")
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == \
        [("Adaeze Roe-Quillan", "Fenmore College")]


@pytest.mark.parametrize("label", ["On stage", "On the panel", "Auf dem Podium"])
def test_who_is_on_stage_are_the_speakers_and_the_moderator_is_not(label: str) -> None:
    record = one_event_record(
        "Science Night #7: Wolves – room for all?",
        f"{label}:\\n– Dr. Ada Roe-Quillan\\, wildlife ecologist\\, Fenmore University\\n"
        "– Bo Okafor-Lind\\, sheep farmer and president of the Saltmarsh Breeders' Union\\n"
        "Moderation: Di Harrow-Penn (Radio Fenmore)\\n\\nTwo people who have spent years on "
        "the question disagree about the answers.")
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == [
        ("Ada Roe-Quillan", "Fenmore University"),
        ("Bo Okafor-Lind", "Saltmarsh Breeders' Union"),
    ]


def test_a_timetables_notes_field_squashed_at_bars_gives_speaker_title_and_abstract() -> None:
    record = one_event_record(
        "QSCI7001 Research Seminar (SEM/01)",
        "Activity: QSCI7001/SEM/01\\nStaff: Halloran\\, Fiona (Dr)\\nNotes: Speaker: Dr Ada "
        "Roe-Quillan (Fenmore Animal Health Laboratory) | Title: Ticks in the dairy herd: five "
        "seasons of surveillance | Abstract: We followed 48 herds through five calving seasons\\, "
        "sampling cows and ticks each spring. I will discuss what this means for grazing. | All "
        "staff and students welcome.")
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == [
        ("Ada Roe-Quillan", "Fenmore Animal Health Laboratory")]
    assert record["title"] == "Ticks in the dairy herd: five seasons of surveillance"
    assert record["abstract"].endswith("what this means for grazing.")


@pytest.mark.parametrize("label,host_label", [
    ("A càrrec de", "Presenta"), ("A cargo de", "Modera"), ("Convidada", "Mediação")])
def test_a_guest_label_in_catalan_spanish_or_portuguese_names_the_speaker(
        label: str, host_label: str) -> None:
    record = one_event_record(
        "Seminari de Recerca: «Els ministrers de la Seu (1580-1640)»",
        f"{label}: Dra. Ada Roe-Quillan (Universitat de Fenmore)\\n{host_label}: Dr. Bo Lind\\n\\n"
        "Resum: A partir dels llibres d'acords del capítol\\, la ponència reconstrueix la capella.")
    assert [(p["name"], p["affiliation"]) for p in record["speakers"]] == [
        ("Ada Roe-Quillan", "Universitat de Fenmore")]
