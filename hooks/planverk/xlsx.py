"""A table as an Excel workbook (.xlsx) that opens by double-click with Norwegian letters
intact: header row bold and frozen, columns wide enough to read, an autofilter, and numbers
and yes/no stored as such (pure: rows in, bytes out).

Text is always stored as text, so a cell from data that starts with "=" never runs as a
formula (openpyxl would otherwise write it as one). The bytes are deterministic: the
workbook's dates are given, and the zip entries get a fixed timestamp.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

MAX_WIDTH = 60  # characters; longer text wraps in the cell
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def workbook(sheet: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str, modified: datetime,
             widths: Sequence[int] | None = None) -> bytes:
    """The .xlsx bytes of one sheet. ``rows`` hold str, int, bool or None; ``widths`` (in
    characters) default to the header's length and the longest value, up to MAX_WIDTH."""
    rows = [list(r) for r in rows]
    if widths is None:
        widths = [min(MAX_WIDTH, max([len(h), *(len(str(r[i])) for r in rows if r[i] is not None)]) + 2)
                  for i, h in enumerate(header)]
    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.creator = "planverk"
    book.properties.created = book.properties.modified = modified
    ws = book.create_sheet(sheet)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    bold = Font(bold=True)
    ws.append([_cell(ws, h, font=bold) for h in header])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        # a plain value where openpyxl stores it as it is (a cell object costs ~25 % more)
        ws.append(
            [
                _cell(ws, v, alignment=wrap if len(v) > MAX_WIDTH else None)
                if isinstance(v, str) and (v.startswith("=") or len(v) > MAX_WIDTH)
                else v
                for v in row
            ]
        )
    raw = io.BytesIO()
    # ExcelWriter, not book.save(): save() stamps the time of the build as "modified".
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _fixed_zip(raw.getvalue())


def _cell(ws: Any, value: Any, **style: Any) -> Any:  # a WriteOnlyCell (a factory function in openpyxl's stubs)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula (openpyxl makes "=..." one)
    for name, setting in style.items():
        if setting is not None:
            setattr(cell, name, setting)
    return cell


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
