"""Reading built HTML with the standard library: links, the article, resolving hrefs to files."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.links: list[tuple[str, bool]] = []  # (href, inside article)
        self.ids: set[str] = set()
        self.resources: list[tuple[str, str, str]] = []  # (tag, attr, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append((a["href"], self.depth > 0))
        for attr in ("src", "href", "srcset", "poster", "data"):
            if a.get(attr) and tag != "a":
                self.resources.append((tag, attr, a[attr] or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


def parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def article(html: str) -> str:
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    return match.group(1) if match else ""


def resolve(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    """The file an internal href points to (and its fragment); None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("mailto:"):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
