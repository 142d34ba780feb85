"""Shared test fixtures: where the repository, our corpus and the (optional) dev corpus are."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The dev corpus beside the repository; tests that need it skip where it is absent."""
    if not (SHARED / "corpus" / "announcements" / "gold.jsonl").is_file():
        pytest.skip("../shared (the development corpus) is not beside this checkout")
    return SHARED
