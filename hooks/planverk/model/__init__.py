"""The typed, frozen model of the data. Built once by :mod:`planverk.load`; references resolved.

Every entity has a ``ref`` (typed reference, ``kind:path``, see data/README.md) and a
``source`` (document and page). Parents are referenced by id where a reference to the
object would be circular (a measure knows its ``plan_id``; :class:`Corpus` looks it up).
"""

from __future__ import annotations

from .common import (
    Base, Entity, kind_of, Document, Source, FormerName, Organisation, Term, Theme, Status, Role, RelationKind, Period,
    Party, Responsibility, Person, Contacts, Note, Reference, NOTE_KINDS,
)
from .plans import (
    Package, Measure, StatusEntry, StatusReport, Plan,
)
from .strategies import (
    Signatory, Introduction, TextBlock, Mission, Vision, Value, ServiceGoal, UserGoal, FocusArea, StrategyItem,
    SubGoal, Goal, StrategicArea, Driver, DriverCategory, Drivers, Section, Strategy,
)
from .corpus import (
    NewsItem, Relation, Erratum, Vocabulary, Corpus,
)

__all__ = [
    "Base", "Entity", "kind_of", "Document", "Source", "FormerName", "Organisation", "Term", "Theme", "Status", "Role",
    "RelationKind", "Period", "Party", "Responsibility", "Person", "Contacts", "Note", "Reference",
    "NOTE_KINDS", "Package", "Measure", "StatusEntry", "StatusReport", "Plan", "Signatory",
    "Introduction", "TextBlock", "Mission", "Vision", "Value", "ServiceGoal", "UserGoal",
    "FocusArea", "StrategyItem", "SubGoal", "Goal", "StrategicArea", "Driver", "DriverCategory", "Drivers",
    "Section", "Strategy", "NewsItem", "Relation", "Erratum", "Vocabulary",
    "Corpus",
]
