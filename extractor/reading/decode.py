"""Bytes to text: UTF-8 (BOM allowed), UTF-16 with a BOM, else a guessed encoding with a warning."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import InputError
from .repair import guess_encoding


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, *, path: str, encoding: str | None = None) -> DecodedText:
    """Return the text of ``data``: forced ``encoding``, else by BOM, else UTF-8, else a guess.

    >>> decode_bytes("Café".encode("utf-8"), path="x").text
    'Café'
    >>> decode_bytes(codecs.BOM_UTF8 + b"Hi", path="x").text
    'Hi'
    >>> decode_bytes("Café".encode("utf-16"), path="x").text
    'Café'
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError("E010", path=path, encoding=encoding) from None
        try:
            return DecodedText(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            raise InputError("E002", path=path, encoding=encoding) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec)
            except UnicodeDecodeError:
                break
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    guessed = guess_encoding(data)
    text = data.decode(guessed, errors="replace")
    warning = (f"{path}: the text is not UTF-8; read it as {guessed} (a guess). "
               f"Pass --encoding if that is wrong.")
    return DecodedText(text, guessed, (warning,))
