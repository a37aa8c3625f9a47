"""Rules across entities and files, checked once the model is built: each a small function.

Every rule reports at the data file and field that must change, so that ``check`` finds what
the site build would otherwise refuse or silently get wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import model as m
from .. import urls
from .cursor import Cursor, Report
from .files import Files, one
from .registry import Registry

# How a message names the entity that wants an address, by the kind of its ref.
_KIND_WORD = {"org": "organisasjonen", "strategy": "strategien", "value": "verdien", "service-goal": "tjenestemålet",
              "user-goal": "brukermålet", "focus-area": "satsingsområdet", "area": "området", "goal": "målet",
              "section": "teksten", "plan": "planen", "group": "gruppen", "measure": "tiltaket", "news": "nyheten",
              "theme": "temaet"}


@dataclass(frozen=True)
class Built:
    """What the rules read: the model, the files it came from, and where each entity is."""

    corpus: m.Corpus
    files: Files
    registry: Registry
    report: Report

    def cursors(self, key: str) -> list[Cursor]:
        return [Cursor(self.report, f) for f in self.files.get(key, [])]


def ids_match_file_names(built: Built) -> None:
    """A strategy, plan or news item has the id of its file name (reports are named by plan and date)."""
    for key in ("strategies", "plans", "news"):
        for cur in built.cursors(key):
            expected = cur.file.path.stem
            data = cur.file.data
            if isinstance(data, dict) and "id" in data and data["id"] != expected:
                cur.at("id").error(f"id '{data['id']}' er ulik filnavnet; forventet '{expected}'")


def publishers_exist(built: Built) -> None:
    file = one(built.files, "documents.yml")
    if file is None:
        return
    cur = Cursor(built.report, file)
    for i, d in enumerate(file.data["documents"]):
        built.registry.resolve(built.corpus.organisations, d["publisher"], cur.at("documents", i, "publisher"), "organisation")


def reports_name_their_plan(built: Built) -> None:
    """A report is on a plan that exists, and a plan has at most one report per date."""
    plans = built.corpus.plans
    by_plan: dict[tuple[str, str], Cursor] = {}
    for cur in built.cursors("reports"):
        d = cur.file.data
        if d["plan"] not in plans and not built.registry.known(f"plan:{d['plan']}"):
            built.registry.resolve(plans, d["plan"], cur.at("plan"), "plan")
        key = (d["plan"], d["as_of"])
        if key in by_plan:
            cur.at("as_of").error(f"planen '{d['plan']}' har allerede en rapport per {d['as_of']} ({by_plan[key].file.name})")
        by_plan[key] = cur


def sections_take_no_reserved_name(built: Built) -> None:
    """A strategy's section would take the address of one of the strategy's own pages."""
    for cur in built.cursors("strategies"):
        for j, x in enumerate(cur.file.data.get("sections", [])):
            if x["id"] in urls.RESERVED_STRATEGY_PAGES:
                built.registry.refused.add((cur.file.name, ("sections", j, "id")))
                cur.at("sections", j, "id").error(f"id-en '{x['id']}' er reservert for strategiens egen side '{x['id']}'; velg en annen id")


def addresses_are_unique(built: Built) -> None:
    """Every page has a web address of its own: an id must not take one that a fixed page
    (index, endringer, utskrift, …) or another entity already has."""
    def address(md_path: str) -> str:
        return urls.url_of(md_path).rstrip("/")

    owners: dict[str, str] = {}
    for page in urls.FIXED_PAGES:
        owners[address(page)] = "en fast side"
    for plan in built.corpus.plans.values():
        owners[address(urls.changes_page(plan.ref))] = "planens side «endringer»"
        owners[address(urls.print_page(plan.ref))] = "planens utskriftsside"
    for strategy in built.corpus.strategies.values():
        owners[address(urls.print_page(strategy.ref))] = "strategiens utskriftsside"
    refused = built.registry.refused

    def claim(md_path: str, who: str, cur: Cursor) -> None:
        url = address(md_path)
        if url in owners:
            if (cur.file.name, (*cur.path, "id")) not in refused:
                cur.at("id").error(f"{who} får nettadressen /{url}/, som {owners[url]} allerede har; velg en annen id")
                refused.add((cur.file.name, (*cur.path, "id")))
        else:
            owners[url] = who

    documents = one(built.files, "documents.yml")
    if documents is not None:
        for i, doc in enumerate(built.corpus.documents.values()):
            claim(urls.page_of(doc.ref), f"dokumentet '{doc.id}'", Cursor(built.report, documents, ("documents", i)))
    for ref, cur in built.registry.where.items():
        kind = ref.partition(":")[0]
        if kind in ("report", "term", "mission", "vision", "drivers"):
            continue  # shown on another page, or at a fixed name
        entity = built.registry.entities[ref]
        claim(urls.page_of(ref), f"{_KIND_WORD.get(kind, kind)} '{getattr(entity, 'id', ref)}'", cur)


def no_organisation_is_its_own_parent(built: Built) -> None:
    """No organisation is its own parent, directly or through others."""
    file = one(built.files, "organisations.yml")
    if file is None:
        return
    organisations = built.corpus.organisations
    index = {o["id"]: i for i, o in enumerate(file.data["organisations"])}
    for org in organisations.values():
        chain = [org.id]
        parent = org.parent_id
        while parent is not None and parent in organisations and parent not in chain:
            chain.append(parent)
            parent = organisations[parent].parent_id
        if parent == org.id:
            loop = " → ".join([*chain, org.id])
            Cursor(built.report, file, ("organisations", index[org.id], "parent")).error(
                f"organisasjonen er sin egen overordnede ({loop}); forventet en kjede som ender i en organisasjon uten parent")


# In this order: a reserved name is reported once, not again as a taken address.
RULES: tuple[Callable[[Built], None], ...] = (
    ids_match_file_names,
    publishers_exist,
    reports_name_their_plan,
    sections_take_no_reserved_name,
    addresses_are_unique,
    no_organisation_is_its_own_parent,
)


def check(built: Built) -> None:
    for rule in RULES:
        rule(built)
