"""Documents, sources, organisations, terms, themes and the vocabulary's values: what every
other entity cites."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Protocol


class Entity(Protocol):
    """What every entity with a page or a place in relations answers: pages, links, search
    and exports ask it, not a ladder of types."""

    @property
    def ref(self) -> str: ...  # typed reference, kind:path

    @property
    def kind(self) -> str: ...  # the kind of ref: "measure", "org", "goal" …

    @property
    def title(self) -> str: ...  # its own name or title, as the source gives it

    @property
    def source(self) -> Source | None: ...  # where it comes from (a theme has none)


def kind_of(ref: str) -> str:
    """The kind of a typed reference: 'measure:gode-krefter/tiltak-21' -> 'measure'."""
    return ref.partition(":")[0]


def language_of(entity: Entity) -> str:
    """The language of an entity's text: its source document's; an entity without a source
    (a theme) is written in the site's own language, bokmål."""
    source = entity.source
    return source.document.language if source is not None else "nb"


@dataclass(frozen=True, slots=True)
class Base:
    """The shared part of every entity class: its ref, made once from its REF pattern (a
    format of the entity: "measure:{0.plan_id}/{0.id}"), and its kind, the pattern's prefix."""

    REF: ClassVar[str]
    ref: str = field(init=False, repr=False, compare=False)  # links ask for it often: kept, not formatted each time

    def __post_init__(self) -> None:
        object.__setattr__(self, "ref", self.REF.format(self))

    @property
    def kind(self) -> str:
        return kind_of(self.REF)


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    kind: str
    publisher_id: str
    date: str | None
    file: str
    has_pages: bool
    extraction_note: str | None
    language: str = "nb"  # nb, nn or en: the language of the text and of the pages made from it

    @property
    def ref(self) -> str:
        return f"document:{self.id}"


@dataclass(frozen=True, slots=True)
class Source:
    document: Document
    page: int | None


@dataclass(frozen=True, slots=True)
class FormerName:
    name: str
    source: Source


@dataclass(frozen=True, slots=True)
class Organisation(Base):
    REF = "org:{0.id}"
    id: str
    abbreviation: str | None
    name: str
    category: str  # departement, direktorat … (the data's `kind`)
    parent_id: str | None
    former_names: tuple[FormerName, ...]
    other_names: tuple[str, ...]
    expansion_is_editorial: bool
    internal: bool
    source: Source

    @property
    def title(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """Short label: the abbreviation where there is one."""
        return self.abbreviation or self.name


@dataclass(frozen=True, slots=True)
class Term(Base):
    REF = "term:{0.id}"
    id: str
    term: str
    expansion: str
    description: str | None
    expansion_is_editorial: bool
    source: Source
    organisation_id: str | None = None  # set when the term is an organisation's abbreviation

    @property
    def title(self) -> str:
        return self.term


@dataclass(frozen=True, slots=True)
class Theme(Base):
    REF = "theme:{0.id}"
    id: str
    title: str
    description: str

    @property
    def source(self) -> Source | None:
        return None  # themes are ours, across documents


@dataclass(frozen=True, slots=True)
class Status:
    """A value of a status scale (vocabulary.yml ``scales``). Its ``progress`` class (one of
    planverk.progress.CLASSES) drives the cross-plan table, the counts, the colours and
    shapes and the overdue rule; its id is unique only within its scale."""

    id: str
    label: str
    description: str
    done: bool  # its progress class is done (gjennomfort)
    rank: int  # its position in its scale, from not started to finished
    progress: str = "ukjent"  # progress class (vocabulary.yml), see planverk.progress
    scale: str = ""  # the id of its scale
    key: str = ""  # the status filter's value: the id on the first scale, "<scale>.<id>" on the others
    variant: int = 0  # how many statuses before it in its scale have the same progress class

    @property
    def look(self) -> str:
        """The CSS name of its colour and shape: its progress class's; a second status of the
        same class in a scale is drawn with the class's other shape (``…-alt``)."""
        return f"{self.progress}-alt" if self.variant % 2 else self.progress

    @property
    def filter_key(self) -> str:
        return self.key or self.id


@dataclass(frozen=True, slots=True)
class Scale:
    """A status scale as a plan or report declares it (vocabulary.yml ``scales``)."""

    id: str
    label: str
    statuses: tuple[Status, ...]

    def by_label(self, label: str) -> Status | None:
        for status in self.statuses:
            if status.label == label:
                return status
        return None


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    label: str  # bokmål
    description: str
    leads: bool = False  # the role that leads (vocabulary.yml: leads: true); the others take part
    labels: tuple[tuple[str, str], ...] = ()  # (language, label) for nynorsk and English pages

    def label_in(self, language: str) -> str:
        """The role's name on a page in ``language`` (bokmål's when the vocabulary gives none)."""
        return dict(self.labels).get(language, self.label)


@dataclass(frozen=True, slots=True)
class RelationKind:
    id: str
    label: str
    inverse_label: str


@dataclass(frozen=True, slots=True)
class Period:
    start: int | None  # None: the source gives no first year («Påbegynt – 2027»)
    end: int | None  # None: open («2009-»)
    text: str  # as the source writes it

    def ended_before(self, year: int) -> bool:
        """True when the period's last year is before ``year`` (open periods never end)."""
        return self.end is not None and self.end < year


@dataclass(frozen=True, slots=True)
class Party:
    role: Role
    organisation: Organisation | None
    text: str | None  # a party the source names only generically

    @property
    def label(self) -> str:
        return self.organisation.label if self.organisation else (self.text or "")


@dataclass(frozen=True, slots=True)
class Responsibility:
    summary: str | None
    text: str | None
    parties: tuple[Party, ...]
    stated: bool = True  # False: the source does not say who is responsible (parties is empty)

    @property
    def organisations(self) -> tuple[Organisation, ...]:
        return tuple(p.organisation for p in self.parties if p.organisation)

    @property
    def leading(self) -> tuple[Party, ...]:
        """The parties whose role leads (the responsible bodies)."""
        return tuple(p for p in self.parties if p.role.leads)

    @property
    def partners(self) -> tuple[Party, ...]:
        """The parties in every other role."""
        return tuple(p for p in self.parties if not p.role.leads)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    organisation: Organisation | None


@dataclass(frozen=True, slots=True)
class Contacts:
    """Internal-only contact persons."""

    text: str
    persons: tuple[Person, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """An internal note on a plan, group, measure or report entry (internal handbook only).

    Follow-up comments, risks, next steps, contact points: dated, signed by a person or unit.
    """

    date: str  # YYYY-MM-DD
    author: str  # a person or a unit
    text: str  # Markdown
    kind: str | None = None  # a key of NOTE_KINDS


NOTE_KINDS: dict[str, str] = {"oppfolging": "Oppfølging", "risiko": "Risiko", "neste-steg": "Neste steg", "kontakt": "Kontaktpunkt"}


@dataclass(frozen=True, slots=True)
class Reference:
    number: int
    text: str
    url: str | None
