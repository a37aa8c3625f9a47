"""Build the model from files that passed the schema: one module per kind of file.

The tables that others cite (vocabulary, documents, organisations, themes) are built first
and handed to the builders that resolve against them as :class:`~.known.Known`; every
entity is registered with where it was defined. Cross-entity rules run on the result.
"""

from __future__ import annotations

from pathlib import Path

from ... import model as m
from .. import rules
from ..cursor import Cursor, Report
from ..files import Files, one
from ..registry import Registry
from .documents import documents
from .errata import errata
from .glossary import terms, themes
from .known import Known
from .news import news
from .organisations import organisations
from .plans import plan
from .reports import check_statuses
from .relations import relations
from .strategies import strategy
from .vocabulary import vocabulary


def build(files: Files, report: Report, root: Path, audience: str) -> tuple[m.Corpus, Registry]:
    """The corpus of ``files`` (read from the data folder ``root``), and its registry; every
    problem found goes to ``report``."""
    registry = Registry()

    def cursor(key: str) -> Cursor | None:
        file = one(files, key)
        return Cursor(report, file) if file else None

    def cursors(key: str) -> list[Cursor]:
        return [Cursor(report, f) for f in files.get(key, [])]

    docs = documents(cursor("documents.yml"), root / "sources", registry)
    orgs = organisations(cursor("organisations.yml"), docs, registry)
    known = Known(registry=registry, vocabulary=vocabulary(cursor("vocabulary.yml"), registry), documents=docs, organisations=orgs,
                  themes=themes(cursor("themes.yml"), registry))
    glossary = terms(cursor("glossary.yml"), orgs, docs, registry)
    built_strategies = {s.id: s for cur in cursors("strategies") if (s := strategy(cur, known))}
    reports = cursors("reports")
    built_plans = {p.id: p for cur in cursors("plans") if (p := plan(cur, known, reports))}
    planned = {cur.file.data["id"] for cur in cursors("plans")}
    for cur in reports:  # a report whose plan file is not read (it has errors): its statuses, in this run too
        if cur.file.data["plan"] not in planned:
            check_statuses(cur, known)
    built_news = {n.id: n for cur in cursors("news") if (n := news(cur, known))}
    corpus = m.Corpus(
        audience=audience,
        vocabulary=known.vocabulary,
        documents=docs,
        organisations=orgs,
        terms=glossary,
        themes=known.themes,
        strategies=dict(sorted(built_strategies.items())),
        plans=dict(sorted(built_plans.items())),
        news=dict(sorted(built_news.items())),
        relations=tuple(relations(cursors("relations"), known)),
        errata=tuple(errata(cursors("errata"), known)),
        entities=registry.entities,
        files={ref: cur.file.name for ref, cur in registry.where.items()},
    )
    rules.check(rules.Built(corpus, files, registry, report))
    return corpus, registry
