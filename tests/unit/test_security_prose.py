"""Stored XSS: data cannot put markup that runs into any output (issue 10).

Every prose field goes through one renderer (mistune, no raw HTML or attribute lists) and
the nh3 allow-list; plain-text fields are escaped wherever they land (pages, nav, feed).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hostile import XSS_MARKER, add_xss
from planverk import exports
from planverk.abbr import Abbreviations
from planverk.feed import rss
from planverk.index import Index
from planverk.load import load
from planverk.model import Reference, Term
from planverk.nav import build_nav
from planverk.pages import build_pages
from planverk.prose import Prose, link_targets
from planverk.sanitize import clean


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def dangers(html: str, *, style: bool = True) -> list[str]:
    """What in ``html`` could run: script elements, event handlers, style (unless our own pages'
    bars are allowed theirs), unsafe URLs."""
    parser = _Tags()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag in ("script", "iframe", "object", "embed", "style", "form"):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or (style and name == "style"):
                found.append(f"{tag}[{name}]")
            if name in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{tag}[{name}={value}]")
    return found


# --- the sanitiser itself ---------------------------------------------------------------------


@pytest.mark.parametrize("html", [
    '<p onmouseover="alert(1)">a</p>',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="JaVaScRiPt:alert(1)">a</a>',
    '<a href="vbscript:msgbox(1)">a</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">',
    '<img src=x onerror="alert(1)">',
    '<script>alert(1)</script>',
    '<div class="pv-prose" style="background:url(javascript:alert(1))">a</div>',
    '<iframe src="https://example.org/"></iframe>',
    '<svg><a xlink:href="javascript:alert(1)">a</a></svg>',
])
def test_sanitiser_removes_what_could_run(html):
    cleaned = clean(html)
    assert not dangers(cleaned), cleaned
    assert "alert" not in cleaned or "<script" not in cleaned


def test_sanitiser_keeps_what_prose_needs():
    html = ('<p>a <em>b</em> <strong>c</strong> <a href="https://example.org/" title="t">d</a> <a href="mailto:x@example.org">e</a> '
            '<a href="#fn:1" class="footnote-ref">1</a> <abbr title="Justisdepartementet">JD</abbr></p><ul><li>f</li></ul>'
            '<blockquote><p>g</p></blockquote><ol start="3"><li id="fn:x-1" value="1">h</li></ol>')
    assert clean(html) == html


def test_sanitiser_drops_classes_our_markup_does_not_use():
    assert clean('<a href="#x" class="footnote-ref md-button">x</a>') == '<a href="#x" class="footnote-ref">x</a>'


# --- prose: each vector of the issue ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    'Avsnitt.\n{: onmouseover="alert(1)" }',  # attribute list after a paragraph
    '[a](https://example.org/){: href="javascript:alert(1)"}',  # attribute list overwriting a link
    '[a][r]\n\n[r]:\n  javascript:alert(1)',  # reference definition, target on the next line
    '- [a][r]\n\n  [r]: javascript:alert(1)',  # … inside a list item
    '> [a][r]\n>\n> [r]: javascript:alert(1)',  # … inside a blockquote
    '<img src=x onerror="alert(1)">',  # raw HTML
    '<script>alert(1)</script>',
    '![x](data:image/png;base64,AAAA)',  # an image from a data: URL (mistune lets it through)
    '[a](ftp://example.org/)',
    '<javascript:alert(1)>',  # an autolink
])
def test_prose_vectors_come_out_inert(text):
    html = Prose().html(text)
    assert not dangers(html), html
    assert "data:" not in html and "ftp:" not in html


def test_prose_renderer_has_no_attribute_lists_or_raw_html():
    html = Prose().html('Tekst\n{: #id .klasse onclick="x" }\n\n<b>fet</b>')
    assert "<b>" not in html and 'id="id"' not in html and 'class="klasse"' not in html and "onclick=\"" not in html.split("{:")[0]
    assert '{: #id .klasse onclick="x" }' in html  # shown as typed
    assert "&lt;b&gt;fet&lt;/b&gt;" in html


@pytest.mark.parametrize("text, targets", [
    ("[a](https://a.no/) og <mailto:x@y.no>", {"https://a.no/", "mailto:x@y.no"}),
    ("[a][r]\n\n[r]:\n  javascript:alert(1)", {"javascript:alert(1)"}),
    ("- [a][r]\n\n  [r]: javascript:x", {"javascript:x"}),
    ("> [a][r]\n>\n> [r]: javascript:y", {"javascript:y"}),
    ("![b](data:image/png;base64,AAAA)", {"data:image/png;base64,AAAA"}),
    ("Ingen lenker her.", set()),
])
def test_link_targets_follow_the_renderers_grammar(text, targets):
    assert set(link_targets(text)) == targets


def test_footnotes_and_abbreviations_survive_sanitising():
    abbr = Abbreviations({"jd": Term(id="jd", term="JD", expansion="Justis- og beredskapsdepartementet", description=None,
                                     expansion_is_editorial=False, source=None, organisation_id=None)})  # type: ignore[arg-type]
    html = Prose(abbr).html("JD sier.[^2]", footnotes="tiltak-1", references=(Reference(2, "Kilde", "https://example.org/"),))
    assert '<abbr title="Justis- og beredskapsdepartementet">JD</abbr>' in html
    assert '<sup id="fnref:tiltak-1-2"><a class="footnote-ref" href="#fn:tiltak-1-2">2</a></sup>' in html
    assert '<li id="fn:tiltak-1-2" value="2">' in html


def test_abbreviations_are_not_applied_inside_code():
    abbr = Abbreviations({"jd": Term(id="jd", term="JD", expansion="Justis", description=None,
                                     expansion_is_editorial=False, source=None, organisation_id=None)})  # type: ignore[arg-type]
    html = abbr.apply("<p>JD og <code>JD</code> og <pre>JD</pre></p>")
    assert html == '<p><abbr title="Justis">JD</abbr> og <code>JD</code> og <pre>JD</pre></p>'


# --- loader: every link target the renderer sees is checked --------------------------------------


@pytest.mark.parametrize("text", [
    "[a][r]\n\n[r]:\n  javascript:alert(1)",
    "- [a][r]\n\n  [r]: javascript:alert(1)",
    "> [a][r]\n>\n> [r]: javascript:alert(1)",
])
def test_reference_definitions_anywhere_are_refused_with_file_and_line(data_copy: Path, text: str, capsys):
    from planverk.__main__ import main

    # the plan's description is a Markdown file beside the YAML: the same check, its own file and line
    path = data_copy / "plans" / "radikalisering" / "om-planen.md"
    source = path.read_text(encoding="utf-8")
    anchor = "---\nI juni 2020"
    assert source.count(anchor) == 1
    path.write_text(source.replace(anchor, f"---\n{text}\n\nI juni 2020"), encoding="utf-8")
    line = source[: source.index(anchor)].count("\n") + 2
    assert main(["check", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    target_line = line + next(i for i, ln in enumerate(text.split("\n")) if "javascript:" in ln)
    where = f"data/plans/radikalisering/om-planen.md:{target_line}: description:"
    assert f"{where} lenkemålet 'javascript:alert(1)' er ikke tillatt" in err, err
    assert "Traceback" not in err


# --- outputs built from hostile data ---------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_outputs(tmp_path_factory) -> dict[str, str]:
    import shutil

    from support import DATA

    data = tmp_path_factory.mktemp("xss") / "data"
    shutil.copytree(DATA, data)
    add_xss(data)
    corpus = load(data, "public")
    return {
        "pages": "\n".join(p.full_body for p in build_pages(corpus)),
        "nav": json.dumps(build_nav(corpus), ensure_ascii=False),
        "feed": rss(corpus, site_url="https://example.org/", site_name="planverk <test>"),
        "exports": "\n".join(str(content) for _, content in exports.all_files(corpus, Index(corpus), site_url="https://planverk.example.no/")),
    }


# The one script element our pages carry: the status table's per-plan data script (a plan id
# is a slug), written by the template, never from data. Anything else that could run is found.
OWN_SCRIPT = re.compile(r'<script src="(?:\.\./)?data/[a-z0-9-]+\.js" defer></script>')


def test_hostile_prose_is_inert_in_every_page_fragment(hostile_outputs):
    pages = hostile_outputs["pages"]
    assert f"{XSS_MARKER}1" in pages and f"{XSS_MARKER}2" in pages  # the text is shown …
    assert OWN_SCRIPT.search(pages)  # (the pattern still matches what the status pages write)
    assert not dangers(OWN_SCRIPT.sub("", pages), style=False)  # … but nothing runs (our status bars set a width)
    assert "<script>alert(" not in pages


def test_nav_section_titles_are_escaped(hostile_outputs):
    nav = hostile_outputs["nav"]
    assert f"{XSS_MARKER}5" in nav
    assert "<script>" not in nav and "&lt;script&gt;" in nav  # Material renders nav titles unescaped


def test_feed_escapes_every_value_and_stays_valid_xml(hostile_outputs):
    feed = hostile_outputs["feed"]
    root = ET.fromstring(feed)  # ]]>, <script> and & in titles would break the XML unescaped
    titles = [t.text or "" for t in root.iter("title")]
    assert any(f"<script>alert('{XSS_MARKER}6')</script> ]]> &amp; " in t for t in titles)  # as text, after XML parsing
    assert "planverk <test>" in titles[0]
    for description in root.iter("description"):
        assert not dangers(description.text or "")  # the HTML a reader would render
    assert any(f"{XSS_MARKER}3" in (d.text or "") for d in root.iter("description"))  # the news body is in the feed …
    assert not any("<img" in (d.text or "") and "onerror" in (d.text or "") for d in root.iter("description"))  # … inert
