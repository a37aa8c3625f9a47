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

from support import DATA, REPO, build_site
from htmltools import article, pages, parse
from planverk.schema import Schemas
from planverk.yamlload import load_yaml


def internal_values() -> set[str]:
    """Every string under an internal field or inside an internal entity, straight from the YAML."""
    schemas = Schemas(DATA / "schema")
    found: set[str] = set()

    def collect(node, inside: bool, internal_names: frozenset[str]) -> None:
        if isinstance(node, dict):
            inner = inside or node.get("internal") is True
            for key, value in node.items():
                collect(value, inner or key in internal_names, internal_names)
        elif isinstance(node, list):
            for value in node:
                collect(value, inside, internal_names)
        elif inside and isinstance(node, str) and len(node) >= 4:
            found.add(node)

    for path in sorted(DATA.rglob("*.yml")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        schema = re.search(r"\$schema=\S*?([a-z-]+\.schema\.json)", first).group(1)
        collect(load_yaml(path.read_text(encoding="utf-8")).data, False, schemas.internal_fields[schema])
    return found


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


def test_internal_data_is_marked_and_only_in_the_internal_handbook(sites):
    values = internal_values()
    assert {"Hedda Bie", "Anja Bakkeli"} <= {v for v in values if len(v) < 20}
    internal = "\n".join(re.sub(r"<[^>]+>", "", text) for _, text in all_file_texts(sites["internal"].site))
    for value in values:
        assert " ".join(value.split()) in internal, f"internal value missing from the internal handbook: {value!r}"
    page = sites["internal"].html("handlingsplaner/radikalisering/tiltak-11/index.html")
    assert '<div class="admonition internal">' in page and "Intern: kontaktpersoner" in page
    assert "Intern håndbok." in page


@pytest.mark.parametrize("output", ["public", "offline"])
def test_no_internal_value_in_public_outputs(sites, output):
    values = internal_values()
    leaks = [(name, value) for name, text in all_file_texts(sites[output].site) for value in values if value in text]
    assert not leaks, leaks[:10]


def test_no_internal_value_in_the_zip(offline_zip):
    values = internal_values()
    leaks = [(name, value) for name, text in all_file_texts(offline_zip.parent) for value in values if value in text]
    assert not leaks


def test_outputs_differ_exactly_by_internal_content(sites, internal_corpus):
    public, internal = sites["public"].site, sites["internal"].site
    assert sorted(p.relative_to(public) for p in pages(public)) == sorted(p.relative_to(internal) for p in pages(internal))
    differing = []
    for page in pages(public):
        rel = page.relative_to(public)
        a = article(page.read_text(encoding="utf-8"))
        b = article((internal / rel).read_text(encoding="utf-8"))
        if a != b:
            differing.append(rel.as_posix())
            stripped = re.sub(r'<div class="admonition internal">.*?</div>\s*', "", b, flags=re.S)
            assert stripped == a, f"{rel} differs by more than its internal block"
    internal = [(p, x) for p in internal_corpus.plans.values() for x in p.measures if x.contacts or x.internal_note]
    assert internal
    expected = ({f"handlingsplaner/{p.id}/{x.id}/index.html" for p, x in internal}  # the measure pages
                | {f"handlingsplaner/{p.id}/utskrift/index.html" for p, _ in internal})  # and their printable plans
    assert sorted(differing) == sorted(expected)


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
    sitemap = (sites["public"].site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2011-10-09"}  # SOURCE_DATE_EPOCH of the fixture


def test_zip_is_reproducible(sites, tmp_path):
    paths = []
    for name in ("a.zip", "b.zip"):
        subprocess.run([sys.executable, str(REPO / "scripts/zip_offline.py"), str(sites["offline"].site), str(tmp_path / name)],
                       check=True, env={"SOURCE_DATE_EPOCH": "1318118400"})
        paths.append(tmp_path / name)
    assert paths[0].read_bytes() == paths[1].read_bytes()
