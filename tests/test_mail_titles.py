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
