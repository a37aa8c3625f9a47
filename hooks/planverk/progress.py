"""The two rules about a measure's progress, in one place for tables, summaries and exports.

- overdue: its period had ended at the report date and it is neither done nor stopped;
- progress class: the class its status belongs to (``progress`` of its status in a scale of
  data/vocabulary.yml; a plan's statuses may be on any scale, every one maps to a class),
  except that an overdue measure is delayed (``forsinket``) whatever its status says, and a
  measure without a status report is unknown (``ukjent``).
"""

from __future__ import annotations

from . import model as m

# The progress classes in reading order, with their Norwegian labels (the filter shortcuts).
CLASSES: dict[str, str] = {
    "ikke-startet": "Ikke startet",
    "pagar": "Pågår",
    "forsinket": "Forsinket",
    "gjennomfort": "Gjennomført",
    "stoppet": "Stoppet",
    "ukjent": "Ukjent framdrift",
}
DONE = "gjennomfort"
NOT_DONE = "ikke-gjennomfort"  # the shortcut: every class but done


STOPPED = "stoppet"
ORDER = {k: i for i, k in enumerate(CLASSES)}  # the classes' order, from not started to stopped


def is_overdue(measure: m.Measure, report: m.StatusReport | None, entry: m.StatusEntry | None) -> bool:
    """The period had ended before the report's year and the status is neither done nor stopped."""
    if report is None or entry is None or measure.period is None:
        return False
    return measure.period.ended_before(report.as_of_year) and entry.status.progress not in (DONE, STOPPED)


def step(before: m.Status, after: m.Status) -> int:
    """Whether a measure moved forward (> 0) or back (< 0) from ``before`` to ``after``: by the
    order of the scale when both are on one scale, else by progress class."""
    if before.scale == after.scale:
        return after.rank - before.rank
    return ORDER[after.progress] - ORDER[before.progress]


def sort_key(status: m.Status) -> int:
    """A number that orders statuses of any scales: by progress class, then by the scale's order."""
    return ORDER.get(status.progress, len(ORDER)) * 1000 + status.rank


def progress_class(measure: m.Measure, report: m.StatusReport | None, entry: m.StatusEntry | None) -> str:
    if report is None or entry is None:
        return "ukjent"
    if is_overdue(measure, report, entry):
        return "forsinket"
    return entry.status.progress


def no_status(plan: m.Plan) -> str:
    """What a measure without a status shows: its plan has reports that leave it out, or none."""
    return "Ikke rapportert" if plan.reports else "Ingen statusrapport"


def percent_text(percent: float | None) -> str:
    """A percentage as Norwegian text: "40 %", "12,5 %"; "" for none."""
    if percent is None:
        return ""
    text = str(int(percent)) if float(percent).is_integer() else str(percent).replace(".", ",")
    return f"{text} %"  # the badge beside it keeps it on one line (white-space: nowrap)
