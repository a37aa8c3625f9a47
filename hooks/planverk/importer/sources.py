"""The text of a source document: plain text, a Word file (python-docx) or a text-based PDF (pypdf).

Each reader returns lines as the layout module expects them: one paragraph or table row per
line in Word, blank lines between paragraphs, bullet items marked with «•».
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path
from typing import Any

SUFFIXES = (".txt", ".docx", ".pdf")


class SourceError(Exception):
    """A source that cannot be read; the message is for the editor, in Norwegian."""


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # no-break and other odd spaces as plain spaces; soft hyphens and zero-width marks out
    text = text.translate({0xA0: " ", 0x2007: " ", 0x202F: " ", 0xAD: None, 0x200B: None, 0xFEFF: None})
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def read_txt(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return _clean(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _clean(raw.decode("cp1252"))  # what Word in Norway saves as «Ren tekst»


def _is_list_item(paragraph: Any) -> bool:  # a python-docx Paragraph (the library has no types)
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    if style.lower().startswith(("list bullet", "list number", "listeavsnitt", "list paragraph", "punktliste")):
        return True
    props = paragraph._p.pPr
    return props is not None and props.numPr is not None


def read_docx(path: Path) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError(f"{path.name}: kan ikke leses som et Word-dokument (.docx): {exc}") from None
    out: list[str] = []
    previous_item = False
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = " ".join(block.text.split("\n")).strip()
            if not text:
                continue
            item = _is_list_item(block)
            if out and not (item and previous_item):
                out.append("")  # a paragraph of its own; list items stay together
            out.append(f"• {text}" if item else text)
            previous_item = item
        elif isinstance(block, Table):
            if out:
                out.append("")
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:  # a merged cell is repeated by python-docx; keep it once
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):
                        cells.append(value)
                if cells:
                    out.append(" ".join(cells))
                    out.append("")
            previous_item = False
    return _clean("\n".join(out))


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError) as exc:
        raise SourceError(f"{path.name}: kan ikke leses som PDF: {exc}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise SourceError(f"{path.name}: PDF-en har ingen tekst (er den skannet?); forventet en PDF med tekst, "
                          "eller lagre dokumentet som .docx eller .txt")
    return _clean(text)


def read(path: Path) -> str:
    """The text of ``path``, by its ending; a :class:`SourceError` for anything else."""
    if not path.is_file():
        raise SourceError(f"Fant ikke filen {path}")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_txt(path)
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    raise SourceError(f"{path.name}: filtypen «{path.suffix}» kan ikke leses; forventet {', '.join(SUFFIXES)}")
