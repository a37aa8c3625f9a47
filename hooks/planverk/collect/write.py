"""A checked sheet becomes a dated report: the report file, its source text, its document entry.

The filled sheet is the report's source: its text is kept under ``sources/`` like every other
source document, so the report's provenance and the content checks work as for a PDF.
Everything is written, then the whole data folder is loaded; if that fails, the files are
taken back and the errors reported, so a failed import leaves ``data/`` as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from ..changes import LABELS, compare
from ..errors import DataErrors
from ..load import load
from ..text import year_month
from .read import Row

_BLOCK_SAFE = re.compile(r"^(?:[^\s\t\r][^\t\r]*[^\s\t\r]|[^\s\t\r]?)$")


@dataclass(frozen=True, slots=True)
class Imported:
    report_file: Path
    source_file: Path
    corpus: m.Corpus
    report: m.StatusReport


def _q(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value``: JSON's quoting is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def _block(value: str, indent: str) -> str:
    lines = value.split("\n")
    if all(_BLOCK_SAFE.match(line) for line in lines) and lines[0]:
        return "|-\n" + "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return _q(value)


def report_yaml(*, report_id: str, plan: m.Plan, title: str, date: str, document_id: str, source_name: str,
                rows: list[Row], draft: bool) -> str:
    out = [
        "# yaml-language-server: $schema=../schema/report.schema.json",
        f"# Lest inn fra regnearket {source_name} med «planverk report import».",
        f"# Teksten fra arket står i sources/{document_id}.txt.",
        f"id: {report_id}",
        f"plan: {plan.id}",
        f"title: {_q(title)}",
        f"as_of: {_q(date)}",
    ]
    if draft:
        out.append("draft: true  # slett denne linjen for å publisere rapporten")
    filled = [row for row in rows if row.status is not None]
    out += [f"source: {{document: {document_id}, page: null}}", "entries:" if filled else "entries: []"]
    for row in filled:
        assert row.status is not None
        out += [f"  - measure: {row.measure.id}", f"    status: {_q(row.status.label)}"]
        if row.text:
            out.append(f"    narrative: {_block(row.text, '      ')}")
        if row.references:
            out.append("    references:")
            out += [f"      - {{number: {r.number}, text: {_q(r.text)}, url: {_q(r.url) if r.url else 'null'}}}" for r in row.references]
        else:
            out.append("    references: []")
        out.append("    source: {page: null}")
    return "\n".join(out) + "\n"


def source_text(*, plan: m.Plan, title: str, date: str, source_name: str, rows: list[Row]) -> str:
    """The filled sheet as text, one block per measure: the report's source document."""
    out = [f"{title} – {plan.title}", f"Status per {year_month(date)}. Samlet inn med regnearket {source_name}.", ""]
    for row in rows:
        if row.status is None:
            continue
        out += [f"Tiltak {row.measure.number}: {row.measure.title}", f"Status: {row.status.label}"]
        if row.text:
            out.append(row.text)
        if row.references:
            out.append("Fotnoter:")
            out += [f"{r.number}: {r.text}" + (f" {r.url}" if r.url else "") for r in row.references]
        out.append("")
    return "\n".join(out)


def document_entry(*, document_id: str, title: str, plan: m.Plan, date: str, source_name: str) -> str:
    return "\n".join([
        f"  - id: {document_id}",
        f"    title: {_q(f'{title} – {plan.title}')}",
        "    kind: statusrapport",
        f"    publisher: {plan.owner.id}",
        f"    date: {_q(date)}",
        f"    file: {document_id}.txt",
        "    has_pages: false",
        f"    extraction_note: {_q(f'Samlet inn med regnearket {source_name}; teksten er cellene i arket.')}",
    ]) + "\n"


def write_report(data: Path, *, plan: m.Plan, rows: list[Row], date: str, title: str | None, source_name: str,
                 draft: bool, audience: str = "internal") -> Imported:
    """Write the report and its source; load ``data`` to check; undo everything if it fails."""
    report_id = f"{plan.id}-{date}"
    document_id = f"{plan.id}-statusrapport-{date}"
    title = title or f"Status per {year_month(date)}"
    report_file = data / "reports" / f"{report_id}.yml"
    source_file = data / "sources" / f"{document_id}.txt"
    documents = data / "documents.yml"
    for path in (report_file, source_file):
        if path.exists():
            raise FileExistsError(f"{path.relative_to(data.parent).as_posix()} finnes allerede; "
                                  f"en plan har én rapport per dato (slett filen eller velg en annen --date)")
    before = documents.read_text(encoding="utf-8")
    report_file.write_text(report_yaml(report_id=report_id, plan=plan, title=title, date=date, document_id=document_id,
                                       source_name=source_name, rows=rows, draft=draft), encoding="utf-8")
    source_file.write_text(source_text(plan=plan, title=title, date=date, source_name=source_name, rows=rows), encoding="utf-8")
    documents.write_text(before.rstrip("\n") + "\n" + document_entry(document_id=document_id, title=title, plan=plan, date=date,
                                                                     source_name=source_name), encoding="utf-8")
    try:
        corpus = load(data, audience)
    except DataErrors:
        report_file.unlink()
        source_file.unlink()
        documents.write_text(before, encoding="utf-8")
        raise
    report = corpus.get(f"report:{plan.id}/{report_id}")
    assert isinstance(report, m.StatusReport)
    return Imported(report_file=report_file, source_file=source_file, corpus=corpus, report=report)


def summary(imported: Imported, rows: list[Row]) -> list[str]:
    """What changed against the previous report, for the editor, in Norwegian."""
    report = imported.report
    plan = imported.corpus.plans[report.plan_id]
    lines = [f"Ny rapport: {len(report.entries)} av {len(plan.measures)} tiltak har status per {year_month(report.as_of)}."]
    earlier = [r for r in plan.reports if (r.as_of, r.id) < (report.as_of, report.id)]
    if earlier:
        previous = earlier[-1]
        lines.append(f"Sammenlignet med «{previous.title}» (per {year_month(previous.as_of)}):")
        # measures left out are listed once, below, with those that had no status before either
        changes = [c for c in compare(plan, previous, report) if c.kind != "fjernet"]
        for change in changes:
            detail = f" ({change.before} → {change.after})" if change.before and change.after else ""
            lines.append(f"  Tiltak {change.measure.number}: {LABELS[change.kind].lower()}{detail}")
        if not changes:
            lines.append("  ingen endringer")
    else:
        lines.append("Planen har ingen tidligere rapport å sammenligne med.")
    with_status = {r.measure.id for r in rows if r.status is not None}
    without = [x for x in plan.measures if x.id not in with_status]
    if without:
        lines.append("Uten ny status: " + ", ".join(f"tiltak {x.number}" for x in without))
    return lines
