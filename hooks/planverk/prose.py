"""Markdown prose fields rendered to HTML once, in the core, and reused.

A measure's plan text and status narrative appear on its own page and on its plan's
printable page; at 10,000 measures converting the same prose twice through MkDocs cost
~9 s. Here each is converted once (raw HTML escaped first, see
text.md_prose) and cached. Links in prose must be absolute (load.py checks), since MkDocs
does not rewrite these.
"""

from __future__ import annotations

import re

import mistune

from . import model as m
from .abbr import Abbreviations
from .text import html_text, md_prose

_MARKER = re.compile(r"\[\^(\d+)\]")


class Prose:
    """Footnotes keep the source's own numbers (Python-Markdown's footnotes extension would
    renumber them 1, 2, … per text: tiltak 15's footnote 8 became "1")."""

    def __init__(self, abbreviations: Abbreviations | None = None) -> None:
        # mistune renders our prose subset (paragraphs, lists, emphasis, links, quotes) exactly as
        # Python-Markdown does (tests/unit/test_prose.py), 7x faster. Raw HTML in data is
        # escaped before (md_prose), so escape=False only lets our own footnote markup through.
        self._md = mistune.create_markdown(escape=False)
        self._abbr = abbreviations
        self._cache: dict[tuple[str, str | None, tuple[m.Reference, ...]], str] = {}

    def html(self, text: str | None, *, footnotes: str | None = None, references: tuple[m.Reference, ...] = ()) -> str:
        """``text`` as HTML; footnote markers ``[^3]`` become ``[^{footnotes}-3]`` with ``references`` as their notes."""
        if not text:
            return ""
        key = (text, footnotes, references)
        if key not in self._cache:
            prefix = f"{footnotes}-" if footnotes else ""
            source = _MARKER.sub(lambda mt: f'<sup id="fnref:{prefix}{mt.group(1)}"><a class="footnote-ref" '
                                            f'href="#fn:{prefix}{mt.group(1)}">{mt.group(1)}</a></sup>', md_prose(text))
            html = self._md(source)
            if references:
                notes = "".join(
                    f'<li id="fn:{prefix}{r.number}" value="{r.number}"><p>{html_text(r.text)}'
                    + (f' <a href="{html_text(r.url)}">{html_text(r.url)}</a>' if r.url else "")
                    + f' <a class="footnote-backref" href="#fnref:{prefix}{r.number}" title="Tilbake til teksten">↩</a></p></li>'
                    for r in references)
                html += f'\n<div class="footnote"><hr><ol>{notes}</ol></div>'
            self._cache[key] = self._abbr.apply(html) if self._abbr else html
        return self._cache[key]
