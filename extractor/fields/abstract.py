"""The abstract: the prose block about the talk, without the bio, logistics, links, contact
lines and "Joint work with" credits."""
from __future__ import annotations

import functools
from collections import Counter

import regex

from .. import rules
from ..announcement import Announcement
from ..candidate import Candidate
from ..compiled_patterns import compile_pattern
from ..deferred import deferred
from ..layout import LabelLine
from ..shapes import word_count
from .paragraphs import SEPARATOR, Paragraph, Sentence, sentences_between, split_paragraphs
from .talk_kind import is_non_talk

_SENTENCE_END = deferred(r"[.!?。！？][\"”’')」]*$")
_DATELINE = deferred(r"^[\p{Lu} .,'’]{3,40}--\s*|^[\p{Lu}][\p{Lu} .,'’]{2,40}\s[—–-]\s")
_TRAILERS = deferred(r"(?i)(?:^|\s)(?:JEL (?:Classification|codes?)|Keywords?:|"
                     r"This is (?:a )?joint work|Joint work|Based on joint|"
                     r"(?-i:\[?(?:Paper|Slides|Link|Video)\]?):\s)")


# "Join Ada Roe for an evening exploring ...": an invitation that opens the summary says what the
# event is about, though it names who comes.
# "Join us as Ada Roe, a fellow at X, discusses ..." and "Join us to celebrate ..." introduce the
# guest instead.
_INVITES = deferred(r"(?:Please\s)?[Jj]oin\s[^.!?]{0,150}?\bfor\s(?:an?|the)\s")

# "In his lecture, Roe will ...", "In this talk, the author traces ...", not "In this talk, we".
_TOLD_OF_TALK = deferred(r"^In\s(?:this|his|her|their|the|\p{Lu}[\p{L}\-]+['’]s)\s(?:[\p{Ll}\-]+\s)?"
                         r"(?:talk|lecture|presentation|keynote|address|speech|remarks)\b,?\s"
                         r"(?!(?:I|we|We|you|You|our)\b)")

# A sentence that says when ("Thursday, April 21, 6:30 PM Reception") after this many sentences
# of summary ends it, whatever follows (house rules, a programme of the evening).
_SUMMARY_BEFORE_WHEN = 3

# Fields whose label lines start the part about the speaker, not about the talk.
_PERSON_FIELDS = frozenset({"speaker", "bio", "affiliation", "host", "contact"})
# A heading inside an abstract: a short line without a sentence end ("Problem statement").
_HEADING_MAX_WORDS = 8
# Sentences that open or close a description but are not part of the talk's summary.
_EDGE_ROLES = frozenset({"bio", "logistics", "credit", "intro", "heading"})
# Sentences before the summary's own paragraph that end the part before it.
_BEFORE_ROLES = frozenset({"bio", "logistics", "credit"})
# Paragraphs of running text, whatever they are about (long ones count toward a story).
_STORY_ROLES = frozenset({"prose", "bio", "logistics", "quote"})
# From this many paragraphs of running text on, a description tells a story (a press release).
_STORY_PARAGRAPHS = 6


def abstract_candidates(ann: Announcement) -> list[Candidate]:
    """Return abstract candidates (plain text), best first: a labelled block, then prose.

    An event that is not a talk (a book club, a concert) has no abstract, however much prose
    describes it.
    """
    found: list[Candidate] = []
    if is_non_talk(ann):
        return found
    labelled = _from_label(ann)
    if labelled:
        found.append(labelled)
    prose = _from_prose(ann)
    if prose:
        found.append(prose)
    return found


def _from_label(ann: Announcement) -> Candidate | None:
    """Return the longest labelled block that reads as prose, trimmed of bio and logistics."""
    best: Candidate | None = None
    for label in ann.labelled("abstract"):
        block = ann.block(label, paragraphs=True)
        start = label.value_start if label.value else (block[0].start if block else None)
        if start is None:
            continue
        start = _summary_before(ann, label, start)
        end = block[-1].end if block else label.line.end
        span = _trim(ann, start, end)
        if span is None:
            continue
        text = _clean(ann.text[span[0]:span[1]])
        words = word_count(text)
        # A labelled title or series name alone ("Event description: Seminar Series") is no abstract.
        if words < 5 or (words < _min_words() and not _SENTENCE_END.search(text)):
            continue
        if best is None or words > word_count(str(best.value)):
            best = Candidate("abstract", text, "DESCRIPTION", f"label.{label.label}", span)
    return best


def _summary_before(ann: Announcement, label: LabelLine, start: int) -> int:
    """Return where the abstract under a label starts: a "What to expect:" list goes on with
    the paragraph of prose right above it, which says what the talk is about."""
    if label.label.lower() not in rules.config()["abstract_continuation_labels"]:
        return start
    above = [p for p in split_paragraphs(ann) if p.end <= label.line.start]
    if not above or above[-1].after_field is not None or _role(above[-1], False) != "prose" \
            or any(above[-1].end <= other.line.start < label.line.start for other in ann.labels):
        return start
    return above[-1].start


def _min_words() -> int:
    return int(rules.config()["abstract_min_words"])


def _role(paragraph: Paragraph, in_person_part: bool) -> str:
    """Return what a paragraph is: "prose", "heading", "bio", "logistics", "quote" or "other"."""
    text = paragraph.text
    sentences = paragraph.sentences
    content = paragraph.count("content")
    if paragraph.is_list:
        # Bulleted sentences inside an abstract bridge its paragraphs; a schedule does not.
        ended = sum(1 for line in paragraph.lines if _SENTENCE_END.search(line.text))
        return "heading" if 2 * ended >= len(paragraph.lines) else "other"
    if text.startswith(("http", "www.", "[Source]")):
        return "other"
    if _QUOTED_REMARK.search(text[:_REMARK_REACH]):
        # '"These prints were the evening news of their day," said the curator, who will
        # introduce the lecture.': someone's remark about the talk, quoted in a release (a
        # part of its story, no part of the summary).
        return "quote"
    if len(paragraph.lines) == 1 and paragraph.words <= _HEADING_MAX_WORDS \
            and not _SENTENCE_END.search(text):
        return "heading"
    bio = paragraph.count("bio")
    # A bio opens on the speaker's career and goes on about it; one opening sentence about the
    # guest ("Acclaimed author Ada Roe shares ...") before sentences about the book or talk
    # does not make a bio.
    opens_bio = sentences[0].role == "bio" and (len(sentences) < 3 or sentences[1].role == "bio")
    if bio and (opens_bio or in_person_part or 2 * bio >= len(sentences)):
        # A paragraph that opens on the speaker's career is a bio even if it names the talk.
        if content == 0 or sentences[0].role == "bio" and content < bio:
            return "bio"
    logistics = paragraph.count("logistics")
    if logistics and 2 * logistics > len(sentences) and content == 0 and \
            _lead_words(sentences) < _LEAD_PROSE_WORDS:
        # Prose that opens the paragraph before the notes ("... Moderated by X. A reception
        # follows. Free.", a flattened page) is kept: the trim cuts the notes after it.
        return "logistics"
    if paragraph.words < 6 or not (_SENTENCE_END.search(text) or paragraph.words >= 40):
        return "other"
    return "prose"


# A quoted remark and who made it: '"...," said X' opening a paragraph, or 'X said: "..."'.
_QUOTED_REMARK = deferred(r"^[\"“][^\"“”]{10,500}[\"”],?\s{1,3}(?:said|says|adds|added|notes|noted)\b|"
                          r"^[^\"“”\n]{3,160}\s(?:said|says|added)(?::|,)\s{1,3}[\"“]")
_REMARK_REACH = 700
# Prose of this many words, in two sentences or more, before a paragraph's notes keeps it prose.
_LEAD_PROSE_WORDS = 30


def _lead_words(sentences: list[Sentence]) -> int:
    """Return the words of the prose sentences that open a paragraph, up to its first note;
    0 where fewer than two sentences open it."""
    lead = []
    for sentence in sentences:
        if sentence.role != "prose":
            break
        lead.append(len(sentence.text.split()))
    return sum(lead) if len(lead) >= 2 else 0


def _from_prose(ann: Announcement) -> Candidate | None:
    """Return the run of prose paragraphs around the one that best reads as the talk's summary."""
    paragraphs = split_paragraphs(ann)
    roles: list[str] = []
    in_person_part = False
    for paragraph in paragraphs:
        if paragraph.after_field is not None:
            in_person_part = paragraph.after_field in _PERSON_FIELDS
        roles.append(_role(paragraph, in_person_part))
    seeds = [i for i, role in enumerate(roles)
             if role == "prose" and paragraphs[i].words >= _min_words()]
    if not seeds:
        return None
    # A separator line ("***") ends the announcement; what follows it is boilerplate about
    # the venue, the policies or the series, so the first part that has prose holds the summary.
    # A short note over the rule ("Full details again below.") only leads into the
    # announcement under it: the part with several times its prose holds the summary.
    sections = _sections(paragraphs)
    words = Counter()
    for i in seeds:
        words[sections[i]] += paragraphs[i].words
    first = sections[seeds[0]]
    fuller = next((s for s in sorted(words) if s > first and words[s] > _NOTE_RATIO * words[first]),
                  first)
    seeds = [i for i in seeds if sections[i] == fuller]
    # The event's own summary comes before the guest's bio; prose after the bio is about the
    # series, the venue or the guest's books ("About this event's guest:", then more).
    bio_at = next((i for i, p in enumerate(paragraphs) if p.after_field == "bio"), len(paragraphs))
    seeds = [i for i in seeds if i < bio_at] or seeds
    # Talk-content cues ("In this talk", "will discuss") mark the summary among press-release
    # paragraphs; among plain abstracts the longest paragraph is the body.
    seed = max(seeds, key=lambda i: _seed_rank(paragraphs[i], i))
    # In a long press release neutral paragraphs tell the story of the speaker or the series;
    # only paragraphs about the talk itself join the summary there.
    story = sum(role in _STORY_ROLES and paragraph.words >= _min_words()
                for role, paragraph in zip(roles, paragraphs)) >= _STORY_PARAGRAPHS
    seed = _past_announcement(paragraphs, roles, seed)
    first = last = seed
    while first > 0 and _joins(paragraphs, roles, first - 1, first, story):
        first -= 1
    while last + 1 < len(paragraphs) and _joins(paragraphs, roles, last, last + 1, story):
        last += 1
    while roles[first] == "heading":
        first += 1
    while roles[last] == "heading":
        last -= 1
    span = _trim(ann, paragraphs[first].start, paragraphs[last].end, paragraphs[seed].start,
                 paragraphs[first].sentences if first == last else None)
    if span is None:
        return None
    text = _clean(ann.text[span[0]:span[1]])
    if len(text.split()) < _min_words():
        return None
    return Candidate("abstract", text, "DESCRIPTION", "layout.prose_block", span)


# How many times a note's prose the announcement under it has.
_NOTE_RATIO = 3


def _sections(paragraphs: list[Paragraph]) -> list[int]:
    """Return, for each paragraph, how many separator lines come before it."""
    found: list[int] = []
    section = 0
    for paragraph in paragraphs:
        section += paragraph.after_field == SEPARATOR
        found.append(section)
    return found


def _seed_rank(paragraph: Paragraph, index: int) -> tuple[int, int, int]:
    """Return how well a paragraph reads as the talk's summary: talk cues first, then length.

    Talk cues in sentences that also say when ("will discuss ... on Thursday at 8 p.m.")
    announce the talk; undated ones describe it, so they count first. Among paragraphs about
    talks the first wins (a series announcement describes its first talk first); among plain
    abstracts the longest.
    """
    content = paragraph.count("content")
    described = sum(1 for s in paragraph.sentences if s.role == "content" and not s.dated)
    return described, content, (-index if content else paragraph.words)


def _is_announcement(paragraph: Paragraph) -> bool:
    """Return whether every talk cue of a paragraph sits in a sentence that says when."""
    cued = [s for s in paragraph.sentences if s.role == "content"]
    return bool(cued) and all(s.dated for s in cued)


def _past_announcement(paragraphs: list[Paragraph], roles: list[str], seed: int) -> int:
    """Return the paragraph the summary starts at when the seed only announces the talk.

    "Ada Quill will discuss her new book on Thursday at noon in the hall." tells when; the
    prose paragraph right after it, when nothing else stands between, tells what.
    """
    after = seed + 1
    if not _is_announcement(paragraphs[seed]) or after >= len(paragraphs):
        return seed
    following = paragraphs[after]
    if following.after_field is not None or roles[after] != "prose" \
            or following.words < _min_words() or any(s.dated for s in following.sentences):
        return seed
    return after


def _joins(paragraphs: list[Paragraph], roles: list[str], left: int, right: int,
           story: bool) -> bool:
    """Return whether two neighbouring paragraphs belong to one abstract."""
    if paragraphs[right].after_field not in (None, "other") or \
            paragraphs[right].after_field == "other" and paragraphs[right].count("content") == 0 \
            and paragraphs[left].count("content") == 0:
        # A field's label line between them ends the abstract; an unknown one ("What to
        # expect:") goes on with it when the talk's content is on either side.
        return False
    pair = {roles[left], roles[right]}
    if not pair <= {"prose", "heading"}:
        return False
    return not story or (paragraphs[left].count("content") > 0
                         and paragraphs[right].count("content") > 0)


def _trim(ann: Announcement, start: int, end: int, anchor: int | None = None,
          known: list[Sentence] | None = None) -> tuple[int, int] | None:
    """Return the span without leading or trailing bio, logistics and credit sentences.

    ``anchor`` is where the paragraph that reads most as the summary starts: a bio or
    logistics sentence before it ends the part before the summary, not the summary itself.
    ``known`` are the sentences of ``start`` to ``end`` when they were split already (one
    paragraph's): they are used unless a trailer cuts the span shorter.
    """
    cut = _cut_end(ann, start, end)
    sentences = known if known is not None and cut == end else sentences_between(ann, start, cut)
    end = cut
    if anchor is not None:
        cut = [i for i, s in enumerate(sentences) if s.start < anchor and s.role in _BEFORE_ROLES]
        if cut:
            sentences = sentences[cut[-1] + 1:]
    # The bio or the co-author credit after the summary ends it; so do logistics, once no
    # talk content follows them ("You are invited to a Zoom meeting", "Tickets are $10").
    for i, sentence in enumerate(sentences[1:], 1):
        before = [s for s in sentences[:i] if s.role in ("prose", "content")]
        if not before:
            continue
        if sentence.role in ("bio", "credit") or sentence.role == "logistics" and (not any(
                s.role == "content" for s in sentences[i:]) and 2 * i >= len(sentences)
                or sentence.dated and len(before) >= _SUMMARY_BEFORE_WHEN):
            sentences = sentences[:i]
            break
    # A summary does not open on when the talk is: "Ada Quill will give the annual lecture
    # on March 24." announces the talk, the sentences after it describe it.
    while sentences and (sentences[0].role in _EDGE_ROLES and not _opens_summary(sentences)
                         and not _hosted_description(sentences[0])
                         or sentences[0].dated and len(sentences) > 1):
        sentences = sentences[1:]
    while sentences and sentences[-1].role in _EDGE_ROLES:
        sentences = sentences[:-1]
    if not sentences:
        return None
    # "In his talk, Roe will trace ...": a writer who tells of the talk in the third person
    # starts its summary there; what comes before introduces the guest or the occasion.
    # ("In this talk, we show ..." follows the background of an abstract in the first person.)
    told = next((i for i, s in enumerate(sentences) if s.role == "content"
                 and _TOLD_OF_TALK.match(s.text)), 0)
    lead = sentences[:told]
    if lead and not any(s.role == "content" for s in lead) and _names_the_guest_before(
            sentences[told].text, ann.text[start:sentences[told].start]):
        sentences = sentences[told:]
    return sentences[0].start, sentences[-1].end


def _names_the_guest_before(told: str, before: str) -> bool:
    """Return whether the sentences before "In his talk, Roe will ..." introduce Roe: the name
    the talk sentence uses stands in them ("Hailed as ..., Ada Roe has ..."). "In this talk
    she describes ..." names no one, and what comes before it may describe the work."""
    names = {w for w in _CAPITALISED_WORD.findall(told[3:]) if w.lower() not in _NOT_NAMES}
    return bool(names) and any(regex.search(rf"\b{regex.escape(n)}\b", before) for n in names)


_CAPITALISED_WORD = deferred(r"\b\p{Lu}[\p{Ll}\-]{2,30}\b")
_NOT_NAMES = frozenset({"this", "the", "his", "her", "their", "talk", "lecture", "keynote"})


def _hosted_description(sentence: Sentence) -> bool:
    """Return whether an opening "Hosted by X, the Y is a two-day programme designed to ..."
    describes the event after naming its host: the host's phrase, then a long main clause."""
    match = _HOSTED_OPENING.match(sentence.text)
    return match is not None and len(sentence.text[match.end():].split()) >= _HOSTED_CLAUSE_WORDS


_HOSTED_OPENING = deferred(r"(?i)^(?:hosted|organi[sz]ed|presented|sponsored)\sby\s[^,]{3,120},\s")
_HOSTED_CLAUSE_WORDS = 15


def _opens_summary(sentences: list[Sentence]) -> bool:
    """Return whether an invitation opens the summary: "Join Ada Roe for an evening exploring
    ...", followed by what the talk is about, not by when and where it is."""
    if not _INVITES.match(sentences[0].text):
        return False
    return len(sentences) == 1 or sentences[1].role not in _EDGE_ROLES and not sentences[1].dated


def _cut_end(ann: Announcement, start: int, end: int) -> int:
    """Return where the abstract stops: before trailers such as codes, keywords and links."""
    # Every trailer has a colon, or "JEL" or "joint" in it: most spans have neither, which
    # substring tests tell faster than the pattern (casefold() folds at least what the
    # pattern's (?i) does).
    span = ann.text[start:end]
    if ":" not in span and "jel" not in span.casefold() and "joint" not in span.casefold():
        return end
    trailer = _TRAILERS.search(ann.text, start, end)
    if trailer and trailer.start() > start:
        end = min(end, trailer.start())
    return end


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = _ABOUT_HEADING.sub("", _OWN_ABSTRACT_HEADING.sub("", text))
    return _label_before_dash().sub("", _CAPS_HEADING.sub("", _DATELINE.sub("", text))).strip()


# "His abstract: ...", "Kit's summary: ...": whose abstract it is, run into its first sentence.
_OWN_ABSTRACT_HEADING = deferred(r"^(?:His|Her|Their|Its|\p{Lu}[\p{Ll}\-]{1,30}['’]s)\s"
                                 r"(?i:abstract|summary|précis)\s?:\s")
# "About the main talk: ...": a heading that a page runs into the summary's first sentence.
_ABOUT_HEADING = deferred(r"^About\s(?:the|this|our)\s(?:[\p{L}\-]{1,20}\s){0,2}?"
                          r"(?:talks?|lectures?|events?|seminars?|sessions?|webinars?|"
                          r"presentations?)\s?:\s")


@functools.cache
def _label_before_dash() -> regex.Pattern[str]:
    """"Abstract - Small satellites ...": an abstract's label written with a dash, which the
    label lines (a colon) do not take."""
    spellings = sorted((s for s, field in rules.label_fields().items() if field == "abstract"),
                       key=lambda word: (-len(word), word))
    return compile_pattern(r"(?i)^(?:" + "|".join(regex.escape(s) for s in spellings) + r")\s{0,3}[-–—]\s{1,3}")


# "PROGRAM DESCRIPTION Deepfaked audio ...": a heading in capitals run into the abstract's first
# sentence by a flattened page (two capitalised words or more, so "NASA missions" stays).
_CAPS_HEADING = deferred(r"^(?:\p{Lu}{2,}\s){2,5}(?=\p{Lu}\p{Ll})")
