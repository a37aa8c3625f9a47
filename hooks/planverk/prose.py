"""Every Markdown prose field rendered to HTML here, once, in the core, and sanitised.

One renderer for all prose (mistune, configured without raw HTML, attribute lists or any
plugin), then the allow-list sanitiser (sanitize.py): no prose goes through MkDocs'
Python-Markdown, whose attribute lists and reference definitions let data set event
handlers and ``javascript:`` links. Each text is converted once and cached: at 10,000
measures converting the same prose twice through MkDocs cost ~9 s. Links in prose must be
absolute (load/convert.py checks with :func:`link_targets`, which reads the same grammar), since
MkDocs does not rewrite links in these fragments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, cast

import mistune

from . import model as m
from .abbr import Abbreviations
from .sanitize import clean
from .templating import macros

_MARKER = re.compile(r"\[\^(\d{1,6})\]")

# Raw HTML in data shows as text (escape=True); no plugins: no tables, footnote syntax or
# attribute lists, nothing that could put attributes on an element.
_HTML = mistune.create_markdown(escape=True)
_AST = mistune.create_markdown(escape=True, renderer=None)


def _markdown_html(text: str) -> str:
    """``text`` (Markdown) as HTML, not yet sanitised; mistune's HTML renderer returns a str."""
    return cast(str, _HTML(text.replace("\r\n", "\n").strip("\n")))


def link_targets(text: str) -> Iterator[str]:
    """Every link and image target in ``text`` as the renderer reads it (reference
    definitions, autolinks and nested blocks included)."""
    if "](" not in text and "]:" not in text and "<" not in text:
        return  # no inline link, reference definition or autolink can exist: skip the parse (2/3 of the time)
    tokens: Any = _AST(text)
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if not isinstance(token, dict):
            continue
        if token.get("type") in ("link", "image"):
            url = (token.get("attrs") or {}).get("url")
            if url is not None:
                yield url
        stack.extend(token.get("children") or ())


class Prose:
    """Footnotes keep the source's own numbers (Python-Markdown's footnotes extension would
    renumber them 1, 2, … per text: tiltak 15's footnote 8 became "1")."""

    def __init__(self, abbreviations: Abbreviations | None = None) -> None:
        self._abbr = abbreviations
        self._cache: dict[tuple[str, str | None, tuple[m.Reference, ...]], str] = {}

    def html(self, text: str | None, *, footnotes: str | None = None, references: tuple[m.Reference, ...] = ()) -> str:
        """``text`` as sanitised HTML; footnote markers ``[^3]`` become links to ``references``."""
        if not text:
            return ""
        key = (text, footnotes, references)
        if key not in self._cache:
            prefix = f"{footnotes}-" if footnotes else ""
            blocks = macros("prose.html")
            html = _markdown_html(text)
            html = _MARKER.sub(lambda mt: str(blocks.footnote_ref(prefix, mt.group(1))), html)
            if references:
                html += "\n" + str(blocks.footnotes(prefix, references))
            if self._abbr:
                html = self._abbr.apply(html)
            self._cache[key] = clean(html)
        return self._cache[key]
