"""Strategies: mission, vision, values, goals, focus and strategic areas, sections."""

from __future__ import annotations

from dataclasses import dataclass

from .common import Base, Organisation, Period, Source, Theme


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
    strategy_id: str
    title: str
    text: str
    source: Source

    @property
    def ref(self) -> str:
        return f"mission:{self.strategy_id}"


@dataclass(frozen=True, slots=True)
class Vision(Base):
    strategy_id: str
    title: str
    text: str | None
    explanations: tuple[TextBlock, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"vision:{self.strategy_id}"


@dataclass(frozen=True, slots=True)
class Value(Base):
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
class ServiceGoal(Base):
    id: str
    strategy_id: str
    title: str
    qualities: tuple[str, ...]
    source: Source

    @property
    def ref(self) -> str:
        return f"service-goal:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class UserGoal(Base):
    id: str
    strategy_id: str
    title: str
    source: Source

    @property
    def ref(self) -> str:
        return f"user-goal:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class FocusArea(Base):
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

    @property
    def title(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Goal(Base):
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
class StrategicArea(Base):
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
class Drivers(Base):
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
class Section(Base):
    id: str
    strategy_id: str
    title: str
    text: str
    source: Source

    @property
    def ref(self) -> str:
        return f"section:{self.strategy_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class Strategy(Base):
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
