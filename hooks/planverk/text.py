"""Escaping: every string from data is made inert before it lands in Markdown, HTML or YAML.

Plain-text fields go through :func:`md_text` (HTML special characters become entities and
Markdown punctuation is backslash-escaped, so ``<script>`` and ``*x*`` show as typed).
Markdown fields go through :func:`md_prose` (raw HTML is escaped; validation has already
refused unsafe link targets). :func:`html_text` is for our own HTML blocks.
"""

from __future__ import annotations

import html
import json
import re

# Python-Markdown's escapable characters (core + tables); others would show their backslash.
_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_LINE_START_GT = re.compile(r"(?m)^(\s*)>")
_FOOTNOTE = re.compile(r"\[\^(\d+)\]")


def md_text(value: object) -> str:
    """Plain text for inline Markdown: no markup of any kind survives."""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return _MD_ESCAPE.sub(r"\\\1", text)


def html_text(value: object) -> str:
    """Plain text for our own HTML (attributes included)."""
    return html.escape(" ".join(str(value).split()), quote=True)


def md_prose(value: str, *, footnote_prefix: str | None = None) -> str:
    """Markdown from a data field that the schema marks as Markdown, made safe.

    Raw HTML is escaped (``<`` and ``&`` become entities) so it shows as text; Markdown
    structure (paragraphs, lists, emphasis, links, footnote markers) is kept. With
    ``footnote_prefix``, footnote markers ``[^3]`` become ``[^prefix-3]`` so that two
    texts on one page cannot clash.
    """
    text = value.replace("\r\n", "\n").strip("\n")
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    if footnote_prefix:
        text = _FOOTNOTE.sub(lambda m: f"[^{footnote_prefix}-{m.group(1)}]", text)
    return text



def indent(text: str, prefix: str = "    ") -> str:
    """Indent every non-empty line (for Markdown inside admonitions and list items)."""
    return "\n".join(prefix + line if line.strip() else "" for line in text.split("\n"))


def meta_text(value: str) -> str:
    """A front matter string as page.meta holds it: one line, HTML-escaped.

    Material's base.html puts page.meta.title and description into <head> unescaped, so
    front matter carries entities, never raw markup.
    """
    return html.escape(" ".join(value.split()), quote=True)


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar holding ``value`` as :func:`meta_text` makes it."""
    return json.dumps(meta_text(value), ensure_ascii=False)


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def year_month(date: str | None) -> str:
    """'2011-08' -> 'august 2011', '2023-10-15' -> '15. oktober 2023'."""
    if not date:
        return ""
    months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
              "september", "oktober", "november", "desember"]
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])}. {month} {parts[0]}"
