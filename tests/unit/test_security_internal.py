"""Internal means internal at every level (issue 10): file, entity, field, report entry,
relation. Nothing of it reaches what a public build generates; all of it reaches the
internal handbook; public data pointing at internal data is an error naming both ends."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from hostile import INTERNAL_MARKERS, add_internal, edit
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


def test_report_entry_for_an_internal_measure_names_both_ends(data_copy: Path, capsys):
    edit(data_copy, "plans/gode-krefter.yml", "  - id: tiltak-3\n    number: 3\n", "  - id: tiltak-3\n    internal: true\n    number: 3\n")
    entry = _line(data_copy, "reports/gode-krefter-2011-08.yml", "  - measure: tiltak-3\n")
    measure = _line(data_copy, "plans/gode-krefter.yml", "  - id: tiltak-3\n")
    err = _check(data_copy, capsys)
    assert (f"data/reports/gode-krefter-2011-08.yml:{entry}: entries[2].measure: tiltaket 'tiltak-3' er intern "
            f"(data/plans/gode-krefter.yml:{measure})") in err, err
    assert "internal: true" in err
    # marking the entry internal too is the valid way to write it
    edit(data_copy, "reports/gode-krefter-2011-08.yml", "  - measure: tiltak-3\n", "  - measure: tiltak-3\n    internal: true\n")
    load(data_copy, "public")
    load(data_copy, "internal")


def test_relation_to_an_internal_entity_names_both_ends(data_copy: Path, capsys):
    edit(data_copy, "plans/gode-krefter.yml", "  - id: tiltak-23\n", "  - id: tiltak-23\n    internal: true\n")
    measure = _line(data_copy, "plans/gode-krefter.yml", "  - id: tiltak-23\n")
    err = _check(data_copy, capsys)
    assert f"'measure:gode-krefter/tiltak-23' er intern (data/plans/gode-krefter.yml:{measure})" in err, err
    assert "data/relations/gode-krefter-plan.yml:" in err and ".to:" in err


def test_public_measure_with_an_internal_organisation_names_both_ends(data_copy: Path, capsys):
    edit(data_copy, "organisations.yml", "  - id: pst\n", "  - id: pst\n    internal: true\n")
    org = _line(data_copy, "organisations.yml", "  - id: pst\n")
    err = _check(data_copy, capsys)
    assert f"organisasjonen 'pst' er intern (data/organisations.yml:{org})" in err, err
    assert "data/plans/radikalisering.yml:" in err and "actors[" in err


def test_report_of_an_internal_plan_file_names_both_ends(data_copy: Path, capsys):
    edit(data_copy, "plans/radikalisering.yml", "\nid: radikalisering\n", "\ninternal: true\nid: radikalisering\n")
    (data_copy / "reports" / "radikalisering-2021-01.yml").write_text("""# yaml-language-server: $schema=../schema/report.schema.json
id: radikalisering-2021-01
plan: radikalisering
title: Rapport
as_of: "2021-01"
source: {document: handlingsplan-radikalisering-sfk-tiltak, page: null}
entries:
  - {measure: tiltak-11, status: Igangsatt, source: {page: null}}
""", encoding="utf-8")
    err = _check(data_copy, capsys)
    assert "data/reports/radikalisering-2021-01.yml:3: plan: planen 'radikalisering' er intern (data/plans/radikalisering.yml:" in err, err
