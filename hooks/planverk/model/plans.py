"""Plans: a tree of groups, the measures in it and the status reports on them.

A plan's structure is the source's own: groups of any depth (innsatsområde, mål, delmål,
tiltakspakke, kapittel …, each with its label as the source names it), measures in groups,
and sub-measures under measures. Numbers are labels as written ("21", "3.1", "I.4"),
unique among siblings, or absent; order is always the source's order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import Base, Contacts, Note, Organisation, Period, Reference, Responsibility, Scale, Source, Status, Theme


@dataclass(frozen=True, slots=True)
class Group(Base):
    """A level of a plan's structure; ``parent`` is None for the plan's top level."""

    REF = "group:{0.plan_id}/{0.id}"
    id: str
    plan_id: str
    number: str | None
    label: str  # what the source calls the level: Innsatsområde, Mål, Tiltakspakke …
    title: str
    description: str | None
    source: Source
    parent: Group | None = None
    goal: bool = False  # the group is a goal: its measures count as linked to a goal
    responsibility: Responsibility | None = None
    period: Period | None = None
    notes: tuple[Note, ...] = ()  # internal
    editorial: tuple[str, ...] = ()  # fields the editors wrote, the source gives none: title, label, number

    @property
    def path(self) -> tuple[Group, ...]:
        """The groups from the top level down to this one."""
        return (*self.parent.path, self) if self.parent else (self,)

    @property
    def designation(self) -> str:
        """"Tiltakspakke 2", or the label alone where the source does not number the group."""
        return f"{self.label} {self.number}" if self.number is not None else self.label

    @property
    def depth(self) -> int:
        return len(self.path) - 1

    @property
    def is_goal(self) -> bool:
        """A goal itself or inside one."""
        return any(g.goal for g in self.path)


@dataclass(frozen=True, slots=True)
class Measure(Base):
    REF = "measure:{0.plan_id}/{0.id}"
    id: str
    plan_id: str
    number: str | None  # as written; None where the source does not number it
    group: Group
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
    parent: Measure | None = None  # set for a sub-measure
    # How readers name it, made once by the loader from the numbers as written: number_text
    # is the table's "Nr." ("21", or "Mål 3, tiltak 1" in a plan that numbers per group),
    # designation the heading's prefix ("Tiltak 21", "Mål 3, tiltak 1"); both "" unnumbered.
    number_text: str = ""
    designation: str = ""
    editorial: tuple[str, ...] = ()  # fields the editors wrote, the source gives none: title, number

    @property
    def path(self) -> tuple[Measure, ...]:
        """The measures from the top-level one down to this one."""
        return (*self.parent.path, self) if self.parent else (self,)


@dataclass(frozen=True, slots=True)
class StatusEntry:
    measure_id: str
    status: Status
    narrative: str | None
    references: tuple[Reference, ...]
    source: Source
    responsibility: Responsibility | None = None  # as the report states it, where it differs from the plan
    notes: tuple[Note, ...] = ()  # internal
    percent: float | None = None  # per cent complete, where the report gives it


@dataclass(frozen=True, slots=True)
class Summary:
    """A summary figure of a report, with its own text as the source words it, for one group
    of the plan (``group``: its id) or for the whole plan (``group`` None)."""

    text: str
    group: str | None = None
    percent: float | None = None


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
    scale: Scale | None = None  # the scale its statuses are on (its own, or its plan's)
    summaries: tuple[Summary, ...] = ()

    @property
    def as_of_year(self) -> int:
        return int(self.as_of[:4])

    def summaries_for(self, group: str | None) -> tuple[Summary, ...]:
        """The summaries of one group (its id), or of the whole plan (None)."""
        return tuple(x for x in self.summaries if x.group == group)

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
    groups: tuple[Group, ...]  # every level, depth first in the source's order
    measures: tuple[Measure, ...]  # the top-level measures (what status reports and tables count)
    reports: tuple[StatusReport, ...]  # oldest first
    themes: tuple[Theme, ...]
    source: Source
    notes: tuple[Note, ...] = ()  # internal
    scale: Scale | None = None  # its status scale (vocabulary.yml scales; the plan's `scale`)

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

    sub_measures: tuple[Measure, ...] = ()  # measures under measures, in the source's order
    editorial: tuple[str, ...] = ()  # fields the editors wrote, the source gives none: title, subtitle

    @property
    def all_measures(self) -> tuple[Measure, ...]:
        """Every measure, each followed by its sub-measures: what gets a page and a link."""
        below: dict[str, list[Measure]] = {}
        for x in self.sub_measures:
            below.setdefault(x.parent.id if x.parent else "", []).append(x)

        def tree(x: Measure) -> list[Measure]:
            return [x, *(y for child in below.get(x.id, ()) for y in tree(child))]
        return tuple(y for x in self.measures for y in tree(x))

    def parts_of(self, measure: Measure) -> tuple[Measure, ...]:
        """A measure's sub-measures (one level down)."""
        return tuple(x for x in self.sub_measures if x.parent is not None and x.parent.id == measure.id)

    def top_groups(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.parent is None)

    def subgroups(self, group: Group) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.parent is not None and g.parent.id == group.id)

    def measures_in(self, group: Group, *, deep: bool = False) -> tuple[Measure, ...]:
        """The group's own measures; with ``deep``, also those of the groups inside it."""
        if deep:
            return tuple(x for x in self.measures if any(g.id == group.id for g in x.group.path))
        return tuple(x for x in self.measures if x.group.id == group.id)
