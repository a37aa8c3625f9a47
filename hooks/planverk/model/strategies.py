"""Strategies: mission, vision, values, goals, focus and strategic areas, sections."""

from __future__ import annotations

from dataclasses import dataclass

from .common import Base, Entity, Organisation, Period, Source, Theme


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


@dataclass(frozen=True, slots=True)
class Mission(Base):
    REF = "mission:{0.strategy_id}"
    strategy_id: str
    title: str
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Vision(Base):
    REF = "vision:{0.strategy_id}"
    strategy_id: str
    title: str
    text: str | None
    explanations: tuple[TextBlock, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Value(Base):
    REF = "value:{0.strategy_id}/{0.id}"
    id: str
    strategy_id: str
    name: str
    statements: tuple[str, ...]
    source: Source

    @property
    def title(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class StrategyItem(Base):
    """What the items of a strategy's lists share: an id in the strategy, a title, a source."""

    id: str
    strategy_id: str
    title: str
    source: Source


@dataclass(frozen=True, slots=True)
class ServiceGoal(StrategyItem):
    REF = "service-goal:{0.strategy_id}/{0.id}"
    qualities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UserGoal(StrategyItem):
    REF = "user-goal:{0.strategy_id}/{0.id}"


@dataclass(frozen=True, slots=True)
class FocusArea(StrategyItem):
    REF = "focus-area:{0.strategy_id}/{0.id}"


@dataclass(frozen=True, slots=True)
class SubGoal:
    id: str
    text: str

    @property
    def title(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Goal(StrategyItem):
    REF = "goal:{0.strategy_id}/{0.area_id}/{0.id}"
    area_id: str
    subgoals: tuple[SubGoal, ...]


@dataclass(frozen=True, slots=True)
class StrategicArea(StrategyItem):
    REF = "area:{0.strategy_id}/{0.id}"
    future: str | None
    future_source: Source | None
    goals: tuple[Goal, ...]
    themes: tuple[Theme, ...]


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
class Drivers(Base):
    REF = "drivers:{0.strategy_id}"
    strategy_id: str
    title: str
    intro: str | None
    reconstruction: str | None
    categories: tuple[DriverCategory, ...]
    source: Source

    @property
    def count(self) -> int:
        return sum(len(c.drivers) for c in self.categories)


@dataclass(frozen=True, slots=True)
class Section(StrategyItem):
    REF = "section:{0.strategy_id}/{0.id}"
    text: str


@dataclass(frozen=True, slots=True)
class Strategy(Base):
    REF = "strategy:{0.id}"
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
    def goals(self) -> tuple[Goal, ...]:
        return tuple(g for a in self.areas for g in a.goals)

    @property
    def parts(self) -> tuple[Entity, ...]:
        """The strategy and every part of it that has a ref, in the order the loader registers them."""
        single = tuple(p for p in (self.mission, self.vision, self.drivers) if p is not None)
        return (self, *single, *self.values, *self.service_goals, *self.user_goals, *self.focus_areas,
                *self.areas, *self.sections, *self.goals)
