"""A page's HTML made where the pages are made (hooks/planverk/pages/html.py) is what MkDocs'
own Page.render makes of the same Markdown with the site's extensions; a page that links to
another file, or to an anchor it lacks, is left to MkDocs, which rewrites and checks links."""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from planverk.abbr import Abbreviations
from planverk.pages.base import Page
from planverk.pages.html import Converter
from support import REPO

_SITE = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))

BODIES = {
    "headings": "# Tiltak 1: Noe\n\n<!-- planverk-fragment:0:1 -->\n\n## Tiltaket i planen\n\nTekst.\n\n## Status\n\n## Status\n",
    "footnotes": "# Side\n\nEn påstand.[^1] En til.[^2]\n\n[^1]: Kilde én.\n[^2]: Kilde to.\n",
    "blocks": ("# Side {#egen}\n\n!!! note \"Merk\"\n    Innhold\n\nOrd\n:   Forklaring\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
               "<div id=\"raw\">rå HTML</div>\n\nAvsnitt {: .klasse }\n"),
    "links": "# Side\n\n[ute](https://example.org/) og [til toppen](#side) og <https://example.org/x>.\n",
}


def _mkdocs(tmp_path: Path, body: str) -> tuple[str, list[tuple[str, str, int]]]:
    """What MkDocs' Page.render makes of ``body`` with the site's Markdown extensions."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                      "markdown_extensions": copy.deepcopy(_SITE["markdown_extensions"])})
    errors, _ = config.validate()
    assert not errors
    file = File("plan/tiltak-1.md", src_dir=config.docs_dir, dest_dir=config.site_dir, use_directory_urls=True)
    page = MkPage(None, file, config)
    page.markdown, page.meta = body, {}  # what read_source reads (it runs plugin events, none here)
    page.render(config, Files([file]))
    assert page.content is not None
    return page.content, _flat(page.toc)


def _flat(toc) -> list[tuple[str, str, int]]:
    out = []
    for item in toc:
        out.append((item.title, item.id, item.level))
        out.extend(_flat(item.children))
    return out


def _converter(**options) -> Converter:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "markdown_extensions": copy.deepcopy(_SITE["markdown_extensions"])})
    config.validate()
    return Converter(config.markdown_extensions, config.mdx_configs, **options)


def _page(body: str, fragments: tuple[str, ...] = ()) -> Page:
    return Page("plan/tiltak-1.md", "Tittel", body, fragments=fragments)


def test_html_is_what_mkdocs_makes_of_the_same_markdown(tmp_path):
    from mkdocs.structure.toc import get_toc

    converter = _converter()  # one instance for every page, as in a process making pages
    for name, body in [*BODIES.items(), *reversed(BODIES.items())]:  # nothing carries over from the page before
        made = converter.html(_page(body))
        assert made is not None, name
        content, toc = _mkdocs(tmp_path, body)
        assert made.content == content, name
        assert _flat(get_toc(made.toc)) == toc, name  # type: ignore[arg-type]


@pytest.mark.parametrize("body", [
    "# Side\n\n[planen](../index.md)\n",  # another page: MkDocs rewrites the link and checks it
    "# Side\n\n[planen](../)\n",
    "# Side\n\n![bilde](bilde.png)\n",
    "# Side\n\n[borte](#finnes-ikke)\n",  # an anchor the page lacks: MkDocs warns
])
def test_pages_that_link_to_other_files_are_left_to_mkdocs(body):
    page = _page(body)
    assert _converter().html(page) is None
    assert _converter()(page).html is None


def test_abbreviations_go_into_the_markdown_and_the_fragments_in_after():
    term = SimpleNamespace(term="NAV", expansion="Arbeids- og velferdsetaten")
    converter = _converter(abbr=Abbreviations({"nav": term}))  # type: ignore[dict-item]
    fragment = '<table id="tabell"><tr><td>NAV i tabellen</td></tr></table>'
    made = converter.html(_page("# Side\n\nNAV har ansvaret.\n\n<!-- planverk-fragment:0:1 -->\n", (fragment,)))
    assert made is not None
    assert '<abbr title="Arbeids- og velferdsetaten">NAV</abbr> har ansvaret' in made.content
    assert fragment in made.content  # as written: fragments carry their abbreviations already
    assert {"side", "tabell"} <= made.anchors  # the ids of the fragments too


def test_only_the_pages_wanted_get_html():
    converter = _converter(wanted=lambda path: path.startswith("plan/"))
    assert converter(_page("# Side\n")).html is not None
    elsewhere = Page("index.md", "Forside", "# Forside\n")
    assert converter(elsewhere) is elsewhere
