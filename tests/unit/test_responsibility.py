"""Who is responsible, as the source says it: roles from the vocabulary, several bodies per role,
and «not stated in the source» as a state of its own, never a placeholder party."""

from __future__ import annotations

import pytest

from corpora import Data, measure
from planverk.errors import DataErrors


def _data(tmp_path, responsibility: dict) -> Data:
    data = Data(tmp_path)
    data.org("etat", "Etaten", kind="direktorat")
    data.org("tilsyn", "Tilsynet", kind="direktorat")
    data.vocabulary["roles"] += [
        {"id": "utforende", "label": "Utførende virksomhet", "description": "Gjør arbeidet."},
        {"id": "deltakende", "label": "Deltakende virksomhet", "description": "Deltar."},
    ]
    data.plan("plan-a", measures=[measure(1, responsibility=responsibility), measure(2)])
    return data


def _errors(data: Data) -> list[str]:
    with pytest.raises(DataErrors) as info:
        data.load()
    return [f"{e.path}: {e.message}" for e in info.value.errors]


def test_three_levels_and_two_bodies_in_one_role(tmp_path):
    corpus = _data(tmp_path, {"parties": [{"org": "dep", "role": "ansvarlig"}, {"org": "etat", "role": "utforende"},
                                          {"org": "tilsyn", "role": "utforende"}, {"text": "kommunene", "role": "deltakende"}]}).load()
    found = corpus.plans["plan-a"].measures[0].responsibility
    assert [(p.role.label, p.organisation.id if p.organisation else p.text) for p in found.parties] == [
        ("Ansvarlig", "dep"), ("Utførende virksomhet", "etat"), ("Utførende virksomhet", "tilsyn"),
        ("Deltakende virksomhet", "kommunene")]
    assert [p.organisation.id for p in found.leading if p.organisation] == ["dep"] and found.stated


def test_not_stated_in_the_source_is_a_state_not_a_party(tmp_path):
    corpus = _data(tmp_path, {"parties": [], "stated": False}).load()
    found = corpus.plans["plan-a"].measures[0].responsibility
    assert (found.stated, found.parties, found.organisations) == (False, (), ())


def test_no_parties_without_saying_so_is_an_error(tmp_path):
    [message] = _errors(_data(tmp_path, {"parties": []}))
    assert message.startswith("measures[0].responsibility.parties: ansvaret har ingen parter") and "stated: false" in message


def test_not_stated_with_parties_is_an_error(tmp_path):
    [message] = _errors(_data(tmp_path, {"parties": [{"org": "dep", "role": "ansvarlig"}], "stated": False}))
    assert message.startswith("measures[0].responsibility.stated: «stated: false» sier at kilden ikke oppgir ansvaret")


def test_a_role_the_vocabulary_does_not_have_is_named(tmp_path):
    [message] = _errors(_data(tmp_path, {"parties": [{"org": "dep", "role": "utfoerende"}]}))
    assert message.startswith("measures[0].responsibility.parties[0].role: ukjent rolle 'utfoerende' (mente du 'utforende'")
