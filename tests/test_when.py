"""Example tables for extractor.fields.when (all announcements invented)."""
from __future__ import annotations

import datetime

import pytest

from extractor.api import extract_bytes
from extractor.fields.when import Clock, parse_clock, resolve_range, resolve_when

HEADER = "Type:     cmu.misc.talks\nTopic:    Seminar\nDates:    7-Mar-96\n{time}PostedBy: A. Poster on 1-Mar-96 at 10:00 from example.edu\nAbstract: \n\n"

# (announcement, expected start, expected end)
TIME_EXAMPLES: list[tuple[str, str | None, str | None]] = [
    (HEADER.format(time="Time:     3:30 PM\n") + "A talk.", "1996-03-07T15:30:00", None),
    (HEADER.format(time="Time:     2:00 - 3:30 PM\n") + "A talk.", "1996-03-07T14:00:00", "1996-03-07T15:30:00"),
    (HEADER.format(time="Time:     11:00 - 12:30 PM\n") + "A talk.", "1996-03-07T11:00:00", "1996-03-07T12:30:00"),
    (HEADER.format(time="Time:     11:30 - 1:00\n") + "A talk.", "1996-03-07T11:30:00", "1996-03-07T13:00:00"),
    (HEADER.format(time="Time:     10:00 AM - 12:00 PM\n") + "A talk.", "1996-03-07T10:00:00", "1996-03-07T12:00:00"),
    # the header gives no end; the body's range that starts at the same time does
    (HEADER.format(time="Time:     4:00 PM\n") + "Join us from 4:00 to 5:15 in the Lounge.",
     "1996-03-07T16:00:00", "1996-03-07T17:15:00"),
    # the header has no am/pm; the body does
    (HEADER.format(time="Time:     9:15\n") + "Starts at 9:15 p.m. sharp.", "1996-03-07T21:15:00", None),
    (HEADER.format(time="Time:     3:00\n") + "It will begin at 3:00 and run until about 4:45.",
     "1996-03-07T15:00:00", "1996-03-07T16:45:00"),
    (HEADER.format(time="") + "Professor Quill speaks at 3:30 p.m., Monday, March 11, in Fern Hall.",
     "1996-03-07T15:30:00", None),
    (HEADER.format(time="") + "Lunch seminar, noon-1:30 p.m., Room 12.", "1996-03-07T12:00:00", "1996-03-07T13:30:00"),
    (HEADER.format(time="") + "Meeting 1:00 PM until 2:30 in the lab.", "1996-03-07T13:00:00", "1996-03-07T14:30:00"),
    (HEADER.format(time="") + "  TIME:\t\t1400-1530, Tuesday", "1996-03-07T14:00:00", "1996-03-07T15:30:00"),
    (HEADER.format(time="") + "When: Friday, May 3; 4:15 pm - 5:45 pm", "1996-03-07T16:15:00", "1996-03-07T17:45:00"),
    (HEADER.format(time="") + "The colloquium is at 12 noon in the atrium.", "1996-03-07T12:00:00", None),
    (HEADER.format(time="") + "Slides run 3:30-5 in the usual room.", "1996-03-07T15:30:00", "1996-03-07T17:00:00"),
    (HEADER.format(time="") + "Please come at 10.30 am for coffee.", "1996-03-07T10:30:00", None),
    ("Workshop on sundials, 2:15 pm - 4 pm.", "14:15:00", "16:00:00"),
    # a zone written after the time, in words or in brackets
    ("Friday, November 6, 2015, 3:30-4:45 p.m. (Eastern)", "2015-11-06T15:30:00-05:00", "2015-11-06T16:45:00-05:00"),
    ("Tuesday 31 March 2026, 14:00-15:00 (UK time)", "2026-03-31T14:00:00+01:00", "2026-03-31T15:00:00+01:00"),
    ("Thursday, 2 April 2026, 6 pm AEDT", "2026-04-02T18:00:00+11:00", None),
    ("No time is given here at all; see 11/10/93 and 3-5 pages.", None, None),
    # refreshments "served at" a time before the talk do not start it
    (HEADER.format(time="") + "Refreshments will be served at 3:15 in the lobby. Dr. Roe speaks "
     "at 3:30 PM in Fern Hall 104.", "1996-03-07T15:30:00", None),
    # the day a show closes or a form is due is not the talk's
    (HEADER.format(time="").replace("Dates:    7-Mar-96\n", "") +
     "Her show is on view through Nov. 21; she speaks on Wednesday, Sept. 30, at 5:30 p.m.",
     "1996-09-30T17:30:00", None),
    # a span of years in a quoted title is no 24-hour range; the talk's time is after it
    ('Her lecture, "The Bar Pilots, 1846-1900," begins on Thursday, March 12, at 7 p.m.',
     "19:00:00", None),
    (HEADER.format(time="") + "Coastal shipping, 1855-1910, will be the subject at 3:30 pm.",
     "1996-03-07T15:30:00", None),
]

# Known failures: kept here so that a fix shows up as an unexpected pass.
TIME_KNOWN_FAILURES: list[tuple[str, str | None, str | None]] = [
    # three-digit clock with am/pm glued on
    ("Panel  12:30-200PM", "12:30:00", "14:00:00"),
    # a header time that disagrees with the talk in the body wins
    (HEADER.format(time="Time:     10:00 - 11:00\n") + "Visits 10:00 to 11:00; the lecture runs from 12:30 to 1:50.",
     "1996-03-07T12:30:00", "1996-03-07T13:50:00"),
]


def _id(example: tuple[str, str | None, str | None]) -> str:
    body = example[0].split("Abstract: \n\n")[-1]
    return body[:40].replace("\n", " ") or example[0][:40]


@pytest.mark.parametrize("text,start,end", TIME_EXAMPLES, ids=[_id(e) for e in TIME_EXAMPLES])
def test_time_examples(text: str, start: str | None, end: str | None) -> None:
    got = resolve_when(text)
    assert (got.start if got else None, got.end if got else None) == (start, end)


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize("text,start,end", TIME_KNOWN_FAILURES, ids=[_id(e) for e in TIME_KNOWN_FAILURES])
def test_time_known_failures(text: str, start: str | None, end: str | None) -> None:
    got = resolve_when(text)
    assert (got.start if got else None, got.end if got else None) == (start, end)


CLOCK_EXAMPLES = [
    ("4.30 PM", Clock(4, 30, "pm")),
    ("12 noon", Clock(12, 0, "pm")),
    ("1315", Clock(13, 15, None)),
    ("9 a.m.", Clock(9, 0, "am")),
    ("nonsense", None),
]


@pytest.mark.parametrize("text,expected", CLOCK_EXAMPLES, ids=[e[0] for e in CLOCK_EXAMPLES])
def test_parse_clock(text: str, expected: Clock | None) -> None:
    assert parse_clock(text) == expected


def test_range_carries_meridiem_back() -> None:
    assert resolve_range(Clock(11, 0, None), Clock(12, 30, "pm")) == (660, 750)
    assert resolve_range(Clock(3, 0, None), Clock(5, 0, "pm")) == (900, 1020)


def test_span_and_rule_point_at_the_expression() -> None:
    text = HEADER.format(time="Time:     3:30 PM\n") + "x"
    got = resolve_when(text)
    assert got is not None and got.rule == "when.header_time"
    assert got.span is not None and text[got.span[0]:got.span[1]] == "3:30 PM"
    prose = "Abstract:\nThe talk is at 4:10 pm today."
    got = resolve_when(prose)
    assert got is not None and got.rule == "when.prose_at" and got.start == "16:10:00"


def test_reference_fills_the_year() -> None:
    got = resolve_when("Abstract:\nOn April 2 at 3 pm.", reference=datetime.date(2001, 1, 1))
    assert got is not None and got.start == "2001-04-02T15:00:00"


# An e-mail's text opens with its Date header (reading/text.py): a day written without a year,
# or "today"/"tomorrow", is counted from the day the mail was sent.
SENT_DATE_EXAMPLES = [
    # a three-letter weekday before a month/day: the day written, not the weekday counted
    # from the mail's date ("by Tuesday noon" later on is the RSVP's)
    ("Date: Thu, 10 Oct 2013 17:21:06 -0400\n\nDate:    Wed 10/16\nTime:    12:00 - 1:00 pm\n"
     "Please RSVP by Tuesday noon.", "2013-10-16T12:00:00"),
    ("Date: Mon, 12 Apr 1993 09:00:00 -0400\n\nTalk on Tues 4/20 at 3pm in Room 12.",
     "1993-04-20T15:00:00"),
    ("Date: Mon, 13 Apr 2026 08:47:03 -0400\n\nJoin us this Friday, April 17, at 11:00 a.m.",
     "2026-04-17T11:00:00"),
    ("Date: Fri, 20 Mar 2026 12:31:55 +0000\n\nDate: Friday 27 March\nTime: 3:30pm",
     "2026-03-27T15:30:00"),
    ("Date: Tue, 15 Dec 2026 09:00:00 -0500\n\nThe next talk is on January 8 at 4 pm.",
     "2027-01-08T16:00:00"),
    ("Date: Wed, 11 Mar 2026 09:12:44 -0400\n\nTomorrow's seminar is at 4:00 pm in Room 3.",
     "2026-03-12T16:00:00"),
    ("Date: Thu, 5 Mar 2026 08:00:00 +0000\n\nReminder: this is happening TODAY at 12:15.",
     "2026-03-05T12:15:00"),
    ("Date: not a date\n\nTomorrow at 4 pm.", "16:00:00"),
    # a weekday alone: the next such day from the day the mail was sent (a Monday here)
    ("Date: Mon, 2 Mar 2026 10:00:00 -0500\n\nWhen:  This Thursday, 3:30 - 4:30pm", "2026-03-05T15:30:00"),
    ("Date: Mon, 2 Mar 2026 10:00:00 -0500\n\nWHEN:  Monday, 1:30 - 2:50 pm", "2026-03-02T13:30:00"),
    ("Date: Mon, 2 Mar 2026 10:00:00 -0500\n\nWhen:  next Monday, 1:30 - 2:50 pm", "2026-03-09T13:30:00"),
    ("Date: Tue, 3 Mar 2026 16:40:12 -0500\n\nThe seminar this Friday is at noon in Room 4.",
     "2026-03-06T12:00:00"),
    # the weekday on the time's line outweighs a next-week teaser's date and a "today"
    ("Date: Mon, 2 Mar 2026 10:00:00 -0500\n\nToday we announce:\nWhen: Thursday, 3:30 - 4:30pm\n\n"
     "NEXT WEEK (Thursday, Mar. 12): another speaker.", "2026-03-05T15:30:00"),
    # a dotted time under a time label, and a "Posted:" line that gives the year
    ("Posted:  Mon 4-Nov-2002 10:17\nDate:    Friday 8 November\nTime:    15.30\n", "2002-11-08T15:30:00"),
]

# The day written beside the time is the talk's; a page's byline only lends its year.
PAGE_DATE_EXAMPLES = [
    ("By Ada Writer, News Office | February 2, 2026\n\nThe lecture is at 7 p.m. Thursday, Feb. 19, "
     "in the Linden Room.", "2026-02-19T19:00:00"),
    ("*Posted April 6, 2026 · Newsroom*\n\n**When:** Tuesday, April 21, 6–7:15 p.m.",
     "2026-04-21T18:00:00"),
    ("Posted 28 December 2026\n\nThe talk is at 7 p.m. on Tuesday 5 January in the hall.",
     "2027-01-05T19:00:00"),
    # a date far from the time on its line is not the time's
    ("Date: Mon, 2 Mar 2026 10:00:00 -0500\n\nOn March 9 at 4 pm, after the deadline of the "
     "long application round that closes on March 30.", "2026-03-09T16:00:00"),
    # a number and a month parted by a blank line are no date ("2026–27" over "November ...")
    ("Meetings 2026–27\n\nNovember Evening Meeting\n\nWednesday 11 November 2026\n\n"
     "19:00–20:00  The lecture", "2026-11-11T19:00:00"),
    # a release's own date: an embargo, a planning note, a dateline
    ("EMBARGOED FOR RELEASE UNTIL 12:01 A.M., MONDAY, NOV. 2, 2026\n\nThe talk is from 4 to "
     "5:15 p.m.\nWednesday, Nov. 18, in Room 110.", "2026-11-18T16:00:00"),
    ("*** MEDIA ADVISORY ***\nFor planning purposes -- April 8, 2026\n\nWHEN:    Tuesday, "
     "April 14, 2026\n         12:30 - 1:45 p.m.", "2026-04-14T12:30:00"),
    ("HALE CROSSING, Iowa (Nov. 2, 2026) -- Ada Roe, a former\nengineer, will speak from 4 to "
     "5:15 p.m.\nWednesday, Nov. 18, in Room 110.", "2026-11-18T16:00:00"),
    ("HALE CROSSING, Iowa (Nov. 2, 2026) -- Ada Roe will speak at 4 p.m. on Nov. 18.",
     "2026-11-18T16:00:00"),
    ("FOR IMMEDIATE RELEASE\nJanuary 29, 2001\n\nThe two will meet from 4:30 to 6 p.m.\n"
     "Thursday, Feb. 15, in the Moot Court Room.", "2001-02-15T16:30:00"),
    # a box office's or a gallery's opening hours are no talk's time
    ("The recital is at 4 p.m. Sunday, Feb. 20, 2011, in the hall. Tickets are at the box "
     "office, weekdays from 10 a.m. to 4 p.m.", "2011-02-20T16:00:00"),
    ("The talk is at 6:30 p.m. on March 10, 2022. The gallery is open Wednesday through "
     "Sunday, 10 a.m. to 5 p.m.", "2022-03-10T18:30:00"),
    # the short line right above a line that opens with the time is its day, whatever came first
    ("Architecture + Planning \u2022 October 4, 2021\n\nThe fall lecture series opens.\n\n"
     "Wednesday, Oct. 20, 2021\n6\u20137:30 p.m.\nRoom 3-140", "2021-10-20T18:00:00"),
    # a meeting's span of days, then the talk's own day
    ("The lecture opens the Annual Meeting, which runs June 4–7.\n\nSaturday, June 6, 2026\n"
     "4:00–5:00 p.m.", "2026-06-06T16:00:00"),
]


@pytest.mark.parametrize(("text", "start"), PAGE_DATE_EXAMPLES)
def test_the_day_beside_the_time_is_the_talks(text: str, start: str) -> None:
    when = resolve_when(text)
    assert when is not None and when.start == start


# A later sentence gives the end: "We should be done by 1:15".
END_BY_EXAMPLES = [
    ("We meet at noon in Room 12. We should be done by 1:15.", "13:15:00"),
    ("Doors open at 7pm and the talk starts at 7.30pm; we normally finish by 9.30pm.", "21:30:00"),
    ("The talk is at 4 pm. We will wrap up by 5:10 at the latest.", "17:10:00"),
    # a bare number after the cue is no clock, and an end five hours on is no talk's
    ("The talk is at 4 pm. The lab was taken over by 3 groups.", None),
    ("The talk is at 10:00 am. The building is done by 11:30 pm.", None),
    # a bulletin's header time, and the end at the foot of a long post
    ("Time:     4:30\nAbstract:\n\n" + "The recital follows the lecture. " * 30 +
     "\n\nAdmission is free.  The program will end by 6:00.", "18:00:00"),
]


@pytest.mark.parametrize(("text", "end"), END_BY_EXAMPLES)
def test_a_later_sentence_gives_the_end(text: str, end: str | None) -> None:
    when = resolve_when(text)
    assert when is not None and when.end == end


@pytest.mark.parametrize(("text", "start"), SENT_DATE_EXAMPLES)
def test_day_without_year_counts_from_the_mail_date(text: str, start: str) -> None:
    when = resolve_when(text)
    assert when is not None and when.start == start


def test_long_input_is_fast() -> None:
    import time
    text = "Abstract:\n" + "3:30 - 4 - 5 - 6:00 to 7 " * 2000
    t0 = time.perf_counter()
    resolve_when(text)
    assert time.perf_counter() - t0 < 3


@pytest.mark.parametrize("header", [
    "Type: Seminar\nDates: 18-Feb-93\nTime: 3:30-5:00\nPostedBy: ab+ on 11-Feb-93 at 14:02\n",
    # a bulletin's labels in capitals or lower case are the same labels
    "TYPE: Seminar\nDATES: 18-Feb-93\nTIME: 3:30-5:00\nPOSTEDBY: ab+ on 11-Feb-93 at 14:02\n",
    "type: Seminar\ndates: 18-Feb-93\ntime: 3:30-5:00\npostedby: ab+ on 11-Feb-93 at 14:02\n",
])
def test_bulletin_header_labels_in_any_case(header: str) -> None:
    got = resolve_when(header + "Abstract:\n\nShape from moving shadows.\n")
    assert got is not None and (got.start, got.end) == ("1993-02-18T15:30:00", "1993-02-18T17:00:00")


def test_the_time_a_bulletin_was_posted_is_not_the_talks() -> None:
    # the only talk time is in the Topic line; "at 17:05" is when the post was sent
    header = ("Type:     Seminar\nTopic:    Cognition Colloquium -- Wed 4pm, MeH 3305\n"
              "Dates:    16-Sep-92\nPostedBy: ab+ on 10-Sep-92 at 17:05 from HOST.EXAMPLE.EDU\n")
    got = resolve_when(header + "Abstract: \n\nChildren count before they can say numbers.\n")
    assert got is not None and got.start == "1992-09-16T16:00:00"


@pytest.mark.parametrize("line,start", [
    ("When: Tuesday, March 13, 2018 — doors at 7:00 pm, talks start at 7:30 pm", "2018-03-13T19:30:00"),
    ("Time: Reception at 5:00 pm, lecture at 5:45 pm", "17:45:00"),
    ("Time: 4:00 pm", "16:00:00"),
])
def test_the_talks_time_among_times_on_a_label_line(line: str, start: str) -> None:
    got = resolve_when(line + "\n\nA talk about ice cores.\n")
    assert got is not None and got.start == start


def test_a_header_time_the_post_takes_back_gives_way_to_the_body() -> None:
    text = ("Type: colloquium\nDates: 7-Feb-95\nTime: 3:30\nPostedBy: ab+ on 1-Feb-95 at 10:00\n"
            "Abstract:\n\n** PLEASE NOTE: next Tuesday's colloquium starts at 4:00, not at 3:30 -- "
            "the header is wrong. **\n\nTuesday, February 7, 4:00 - 5:15 PM, in Room 2315.\n")
    when = resolve_when(text)
    assert when is not None and (when.start, when.end) == ("1995-02-07T16:00:00", "1995-02-07T17:15:00")


@pytest.mark.parametrize("text,start", [
    # AEST is always ten hours ahead: Queensland writes it in summer too
    ("Doors open at 5.30 pm; the lecture is at 6 pm AEST on Wednesday, November 24, 2010.",
     "2010-11-24T18:00:00+10:00"),
    ("It begins at 6.30 pm IST on Friday, 28 June 2019.", "2019-06-28T18:30:00+05:30"),
    ("Saturday 8 March 2025, 11:00 SAST.", "2025-03-08T11:00:00+02:00"),
    ("on Thursday, 14th March 2019 from 2.00 p.m. to 4.30 p.m. East Africa Time\n(EAT) in the hall.",
     "2019-03-14T14:00:00+03:00"),
    ("Tuesday 12 March 2024 at 4 pm WAT.", "2024-03-12T16:00:00+01:00"),
    # a zone written once after the same time elsewhere in the text
    ("When: Friday, 28 June 2019, 6.30 pm\n\nThe panel will begin at 6.30 pm IST.",
     "2019-06-28T18:30:00+05:30"),
])
def test_a_zone_written_after_a_time_gives_its_offset(text: str, start: str) -> None:
    record, = extract_bytes(text.encode(), path="release.txt")
    assert record["start"] == start


def test_the_sent_line_of_a_forwarded_message_is_not_the_talks_day() -> None:
    mail = ("From: Pat Poster <pat@example.edu>\nDate: Tue, 20 Oct 2015 19:12:40 +0000\n"
            "Subject: ROOM CHANGE -- Quill Seminar\n\nAll,\n\nThe seminar has moved.\n\n"
            "________________________________\nFrom: Poster, Pat\n"
            "Sent: Thursday, October 15, 2015 10:05 AM\n"
            "Subject: Quill Seminar\n\nSpeaker:   Ada Quillon-Roe\n"
            "Date:      Thursday, October 22, 2015\nTime:      3:30 - 4:30 PM\n\n"
            "Abstract:  Survivors are a biased sample of every trial.\n")
    record, = extract_bytes(mail.encode(), path="mail.eml")
    assert (record["start"], record["end"]) == ("2015-10-22T15:30:00", "2015-10-22T16:30:00")


def test_the_day_a_replied_to_message_was_sent_is_not_the_talks_day() -> None:
    mail = ("From: Pat Poster <pat@example.edu>\nDate: Thu, 10 Mar 2011 08:47:12 -0500\n"
            "Subject: Reminder: today at 4pm - Quillon-Roe\n\nHi all,\n\nQuick reminder that "
            "the talk is TODAY at 4pm in the usual room.\n\nOn Fri, Mar 4, 2011 at 2:15 PM, Pat "
            "Poster\n<pat@example.edu> wrote:\n> Speaker:  Dr. Ada Quillon-Roe\n"
            "> Date:     Thursday, March 10, 2011\n> Time:     4:00 - 5:00 PM\n>\n"
            "> Abstract:\n> Grain boundaries that heal themselves.\n")
    record, = extract_bytes(mail.encode(), path="mail.eml")
    assert (record["start"], record["end"]) == ("2011-03-10T16:00:00", "2011-03-10T17:00:00")
