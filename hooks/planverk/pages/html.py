"""A generated page's HTML as MkDocs would make it, made where the pages are made.

MkDocs converts every page in one loop in one process, with a new Python-Markdown instance per
page: 13 s of a 10,000-measure build, 12 of them for the measure pages, which are headings
and placeholders for our own HTML. :class:`Converter` runs the same Markdown (the site's
extensions and their settings) in the processes that make the pages (planverk/forks.py), one
instance per process, and puts the abbreviations and the HTML fragments in, as the hook's
on_page_content does for the other pages. The bridge (planverk/made.py) hands the result to
MkDocs as the page's content, so MkDocs' loop only reads it.

What MkDocs adds to Markdown on a page: it rewrites and checks relative links (``.md`` files,
anchors) and collects the ids links may point at. A page whose Markdown links to another file
(or shows an image), or to an anchor it lacks, is left to MkDocs (:meth:`Converter.html`
returns None). The ids are collected here from the whole content (MkDocs sees those Markdown
made, not those of our fragments). No MkDocs import: the bridge passes the site's
``markdown_extensions``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from html import unescape
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from ..abbr import Abbreviations
from .base import Page, expand

# an element's id, or an <a name>: what MkDocs collects as the anchors a link may point at
_ANCHOR = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]+)"|<a\s[^<>]*?\sname="([^"]+)"')


@dataclass(frozen=True, slots=True)
class Html:
    """A page's content as MkDocs' Page.render leaves it, and what MkDocs reads from the render."""

    content: str  # with abbreviations and fragments in place (what on_page_content makes of the rest)
    toc: list[dict[str, Any]]  # Python-Markdown's toc_tokens
    anchors: frozenset[str]  # every id (and <a name>) in the content: what links to this page may point at


class _Links(Treeprocessor):
    """What MkDocs' link processor would do on a converted page (it runs at the same priority, 0,
    after the toc): rewrite and check a link to another file (``relative``), and check a link to
    an anchor of the page itself (``anchors``: the heading permalinks, footnotes)."""

    relative = False
    anchors: set[str] = set()  # noqa: RUF012  # set anew by every run

    def run(self, root: etree.Element) -> None:
        self.relative, self.anchors = False, set()
        for element in root.iter():
            if element.tag not in ("a", "img"):
                continue
            url = element.get("href" if element.tag == "a" else "src")
            if url is None:
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # another site's: left as it is
            if parts.path:
                self.relative = True
            elif parts.fragment:
                self.anchors.add(parts.fragment)


class Converter:
    """Pages to HTML, with one Python-Markdown instance per process (made on first use)."""

    def __init__(self, extensions: Sequence[Any], configs: Mapping[str, Mapping[str, Any]], *,
                 abbr: Abbreviations | None = None, wanted: Callable[[str], bool] = lambda path: True) -> None:
        self._extensions = list(extensions)
        self._configs = {name: dict(values) for name, values in configs.items()}
        self._abbr = abbr
        self._wanted = wanted  # which pages (docs paths) get their HTML here
        self._md: markdown.Markdown | None = None
        self._links: _Links | None = None

    def _markdown(self) -> tuple[markdown.Markdown, _Links]:
        if self._md is None or self._links is None:
            self._md = markdown.Markdown(extensions=self._extensions, extension_configs=self._configs)
            self._links = _Links(self._md)
            self._md.treeprocessors.register(self._links, "planverk_links", 0)
        return self._md, self._links

    def html(self, page: Page) -> Html | None:
        """The page's HTML, or None where MkDocs must convert it: it links to another file, or to
        an anchor it does not have."""
        md, links = self._markdown()
        md.reset()
        body = md.convert(page.source)
        if links.relative:
            return None
        content = expand(self._abbr.apply(body) if self._abbr is not None else body, page.fragments)
        anchors = frozenset(unescape(a or b) for a, b in _ANCHOR.findall(content))
        if not links.anchors <= anchors:
            return None  # a link to an anchor the page lacks: MkDocs' warning says which
        return Html(content, list(getattr(md, "toc_tokens", [])), anchors)

    def __call__(self, page: Page) -> Page:
        """The page with its HTML where it is wanted and Markdown alone can make it."""
        if not self._wanted(page.path):
            return page
        made = self.html(page)
        return replace(page, html=made) if made is not None else page

