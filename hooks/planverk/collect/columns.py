"""The workbook's columns, defined once for the template, the reader and the guide."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str  # as the editor sees it; the reader finds columns by this text
    width: int  # in Excel's character units
    wrap: bool = False
    editable: bool = False
    help: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", 14, help="Tiltakets id i planverk. Ikke endre."),
    Column("number", "Nr.", 7, help="Tiltakets nummer slik planen skriver det."),
    Column("title", "Tiltak", 45, wrap=True, help="Tiltakets tittel."),
    Column("responsible", "Ansvarlig", 26, wrap=True, help="Ansvarlige slik planen oppgir dem."),
    Column("previous_status", "Forrige status", 17, help="Status i forrige rapport."),
    Column("previous_text", "Forrige statustekst", 55, wrap=True, help="Statusteksten i forrige rapport."),
    Column("status", "Ny status", 17, editable=True, help="Velg fra listen. La stå tom hvis tiltaket ikke skal være med i rapporten."),
    Column("text", "Ny statustekst", 60, wrap=True, editable=True,
           help="Hva er gjort siden forrige rapport? Fotnotemerker skrives [^1]."),
    Column("notes", "Fotnoter", 40, wrap=True, editable=True,
           help="Én fotnote per linje: «1: tekst | https://adresse» (adressen kan utelates)."),
)

BY_KEY = {c.key: c for c in COLUMNS}
REQUIRED = ("id", "status", "text")

DATA_SHEET = "Status"
GUIDE_SHEET = "Veiledning"
VALUES_SHEET = "Verdier"  # the plan's status scale, for the drop-down list (hidden)
META_SHEET = "planverk"  # which plan the workbook is for (hidden)
