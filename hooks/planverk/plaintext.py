"""Prose fields (Markdown) as plain text, for open data: what a reader of the JSON should see,
not the Markdown it was written in.

Footnote markers ``[^3]`` become ``[3]`` (the notes are in the data beside the text, with
their numbers), links keep their address in brackets, list items start with "- ", and
paragraphs are separated by a blank line. Raw HTML in data comes out as the characters that
were typed: the output is text, never HTML. A mistune renderer writes the text directly
(parsing rendered HTML back cost 5 s at 10,000 measures).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

import mistune
from mistune.renderers.html import HTMLRenderer

_MARKER = re.compile(r"\[\^(\d+)\]")
_SPACES = re.compile(r"[ \t]+")
# Text with none of these is paragraphs of words: no need for Markdown (mistune took ~0.3 ms
# a text, 6 s for the 20,000 prose fields of 10,000 measures).
_SYNTAX_CHARS = re.compile(r"[*_`\[\]<>&\\#|!~=]")
_SYNTAX_LINE = re.compile(r" {0,3}(?:[-+>]|\d+[.)])(?:\s|$)| {4}|\t")


def _only_paragraphs(text: str) -> bool:
    """No Markdown but paragraphs (footnote markers removed): no syntax character, and no line
    that starts a list, quote or code block."""
    if _SYNTAX_CHARS.search(text):
        return False
    return not any(_SYNTAX_LINE.match(line) for line in text.split("\n"))


class _Text(HTMLRenderer):
    """Every Markdown construct as its plain text."""

    def text(self, text: str) -> str:
        return text

    def emphasis(self, text: str) -> str:
        return text

    strong = emphasis
    codespan = emphasis
    block_text = emphasis

    def inline_html(self, html: str) -> str:
        return html

    def link(self, text: str, url: str, title: str | None = None) -> str:
        return text if text == url else f"{text} ({url})"

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return text

    def linebreak(self) -> str:
        return "\n"

    def softbreak(self) -> str:
        return " "

    def paragraph(self, text: str) -> str:
        return text.strip() + "\n\n"

    def heading(self, text: str, level: int, **attrs: Any) -> str:
        return text.strip() + "\n\n"

    def blank_line(self) -> str:
        return ""

    def thematic_break(self) -> str:
        return ""

    def block_code(self, code: str, info: str | None = None) -> str:
        return code.strip() + "\n\n"

    def block_quote(self, text: str) -> str:
        return text

    def block_html(self, html: str) -> str:
        return html.strip() + "\n\n"

    def block_error(self, text: str) -> str:
        return text

    def list(self, text: str, ordered: bool, **attrs: Any) -> str:
        return text.rstrip("\n") + "\n\n"

    def list_item(self, text: str) -> str:
        return "- " + " ".join(text.split()) + "\n"


_markdown = mistune.create_markdown(escape=False, renderer=_Text())


@cache
def plain(text: str | None) -> str | None:
    """``text`` (Markdown) as plain text; None stays None."""
    if text is None:
        return None
    if _only_paragraphs(_MARKER.sub("", text)):
        return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", _MARKER.sub(r"[\1]", text)) if p.strip())
    out = cast(str, _markdown(_MARKER.sub(r"\\[\1\\]", text.replace("\r\n", "\n"))))
    return "\n\n".join(_SPACES.sub(" ", block).strip() for block in out.split("\n\n") if block.strip())
