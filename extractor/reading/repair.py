"""Text that was encoded wrongly: guessing the encoding of bytes that are not UTF-8, and
repairing mojibake (UTF-8 that was once read as cp1252, "JosÃ©" for "José").

Both only act where the evidence is plain; every guess and every repair leaves a warning, so
a user can force ``--encoding`` when we chose wrong.
"""
from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any

from charset_normalizer import from_bytes

if TYPE_CHECKING:
    from .ics import VeventView

# Western European text is most of what is not UTF-8 in talk announcements, but a statistical
# guesser picks mac_latin2 or cp1250 for a short French or German line. cp1252 is taken when
# its reading looks like Western text (see _reads_as_western); otherwise charset-normalizer
# guesses.
WESTERN = "cp1252"
# In Western text most letters are ASCII; text in another script read as cp1252 has words
# made all of accented letters ("Ïðèâåò" for "Привет" in cp1251).
MAX_ACCENTED_SHARE = 0.3
_CP1252_PUNCTUATION = frozenset("€‚„…†‡‰‹›‘’“”•–—™")


def guess_encoding(data: bytes) -> str:
    """Return the encoding to read bytes that are not UTF-8 with: cp1252 when that reads as
    Western text, else charset-normalizer's guess, else cp1252.

    >>> guess_encoding("Café Müller, “Über” Zähne".encode("cp1252"))
    'cp1252'
    >>> guess_encoding(("Привет, как дела? " * 4).encode("cp1251"))
    'cp1251'
    """
    if _reads_as_western(data):
        return WESTERN
    best = from_bytes(data).best() if len(data) >= 32 else None
    return best.encoding if best is not None else WESTERN


def _reads_as_western(data: bytes) -> bool:
    """Return whether ``data`` read as cp1252 has only Latin letters and the usual
    punctuation beyond ASCII, and few enough of them."""
    try:
        text = data.decode(WESTERN)
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined
        return False
    letters = accented = 0
    for char in text:
        if char.isascii():
            letters += char.isalpha()
            continue
        if char.isalpha():
            if not unicodedata.name(char, "").startswith("LATIN"):
                return False
            letters += 1
            accented += 1
        elif char not in _CP1252_PUNCTUATION and not "\xa0" <= char <= "\xbf":
            return False
    return accented <= MAX_ACCENTED_SHARE * max(letters, 1)


def repair_mojibake(text: str) -> str:
    """Return ``text`` with UTF-8-read-as-cp1252 sequences decoded again, when ftfy is sure.

    >>> repair_mojibake("JosÃ© MÃ¼ller â€” Ãœber ZÃ¤hne")
    'José Müller — Über Zähne'
    >>> repair_mojibake("naïve café, 5 £")
    'naïve café, 5 £'
    """
    if text.isascii():
        return text
    marks = _mojibake_marks()
    if marks is not None and marks.isdisjoint(text):
        return text  # ftfy would find no mojibake: its measure needs one of these characters
    # ftfy (a well-kept library) decides from a "badness" measure whether a run of characters
    # is mojibake, and re-decodes only then; fix_encoding does nothing else to the text (no
    # quote or HTML changes).
    from ftfy import fix_encoding

    return fix_encoding(text)


@cache
def _mojibake_marks() -> frozenset[str] | None:
    """Return characters one of which every match of ftfy's badness pattern holds (text
    without them is left as it is), or None when the pattern cannot be read that way.

    ftfy leaves text alone unless that pattern matches, and searching it took most of the
    time of a repair, while most text beyond ASCII has only accents, quotes and dashes. Each
    alternative of the pattern is a sequence of single characters; in each, the character
    class with the fewest members, all of them beyond ASCII, is one every match holds.
    """
    import importlib
    import re

    from ftfy.badness import BADNESS_RE

    if BADNESS_RE.flags & re.IGNORECASE:
        return None
    try:
        # The standard library's own parser of re's pattern syntax (not in the typing stubs).
        constants = importlib.import_module("re._constants")
        parser = importlib.import_module("re._parser")
        (branch, (_, alternatives)), = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data
    except (ImportError, ValueError, TypeError, re.error):
        return None
    if branch is not constants.BRANCH:
        return None
    marks: set[str] = set()
    for alternative in alternatives:
        members = [chars for op, value in alternative.data
                   if (chars := _class_members(op, value, constants)) is not None
                   and chars and not any(char.isascii() for char in chars)]
        if not members:
            return None
        marks |= min(members, key=len)
    return frozenset(marks)


def _class_members(op: object, value: Any, constants: Any) -> set[str] | None:
    """Return the characters a one-character item of a parsed pattern matches, or None for
    any other item (an optional one, a negated class, a category such as \\w)."""
    if op is constants.LITERAL:
        return {chr(value)}
    if op is not constants.IN:
        return None
    chars: set[str] = set()
    for kind, member in value:
        if kind is constants.LITERAL:
            chars.add(chr(member))
        elif kind is constants.RANGE:
            chars.update(map(chr, range(member[0], member[1] + 1)))
        else:
            return None
    return chars


def repair_view(view: VeventView) -> None:
    """Repair mojibake in the text properties of ``view`` in place, with a warning naming
    each property that changed."""
    repaired: list[str] = []
    for name in _TEXT_PROPERTIES:
        before = getattr(view, name)
        if before and not before.isascii():
            after = repair_mojibake(before)
            if after != before:
                setattr(view, name, after)
                repaired.append(name)
    if view.categories and not all(c.isascii() for c in view.categories):
        after_categories = [repair_mojibake(c) for c in view.categories]
        if after_categories != view.categories:
            view.categories = after_categories
            repaired.append("categories")
    if repaired:
        view.warnings.append(f"event {view.uid or view.index}: {', '.join(repaired)} held "
                             f"UTF-8 read as cp1252 (mojibake such as 'Ã©' for 'é'); repaired")


_TEXT_PROPERTIES = ("summary", "description", "location", "organizer")
