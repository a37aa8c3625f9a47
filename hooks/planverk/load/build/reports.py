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


def scale_named(name: str | None, known: Known, cur: Cursor) -> m.Scale | None:
    """The status scale a plan or report names in ``scale`` (``cur`` is the file's top); without
    a name, the vocabulary's only scale. Reported when unknown, or missing among several."""
    scales = known.vocabulary.scales
    ids = ", ".join(s.id for s in scales)
    if name is None:
        if len(scales) > 1:
            cur.at("scale").error(f"fant ingen statusskala; forventet scale: med en av skalaene i vocabulary.yml ({ids}), "
                                  "fordi det er flere enn én")
        return scales[0] if len(scales) == 1 else None
    found = known.vocabulary.scale(name)
    if found is None:
        cur.at("scale").error(f"fant statusskalaen '{name}', som ikke står i vocabulary.yml; forventet en av: {ids}")
    return found


def status_on(scale: m.Scale | None, label: str, cur: Cursor, known: Known) -> m.Status | None:
    """The status ``label`` on ``scale``; reported when the scale has no such status. Without a
    scale (its plan's is unknown): reported only when no scale has it, so that an unknown
    status is still found in the same run."""
    if scale is not None:
        found = scale.by_label(label)
        if found is None:
            cur.error(f"{label!r} er ikke en status i skalaen '{scale.id}'; forventet en av: "
                      + ", ".join(s.label for s in scale.statuses))
        return found
    labels = list(dict.fromkeys(s.label for s in known.vocabulary.statuses))
    if labels and label not in labels:  # no labels: vocabulary.yml has errors of its own
        cur.error(f"{label!r} er ikke en status i noen skala; forventet en av: {', '.join(labels)}")
    return None


def check_statuses(cur: Cursor, known: Known) -> None:
    """The statuses of a report whose plan file is not read (it has errors, or is missing)."""
    d = cur.file.data
    own = d.get("scale")
    scale = scale_named(own, known, cur) if own is not None else (
        known.vocabulary.scales[0] if len(known.vocabulary.scales) == 1 else None)
    for j, e in enumerate(d["entries"]):
        status_on(scale, e["status"], cur.at("entries", j, "status"), known)


def report(cur: Cursor, known: Known, measure_ids: set[str], plan_scale: m.Scale | None = None,
           group_ids: set[str] | None = None) -> m.StatusReport | None:
    """``measure_ids``: the ids of the measures of the report's plan; ``plan_scale`` its scale
    (the report's statuses are on it unless the report names its own); ``group_ids`` the ids of
    its groups, which summaries may name."""
    d = cur.file.data
    src = known.source(d["source"], cur.at("source"))
    scale = scale_named(d["scale"], known, cur) if d.get("scale") is not None else plan_scale
    seen: dict[str, int] = {}
    entries = []
    for j, e in enumerate(d["entries"]):
        at = cur.at("entries", j)
        status = status_on(scale, e["status"], at.at("status"), known)
        if e["measure"] not in measure_ids:
            cur.report.unresolved_ref(f"measure:{d['plan']}/{e['measure']}", "tiltaket", e["measure"])
            at.at("measure").error(f"ukjent tiltak '{e['measure']}' i planen '{d['plan']}'")
            continue
        if e["measure"] in seen:
            at.at("measure").error(f"tiltaket '{e['measure']}' har allerede en post (entries[{seen[e['measure']]}])")
            continue
        seen[e["measure"]] = j
        if status is None:
            continue
        entry = _entry(e, status, at, known, src)
        if entry is not None:
            entries.append(entry)
    summaries = _summaries(d.get("summaries", []), cur, group_ids)
    description = convert.prose(d.get("description"), cur.at("description"))
    if src is None:
        return None
    return m.StatusReport(id=d["id"], plan_id=d["plan"], title=d["title"], as_of=d["as_of"], published=d.get("published"),
                          next_update=d.get("next_update"), description=description,
                          entries=tuple(entries), source=src, draft=d.get("draft") is True, scale=scale, summaries=summaries)


def _summaries(raw: list[dict[str, Any]], cur: Cursor, group_ids: set[str] | None) -> tuple[m.Summary, ...]:
    """A report's summary figures; a group is named by its id in the plan (one place resolves it)."""
    out = []
    for j, x in enumerate(raw):
        group = x.get("group")
        if group is not None and group_ids is not None and group not in group_ids:
            cur.at("summaries", j, "group").error(f"ukjent gruppe '{group}' i planen; forventet en av: {', '.join(sorted(group_ids))}, "
                                                  "eller ingen group for en oppsummering av hele planen")
            continue
        out.append(m.Summary(text=x["text"], group=group, percent=x.get("percent")))
    return tuple(out)


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
                         notes=notes, responsibility=responsibility, percent=e.get("percent"))


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
