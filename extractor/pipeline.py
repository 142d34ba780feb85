"""The spaCy pipeline: ``spacy.blank("en")`` plus our rule components; no trained model."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from .components import cues  # noqa: F401 - registers the talk_cues factory


@cache
def build_pipeline() -> Language:
    """Return the pipeline, built once per process from the rule data under models/."""
    nlp = spacy.blank("en")
    nlp.add_pipe("talk_cues")
    return nlp
