"""Plain-text announcements (.txt, .eml, .md, .html) as one event view each.

A press release's headline is not a talk title, so a Markdown front-matter title and an HTML
<title> are kept out of the SUMMARY; an e-mail's Subject line is a SUMMARY.
"""
from __future__ import annotations

import datetime
import email
import email.policy
import email.utils
from email.message import EmailMessage
from typing import Any

import regex

from .. import rules
from ..deferred import deferred
from ..fields.when import clock_range, parse_clock, resolve_range, vocabulary
from ..layout import normalise_label
from ..shapes import is_person_name, is_series_name
from .front_matter import (FRONT_MATTER, FrontMatterFacts, front_matter_facts, parse_front_matter,
                           published_date, scalar_text)
from .glued import split_glued_lines
from .html import html_to_text, looks_like_html, page_heading, page_subheading, unescape_entities
from .ics import VeventView
from .structured import schema_event_times

_MD_LINK = deferred(r"\[(?P<text>[^\]\n]{0,300})\]\((?P<url>[^)\s]{0,500})(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_MARKS = deferred(r"(?m)^#{1,6}\s+|\*\*|__")
# Usenet's own headers too ("Path:", "Newsgroups:"): an archived news article reads as a mail.
_MAIL_HEADER = deferred(r"\A(?:(?:From|To|Subject|Date|Cc|Message-ID|Received|Return-Path|"
                        r"Content-Type|MIME-Version|Reply-To|Sender|Path|Newsgroups|Organization|"
                        r"Lines|Xref|References|Followup-To|Distribution|Keywords|Summary|"
                        r"NNTP-Posting-Host|Article)[ \t]*:[^\n]*\n"
                        r"(?:[ \t][^\n]*\n)*){2,}", regex.IGNORECASE)


# The line that opens each message of an mbox archive: "From " (no colon), the sender, the date.
_MBOX_FROM_LINE = deferred(r"\AFrom [^\s:]{1,200} [^\n]{0,100}\b(?:19|20)\d\d[ \t]*\n")
# A page that declares itself a news article in its schema.org data (Open Graph's "article"
# is every page of many sites, event pages too).
_NEWS_ARTICLE = deferred(r"\"@type\"\s{0,3}:\s{0,3}\"(?:NewsArticle|BlogPosting)\"")
_NEWS_MARK_REACH = 20000


def text_view(text: str, *, kind: str) -> VeventView:
    """Return the event view of a text announcement; ``kind`` is txt, eml, md or html."""
    view = VeventView(index=0, kind="text", text_format=kind)
    if text.startswith("From ") and kind in ("eml", "txt"):
        text = _MBOX_FROM_LINE.sub("", text, count=1)  # a mail as an mbox archive keeps it
    if kind == "eml" or (kind == "txt" and _MAIL_HEADER.match(text)):
        _read_email(text, view)
    elif kind == "md":
        _read_markdown(text, view)
    elif kind == "html" or looks_like_html(text[:2000]):
        view.description = html_to_text(text, page=True)
        # A news article's headline is no talk's title, as a Markdown post's is not.
        view.summary = "" if _NEWS_ARTICLE.search(text[:_NEWS_MARK_REACH]) else _page_summary(text)
        view.page_start, view.page_end = schema_event_times(text)
    else:
        view.description = unescape_entities(text)
    view.description = split_glued_lines(view.description)
    return view


def _page_summary(markup: str) -> str:
    """Return what stands for a SUMMARY on a web page: its main heading, else the first part
    of its <title>; a series named in the <title> after the heading goes before it
    ("Talk title | Algebra Seminar | Site" gives "Algebra Seminar: Talk title").

    >>> _page_summary("<title>Tides | Harbour Lectures | Site</title><h1>Tides: A History</h1>")
    'Harbour Lectures: Tides: A History'
    >>> _page_summary("<h1>2021 Quill Lecture</h1><p>On tides</p><h2>Speaker</h2>")
    '2021 Quill Lecture'
    """
    heading, parts = page_heading(markup)
    subheading = page_subheading(markup)
    if subheading is not None and normalise_label(subheading) in rules.label_fields():
        subheading = None  # "<h2>Speaker</h2>": a section's label, no talk's title
    if heading is not None and subheading is not None and ":" not in heading and \
            is_series_name(heading) and _in_title_case(heading) and not is_series_name(subheading):
        # "<h1>Lunch Talks</h1><h2>Talk title</h2>": the series over the talk (a news headline,
        # "Roe to lecture on farms", is no series' name).
        return f"{heading}: {subheading}"
    if heading is None or _only_category_words(heading):
        # A section heading ("Events") or none: an event card's <h2>, else the <title>.
        heading = subheading if subheading and not _only_category_words(subheading) else None
    parts = [p for p in parts if not _only_category_words(p)]
    if heading is None and not parts:
        return ""
    head = heading or parts[0]
    if heading is not None and parts and ":" in parts[0]:
        # "<title>Surgery Rounds: Talk title | Site</title>" over "<h1>Talk title: subtitle</h1>":
        # the <title> names the series before the talk.
        prefix = parts[0].split(":", 1)[0].strip()
        if is_series_name(prefix) and prefix.casefold() not in heading.casefold():
            return f"{prefix}: {heading}"
    # The <title> opens with the heading, or with its head before a colon ("Talk | Series | Site"
    # over "<h1>Talk: subtitle</h1>"): a series after it goes before the heading.
    rest = parts[1:] if parts and (parts[0].casefold() == head.casefold() or
                                   head.casefold().startswith(parts[0].casefold() + ":")) else []
    series = next((p for p in rest[:2] if is_series_name(p)), None)
    if series and series.casefold() not in head.casefold():
        return f"{series}: {head}"
    return head


def _in_title_case(text: str) -> bool:
    """Return whether every word of ``text`` but the small ones is capitalised.

    >>> _in_title_case("Lunch Talks on the Lake"), _in_title_case("Roe to lecture on farms")
    (True, False)
    """
    return all(w[:1].isupper() or not w[:1].isalpha() or w in _SMALL_WORDS for w in text.split())


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "at", "for", "and", "&", "to", "with",
                          "de", "du", "des", "la", "le", "et", "y", "und", "der", "die", "das"})


def _only_category_words(text: str) -> bool:
    """Return whether ``text`` only names a calendar section ("Events", "News & Events")."""
    words = [w.lower() for w in regex.findall(r"\w+", text)]
    categories = rules.gazetteer("category_words")
    return bool(words) and all(w in categories or w in {"and", "the", "all", "upcoming"} for w in words)


def _read_email(text: str, view: VeventView) -> None:
    message = email.message_from_string(text, policy=email.policy.default)
    view.summary = " ".join(str(message.get("Subject", "")).split())
    body = ""
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=("plain", "html"))
        if part is not None:
            content = _part_text(part)
            body = html_to_text(content) if part.get_content_type() == "text/html" else content
    date = message.get("Date")
    view.sender = " ".join(str(message.get("From", "")).split()) or None
    view.reply_to = " ".join(str(message.get("Reply-To", "")).split()) or None
    forwarded = FORWARDED_MARKER.search(body)
    if forwarded:
        # The forwarder's note goes; the forwarded announcement, with its own subject, stays.
        body = body[forwarded.end():].lstrip("\n")  # "Begin forwarded message:", a blank line
        inner = FORWARDED_HEADERS.match(body)
        if inner:
            subject = _SUBJECT_LINE.search(inner.group())
            if subject:
                view.summary = " ".join(subject.group("s").split())
            body = body[inner.end():]
    if body.count("\n>") >= QUOTED_LINES_MIN:
        # "On Wed, ... wrote:" over the announcement quoted line by line: its text, unquoted.
        body = _QUOTE_MARK.sub("", body)
    body = _SIGNATURE.sub("\n", body)
    # The date header stays in the text so that the time rules can use it as their reference.
    view.description = (f"Date: {date}\n\n" if date else "") + body.strip("\n")


_SUBJECT_LINE = deferred(r"(?mi)^[ \t]{0,4}Subject:\s*(?P<s>.+)$")
QUOTED_LINES_MIN = 5
_QUOTE_MARK = deferred(r"(?m)^>[ \t]?")


# "---------- Forwarded message ---------" or "Begin forwarded message:".
FORWARDED_MARKER = deferred(r"(?mi)^[ \t>]{0,4}(?:-{2,20}\s{0,3}(?:forwarded message|original message|original appointment)"
                           r"\s{0,3}-{0,20}|begin forwarded message:)[ \t]{0,8}$\n?")
FORWARDED_HEADERS = deferred(r"(?:[ \t]{0,4}(?:From|Date|Sent|Subject|To|Cc|Reply-To):[^\n]{0,300}\n){1,8}")
# A signature: a "-- " line and the few lines under it, up to a blank line (RFC 3676).
_SIGNATURE = deferred(r"(?m)^--[ \t]?\n(?:[^\n]{1,200}\n){1,8}(?=\n|\Z)")


def _part_text(part: EmailMessage) -> str:
    """Return the text of a mail part; a part sent without a transfer encoding (7bit, 8bit,
    binary) keeps its characters.

    The e-mail package re-reads such a part's characters as bytes of its charset (or US-ASCII)
    and turns every character it cannot map into U+FFFD ("Talbr�ck"), but a saved .eml is
    already decoded text here (UTF-8 or a guessed encoding). Quoted-printable and base64 parts
    are decoded by the e-mail package.
    """
    unencoded = str(part.get("Content-Transfer-Encoding", "7bit")).lower() in {"7bit", "8bit",
                                                                               "binary"}
    payload = part.get_payload()
    if unencoded and isinstance(payload, str):
        return payload
    return str(part.get_content())


def _read_markdown(text: str, view: VeventView) -> None:
    """Read a Markdown page: an event page's front matter says who, what, when and where; a
    post's front matter dates its publication, and its headline is no talk title."""
    match = FRONT_MATTER.match(text)  # the block is matched once, and read once
    data = parse_front_matter(match) if match else {}
    page = text[match.end():] if match else text
    facts = front_matter_facts(data)
    body = _markdown_text(page)
    if not facts.is_event_page:
        # A post's publication date goes before its text as an e-mail's Date header does: the
        # day the time rules count a weekday without a year from.
        posted = _posted_header(data)
        view.description = (f"Date: {posted}\n\n" if posted else "") + body
        view.summary = _titled_person(data) or _talk_page_heading(page) or _lone_heading_over_details(page) or \
            _heading_the_headline_names(scalar_text(data.get("title")) or "", page)
        return
    view.description = _stated_lines(facts) + \
        (f"Abstract\n\n{facts.abstract}\n\n" if facts.abstract else "") + body
    view.summary = _event_title(data, page)
    view.location = facts.place
    if facts.day_is_post_date and _names_another_day(body, facts.day or ""):
        # A post with a place in its front matter, dated a week before the day its text
        # gives ("Wednesday, May 17 · 6:30–8:00 pm"): its "date:" is when it was published.
        posted = _posted_header(data)
        view.description = (f"Date: {posted}\n\n" if posted else "") + view.description
        return
    view.start, view.end = _event_times(facts)


def _names_another_day(body: str, day: str) -> bool:
    """Return whether a post's text names a weekday and a day of the month other than the
    ISO ``day`` its front matter gives ("Sunday, October 9" in a post dated 2022-10-03).

    >>> _names_another_day("Come along on Wednesday, May 17 · 6:30 pm.", "2023-05-10 09:00")
    True
    >>> _names_another_day("Thursday, March 14, 6:30–8:00 pm.", "2024-03-14T18:30:00")
    False
    """
    iso = _ISO_DAY_TIME.match(day)
    if iso is None or not _real_day(iso.group("day")):
        return False  # "2026-13-45" is no day
    written = datetime.date.fromisoformat(iso.group("day"))
    months = vocabulary()["months"]
    for match in _WEEKDAY_MONTH_DAY.finditer(body[:_DAY_REACH]):
        month = months.get(match.group("month").lower().rstrip("."))
        if month and (month, int(match.group("d"))) != (written.month, written.day):
            return True
    return False


# "Wednesday, May 17", "Sun., Oct. 9": a weekday, a month and a day.
_WEEKDAY_MONTH_DAY = deferred(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3}"
                              r"(?P<month>[a-z]{3,9}\.?)\s{1,3}(?P<d>[0-3]?\d)\b")
_DAY_REACH = 6000


def _heading_the_headline_names(headline: str, page: str) -> str:
    """Return a post's section heading that its headline repeats, or "": the talk's title
    ("POSTPONED: Can the Tide Keep the Lights On?" over "## Can the Tide Keep the Lights
    On?"; "May café: what's really happening to our bees?" over "## *Buzz Off?* What's Really
    Happening to Our Bees").

    >>> _heading_the_headline_names("POSTPONED: Can the Tide Keep the Lights On?",
    ...                             "Text.\\n\\n## Can the Tide Keep the Lights On?\\n\\nMore.")
    'Can the Tide Keep the Lights On?'
    >>> _heading_the_headline_names("Our spring programme", "## The details\\n\\nMore.")
    ''
    """
    said = {w.casefold() for w in _WORD.findall(headline)}
    if len(said) < 3:
        return ""
    for match in _MD_SECTION_HEADING.finditer(page[:_HEADING_REACH]):
        heading = " ".join(_MD_MARKS.sub("", match.group("text")).replace("*", "").replace("_", " ").split())
        words = [w.casefold() for w in _WORD.findall(heading)]
        shared = sum(w in said for w in words)
        if shared >= 3 and shared >= 0.6 * len(words):
            return heading
    return ""


_MD_SECTION_HEADING = deferred(r"(?m)^#{2,3}[ \t]+(?P<text>[^\n]{3,200})$")  # "# X" repeats the headline
_WORD = deferred(r"[\p{L}\d'’]+")
_HEADING_REACH = 6000


def _talk_page_heading(page: str) -> str:
    """Return the first heading of a page that opens on a heading and, right under it, a
    speaker's label line ("# Title" / "**Speaker:** ..."): a talk's page, whose heading is
    the talk's title (a news post's headline is not)."""
    match = _HEADING_OVER_LABEL.match(page)
    if match is None or not _is_speaker_label(match.group("label")):
        # "**Guest speaker:** Ada Roe, ..." over "## Title" and the abstract: a meeting's page
        # whose section heading under the speaker is the talk's title.
        match = next((m for m in _SPEAKER_LABEL_OVER_HEADING.finditer(page[:_HEADING_REACH])
                      if _is_speaker_label(m.group("label"))), None)
        if match is None or _heading_is_a_label(match.group("heading")):
            return ""
    return " ".join(_MD_MARKS.sub("", match.group("heading")).split())


def _lone_heading_over_details(page: str) -> str:
    """Return a post's only section heading when the event's day or time is labelled below it
    ("We're excited to welcome Dr. Ada Roe ..." / "### Title" / the abstract / "**When:** ..."):
    the talk's title. A post of several sections (a newsletter) has no one such heading.

    >>> _lone_heading_over_details("Welcome Ada Roe.\\n\\n### Tides at Night\\n\\nText.\\n\\n- **When:** Friday")
    'Tides at Night'
    """
    headings = list(_MD_SECTION_HEADING.finditer(page[:_HEADING_REACH]))
    if len(headings) != 1 or _heading_is_a_label(heading := headings[0].group("text")) or \
            {w.casefold() for w in _WORD.findall(heading)} <= _SECTION_WORDS:
        return ""  # "## The details", "## Event information": a section's name
    details = page[headings[0].end():headings[0].end() + _DETAILS_REACH]
    if not any(_label_field(m.group("label")) in ("date", "time") for m in _LABEL_AT_LINE_START.finditer(details)):
        return ""
    return " ".join(_MD_MARKS.sub("", heading).replace("*", "").split())


_DETAILS_REACH = 2000
_SECTION_WORDS = frozenset({"the", "and", "&", "details", "detail", "event", "events", "information", "info",
                            "practical", "about", "when", "where", "what", "who", "tickets", "more",
                            "registration", "location", "venue", "schedule", "programme", "program",
                            "agenda", "overview", "summary", "notes", "faq", "getting", "there"})
def _label_field(label: str) -> str | None:
    """Return the field a label announces ("**When:**" gives "time"), if it is a known one."""
    return rules.label_fields().get(normalise_label(label))


def _is_speaker_label(label: str) -> bool:
    return _label_field(label) == "speaker"


def _heading_is_a_label(heading: str) -> bool:
    """"## About the speaker", "## Abstract": a section's name, no title."""
    return _label_field(heading.strip(" *_:")) is not None


# A Markdown label at a line's start, bold or not: "**Speaker:**", "_When:_", "Time:".
_MD_LABEL = r"[ \t]*[*_]{0,2}(?P<label>[^:*_\n#]{2,30})[*_]{0,2}[ \t]*:"
# "- **When:**", "**Date:**", "Time:" at a line's start, in a list or not.
_LABEL_AT_LINE_START = deferred(rf"(?m)^(?:[ \t]*[-*+][ \t]+)?{_MD_LABEL}")
# "# Title" as the page's first line, a label within the next two lines.
_HEADING_OVER_LABEL = deferred(r"\s{0,10}#[ \t]+(?P<heading>[^\n]{3,200})\n(?:[ \t]*\n){0,2}" + _MD_LABEL)
# "**Speaker:** Ada Roe, Lakeshore University", then "## Title" within the next two lines.
_SPEAKER_LABEL_OVER_HEADING = deferred(rf"(?m)^{_MD_LABEL}"
                                       r"[^\n]{3,300}\n(?:[ \t]*\n){0,2}#{2,3}[ \t]+(?P<heading>[^\n]{3,200})$")


def _stated_lines(facts: FrontMatterFacts) -> str:
    """Return the front matter's speakers, series and free-text time as labelled lines."""
    lines = []
    if facts.speakers:
        lines.append("Speakers: " + "; ".join(f"{name} ({affiliation})" if affiliation else name
                                             for name, affiliation in facts.speakers))
    if facts.series:
        lines.append(f"Series: {facts.series}")
    if facts.when:
        lines.append(f"When: {facts.when}")
    return "\n".join(lines) + "\n\n" if lines else ""


def _event_title(data: dict[str, Any], page: str) -> str:
    """Return the front-matter title of an event page (``page``: its text after the block)."""
    title = scalar_text(data.get("title")) or ""
    month = _MONTH_LEAD.match(title)
    if month and month.group("month").lower() in _months():
        title = title[month.end():]  # "February: Why Do We Dream?": this month's talk
    words = title.split()
    if len(words) > 1 and words[-1].lower() in _months():
        # "Science Pub March": this month's meeting of a series; the post's first heading
        # names what the evening is about ("## Cities Under Water").
        heading = _MD_HEADING.search(page)
        if heading:
            return f"[{' '.join(words[:-1])}] {heading.group('text').strip()}"
    return title


# "February: ", "March – ": the month of a monthly talk before its title.
_MONTH_LEAD = deferred(r"(?P<month>\p{L}{3,9})\s{0,2}(?::|\s[–—-])\s{1,3}(?=\S)")
# "Ada Roe — Counting lichens from orbit": a post's headline that names the speaker first.
_NAME_DASH_TITLE = deferred(r"^(?P<name>[^—–:|]{4,60}?)\s(?:—|–|--)\s(?P<rest>\S.{2,250})$")


def _titled_person(data: dict[str, Any]) -> str:
    """Return a post's headline when it names the speaker before the title, else ""."""
    title = scalar_text(data.get("title")) or ""
    match = _NAME_DASH_TITLE.match(title)
    return title if match and is_person_name(match.group("name")) else ""


# "2026-04-23 17:30", "2025-11-18T19:00:00+01:00", "2026-11-02 18:04:00 +0000": a day, and
# maybe a clock time and a zone's offset.
_ISO_DAY_TIME = deferred(r"^(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?"
                         r"\s?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?$")


def _event_times(facts: FrontMatterFacts) -> tuple[str | None, str | None]:
    """Return the start and end (ISO) an event page's front matter gives; a zone's offset
    written into its date is kept; a day alone leaves the time to the text."""
    day = _ISO_DAY_TIME.match(facts.day or "")
    if day is None or not _real_day(day.group("day")):
        return None, None  # "2026-13-45" is no day
    zone = _offset(day.group("zone"))
    start_clock = day.group("time") or facts.start_time
    end = _ISO_DAY_TIME.match(facts.end or "")
    end_clock = end.group("time") if end else facts.end
    first = parse_clock(start_clock) if start_clock else None
    last = parse_clock(end_clock) if end_clock else None
    ranged = clock_range(facts.start_time) if facts.start_time and not end_clock else None
    if ranged:
        # 'time: "6:30 pm – 7:45 pm"', 'time: "11:00–12:00"': the end is in the time key.
        first = parse_clock(day.group("time")) if day.group("time") else ranged[0]
        last = ranged[1]
    if first is None:
        return day.group("day"), None
    begin, finish = resolve_range(first, last)
    start = f"{day.group('day')}T{begin // 60:02d}:{begin % 60:02d}:00{zone}"
    if finish is None and facts.minutes and begin + facts.minutes < 24 * 60:
        finish = begin + facts.minutes  # "duration: 60 min"
    end_day = end.group("day") if end and _real_day(end.group("day")) else day.group("day")
    if finish is None or (end_day == day.group("day") and finish <= begin):
        return start, None  # an end before the start is a slip
    return start, f"{end_day}T{finish // 60:02d}:{finish % 60:02d}:00{_offset(end.group('zone')) if end else zone}"


def _real_day(day: str) -> bool:
    try:
        datetime.date.fromisoformat(day)
    except ValueError:
        return False
    return True


def _offset(zone: str | None) -> str:
    """Return an ISO offset ("+01:00") of a written zone ("Z", "+0100"), or ""."""
    if not zone:
        return ""
    if zone == "Z":
        return "+00:00"
    return zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"


_MD_HEADING = deferred(r"(?m)^#{1,4}[ \t]+(?P<text>[^#\n]{3,150}?)[ \t#]*$")


def _months() -> frozenset[str]:
    return frozenset(vocabulary()["months"])


# A press release opens with its dateline: "RIVERTON, OR--". It names the press office's
# city, not a person or a place of the event.
_DATELINE = deferred(r"(?m)^(?P<city>\p{Lu}[\p{Lu} .'’]{1,40}),\s*\p{Lu}[\p{L}.]{1,6}\s*(?:--|—|–)\s*")


def _posted_header(data: dict[str, Any]) -> str | None:
    """Return a post's publication date (its front matter's "date:", "pubDate:", ...) as an
    e-mail Date header (RFC 2822).

    >>> _posted_header({"title": "X", "date": "2006-03-20T09:30:00-08:00"})
    'Mon, 20 Mar 2006 09:30:00 -0800'
    """
    posted = _ISO_DAY_TIME.match(published_date(data) or "")
    if posted is None:
        return None
    hour, minute = (posted.group("time") or "0:00").split(":")
    stamp = f"{posted.group('day')}T{int(hour):02d}:{minute}{_offset(posted.group('zone'))}"
    try:
        return email.utils.format_datetime(datetime.datetime.fromisoformat(stamp))
    except ValueError:
        return None


# A Markdown table's rule row ("|---|:--:|"), and a row of two cells ("| **Ort** | Hörsaal 3 |").
_MD_TABLE_RULE = deferred(r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|){1,8}[ \t]*:?-{0,}:?[ \t]*$\n?")
_MD_TABLE_PAIR = deferred(r"(?m)^[ \t]*\|[ \t]*(?P<key>[^|\n]{1,60}?)[ \t]*\|[ \t]*(?P<value>[^|\n]{1,400}?)[ \t]*\|[ \t]*$")
_MD_EMPTY_ROW = deferred(r"(?m)^[ \t]*(?:\|[ \t]*){2,}$\n?")


# "![A bee on a dandelion](/images/bee.jpg)": an image, its alt text a description of it.
_MD_IMAGE = deferred(r"!\[[^\]\n]{0,300}\]\([^)\s]{0,500}(?:\s+\"[^\"\n]{0,300}\")?\)")
# '{: .align-right width="280"}': kramdown's attributes of the element before them.
_KRAMDOWN_ATTRIBUTES = deferred(r"\{:[^{}\n]{0,200}\}")


def _markdown_text(text: str) -> str:
    """Return a page's Markdown (after its front matter) as plain text: links as their words,
    a table of two columns as "key: value" lines (a page's facts box), no images, emphasis
    marks or heading hashes.

    >>> _markdown_text('![A bee](/b.jpg){: .left}\\n\\nDr [Ada Roe](https://x.example) speaks.')
    '\\n\\nDr Ada Roe speaks.'
    """
    if "|" in text:
        text = _MD_TABLE_RULE.sub("", text)
        text = _MD_EMPTY_ROW.sub("", text)
        text = _MD_TABLE_PAIR.sub(lambda m: f"{m.group('key')}: {m.group('value')}", text)
    if "![" in text:
        text = _MD_IMAGE.sub("", text)  # a picture says nothing of the talk; its caption may
    if "{:" in text:
        text = _KRAMDOWN_ATTRIBUTES.sub("", text)
    text = _MD_LINK.sub(lambda m: m.group("text"), text)
    text = _DATELINE.sub("", text, count=1)
    return unescape_entities(_MD_MARKS.sub("", text))
