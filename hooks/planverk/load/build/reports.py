"""reports/<plan>-<date>.yml: a status report on the measures of one plan."""

from __future__ import annotations

import re
from typing import Any

from ... import model as m
from .. import convert
from ..cursor import Cursor
from .known import Known

_FOOTNOTE_MARK = re.compile(r"\[\^(\d{1,6})\]")  # as prose.py renders them
_LONG_FOOTNOTE_MARK = re.compile(r"\[\^\d{7,}\]")


def report(cur: Cursor, known: Known, measure_ids: set[str]) -> m.StatusReport | None:
    """``measure_ids``: the ids of the measures of the report's plan."""
    d = cur.file.data
    src = known.source(d["source"], cur.at("source"))
    statuses = {s.label: s for s in known.vocabulary.statuses}
    seen: dict[str, int] = {}
    entries = []
    for j, e in enumerate(d["entries"]):
        at = cur.at("entries", j)
        if e["measure"] not in measure_ids:
            cur.report.unresolved_ref(f"measure:{d['plan']}/{e['measure']}", "tiltaket", e["measure"])
            at.at("measure").error(f"ukjent tiltak '{e['measure']}' i planen '{d['plan']}'")
            continue
        if e["measure"] in seen:
            at.at("measure").error(f"tiltaket '{e['measure']}' har allerede en post (entries[{seen[e['measure']]}])")
            continue
        seen[e["measure"]] = j
        status = statuses.get(e["status"])
        if status is None:
            at.at("status").error(f"{e['status']!r} er ikke en av {', '.join(statuses)}")
            continue
        entry = _entry(e, status, at, known, src)
        if entry is not None:
            entries.append(entry)
    description = convert.prose(d.get("description"), cur.at("description"))
    if src is None:
        return None
    return m.StatusReport(id=d["id"], plan_id=d["plan"], title=d["title"], as_of=d["as_of"], published=d.get("published"),
                          next_update=d.get("next_update"), description=description,
                          entries=tuple(entries), source=src, draft=d.get("draft") is True)


def _entry(e: dict[str, Any], status: m.Status, cur: Cursor, known: Known, src: m.Source | None) -> m.StatusEntry | None:
    refs = tuple(m.Reference(number=r["number"], text=r["text"], url=r["url"]) for r in e.get("references", []))
    _check_footnotes(e.get("narrative") or "", refs, cur)
    narrative = convert.prose(e.get("narrative"), cur.at("narrative"))
    source = known.child_source(e.get("source"), cur.at("source"), src)
    notes = convert.notes(e.get("notes"), cur.at("notes"))
    responsibility = known.responsibility(e["responsibility"], cur.at("responsibility")) if e.get("responsibility") else None
    if source is None:
        return None
    return m.StatusEntry(measure_id=e["measure"], status=status, narrative=narrative, references=refs, source=source,
                         notes=notes, responsibility=responsibility)


def _check_footnotes(narrative: str, refs: tuple[m.Reference, ...], cur: Cursor) -> None:
    """Every footnote mark has its reference, and every reference its mark."""
    text = cur.at("narrative")
    for mk in _LONG_FOOTNOTE_MARK.finditer(narrative):
        text.error(f"fotnotemerket {mk.group()[:12]}… har for mange sifre; forventet [^1], [^2] …",
                   line=text.line_in(narrative, mk.start()))
    markers = {int(mk.group(1)): mk.start() for mk in reversed(list(_FOOTNOTE_MARK.finditer(narrative)))}  # first of each
    numbers = [r.number for r in refs]
    for n in sorted(set(markers) - set(numbers)):
        text.error(f"fotnotemerket [^{n}] har ingen post i references; forventet en referanse med nummer {n}",
                   line=text.line_in(narrative, markers[n]))
    for k, n in enumerate(numbers):
        if n not in markers:
            cur.at("references", k).error(f"referanse {n} er aldri merket i teksten; forventet et [^{n}]-merke")
