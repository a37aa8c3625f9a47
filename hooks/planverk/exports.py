"""Open data: every measure of every plan as CSV and JSON, a Frictionless datapackage.json
describing both, and one JSON file per entity at a stable URL (pure: model in, text out).

Exports are made from the corpus of the build's audience, and never carry internal-only
fields, so nothing internal reaches a public file.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterator

from . import model as m
from . import urls
from .index import Index

CSV_FIELDS: list[tuple[str, str, str]] = [  # name, Frictionless type, description (Norwegian)
    ("plan_id", "string", "Handlingsplanens id"),
    ("plan", "string", "Handlingsplanens navn"),
    ("tiltak_id", "string", "Tiltakets id i planen"),
    ("nummer", "integer", "Tiltakets nummer"),
    ("tittel", "string", "Tiltakets tittel"),
    ("gruppe_id", "string", "Tiltakspakkens / prioriteringsområdets id"),
    ("gruppe", "string", "Tiltakspakkens / prioriteringsområdets navn"),
    ("ansvarlig_ids", "string", "Ansvarlige organisasjoner (id-er, skilt med semikolon)"),
    ("ansvarlig", "string", "Ansvarlige organisasjoner (navn, skilt med semikolon)"),
    ("samarbeidspart_ids", "string", "Samarbeidsparter (id-er, skilt med semikolon)"),
    ("samarbeidspart", "string", "Samarbeidsparter (navn, skilt med semikolon)"),
    ("ansvar_kilde", "string", "Ansvar slik kilden skriver det"),
    ("periode_start", "integer", "Første år"),
    ("periode_slutt", "integer", "Siste år (tom når perioden er åpen)"),
    ("periode", "string", "Perioden slik kilden skriver den"),
    ("rapport_id", "string", "Statusrapportens id (tom for tiltak uten rapport)"),
    ("status_per", "string", "Datoen statusen gjelder for (ÅÅÅÅ-MM)"),
    ("status", "string", "Status"),
    ("forfalt", "boolean", "Perioden var over ved rapportdatoen uten at tiltaket var gjennomført"),
    ("nettadresse", "string", "Tiltakets side på nettstedet (relativ)"),
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


def _parties(measure: m.Measure, lead: bool) -> list[m.Party]:
    return [p for p in measure.responsibility.parties if (p.role.id == "ansvarlig") == lead]


def csv_rows(corpus: m.Corpus, index: Index) -> Iterator[dict[str, Any]]:
    """One row per measure and report; a measure without a report still has its row."""
    for plan in corpus.plans.values():
        for measure in plan.measures:
            reports = [(r, r.entry(measure.id)) for r in plan.reports]
            reports = [(r, e) for r, e in reports if e is not None] or [(None, None)]
            for report, entry in reports:
                lead, partners = _parties(measure, True), _parties(measure, False)
                overdue = (report is not None and entry is not None and measure.period is not None
                           and measure.period.ended_before(report.as_of_year) and not entry.status.done)
                yield {
                    "plan_id": plan.id, "plan": plan.title, "tiltak_id": measure.id, "nummer": measure.number,
                    "tittel": measure.title, "gruppe_id": measure.package.id, "gruppe": measure.package.title,
                    "ansvarlig_ids": ";".join(p.organisation.id for p in lead if p.organisation),
                    "ansvarlig": ";".join(p.label if not p.organisation else p.organisation.name for p in lead),
                    "samarbeidspart_ids": ";".join(p.organisation.id for p in partners if p.organisation),
                    "samarbeidspart": ";".join(p.label if not p.organisation else p.organisation.name for p in partners),
                    "ansvar_kilde": measure.responsibility.text or measure.responsibility.summary or "",
                    "periode_start": measure.period.start if measure.period else "",
                    "periode_slutt": measure.period.end if measure.period and measure.period.end else "",
                    "periode": measure.period.text if measure.period else "",
                    "rapport_id": report.id if report else "", "status_per": report.as_of if report else "",
                    "status": entry.status.label if entry else "", "forfalt": "true" if overdue else "false",
                    "nettadresse": urls.url_of(urls.page_of(measure.ref)), "kilde": measure.source.document.id,
                    "kilde_side": measure.source.page or "",
                }


def measures_csv(corpus: m.Corpus, index: Index) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f for f, _, _ in CSV_FIELDS], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in csv_rows(corpus, index))
    return out.getvalue()


def _source(source: m.Source) -> dict[str, Any]:
    return {"dokument": source.document.id, "side": source.page}


def _period(period: m.Period | None) -> dict[str, Any] | None:
    return None if period is None else {"start": period.start, "slutt": period.end, "tekst": period.text}


def measure_json(plan: m.Plan, measure: m.Measure) -> dict[str, Any]:
    return {
        "id": measure.id, "ref": measure.ref, "plan": plan.id, "nummer": measure.number, "tittel": measure.title,
        "gruppe": {"id": measure.package.id, "nummer": measure.package.number, "tittel": measure.package.title},
        "ansvar": {"oversikt": measure.responsibility.summary, "tekst": measure.responsibility.text,
                   "parter": [{"organisasjon": p.organisation.id if p.organisation else None, "tekst": p.text, "rolle": p.role.id}
                              for p in measure.responsibility.parties]},
        "aktorer": [o.id for o in measure.actors],
        "periode": _period(measure.period), "periode_i_oversikten": _period(measure.overview_period),
        "beskrivelse": measure.description, "temaer": [t.id for t in measure.themes],
        "status": [{"rapport": r.id, "per": r.as_of, "status": e.status.label, "tekst": e.narrative,
                    "referanser": [{"nummer": x.number, "tekst": x.text, "url": x.url} for x in e.references]}
                   for r in plan.reports for e in [r.entry(measure.id)] if e is not None],
        "nettadresse": urls.url_of(urls.page_of(measure.ref)), "kilde": _source(measure.source),
    }


def measures_json(corpus: m.Corpus) -> str:
    return _json({"tiltak": [measure_json(p, x) for p in corpus.plans.values() for x in p.measures]})


def datapackage(corpus: m.Corpus) -> str:
    package = {
        "profile": "data-package",
        "name": "planverk-tiltak",
        "title": "Tiltak i handlingsplanene, med ansvar og status",
        "description": "Alle tiltak i alle handlingsplaner, én rad per tiltak og statusrapport.",
        "licenses": [{"name": "NLOD-2.0", "title": "Norsk lisens for offentlige data", "path": "https://data.norge.no/nlod/no/2.0"}],
        "sources": [{"title": d.title, "path": f"kilder/{d.id}/"} for d in corpus.documents.values()],
        "resources": [
            {"name": "tiltak-csv", "path": "tiltak.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in CSV_FIELDS],
                        "missingValues": [""]}},
            {"name": "tiltak-json", "path": "tiltak.json", "profile": "data-resource", "format": "json",
             "mediatype": "application/json", "encoding": "utf-8",
             "description": "De samme tiltakene som JSON, med planteksten og statushistorikken."},
        ],
    }
    return _json(package)


def entity_json(corpus: m.Corpus, index: Index, ref: str) -> dict[str, Any] | None:
    """The JSON document of one entity, or None for kinds without one."""
    entity = corpus.get(ref)
    kind = ref.partition(":")[0]
    base: dict[str, Any] = {"ref": ref, "type": kind, "nettadresse": urls.url_of(urls.page_of(ref))}
    if isinstance(entity, m.Measure):
        return {**base, **measure_json(corpus.plans[entity.plan_id], entity)}
    if isinstance(entity, m.Organisation):
        return {**base, "id": entity.id, "forkortelse": entity.abbreviation, "navn": entity.name, "type_organisasjon": entity.kind,
                "tidligere_navn": [f.name for f in entity.former_names], "hører_under": entity.parent_id,
                "tiltak": sorted({f"{i.measure.ref}" for i in index.involvement.get(entity.id, ())}), "kilde": _source(entity.source)}
    if isinstance(entity, m.Plan):
        return {**base, "id": entity.id, "tittel": entity.title, "undertittel": entity.subtitle, "eier": entity.owner.id,
                "periode": _period(entity.period), "grupper": [p.id for p in entity.packages], "tiltak": [x.id for x in entity.measures],
                "rapporter": [{"id": r.id, "per": r.as_of, "publisert": r.published} for r in entity.reports], "kilde": _source(entity.source)}
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
                "tekst": entity.body, "kilde": _source(entity.source)}
    title = getattr(entity, "title", None) or getattr(entity, "name", None)
    if title is None:
        return None
    source = getattr(entity, "source", None)
    return {**base, "tittel": title, **({"kilde": _source(source)} if isinstance(source, m.Source) else {})}


def json_path(ref: str) -> str:
    """Stable location of an entity's JSON: measure:gode-krefter/tiltak-21 -> data/measure/gode-krefter/tiltak-21.json."""
    kind, _, path = ref.partition(":")
    return f"data/{kind}/{path}.json"


def all_files(corpus: m.Corpus, index: Index) -> Iterator[tuple[str, str]]:
    """(site path, content) of every export file."""
    yield "data/tiltak.csv", measures_csv(corpus, index)
    yield "data/tiltak.json", measures_json(corpus)
    yield "data/datapackage.json", datapackage(corpus)
    listing = []
    for ref in sorted(corpus.entities):
        if ref.startswith(("term:", "report:")):
            continue
        document = entity_json(corpus, index, ref)
        if document is None:
            continue
        listing.append({"ref": ref, "json": json_path(ref)})
        yield json_path(ref), _json(document)
    yield "data/index.json", _json({"enheter": listing})
