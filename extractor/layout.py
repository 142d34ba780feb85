"""The line structure of a description: lines with offsets, and ``Label: value`` lines.

Layout work is done on lines, not with token wildcards: a label is the start of a line, its
value the rest of the line, or the lines below it when the line holds the label alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from . import rules
from .deferred import deferred

# Call-time patterns, each compiled once, at its first use.
# Gendered and plural endings of a label ("·e", "*in", "(s)").
_GENDERED_PLURAL = deferred(r"[·.*:](?:e|in|innen)$|\(s\)$")

# A label: a few words at the start of a line, then a colon. Bounded quantifiers keep it linear.
# Bullets, reference marks and emoji may stand before it ("■ 연사:", "※ 후원:", "📍 Local:").
_LABEL_LINE = deferred(
    r"^[\s*•\-–>#|■□◆◇●○※▶►▪\p{So}\uFE0F\u200D]{0,6}(?:\*\*|__)?(?P<label>\p{L}[\p{L}\p{M}·.*'’()/&\- ]{0,48}?)(?:\*\*|__)?"
    r"\s{0,3}[:：](?:\*\*|__)?(?!//)\s{0,20}(?P<value>.*)$")
# A known label set off by a run of dashes or dots instead of a colon: "Speaker --  Dr. Ada Roe",
# "Title ....... On rings".
_LEADER_LABEL_LINE = deferred(
    r"^[\s*•>#|]{0,6}(?P<label>\p{L}[\p{L}\p{M}'’()/& ]{0,30}?)\s{0,3}(?:-{2,12}|\.{3,20}|—)\s{1,20}"
    r"(?P<value>\S.*)$")
# A label in capitals closed by a full stop: "ABSTRACT.  The number of ways ...".
_CAPS_DOT_LABEL_LINE = deferred(r"^(?P<label>\p{Lu}[\p{Lu}\p{M} ]{2,30}?)\.(?:\s{1,6}(?P<value>\S.*))?$")
# "Abstract." in title case opening a paragraph, as papers and some mails write it.
_ABSTRACT_DOT_LINE = deferred(r"^(?P<label>Abstract|Summary|Zusammenfassung|Résumé|Resumen|Sommario)\."
                              r"(?:[ \t]{1,6}(?P<value>\p{Lu}.*))?$")
_SPACES = deferred(r"\s+")
# A line break, then a line that opens with a label ("\nModeration: Bo Lind"): where a value
# read on over the break stops.
NEXT_LABEL_LINE = deferred(r"\n[ \t]{0,4}\p{Lu}[\p{L}\p{M}]{0,20}(?: [\p{L}\p{M}]{1,20}){0,3}:")
# The colon of _LABEL_LINE stands at most this far into a line (6 marks, 2 of markup, a label
# of 49, 2 of markup and 3 blanks come before it): a line without a colon there has no label,
# which a substring test tells faster than the pattern.
_LABEL_COLON_WITHIN = 6 + 2 + 49 + 2 + 3 + 1


@dataclass(frozen=True)
class Line:
    """One non-empty line: its text without surrounding blanks, and its span in the description."""

    number: int
    start: int
    end: int
    text: str
    indent: int = 0  # the blanks before the text, tabs as one each


@dataclass(frozen=True)
class LabelLine:
    """A ``Label: value`` line; ``field`` is the label's field, or ``"other"`` for unknown labels."""

    line: Line
    label: str
    field: str
    value: str
    value_start: int


def split_lines(text: str) -> list[Line]:
    """Return the non-empty lines of ``text`` with their character spans.

    >>> [(l.number, l.text) for l in split_lines("a\\n\\n  b  \\n")]
    [(0, 'a'), (2, 'b')]
    """
    found: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            indent = len(raw) - len(raw.lstrip())
            start = offset + indent
            found.append(Line(number, start, start + len(stripped), stripped, indent))
        offset += len(raw) + 1
    return found


@cache
def _max_label_words() -> int:
    return int(rules.config()["label_max_words"])


# Labels repeat from event to event ("Speaker", "Abstract"): their keys are kept for a while.
_LABEL_CACHE_SIZE = 4096


@lru_cache(maxsize=_LABEL_CACHE_SIZE)
def normalise_label(label: str) -> str:
    """Return the lookup key of a label: lower case, single spaces, no markup or trailing dots.

    >>> normalise_label("**Speaker(s)** "), normalise_label("İletişim")
    ('speaker(s)', 'iletişim')
    """
    label = label.replace("*", "").replace("_", " ").strip(" .-–|#>")
    # Turkish "İletişim" lowers to "i" and a combining dot; the label is "iletişim".
    return _SPACES.sub(" ", label).lower().replace("i\u0307", "i")


def find_label_lines(lines: list[Line]) -> list[LabelLine]:
    """Return every line that starts with a label, known or not.

    Unknown labels are kept as field ``"other"``: they still end the block of the label above.

    >>> [(l.field, l.value) for l in find_label_lines(split_lines("Title: On rings\\nFoo: bar"))]
    [('title', 'On rings'), ('other', 'bar')]
    >>> [l.field for l in find_label_lines(split_lines("Titel / Title: Over ringen"))]
    ['title']
    >>> [(l.field, l.value) for l in find_label_lines(split_lines("Speaker --  Dr. Ada Roe"))]
    [('speaker', 'Dr. Ada Roe')]
    >>> [l.field for l in find_label_lines(split_lines("Abstract (pasted from her e-mail)\\nText"))]
    ['abstract']
    >>> [(l.field, l.value) for l in find_label_lines(split_lines("ABSTRACT.  Tilings count."))]
    [('abstract', 'Tilings count.')]
    >>> [(l.field, l.value) for l in find_label_lines(split_lines("Abstract. Tilings count."))]
    [('abstract', 'Tilings count.')]
    >>> find_label_lines(split_lines("WHAT: The symposium" + " will feature talks" * 15))
    []
    """
    known = rules.label_fields()
    found: list[LabelLine] = []
    for index, line in enumerate(lines):
        head = line.text[:_LABEL_COLON_WITHIN]
        match = None
        if "--" in head or "..." in head or "—" in head:
            # "Title ----  A title: with a colon": the leader comes before any colon.
            leader = _LEADER_LABEL_LINE.match(line.text[:400])
            match = leader if leader and normalise_label(leader.group("label")) in known else None
        if match is None and (":" in head or "：" in head):
            match = _LABEL_LINE.match(line.text[:400])
        if match is None and "." in head and line.text[:1].isupper():
            caps = _CAPS_DOT_LABEL_LINE.match(line.text[:400])
            match = caps if caps and normalise_label(caps.group("label")) in known else None
            if match is None and (dotted := _ABSTRACT_DOT_LINE.match(line.text[:400])):
                match = dotted  # "Abstract. A logic has uniform interpolation if ..."
        if match is None:
            heading = _heading_label(line, known)
            if heading is not None:
                found.append(heading)
            continue
        label = normalise_label(match.group("label"))
        if not label or len(label.split()) > _max_label_words():
            continue
        field = known.get(label)
        if field is None:
            # Gendered and plural spellings: "Intervenant·e", "Referent*in", "Speakers".
            field = known.get(_GENDERED_PLURAL.sub("", label))
        if field is None and label.endswith("s"):
            field = known.get(label[:-1])
        if field is None and "/" in label:
            # "Titel / Title", "Ponente / Speaker": a label written in two languages.
            fields = {known.get(part.strip()) for part in label.split("/")} - {None}
            field = fields.pop() if len(fields) == 1 else None
        value = (match.group("value") or "").strip().strip("*").strip()
        if value.endswith((":", "：")) and len(value) <= _LABEL_COLON_WITHIN and \
                (inner := known.get(inner_label := normalise_label(value[:-1]))) is not None:
            # "Description: Panelists:" over the list: the inner label names what follows.
            label, field, value = inner_label, inner, ""
        if field == "title" and len(value.split()) > _MAX_TITLE_WORDS:
            # "WHAT: The annual symposium, presented by ..., will feature ...": a paragraph
            # after a word that labels titles elsewhere, not a title.
            continue
        if field is None:
            # An unknown label before a long run of prose is a title and its subtitle in a
            # sentence ("The Long Road: Memoirs of a Judge, Roe tells ..."), not a label.
            if len(label.split()) > 3 or label[:1].isdigit() or len(value.split()) > 25:
                continue
            if match.group("label")[:1].islower() and index and \
                    lines[index - 1].number == line.number - 1 and \
                    not lines[index - 1].text.endswith((".", ":", "!", "?")):
                # "... phrase-final / effort: intensity falls, the spectrum tilts": a wrapped
                # sentence's colon, not a label
                continue
            field = "other"
        value_start = line.start + match.start("value")
        if value:
            value = _with_aligned_continuation(value, lines, index, line.indent + match.start("value"),
                                               field == "title")
        found.append(LabelLine(line, label, field, value, value_start))
    return found


# More words than any title has: the value of a "title" label is prose.
_MAX_TITLE_WORDS = 40
# A bracket or quotation mark left open at the end of a value: "(Université de", "« Les halles".
_OPEN_BRACKET = deferred(r"[(\[«„“][^)\]»“”]*$")
# A title line that stops on a word that joins it to more: "... sensor data for".
_JOINING_END = deferred(r"\s(?:for|of|the|and|in|on|to|with|from|a|an|at|by|or|its|their)$")
# A list that a wrapped line broke off: after "and", "&" or a comma, or inside the next name.
_LIST_GOES_ON = deferred(r"(?:\s(?:and|&)|,)(?:\s\p{Lu}[\p{L}\-'’]{0,30})?$")
# A value column this far right of the label's start is an aligned form ("Title:    X").
_ALIGNED_VALUE_COLUMN = 6


def _with_aligned_continuation(value: str, lines: list[Line], index: int, column: int,
                               is_title: bool) -> str:
    """Return a label's value with the lines that continue it under its own column, as an
    aligned form wraps it ("Titre :   « Les halles ... de la" / "          ville durable ? »").
    A line under the column continues a title; any other value only while a bracket or quote
    is open or the line goes on in lower case ("... presso l'Università" / "di Montevasco"):
    "Speaker:  Ada Roe" / "          Senior Scientist, X" is the next item of the form.

    >>> lines = split_lines("Title:   On the\\n         wrapped title\\nPlace: Room 4")
    >>> _with_aligned_continuation("On the", lines, 0, 9, True)
    'On the wrapped title'
    >>> lines = split_lines("Who:     Ada Roe\\n         Senior Scientist")
    >>> _with_aligned_continuation("Ada Roe", lines, 0, 9, False)
    'Ada Roe'
    >>> lines = split_lines("Title: Sensor data for\\nurban air quality\\nDate: 4 May")
    >>> _with_aligned_continuation("Sensor data for", lines, 0, 7, True)
    'Sensor data for urban air quality'
    >>> lines = split_lines("TITLE: Borrowing Strength Without Borrowing Bias: Shrinkage Estimators\\n"
    ...                     "for Small-Area Health Surveys\\n\\nWHEN: Tues 10/13")
    >>> _with_aligned_continuation(lines[0].text[7:], lines, 0, 7, True)[-40:]
    'Estimators for Small-Area Health Surveys'
    >>> lines = split_lines("TOPIC:   ON THE NEUTRONICS OF\\n         REACTORS: WHAT BENCHMARKS TELL")
    >>> _with_aligned_continuation("ON THE NEUTRONICS OF", lines, 0, 9, True)
    'ON THE NEUTRONICS OF REACTORS: WHAT BENCHMARKS TELL'
    >>> lines = split_lines("WHO: Ada Roe-Quillfeather (Head of Rates Trading) and Sun-Hee\\nAbernathy (Quant)")
    >>> _with_aligned_continuation(lines[0].text[5:], lines, 0, 5, False)[-29:]
    'and Sun-Hee Abernathy (Quant)'
    >>> lines = split_lines('Talk:    "On rings"\\n         Algebra Lunch, from 12 until 1')
    >>> _with_aligned_continuation('"On rings"', lines, 0, 9, True)
    '"On rings"'
    """
    below = lines[index + 1] if index + 1 < len(lines) else None
    if below is None or below.number != lines[index].number + 1 or _ends_value(below, is_title):
        return value
    if below.indent < column - 1 or column - lines[index].indent < _ALIGNED_VALUE_COLUMN:
        # "Title: Filling the gaps: fusing satellite data for" / "urban air quality": a title
        # that stops on a joining word or inside its quotes goes on at the next line's start.
        if is_title and (_OPEN_BRACKET.search(value) or _JOINING_END.search(value) or
                         value.count('"') == 1 or _ends_wrapped_paragraph(lines, index)) and \
                len(below.text.split()) <= 12:
            return f"{value} {below.text}"
        if not is_title and len(lines[index].text) >= _WRAPPED_LINE_LENGTH and \
                (_OPEN_BRACKET.search(value) or _LIST_GOES_ON.search(value) or
                 _ends_in_joining_word(value)) and len(below.text.split()) <= 12:
            # "WHO: Ada Roe (Head of Trading) and Bo-Mi" / "Quill-Lind (Developer), both at X": a
            # mail wrapped a list of people inside the next one's name; "Speaker: Ada Roe,
            # researcher at the Institute of" / "Coastal Studies": inside an institution's.
            return f"{value} {below.text}"
        return value
    if is_title and _WHOLE_QUOTE.fullmatch(value):
        return value  # 'Talk: "A title"' over "Systems Lunch, from 12, Room 4": the quote closed
    number = lines[index].number
    for below in lines[index + 1:index + 4]:
        if below.number != number + 1 or below.indent < column - 1 or _ends_value(below, is_title):
            break
        if not (is_title or _OPEN_BRACKET.search(value) or below.text[:1].islower()):
            break
        value, number = f"{value} {below.text}", below.number
    return value


def _ends_in_joining_word(value: str) -> bool:
    """Return whether ``value`` stops on a word that joins an institution's name to more words
    ("... Institute of", "... Instituto de"): a name the wrapping of the line cut.

    >>> _ends_in_joining_word("Ada Roe, Institute of"), _ends_in_joining_word("Ada Roe, Institute")
    (True, False)
    """
    last = value.rsplit(None, 1)[-1] if value.strip() else ""
    return last[:1].islower() and last in rules.gazetteer("institution_joining_words")


# A mail's lines are wrapped at 65 to 80 characters: a line this long may have been wrapped.
_WRAPPED_LINE_LENGTH = 60


def _ends_wrapped_paragraph(lines: list[Line], index: int) -> bool:
    """Return whether the label line at ``index`` was wrapped onto one more line that ends its
    paragraph ("TITLE: Borrowing Strength Without Borrowing Bias: Shrinkage Estimators" /
    "for Small-Area Health Surveys" / blank): the line is as long as a wrapped one, and the
    short line below it neither ends a sentence nor opens a list."""
    line, below = lines[index], lines[index + 1]
    after = lines[index + 2] if index + 2 < len(lines) else None
    return len(line.text) >= _WRAPPED_LINE_LENGTH and (after is None or after.number > below.number + 1) \
        and len(below.text.split()) <= 8 and not below.text.rstrip().endswith((".", ":", ";", ",")) \
        and "@" not in below.text and "://" not in below.text and below.text[:1].isalnum()


# A value that is one quotation, opened and closed: "“A title”", "'A title'".
_WHOLE_QUOTE = deferred(r"[\"“«„][^\"“”«»„]{2,300}[\"”»“]")


def _ends_value(line: Line, is_title: bool) -> bool:
    """Return whether ``line`` opens the next label: any label, but under a title only a known
    one ("TOPIC:    THE NEUTRONICS OF MIXED-OXIDE FUEL IN LIGHT-WATER" / "          REACTORS:
    WHAT THE BENCHMARKS TELL US" goes on)."""
    match = _LABEL_LINE.match(line.text[:400]) if ":" in line.text[:_LABEL_COLON_WITHIN] else None
    if match is None:
        return False
    return not is_title or normalise_label(match.group("label")) in rules.label_fields()


def _opens_with_label(line: Line) -> bool:
    """Return whether ``line`` opens with a label ("Place: Room 4"), known or not."""
    return ":" in line.text[:_LABEL_COLON_WITHIN] and _LABEL_LINE.match(line.text[:400]) is not None


_HEADING_FIELDS = frozenset({"speaker", "title", "abstract", "bio", "host", "affiliation",
                             "sponsor", "contact", "location", "price", "series"})


_HEADING_NOTE = deferred(r"\s{1,3}\([^()\n]{1,80}\)$")


def _heading_label(line: Line, known: dict[str, str]) -> LabelLine | None:
    """A heading that is a label on a line of its own ("Speaker", "Abstract"), its value below.

    Event pages turned from HTML put labels in headings without a colon.
    """
    text = line.text.strip("*#_ ").rstrip(":")
    if text.endswith(")"):
        # "Abstract (pasted from the speaker's e-mail)": the heading with a note.
        text = _HEADING_NOTE.sub("", text)
    if not text or len(text) > 30 or len(text.split()) > 3:
        return None
    field = known.get(text.lower())
    if field not in _HEADING_FIELDS and not (field == "other" and (text.isupper() or " " in text)):
        # (a known label of no field heads its section too when it is in capitals,
        # "DISCLOSURE", or of several words, "Learning Objectives": what stands under it is no
        # abstract's; "Audience" alone may be a word of the text)
        return None
    return LabelLine(line, text.lower(), field, "", line.end)


def block_after(label: LabelLine, lines: list[Line], labels: list[LabelLine], *,
                paragraphs: bool) -> list[Line]:
    """Return the lines a label governs when its own line holds no value.

    With ``paragraphs`` the block runs to the next label line (an abstract); without, it is the
    first run of lines up to a blank line (a speaker and the line of their position).

    >>> lines = split_lines("Title:\\nTouch: a map\\nHost: Bo")
    >>> labels = find_label_lines(lines)
    >>> [line.text for line in block_after(labels[0], lines, labels, paragraphs=False)]
    ['Touch: a map']
    >>> lines = split_lines("Abstract\\n--------\\nTritium decays.")
    >>> [line.text for line in block_after(find_label_lines(lines)[0], lines, [], paragraphs=True)]
    ['Tritium decays.']
    >>> lines = split_lines("Abstract\\nTritium decays, and we count it.\\n--\\nThe Physics Seminar.")
    >>> [line.text for line in block_after(find_label_lines(lines)[0], lines, [], paragraphs=True)]
    ['Tritium decays, and we count it.']
    """
    label_fields = {item.line.number: item.field for item in labels}
    block: list[Line] = []
    previous = label.line.number
    for line in lines:
        if line.number <= label.line.number:
            continue
        if line.number in label_fields and not (not label.value and not block and
                                                line.number == previous + 1 and
                                                label_fields[line.number] == "other"):
            # "Seminar Title:" over "Mapping touch: cortex plasticity after repair": the line
            # right under the label is its value, with a colon of its own
            break
        if not paragraphs and block and line.number > previous + 1:
            break
        if not block and line.number == label.line.number + 1 and _UNDERLINE.fullmatch(line.text.strip()):
            previous = line.number  # "Abstract" over "--------": the heading's underline
            continue
        block.append(line)
        previous = line.number
    return _before_footer(block) if paragraphs else block


def _before_footer(block: list[Line]) -> list[Line]:
    """Return a block without the footer under its first rule line ("--", "***").

    A rule over less than what stands above it sets off a footer ("--" over "The Physics
    Seminar meets weekly."); over more, under a short note ("The original announcement
    follows."), it sets off the announcement, which is the block.
    """
    rule = next((i for i, line in enumerate(block) if i and RULE_LINE.match(line.text)), None)
    if rule is None:
        return block
    above = sum(len(line.text) for line in block[:rule])
    below = sum(len(line.text) for line in block[rule + 1:])
    if below < above:
        return block[:rule]
    return block[rule + 1:] if above <= _NOTE_CHARS else block


# The most characters a note over a rule has ("Same day, same time. The original
# announcement follows."): more is an announcement of its own.
_NOTE_CHARS = 300


# A line of only rules or stars ("***", "----", a mail's "--", a lone em dash) ends one part of a
# description; a lone hyphen may be a list's empty item.
RULE_LINE = deferred(r"^(?:[\W_]{3,}|[ \t]*(?:--|——?|––?|__)[ \t]*)$")
# A line that only underlines the heading above it: "--------", "=====".
_UNDERLINE = deferred(r"[-=~_*]{3,}")
