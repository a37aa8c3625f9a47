"""Abbreviations from the glossary as <abbr title> wherever they appear in a page's content.

One compiled pattern, applied once to the text between tags of each page's HTML (after
Markdown and our fragments): Python-Markdown's abbr extension re-parsed all definitions on
every page, which cost a millisecond a page. Text inside <a title>, <abbr>, <code>, <pre>,
<script>, <style> and attribute values is never touched.
"""

from __future__ import annotations

import re
from functools import cached_property

from . import model as m
from .text import html_text

_TAG = re.compile(r"(<[^>]*>)")
_SKIP = frozenset({"abbr", "code", "pre", "script", "style", "kbd", "textarea", "title", "svg"})
_NAME = re.compile(r"</?([a-zA-Z0-9]+)")


class Abbreviations:
    def __init__(self, terms: dict[str, m.Term]):
        self.terms = {t.term: t for t in terms.values()}

    @cached_property
    def _titles(self) -> dict[str, str]:
        return {html_text(t.term): html_text(t.expansion) for t in self.terms.values()}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """Candidates: the multi-word terms, then any word starting with a capital letter.

        A 200-way alternation tried at every character cost 3x more than finding capitalised
        words and looking each up in a dict.
        """
        if not self.terms:
            return None
        odd = sorted((w for w in self._titles if not re.fullmatch(r"[A-ZÆØÅ]\w*", w)), key=len, reverse=True)
        return re.compile("|".join([*(re.escape(w) for w in odd), r"[A-ZÆØÅ]\w*"]))

    def _wrap(self, text: str) -> str:
        titles = self._titles

        def one(mt: re.Match[str]) -> str:
            word, start, end = mt.group(0), mt.start(), mt.end()
            if word not in titles or (start and (text[start - 1].isalnum() or text[start - 1] in "-_")) \
                    or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
                return word
            return f'<abbr title="{titles[word]}">{word}</abbr>'

        pattern = self._pattern
        return pattern.sub(one, text) if pattern is not None else text

    def html(self, text: str) -> str:
        """Escape plain ``text`` and wrap each known abbreviation."""
        escaped = html_text(text)
        return self._wrap(escaped) if self._pattern else escaped

    def apply(self, html: str) -> str:
        """Wrap abbreviations in the text of an HTML fragment, outside skipped elements."""
        if self._pattern is None:
            return html
        parts = _TAG.split(html)
        skipping: list[str] = []
        for i, part in enumerate(parts):
            if i % 2:  # a tag
                name = _NAME.match(part)
                if not name or part.endswith("/>"):
                    continue
                tag = name.group(1).lower()
                if tag in _SKIP:
                    if part.startswith("</"):
                        if skipping and skipping[-1] == tag:
                            skipping.pop()
                    else:
                        skipping.append(tag)
            elif part and not skipping:
                parts[i] = self._wrap(part)
        return "".join(parts)
