"""Whether an event is a talk at all: a book club, a concert or a tour has no abstract.

The signal is the kind of event its SUMMARY or description names, from the NON_TALK_EVENT
cue phrases of models/patterns/abstract.jsonl ("book club", "concert", "info session"),
and a calendar category of classes, exhibits or performances (models/gazetteers), weighed
against talk signals (TALK cues such as "lecture" or "speaker", and speaker, title or abstract
label lines). Nothing here spells out a vocabulary.
"""
from __future__ import annotations

from .. import rules
from ..announcement import Announcement
from ..deferred import deferred

# Label lines that only a talk announcement has.
_TALK_FIELDS = frozenset({"speaker", "title", "abstract"})


def is_non_talk(ann: Announcement, *, speaker_card: bool = False) -> bool:
    """Return True when the event names a kind of event that is not a talk.

    The SUMMARY names the event's kind and outweighs the description unless it also names a
    talk. Otherwise the description and the categories do so when they name a non-talk kind
    more often than a talk ("This course ... hands-on ... lecture"), or when nothing in the
    event speaks of a talk ("lecture", "will discuss"), a speaker or an abstract; but not
    beside a ``speaker_card`` (a name over its institution's line), which speaks of a talk.
    """
    first_line = ann.lines[0].text if ann.lines else ""
    if summary_says_no_meeting(ann.view.summary) or says_no_meeting(first_line) or \
            any(" this " in line.text and says_no_meeting(line.text) for line in ann.lines[1:5]):
        # "No Journal Club this week", "Pas de séminaire", a description that opens "Nessun
        # seminario questa settimana": whoever is named for next time, no talk
        return True
    summary_labels = ann.summary_cue_labels
    if "NON_TALK_EVENT" in summary_labels:
        # "Reading Group: guest talk" names a talk held by a group that is no talk itself.
        return "TALK" not in summary_labels
    non_talk = len(ann.cues("NON_TALK_EVENT")) + _non_talk_category(ann)
    if not non_talk or speaker_card or "TALK" in summary_labels or \
            any(item.field in _TALK_FIELDS for item in ann.labels):
        return False
    talk = ann.cues("TALK", "SPEAKER_BEFORE", "SPEAKER_AFTER", "SPEAKER_JOIN", "TITLE_BEFORE")
    if non_talk >= 2 and non_talk > len(talk):
        # "This course ... hands-on ..." outweighs a passing "lecture" ("Course structure
        # includes lecture, discussion and exercises").
        return True
    return not ann.cues("TALK", "TALK_CONTENT")


# "Victoria Day - no talk", "Family Stargazing Night (no lecture)": said inside a SUMMARY.
_NO_TALK_PHRASE = deferred(r"(?i)(?:^|[\s(\-–—:|])no\s(?:talks?|lectures?|seminars?|"
                           r"colloquium|speakers?)\b(?!\s(?:series|notes?|slides))")
# A seminar or lecture word right beside "does not take place" in other languages
# ("keeleseminari ei toimu", "δεν πραγματοποιείται διάλεξη", "Kolloquium findet nicht statt",
# "Seminario sospeso", "Kolloquium entfällt").
_NOT_HELD = deferred(
    r"(?i)\b\w{0,12}(?:seminar|semin[aá]ri|loeng|paskait|kolloquium|colloque|vortrag|conferen|"
    r"lezione|charla|σεμινάρι|διάλεξ|ομιλ|prelegere|ders|söyleşi)\w{0,6}\s{1,3}"
    r"(?:ei\s{1,3}toimu|nevyks|neįvyks|nu\s{1,3}are\s{1,3}loc|nu\s{1,3}va\s{1,3}avea\s{1,3}loc|"
    r"yapılmayacak|findet\s{1,3}nicht\s{1,3}statt|n['’]a\s{1,3}pas\s{1,3}lieu|n['’]aura\s{1,3}pas\s{1,3}lieu|"
    r"non\s{1,3}si\s{1,3}terr[àa]|no\s{1,3}se\s{1,3}realiza|gaat\s{1,3}niet\s{1,3}door|"
    r"nie\s{1,3}odbędzie\s{1,3}się|δεν\s{1,3}(?:θα\s{1,3})?πραγματοποι\w{1,8}|"
    r"sospes[oa]|suspendu[e]?|suspendid[oa]|suspended|entfällt|fällt\s{1,3}aus)"
    r"|\bδεν\s{1,3}(?:θα\s{1,3})?πραγματοποι\w{1,8}\s{1,3}(?:διάλεξη|σεμινάριο|ομιλία)")
# Words one of which every match of _NOT_HELD holds: other SUMMARY lines are not searched.
_NOT_HELD_WORDS = ("toimu", "vyks", "loc", "yapılmayacak", "statt", "lieu", "terr", "realiza",
                   "niet", "odbędzie", "πραγματοποι", "sospes", "suspend", "fällt")


def summary_says_no_meeting(summary: str) -> bool:
    """Return whether a SUMMARY says there is no talk: "No seminar", "Victoria Day - no talk",
    "Seminario sospeso – Ognissanti"."""
    return says_no_meeting(summary) or _NO_TALK_PHRASE.search(summary) is not None or \
        _not_held(summary) or _CJK_NO_MEETING.search(summary) is not None or \
        any(says_no_meeting(aside) for aside in _ASIDE.findall(summary))


# "Kerstborrel (geen seminar)": what a bracket says.
_ASIDE = deferred(r"[(（]([^()（）]{3,40})[)）]")
# "大型連休（セミナー休み）", "국경일 (세미나 없음)", "（暂停讲座）": no seminar, in Japanese, Korean
# or Chinese.
_CJK_NO_MEETING = deferred(r"(?:セミナー|講演会|研究会|談話会|세미나|콜로키움|讲座|講座|报告会)"
                           r"[ \t]?(?:は)?(?:お?休み|休講|なし|中止|없음|휴강|暂停|停办)|"
                           r"(?:暂停|停办)(?:讲座|講座|报告会|研讨会)")


def _not_held(summary: str) -> bool:
    """Return whether a SUMMARY says, in another language, that the seminar does not take place."""
    lowered = summary.lower()
    return any(word in lowered for word in _NOT_HELD_WORDS) and _NOT_HELD.search(summary) is not None


def says_no_meeting(summary: str | None) -> bool:
    """Return whether a SUMMARY says a series does not meet: "No seminar", "No Journal Club —
    lab retreat", "Pas de séminaire", "Kein Kolloquium".

    >>> says_no_meeting("No Journal Club — lab retreat"), says_no_meeting("Notes on seminars")
    (True, False)
    >>> says_no_meeting("December meeting -- no business meeting this month.")
    False
    """
    text = summary or ""
    dash = _SPACED_DASH.search(text, 0, 80) if " -" in text or "–" in text or "—" in text else None
    if dash and says_no_meeting(text[dash.end():]):
        return True  # "Osterferien – kein Kolloquium": the break, then that there is no meeting
    head = text.split(None, 5)[:5]  # the first word and the four after it
    if not head or head[0].strip(",.:;!()").lower() not in _NO_WORDS:
        return False  # most texts: no need to read on
    tokens = [w.strip(",.:;!()").lower() for w in head]
    heads = rules.gazetteer("series_heads")
    for before, token in zip(tokens, tokens[1:5]):
        if token in heads or token in _NO_MEETING_WORDS:
            # "December meeting -- no business meeting this month": the society's own business
            # is skipped, not its lecture.
            return not (token in _MEETING_WORDS and before in _INTERNAL_MEETING_KINDS)
    return False


_SPACED_DASH = deferred(r"\s[-–—]{1,2}\s")
# What a week without a meeting has none of, besides a series word: "No speaker this week".
_NO_MEETING_WORDS = frozenset({"speaker", "speakers", "program", "programme", "vortrag", "charla",
                               "lezione", "seminarium", "seminaaria", "seminara", "semináře",
                               "sessão", "sessao", "sesión", "sessione", "séance",
                               "seminář", "szeminárium", "kollokvium", "kolokwium", "kolokvij"})
_MEETING_WORDS = frozenset({"meeting", "meetings"})
# The meetings of a society's own officers and members, held beside its talks.
_INTERNAL_MEETING_KINDS = frozenset({"business", "committee", "board", "council", "executive", "members'",
                                     "members", "annual", "agm"})
# "No", "Pas (de)", "Kein(e)", "Sin", "Nessun(a)", "Geen", "Ingen"/"Inget", "Brak", "Ei",
# "Nincs", "Žádný", "Nema": no meeting of ...
_NO_WORDS = frozenset({"no", "pas", "kein", "keine", "sin", "nessun", "nessuna", "geen", "ingen",
                       "inget", "inga", "intet", "nessuno", "ningún", "ninguna", "nenhum", "nenhuma",
                       "aucun", "aucune", "brak", "não", "nao", "ei", "nincs", "žádný", "žádné",
                       "žádná", "nema"})


_WORD = deferred(r"\w+")


def _non_talk_category(ann: Announcement) -> bool:
    """Return whether a CATEGORIES value names classes, exhibits or performances."""
    kinds = rules.gazetteer("non_talk_categories")
    return any(word.lower() in kinds for category in ann.view.categories
               for word in _WORD.findall(category))
