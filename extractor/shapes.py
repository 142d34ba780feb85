"""Shapes of values: is this a person's name, an institution, a series name, a placeholder?

Labels lie ("Speaker:" holding a programme, "Affiliation:" an advisor), so every value a rule
proposes is checked here for the shape its field needs. Vocabularies come from models/gazetteers.
"""
from __future__ import annotations

from functools import cache, lru_cache

import regex

from . import rules
from .deferred import deferred

_WORD = deferred(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*\.?|\S")
_NAME_TOKEN = deferred(
    r"(?:\p{Lu}[\p{L}\p{M}'’]{0,40}(?:-\p{L}[\p{L}\p{M}'’]{0,40}){0,4}\.?"  # Anna, O'Neil, Jean-Luc, Jr.
    r"|\p{Lu}\.(?:-?\p{Lu}\.)*"                                            # J. or J.-P.
    r"|\p{Ll}{1,3}['’\-]\p{Lu}[\p{L}\p{M}]{0,40})$")                         # d'Alembert, al-Hassan
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la",
                        "le", "bin", "ibn", "al", "el", "y", "dos", "das", "do", "ter", "ten", "zu",
                        "af", "av", "st.", "e", "des", "ben", "bint", "abu"})
_PLACEHOLDERS = frozenset({"tba", "tbd", "tbc", "to be announced", "to be determined",
                           "to be confirmed", "title tba", "title tbd", "tba.", "n/a", "none",
                           "title to be announced", "topic tba", "topic tbd", "tbd.", "?", "-",
                           "à venir", "à confirmer", "noch offen", "por confirmar",
                           "à préciser", "a precisar", "por determinar", "a definir",
                           "da definire", "da confermare", "wird noch bekannt gegeben", "n.n.",
                           "nog te bepalen", "ej bestämt",
                           "no description provided", "no description", "no abstract",
                           "no title", "untitled", "title to come", "coming soon",
                           "title and abstract to follow", "to follow", "speaker tba",
                           "talk tba", "tba tba", "title tba speaker tba",
                           "未定", "待定", "未確定", "未确定", "調整中", "미정", "추후 공지"})
# "Week 3", "Session 2", "Part IV": a place in a sequence, not a title.
_ORDINAL_LABEL = deferred(r"(?i)^(?:week|session|meeting|part|day|lecture|class|seminar)\s*"
                          r"(?:no\.?|number|#)?\s*(?:\d{1,3}|[ivx]{1,5})$")
# Words that are never part of a person's name, however they are written.
_NOT_NAME_WORDS = frozenset({
    "the", "and", "of", "in", "on", "for", "with", "a", "to", "at", "by", "from", "about",
    "talk", "title", "abstract", "tba", "tbd", "speaker", "speakers", "week", "no", "day", "room",
    "hall", "auditorium", "lounge", "foyer", "atrium", "theatre", "theater", "ballroom",
    "ticket", "tickets", "admission", "rsvp",
    "online", "zoom", "via", "event", "events", "join", "us", "welcome", "meeting",
    "session", "presentation", "keynote", "panel", "discussion", "introduction", "part", "new",
    "open", "free", "public", "student", "students", "faculty", "staff", "all", "our", "your",
    "this", "that", "is", "are", "be", "what", "how", "why", "when", "where", "who",
    "spring", "summer", "fall", "autumn", "winter", "january", "february", "march", "april",
    "july", "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "holiday",
    "break", "reception", "lunch", "dinner", "breakfast", "coffee", "tea", "program", "programme",
    "registration", "deadline", "update", "updates", "news", "award", "prize", "book", "club",
    "nr", "pressemitteilung", "medienmitteilung",
    "exhibit", "exhibition", "film", "screening", "concert", "tour", "class", "course", "training",
    "information", "info", "details", "contact", "question", "questions", "answers", "q&a",
    "i", "we", "my", "dept", "ph.d", "phd", "lab", "labs", "research", "science",
    "sciences", "studies", "study", "data", "learning", "theory", "analysis", "model", "models",
    "systems", "system", "network", "networks", "methods", "graduate", "undergraduate",
    "cancelled", "canceled", "postponed", "rescheduled", "night", "nite", "circle", "help",
    "economics", "history", "english", "french", "arts", "music", "health",
    "team", "teams", "committee", "committees", "groups", "languages", "management",
    "environmental", "board", "alliance", "coalition", "performance", "ensemble", "quartet",
    "quintet", "trio", "orchestra", "choir", "chorus", "band", "theatre", "theater",
    "productions", "therapy",
    # Prepositions that open a title's phrase ("Working After Dark"), never a name's word.
    "after", "before", "beyond", "between", "under", "into", "against", "without", "within",
    "through", "across", "behind", "during", "towards", "toward", "upon", "beneath", "among",
    "war", "wars", "do", "does", "did", "should", "would", "could", "must", "might",
})
# Words that are names when capitalised ("Will Okafor", "Li An", "May Tanaka", "Bo You") but function
# words in lower case: rejected only as written in lower case.
_LOWER_ONLY_NOT_NAME = frozenset({"will", "an", "may", "june", "can", "do", "so", "see", "you"})
# Endings of common nouns that (almost) never end a name token: "Organization", "Economics".
_NOUN_ENDING = deferred(r"(?:tions?|sions?|ics|ogy|ness|nesses|ships?|isms?|ity|lysis|tures?|"
                        r"ments?|ities)$", regex.IGNORECASE)
_GERUND = deferred(r"^\p{Lu}\p{Ll}{5,}ing$")
# A telephone number: "(517) 353-0844", "+1 555 010 0199", "555.010.0123".
PHONE_NUMBER = deferred(r"(?<!\d)(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?!\d)")
_ACRONYM_ONLY = deferred(r"\p{Lu}[\p{Lu}&\-/]{1,9}")
_BLANKS_AND_PUNCTUATION = deferred(r"[\s\p{P}]+")
_INITIAL = deferred(r"\p{Lu}\.?$")
_INITIALS = deferred(r"(?:\p{Lu}\.-?){1,3}$|\p{Lu}$")


@cache
def _vocab(name: str) -> frozenset[str]:
    return rules.gazetteer(name)


def words(text: str) -> list[str]:
    """Return the words of ``text`` (letters with inner apostrophes and hyphens) and punctuation."""
    return _WORD.findall(text)


# "With", "con (la)", "avec (le)", "mit", "com (a)", "met": before a title and a name.
_WITH_WORDS = frozenset({"with", "con", "avec", "mit", "com", "met"})
_ARTICLES_AFTER_WITH = frozenset({"la", "el", "le", "les", "los", "las", "a", "o", "the"})


def strip_honorifics(name: str) -> str:
    """Return ``name`` without leading honorifics and trailing degrees or post-nominals.

    >>> strip_honorifics("Prof. Dr. Ada Lovelace, PhD")
    'Ada Lovelace'
    >>> strip_honorifics("Dr Jane Roe MD FRS")
    'Jane Roe'
    >>> strip_honorifics("Dr Jane Roe BEng(Hons) PhD FIWSX CPEng"), strip_honorifics("JANE A. FOX")
    ('Jane Roe', 'JANE A. FOX')
    >>> strip_honorifics("Me Ada Roe-Quist"), strip_honorifics("Sir Bo Okafor-Lind KC")
    ('Ada Roe-Quist', 'Bo Okafor-Lind')
    >>> strip_honorifics("Con la Dra. Ada Roe Soto")
    'Ada Roe Soto'
    """
    honorifics, degrees = _vocab("honorifics"), _vocab("degrees")
    tokens = name.replace(",", " , ").split()
    # "Associate Professor Ada Roe": rank words count as part of the honorific before it.
    rank = 0
    while rank < len(tokens) - 2 and tokens[rank].lower() in _RANK_WORDS:
        rank += 1
    if rank and tokens[rank].strip(".").lower() in honorifics:
        tokens = tokens[rank:]
    if len(tokens) > 2 and tokens[0].lower() == "the" and tokens[1].replace(".", "").lower() in honorifics:
        tokens = tokens[1:]  # "The Honorable Ada Roe", "The Hon. Ada Roe"
    lead = 1 + (len(tokens) > 2 and tokens[1].lower() in _ARTICLES_AFTER_WITH)
    if len(tokens) > lead + 1 and tokens[0].lower() in _WITH_WORDS and \
            tokens[lead].replace(".", "").lower() in honorifics:
        tokens = tokens[lead:]  # "With Dr. Ada Roe", "Con la Dra. Ada Roe", "Avec le Pr Bo Li"
    while len(tokens) > 1 and tokens[0].replace(".", "").lower() in honorifics:
        tokens = tokens[1:]  # "Dr.", "Dott.ssa", "Profª"
    while len(tokens) > 1 and (tokens[-1] == "," or _is_degree(tokens[-1], degrees)
                               and (len(tokens) > 2 or tokens[-2] == ",")
                               or _FELLOWSHIP.fullmatch(tokens[-1]) and len(tokens) > 3
                               and _is_degree(tokens[-2], degrees)):
        tokens = tokens[:-1]
    return " ".join(tokens).replace(" , ", ", ").strip(" ,")


_RANK_WORDS = frozenset({"associate", "assistant", "adjunct", "distinguished", "emeritus",
                         "emerita", "visiting", "full", "senior", "honorary", "research"})


def is_degree(text: str) -> bool:
    """Return whether ``text`` is only degrees and post-nominals ("MD", "P.Geo.", "MD, PhD").

    >>> is_degree("MD"), is_degree(" P.Geo."), is_degree("Professor of Surgery")
    (True, True, False)
    >>> is_degree("M.D., Ph. D."), is_degree("M. Sc.")
    (True, True)
    """
    tokens = _SPACED_INITIALS.sub("", text).replace(",", " ").split()
    degrees = _vocab("degrees")
    return bool(tokens) and all(_is_degree(t, degrees) for t in tokens)


# The space inside a degree written "Ph. D." or "M. Sc.".
_SPACED_INITIALS = deferred(r"(?<=\b\p{Lu}\p{Ll}?\.)\s(?=\p{Lu}\p{Ll}?\.)")
# A fellowship of a society after other degrees: "FRS", "FICE", "FRACS" ("F" and initials).
_FELLOWSHIP = deferred(r"F[A-Z]{2,7}")


def _is_degree(token: str, degrees: frozenset[str]) -> bool:
    """A degree is written in capitals or with dots ("MA", "M.A.", "PhD", "BEng(Hons)"); "Ma"
    is a surname."""
    key = token.replace(".", "").lower().removesuffix("(hons)")
    if key not in degrees:
        return False
    return not (token.istitle() and "." not in token and len(token) <= 3 and key not in
                {"jr", "sr"})


# A news release's dateline before its first sentence: the town in capitals, its state or
# country, the release's date in parentheses, then a dash ("ASHFORD CROSSING, Iowa (Nov. 2,
# 2026) --", "SANTA CRUZ, CA--", "LONDON — "). Bounded, so that it stays linear.
DATELINE = deferred(r"^\s{0,3}\p{Lu}[\p{Lu} .'’\-]{1,40}(?:,\s{0,2}\p{Lu}[\p{L}.]{1,15}(?:\s\p{Lu}[\p{L}.]{1,15})?)?"
                    # "CAPE TOWN, 3 September 2012 -", "OTTAWA, March 4, 2019 —": the date
                    r"(?:,\s{0,2}(?:\d{1,2}\s\p{Lu}\p{Ll}{2,8}\.?|\p{Lu}\p{Ll}{2,8}\.?\s\d{1,2},?)\s(?:19|20)\d{2})?"
                    r"(?:\s{0,2}\([^()\n]{3,40}\))?(?:\s{0,2}(?:--|—|–)|\s-)\s{0,3}")


def capitalised_run(more: int, joiners: str = "of|for|and|the") -> str:
    """Return a regex fragment for a proper name: a capitalised word, then up to ``more`` words
    that are capitalised or ``joiners`` ("University of Lakeshore", "Poetry at the Mill").
    Bounded spaces and word lengths keep it linear on any text."""
    word = r"\p{Lu}[\p{L}\p{M}'’&\-]{0,40}"
    return rf"{word}(?:\s{{1,3}}(?:{joiners}|{word})){{0,{more}}}"


# The person checks below are pure functions of short strings, and the resolvers of one event
# ask them about the same strings again and again (a name in the SUMMARY, in a label and in
# prose): each keeps its recent answers. A calendar repeats its series' events, whose names
# come back a few hundred events later: 4096 short strings a cache keep them (a few MB at most).
NAME_CACHE_SIZE = 4096


# "City of Tarrow", "Town of North Wendham": a local government named by its place.
_GOVERNMENT_BODY = deferred(r"(?P<head>\p{Lu}\p{Ll}{2,15})\sof\s(?:the\s)?\p{Lu}[\p{L}'’\-]{1,30}"
                            r"(?:\s\p{Lu}[\p{L}'’\-]{1,30}){0,3}")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_person_name(text: str) -> bool:
    """Return whether ``text`` has the shape of a person's name (honorifics already stripped).

    >>> [is_person_name(s) for s in ["Ada Lovelace", "J.-P. Serre", "Ludwig van Beethoven",
    ...  "Department of Geology", "QRS Seminar", "TBA", "Ada", "KIM Min-jun", "Dean Moss",
    ...  "Ziad Abu al-Hassan El-Mahdi", "Branch Christmas Social", "Julia Sale"]]
    [True, True, True, False, False, False, False, True, True, True, False, True]
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= int(rules.config()["name_max_tokens"]):
        return False
    heads = _name_stop_heads()
    capitalised = 0
    for index, token in enumerate(tokens):
        lower = token.lower().strip(".,")
        initial = len(token) == 2 and token[1] == "."  # "Ada B. Roe", "A. Roe": no article
        if token == "i" and 0 < index < len(tokens) - 1:
            continue  # the Catalan "i" between two surnames ("Pujol i Roca"); "I" is no name
        if lower in _NOT_NAME_WORDS and not initial or lower in heads and not _INITIAL.match(token) \
                and not _surname_like_position(tokens, index) and not _given_name_like_position(tokens, index):
            return False
        if token in _LOWER_ONLY_NOT_NAME or len(token) >= 7 and _NOUN_ENDING.search(token):
            return False
        if lower in _vocab("non_talk_words") and tokens[0].lower().strip(".,") not in rules.given_names():
            return False  # "Branch Christmas Social", "Staff Party"; "Julia Sale" stays
        if index == 0 and _GERUND.match(token) and lower not in rules.given_names():
            # "Designing Accessible Visualizations"; a given name such as "Sterling" stays
            return False
        if index and token.endswith(".") and len(lower) > 1 and lower in _vocab("honorifics"):
            return False  # "Con la Dra. Ada Roe": a title inside is no name's
        if lower in _PARTICLES and 0 < index < len(tokens) - 1:
            continue
        if not _NAME_TOKEN.match(token):
            return False
        capitalised += 1
    if all(_INITIAL.match(t) for t in tokens):
        return False
    return capitalised >= 2 and not _INITIAL.match(tokens[-1])


def _surname_like_position(tokens: list[str], index: int) -> bool:
    """Return whether a position word ends a name as a surname: "Ada Dean", "Bo Reader"
    (a known given name first; "Assistant Dean" has none)."""
    return index == len(tokens) - 1 and index > 0 and tokens[index][:1].isupper() and \
        tokens[index].lower() in _vocab("position_heads") and \
        tokens[0].lower().strip(".,") in rules.given_names() and \
        tokens[index].lower() not in _vocab("institution_heads") | _vocab("series_heads")


def _given_name_like_position(tokens: list[str], index: int) -> bool:
    """Return whether a position word opens a two-word name as a given name: "Dean Moss",
    "Earl Mayne" (the word is a known given name, the other word no head; "Dean Office" is
    none)."""
    return len(tokens) == 2 and index == 0 and tokens[0][:1].isupper() and not tokens[0].isupper() \
        and tokens[0].lower() in rules.given_names() and tokens[1].lower() not in _name_stop_heads() \
        and tokens[1].lower() not in _vocab("institution_heads") | _vocab("series_heads")


@cache
def _name_stop_heads() -> frozenset[str]:
    """Return the head words that no name holds (made once: every name check asked for it)."""
    return (_vocab("institution_heads") | _vocab("series_heads") | _vocab("unit_heads")
            | _vocab("position_words") | _vocab("category_words") | _vocab("event_kinds"))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def has_known_given_name(name: str) -> bool:
    """Return whether a name opens with a given name known to the name dictionary.

    Used where a shape alone is weak ("Title with X", "X: Title"): phrases such as "Granite
    Horizons" have the shape of a name but no given name.

    >>> has_known_given_name("Ada Lovelace"), has_known_given_name("Granite Horizons")
    (True, False)
    """
    tokens = [t.strip(",") for t in name.split() if t.strip(".,")]
    if not tokens:
        return False
    first = tokens[0].strip(".").lower()
    if _INITIALS.match(tokens[0]) or (len(tokens) > 2 and _INITIALS.match(tokens[1])):
        return True  # "J. Smith", "Anna M. Roe": initials are a person's
    given = rules.given_names()
    return first in given or first.split("-")[0] in given and "-" in first and \
        first.split("-")[0][:1].isalpha() and len(first.split("-")[0]) > 2


def has_head(text: str, vocabulary: str) -> bool:
    """Return whether a word of ``text`` is in the gazetteer ``vocabulary``."""
    return not _vocab(vocabulary).isdisjoint(_word_keys(text))


# A compound word must be longer than its head by this many letters ("Kunstverein", not "Verein").
_COMPOUND_FRONT_LETTERS = 4


@cache
def _compound_heads() -> tuple[str, ...]:
    return tuple(_vocab("compound_institution_heads"))


def _has_compound_head(text: str) -> bool:
    """Return whether a word of ``text`` is a compound ending in an institution word
    ("ympäristötutkimuslaitos", "Forschungsinstitut", "Rechenzentrum").

    >>> [_has_compound_head(s) for s in ["Kaarnan ympäristötutkimuslaitos", "Verein", "Ada Roe"]]
    [True, False, False]
    """
    heads = _compound_heads()
    return any(key.endswith(head) and len(key) >= len(head) + _COMPOUND_FRONT_LETTERS
               for key in _word_keys(text) if key.endswith(heads) for head in heads)


# Big enough for the strings of a few events: one string is asked about several vocabularies
# (an institution's heads, then a unit's) and by several resolvers.
_WORD_KEYS_CACHE_SIZE = 4096


@lru_cache(maxsize=_WORD_KEYS_CACHE_SIZE)
def _word_keys(text: str) -> frozenset[str]:
    """Return the gazetteer keys of the words of ``text``: lower case, no full stops around."""
    return frozenset(w.lower().strip(".") for w in words(text))


# Capitalised words joined by "&" (or the fullwidth one that stands in for it while a list is
# parted): the name of a firm or a partnership.
_FIRM_NAME = deferred(r"\p{Lu}[\p{L}'’\-]{1,40}\s[&\uff06]\s\p{Lu}[\p{L}'’\-]{1,40}(?:\s\p{Lu}[\p{L}'’.\-]{1,40}){0,3}")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_institution(text: str) -> bool:
    """Return whether ``text`` names an institution (or, weaker, a unit of one).

    >>> [is_institution(s) for s in ["University of Somewhere", "Acme Labs", "UCSD",
    ...  "Jane Doe", "Department of Physics", "a talk", "City of Tarrow", "Cities of Tarrow",
    ...  "a scheduling company based in Pittsburgh"]]
    [True, True, True, False, True, False, True, False, False]
    """
    text = text.strip()
    if not text or len(text) > 160 or "@" in text or "http" in text:
        return False
    if text.startswith(("a ", "an ")):
        return False  # "a home-care scheduling company based in Pittsburgh" describes, not names
    if has_head(text, "institution_heads") or has_head(text, "unit_heads") or _has_compound_head(text):
        return not is_person_name(text)
    if _FIRM_NAME.fullmatch(text) and text.split()[-1].lower().strip(".") in _vocab("firm_words"):
        return True  # "Tallis & Morrow Engineering", "Halden & Voss LLP": a firm
    government = _GOVERNMENT_BODY.fullmatch(text)
    if government and government.group("head").lower() in _vocab("municipality_heads"):
        return True  # "City of Tarrow", "County of Wendham": a local government, an agency
    # An acronym alone: "UCSD", "IATP", "CNRS".
    return bool(_ACRONYM_ONLY.fullmatch(text))


def institution_before_clause(text: str) -> str:
    """Return ``text`` up to the first lower-case word that joins no institution's name, when
    what stays names one by its head word: what follows "of" in prose runs on into the sentence.

    >>> institution_before_clause("Example University as she discusses tidal mills")
    'Example University'
    >>> institution_before_clause("Institute for the Study of Tides and Mills")
    'Institute for the Study of Tides and Mills'
    >>> institution_before_clause("ACME seminar on Monday")  # no head word: left as it is
    'ACME seminar on Monday'
    """
    kept: list[str] = []
    for word in text.split():
        if word[:1].islower() and word.lower() not in _vocab("institution_joining_words"):
            break
        kept.append(word)
    while kept and kept[-1].lower() in _vocab("institution_joining_words"):
        kept.pop()  # "Example University and" before "her colleague"
    head = " ".join(kept)
    named = head and (has_head(head, "institution_heads") or has_head(head, "unit_heads"))
    return head if named else text


def is_unit_only(text: str) -> bool:
    """Return whether ``text`` names a unit (department, office) and no institution."""
    return has_head(text, "unit_heads") and not has_head(text, "institution_heads")


_PREPOSITIONS = frozenset({"of", "at", "for", "in", "de", "du", "der", "für"})


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_position(text: str) -> bool:
    """Return whether ``text`` is a position or role ("Associate Professor", "PhD student")."""
    ws = [w.lower().strip(".") for w in words(text) if w.strip(".,")]
    positions = _vocab("position_words")
    if ws and ws[-1] in _vocab("position_heads") and not _PREPOSITIONS.intersection(ws):
        return True  # head-final: "Visitor Services Manager", "Centre Director", "Treasurer"
    # Every word a position word, or all but one in a longer phrase ("Lecturer in History");
    # "Lakeshore Research" is a lab, not a position.
    return bool(ws) and sum(w in positions or w in {"of", "in", "and", "the", "at"} for w in ws) \
        >= (len(ws) if len(ws) <= 2 else len(ws) - 1) and not has_head(text, "institution_heads")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_series_name(text: str) -> bool:
    """Return whether ``text`` has the shape of a seminar series or programme name.

    >>> [is_series_name(s) for s in ["Geology Seminar Series", "Linear Algebra", "Ada Lovelace",
    ...  "Summer School", "Lakeshore School of Public Affairs"]]
    [True, False, False, True, False]
    """
    text = text.strip()
    if not text or len(text.split()) > 10:
        return False
    if "chool" in text and _SCHOOL_OF.search(text) and \
            not has_head(_SCHOOL_OF.sub(" ", text), "series_heads"):
        return False  # "Okonkwo School of Public Affairs" is where, not a series ("Summer School")
    return (has_head(text, "series_heads") or _compound_series_word(text)) \
        and not is_person_name(text)


_SCHOOL_OF = deferred(r"(?i)\bschool\s+of\b")


def _compound_series_word(text: str) -> bool:
    """Return whether a compound ends in a series word: "Geoinformatik-Kolloquium"."""
    vocab = _vocab("series_heads")
    return any("-" in w and w.lower().rsplit("-", 1)[-1] in vocab for w in words(text))


# A Chinese or Japanese letter: these scripts part no words with blanks.
_UNSPACED_LETTER = deferred(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def word_count(text: str) -> int:
    """Return how many words ``text`` holds: its blank-parted words, and one for every three
    Chinese or Japanese letters, which no blanks part.

    >>> word_count("Tilings count."), word_count("世界の言語の多くには録音がない。")
    (2, 6)
    """
    words = len(text.split())
    return words + len(_UNSPACED_LETTER.findall(text)) // 3 if not text.isascii() else words


# "Titolo da definire": the word for a title before a placeholder.
_TITLE_WORD = deferred(r"^(?:title|topic|titolo|titre|título|titulo|titel|tema|thema|sujet)\s(?:is\s)?")
_PLACEHOLDER_PARTS = deferred(r"\s[-–—/|:]\s|[:|]\s")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_placeholder(text: str | None) -> bool:
    """Return whether ``text`` is a placeholder such as TBA or "To be announced" (kept for a
    while: the SUMMARY's parts and the title candidates are asked about more than once)."""
    if text is None:
        return True
    key = _BLANKS_AND_PUNCTUATION.sub(" ", text.lower()).strip()
    if not key or key in _PLACEHOLDERS or text.strip().lower() in _PLACEHOLDERS \
            or _ORDINAL_LABEL.match(text.strip()):
        return True
    if (bare := _TITLE_WORD.sub("", key, count=1)) != key and bare in _PLACEHOLDERS:
        return True  # "titolo da definire", "Titel noch offen", "topic to be announced"
    # "TBD - TBD", "TBA / TBA": a placeholder for each part of a "Speaker - Title" line
    parts = [p for p in _PLACEHOLDER_PARTS.split(text) if p.strip()]
    return len(parts) > 1 and all(is_placeholder(p) for p in parts)


def within_quoted_line_passage(text: str, at: int) -> bool:
    """Return whether ``at`` stands inside a double-quoted passage that opens before it and
    closes after it on its line (a lone inch mark or an unclosed quote says nothing).

    >>> within_quoted_line_passage('a lecture entitled "After the Emergency Room" at 4', 30)
    True
    >>> within_quoted_line_passage('a 12" reflector in Room 4', 20)
    False
    """
    line_end = text.find("\n", at)
    before = text[text.rfind("\n", 0, at) + 1:at]
    after = text[at:len(text) if line_end < 0 else line_end]
    return before.count('"') % 2 == 1 and '"' in after or \
        before.count("“") > before.count("”") and "”" in after


def strip_quotes(text: str) -> str:
    """Return ``text`` without the quotes around it (and a full stop left inside them).

    >>> strip_quotes('"A theory of learning."')
    'A theory of learning'
    """
    text = text.strip()
    pairs = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»", "„": "“", "”": "”", "*": "*",
             "「": "」", "『": "』", "《": "》"}
    while len(text) >= 2 and text[0] in pairs and text[-1] == pairs[text[0]]:
        inner = text[1:-1].strip()
        if any(q in inner for q in (text[0], pairs[text[0]])) and text[0] != "'":
            break
        text = inner.rstrip(".,").strip() if inner.endswith((".", ",")) else inner
    return text
