"""A plan of another shape than today's, added to a copy of data/ with its own source text: a
nynorsk plan whose goals are its structure (Mål › Delmål), whose measures are numbered from 1 in
each goal, with sub-measures, an unnumbered measure and one whose source names nobody
responsible. `planverk check`, the content checks and a public build pass on the copy without
editing a test, and the plan is everywhere a plan shows.

The plan names organisations only by id (regjeringen, jd, helsedirektoratet); the rest of the
data is whatever data/ holds today.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planverk import urls
from planverk.load import load
from support import DATA, REPO, build_site

PLAN_ID = "trygg-oppvekst"
DOCUMENT = "trygg-oppvekst-kjelde"
SOURCE = """\
Handlingsplan for trygg oppvekst
2024–2027
Regjeringa vil at alle barn og unge skal vekse opp trygt.
Mål 1: Færre barn blir utsette for vald
Tiltak 1: Styrkje barnehusa
Barnehusa skal få meir ressursar til avhøyr og oppfølging.
Tiltak 2: Kartleggje vald mot barn
Mål 2: Betre hjelp til unge som slit
Delmål 2.1: Tidleg innsats
Tiltak 1: Fleire helsesjukepleiarar
Kommunane skal tilsetje fleire helsesjukepleiarar i skulane.
a) Tilskot til kommunane
b) Rettleiing frå Helsedirektoratet
Ein nasjonal chat for unge
"""

PLAN = f"""\
# yaml-language-server: $schema=../schema/plan.schema.json
id: {PLAN_ID}
title: Handlingsplan for trygg oppvekst
owner: regjeringen
period: {{start: 2024, end: 2027, text: "2024–2027"}}
source: {{document: {DOCUMENT}, page: null}}
description: Regjeringa vil at alle barn og unge skal vekse opp trygt.
groups:
  - {{id: mal-1, number: "1", label: Mål, goal: true, title: Færre barn blir utsette for vald}}
  - {{id: mal-2, number: "2", label: Mål, goal: true, title: Betre hjelp til unge som slit}}
  - {{id: delmal-2-1, number: "2.1", label: Delmål, parent: mal-2, title: Tidleg innsats}}
measures:
  - id: mal-1-tiltak-1
    number: 1
    group: mal-1
    title: Styrkje barnehusa
    responsibility: {{parties: [{{org: jd, role: ansvarlig}}]}}
    description: Barnehusa skal få meir ressursar til avhøyr og oppfølging.
  - id: mal-1-tiltak-2
    number: 2
    group: mal-1
    title: Kartleggje vald mot barn
  - id: mal-2-tiltak-1
    number: 1
    group: delmal-2-1
    title: Fleire helsesjukepleiarar
    responsibility: {{parties: [{{org: helsedirektoratet, role: ansvarlig}}]}}
    description: Kommunane skal tilsetje fleire helsesjukepleiarar i skulane.
  - {{id: tilskot, number: a, parent: mal-2-tiltak-1, title: Tilskot til kommunane}}
  - id: rettleiing
    number: b
    parent: mal-2-tiltak-1
    title: Rettleiing frå Helsedirektoratet
    responsibility: {{parties: [{{org: helsedirektoratet, role: ansvarlig}}]}}
  - {{id: chat, group: delmal-2-1, title: Ein nasjonal chat for unge}}
"""


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("new-shape") / "data"
    shutil.copytree(DATA, data)
    (data / "sources" / f"{DOCUMENT}.txt").write_text(SOURCE, encoding="utf-8")
    entry = {"id": DOCUMENT, "title": "Handlingsplan for trygg oppvekst 2024–2027", "kind": "handlingsplan",
             "publisher": "regjeringen", "date": "2024-01", "file": f"{DOCUMENT}.txt", "has_pages": False, "language": "nn"}
    with (data / "documents.yml").open("a", encoding="utf-8") as out:
        out.write("  - " + json.dumps(entry, ensure_ascii=False) + "\n")
    (data / "plans" / f"{PLAN_ID}.yml").write_text(PLAN, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def corpus(copy):
    return load(copy, "public")


@pytest.fixture(scope="module")
def built(copy, tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("new-shape-site"), data=copy)
    assert build.returncode == 0, build.output
    return build


def page(built, ref: str) -> str:
    return built.html(urls.url_of(urls.page_of(ref)) + "index.html")


def test_check_passes_on_the_copy(copy):
    result = subprocess.run([sys.executable, "-m", "planverk", "check", "--data", str(copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_model_holds_the_shape(corpus):
    plan = corpus.plans[PLAN_ID]
    assert [g.id for g in plan.groups] == ["mal-1", "mal-2", "delmal-2-1"]
    assert [x.id for x in plan.measures] == ["mal-1-tiltak-1", "mal-1-tiltak-2", "mal-2-tiltak-1", "chat"]
    assert [x.id for x in plan.sub_measures] == ["tilskot", "rettleiing"]
    assert [x.designation for x in plan.measures] == ["Mål 1, tiltak 1", "Mål 1, tiltak 2", "Delmål 2.1, tiltak 1", ""]


def test_content_checks_pass_on_the_copy_and_check_the_new_plan(copy):
    env = {**os.environ, "PLANVERK_DATA": str(copy)}
    args = [sys.executable, "-m", "pytest", "tests/fidelity", "-q", "-p", "no:cacheprovider"]
    collected = subprocess.run([*args, "--collect-only"], cwd=REPO, env=env, capture_output=True, text=True)
    assert f"plans/{PLAN_ID}.yml" in collected.stdout and DOCUMENT in collected.stdout, collected.stdout[-2000:]
    result = subprocess.run([*args, "-x"], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_pages_are_nynorsk_and_say_what_the_source_does_not(built, corpus):
    plan = corpus.plans[PLAN_ID]
    plan_page = page(built, plan.ref)
    assert '<div class="pv-prose" lang="nn">' in plan_page  # the plan's own text, in a bokmål frame
    first = page(built, "measure:trygg-oppvekst/mal-1-tiltak-1")
    assert 'lang="nn"' in first and "Ansvarleg" in first and "Mål 1, tiltak 1: Styrkje barnehusa" in first
    assert "ikkje oppgitt i kjelda" in page(built, "measure:trygg-oppvekst/mal-1-tiltak-2")
    parent = page(built, "measure:trygg-oppvekst/mal-2-tiltak-1")
    assert "Tilskot til kommunane" in parent and "Rettleiing frå Helsedirektoratet" in parent
    assert "Deltiltak av" in page(built, "measure:trygg-oppvekst/tilskot")
    assert re.search(r"<h1 [^>]*>Ein nasjonal chat for unge<", page(built, "measure:trygg-oppvekst/chat"))
    goal = page(built, "group:trygg-oppvekst/mal-2")
    assert "Delmål 2.1: Tidleg innsats" in goal


def test_status_table_counts_organisations_search_and_exports(built, corpus):
    plan = corpus.plans[PLAN_ID]
    status = built.html(f"status/{PLAN_ID}/index.html")
    table = re.search(r'<table class="pv-table[^"]*" id="statustabell".*?</table>', status, re.S).group(0)
    assert table.count(f'<tr data-plan="{PLAN_ID}"') == len(plan.measures)
    overview = built.html("status/index.html")
    total = sum(len(p.measures) for p in corpus.plans.values())
    assert f"Tabellen viser alle {total} tiltak i {len(corpus.plans)} handlingsplaner" in overview
    for org, measure in (("jd", "mal-1-tiltak-1"), ("helsedirektoratet", "mal-2-tiltak-1"), ("helsedirektoratet", "rettleiing")):
        assert f'handlingsplaner/{PLAN_ID}/{measure}/"' in built.html(f"organisasjoner/{org}/index.html"), (org, measure)
    index = "".join(p.read_text(encoding="utf-8") for p in sorted((built.site / "search/planverk").rglob("*.js")))
    for x in plan.all_measures:
        assert f"handlingsplaner/{PLAN_ID}/{x.id}/" in index, x.ref
    rows = list(csv.DictReader(io.StringIO((built.site / "data/tiltak.csv").read_text(encoding="utf-8"))))
    assert [(r["tiltak_id"], r["nummer"]) for r in rows if r["plan_id"] == PLAN_ID] == [
        ("mal-1-tiltak-1", "1"), ("mal-1-tiltak-2", "2"), ("mal-2-tiltak-1", "1"), ("chat", "")]
    sub = json.loads((built.site / f"data/measure/{PLAN_ID}/tilskot.json").read_text(encoding="utf-8"))
    assert sub["overordnet"] == "mal-2-tiltak-1" and sub["nummer"] == "a"
