"""People written in Chinese, Japanese or Korean: "佐伯 陽菜 氏（東雲情報科学研究所 主任研究員）",
"林晓雯 副教授（南屿师范大学 地理科学学院）", "정하윤 교수 (한빛해양대학교 해양환경학과)".

These scripts have no capitals, so the name checks written for Latin, Greek and Cyrillic
names see no name in them. Here a name is a short run of Han, kana or Hangul (a Japanese name
with a blank between surname and given name), followed by honorifics or posts
(``models/gazetteers/cjk_person_titles.txt``) and where the person is from, in brackets.
"""
from __future__ import annotations

from .. import rules
from ..deferred import deferred
from ..shapes import is_placeholder
from .people import Person

# Call-time patterns, each compiled once, at its first use.
# Text that opens with a Han, kana or Hangul letter (after marks, blanks and a list number).
_OPENS_CJK = deferred(r"^[\W_]{0,6}(?:\d{1,2}[.)、．][ \t]{0,2})?[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A list's number or bullet before a person: "1. ", "2）", "・".
_LIST_MARK = deferred(r"^[ \t\u3000]{0,4}(?:\d{1,2}[.)、．）]|[・•\-*])[ \t\u3000]{0,2}")
# A name: "林晓雯", "佐伯 陽菜", "정하윤", a foreign name in katakana ("ヘンリク・アールヴィク").
_NAME = deferred(r"[\p{Han}々]{2,4}"
                 r"|[\p{Han}々\p{Katakana}ー]{1,4}[ \u3000][\p{Han}々\p{Hiragana}\p{Katakana}ー]{1,4}"
                 r"|\p{Katakana}[\p{Katakana}ー]{1,10}(?:[・＝=]\p{Katakana}[\p{Katakana}ー]{1,10}){1,2}"
                 r"|\p{Hangul}{2,4}")
# Where the person is from, in brackets at the end: "（南屿师范大学 地理科学学院）".
_BRACKET_TAIL = deferred(r"\s{0,3}[（(](?P<inside>[^（）()]{1,120})[）)]\s{0,3}$")
# What parts an institution from the unit or post written after it.
_UNIT_BREAK = deferred(r"[\s\u3000,，、;；]+")
# What parts the people of a list, outside brackets.
_PEOPLE_BREAK = "、，,;；\n"


def is_cjk(text: str) -> bool:
    """Return whether ``text`` opens with a Chinese, Japanese or Korean letter.

    >>> is_cjk("　早瀬 由美子 氏"), is_cjk("Ada Roe")
    (True, False)
    """
    return _OPENS_CJK.match(text) is not None


def parse_cjk_person(text: str) -> Person | None:
    """Return the person in "Name [titles] [(Institution unit post)]"; None if no name.

    >>> parse_cjk_person("佐伯 陽菜 氏（東雲情報科学研究所 主任研究員）")
    Person(name='佐伯 陽菜', affiliation='東雲情報科学研究所')
    >>> parse_cjk_person("정하윤 교수 (한빛해양대학교 해양환경학과)")
    Person(name='정하윤', affiliation='한빛해양대학교')
    >>> parse_cjk_person("陈志远 研究员"), parse_cjk_person("未定")
    (Person(name='陈志远', affiliation=None), None)
    """
    titles = rules.gazetteer("cjk_person_titles")
    text = _LIST_MARK.sub("", text).strip(" \u3000\t")
    affiliation = None
    bracket = _BRACKET_TAIL.search(text)
    if bracket:
        text = text[:bracket.start()]
        first = next((part for part in _UNIT_BREAK.split(bracket.group("inside")) if part), "")
        affiliation = None if first in titles else first
    tokens = text.split()
    while len(tokens) > 1 and tokens[-1] in titles:
        tokens.pop()  # "林晓雯 副教授", "佐伯 陽菜 氏"
    name = " ".join(tokens)
    if not _NAME.fullmatch(name) or is_placeholder(name) or name in titles:
        return None
    return Person(name, affiliation)


def parse_cjk_people(text: str) -> list[Person]:
    """Return every person of a list parted by "、", commas, semicolons or line breaks (not
    inside brackets); an empty list unless every part is a person. Brackets after the last
    name alone are everyone's ("이하은, 정민재 (생명과학과 박사과정)").

    >>> [p.name for p in parse_cjk_people("早瀬 由美子 氏（潮風苑 施設長）、谷口 誠一郎 氏（東湊大学）")]
    ['早瀬 由美子', '谷口 誠一郎']
    >>> [p.affiliation for p in parse_cjk_people("이하은, 정민재 (생명과학과 박사과정)")]
    ['생명과학과', '생명과학과']
    """
    parts, depth, current = [], 0, []
    for char in text:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1
        if depth <= 0 and char in _PEOPLE_BREAK:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    people = [parse_cjk_person(part) for part in parts if part.strip(" \u3000\t")]
    if not people or not all(people):
        return []
    found = [p for p in people if p]
    last = found[-1].affiliation
    if len(found) > 1 and last and not any(p.affiliation for p in found[:-1]) and \
            "\n" not in text.strip():
        found = [Person(p.name, last) for p in found]
    return found
