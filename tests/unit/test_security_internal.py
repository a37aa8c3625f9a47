"""Internal means internal at every level (issue 10): file, entity, field, report entry,
relation. Nothing of it reaches what a public build generates; all of it reaches the
internal handbook; public data pointing at internal data is an error naming both ends."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from corpora import Data, measure
from hostile import INTERNAL_MARKERS, add_internal
from planverk import exports
from planverk.feed import rss
from planverk.index import Index
from planverk.load import load
from planverk.nav import build_nav
from planverk.pages import build_pages
from support import DATA


def everything(corpus) -> str:
    """Every byte the hook generates from a corpus: pages (Markdown and fragments), nav, exports, feed."""
    out = []
    for page in build_pages(corpus):
        out += [page.markdown, *page.fragments, page.title, page.description]
    out.append(json.dumps(build_nav(corpus), ensure_ascii=False))
    out += [content if isinstance(content, str) else content.decode("utf-8", "replace")
            for _, content in exports.all_files(corpus, Index(corpus), site_url="https://planverk.example.no/")]
    out.append(rss(corpus, site_url="https://example.org/", site_name="planverk"))
    return "\n".join(out)


@pytest.fixture(scope="module")
def internal_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("internal") / "data"
    shutil.copytree(DATA, data)
    add_internal(data)
    return data


@pytest.fixture(scope="module")
def outputs(internal_data) -> dict[str, str]:
    return {audience: everything(load(internal_data, audience)) for audience in ("public", "internal")}


@pytest.mark.parametrize("level", sorted(INTERNAL_MARKERS))
def test_internal_is_absent_from_every_public_output(outputs, level):
    marker = INTERNAL_MARKERS[level]
    assert marker in outputs["internal"], f"the {level} marker must reach the internal handbook (else this test proves nothing)"
    assert marker not in outputs["public"], f"internal {level} leaked into a public output"


def test_internal_files_do_not_count_in_the_public_corpus(internal_data):
    public, internal = load(internal_data, "public"), load(internal_data, "internal")
    assert "intern-plan" in internal.plans and "intern-plan" not in public.plans
    assert "intern-strategi" in internal.strategies and "intern-strategi" not in public.strategies
    assert "intern-nyhet" in internal.news and "intern-nyhet" not in public.news
    assert "intern-org" in internal.organisations and "intern-org" not in public.organisations
    assert not any(r.to_ref.endswith("tiltak-4") and r.from_ref.endswith("tiltak-3") for r in public.relations)


# --- public data that points at internal data --------------------------------------------------


def _check(data: Path, capsys) -> str:
    from planverk.__main__ import main

    assert main(["check", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def _line(data: Path, rel: str, needle: str) -> int:
    text = (data / rel).read_text(encoding="utf-8")
    assert text.count(needle) == 1
    return text[: text.index(needle)].count("\n") + 1


def _at(data: Path, rel: str, needle: str) -> set[int]:
    """The lines an error about the mapping holding ``needle`` may name: the needle's own line, or
    the line above where the mapping opens (the literal corpora are written one key a line)."""
    line = _line(data, rel, needle)
    return {line, line - 1}


def _named(err: str, pattern: str) -> tuple[int, ...]:
    match = re.search(pattern, err)
    assert match, err
    return tuple(int(g) for g in match.groups())


@pytest.fixture
def three(tmp_path) -> Data:
    """plan-a: three measures, a report on all three, a relation from the first to the third."""
    data = Data(tmp_path)
    data.org("partner", "Partneren", kind="råd")
    data.plan("plan-a", measures=[measure(1), measure(2, partners=("partner",)), measure(3)])
    data.report("plan-a-2011-08", plan="plan-a", as_of="2011-08",
                statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Igangsatt", "tiltak-3": "Igangsatt"})
    data.relation("measure:plan-a/tiltak-1", "measure:plan-a/tiltak-3", kind="viser-til")
    return data


def test_report_entry_for_an_internal_measure_names_both_ends(three: Data, capsys):
    three.files["plans/plan-a.yml"][1]["measures"][2]["internal"] = True
    three.relations.clear()
    root = three.write()
    err = _check(root, capsys)
    entry, measure = _named(err, r"data/reports/plan-a-2011-08\.yml:(\d+): entries\[2\]\.measure: tiltaket 'tiltak-3' er intern "
                                 r"\(data/plans/plan-a\.yml:(\d+)\)")
    assert entry in _at(root, "reports/plan-a-2011-08.yml", '"measure": "tiltak-3"')
    assert measure in _at(root, "plans/plan-a.yml", '"id": "tiltak-3"')
    assert "internal: true" in err
    # marking the entry internal too is the valid way to write it
    three.files["reports/plan-a-2011-08.yml"][1]["entries"][2]["internal"] = True
    three.load("public")
    three.load("internal")


def test_relation_to_an_internal_entity_names_both_ends(three: Data, capsys):
    three.files["plans/plan-a.yml"][1]["measures"][2]["internal"] = True
    three.files["reports/plan-a-2011-08.yml"][1]["entries"][2]["internal"] = True
    root = three.write()
    err = _check(root, capsys)
    (measure,) = _named(err, r"'measure:plan-a/tiltak-3' er intern \(data/plans/plan-a\.yml:(\d+)\)")
    assert measure in _at(root, "plans/plan-a.yml", '"id": "tiltak-3"')
    assert "data/relations/relasjoner.yml:" in err and "relations[0].to:" in err


def test_public_measure_with_an_internal_organisation_names_both_ends(three: Data, capsys):
    three.organisations[-1]["internal"] = True
    root = three.write()
    err = _check(root, capsys)
    (org,) = _named(err, r"organisasjonen 'partner' er intern \(data/organisations\.yml:(\d+)\)")
    assert org in _at(root, "organisations.yml", '"id": "partner"')
    assert "data/plans/plan-a.yml:" in err and "measures[1].responsibility.parties[1]" in err


def test_report_of_an_internal_plan_file_names_both_ends(three: Data, capsys):
    three.files["plans/plan-a.yml"][1]["internal"] = True
    three.relations.clear()
    root = three.write()
    err = _check(root, capsys)
    (plan,) = _named(err, r"data/reports/plan-a-2011-08\.yml:\d+: plan: planen 'plan-a' er intern \(data/plans/plan-a\.yml:(\d+)\)")
    assert plan in _at(root, "plans/plan-a.yml", '"id": "plan-a"') | {1, 2}
