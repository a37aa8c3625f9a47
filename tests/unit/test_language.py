"""A document's language (documents.yml `language`): what the pages made from it are written in."""

from __future__ import annotations

import pytest

from corpora import Data, measure
from planverk import model as m
from planverk.errors import DataErrors


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
