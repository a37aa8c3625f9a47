"""What changed between two status reports of a plan (pure: data in, changes out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import model as m
from .progress import step

ChangeKind = Literal["status-fram", "status-tilbake", "lagt-til", "fjernet", "ansvar-endret", "tekst-endret"]

LABELS: dict[str, str] = {
    "status-fram": "Status fram",
    "status-tilbake": "Status tilbake",
    "lagt-til": "Nytt i rapporten",
    "fjernet": "Ikke med i rapporten",
    "ansvar-endret": "Ansvar endret",
    "tekst-endret": "Statustekst endret",
}


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    measure: m.Measure
    before: str | None
    after: str | None


def responsibility_at(measure: m.Measure, entry: m.StatusEntry | None) -> m.Responsibility:
    """The responsibility a report states for a measure, or the plan's where it states none."""
    return entry.responsibility if entry is not None and entry.responsibility is not None else measure.responsibility


def _parties(resp: m.Responsibility) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((p.organisation.id if p.organisation else f"«{p.text}»", p.role.id) for p in resp.parties))


def _describe(resp: m.Responsibility) -> str:
    return ", ".join(f"{p.label} ({p.role.label.lower()})" for p in resp.parties)


def compare(plan: m.Plan, older: m.StatusReport, newer: m.StatusReport) -> list[Change]:
    """Every change from ``older`` to ``newer``, in measure order."""
    changes: list[Change] = []
    for measure in plan.measures:
        a, b = older.entry(measure.id), newer.entry(measure.id)
        if a is None and b is None:
            continue
        if a is None:
            assert b is not None
            changes.append(Change("lagt-til", measure, None, b.status.label))
            continue
        if b is None:
            changes.append(Change("fjernet", measure, a.status.label, None))
            continue
        if moved := step(a.status, b.status):
            kind: ChangeKind = "status-fram" if moved > 0 else "status-tilbake"
            changes.append(Change(kind, measure, a.status.label, b.status.label))
        ra, rb = responsibility_at(measure, a), responsibility_at(measure, b)
        if _parties(ra) != _parties(rb):
            changes.append(Change("ansvar-endret", measure, _describe(ra), _describe(rb)))
        if " ".join((a.narrative or "").split()) != " ".join((b.narrative or "").split()):
            changes.append(Change("tekst-endret", measure, None, None))
    return changes


def previous_entry(plan: m.Plan, measure: m.Measure) -> tuple[m.StatusReport, m.StatusEntry] | None:
    """The measure's entry in the report before the latest one, if both exist."""
    if len(plan.reports) < 2:
        return None
    report = plan.reports[-2]
    entry = report.entry(measure.id)
    return (report, entry) if entry else None
