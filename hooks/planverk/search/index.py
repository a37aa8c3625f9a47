"""The search index: an inverted index over stemmed terms, split into small script files.

Why this shape (measured, see maintainers/performance.md): a reader's browser must answer
the first query at 10,000 measures within 0.3 s over http and 1 s from file://, with no
more than about 2 MB loaded. A whole-corpus index (Material's lunr index is built in the
browser from 45 MB of text) cannot. Here the browser loads a small manifest, then only the
shards that hold the query's terms, then the titles and snippets of the results it shows.
Every file is a script (``planverkSearch.<kind>(...)``) so that the worker can load it with
``importScripts``, which works from file:// where fetch and XHR do not.

Files, under ``search/planverk/``:
- ``manifest.js``: document count, per-document ranking class and title length (an entity's
  other names, such as an organisation's abbreviation and former names, count as title but
  not in its length), the shard
  keys, the stop words and the status labels (their stemmed words and their term);
- ``t/<key>.js``: the postings of every term whose stem starts with ``key``; a shard that
  grows past ``SHARD_BYTES`` is split on one more letter;
- ``m/<n>.js``: URL and title of ``META_CHUNK`` documents; ``x/<n>.js``: URL, title and the
  searchable text of ``TEXT_CHUNK`` documents (for snippets). The first results the reader
  sees need only their ``x`` files (one file less per result, measured: the result files,
  not ranking, are most of an answer's time); the ``m`` files serve the results below them.
  One document per ``x`` file: the first ten results are ten scattered documents, so larger
  chunks only carried the texts of others (8 a file: ~180-300 KB for ten snippets, now ~25 KB),
  and the worker loads the files of the answer it guesses while a word is typed as well.

A posting is a flat list per term: for each document containing it, the document number
(delta to the previous), a field mask (1 title, 2 keyword, 4 heading, 8 text) and the
count of positions that follow (delta-coded, at most ``MAX_POSITIONS``). Positions run over
title, keywords, headings and text in that order, with a gap between fields so that a
phrase never spans two of them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from .. import model as m
from .documents import SearchDoc
from .text import STOPWORDS, stem, terms, words

VERSION = 3
SHARD_BYTES = 48_000
META_CHUNK = 32
TEXT_CHUNK = 1
MAX_POSITIONS = 16
GAP = 8
TITLE, KEYWORD, HEADING, TEXT = 1, 2, 4, 8
STATUS_PREFIX = "="  # a status is indexed as one term "=<status id>" (no word can start so)


def file_key(key: str) -> str:
    """A shard key as a file name: ASCII letters and digits kept, any other character as -xxxx."""
    return "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else f"-{ord(c):04x}" for c in key)


def _js(call: str, payload: object) -> str:
    """A script that hands ``payload`` to the worker, as JSON in a string (JSON.parse reads
    large data faster than a script literal). <, > and & as escapes, so that no text from the
    data appears as markup in any file (the worker escapes what it shows)."""
    data = json.dumps(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), ensure_ascii=False)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f"planverkSearch.{call}(JSON.parse({data}));\n"


def _doc_terms(doc: SearchDoc) -> tuple[dict[str, list[Any]], int]:
    """term -> [field mask, positions] of one document, and its title's length in terms."""
    found: dict[str, list[Any]] = {}
    position = 0

    def add(text: str, field: int) -> None:
        nonlocal position
        text_terms = terms(text)
        for offset, term in enumerate(text_terms, position):
            hit = found.get(term)
            if hit is None:
                found[term] = [field, [offset]]
            else:
                hit[0] |= field
                if len(hit[1]) < MAX_POSITIONS:
                    hit[1].append(offset)
        position += len(text_terms) + GAP

    add(doc.title, TITLE)
    title_length = position - GAP
    for name in doc.names:
        add(name, TITLE)
    for keyword in doc.keywords:
        add(keyword, KEYWORD)
    for heading in doc.headings:
        add(heading, HEADING)
    add(doc.text, TEXT)
    if doc.status:
        found[STATUS_PREFIX + doc.status] = [KEYWORD, []]
    return found, title_length


def _postings(docs: list[SearchDoc]) -> tuple[dict[str, list[int]], list[int]]:
    """term -> flat posting list, and every document's title length in terms."""
    postings: dict[str, list[int]] = defaultdict(list)
    last: dict[str, int] = {}
    title_lengths = []
    for number, doc in enumerate(docs):
        found, title_length = _doc_terms(doc)
        title_lengths.append(title_length)
        for term, (mask, positions) in found.items():
            target = postings[term]
            target += [number - last.get(term, 0), mask, len(positions)]
            previous = 0
            for p in positions:
                target.append(p - previous)
                previous = p
            last[term] = number
    return postings, title_lengths


def _shards(postings: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """Group terms by the first letters of their stem, one letter more where a group is big."""
    sizes = {t: len(t) + 4 + 3 * len(p) for t, p in postings.items()}  # ~3 bytes a number in JSON
    shards: dict[str, dict[str, list[int]]] = {}

    def place(group: list[str], depth: int) -> None:
        by_key: dict[str, list[str]] = defaultdict(list)
        for term in group:
            by_key[term[:depth]].append(term)
        for key, members in by_key.items():
            if len(members) > 1 and sum(sizes[t] for t in members) > SHARD_BYTES and len(key) == depth:
                exact = [t for t in members if len(t) == depth]
                if exact:
                    shards[key] = {t: postings[t] for t in exact}
                place([t for t in members if len(t) > depth], depth + 1)
            else:
                shards[key] = {t: postings[t] for t in sorted(members)}

    place(sorted(postings), 2)
    return shards


def build(docs: list[SearchDoc], statuses: tuple[m.Status, ...]) -> dict[str, str]:
    """The index files: path under search/planverk/ -> script text. Deterministic."""
    postings, title_lengths = _postings(docs)
    shards = _shards(postings)
    files: dict[str, str] = {}
    for key in sorted(shards):
        files[f"t/{file_key(key)}.js"] = _js("shard", [key, shards[key]])
    for start in range(0, len(docs), META_CHUNK):
        chunk = [[d.url, d.title] for d in docs[start:start + META_CHUNK]]
        files[f"m/{start // META_CHUNK}.js"] = _js("meta", [start // META_CHUNK, chunk])
    for start in range(0, len(docs), TEXT_CHUNK):
        chunk = [[d.url, d.title, " · ".join((*d.names, *d.headings, *d.keywords)), d.text]
                 for d in docs[start:start + TEXT_CHUNK]]
        files[f"x/{start // TEXT_CHUNK}.js"] = _js("text", [start // TEXT_CHUNK, chunk])
    manifest = {
        "version": VERSION,
        "count": len(docs),
        "kinds": "".join(d.kind for d in docs),
        "titleLengths": title_lengths,
        "shards": sorted(shards),
        "metaChunk": META_CHUNK,
        "textChunk": TEXT_CHUNK,
        "stopwords": sorted(STOPWORDS),
        "statuses": [[[stem(w) for w in words(s.label)], STATUS_PREFIX + s.filter_key] for s in statuses],
    }
    files["manifest.js"] = _js("manifest", manifest)
    return files
