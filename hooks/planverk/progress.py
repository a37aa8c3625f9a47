"""The two rules about a measure's progress, in one place for tables, summaries and exports.

- overdue: its period had ended at the report date and it is not done;
- progress class: the class its status belongs to (``progress`` in data/vocabulary.yml),
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


def is_overdue(measure: m.Measure, report: m.StatusReport | None, entry: m.StatusEntry | None) -> bool:
    """The period had ended before the report's year and the status is not a done one."""
    if report is None or entry is None or measure.period is None:
        return False
    return measure.period.ended_before(report.as_of_year) and not entry.status.done


def progress_class(measure: m.Measure, report: m.StatusReport | None, entry: m.StatusEntry | None) -> str:
    if report is None or entry is None:
        return "ukjent"
    if is_overdue(measure, report, entry):
        return "forsinket"
    return entry.status.progress
