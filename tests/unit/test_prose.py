"""Prose rendering: the same HTML Python-Markdown (MkDocs) would make, raw HTML inert,
footnotes with the source's numbers, abbreviations marked."""

from __future__ import annotations

import re

import markdown
import pytest

from planverk.abbr import Abbreviations
from planverk.model import Reference
from planverk.prose import Prose
from planverk.text import md_prose


def _norm(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("<br />", "<br>").strip()


def _prose_fields(corpus):
    for plan in corpus.plans.values():
        for measure in plan.measures:
            yield measure.description
            for report in plan.reports:
                entry = report.entry(measure.id)
                if entry and entry.narrative:
                    yield entry.narrative


def test_same_html_as_python_markdown_on_the_real_data(public_corpus):
    reference = markdown.Markdown(extensions=["attr_list", "sane_lists"])
    prose = Prose()
    texts = list(_prose_fields(public_corpus))
    assert len(texts) > 60
    for text in texts:
        without_notes = re.sub(r"\[\^\d+\]", "", text)
        reference.reset()
        assert _norm(prose.html(without_notes)) == _norm(reference.convert(md_prose(without_notes)))


@pytest.mark.parametrize("text, expected", [
    ("Avsnitt.\n\n- en\n- to", "<p>Avsnitt.</p>\n<ul>\n<li>en</li>\n<li>to</li>\n</ul>"),
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("A & B", "<p>A &amp; B</p>"),
    ("[lenke](http://x.no/)", '<p><a href="http://x.no/">lenke</a></p>'),
])
def test_rendering(text, expected):
    assert _norm(Prose().html(text)) == _norm(expected)


def test_footnotes_keep_numbers_and_are_unique_per_measure():
    html = Prose().html("Tekst.[^8]", footnotes="tiltak-15", references=(Reference(8, "Kilde", "http://x.no/"),))
    assert '<sup id="fnref:tiltak-15-8"><a class="footnote-ref" href="#fn:tiltak-15-8">8</a></sup>' in html
    assert '<li id="fn:tiltak-15-8" value="8"><p>Kilde <a href="http://x.no/">http://x.no/</a>' in html


def test_abbreviations_are_marked_once(public_corpus):
    html = Prose(Abbreviations(public_corpus.terms)).html("SLT og JD.")
    assert html.count("<abbr") == 2 and 'title="Justis- og beredskapsdepartementet">JD</abbr>' in html
