"""Organisation lists: a written list split into one organisation's name each, and the name check.

Sponsor and presenter credits name several organisations in one phrase ("the Departments of
Physics and Astronomy, the Art Museum and Acme"). "and", "&" and commas both part the items and
stand inside one name ("Center for Justice, Tolerance, and Community"), so the split weighs the
words on either side: an organisation's head word, an article, an acronym or a plural head that
distributes over the items ("Colleges Three and Four").
"""
from __future__ import annotations

import regex

from .. import rules
from ..deferred import deferred
from ..shapes import has_head, has_known_given_name, is_person_name, is_placeholder, strip_honorifics
from .cjk_people import is_cjk, parse_cjk_person

# Call-time patterns, each compiled once, at its first use.
# A short note in parentheses at the end.
_PAREN_END = deferred(r"\s*\([^()]{1,40}\)$")
# A word that opens with a capital.
_CAPITAL_WORD = deferred(r"(?<!\p{L})\p{Lu}")
# An initial: a capital and a full stop.
_INITIAL = deferred(r"\p{Lu}\.")
# "and" between two names.
_AND = deferred(r"\s+and\s+")
# "and" opening a list's last part.
_LEADING_AND = deferred(r"^and\s+")

# An acronym word ("UCSC", "AT&T", "IEEE's"): a person's name has none.
ACRONYM = deferred(r"\p{Lu}[\p{Lu}&]{1,9}(?:['’]s)?")
# The lower-case words that may stand inside an organisation's name ("Department of the Arts").
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "&", "at", "on", "in", "de", "du", "la",
                            "des", "der", "y", "et", "für", "und", "to", "a"})
_LEADING = deferred(
    r"^(?:the|a|an|die|der|das|dem|le|la|les|el|los|las|il|gli|het|(?-i:de|do|da|du|des|o|os)|by|"
    r"also by|"
    r"generous|generously|including|"
    r"in part|part|(?:(?:educational|unrestricted|independent|research)\s)?"
    r"(?:grants?|gifts?|donations?|support|funding) from|"
    r"(?:the\s)?(?:generous\s)?support of)\s+|^l['’](?=\p{Lu})", regex.IGNORECASE)
# "und dem", "et la", "y el", "e il": "and" before an article, which opens a new name, in other
# languages (left as written: "en" or "e" alone are words of names too).
_JOINERS = deferred(r"(?<!\s)\s+(?:in collaboration with|in conjunction with|together with|"
                    r"as well as|and also by|and|(?:und|sowie)(?=\s(?:dem|der|den|des|die|das)\s)|"
                    r"et(?=\s(?:la|le|les|l['’]))|y(?=\s(?:el|la|los|las)\s)|"
                    r"e(?=\s(?:il|la|lo|gli|le|o|a|os|as)\s))\s+", regex.IGNORECASE)
# "the Departments of A, B and C", "Colleges Three and Four", "the university's departments of A and B".
_PLURAL_HEAD = deferred(r"^(?:the\s+|[\p{L}.\-]{1,40}['’]s\s+)?(?P<head>\p{L}{3,30}s)"
                        r"(?P<of>\s+of)?\s+(?P<rest>.+)$")
# A name that ends in a one-word topic may go on listing topics: "Series on Mission, Quality".
_OPEN_TOPIC = deferred(r"\s(?:for|on|of)\s\p{Lu}[\p{L}\-]{1,30}$")
_CAMPUS = deferred(r"\bUniversity of \p{Lu}[\p{L}\-]{1,30}$")
# "... Lakeshore University, Easton." closing a list: the town of the university before it.
_TOWN_AFTER = deferred(r"\p{Lu}[\p{L}\-]{1,30} University$")
# A firm whose name ends in its trade ("Harnett & Gale Solicitors", "Roe Architects"): the
# town after it closing a list is where it is.
_FIRM_LAST = deferred(r"&[^,]{1,40}$|\b(?:Solicitors|Architects|Engineers|Associates|Partners|"
                      r"Accountants|Surveyors|Chambers)$")
# A firm's legal form after a comma belongs to its name: "Travers & Sons, Ltd.", "Acme, Inc."
# (general knowledge of company forms).
_LEGAL_FORM = deferred(r"^(?:Inc|Ltd|LLC|LLP|Lda|Ltda|GmbH|AG|KG|S\.?A|S\.?L|S\.?p\.?A|B\.?V|"
                       r"N\.?V|AB|ASA?|Oyj?|[Pp]lc|PLC|Pty\.?\s{1,3}Ltd|Co|Corp|SARL|SAS)\.?$")


def clean_organisation_name(name: str) -> str:
    """Return an organisation's name without articles, fillers and a closing acronym.

    >>> clean_organisation_name("the generous support of the Riverside Trust (RT)")
    'Riverside Trust'
    """
    name = " ".join(name.split()).strip(" .,;:*")
    name = _PAREN_END.sub("", name)
    previous = None
    while previous != name:
        previous, name = name, _LEADING.sub("", name).strip(" ,")
    return name.strip(" .,;:*\"“”")


def is_organisation_name(name: str) -> bool:
    """Return whether ``name`` has the shape of an organisation's name, not of a clause or person.

    >>> [is_organisation_name(s) for s in ["Physics Club", "local Astronomy chapter", "None",
    ...  "Jane Roe", "his wife", "its founding partners", "English", "Drs", "the Roe family",
    ...  "established in 2004 by Ada Roe"]]
    [True, True, False, False, False, False, True, False, False, False]
    """
    tokens = name.split()
    if not tokens or len(tokens) > 14 or len(name) > 140 or is_placeholder(name):
        return False
    if is_cjk(name):
        # "株式会社ミナトテック", "푸른바다과학재단": no capitals to go by; no person's short name.
        return len(tokens) <= 4 and parse_cjk_person(name) is None and "@" not in name
    if "@" in name or "http" in name or not _CAPITAL_WORD.search(name):
        return False
    if _looks_like_person(name) or tokens[-1].lower() in _KIN:
        return False  # "Jane Roe", "the Trelawny family": people, however generous
    if tokens[0].rstrip(".").lower() in rules.gazetteer("honorifics"):
        return False  # "Drs. Ann and Peter Roe"
    if tokens[0][:1].islower() and tokens[0].lower() in rules.gazetteer("position_words"):
        return False  # "professor of linguistics at X" describes a person
    if tokens[0][:1].islower() and tokens[0].endswith("ed") and len(tokens) > 1:
        return False  # "established in 2004 by Ada and Bo Roe": a clause about the one before
    # Two lower-case content words in a row make a clause ("the lectures are held"), not a name.
    run = 0
    for token in tokens:
        word = token.strip(".,’'\"").lower()
        lower_content = (token[:1].islower() and word not in FUNCTION_WORDS
                         and not is_organisation_head(word))
        run = run + 1 if lower_content else 0
        if run >= 2:
            return False
    return True


# A family or household gives as people do: "a gift from the Trelawny family".
_KIN = frozenset({"family", "families", "household"})


def _looks_like_person(name: str) -> bool:
    """Return whether ``name`` reads as a person's: a two-word name, or one with an initial.

    A pair of words with no known given name is a company's name ("Larchmont Kitchenware").
    A longer run of capitalised words with no acronym is more often an organisation whose head
    word no gazetteer knows ("Young Authors Circle") than a person named as a sponsor.
    """
    tokens = strip_honorifics(name).split()
    if not is_person_name(" ".join(tokens)) or any(ACRONYM.fullmatch(t) for t in tokens):
        return False
    if any(_INITIAL.fullmatch(t) for t in tokens):
        return True
    # "Larchmont Kitchenware": two capitalised words read as a person's only with a given name.
    return len(tokens) <= 2 and has_known_given_name(" ".join(tokens))


def is_organisation_head(word: str) -> bool:
    """Return whether ``word`` heads an institution's or a unit's name ("University", "Office").

    >>> [is_organisation_head(w) for w in ["Department", "Jane"]]
    [True, False]
    """
    return has_head(word, "institution_heads") or has_head(word, "unit_heads")


def _singular_head(word: str) -> str | None:
    """Return the singular of a plural organisation head ("Departments" -> "Department")."""
    for singular in (word[:-3] + "y" if word.lower().endswith("ies") else "", word[:-1]):
        if singular and is_organisation_head(singular) and " " not in singular:
            return singular[:1].upper() + singular[1:]
    return None


def _split_and(piece: str) -> list[str]:
    """Return ``piece`` split at "and" where a new organisation starts, not inside a name.

    >>> _split_and("Arts and Sciences Division and the Art Museum")
    ['Arts and Sciences Division', 'the Art Museum']
    >>> _split_and("Prairie Seed Cooperative and Hollow Creek Bank")
    ['Prairie Seed Cooperative', 'Hollow Creek Bank']
    >>> _split_and("Carver Falls Rotary and Sallow Valley Nursery")
    ['Carver Falls Rotary', 'Sallow Valley Nursery']
    >>> _split_and("Harwell Theater and Dance Department")
    ['Harwell Theater and Dance Department']
    >>> _split_and("Stiftung Roe und dem Wasserverband Quill")
    ['Stiftung Roe', 'dem Wasserverband Quill']
    """
    parts = _JOINERS.split(piece)
    joiners = _JOINERS.findall(piece)
    merged = [parts[0]]
    for joiner, part in zip(joiners, parts[1:]):
        left_words, right_words = merged[-1].split(), part.split()
        new_name = joiner.strip().lower() != "and" or (
            right_words and (right_words[0] in {"the", "The"}
                             or is_organisation_head(right_words[0])
                             or ACRONYM.fullmatch(right_words[0]) is not None
                             or right_words[0].endswith(("'s", "’s")))) or (
            left_words and (is_organisation_head(left_words[-1]) or left_words[-1].isupper())) or (
            # two names of three or more capitalised words each ("Carver Falls Rotary and Sallow
            # Valley Nursery"); a shorter side shares the name ("Theater and Dance Department")
            _capitalised_name(left_words) and _capitalised_name(right_words))
        if new_name:
            merged.append(part)
        else:
            merged[-1] = f"{merged[-1]}{joiner}{part}"
    return merged


def _capitalised_name(words: list[str]) -> bool:
    """Return whether ``words`` are three to five capitalised words, none of them a small word."""
    return 3 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


def _distribute(items: list[str]) -> list[str] | None:
    """Return "Department of X" for each X of "Departments of X, Y and Z" (None if no plural head).

    >>> _distribute(["Colleges Three and Four"])
    ['College Three', 'College Four']
    """
    match = _PLURAL_HEAD.match(items[0].strip())
    head = _singular_head(match.group("head")) if match else None
    if match is None or head is None:
        return None
    rest = [match.group("rest")] + items[1:]
    if len(rest) == 1:  # commas part the items when there are any, else "and" does
        rest = rest[0].split(",") if "," in rest[0] else _AND.split(rest[0])
    if any(_LEGAL_FORM.match(r.strip()) for r in rest[1:]):
        return None  # "Laboratórios Almagre, S.A.": one firm and its legal form
    joiner = " of " if match.group("of") else " "
    return [head + joiner + _LEADING_AND.sub("", r.strip()) for r in rest if r.strip()]


_AND_BY = deferred(r",?\s(?:and|as\swell\sas)\sby\s(?:(?:a|an)\s(?:\w+\s)?(?:grant|gift)\sfrom\s)?")


# A middle dot, bullet or bar between blanks separates the items of a list.
_ITEM_MARK = deferred(r"\s[·•|]\s")


def split_organisations(text: str) -> list[str]:
    """Return the organisations of a list, keeping "and" and "&" inside one name together.

    >>> split_organisations("the Department of Astronomy and Astrophysics, and the Physics Club")
    ['Department of Astronomy and Astrophysics', 'Physics Club']
    >>> split_organisations("the Offices of the Provost and Dean, the Council of Elders, and Acme")
    ['Office of the Provost', 'Office of Dean', 'Council of Elders', 'Acme']
    >>> split_organisations("Acme Labs and by the Lakeshore Foundation")
    ['Acme Labs', 'Lakeshore Foundation']
    >>> split_organisations("Tallis & Sons, Lda., and the Roe Fund")
    ['Tallis & Sons, Lda', 'Roe Fund']
    >>> split_organisations("Harnett & Gale Solicitors, Kestlebury")
    ['Harnett & Gale Solicitors, Kestlebury']
    >>> split_organisations("Roe Foundation · Quill Brewery Ltd | City of Oakdale")
    ['Roe Foundation', 'Quill Brewery Ltd', 'City of Oakdale']
    """
    # "supported by A and by the B": the second "by" opens a second item; so do the dots and
    # bars of a line of logos ("A · B").
    text = _AND_BY.sub(", and ", " ".join(text.split()).strip(" .,:;"))
    text = _ITEM_MARK.sub("; ", text)
    if ";" in text:  # semicolons separate the items; commas then belong inside them
        groups = [[_LEADING_AND.sub("", c.strip())] for c in text.split(";") if c.strip()]
    else:
        groups = []
        enumerating = False  # inside "Center for Justice, Tolerance, and Community"
        pieces = [p.strip() for p in text.split(",")]
        for index, piece in enumerate(pieces):
            last_item = piece.startswith("and ")
            piece = _LEADING_AND.sub("", piece)
            if not piece:
                continue
            if groups and not last_item and _LEGAL_FORM.match(piece):
                groups[-1][-1] = f"{groups[-1][-1]}, {piece}"
                continue
            first = piece.split()[0]
            bare = first not in {"the", "The"} and not any(
                is_organisation_head(w) for w in piece.split())
            continues = groups and _distribute(groups[-1][:1]) is not None and bare
            campus = groups and bare and (
                _CAMPUS.search(groups[-1][-1]) and len(piece.split()) <= 3 or
                (_TOWN_AFTER.search(groups[-1][-1]) or _FIRM_LAST.search(groups[-1][-1]) or
                 is_organisation_head(groups[-1][-1].split()[-1])) and len(piece.split()) <= 2 and
                index == len(pieces) - 1 and not last_item)
            enumerating = bool(groups and bare and len(piece.split()) <= 2 and not continues and (
                enumerating or (_OPEN_TOPIC.search(groups[-1][-1]) and not last_item)))
            if campus or enumerating:
                groups[-1][-1] = f"{groups[-1][-1]}, {'and ' if last_item else ''}{piece}"
                enumerating = enumerating and not last_item
            elif continues:
                groups[-1].append(piece)
            else:
                groups.append([piece])
    names: list[str] = []
    for group in groups:
        distributed = _distribute(group)
        if distributed is not None:
            names.extend(distributed)
        elif ";" in text:
            names.append(group[0])
        else:
            names.extend(_split_and(group[0]))
    return [n for n in (clean_organisation_name(n) for n in names) if n]
