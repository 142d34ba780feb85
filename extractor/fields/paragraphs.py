"""Paragraphs and sentences of a description, each with the role its cue phrases give it.

The abstract resolver works on these units: a paragraph is a run of lines between blank lines
or label lines; a sentence is a stretch of a paragraph up to ``.``, ``!`` or ``?``. Roles come
from the cue spans of models/patterns (BIO, LOGISTICS, TALK_CONTENT, JOINT, SPONSOR), never
from words spelled out here, apart from the shapes of clock times and separator lines.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import regex

from .. import rules
from ..announcement import Announcement
from ..deferred import deferred
from ..layout import RULE_LINE, Line
from ..shapes import PHONE_NUMBER, is_person_name, word_count
from .sponsors import CJK_SPONSOR

Role = Literal["bio", "logistics", "credit", "content", "intro", "heading", "prose"]

# A sentence ends at . ! ? (and closing quotes) before a blank; one bounded class, so linear.
# A sentence mark then a space; or, where a publisher's HTML-to-text step glued sentences
# together ("... in America?Join us ..."), a word's end, the mark and a capitalised word.
# A letter of a script without capitals (\p{Lo}: Han, kana, Hangul) opens a sentence as a
# capital does; "。", "！" and "？" end one whatever follows.
_SENTENCE_BREAK = deferred(r"[.!?][\"”’')\]]{0,3}\s+(?=[\p{Lu}\p{Lo}\p{N}\"“‘(*•\-])|\n[ \t]*\n\s*|"
                           r"(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll}{2})|[。！？][」』”）]{0,2}\s*(?=\S)")
_ENDS_SENTENCE = deferred(r"[.!?:;,。！？：；，][\"”’')\]」』）]{0,3}$")
# A match of _ENDS_SENTENCE starts this near the end at most (a mark, three closing quotes or
# brackets, and a line break "$" may stand before): only the tail needs to be searched.
_ENDS_SENTENCE_TAIL = 5
_HEADING_MAX_WORDS = 8
# A sentence that only places the talk in its series: "Part of the X Lecture Series.", "A X
# Series event.", "This talk is part of our X season." It says where, not what.
_SERIES_ONLY = deferred(
    r"^(?:(?:this|the)\s{1,3}\w+\s{1,3}is\s{1,3})?(?:a\s{1,3})?part\s{1,3}of\s{1,3}(?:the|our|this)\s"
    r"[^.!?]{0,80}?\b(?:series|season|program|programme|festival|talks|lectures|seminars|"
    r"colloquium|colloquia|forum|briefings)(?:\s{1,3}(?:from|by|of|at|hosted\s{1,3}by)\s[^.!?]{1,80})?\W{0,3}$"
    r"|^an?\s{1,3}[^.!?]{0,60}?\bseries\s{1,3}(?:event|lecture|talk|presentation|program|programme)\W{0,3}$"
    # "The third of our Winter Lectures."
    r"|^the\s{1,3}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|"
    r"next)\s{1,3}(?:of|in)\s{1,3}(?:our|the|this)\s{1,3}[^.!?]{0,80}?\W{0,3}$"
    # "This is the final lecture of the 2026 Hearthside Lecture Series."
    r"|^(?:this|it|the\s{1,3}\w+)\s{1,3}is\s{1,3}(?:the|our)\s{1,3}(?:first|second|third|last|final|next|"
    r"opening|closing)\s{1,3}(?:\w+\s{1,3}){0,2}?(?:lecture|talk|event|session|seminar|program|programme)s?"
    r"\s{1,3}(?:of|in)\s[^.!?]{0,80}?\W{0,3}$"
    # "Part of Foundry Ideas, our season of talks ...", "Part of the X Series, offered by Y."
    r"|^part\s{1,3}of\s[^.!?]{0,80}?\b(?:series|season|program|programme|festival|talks|lectures)\b[^.!?]{0,80}$"
    # "Armchair Travel is our monthly afternoon travelogue series."
    r"|^[^.!?,]{3,60}\s(?:is|are)\s{1,3}(?:our|the\s{1,3}[\w'’]+['’]s)\s[^.!?]{0,60}?\bseries\b[^.!?]{0,80}$",
    regex.IGNORECASE)
# A footer line of parts set apart by middle dots: "Linguistics Colloquium · Institute of X ·
# Winter term 2017/18" (the series, the host, the term), no sentence.
_DOTTED_FOOTER_LINE = deferred(r"^[^.!?\n·]{3,120}(?:[ \t]·[ \t][^.!?\n·]{2,120}){1,4}$")
_LINK_ONLY = deferred(r"^\S{0,40}(?:https?://|www\.)\S+$|^[^\s@]+@\S+\.\w+$")
# Lines of a schedule or list start with a clock time or a bullet.
_LIST_LINE = deferred(r"^(?:[*•\-–]\s|\d{1,2}[.)]\s|\d{1,2}[:.]\d{2}|\d{1,2}\s?[ap]\.?m\.?\b)")
# "Ada Quill is the Kenan Professor of Law": a name, then what the person is.
# A sentence that opens with a label ("Panelists: A, Org; B, Org."), read against the labels.
# "Join Ada Roe (curator) and artist Bo Li for a viewing ...": an invitation to meet the guests.
_JOIN_GUESTS = deferred(r"^(?:(?:Please|This[ \t]{1,3}(?:month|week|year|evening|term|season),?)[ \t]{1,3})?"
                        # "Join historian Ada Roe", "join award-winning novelist Ada Roe", but
                        # not "Join faculty from the Community Lab to discuss ...": who is invited
                        r"[Jj]oin[ \t]{1,3}(?:(?!(?:us|the|our|from|of|at|for|to|in|with|and|faculty|"
                        r"members|staff|students|fellow|other)\b)\p{Ll}[\p{Ll}\-]{1,25}[ \t]{1,3}){0,3}"
                        r"(?:(?:dr|prof|professor)\.?[ \t]{1,3})?\p{Lu}"
                        # "This year we are delighted to be joined by Professor Ada Roe, ..."
                        r"|^[^.!?\n]{0,60}\b(?:delighted|pleased|excited|honou?red|thrilled|proud)[ \t]{1,3}"
                        r"to[ \t]{1,3}(?:be[ \t]{1,3}joined[ \t]{1,3}by|welcome|host)[ \t]{1,3}"
                        r"(?:(?:dr|prof|professor)\.?[ \t]{1,3})?\p{Lu}")
# "X, a professor of history at Y, will discuss her new book, Title, in conversation with Z":
# who talks about which book, the sentence that introduces an author talk.
_NEW_BOOK = deferred(r"\b(?:discuss(?:es)?|talks?[ \t]{1,3}about|read(?:s)?[ \t]{1,3}from|sign(?:s)?)[ \t]{1,3}"
                     r"(?:her|his|their)[ \t]{1,3}(?:new|latest|recent|first|debut)[ \t]{1,3}"
                     r"(?:book|novel|memoir|biography|collection)\b")
# A sentence that gives the talk's title in quotes or italics after saying so.
# ("under titeln ”…”", "unter dem Titel „…“", "onder de titel ‘…’", "com o título “…”",
# "sous le titre « … »", "dal titolo «…»", "“…” başlıklı"), or right after the verb of the talk
# ("X, a historian at Y, discusses "Title"").
_TITLE_GIVEN = deferred(r"\b(?:is|are)[ \t]{1,3}(?:called|entitled|titled)[ \t]{1,3}[*_\"“«]|"
                        r"\bunder[ \t]{1,3}the[ \t]{1,3}title[ \t]{1,3}[*_\"“«]|"
                        r"(?i:\b(?:under[ \t]titeln|unter[ \t]dem[ \t]titel|onder[ \t]de[ \t]titel|"
                        r"com[ \t]o[ \t]t[íi]tulo|con[ \t]el[ \t]t[íi]tulo|sous[ \t]le[ \t]titre|"
                        r"dal[ \t]titolo|intitul[ée]e?s?|intitulad[oa]|titulad[oa]|intitolat[oa]))"
                        r"[ \t]{1,3}[\"“”„«‘]|[\"”“»’][ \t]{1,3}başlıklı\b|"
                        r"\b(?:discusses|presents)[ \t]{1,3}[\"“]")
_OPENING_LABEL = deferred(r"^[ \t]{0,3}(?P<label>\p{L}[\p{L}() ]{1,30}?)[ \t]{0,2}:")
_NAMED_IS = deferred(r"^(?:\p{Lu}[\p{L}.'’\-]*\s){0,3}\p{Lu}[\p{L}'’\-]+\s(?:is|was|has been)\s"
                     r"(?:(?:a|an|the)\s)?(?P<rest>(?:\S+\s){0,8})")
# "Ada Roe studies state finance.", "Dr. Roe leads the moisture laboratory and ...": a person's
# work, said of them by name (a bio, not the talk).
_NAMED_DOES = deferred(r"^(?P<title>(?:Dr|Prof|Professor|Mr|Ms|Mrs|Mx)\.?\s)?"
                       r"(?P<name>(?:\p{Lu}[\p{L}.'’\-]*\s){0,3}\p{Lu}[\p{L}'’\-]+)\s"
                       r"(?:studies|researches|teaches|leads|directs|heads|speciali[sz]es\sin|"
                       r"works\s(?:on|at|as|in)|has\sinvestigated|has\sworked|has\spublished|holds)\s")
# "Dr. Ada Roe, Professor Emerita of History at X, is a quilt historian.", "Prof. Bo de Lind
# MRIA, Professor Emeritus of Astronomy, X, returns by popular demand.": a name and the position
# set off by commas after it introduce the person.
_NAMED_APPOSITIVE = deferred(r"^(?P<title>(?:Dr|Prof|Professor|Mr|Ms|Mrs|Mx|Sir|Dame)\.?\s)?"
                             r"(?P<name>(?:\p{Lu}[\p{L}.'’\-]*\s|(?:de|van|von|da|di|le|la)\s){0,4}"
                             r"\p{Lu}[\p{L}'’\-]+)(?:\s\p{Lu}{2,6}){0,3},\s"
                             r"(?P<appositive>[^,]{3,100}(?:,\s[^,]{3,100}){0,2}),\s"
                             r"(?:is|was|has|returns|joins|comes)\s")
_FIRST_PERSON_BIO = deferred(r"^(?:I am|I'm|I’m|My research|My work)\b")
# A clock time ("7:30 p.m.", "8 pm") says when and where, not what the talk is about.
_CLOCK_TIME = deferred(r"\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b\.?|\b\d{1,2}[:.]\d{2}\s?(?:Uhr|h)\b|"
                         r"\b\d{1,2}h\d{2}\b", regex.IGNORECASE)
# What to read, in a reading seminar's description: "Katz 1973, Appendix 1.", "Serre, Chapter
# 1.", "Roe and Okafor 2019, §3.": a reference, not a summary.
_READING_REFERENCE = deferred(r"^\p{Lu}[\p{L}\-]{1,30}(?:\s(?:and|&)\s\p{Lu}[\p{L}\-]{1,30}|\set al\.?)?"
                              r",?\s(?:(?:19|20)\d{2}[a-z]?,?\s?)?(?:Chapters?|Ch\.|Appendix|Section|Sections|§|pp?\.)"
                              r"\s?[\dIVX]{1,4}")
# A telephone number, also a local one: who to call is logistics ("call 555-0155 five days in
# advance").
_PHONE_NUMBER = deferred(PHONE_NUMBER.pattern + r"|(?<![\d\-])\d{3}-\d{4}(?![\d\-])")
# Clock times and telephone numbers have digits: a sentence without one needs neither pattern.
_DIGIT = deferred(r"\d")
# A sentence of a few words that says the event is free ("Free.", "Free admission!").
_FREE_ONLY_WORDS = 3
# An amount of money: a currency sign or code beside a number ("£6", "60 kr", "15 €", "CHF 20").
_PRICE_AMOUNT = deferred(r"[$€£¥₹]\s?\d|\d(?:[.,]\d{1,2})?\s?(?:[€£]|\b(?:kr|zł|Kč|Ft|lei|CHF|EUR|USD|GBP|"
                         r"SEK|NOK|DKK|PLN|CZK|HUF)\b)|\b(?:CHF|EUR|USD|GBP|SEK|NOK|DKK)\s?\d")
# A short sentence with a price word and an amount is the admission note ("Inträde 60 kr,
# medlemmar 40 kr.", "Members pay €5."), however its words are counted.
_PRICE_NOTE_WORDS = 14
# A capitalised word, maybe followed by a day number: "Thursday", "May 26", "Oct. 13".
_DAY_SHAPE = deferred(r"\b(?P<word>\p{Lu}\p{Ll}{2,8})\b\.?(?:\s(?P<day>\d{1,2})\b)?")
SEPARATOR = "separator"
"""The ``after_field`` of a paragraph that follows a separator line."""


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the description, its text and its role."""

    start: int
    end: int
    text: str
    role: Role

    @cached_property
    def dated(self) -> bool:
        """Whether the sentence says when: a weekday, a month with a day, or a clock time
        (asked of a few sentences only, so found when asked)."""
        return _is_dated(self.text)


@dataclass(frozen=True)
class Paragraph:
    """A run of lines, the field of the label line right above it, and its sentences."""

    lines: list[Line]
    after_field: str | None
    sentences: list[Sentence]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @cached_property
    def text(self) -> str:
        """Return the lines joined by spaces (made once: the resolvers ask again and again)."""
        return " ".join(line.text for line in self.lines)

    @cached_property
    def words(self) -> int:
        """Return how many words the paragraph has."""
        return len(self.text.split())

    def count(self, role: Role) -> int:
        """Return how many sentences have ``role``."""
        return self._role_counts[role]

    @cached_property
    def _role_counts(self) -> Counter[str]:
        """Return the number of sentences of each role, counted once: the abstract resolver
        asks a paragraph about several roles, several times."""
        return Counter(s.role for s in self.sentences)

    @property
    def is_list(self) -> bool:
        """Return whether most lines are bullets or schedule entries."""
        listed = sum(1 for line in self.lines if _LIST_LINE.match(line.text))
        return listed >= 2 and listed * 2 >= len(self.lines)


def sentences_between(ann: Announcement, start: int, end: int) -> list[Sentence]:
    """Return the sentences of the description between ``start`` and ``end``, with roles."""
    return _CueIndex(ann).span_sentences(ann.text, start, end)


def split_paragraphs(ann: Announcement) -> list[Paragraph]:
    """Return the paragraphs of the description in order, label lines left out."""
    roles = _CueIndex(ann)
    labels = {item.line.number: item.field for item in ann.labels}
    found: list[Paragraph] = []
    current: list[Line] = []
    after: str | None = None
    for line in ann.lines:
        labelled = line.number in labels
        separator = RULE_LINE.match(line.text) is not None
        if current and (labelled or separator or line.number > current[-1].number + 1):
            found.append(Paragraph(current, after, roles.sentences(ann.text, current)))
            current = []
            after = None
        if labelled:
            # Of several label lines between two paragraphs, a field's ("Entrance:") tells
            # more than an unknown one after it ("RSVP to Ada:"): the paragraphs stay apart.
            if after in (None, "other") or labels[line.number] != "other":
                after = labels[line.number]
        elif separator:
            after = SEPARATOR
        else:
            current.append(line)
    if current:
        found.append(Paragraph(current, after, roles.sentences(ann.text, current)))
    return found


# What a sponsor credit goes on with: an organisation ("supported by the Lakeshore Trust", "by
# NSF", "by a grant from"); "the complexity supported by the data" credits no one.
_ORGANISATION_NEXT = deferred(r"\s{1,3}(?:(?:the|a|an|our|generous|grants?|funds?|funding|gifts?|"
                              r"support|in\s+part)\s{1,3}){0,3}(?:\p{Lu}|(?:grants?|gifts?|award)\b)")


def _credits_no_organisation(text: str, end: int, cue: str) -> bool:
    """Return whether a "... by" sponsor cue at ``end`` is followed by no organisation (a
    time is no credit's: "The talk will end by 5:30" stays a note)."""
    return cue.lower().endswith(" by") and _ORGANISATION_NEXT.match(text, end) is None and \
        _TIME_NEXT.match(text, end) is None


_TIME_NEXT = deferred(r"\s{1,3}\d")


class _CueIndex:
    """Cue spans by label, to give each sentence its role with a linear sweep."""

    def __init__(self, ann: Announcement) -> None:
        # "The panel is made up of A, B and C" says who, not what; "will feature" is too
        # general to tell ("will feature a review of ...").
        # "X and Y present a special event!" (INTRO) introduces, like a "talk by" cue.
        cues = sorted((c.start_char, "SPEAKER_BEFORE" if c.label_ in ("SPEAKER_FEATURED", "INTRO")
                       else "FREE_WORD" if c.id_ == "free.free" else c.label_)
                      for c in ann.cues("BIO", "LOGISTICS", "TALK_CONTENT", "JOINT", "SPONSOR", "EMAIL",
                                        "SPEAKER_BEFORE", "SPEAKER_FEATURED", "HOST", "INTRO",
                                        "FREE", "PRICE")
                      if (c.label_ != "SPEAKER_FEATURED" or "panel" in c.id_)
                      # "free" alone is as often "free energy" as free admission: it only
                      # marks a sentence of a few words ("Free.")
                      and not (c.label_ in ("SPONSOR", "LOGISTICS")
                               and _credits_no_organisation(ann.text, c.end_char, c.text)))
        self.starts = [at for at, _ in cues]
        self.labels = [label for _, label in cues]

    def labels_in(self, start: int, end: int) -> set[str]:
        # Bisection keeps the sweep linear in the number of sentences and cues.
        return set(self.labels[bisect_left(self.starts, start):bisect_left(self.starts, end)])

    def sentences(self, text: str, lines: list[Line]) -> list[Sentence]:
        # Sentences run across the line breaks of wrapped text.
        return self.span_sentences(text, lines[0].start, lines[-1].end)

    def span_sentences(self, text: str, at: int, end: int) -> list[Sentence]:
        found: list[Sentence] = []
        for brk in _SENTENCE_BREAK.finditer(text, at, end):
            if _is_abbreviation(text, at, brk.start()):
                continue  # "Prof. Ada", "J. Smith": not a sentence end
            found.append(self._sentence(text, at, brk.start() + len(brk.group().rstrip())))
            at = brk.end()
        if at < end:
            found.append(self._sentence(text, at, end))
        return found

    def _sentence(self, text: str, start: int, end: int) -> Sentence:
        body = text[start:end]
        labels = self.labels_in(start, end)
        role: Role = "prose"
        digits = _DIGIT.search(body) is not None
        if _NEW_BOOK.search(body) or _TITLE_GIVEN.search(body):
            # "X will discuss her new book, Title, ...": who talks about which book; "Her
            # lecture is called *Title*.", "... under the title "Title"": which talk it is
            role = "intro"
        elif "TALK_CONTENT" in labels and "LOGISTICS" not in labels \
                and not (digits and _CLOCK_TIME.search(body)):
            role = "content"
        elif "JOINT" in labels or _READING_REFERENCE.match(body):
            role = "credit"
        elif "BIO" in labels or _FIRST_PERSON_BIO.match(body) or _is_named_bio(body):
            role = "bio"
        elif labels & {"LOGISTICS", "SPONSOR", "EMAIL", "FREE"} or _LINK_ONLY.match(body) \
                or _SERIES_ONLY.match(body) or _DOTTED_FOOTER_LINE.match(body) \
                or digits and (_CLOCK_TIME.search(body) or _PHONE_NUMBER.search(body)) or \
                "FREE_WORD" in labels and len(body.split()) <= _FREE_ONLY_WORDS or \
                "PRICE" in labels and digits and len(body.split()) <= _PRICE_NOTE_WORDS and \
                _PRICE_AMOUNT.search(body):
            role = "logistics"
        elif not body.isascii() and _is_cjk_note(body):
            role = "logistics"
        elif labels & {"SPEAKER_BEFORE", "HOST"} or _opens_with_people_label(body) or \
                _JOIN_GUESTS.match(body):
            role = "intro"  # "A lecture by ...", "Moderated by ...", "Panelists: ...": who, not what
        elif word_count(body) <= _HEADING_MAX_WORDS and not _ENDS_SENTENCE.search(body, max(0, len(body) - _ENDS_SENTENCE_TAIL)) \
                or _is_heading_lines(body):
            role = "heading"
        return Sentence(start, end, body, role)


# A line of a heading: short, most of its words capitalised ("Ada Roe, PhD candidate, Lakeshore
# University", "What Can Transport Data Reveal?").
_HEADING_LINE_WORDS = 16
_HEADING_CAPITALS = 0.6


def _is_heading_lines(body: str) -> bool:
    """Return whether a "sentence" is really heading lines run together: two lines or more,
    each short and mostly capitalised (a speaker line over a title line)."""
    lines = [line.split() for line in body.splitlines() if line.strip()]
    return len(lines) >= 2 and all(
        len(words) <= _HEADING_LINE_WORDS and
        sum(w[:1].isupper() for w in words) >= _HEADING_CAPITALS * len(words) for words in lines)


def _is_cjk_note(body: str) -> bool:
    """Return whether a Chinese, Japanese or Korean sentence is a note on the event: it opens
    with a reference mark ("※", "*"), credits a sponsor, or names the talk's language, a fee,
    registration or whom to ask (the cue patterns, matched on tokens, cannot see words inside unparted text)."""
    return body.lstrip().startswith(("※", "*")) or CJK_SPONSOR.search(body) is not None or \
        any(word in body for word in rules.gazetteer("cjk_logistics_words"))


def _opens_with_people_label(body: str) -> bool:
    """Return whether a sentence opens with the label of its speakers or hosts ("Panelists:")."""
    label = _OPENING_LABEL.match(body)
    return label is not None and \
        rules.label_fields().get(label.group("label").strip().lower()) in ("speaker", "host")


def _is_named_bio(body: str) -> bool:
    """Return whether a sentence opens on a name and says what the person's position is, or
    what their work is ("Ada Roe studies ...")."""
    does = _NAMED_DOES.match(body)
    if does and (does.group("title") or is_person_name(does.group("name"))):
        return True
    positions = rules.gazetteer("position_words")
    appositive = _NAMED_APPOSITIVE.match(body)
    if appositive and (appositive.group("title") or is_person_name(appositive.group("name"))) and \
            any(word.strip(",;.").lower() in positions for word in appositive.group("appositive").split()):
        return True
    match = _NAMED_IS.match(body)
    if match is None:
        return False
    return any(word.strip(",;.").lower() in positions for word in match.group("rest").split())


def _is_dated(body: str) -> bool:
    """Return whether a sentence names a day or a time ("on Thursday", "May 26", "8 p.m.")."""
    if _CLOCK_TIME.search(body):
        return True
    calendar = rules.gazetteer("calendar_words")
    for match in _DAY_SHAPE.finditer(body):
        word = match.group("word").lower()
        # A weekday alone dates a sentence; a month needs its day ("March" is also a verb).
        if word in calendar and (word.endswith("day") or match.group("day")):
            return True
        if word == "may" and match.group("day"):
            return True
    return False


def _is_abbreviation(text: str, floor: int, stop: int) -> bool:
    """Return whether the word before ``stop`` (a full stop) is an honorific or an initial."""
    if text[stop] != ".":
        return False
    begin = stop
    while begin > floor and stop - begin < 12 and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin:stop]
    return len(word) == 1 and word.isupper() or word.lower() in rules.gazetteer("honorifics")
