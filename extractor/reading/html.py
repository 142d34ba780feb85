"""HTML to text that keeps the line structure (inscriptis), and entity unescaping."""
from __future__ import annotations

import html as html_lib

import regex
from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig

from .limits import MAX_HTML_DEPTH, flat_html_text, html_depth

_TAG = regex.compile(r"</?(?:p|br|div|b|strong|i|em|a|span|li|ul|ol|h[1-6]|table|tr|td|html|body)\b",
                     regex.IGNORECASE)
_BLOCK = regex.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|table|tr)\b", regex.IGNORECASE)
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", regex.IGNORECASE)
_CONFIG = ParserConfig(css=CSS_PROFILES["strict"], display_links=False)


def looks_like_html(text: str) -> bool:
    """Return whether ``text`` holds HTML tags.

    >>> looks_like_html("<b>Title:</b> TBA"), looks_like_html("a < b")
    (True, False)
    """
    return "<" in text and _TAG.search(text) is not None


def html_to_text(markup: str) -> str:
    """Return the text of ``markup`` with one line per block; bare newlines count as line breaks.

    >>> html_to_text("<b>Title:</b> On rings\\n<b>Speaker:</b> A. Noether")
    'Title: On rings\\nSpeaker: A. Noether'
    """
    if html_depth(markup) > MAX_HTML_DEPTH:
        return flat_html_text(markup)  # lxml would drop the text nested deepest
    if "\n" in markup and not _BLOCK.search(markup):
        markup = markup.replace("\n", "<br>\n")
    text = get_text(markup, _CONFIG)
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n")


def unescape_entities(text: str) -> str:
    """Return ``text`` with HTML entities (``&amp;``, ``&#39;``) replaced, when it has any."""
    if "&" in text and _ENTITY.search(text):
        return html_lib.unescape(text)
    return text
