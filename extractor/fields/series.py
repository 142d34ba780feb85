"""The seminar series or programme: a "Series:" line, the SUMMARY, or "part of the X Series"."""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..layout import RULE_LINE, normalise_label
from ..shapes import (capitalised_run, has_head, has_known_given_name, is_institution, is_person_name,
                      is_placeholder, is_series_name)
from .people import parse_people
from .summary import ENGLISH_PREPOSITIONS, SERIES_PREPOSITIONS, SummaryParse
from .talk_kind import is_non_talk
from .when import vocabulary

# "the Harland Lecture Series", "Lakeshore Founders Lecture series": capitalised words ending in a
# series word. Bounded repetition keeps it linear.
# A space may be a line break of hard-wrapped text, not a blank line: a heading above the name
# is no part of it.
_SPACE = r"(?:[ \t]{1,3}|[ \t]{0,3}\n[ \t]{0,3})"
# "the X Lecture Series", "tomorrow's Theory Seminar" (not "the X Seminar Committee").
_NAMED_SERIES = deferred(
    rf"(?P<name>(?:(?:\p{{Lu}}[\p{{L}}\p{{M}}'’&\-]{{0,40}}|of|the|on|in|and|for|at|[0-9]{{4}}){_SPACE}){{1,7}}"
    rf"(?:(?:Lecture|Seminar|Colloquium|Speaker|Distinguished Lecture|Talk|Reading){_SPACE})?"
    r"(?:Series|series|Lecture Series|Colloquium|Seminar Series|Seminar(?![ \t]{1,3}\p{Lu})))\b")
# Every match of _NAMED_SERIES holds one of these words (its last word, "Series" or "series",
# holds "eries"), and starts at most 7 * (41 + 7) + 28 + 9 = 373 characters before it.
_SERIES_END_WORDS = ("eries", "Colloquium", "Seminar")
_SERIES_REACH = 400
_NON_BLANK = deferred(r"\S+")
_LEADING_FUNCTION_WORD = deferred(r"^(?:the|of|on|in|and|for|at|our|its|their|this)\s+", regex.IGNORECASE)


# A name's first line when the name goes on to the next line.
_HEADING_ABOVE = deferred(r"(?P<line>[^\n]*)\n[ \t]*")
# "the Conservatory of Music's Keyboard Horizons series": the series's owner before its name.
_OWNER = deferred(r"(?s)^(?P<owner>.{2,80}?)['’]s\s{1,3}(?P<rest>.+)$")
# "Crosscurrents, the " right before an owner's "series of talks": the series's name.
_APPOSITIVE_NAME = deferred(r"(?:^|[\s(])(?P<name>\p{Lu}[\p{L}\-]{2,30}(?:[ \t]{1,3}(?:\p{Lu}[\p{L}\-]{1,30}|of|the|and|on|in)){0,5}),\s{1,3}(?:(?:the|a|an)\s{1,3})?$")


def _named_series_matches(text: str) -> Iterator[regex.Match[str]]:
    """Yield the matches of _NAMED_SERIES.finditer(text), the same ones in the same order.

    The pattern starts an attempt at every position and searched whole descriptions; no match
    can start more than _SERIES_REACH characters before the next end word, so each search
    begins there, and a text without an end word is not searched at all.
    """
    pos = 0
    while True:
        found = [at for at in (text.find(word, pos) for word in _SERIES_END_WORDS) if at >= 0]
        if not found:
            return
        match = _NAMED_SERIES.search(text, max(pos, min(found) - _SERIES_REACH))
        if match is None:
            return
        yield match
        pos = match.end()


# "the 2025 Prairie Symposium on Computational Ecology", "Alpine Workshop on Quantum Materials":
# a named meeting, its head word, then what it is on.
_CAP = r"\p{Lu}[\p{L}\p{M}'’&\-]{0,40}"
_NAMED_MEETING = deferred(
    # After an ordinal ("12th Workshop on X") the head word may open the name.
    rf"(?:(?:19|20)\d{{2}}[ \t]{{1,3}})?(?P<name>(?:(?<=\b\d{{1,3}}(?:st|nd|rd|th)[ \t])|(?:{_CAP}[ \t]{{1,3}}){{1,4}})"
    r"(?:Symposium|Workshop|Conference|Congress|Summit|Forum|Colloquium|Seminar)"
    rf"[ \t]{{1,3}}(?:on|in|of|for)[ \t]{{1,3}}(?:the[ \t]{{1,3}})?{_CAP}(?:[ \t]{{1,3}}(?:and[ \t]{{1,3}})?{_CAP}){{0,5}})")
# A line that opens with a meeting's name and its year ("Open Rivers Summit 2026 - https://..."
# at the foot of every session of a conference's export): the meeting without the year.
_MEETING_YEAR_LINE = deferred(
    rf"(?m)^[ \t]{{0,3}}(?P<name>(?:{_CAP}[ \t]{{1,3}}){{1,5}}"
    r"(?:Symposium|Workshop|Conference|Congress|Summit|Forum))[ \t]{1,3}(?:19|20)\d{2}\b")
# The head words of _NAMED_MEETING: a text without one of them holds no named meeting.
_MEETING_WORDS = ("Symposium", "Workshop", "Conference", "Congress", "Summit", "Forum",
                  "Colloquium", "Seminar")
_STATUS = deferred(r"(?i)(?:cancell?ed|postponed|rescheduled)\b")
_YEAR_EDGE = deferred(r"^(?:19|20)\d{2}\s{1,3}|\s{1,3}(?:19|20)\d{2}$")
_URLISH = deferred(r"https?://|www\.")
# "Programme: 5.30pm arrival; 6.00pm presentation": an evening's running order, no series.
_TIME_OF_DAY = deferred(r"(?i)\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\b|\b\d{1,2}:\d{2}\b")


def _names_more_fully(heading: str, short: str) -> bool:
    """Return whether ``heading`` holds all of ``short`` as whole words, and more.

    >>> _names_more_fully("Faculty Club Luncheon Lecture Series", "Luncheon Lecture")
    True
    >>> _names_more_fully("Luncheon Lectures", "Luncheon Lecture")
    False
    """
    return len(heading) > len(short) and regex.search(
        rf"(?<!\w){regex.escape(short)}(?!\w)", heading, regex.IGNORECASE) is not None


def series_candidates(ann: Announcement, summary: SummaryParse, *,
                      summary_is_title: bool = True,
                      topic_names_series: bool = False) -> list[Candidate]:
    """Return series candidates, best first.

    ``summary_is_title`` is False when the talk's title came from the description: a SUMMARY
    read as a bare title ("Ecology Brown Bag") then names the recurring event instead.
    ``topic_names_series`` is True when a "Topic:" line gave way to a title the text gives.
    """
    found: list[Candidate] = []
    named = event_in_speaker_label(ann)
    if named is not None:
        found.append(named)
    # "Program: Talks and Training" beside "Event type: Talks and Training": a category
    # made of kind words; "Surgical Rounds" in both places is still a series.
    kinds = {item.value.strip().lower() for item in ann.labelled("type")
             if _generic_kind(item.value)}
    for label in ann.labelled("series"):
        value, span_start = label.value.strip(), label.value_start
        block = [] if value else ann.block(label)
        if len(block) == 1 and is_series_name(block[0].text):
            # "Series:" over its value alone, as a page's field list sets them.
            value, span_start = block[0].text, block[0].start
        if value.lower() in kinds:
            continue
        # A series label is trusted unless its value is a link, a placeholder, a running
        # order or an institution ("Series: Some University" names the host, not a series).
        if value and not _URLISH.search(value) and not is_placeholder(value) \
                and len(value.split()) <= 12 and not _TIME_OF_DAY.search(value) and \
                not (is_institution(value) and not has_head(value, "series_heads")):
            found.append(Candidate("series", value, "DESCRIPTION", f"label.{label.label}",
                                   (span_start, span_start + len(value))))
            break
    text = ann.text[:20000]  # sliced once: the searches below read the same head
    if is_non_talk(ann):
        # A book club or a concert series is no seminar series: the event is no talk. A
        # conference's poster session still belongs to the conference; its coffee break, lunch
        # or reception does not (as four authors of our corpus judged).
        meeting = _named_meeting(text) if "poster" in ann.view.summary.lower() else None
        return found + ([meeting] if meeting else [])
    cjk = _cjk_series(ann.view.summary, "SUMMARY") or _cjk_series(text, "DESCRIPTION") \
        if not (ann.view.summary.isascii() and text[:_CJK_SERIES_REACH].isascii()) else None
    if cjk is not None:
        found.append(cjk)
    part_of = _part_of_series(text) or _series_said_abroad(text) or _series_in_apposition(text) or \
        _quoted_series(text)
    if part_of is not None:
        found.append(part_of)  # said outright, it outweighs a prefix of the SUMMARY
    lecture = _named_lecture(text)
    if lecture is not None and summary.series is None:
        found.append(lecture)  # "the 12th annual X Lecture" in a press release
    programme = _OTHER_EVENTS_OF.search(text) if "other " in text or "more " in text else None
    if programme is not None and summary.series is None:
        # "To view other Campus Engagement Week events, visit our website."
        found.append(Candidate("series", programme.group("name"), "DESCRIPTION",
                               "prose.other_events_of", programme.span("name")))
    edition = _months_edition(text) if "’s " in text or "'s " in text else None
    if edition is not None and summary.series is None:
        found.append(edition)  # "November's Kilnworth Science Café takes us out to sea"
    if summary.series and summary.series.lower() not in {"talk", "talks", "break", "plenary"} \
            and summary.series.lower() not in kinds and not _months_meeting(summary.series) \
            and not _JOB_TALK.fullmatch(summary.series):
        found.append(Candidate("series", summary.series, "SUMMARY",
                               summary.rules.get("series", "summary")))
    if not summary_is_title and summary.series is None and \
            summary.rules.get("title") == "summary.title_only" and _names_an_event(summary.title) \
            and len(str(summary.title).split()) > 1 and \
            not _months_meeting(str(summary.title)):  # "Oyelaran-Fisk" alone names a person
        found.append(Candidate("series", summary.title, "SUMMARY", "summary.event_name"))
    _spell_out_acronym(found, text)
    heading = _heading_series(ann) or _framed_heading_series(ann) or _about_the_series(ann) or \
        _footer_series(ann.text) or _series_defined(text)
    if found and (written_out := _written_out(found[0], [heading] + found[1:], text)) is not None:
        found[0] = written_out  # "Epi Seminar" in the SUMMARY, "Epidemiology Seminar Series" below
    short = next((c for c in found if c.source == "SUMMARY"), None)
    if heading is not None and short is not None and _names_more_fully(str(heading.value), str(short.value)):
        # "Luncheon Lecture: Name" under the heading "Faculty Club Luncheon Lecture Series": the
        # SUMMARY shortens the series the heading names.
        found[found.index(short)] = heading
    elif heading is not None:
        found.append(heading)
    meeting = _named_meeting(text)
    if meeting is not None:
        found.append(meeting)
    for match in _named_series_matches(text):
        name = _LEADING_FUNCTION_WORD.sub("", match.group("name").strip())
        start = match.start("name")
        heading = _HEADING_ABOVE.match(name)
        if heading and text.rfind("\n", 0, start) + 1 == start and \
                normalise_label(heading.group("line")) in rules.label_fields():
            # "Category\nWinter Lecture Series": a page's label, alone on its line, is no
            # part of the name under it (a heading of two lines keeps both).
            name, start = name[heading.end():], start + heading.end()
        head, at, rest = name.partition(" at ")
        if at and all(w.lower() in rules.gazetteer("event_kinds") for w in head.split()):
            # "a Lecture at Botany Colloquium": the event's kind, then where it is given;
            # "Policy at Noon series" keeps its "at".
            name, start = rest, start + len(head) + len(at)
        if name.endswith("Seminar") and not name.endswith("Series Seminar"):
            tokens = list(_NON_BLANK.finditer(match.group("name")))
            before = _seminar_name_words([t.group() for t in tokens[:-1]])
            if not _named_seminar(before):
                continue
            name = " ".join(before + ["Seminar"])
            start += tokens[len(tokens) - 1 - len(before)].start()
        owner = _OWNER.match(name)
        if owner is not None and is_institution(owner.group("owner")) and \
                " and " not in owner.group("owner"):
            if owner.group("rest").strip().lower() not in {"series", "lecture series"}:
                # "the Conservatory of Music's Keyboard Horizons series": the owner goes
                name, start = owner.group("rest"), start + owner.start("rest")
            elif appositive := _APPOSITIVE_NAME.search(text, max(0, match.start() - 120),
                                                        match.start("name")):
                # "Crosscurrents, the Conservatory of Music's series of talks"
                found.append(Candidate("series", appositive.group("name"), "DESCRIPTION",
                                       "prose.named_series", appositive.span("name")))
                break
            else:
                continue
        named = [w for w in name.split() if w[:1].isupper() and w.lower() not in _NO_NAME_WORDS]
        if is_series_name(name) and len(name.split()) >= 2 and len(named) >= 2:
            words = name.split()
            if len(words) > 2 and words[-1] == "series" and \
                    words[-2].lower() not in rules.gazetteer("series_heads"):
                # "our Under Southern Skies series": the name without the common noun ("the
                # Founders Lecture series" keeps it, as "part of the ... series" does).
                name = " ".join(words[:-1])
            found.append(Candidate("series", name, "DESCRIPTION", "prose.named_series",
                                   (start, match.end("name"))))
            break
    owned = _OWNED_SERIES.search(text) if "’s " in text or "'s " in text else None
    if owned is not None and not any(c.rule == "prose.named_series" for c in found):
        # "the spring event in the university's Prairie Issues Forum"
        found.append(Candidate("series", owned.group("name"), "DESCRIPTION", "prose.owned_series",
                               owned.span("name")))
    subject = _SERIES_SUBJECT.search(text) if "The " in text else None
    if subject is not None:
        found.append(Candidate("series", " ".join(subject.group("name").split()), "DESCRIPTION",
                               "prose.series_subject", subject.span("name")))
    numbered = _numbered_edition(text) if "#" in text[:_NUMBERED_REACH] else None
    if numbered is not None:
        found.append(numbered)
    brand = _recurring_brand(text, ann.view.summary) if not found else None
    if brand is not None:
        found.append(brand)
    if topic_names_series:
        topic = next((item for item in ann.labelled("title") if item.label == "topic"), None)
        if topic is not None and names_a_series(topic.value.strip()) and \
                not _generic_kind(topic.value):
            # "Topic: Machine Perception Seminar" on a bulletin post whose title the text gives
            # ("will speak on" / "Recovering Shape from Moving Shadows"): the series.
            found.append(Candidate("series", topic.value.strip(), "DESCRIPTION", "label.topic_series",
                                   (topic.value_start, topic.value_start + len(topic.value))))
    return found


# "the university's Prairie Issues Forum", "the museum's Third Thursday Lectures": a programme
# that an institution calls its own, by a name ending in a series word.
# The owner may be a proper name ("the Orland Museum of Natural History's"), and a season
# may stand before the name ("the library's summer Green Commons Talks").
_OWNED_SERIES = deferred(
    r"\b(?:(?i:university|college|school|museum|library|society|institute|center|centre|department|"
    r"foundation|academy|observatory|club|planetarium|gallery|garden|archives?)|\p{Lu}[\p{L}\-]{2,30})['’]s"
    r"\s{1,3}(?:(?:spring|summer|fall|autumn|winter|annual|monthly|weekly|popular)\s{1,3})?"
    r"(?P<name>(?:(?:\p{Lu}[\p{L}'’&\-]{0,30}|of|on|and|the)\s{1,3}){1,6}"
    r"(?:Forum|Series|Lectures?|Colloquium|Seminars?|Symposium|Talks|Conversations|Evenings|Nights|"
    r"Readings|Dialogues))\b")
# "The Lantern Lectures are presented by ...": a programme named as the subject of a sentence
# that says who presents or pays for it.
_SERIES_SUBJECT = deferred(
    r"(?:^|(?<=[.!?]\s{1,3}))The\s(?P<name>(?:\p{Lu}[\p{L}'’&\-]{0,30}\s{1,3}(?:(?:of|on|and|the)\s{1,3})?){1,5}"
    r"(?:Lectures|Series|Talks|Forum|Evenings|Nights|Conversations|Readings))\s{1,3}(?:are|is)\s{1,3}"
    r"(?:(?:made\s{1,3}possible|presented|sponsored|supported|funded|organi[sz]ed|endowed|underwritten)\b)",
    regex.MULTILINE)


def _recurring_brand(text: str, summary: str = "") -> Candidate | None:
    """The name of a recurring evening that a post speaks of as a going concern: the subject of
    "X is back", "X rolls on into August", "X is proudly supported by ...", "X is a
    volunteer-run project", named twice at the least, and neither an institution (by its last
    word: "Lab Coats After Dark" is an evening) nor a person, nor the event the SUMMARY names
    ("Free Community Day is made possible by ...": this day, no series).

    >>> _recurring_brand("Pint Science Nights is back! ... Pint Science Nights is kindly supported by Org.").value
    'Pint Science Nights'
    >>> _recurring_brand("Ada Roe is back! Ada Roe is supported by Org.") is None
    True
    """
    for match in _BRAND_SUBJECT.finditer(text):
        words = match.group("name").split()
        name = " ".join(words)
        if len(name) > 3 and text.count(name) > 1 and \
                words[-1].lower() not in rules.gazetteer("institution_heads") and \
                not (is_person_name(name) and has_known_given_name(name)) and \
                words[0].lower() not in _BRAND_STOP_WORDS and \
                name.casefold() != summary.strip(" !.").casefold():
            return Candidate("series", name, "DESCRIPTION", "prose.recurring_brand", match.span("name"))
    return None


# A name that opens a sentence, then what a going concern's sentences say of it.
_BRAND_SUBJECT = deferred(
    r"(?:^|(?<=[.!?]\s{1,3})|(?<=\n))(?P<name>\p{Lu}[\p{L}'’\-]{1,24}(?:\s(?:&|and|on|of|at|the|After|\p{Lu}[\p{L}'’\-]{0,24})){0,4})"
    r"\s(?:is\s(?:back|returning)\b|returns\b|rolls\son\b|is\s(?:a|an)\s(?:[\p{Ll}\-]{2,20}\s){0,2}"
    r"(?:volunteer-run|non-profit|nonprofit|monthly|free|grassroots)\b|(?:is|are)\s(?:(?:kindly|proudly|generously)\s)?"
    r"(?:made\spossible|supported|sponsored|presented|brought\sto\syou|funded)\sby\b)")
# Words that open a sentence's subject but no programme's name.
_BRAND_STOP_WORDS = frozenset({"the", "this", "it", "our", "each", "every", "tonight", "today", "admission",
                               "entry", "parking", "everyone", "registration", "lunch", "dinner"})
# "so is Nerd Social #41!", "Welcome to Science on Tap #112": a programme's name and the number
# of this edition, near the top of the text.
_NUMBERED_REACH = 1500
_NUMBERED_EDITION = deferred(r"(?<![\p{L}#])(?P<name>\p{Lu}[\p{L}'’&\-]{1,24}(?:[ \t](?:on|of|the|at|&|and|"
                             r"\p{Lu}[\p{L}'’&\-]{0,24})){1,4})[ \t]\#\d{1,4}\b")


# How far into a description a Chinese, Japanese or Korean series is looked for.
_CJK_SERIES_REACH = 3000
# A letter of Chinese, Japanese or Korean, which every shape of such a series holds: a text
# without one (an accented or dashed English text) skips the costly searches.
_CJK_LETTER = deferred(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A quoted name, then "series" or the number of this meeting: "「환경과학 콜로키움」 시리즈",
# "“青年学者论坛”第12期".
_CJK_QUOTED_SERIES = deferred(r"[「『“](?P<name>[^」』”\n]{2,30})[」』”][ \t]?"
                              r"(?:第[ \t]?\d{1,4}[ \t]?[回期届次講讲]|시리즈|系列|シリーズ)")


@cache
def _cjk_numbered_series() -> regex.Pattern[str]:
    """A series' name ending in a series word, after the number of this meeting ("第42回
    計算言語学セミナー"), before it in brackets ("公共卫生前沿讲座（第13期）") or in brackets
    of its own at the start ("[생명과학부 세미나] Title"; "[세미나]" alone is the event's kind);
    outside brackets the name holds no blank, bracket or sentence mark."""
    heads = "|".join(sorted(rules.gazetteer("cjk_series_heads"), key=lambda word: (-len(word), word)))
    name = rf"[^\s（()【】\[\]「」『』“”。、，,:：｜|]{{0,24}}?(?:{heads})"
    number = r"第[ \t]?\d{1,4}[ \t]?[回期届次]"
    return compile_pattern(rf"{number}[ \t]?(?P<name>{name})(?![^\s（(【「。、，,:：])"
                         # "[생명과학부 세미나] Title", "【数理セミナー】 Title": a bracketed name first
                         rf"|^[ \t]?[\[【](?P<name>[^\]】\n]{{1,24}}?(?:{heads}))[\]】]"
                         # "公共卫生前沿讲座（第13期）": the name, then the number in brackets
                         rf"|(?<![^\s（(【】\]「『“。、，,:：｜|])(?P<name>{name})[ \t]?[（(]{number}[）)]")


def _cjk_series(text: str, source: str) -> Candidate | None:
    """Return the series of a Chinese, Japanese or Korean text: numbered, bracketed or quoted.

    >>> _cjk_series("第58回 ロボティクス・セミナー（森下 彩香 氏）", "SUMMARY").value
    'ロボティクス・セミナー'
    >>> _cjk_series("本次讲座为“青年学者论坛”第12期。", "DESCRIPTION").value
    '青年学者论坛'
    >>> _cjk_series("公共卫生前沿讲座（第13期）：Prof. Ada Roe", "SUMMARY").value
    '公共卫生前沿讲座'
    >>> _cjk_series("【延期】公共卫生前沿讲座（第15期）：李文博", "SUMMARY").value
    '公共卫生前沿讲座'
    >>> _cjk_series("[생명과학부 세미나] 장내 미생물", "SUMMARY").value
    '생명과학부 세미나'
    """
    text = text[:_CJK_SERIES_REACH]
    if _CJK_LETTER.search(text) is None:
        return None
    match = _cjk_numbered_series().search(text) or _CJK_QUOTED_SERIES.search(text)
    if match is None:
        return None
    return Candidate("series", match.group("name").strip(), source, "prose.cjk_series",
                     match.span("name") if source == "DESCRIPTION" else None)


def _numbered_edition(text: str) -> Candidate | None:
    """Return the programme named with an edition's number ("Nerd Social #41"), or None.

    >>> _numbered_edition("Spring is here, and so is Nerd Social #41! Grab a drink.").value
    'Nerd Social'
    >>> _numbered_edition("Meet in Room #4 or call Ada Roe #2.") is None
    True
    """
    match = _NUMBERED_EDITION.search(text, 0, _NUMBERED_REACH)
    if match is None:
        return None
    name = match.group("name").strip()
    words = name.split()
    if len(words) < 2 or words[-1][:1].islower() or \
            (is_person_name(name) and has_known_given_name(name)) or is_institution(name):
        return None
    return Candidate("series", name, "DESCRIPTION", "prose.numbered_edition", match.span("name"))


def _named_meeting(text: str) -> Candidate | None:
    """Return "the 2025 Prairie Symposium on Computational Ecology" named in the text, or a
    line opening "Open Rivers Summit 2026"; the search is skipped where none of the head words
    occurs.

    >>> _named_meeting("Coffee and posters.\\n\\nOpen Rivers Summit 2026 - https://x.example").value
    'Open Rivers Summit'
    """
    if not any(word in text for word in _MEETING_WORDS):
        return None
    meeting = _NAMED_MEETING.search(text) or _MEETING_YEAR_LINE.search(text)
    if meeting is None:
        return None
    return Candidate("series", meeting.group("name"), "DESCRIPTION", "prose.named_meeting",
                     (meeting.start("name"), meeting.end("name")))


# "Part of our monthly Poetry at the Mill series", "part of the Lakeshore Talks series", "part
# of Local History Thursdays": the series said outright, its name capitalised, "series" in lower
# case after it or a series word ending it.
_PART_OF_SERIES = deferred(
    r"(?i:part\s{1,3}of)\s{1,3}(?:(?i:the|our|this)\s{1,3})?(?:(?i:monthly|weekly|annual|ongoing|popular|"
    r"free|new|spring|summer|fall|autumn|winter|signature|flagship|long-running|acclaimed|virtual|"
    r"online|public)\s{1,3}){0,2}"
    rf"(?P<name>{capitalised_run(7, 'at|of|on|in|and|for|the|&')})(?:\s{{1,3}}"
    # "the Bedside Matters education series", "the Keyboard Perspectives lecture-recital
    # series": lower-case words of what kind of series it is
    r"(?:\p{Ll}[\p{Ll}\-]{1,24}\s{1,3}){0,2}series\b"
    # "part of our signature Lantern Series", "Part of the Hazards Lunch Talks."
    r"|(?<=\s(?:Series|Talks|Lectures|Seminars|Colloquium|Colloquia|Forum|Briefings|Conversations|"
    # "part of Local History Thursdays": a weekday's plural names a series too
    r"Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b)")


def _part_of_series(text: str) -> Candidate | None:
    """A series the text says the event is part of, by a name that is no person's.

    >>> [_part_of_series(t).value for t in ["Part of the Bedside Matters education series.",
    ...                                     "part of our signature Lantern Series, where",
    ...                                     "Part of the Harbour Lunch Talks. Free.",
    ...                                     "This program is part of Local History Thursdays.",
    ...                                     "part of the Hale School of Music’s Keyboard Days series."]]
    ['Bedside Matters', 'Lantern Series', 'Harbour Lunch Talks', 'Local History Thursdays', 'Keyboard Days']
    """
    # The search is skipped where the text has neither "series" nor "part of" (wrapped or not).
    match = _PART_OF_SERIES.search(text) if "eries" in text or "art of" in text or \
        "art\nof" in text else None
    if match is None and "art of" in text:
        # "as part of Seminário de Estatística de Lorvanne": a name that opens with its series word
        for head_first in _PART_OF_HEAD_FIRST.finditer(text):
            name = " ".join(head_first.group("name").split())
            if names_a_series_head_first(name):
                return Candidate("series", name, "DESCRIPTION", "prose.part_of_series",
                                 head_first.span("name"))
    if match is None or is_person_name(match.group("name")) and has_known_given_name(match.group("name")):
        return None  # "part of the Ada Roe series" names a person; "Bedside Matters" does not
    start, end = match.start("name"), match.end("name")
    if match.group("name").split()[-1].lower() in rules.gazetteer("series_heads"):
        end = match.end()  # "the Founders Lecture series": the word belongs to the name
    owner = _OWNER.match(match.group("name"))
    if owner is not None and is_institution(owner.group("owner")) and owner.group("rest").strip():
        start += owner.start("rest")  # "part of the Conservatory's Keyboard Horizons series"
    return Candidate("series", " ".join(text[start:end].split()), "DESCRIPTION",
                     "prose.part_of_series", (start, end))


# "part of Séminaire de géométrie de Lorvanne": a name that opens with its series word, up to
# the end of its line or sentence.
_PART_OF_HEAD_FIRST = deferred(r"\bpart[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?"
                               r"(?P<name>\p{Lu}[^\n.,;:()!?]{5,90}?)(?=[ \t]*(?:[\n.,;:()!?]|$))")


# "Harbour Stories, the museum's monthly talk series", "Prairie Nights, the museum's winter
# series of evening talks": a name, then an appositive that calls it a series.
_NAME_THEN_SERIES = deferred(
    rf"(?P<name>{capitalised_run(6, 'at|of|on|in|and|for|the|&')}),\s{{1,3}}(?:the|our|its|a)\s{{1,3}}"
    r"(?:[\p{L}'’\-]{1,30}\s{1,3}){0,4}series\b")
# "This event is part of Authors at the Branch, generously sponsored by ...", "the first of
# our 2016 Autumn Talks": a capitalised name the event belongs to, said outright.
_PART_OF_NAME = deferred(
    r"(?:\b(?i:part)\s{1,3}of|\b(?:first|second|third|fourth|fifth|last|next|latest|final)\s{1,3}of)"
    r"\s{1,3}(?:(?:the|our|this\s{1,3}year['’]s)\s{1,3})?(?:(?:19|20)\d{2}(?:[–-]\d{2,4})?\s{1,3})?"
    rf"(?P<name>{capitalised_run(5, 'at|of|on|in|and|for|the|&')})(?=\s{{0,2}}[,.;:!)]|\s{{0,2}}$)")


def _series_in_apposition(text: str) -> Candidate | None:
    """A series named with an appositive that calls it one ("Harbour Stories, the museum's
    monthly talk series"), or that the event is said outright to be part of ("part of Authors
    at the Branch,", "the first of our 2016 Autumn Talks").

    >>> [_series_in_apposition(t).value for t in [
    ...     "the next instalment of Harbour Stories, the museum's monthly talk series, which",
    ...     "This event is part of Authors at the Branch, generously sponsored by a bank.",
    ...     "This is the first of our 2016 Autumn Talks, held in the hall."]]
    ['Harbour Stories', 'Authors at the Branch', 'Autumn Talks']
    >>> [_series_in_apposition(t) for t in ["It is part of Lakeshore University.",
    ...     "The talk is part of Local History Month.",
    ...     "part of Ada Roe's research, the series of"]]
    [None, None, None]
    """
    if "eries" not in text and " of " not in text:
        return None
    for pattern, rule in ((_NAME_THEN_SERIES, "prose.name_then_series"), (_PART_OF_NAME, "prose.part_of_name")):
        for match in pattern.finditer(text):
            name = match.group("name")
            words = name.split()
            while words and words[0] in ("The", "Our", "This", "Its"):
                words = words[1:]
            name = " ".join(words)
            if len(words) < 2:
                continue
            if words[-1].lower() in rules.gazetteer("observance_words"):
                continue  # "part of Local History Month": an observance, no series
            if is_institution(name) or _generic_kind(name) or \
                    is_person_name(name) and has_known_given_name(name) or name.endswith(("'s", "’s")):
                continue
            start = match.end("name") - len(name)
            return Candidate("series", name, "DESCRIPTION", rule, (start, match.end("name")))
    return None


# The series said outright in another language: "maakt deel uit van de lezingenreeks Water en
# Land", "Dans le cadre des Rencontres côtières", "nell'ambito del ciclo di seminari «X»", "im
# Rahmen der Ringvorlesung „X“"; or a series word before a quoted name ("Ringvorlesung „X“").
_SERIES_INTRO = (
    r"(?:(?i:maakt|is)\s{1,3}(?:onder)?deel\s{1,3}(?:uit\s{1,3})?van\s{1,3}(?:de|het)\s{1,3}"
    r"(?:lezingen)?(?:reeks|serie|cyclus)"
    r"|(?i:dans)\s{1,3}le\s{1,3}cadre\s{1,3}(?:du|des|de\s{1,3}la|de\s{1,3}l['’])"
    r"(?:\s{1,3}(?:cycle|série)(?:\s{1,3}de\s{1,3}(?:conférences|séminaires|rencontres))?)?"
    r"|(?i:en\s{1,3}el\s{1,3}marco|dentro|como\s{1,3}parte)\s{1,3}del\s{1,3}(?:ciclo|seminario)"
    r"(?:\s{1,3}de\s{1,3}(?:conferencias|charlas|seminarios))?"
    r"|(?i:no\s{1,3}âmbito|dentro|como\s{1,3}parte|parte\s{1,3}integrante)\s{1,3}d[oa]\s{1,3}"
    r"(?:ciclo|série)(?:\s{1,3}de\s{1,3}(?:palestras|seminários|conferências))?"
    r"|(?i:nell['’]ambito)\s{1,3}del(?:la)?\s{1,3}(?:ciclo|rassegna|serie)"
    r"(?:\s{1,3}di\s{1,3}(?:seminari|incontri|conferenze))?"
    r"|(?i:im\s{1,3}Rahmen)\s{1,3}de[rs]\s{1,3}(?:Ringvorlesung|Vortragsreihe|Veranstaltungsreihe|"
    r"Vorlesungsreihe|Kolloquiumsreihe|Reihe)"
    r"|(?<!\w)(?:Ringvorlesung|Vortragsreihe|Veranstaltungsreihe|Vorlesungsreihe|Kolloquiumsreihe|"
    r"lezingenreeks|(?i:cycle\s{1,3}de\s{1,3}conférences|ciclo\s{1,3}de\s{1,3}conferencias|"
    r"ciclo\s{1,3}di\s{1,3}seminari|föreläsningsserien?|forelesningsserien?|"
    # a series noun right before a quoted name, in more languages: "Ciclo «X»", "Seria „X”",
    # "Κύκλος διαλέξεων «X»", "paskaitų ciklas „X“"
    r"ciclo|cycle|série|serie|seria|ciclul|ciklas|ciklo|cikls|ciklus|cikel|serija|cyklus|sorozat|"
    r"κύκλος(?:\s{1,3}(?:διαλέξεων|ομιλιών))?))(?=\s{0,3}[„«»\"“])"
    r")")
_IN_SERIES_ABROAD = deferred(
    _SERIES_INTRO + r"\s{0,3}(?:[„«»\"“‚‹]\s?(?P<quoted>[^\n„“”\"«»]{2,80}?)\s?[“”\"«»‘’›]"
    r"|(?<=\s)(?P<name>\p{Lu}[^\n.,;:!?()«»„“”\"]{1,80}))")
# Words one of whose forms every match of _IN_SERIES_ABROAD holds: other texts are not searched.
_SERIES_INTRO_WORDS = ("deel", "cadre", "marco", "dentro", "parte", "mbito", "ambito", "Rahmen",
                       "reihe", "Ringvorlesung", "reeks", "ycle", "iclo", "serien", "érie", "Serie ",
                       "serie ", "Seria ", "seria ", "iclul", "iklas", "iklo", "ikls", "iklus", "ikel ",
                       "erija", "yklus", "rozat", "ύκλος")


def _series_said_abroad(text: str) -> Candidate | None:
    """A series the text, in Dutch, French, Spanish, Portuguese, Italian, German, a Nordic or
    a Central or Eastern European language or Greek, says the event is part of; an unquoted
    name is capitalised and short.

    >>> [_series_said_abroad(t).value for t in [
    ...     "Deze lezing maakt deel uit van de lezingenreeks Water en Wind. Toegang gratis.",
    ...     "Dans le cadre des Rencontres côtières, le département accueille",
    ...     "Ringvorlesung „Städte im Wandel“, Wintersemester",
    ...     "Ciclo «Acqua e Pietra», giovedì 22 ottobre", "Seria „Orașe vii” · ediția a 3-a"]]
    ['Water en Wind', 'Rencontres côtières', 'Städte im Wandel', 'Acqua e Pietra', 'Orașe vii']
    """
    if not any(word in text for word in _SERIES_INTRO_WORDS):
        return None
    for match in _IN_SERIES_ABROAD.finditer(text):
        group = "quoted" if match.group("quoted") else "name"
        name = match.group(group).strip()
        # A quoted name is the series's, even one a person's name could be ("«Terra e Sole»").
        if 1 <= len(name.split()) <= (10 if group == "quoted" else 6) and \
                (group == "quoted" or not (is_person_name(name) and has_known_given_name(name))):
            return Candidate("series", name, "DESCRIPTION", "prose.series_abroad",
                             (match.start(group), match.start(group) + len(name)))
    return None


# A named lecture that recurs: "the 12th annual Whitcombe Lecture in Environmental Ethics", "the
# 2026 Hollis Lecture in Chemistry", "the Hallworth Memorial Lecture", "the Ashdown
# Distinguished Lectureship".
_CAPWORD = r"(?:Ó|\p{Lu}[\p{L}'’\-]{1,30})"  # "Ó Ceallacháin": an Irish particle of one letter
# The blank between the words of a lecture's name, which a mail may wrap onto the next line.
_GAP = r"(?:[ \t]{1,3}|[ \t]{0,2}\n[ \t]{0,3})"
# A word of a person's name inside a lecture's: an initial ("Henry B. Marsh") or a
# generational suffix ("King Jr.", "King, Jr.,").
_LECTURE_NAME_WORD = rf"(?:{_CAPWORD}(?:,(?=[ \t]{{1,3}}[JS]r\.))?|\b\p{{Lu}}\.|[JS]r\.,?)"
# "... Lecture on Nov. 12", "... Lecture on Thursday": a date, not the lecture's subject.
_NOT_A_DAY = r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\b)"
_NAMED_LECTURE = deferred(
    rf"(?:\b\d{{1,3}}(?:st|nd|rd|th)[ \t]{{1,3}}(?:[Aa]nnual{_GAP})?|\b[Aa]nnual{_GAP}|"
    rf"\b[Tt]his[ \t]{{1,3}}year['’]s\s{{1,3}}|"
    rf"\b(?:19|20)\d{{2}}[ \t]{{1,3}}|"
    rf"(?=(?:{_LECTURE_NAME_WORD}[ \t]{{1,3}}){{1,5}}(?:Memorial|Distinguished|Endowed)[ \t])|"
    # "will host Ada Roe for the Henry B. Marsh Jr. Lecture", "presented as the X Lecture"
    rf"(?<=\b(?:for|as)[ \t]{{1,3}}the[ \t]{{1,3}}))"
    rf"(?P<name>(?:{_LECTURE_NAME_WORD}{_GAP}){{1,6}}"
    rf"(?:Lecture|Lectureship|Oration|Address|Convocation)"
    rf"(?:[ \t]{{1,3}}(?:in|on)[ \t]{{1,3}}(?:the[ \t]{{1,3}})?{_NOT_A_DAY}{_CAPWORD}(?:[ \t]{{1,3}}(?:and[ \t]{{1,3}})?{_CAPWORD}){{0,3}})?)\b"
    r"(?![ \t]{1,3}(?:[Ss]eries|Program|Programme))")  # "the 1994 Art Lecture Series": a series word


# "other Campus Engagement Week events", "more Science Festival talks": a week, a festival or
# a season of events that this one belongs to.
_OTHER_EVENTS_OF = deferred(
    r"\b(?:other|more)[ \t]{1,3}(?P<name>\p{Lu}[\p{L}&'’\-]{1,30}(?:[ \t]{1,3}(?:of|the|and|&|"
    r"\p{Lu}[\p{L}&'’\-]{0,30})){0,5}?[ \t]{1,3}(?:Week|Festival|Fest|Month|Days|Series|Season))"
    r"[ \t]{1,3}(?:events|programs|programmes|talks|sessions|lectures)\b")


# "November's Kilnworth Science Café", "this month's Science Pub": a recurring evening named
# after the month (or the week) of this edition.
_MONTHS_EDITION = deferred(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"[Tt]his[ \t]month|[Tt]his[ \t]week|[Tt]onight|[Nn]ext[ \t]month)['’]s[ \t]{1,3}"
    r"(?P<name>\p{Lu}[\p{L}&'’\-]{1,30}(?:[ \t]{1,3}(?:on|the|and|&|\p{Lu}[\p{L}&'’\-]{0,30})){0,5})")


# "Job Market Talk:", "Job Talk:": the kind of a candidate's talk, no series ("Faculty
# Candidate Seminar" before every talk of a feed is one, as an earlier batch of our corpus has it).
_JOB_TALK = deferred(r"(?i)(?:job[\s-]market|job)\s(?:talk|seminar|lecture|presentation)s?")


# A feed's footer under a "--" line: "Geometric Analysis & PDE Seminar · Wyndrest College".
# (or an em dash, two en dashes, a row of underscores: "—" over "Sessões Clínicas do Serviço X · Y").
_FOOTER = deferred(r"(?m)^(?:-{2,3}|—{1,3}|–{1,3}|_{2,20})[ \t]*\n(?P<line>[^\n]{3,160})")
# The marks a footer's rule may be drawn with.
_FOOTER_RULES = ("\n--", "\n—", "\n–", "\n__")
_FOOTER_PARTS = deferred(r"\s{1,3}(?:·|\||–|—|-{1,2})\s{1,3}")


# 'our "Careers Beyond the Academy" series', 'the “Science and Society” lecture series': a
# quoted name before the word "series".
_QUOTED_SERIES = deferred(r"\b(?:our|the|this|its|their)[ \t\n]{1,3}[\"“](?P<name>\p{Lu}[^\"“”\n]{2,60}?)[\"”]"
                          r"[ \t\n]{1,3}(?:(?:lecture|seminar|speaker|talk|event)[ \t\n]{1,3})?series\b")


def _quoted_series(text: str) -> Candidate | None:
    """The quoted name of a series: 'the second event in our "Careers Beyond the Academy" series'.

    >>> _quoted_series('Join us for the next talk in the “Science and Society” lecture series.').value
    'Science and Society'
    """
    match = _QUOTED_SERIES.search(text) if " series" in text or "\nseries" in text else None
    if match is None:
        return None
    return Candidate("series", match.group("name"), "DESCRIPTION", "prose.quoted_series",
                     match.span("name"))


# "Geo Evenings is the monthly technical program of the Front Range Section ...", "Open Doors
# is the library's series of public forums": a name, then what kind of recurring programme it
# is and whose. The name opens a sentence or a line.
_SERIES_DEFINED = deferred(
    r"(?:^|(?<=[.!?]\s{1,3})|(?<=\n))(?!(?:The|This|It|Our|Each|Every)\s)"
    r"(?P<name>\p{Lu}[\p{L}'’&\-]{1,30}(?:\s(?:&|and|of|on|the|in|at|\p{Lu}[\p{L}'’&\-]{0,30})){0,5})"
    r"\s(?:(?:is|are)\s(?:the|a|an|our)(?:\s[\p{L}\-]{2,30}['’]s)?\s(?:[\p{Ll}\-]{2,20}\s){0,4}"
    r"(?:program|programme|lecture\sseries|seminar\sseries|speaker\sseries|talk\sseries|series)"
    # "Research Bites are 30-minute talks by faculty": what the programme's meetings are.
    r"|are\s(?:[\p{Ll}\d\-]{2,20}\s){0,3}(?:talks|lectures|seminars|conversations|evenings))"
    r"\s(?:of|by|from|for|hosted|run|organi[sz]ed|presented)\b")


# "Het Seminar Recht & Geschiedenis is een maandelijks forum van de leerstoelgroep ...": the
# same after an article, in Dutch, German, French, Spanish, Italian or Portuguese; the name
# must name a series by its words.
_SERIES_DEFINED_ABROAD = deferred(
    r"(?:^|(?<=[.!?]\s{1,3})|(?<=\n))(?:(?:Het|De|Das|Der|Die|Le|La|El|Il|O|A)\s)?"
    r"(?P<name>\p{Lu}[\p{L}'’&\-]{1,30}(?:\s(?:&|en|und|et|y|e|\p{Lu}[\p{L}'’&\-]{0,30})){0,5})"
    r"\s(?:is|ist|est|es|è|é)\s(?:een|ein|eine|un|une|uno|una|um|uma)\s(?:[\p{Ll}\-]{2,20}\s){0,3}"
    r"(?:forum|reeks|lezingenreeks|programma|reihe|vortragsreihe|programm|cycle|ciclo|programa|série|serie)"
    r"\s(?:van|von|der|des|de|du|del|della|di|do|da)\b")


def _series_defined(text: str) -> Candidate | None:
    """The series a sentence defines as a recurring programme of someone's.

    >>> _series_defined("Dinner at six. Geo Evenings is the monthly technical program of the Section.").value
    'Geo Evenings'
    >>> _series_defined("The Lodge is the social program of the Section.") is None
    True
    >>> _series_defined("Lab Bites are 30-minute talks by our faculty.").value
    'Lab Bites'

    >>> _series_defined("Het Seminar Recht & Geschiedenis is een maandelijks forum van de groep.").value
    'Seminar Recht & Geschiedenis'
    """
    if " program" in text or " series " in text or " are " in text:
        match = _SERIES_DEFINED.search(text)
        if match is not None:
            return Candidate("series", match.group("name"), "DESCRIPTION", "prose.series_defined",
                             match.span("name"))
    for match in _SERIES_DEFINED_ABROAD.finditer(text) if " is " in text or " ist " in text or \
            " est " in text or " es " in text or " è " in text or " é " in text else ():
        name = match.group("name")
        head_first = name.split()[0].lower() in rules.gazetteer("series_heads") and \
            len(name.split()) > 1 and _names_an_event(name)  # "Seminar Recht & Geschiedenis"
        if names_a_series(name) or names_a_series_head_first(name) or head_first:
            return Candidate("series", name, "DESCRIPTION", "prose.series_defined",
                             match.span("name"))
    return None


# "Ekologiseminariet hålls på torsdagar ...", "The Optics Seminar meets on Tuesdays ...": a
# series' name, then that it meets, in English, Dutch, the Nordic languages, French, Spanish,
# Italian or Portuguese.
_SERIES_MEETS = deferred(
    r"(?:The\s|Het\s|De\s)?"
    r"(?P<name>\p{Lu}[\p{L}'’&\-]{1,40}(?:\s(?:&|and|of|on|in|for|\p{Lu}[\p{L}'’&\-]{0,30})){0,5})"
    r"\s(?:meets|is\sheld|takes\splace|hålls|äger\srum|holdes|afholdes|vindt\splaats|wordt\sgehouden|"
    r"se\sréunit|a\slieu|tiene\slugar|se\scelebra|si\stiene|si\ssvolge|realiza-se|decorre)\b")


def _footer_series(text: str) -> Candidate | None:
    """The series a footer's first line names, before its institution or term: "--" over
    "Geometric Analysis & PDE Seminar · Wyndrest College London", "---" over "Kolloquium zur
    Stadtgeschichte, WiSe 2019/20".

    >>> _footer_series("Abstract.\\n\\n--\\nAlgebra & Number Theory Seminar · Hale College").value
    'Algebra & Number Theory Seminar'
    >>> _footer_series("Abstract.\\n\\n---\\nKolloquium zur Stadtgeschichte, WiSe 2019/20").value
    'Kolloquium zur Stadtgeschichte'
    """
    footer = _FOOTER.search(text) if any(mark in text for mark in _FOOTER_RULES) else None
    if footer is None:
        return None
    name = _FOOTER_PARTS.split(footer.group("line").strip(), maxsplit=1)[0].strip()
    if meets := _SERIES_MEETS.match(name):
        name = meets.group("name")  # "Ekologiseminariet hålls på torsdagar kl. 15.15 ..."
    if not names_a_series(name) and ", " in name:
        name = name.split(", ", 1)[0]  # "Name, term" or "Name, institution"
    if not names_a_series(name) and not names_a_series_head_first(name):
        return None
    start = footer.start("line") + footer.group("line").find(name)
    return Candidate("series", name, "DESCRIPTION", "layout.footer_series", (start, start + len(name)))


def _months_meeting(name: str) -> bool:
    """Return whether an event's name is a month and a kind of meeting: "October Dinner
    Meeting", "September meeting" (this month's meeting of a society, no named series).

    >>> _months_meeting("October Dinner Meeting"), _months_meeting("October Lecture Series")
    (True, False)
    >>> _months_meeting("November General Meeting")
    True
    """
    words = name.split()
    if len(words) < 2 or words[0].lower() not in vocabulary()["months"] or len(words[0]) < 4:
        return False
    return all(w.lower() in _MEAL_WORDS or w.lower() in _MEETING_QUALIFIERS or _generic_kind(w)
               for w in words[1:])


# A meal a society's meeting is held over: "October Dinner Meeting", "May Luncheon".
_MEAL_WORDS = frozenset({"dinner", "lunch", "luncheon", "breakfast", "supper"})
# What kind of meeting of its members a society holds: "November General Meeting".
_MEETING_QUALIFIERS = frozenset({"general", "monthly", "regular", "members", "members'", "business"})


def _months_edition(text: str) -> Candidate | None:
    """A series this month's or this week's edition belongs to: the words after "November's"
    up to the last series word ("Science Café", "Lecture", "Night").

    >>> _months_edition("November's Kilnworth Science Café takes us out to sea.").value
    'Kilnworth Science Café'
    >>> _months_edition("This month's Ada Roe talk is on tides.") is None
    True
    """
    heads = rules.gazetteer("series_heads")
    for match in _MONTHS_EDITION.finditer(text[:_EDITION_REACH]):
        words = match.group("name").split()
        while words and words[-1].lower() not in heads:
            words.pop()
        if len(words) >= 2:
            name = " ".join(words)
            start = match.start("name")
            return Candidate("series", name, "DESCRIPTION", "prose.months_edition",
                             (start, start + len(name)))
    return None


_EDITION_REACH = 4000


def _named_lecture(text: str) -> Candidate | None:
    """A recurring named lecture the text gives this talk's place in ("the 12th annual X
    Lecture", "the 2026 X Lecture in Y", "the X Memorial Lecture"): the series.

    >>> _named_lecture("will deliver the 12th annual Whitcombe Lecture in Environmental Ethics at").value
    'Whitcombe Lecture in Environmental Ethics'
    >>> _named_lecture("A Public Lecture by Ada Roe") is None
    True
    >>> _named_lecture("will give this year's Hollis Lecture in the Humanities on Nov. 12").value
    'Hollis Lecture in the Humanities'
    >>> _named_lecture("will give this year's Hollis Lecture on Nov. 12").value
    'Hollis Lecture'
    >>> _named_lecture("at the 9th annual Tobias Quill, Jr., Memorial Convocation.").value
    'Tobias Quill, Jr., Memorial Convocation'
    >>> _named_lecture("will host Ada Roe for the Henry B. Marsh Jr. Lecture at 7 p.m.").value
    'Henry B. Marsh Jr. Lecture'
    >>> _named_lecture("at HWCU. The Hale Distinguished Lectureship in Biology is").value
    'Hale Distinguished Lectureship in Biology'
    >>> _named_lecture("will hold its annual Ó Ceallaigh\\nLecture on Thursday").value
    'Ó Ceallaigh Lecture'
    """
    if "Lecture" not in text and "Oration" not in text and "Address" not in text and \
            "Convocation" not in text:
        return None
    for match in _NAMED_LECTURE.finditer(text):
        name = " ".join(match.group("name").split())
        start = match.start("name")
        if name.startswith("The "):
            name, start = name[4:], start + 4
        if _generic_kind(name) or is_institution(name.rsplit(" ", 1)[0]):
            continue
        return Candidate("series", name, "DESCRIPTION", "prose.named_lecture",
                         (start, match.end("name")))
    return None


def _heading_series(ann: Announcement) -> Candidate | None:
    """A series named on the description's first line, alone, above a blank line or a label
    ("Civil Engineering Seminar", then the abstract)."""
    if not ann.lines:
        return None
    if ann.lines[0].number in ann.label_line_numbers:
        if len(ann.lines) > 1 and ann.lines[1].number > ann.lines[0].number + 1:
            # "Speaker: Ada Roe", a blank line, then "Physics Colloquium – Spring 2026" alone.
            return _heading_series_at(ann, 1)
        return _heading_series_under_header(ann)
    first = ann.lines[0]
    if _ANNOUNCEMENT_HEADING.match(first.text.strip("*_#: ")) and len(ann.lines) > 1 and \
            ann.lines[1].number == first.number + 1:
        # "SEMINAR ANNOUNCEMENT" over "Computational Biology Seminar Series": the line under
        # the notice's own heading.
        return _heading_series_at(ann, 1)
    found = _heading_series_at(ann, 0)
    if found is None and _STATUS.search(first.text):
        # "THIS SESSION IS CANCELLED. ..." over a blank line, then "Faculty Works-in-Progress
        # Seminar" alone: the heading under a notice of the event's status.
        below = next((i for i in range(1, min(len(ann.lines), _NOTICE_LINES + 1))
                      if ann.lines[i].number > ann.lines[i - 1].number + 1), None)
        found = _heading_series_at(ann, below) if below is not None else None
    return found


# How many lines a notice of the event's status above the heading may take.
_NOTICE_LINES = 3


def _heading_series_under_header(ann: Announcement) -> Candidate | None:
    """A bulletin post's header of labels ("Type:", "Topic:", ... "Abstract:") over its body,
    whose first line names the series alone ("HCI SEMINAR  --  SPRING 1997")."""
    header = next((item for item in ann.labels if item.field == "abstract"), None)
    if header is None or header.value:
        return None
    after = ann.line_index_at(header.line.start) + 1
    found = _heading_series_at(ann, after) if after < len(ann.lines) else None
    if found is None or _generic_kind(str(found.value)) or _SAYS_SOMETHING.search(str(found.value)):
        return None  # "SPECIAL SEMINAR", "*** THIS TALK HAS BEEN CANCELLED ***": no series' name
    return found


def _framed_heading_series(ann: Announcement) -> Candidate | None:
    """A series named by a heading set off in the body: centred, or under a rule line, and
    alone above a blank line, a rule or a label ("*****" over "GRAPHICS AND GEOMETRY SEMINAR";
    "The original announcement:", "-----", then "ROBOTICS LUNCH" centred)."""
    lines = ann.lines[:_FRAMED_HEADING_LINES]
    for index, line in enumerate(lines[:-1]):
        below = lines[index + 1]
        framed = line.indent >= _CENTRED_INDENT or index and RULE_LINE.match(lines[index - 1].text) \
            and lines[index - 1].number == line.number - 1
        if not framed or line.number in ann.label_line_numbers or RULE_LINE.match(line.text):
            continue
        alone = below.number > line.number + 1 or below.number in ann.label_line_numbers or \
            RULE_LINE.match(below.text) is not None
        text = _TERM_TAIL.sub("", line.text.strip("*_#: "))
        if alone and names_a_series(text) and not is_institution(text) and not _months_meeting(text) \
                and not _generic_kind(text) and not _SAYS_SOMETHING.search(text):
            return Candidate("series", text, "DESCRIPTION", "layout.framed_heading_series",
                             (line.start, line.start + len(text)))
    return None


# How far down a description a set-off heading is looked for, and the blanks that centre one.
_FRAMED_HEADING_LINES = 30
_CENTRED_INDENT = 8


# A heading that says something rather than names something: a verb of a notice.
_SAYS_SOMETHING = deferred(r"(?i)\b(?:has|have|been|is|are|was|were|will|cancell?ed|postponed|"
                           r"rescheduled|moved|changed)\b")


# A notice's heading that says only what the notice is: "SEMINAR ANNOUNCEMENT", "Talk notice".
_ANNOUNCEMENT_HEADING = deferred(r"(?i)^(?:(?:seminar|talk|lecture|colloquium|event)\s{1,3})?"
                                 r"(?:announcement|notice)$")


def _heading_series_at(ann: Announcement, index: int) -> Candidate | None:
    """The series a heading line at ``index`` names, alone above a blank line or a label; a
    term after it goes ("Physics Colloquium – Spring 2026")."""
    line = ann.lines[index]
    if line.number in ann.label_line_numbers:
        return None
    text = _TERM_TAIL.sub("", line.text.strip("*_#: "))
    after = index + 1
    alone = len(ann.lines) == after or ann.lines[after].number > line.number + 1 or \
        ann.lines[after].number in ann.label_line_numbers
    if alone and is_series_name(text) and _names_an_event(text) and not _months_meeting(text):
        # "November General Meeting" is this month's meeting of a society, no series
        return Candidate("series", text, "DESCRIPTION", "layout.heading_series",
                         (line.start, line.start + len(text)))
    return None


# "– FS 2026", "- Spring 2026", "– Fall Semester 2025", "— 2025/26": the term of a series' season.
# "Materialwissenschaftliches Kolloquium WS 2019/20": a term's name needs no dash before it.
_TERM = r"(?:FS|HS|SS|WS|WiSe|SoSe|Spring|Fall|Autumn|Winter|Summer)(?:\s(?:Term|Semester|Quarter))?\s"
_TERM_TAIL = deferred(rf"(?:\s{{1,3}}(?:--|[–—-])\s{{1,3}}(?:{_TERM})?|\s{_TERM})"
                      r"(?:19|20)\d\d(?:[/–-]\d{2,4})?$", regex.IGNORECASE)


def event_in_speaker_label(ann: Announcement) -> Candidate | None:
    """A "Speaker:" label that holds the name of a series or meeting instead of a person
    ("Speaker: Lakeshore Cancer Symposium 2026"): the series, without its year."""
    for label in ann.labelled("speaker"):
        value = label.value.strip()
        if label.label == "name":
            continue  # "Name:" names whatever the page is about, a talk as often as a person
        if not value or "(" in value or parse_people(value) or not is_series_name(value) \
                or _STATUS.match(value):
            continue  # "Seminar (Ada Roe)" names a person too; "CANCELLED ..." a status
        name = _YEAR_EDGE.sub("", value).strip()
        if name:
            return Candidate("series", name, "DESCRIPTION", "label.speaker_names_event",
                             (label.value_start, label.value_start + len(value)))
    return None


# Words of a heading, not of a series' name ("About the Series", "Upcoming Series").
_NO_NAME_WORDS = frozenset({"about", "the", "this", "our", "upcoming", "past", "next", "all",
                            "more", "see", "view", "other"})
_ABOUT_SERIES = deferred(r"(?i)^about\s(?:the|this|our)\s(?:series|program(?:me)?|lecture series)\s?:?$")
_SUBJECT_IS = deferred(r"^(?P<name>\p{Lu}[^.!?]{2,100}?)\s(?:is|are|was)\s(?:a|an|the|our)\s")


def _about_the_series(ann: Announcement) -> Candidate | None:
    """An "About the series" heading over a paragraph that names it: "Bridging Ideas: Health
    Talks is a partnership between ..." gives the subject of that first sentence."""
    for index, line in enumerate(ann.lines[:-1]):
        if not _ABOUT_SERIES.match(line.text.strip("*_#: ")):
            continue
        below = ann.lines[index + 1]
        subject = _SUBJECT_IS.match(below.text)
        if subject and len(subject.group("name").split()) <= 10 and \
                subject.group("name").split()[0].lower() not in {"this", "the", "it", "our"}:
            return Candidate("series", subject.group("name"), "DESCRIPTION", "layout.about_the_series",
                             (below.start, below.start + subject.end("name")))
    return None


# "QRS Seminar", "ToC Seminar" (a small "o" of "of" kept in the acronym).
_ACRONYM_HEAD = deferred(r"^(?P<acronym>\p{Lu}(?:\p{Ll}{0,2}\p{Lu}){1,5})(?:\s(?P<rest>.{2,60}))?$")


def _spell_out_acronym(found: list[Candidate], text: str) -> None:
    """Replace "QRS Seminar" by "Quantum Research Studies Seminar Series" when the text
    spells the acronym out before the same series words; a lone acronym ("QRS") or one before
    a kind of event ("QRS Roundtable") by the series it spells out."""
    if not found:
        return
    short = _ACRONYM_HEAD.match(str(found[0].value))
    if short is None:
        return
    rest = (short.group("rest") or "").lower().split()
    # "QRS Roundtable": the words after the acronym only say what kind of event it is
    kinds_only = all(w in rules.gazetteer("event_kinds") or w in rules.gazetteer("series_heads")
                     for w in rest)
    for match in _named_series_matches(text):
        long = _LEADING_FUNCTION_WORD.sub("", match.group("name").strip())
        # "Human-Computer Interaction" gives "HCI": each part of a hyphenated word counts.
        initials = "".join(w[0] for w in long.replace("-", " ").split() if w[:1].isupper())
        # "Work-in-Progress" gives "WIP": every part of a hyphenated word, in whatever case.
        hyphened = "".join(part[0] for w in long.split() if w[:1].isupper()
                           for part in w.split("-") if part).upper()
        words = long.lower().split()
        capitals = "".join(c for c in short.group("acronym") if c.isupper())
        if (initials.startswith(capitals) or hyphened.startswith(capitals)) and \
                (kinds_only or all(w in words for w in rest)):
            found[0] = Candidate("series", long, "DESCRIPTION", "prose.spelled_out_series",
                                  (match.start("name"), match.end("name")))
            return


def _written_out(short: Candidate, others: list[Candidate | None], text: str) -> Candidate | None:
    """Return the series ``short`` abbreviates, as the text writes it out: "P-Lunch" after
    "Phonetics & Phonology Lunch (P-Lunch)", "Epi Seminar" or "STS Colloquium" beside another
    candidate or a name in the text that it shortens."""
    name = str(short.value)
    if not name or len(name) > 60:
        return None
    text = text[:_WRITTEN_OUT_REACH]
    if (alias := _alias_before(text, name)) is not None:
        return alias
    words = _WORD.findall(name)
    if not words or not words[-1][:1].isupper():
        return None
    runs = regex.finditer(rf"(?P<long>(?:\p{{Lu}}[\p{{L}}\-]{{0,30}},?[ \t]{{1,3}}(?:(?:&|and|of|for|on)[ \t]{{1,3}})?){{1,6}}"
                          rf"{regex.escape(words[-1])}(?:[ \t]Series)?)\b", text)
    longs = [c for c in others if c is not None and c.value] + \
        [Candidate("series", _LEADING_ARTICLE.sub("", run.group("long")), "DESCRIPTION",
                   "prose.series_written_out") for run in runs]
    for candidate in longs:
        long = _TERM_TAIL.sub("", str(candidate.value))
        if abbreviates(name, long):
            return Candidate("series", long, candidate.source, candidate.rule, candidate.span)
    return None


def _alias_before(text: str, name: str) -> Candidate | None:
    """Return the series a line writes out before ``name`` in brackets: "Phonetics & Phonology
    Lunch (P-Lunch)"."""
    bracketed = f"({name})"
    at = text.find(bracketed)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        before = text[line_start:at]
        long = before.strip(" \t")
        indent = len(before) - len(before.lstrip(" \t"))
        gap = len(before) - len(before.rstrip(" \t"))
        if indent <= 3 and 1 <= gap <= 3 and 3 <= len(long) <= 81 and long[:1].isupper() and \
                "(" not in long and ")" not in long:
            start = line_start + indent
            return Candidate("series", long, "DESCRIPTION", "prose.series_alias", (start, start + len(long))) \
                if is_series_name(long) else None
        at = text.find(bracketed, at + 1)
    return None


_WRITTEN_OUT_REACH = 6000
_LEADING_ARTICLE = deferred(r"^(?:The|Our|This)\s{1,3}")
_FILLER = frozenset({"of", "and", "the", "for", "on", "in"})
_CAMEL_PIECE = deferred(r"\p{Lu}\p{Ll}*|\p{Ll}+")


def abbreviates(short: str, long: str) -> bool:
    """Return whether series name ``short`` shortens ``long``: an acronym ("STS" for "Science,
    Technology & Society") or clipped words ("Epi", "Comp Bio", "MatWiss", "EcoEvo") before
    the same head word; "Series" may follow in ``long``, and the proper name of its host may
    stand before what is shortened ("CL Seminar" for "Lakeshore Computational Linguistics
    Seminar").

    >>> [abbreviates(s, "Computational Biology Seminar Series") for s in
    ...  ("Comp Bio Seminar", "CB Seminar", "Computational Biology Seminar", "Comp Seminar")]
    [True, True, False, False]
    >>> abbreviates("MatWiss-Kolloquium", "Materialwissenschaftliches Kolloquium")
    True
    >>> abbreviates("Kolloquium Umweltgeschichte", "Kolloquiums Umweltgeschichte")
    False
    >>> [abbreviates(s, "Lakeshore Ecology & Evolution Seminar") for s in ("EcoEvo Seminar", "EE Seminar")]
    [True, True]
    """
    tokens = [t for t in regex.split(r"[\s\-]+", short) if t]
    words = [w for w in _WORD.findall(long) if w.lower() not in _FILLER]
    if len(tokens) < 2 or not words:
        return False
    head = tokens[-1].lower()
    at = next((i for i, w in enumerate(words) if w.lower() == head), None)
    if at is None or at == 0 or any(w.lower() != "series" for w in words[at + 1:]):
        return False
    # The host's name before the shortened words is capitalised: "Lakeshore" in "Lakeshore
    # Computational Linguistics Seminar".
    return any(_shortens(tokens[:-1], words[skip:at]) for skip in range(at)
               if all(w[:1].isupper() for w in words[:skip]))


def _shortens(tokens: list[str], words: list[str]) -> bool:
    """Return whether ``tokens`` shorten all of ``words``, in order, and at least one is
    shorter than what it stands for."""
    done, shortened = 0, False
    for token in tokens:
        if token.isupper() and 2 <= len(token) <= 6 and \
                "".join(w[0] for w in words[done:done + len(token)]).upper() == token:
            done, shortened = done + len(token), True
            continue
        if done >= len(words):
            return False
        pieces = [p.lower() for p in _CAMEL_PIECE.findall(token)]
        if len(pieces) > 1 and done + len(pieces) <= len(words) and all(
                len(piece) >= 2 and word.lower().startswith(piece) and len(word) > len(piece)
                for piece, word in zip(pieces, words[done:done + len(pieces)])):
            done, shortened = done + len(pieces), True  # "EcoEvo": "Ecology & Evolution"
            continue
        word = words[done].lower()
        if not pieces or not word.startswith(pieces[0]) or len(pieces[0]) < 2:
            return False
        rest = word[len(pieces[0]):]
        for piece in pieces[1:]:
            found_at = rest.find(piece)
            if found_at < 0:
                return False
            rest = rest[found_at + len(piece):]
        if len(pieces) == 1 and 0 < len(word) - len(token) < 3:
            return False  # "Kolloquium" for "Kolloquiums": an inflection, nothing clipped
        shortened = shortened or token.lower() != word
        done += 1
    return done == len(words) and shortened


_SEMINAR_CONNECTORS = frozenset({"and", "&", "of", "on"})


def _seminar_name_words(tokens: list[str]) -> list[str]:
    """Return the words that name a seminar, from the words before "Seminar": the last run
    of capitalised words and connectors, without a label or a month first.

    >>> _seminar_name_words("Hall for the Joint Biostatistics and Epidemiology".split())
    ['Joint', 'Biostatistics', 'and', 'Epidemiology']
    >>> _seminar_name_words(["Series", "Materials", "Theory"])  # a Drupal page's heading above
    ['Materials', 'Theory']
    >>> _seminar_name_words(["Faculty", "Research"])  # "Faculty:" labels speakers, but names too
    ['Faculty', 'Research']
    """
    start = len(tokens)
    while start > 0 and (tokens[start - 1][:1].isupper() or tokens[start - 1] in _SEMINAR_CONNECTORS):
        start -= 1
    run = tokens[start:]
    months = vocabulary()["months"]
    while run and (run[0] in _SEMINAR_CONNECTORS or _label_word(run[0]) or run[0].lower() in months):
        run = run[1:]
    return run


def _label_word(word: str) -> bool:
    """Return whether ``word`` is a label that opens no series name ("Series Materials
    Theory"): any label but a speaker's, which may ("Faculty Research Seminar"), and "Speaker"."""
    field = rules.label_fields().get(word.lower())
    return field is not None and (field != "speaker" or word in ("Speaker", "Speakers"))


def _named_seminar(tokens: list[str]) -> bool:
    """Return whether the words before "Seminar" in prose name a seminar series ("Theory",
    "Joint Biostatistics and Epidemiology"): words of two letters or more, not only kinds of
    event ("Special"), and no institution ("a College Seminar" is a course the college gives).

    >>> [_named_seminar(w.split()) for w in ("Theory", "Special", "Lakeshore College", "G")]
    [True, False, False, False]
    """
    kinds = rules.gazetteer("event_kinds")
    if not tokens or not tokens[-1][:1].isupper() or is_institution(" ".join(tokens)) or \
            all(t.lower() in kinds or t in _SEMINAR_CONNECTORS for t in tokens):
        return False
    return all(t in _SEMINAR_CONNECTORS or len(t) >= 2 for t in tokens)


_WORD = deferred(r"\w+")
# A colon, bar or dash between parts of a SUMMARY: "Thesis Defense: Name".
_PART_BREAK = deferred(r"[:|–—]|\s-\s")


def _generic_kind(text: str) -> bool:
    """Return whether ``text`` is made of event-kind and category words only."""
    vocabulary = rules.gazetteer("event_kinds") | rules.gazetteer("category_words")
    words = _WORD.findall(text.lower())
    return bool(words) and all(w in vocabulary or w in {"and", "training", "trainings"}
                               for w in words)


# The small words a name in title case leaves in lower case ("Ciclo de Charlas Hispánicas").
_NAME_PARTICLES = frozenset({"of", "the", "and", "&", "in", "on", "for", "de", "del", "la", "le",
                             "les", "des", "du", "da", "do", "dos", "das", "e", "y", "et", "di",
                             "della", "van", "der", "den", "het", "en", "und", "im", "für", "zur"})


def names_a_series(text: str) -> bool:
    """Return whether a short name in title case ends in a series word: "Machine Perception
    Seminar", "Harkness Distinguished Lecture" (a "Topic:" line that names the series).

    >>> [names_a_series(t) for t in ["Machine Perception Seminar", "Shape from Shadows"]]
    [True, False]
    """
    words = text.split()
    heads = rules.gazetteer("series_heads")
    # "Ekologiseminariet", "Dienstagsvorträge": a compound ends in the series word
    last = words[-1].lower() if words else ""
    compound = len(words) == 1 and any(last.endswith(h) and len(last) > len(h) + 2 for h in heads
                                       if len(h) >= _COMPOUND_HEAD_LETTERS)
    return bool(words) and (last in heads or compound) and \
        (compound or is_series_name(text)) and _names_an_event(text)


# The shortest series word a compound may end in ("seminar", "vorträge").
_COMPOUND_HEAD_LETTERS = 7


def names_a_series_head_first(text: str) -> bool:
    """Return whether a short name opens with its series word and says what of: "Séminaire
    de géométrie algébrique de Lorvanne", "Forschungskolloquium zur Neueren Geschichte",
    "Seminar in Applied Analysis" (the order of the Romance and German languages).

    >>> [names_a_series_head_first(t) for t in ["Séminaire de géométrie de Lorvanne",
    ...  "Oberseminar zur Zahlentheorie", "Seminar in the afternoon", "Talks in Room 5.",
    ...  "Sessões Clínicas do Serviço de Cardiologia"]]
    [True, True, False, False, True]
    """
    words = text.split()
    if not 3 <= len(words) <= 9 or text.rstrip()[-1:] in ".?!":
        return False
    # "Sessões Clínicas do Serviço de X", "Seminario Permanente di Y": an adjective may
    # stand between the series word and what it is of.
    joiner = next((at for at in (1, 2) if at < len(words) - 1 and _is_joiner(words[at])), None)
    if joiner is None or joiner == 2 and not _ADJECTIVE.fullmatch(words[1]):
        return False
    head = words[0].lower()
    if head not in rules.gazetteer("series_heads") and \
            not any(head.endswith(h) and len(head) >= len(h) + 4 for h in _COMPOUND_HEADS):
        return False
    return words[0][:1].isupper() and any(w[:1].isupper() for w in words[joiner + 1:]) and \
        not has_known_given_name(" ".join(words[joiner + 1:]))


def _is_joiner(word: str) -> bool:
    return word.lower() in _HEAD_FIRST_JOINERS or word.lower().startswith(("d'", "d’"))


# One word that may qualify a series word: "Clínicas", "Permanente", "interdisciplinaire".
_ADJECTIVE = deferred(r"\p{L}{4,20}")


# What joins a series word to what it is of ("Séminaire de ...", "Seminar on ..."); and the
# series words a German compound ends in ("Forschungskolloquium").
_HEAD_FIRST_JOINERS = SERIES_PREPOSITIONS | ENGLISH_PREPOSITIONS
_COMPOUND_HEADS = ("kolloquium", "seminar", "vorlesung", "colloquium")


def _names_an_event(text: str | None) -> bool:
    """Return whether a SUMMARY is a short name in title case ("Data Science Lunch"), no
    sentence or question, and no person's name.

    >>> [_names_an_event(t) for t in ["Ecology Brown Bag", "Why are the Alps rising?",
    ...  "Thesis Defense: Ada Roe", "Ada Roe", "Ciclo de Charlas Costeras"]]
    [True, False, False, False, True]
    """
    if not text or len(text.split()) > 6 or text.rstrip()[-1:] in "?!." or \
            _PART_BREAK.search(text):
        return False  # "Thesis Defense: Name" is read part by part, not as one name
    significant = [w for w in text.split() if w.lower() not in _NAME_PARTICLES]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant) \
        and not is_person_name(text)
