"""Page functions: data in, Markdown out (no MkDocs)."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from corpora import Data, measure
from planverk import charts, exports, urls
from planverk.index import Index
from planverk.nav import build_nav
from planverk.pages import build_pages
from planverk.pages.base import Ctx, Page
from planverk.pages.plans import measure_page
from planverk.pages.strategies import LAYER_LABEL, pyramid

DOCS = Path(__file__).resolve().parents[2] / "docs"
LINK = re.compile(r"\]\(([^)\s]+?)(?:#[^)]*)?\)")


@pytest.fixture(scope="module")
def generated(public_corpus):
    return {p.path: p for p in build_pages(public_corpus)}


def test_every_markdown_link_resolves_to_a_page(generated, public_corpus):
    handwritten = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    data_files = {path for path, _ in exports.all_files(public_corpus, Index(public_corpus), site_url="https://planverk.example.no/")}
    known = set(generated) | handwritten | data_files | {"feed.xml"}
    broken = []
    for page in generated.values():
        for target in LINK.findall(page.body):
            if target.startswith(("http://", "https://", "mailto:", "#", "?")):
                continue
            path = target.split("?")[0]
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
            if resolved not in known:
                broken.append(f"{page.path}: {target}")
    assert not broken


def test_pages_have_unique_paths_and_titles(generated, public_corpus):
    paths = [p.path for p in build_pages(public_corpus)]  # the list: the fixture's dict would hide a duplicate
    assert len(paths) == len(set(paths)), [p for p in paths if paths.count(p) > 1][:5]
    assert all(p.title.strip() for p in generated.values())
    measures = [urls.page_of(x.ref) for plan in public_corpus.plans.values() for x in plan.measures]
    assert measures and set(measures) <= set(generated)  # a page per measure


@pytest.fixture
def small(tmp_path):
    """A plan of three measures (the second led by two bodies, with a partner, reported done with
    footnotes) and a plan without a report."""
    data = Data(tmp_path)
    data.document("rapporten", has_pages=True, title="Statusrapport for prøveplanen")
    data.org("andre", "Andre departement", abbreviation="AD")
    data.org("forsk", "Forskningsinstituttet", kind="forskningsinstitutt")
    data.plan("plan-a", title="Prøveplanen", document="rapporten", source={"document": "rapporten", "page": 2},
              measures=[measure(1, source={"page": 5}),
                        measure(2, title="Standardiserte undersøkelser", lead="dep", partners=("forsk",), source={"page": 6},
                                responsibility={"parties": [{"org": "dep", "role": "ansvarlig"}, {"org": "andre", "role": "ansvarlig"},
                                                            {"org": "forsk", "role": "samarbeidspart"}]}),
                        measure(3, title="Det tredje", source={"page": 7})])
    report = data.report("plan-a-2011-08", plan="plan-a", as_of="2011-08", document="rapporten",
                         statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Gjennomført", "tiltak-3": "Ikke igangsatt"})
    report["source"]["page"] = 2
    report["entries"][1].update(narrative="Se Frønes.[^1] Ferdig i januar 2011.[^8]", references=[
        {"number": 1, "text": "Frønes, Ivar og andre", "url": "http://www.example.no/rapport.pdf"},
        {"number": 8, "text": "Notatet", "url": None}])
    data.plan("plan-b", measures=[measure(1)])
    return data.load()


def test_measure_page(small):
    plan = small.plans["plan-a"]
    measure = small.get("measure:plan-a/tiltak-2")
    ctx = Ctx.create(small).at(urls.page_of(measure.ref))
    page = measure_page(ctx, plan, measure, plan.measures[0], plan.measures[2])
    assert page.title == "Tiltak 2: Standardiserte undersøkelser"
    assert page.body.startswith("# Tiltak 2: Standardiserte undersøkelser")
    body = page.full_body
    assert '<li><strong>Handlingsplan:</strong> <a href="../">Prøveplanen</a></li>' in body
    assert ('<li><strong>Ansvarlig:</strong> <a href="../../../organisasjoner/dep/">Departementet for prøver '
            '(<abbr title="Departementet for prøver">DEP</abbr>)</a>, <a href="../../../organisasjoner/andre/">') in body
    assert '<strong>Samarbeidspart:</strong> <a href="../../../organisasjoner/forsk/">Forskningsinstituttet' in body
    assert "Gjennomført</span> per august 2011" in body
    assert 'Neste: <a href="../tiltak-3/">Tiltak 3:' in body and 'Forrige: <a href="../tiltak-1/">Tiltak 1:' in body
    assert page.edit == "data/plans/plan-a.yml"
    assert 'Kilde: <a href="../../../kilder/rapporten/">Statusrapport for prøveplanen' in body and "side 6" in body
    # only the prose fields are left to Markdown
    assert "](" not in page.body.split("## Tiltaket i planen")[0]
    first = measure_page(Ctx.create(small).at(urls.page_of(plan.measures[0].ref)), plan, plan.measures[0], None, measure).full_body
    assert "Forrige:" not in first and 'Neste: <a href="../tiltak-2/">' in first


def test_measure_page_footnotes_keep_the_source_numbers(small):
    plan = small.plans["plan-a"]
    measure = small.get("measure:plan-a/tiltak-2")
    body = measure_page(Ctx.create(small).at(urls.page_of(measure.ref)), plan, measure, None, None).full_body
    assert '<sup id="fnref:tiltak-2-1"><a class="footnote-ref" href="#fn:tiltak-2-1">1</a></sup>' in body
    assert re.search(r'<li id="fn:tiltak-2-1" value="1"><p>Frønes, Ivar', body)
    assert '<a href="http://www.example.no/rapport.pdf">' in body
    assert 'januar 2011.<sup id="fnref:tiltak-2-8"><a class="footnote-ref" href="#fn:tiltak-2-8">8</a></sup>' in body
    assert '<li id="fn:tiltak-2-8" value="8">' in body


def test_front_matter_is_escaped():
    hostile = 'Tiltak 1: «Ja» – "no" \\ # <b>x</b>\nlayout: evil'
    page = Page(path="x.md", title=hostile, body="Tekst", description=hostile, tags=(hostile,), meta=(("lang", hostile),))
    front = yaml.safe_load(page.markdown.split("---\n")[1])
    # one key per field (no injected «layout:»), each value the text with its HTML escaped (Material
    # puts front matter into the page unescaped) and its whitespace collapsed
    shown = html.escape(" ".join(hostile.split()))
    assert front == {"title": shown, "description": shown, "tags": [shown], "lang": shown}


def test_pyramid_is_drawn_with_linked_layers_in_order_and_a_text_list(public_corpus):
    drawn_strategies = [s for s in public_corpus.strategies.values() if s.pyramid_layers]
    assert drawn_strategies, "the data has no strategy with a pyramid to check"
    for strategy in drawn_strategies:
        _check_pyramid(public_corpus, strategy)
    for strategy in public_corpus.strategies.values():
        if not strategy.pyramid_layers:
            assert pyramid(Ctx.create(public_corpus), strategy) == ""


def _check_pyramid(public_corpus, strategy):
    html = pyramid(Ctx.create(public_corpus).at(urls.page_of(strategy.ref)), strategy)
    expected = [LAYER_LABEL[layer] for layer in strategy.pyramid_layers]
    svg = html[html.index("<svg"):html.index("</svg>")]
    drawn = re.findall(r'<a class="pv-pyramid-svg__layer" href="([^"]+)"[^>]*>\s*<polygon[^>]*/>\s*<text[^>]*>([^<]+)</text>', svg)
    assert [label for _, label in drawn] == expected
    assert 'role="list"' in svg and svg.count('role="listitem"') == len(expected)
    listed = re.findall(r'<li class="pv-pyramid__layer"><a href="([^"]+)">([^<]+)</a>', html)
    assert listed == drawn  # the text alternative has the same links in the same order
    layer_urls = {"mission": "samfunnsoppdrag/", "vision": "visjon/"}
    assert [h for h, _ in drawn if h in layer_urls.values()] == [layer_urls[x] for x in strategy.pyramid_layers if x in layer_urls]
    tops = [float(p.split()[0].split(",")[1]) for p in re.findall(r'<polygon points="([^"]+)"', svg)]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # stacked downwards in data order


def test_pyramid_geometry_widens_downwards_and_fits_any_text():
    layers = [charts.Layer("Et svært langt lagnavn som ikke får plass øverst", "", "a/"),
              charts.Layer("Visjon", "ord " * 60, "b/"), charts.Layer("Verdier", "3 verdier", "c/")]
    drawn = charts.pyramid(layers)
    assert [x["href"] for x in drawn["layers"]] == ["a/", "b/", "c/"]
    widths = []
    for layer in drawn["layers"]:
        xs = [float(p.split(",")[0]) for p in layer["points"].split()]
        widths.append(xs[1] - xs[0])
        assert min(xs) >= 0 and max(xs) <= drawn["width"]
    assert widths == sorted(widths)
    assert drawn["layers"][0]["label_length"] is not None  # squeezed into the narrow top
    assert drawn["layers"][2]["label_length"] is None
    lines = [d["text"] for d in drawn["layers"][1]["details"]]
    assert len(lines) == charts.MAX_DETAIL_LINES and lines[-1].endswith("…")
    assert float(drawn["height"]) > 0 and charts.pyramid([])["layers"] == []


def test_nav_leaves_measures_out(small):
    flat = str(build_nav(small))
    assert "tiltak-" not in flat and "plan-a/pakke-1.md" in flat and "status.md" in flat
