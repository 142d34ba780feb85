"""HTML to text that keeps the line structure (inscriptis), and entity unescaping."""
from __future__ import annotations

import html as html_lib
from functools import cache
from typing import TYPE_CHECKING, Any

import regex

from ..deferred import deferred
from .limits import MAX_HTML_DEPTH, flat_html_text, html_depth

if TYPE_CHECKING:
    from inscriptis.model.config import ParserConfig

_TAG = deferred(r"</?(?:p|br|div|b|strong|i|em|a|span|li|ul|ol|h[1-6]|table|tr|td|html|body)\b",
                regex.IGNORECASE)
# The tags that end a line of a page's layout, <br> aside.
_BLOCK_TAGS = r"p|div|li|ul|ol|h[1-6]|table|tr"
_BLOCK = deferred(rf"</?(?:{_BLOCK_TAGS}|br)\b", regex.IGNORECASE)
_BLOCK_BUT_BREAK = deferred(rf"</?(?:{_BLOCK_TAGS})\b", regex.IGNORECASE)
# Markup that opens with a line of text rather than a tag: a plain description with some HTML.
_TEXT_FIRST = deferred(r"\A\s{0,10}[^<\s][^<\n]{0,300}\n")
# A line break outside a tag (not in "<a\nhref=...>").
_BARE_BREAK = deferred(r"\n(?![^<>]{0,500}>)")
_BARE_BREAK_NOT_AFTER_BR = deferred(r"(?<!<br\s{0,2}/?>[ \t]{0,10})\n(?![^<>]{0,500}>)", regex.IGNORECASE)
_ENTITY = deferred(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", regex.IGNORECASE)
# A definition term opens a line of its own (see _inscriptis_config).
_TERM = deferred(r"<dt\b", regex.IGNORECASE)
# A table row of a header cell and a data cell ("<th>Speaker</th><td>Ada Roe</td>") is a label
# line too: the header cell gets its colon ("Speaker:   Ada Roe").
_ROW_HEADER = deferred(r"(<th\b[^>]{0,200}>[^<:]{1,80}?)\s{0,5}(</th>\s{0,20}<td\b)", regex.IGNORECASE)
# Two <time> elements side by side, an empty divider at most between them ("<time>7:00 PM</time>
# <span class="divider"></span><time>8:30 PM</time>"): a range, whose dash a style sheet draws.
_ADJACENT_TIMES = deferred(r"</time>\s{0,20}(?:<(?P<tag>span|i|b)\b[^<>]{0,200}>\s{0,20}</(?P=tag)>\s{0,20})?"
                           r"(?=<time\b)", regex.IGNORECASE)
# A page's main heading and its <title>; bounded, so that they stay linear on any markup.
_H1 = deferred(r"<h1\b[^>]{0,400}>(?P<inner>.{1,1000}?)</h1\s{0,3}>", regex.IGNORECASE | regex.DOTALL)
_H2 = deferred(r"<h2\b[^>]{0,400}>(?P<inner>.{1,1000}?)</h2\s{0,3}>", regex.IGNORECASE | regex.DOTALL)
_TITLE = deferred(r"<title\b[^>]{0,400}>(?P<inner>.{1,1000}?)</title\s{0,3}>",
                  regex.IGNORECASE | regex.DOTALL)
_ANY_TAG = deferred(r"<[^<>]{0,400}>")
# "Talk title | Series | Site", "Talk title - Series - Site", "Site » Talk title".
_TITLE_SEPARATOR = deferred(r"\s{1,3}(?:\||–|—|-{1,2}|::|»|·)\s{1,3}")


@cache
def _inscriptis_config() -> ParserConfig:
    """Return how inscriptis lays out a page (imported here: most events have no HTML).

    A definition list ("<dt>Speaker</dt><dd>Ada Roe</dd>") is the label lines of an event card:
    each term opens a line (a <br> goes in before it) and ends in a colon, its description
    follows on the same line.
    """
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.html_properties import VerticalAlignment
    from inscriptis.model.config import ParserConfig
    from inscriptis.model.html_element import HtmlElement

    css = dict(CSS_PROFILES["strict"])
    css["dt"] = HtmlElement("dt", suffix=": ")
    css["dd"] = HtmlElement("dd")
    # A row's label cell stands beside the first line of its value cell, not its middle
    # ("Speaker:" beside the name, not beside the position under it).
    css["td"] = HtmlElement("td", valign=VerticalAlignment.top)
    css["th"] = HtmlElement("th", valign=VerticalAlignment.top)
    return ParserConfig(css=css, display_links=False)


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` holds HTML tags.

    >>> looks_like_html("<b>Title:</b> TBA"), looks_like_html("a < b")
    (True, False)
    """
    return "<" in text and _TAG.search(text) is not None


def html_to_text(markup: str, *, page: bool = False) -> str:
    """Return the text of ``markup`` with one line per block; bare newlines count as line breaks.

    A whole web ``page`` is read without what every page of its site carries: navigation,
    footers, search, and the blocks that list or share other content (sidebars, related and
    upcoming items, a section headed "More events from this organizer", breadcrumbs, share,
    cookie and newsletter bars). Their talks, dates and addresses are not the event's. A
    sidebar that holds the event's tickets is the event's.

    >>> html_to_text("<b>Title:</b> On rings\\n<b>Speaker:</b> A. Noether")
    'Title: On rings\\nSpeaker: A. Noether'
    >>> html_to_text("<h2>Supported by</h2><div><img src='a.png' alt='Lakeshore Bank logo'>"
    ...              "<img src='b.png' alt='Fen Council logo'></div>")
    'Supported by\\n\\nLakeshore Bank\\nFen Council'
    >>> html_to_text("A first paragraph longer than the first line of a title. " * 6 +
    ...     "\\n\\nPart of a series.<br>Doors at 6.\\n\\nSpeaker: Ada Roe\\nSponsor: Lakeshore Fund")[-71:]
    'Part of a series.\\nDoors at 6.\\n\\nSpeaker: Ada Roe\\nSponsor: Lakeshore Fund'
    >>> html_to_text("<html><body><nav>Home | Events</nav><div class='sidebar'><p>Oct 14: Bo Li</p>"
    ...     "</div><main><p>Speaker: Ada Roe</p></main><footer>events@example.org</footer></body>"
    ...     "</html>", page=True)
    'Speaker: Ada Roe'
    >>> html_to_text("<html><body><div id='onetrust-banner'>We use cookies</div><p>Speaker: Ada "
    ...     "Roe</p><ul class='more-events'><li>Bo Li</li></ul></body></html>", page=True)
    'Speaker: Ada Roe'
    >>> html_to_text("<p><time>7:00 PM</time><span class='divider'></span><time>8:30 PM</time></p>")
    '7:00 PM – 8:30 PM'
    >>> html_to_text("<html><body class='one-sidebar sidebar-second'><p>Speaker: Ada Roe</p>"
    ...     "<div class='sidebar'>Bo Li</div></body></html>", page=True)
    'Speaker: Ada Roe'
    >>> html_to_text("<html><body><p>Speaker: Ada Roe</p><aside class='event-layout__sidebar'>"
    ...     "<dl><dt>Time</dt><dd>18:30</dd></dl></aside></body></html>", page=True).split()
    ['Speaker:', 'Ada', 'Roe', 'Time:', '18:30']
    >>> html_to_text("<html><body><p>Speaker: Ada Roe</p><section class='listing--more'><h3>More "
    ...     "events from this organizer</h3><ul><li>Tractors with Bo Li</li></ul></section>"
    ...     "<aside class='listing-sidebar'><div class='ticket-box'>General $20</div></aside>"
    ...     "</body></html>", page=True).split()
    ['Speaker:', 'Ada', 'Roe', 'General', '$20']
    """
    if html_depth(markup) > MAX_HTML_DEPTH:
        return flat_html_text(markup)  # lxml would drop the text nested deepest
    if "\n" in markup and (not _BLOCK.search(markup) or _TEXT_FIRST.match(markup)):
        # Plain lines (all of them, or before the first tag: "Speaker: X\nAffiliation: Y\n<p>")
        # keep their breaks; a page's own layout comes from its tags.
        markup = _BARE_BREAK.sub("<br>\n", markup)
    elif "\n" in markup and not _BLOCK_BUT_BREAK.search(markup):
        # Plain paragraphs with a <br> here and there ("... series.<br>Doors open 6:30"): the
        # lines keep their breaks too, and a break right after a <br> is the same break.
        markup = _BARE_BREAK_NOT_AFTER_BR.sub("<br>\n", markup)
    if "<img" in markup and ("logo" in markup or "sponsor" in markup or "partner" in markup):
        markup = _LOGO_IMAGE.sub(_logo_name, markup)
    if "<dt" in markup or "<DT" in markup:
        markup = _TERM.sub("<br><dt", markup)
    if "<th" in markup or "<TH" in markup:
        markup = _ROW_HEADER.sub(r"\1:\2", markup)
    if "</time>" in markup or "</TIME>" in markup:
        markup = _ADJACENT_TIMES.sub("</time> – ", markup)
    tree = _html_tree(markup)
    if tree is None:
        return ""
    if "label" in markup:
        _colon_after_labels(tree)
    if page:
        for element in [e for e in tree.iter() if isinstance(e.tag, str) and _is_chrome(e)]:
            if element.getparent() is not None:
                element.drop_tree()
        _unfold_layout_tables(tree)
    from inscriptis.html_engine import Inscriptis

    text = Inscriptis(tree, _inscriptis_config()).get_text()
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n")


def _colon_after_labels(tree: Any) -> None:
    """Give a field's label element its colon: '<span class="meta-label">Location</span><span
    class="meta-value">Oakes Auditorium</span>' reads "Location: Oakes Auditorium", not
    "LocationOakes Auditorium".

    >>> html_to_text('<div><span class="meta-label">Time</span><span>8:00 a.m.</span></div>')
    'Time: 8:00 a.m.'
    """
    for element in tree.iter():
        names = element.get("class") or "" if isinstance(element.tag, str) else ""
        if "label" not in names or len(element) or \
                "label" not in _CLASS_WORD_BREAK.split(names.lower()):
            continue
        text = (element.text or "").strip()
        if text and len(text.split()) <= _LABEL_WORDS and not text.endswith((":", "：")):
            element.text = f"{text}: "


_LABEL_WORDS = 4


def _unfold_layout_tables(tree: Any) -> None:
    """Make a page's layout tables plain blocks: an old page set its menu and its article side
    by side in the cells of a table, and read as a text table their lines interleave. A table
    is for layout when a cell holds a heading, a table or two paragraphs, or a long text.

    >>> html_to_text("<table><tr><td>News<br>Events</td><td><h1>Tides</h1><p>Ada Roe will "
    ...              "speak.</p></td></tr></table>", page=True).split("\\n")
    ['News', 'Events', '', 'Tides', '', 'Ada Roe will speak.']
    """
    for table in list(tree.iter("table")):
        if not any(_holds_a_page(cell) for row in table.iter("tr") for cell in row
                   if cell.tag in ("td", "th")):
            continue
        for element in table.iter():
            if element.tag in ("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
                element.tag = "div"


_LAYOUT_CELL_CHARS = 400


def _holds_a_page(cell: Any) -> bool:
    """Return whether a table cell holds a page's part rather than a value."""
    if any(child.tag in ("h1", "h2", "h3", "table") for child in cell.iter()):
        return True
    if sum(1 for child in cell.iter("p")) >= 2:
        return True
    return len(cell.text_content()) > _LAYOUT_CELL_CHARS


# A sponsor's or partner's logo: its alt text is the organisation's name ("Supported by" over a
# row of logos). Other images say nothing of the event.
_LOGO_IMAGE = deferred(r"<img\b(?=[^>]{0,600}?(?:logo|sponsor|partner))[^>]{0,600}?\balt\s*=\s*"
                       r"(?P<q>[\"'])(?P<alt>[^\"'<>]{2,120})(?P=q)[^>]{0,600}>", regex.IGNORECASE)
_LOGO_WORD = deferred(r"(?i)\s*\blogo\b\.?$")


def _logo_name(match: regex.Match[str]) -> str:
    """Return the name a logo's alt text gives ("Marlow County Arts Council logo"), as a line."""
    return f"<span>{_LOGO_WORD.sub('', match.group('alt')).strip()}</span><br>"


def without_tags(markup: str) -> str:
    """Return ``markup`` with its tags taken out and nothing else done (no layout, no entities).

    >>> without_tags("<p>On <i>rings</i></p>")
    'On rings'
    """
    return _ANY_TAG.sub("", markup)


def _html_tree(markup: str) -> Any:
    """Return the lxml tree of ``markup`` as inscriptis's get_text builds it (None if empty), so
    that a page's chrome can be taken out of the tree inscriptis then reads."""
    import lxml.html  # inscriptis's parser; only HTML pays for the import

    markup = markup.strip()
    if not markup:
        return None
    if markup.startswith("<?xml "):
        markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        return lxml.html.document_fromstring(markup)
    except lxml.etree.ParserError:
        return lxml.html.document_fromstring("<pre>" + markup + "</pre>")


_XML_DECLARATION = deferred(r"^<\?xml [^>]+?\?>")


_CHROME_TAGS = frozenset({"nav", "footer"})
_CHROME_ROLES = frozenset({"navigation", "contentinfo", "search"})
# Words of a class or id that name such a block ("sidebar-left", "related-stories", "share_bar").
_CHROME_WORDS = frozenset({"sidebar", "related", "upcoming", "breadcrumb", "breadcrumbs", "share",
                           "sharing", "social", "cookie", "cookies", "consent", "gdpr", "onetrust",
                           "newsletter", "subscribe", "navbar", "menu", "topbar"})
# Whole class names of lists of other events ("more-events"; "more" alone says too little) and
# of a shop's strip of offers over every page ("announcement" alone may be the event's own).
_CHROME_CLASSES = frozenset({"more-events", "more-event", "other-events", "more_events",
                             "announcement-bar", "announcement-bar-section"})
_CLASS_WORD_BREAK = deferred(r"[\s_\-]+")


def _is_chrome(element: Any) -> bool:
    tag = element.tag.lower()
    if tag in _CHROME_TAGS or (element.get("role") or "").lower() in _CHROME_ROLES:
        return True
    if tag in _NEVER_CHROME:
        return False
    names = f"{element.get('class') or ''} {element.get('id') or ''}".strip().lower()
    words = set(_CLASS_WORD_BREAK.split(names))
    if words & _CHROME_WORDS == {"sidebar"} and (words & _EVENT_BOX_WORDS or _holds_tickets(element)):
        # "event-layout__sidebar": the talk's own box of facts beside the text; a ticketing
        # page's sidebar with the ticket prices.
        return False
    if names and (not _CHROME_WORDS.isdisjoint(words) or not _CHROME_CLASSES.isdisjoint(names.split())):
        return next(element.iter("h1"), None) is None  # a block that holds the page's heading is the page
    return _headed_as_other_events(element)


def _holds_tickets(element: Any) -> bool:
    """Return whether a block holds a box of tickets ("ticket-box", "tickets-panel")."""
    return any(not _TICKET_WORDS.isdisjoint(_CLASS_WORD_BREAK.split((inner.get("class") or "").lower()))
               for inner in element.iter() if isinstance(inner.tag, str))


_TICKET_WORDS = frozenset({"ticket", "tickets"})


def _headed_as_other_events(element: Any) -> bool:
    """Return whether a block opens on a heading that says it lists other events ("More events
    from this organizer", "You may also like", "Related talks")."""
    first = element[0] if len(element) else None
    if first is None or not isinstance(first.tag, str) or first.tag.lower() not in _SECTION_HEADINGS:
        return False
    return _OTHER_EVENTS_HEADING.match(" ".join(first.text_content().split())) is not None


_SECTION_HEADINGS = frozenset({"h2", "h3", "h4"})
_OTHER_EVENTS_HEADING = deferred(r"(?i)(?:more|other|similar|related|upcoming|recent|past|previous)\s"
                                 r"(?:\w+\s){0,2}(?:events?|talks|lectures|seminars|programs?|programmes?)\b"
                                 r"|you\smay\salso\slike|see\salso\b")


# Words beside "sidebar" that make it the event's own box of details ("event-sidebar",
# "event-details sidebar"), not a column of other content.
_EVENT_BOX_WORDS = frozenset({"event", "details", "facts"})


# The page and its main content, whatever their classes say: a CMS marks the <body> of a page
# with a sidebar "one-sidebar sidebar-second".
_NEVER_CHROME = frozenset({"html", "body", "main", "article"})


def page_heading(markup: str) -> tuple[str | None, list[str]]:
    """Return a page's main heading (its first <h1>) and the parts of its <title>.

    >>> page_heading("<title>On rings | Algebra Seminar | Dept</title><h1>On <i>rings</i></h1>")
    ('On rings', ['On rings', 'Algebra Seminar', 'Dept'])
    """
    heading = _inner_text(_H1.search(markup))
    title = _inner_text(_TITLE.search(markup[:20000]))
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p] if title else []
    return heading, parts


def page_subheading(markup: str) -> str | None:
    """Return the page's first <h2> after its <h1> (if it has one): an event card's title
    under a section heading. A cookie banner's <h2> above the <h1> is none.

    >>> page_subheading("<div class='cookie'><h2>We use cookies</h2></div><h1>Events</h1><h2>Tides</h2>")
    'Tides'
    """
    heading = _H1.search(markup)
    return _inner_text(_H2.search(markup, heading.end() if heading else 0))


def _inner_text(match: regex.Match[str] | None) -> str | None:
    if match is None:
        return None
    text = " ".join(unescape_entities(_ANY_TAG.sub(" ", match.group("inner"))).split())
    return text.replace(" ,", ",") or None


def unescape_entities(text: str) -> str:
    """Return ``text`` with HTML entities (``&amp;``, ``&#39;``) replaced, when it has any."""
    if "&" in text and _ENTITY.search(text):
        return html_lib.unescape(text)
    return text
