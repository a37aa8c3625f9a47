"""Schema errors in plain Norwegian for the people who edit the data: what was found, what is
expected, never jsonschema's own English. Literal values against the real schemas and a small
schema of our own for the rules the real ones do not use yet."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planverk.schema import Schemas
from support import DATA

ENGLISH = re.compile(r"\b(is not|does not|is a required|should|must|Additional properties|valid under|too (long|short)|"
                     r"expected|non-unique|is too)\b")

PARTY = {"role": "ansvarlig"}
MEASURE = {
    "id": "tiltak-1",
    "number": 1,
    "group": "p",
    "title": "T",
    "responsibility": {"parties": [{"org": "dep", "role": "ansvarlig"}]},
    "period": {"start": 2020, "end": 2021, "text": "2020-2021"},
    "description": "D",
}
PLAN = {
    "id": "p",
    "title": "P",
    "owner": "dep",
    "period": {"start": 2020, "end": 2021, "text": "2020-2021"},
    "description": "D",
    "groups": [{"id": "p", "number": "1", "label": "Pakke", "title": "P"}],
    "measures": [MEASURE],
    "source": {"document": "d", "page": None},
}


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(DATA / "schema")


def messages(schemas: Schemas, name: str, data) -> dict[tuple, str]:
    found = dict(schemas.errors(name, data))
    for message in found.values():
        assert not ENGLISH.search(message), message
    return found


def plan_with(**measure) -> dict:
    return {**PLAN, "measures": [{**MEASURE, **measure}]}


def test_the_literal_plan_is_valid(schemas):
    assert messages(schemas, "plan.schema.json", PLAN) == {}


def test_a_party_with_both_or_neither(schemas):
    path = ("measures", 0, "responsibility", "parties", 0)
    both = messages(
        schemas, "plan.schema.json", plan_with(responsibility={"parties": [{"org": "dep", "text": "noen", "role": "ansvarlig"}]})
    )
    assert both[path].startswith("har både 'org' og 'text'; forventet bare ett av dem")
    neither = messages(schemas, "plan.schema.json", plan_with(responsibility={"parties": [PARTY]}))
    assert neither[path].startswith("mangler 'org' eller 'text'; forventet ett av dem")


def test_the_closest_alternative_explains(schemas):
    # period is "a table or null": a table with a bad start is explained at the start
    found = messages(schemas, "plan.schema.json", plan_with(period={"start": "2020", "end": 2021, "text": "2020-2021"}))
    assert found == {("measures", 0, "period", "start"): "fant teksten '2020', forventet et heltall eller null"}
    found = messages(schemas, "plan.schema.json", plan_with(period="2020-2021"))
    assert found[("measures", 0, "period")].startswith("fant teksten '2020-2021', forventet en tabell (felt: verdi) eller null")


def test_a_pattern_is_explained_by_its_own_description(schemas):
    found = messages(schemas, "plan.schema.json", {**PLAN, "launched": "2020/05"})
    message = found[("launched",)]
    assert message.startswith("'2020/05' har ikke forventet form. Forventet: Dato som tekst i anførselstegn")
    assert "\\Z" not in message and "[0-9]" not in message  # no regular expression shown to an editor


def test_values_are_written_as_in_the_file(schemas):
    found = messages(schemas, "plan.schema.json", plan_with(number=True))
    assert found[("measures", 0, "number")] == "fant true, forventet tekst eller et heltall eller null"


def test_lists_say_what_they_hold(schemas):
    found = messages(schemas, "plan.schema.json", {**PLAN, "measures": []})
    assert found[("measures",)] == "listen er tom; forventet minst 1 element"
    found = messages(schemas, "plan.schema.json", plan_with(themes=["a", "b", "a"]))
    assert found[("measures", 0, "themes")] == "listen har 'a' mer enn én gang; forventet hvert element én gang"
    found = messages(schemas, "plan.schema.json", plan_with(source={"page": 0}))
    assert found[("measures", 0, "source", "page")] == "fant 0, som er for lite; forventet minst 1"


def test_rules_the_real_schemas_do_not_use_yet(tmp_path: Path):
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {
        "fast": {"const": "ja"}, "steg": {"type": "integer", "multipleOf": 5}, "over": {"type": "integer", "exclusiveMinimum": 0},
        "tabell": {"type": "object", "minProperties": 1}, "kort": {"type": "string", "maxLength": 3},
        "ikke": {"not": {"type": "string"}, "description": "Alt annet enn tekst."}}}
    (tmp_path / "x.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    schemas = Schemas(tmp_path)
    found = messages(schemas, "x.schema.json", {"fast": "nei", "steg": 7, "over": 0, "tabell": {}, "kort": "lang", "ikke": "t"})
    assert found == {
        ("fast",): "fant teksten 'nei', forventet 'ja'",
        ("steg",): "fant 7; forventet et tall som går opp i 5",
        ("over",): "fant 0, som er for lite; forventet større enn 0",
        ("tabell",): "har 0 felt; forventet minst 1 felt",
        ("kort",): "teksten er 'lang' (4 tegn); forventet høyst 3 tegn",
        ("ikke",): "fant teksten 't', som ikke passer med regelen «not» i skjemaet. Forventet: Alt annet enn tekst.",
    }


def test_a_field_of_the_earlier_contract_is_named_by_its_new_name(schemas):
    old = {**PLAN, "packages": PLAN["groups"]}
    old.pop("groups")
    found = messages(schemas, "plan.schema.json", old)
    assert found[("packages",)] == "feltet 'packages' heter nå 'groups'; forventet 'groups'"
