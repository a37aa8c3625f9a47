"""NavCache keys: two pages share a rendered nav only if every nav link is the same from both."""

from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace as NS

from mkdocs.utils import get_relative_url

from planverk.navcache import NavCache, link_folder


def _nav(urls: list[str]) -> tuple[NS, list[NS]]:
    section = NS(parent=None, children=[])
    items = [NS(url=u, parent=section) for u in urls]
    section.children = items
    return NS(items=[section], pages=items, homepage=items[0]), items


def test_pages_sharing_a_key_get_the_same_links_and_active_items():
    for urls in (["", "plan/", "plan/pakke-1/", "plan/pakke-2/", "org/a/"],  # directory URLs
                 ["index.html", "plan/index.html", "plan/pakke-1.html", "org/a.html"],  # file URLs
                 ["", "plan/", "plan/x/inner/"]):  # a nav link inside a page's own folder
        nav, items = _nav(urls)
        cache = NavCache(nav)
        outside = [NS(url=u, parent=p) for u in ("plan/x/", "plan/y/", "plan/x.html", "plan/y.html", "org/b/", "plan/")
                   for p in (items[1], items[2], None)]
        targets = [i.url for i in items]
        for a, b in combinations(outside, 2):
            if cache.key(a) == cache.key(b):
                assert a.parent is b.parent
                assert [get_relative_url(t, a.url) for t in targets] == [get_relative_url(t, b.url) for t in targets]
        assert all(cache.key(page) is None for page in items)  # pages in the nav render their own
        assert cache.key(None) is None


def test_measures_of_one_package_share_their_nav():
    nav, items = _nav(["", "plan/", "plan/pakke-1/"])
    cache = NavCache(nav)
    a, b = NS(url="plan/tiltak-1/", parent=items[2]), NS(url="plan/tiltak-2/", parent=items[2])
    assert cache.key(a) == cache.key(b) is not None
    calls = []
    assert cache.render(a, lambda: calls.append(1) or "<nav>") == cache.render(b, lambda: calls.append(1) or "<other>")
    assert calls == [1] and cache.hits == 1


def test_link_folder_drops_a_file_name_like_mkdocs():
    assert link_folder("a/b/") == ("a", "b")
    assert link_folder("a/b.html") == ("a",)
    assert link_folder("") == ()
