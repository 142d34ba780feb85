"""The talk's title: a "Title:" line, the SUMMARY, a quoted title after "titled", or the layout."""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..layout import Line
from ..reading.text import FORWARDED_HEADERS, FORWARDED_MARKER
from ..shapes import (has_head, has_known_given_name, is_institution, is_person_name, is_placeholder,
                      is_series_name, strip_honorifics, strip_quotes)
from .people import parse_people, surname_of
from .series import event_in_speaker_label, names_a_series
from .speakers import TALK_BLOCK, talk_block_title
from .summary import SummaryParse
from .talk_kind import is_non_talk, says_no_meeting, summary_says_no_meeting
from .when import vocabulary, word_alternation


def _wrapping(excluded: str) -> str:
    """Return the pattern of one character of a passage that holds none of ``excluded`` and may
    wrap onto the next line, but not past a blank line."""
    return rf"(?:[^{excluded}\n]|\n(?![ \t]*\n))"


# A quoted title closes with the quote that matches its opening one; an apostrophe inside a
# word ("Navarre's") closes nothing.
# A double-quoted title may wrap onto the next line of a mail (not past a blank line). The
# German „…“, a Markdown page's *italics* and the _italics_ of a text converted from rich text
# set a title apart as quotes do.
_QUOTED = deferred(r"[\s,:]{0,12}(?:[*_]{1,2}(?=[\"“‘'«„]))?(?:"  # *"Title"*: quotes in italics
                   r"(?P<open>[\"“])(?P<title>" + _wrapping(r'\"“”«»') + r"{3,300}?)(?P<close>[\"”])"
                   r"|(?P<open>[‘'])(?P<title>" + _wrapping(r'\"“”«»') + r"{3,300}?)(?P<close>[’'])(?!\p{L})"
                   r"|(?P<open>«)(?P<title>" + _wrapping(r'\"“”«»') + r"{3,300}?)(?P<close>»)"
                   r"|(?P<open>„)(?P<title>" + _wrapping(r'\"“”«»„') + r"{3,300}?)(?P<close>[“”])"
                   r"|(?P<open>\*)(?P<title>\p{Lu}" + _wrapping("*") + r"{2,300}?)(?P<close>\*)(?!\*)"
                   r"|(?P<open>(?<!\w)_)(?P<title>\p{Lu}" + _wrapping("_") + r"{2,300}?)(?P<close>_)(?!\w))")
_TERMINAL = deferred(r"[.!]\s*$")
_QUOTED_LINE = deferred(r"^(?:[\"“‘«](?P<title>[^\"“”«»\n]{3,300})[\"”’»]|"
                            r"「(?P<title>[^「」\n]{3,300})」|『(?P<title>[^『』\n]{3,300})』)$")
_TALK_WORDS = deferred(r"(?i)\b(?:talk|lecture|seminar|colloquium|keynote|presentation|"
                       r"symposium|panel|conversation with|reading|webinar|defen[cs]e|"
                       r"vortrag|conférence|charla|ponencia)\b")
PLACEHOLDER = "placeholder"
_URL_VALUE = deferred(r"(?:https?://|www\.)\S{3,600}")


def title_candidates(ann: Announcement, summary: SummaryParse, *,
                     speaker_rule: str | None, speaker_names: Sequence[str] = ()) -> list[Candidate]:
    """Return title candidates, best first; a placeholder label ("Title: TBA") yields a None value.

    A line that only names the speaker ("Topic: VLSI Seminar: Roe (Acme)", a Subject
    "Colloquium Tuesday -- Roe") is no title; ``speaker_names`` are the speakers found.
    """
    found: list[Candidate] = []
    for label in ann.labelled("title"):
        value = label.value
        if not value:
            block = ann.block(label)
            value = " ".join(line.text for line in block[:2]) if block else ""
        if label.label == "what":
            value = _what_value(value)
            if value is None:
                continue
        # '"Title" (with Bo Li)': the co-author goes before the quotes can be taken off.
        value = strip_quotes(without_coauthors(_cut_tail(value)))
        if _URL_VALUE.fullmatch(value.strip()):
            continue  # "Paper: https://.../draft.pdf": a link to the paper, not its title
        if names_only_a_speaker(value, speaker_names):
            continue
        if summary.title and value != summary.title and _same_words(value, ann.view.summary):
            # A Zoom invitation's "Topic:" repeats the SUMMARY, which is read part by part
            # ("Series | Panel: Title").
            continue
        if label.label in ("topic", "subject") and (
                _ANNOUNCES_ONLY.search(value) or names_a_series(value) or _day_or_time().search(value)):
            # "Topic: Nuclear Engineering Seminar", "Topic: Comp Bio Seminar -- JOINT TALK Tues
            # 4/16", "Topic: RESCHEDULED: ... (was 2/9)", a forwarded mail's "Subject: Seminar -
            # Thursday, October 22": a line that says which series meets when; the title is in
            # the body, if anywhere.
            continue
        if is_placeholder(value):
            found.append(Candidate("title", None, "DESCRIPTION", f"label.{label.label}.{PLACEHOLDER}"))
            return found
        span = (label.value_start, label.value_start + len(label.value)) if label.value else None
        found.append(Candidate("title", value, "DESCRIPTION", f"label.{label.label}", span))
        break
    if speaker_rule == TALK_BLOCK:
        block = next((title for index in range(len(ann.lines))
                      if (title := talk_block_title(ann.lines, index)) is not None), None)
        if block and not is_placeholder(block):
            found.append(Candidate("title", block, "DESCRIPTION", TALK_BLOCK))
    book = _book_discussed(ann)
    quoted = book or _quoted_after_cue(ann) or _quoted_line(ann) or _quoted_beside_talk_noun(ann) or \
        _line_after_cue(ann) or _indented_block_set_apart(ann)
    if found and quoted and found[0].rule == "label.topic" and _REMINDER.search(str(found[0].value)):
        # "Topic: Speech Group Seminar -- REMINDER today" over the quoted title: the topic line
        # repeats the series (a Topic that only names one was passed over above).
        found[0] = quoted
    if not found and not quoted and ann.view.kind == "text" and (block := _indented_block_title(ann)):
        # A mail's title set off as an indented block above the indented date line says the
        # title more fully than a Subject line ("This Friday: Roe on settlements").
        found.append(block)
    title_only = summary.rules.get("title") == "summary.title_only"
    event = event_in_speaker_label(ann)
    if title_only and event is not None and summary.title and \
            _same_words(str(event.value), summary.title):
        # "Speaker: Lakeshore Symposium 2026" and the SUMMARY says the same: the event's name,
        # no talk's title.
        return found
    # A SUMMARY that was no person's name ("Small Press Fair") is a title only of a talk, as a
    # bare SUMMARY is.
    bare = title_only or summary.rules.get("title") == "summary.not_a_person"
    if book and summary.title and str(book.value).casefold().startswith(
            strip_quotes(summary.title).casefold().rstrip(" .")):
        # "Author Talk: Ada Roe, “The Salt Road”" over "discusses her new book, The Salt Road:
        # Two Centuries of ...": the SUMMARY shortens the book's title.
        found.append(book)
    subject = None
    if summary.title and not (quoted and title_only) and not _SESSION_OF_TALKS.search(summary.title) and \
            not names_only_a_speaker(summary.title, speaker_names) and \
            (not bare or _looks_like_talk(ann, summary, speaker_rule)):
        subject = Candidate("title", summary.title, "SUMMARY", summary.rules["title"])
    says_when = subject is not None and quoted is not None and ann.view.kind == "text" and \
        _day_or_time().search(summary.title or "") is not None
    if subject is not None and not says_when:
        found.append(subject)
    if quoted:
        found.append(quoted)
    if says_when:
        # "Subject: CompLit Colloquium, Thu 21/3, 16h, LB 3.14" over the quoted title in the
        # body: a mail's subject that says when and where gives way to the body's title.
        found.append(subject)
    layout = _from_layout(ann, speaker_rule, summary_has_title=bool(summary.title),
                          summary_names_speaker=bool(summary.speakers)) or \
        _line_over_the_speaker(ann, speaker_names)
    if layout and _looks_like_talk(ann, summary, speaker_rule):
        found.append(layout)
    return found


_WORD = deferred(r"\w+")
# A reminder's words in a bulletin's Topic line: it repeats when and where, not what.
_REMINDER = deferred(r"(?i)\b(?:reminder|today|tomorrow|tonight)\b")
# A bulletin's Topic line that announces a change or a reminder, not a title.
_ANNOUNCES_ONLY = deferred(r"(?i)^\W{0,3}(?:reminder|rescheduled|postponed|cancell?ed|room\schange|"
                           r"new\s(?:date|time|room)|today|tomorrow)\b")
_YEAR = deferred(r"(?:19|20)\d{2}")
# "two graduate talks", "Double bill - A & B", "PhD student talks", "Student Showcase": a
# session of several talks, which has no one title.
_SESSION_OF_TALKS = deferred(r"(?i)\b(?:two|three|four|several|double|twin)\b(?:[\s\-]{1,3}[\w\-]{1,15}){0,2}"
                             r"[\s\-]{1,3}(?:talks|presentations|bill|lectures)\b|"
                             r"\bstudent\s(?:talks|showcase|presentations)\b")


# What follows the last separator of "VLSI Seminar: Roe (Acme)" or "Colloquium 4/16 -- Roe".
_SEPARATOR = deferred(r"[:|]|\s[-–—]{1,2}\s")
_BRACKETED = deferred(r"\([^()]*\)|\[[^\[\]]*\]")


def names_only_a_speaker(value: str, speaker_names: Sequence[str]) -> bool:
    """Return whether the end of ``value`` is only a speaker's surname or name, brackets aside.

    >>> names_only_a_speaker("VLSI Seminar: Roe-Park (Acme)", ["Ada Roe-Park"])
    True
    >>> names_only_a_speaker("Roe on settlements", ["Ada Roe"])
    False
    >>> names_only_a_speaker("Brown Bag, Tues. Mar. 16 -- Roe-Park", ["Ada Roe-Park"])
    True
    """
    if not speaker_names:
        return False
    last = None
    for last in _SEPARATOR.finditer(value):
        pass
    after = value[last.end():] if last else value
    tail = " ".join(_BRACKETED.sub(" ", after).split()).strip(" .,;")
    if not tail:
        return False
    return any(tail.casefold() in (name.casefold(), surname_of(name).casefold())
               for name in speaker_names if name.split())


def _same_words(a: str, b: str) -> bool:
    """Return whether two names have the same words, years aside."""
    def key(text: str) -> set[str]:
        return {w for w in _WORD.findall(text.lower()) if not _YEAR.fullmatch(w)}
    return key(a) == key(b)


def _quoted_after_cue(ann: Announcement) -> Candidate | None:
    for cue in ann.cues("TITLE_BEFORE"):
        if _SHOW_BEFORE_TITLED.search(ann.text, max(0, cue.start_char - 40), cue.start_char):
            continue  # 'the new exhibition entitled "X"' names a show, not the talk
        match = _QUOTED.match(ann.text, cue.end_char, cue.end_char + 320)
        if match:
            title = strip_quotes(match.group("open") + match.group("title") + match.group("close"))
            if title and not is_placeholder(title):
                return Candidate("title", title, "DESCRIPTION", f"prose.{cue.id_}",
                                 (match.start("title"), match.end("title")))
        elif cue.text.lower().endswith("titled") and \
                _TALK_BEFORE_TITLED.search(ann.text, max(0, cue.start_char - 80), cue.start_char):
            # "a talk by Ada Roe, titled Prairie after corn: lessons from twenty restorations."
            bare = _UNQUOTED.match(ann.text, cue.end_char, cue.end_char + 320)
            if bare and not is_placeholder(bare.group("title")) and \
                    len(bare.group("title").split()) <= 20:
                title = " ".join(bare.group("title").split())
                return Candidate("title", title, "DESCRIPTION", f"prose.{cue.id_}.unquoted",
                                 (bare.start("title"), bare.end("title")))
    return None


# "a talk by Ada Roe, titled ..." (not "her book titled ..."): a talk noun shortly before.
_TALK_BEFORE_TITLED = deferred(r"(?i)\b(?:talk|lecture|presentation|seminar|colloquium|keynote|"
                               r"address)\b[^.!?\n]{0,70}$")
# "the exhibition entitled", "a documentary titled": the name of something shown, not of the talk.
_SHOW_BEFORE_TITLED = deferred(r"(?i)\b(?:exhibition|exhibit|installation|film|movie|documentary|"
                                   r"album)[\s,]{1,3}$")
# An unquoted title after "titled", up to the end of its sentence.
# It ends at the sentence's end or where the day is given ("... Salvaged Houses on Wednesday, Sept. 30").
_UNQUOTED = deferred(r"[\s,:]{1,3}(?P<title>\p{Lu}[^.!?\n\"“”]{2,240}?[?!]?)(?=\.\s|\.$|\s{2}|\n|$|[?!]\s|"
                     r",?\s(?:on\s|this\s|next\s)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")


# A quoted title beside a talk noun: 'The lecture, "X," will be presented by', '"X," presented
# by', 'during "X," a free public lecture'. Speech quotes ("...," she said) have no such noun.
# Italics (*X*, or _X_ in a text converted from rich text) set a title apart too.
_ANY_QUOTE = deferred(r"[\"“](?P<title>\p{Lu}" + _wrapping('"“”') + r"{2,200}?)[,.]?[\"”]"
                      r"|(?<![\w*])\*(?P<title>\p{Lu}" + _wrapping("*") + r"{2,200}?)\*(?!\*)"
                      r"|(?<!\w)_(?P<title>\p{Lu}" + _wrapping("_") + r"{2,200}?)_(?!\w)")
_TALK_NOUN_BEFORE = deferred(r"(?i)\b(?:lecture|talk|symposium|presentation|address|keynote|"
                             r"reading|seminar|colloquium|speech|discussion|forum|panel)"
                             r"\s*[,:]?\s*$")
_TALK_NOUN_AFTER = deferred(r"(?i)^\s{0,3}[,:]?\s{0,3}(?:(?:will\s{1,3}be\s{1,3}|is\s{1,3})?"
                            r"(?:presented|given|delivered)\s{1,3}by|"
                            # '"Where Comets Go to Die", will be given on Friday'
                            r"will\s{1,3}be\s{1,3}(?:presented|given|delivered)\b|(?:a|an|the)\s{1,3}"
                            r"(?:\w{1,20}\s{1,3}){0,3}?(?:lecture|"
                            r"talk|presentation|reading|keynote|symposium|discussion|address|"
                            r"seminar|colloquium)\b)")
_SPEECH_OPENING = deferred(r"(?:As|We|I|It|It's|This|That|There|If|When|You|They|He|She|"
                           r"Our|My)\s")
_CONTACT_TAIL = deferred(r"\s+/\s+(?=[^/]*(?:@|\(at\)|\[at\]|https?://|questions))")


def _what_value(value: str) -> str | None:
    """The title a "What:" line gives, or None where it describes the event instead.

    "What: Terrain Classification from Wheel Vibration" is the title; 'What: The spring lecture,
    "Deferred Debts"' gives it in quotes; "What: Seminar", "What: Hale Memorial Lecture" (the
    series) and a paragraph of prose ("WHAT: The annual symposium ... will feature research
    from ...") give none.
    """
    quoted = _ANY_QUOTE.search(value)
    if quoted:
        return quoted.group("title")
    head, colon, rest = value.partition(": ")
    if colon and names_a_series(head):
        value = rest  # "What: Lantern Lecture: Threads of Empire": the series, then the title
    words = value.split()
    if len(words) > _WHAT_MAX_WORDS or _SENTENCE_BREAK.search(value) or names_a_series(value) or \
            all(word.lower().strip(".,:") in rules.gazetteer("event_kinds") for word in words):
        return None
    return value


_WHAT_MAX_WORDS = 20
_SENTENCE_BREAK = deferred(r"[.!?]\s+\p{Lu}")


def _cut_tail(value: str) -> str:
    """Return a title value without a note glued after " / " ("... / Any questions to x@y")."""
    tail = _CONTACT_TAIL.search(value)
    return value[:tail.start()] if tail else value


# "Title (joint with A, B and C)": co-authors, not part of the title, even when the feed cut
# the parenthesis short ("(joint with A, B, C…").
_JOINT_TAIL = deferred(r"\s{0,3}(?:\((?:joint(?: work)? with|with|w/)\s[^()]{0,200}(?:\)|…|\.\.\.)?"
                       # '"Title" -- joint work with A, B and C': after a spaced dash
                       r"|\s(?:--|–|—)\s{1,3}joint(?: work)? with\s[^()\n]{2,200})\s{0,3}$",
                       regex.IGNORECASE)


# "Should we rewild the uplands? (panel)": the kind of event in brackets after the title.
_KIND_TAIL = deferred(r"\s{1,3}\((?i:panel(?:\sdiscussion)?|lecture|talk|keynote|workshop|"
                      r"webinar|seminar|roundtable|discussion|in[\s-]person|online|hybrid|"
                      r"virtual)\)$")


def without_kind_tail(title: str) -> str:
    """Return ``title`` without a bracketed kind of event after it, a Markdown link's markup
    or a paper's citation after it.

    >>> without_kind_tail("Should we rewild the uplands? (panel)")
    'Should we rewild the uplands?'
    >>> without_kind_tail("[Safe regions](https://x.example/p.pdf) (Hadley & Roux, 2025)")
    'Safe regions'
    >>> without_kind_tail("Trade Shocks and Local Finance (rescheduled from 30/11)")
    'Trade Shocks and Local Finance'
    """
    if "](" in title:
        title = _MARKDOWN_LINK.sub(lambda m: m.group("text"), title)
        title = _CITATION_TAIL.sub("", title)
    if title.endswith((")", "]")):
        title = _STATUS_TAIL.sub("", title)
    return _KIND_TAIL.sub("", title)


# "Trade Shocks (rescheduled from 30/11)", "... [new date]": a note on the talk's date or room.
_STATUS_TAIL = deferred(r"\s{1,3}[(\[](?i:rescheduled|postponed|moved|new\s(?:date|time|room)|"
                        r"cancell?ed|updated?|date\schange|room\schange)\b[^()\[\]\n]{0,40}[)\]]$")


_MARKDOWN_LINK = deferred(r"\[(?P<text>[^\]\n]{1,300})\]\([^)\s]{1,500}\)")
# "(Hadley, Oyama & Roux, 2025)": the authors and year of a paper after its title.
_CITATION_TAIL = deferred(r"\s{1,3}\([^()]{2,120},\s{1,3}(?:19|20)\d{2}[a-z]?\)$")


def first_language(title: str) -> str:
    """Return the first half of a title written in two languages, parted by " / ".

    >>> first_language("Los ríos de la ciudad hoy / The rivers of the city today")
    'Los ríos de la ciudad hoy'
    >>> first_language('«Voces del exilio: cartas de mujeres» / "Voices of Exile: Letters of Women"')
    'Voces del exilio: cartas de mujeres'
    >>> first_language("Ada Roe / Superconductivity"), first_language("AI / ML in the clinic")
    ('Ada Roe / Superconductivity', 'AI / ML in the clinic')
    """
    halves = [strip_quotes(h) for h in title.split(" / ")]
    if len(halves) == 2 and all(len(h.split()) >= _BILINGUAL_HALF_WORDS and h[:1].isupper()
                                for h in halves):
        return halves[0]  # each half may have its own quotes: '«Voces del exilio» / "Voices ..."'
    return title


# Words each half of a title in two languages has at least: "A / B" with short halves is one
# title ("Speaker / Topic", "AI / ML in the clinic").
_BILINGUAL_HALF_WORDS = 4


def without_coauthors(title: str) -> str:
    """Return ``title`` without a closing "(joint with ...)".

    >>> without_coauthors("On rings (joint with Ada Roe and Bo Okafor)")
    'On rings'
    >>> without_coauthors('"On rings" -- joint work with Ada Roe and Bo Okafor')
    '"On rings"'
    """
    bare = _JOINT_TAIL.sub("", title) or title
    if bare != title and bare.endswith(("”", '"')) and not any(q in bare[:-1] for q in '"“'):
        bare = bare[:-1].rstrip()  # the closing quote of a title whose opening one is lost
    return bare


# The subtitle a description writes after a title the SUMMARY gives short: a colon or a dash,
# then two words or more up to the end of the line or a closing quote.
# A subtitle's word: no quote, stop or colon, but an apostrophe between letters ("Ship’s").
_SUBTITLE_WORD = r"(?:[^\s\"“”‘’.!?:]|(?<=\p{L})[’'](?=\p{L})){1,40}"
_SUBTITLE = deferred(rf"[ \t]{{0,2}}(?:(?P<mark>:|[ \t][–—-])|(?<=[?!]))[ \t]{{1,3}}"
                     rf"(?P<sub>(?(mark)|(?=\p{{Lu}})){_SUBTITLE_WORD}(?:[ \t]{_SUBTITLE_WORD}){{1,20}}[?!]?)"
                     r"(?P<end>[\"”’]|\.?[ \t]*(?:\n|$)|\.(?=[ \t]))")
# Hard-wrapped text may break a quoted subtitle's line ("How Hollywood Misreads America's\n
# Greatest Novel\""), not at a blank line.
_WRAPPED_SUBTITLE = deferred(
    rf"[ \t]{{0,2}}(?P<mark>:)[ \t]{{1,3}}(?P<sub>{_SUBTITLE_WORD}(?:(?:[ \t]|\n(?![ \t]*\n)[ \t]{{0,8}}){_SUBTITLE_WORD}){{1,20}}[?!]?)"
    r"(?P<end>[\"”’])")
# What may stand right before a title written whole: a line's start, a quote, a label's colon.
_TITLE_OPENERS = "\n\"“‘«:"
# An article before a title the SUMMARY writes without it.
_ARTICLE_BEFORE = deferred(r"(?<=[\n\"“‘«:,][ \t]{0,2})(?:The|A|An)$")
# A talk's cue after the mark is no subtitle ("Meters in Exile: a lecture by Ada Roe").
_NOT_SUBTITLE = deferred(r"(?i)\b(?:lecture|talk|seminar|presentation|webinar|by|with|"
                         r"presented|given|speaker|join|register|in\sconversation|in\sdialogue)\b")


def with_subtitle(title: str, text: str) -> str:
    """Return ``title`` with the subtitle the description writes after it, if it writes one.

    >>> with_subtitle("Blame Without Choice", 'Talk: "Blame Without Choice: Attention and Responsibility"')
    'Blame Without Choice: Attention and Responsibility'
    >>> with_subtitle("Meters in Exile", "Meters in Exile: a lecture by Ada Roe.")
    'Meters in Exile'
    >>> with_subtitle("The Long Way Round", "In The Long Way Round: Notes of a Pilot, she tells")
    'The Long Way Round'
    >>> with_subtitle("Who Owns the Shore?", "\\nWho Owns the Shore? Tidal Land and the Courts\\n")
    'Who Owns the Shore? Tidal Land and the Courts'
    >>> with_subtitle("Charting the Sky", "\\nCharting the Sky: Ship’s Astronomers of the South\\n")
    'Charting the Sky: Ship’s Astronomers of the South'
    >>> with_subtitle("Great Gatsby", 'present "The Great Gatsby: How Films\\nRead It" at')
    'The Great Gatsby: How Films Read It'
    >>> with_subtitle("Cane Cutters", "her new history, Cane Cutters: Four Generations on the River. It")
    'Cane Cutters: Four Generations on the River'
    """
    at = text.find(title, 0, 20000)
    before = text[max(0, at - 10):at].rstrip(" \t")
    article = _ARTICLE_BEFORE.search(before) if at >= 0 and not title[:1].islower() else None
    if article is not None:
        # '"The Not-So-Great Gatsby: How ..."' for the SUMMARY's "Not-So-Great Gatsby"
        before = before[:article.start()].rstrip(" \t")
    if at < 0 or len(title.split()) < 2 or before and before[-1] not in _TITLE_OPENERS + ",":
        return title  # a book's title in running prose ("In The Long Way Round: ..., she ...")
    quoted = _WRAPPED_SUBTITLE.match(text, at + len(title)) if before[-1:] in "\"“‘" else None
    match = quoted or _SUBTITLE.match(text, at + len(title))
    if match is None or _NOT_SUBTITLE.search(match.group("sub")) or \
            before[-1:] == "," and not match.group("end").startswith("."):
        # After a comma the title and its subtitle end the sentence: "her new history, Cane
        # Cutters: Four Generations on the River."
        return title
    # "Who Owns the Foreshore? Tidal Land and the Courts": a question mark is the mark.
    mark = ":" if match.group("mark") == ":" else " " + (match.group("mark") or "").strip()
    whole = f"{title}{mark.rstrip()} {' '.join(match.group('sub').split())}"
    return f"{article.group().strip()} {whole}" if article is not None else whole


def strip_speaker_prefix(title: str, speaker_names: Sequence[str]) -> str:
    """Return ``title`` without the name and colon of one of its speakers it opens with: a
    SUMMARY's "Ada Roe: Harper Falling" that was left whole (its title reads like a name too),
    a mail's "Subject: Dr. Ada Roe: Tidal Falling".

    >>> strip_speaker_prefix("Roe: On engines", ["Ada Roe"])
    'On engines'
    >>> strip_speaker_prefix("Dr. Ada Roe-Park: Tidal Falling", ["Ada Roe-Park"])
    'Tidal Falling'
    >>> strip_speaker_prefix("Tides: A History", ["Ada Roe-Park"])
    'Tides: A History'
    """
    head, colon, rest = title.partition(":")
    if not (colon and rest.strip() and speaker_names):
        return title
    name = strip_honorifics(" ".join(_BRACKETED.sub(" ", head).split()).strip(" .,;")).casefold()
    if any(name in (n.casefold(), surname_of(n).casefold()) for n in speaker_names if n.split()):
        return rest.strip()
    return title


def _looks_like_talk(ann: Announcement, summary: SummaryParse, speaker_rule: str | None) -> bool:
    """Return whether the event presents a talk: a SUMMARY alone is a title only then.

    Concerts, tours, sports, opening hours and socials have SUMMARY lines too; a careful reader
    calls them titles of talks only when someone speaks or the text says it is a talk.
    """
    if summary_says_no_meeting(ann.view.summary) or (ann.lines and says_no_meeting(ann.lines[0].text)):
        # "Geen colloquium (meivakantie)", "Seminario sospeso", or "Seminar" over a text that opens "no seminar
        # this week": a series word, and no meeting
        return False
    if speaker_rule is not None or summary.speakers and \
            summary.rules.get("title") != "summary.not_a_person":
        return True
    if "NON_TALK_EVENT" in ann.summary_cue_labels and is_non_talk(ann):
        return False  # "Reading period", "Book club": a kind of event that is no talk
    if _TALK_WORDS.search(ann.view.summary) or \
            any(_TALK_WORDS.fullmatch(c.strip()) for c in ann.view.categories):
        return True  # "Wetland Birds" with CATEGORIES:Talk,Nature
    if summary.title and has_head(summary.title, "non_talk_words") or is_non_talk(ann):
        return False
    return bool(ann.cues("TALK", "SPEAKER_AFTER", "SPEAKER_BEFORE", "TITLE_BEFORE"))


def _book_discussed(ann: Announcement) -> Candidate | None:
    """The title of the book an author talk is about: "will discuss her new book, *The Grass
    Sea: Ten Thousand Years of the Tallgrass Prairie*, in the museum's gallery" (bookshop and
    library author-talk rule: the book is the talk's title).

    >>> from extractor.reading.ics import VeventView
    >>> from extractor.announcement import parse_announcement
    >>> def book(text): return _book_discussed(parse_announcement(VeventView(index=0, description=text)))
    >>> book("Ada Roe will discuss her new book, Frozen Ledgers: The Account Books of a Trading "
    ...      "Post, 1781–1969, in conversation with Bo Li.").value
    'Frozen Ledgers: The Account Books of a Trading Post, 1781–1969'
    >>> book("Ada Roe discusses his new book Shaft Sixteen at the Reading Room.").value
    'Shaft Sixteen'
    >>> book("Ada Roe will read from her new novel, Salt Roads (Harbour Press, 2019).").value
    'Salt Roads'
    >>> book("Ada Roe will talk about her new book on the mills of the valley.") is None
    True
    >>> book("Ada Roe will discuss her new book, *Salt Roads: A Town, a Mine and Its Work* (2018).").value
    'Salt Roads: A Town, a Mine and Its Work'
    """
    match = _BOOK_CUE.search(ann.text[:6000])
    if match is None:
        return None
    marked = _MARKED_TITLE.match(match.group("rest"))
    if marked is not None:
        # "*The Salt Ledger: A Village, a Mine and Two Hundred Years of Work*": the emphasis
        # or the quotes say where the book's title ends, commas and lower-case words within.
        at = match.start("rest") + marked.start("title")
        title = " ".join(marked.group("title").split())
        return Candidate("title", title, "DESCRIPTION", "prose.book_discussed", (at, at + len(marked.group("title"))))
    words: list[str] = []
    for word in match.group("rest").split():
        bare_word = word.strip("*_\"“”‘’'()")
        if not bare_word or bare_word == "at" and words:
            break  # "... Shaft Sixteen at the Reading Room": where the talk is, not the title
        if not (bare_word[:1].isupper() or bare_word[:1].isdigit() or bare_word in _TITLE_JOINERS) or \
                words and words[-1].endswith(",") and not (bare_word[:1].isupper() or bare_word[:1].isdigit()):
            break
        words.append(word)
        if word.rstrip("*_\"”’'").endswith((".", "?", "!")):
            break
    while words and words[-1].strip("*_,\"”’'") in _TITLE_JOINERS:
        words.pop()  # "Shaft Sixteen at the ...": the joiner that opened the rest of the sentence
    title = strip_quotes(_PUBLISHER_AND_YEAR.sub("", " ".join(words)).strip(" ,.;*_"))
    at = match.start("rest") + len(match.group("rest")) - len(match.group("rest").lstrip())
    if not title[:1].isupper() and not title[:1].isdigit():
        return None
    return Candidate("title", title, "DESCRIPTION", "prose.book_discussed", (at, at + len(title)))


# A book's title set off by Markdown emphasis or by quotes: "*Title: Subtitle, and More*".
_MARKED_TITLE = deferred(r"\s{0,3}(?P<mark>\*{1,2}|_{1,2}|[\"“])(?P<title>\p{Lu}[^*_\"“”\n]{1,200}?)"
                         r"(?:(?P=mark)|(?<=[^\"“])”)(?!\w)")
# "(Harbour Press, 2024)": the publisher and year after a book's title, no part of it.
_PUBLISHER_AND_YEAR = deferred(r"\s{0,3}\((?:[^()\n]{2,60},\s{1,3})?(?:19|20)\d{2}\)[.,;]?$")
# "will discuss her new book, ...", "talks about his latest novel", "will read from and sign
# her new book ...": an author talk about one book, whose title follows.
_BOOK_CUE = deferred(
    r"\b(?:discuss(?:es)?|(?:talks?|speak(?:s)?)\s{1,3}about|read(?:s)?\s{1,3}from|present(?:s)?|"
    r"introduce(?:s)?|(?:discuss|read\s{1,3}from)(?:es)?\s{1,3}and\s{1,3}sign(?:s)?)\s{1,3}"
    r"(?:her|his|their)\s{1,3}(?:(?:new|latest|recent|first|debut|second|third|forthcoming)\s{1,3})?"
    r"(?:book|novel|memoir|biography|history|study|collection|poetry\s{1,3}collection),?\s{1,3}"
    r"(?P<rest>" + _wrapping("") + r"{3,240})")
# Short words that stay inside a title written in title case ("Ten Thousand Years of the ...").
_TITLE_JOINERS = frozenset({"of", "the", "a", "an", "and", "in", "on", "at", "for", "to", "with",
                            "from", "by", "&", "–", "—", "-", "or", "as", "into", "over", "under"})


def _quoted_beside_talk_noun(ann: Announcement) -> Candidate | None:
    """Return a quoted title that a talk noun introduces or follows, near the top of the text."""
    text = ann.text[:6000]
    for match in _ANY_QUOTE.finditer(text):
        title = " ".join(match.group("title").split())
        if len(title.split()) < 2 or _SPEECH_OPENING.match(title):
            continue
        before = text[max(0, match.start() - 40):match.start()]
        if match.group()[:1] in "*_" and "\n\n" in before:
            # An italic line under a heading ("... Lecture" / "*News Office, October 14*") is
            # a byline; a quoted title under "SEMINAR" is the seminar's.
            before = before[before.rfind("\n\n") + 2:]
        after = text[match.end():match.end() + 60]
        # 'Roe said. "But they both write about the valley."' and then "The reading is free":
        # a quoted sentence ends its own sentence; the talk noun after it opens the next one.
        ends_sentence = match.group().rstrip("\"”*_")[-1:] in ".!?" and after[:1].isspace()
        if _TALK_NOUN_BEFORE.search(before) or not ends_sentence and _TALK_NOUN_AFTER.match(after):
            return Candidate("title", strip_quotes(title), "DESCRIPTION", "prose.quoted_talk_noun",
                             (match.start("title"), match.end("title")))
    return None


def _quoted_line(ann: Announcement) -> Candidate | None:
    """A line near the top (of the forwarded message, in a forward) that is a quotation and
    nothing else: "“On tame sheaves”", or a quotation wrapped over two lines."""
    top = _message_lines(ann)[:_TOP_LINES]
    for index, line in enumerate(top):
        # '“Forward Guidance” (with Bo Li)': the co-author note after the quotation goes.
        match = _QUOTED_LINE.match(without_coauthors(line.text))
        end = line.end
        if match is None and index + 1 < len(top) and top[index + 1].number == line.number + 1:
            # "“Counting without numbers: approximation, gesture and grammar in the" / "languages
            # of the upper Serra”": a quotation that the mail's line length wrapped.
            match = _QUOTED_LINE.match(f"{line.text} {top[index + 1].text}")
            end = top[index + 1].end
        if match and 1 <= len(match.group("title").split()) <= 30:
            title = " ".join(strip_quotes(match.group()).split())
            if not is_placeholder(title):
                return Candidate("title", title, "DESCRIPTION", "layout.quoted_line",
                                 (line.start, end))
    return None


_TOP_LINES = 8
_TITLE_LINE_WORDS = 25


def _line_after_cue(ann: Announcement) -> Candidate | None:
    """The line set apart under a sentence that ends on a title cue: "Our speaker is Ada Roe,
    who will talk about" / (a blank line) / "    Proof search for temporal logic"."""
    for cue in ann.cues("TITLE_BEFORE"):
        line = ann.line_at(cue.end_char - 1)  # the line the cue ends on ("will\npresent")
        # "will present work from her dissertation:" ends on a colon as the bare cue does.
        if line is None or ann.text[cue.end_char:line.end].strip(" :") and \
                not line.text.rstrip().endswith(":") or line.number in ann.label_line_numbers:
            continue
        at = ann.line_index_at(cue.end_char - 1)
        below = [l for l in ann.lines[at + 1:at + 4] if l.number <= line.number + 3]
        if not below or below[0].number in ann.label_line_numbers:
            return None
        # Set apart by a blank line: not the next line of a wrapped sentence.
        apart = below[0].number > line.number + 1
        title = strip_quotes(_with_indented_continuation(below))
        if apart and title[:1].isupper() and 2 <= len(title.split()) <= _TITLE_LINE_WORDS and \
                not _TERMINAL.search(title) and \
                not is_person_name(title) and not is_placeholder(title):
            return Candidate("title", title, "DESCRIPTION", f"layout.line_after_{cue.id_}",
                             (below[0].start, below[0].end))
        return None
    return None


def _indented_block_set_apart(ann: Announcement) -> Candidate | None:
    """The title of a mail set off as an indented block of one to three lines between blank
    lines, under a paragraph that leads into it ("He'll talk about" / "Her topic:") or wholly
    in quotes ("    "Staffing Call Centers with Uncertain Arrival" / "      Rates: A ...")."""
    lines = ann.lines[:_SET_APART_LINES]
    for index in range(1, len(lines)):
        line, above = lines[index], lines[index - 1]
        if line.indent < INDENTED or line.indent <= above.indent or line.number < above.number + 2:
            continue
        end = _run_end(lines, index)
        if end - index > _BLOCK_LINES:
            continue  # a paragraph, not a title
        text = " ".join(l.text for l in lines[index:end])
        quoted = _QUOTED_LINE.match(text)
        if quoted is None and not _LEADS_IN.search(above.text):
            continue
        title = " ".join(strip_quotes(text).split())
        if quoted is None and _names_no_talk(lines[index:end]):
            continue
        if 2 <= len(title.split()) <= _TITLE_LINE_WORDS and not _TERMINAL.search(title) and \
                not is_person_name(title) and not is_placeholder(title) and \
                not _day_or_time().search(title):
            return Candidate("title", title, "DESCRIPTION", "layout.indented_set_apart",
                             (line.start, lines[end - 1].end))
    return None


_SET_APART_LINES = 60
_BLOCK_LINES = 3
# The end of a sentence that leads into a title set off below it.
_LEADS_IN = deferred(r"(?i)(?:\b(?:about|on|entitled|titled|called)|\btopic\s?:|\btitle\s?:)\s*$")
_BANNER_LINE_WORDS = 7  # "Department of Environmental Science and Engineering"


def _run_end(lines: list[Line], index: int) -> int:
    """Return the index after the run of lines that follow ``lines[index]`` with no blank
    line between them."""
    end = index + 1
    while end < len(lines) and lines[end].number == lines[end - 1].number + 1:
        end += 1
    return end


def _names_no_talk(block: list[Line]) -> bool:
    """Return whether a block of lines set apart names a series, a person or an institution
    rather than a talk: "ROBOTICS SEMINAR", "DR. ADA ROE" / "Department of X", "EXAMPLE INSTITUTE
    OF TECHNOLOGY" (a banner's lines, which capitals make look like a title)."""
    if block[0].text[:1] in "\"“‘«":
        return False  # a quotation set apart is a title, whatever its words
    last = block[-1].text.split()[-1].lower().strip(".,:;") if block[-1].text.split() else ""
    if last in rules.gazetteer("series_heads") or last in rules.gazetteer("event_kinds"):
        return True
    for line in block:
        text = line.text if not line.text.isupper() else line.text.title()
        if ":" not in text and len(text.split()) <= _BANNER_LINE_WORDS and is_institution(text) or \
                is_person_name(strip_honorifics(text)) or \
                len(people := parse_people(text)) > 1 and all(has_known_given_name(p.name) for p in people):
            return True
    return False


def _with_indented_continuation(lines: list[Line]) -> str:
    """Return the first line's text, with the next line when an indented title wraps onto it
    ("     Remembering Where, Forgetting When: Source Memory for Spatial" / "     and
    Temporal Context")."""
    text = lines[0].text.strip()
    if len(lines) > 1 and lines[0].indent >= INDENTED and lines[1].number == lines[0].number + 1 \
            and lines[1].indent == lines[0].indent and not _TERMINAL.search(text):
        text = f"{text} {lines[1].text.strip()}"
    return text


def _message_lines(ann: Announcement) -> list[Line]:
    """Return the lines of the announcement itself: in a forward, those of the forwarded
    message after its header lines; else all lines."""
    if "orward" not in ann.text[:_FORWARD_REACH]:
        return ann.lines  # no "Forwarded message" / "Begin forwarded message" near the top
    marker = FORWARDED_MARKER.search(ann.text, 0, _FORWARD_REACH)
    if marker is None:
        return ann.lines
    at = marker.end()
    headers = FORWARDED_HEADERS.match(ann.text, at)
    if headers:
        at = headers.end()
    return ann.lines[ann.line_index_at(at - 1) + 1:]  # the lines that start at ``at`` or later


_FORWARD_REACH = 8000


def _indented_block_title(ann: Announcement) -> Candidate | None:
    """The title of a mail that sets its talk off as an indented block: one to three indented
    lines alone between blank lines, right above an indented line that gives the day or the
    time ("     Counting the Uncounted: ...\n\n     Friday, November 6, 3:30 p.m.")."""
    lines, labelled = ann.lines, {item.line.number for item in ann.labels if item.field != "other"}
    for index, line in enumerate(lines):
        if line.indent < INDENTED or index and lines[index - 1].number == line.number - 1:
            continue
        end = _run_end(lines, index)
        block = lines[index:end]
        if len(block) > _BLOCK_LINES or end >= len(lines) or lines[end].indent < INDENTED or \
                not _day_or_time().search(lines[end].text):
            continue
        text = " ".join(l.text for l in block)
        if _names_no_talk(block) or any(l.indent < INDENTED or l.number in labelled for l in block) or \
                not 2 <= len(text.split()) <= 25 or _day_or_time().search(text) or \
                text.endswith((".", ",", ";")) or is_person_name(text) or is_placeholder(text):
            continue
        return Candidate("title", strip_quotes(text), "DESCRIPTION", "layout.indented_block",
                         (block[0].start, block[-1].end))
    return None


INDENTED = 3


@cache
def _day_or_time() -> regex.Pattern[str]:
    """A line that gives a talk's day or time: a weekday or month (models/when_where.json)
    before a number, or a clock time."""
    v = vocabulary()
    weekdays, months = word_alternation(v["weekdays"]), word_alternation(list(v["months"]))
    # "a 1:40 scale model" is a ratio, not a clock time.
    return compile_pattern(rf"(?i)\b{weekdays}\b\.?,?\s{{1,3}}\S{{0,12}}\s?\d|\b{months}\b\.?\s{{1,3}}\d{{1,2}}\b"
                         r"|\b\d{1,2}(?::\d{2})?\s?[ap]\.?m\b|\b\d{1,2}:\d{2}\b(?![\s\-]{0,2}(?:scale|model)\b)")


def _from_layout(ann: Announcement, speaker_rule: str | None, *,
                 summary_has_title: bool = True, summary_names_speaker: bool = False) -> Candidate | None:
    """A line standing alone as the title: the line after an opening speaker line, the
    description's opening line set apart when the SUMMARY names only the speaker, or a
    description that is one short line."""
    # A line with an unknown "label" ("Lecture I: What is ...?") may be the title itself.
    known = {item.line.number for item in ann.labels if item.field != "other"}
    unlabelled = [line for line in ann.lines if line.number not in known
                  and "http" not in line.text and "www." not in line.text]
    if not unlabelled:
        return None
    first = unlabelled[0]
    end = None
    if speaker_rule == "layout.first_line" and len(unlabelled) > 1:
        candidate = unlabelled[1]
    elif (summary_names_speaker or speaker_rule is not None and speaker_rule.startswith("summary.")) \
            and not summary_has_title \
            and first is ann.lines[0] and len(ann.lines) > 2 and ann.lines[1].number > first.number + 1 \
            and not _TERMINAL.search(first.text) and not is_series_name(first.text) \
            and not has_head(first.text, "institution_heads") and not has_head(first.text, "unit_heads"):
        # SUMMARY "Ada Roe (Lakeshore University)" or "Series – Ada Roe", the description opening
        # on the title alone above a blank line, then the abstract or a speaker label
        # ("Department of Art" there is the host).
        candidate = first
    elif len(unlabelled) == 1 and not known:
        candidate = first
    elif len(unlabelled) > 1 and unlabelled[1].number == first.number + 1 and \
            _COAUTHOR_LINE.match(unlabelled[1].text):
        # "Rent Control and Household Formation" over "joint w/ A & B": a paper's title, then
        # its co-authors.
        candidate = first
    elif len(unlabelled) == 2 and not known and unlabelled[1].text.lstrip()[:1].islower() and \
            unlabelled[1].number == first.number + 1:
        # "Main conjectures, Sylvester's conjecture\n  and Goldfeld's conjecture": one title
        # wrapped over two lines.
        candidate, end = first, unlabelled[1].end
    else:
        return None
    span = (candidate.start, end or candidate.end)
    text = _without_reading_note(" ".join(ann.text[span[0]:span[1]].split()))
    words = text.split()
    if not 2 <= len(words) <= 40 or _TERMINAL.search(text) and len(words) > 12:
        return None
    if is_person_name(text) or is_placeholder(text) or _NOT_A_TITLE_LINE.search(text) or \
            text.endswith(":"):
        return None  # "From Tallowood Regional Gallery:" leads into what follows
    return Candidate("title", strip_quotes(text), "DESCRIPTION", "layout.title_line", span)


def _line_over_the_speaker(ann: Announcement, speaker_names: Sequence[str]) -> Candidate | None:
    """A line alone in its paragraph right above the speaker's own line: a page's "Series" /
    title / "Name" / "Position, Organisation" card ("Distinguished Lecture Series", a blank
    line, the talk's title, a blank line, the speaker's name)."""
    surnames = {surname_of(name) for name in speaker_names}
    if not surnames:
        return None
    lines = ann.lines[:_CARD_LINES]
    known = {item.line.number for item in ann.labels if item.field != "other"}
    for index, (above, line) in enumerate(zip(lines, lines[1:])):
        name, _, rest = line.text.partition(",")  # "Ada Roe, PhD": the name on a line of its own
        name = " ".join(name.split())
        # The description may also open on the title, with the speaker's line right under it
        # ("Title" / "Ada Roe, Lakeshore Institute").
        next_to_it = line.number == above.number + 2 or index == 0 and line.number == above.number + 1
        if not next_to_it or not is_person_name(name) or \
                surname_of(name) not in surnames or len(rest.split()) > _CARD_NAME_REST:
            continue
        before = lines[index - 1] if index else None
        if above.number in known or before is not None and before.number == above.number - 1:
            return None  # the last line of a paragraph, or a label
        text = " ".join(above.text.split())
        if not 2 <= len(text.split()) <= 30 or _TERMINAL.search(text) or names_a_series(text) or \
                is_person_name(text) or is_placeholder(text) or _NOT_A_TITLE_LINE.search(text):
            return None
        return Candidate("title", strip_quotes(text), "DESCRIPTION", "layout.line_over_speaker",
                         (above.start, above.end))
    return None


_CARD_LINES = 8
_CARD_NAME_REST = 6  # "Ada Roe, PhD, FRS" or ", Principal Scientist, X": no sentence


# A line that names a paper's co-authors: "joint w/ A & B", "(joint work with A)", "with A and B".
_COAUTHOR_LINE = deferred(r"(?i:\(?\s{0,3}(?:joint\s{1,3}(?:work\s{1,3})?(?:with|w/)|w/|co-?authors?:?|"
                          r"with))\s{1,3}\p{Lu}")
# Two sentences ("Speaker to be announced. Organizers: ..."), or a line that says the talk is
# not known yet, stand alone without being a title.
_NOT_A_TITLE_LINE = deferred(r"\p{Ll}{2}[.!]\s{1,3}\p{Lu}|(?i:\bto\s{1,3}be\s{1,3}"
                             r"(?:confirmed|announced|determined|decided)\b)")


# "p-adic forms à la Serre.  Serre, Chapter 1.  (notes)": a reading seminar's topic, then what
# to read and a link's name.
_READING_NOTE = deferred(
    r"\.\s+\p{Lu}[\p{L}\-]{1,30}(?:\s(?:and|&)\s\p{Lu}[\p{L}\-]{1,30})?(?:\s(?:19|20)\d{2})?,\s"
    r"(?:Chapters?|Ch\.|Sections?|Sec\.|§|Appendix|Lecture|pp?\.)\s?[\dIVX].*$")
_LINK_NAME = deferred(r"\s*\((?:notes|slides|video|recording|pdf|link)\)\s*$", regex.IGNORECASE)


def _without_reading_note(text: str) -> str:
    """Return a title without the reading and the link name a reading seminar adds to it."""
    return _READING_NOTE.sub("", _LINK_NAME.sub("", text)).strip()
