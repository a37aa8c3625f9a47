"""Reading a filled workbook (or a CSV in the same columns) into checked rows.

Every problem of a file is collected and reported together, each naming the sheet, the
row and the column as the editor sees them in Excel, the value found and what is expected.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .. import model as m
from .columns import BY_KEY, COLUMNS, DATA_SHEET, META_SHEET, REQUIRED

_NOTE = re.compile(r"^\s*(\d{1,4})\s*[:.]\s*(.+?)\s*(?:\|\s*(\S+)\s*)?$")
_MARKER = re.compile(r"\[\^(\d+)\]")
_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.I)


class SheetErrors(Exception):
    """All problems of one file, each a line for the editor."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # the row number in Excel (the header is row 1)
    measure: m.Measure
    status: m.Status | None
    text: str
    references: tuple[m.Reference, ...]


@dataclass(frozen=True, slots=True)
class Sheet:
    """The raw cells of the data sheet, with where they came from."""

    file: str
    where: str  # «ark «Status»» or «CSV-filen»
    plan_id: str | None  # from the workbook's hidden sheet; a CSV has none
    header: dict[str, int]  # column key -> 0-based column
    cells: list[tuple[int, list[str]]]  # (row number, cell texts)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores a typed-in 3 as 3.0
    return str(value).replace("\r\n", "\n").strip()


def _header(file: str, where: str, names: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    wanted = {c.header.casefold(): c.key for c in COLUMNS}
    for i, name in enumerate(names):
        key = wanted.get(name.strip().casefold())
        if key and key not in found:
            found[key] = i
    missing = [BY_KEY[k].header for k in REQUIRED if k not in found]
    if missing:
        raise SheetErrors([f"{file}: {where}, rad 1: mangler kolonnen {', '.join(f'«{h}»' for h in missing)}; "
                           f"forventet overskriftene fra malen ({', '.join(c.header for c in COLUMNS)})"])
    return found


def read_xlsx(path: Path) -> Sheet:
    file = path.name
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise SheetErrors([f"{file}: kan ikke leses som et Excel-ark (.xlsx): {exc}"]) from None
    if DATA_SHEET not in book.sheetnames:
        raise SheetErrors([f"{file}: finner ikke arket «{DATA_SHEET}»; arkene heter {', '.join(f'«{n}»' for n in book.sheetnames)}"])
    plan_id = None
    if META_SHEET in book.sheetnames:
        for key, value, *_ in book[META_SHEET].iter_rows(values_only=True):
            if key == "plan" and value:
                plan_id = str(value)
    where = f"ark «{DATA_SHEET}»"
    rows = [[_text(v) for v in row] for row in book[DATA_SHEET].iter_rows(values_only=True)]
    book.close()
    if not rows:
        raise SheetErrors([f"{file}: {where} er tomt; forventet en overskriftsrad og én rad per tiltak"])
    header = _header(file, where, rows[0])
    return Sheet(file, where, plan_id, header, [(i, r) for i, r in enumerate(rows[1:], start=2)])


def read_csv(path: Path) -> Sheet:
    file = path.name
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # what Excel in Norway writes for «CSV (semikolondelt)»
    dialect = "excel"
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = [[_text(v) for v in row] for row in csv.reader(io.StringIO(text), dialect, delimiter=delimiter)]
    where = "CSV-filen"
    if not rows:
        raise SheetErrors([f"{file}: filen er tom; forventet en overskriftsrad og én rad per tiltak"])
    header = _header(file, where, rows[0])
    return Sheet(file, where, None, header, [(i, r) for i, r in enumerate(rows[1:], start=2)])


def read(path: Path) -> Sheet:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(path)
    if suffix == ".csv":
        return read_csv(path)
    raise SheetErrors([f"{path.name}: filtypen «{path.suffix}» kan ikke leses; forventet .xlsx eller .csv"])


def _cell(sheet: Sheet, cells: list[str], key: str) -> str:
    index = sheet.header.get(key)
    return cells[index] if index is not None and index < len(cells) else ""


def _at(sheet: Sheet, line: int, key: str) -> str:
    return f"{sheet.file}: {sheet.where}, rad {line}, kolonne «{BY_KEY[key].header}» ({get_column_letter(sheet.header[key] + 1)})"


def _references(sheet: Sheet, line: int, notes: str, text: str, problems: list[str]) -> tuple[m.Reference, ...]:
    refs: list[m.Reference] = []
    for note in (n for n in notes.split("\n") if n.strip()):
        match = _NOTE.match(note)
        if not match:
            problems.append(f"{_at(sheet, line, 'notes')}: «{note}» er ikke en fotnote; forventet «1: tekst» eller «1: tekst | https://adresse»")
            continue
        url = match.group(3)
        if url and not _SAFE_URL.match(url):
            problems.append(
                f"{_at(sheet, line, 'notes')}: adressen «{url}» er ikke tillatt; "
                "forventet en adresse som begynner med https://, http:// eller mailto:"
            )
            continue
        refs.append(m.Reference(number=int(match.group(1)), text=match.group(2), url=url))
    marked = {int(n) for n in _MARKER.findall(text)}
    numbers = [r.number for r in refs]
    for n in sorted(marked - set(numbers)):
        problems.append(f"{_at(sheet, line, 'text')}: fotnotemerket [^{n}] har ingen fotnote; forventet linjen «{n}: …» i «Fotnoter»")
    for n in sorted(set(numbers) - marked):
        problems.append(f"{_at(sheet, line, 'notes')}: fotnote {n} er ikke merket i statusteksten; forventet [^{n}] i «Ny statustekst»")
    if len(set(numbers)) != len(numbers):
        problems.append(f"{_at(sheet, line, 'notes')}: samme fotnotenummer står to ganger; forventet hvert nummer én gang")
    return tuple(sorted(refs, key=lambda r: r.number))


def check(sheet: Sheet, plan: m.Plan, scale: tuple[m.Status, ...]) -> list[Row]:
    """The sheet's rows checked against the plan: known measures, unchanged titles, statuses on the scale."""
    problems: list[str] = []
    measures = {x.id: x for x in plan.measures}
    statuses = {s.label.casefold(): s for s in scale}
    seen: dict[str, int] = {}
    out: list[Row] = []
    for line, cells in sheet.cells:
        if not any(cells):
            continue  # an empty row
        ident = _cell(sheet, cells, "id")
        measure = measures.get(ident)
        if measure is None:
            problems.append(f"{_at(sheet, line, 'id')}: «{ident}» er ikke et tiltak i planen «{plan.id}»; "
                            "forventet ID-en fra malen (raden kan ha blitt lagt til eller endret)")
            continue
        if ident in seen:
            problems.append(f"{_at(sheet, line, 'id')}: tiltaket «{ident}» står også på rad {seen[ident]}; forventet én rad per tiltak")
            continue
        seen[ident] = line
        number, title = _cell(sheet, cells, "number"), _cell(sheet, cells, "title")
        if "number" in sheet.header and number and number != str(measure.number):
            problems.append(f"{_at(sheet, line, 'number')}: «{number}» er ikke nummeret til «{ident}»; forventet «{measure.number}»")
        if "title" in sheet.header and title and " ".join(title.split()) != " ".join(measure.title.split()):
            problems.append(f"{_at(sheet, line, 'title')}: raden heter «{title}», men tiltaket heter nå «{measure.title}» i planen; "
                            "forventet samme tittel (lag en ny mal hvis planen er endret)")
        label, text, notes = _cell(sheet, cells, "status"), _cell(sheet, cells, "text"), _cell(sheet, cells, "notes")
        status = statuses.get(label.casefold()) if label else None
        if label and status is None:
            problems.append(f"{_at(sheet, line, 'status')}: «{label}» er ikke en status i planens skala; "
                            f"forventet en av: {', '.join(s.label for s in scale)}")
            continue
        if status is None and (text or notes):
            problems.append(f"{_at(sheet, line, 'status')}: statustekst uten status; forventet en status fra listen")
            continue
        references = _references(sheet, line, notes, text, problems)
        out.append(Row(line=line, measure=measure, status=status, text=text, references=references))
    if problems:
        raise SheetErrors(problems)
    return out
