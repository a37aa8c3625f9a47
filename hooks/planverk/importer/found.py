"""What the layout reader finds in a plan's text: groups, measures with their facts and
sub-measures, overview rows. Plain mutable records, filled in while reading; nothing here
knows the data model (draft.py turns them into data)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    no: int
    text: str


@dataclass
class Fact:
    key: str  # responsible | executing | participating | period | status
    label: str  # as written
    value: str
    line: int


@dataclass
class SubMeasure:
    """A bullet in a measure's text; ``responsible`` is the body a «Ansvar: X» inside it names."""

    text: str
    responsible: str | None
    line: int
    index: int  # its block in the measure's description (consecutive indices: one list)


@dataclass
class Group:
    kind: str  # the source's word, lower case ("tiltakspakke", "mål"); "kapittel" for a bare numbered heading
    kind_is_editorial: bool
    number: str | None
    title: str
    line: int
    parent: Group | None = None
    declared_in_list: bool = False

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    @property
    def path(self) -> list[Group]:
        return ([] if self.parent is None else self.parent.path) + [self]


@dataclass
class OverviewRow:
    number: str
    text: str  # the row's cells joined
    line: int


@dataclass
class Measure:
    number: str | None  # as written
    title: str
    line: int
    group: Group | None
    facts: list[Fact] = field(default_factory=list)
    description: list[str] = field(default_factory=list)  # Markdown blocks
    status_text: list[str] = field(default_factory=list)
    sub_measures: list[SubMeasure] = field(default_factory=list)
    group_is_guess: bool = False
    text_before_facts: bool = False
    status_blocks: list[list[Line]] = field(default_factory=list)

    def fact(self, key: str) -> Fact | None:
        return next((f for f in self.facts if f.key == key), None)


@dataclass
class Layout:
    title: str | None
    intro: list[str]
    groups: list[Group]
    measures: list[Measure]
    overview: list[OverviewRow]
    not_understood: list[tuple[int, str, str]]  # (line, text, why)
    style: str  # which measure headings the text uses
