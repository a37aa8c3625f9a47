"""A document's language (documents.yml `language`): what the pages made from it are written in."""

from __future__ import annotations

import pytest

from corpora import Data, measure
from planverk import model as m
from planverk import urls
from planverk.errors import DataErrors
from planverk.pages.base import Ctx
from planverk.pages.plans import measure_page


def _data(tmp_path, **document) -> Data:
    data = Data(tmp_path)
    data.documents.clear()
    data.document("kilde", **document)
    data.plan("plan-a", measures=[measure(1)])
    return data


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_a_documents_language_reaches_its_entities(tmp_path, language):
    corpus = _data(tmp_path, language=language).load()
    plan = corpus.plans["plan-a"]
    assert plan.source.document.language == language
    assert m.language_of(plan) == m.language_of(plan.measures[0]) == language


def test_without_a_language_a_document_is_bokmal(tmp_path):
    corpus = _data(tmp_path).load()
    assert m.language_of(corpus.plans["plan-a"]) == "nb"


def test_an_unknown_language_is_a_clear_error(tmp_path):
    with pytest.raises(DataErrors) as info:
        _data(tmp_path, language="no").load()
    [error] = info.value.errors
    assert (error.file, error.path) == ("data/documents.yml", "documents[0].language"), str(error)
    assert "'no' er ikke en av nb, nn, en" in error.message and error.line


def _nynorsk_measure(tmp_path, **responsibility):
    data = Data(tmp_path)
    data.documents.clear()
    data.document("kilde", language="nn")
    for role in data.vocabulary["roles"]:
        role["labels"] = {"nn": "Ansvarleg"} if role["id"] == "ansvarlig" else {}
    first = measure(1, partners=("dep",))
    if responsibility:
        first["responsibility"] = responsibility
    data.plan("plan-a", measures=[first, measure(2)])
    corpus = data.load()
    plan = corpus.plans["plan-a"]
    x = plan.measures[0]
    return measure_page(Ctx.create(corpus).at(urls.page_of(x.ref)), plan, x, None, plan.measures[1])


def test_a_page_from_a_nynorsk_document_is_nynorsk(tmp_path):
    page = _nynorsk_measure(tmp_path)
    body = page.full_body
    assert ("lang", "nn") in page.meta and "\nlang: \"nn\"\n" in page.markdown
    for label in ("<strong>Ansvarleg:</strong>", "<strong>Samarbeidspart:</strong>", "Kjelde:", "Neste:", "## Tiltaket i planen"):
        assert label in body, label
    for bokmal in ("<strong>Ansvarlig:</strong>", "Kilde:"):
        assert bokmal not in body, bokmal


def test_a_page_from_a_bokmal_document_has_no_lang_of_its_own(tmp_path):
    data = _data(tmp_path)
    corpus = data.load()
    plan = corpus.plans["plan-a"]
    page = measure_page(Ctx.create(corpus).at(urls.page_of(plan.measures[0].ref)), plan, plan.measures[0], None, None)
    assert not any(key == "lang" for key, _ in page.meta) and "<strong>Ansvarlig:</strong>" in page.full_body


def test_responsibility_not_stated_is_said_in_the_pages_language(tmp_path):
    body = _nynorsk_measure(tmp_path, parties=[], stated=False).full_body
    assert "<strong>Ansvarleg:</strong> ikkje oppgitt i kjelda" in body


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_prose_on_plan_and_group_pages_carries_its_documents_language(tmp_path, language):
    """The words around it are the site's (bokmål); the plan's own text is in its document's
    language, marked on its block so a screen reader switches voice there and only there."""
    from planverk.pages import build_pages

    data = _data(tmp_path, language=language)
    data.files["plans/plan-a.yml"][1]["groups"][0]["description"] = "Teksten om gruppa."
    pages = {p.path: p for p in build_pages(data.load())}
    for ref in ("plan:plan-a", "group:plan-a/pakke-1"):
        page = pages[urls.page_of(ref)]
        blocks = [f for f in page.fragments if 'class="pv-prose"' in f]
        assert blocks, ref
        marked = '<div class="pv-prose" lang="nn">'
        assert all(f.startswith(marked) for f in blocks) if language == "nn" else not any("lang=" in f for f in blocks), ref
