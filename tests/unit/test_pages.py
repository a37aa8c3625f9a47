"""Page functions: data in, Markdown out (no MkDocs)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from planverk import exports, urls
from planverk.index import Index
from planverk.nav import build_nav
from planverk.pages import build_pages
from planverk.pages.base import Ctx
from planverk.pages.plans import measure_page
from planverk import charts
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
    assert len(generated) == len(set(generated))
    assert all(p.title for p in generated.values())
    assert len([p for p in generated if p.startswith("handlingsplaner/gode-krefter/tiltak-")]) == 35


def test_measure_page(public_corpus):
    plan = public_corpus.plans["gode-krefter"]
    measure = public_corpus.get("measure:gode-krefter/tiltak-2")
    ctx = Ctx.create(public_corpus).at(urls.page_of(measure.ref))
    page = measure_page(ctx, plan, measure, None, plan.measures[2])
    assert page.title == "Tiltak 2: Standardiserte ungdomsundersøkelser"
    assert page.body.startswith("# Tiltak 2: Standardiserte ungdomsundersøkelser")
    body = page.full_body
    assert '<li><strong>Handlingsplan:</strong> <a href="../">Gode krefter</a></li>' in body
    assert ('<li><strong>Ansvarlig:</strong> <a href="../../../organisasjoner/jd/">Justis- og beredskapsdepartementet '
            '(<abbr title="Justis- og beredskapsdepartementet">JD</abbr>)</a>, <a href="../../../organisasjoner/bld/">') in body
    assert "<strong>Samarbeidspart:</strong> <a href=\"../../../organisasjoner/nova/\">Norsk institutt" in body
    assert "Gjennomført</span> per august 2011" in body
    assert 'Neste: <a href="../tiltak-3/">Tiltak 3:' in body and "Forrige:" not in body
    assert page.edit == "data/plans/gode-krefter.yml"
    assert 'Kilde: <a href="../../../kilder/gode-krefter-statusrapport-2011/">Statusrapport' in body and "side 6" in body
    # only the prose fields are left to Markdown
    assert "](" not in page.body.split("## Tiltaket i planen")[0]


def test_measure_page_footnotes(public_corpus):
    plan = public_corpus.plans["gode-krefter"]
    measure = public_corpus.get("measure:gode-krefter/tiltak-3")
    page = measure_page(Ctx.create(public_corpus).at(urls.page_of(measure.ref)), plan, measure, None, None)
    body = page.full_body
    assert '<sup id="fnref:tiltak-3-1"><a class="footnote-ref" href="#fn:tiltak-3-1">1</a></sup>' in body
    assert re.search(r'<li id="fn:tiltak-3-1" value="1"><p>Frønes, Ivar', body)
    assert '<a href="http://www.regjeringen.no/upload/BLD/Barnevern/sosial_ekslusjon_og_barnevern_i_kunnskapssamfunnet.pdf">' in body


def test_front_matter_is_escaped(public_corpus):
    page = build_pages(public_corpus)[0]
    assert page.markdown.startswith('---\ntitle: "Forside"\ndescription: ')


def test_pyramid_is_drawn_with_linked_layers_in_order_and_a_text_list(public_corpus):
    strategy = public_corpus.strategies["konfliktradet-2023-2025"]
    html = pyramid(Ctx.create(public_corpus).at(urls.page_of(strategy.ref)), strategy)
    expected = [LAYER_LABEL[layer] for layer in strategy.pyramid_layers]
    svg = html[html.index("<svg"):html.index("</svg>")]
    drawn = re.findall(r'<a class="pv-pyramid-svg__layer" href="([^"]+)"[^>]*>\s*<polygon[^>]*/>\s*<text[^>]*>([^<]+)</text>', svg)
    assert [label for _, label in drawn] == expected
    assert 'role="list"' in svg and svg.count('role="listitem"') == len(expected)
    listed = re.findall(r'<li class="pv-pyramid__layer"><a href="([^"]+)">([^<]+)</a>', html)
    assert listed == drawn  # the text alternative has the same links in the same order
    assert drawn[0][0] == "samfunnsoppdrag/" and drawn[1][0] == "visjon/"
    tops = [float(p.split()[0].split(",")[1]) for p in re.findall(r'<polygon points="([^"]+)"', svg)]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # stacked downwards in data order
    assert pyramid(Ctx.create(public_corpus), public_corpus.strategies["kriminalomsorgen-2021-2026"]) == ""


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


def test_nav_leaves_measures_out(public_corpus):
    flat = str(build_nav(public_corpus))
    assert "tiltak-21.md" not in flat and "tiltakspakke-1.md" in flat and "status.md" in flat


def test_footnotes_keep_the_source_numbers(public_corpus):
    plan = public_corpus.plans["gode-krefter"]
    measure = public_corpus.get("measure:gode-krefter/tiltak-15")
    body = measure_page(Ctx.create(public_corpus).at(urls.page_of(measure.ref)), plan, measure, None, None).full_body
    assert 'januar 2011.<sup id="fnref:tiltak-15-8"><a class="footnote-ref" href="#fn:tiltak-15-8">8</a></sup>' in body
    assert '<li id="fn:tiltak-15-8" value="8">' in body
