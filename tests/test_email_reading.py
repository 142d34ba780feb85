"""E-mail announcements: headers, transfer encodings and charsets give the text as written."""
from __future__ import annotations

import pytest

from extractor.api import extract_text

HEADERS = ("From: Seminar Office <office@example.edu>\nSubject: Kolloquium am Donnerstag\n"
           "Date: Mon, 12 Jan 2026 09:14:05 +0100\nMIME-Version: 1.0\n")
BODY_LINE = "Vortragende: Dr. Ada Müller-Roe (Hochschule Grünwald)"


@pytest.mark.parametrize("content_type, encoding, body", [
    ('text/plain; charset="UTF-8"', "8bit", BODY_LINE),
    ("text/plain; charset=utf-8", "7bit", BODY_LINE),
    ("text/plain", "8bit", BODY_LINE),
    ('text/plain; charset="UTF-8"', "quoted-printable",
     "Vortragende: Dr. Ada M=C3=BCller-Roe (Hochschule Gr=C3=BCnwald)"),
    ('text/plain; charset="ISO-8859-1"', "quoted-printable",
     "Vortragende: Dr. Ada M=FCller-Roe (Hochschule Gr=FCnwald)"),
], ids=["utf8-8bit", "utf8-7bit-label", "no-charset", "utf8-qp", "latin1-qp"])
def test_mail_body_keeps_its_letters(content_type: str, encoding: str, body: str) -> None:
    mail = (f"{HEADERS}Content-Type: {content_type}\nContent-Transfer-Encoding: {encoding}\n\n"
            f"{body}\nTitel: Karten und Fehler\n")
    record = extract_text(mail, path="invite.eml", kind="eml")
    assert record["speakers"] == [{"name": "Ada Müller-Roe", "affiliation": "Hochschule Grünwald"}]
    assert "\ufffd" not in str(record)
