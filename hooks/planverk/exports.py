"""Open data: every measure of every plan as CSV, as a CSV for Excel, as an Excel workbook
and as JSON, a Frictionless datapackage.json describing them, and one JSON file per entity at
a stable URL (pure: model in, text or bytes out).

tiltak.csv is the standard file (UTF-8, comma) for programs; Excel in Norway reads it as
garbage, so the same table comes as tiltak.xlsx and as tiltak-excel.csv (UTF-8 with a
byte-order mark, semicolon, CRLF), which Excel opens correctly by double-click. URLs in the
exports are absolute (the site's site_url), and prose in the JSON is plain text.

Exports are made from the corpus of the build's audience, and never carry internal-only
fields, so nothing internal reaches a public file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from . import model as m
from . import urls
from .index import Index
from .plaintext import plain
from .progress import is_overdue, progress_class
from .xlsx import workbook

CSV_FIELDS: list[tuple[str, str, str]] = [  # name, Frictionless type, description (Norwegian)
    ("plan_id", "string", "Handlingsplanens id"),
    ("plan", "string", "Handlingsplanens navn"),
    ("tiltak_id", "string", "Tiltakets id i planen"),
    ("nummer", "string", "Tiltakets nummer slik kilden skriver det (tomt når kilden ikke nummererer)"),
    ("tittel", "string", "Tiltakets tittel"),
    ("gruppe_id", "string", "Id-en til gruppen tiltaket står i (tiltakspakke, innsatsområde, mål …)"),
    ("gruppe", "string", "Navnet på gruppen tiltaket står i"),
    ("ansvarlig_ids", "string", "Ansvarlige organisasjoner (id-er, skilt med semikolon)"),
    ("ansvarlig", "string", "Ansvarlige organisasjoner (navn, skilt med semikolon)"),
    ("samarbeidspart_ids", "string", "Samarbeidsparter (id-er, skilt med semikolon)"),
    ("samarbeidspart", "string", "Samarbeidsparter (navn, skilt med semikolon)"),
    ("ansvar_kilde", "string", "Ansvar slik kilden skriver det"),
    ("periode_start", "integer", "Første år (tom når kilden ikke oppgir det)"),
    ("periode_slutt", "integer", "Siste år (tom når perioden er åpen)"),
    ("periode", "string", "Perioden slik kilden skriver den"),
    ("rapport_id", "string", "Statusrapportens id (tom for tiltak uten rapport)"),
    ("status_per", "string", "Datoen statusen gjelder for (ÅÅÅÅ-MM)"),
    ("status", "string", "Status, slik planens statusskala skriver den"),
    ("statusskala", "string", "Statusskalaens id; planer kan bruke ulike skalaer"),
    ("framdrift", "string", "Framdriftsklassen, lik på tvers av skalaer: ikke-startet, pagar, forsinket, gjennomfort, "
                            "stoppet eller ukjent (et forfalt tiltak er forsinket)"),
    ("prosent", "number", "Hvor mange prosent av tiltaket som er gjennomført, når rapporten oppgir det"),
    ("forfalt", "boolean", "Perioden var over ved rapportdatoen uten at tiltaket var gjennomført"),
    ("gjeldende", "boolean", "Raden har tiltakets nyeste status (true på én rad per tiltak; velg disse for dagens status)"),
    ("nettadresse", "string", "Tiltakets side på nettstedet"),
    ("kilde", "string", "Kildedokumentets id"),
    ("kilde_side", "integer", "Side i kildedokumentet"),
]


def _json(data: Any) -> str:
    """JSON with <, > and & as \\u escapes: the exact text for every consumer, and inert even
    if someone pastes the file into an HTML page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Guard a CSV cell against spreadsheet formula injection (OWASP): text that a spreadsheet
    would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def csv_rows(corpus: m.Corpus, index: Index, *, site_url: str = "") -> Iterator[dict[str, Any]]:
    """One row per measure and report; a measure without a report still has its row.
    Links are absolute under ``site_url`` (relative to the site's root without it)."""
    for plan in corpus.plans.values():
        for measure in plan.measures:
            reports: list[tuple[m.StatusReport | None, m.StatusEntry | None]] = [
                (r, e) for r in plan.reports if (e := r.entry(measure.id)) is not None] or [(None, None)]
            for position, (report, entry) in enumerate(reports, 1):
                lead, partners = measure.responsibility.leading, measure.responsibility.partners
                overdue = is_overdue(measure, report, entry)
                yield {
                    "plan_id": plan.id, "plan": plan.title, "tiltak_id": measure.id, "nummer": measure.number,
                    "tittel": measure.title, "gruppe_id": measure.group.id, "gruppe": measure.group.title,
                    "ansvarlig_ids": ";".join(p.organisation.id for p in lead if p.organisation),
                    "ansvarlig": ";".join(p.label if not p.organisation else p.organisation.name for p in lead),
                    "samarbeidspart_ids": ";".join(p.organisation.id for p in partners if p.organisation),
                    "samarbeidspart": ";".join(p.label if not p.organisation else p.organisation.name for p in partners),
                    "ansvar_kilde": measure.responsibility.text or measure.responsibility.summary or "",
                    "periode_start": measure.period.start if measure.period and measure.period.start is not None else "",
                    "periode_slutt": measure.period.end if measure.period and measure.period.end else "",
                    "periode": measure.period.text if measure.period else "",
                    "rapport_id": report.id if report else "", "status_per": report.as_of if report else "",
                    "status": entry.status.label if entry else "", "statusskala": entry.status.scale if entry else "",
                    "framdrift": progress_class(measure, report, entry),
                    "prosent": entry.percent if entry and entry.percent is not None else "",
                    "forfalt": "true" if overdue else "false",
                    "gjeldende": "true" if position == len(reports) else "false",
                    "nettadresse": _absolute(site_url, measure.ref), "kilde": measure.source.document.id,
                    "kilde_side": measure.source.page or "",
                }


def _absolute(site_url: str, ref: str) -> str:
    base = site_url.rstrip("/") + "/" if site_url else ""
    return base + urls.url_of(urls.page_of(ref))


def measures_csv(corpus: m.Corpus, index: Index, *, site_url: str = "") -> str:
    """The standard CSV (RFC 4180, UTF-8 without BOM, comma) for programs."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f for f, _, _ in CSV_FIELDS], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in csv_rows(corpus, index, site_url=site_url))
    return out.getvalue()


def measures_csv_excel(corpus: m.Corpus, index: Index, *, site_url: str = "") -> bytes:
    """The same table as Excel with Norwegian settings reads a CSV: UTF-8 with a byte-order
    mark (without it Excel guesses Windows-1252: "Ã¸" for "ø"), semicolon as the list
    separator (a comma is the decimal sign), CRLF line ends."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f for f, _, _ in CSV_FIELDS], delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in csv_rows(corpus, index, site_url=site_url))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def measures_xlsx(corpus: m.Corpus, index: Index, *, site_url: str = "") -> bytes:
    """The table as an Excel workbook: integers as numbers, true/false as Excel's booleans."""
    types = [t for _, t, _ in CSV_FIELDS]

    def value(kind: str, v: Any) -> Any:
        if v == "":
            return None
        if kind == "boolean":
            return v == "true"
        return v

    rows = ([value(t, row[name]) for (name, _, _), t in zip(CSV_FIELDS, types, strict=False)]
            for row in csv_rows(corpus, index, site_url=site_url))
    return workbook("Tiltak", [f for f, _, _ in CSV_FIELDS], rows, title=DATASET_TITLE, modified=_data_date(corpus))


def _data_date(corpus: m.Corpus) -> datetime:
    """The newest date in the data (a report's publication or status date), for the workbook's
    metadata: deterministic, unlike the time of the build."""
    dates = [d for p in corpus.plans.values() for r in p.reports for d in (r.as_of, r.published) if d]
    newest = max(dates, default="2000-01")
    year, month, *day = (int(x) for x in newest.split("-"))
    return datetime(year, month, day[0] if day else 1)


def _source(source: m.Source) -> dict[str, Any]:
    return {"dokument": source.document.id, "side": source.page}


def _period(period: m.Period | None) -> dict[str, Any] | None:
    return None if period is None else {"start": period.start, "slutt": period.end, "tekst": period.text}


def measure_json(plan: m.Plan, measure: m.Measure, *, site_url: str = "") -> dict[str, Any]:
    """A measure with its status history; prose (plan text, narratives) as plain text."""
    return {
        "id": measure.id, "ref": measure.ref, "plan": plan.id, "nummer": measure.number, "tittel": measure.title,
        "overordnet": measure.parent.id if measure.parent else None,
        "gruppe": {"id": measure.group.id, "nummer": measure.group.number, "tittel": measure.group.title},
        "ansvar": {"oversikt": measure.responsibility.summary, "tekst": measure.responsibility.text,
                   "parter": [{"organisasjon": p.organisation.id if p.organisation else None, "tekst": p.text, "rolle": p.role.id}
                              for p in measure.responsibility.parties]},
        "aktorer": [o.id for o in measure.actors],
        "periode": _period(measure.period), "periode_i_oversikten": _period(measure.overview_period),
        "beskrivelse": plain(measure.description), "temaer": [t.id for t in measure.themes],
        "status": [{"rapport": r.id, "per": r.as_of, "status": e.status.label, "skala": e.status.scale,
                    "framdrift": progress_class(measure, r, e), "prosent": e.percent, "tekst": plain(e.narrative),
                    "referanser": [{"nummer": x.number, "tekst": x.text, "url": x.url} for x in e.references]}
                   for r in plan.reports for e in [r.entry(measure.id)] if e is not None],
        "nettadresse": _absolute(site_url, measure.ref), "kilde": _source(measure.source),
    }


def measures_json(corpus: m.Corpus, *, site_url: str = "") -> str:
    return _json({"tiltak": [measure_json(p, x, site_url=site_url) for p in corpus.plans.values() for x in p.measures],
                  "oppsummeringer": summaries_json(corpus)})


def summaries_json(corpus: m.Corpus) -> list[dict[str, Any]]:
    """The reports' summary figures (per group, or for the whole plan: gruppe null), with their text."""
    return [{"plan": p.id, "rapport": r.id, "per": r.as_of, "gruppe": x.group, "tekst": x.text, "prosent": x.percent}
            for p in corpus.plans.values() for r in p.reports for x in r.summaries]


DATASET_TITLE = "Tiltak i handlingsplanene, med ansvar og status"

# The downloads of the measures table: (file, label for the page that links them, what it is for).
DOWNLOADS = (
    ("tiltak.xlsx", "Excel (.xlsx)", "Åpnes i Excel med et dobbeltklikk: overskriftsraden står fast, filter på hver kolonne."),
    ("tiltak-excel.csv", "CSV for Excel", "Semikolon og UTF-8 med byte-order mark, slik norsk Excel leser CSV."),
    ("tiltak.csv", "CSV", "Standard CSV (komma, UTF-8) for programmer som R, Python og regneark utenom Excel."),
    ("tiltak.json", "JSON", "Tiltakene med planteksten og hele statushistorikken."),
    ("datapackage.json", "Datapakke (Frictionless)", "Beskriver filene og hver kolonne maskinlesbart."),
)
INDEX = "data/index.json"  # where every entity's JSON is (the open-data page links it)

# The export files pages link to (the downloads and the index): MkDocs checks those links
# against the build's files, so a build that writes the exports in the background lists these
# up front (hooks/planverk/parallel.py).
LINKED = (*(f"data/{name}" for name, _, _ in DOWNLOADS), INDEX)


def _description(corpus: m.Corpus) -> str:
    """What the table holds, true for any number of reports."""
    reports = [f"{p.title}: " + ", ".join(f"{r.title} (status per {r.as_of})" for r in p.reports)
               for p in corpus.plans.values() if p.reports]
    without = [p.title for p in corpus.plans.values() if not p.reports]
    text = ("Alle tiltak i alle handlingsplaner med ansvar, periode og status. Én rad per tiltak og statusrapport "
            "tiltaket er med i; et tiltak som ikke er med i noen rapport, har én rad uten status. Har en plan flere "
            "statusrapporter, har et tiltak én rad per rapport: velg radene der gjeldende er true for den nyeste "
            "statusen (én rad per tiltak).")
    if reports:
        text += " Statusrapportene i dataene: " + "; ".join(reports) + "."
    if without:
        text += " Uten statusrapport: " + ", ".join(without) + "."
    return text


def datapackage(corpus: m.Corpus, *, site_url: str = "") -> str:
    base = site_url.rstrip("/") + "/" if site_url else ""
    schema = {"fields": [{"name": n, "type": t, "description": d} for n, t, d in CSV_FIELDS], "missingValues": [""]}
    package = {
        "profile": "data-package",
        "name": "planverk-tiltak",
        "title": DATASET_TITLE,
        "description": _description(corpus),
        **({"homepage": base} if base else {}),
        "licenses": [{"name": "NLOD-2.0", "title": "Norsk lisens for offentlige data", "path": "https://data.norge.no/nlod/no/2.0"}],
        # with no site address, relative to this file in data/ (Frictionless resolves paths from the descriptor)
        "sources": [{"title": d.title, "path": _absolute(site_url, d.ref) if base else "../" + _absolute("", d.ref)}
                    for d in corpus.documents.values()],
        "resources": [
            {"name": "tiltak-csv", "path": "tiltak.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "schema": schema},
            {"name": "tiltak-excel-csv", "path": "tiltak-excel.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "dialect": {"delimiter": ";", "lineTerminator": "\r\n"},
             "description": "Samme tabell for Excel: semikolon som skilletegn og UTF-8 med byte-order mark (BOM).",
             "schema": schema},
            {"name": "tiltak-xlsx", "path": "tiltak.xlsx", "profile": "tabular-data-resource", "format": "xlsx",
             "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "description": "Samme tabell som Excel-arbeidsbok (arket «Tiltak»).", "schema": schema},
            {"name": "tiltak-json", "path": "tiltak.json", "profile": "data-resource", "format": "json",
             "mediatype": "application/json", "encoding": "utf-8",
             "description": "De samme tiltakene som JSON, med planteksten (ren tekst) og statushistorikken."},
        ],
    }
    return _json(package)


def entity_json(corpus: m.Corpus, index: Index, ref: str, *, site_url: str = "") -> dict[str, Any] | None:
    """The JSON document of one entity, or None for kinds without one."""
    entity = corpus.get(ref)
    kind = ref.partition(":")[0]
    base: dict[str, Any] = {"ref": ref, "type": kind, "nettadresse": _absolute(site_url, ref)}
    if isinstance(entity, m.Measure):
        return {**base, **measure_json(corpus.plans[entity.plan_id], entity, site_url=site_url)}
    if isinstance(entity, m.Organisation):
        return {**base, "id": entity.id, "forkortelse": entity.abbreviation, "navn": entity.name, "type_organisasjon": entity.category,
                "tidligere_navn": [f.name for f in entity.former_names], "hører_under": entity.parent_id,
                "tiltak": sorted({f"{i.measure.ref}" for i in index.involvement.get(entity.id, ())}), "kilde": _source(entity.source)}
    if isinstance(entity, m.Plan):
        return {
            **base,
            "id": entity.id,
            "tittel": entity.title,
            "undertittel": entity.subtitle,
            "eier": entity.owner.id,
            "periode": _period(entity.period),
            "grupper": [g.id for g in entity.groups],
            "tiltak": [x.id for x in entity.all_measures],
            "rapporter": [{"id": r.id, "per": r.as_of, "publisert": r.published} for r in entity.reports],
            "kilde": _source(entity.source),
        }
    if isinstance(entity, m.Strategy):
        return {**base, "id": entity.id, "tittel": entity.title, "eier": entity.owner.id, "periode": _period(entity.period),
                "visjon": entity.vision.title if entity.vision else None, "verdier": [v.name for v in entity.values],
                "omrader": [{"id": a.id, "tittel": a.title, "mal": [{"id": g.id, "tittel": g.title, "delmal": [s.text for s in g.subgoals]}
                                                                  for g in a.goals]} for a in entity.areas],
                "kilde": _source(entity.source)}
    if isinstance(entity, m.Goal):
        return {**base, "id": entity.id, "tittel": entity.title, "delmal": [{"id": s.id, "tekst": s.text} for s in entity.subgoals],
                "relasjoner": [r.from_ref for r in index.relations_to.get(ref, ())], "kilde": _source(entity.source)}
    if isinstance(entity, m.NewsItem):
        return {**base, "id": entity.id, "tittel": entity.title, "dato": entity.date, "utgiver": entity.publisher.id,
                "tekst": plain(entity.body), "kilde": _source(entity.source)}
    return {**base, "tittel": entity.title, **({"kilde": _source(entity.source)} if entity.source else {})}


def json_path(ref: str) -> str:
    """Stable location of an entity's JSON: measure:gode-krefter/tiltak-21 -> data/measure/gode-krefter/tiltak-21.json."""
    kind, _, path = ref.partition(":")
    return f"data/{kind}/{path}.json"


def all_files(corpus: m.Corpus, index: Index, *, site_url: str) -> Iterator[tuple[str, str | bytes]]:
    """(site path, content) of every export file; links in them are absolute under ``site_url``."""
    yield "data/tiltak.csv", measures_csv(corpus, index, site_url=site_url)
    yield "data/tiltak-excel.csv", measures_csv_excel(corpus, index, site_url=site_url)
    yield "data/tiltak.xlsx", measures_xlsx(corpus, index, site_url=site_url)
    yield "data/tiltak.json", measures_json(corpus, site_url=site_url)
    yield "data/datapackage.json", datapackage(corpus, site_url=site_url)
    listing = []
    for ref in sorted(corpus.entities):
        if ref.startswith(("term:", "report:")):
            continue
        document = entity_json(corpus, index, ref, site_url=site_url)
        if document is None:
            continue
        listing.append({"ref": ref, "json": json_path(ref)})
        yield json_path(ref), _json(document)
    yield INDEX, _json({"enheter": listing})
