"""A site with a bokmål plan and a nynorsk plan: the nynorsk plan's measure pages say so to
browsers and screen readers (lang="nn" on the article) and use nynorsk labels; the bokmål
site around them keeps its own language."""

from __future__ import annotations

import re

import pytest

from corpora import Data, measure
from planverk import urls


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory):
    root = tmp_path_factory.mktemp("languages")
    data = Data(root)
    data.document("nynorsk-kilde", language="nn")
    for role in data.vocabulary["roles"]:
        role["labels"] = {"nn": "Ansvarleg"} if role.get("leads") else {}
    data.plan("plan-nb", measures=[measure(1), measure(2)])
    data.plan("plan-nn", document="nynorsk-kilde", measures=[measure(1, responsibility={"parties": [], "stated": False}),
                                                             measure(2)])
    build = data.build(root / "site")
    assert build.returncode == 0, build.output
    return build


def _article(html: str) -> str:
    found = re.search(r'<article class="md-content__inner md-typeset"[^>]*>', html)
    assert found, "no article element"
    return found.group(0)


def test_a_nynorsk_measure_page_is_marked_nynorsk(two_languages):
    html = two_languages.html(urls.url_of(urls.page_of("measure:plan-nn/tiltak-1")) + "index.html")
    assert 'lang="nn"' in _article(html) and '<html lang="nb"' in html
    assert "<strong>Ansvarleg:</strong> ikkje oppgitt i kjelda" in html and "Kjelde:" in html


def test_a_bokmal_measure_page_has_the_sites_language(two_languages):
    html = two_languages.html(urls.url_of(urls.page_of("measure:plan-nb/tiltak-1")) + "index.html")
    assert "lang=" not in _article(html) and "<strong>Ansvarlig:</strong>" in html


def test_the_date_line_of_a_nynorsk_measure_page_is_nynorsk(two_languages):
    html = two_languages.html(urls.url_of(urls.page_of("measure:plan-nn/tiltak-1")) + "index.html")
    assert "Ingen statusrapport enno: tiltaka står utan status." in html and "Sist endra " in html
    assert "Sist endret" not in html
