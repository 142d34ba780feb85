"""The contact for the event: an e-mail (also "name (at) host (dot) edu"), a phone, a name."""
from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.tokens import Span

from ..announcement import Announcement
from ..candidate import Candidate
from ..deferred import deferred
from ..shapes import PHONE_NUMBER, is_person_name
from .people import clean_name

# "at" and "dot" as written in an address spelt out against harvesters, in English, French,
# Spanish and Portuguese, Italian, German, Dutch, Swedish, Polish, Czech, Slovak, Hungarian
# and Finnish (general knowledge).
_AT_WORDS = (r"(?:at|AT|@|a|arobase|arroba|chiocciola|ät|apenstaartje|snabel-a|małpa|zavináč|"
             r"zavinac|kukac|miukumauku)")
_DOT_WORDS = r"(?:dot|DOT|\.|point|punto|ponto|punkt|punt|tečka|tecka|bodka|pont|piste)"
_OBFUSCATED = deferred(
    r"(?<![\w.+\-])(?P<user>[\w.+\-]{1,64})\s{0,2}[\(\[{<]\s{0,2}" + _AT_WORDS + r"\s{0,2}[\)\]}>]\s{0,2}"
    # A plain dot has no blank after it: "edu.\n\nThis" ends the address and a sentence.
    r"(?P<host>[\w\-]{1,63}(?:(?:\s{0,2}[\(\[{<]\s{0,2}" + _DOT_WORDS + r"\s{0,2}[\)\]}>]\s{0,2}|\.)"
    r"[\w\-]{1,63}){1,5})")
_PLAIN_EMAIL = deferred(r"[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5}")
_DOT = deferred(r"\s{0,2}[\(\[{<]\s{0,2}" + _DOT_WORDS + r"\s{0,2}[\)\]}>]\s{0,2}")
# A capitalised word after the address's last dot starts the next sentence ("org.There").
_GLUED_WORD = deferred(r"(?<=\.[a-z]{2,24})\.\p{Lu}\p{Ll}[\w\-]*$")
# The text of a link before an address-like string inside it ("https://...?id=a@b.c&x=1").
_LINK_BEFORE = deferred(r"(?:https?://|www\.)\S*[=/]\S*$")
# Cheap tests that a text can hold an address at all: the patterns above begin with a
# character class that would otherwise be tried at every word character of the description.
_OBFUSCATED_AT = deferred(r"[\(\[{<]\s{0,2}" + _AT_WORDS + r"\s{0,2}[\)\]}>]")
# The contact stands among the first addresses; a description with thousands of them is a
# list dump, and each address looks at every cue of the text, so only these many are judged.
MAX_ADDRESSES = 50
_NAME_AFTER_CUE = deferred(
    r"[\s:,]{0,3}(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?(?P<name>\p{Lu}[\p{L}'’\-]{1,40}(?:\s+\p{Lu}[\p{L}'’.\-]{0,40}){1,3})")


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None


def find_emails(text: str) -> list[tuple[str, int, int]]:
    """Return (address lower-cased and de-obfuscated, start, end) of every e-mail in ``text``.

    >>> [e for e, _, _ in find_emails("Write to Events (at) Example (dot) org or a.b@c.edu")]
    ['events@example.org', 'a.b@c.edu']
    >>> [e for e, _, _ in find_emails("Contact : sem.hs (arobase) example (point) org")]
    ['sem.hs@example.org']
    >>> [e for e, _, _ in find_emails("<https://x.example.com/j?t=19_m@thread.v2&y=1> Host: Roe/roe@a.edu")]
    ['roe@a.edu']
    >>> [e for e, _, _ in find_emails("Email sec@history.example.org.There is a list.")]
    ['sec@history.example.org']
    >>> [e for e, _, _ in find_emails("PostedBy: geo-events at geology.lakeshore.edu on 11-Apr-96")]
    ['geo-events@geology.lakeshore.edu']
    >>> [e for e, _, _ in find_emails("Meet at noon at main.hall or at 3.30")]
    []
    >>> [e for e, _, _ in find_emails("write to Marta Roe (mroe at hpu dot example dot edu).")]
    ['mroe@hpu.example.edu']
    >>> [e for e, _, _ in find_emails("write to ada [at] lakeshore.example [dot] edu.\\n\\nThis")]
    ['ada@lakeshore.example.edu']
    >>> [e for e, _, _ in find_emails("Kontakt: akce(zavináč)uke(tečka)example.cz, roe [kukac] a.example.hu")]
    ['akce@uke.example.cz', 'roe@a.example.hu']
    >>> [e for e, _, _ in find_emails("Info: sem(a)uni.example.es; ada AT lake.example.it; bo arroba x.example.pt")]
    ['sem@uni.example.es', 'ada@lake.example.it', 'bo@x.example.pt']
    >>> [e for e, _, _ in find_emails("問い合わせ：sem◎lab.example.jp（◎を@に）、info＠u.example.ac.jp")]
    ['sem@lab.example.jp', 'info@u.example.ac.jp']
    """
    found: list[tuple[str, int, int]] = []
    if "@" in text:
        for match in _PLAIN_EMAIL.finditer(text):
            if _in_link(text, match.start()):
                continue  # "...?threadId=19_meeting_X@thread.v2&messageId=0": part of a link
            address, end = match.group().rstrip("."), match.end()
            glued = _GLUED_WORD.search(address)
            if glued:  # "secretary@example.org.There is ...": a sentence glued on after the dot
                address, end = address[:glued.start()], match.start() + glued.start()
            found.append((address.lower(), match.start(), end))
    if _OBFUSCATED_AT.search(text):
        for match in _OBFUSCATED.finditer(text):
            host = _DOT.sub(".", match.group("host")).replace(" ", "")
            if "." in host:
                found.append((f"{match.group('user')}@{host}".lower(), match.start(),
                              match.end()))
    if not text.isascii() and _STAND_IN_AT_MARK.search(text):
        for match in _STAND_IN_AT.finditer(text):
            found.append((f"{match.group('user')}@{match.group('host')}".lower(), match.start(),
                          match.end()))
    if " at " in text and " dot " in text:
        for match in _SPOKEN_ADDRESS.finditer(text):
            if _mail_domain(match.group("tld")):
                host = match.group("host").replace(" dot ", ".")
                found.append((f"{match.group('user')}@{host}".lower(), match.start(), match.end()))
    if " at " in text or _SPACED_AT_WORD.search(text):
        for match in _SPACED_AT.finditer(text):
            user = match.group("user")
            if _mail_domain(match.group("tld")) and user not in _NOT_MAIL_USERS and \
                    not user.endswith("ed"):
                found.append((f"{user}@{match.group('host')}".lower(), match.start(), match.end()))
    return sorted(found, key=lambda e: e[1])


# A full-width "＠", or a mark that Japanese pages put in its place with a note to put "@"
# back ("robosemi◎mech.example（◎を@に置き換えてください）"), between a Latin user and host.
_STAND_IN_AT_MARK = deferred(r"[＠◎★☆●]")
_STAND_IN_AT = deferred(r"(?<![A-Za-z0-9._+\-])(?P<user>[A-Za-z0-9._+\-]{1,64})" + _STAND_IN_AT_MARK.pattern +
                        r"(?P<host>[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,5})")
# An address written with a spaced "at" and no brackets, as bulletin posts sign them
# ("PostedBy: geo-events at geology.lakeshore.edu"): a lower-case user, a dotted host whose
# last part is a mail domain.
# A mail user in lower case, then a spaced "at".
# Spelt-out "at"s written between blanks, besides " at " itself.
_OTHER_SPACED_AT = r"AT|arroba|arobase|chiocciola"
_USER_AT = rf"(?<![\w.@])(?P<user>\p{{Ll}}[\p{{Ll}}\d._+\-]{{0,63}})[ \t](?:at|{_OTHER_SPACED_AT})[ \t]"
_SPACED_AT_WORD = deferred(rf"[ \t](?:{_OTHER_SPACED_AT})[ \t]")
_SPACED_AT = deferred(_USER_AT + r"(?P<host>\p{Ll}[\p{Ll}\d\-]{0,62}(?:\.[\p{Ll}\d\-]{1,63}){0,4}"
                      r"\.(?P<tld>\p{Ll}{2,6}))\b(?![./\-]\w)")
# Words before " at <site>" that say where something is, not whose address it is.
_NOT_MAIL_USERS = frozenset({"available", "online", "register", "registration", "tickets", "here",
                             "us", "more", "information", "live", "streamed", "posted"})
# "moyelaran at hpu dot example dot edu": both signs spelt out, no brackets.
_SPOKEN_ADDRESS = deferred(_USER_AT + r"(?P<host>\p{Ll}[\p{Ll}\d\-]{0,62}(?:[ \t]dot[ \t][\p{Ll}\d\-]{1,63}){0,4}"
                           r"[ \t]dot[ \t](?P<tld>\p{Ll}{2,6}))\b")
_MAIL_TLDS = frozenset({"edu", "com", "org", "net", "gov", "mil", "int", "info", "ac", "io"})


def _mail_domain(tld: str) -> bool:
    """Return whether an address's last part is a mail domain: a common one or a country's."""
    return tld in _MAIL_TLDS or len(tld) == 2


def _in_link(text: str, at: int) -> bool:
    """Return whether the address-like string at ``at`` is part of a link: the text from the
    last blank before it opens a URL ("Host/e-mail: Ada Roe/roe@example.edu" is no link)."""
    token_start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("<", 0, at)) + 1
    return bool(_LINK_BEFORE.search(text, token_start, at))


def contact_candidates(ann: Announcement) -> list[Candidate]:
    """Return contact candidates, best first: cued addresses before bare ones."""
    emails = find_emails(ann.text)[:MAX_ADDRESSES]
    speaker_lines = {l.line.number for l in ann.labelled("speaker", "bio")}
    cued: list[Candidate] = []
    for_press: list[Candidate] = []
    bare: list[Candidate] = []
    contact_labels = ann.labelled("contact", "host")
    # Cue lists are made once: each ann.cues() call walks every span of the Doc.
    contact_cues, notice_cues = ann.cues("CONTACT"), ann.cues("NOT_CONTACT")
    for address, start, end in emails:
        line = ann.line_at(start)
        if line is not None and line.number in speaker_lines:
            continue
        if _in_notice(ann, start, notice_cues):
            continue
        if _MAILING_LIST_FOOTER.search(ann.text, max(0, start - 80), start) or \
                "listinfo" in ann.text[end:end + 80]:
            continue  # "theory-seminar mailing list" over the list's own address: a list's footer
        near = [c for c in contact_cues if 0 <= start - c.end_char < 160]
        in_label = any(l.line.number == (line.number if line else -1) for l in contact_labels)
        name = _name_near(ann, near[-1].end_char, start) if near else None
        phone = _phone_near(ann, start)
        contact = Contact(name, address, phone)
        rule = "label.contact" if in_label else ("prose." + near[-1].id_ if near else "layout.first_email")
        target = for_press if _for_the_press(ann.text, start) else cued if (in_label or near) else bare
        target.append(Candidate("contact", contact, "DESCRIPTION", rule, (start, end)))
    phone_only = _phone_from_labels(ann)
    # A release's media contact is for reporters: an address it offers the public, when it
    # offers one, comes first, with a cue or without one ("Tickets ... by emailing X").
    found = cued + bare + for_press
    if found and found[0].value.phone is None and phone_only:
        first = found[0]
        found[0] = Candidate("contact", Contact(first.value.name, first.value.email, phone_only),
                             first.source, first.rule, first.span)
    elif not found and phone_only:
        found.append(Candidate("contact", Contact(None, None, phone_only), "DESCRIPTION",
                               "label.phone"))
    sender = organizer_address(ann.view.sender) if ann.view.sender else None
    asks = ann.cues("ASK_SENDER") if sender else []
    if sender and (not found or found[0].value.email is None) and asks:
        # "please let me know", "just reply to me": the mail's sender, from its From header,
        # when the text offers no address of its own; "reply to this message": its Reply-To.
        reply_to = organizer_address(ann.view.reply_to) if ann.view.reply_to else None
        if reply_to and any(cue.id_ in _REPLY_TO_MESSAGE for cue in asks):
            sender = reply_to
        phone = found[0].value.phone if found else None
        found[:1] = [Candidate("contact", Contact(None, sender, phone), "FROM", "mail.ask_sender")]
    organizer = organizer_address(ann.view.organizer) if ann.view.kind == "calendar" else None
    # A CONTACT property names who to ask about the event; its address outweighs ORGANIZER's,
    # which is often the calendar's own mailbox.
    organizer = organizer_address(ann.view.contact) or organizer
    if organizer and found and found[0].value.email is None:
        # A phone in the text and the organiser's address in ORGANIZER: one contact.
        first = found[0]
        found[0] = Candidate("contact", Contact(first.value.name, organizer, first.value.phone),
                             first.source, first.rule, first.span)
    elif organizer:
        # A calendar's ORGANIZER is who to write to when the text gives no address (a meeting
        # invitation says "reply to this invitation"); it comes after every address in the text.
        found.append(Candidate("contact", Contact(None, organizer, None), "ORGANIZER", "property"))
    return found


# The line a mailing list's footer puts above its own address ("econ-seminars mailing list").
_MAILING_LIST_FOOTER = deferred(r"(?i)mailing\s{1,3}list\s{0,3}\n[ \t]{0,4}$")
# The cues that ask for a reply to the message itself, which goes to its Reply-To address.
_REPLY_TO_MESSAGE = frozenset({"ask_sender.reply_to_this_message", "ask_sender.reply_to_this_email",
                               "ask_sender.reply_to_this_e_mail"})
_NO_REPLY = deferred(r"^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|"
                     r"calendar-notification|notifications?)\b", regex.IGNORECASE)


def organizer_address(organizer: str | None) -> str | None:
    """Return the e-mail address of an ORGANIZER ("Name <a@b.org>"), lower-cased, unless it
    is an address nobody reads (noreply@...).

    >>> organizer_address("Physics Seminar <Phys-Seminar@example.edu>"), organizer_address("noreply@example.org")
    ('phys-seminar@example.edu', None)
    """
    match = _PLAIN_EMAIL.search(organizer or "")
    if match is None or _NO_REPLY.match(match.group()):
        return None
    return match.group().lower()


def _for_the_press(text: str, at: int) -> bool:
    """Return whether the address at ``at`` is offered to reporters: "Media contact:", "MEDIA
    RSVP:", "Press inquiries" before it in its paragraph.

    >>> _for_the_press("Media contact:\\nAda Roe\\n555-0131 | roe@example.edu", 40)
    True
    >>> _for_the_press("For tickets, write to box@example.edu", 26)
    False
    >>> _for_the_press("MEDIA RSVP: press@example.org\\nPUBLIC INQUIRIES: ask@example.org", 48)
    False
    >>> _for_the_press("Media contact: Ada Roe\\nPhone: 555-0121  E-mail: roe@example.edu", 48)
    True
    """
    start = max(text.rfind("\n\n", 0, at), at - _PRESS_REACH, 0)
    line_start = text.rfind("\n", 0, at) + 1
    if _LABEL_HEAD.match(text, line_start, at) and "@" in text[start:line_start]:
        # "PUBLIC INQUIRIES: x@y" under "MEDIA RSVP: press@..." (the press has its own address;
        # "Phone: ... E-mail: x@y" under "Media contact: Name" is the press's)
        start = max(start, line_start)
    return _PRESS_CUE.search(text, start, at) is not None


_PRESS_CUE = deferred(r"(?i)\b(?:media|press)(?:[ \t]{1,3}(?:contacts?|inquiries|enquiries|rsvp|"
                      r"relations|office|desk)\b|[ \t]{0,2}:)|\bfor[ \t]{1,3}(?:the[ \t]{1,3})?"
                      r"(?:media|press|reporters)\b")
_PRESS_REACH = 160
_LABEL_HEAD = deferred(r"[ \t*]{0,4}\p{L}[\p{L} ]{1,30}:")


def _in_notice(ann: Announcement, at: int, notice_cues: list[Span]) -> bool:
    """Return whether an address stands in a privacy or mailing-list notice: no event contact."""
    paragraph_start = max(ann.text.rfind("\n\n", 0, at), ann.text.rfind("***", 0, at), 0)
    ends = [e for e in (ann.text.find("\n\n", at), ann.text.find("***", at)) if e >= 0]
    paragraph_end = min(ends + [at + 200])
    return any(paragraph_start <= cue.start_char < paragraph_end for cue in notice_cues)


def _name_near(ann: Announcement, cue_end: int, email_start: int) -> str | None:
    match = _NAME_AFTER_CUE.match(ann.text, cue_end, email_start)
    if match:
        name = clean_name(match.group("name"))
        if is_person_name(name):
            return name
    return None


def _phone_near(ann: Announcement, at: int) -> str | None:
    line = ann.line_at(at)
    if line is None:
        return None
    match = PHONE_NUMBER.search(line.text)
    return match.group() if match else None


def _phone_from_labels(ann: Announcement) -> str | None:
    for label in ann.labelled("phone", "contact"):
        match = PHONE_NUMBER.search(label.value)
        if match:
            return match.group()
    return None
