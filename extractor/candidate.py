"""A candidate value for a field, with where it came from (provenance) and the rule that found it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Candidate:
    """One proposed value of a field.

    ``source`` is the property it was read from (``DESCRIPTION``, ``SUMMARY``, ``LOCATION``...);
    ``span`` its character span in that property's text, when it has one.
    """

    field: str
    value: Any
    source: str
    rule: str
    span: tuple[int, int] | None = None

    def provenance(self) -> dict[str, Any]:
        """Return the JSON form of where this value came from."""
        found: dict[str, Any] = {"source": self.source, "rule": self.rule}
        if self.span is not None:
            found["span"] = list(self.span)
        return found
