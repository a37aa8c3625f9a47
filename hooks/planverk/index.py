"""Derived lookups, computed once per corpus: backlinks, responsibilities, themes, statuses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from . import model as m
from . import progress as rules

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Involvement:
    measure: m.Measure
    role: m.Role | None  # None: an actor the text names, not a party to the responsibility

    @property
    def role_id(self) -> str:
        """The role's id, or "aktor" (the status table's filter value for actors)."""
        return self.role.id if self.role else "aktor"

    @property
    def role_label(self) -> str:
        return self.role.label if self.role else "Aktør"


def _grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, tuple[T, ...]]:
    out: dict[str, list[T]] = defaultdict(list)
    for item in items:
        out[key(item)].append(item)
    return {k: tuple(v) for k, v in out.items()}


class Index:
    def __init__(self, corpus: m.Corpus):
        self.corpus = corpus

    @cached_property
    def relations_from(self) -> dict[str, tuple[m.Relation, ...]]:
        return _grouped(self.corpus.relations, lambda rel: rel.from_ref)

    @cached_property
    def relations_to(self) -> dict[str, tuple[m.Relation, ...]]:
        return _grouped(self.corpus.relations, lambda rel: rel.to_ref)

    @cached_property
    def measures(self) -> tuple[m.Measure, ...]:
        """Every measure of every plan, sub-measures included (each has a page)."""
        return tuple(x for p in self.corpus.plans.values() for x in p.all_measures)

    @cached_property
    def _order(self) -> dict[str, int]:
        """Plan by plan, each in the source's order: one numbering, so a table over several plans
        sorted by number lists each plan's measures in its own order."""
        entities = [e for plan in self.corpus.plans.values() for e in (*plan.groups, *plan.all_measures)]
        return {e.ref: i for i, e in enumerate(entities)}

    def order(self, entity: m.Group | m.Measure) -> int:
        """Its place in the source's order (plan by plan): what sorting by number follows."""
        return self._order[entity.ref]

    @cached_property
    def involvement(self) -> dict[str, tuple[Involvement, ...]]:
        """Organisation id -> the measures it is responsible for, partners in or acts in."""
        out: dict[str, list[Involvement]] = defaultdict(list)
        for measure in self.measures:
            for party in measure.responsibility.parties:
                if party.organisation:
                    out[party.organisation.id].append(Involvement(measure, party.role))
            for actor in measure.actors:
                out[actor.id].append(Involvement(measure, None))
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def children(self) -> dict[str, tuple[m.Organisation, ...]]:
        return _grouped((o for o in self.corpus.organisations.values() if o.parent_id), lambda o: o.parent_id or "")

    @cached_property
    def by_theme(self) -> dict[str, tuple[m.Strategy | m.StrategicArea | m.Plan | m.Measure | m.NewsItem, ...]]:
        c = self.corpus
        themed: list[m.Strategy | m.StrategicArea | m.Plan | m.Measure | m.NewsItem] = [
            *c.strategies.values(),
            *(a for s in c.strategies.values() for a in s.areas),
            *c.plans.values(),
            *self.measures,
            *c.news.values(),
        ]
        out: dict[str, list[m.Strategy | m.StrategicArea | m.Plan | m.Measure | m.NewsItem]] = defaultdict(list)
        for entity in themed:
            for theme in entity.themes:
                out[theme.id].append(entity)
        return {k: tuple(v) for k, v in out.items()}

    def entry(self, measure: m.Measure) -> tuple[m.StatusReport, m.StatusEntry] | None:
        """The measure's status in its plan's latest report, if it has one."""
        return self.latest_entries.get(measure.ref)

    @cached_property
    def latest_entries(self) -> dict[str, tuple[m.StatusReport, m.StatusEntry]]:
        out: dict[str, tuple[m.StatusReport, m.StatusEntry]] = {}
        for plan in self.corpus.plans.values():
            for report in plan.reports:  # oldest first: later reports win
                for entry in report.entries:
                    out[f"measure:{plan.id}/{entry.measure_id}"] = (report, entry)
        return out

    def history(self, measure: m.Measure) -> tuple[tuple[m.StatusReport, m.StatusEntry | None], ...]:
        plan = self.corpus.plans[measure.plan_id]
        return tuple((report, report.entry(measure.id)) for report in plan.reports)

    def is_overdue(self, measure: m.Measure) -> bool:
        """Its period had ended at the report date and it is not done (rule: planverk.progress)."""
        return rules.is_overdue(measure, *(self.entry(measure) or (None, None)))

    def progress(self, measure: m.Measure) -> str:
        """The measure's progress class in its latest report (rule: planverk.progress)."""
        return rules.progress_class(measure, *(self.entry(measure) or (None, None)))

    @cached_property
    def by_document(self) -> dict[str, tuple[m.Entity, ...]]:
        out: dict[str, list[m.Entity]] = defaultdict(list)
        for entity in self.corpus.entities.values():
            if entity.source is not None and entity.kind != "term":
                out[entity.source.document.id].append(entity)
        return {k: tuple(v) for k, v in out.items()}


STRATEGY_KINDS = frozenset({"strategy", "mission", "vision", "value", "service-goal", "user-goal", "focus-area", "area", "goal"})


class Coverage:
    """Which strategy goals have measures linked, and which measures link to no goal."""

    def __init__(self, index: Index):
        self.index = index

    def measures_linked_to(self, ref: str) -> tuple[str, ...]:
        """Measures related to ``ref`` (either direction), as refs in data order."""
        refs = [r.from_ref for r in self.index.relations_to.get(ref, ()) if m.kind_of(r.from_ref) == "measure"]
        refs += [r.to_ref for r in self.index.relations_from.get(ref, ()) if m.kind_of(r.to_ref) == "measure"]
        return tuple(dict.fromkeys(refs))

    def goals(self, strategy: m.Strategy) -> list[tuple[m.Entity, tuple[str, ...]]]:
        items: list[m.Entity] = [*strategy.user_goals, *strategy.service_goals, *strategy.focus_areas, *strategy.goals]
        if strategy.mission:
            items.insert(0, strategy.mission)
        return [(goal, self.measures_linked_to(goal.ref)) for goal in items]

    def unlinked_measures(self, plan: m.Plan) -> tuple[m.Measure, ...]:
        """The plan's measures that neither stand under a goal of the plan itself (a group
        marked ``goal``) nor are related to a goal of a strategy."""
        def linked(measure: m.Measure) -> bool:
            if measure.group.is_goal:
                return True
            ends = [r.to_ref for r in self.index.relations_from.get(measure.ref, ())]
            ends += [r.from_ref for r in self.index.relations_to.get(measure.ref, ())]
            return any(m.kind_of(ref) in STRATEGY_KINDS for ref in ends)
        return tuple(x for x in plan.measures if not linked(x))
