"""Plans: packages, measures and the status reports on them."""

from __future__ import annotations

from dataclasses import dataclass

from .common import Base, Contacts, Note, Organisation, Period, Reference, Responsibility, Source, Status, Theme


@dataclass(frozen=True, slots=True)
class Package(Base):
    REF = "package:{0.plan_id}/{0.id}"
    id: str
    plan_id: str
    number: str
    label: str
    title: str
    description: str | None
    source: Source
    notes: tuple[Note, ...] = ()  # internal


@dataclass(frozen=True, slots=True)
class Measure(Base):
    REF = "measure:{0.plan_id}/{0.id}"
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
class StatusReport(Base):
    REF = "report:{0.plan_id}/{0.id}"
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
    def as_of_year(self) -> int:
        return int(self.as_of[:4])

    def entry(self, measure_id: str) -> StatusEntry | None:
        for entry in self.entries:
            if entry.measure_id == measure_id:
                return entry
        return None


@dataclass(frozen=True, slots=True)
class Plan(Base):
    REF = "plan:{0.id}"
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
