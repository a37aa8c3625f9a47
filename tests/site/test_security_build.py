"""Hostile builds (issue 10): the real MkDocs builds of data that carries script and internal
data at every level. Every byte of the public and offline outputs (pages, search index,
sitemap, feed, CSV/JSON, zip) is searched; configuration mistakes and data errors end the
build with a clear message, never a traceback."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hostile import INTERNAL_MARKERS, XSS_MARKER, edit, hostile_copy
from support import DATA, REPO, build_site

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile-builds")
    data = hostile_copy(root / "data")
    out = {}
    for name, config in (("public", "mkdocs.yml"), ("internal", "mkdocs.internal.yml"), ("offline", "mkdocs.offline.yml")):
        build = build_site(root / name, config=config, data=data)
        assert build.returncode == 0, build.output  # the public build stays valid without the internal data
        out[name] = build.site
    subprocess.run([sys.executable, str(REPO / "scripts" / "zip_offline.py"), str(out["offline"]), str(root / "offline.zip")],
                   check=True, capture_output=True)
    out["zip"] = root / "offline.zip"
    return out


def every_text(site: Path) -> dict[str, str]:
    """Every file of an output as text (gzip and zip members unpacked)."""
    found: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        found[path.relative_to(site).as_posix()] = raw.decode("utf-8", "replace")
    return found


def zip_texts(archive: Path) -> dict[str, str]:
    with zipfile.ZipFile(archive) as z:
        return {name: z.read(name).decode("utf-8", "replace") for name in z.namelist()}


@pytest.mark.parametrize("output", ["public", "offline", "zip"])
def test_no_byte_of_internal_data_in_public_outputs(builds, output):
    texts = zip_texts(builds["zip"]) if output == "zip" else every_text(builds[output])
    assert any(name.endswith(("search_index.json", "search_index.js")) for name in texts)
    for level, marker in INTERNAL_MARKERS.items():
        leaks = [name for name, text in texts.items() if marker in text]
        assert not leaks, f"internal {level} in {output}: {leaks[:5]}"


def test_internal_handbook_has_all_internal_data(builds):
    texts = every_text(builds["internal"])
    for level, marker in INTERNAL_MARKERS.items():
        assert any(marker in text for text in texts.values()), f"internal {level} missing from the handbook"


def test_sitemap_and_search_index_skip_internal_pages(builds):
    sitemap = (builds["public"] / "sitemap-sider.xml").read_text(encoding="utf-8")
    assert "intern-plan" not in sitemap and "intern-strategi" not in sitemap and "intern-nyhet" not in sitemap
    assert "intern-plan" in (builds["internal"] / "sitemap-sider.xml").read_text(encoding="utf-8")


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        self._script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and XSS_MARKER in value:
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "xlink:href") and value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")):
                self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and XSS_MARKER in data:
            self.problems.append(f"<script>{data[:60]}")


@pytest.mark.parametrize("output", ["public", "internal", "offline"])
def test_hostile_markup_is_inert_in_every_page(builds, output):
    site = builds[output]
    shown = 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        shown += text.count(XSS_MARKER)
        scan = _Scan()
        scan.feed(text)
        assert not scan.problems, f"{path.relative_to(site)}: {scan.problems[:3]}"
    assert shown  # the hostile text is there, as text


def test_hostile_plan_title_is_escaped_in_the_nav(builds):
    page = (builds["public"] / "index.html").read_text(encoding="utf-8")
    assert f"&lt;script&gt;alert(&#39;{XSS_MARKER}5&#39;)&lt;/script&gt;" in page or f"&lt;script&gt;alert('{XSS_MARKER}5')" in page


# --- clear failures --------------------------------------------------------------------------------


def _build_with_config(tmp: Path, config_edit: tuple[str, str], data: Path = DATA) -> subprocess.CompletedProcess:
    tmp.mkdir(parents=True)
    for name in ("docs", "overrides", "hooks"):
        (tmp / name).symlink_to(REPO / name)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert config_edit[0] in text
    (tmp / "mkdocs.yml").write_text(text.replace(config_edit[0], config_edit[1], 1), encoding="utf-8")
    (tmp / "data").symlink_to(data)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp / "mkdocs.yml")],
                          cwd=tmp, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("old, new, words", [
    ("audience: public", "audience: intern", ("extra.planverk.audience", "'intern'", "public og internal")),
    ("data: data", "data: dataa", ("extra.planverk.data", "'dataa'", "ikke en mappe")),
    ("data: data", "data: [data]", ("extra.planverk.data", "tekst")),
    ("audience: public", "audience: public\n    audiense: internal", ("extra.planverk.audiense", "ukjent innstilling")),
])
def test_configuration_mistakes_are_clear(tmp_path, old, new, words):
    result = _build_with_config(tmp_path / "site", (old, new))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output
    for word in words:
        assert word in output, output


def test_check_reports_exactly_what_the_build_fails_on(tmp_path, data_copy):
    edit(data_copy, "news/vestfold-slt-samarbeidsmote.yml", "date: null", 'date: "2023-02-30"')
    edit(data_copy, "organisations.yml", "  - id: pst\n", "  - id: index\n")
    edit(data_copy, "plans/radikalisering.yml", "  - id: tiltak-11\n", '  - id: "tiltak-11\\n"\n')
    (data_copy / "plans" / "arkiv").mkdir()
    (data_copy / "plans" / "arkiv" / "gammel.yml").write_text("x: 1\n", encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "planverk", "check", "--data", str(data_copy)], cwd=REPO / "hooks",
                           capture_output=True, text=True, timeout=120)
    build = build_site(tmp_path / "site", data=data_copy)
    assert check.returncode == 1 and build.returncode != 0
    assert "Traceback" not in check.stderr + build.output

    def error_lines(text: str) -> list[str]:
        return [line.strip() for line in text.split("\n") if line.strip().startswith("data/")]

    assert error_lines(check.stderr) == error_lines(build.output)
    assert len(error_lines(check.stderr)) >= 4
