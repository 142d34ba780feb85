"""Person names in plain text, found by scanning its words one by one.

A run is a stretch of consecutive name-like words (capitalised words, initials, particles, a
leading honorific); the longest part of a run with a person's shape is the name. Words are
matched with bounded patterns and never with an open-ended regex over the text, so every step
is linear in the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import rules
from ..deferred import deferred
from ..shapes import has_head, is_person_name

# Call-time patterns, each compiled once, at its first use.
# An initial: a capital and a full stop.
_INITIAL = deferred(r"\p{Lu}\.")
# A name that ends in an initial or "Jr."/"Sr.".
_INITIAL_END = deferred(r"(?:\b\p{Lu}|\bJr|\bSr)\.$")

# One whitespace-separated word, bounded so that a run of junk cannot grow a match.
_WORD = deferred(r"[^\s/]{1,80}")
_NAME_WORD = deferred(r"\p{Lu}[\p{L}\p{M}'’\-]{0,30}|\p{Lu}\.(?:-?\p{Lu}\.){0,2}"
                      r"|\(\p{Lu}[\p{L}\p{M}'’\-]{0,30}\)")
# A blank line parts paragraphs: no name and no sentence runs across it.
BLANK_LINE = deferred(r"\n[ \t]{0,200}\n")
_MAX_RUN = 8


@dataclass(frozen=True)
class Word:
    """One whitespace-separated word of a text and its character span."""

    text: str
    start: int
    end: int


def words(text: str, offset: int = 0) -> list[Word]:
    """Return the whitespace-separated words of ``text`` with offsets shifted by ``offset``.

    >>> [(w.text, w.start) for w in words("Dr. Roe/Lab", 10)]
    [('Dr.', 10), ('Roe', 14), ('Lab', 18)]
    """
    return [Word(m.group(), offset + m.start(), offset + m.end()) for m in _WORD.finditer(text)]


def bare(word: str) -> str:
    """Return ``word`` without the quotes and punctuation around it.

    >>> bare('"Roe,"')
    'Roe'
    """
    return word.strip("\"'“”‘’`*").rstrip(",;:!?").strip("\"'“”‘’`*")


def word_key(word: str) -> str:
    """Return the lookup key of ``word`` in the gazetteers: bare, without full stops, lower-case.

    >>> word_key("Ph.D.,")
    'phd'
    """
    return bare(word).replace(".", "").lower()


@cache
def honorifics() -> frozenset[str]:
    """Return the titles that may stand before a name, plural forms included."""
    return rules.gazetteer("honorifics") | rules.gazetteer("speaker_titles")


def is_name_word(word: str) -> bool:
    """Return whether ``word`` may stand in a name: capitalised, an initial or a particle.

    >>> [is_name_word(w) for w in ["Roe,", "J.", "van", "Speaker:", "talk", "al-Hassan", "pre-Roman"]]
    [True, True, True, False, False, True, False]
    """
    if word.endswith(":"):
        return False  # "Speaker:" or "Dates:" is a label, never part of a name
    core = bare(word).rstrip(".") if not _INITIAL.fullmatch(bare(word)) else bare(word)
    if _NAME_WORD.fullmatch(core) or core.lower() in rules.gazetteer("name_particles"):
        return True
    # "al-Hassan", "el-Mahdi": a particle joined to the capitalised word after it.
    particle, hyphen, rest = core.partition("-")
    return bool(hyphen) and particle.lower() in rules.gazetteer("name_particles") and \
        bool(_NAME_WORD.fullmatch(rest))


def _ends_run(word: str) -> bool:
    """Return whether punctuation after ``word`` closes a name ("Hermes," or "Hall.").

    >>> _ends_run("Hedges”"), _ends_run("“Jo”"), _ends_run("Dr.")
    (True, False, False)
    """
    if word.rstrip("\"'”’").endswith((",", ";", ":", "!", "?", ")")) and not word.startswith("("):
        return True
    if word.endswith(("”", "\"")) and not word.startswith(("“", "\"")):
        return True  # the last word of a quoted title ('... Our Hedgerows”'); "“JJ”" goes on
    if word.rstrip("\"'”’").endswith("."):  # 'Presidency."' ends a sentence too
        core = word.strip("\"'“”’(").rstrip(".")
        # "D." and "Dr." continue a name; a full word with a full stop ends the sentence.
        return not (len(core) == 1 or core.lower() in honorifics())
    return False


def runs(scanned: list[Word], *, cross_lines: bool, text: str,
         offset: int = 0) -> list[list[Word]]:
    """Return the runs of consecutive name-like words (capitalised, initials, particles)."""
    found: list[list[Word]] = []
    current: list[Word] = []
    for word in scanned:
        gap = text[current[-1].end - offset:word.start - offset] if current else ""
        if current and ("\n" in gap and (not cross_lines or name_in_run(current))
                        or BLANK_LINE.search(gap) or "/" in gap):
            found.append(current)
            current = []
        if is_name_word(word.text) and (word.text[:1].isupper() or current
                                         or word.text[:1] in "\"“(") \
                or not current and word_key(word.text) in honorifics():
            current.append(word)
            if _ends_run(word.text) or len(current) >= _MAX_RUN:
                found.append(current)
                current = []
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def name_in_run(run: list[Word]) -> tuple[str, int, int] | None:
    """Return the longest person's name in a run (honorifics and degrees off), with its span."""
    titles, degrees = honorifics(), rules.gazetteer("degrees")
    suffixes = rules.gazetteer("name_suffixes")
    for first in range(len(run) - 1):
        # Only leading words go ("Artist Jane Roe"): a word after a name ("Roe Center") makes
        # the run an institution's name, not a person's.
        part = run[first:]
        while part and bare(part[0].text).rstrip(".").lower() in titles:
            part = part[1:]
        while part and (part[-1].text.startswith("(") or
                        word_key(part[-1].text) in degrees
                        and word_key(part[-1].text) not in suffixes):
            part = part[:-1]
        if len(part) < 2:
            continue
        name = " ".join(bare(w.text) for w in part)
        if not _INITIAL_END.search(name):
            name = name.rstrip(".")
        titled = len(part) < len(run) - first  # an honorific stood before the name
        if _is_name(name, titled=titled):
            last = part[-1]
            return name, part[0].start, last.start + len(last.text.rstrip(",;:!?\"'”’)"))
    return None


def _is_name(name: str, *, titled: bool = False) -> bool:
    """Return whether ``name`` has a person's shape; initials ("I.", "A") are not words here.

    After an honorific ("Prof. Bo Okafor Day") any capitalised words that are not the head of
    an institution, a unit or a date make a name, common English words included.
    """
    plain = plain_name(name)
    if any(word_key(w) in rules.gazetteer("calendar_words") for w in plain.split()):
        return False
    if is_person_name(plain):
        return True
    if titled and 2 <= len(plain.split()) <= 4 and not any(
            has_head(w, vocab) for w in plain.split()
            for vocab in ("institution_heads", "unit_heads")):
        name_words = plain.split()
        return len(bare(name_words[-1]).rstrip(".")) > 1 and \
            all(_NAME_WORD.fullmatch(bare(w).rstrip(".") or w) for w in name_words)
    full = [w for w in plain.split() if len(w.rstrip(".")) > 1]
    return len(full) >= 2 and len(full) < len(plain.split()) and is_person_name(" ".join(full))


def plain_name(name: str) -> str:
    """Return ``name`` without a nickname in parentheses: the shape check reads the rest.

    >>> plain_name("Robert (Bob) Roe")
    'Robert Roe'
    """
    return " ".join(w for w in name.split() if not w.startswith("("))


def surname(name: str) -> str:
    """Return the lower-cased last word of ``name``, the key its mentions are grouped by.

    >>> surname("Jane (JJ) Roe.")
    'roe'
    """
    name_words = plain_name(name).split()
    return name_words[-1].lower().strip(".,") if name_words else ""


def first_person_name(text: str, offset: int, *,
                      cross_lines: bool = True) -> tuple[str, int, int] | None:
    """Return the first person's name in ``text`` (which starts at ``offset``), with its span.

    >>> first_person_name("a talk by Dr. Jane Roe, Acme University", 100)
    ('Jane Roe', 114, 122)
    """
    for run in runs(words(text, offset), cross_lines=cross_lines, text=text, offset=offset):
        found = name_in_run(run)
        if found:
            return found
    return None


def leading_honorific(text: str) -> int:
    """Return how many characters of honorifics open ``text`` ("Dr. ", "Professor ").

    >>> leading_honorific("Dr. Professor Jane Roe")
    14
    """
    offset = 0
    for word in words(text):
        if bare(word.text).rstrip(".").lower() not in honorifics():
            break
        offset = word.end
        offset += len(text[offset:]) - len(text[offset:].lstrip())
    return offset
