"""Pure functions: escaping and URLs."""

from __future__ import annotations

import markdown
import pytest

from planverk import urls
from planverk.text import md_prose, md_text, yaml_str

MD = markdown.Markdown(extensions=["tables", "attr_list"])


def render(text: str) -> str:
    MD.reset()
    return MD.convert(text)


@pytest.mark.parametrize("raw", ["<script>alert(1)</script>", "*fet* og _kursiv_", "[lenke](http://x)", "# overskrift",
                                 "1. ikke en liste", "- ikke en liste", "a | b", "`kode`", "&amp; &lt;", "\\ bakstrek"])
def test_md_text_shows_exactly_what_was_typed(raw):
    html = render(md_text(raw))
    assert html.startswith("<p>") and html.count("<") == 2, html  # nothing but the paragraph
    unescaped = html[3:-4].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"')
    assert unescaped == raw


def test_md_prose_keeps_markdown_but_not_html():
    html = render(md_prose("Avsnitt med **fet** tekst.\n\n- punkt <img src=x onerror=alert(1)>\n- to & tre"))
    assert "<strong>fet</strong>" in html and "<li>" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "to &amp; tre" in html


def test_md_prose_prefixes_footnotes():
    assert md_prose("tekst.[^3] mer", footnote_prefix="r1") == "tekst.[^r1-3] mer"


def test_yaml_str_is_escaped_and_quoted():
    assert yaml_str('<b>"x"</b>') == '"&lt;b&gt;&quot;x&quot;&lt;/b&gt;"'


@pytest.mark.parametrize("ref, path", [
    ("org:jd", "organisasjoner/jd.md"),
    ("strategy:s", "strategier/s/index.md"),
    ("vision:s", "strategier/s/visjon.md"),
    ("mission:s", "strategier/s/samfunnsoppdrag.md"),
    ("value:s/kvalitet", "strategier/s/verdier/kvalitet.md"),
    ("user-goal:s/u", "strategier/s/brukermal/u.md"),
    ("service-goal:s/t", "strategier/s/tjenestemal/t.md"),
    ("focus-area:s/f", "strategier/s/satsingsomrader/f.md"),
    ("area:s/a", "strategier/s/omrader/a/index.md"),
    ("goal:s/a/g", "strategier/s/omrader/a/g.md"),
    ("plan:p", "handlingsplaner/p/index.md"),
    ("group:p/tiltakspakke-1", "handlingsplaner/p/tiltakspakke-1.md"),
    ("measure:p/tiltak-21", "handlingsplaner/p/tiltak-21.md"),
    ("news:n", "nyheter/n.md"),
    ("theme:slt", "tema/slt.md"),
    ("term:slt", "ordliste.md"),
])
def test_page_of(ref, path):
    assert urls.page_of(ref) == path


def test_page_of_unknown_kind():
    with pytest.raises(KeyError):
        urls.page_of("nope:x")


@pytest.mark.parametrize("target, start, directory, expected", [
    ("organisasjoner/jd.md", "handlingsplaner/p/tiltak-1.md", True, "../../../organisasjoner/jd/"),
    ("index.md", "status.md", True, "../"),
    ("status.md", "index.md", True, "status/"),
    ("handlingsplaner/p/index.md", "handlingsplaner/p/tiltak-1.md", True, "../"),
    ("organisasjoner/jd.md", "handlingsplaner/p/tiltak-1.md", False, "../../organisasjoner/jd.html"),
    ("index.md", "status.md", False, "index.html"),
    ("handlingsplaner/p/index.md", "handlingsplaner/p/tiltak-1.md", False, "index.html"),
    ("status.md", "status.md", False, "status.html"),
    ("status.md", "status.md", True, "./"),
])
def test_site_href(target, start, directory, expected):
    assert urls.site_href(target, start=start, directory_urls=directory) == expected


def _reference_href(target: str, start: str, directory_urls: bool) -> str:
    """The straightforward posixpath formulation site_href replaced for speed."""
    import posixpath

    to = urls.site_path(target, directory_urls=directory_urls)
    here = urls.site_path(start, directory_urls=directory_urls)
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here)
    rel = posixpath.relpath(to or ".", base.rstrip("/") or ".")
    if to == "" or to.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    if not directory_urls and rel == ".":
        rel = posixpath.basename(to)
    return rel


@pytest.mark.parametrize("directory_urls", [True, False])
def test_site_href_equals_the_posixpath_formulation(public_corpus, directory_urls):
    from planverk.pages import build_pages

    paths = sorted(p.path for p in build_pages(public_corpus))
    pairs = [(a, b) for a in paths[::7] for b in paths[::5]]
    assert len(pairs) > 500
    for target, start in pairs:
        assert urls.site_href(target, start=start, directory_urls=directory_urls) == _reference_href(target, start, directory_urls), (
            target,
            start,
        )
