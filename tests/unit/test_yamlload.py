"""planverk.yamlload.load_yaml: plain data with the line of every value, and no YAML 1.1 surprises.

Every test runs twice: with PyYAML's C loader (what the build uses when it is available)
and with the pure-Python loader (the fallback), which report scalar styles differently.
"""

from __future__ import annotations

import textwrap

import pytest
import yaml

from planverk import yamlload
from planverk.yamlload import Loaded, YamlSyntaxError, load_yaml


@pytest.fixture(autouse=True, params=["c", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "c":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML is built without libyaml")
        monkeypatch.setattr(yamlload, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlload, "_Loader", yaml.SafeLoader)
    return request.param


def parse(text: str) -> Loaded:
    return load_yaml(textwrap.dedent(text).lstrip("\n"))


def clean(text: str) -> Loaded:
    """Parse ``text`` and insist that it has no problems."""
    loaded = parse(text)
    assert loaded.problems == []
    return loaded


# --- line numbers -------------------------------------------------------------------------


NESTED = """
    # yaml-language-server: $schema=../schema/plan.schema.json
    id: gode-krefter
    measures:
      - id: tiltak-1
        responsibility:
          parties:
            - {org: jd, role: ansvarlig}
            - {org: krad, role: ansvarlig}
        themes: [kunnskap,
                 slt]
      - id: tiltak-2
        title: Andre
"""


def test_every_value_has_its_line_however_deep() -> None:
    loaded = clean(NESTED)
    assert loaded.lines[("id",)] == 2
    assert loaded.lines[("measures", 0, "id")] == 4
    assert loaded.lines[("measures", 0, "responsibility", "parties", 0, "org")] == 7
    assert loaded.lines[("measures", 0, "responsibility", "parties", 1)] == 8
    assert loaded.lines[("measures", 0, "responsibility", "parties", 1, "role")] == 8
    assert loaded.lines[("measures", 0, "themes", 1)] == 10  # second line of a flow sequence
    assert loaded.lines[("measures", 1, "title")] == 12


def test_a_mapping_has_the_line_where_it_starts_not_the_line_of_its_last_key() -> None:
    loaded = clean(NESTED)
    assert loaded.lines[("measures", 0)] == 4  # "- id: tiltak-1", not "themes:" (line 9)
    assert loaded.lines[("measures", 1)] == 11
    assert loaded.lines[("measures", 0, "responsibility")] == 6
    assert loaded.lines[()] == 2  # the document starts after the comment line


def test_line_of_a_path_without_a_value_is_that_of_its_nearest_ancestor() -> None:
    loaded = clean(NESTED)
    assert loaded.line(("measures", 1, "title")) == 12
    assert loaded.line(("measures", 1, "group")) == 11  # a missing field: the mapping that lacks it
    assert loaded.line(("measures", 0, "responsibility", "parties", 0, "text")) == 7


def test_a_position_inside_a_literal_block_has_its_own_line() -> None:
    loaded = clean("""
        a: 1
        text: |
          Første avsnitt.

          Andre avsnitt med [lenke](http://example.org/).
        folded: >
          en
          to
    """)
    text = loaded.data["text"]
    assert loaded.line(("text",)) == 2
    assert loaded.line_in(("text",), text, 0) == 3
    assert loaded.line_in(("text",), text, text.index("[lenke]")) == 5
    # folded text is re-flowed, so positions in it fall back to the line of the value
    assert loaded.line_in(("folded",), loaded.data["folded"], 3) == 6


# --- what scalars become ----------------------------------------------------------------


@pytest.mark.parametrize("written, value", [
    ('"no"', "no"), ("'yes'", "yes"), ('"on"', "on"), ('"off"', "off"),
    ('"2011-08"', "2011-08"), ('"2011-08-01"', "2011-08-01"), ('"2009-2012"', "2009-2012"),
    ('"012"', "012"), ('"1:20"', "1:20"), ('"null"', "null"), ('"true"', "true"), ('"12"', "12"),
    ("!!str 12", "12"),
])
def test_quoted_values_stay_text(written: str, value: str) -> None:
    loaded = clean(f"value: {written}\n")
    assert loaded.data == {"value": value}
    assert type(loaded.data["value"]) is str


@pytest.mark.parametrize("written, value", [("true", True), ("false", False)])
def test_true_and_false_are_booleans(written: str, value: bool) -> None:
    assert clean(f"done: {written}\n").data["done"] is value


@pytest.mark.parametrize("written, value", [("0", 0), ("7", 7), ("2012", 2012), ("-3", -3), ("+4", 4)])
def test_whole_numbers_are_ints(written: str, value: int) -> None:
    got = clean(f"n: {written}\n").data["n"]
    assert got == value and type(got) is int


def test_decimal_numbers_are_floats() -> None:
    got = clean("x: 1.5\n").data["x"]
    assert got == 1.5 and type(got) is float


@pytest.mark.parametrize("written", ["null", "~", ""])
def test_null_in_every_spelling_is_none(written: str) -> None:
    assert clean(f"page: {written}\nnext: 1\n").data == {"page": None, "next": 1}


def test_plain_text_and_unquoted_year_month_stay_text() -> None:
    # 2009-08 is not a YAML 1.1 timestamp (that needs a day), so it is text as written
    assert clean("title: Gode krefter\nlaunched: 2009-08\n").data == {"title": "Gode krefter", "launched": "2009-08"}


def test_block_scalars_keep_their_text() -> None:
    loaded = clean("""
        literal: |
          linje 1
            innrykket
          [^1] no
        folded: >
          en
          to

          tre
        stripped: |-
          slutt
    """)
    assert loaded.data["literal"] == "linje 1\n  innrykket\n[^1] no\n"
    assert loaded.data["folded"] == "en to\ntre\n"
    assert loaded.data["stripped"] == "slutt"


def test_an_empty_document_has_no_data() -> None:
    loaded = load_yaml("# yaml-language-server: $schema=../schema/news.schema.json\n# bare kommentarer\n")
    assert loaded.data is None and loaded.problems == []
    assert load_yaml("").data is None


# --- YAML 1.1 traps: refused with a line, a path and how to write it instead ---------------


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "YES", "On", "OFF", "True", "FALSE"])
def test_unquoted_yes_no_on_off_are_refused(word: str) -> None:
    loaded = parse(f"""
        id: x
        measure:
          answer: {word}
    """)
    [(line, path, message)] = loaded.problems
    assert (line, path) == (3, ("measure", "answer"))
    assert f"{word!r} uten anførselstegn" in message
    assert "ja/nei" in message
    assert f'"{word}" i anførselstegn' in message  # how to write it instead
    assert loaded.data["measure"]["answer"] == word  # never silently a boolean


@pytest.mark.parametrize("written", ["2011-08-01", "2011-08-01 10:00:00", "2011-08-01T10:00:00Z"])
def test_unquoted_dates_are_refused(written: str) -> None:
    loaded = parse(f"id: x\ndate: {written}\n")
    [(line, path, message)] = loaded.problems
    assert (line, path) == (2, ("date",))
    assert f"datoen {written!r} uten anførselstegn" in message
    assert f'"{written}" i anførselstegn' in message
    assert loaded.data["date"] == written  # text, not a datetime.date


@pytest.mark.parametrize("written, read_as", [
    ("012", "det oktale tallet 10"), ("-012", "det oktale tallet -10"), ("00", "det oktale tallet 0"),
    ("1:20", "det 60-tallsbaserte tallet 80"), ("190:20:30", "det 60-tallsbaserte tallet 685230"),
    ("0x1F", "det heksadesimale tallet 31"), ("0b11", "det binære tallet 3"), ("1_000", "som tallet 1000"),
])
def test_unquoted_octal_base_60_and_other_odd_numbers_are_refused(written: str, read_as: str) -> None:
    loaded = parse(f"items:\n  - number: {written}\n")
    [(line, path, message)] = loaded.problems
    assert (line, path) == (2, ("items", 0, "number"))
    assert f"{written!r} uten anførselstegn" in message
    assert read_as in message  # what YAML 1.1 would have made of it
    assert f'"{written}" i anførselstegn' in message
    assert loaded.data["items"][0]["number"] == written  # the text as written, not the number


def test_yaml_1_2_octal_is_text_in_yaml_1_1() -> None:
    assert clean("number: 0o12\n").data == {"number": "0o12"}


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf", "1:20.5"])
def test_special_floats_are_refused(written: str) -> None:
    [(line, path, message)] = parse(f"a: 1\nx: {written}\n").problems
    assert (line, path) == (2, ("x",))
    assert f"{written!r} uten anførselstegn" in message and "i anførselstegn" in message


def test_several_problems_are_all_collected() -> None:
    loaded = parse("""
        a: no
        b:
          - 2011-08-01
          - ok
        c: 012
    """)
    assert [(line, path) for line, path, _ in loaded.problems] == [(1, ("a",)), (3, ("b", 0)), (5, ("c",))]


# --- keys -------------------------------------------------------------------------------


def test_a_duplicate_key_is_refused_with_both_lines() -> None:
    loaded = parse("""
        measures:
          - id: tiltak-1
            title: Første
            number: 1
            title: Andre
    """)
    [(line, path, message)] = loaded.problems
    assert (line, path) == (5, ("measures", 0, "title"))
    assert "nøkkelen 'title' står to ganger" in message
    assert "linje 3" in message  # where it was first set
    assert loaded.data["measures"][0]["title"] == "Første"  # the second never silently wins


def test_merge_keys_are_refused() -> None:
    loaded = parse("""
        base: &base {role: ansvarlig}
        party:
          <<: *base
          org: jd
    """)
    [(line, path, message)] = loaded.problems
    assert (line, path) == (3, ("party",))
    assert "flettenøkler (<<) støttes ikke" in message
    assert loaded.data["party"] == {"org": "jd"}  # nothing merged in


@pytest.mark.parametrize("key, shown", [("1", "1"), ("null", "None"), ("2.5", "2.5")])
def test_keys_must_be_text(key: str, shown: str) -> None:
    [(line, path, message)] = parse(f"a:\n  {key}: x\n").problems
    assert (line, path) == (2, ("a",))
    assert f"nøkkelen {shown} må være tekst" in message


def test_a_yes_no_key_is_refused_like_a_value() -> None:
    [(line, _path, message)] = parse("a: 1\nno: x\n").problems
    assert line == 2 and "'no' uten anførselstegn" in message


def test_a_list_as_key_is_refused() -> None:
    [(line, _path, message)] = parse("a: 1\n? [x, y]\n: z\n").problems
    assert line == 2 and "nøkkel må være tekst" in message


@pytest.mark.parametrize("written", ["!!python/object:os.system []", "!!binary aGVp", "!custom x", "!!set {a: null}"])
def test_tags_other_than_plain_data_are_refused(written: str) -> None:
    loaded = parse(f"id: x\nthemes: {written}\n")
    [(line, path, message)] = loaded.problems
    assert (line, path) == (2, ("themes",))
    assert "taggen" in message and "støttes ikke" in message


# --- syntax errors ------------------------------------------------------------------------


@pytest.mark.parametrize("text, line, words", [
    # an unclosed flow sequence: the parser notices on the next line and names where it began
    ("id: x\ntitle: [Styrke\nnumber: 1\n", 3, ["flow sequence (linje 2)", "expected ',' or ']'"]),
    ("id: x\nmeasures:\n  - id: a\n   title: b\n", 4, ["block collection (linje 3)"]),
    ("id: x\nthemes:\n\t- a\n", 3, ["tabulator", "rykk inn med mellomrom"]),
    ("id: x\n---\nid: y\n", 2, ["single document"]),
    ('id: x\ntitle: "open\n', 3, ["quoted scalar"]),
    ("id: x\ntitle: a: b\n", 2, ["mapping values are not allowed"]),
])
def test_malformed_yaml_raises_yaml_syntax_error_with_the_line(text: str, line: int, words: list[str]) -> None:
    with pytest.raises(YamlSyntaxError) as info:
        load_yaml(text)
    assert info.value.line == line
    message = str(info.value)
    assert message.startswith("YAML-syntaksfeil: ")
    for word in words:
        assert word in message
