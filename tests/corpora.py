"""Literal corpora for code tests: a data/ folder written from Python literals.

A code test states the shape it needs in a few lines and asserts what the code makes of
it, so it never depends on what data/ holds today::

    data = Data(tmp_path)
    data.org("dep", "Departementet", abbreviation="DEP")
    data.plan("p", measures=[measure(1, status="Igangsatt"), measure(2)])
    corpus = data.load()            # the real schema, loader and checks
    build = data.build(tmp_path / "site")

Everything goes through the same schema (copied from data/schema/) and loader as real data.
Measures, groups and entries get small valid defaults; pass any field to override it.
``Data.report`` takes the statuses per measure id. Text for a document's source is optional.

Shapes today's model can express are the helpers below (``plan_with_groups``,
``strategy_with_goals_linked_from_a_plan``, ``report_covering``, ``organisation_with_history``,
``internal_data``, ``plan_with_custom_scale``). Shapes waiting for issue 11's model (per-goal
numbering, three responsibility roles, unnumbered measures, sub-measures, a nynorsk document)
are listed in ``WAITING_FOR_THE_MODEL``.
"""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planverk.load import load
from planverk.model import Corpus
from support import DATA, Build, build_site

# The Gode krefter scale and the two roles: literals, not read from data/vocabulary.yml.
VOCABULARY = {
    "scales": [{"id": "fire-trinn", "label": "Fire trinn", "statuses": [
        {"id": "ikke-igangsatt", "label": "Ikke igangsatt", "description": "Ikke startet.", "progress": "ikke-startet"},
        {"id": "under-planlegging", "label": "Under planlegging", "description": "Planlegges.", "progress": "ikke-startet"},
        {"id": "igangsatt", "label": "Igangsatt", "description": "Under gjennomføring.", "progress": "pagar"},
        {"id": "gjennomfort", "label": "Gjennomført", "description": "Gjennomført.", "progress": "gjennomfort"},
    ]}],
    "roles": [
        {"id": "ansvarlig", "label": "Ansvarlig", "description": "Har ansvaret.", "leads": True},
        {"id": "samarbeidspart", "label": "Samarbeidspart", "description": "Samarbeider."},
    ],
    "relation_kinds": [
        {"id": "viser-til", "label": "Viser til", "inverse_label": "Omtalt i"},
        {"id": "gjelder", "label": "Gjelder", "inverse_label": "Omtalt i"},
        {"id": "bidrar-til", "label": "Bidrar til", "inverse_label": "Støttes av"},
    ],
}

# Shapes issue 11's model will express; add a builder for each when the model lands
# (maintainers/plan-model.md §2). Not faked here: today's schema refuses them.
WAITING_FOR_THE_MODEL = {
    "per-goal numbering": "a plan whose groups are goals (kind «mål») numbering their own measures "
                          "«Mål 3, tiltak 1»: the same number under two goals, shown as written",
    "three responsibility roles": "ansvarlig departement, utførende virksomhet, deltakende virksomheter, "
                                  "several bodies per role, and «FIN/DFD» with no lead; one measure «ikke oppgitt i kilden»",
    "unnumbered measures": "measures without number, ordered as in the file, with stable readable URLs",
    "sub-measures": "a measure with sub-measures, each with its own responsible body",
    "nynorsk document": "documents.yml has no `language` today: a document with language nn whose pages "
                        "carry lang=\"nn\" and the nynorsk labels (Ansvarleg, …)",
}


def _write(path: Path, schema: str, data: Any) -> None:
    """JSON is YAML: every string comes out quoted, so nothing is misread (yes/no, dates)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    depth = "" if path.parent.name == "data" else "../"
    path.write_text(f"# yaml-language-server: $schema={depth}schema/{schema}\n" + json.dumps(data, ensure_ascii=False, indent=1)
                    + "\n", encoding="utf-8")


def _write_documents(path: Path, documents: list[dict]) -> None:
    """documents.yml in block style, as editors and the import commands write it (they append an
    entry to the list); each value is a JSON scalar, which is YAML too."""
    lines = ["# yaml-language-server: $schema=schema/documents.schema.json", "documents:"]
    for document in documents:
        for n, (key, value) in enumerate(document.items()):
            lines.append(("  - " if n == 0 else "    ") + f"{key}: {json.dumps(value, ensure_ascii=False)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(number: int | str | None, *, group: str | None = "pakke-1", lead: str | None = "dep", partners: tuple[str, ...] = (),
            period: tuple[int, int | None] = (2020, 2022), id: str | None = None, **extra: Any) -> dict:
    """A measure: ``tiltak-<number>`` in ``group`` (None: a sub-measure, give ``parent``), led by ``lead`` (None: no party)."""
    start, end = period
    parties = ([{"org": lead, "role": "ansvarlig"}] if lead else []) + [{"org": o, "role": "samarbeidspart"} for o in partners]
    found = {"id": id or f"tiltak-{number}", "number": number, **({"group": group} if group else {}), "title": f"Tiltak nummer {number}",
             "responsibility": {"parties": parties},
             "period": {"start": start, "end": end, "text": f"{start}-{end if end is not None else ''}"},
             "description": f"Beskrivelse av tiltak {number}.", "source": {"page": None}}
    found.update(extra)
    return found


def group(number: int, *, label: str = "Tiltakspakke", **extra: Any) -> dict:
    return {"id": f"pakke-{number}", "number": str(number), "label": label, "title": f"Pakke {number}", **extra}


@dataclass
class Data:
    """A data/ folder being written; ``write()`` is called by ``load()`` and ``build()``."""

    tmp: Path
    documents: list[dict] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # file name -> text
    organisations: list[dict] = field(default_factory=list)
    terms: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    files: dict[str, tuple[str, Any]] = field(default_factory=dict)  # relative path -> (schema, data)
    relations: list[dict] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # relative path -> text written as is (prose files)
    vocabulary: dict = field(default_factory=lambda: copy.deepcopy(VOCABULARY))

    def __post_init__(self) -> None:
        self.root = self.tmp / "data"
        self.document("kilde")
        self.org("dep", "Departementet for prøver", abbreviation="DEP", document="kilde")

    # --- the parts ------------------------------------------------------------------------

    def document(self, id: str, *, text: str = "", kind: str = "handlingsplan", has_pages: bool = False,
                 title: str | None = None, publisher: str = "dep", **extra: Any) -> str:
        self.documents.append({"id": id, "title": title or f"Dokumentet {id}", "kind": kind, "publisher": publisher,
                               "date": "2020-01", "file": f"{id}.txt", "has_pages": has_pages, **extra})
        self.sources[f"{id}.txt"] = text or f"Kildeteksten til {id}.\n"
        return id

    def org(self, id: str, name: str, *, abbreviation: str | None = None, kind: str = "departement",
            document: str = "kilde", **extra: Any) -> dict:
        found = {"id": id, "abbreviation": abbreviation, "name": name, "kind": kind,
                 "source": {"document": document, "page": None}, **extra}
        self.organisations.append(found)
        return found

    def theme(self, id: str, title: str) -> None:
        self.themes.append({"id": id, "title": title, "description": f"Om {title.lower()}."})

    def plan(self, id: str, *, measures: list[dict], groups: list[dict] | None = None, title: str | None = None,
             owner: str = "dep", document: str = "kilde", period: tuple[int, int] = (2020, 2024), **extra: Any) -> dict:
        """A plan file; without ``groups``, one group per group id the measures name."""
        if groups is None:
            groups = [group(int(pid.rsplit("-", 1)[1])) for pid in dict.fromkeys(x["group"] for x in measures if "group" in x)]
        data = {"id": id, "title": title or f"Planen {id}", "owner": owner,
                "period": {"start": period[0], "end": period[1], "text": f"{period[0]}-{period[1]}"},
                "source": {"document": document, "page": None}, "description": f"Om planen {id}.",
                "groups": groups, "measures": measures, **extra}
        self.files[f"plans/{id}.yml"] = ("plan.schema.json", data)
        return data

    def report(self, id: str, *, plan: str, as_of: str, statuses: dict[str, str], document: str = "kilde",
               title: str | None = None, **extra: Any) -> dict:
        """A status report: ``statuses`` maps measure id -> status label, in the order given."""
        data = {"id": id, "plan": plan, "title": title or f"Statusrapport {as_of}", "as_of": as_of,
                "source": {"document": document, "page": None},
                "entries": [{"measure": m, "status": s, "source": {"page": None}} for m, s in statuses.items()], **extra}
        self.files[f"reports/{id}.yml"] = ("report.schema.json", data)
        return data

    def strategy(self, id: str, *, owner: str = "dep", document: str = "kilde", **blocks: Any) -> dict:
        data = {"id": id, "title": f"Strategien {id}", "owner": owner,
                "period": {"start": 2021, "end": 2025, "text": "2021-2025"}, "source": {"document": document, "page": None},
                **blocks}
        self.files[f"strategies/{id}.yml"] = ("strategy.schema.json", data)
        return data

    def prose(self, rel: str, ref: str, field: str, text: str) -> str:
        """A Markdown prose file ``rel`` (``plans/p/om.md``) giving ``ref``'s ``field``; returns its text.
        Remove the field from the data file yourself: a text stands in one place."""
        self.texts[rel] = f"---\nref: {ref}\nfield: {field}\n---\n{text}"
        return self.texts[rel]

    def relation(self, from_ref: str, to_ref: str, *, kind: str = "bidrar-til", quote: str = "Kildeteksten",
                 document: str = "kilde") -> None:
        self.relations.append({"from": from_ref, "to": to_ref, "kind": kind, "quote": quote,
                               "source": {"document": document, "page": None}})

    # --- writing, loading, building ---------------------------------------------------------

    def write(self) -> Path:
        if self.root.exists():
            shutil.rmtree(self.root)
        shutil.copytree(DATA / "schema", self.root / "schema")
        for sub in ("plans", "reports", "strategies", "news", "relations", "errata"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        _write(self.root / "vocabulary.yml", "vocabulary.schema.json", self.vocabulary)
        _write_documents(self.root / "documents.yml", self.documents)
        _write(self.root / "organisations.yml", "organisations.schema.json", {"organisations": self.organisations})
        _write(self.root / "glossary.yml", "glossary.schema.json", {"terms": self.terms})
        _write(self.root / "themes.yml", "themes.schema.json", {"themes": self.themes})
        for name, text in self.sources.items():
            (self.root / "sources").mkdir(exist_ok=True)
            (self.root / "sources" / name).write_text(text, encoding="utf-8")
        for rel, (schema, data) in self.files.items():
            _write(self.root / rel, schema, data)
        for rel, text in self.texts.items():
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.root / rel).write_text(text, encoding="utf-8")
        if self.relations:
            _write(self.root / "relations" / "relasjoner.yml", "relations.schema.json", {"relations": self.relations})
        return self.root

    def load(self, audience: str = "public") -> Corpus:
        return load(self.write(), audience)

    def build(self, tmp: Path, *, config: str = "mkdocs.yml") -> Build:
        """A --strict site build from this data (a subprocess, as `make site`)."""
        return build_site(tmp, config=config, data=self.write())


# --- shapes today's model can express ---------------------------------------------------------


def plan_with_groups(data: Data, id: str = "plan-a", *, sizes: tuple[int, ...] = (2, 3)) -> dict:
    """A plan with ``len(sizes)`` groups holding that many measures each, numbered 1..n across the plan."""
    measures, number = [], 0
    for k, size in enumerate(sizes, 1):
        for _ in range(size):
            number += 1
            measures.append(measure(number, group=f"pakke-{k}"))
    return data.plan(id, measures=measures, groups=[group(k) for k in range(1, len(sizes) + 1)])


def report_covering(data: Data, plan: dict, statuses: list[str], *, as_of: str = "2021-06", id: str | None = None) -> dict:
    """A report giving the plan's measures, in order, the statuses listed (fewer statuses: fewer entries)."""
    pairs = {x["id"]: s for x, s in zip(plan["measures"], statuses, strict=False)}
    return data.report(id or f"{plan['id']}-{as_of}", plan=plan["id"], as_of=as_of, statuses=pairs)


def strategy_with_goals_linked_from_a_plan(data: Data, plan: dict, *, linked: dict[str, list[int]]) -> dict:
    """A strategy with one area whose goals are ``linked`` (goal id -> numbers of the plan's measures
    that contribute to it; an empty list leaves the goal without measures)."""
    goals = [{"id": g, "title": f"Målet {g}", "subgoals": [{"id": "delmal-1", "text": f"Delmål for {g}"}]} for g in linked]
    strategy = data.strategy("strategi-a", areas={"items": [{"id": "omrade-a", "title": "Området", "goals": goals}]})
    for goal, numbers in linked.items():
        for number in numbers:
            data.relation(f"measure:{plan['id']}/tiltak-{number}", f"goal:strategi-a/omrade-a/{goal}")
    return strategy


def second_report(tmp: Path) -> Data:
    """Plan «plan-a» (six measures) with a report per 2011-08 and one per 2012-02 that makes one
    change of every kind: forward, back, responsibility, narrative, removed, added."""
    data = Data(tmp)
    data.org("forsk", "Forskningsinstituttet", kind="forskningsinstitutt")
    data.plan("plan-a", title="Prøveplanen", measures=[measure(n, group="pakke-1" if n < 4 else "pakke-2") for n in range(1, 7)],
              groups=[group(1), group(2)])
    first = data.report("plan-a-2011-08", plan="plan-a", as_of="2011-08", title="Statusrapport oktober 2011",
                        statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Gjennomført", "tiltak-3": "Igangsatt",
                                  "tiltak-4": "Igangsatt", "tiltak-5": "Igangsatt"})
    first["entries"][3]["narrative"] = "Rapporten kommer."
    second = data.report("plan-a-2012-02", plan="plan-a", as_of="2012-02", title="Statusrapport mars 2012", published="2012-03",
                         statuses={"tiltak-1": "Gjennomført", "tiltak-2": "Igangsatt", "tiltak-3": "Igangsatt",
                                   "tiltak-4": "Igangsatt", "tiltak-6": "Ikke igangsatt"})
    second["entries"][2]["responsibility"] = {"parties": [{"org": "dep", "role": "ansvarlig"}, {"org": "forsk", "role": "samarbeidspart"}]}
    second["entries"][3]["narrative"] = "Rapporten er levert."
    return data


def organisation_with_history(data: Data) -> dict:
    """An organisation known by an abbreviation, a former name and another name."""
    return data.org("nyttdir", "Direktoratet for nye navn", abbreviation="NYDIR", kind="direktorat",
                    former_names=[{"name": "Direktoratet for gamle navn", "source": {"document": "kilde", "page": None}}],
                    other_names=["Nydirektoratet"])


def internal_data(data: Data, plan: dict) -> dict:
    """The plan's first measure made internal, with a note, and an internal note on the plan."""
    note = {"date": "2021-02-01", "author": "Seksjon for prøver", "text": "INTERNTOKEN må følges opp."}
    plan["notes"] = [note]
    plan["measures"][0]["internal"] = True
    plan["measures"][0]["notes"] = [note]
    return plan


# A second status scale, as a directorate's status page words it: six values, two of them «in progress».
SIX_STEPS = {"id": "seks-trinn", "label": "Seks trinn", "statuses": [
    {"id": "ikke-startet", "label": "Ikke startet", "description": "Ikke startet.", "progress": "ikke-startet"},
    {"id": "pabegynt", "label": "Påbegynt", "description": "Påbegynt.", "progress": "pagar"},
    {"id": "i-rute", "label": "I rute", "description": "I rute.", "progress": "pagar"},
    {"id": "forsinket", "label": "Forsinket", "description": "Forsinket.", "progress": "forsinket"},
    {"id": "gjennomfort", "label": "Gjennomført", "description": "Gjennomført.", "progress": "gjennomfort"},
    {"id": "avsluttet", "label": "Avsluttet", "description": "Avsluttet uten å bli gjennomført.", "progress": "stoppet"},
]}


def plan_with_custom_scale(data: Data, id: str = "plan-b") -> tuple[dict, dict]:
    """A plan on the six-value scale (added to the vocabulary) with two groups of three
    measures, and a report per 2023-06 that covers five of the six (``tiltak-6`` is not
    reported), gives a percentage for two, and has summaries for the plan and for ``pakke-1``.
    ``tiltak-4`` is stopped («Avsluttet») after its period ended: stopped, not overdue;
    ``tiltak-3`` is «Påbegynt» after its period ended: overdue."""
    if not any(s["id"] == SIX_STEPS["id"] for s in data.vocabulary["scales"]):
        data.vocabulary["scales"].append(copy.deepcopy(SIX_STEPS))
    ended = (2020, 2022)
    measures = [measure(1, period=(2022, 2026)), measure(2, period=(2022, 2026)), measure(3, period=ended),
                measure(4, group="pakke-2", period=ended), measure(5, group="pakke-2", period=(2022, 2026)),
                measure(6, group="pakke-2", period=(2022, 2026))]
    plan = data.plan(id, title="Planen med seks trinn", scale="seks-trinn", measures=measures, groups=[group(1), group(2)])
    report = data.report(f"{id}-2023-06", plan=id, as_of="2023-06", title="Status juni 2023",
                         statuses={"tiltak-1": "I rute", "tiltak-2": "Forsinket", "tiltak-3": "Påbegynt",
                                   "tiltak-4": "Avsluttet", "tiltak-5": "Gjennomført"})
    report["entries"][0]["percent"] = 40
    report["entries"][2]["percent"] = 12.5
    report["summaries"] = [
        {"text": "60 % av tiltaka er gjennomførte eller i rute", "percent": 60},
        {"group": "pakke-1", "text": "Eitt av tre tiltak i pakke 1 er i rute", "percent": 33.3},
    ]
    return plan, report
