"""End-to-end: build the real site in a temp folder and read the HTML it produced."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from corpora import Data, measure, group, strategy_with_goals_linked_from_a_plan
from htmltools import article, pages, parse, resolve
from planverk import urls
from planverk.index import Coverage, Index

HUBS = {"index.html", "status/index.html", "ordliste/index.html", "rettelser/index.html", "kilder/index.html",
        "organisasjoner/index.html", "strategier/index.html", "handlingsplaner/index.html", "tema/index.html",
        "nyheter/index.html", "om-nettstedet/index.html", "tilgjengelighetserklaering/index.html"}


def html_path(md: str) -> str:
    return urls.url_of(md) + "index.html"


def test_every_entity_has_its_page(sites, public_corpus):
    site = sites["public"].site
    missing = [ref for ref in public_corpus.entities if not (site / html_path(urls.page_of(ref))).is_file()]
    assert not missing


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A literal corpus and its public site: plan a (four measures: one overdue, one done, one under
    planning with a partner, an abbreviation and relations both ways, one not started), plan b
    without a report, and a strategy with one of its two goals linked from plan a."""
    root = tmp_path_factory.mktemp("small")
    data = Data(root)
    data.org("samarb", "Samarbeidsrådet", abbreviation="SR", kind="råd")
    data.terms.append(
        {"id": "slt", "term": "SLT", "expansion": "Samordning av lokale tiltak", "source": {"document": "kilde", "page": None}}
    )
    plan = data.plan("plan-a", title="Prøveplanen", groups=[group(1), group(2)], measures=[
        measure(1, period=(2009, 2009)), measure(2, period=(2009, 2010)),
        measure(3, group="pakke-2", partners=("samarb",), description="Arbeidet i SLT styrkes."),
        measure(4, group="pakke-2")])
    data.report("plan-a-2011-08", plan="plan-a", as_of="2011-08", statuses={
        "tiltak-1": "Igangsatt", "tiltak-2": "Gjennomført", "tiltak-3": "Under planlegging", "tiltak-4": "Ikke igangsatt"})
    data.plan("plan-b", measures=[measure(1)])
    strategy_with_goals_linked_from_a_plan(data, plan, linked={"mal-a": [1], "mal-b": []})
    data.relation("measure:plan-a/tiltak-3", "measure:plan-a/tiltak-1", kind="viser-til", quote="(jfr. tiltak 1)")
    data.relation("measure:plan-a/tiltak-4", "measure:plan-a/tiltak-3", kind="viser-til", quote="(jfr. tiltak 3)")
    build = data.build(root / "site")
    assert build.returncode == 0, build.output
    return build


def test_readable_stable_urls(public_corpus):
    for plan in public_corpus.plans.values():
        for x in plan.measures:
            assert urls.url_of(urls.page_of(x.ref)) == f"handlingsplaner/{plan.id}/{x.id}/"
    assert urls.url_of(urls.page_of("measure:p/tiltak-21")) == "handlingsplaner/p/tiltak-21/"
    assert urls.url_of(urls.page_of("goal:s/omrade/mal")) == "strategier/s/omrader/omrade/mal/"


def _article_links(site: Path, *, whole_page: bool = False) -> dict[str, set[str]]:
    """page -> the pages its article (or, with whole_page, any part of it) links to."""
    out: dict[str, set[str]] = {}
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        targets = set()
        for href, in_article in parse(page.read_text(encoding="utf-8")).links:
            found = resolve(page, href, site)
            if (in_article or whole_page) and found and found[0] != page and found[0].suffix == ".html":
                targets.add(found[0].relative_to(site).as_posix())
        out[rel] = targets
    return out


def _references(corpus) -> set[tuple[str, str]]:
    """Every reference the data states, as (from ref, to ref): each must be a link both ways."""
    pairs: set[tuple[str, str]] = set()
    for plan in corpus.plans.values():
        pairs.add((plan.ref, plan.owner.ref))
        for pkg in plan.groups:
            pairs.add((pkg.ref, plan.ref))
        for x in plan.measures:
            pairs.add((x.ref, x.group.ref))
            pairs |= {(x.ref, o.ref) for o in x.responsibility.organisations}
            pairs |= {(x.ref, o.ref) for o in x.actors}
            pairs |= {(x.ref, t.ref) for t in x.themes}
    for s in corpus.strategies.values():
        pairs.add((s.ref, s.owner.ref))
        children = [s.mission, s.vision, s.drivers, *s.values, *s.service_goals, *s.user_goals, *s.focus_areas,
                    *s.sections, *s.areas]
        pairs |= {(c.ref, s.ref) for c in children if c is not None}
        for area in s.areas:
            pairs |= {(g.ref, area.ref) for g in area.goals}
    for item in corpus.news.values():
        pairs.add((item.ref, item.publisher.ref))
        pairs |= {(item.ref, t.ref) for t in item.themes}
    for org in corpus.organisations.values():
        if org.parent_id:
            pairs.add((org.ref, f"org:{org.parent_id}"))
    pairs |= {(r.from_ref, r.to_ref) for r in corpus.relations}
    return pairs


def test_every_reference_is_a_link_both_ways(sites, public_corpus):
    links = _article_links(sites["public"].site)
    missing = []
    for a, b in sorted(_references(public_corpus)):
        pa, pb = html_path(urls.page_of(a)), html_path(urls.page_of(b))
        if pb not in links[pa]:
            missing.append(f"{a} does not link to {b}")
        if pa not in links[pb]:
            missing.append(f"{b} does not link back to {a}")
    assert not missing, "\n".join(missing)
    assert len(_references(public_corpus)) > 250  # the check really ran over the data


def test_every_entity_links_to_its_source_document(sites, public_corpus):
    links = _article_links(sites["public"].site)
    for ref, entity in public_corpus.entities.items():
        source = getattr(entity, "source", None)
        if source is None or ref.startswith(("term:", "report:")):
            continue
        page, doc = html_path(urls.page_of(ref)), f"kilder/{source.document.id}/index.html"
        assert doc in links[page], ref
        assert page in links[doc], f"{doc} does not list {ref}"


def test_no_page_is_an_orphan(sites):
    """Every page is reachable: linked from another page's content, nav or footer."""
    links = _article_links(sites["public"].site, whole_page=True)
    linked = set().union(*links.values())
    orphans = sorted(p for p in links if p not in linked and p != "index.html")
    assert not orphans


def test_no_broken_internal_links_or_anchors(sites):
    for name, build in sites.items():
        site = build.site
        broken = []
        anchors: dict[Path, set[str]] = {}
        for page in pages(site):
            for href, _ in parse(page.read_text(encoding="utf-8")).links:
                found = resolve(page, href, site)
                if found is None:
                    continue
                target, fragment = found
                if not target.exists():
                    broken.append(f"{page.relative_to(site)}: {href}")
                    continue
                if fragment and target.suffix == ".html":
                    ids = anchors.setdefault(target, parse(target.read_text(encoding="utf-8")).ids)
                    if fragment not in ids:
                        broken.append(f"{page.relative_to(site)}: {href} (no #{fragment})")
        assert not broken, f"{name}:\n" + "\n".join(broken[:50])


def test_status_table_has_every_measure_of_every_plan(sites, public_corpus):
    """Each plan's status page has its whole table as HTML; its data script has the same rows."""
    index = Index(public_corpus)
    for plan in public_corpus.plans.values():
        html = sites["public"].html(f"status/{plan.id}/index.html")
        table = re.search(r'<table class="pv-table pv-table--status" id="statustabell".*?</table>', html, re.S).group(0)
        rows = re.findall(r"<tr data-plan=\"([^\"]+)\"[^>]*>(.*?)</tr>", table, re.S)
        assert len(rows) == len(plan.measures)
        overdue = re.findall(r'<tr data-plan="[^"]+" [^>]*data-overdue="(ja|nei)"', table)
        assert overdue == ["ja" if index.is_overdue(x) else "nei" for x in plan.measures]
        for x, (row_plan, row) in zip(plan.measures, rows, strict=False):
            assert row_plan == plan.id
            assert f'href="../../{urls.url_of(urls.page_of(x.ref))}"' in row
            assert f'<td data-label="Nr." data-sort="{index.order(x)}">{x.number_text or "–"}</td>' in row
        script = sites["public"].html(f"status/data/{plan.id}.js")
        data = json.loads(script[script.index("(", script.index("push")) + 1:script.rindex(")")])
        assert [r[1] for r in data["rows"]] == [x.number_text for x in plan.measures]
        assert [data["base"] + r[0] for r in data["rows"]] == [urls.url_of(urls.page_of(x.ref)) for x in plan.measures]
    overview = sites["public"].html("status/index.html")
    for plan in public_corpus.plans.values():
        assert f'<script src="data/{plan.id}.js" defer></script>' in overview


def test_overdue_flag(small):
    html = small.html("status/plan-a/index.html")
    table = re.search(r'id="statustabell".*?</table>', html, re.S).group(0)
    overdue = re.findall(r'<tr data-plan="plan-a" [^>]*data-overdue="ja"[^>]*>'
                         r'.*?<td data-label="Nr." data-sort="\d+">([^<]*)</td>', table, re.S)
    # tiltak 1: period 2009, still Igangsatt in August 2011; tiltak 2 ended 2010 but is done
    assert overdue == ["1"]
    page = small.html("handlingsplaner/plan-a/tiltak-1/index.html")
    assert "Forfalt:" in page and 'class="pv-overdue"' in page
    assert 'class="pv-overdue"' not in small.html("handlingsplaner/plan-a/tiltak-2/index.html")


def test_status_is_text_not_colour_alone(small):
    page = small.html("handlingsplaner/plan-a/tiltak-3/index.html")
    assert re.search(
        r'<span class="pv-status pv-status--ikke-startet-alt"[^>]*>'
        r'<span class="pv-status__icon" aria-hidden="true"></span>Under planlegging</span>',
        page,
    )
    assert "per august 2011" in page


def test_measure_page_links_to_all_it_names(small):
    page = article(small.html("handlingsplaner/plan-a/tiltak-3/index.html"))
    for target in ("../index.html", "../pakke-2/", "../../../organisasjoner/dep/", "../../../organisasjoner/samarb/",
                   "../tiltak-1/", "../tiltak-4/", "../../../kilder/kilde/"):
        assert f'href="{target}' in page.replace('href="../"', 'href="../index.html"'), target
    # related measures in both directions, with the source's words
    assert "Viser til" in page and "Omtalt i" in page and "(jfr. tiltak 1)" in page


def test_edit_link_points_at_the_yaml_in_the_internal_handbook_only(sites, public_corpus):
    plan = next(iter(public_corpus.plans.values()))
    measure = urls.url_of(urls.page_of(plan.measures[0].ref)).rstrip("/")
    org = next(p.organisation for x in plan.measures for p in x.responsibility.parties if p.organisation)
    page = sites["internal"].html(f"{measure}/index.html")
    assert f'href="https://git.example.no/planverk/planverk/edit/main/data/plans/{plan.id}.yml"' in page
    org_page = f"organisasjoner/{org.id}"
    org = sites["internal"].html(f"{org_page}/index.html")
    assert "edit/main/data/organisations.yml" in org
    for output in ("public", "offline"):
        for path in (measure, org_page, "om-nettstedet"):
            html = sites[output].html(f"{path}/index.html" if output == "public" else f"{path}.html")
            assert 'rel="edit"' not in html and "git.example.no" not in html and "md-source" not in html


def test_abbreviations_are_abbr_everywhere(small):
    page = small.html("handlingsplaner/plan-a/tiltak-3/index.html")
    assert '<abbr title="Samordning av lokale tiltak">SLT</abbr>' in page
    status = small.html("status/plan-a/index.html")
    assert '<abbr title="Samarbeidsrådet">SR</abbr>' in status
    glossary = small.html("ordliste/index.html")
    for term in ("DEP", "SR", "SLT"):
        assert f">{term}<" in glossary, term


def test_nav_stays_small(sites, public_corpus):
    """Measures are not in the nav: a page embeds far fewer nav links than there are measures."""
    plan = max(public_corpus.plans.values(), key=lambda p: len(p.measures))
    measures = [urls.url_of(urls.page_of(x.ref)) for x in plan.measures]
    page = sites["public"].html(measures[-1] + "index.html")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', page, re.S).group(0)
    assert page.count('class="md-nav__link') < 150
    assert not [url for url in measures if url.rstrip("/").rsplit("/", 1)[1] + "/" in nav]


def test_search_uses_our_index_and_worker_not_materials(sites):
    for name, build in sites.items():
        site = build.site
        # Material's plugin indexes nothing (every page excluded); our index holds every page
        assert json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"] == [], name
        manifest = (site / "search/planverk/manifest.js").read_text(encoding="utf-8")
        assert manifest.startswith("planverkSearch.manifest(")
        assert '"search": "' not in manifest
        page = build.html("index.html")
        config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S).group(1))
        assert config["search"].endswith("javascripts/search/worker.js"), name
        assert (site / "javascripts/search/worker.js").is_file() and (site / "javascripts/search/snowball/LICENSE").is_file()


def test_html_lang_is_bokmal(sites):
    assert '<html lang="nb"' in sites["public"].html("index.html")


def test_footer_links_accessibility_statement_on_every_page(sites):
    for name, build in sites.items():
        for page in pages(build.site):
            html = page.read_text(encoding="utf-8")
            assert "Tilgjengelighetserklæring</a>" in html, f"{name}: {page}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A build whose data carries markup and script in plain and Markdown fields."""
    root = tmp_path_factory.mktemp("hostile")
    data = Data(root)
    data.org("husbanken", "<b onmouseover=alert(3)>Husbanken</b>", kind="etat")
    data.plan("plan-a", title="Prøveplanen", measures=[
        measure(1, title="<script>alert(1)</script> *fet*", partners=("husbanken",),
                description="<img src=x onerror=alert(2)> Det etableres pilotprosjekter."), measure(2)])
    build = data.build(root / "site")
    assert build.returncode == 0, build.output
    return build


def test_escaping_holds_everywhere(hostile):
    site = hostile.site
    for path in [*site.rglob("*.html"), *site.rglob("*.json"), *site.rglob("*.xml"), *site.rglob("*.js")]:
        raw = path.read_text(encoding="utf-8")
        for needle in ("<script>alert(1)", "<img src=x", "<b onmouseover"):
            assert needle not in raw, f"{path.relative_to(site)} contains {needle}"
    page = hostile.html("handlingsplaner/plan-a/tiltak-1/index.html")
    assert "<title>Tiltak 1: &lt;script&gt;alert(1)&lt;/script&gt; *fet* - " in page
    assert 'content="Prøveplanen, tiltak 1: &lt;script&gt;alert(1)&lt;/script&gt; *fet*"' in page
    assert "&lt;img src=x onerror=alert(2)&gt; Det etableres" in page
    nav = hostile.html("handlingsplaner/plan-a/pakke-1/index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *fet*" in nav  # in the package's table, as text
    org = hostile.html("organisasjoner/husbanken/index.html")
    assert "&lt;b onmouseover=alert(3)&gt;Husbanken&lt;/b&gt;" in org
    index = "".join(p.read_text(encoding="utf-8") for p in (site / "search/planverk").rglob("*.js"))
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in index  # the worker escapes it when shown
    # exports hold the exact text as data: JSON decodes to it, CSV holds it as a plain cell
    measure = json.loads((site / "data/measure/plan-a/tiltak-1.json").read_text(encoding="utf-8"))
    assert measure["tittel"] == "<script>alert(1)</script> *fet*"
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO((site / "data/tiltak.csv").read_text(encoding="utf-8"))))
    assert rows[0]["tittel"] == "<script>alert(1)</script> *fet*"


def test_exports_are_published_and_linked(sites, public_corpus):
    site = sites["public"].site
    for path in ("data/tiltak.csv", "data/tiltak.json", "data/datapackage.json"):
        assert (site / path).is_file(), path
    for plan in public_corpus.plans.values():
        for x in plan.measures:
            assert (site / f"data/measure/{plan.id}/{x.id}.json").is_file(), x.ref
    status = sites["public"].html("status/index.html")
    assert 'href="../data/tiltak.csv"' in status and 'href="../data/datapackage.json"' in status
    site_url = yaml.safe_load((sites["public"].root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    rows = list(csv.DictReader(io.StringIO((site / "data/tiltak.csv").read_text(encoding="utf-8"))))
    assert rows
    for row in rows:
        url = row["nettadresse"]
        assert url.startswith(site_url), url  # absolute: the file is read away from the site
        assert (site / url.removeprefix(site_url) / "index.html").is_file(), url


def test_print_pages_and_feed_are_linked(sites, public_corpus):
    for plan in public_corpus.plans.values():
        page = sites["public"].html(f"handlingsplaner/{plan.id}/index.html")
        assert f'href="../{plan.id}/utskrift/"' in page or 'href="utskrift/"' in page
        assert (sites["public"].site / f"handlingsplaner/{plan.id}/utskrift/index.html").is_file()
    coverage = Coverage(Index(public_corpus))
    for strategy in public_corpus.strategies.values():
        page = sites["public"].html(f"strategier/{strategy.id}/index.html")
        goals = coverage.goals(strategy)
        assert 'href="utskrift/"' in page
        if goals:
            assert f"{sum(1 for _, refs in goals if refs)} av {len(goals)} mål har tiltak" in page
    home = sites["public"].html("index.html")
    assert 'rel="alternate" type="application/rss+xml"' in home and 'href="feed.xml"' in home
    assert (sites["public"].site / "feed.xml").is_file()


def test_goal_coverage_is_counted(small):
    assert "1 av 2 mål har tiltak" in small.html("strategier/strategi-a/index.html")


def test_goals_and_delmal_have_stable_anchors(sites, public_corpus):
    for strategy in public_corpus.strategies.values():
        _check_anchors(sites, strategy)


def _check_anchors(sites, strategy):
    for area in strategy.areas:
        page = sites["public"].html(f"strategier/{strategy.id}/omrader/{area.id}/index.html")
        ids = parse(page).ids
        for goal in area.goals:
            assert goal.id in ids
            assert {f"{goal.id}-{sg.id}" for sg in goal.subgoals} <= ids
            goal_page = parse(sites["public"].html(f"strategier/{strategy.id}/omrader/{area.id}/{goal.id}/index.html"))
            assert {sg.id for sg in goal.subgoals} <= goal_page.ids


def test_no_markup_syntax_leaks_into_pages(sites):
    for page in pages(sites["public"].site):
        text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", article(page.read_text(encoding="utf-8")), flags=re.S)
        text = re.sub(r"<[^>]+>", "", text)
        for leak in ("{#", "{:", "[^", "](", "planverk-fragment", "**"):
            assert leak not in text, f"{page.relative_to(sites['public'].site)}: {leak!r}"


def test_plan_page_lists_its_measures_with_status(sites, public_corpus):
    index = Index(public_corpus)
    for plan in public_corpus.plans.values():
        page = sites["public"].html(f"handlingsplaner/{plan.id}/index.html")
        table = re.search(rf'<table class="pv-table" id="tiltak-{plan.id}".*?</table>', page, re.S).group(0)
        assert table.count("<tr data-plan=") == len(plan.measures)
        for x in plan.measures:
            assert f'href="{x.id}/"' in table
        assert table.count('class="pv-status pv-status--') == len(plan.measures)
        assert table.count('class="pv-status pv-status--ingen"') == sum(1 for x in plan.measures if not index.entry(x))


def test_plan_page_lists_measures_and_says_when_there_is_no_status(small):
    page = small.html("handlingsplaner/plan-a/index.html")
    table = re.search(r'<table class="pv-table" id="tiltak-plan-a".*?</table>', page, re.S).group(0)
    assert table.count("<tr data-plan=") == 4 and table.count('class="pv-status pv-status--') == 4
    assert "pv-status--ingen" not in table
    page = small.html("handlingsplaner/plan-b/index.html")
    table = re.search(r'<table class="pv-table" id="tiltak-plan-b".*?</table>', page, re.S).group(0)
    assert table.count('class="pv-status pv-status--ingen">Ingen statusrapport</span>') == 1


def test_pages_made_from_data_say_when_their_facts_date_from(sites, public_corpus):
    """The stamp stands right under the heading of every page made from a plan's data: the report
    its statuses come from, the next report where the data names it, and when the data changed."""
    from html import escape

    from planverk.text import year_month

    for plan in public_corpus.plans.values():
        report = plan.latest_report
        paths = [urls.page_of(plan.ref), urls.status_plan_page(plan.id), *(urls.page_of(x.ref) for x in plan.measures[:3])]
        for path in paths:
            body = article(sites["public"].html(html_path(path)))
            stamp = re.search(r'</h1>\s*<div class="pv-dates"[^>]*>(.*?)</div>', body, re.S)
            assert stamp, f"{path}: no date line under the heading"
            text = stamp.group(1)
            assert (f"Status per {year_month(report.as_of)}" in text) if report else ("Ingen statusrapport" in text), path
            assert "Sist endret " in text, path
            due = report.next_update if report and path == urls.page_of(plan.ref) else None
            assert (f"Neste statusrapport: {escape(due)}." in text) if due else "Neste statusrapport" not in text, path
    assert 'class="pv-dates"' not in article(sites["public"].html("om-nettstedet/index.html")), "hand-written pages have none"


def test_public_pages_do_not_talk_about_yaml_or_data_files(sites):
    """Klarspråk: only what is meant for data editors (the corrections list, the «For redaktører»
    section of the about page) names data files or formats."""
    site = sites["public"].site
    for page in pages(site):
        where = page.relative_to(site).as_posix()
        if where.startswith("rettelser/"):
            continue
        text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", article(page.read_text(encoding="utf-8")), flags=re.S)
        text = re.sub(r"<[^>]+>", "", text)
        if where == "om-nettstedet/index.html":
            assert "For redaktører" in text
            text = text.split("For redaktører")[0]
        for word in ("YAML", ".yml", "data/sources", "mappen data/"):
            assert word not in text, f"{where}: {word!r}"
