"""The internal handbook's own content, end to end: internal notes on every level and a draft
report, added to a copy of data/ (never to data/ itself), built into all three outputs.

Each is present in the internal build (its page, its search index, the changes page) and
absent from every file of the public build, the offline build and the zip, gzip members
included. The additions are made to whatever data/ holds, so this holds for any valid data.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_outputs import all_file_texts

from htmltools import article
from internal_fixture import ANY_TOKEN, TOKENS, add_internal_content
from planverk import urls
from planverk.load import load
from support import DATA, REPO, Build, build_site


@dataclass(frozen=True)
class Fixture:
    data: Path
    plan: str
    group: str
    measure: str
    draft_id: str
    published: str | None  # id of the published report the draft follows, if the plan has one
    builds: dict[str, Build]
    zip: Path


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Fixture:
    root = tmp_path_factory.mktemp("internal-handbook")
    data = root / "data"
    shutil.copytree(DATA, data)
    ids = add_internal_content(data)
    builds = {}
    for name, config in (("public", "mkdocs.yml"), ("internal", "mkdocs.internal.yml"), ("offline", "mkdocs.offline.yml")):
        build = build_site(root / name, config=config, data=data)
        assert build.returncode == 0, build.output
        builds[name] = build
    target = root / "zip" / "offline.zip"
    target.parent.mkdir()
    subprocess.run([sys.executable, str(REPO / "scripts/zip_offline.py"), str(builds["offline"].site), str(target)], check=True,
                   env={"SOURCE_DATE_EPOCH": "1318118400"})
    return Fixture(data, ids["plan"], ids["group"], ids["measure"], ids["draft"], ids["published"], builds, target)  # type: ignore[arg-type]


def page_path(ref: str) -> str:
    return urls.url_of(urls.page_of(ref)) + "index.html"


def test_the_fixture_is_valid_data_for_both_audiences(fx):
    internal, public = load(fx.data, "internal"), load(fx.data, "public")
    plan = internal.plans[fx.plan]
    assert [r.id for r in plan.drafts] == [fx.draft_id]
    assert fx.draft_id not in {r.id for r in public.plans[fx.plan].reports}
    measure = internal.get(f"measure:{fx.plan}/{fx.measure}")
    assert [n.date for n in measure.notes] == ["2012-02-14", "2011-12-01"], "newest note first"
    assert not public.plans[fx.plan].notes and not public.get(f"measure:{fx.plan}/{fx.measure}").notes


def test_notes_on_every_level_are_marked_on_their_page_in_the_internal_build(fx):
    site = fx.builds["internal"]
    expected = {
        TOKENS["plan"]: f"plan:{fx.plan}",
        TOKENS["group"]: f"group:{fx.plan}/{fx.group}",
        TOKENS["measure"]: f"measure:{fx.plan}/{fx.measure}",
        TOKENS["entry"]: f"measure:{fx.plan}/{fx.measure}",
    }
    for token, ref in expected.items():
        html = article(site.html(page_path(ref)))
        blocks = re.findall(r'<section class="admonition internal pv-notes" aria-labelledby="([^"]+)">(.*?)</section>', html, re.S)
        assert blocks, f"no «Intern» notes block on the page of {ref}"
        holding = [(anchor, body) for anchor, body in blocks if token in body]
        assert holding, f"{token} is not inside the «Intern» block of {ref}"
        anchor, body = holding[0]
        assert f'<p class="admonition-title" id="{anchor}">Intern: ' in body
        assert '<time datetime="2012-02-14">14. februar 2012</time>' in body and TOKENS["author"] in body
    measure = article(site.html(page_path(f"measure:{fx.plan}/{fx.measure}")))
    assert measure.index("2012-02-14") < measure.index("2011-12-01"), "newest note first"
    assert "Neste steg" in article(site.html(page_path(f"plan:{fx.plan}"))), "the note's kind is shown"


def _search_files(site: Path) -> str:
    """Every file of the site's search index, as one text (the index is built from the model)."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((site / "search").rglob("*")) if p.is_file())


def test_internal_pages_and_notes_are_in_the_internal_search_index(fx):
    index = _search_files(fx.builds["internal"].site)
    for level in ("plan", "group", "measure", "entry"):
        assert TOKENS[level] in index, f"the {level} note is not searchable in the internal handbook"
    intern_pages = sorted(p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs/intern").rglob("*.md"))
    assert intern_pages
    for page in intern_pages:
        assert f'\\"{urls.url_of(page)}\\"' in index, f"docs/{page} is not in the internal search index"  # JSON in a JS string
    public = _search_files(fx.builds["public"].site)
    assert not ANY_TOKEN.search(public) and '"intern/' not in public


def test_draft_is_marked_on_every_page_and_table_that_uses_it(fx):
    site = fx.builds["internal"]
    plan = site.html(page_path(f"plan:{fx.plan}"))
    measure = site.html(page_path(f"measure:{fx.plan}/{fx.measure}"))
    package = site.html(page_path(f"group:{fx.plan}/{fx.group}"))
    status = site.html("status/index.html")
    for name, html in (("plan", plan), ("measure", measure), ("group", package), ("status", status)):
        body = article(html)
        assert '<div class="admonition pv-draft" role="note">' in body and TOKENS["draft-title"] in body, name
    plan_status = site.html(urls.url_of(urls.status_plan_page(fx.plan)) + "index.html")  # the plan's static table
    row = re.search(rf'<tr [^>]*>(?:(?!</tr>).)*?href="[^"]*{re.escape(fx.measure)}/"(?:(?!</tr>).)*</tr>', article(plan_status), re.S)
    assert row and '<span class="pv-draft-tag">Utkast</span>' in row.group(0), "the status table marks the draft's status"
    # The overview's rows come from the plan's data script: it names the draft report, the public one none.
    draft = load(fx.data, "internal").plans[fx.plan].drafts[0]
    script = (site.site / urls.status_data_file(fx.plan)).read_text(encoding="utf-8")
    assert re.search(rf'"drafts":\[[^\]]*"{re.escape(draft.as_of)}"', script), "the data script marks the draft's status"
    public = (fx.builds["public"].site / urls.status_data_file(fx.plan)).read_text(encoding="utf-8")
    assert '"drafts":[]' in public
    assert '<span class="pv-draft-tag">Utkast</span>' in article(measure) and TOKENS["draft-text"] in article(measure)
    assert "(med status fra et utkast)" in article(plan), "the plan's summary table says it uses a draft"


def test_changes_page_compares_the_draft_with_the_last_published_report(fx):
    html = article(fx.builds["internal"].html(f"handlingsplaner/{fx.plan}/endringer/index.html"))
    section = html[html.index(f'id="{fx.draft_id}"'):]
    assert "Utkast" in section[:400] and TOKENS["draft-title"] in section
    if fx.published:
        published = load(fx.data, "internal").get(f"report:{fx.plan}/{fx.published}")
        caption = re.search(r"<caption>(.*?)</caption>", section, re.S).group(1)
        assert published.title in caption and "(utkast)" in caption
        change = re.search(r'<tr data-change="status-(fram|tilbake)">(.*?)</tr>', section, re.S)
        assert change and f"{fx.measure}/" in change.group(2) and '<span class="pv-draft-tag">Utkast</span>' in change.group(2)


@pytest.mark.parametrize("output", ["public", "offline"])
def test_nothing_internal_is_generated_for_public_outputs(fx, output):
    site = fx.builds[output].site
    leaks = [name for name, text in all_file_texts(site) if ANY_TOKEN.search(text)]
    assert not leaks, f"internal notes or the draft report leaked into {output}: {leaks[:10]}"
    assert not (site / "intern").exists() and not (site / "stylesheets/intern.css").exists()
    assert not [p for p in site.rglob("*") if ANY_TOKEN.search(p.name)]


def test_nothing_internal_in_the_zip(fx):
    leaks = [name for name, text in all_file_texts(fx.zip.parent) if ANY_TOKEN.search(text) or "/intern/" in name]
    assert not leaks, leaks[:10]


def test_public_status_comes_from_the_published_report_only(fx):
    public = load(fx.data, "public")
    page = article(fx.builds["public"].html(page_path(f"measure:{fx.plan}/{fx.measure}")))
    assert "pv-draft" not in page
    report = public.plans[fx.plan].latest_report
    if report is not None:
        entry = report.entry(fx.measure)
        assert entry is not None and f'pv-status--{entry.status.look}"' in page.split("</ul>", 1)[0]
