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


_ASKING_MAIL = """From: Ada Roe <ARoe@cs.lakeshore.example.edu>
Date: Tue, 3 Mar 2026 16:40:12 -0500
Subject: Speech seminar this Thursday

Our speaker this Thursday is Bo Okafor. {ask}
"""


@pytest.mark.parametrize(("ask", "contact"), [
    ("If you would like to meet him, please let me know.", "aroe@cs.lakeshore.example.edu"),
    ("To meet him, just reply to me.", "aroe@cs.lakeshore.example.edu"),
    # an address in the text outweighs the sender; no request leaves no contact
    ("To meet him, please let me know or write to sem@lakeshore.example.edu.", "sem@lakeshore.example.edu"),
    ("Lunch follows.", None),
    # a mailing list's footer offers the list's own address, which is no one to ask
    ("If you would like to meet him, please let me know.\n\n____\nspeech-seminar mailing list\n"
     "speech-seminar@lists.lakeshore.example.edu\nhttps://lists.lakeshore.example.edu/mailman/listinfo/x",
     "aroe@cs.lakeshore.example.edu"),
])
def test_a_mail_that_asks_for_a_reply_gives_its_sender(ask: str, contact: str | None) -> None:
    record = extract_text(_ASKING_MAIL.format(ask=ask), kind="eml")
    found = record["contact"]["email"] if record["contact"] else None
    assert found == contact


@pytest.mark.parametrize(("ask", "contact"), [
    # a reply to the message goes to its Reply-To address; a note to "me" to its sender
    ("To meet him, please reply to this message.", "seminar@lakeshore.example.edu"),
    ("To meet him, please write to me.", "aroe@cs.lakeshore.example.edu"),
])
def test_a_reply_to_the_message_goes_to_its_reply_to_address(ask: str, contact: str) -> None:
    mail = _ASKING_MAIL.replace("Date:", "Reply-To: seminar@lakeshore.example.edu\nDate:", 1)
    assert extract_text(mail.format(ask=ask), kind="eml")["contact"]["email"] == contact


_REPLY = """From: Pat Poster <pat@example.edu>
Date: Wed, 25 Oct 2017 09:02:11 -0400
Subject: Reminder: workshop today at 4pm

A quick reminder that the workshop meets today at 4pm. Original announcement below.

On Wed, Oct 18, 2017 at 10:12 AM, Pat Poster <pat@example.edu> wrote:
> Dear all,
>
> Next week's workshop speaker is Ada
> Roe-Quillan, who is coming over from across the river for the day.
>
>    Title: Inner speech without a speaker
>
> Abstract: Many of us seem to talk to ourselves in words.
"""


def test_an_announcement_quoted_in_a_reply_is_read_unquoted() -> None:
    record = extract_text(_REPLY, path="reply.eml", kind="eml")
    assert [s["name"] for s in record["speakers"]] == ["Ada Roe-Quillan"]


_FORWARD = """From: Pat Poster <pat@example.edu>
Date: Sat, 19 Mar 2022 18:40:12 +0000
Subject: Fwd: Spring Talks: bats, Thursday 24 March

Thought you'd like this one.

Begin forwarded message:

From: Heath Trust <talks@heath.example.org>
Subject: Spring Talks: bats, Thursday 24 March
Date: 18 March 2022 at 09:12:55 GMT

“Night Shift: How Bats Use Our Hedges”
Dr Ada Roe-Quillan
Senior Ecologist, Fenmore Bat Group
"""


def test_a_forward_whose_headers_follow_a_blank_line_gives_its_own_subject() -> None:
    record = extract_text(_FORWARD, path="fwd.eml", kind="eml")
    assert record["title"] == "Night Shift: How Bats Use Our Hedges"


@pytest.mark.parametrize("header,start,series", [
    pytest.param("Path: campus!psych!poster\nFrom: poster@psych.example.edu (A. Poster)\n"
                 "Newsgroups: campus.psych.announce\n"
                 "Subject: Psychology Colloquium 3/12/91 - Vandermeer\n"
                 "Date: 5 Mar 91 14:15:22 GMT\nLines: 12\n\n",
                 "1991-03-12T15:30:00", "Psychology Colloquium", id="a Usenet article"),
    pytest.param("Board:        campus.psych.talks\nPosted-Date:  Wed 10-Mar-99 11:02\n"
                 "Subject:      Psychology Colloquium, Tues. Mar. 12 -- Vandermeer\n"
                 "Event-Date:   Tue 12-Mar-91\nEvent-Time:   3:30 PM\n---------\n\n",
                 "1991-03-12T15:30:00", "Psychology Colloquium", id="a board's Event-Date header"),
])
def test_a_posts_own_headers_date_its_talk(header: str, start: str, series: str) -> None:
    body = ("Dr. Ada Vandermeer of Example College will speak on Tuesday, 3/12/91, at 3:30 PM\n"
            "in Dunsop Hall 104.\n")
    record = extract_text(header + body, path="post.txt", kind="txt")
    assert (record["start"], record["series"]) == (start, series)


@pytest.mark.parametrize("kind", ["txt", "eml"])
def test_a_mail_kept_in_an_mbox_archive_is_read_as_a_mail(kind: str) -> None:
    mail = ("From ee-seminar@example.edu Tue Sep 29 09:15:40 1992\n"
            "Date: Tue, 29 Sep 92 09:15:33 CDT\nFrom: ee-seminar@example.edu (EE Seminar)\n"
            "Subject: EE Seminar Friday: Roe on echoes\n\n"
            "Date:     Friday, October 2\nTime:     3:30 PM\nTitle:    Cancelling Echoes on Long Lines\n")
    record = extract_text(mail, kind=kind)
    assert (record["start"], record["title"]) == ("1992-10-02T15:30:00", "Cancelling Echoes on Long Lines")


_DEFENSE_MAIL = """From: "Okafor, Bo" <bokafor@cs.lakeshore.example.edu>
Date: Tue, 2 Apr 2024 17:44:29 +0000
Subject: PhD defense: Ada Roe-Quist, Monday 10am

Please join us for the doctoral dissertation defense of Ada Roe-Quist, a PhD candidate in
the Department of Computer Science at Lakeshore University.

Title:     Compilers That Explain Themselves
Date:      Monday, April 15, 2024
Advisor:   Prof. Cy Dunmore-Vale

Committee:
  Prof. Cy Dunmore-Vale (chair)
  Prof. Eda Lind-Marsh
  Dr. Fay Holm-Rees, Norrland Software Research (external member)

Bo Okafor
Graduate Coordinator | Department of Computer Science
Lakeshore University | 555-0162
"""


def test_a_defense_names_its_candidate_not_the_committee_or_the_sender() -> None:
    record = extract_text(_DEFENSE_MAIL, path="defense.eml", kind="eml")
    assert [s["name"] for s in record["speakers"]] == ["Ada Roe-Quist"]
