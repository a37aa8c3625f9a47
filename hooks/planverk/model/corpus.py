"""News, relations, errata, the vocabulary and the corpus that holds everything."""

from __future__ import annotations

from dataclasses import dataclass, field

from .common import Base, Document, Entity, Organisation, RelationKind, Role, Scale, Source, Status, Term, Theme
from .plans import Plan
from .strategies import Strategy


@dataclass(frozen=True, slots=True)
class NewsItem(Base):
    REF = "news:{0.id}"
    id: str
    title: str
    title_is_editorial: bool
    date: str | None
    publisher: Organisation
    body: str
    themes: tuple[Theme, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Relation:
    from_ref: str
    to_ref: str
    kind: RelationKind
    quote: str
    note: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Erratum:
    document: Document
    page: int | None
    line: int | None
    original: str
    corrected: str
    kind: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Vocabulary:
    scales: tuple[Scale, ...]  # the first is the default when a plan names none and there is only one
    roles: tuple[Role, ...]
    relation_kinds: tuple[RelationKind, ...]

    @property
    def statuses(self) -> tuple[Status, ...]:
        """Every status of every scale, scale by scale."""
        return tuple(s for scale in self.scales for s in scale.statuses)

    def scale(self, id: str) -> Scale | None:
        for scale in self.scales:
            if scale.id == id:
                return scale
        return None


@dataclass(frozen=True)
class Corpus:
    """Everything in data/, validated and resolved. ``audience`` is 'public' or 'internal'."""

    audience: str
    vocabulary: Vocabulary
    documents: dict[str, Document]
    organisations: dict[str, Organisation]
    terms: dict[str, Term]
    themes: dict[str, Theme]
    strategies: dict[str, Strategy]
    plans: dict[str, Plan]
    news: dict[str, NewsItem]
    relations: tuple[Relation, ...]
    errata: tuple[Erratum, ...]
    entities: dict[str, Entity] = field(repr=False)  # ref -> entity, every entity with a ref
    files: dict[str, str] = field(repr=False, default_factory=dict)  # ref -> data file it comes from (repo-relative)

    @property
    def internal(self) -> bool:
        return self.audience == "internal"

    def get(self, ref: str) -> Entity:
        return self.entities[ref]
