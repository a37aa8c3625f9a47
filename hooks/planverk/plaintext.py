"""Prose fields (Markdown) as plain text, for open data: what a reader of the JSON should see,
not the Markdown it was written in.

Footnote markers ``[^3]`` become ``[3]`` (the notes are in the data beside the text, with
their numbers), links keep their address in brackets, list items start with "- ", and
paragraphs are separated by a blank line. Raw HTML in data was escaped before Markdown ran
(text.md_prose), so it comes out as the characters that were typed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import mistune

from .text import md_prose

_MARKER = re.compile(r"\[\^(\d+)\]")
_BLOCKS = {"p", "li", "blockquote", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr"}
_markdown = mistune.create_markdown(escape=False)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.links: list[tuple[str, int]] = []  # (href, length of the line when the link opened)

    def _flush(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.blocks.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag == "li":
            self.line.append("- ")
        elif tag == "br":
            self.line.append(" ")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len("".join(self.line))))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.line)[start:].strip()
            if href and href != label:
                self.line.append(f" ({href})")
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self.line.append(data)


@lru_cache(maxsize=None)
def plain(text: str | None) -> str | None:
    """``text`` (Markdown) as plain text; None stays None."""
    if text is None:
        return None
    html = _markdown(_MARKER.sub(r"\\[\1\\]", md_prose(text)))
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    out = ""
    for i, block in enumerate(parser.blocks):
        same_list = i and block.startswith("- ") and parser.blocks[i - 1].startswith("- ")
        out += ("\n" if same_list else "\n\n" if i else "") + block
    return out
