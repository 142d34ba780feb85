"""The spaCy pipeline: ``spacy.blank("en")`` plus our rule components; no trained model."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from .components import cues  # noqa: F401 - registers the talk_cues factory


_NO_LENGTH_LIMIT = 2**62


@cache
def build_pipeline() -> Language:
    """Return the pipeline, built once per process from the rule data under models/."""
    nlp = spacy.blank("en")
    # spaCy refuses texts over a million characters to spare the memory of a parser and an
    # entity recogniser, which this pipeline has neither of; --max-chars bounds our inputs.
    nlp.max_length = _NO_LENGTH_LIMIT
    nlp.add_pipe("talk_cues")
    return nlp
