"""The kind of talk written before a SUMMARY's title is no part of the title (invented lines)."""
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
