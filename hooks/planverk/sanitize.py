"""The allow-list sanitiser every HTML fragment made from data passes (nh3, i.e. ammonia).

Data is untrusted: prose is rendered by one Markdown renderer (prose.py) without raw HTML
or attribute lists, and what comes out is cleaned here, not by regular expressions. Only the
tags and attributes our prose and footnotes need survive; links and images may point at
http(s), mailto, #anchors and the site's own relative URLs. No event handlers, no style,
no scripts (their content is dropped, not shown).
"""

from __future__ import annotations

import nh3

TAGS = frozenset({
    "p", "br", "hr", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
    "sup", "sub", "abbr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6",
})
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "li": {"id", "value"},
    "sup": {"id"},
}
# class only with the values our own markup uses
CLASSES = {
    "div": {"pv-prose", "footnote"},
    "a": {"footnote-ref", "footnote-backref"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=None,  # our output is unchanged; the links are to sources the editors chose
    strip_comments=True,
)


def clean(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    return _CLEANER.clean(html) if html else ""
