"""Abbreviations from the glossary as <abbr title> in our own HTML, and as Markdown definitions.

Markdown pages get Python-Markdown's ``abbr`` definitions appended (see :func:`definitions`);
the raw HTML tables we generate for speed are wrapped here with the same terms.
"""

from __future__ import annotations

import re
from functools import cached_property

from . import model as m
from .text import html_text


class Abbreviations:
    def __init__(self, terms: dict[str, m.Term]):
        self.terms = {t.term: t for t in terms.values()}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.terms:
            return None
        words = sorted(self.terms, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])")

    def html(self, text: str) -> str:
        """Escape ``text`` and wrap each known abbreviation in <abbr title>."""
        escaped = html_text(text)
        if self._pattern is None:
            return escaped
        return self._pattern.sub(lambda mt: f'<abbr title="{html_text(self.terms[mt.group(1)].expansion)}">{mt.group(1)}</abbr>', escaped)

    @cached_property
    def definitions(self) -> str:
        """Python-Markdown abbr definitions, appended to every Markdown page."""
        lines = [f"*[{t.term}]: {_definition_text(t.expansion)}" for t in sorted(self.terms.values(), key=lambda t: t.term)]
        return "\n".join(lines)


def _definition_text(text: str) -> str:
    # The abbr extension puts this text into a title attribute itself (escaping it); keep it one line.
    return " ".join(text.split())
