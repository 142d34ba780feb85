"""Text that was encoded wrongly: guessing the encoding of bytes that are not UTF-8, and
repairing mojibake (UTF-8 that was once read as cp1252, "JosÃ©" for "José").

Both only act where the evidence is plain; every guess and every repair leaves a warning, so
a user can force ``--encoding`` when we chose wrong.
"""
from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

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
    # ftfy (a well-kept library) decides from a "badness" measure whether a run of characters
    # is mojibake, and re-decodes only then; fix_encoding does nothing else to the text (no
    # quote or HTML changes).
    from ftfy import fix_encoding

    return fix_encoding(text)


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
