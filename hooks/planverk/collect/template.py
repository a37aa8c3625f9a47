"""The workbook for the next status report of a plan: one row per measure, in the plan's order."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .. import model as m
from ..text import year_month
from .columns import COLUMNS, DATA_SHEET, GUIDE_SHEET, META_SHEET, VALUES_SHEET

_HEADER_FILL = PatternFill("solid", fgColor="1E2B3C")
_EDIT_FILL = PatternFill("solid", fgColor="FFF6D6")
# openpyxl writes the file's creation time into docProps; a fixed one keeps two runs identical.
_FIXED_TIME = datetime(2000, 1, 1)


def responsible_text(measure: m.Measure) -> str:
    """The responsibility as the plan's overview writes it, else the parties by name."""
    resp = measure.responsibility
    return resp.summary or ", ".join(p.label for p in resp.parties)


def notes_text(references: tuple[m.Reference, ...]) -> str:
    """Footnotes as the «Fotnoter» column holds them: one per line, «1: tekst | adresse»."""
    return "\n".join(f"{r.number}: {r.text}" + (f" | {r.url}" if r.url else "") for r in references)


def rows(plan: m.Plan) -> list[dict[str, str]]:
    """One row per measure, with the latest report's status and text as «Forrige»."""
    latest = plan.latest_report
    out = []
    for measure in plan.measures:
        entry = latest.entry(measure.id) if latest else None
        out.append({
            "id": measure.id,
            "number": str(measure.number),
            "title": measure.title,
            "responsible": responsible_text(measure),
            "previous_status": entry.status.label if entry else "",
            "previous_text": (entry.narrative or "").strip() if entry else "",
            "status": "",
            "text": "",
            "notes": "",
        })
    return out


def _guide(plan: m.Plan, scale: tuple[m.Status, ...]) -> list[str]:
    latest = plan.latest_report
    since = f"Forrige rapport gjaldt status per {year_month(latest.as_of)}." if latest else "Planen har ingen rapport ennå."
    lines = [
        f"Statusrapportering: {plan.title}",
        "",
        since,
        f"Arket «{DATA_SHEET}» har én rad per tiltak. Fyll ut de gule kolonnene:",
    ]
    lines += [f"• {c.header}: {c.help}" for c in COLUMNS if c.editable]
    lines += [
        "",
        "Statusene du kan velge:",
        *(f"• {s.label}: {s.description}" for s in scale),
        "",
        "Ikke endre kolonnene ID, Nr. og Tiltak, og ikke legg til eller slett rader:",
        "da kjenner ikke planverk igjen tiltakene. Andre kolonner viser forrige rapport.",
        "",
        "Send arket tilbake til den som samler inn status. Den leses inn med",
        "«planverk report import FIL.xlsx --date ÅÅÅÅ-MM».",
    ]
    return lines


def workbook(plan: m.Plan, scale: tuple[m.Status, ...]) -> Workbook:
    book = Workbook()
    guide = book.worksheets[0]  # a new workbook has one sheet
    guide.title = GUIDE_SHEET
    guide.column_dimensions["A"].width = 110
    for i, line in enumerate(_guide(plan, scale), start=1):
        cell = guide.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    guide["A1"].font = Font(bold=True, size=14)

    sheet = book.create_sheet(DATA_SHEET)
    for col, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=col, value=column.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    for r, row in enumerate(rows(plan), start=2):
        for col, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=r, column=col, value=row[column.key] or None)
            cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
            if column.editable:
                cell.fill = _EDIT_FILL
                cell.protection = Protection(locked=False)
    sheet.freeze_panes = "D2"  # the header and the measure's ID, number and title stay in view
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(2, len(plan.measures) + 1)}"

    values = book.create_sheet(VALUES_SHEET)
    for i, status in enumerate(scale, start=1):
        values.cell(row=i, column=1, value=status.label)
    values.sheet_state = "hidden"
    status_col = get_column_letter([c.key for c in COLUMNS].index("status") + 1)
    choice = DataValidation(type="list", formula1=f"={VALUES_SHEET}!$A$1:$A${len(scale)}", allow_blank=True,
                            showErrorMessage=True, errorTitle="Ukjent status",
                            error="Velg en status fra listen, eller la cellen stå tom.")
    choice.add(f"{status_col}2:{status_col}{max(2, len(plan.measures) + 1)}")
    sheet.add_data_validation(choice)

    meta = book.create_sheet(META_SHEET)
    meta["A1"], meta["B1"] = "plan", plan.id
    meta["A2"], meta["B2"] = "forrige_rapport", plan.latest_report.id if plan.latest_report else ""
    meta.sheet_state = "hidden"

    book.active = book.sheetnames.index(DATA_SHEET)
    book.properties.creator = "planverk"
    return book


def write(plan: m.Plan, scale: tuple[m.Status, ...], out: Path) -> None:
    book = workbook(plan, scale)
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    # openpyxl stamps every zip member with the clock; the same plan gives the same bytes.
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl sets «modified» to the time of saving
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            target.writestr(fixed, content)
