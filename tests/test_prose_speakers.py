"""Speakers named around a cue in a calendar description (all people invented)."""
from __future__ import annotations

import pytest

from extractor.announcement import parse_announcement
from extractor.fields.people import Person
from extractor.fields.prose_speakers import prose_candidate
from extractor.reading.ics import VeventView


def _people(description: str, *, page: str | None = None, summary: str = "") -> list[Person]:
    """Return the people prose_candidate names in ``description`` (a calendar's, or a
    ``page``'s of that format), or []."""
    view = VeventView(index=0, kind="text" if page else "calendar", text_format=page,
                      description=description, summary=summary)
    found = prose_candidate(parse_announcement(view))
    return list(found.value) if found else []


def test_a_welcome_line_names_no_one_of_the_agenda_line_below() -> None:
    """The honorific name after a cue is looked for on the cue's line, and read whole."""
    agenda = ("AGENDA\n8:30  Registration, coffee & rolls\n9:00  Welcome – Dana Kerrow-Reyes, County "
              "Extension Director\n9:15  Tar spot in 2025 and what it means for 2026 – Dr. Luis "
              "Montenegro-Abarca, Extension Plant Pathologist, Fenmore State University\n")
    found = _people(agenda, summary="Winter Crops Meeting")
    names = [p.name for p in found]
    assert all(name in agenda for name in names) and "Luis Montenegro" not in names


def test_a_release_names_its_reader_not_the_quoted_book_the_next_reader_or_a_quoted_host() -> None:
    release = ('WESTERLEIGH, Mass.--Miranda Ferrante-Park, whose first novel, "The Lamplighter\'s '
               'Daughters," won an award in 1998, will read from her new novel at 7:30 p.m.\n\n'
               '"It\'s a joy to welcome her home," said Prof. Lucan Trask-Mulvey, the series director.\n\n'
               "The series continues on Thursday, April 24, with a reading by poet Leopold Danquah-Reiss.\n")
    found = _people(release, page="md")
    assert [p.name for p in found] == ["Miranda Ferrante-Park"]


def test_the_person_whose_lecture_it_is() -> None:
    release = ("This year's choice is Miranda Threlkeld-Park, professor of chemistry at Example "
               "University.\n\nThrelkeld-Park's lecture, \"Everything Is Made of Something,\" will begin "
               "at 8 p.m. in the Ballroom.\n")
    found = _people(release, page="md")
    assert [p.name for p in found] == ["Miranda Threlkeld-Park"]


def test_a_thing_after_the_article_is_no_one_but_the_reverend_is() -> None:
    release = ("Three people who have argued for years over the Marrow River will share a stage on "
               "Friday.\n\nThe panelists are Ada Trelawny-Fisk, professor of law at Example University; "
               "and Bo Halloran-Ames, a senior hydrologist with the Example Basin Water District.\n")
    found = _people(release, page="md")
    assert "Marrow River" not in [p.name for p in found]
    invocation = "At the service, the Reverend Cyril Ashdown-Pike will offer an invocation.\n"
    found = _people(invocation, page="md")
    assert [p.name for p in found] == ["Cyril Ashdown-Pike"]


def test_the_named_speaker_will_show_but_i_will_show_names_no_one() -> None:
    named = ("Drawing on fifteen years of cores from the prairie, Dr. Tamsin Ashdown-Vale will show "
             "how water-table swings decide the fate of a wetland's carbon.\n")
    found = _people(named, summary="Wetlands")
    assert [p.name for p in found] == ["Tamsin Ashdown-Vale"]
    own_words = ("In this talk, I will demonstrate how to close the gap. First, drawing from examples "
                 "in my research, I will show how to design practical strategies.\n")
    assert _people(own_words, summary="The Gap") == []


@pytest.mark.parametrize("description,names", [
    pytest.param("The Harbour Lecture Series continues with urban forester Dr. Bettina Ashcombe-Ray of "
                 "the Lakes Canopy Project.\n", ["Bettina Ashcombe-Ray"], id="the series continues with"),
    pytest.param("In this lecture, Dr Hyun-woo Castleton-Price, Senior Lecturer in Linguistics at "
                 "Example University, shows how notes can be read.\n", ["Hyun-woo Castleton-Price"],
                 id="shows how"),
    pytest.param("Historian Dr. Marcus Quill-Benton and Anneliese Forsythe-Nkem, archivist at the "
                 "Example Historical Society, present an illustrated talk.\n",
                 ["Marcus Quill-Benton", "Anneliese Forsythe-Nkem"], id="two people present a talk"),
    pytest.param("Dr. Ayo Lindell-Bello (Example University) is coming to talk about dreams!\n",
                 ["Ayo Lindell-Bello"], id="is coming to talk"),
    pytest.param("We're delighted to host Dr. Kwame Heuer-Lindell from the Centre for Molecular "
                 "Learning at Example University.\n", ["Kwame Heuer-Lindell"], id="delighted to host"),
    pytest.param("Ada Roe, professor of economics at Example State University, and Tobias Sturm, "
                 "senior fellow at the Example Institute, will take opposite sides of that question "
                 "in a public debate.\n", ["Ada Roe", "Tobias Sturm"], id="will take opposite sides"),
    pytest.param("HALE, Pa.—Margit Bjorn-Ayer, senior curator of prints at the Example Museum, will "
                 "open the museum's fall Thursday Evening Lectures at 7 p.m.\n", ["Margit Bjorn-Ayer"],
                 id="will open the series"),
    pytest.param("It's May, and so is the Science Café. This month's guest is Dr Ifeoma Roe-Quist, "
                 "who leads the pollinator group at Example University.\n", ["Ifeoma Roe-Quist"],
                 id="this month's guest is"),
    pytest.param("Ada Roe-Quist '04, a senior engineer at Example Grid Storage, will return to the "
                 "college to give a public talk on batteries.\n", ["Ada Roe-Quist"],
                 id="an alumna's class year, will return to"),
    pytest.param("Our guests are retired weaver Ada Roe-Quist, who started at sixteen; Bo Okafor-Lind, "
                 "a teacher; and Cy Dunmore-Hale, curator at the Example Mill Museum.\n",
                 ["Ada Roe-Quist", "Bo Okafor-Lind", "Cy Dunmore-Hale"], id="our guests are"),
    pytest.param("Crows never forget a face. This month's guest, Anselm Roe-Diallo, is a PhD candidate at "
                 "Example State University.\n", ["Anselm Roe-Diallo"], id="this month's guest, X,"),
    pytest.param("Our speaker this month is Dr Ada Roe-Quist, a postdoctoral researcher in the School "
                 "of Physics at Example University.\n", ["Ada Roe-Quist"], id="our speaker this month is"),
    pytest.param("Our guest speaker tonight is Bo Okafor-Lind, who keeps bees on the roof of the "
                 "Example Library.\n", ["Bo Okafor-Lind"], id="our guest speaker tonight is"),
])
def test_more_ways_to_say_who_speaks(description: str, names: list[str]) -> None:
    found = _people(description, summary="A talk")
    assert [p.name for p in found] == names


@pytest.mark.parametrize("paren,affiliation", [
    pytest.param("Department of History of Science, University of Wexford-on-Sea",
                 "University of Wexford-on-Sea", id="a department, then the university"),
    pytest.param("Lakes Institute, University of Wexford-on-Sea",
                 "Lakes Institute, University of Wexford-on-Sea", id="an institute stays as written"),
])
def test_the_institution_in_parentheses_after_a_name(paren: str, affiliation: str) -> None:
    text = f"Professor Adaeze Kilmore-Moss ({paren}) explores how mirror-makers were poisoned.\n"
    found = _people(text, summary="Mirrors")
    assert [p.affiliation for p in found] == [affiliation]


@pytest.mark.parametrize("appositive,employer", [
    pytest.param("a geriatric pharmacist with Vale Ridge Health", "Vale Ridge Health",
                 id="an occupation with an employer"),
    pytest.param("a geriatric pharmacist with Vale Ridge Health who has spent fifteen years reviewing "
                 "the medicine lists of older patients in three counties", "Vale Ridge Health",
                 id="and a long clause after it"),
    pytest.param("state public health pharmacist with the Tarrow County Department of Health",
                 "Tarrow County Department of Health", id="a government department, without the post"),
])
def test_the_employer_of_an_occupation_after_a_name(appositive: str, employer: str) -> None:
    text = f"Presented by Dr. Nadia Okonkwo-Leary, {appositive}.\n"
    found = _people(text, summary="Medicines and memory")
    assert [(p.name, p.affiliation) for p in found] == [("Nadia Okonkwo-Leary", employer)]


def test_who_welcomes_or_chairs_is_no_speaker() -> None:
    programme = ("Programme\n17:30 Tea and coffee in the Library\n18:00 Welcome from the President, "
                 "Dr Ravel Menon-Hartwell, who will chair the lecture\n18:05 Lecture\n")
    found = _people(programme, page="html")
    assert "Ravel Menon-Hartwell" not in [p.name for p in found]


def test_a_centre_at_a_university_gives_the_university() -> None:
    text = ("We're delighted to host Dr. Kwame Heuer-Lindell from the Centre for Molecular Learning "
            "at Example University.\n")
    found = _people(text, summary="Seminar")
    assert [p.affiliation for p in found] == ["Example University"]


def test_who_to_ask_to_meet_the_speaker_is_no_speaker() -> None:
    text = ("The lecture series presents its spring guest.\n\nTo meet with the speaker, please "
            "contact Dana Whitcombe (dwhitcombe@example.edu).\n")
    assert _people(text, summary="Distinguished Lecture") == []


@pytest.mark.parametrize("object_", ["the speaker", "him", "this year's lecturer", "Judge Iwu-Kessler"])
def test_who_will_introduce_the_speaker_is_no_speaker(object_: str) -> None:
    text = f"President Maren Oyelowo-Pratt will introduce {object_}. The singers will perform.\n"
    assert "Maren Oyelowo-Pratt" not in [p.name for p in _people(text, summary="Founders' Day")]


@pytest.mark.parametrize("description,affiliation", [
    ("Join Professor Ada Roe-Quist of Example University as she discusses the history of tidal "
     "mills.", "Example University"),
    ("Join Dr. Bo Okafor-Lind from the Example Institute of Technology as he explores how bridges "
     "fail.", "Example Institute of Technology"),
    ("Join Dr. Bo Okafor-Lind of the Centre for the Study of Tides and Mills for an evening of "
     "questions.", "Centre for the Study of Tides and Mills"),
])
def test_the_institution_after_of_ends_where_the_sentence_goes_on(description: str,
                                                                  affiliation: str) -> None:
    assert [p.affiliation for p in _people(description, summary="Public lecture")] == [affiliation]


@pytest.mark.parametrize("opening,name", [
    ("Prof. Ada de Barra MRIA, Professor Emeritus of Astronomy, Example University, returns by "
     "popular demand.", "Ada de Barra"),
    ("Sir Bo Okafor-Lind KC, of Example Chambers, will speak on the law of the foreshore.",
     "Bo Okafor-Lind"),
])
def test_a_name_keeps_its_particle_and_loses_its_post_nominals(opening: str, name: str) -> None:
    from conftest import one_event_record
    record = one_event_record("Sundials and the law", opening.replace(",", "\\,"))
    assert [p["name"] for p in record["speakers"]] == [name]


@pytest.mark.parametrize("page", ["md", "html"])
def test_panelists_listed_on_lines_below_a_colon_are_the_speakers_not_the_moderator(page: str) -> None:
    release = ("The panel opens the season of the Example Commons series.\n\n"
               "The panelists are:\n\n"
               "- Ines Halvorsen-Teague ('03, civil engineering), associate professor of hydrology at "
               "Example University, whose group maps the city's flood plains;\n"
               "- Marco Delacroix-Obi, chief resilience officer for the City of Wendham, who runs its "
               "cooling centers; and\n"
               "- Ruth Ankrah-Lindqvist, executive director of Northside Neighbors for Health, a "
               "nonprofit that checks on older residents.\n\n"
               "Petra Valdés-Mourne, a reporter for the Wendham Courier, will moderate.\n")
    found = _people(release, page=page)
    assert found == [Person("Ines Halvorsen-Teague", "Example University"),
                     Person("Marco Delacroix-Obi", "City of Wendham"),
                     Person("Ruth Ankrah-Lindqvist", "Northside Neighbors for Health")]


def test_who_will_be_joined_by_someone_speaks_with_them_but_a_joining_moderator_does_not() -> None:
    release = ("Historian Ignacio Ferrant-Obuya, professor of history at Example University and author "
               "of Cold Furnaces: Steel, Work and Family, will be joined by Delia Marchetti-Howe, who ran "
               "a crane in the mill for 19 years.\n\nSilas Brennard, the museum's curator, will moderate.\n")
    assert _people(release, page="md") == [Person("Ignacio Ferrant-Obuya", "Example University"),
                                           Person("Delia Marchetti-Howe", None)]
    moderated = ("Ada Quillfeather-Roe, professor of history at Example University, will be joined by "
                 "moderator Silas Brennard.\n")
    assert [p.name for p in _people(moderated, page="md")] == ["Ada Quillfeather-Roe"]


@pytest.mark.parametrize("description,name,affiliation", [
    # "of" an institution in Italian and Spanish, before a verb that says who lectures
    ("Nell'ambito del ciclo di lezioni, la prof.ssa Ada Roe-Ferri dell'Università di Valsecca "
     "terrà una lezione magistrale dal titolo «Il corpo e la promessa».", "Ada Roe-Ferri",
     "Università di Valsecca"),
    ("La Dra. Bo Okafor Lind de la Universidad de Almarza dictará una conferencia sobre el agua.",
     "Bo Okafor Lind", "Universidad de Almarza"),
])
def test_a_speaker_named_in_a_romance_sentence(description: str, name: str, affiliation: str) -> None:
    assert [(p.name, p.affiliation) for p in _people(description, summary="Lezione")] == \
        [(name, affiliation)]


def test_de_before_a_surname_does_not_cut_a_name_from_an_institution() -> None:
    found = _people("Ana Maria de Souza impartirá una charla sobre ríos.", summary="Charla")
    assert ("Ana Maria", "Souza") not in [(p.name, p.affiliation) for p in found]
