"""Plans of other shapes than the five documents: a tree of groups of any depth, goals as groups,
numbers as written (per group, with letters, absent), sub-measures and unstated responsibility.

Each test writes a small literal corpus, loads it and reads the pages built from it (as MkDocs
gets them, fragments in place); nothing here depends on the content of data/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpora import Data, group, measure
from planverk import nav, urls
from planverk.errors import DataErrors
from planverk.index import Coverage, Index
from planverk.model import Corpus
from planverk.pages import Page, build_pages

_PLACEHOLDER = re.compile(r"<!-- planverk-fragment:(\d+):\d+ -->")


def text_of(page: Page) -> str:
    """The page as a reader sees its text: fragments in place, Markdown's backslash escapes gone."""
    return re.sub(r"\\(.)", r"\1", _PLACEHOLDER.sub(lambda mt: page.fragments[int(mt.group(1))], page.markdown))


def pages_of(corpus: Corpus) -> dict[str, str]:
    return {p.path: text_of(p) for p in build_pages(corpus)}


def per_goal(data: Data) -> None:
    """Two goals of the plan, each numbering its measures from 1 ("Mål 2, tiltak 1")."""
    data.plan("mal-plan", title="Planen med mål", groups=[group(1, label="Mål", goal=True), group(2, label="Mål", goal=True)],
              measures=[measure(1, id="m1-t1", group="pakke-1"), measure(2, id="m1-t2", group="pakke-1"),
                        measure(1, id="m2-t1", group="pakke-2", title="Det første tiltaket under mål 2")])


def nested(data: Data) -> None:
    """Innsatsområde › delmål › measures, the inner groups listed before their parent in the file."""
    inner = {"id": "delmal-1-1", "number": "1.1", "label": "Delmål", "title": "Tidlig innsats", "parent": "omrade-1"}
    inner2 = {"id": "delmal-1-2", "number": "1.2", "label": "Delmål", "title": "Samordning", "parent": "omrade-1",
              "responsibility": {"parties": [{"org": "dep", "role": "ansvarlig"}]}, "period": {"start": 2021, "end": 2023,
                                                                                             "text": "2021–2023"}}
    outer = {"id": "omrade-1", "number": "1", "label": "Innsatsområde", "title": "Forebygging"}
    data.plan("tre", title="Planen med tre nivåer", groups=[inner, inner2, outer, group(2, label="Innsatsområde")],
              measures=[measure("1.1.1", id="a", group="delmal-1-1"), measure("1.2.1", id="b", group="delmal-1-2"),
                        measure("2.1", id="c", group="pakke-2")])


def sub_measures(data: Data) -> None:
    """Measure 3 with sub-measures "a" and "b"; an unnumbered measure; one with no responsibility stated."""
    data.plan("deler", title="Planen med deltiltak", measures=[
        measure(3, id="tiltak-3"),
        measure("a", id="tiltak-3a", group=None, parent="tiltak-3", title="Den første delen"),
        measure("b", id="tiltak-3b", group=None, parent="tiltak-3", title="Den andre delen", lead=None,
                responsibility={"stated": False, "parties": []}),
        measure(None, id="uten-nummer", title="Et tiltak uten nummer"),
        {**measure(4, id="tiltak-4", title="Tiltak uten oppgitt ansvar"), "responsibility": None},
    ])
    data.files["plans/deler.yml"][1]["measures"][4].pop("responsibility")
    data.report("deler-2022", plan="deler", as_of="2022-06", statuses={"tiltak-3": "Igangsatt", "tiltak-3a": "Gjennomført"})


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, dict[str, str]]:
    data = Data(tmp_path_factory.mktemp("shapes"))
    per_goal(data)
    nested(data)
    sub_measures(data)
    corpus = data.load()
    return corpus, pages_of(corpus)


def page(shapes: tuple[Corpus, dict[str, str]], ref: str) -> str:
    return shapes[1][urls.page_of(ref)]


# --- numbers as written ----------------------------------------------------------------------


def test_a_plan_numbering_per_goal_names_each_measure_after_its_goal(shapes) -> None:
    corpus, _ = shapes
    plan = corpus.plans["mal-plan"]
    assert [(x.number, x.designation) for x in plan.measures] == [
        ("1", "Mål 1, tiltak 1"), ("2", "Mål 1, tiltak 2"), ("1", "Mål 2, tiltak 1")]
    assert "# Mål 2, tiltak 1: Det første tiltaket under mål 2" in page(shapes, "measure:mal-plan/m2-t1")
    assert ">Mål 2, tiltak 1</td>" in page(shapes, "plan:mal-plan")  # the table's Nr.


def test_goals_of_the_plan_count_as_goals_for_coverage(shapes) -> None:
    corpus, _ = shapes
    assert Coverage(Index(corpus)).unlinked_measures(corpus.plans["mal-plan"]) == ()
    assert "står under et mål i planen" in page(shapes, "plan:mal-plan")
    assert "Ingen av de" not in page(shapes, "plan:mal-plan")
    assert len(Coverage(Index(corpus)).unlinked_measures(corpus.plans["tre"])) == 3  # no goals there, no relations


def test_numbers_keep_their_own_form_and_order_is_the_sources(shapes) -> None:
    corpus, _ = shapes
    plan = corpus.plans["deler"]
    assert [x.id for x in plan.all_measures] == ["tiltak-3", "tiltak-3a", "tiltak-3b", "uten-nummer", "tiltak-4"]
    assert [x.number for x in plan.all_measures] == ["3", "a", "b", None, "4"]
    unnumbered = page(shapes, "measure:deler/uten-nummer")
    assert "# Et tiltak uten nummer" in unnumbered and "Tiltak None" not in unnumbered
    rows = page(shapes, "plan:deler")
    assert 'data-label="Nr." data-sort="' in rows and ">–</td>" in rows  # the unnumbered row


# --- a tree of groups ------------------------------------------------------------------------


def test_groups_form_a_tree_in_the_sources_order_whatever_the_files_order(shapes) -> None:
    corpus, _ = shapes
    plan = corpus.plans["tre"]
    assert [(g.id, g.depth) for g in plan.groups] == [("omrade-1", 0), ("delmal-1-1", 1), ("delmal-1-2", 1), ("pakke-2", 0)]
    outer = plan.groups[0]
    assert [x.id for x in plan.measures_in(outer)] == []
    assert [x.id for x in plan.measures_in(outer, deep=True)] == ["a", "b"]


def test_a_group_page_lists_its_inner_groups_and_its_level_facts(shapes) -> None:
    outer = page(shapes, "group:tre/omrade-1")
    assert "# Innsatsområde 1: Forebygging" in outer
    assert "Delmål 1.1: Tidlig innsats" in outer and "Delmål 1.2: Samordning" in outer
    assert "Ingen tiltak i denne gruppen" not in outer  # it has groups instead
    inner = page(shapes, "group:tre/delmal-1-2")
    assert "Del av [Innsatsområde 1: Forebygging]" in inner
    assert "**Ansvarlig:** [Departementet for prøver (DEP)]" in inner and "**Periode:** 2021–2023" in inner


def test_the_plan_page_lists_the_tree_nested(shapes) -> None:
    plan_page = page(shapes, "plan:tre")
    outer = re.search(r"^- \[Innsatsområde 1: Forebygging\]\(.*\) \(2 tiltak\)$", plan_page, re.M)
    inner = re.search(r"^    - \[Delmål 1\.1: Tidlig innsats\]\(.*\) \(1 tiltak\)$", plan_page, re.M)
    assert outer and inner and outer.start() < inner.start()


def test_the_nav_nests_groups_and_measures_find_their_home(shapes) -> None:
    corpus, _ = shapes
    built = nav.build_nav(corpus)
    plans = next(item for item in built if isinstance(item, dict) and "Handlingsplaner" in item)["Handlingsplaner"]
    tree = next(item for item in plans if isinstance(item, dict) and "Planen med tre nivåer" in item)["Planen med tre nivåer"]
    assert {"Forebygging": [urls.page_of("group:tre/omrade-1"), urls.page_of("group:tre/delmal-1-1"),
                            urls.page_of("group:tre/delmal-1-2")]} in tree
    homes = nav.homes(corpus)
    assert homes[urls.page_of("measure:tre/a")] == urls.page_of("group:tre/delmal-1-1")
    assert homes[urls.page_of("measure:deler/tiltak-3a")] == urls.page_of("measure:deler/tiltak-3")


# --- sub-measures and unstated responsibility ------------------------------------------------


def test_sub_measures_have_pages_and_stay_out_of_the_plans_counts(shapes) -> None:
    corpus, _ = shapes
    plan = corpus.plans["deler"]
    assert [x.id for x in plan.measures] == ["tiltak-3", "uten-nummer", "tiltak-4"]
    assert [x.designation for x in plan.parts_of(plan.measures[0])] == ["Tiltak 3 a", "Tiltak 3 b"]
    parent = page(shapes, "measure:deler/tiltak-3")
    assert "## Deltiltak (2)" in parent and "Tiltak 3 a: Den første delen" in parent and "(Gjennomført)" in parent
    part = page(shapes, "measure:deler/tiltak-3a")
    assert "Deltiltak av:" in part and "Tiltak 3: Tiltak nummer 3" in part
    assert "**Tiltak:** 3 med 2 deltiltak i 1 gruppe" in page(shapes, "plan:deler")


def test_a_measure_without_stated_responsibility_says_so(shapes) -> None:
    for ref in ("measure:deler/tiltak-4", "measure:deler/tiltak-3b"):
        assert "Ansvarlig:</strong> ikke oppgitt i kilden" in page(shapes, ref), ref


# --- errors ----------------------------------------------------------------------------------


def errors_of(tmp: Path, groups: list[dict], measures: list[dict]) -> list[str]:
    data = Data(tmp)
    data.plan("feil", groups=groups, measures=measures)
    with pytest.raises(DataErrors) as info:
        data.load()
    return [f"{e.path}: {e.message}" for e in info.value.errors]


def test_a_number_repeated_among_siblings_is_an_error_but_not_across_groups(tmp_path: Path) -> None:
    found = errors_of(tmp_path, [group(1), group(2)], [measure(1, id="x"), measure(1, id="y"), measure(1, id="z", group="pakke-2")])
    assert len(found) == 1 and found[0].startswith("measures[1].number: nummeret «1» er brukt før på samme nivå")


def test_an_unknown_parent_and_a_cycle_are_errors(tmp_path: Path) -> None:
    loop = [{**group(1), "parent": "pakke-2"}, {**group(2), "parent": "pakke-1"}, {**group(3), "parent": "finnes-ikke"}]
    found = errors_of(tmp_path, loop, [measure(1, group="pakke-3")])
    assert any(f.startswith("groups[2].parent: ukjent gruppe 'finnes-ikke'") for f in found), found
    assert any("gir en sirkel" in f for f in found), found


def test_a_measure_needs_a_group_or_a_parent(tmp_path: Path) -> None:
    found = errors_of(tmp_path, [group(1)], [measure(1), measure(2, group=None)])
    assert found == ["measures[1]: tiltaket har verken group (gruppen det hører til) eller parent (tiltaket det er et "
                     "deltiltak av); forventet én av dem"]


# --- editorial fields ------------------------------------------------------------------------


def test_fields_the_editors_wrote_are_said_to_be_editorial(tmp_path: Path) -> None:
    data = Data(tmp_path)
    data.plan("uten-navn", groups=[{**group(1), "editorial": ["label", "number"]}],
              measures=[{**measure(1), "editorial": ["title"]}, measure(2)], editorial=["title"])
    corpus = data.load()
    assert corpus.plans["uten-navn"].editorial == ("title",)
    pages = pages_of(corpus)
    plan_page = pages[urls.page_of("plan:uten-navn")]
    assert "Redaksjonelt:</span> Tittelen står ikke i kilden, men er lagt til av redaksjonen." in plan_page
    assert "Gruppenavnet og nummeret står ikke i kilden" in pages[urls.page_of("group:uten-navn/pakke-1")]
    assert "Tittelen står ikke i kilden" in pages[urls.page_of("measure:uten-navn/tiltak-1")]
    assert "Redaksjonelt" not in pages[urls.page_of("measure:uten-navn/tiltak-2")]


def test_tables_say_when_the_source_names_nobody_responsible(shapes) -> None:
    table = page(shapes, "plan:deler")
    row = re.search(r'<tr data-plan="deler"[^>]*>(?:(?!</tr>).)*tiltak-4/(?:(?!</tr>).)*</tr>', table, re.S)
    assert row and '<td data-label="Ansvarlig" data-sort="">Ikke oppgitt</td>' in row.group(0)


def test_an_organisation_page_lists_its_sub_measures_and_counts_what_the_status_table_shows(shapes) -> None:
    corpus, pages = shapes
    org = pages[urls.page_of("org:dep")]
    assert "tiltak-3a/" in org  # listed: everything the body takes part in
    index = Index(corpus)
    involved = index.involvement["dep"]
    assert {i.role_id for i in involved} == {"ansvarlig"} and all(i.role is not None for i in involved)
    top = [i.measure for i in involved if i.measure.parent is None]
    # the status summary's «Ansvarlig» row counts the measures the linked status table has rows for
    row = re.search(r'<tr><th scope="row">Ansvarlig</th>.*?</tr>', org, re.S)
    assert row, org[:400]
    total = re.search(r'rolle=ansvarlig">(\d+)</a></td><td class="pv-summary__aside">', row.group(0))
    assert total and total.group(1) == str(len(top)), row.group(0)
