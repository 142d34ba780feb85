"""Shared test fixtures: where the repository, our corpus and the (optional) dev corpus are."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractor.api import extract_paths

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The dev corpus beside the repository; tests that need it skip where it is absent."""
    if not (SHARED / "corpus" / "announcements" / "gold.jsonl").is_file():
        pytest.skip("../shared (the development corpus) is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def dev_records(shared: Path) -> list[dict[str, Any]]:
    """Every record of the dev corpus, extracted once for all the tests that need them."""
    return list(extract_paths([str(shared / "corpus" / "announcements")]))
