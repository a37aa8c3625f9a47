"""Material's primary navigation rendered once per place in the nav, not once per page.

Material renders the whole sidebar nav (partials/nav.html) into every page. For a page that is
not itself in the nav (the measures: 10,000 of 10,900 pages at 10,000 measures) that HTML
depends on two things only:

- which nav items are active: the page's ancestors (MkDocs marks a page and its parents active;
  the hook makes a measure's package page its parent), and
- the folder its links are relative to (MkDocs' ``url`` filter: ``get_relative_url(target,
  page.url)``, which drops a last URL component with a dot in it, e.g. ``tiltak-7.html``).

So every measure of one package gets the same nav. Pages in the nav (their item shows the page
as current and its table of contents) are rendered as before. Rendering the nav was 35 % of a
10,000-measure build (profiled: 145 s of 395 s); see maintainers/performance.md.

Two pages whose link folders are siblings (``plan-1/tiltak-7/`` and ``plan-1/tiltak-8/`` with
directory URLs) get identical relative links to every target that is not inside either folder:
``get_relative_url`` goes up to the common parent and down again. The key uses the parent
folder only when no nav link points into the page's own folder, else the folder itself.

Duck-typed over MkDocs' Page, Section and Navigation (``url``, ``parent``, ``children``,
``items``, ``pages``): the planverk core does not import MkDocs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable, Iterable
from typing import Any


def _parts(url: str) -> tuple[str, ...]:
    """A URL's path components as MkDocs compares them (``mkdocs.utils._norm_parts``)."""
    path = posixpath.normpath("/" + url)[1:]
    return tuple(path.split("/")) if path else ()


def link_folder(url: str) -> tuple[str, ...]:
    """The folder a page's relative links start from: its URL without a last component that
    names a file (has a dot), as ``mkdocs.utils.get_relative_url`` does."""
    folder, _, last = url.rpartition("/")
    return _parts(folder if "." in last else url)


class NavCache:
    """The rendered nav per (active nav items, link folder); built from one build's nav."""

    def __init__(self, nav: Any, *, enabled: bool = True) -> None:
        self.enabled = enabled  # False: every page renders its own nav, as Material does (tests compare)
        self._in_nav = {id(p) for p in nav.pages}
        self._targets: set[tuple[str, ...]] = {()}  # every folder a nav link points into, and the root
        homepage = getattr(nav, "homepage", None)
        for url in [*(_urls(nav.items)), *([homepage.url] if homepage is not None else [])]:
            parts = _parts(url)
            self._targets.update(parts[:i] for i in range(len(parts) + 1))
        self._html: dict[Hashable, Any] = {}
        self.hits = 0

    def key(self, page: Any) -> Hashable | None:
        """None for a page whose nav must be rendered for it alone (it is in the nav), and for
        templates rendered without a page (404.html)."""
        if page is None or id(page) in self._in_nav:
            return None
        chain = []
        item = page.parent
        while item is not None:
            chain.append(id(item))
            item = item.parent
        folder = link_folder(page.url)
        if folder in self._targets:  # a nav link points into this folder: links differ from a sibling's
            return ("folder", folder, tuple(chain))
        return ("sibling-of", folder[:-1], tuple(chain))

    def render(self, page: Any, caller: Callable[[], Any]) -> Any:
        """``{% call planverk_nav(page) %}…{% endcall %}``: the body rendered once per key."""
        key = self.key(page) if self.enabled else None
        if key is None:
            return caller()
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = caller()
        else:
            self.hits += 1
        return html


def _urls(items: Iterable[Any]) -> Iterable[str]:
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url
        yield from _urls(getattr(item, "children", None) or ())
