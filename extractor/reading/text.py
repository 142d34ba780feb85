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

import regex

from .. import rules
from ..fields.when import vocabulary
from ..shapes import is_series_name
from .glued import split_glued_lines
from .html import html_to_text, looks_like_html, page_heading, page_subheading, unescape_entities
from .ics import VeventView
from .structured import schema_event_times

# YAML front matter between "---" lines, or Hugo's TOML between "+++" lines.
_FRONT_MATTER = regex.compile(r"\A(?P<fence>---|\+\+\+)\s*\n(?P<head>.{0,4000}?)\n(?P=fence)\s*\n",
                              regex.DOTALL)
_MD_LINK = regex.compile(r"\[(?P<text>[^\]\n]{0,300})\]\((?P<url>[^)\s]{0,500})(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_MARKS = regex.compile(r"(?m)^#{1,6}\s+|\*\*|__")
_MAIL_HEADER = regex.compile(r"\A(?:(?:From|To|Subject|Date|Cc|Message-ID|Received|Return-Path|"
                             r"Content-Type|MIME-Version|Reply-To|Sender)[ \t]*:[^\n]*\n"
                             r"(?:[ \t][^\n]*\n)*){2,}", regex.IGNORECASE)


def text_view(text: str, *, kind: str) -> VeventView:
    """Return the event view of a text announcement; ``kind`` is txt, eml, md or html."""
    view = VeventView(index=0, kind="text", text_format=kind)
    if kind == "eml" or (kind == "txt" and _MAIL_HEADER.match(text)):
        _read_email(text, view)
    elif kind == "md":
        # A post's publication date goes before its text as an e-mail's Date header does: the
        # day the time rules count a weekday without a year from.
        posted = _posted_header(text)
        view.description = (f"Date: {posted}\n\n" if posted else "") + _markdown_text(text)
        view.summary = _event_title(text)
        view.start, view.end = _event_dates(text)
        view.location = _event_place(text)
    elif kind == "html" or looks_like_html(text[:2000]):
        view.description = html_to_text(text, page=True)
        view.summary = _page_summary(text)
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
    """
    heading, parts = page_heading(markup)
    subheading = page_subheading(markup)
    if heading is not None and subheading is not None and is_series_name(heading) and \
            not is_series_name(subheading):
        # "<h1>Lunch Talks</h1><h2>Talk title</h2>": the series over the talk.
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


_SUBJECT_LINE = regex.compile(r"(?mi)^[ \t]{0,4}Subject:\s*(?P<s>.+)$")
QUOTED_LINES_MIN = 5
_QUOTE_MARK = regex.compile(r"(?m)^>[ \t]?")


# "---------- Forwarded message ---------" or "Begin forwarded message:".
FORWARDED_MARKER = regex.compile(r"(?mi)^[ \t>]{0,4}(?:-{2,20}\s{0,3}(?:forwarded message|original message|original appointment)"
                           r"\s{0,3}-{0,20}|begin forwarded message:)[ \t]{0,8}$\n?")
FORWARDED_HEADERS = regex.compile(r"(?:[ \t]{0,4}(?:From|Date|Sent|Subject|To|Cc|Reply-To):[^\n]{0,300}\n){1,8}")
# A signature: a "-- " line and the few lines under it, up to a blank line (RFC 3676).
_SIGNATURE = regex.compile(r"(?m)^--[ \t]?\n(?:[^\n]{1,200}\n){1,8}(?=\n|\Z)")


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


_FRONT_TITLE = regex.compile(r"(?m)^title\s{0,3}[:=]\s*[\"']?(?P<title>[^\n]{1,300}?)[\"']?\s*$")
_EVENT_KEYS = regex.compile(r"(?m)^(?:start_time|end_time|startDate|endDate|start|location|venue|"
                            r"speaker|speakers)\s{0,3}[:=]")


def _event_title(text: str) -> str:
    """Return the front-matter title of an event page; a post's headline is not a title.

    An event page's front matter says when and where (``start_time:``, ``location:``); a
    press release's has a headline and an author, and its headline is no talk title.
    """
    match = _FRONT_MATTER.match(text)
    if match is None or not _EVENT_KEYS.search(match.group("head")):
        return ""
    found = _FRONT_TITLE.search(match.group("head"))
    title = found.group("title").strip() if found else ""
    words = title.split()
    if len(words) > 1 and words[-1].lower() in _months():
        # "Science Pub March": this month's meeting of a series; the post's first heading
        # names what the evening is about ("## Cities Under Water").
        heading = _MD_HEADING.search(text, match.end())
        if heading:
            return f"[{' '.join(words[:-1])}] {heading.group('text').strip()}"
    return title


# "date: 2025-04-17 19:00", "startDate: 2025-04-17", "date = 2006-03-20T09:30:00-08:00": when
# an event page's front matter says, or when a post was published.
_FRONT_DATE = regex.compile(r"(?m)^(?P<key>date|startDate|start|endDate|end)\s{0,3}[:=]\s*[\"']?"
                            r"(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{1,2}:\d{2})"
                            r"(?P<seconds>:\d{2})?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?")


def _event_dates(text: str) -> tuple[str | None, str | None]:
    """Return the start and end an event page's front matter gives (ISO, naive), if any; a
    post's front matter dates its publication, not the event."""
    match = _FRONT_MATTER.match(text)
    if match is None or not _EVENT_KEYS.search(match.group("head")):
        return None, None
    found: dict[str, str] = {}
    for date in _FRONT_DATE.finditer(match.group("head")):
        key = "end" if date.group("key") in ("endDate", "end") else "start"
        time = date.group("time")
        value = f"{date.group('day')}T{int(time.split(':')[0]):02d}:{time.split(':')[1]}:00" if time \
            else date.group("day")
        found.setdefault(key, value)
    return found.get("start"), found.get("end")


# "location: Hall 4" or "location:\n  name: \"The Copper Kettle\"" in an event page's front matter.
_FRONT_PLACE = regex.compile(r"(?m)^(?:location|venue):[ \t]*(?:[\"']?(?P<inline>[^\"'\n]{2,200}?)[\"']?[ \t]*$|\n"
                             r"[ \t]{1,8}name:[ \t]*[\"']?(?P<name>[^\"'\n]{2,200}?)[\"']?[ \t]*$)")


def _event_place(text: str) -> str | None:
    """Return the place an event page's front matter names, if any."""
    match = _FRONT_MATTER.match(text)
    if match is None or not _EVENT_KEYS.search(match.group("head")):
        return None
    place = _FRONT_PLACE.search(match.group("head"))
    return (place.group("inline") or place.group("name")).strip() if place else None


_MD_HEADING = regex.compile(r"(?m)^#{1,4}[ \t]+(?P<text>[^#\n]{3,150}?)[ \t#]*$")


def _months() -> frozenset[str]:
    return frozenset(vocabulary()["months"])


# A press release opens with its dateline: "RIVERTON, OR--". It names the press office's
# city, not a person or a place of the event.
_DATELINE = regex.compile(r"(?m)^(?P<city>\p{Lu}[\p{Lu} .'’]{1,40}),\s*\p{Lu}[\p{L}.]{1,6}\s*(?:--|—|–)\s*")


def _posted_header(text: str) -> str | None:
    """Return a post's publication date as an e-mail Date header (RFC 2822), if its front
    matter has one and says nothing of an event (an event page's dates are the event's).

    >>> _posted_header("+++\\ntitle = \\"X\\"\\ndate = 2006-03-20T09:30:00-08:00\\n+++\\nBody")
    'Mon, 20 Mar 2006 09:30:00 -0800'
    """
    match = _FRONT_MATTER.match(text)
    if match is None or _EVENT_KEYS.search(match.group("head")):
        return None
    posted = next((d for d in _FRONT_DATE.finditer(match.group("head")) if d.group("key") == "date"),
                  None)
    if posted is None:
        return None
    hour, minute = (posted.group("time") or "0:00").split(":")
    stamp = f"{posted.group('day')}T{int(hour):02d}:{minute}{posted.group('seconds') or ''}" + \
        (posted.group("zone") or "").replace("Z", "+00:00")
    try:
        return email.utils.format_datetime(datetime.datetime.fromisoformat(stamp))
    except ValueError:
        return None


def _markdown_text(text: str) -> str:
    match = _FRONT_MATTER.match(text)
    if match:
        text = text[match.end():]
    text = _MD_LINK.sub(lambda m: m.group("text"), text)
    text = _DATELINE.sub("", text, count=1)
    return unescape_entities(_MD_MARKS.sub("", text))
