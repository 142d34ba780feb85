"""The limits that keep hostile input from costing more than its size: HTML nesting depth.

lxml, under inscriptis, stops building the tree 255 elements deep and drops all text below
(libxml2's own guard), so a page nested deeper would lose its words without a word said. Such
markup is read flat instead: block tags become line breaks, the other tags are taken out.
Every scan here is one pass with bounded patterns.
"""
from __future__ import annotations

import html as html_lib

import regex

from ..deferred import deferred

# Well below libxml2's 255; real pages nest a few dozen elements deep.
MAX_HTML_DEPTH = 100
_TAG = deferred(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]{0,15})\b[^<>]{0,2000}>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_FLAT_BLOCK = deferred(r"</?(?:p|br|div|li|ul|ol|h[1-6]|table|tr|td|th|section|article|"
                       r"blockquote|pre|dt|dd|header|footer)\b[^<>]{0,2000}>",
                       regex.IGNORECASE)
_ANY_TAG = deferred(r"</?[A-Za-z!][^<>]{0,2000}>")
_BLANK_LINES = deferred(r"\n[ \t]{0,1000}(?:\n[ \t]{0,1000}){1,}")


def html_depth(markup: str) -> int:
    """Return how deep the elements of ``markup`` nest (unclosed ones count as open).

    >>> html_depth("<div><p>a<br>b</p><p>c</p></div>"), html_depth("<b>" * 300)
    (2, 300)
    """
    depth = deepest = 0
    for tag in _TAG.finditer(markup):
        if tag.group("close"):
            depth = max(0, depth - 1)
        elif tag.group("name").lower() not in _VOID and not tag.group().endswith("/>"):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flat_html_text(markup: str) -> str:
    """Return the text of markup read without a tree: block tags as line breaks, no tags.

    >>> flat_html_text("<div><b>Title:</b> On rings<div>Speaker: A. Noether &amp; co")
    'Title: On rings\\nSpeaker: A. Noether & co'
    """
    text = _ANY_TAG.sub("", _FLAT_BLOCK.sub("\n", markup))
    lines = [" ".join(line.split()) for line in html_lib.unescape(text).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")
