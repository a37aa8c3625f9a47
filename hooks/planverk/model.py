"""The typed, frozen model of the data. Built once by :mod:`planverk.load`; references resolved.

Every entity has a ``ref`` (typed reference, ``kind:path``, see data/README.md) and a
``source`` (document and page). Parents are referenced by id where a reference to the
object would be circular (a measure knows its ``plan_id``; :class:`Corpus` looks it up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


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
class Organisation:
    id: str
    abbreviation: str | None
    name: str
    kind: str
    parent_id: str | None
    former_names: tuple[FormerName, ...]
    other_names: tuple[str, ...]
    expansion_is_editorial: bool
    internal: bool
    source: Source

    @property
    def ref(self) -> str:
        return f"org:{self.id}"

    @property
    def label(self) -> str:
        """Short label: the abbreviation where there is one."""
        return self.abbreviation or self.name


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    expansion: str
    description: str | None
    expansion_is_editorial: bool
    source: Source
    organisation_id: str | None = None  # set when the term is an organisation's abbreviation

    @property
    def ref(self) -> str:
        return f"term:{self.id}"


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    title: str
    description: str

    @property
    def ref(self) -> str:
        return f"theme:{self.id}"


@dataclass(frozen=True, slots=True)
class Status:
    id: str
    label: str
    description: str
    done: bool
    rank: int
    progress: str = "ukjent"  # progress class (vocabulary.yml), see planverk.progress


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class RelationKind:
    id: str
    label: str
    inverse_label: str


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int | None
    text: str

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

    @property
    def organisations(self) -> tuple[Organisation, ...]:
        return tuple(p.organisation for p in self.parties if p.organisation)


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
    """An internal note on a plan, package, measure or report entry (internal handbook only).

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


@dataclass(frozen=True, slots=True)
class Package:
    id: str
    plan_id: str
    number: str
    label: str
    title: str
    description: str | None
    source: Source
    notes: tuple[Note, ...] = ()  # internal

    @property
    def ref(self) -> str:
        return f"package:{self.plan_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    plan_id: str
    number: int
    package: Package
    title: str
    overview_title: str | None
    responsibility: Responsibility
    actors: tuple[Organisation, ...]
    period: Period | None
    overview_period: Period | None  # the overview table's period, where it differs
    description: str
    themes: tuple[Theme, ...]
    contacts: Contacts | None
    source: Source
    notes: tuple[Note, ...] = ()  # internal

    @property
    def ref(self) -> str:
        return f"measure:{self.plan_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class StatusEntry:
    measure_id: str
    status: Status
    narrative: str | None
    references: tuple[Reference, ...]
    source: Source
    responsibility: Responsibility | None = None  # as the report states it, where it differs from the plan
    notes: tuple[Note, ...] = ()  # internal


@dataclass(frozen=True, slots=True)
class StatusReport:
    id: str
    plan_id: str
    title: str
    as_of: str
    published: str | None
    next_update: str | None
    description: str | None
    entries: tuple[StatusEntry, ...]
    source: Source
    draft: bool = False  # only in the internal handbook; published by deleting `draft: true`

    @property
    def ref(self) -> str:
        return f"report:{self.plan_id}/{self.id}"

    @property
    def as_of_year(self) -> int:
        return int(self.as_of[:4])

    def entry(self, measure_id: str) -> StatusEntry | None:
        for entry in self.entries:
            if entry.measure_id == measure_id:
                return entry
        return None


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    title: str
    subtitle: str | None
    owner: Organisation
    period: Period | None
    launched: str | None
    description: str
    packages: tuple[Package, ...]
    measures: tuple[Measure, ...]
    reports: tuple[StatusReport, ...]  # oldest first
    themes: tuple[Theme, ...]
    source: Source
    notes: tuple[Note, ...] = ()  # internal

    @property
    def ref(self) -> str:
        return f"plan:{self.id}"

    @property
    def latest_report(self) -> StatusReport | None:
        """The newest report: a draft where the internal handbook has one."""
        return self.reports[-1] if self.reports else None

    @property
    def published_reports(self) -> tuple[StatusReport, ...]:
        return tuple(r for r in self.reports if not r.draft)

    @property
    def drafts(self) -> tuple[StatusReport, ...]:
        return tuple(r for r in self.reports if r.draft)

    def measures_in(self, package: Package) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if m.package.id == package.id)


# --- strategies -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    title: str | None


@dataclass(frozen=True, slots=True)
class Introduction:
    title: str | None
    text: str
    closing: str | None
    place: str | None
    date: str | None
    signatory: Signatory | None
    source: Source


@dataclass(frozen=True, slots=True)
class TextBlock:
    title: str | None
    text: str
    source: Source


StrategyElementKind = Literal["mission", "vision", "value", "service-goal", "user-goal", "focus-area", "area", "goal", "section"]


@dataclass(frozen=True, slots=True)
class Mission:
    strategy_id: str
    title: str
    text: str
    source: Source

    @property
    def ref(self) -> str:
        return f"mission:{self.strategy_id}"


@dataclass(frozen=True, slots=True)
class Vision:
    strategy_id: str
    title: str
    text: str | None
    explanations: tuple[TextBlock, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"vision:{self.strategy_id}"


@dataclass(frozen=True, slots=True)
class Value:
    id: str
    strategy_id: str
    name: str
    statements: tuple[str, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"value:{self.strategy_id}/{self.id}"

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class ServiceGoal:
    id: str
    strategy_id: str
    title: str
    qualities: tuple[str, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"service-goal:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class UserGoal:
    id: str
    strategy_id: str
    title: str
    source: Source

    @property
    def ref(self) -> str:
        return f"user-goal:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class FocusArea:
    id: str
    strategy_id: str
    title: str
    source: Source

    @property
    def ref(self) -> str:
        return f"focus-area:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class SubGoal:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    strategy_id: str
    area_id: str
    title: str
    subgoals: tuple[SubGoal, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"goal:{self.strategy_id}/{self.area_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class StrategicArea:
    id: str
    strategy_id: str
    title: str
    future: str | None
    future_source: Source | None
    goals: tuple[Goal, ...]
    themes: tuple[Theme, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"area:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class Driver:
    id: str
    title: str
    category_id: str


@dataclass(frozen=True, slots=True)
class DriverCategory:
    id: str
    title: str
    drivers: tuple[Driver, ...]


@dataclass(frozen=True, slots=True)
class Drivers:
    strategy_id: str
    title: str
    intro: str | None
    reconstruction: str | None
    categories: tuple[DriverCategory, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"drivers:{self.strategy_id}"

    @property
    def count(self) -> int:
        return sum(len(c.drivers) for c in self.categories)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    strategy_id: str
    title: str
    text: str
    source: Source

    @property
    def ref(self) -> str:
        return f"section:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class Strategy:
    id: str
    title: str
    owner: Organisation
    period: Period
    source: Source
    themes: tuple[Theme, ...]
    introduction: Introduction | None
    mission: Mission | None
    vision: Vision | None
    values_intro: str | None
    values: tuple[Value, ...]
    service_goals_intro: str | None
    common_qualities: tuple[str, ...]
    service_goals: tuple[ServiceGoal, ...]
    user_goals_intro: str | None
    user_goals: tuple[UserGoal, ...]
    focus_areas_intro: str | None
    focus_areas: tuple[FocusArea, ...]
    pyramid_description: str | None
    pyramid_layers: tuple[str, ...]
    sections: tuple[Section, ...]
    drivers: Drivers | None
    areas_intro: str | None
    areas_future_title: str | None
    areas: tuple[StrategicArea, ...]

    @property
    def ref(self) -> str:
        return f"strategy:{self.id}"

    @property
    def goals(self) -> tuple[Goal, ...]:
        return tuple(g for a in self.areas for g in a.goals)


# --- news, relations, errata ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewsItem:
    id: str
    title: str
    title_is_editorial: bool
    date: str | None
    publisher: Organisation
    body: str
    themes: tuple[Theme, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"news:{self.id}"


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
    statuses: tuple[Status, ...]
    roles: tuple[Role, ...]
    relation_kinds: tuple[RelationKind, ...]

    def status(self, label: str) -> Status:
        return next(s for s in self.statuses if s.label == label)


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
    entities: dict[str, object] = field(repr=False)  # ref -> entity, every entity with a ref
    files: dict[str, str] = field(repr=False, default_factory=dict)  # ref -> data file it comes from (repo-relative)

    @property
    def internal(self) -> bool:
        return self.audience == "internal"

    def get(self, ref: str) -> object:
        return self.entities[ref]
