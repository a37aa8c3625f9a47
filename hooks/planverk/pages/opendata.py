"""The page that links the downloads of the measures table and documents each column (the
same descriptions as in datapackage.json: exports.CSV_FIELDS is the one source)."""

from __future__ import annotations

from .. import exports, urls
from ..text import md_text
from .base import Ctx, Page

TYPE_LABEL = {"string": "tekst", "integer": "heltall", "number": "tall (desimaltall)", "boolean": "sann/usann (true/false)"}


def open_data_page(ctx: Ctx) -> Page:
    # Markdown links, so MkDocs rewrites and checks them like every link to a file it builds
    downloads = "\n".join(f"- [{md_text(label)}]({ctx.to(f'data/{f}')}) (`{f}`): {md_text(text)}" for f, label, text in exports.DOWNLOADS)
    columns = [{"name": n, "type": TYPE_LABEL[t], "description": d} for n, t, d in exports.CSV_FIELDS]
    body = [
        "# Åpne data",
        "Alle tiltak i alle handlingsplaner kan lastes ned som én tabell, med ansvar, periode og status. "
        "Filene lages på nytt fra de samme dataene som nettstedet, hver gang det publiseres.",
        "## Last ned",
        downloads,
        "Har en plan flere statusrapporter, har et tiltak én rad per rapport. Kolonnen `gjeldende` er `true` "
        "på raden med tiltakets nyeste status: filtrer på den for å få én rad per tiltak.",
        "## Kolonnene",
        ctx.html("columns.html", columns=columns),
        "## Data per enhet",
        f"Hver organisasjon, strategi, handlingsplan, tiltak og nyhet har sin egen JSON-fil; "
        f"[listen over dem]({ctx.to(exports.INDEX)}) viser hvor. Nyheter og statusrapporter finnes også som "
        f"[RSS-strøm]({ctx.to(urls.FEED)}).",
        "## Lisens",
        "Dataene kan brukes fritt etter [Norsk lisens for offentlige data (NLOD 2.0)](https://data.norge.no/nlod/no/2.0).",
    ]
    return ctx.page(
        "Åpne data", "\n\n".join(body), description="Last ned alle tiltak som Excel, CSV eller JSON, med forklaring av hver kolonne"
    )
