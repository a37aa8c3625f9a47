"""Pages that come with their HTML (hooks/planverk/pages/html.py, hooks/planverk/made.py) are the
pages MkDocs' own Markdown makes: builds with and without them are byte-identical, file by
file, for the real data (every output), for hostile data, whose titles carry markup that only
the front matter's escaping keeps inert, and for a nynorsk plan beside a bokmål one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils import meta

from corpora import Data, measure
from hostile import hostile_copy
from planverk.load import load
from planverk.pages import build_pages
from support import DATA, build_site

pytestmark = pytest.mark.slow


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _made(output: str) -> tuple[int, int]:
    found = re.search(r"pages-with-html=(\d+)/(\d+)", output)
    assert found is not None, output
    return int(found[1]), int(found[2])


def _two_languages(root: Path) -> Path:
    """A bokmål plan and a nynorsk plan (pages with lang in their front matter, nynorsk labels)."""
    data = Data(root)
    data.document("nynorsk-kilde", language="nn")
    data.plan("plan-nb", measures=[measure(1), measure(2, themes=["tema-a"])])
    data.plan("plan-nn", document="nynorsk-kilde", measures=[measure(1, responsibility={"parties": [], "stated": False}),
                                                             measure(2)])
    data.theme("tema-a", "Tema A")
    return data.write()


@pytest.mark.parametrize(("config", "corpus"), [("mkdocs.yml", "real"), ("mkdocs.internal.yml", "real"),
                                                ("mkdocs.offline.yml", "real"), ("mkdocs.yml", "hostile"),
                                                ("mkdocs.yml", "languages")])
def test_pages_with_their_html_are_the_pages_mkdocs_makes(tmp_path, monkeypatch, config, corpus):
    data = {"real": lambda: DATA, "hostile": lambda: hostile_copy(tmp_path / "data"),
            "languages": lambda: _two_languages(tmp_path / "data")}[corpus]()
    monkeypatch.setenv("PLANVERK_TIMINGS", "1")
    built = {}
    for setting in ("0", "1"):
        monkeypatch.setenv("PLANVERK_PAGE_HTML", setting)
        build = build_site(tmp_path / f"site-{setting}", config=config, data=data)
        assert build.returncode == 0, build.output
        built[setting] = build
    assert _made(built["0"].output)[0] == 0
    made, pages = _made(built["1"].output)
    assert made < pages  # the pages in the nav never come with their HTML
    if corpus == "languages":
        assert made > 0  # its measure pages did (the real data's may, whatever it holds, link elsewhere)
    without, with_html = _files(built["0"].site), _files(built["1"].site)
    assert without.keys() == with_html.keys()
    assert any(path.endswith(".html") for path in without)
    differ = [path for path in without if without[path] != with_html[path]]
    assert not differ, differ[:5]


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_front_matter_is_what_mkdocs_reads_from_the_page(tmp_path, audience):
    """A made page gives MkDocs its front matter and Markdown directly (planverk/made.py): the
    same MkDocs would read from the page's Markdown file."""
    for data in (DATA, hostile_copy(tmp_path / "data")):
        for page in build_pages(load(data, audience)):
            assert meta.get_data(page.markdown) == (page.source, page.front_matter), page.path
