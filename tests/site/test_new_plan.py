"""A new plan in a copy of data/: a plan of today's data duplicated under a new id and title, with
its reports, its source text, its errata and the relations among its measures. `planverk check`,
a public build and the fidelity checks pass on the copy, and the new plan is everywhere a plan
shows: the status table, the counts, its organisations' pages, the search index and the exports.

Nothing here names a plan of today's data: the plan to copy is the first with a published report
in the same document, and every expectation is read from the copy.
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

from planverk.load import load
from planverk.yamlload import load_yaml
from support import DATA, REPO, build_site

NEW_ID = "trygge-nabolag"
NEW_WORD = "Trygge"  # the new title is the original's with its first word replaced (same words, same lines)


def _yaml(path: Path):
    return load_yaml(path.read_text(encoding="utf-8")).data


def _original() -> tuple[Path, dict]:
    """The first plan with a published report from its own document (so the copy has status too)."""
    for path in sorted((DATA / "plans").glob("*.yml")):
        plan = _yaml(path)
        document = plan["source"]["document"]
        for report in sorted((DATA / "reports").glob("*.yml")):
            r = _yaml(report)
            if r["plan"] == plan["id"] and not r.get("draft") and r["source"]["document"] == document:
                return path, plan
    pytest.fail("the data has no plan with a published report to copy")


def new_title() -> str:
    words = _original()[1]["title"].split()
    return " ".join([NEW_WORD, *words[1:]])


def _retitle(text: str, old_title: str) -> str:
    """The title replaced wherever it stands, also across a line break (the separators are kept,
    so every line keeps its number: errata and page tables count lines)."""
    old, new = old_title.split(), new_title().split()
    pattern = re.compile(r"(\s+)".join(re.escape(w) for w in old))

    def sub(match: re.Match) -> str:
        separators = list(match.groups())
        return "".join(w + (separators[i] if i < len(separators) else "") for i, w in enumerate(new))
    return pattern.sub(sub, text)


def add_plan(data: Path) -> dict[str, str]:
    """Duplicate a plan in ``data`` under NEW_ID and new_title(); returns what was renamed."""
    path, plan = _original()
    old_id, old_title, old_doc = plan["id"], plan["title"], plan["source"]["document"]
    new_doc = f"{NEW_ID}-kilde"
    documents = _yaml(data / "documents.yml")["documents"]
    document = next(d for d in documents if d["id"] == old_doc)

    def renamed(text: str) -> str:
        # longest first: the document id may contain the plan id
        text = text.replace(old_doc, new_doc)
        for kind in ("measure", "group", "plan"):
            text = text.replace(f"{kind}:{old_id}/", f"{kind}:{NEW_ID}/")
        text = re.sub(rf"(?m)^plan: {re.escape(old_id)}$", f"plan: {NEW_ID}", text)
        text = re.sub(rf"(?m)^plan: plan:{re.escape(old_id)}$", f"plan: plan:{NEW_ID}", text)
        return _retitle(text, old_title)

    # the source text, the plan and its reports
    source = (data / "sources" / document["file"]).read_text(encoding="utf-8")
    (data / "sources" / f"{new_doc}.txt").write_text(_retitle(source, old_title), encoding="utf-8")
    text = renamed(path.read_text(encoding="utf-8"))
    text = re.sub(rf"(?m)^id: {re.escape(old_id)}$", f"id: {NEW_ID}", text)
    (data / "plans" / f"{NEW_ID}.yml").write_text(text, encoding="utf-8")
    if path.with_suffix("").is_dir():  # its Markdown prose files (data/README.md), their refs renamed
        (data / "plans" / NEW_ID).mkdir()
        for prose in sorted(path.with_suffix("").glob("*.md")):
            text = re.sub(rf"(?m)^ref: plan:{re.escape(old_id)}$", f"ref: plan:{NEW_ID}", renamed(prose.read_text(encoding="utf-8")))
            (data / "plans" / NEW_ID / prose.name).write_text(text, encoding="utf-8")
    reports = {}
    for report in sorted((data / "reports").glob("*.yml")):
        r = _yaml(report)
        if r["plan"] != old_id or r["source"]["document"] != old_doc:
            continue
        new_report = r["id"].replace(old_id, NEW_ID, 1) if r["id"].startswith(old_id) else f"{NEW_ID}-{r['id']}"
        text = re.sub(rf"(?m)^id: {re.escape(r['id'])}$", f"id: {new_report}", renamed(report.read_text(encoding="utf-8")))
        (data / "reports" / f"{new_report}.yml").write_text(text, encoding="utf-8")
        reports[r["id"]] = new_report
    # its document, errata and the relations among its own measures
    with (data / "documents.yml").open("a", encoding="utf-8") as out:
        entry = {**document, "id": new_doc, "file": f"{new_doc}.txt", "title": _retitle(document["title"], old_title)}
        if entry["title"] == document["title"]:
            entry["title"] = f"{new_title()}: {document['title']}"
        out.write("  - " + json.dumps(entry, ensure_ascii=False) + "\n")
    errata = [e for path in sorted((data / "errata").glob("*.yml")) for e in _yaml(path)["errata"] if e["document"] == old_doc]
    if errata:
        copied = json.loads(renamed(json.dumps(errata, ensure_ascii=False)))
        (data / "errata" / f"{NEW_ID}.yml").write_text("# yaml-language-server: $schema=../schema/errata.schema.json\n"
                                                        + json.dumps({"errata": copied}, ensure_ascii=False, indent=1), encoding="utf-8")
    own = (f"measure:{old_id}/", f"group:{old_id}/", f"plan:{old_id}")
    relations = [r for path in sorted((data / "relations").glob("*.yml")) for r in _yaml(path)["relations"]
                 if r["from"].startswith(own) and r["to"].startswith(own)]
    if relations:
        copied = json.loads(renamed(json.dumps(relations, ensure_ascii=False)))
        (data / "relations" / f"{NEW_ID}.yml").write_text("# yaml-language-server: $schema=../schema/relations.schema.json\n"
                                                           + json.dumps({"relations": copied}, ensure_ascii=False, indent=1),
                                                           encoding="utf-8")
    return {"plan": old_id, "document": old_doc, **reports}


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("new-plan") / "data"
    shutil.copytree(DATA, data)
    add_plan(data)
    return data


@pytest.fixture(scope="module")
def built(copy, tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("new-plan-site"), data=copy)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def corpus(copy):
    return load(copy, "public")


def test_check_passes_on_the_copy(copy):
    result = subprocess.run([sys.executable, "-m", "planverk", "check", "--data", str(copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_new_plan_is_a_plan_like_the_original(corpus):
    original = corpus.plans[_original()[1]["id"]]
    new = corpus.plans[NEW_ID]
    assert new.title == new_title() and len(new.measures) == len(original.measures) > 0
    assert [r.id for r in new.reports] and len(new.reports) == len(original.reports)
    assert [e.status.label for e in new.latest_report.entries] == [e.status.label for e in original.latest_report.entries]


def test_fidelity_checks_pass_on_the_copy_and_check_the_new_plan(copy):
    env = {**os.environ, "PLANVERK_DATA": str(copy)}
    args = [sys.executable, "-m", "pytest", "tests/fidelity", "-q", "-p", "no:cacheprovider"]
    collected = subprocess.run([*args, "--collect-only"], cwd=REPO, env=env, capture_output=True, text=True)
    assert f"plans/{NEW_ID}.yml" in collected.stdout and f"[{NEW_ID}" in collected.stdout, collected.stdout[-2000:]
    result = subprocess.run([*args, "-x"], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_status_table_and_counts(built, corpus):
    new = corpus.plans[NEW_ID]
    page = built.html(f"status/{NEW_ID}/index.html")  # the plan's own status page, the whole table as HTML
    table = re.search(r'<table class="pv-table[^"]*" id="statustabell".*?</table>', page, re.S).group(0)
    assert table.count(f'<tr data-plan="{NEW_ID}"') == len(new.measures)
    html = built.html("status/index.html")  # the overview: every plan's rows from its data script
    assert f'<script src="data/{NEW_ID}.js" defer></script>' in html
    script = built.html(f"status/data/{NEW_ID}.js")
    rows = json.loads(script[script.index("(", script.index("push")) + 1:script.rindex(")")])["rows"]
    assert [r[1] for r in rows] == [m.number for m in new.measures]
    total = sum(len(p.measures) for p in corpus.plans.values())
    assert f"Tabellen viser alle {total} tiltak i {len(corpus.plans)} handlingsplaner" in html
    summary = re.search(r'<table class="pv-summary"><caption>Antall tiltak per status og plan</caption>.*?</table>', html, re.S).group(0)
    counts = {}
    for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", summary, re.S):
        plan = re.search(r'href="[^"]*handlingsplaner/([^/"]+)/"', row.split("</th>")[0])
        if plan:  # not the «Alle planer» row
            counts[plan.group(1)] = re.findall(r"<td>(?:<a [^>]*>)?(\d+)(?:</a>)?</td>", row)
    assert counts[NEW_ID] == counts[_original()[1]["id"]]  # the same statuses, counted alike
    assert int(counts[NEW_ID][-1]) == len(new.measures)  # Totalt


def test_plan_and_measure_pages(built, corpus):
    new = corpus.plans[NEW_ID]
    page = built.html(f"handlingsplaner/{NEW_ID}/index.html")
    assert "<h1" in page and new_title() in page
    for measure in new.measures:
        assert (built.site / f"handlingsplaner/{NEW_ID}/{measure.id}/index.html").is_file(), measure.ref
    assert new_title() in built.html("handlingsplaner/index.html") and new_title() in built.html("index.html")


def test_organisation_pages_list_the_new_measures(built, corpus):
    new = corpus.plans[NEW_ID]
    orgs = {party.organisation.id: [] for m in new.measures for party in m.responsibility.parties if party.organisation}
    assert orgs, "the new plan names no organisation"
    for measure in new.measures:
        for party in measure.responsibility.parties:
            if party.organisation:
                orgs[party.organisation.id].append(measure)
    for org, measures in orgs.items():
        page = built.html(f"organisasjoner/{org}/index.html")
        for measure in measures:
            assert f'handlingsplaner/{NEW_ID}/{measure.id}/"' in page, (org, measure.ref)
    owner = built.html(f"organisasjoner/{new.owner.id}/index.html")
    assert f'handlingsplaner/{NEW_ID}/"' in owner


def test_search_index_has_the_new_plan(built, corpus):
    new = corpus.plans[NEW_ID]
    index = "".join(p.read_text(encoding="utf-8") for p in sorted((built.site / "search/planverk").rglob("*.js")))
    assert new_title() in index
    for measure in new.measures:
        assert f"handlingsplaner/{NEW_ID}/{measure.id}/" in index, measure.ref


def test_exports_have_the_new_plan(built, corpus):
    new = corpus.plans[NEW_ID]
    rows = list(csv.DictReader(io.StringIO((built.site / "data/tiltak.csv").read_text(encoding="utf-8"))))
    current = [r for r in rows if r["plan_id"] == NEW_ID and r["gjeldende"] == "true"]
    assert [r["tiltak_id"] for r in current] == [m.id for m in new.measures]
    assert {r["plan"] for r in current} == {new_title()}
    listed = json.loads((built.site / "data/tiltak.json").read_text(encoding="utf-8"))["tiltak"]
    assert [x["ref"] for x in listed if x["ref"].startswith(f"measure:{NEW_ID}/")] == [m.ref for m in new.measures]
    for measure in new.measures:
        assert json.loads((built.site / f"data/measure/{NEW_ID}/{measure.id}.json").read_text(encoding="utf-8"))["ref"] == measure.ref
    package = json.loads((built.site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert new_title() in package["description"]
