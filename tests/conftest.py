"""Shared test fixtures: where the repository, our corpus and the (optional) dev corpus are."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractor.api import extract_bytes, extract_paths

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"


def one_event_record(summary: str, description: str) -> dict[str, Any]:
    """Return the record of a calendar holding one event (``description`` written as an ICS
    TEXT value already: "\\n" for a line break, "\\," for a comma)."""
    calendar = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\n"
                f"DTSTART:20260217T170000Z\r\nSUMMARY:{summary}\r\nDESCRIPTION:{description}\r\n"
                "END:VEVENT\r\nEND:VCALENDAR\r\n")
    record, = extract_bytes(calendar.encode(), path="feed.ics")
    return record


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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run the tests marked slow (full-size hostile inputs)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a full-size adversarial check; run with --runslow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
