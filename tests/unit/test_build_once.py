"""A build derives its index and abbreviations once and hands them to pages, exports and search."""

from __future__ import annotations

from planverk import exports
from planverk.abbr import Abbreviations
from planverk.index import Index
from planverk.pages import build_pages
from planverk.search import index_files


def test_pages_exports_and_search_make_no_index_or_abbreviations_of_their_own(public_corpus, monkeypatch):
    index, abbr = Index(public_corpus), Abbreviations(public_corpus.terms)
    made: list[str] = []
    for cls in (Index, Abbreviations):
        original = cls.__init__

        def counting(self, *args, _original=original, _name=cls.__name__, **kwargs):
            made.append(_name)
            _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", counting)
    pages = build_pages(public_corpus, index=index, abbr=abbr)
    files = dict(exports.all_files(public_corpus, index, site_url="https://example.no/"))
    search = index_files(public_corpus, pages, [], directory_urls=True, index=index)
    assert pages and files and search
    assert made == [], f"built again: {made}"
