"""SUMMARY lines (invented): the kind of talk before a title, the day after a series."""
from __future__ import annotations

import pytest

from extractor.api import extract_bytes
from extractor.fields.summary import parse_summary


@pytest.mark.parametrize("summary,title", [
    ("Keynote: Tides of the Inner Harbour", "Tides of the Inner Harbour"),
    # "talk" and "lecture" in other languages
    ("Charla: Ríos atmosféricos y sequía", "Ríos atmosféricos y sequía"),
    ("Vortrag: Moore als Klimaschützer", "Moore als Klimaschützer"),
    ("Conférence : Les marées du port", "Les marées du port"),
    ("Föreläsning: Lavar från rymden", "Lavar från rymden"),
    ("Wykład: Rzeki i susza", "Rzeki i susza"),
    # a panel in Swiss German, a book launch, a continuing-education lab, a kind in two languages
    ("Podium: Does every canton need a debt brake?", "Does every canton need a debt brake?"),
    ("Book launch: The Small Print", "The Small Print"),
    ("CE Wet Lab: Practical Equine Dentistry", "Practical Equine Dentistry"),
    ("Gesprächskonzert / Lecture-recital: Hearing Form in Sonatas", "Hearing Form in Sonatas"),
    # a debate or a discussion, in English, Lithuanian and Czech
    ("Debate: Should Small Towns Keep Their Schools?", "Should Small Towns Keep Their Schools?"),
    ("Diskusija: Ar reikia versti klasikus iš naujo?", "Ar reikia versti klasikus iš naujo?"),
    ("Panelová diskuse – Kdo ohlídá vodu v krajině?", "Kdo ohlídá vodu v krajině?"),
    # a word that only opens a title stays
    ("Conferences as Places of Learning", "Conferences as Places of Learning"),
    ("Discussions of Tides in Old Almanacs", "Discussions of Tides in Old Almanacs"),
    ("Laboratory Animals: A History", "Laboratory Animals: A History"),
])
def test_a_kind_before_the_title_goes(summary: str, title: str) -> None:
    assert parse_summary(summary).title == title


@pytest.mark.parametrize("summary,title", [
    ("Keepers of the Light: Lighthouse Keepers on the Brackwater Coast, 1850–1939",
     "Keepers of the Light: Lighthouse Keepers on the Brackwater Coast, 1850–1939"),
    ("Bread Riots in Port Towns, 1790—1820", "Bread Riots in Port Towns, 1790—1820"),
])
def test_a_dash_between_two_years_parts_nothing(summary: str, title: str) -> None:
    assert parse_summary(summary).title == title


@pytest.mark.parametrize("summary,series", [
    ("HCI Seminar Tues: Ada Roe on voice menus", "HCI Seminar"),
    # the day and date a Subject adds after the series' name are no part of it
    ("Stat seminar next Wed: Roe-Park", "Stat seminar"),
    ("Colloquium Tuesday 4/16 -- Roe-Park", "Colloquium"),
    ("PHYSICS COLLOQUIUM Mon 9 Dec: Ada Roe", "PHYSICS COLLOQUIUM"),
    ("Optics Lunch Thu, Apr 16: Ada Roe on lenses", "Optics Lunch"),
])
def test_the_day_after_a_series_name_goes(summary: str, series: str) -> None:
    assert parse_summary(summary).series == series


@pytest.mark.parametrize("summary,recurring,series,title", [
    # one or two words before a dash name the series
    ("Labour History - Trade and the Gold Standard", (), "Labour History", "Trade and the Gold Standard"),
    ("QMS – Pricing with Frictions", (), "QMS", "Pricing with Frictions"),
    # three may as well open the title, unless a series word or the calendar says otherwise
    ("Data Without Permission – What Cities Owe Their Residents", (), None,
     "Data Without Permission - What Cities Owe Their Residents"),
    ("Pint of Reason – Why Tides Have Two Bulges", ("Pint of Reason",), "Pint of Reason",
     "Why Tides Have Two Bulges"),
    ("Soil Science Colloquium — Water After the Aquifer", (), "Soil Science Colloquium",
     "Water After the Aquifer"),
    # a bracketed tag of one word names a series when it is a compound series name
    ("[Theorie-Kolloquium] Phasen in getriebenen Systemen", (), "Theorie-Kolloquium",
     "Phasen in getriebenen Systemen"),
    # a placeholder for each part is no title
    ("TBD - TBD", (), None, None),
    # the twelfth meeting of a series, then the title
    ("Roda de Filosofia #12 — O que devemos aos rios?", (), "Roda de Filosofia", "O que devemos aos rios?"),
    ("Data Seminar No. 5 - Graphs in the Wild", (), "Data Seminar", "Graphs in the Wild"),
])
def test_a_head_before_a_dash(summary: str, recurring: tuple[str, ...], series: str | None,
                              title: str | None) -> None:
    parse = parse_summary(summary, recurring=frozenset(recurring))
    assert (parse.series, parse.title) == (series, title)


@pytest.mark.parametrize("summary", [
    "Forty Wards, One Map: Rebuilding a Boundary Tool in the Open",
    "Seven Rivers, Two Cities: Water Law after 1900",
    # a question, then what it is about
    "Who Pays for Cheaper Eggs? Cage-Free Mandates and Retail Prices",
])
def test_a_title_with_a_comma_and_a_subtitle_names_no_person(summary: str) -> None:
    assert parse_summary(summary).speakers == []


@pytest.mark.parametrize("summary", [
    "Effective Chabauty–Kim for the thrice-punctured line in depth four",
    "Navier–Stokes Flows in Thin Films",
])
def test_an_en_dash_inside_a_compound_parts_nothing(summary: str) -> None:
    assert parse_summary(summary).title == summary


def test_the_guest_of_an_evening_the_text_calls_a_poet() -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
                "UID:1@example.org\r\nDTSTART:20261104T193000Z\r\n"
                "SUMMARY:An Evening with Zephyrine Odutola-Marsh\r\n"
                "DESCRIPTION:The bookshop is thrilled to welcome poet Zephyrine Odutola-Marsh\\, "
                "who will read from her new collection.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert [p["name"] for p in record["speakers"]] == ["Zephyrine Odutola-Marsh"]


def test_an_honorific_before_the_colon_names_the_speaker() -> None:
    # "Dr" says a person even when the given name is not a known one
    parse = parse_summary("Dr Hesketh Amankwah-Park: Stone Bridges of the District")
    assert ([p.name for p in parse.speakers], parse.title) == (
        ["Hesketh Amankwah-Park"], "Stone Bridges of the District")


@pytest.mark.parametrize("sentence,series", [
    ("The panel is the spring event in the university's Prairie Issues Forum.", "Prairie Issues Forum"),
    ("It opens the museum’s Third Thursday Lectures this year.", "Third Thursday Lectures"),
    # an owner of any name, and a season before the programme's name
    ("It is the winter program in the planetarium's Skyward Lectures.", "Skyward Lectures"),
    ("It opens the Orland Museum of Natural History's spring Deep Time Evenings.", "Deep Time Evenings"),
    # a programme that the sentence says someone presents or pays for
    ("The Lantern Lectures are presented by Gilford Trust Bank.", "Lantern Lectures"),
    # the owner's programme must be named, in capitals
    ("It is the university's spring forum on farming.", None),
])
def test_a_programme_an_institution_calls_its_own(sentence: str, series: str | None) -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
                "UID:1@example.org\r\nDTSTART:20010327T190000Z\r\nSUMMARY:Get Big or Get Out?\r\n"
                f"DESCRIPTION:{sentence} A panel of farmers will debate.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["series"] == series


@pytest.mark.parametrize("summary", ["Faculty meeting", "School meeting", "Reading period",
                                     "study break + boba"])
def test_a_kind_of_event_that_is_no_talk_has_no_title_or_series(summary: str) -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@example.edu\r\n"
                f"DTSTART:20261102T160000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert (record["title"], record["series"]) == (None, None)


@pytest.mark.parametrize("sentence,series", [
    ("The school will host Ada Roe for a talk on April 22 in its Policy at Noon series.",
     "Policy at Noon"),
    ("Topic: Guest to Lecture at Botany Colloquium", "Botany Colloquium"),
])
def test_a_series_name_may_hold_at(sentence: str, series: str) -> None:
    record, = extract_bytes(f"# A talk\n\n{sentence}\n".encode(), path="page.md")
    assert record["series"] == series


def test_a_series_prefix_goes_before_the_subtitle_the_text_gives_is_added() -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:y@example.edu\r\n"
                "DTSTART:20261102T160000Z\r\n"
                "SUMMARY:Evening Lecture-Recital: Songs from the Camps – Ada Roe-Park\r\n"
                "DESCRIPTION:Soprano Ada Roe-Park presents a lecture-recital.\\n\\nSongs from the "
                "Camps: Music Written Behind the Wire\\n\\nDuring the war\\, musicians wrote songs."
                "\\n\\nPart of the Evening Lecture-Recital series.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["title"] == "Songs from the Camps: Music Written Behind the Wire"


def test_an_acronym_series_spelled_out_with_hyphens_in_the_text() -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:z@example.edu\r\n"
                "DTSTART:20261102T160000Z\r\nSUMMARY:WIP Seminar: Dr Ada Roe-Park – Ledgers of Grief\r\n"
                "DESCRIPTION:Our Work-in-Progress Seminar continues with Dr Ada Roe-Park\\, who "
                "will share a draft chapter.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["series"] == "Work-in-Progress Seminar"


def test_an_honorific_and_a_surname_after_a_series_is_its_speaker_not_a_title() -> None:
    parse = parse_summary("Pre-Health Speaker Series - Dr. Adebayo-Ross")
    assert (parse.series, parse.title, [p.name for p in parse.speakers]) == (
        "Pre-Health Speaker Series", None, ["Adebayo-Ross"])


@pytest.mark.parametrize("summary,series,speaker", [
    # a name with an honorific after a colon: the part before it names the programme
    ("Science Nights: Dr. Ilse Varga-Thornbury", "Science Nights", "Ilse Varga-Thornbury"),
    ("Night Walks: Prof. Kofi Arden-Blake", "Night Walks", "Kofi Arden-Blake"),
])
def test_an_honorific_after_a_colon_marks_the_speaker(summary: str, series: str,
                                                      speaker: str) -> None:
    parse = parse_summary(summary)
    assert (parse.series, [p.name for p in parse.speakers]) == (series, [speaker])



def test_a_job_market_label_before_the_candidate_names_no_series() -> None:
    parse = parse_summary("Job Market: Lin Oduya-Feng (Pellworth) - Childcare Subsidies and Maternal Careers")
    assert (parse.series, [p.name for p in parse.speakers], parse.title) == \
        (None, ["Lin Oduya-Feng"], "Childcare Subsidies and Maternal Careers")


def test_two_capitalised_phrases_joined_by_and_are_no_people() -> None:
    assert parse_summary("Childcare Subsidies and Maternal Careers").speakers == []


@pytest.mark.parametrize("coauthors", ["joint w/ Tomás Lindqvist & Ruth Achterberg",
                                       "(joint work with Ruth Achterberg)"])
def test_a_papers_title_over_its_coauthors_line_under_a_speaker_summary(coauthors: str) -> None:
    record = _record_of("Nadia Okonkwo-Brandt (Harlow University)",
                        f"Rent Control and the Timing of Household Formation\\n{coauthors}\\n\\n"
                        "Lunch from 12:15 in the lounge.")
    assert record["title"] == "Rent Control and the Timing of Household Formation"


def test_a_quoted_line_with_its_coauthors_after_it_is_the_title() -> None:
    record = _record_of("Marguerite Osei (Central Bank of Norland)",
                        "New date!\\n\\n“Forward Guidance When Households Don't Listen” (with Ilse "
                        "Varga-Montoya)\\n\\nWe study how central bank communication reaches households.")
    assert record["title"] == "Forward Guidance When Households Don't Listen"


def _record_of(summary: str, description: str) -> dict:
    """Return the record of one VEVENT with this SUMMARY and DESCRIPTION (escaped as in a feed)."""
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.edu\r\n"
                f"DTSTART:20261026T160000Z\r\nSUMMARY:{summary}\r\nDESCRIPTION:{description}\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    return record


@pytest.mark.parametrize("summary,series", [("QRS", "QRS"), ("TBA", None), ("TBD", None)])
def test_a_lone_acronym_is_a_series_but_a_placeholder_is_not(summary: str, series: str | None) -> None:
    assert parse_summary(summary).series == series


@pytest.mark.parametrize("summary,title", [
    # a status written in two languages goes before the title
    ("ABGESAGT / CANCELLED: Neutron stars as dark-matter detectors", "Neutron stars as dark-matter detectors"),
    # a word that is a status only as a mail's prefix stays inside a name
    ("Re/Max open house", "Re/Max open house"),
])
def test_a_bilingual_status_before_the_title_goes(summary: str, title: str) -> None:
    assert parse_summary(summary).title == title


@pytest.mark.parametrize("summary,series", [
    # a note that the room changed is no series
    ("ROOM CHANGE for tonight's lecture - Ada Roe-Park", None),
    ("Room change: Ada Roe-Park", None),
    ("New venue - Ada Roe-Park", None),
    # a name that only opens with those words stays
    ("New Room Acoustics Seminar: Ada Roe-Park", "New Room Acoustics Seminar"),
])
def test_a_room_change_note_is_no_series(summary: str, series: str | None) -> None:
    parse = parse_summary(summary)
    assert parse.series == series and parse.speakers[0].name == "Ada Roe-Park"


def test_the_speaker_before_a_colon_goes_though_the_title_after_it_reads_like_a_name() -> None:
    # "Harper Falling" could be a person's name, so the SUMMARY is not parted as "Name: Title";
    # the text names the speaker, and her name goes from the title.
    from conftest import one_event_record
    record = one_event_record("Ada Roe-Quist: Harper Falling",
                              "Ada Roe-Quist in conversation with Bo Okafor-Lind about her new book.")
    assert [p["name"] for p in record["speakers"]] == ["Ada Roe-Quist"]
    assert record["title"] == "Harper Falling"


@pytest.mark.parametrize("summary,series", [
    # who gives the talk, its kind and a course's code: no series
    ("Guest Lecture: Deep excavations in soft clays", None),
    ("CE4021 Guest Lecture: Deep excavations in soft clays", None),
    ("guest lecture: Enforcing awards against states", None),
    # a launch, a family workshop, a society's monthly programme: kinds of evening
    ("Book Launch: The Quiet Builders", None),
    ("Family workshop: Build your own sundial", None),
    ("Monthly Program: The Interurban Years", None),
    ("Short course: Soil sampling for beginners", None),
    # an exceptional meeting of a series, before its speaker
    ("Conférence exceptionnelle : Aline Roe", None),
    # a name before the kind makes it a series
    ("Harkness Guest Lecture: Deep excavations in soft clays", "Harkness Guest Lecture"),
    ("Evening Lecture: The Interurban Years", "Evening Lecture"),
])
def test_a_kind_of_event_before_the_colon_is_no_series(summary: str, series: str | None) -> None:
    assert parse_summary(summary).series == series


@pytest.mark.parametrize("summary,description", [
    ("Messier Marathon Observing Night (members & guests)",
     "Late March is the only time of year it's possible. Join the observing group at the "
     "dark-sky site from dusk till the small hours."),
    ("Wine Tasting: Cool-Climate Whites", "Taste eight whites from small wineries, with paired "
     "canapés from the kitchen. Members $55, guests $65."),
    ("Research essay proposal is due", "Submit a one-page proposal with a provisional "
     "bibliography via the link in the Assessment block."),
    ("End of semester drinks", "Last one for the semester - come for one or stay for several."),
])
def test_an_evening_that_is_no_talk_has_no_title_or_abstract(summary: str, description: str) -> None:
    from conftest import one_event_record
    record = one_event_record(summary, description.replace(",", "\\,"))
    assert (record["title"], record["abstract"]) == (None, None)


_ZOOM_INVITATION = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example//Webinars//EN\r
BEGIN:VEVENT\r
UID:webinar-1@example.edu\r
DTSTART:20181031T160000Z\r
SUMMARY:Pharmacology Frontiers | Panel: Drug repurposing for tropical diseases\r
DESCRIPTION:You are invited to a Zoom webinar.\\nTopic: Pharmacology Frontiers | \r
 Panel: Drug repurposing for tropical diseases\\n\\nDescription: Panelists:\\n\r
 Dr. Ada Okonjo-Barreto\\, Senior Researcher\\, Example Institute of Tropical M\r
 edicine\\nBeatriz Quintanilha-Reyes\\, Head of Science\\, Example Pharma Ltd\\n\r
 Moderator: Prof. Caio Meirelles-Abbott\\n\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_zoom_topic_that_repeats_the_summary_is_read_as_the_summary_is() -> None:
    """The "Topic:" line gives way to the SUMMARY's parts, and "Description: Panelists:" labels
    the list under it."""
    record, = extract_bytes(_ZOOM_INVITATION.encode(), path="webinar.ics")
    assert record["title"] == "Drug repurposing for tropical diseases"
    assert record["series"] == "Pharmacology Frontiers"
    assert [p["name"] for p in record["speakers"]] == ["Ada Okonjo-Barreto", "Beatriz Quintanilha-Reyes"]


@pytest.mark.parametrize("opening,title", [
    pytest.param("Near-linear time algorithms for $k$-connected subgraphs",
                 "Near-linear time algorithms for $k$-connected subgraphs", id="the title alone"),
    pytest.param("<b>Models that know what they don&#39;t know</b>",
                 "Models that know what they don't know", id="the title in bold"),
    pytest.param("Department of Tidal Studies", None, id="the host department is no title"),
    pytest.param("Theory Seminar", None, id="nor is the series"),
])
def test_a_summary_that_names_only_the_speaker_leaves_the_title_to_the_opening_line(
        opening: str, title: str | None) -> None:
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\n"
                "DTSTART:20260217T170000Z\r\nSUMMARY:Aleksandra Roe-Quillan (University of Fenmore)\r\n"
                f"DESCRIPTION:{opening}\\n\\nWe give a deterministic algorithm for the problem and "
                "show that it is optimal.\\n\\nHost: Bo Okafor-Lind\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    assert record["title"] == title
    assert [p["name"] for p in record["speakers"]] == ["Aleksandra Roe-Quillan"]
