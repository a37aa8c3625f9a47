"""The three outputs: what differs between them, what must never leak, and reproducibility."""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from htmltools import article, pages, parse, resolve
from planverk import urls
from planverk.schema import Schemas
from planverk.yamlload import load_yaml
from support import DATA, REPO, build_site

# Metadata of internal notes (a date, a kind from the schema's list): not content of their own.
_NOTE_METADATA = frozenset({"date", "kind"})


def internal_values(data: Path = DATA) -> set[str]:
    """Every string under an internal field or inside an internal entity (and every string of a
    draft report), straight from the YAML; less what the public data says too (an organisation
    named as a note's author is no secret)."""
    schemas = Schemas(data / "schema")
    found: set[str] = set()
    public: set[str] = set()

    def collect(node, inside: bool, internal_names: frozenset[str], key: str = "") -> None:
        if isinstance(node, dict):
            inner = inside or node.get("internal") is True
            for k, value in node.items():
                collect(value, inner or k in internal_names, internal_names, k)
        elif isinstance(node, list):
            for value in node:
                collect(value, inside, internal_names, key)
        elif isinstance(node, str) and len(node) >= 4 and key not in _NOTE_METADATA:
            (found if inside else public).add(node)

    for path in sorted(data.rglob("*.yml")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        schema = re.search(r"\$schema=\S*?([a-z-]+\.schema\.json)", first).group(1)
        content = load_yaml(path.read_text(encoding="utf-8")).data
        draft = schema == "report.schema.json" and content.get("draft") is True
        collect(content, draft, schemas.internal_fields[schema])
    return found - public


def all_file_texts(folder: Path):
    """(name, text) for every file, with .gz and .zip members opened."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        if path.suffix == ".zip":
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                for name in archive.namelist():
                    yield f"{path.name}:{name}", archive.read(name).decode("utf-8", "replace")
            continue
        yield str(path.relative_to(folder)), raw.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def offline_zip(sites, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("zip") / "offline.zip"
    subprocess.run([sys.executable, str(REPO / "scripts/zip_offline.py"), str(sites["offline"].site), str(target)], check=True,
                   env={"SOURCE_DATE_EPOCH": "1318118400"})
    return target


def test_three_outputs_exist(sites, offline_zip):
    for name in ("public", "internal", "offline"):
        assert (sites[name].site / "index.html").is_file()
    assert (sites["offline"].site / "index.html").read_text(encoding="utf-8").count('href="status.html"') >= 1
    with zipfile.ZipFile(offline_zip) as archive:
        assert "offline/index.html" in archive.namelist()
        assert "offline/search/search_index.js" in archive.namelist()


def test_internal_data_is_marked_and_only_in_the_internal_handbook(sites, internal_corpus):
    values = internal_values()
    texts = [text for _, text in all_file_texts(sites["internal"].site)]
    internal = "\n".join(re.sub(r"<[^>]+>", "", text) for text in texts) + "\n".join(texts)
    for value in values:
        assert " ".join(value.split()) in internal, f"internal value missing from the internal handbook: {value!r}"
    with_contacts = [x for p in internal_corpus.plans.values() for x in p.measures if x.contacts]
    for measure in with_contacts:
        page = sites["internal"].html(urls.url_of(urls.page_of(measure.ref)) + "index.html")
        assert '<div class="admonition internal">' in page and "Intern: kontaktpersoner" in page
        assert "Intern håndbok." in page


def intern_docs() -> list[Path]:
    """The internal handbook's own pages (docs/intern/)."""
    return sorted((REPO / "docs/intern").rglob("*.md"))


def _intern_lines(path: Path) -> list[str]:
    """Lines of an internal page long enough to be its own words (no front matter, no code)."""
    text = path.read_text(encoding="utf-8").split("---", 2)[-1]
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return [" ".join(re.sub(r"[*`\[\]()#|>_-]", " ", line).split()) for line in text.splitlines() if len(line.strip()) > 60][:3]


def test_internal_pages_are_in_the_internal_handbook_only(sites, offline_zip):
    docs = intern_docs()
    assert docs and (REPO / "docs/intern/index.md") in docs
    internal = sites["internal"].site
    sitemap = (internal / "sitemap-sider.xml").read_text(encoding="utf-8")
    index = "\n".join(p.read_text(encoding="utf-8") for p in sorted((internal / "search").rglob("*")) if p.is_file())
    start = internal / "intern/index.html"
    nav = {
        resolve(start, href, internal)[0]
        for href in re.findall(r'<a href="([^"]*)" class="md-nav__link', start.read_text(encoding="utf-8"))
    }
    for doc in docs:
        url = urls.url_of(doc.relative_to(REPO / "docs").as_posix())
        assert (internal / url / "index.html").is_file(), url
        assert f"/{url}</loc>" in sitemap and f'\\"{url}\\"' in index, url  # meta: JSON in a JS string
        assert internal / url / "index.html" in nav, f"{url} is not in the internal handbook's nav"
    for output in ("public", "offline"):
        site = sites[output].site
        assert not (site / "intern").exists() and not (site / "stylesheets/intern.css").exists()
        assert "intern/" not in (site / "sitemap-sider.xml").read_text(encoding="utf-8")
    lines = [line for doc in docs for line in _intern_lines(doc)]
    assert lines
    for folder in (sites["public"].site, sites["offline"].site, offline_zip.parent):
        leaks = [(name, line[:40]) for name, text in all_file_texts(folder)
                 for line in lines if line in " ".join(re.sub(r"<[^>]+>", " ", text).split())]
        assert not leaks, leaks[:5]
        names = [name for name, _ in all_file_texts(folder)]
        assert not [n for n in names if "intern/" in n or n.endswith("intern.css")]


@pytest.mark.parametrize("output", ["public", "internal", "offline"])
def test_every_page_says_which_audience_it_is_for(sites, output):
    """The internal handbook can never pass for the public site: every HTML file of each build says
    its audience, and the internal one asks search engines to stay away (robots.txt too)."""
    site = sites[output].site
    audience = "intern" if output == "internal" else "offentlig"
    files = sorted(site.rglob("*.html"))
    assert files
    for path in files:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert re.findall(r'<meta name="planverk-audience" content="([^"]*)">', head) == [audience], path.relative_to(site)
        robots = re.findall(r'<meta name="robots" content="([^"]*)">', head)
        assert robots == (["noindex, nofollow"] if output == "internal" else []), path.relative_to(site)
        if output == "internal":
            assert 'class="pv-intern-mark"' in path.read_text(encoding="utf-8"), path.relative_to(site)
    robots_txt = site / "robots.txt"
    if output == "internal":
        assert robots_txt.read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    else:
        assert not robots_txt.exists()


@pytest.mark.parametrize("output", ["public", "offline"])
def test_no_internal_value_in_public_outputs(sites, output):
    values = internal_values()
    leaks = [(name, value) for name, text in all_file_texts(sites[output].site) for value in values if value in text]
    assert not leaks, leaks[:10]


def test_no_internal_value_in_the_zip(offline_zip):
    values = internal_values()
    leaks = [(name, value) for name, text in all_file_texts(offline_zip.parent) for value in values if value in text]
    assert not leaks


def _with_internal_content(corpus) -> set[str]:
    """Pages of entities that carry internal data: contacts, or notes on them or their report entries."""
    refs = set()
    for plan in corpus.plans.values():
        if plan.notes:
            refs.add(plan.ref)
        refs |= {p.ref for p in plan.groups if p.notes}
        refs |= {x.ref for x in plan.measures if x.contacts or x.notes
                 or any(e.notes for r in plan.reports for e in r.entries if e.measure_id == x.id)}
    pages = {urls.url_of(urls.page_of(ref)) + "index.html" for ref in refs}
    # contact persons are on the printable plan too
    return pages | {
        f"handlingsplaner/{p.id}/utskrift/index.html" for p in corpus.plans.values() if any(x.contacts or x.notes for x in p.measures)
    }


_INTERNAL_BLOCK = re.compile(
    r'<div class="admonition internal">.*?</div>\s*|<section class="admonition internal pv-notes".*?</section>\s*', re.S
)


def test_outputs_differ_exactly_by_internal_content(sites, internal_corpus):
    public, internal = sites["public"].site, sites["internal"].site
    intern = {p.relative_to(internal) for p in pages(internal / "intern")}
    assert sorted(p.relative_to(public) for p in pages(public)) == sorted(p.relative_to(internal) for p in pages(internal)
                                                                          if p.relative_to(internal) not in intern)
    differing, drafts = set(), set()
    for page in pages(public):
        rel = page.relative_to(public)
        a = re.sub(r"\s+", " ", article(page.read_text(encoding="utf-8")))
        b = article((internal / rel).read_text(encoding="utf-8"))
        # Edit links are for editors: only the internal handbook has them (mkdocs.internal.yml).
        b = re.sub(
            r"\s+", " ", re.sub(r'<a href="[^"]*" title="[^"]*" class="md-content__button md-icon" rel="edit">.*?</a>', "", b, flags=re.S)
        )
        if a != b:
            differing.add(rel.as_posix())
            if 'class="pv-draft' in b:
                drafts.add(rel.as_posix())  # a draft report's statuses: tests/site/test_internal_handbook.py
                continue
            assert _INTERNAL_BLOCK.sub("", b) == a, f"{rel} differs by more than its internal blocks"
    assert differing - drafts == _with_internal_content(internal_corpus) - drafts


def test_offline_pages_reference_no_external_resource(sites):
    site = sites["offline"].site
    external = []
    for page in pages(site):
        for tag, attr, value in parse(page.read_text(encoding="utf-8")).resources:
            if tag == "link" and attr == "href" and re.search(r'rel="(canonical|alternate)"', ""):
                continue
            if re.match(r"^(https?:)?//", value) and not (tag == "link" and "canonical" in value):
                external.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            external.append(f"{css.relative_to(site)}: url({url})")
    # <link rel="canonical"> is metadata, never fetched; everything else would be a request.
    external = [e for e in external if "<link href=https://planverk.example.no/" not in e]
    assert not external, "\n".join(external[:20])
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/javascripts/iframe-worker/shim.js"' in index
    assert (site / "search/search_index.js").is_file()


def _tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.offline.yml"])
def test_two_builds_are_byte_identical(tmp_path, config):
    first = build_site(tmp_path / "one", config=config)
    second = build_site(tmp_path / "two", config=config)
    assert first.returncode == second.returncode == 0
    a, b = _tree_hashes(first.site), _tree_hashes(second.site)
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_no_build_clock_in_output(sites):
    sitemap = "".join((sites["public"].site / name).read_text(encoding="utf-8") for name in ("sitemap.xml", "sitemap-sider.xml"))
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2011-10-09"}  # SOURCE_DATE_EPOCH of the fixture


def test_sitemap_is_an_index_of_the_page_list(sites):
    """sitemap.xml, which Material's bundle fetches on every page load, names only the page list:
    at 10,000 measures the list itself is 1.5 MB."""
    site = sites["public"].site
    index = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index and "<url>" not in index
    [loc] = re.findall(r"<loc>([^<]+)</loc>", index)
    assert loc.endswith("/sitemap-sider.xml")
    site_url = loc.removesuffix("sitemap-sider.xml")
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == index
    listed = set(re.findall(rf"<loc>{re.escape(site_url)}([^<]*)</loc>", (site / "sitemap-sider.xml").read_text(encoding="utf-8")))
    built = {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html") if p.parent != site} | {""}
    assert built - listed == set()


def test_zip_is_reproducible(sites, tmp_path):
    paths = []
    for name in ("a.zip", "b.zip"):
        subprocess.run([sys.executable, str(REPO / "scripts/zip_offline.py"), str(sites["offline"].site), str(tmp_path / name)],
                       check=True, env={"SOURCE_DATE_EPOCH": "1318118400"})
        paths.append(tmp_path / name)
    assert paths[0].read_bytes() == paths[1].read_bytes()
