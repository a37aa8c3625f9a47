"""Site search built from the model: documents, a sharded inverted index, Norwegian stemming.

The browser side is docs/javascripts/search/ (a web worker that speaks Material's search
protocol); see index.py for the file layout and maintainers/performance.md for why.
"""

from __future__ import annotations

from .. import model as m
from ..index import Index
from ..pages.base import Page
from .documents import SearchDoc, documents
from .index import build

ROOT = "search/planverk"

__all__ = ["ROOT", "SearchDoc", "documents", "index_files"]


def index_files(corpus: m.Corpus, pages: list[Page], handwritten: list[tuple[str, str]], *,
                directory_urls: bool, index: Index | None = None) -> dict[str, str]:
    """Site path -> content of every search index file for this corpus and its pages."""
    docs = documents(corpus, pages, handwritten, directory_urls=directory_urls, index=index)
    return {f"{ROOT}/{path}": text for path, text in build(docs, corpus.vocabulary.statuses).items()}
