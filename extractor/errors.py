"""The exception tree and its numbered messages, in one place.

Every message names the input (file and, for a calendar, the event's UID or index), says what
was wrong and what to do about it. Codes are stable: tools that read error records key on them.
"""
from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, str]] = {
    "E001": "{path}: cannot read the file ({reason}). Check that it exists and is readable.",
    "E002": "{path}: the bytes are not text in {encoding}. Pass --encoding with the right one "
            "(e.g. --encoding cp1252).",
    "E003": "{path}: no calendar events and no announcement text found. Is it an .ics, .txt, "
            ".eml, .md or .html file?",
    "E004": "{path}, event {event}: the VEVENT cannot be parsed ({reason}). The other events of "
            "the file were read; fix or remove this one.",
    "E005": "{path}, event {event}: the extractor failed on this event ({reason}). This is a bug: "
            "please report it with the event attached.",
    "E006": "{path}, event {event}: the record does not match the output schema ({reason}). This "
            "is a bug: please report it with the event attached.",
    "E007": "{path}: the VEVENT starting at line {line} has no END:VEVENT; it was read up to the "
            "end of the file. Check that the file was not cut short.",
    "E008": "{path}: the text is {size} characters long, over the limit of {limit} "
            "(--max-chars). Raise the limit or split the file.",
    "E009": "{path}: not found. Check the path, or pass - to read standard input.",
    "E010": "{path}: unknown encoding {encoding!r}. Use a Python codec name such as utf-8, "
            "cp1252 or latin-1.",
    "E011": "{path}: cannot write the index ({reason}). Check that no other 'extract --index' "
            "is writing it and that the folder is writable, then run again.",
    "E012": "{path}, events from {event} on: a worker process failed ({reason}). This is a bug: "
            "please report it with the file attached.",
    "E013": "{path}, event {event}: the VEVENT is {size} characters long, over the limit of "
            "{limit} (--max-chars). Raise the limit or fix the event; the other events were read.",
    "E014": "{path}: the file is empty. Check that it was not cut short, or leave it out.",
    "E015": "{path}: a calendar with no VEVENT in it (nothing to extract). Check that the export "
            "included the events, or leave the file out.",
    "E016": "{path}: the file name is not valid UTF-8, so it was skipped. Rename the file (e.g. "
            "convmv -f latin1 -t utf8) and run again.",
    "E017": "{path}, event {event}: {warning} (an error under --strict; leave out --strict to "
            "accept records with warnings).",
    "E018": "{path}: partition {partition} ({files} files from {first} on) failed on the Dask "
            "cluster ({reason}); it was not written, the other partitions were. Run again; if it "
            "fails again, run its files without --engine dask to find the one at fault.",
    # E1xx: the command line points at the wrong thing, or asks for what is not installed;
    # nothing was read or written (exit 2).
    "E101": "{path}: not a SQLite database, so not a talk index. Pass a new file name to create "
            "an index there, or the file an earlier 'extract FOLDER --index FILE' made.",
    "E102": "{path}: a SQLite database, but not a talk index made by 'extract --index' (its "
            "application id is {found}). It was left untouched; pass another file name.",
    "E103": "{path}: no such index. Build it first with 'extract FOLDER --index {path}'.",
    "E104": "{path}: the talk index has format version {found}; this extract reads version "
            "{wanted}. Rebuild it: remove the file and run 'extract FOLDER --index {path}'.",
    "E105": "the query {query!r} has no words to search for. Give words, \"a phrase\" or a "
            "prefix*, e.g. extract search talks.db \"deep learning\".",
    "E106": "the Dask engine needs the dask and distributed packages ({reason}). Install them "
            "with pip install 'talk-extractor[dask]', or leave out --engine dask.",
    "E107": "{path}: cannot write partitions there ({reason}). With --engine dask, -o names the "
            "folder the JSON Lines partitions are written to (part-00000.jsonl, ...); pass a new "
            "folder or an existing one you may write to.",
    "E108": "standard input (-) cannot be read by Dask workers. Save it to a file and pass the "
            "file, or leave out --engine dask.",
    "E109": "cannot reach the Dask scheduler at {address} ({reason}). Check the address "
            "(tcp://host:8786) and that the scheduler is running, or leave out --scheduler to "
            "run on this machine's cores.",
}


def message(code: str, **details: object) -> str:
    """Return the message for ``code`` filled with ``details``."""
    return f"{code} " + MESSAGES[code].format(**details)


class ExtractorError(ValueError):
    """Root of the project's exceptions; carries a numbered code and a user-facing message."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(message(code, **details))


class InputError(ExtractorError):
    """An input (file, bytes, event) could not be read."""


class TalkIndexError(ExtractorError):
    """The SQLite index cannot be opened, is not ours, or cannot be written."""


class EngineError(ExtractorError):
    """The Dask engine cannot run: not installed, no scheduler, no folder to write to."""


class ConfigurationError(ExtractorError):
    """A pattern file, gazetteer or option is wrong: fail at once, before any input is read."""

    def __init__(self, text: str) -> None:
        self.code = "E100"
        self.details = {}
        ValueError.__init__(self, f"E100 {text}")
