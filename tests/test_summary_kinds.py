"""SUMMARY lines (invented): the kind of talk before a title, the day after a series."""
from __future__ import annotations

import pytest

from extractor.fields.summary import parse_summary


@pytest.mark.parametrize("summary,title", [
    ("Keynote: Tides of the Inner Harbour", "Tides of the Inner Harbour"),
    # "talk" and "lecture" in other languages
    ("Charla: Ríos atmosféricos y sequía", "Ríos atmosféricos y sequía"),
    ("Vortrag: Moore als Klimaschützer", "Moore als Klimaschützer"),
    ("Conférence : Les marées du port", "Les marées du port"),
    ("Föreläsning: Lavar från rymden", "Lavar från rymden"),
    ("Wykład: Rzeki i susza", "Rzeki i susza"),
    # a word that only opens a title stays
    ("Conferences as Places of Learning", "Conferences as Places of Learning"),
])
def test_a_kind_before_the_title_goes(summary: str, title: str) -> None:
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
