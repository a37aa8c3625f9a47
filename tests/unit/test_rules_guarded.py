"""Rules whose breakage the suite once let through unnoticed (issue 15).

Each test here was written by breaking the rule in the code and watching the whole suite
stay green; each now fails when its rule is broken. The corpora are small literals or a
copy of data/ with one generic change, so the tests hold for any valid data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from planverk.abbr import Abbreviations
from planverk.errors import DataErrors
from planverk.load import load
from planverk.model import Source, Term
from planverk.schema import strip_internal
from planverk.text import html_text


def _first_yaml(folder: Path) -> Path:
    found = sorted(folder.glob("*.yml"))
    assert found, f"no data file in {folder}"
    return found[0]


def _errors(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load(data, "public")
    return [str(e) for e in info.value.errors]


# --- escaping -------------------------------------------------------------------------------


def test_html_text_escapes_quotes_so_an_attribute_cannot_be_broken_out_of() -> None:
    value = html_text('x" onmouseover="alert(1)')
    assert '"' not in value and "'" not in html_text("x' y")
    assert value == "x&quot; onmouseover=&quot;alert(1)"


# --- internal data ----------------------------------------------------------------------------


def test_an_internal_object_is_removed_where_it_is_a_mapping_value() -> None:
    data = {"contact": {"internal": True, "name": "Kari"}, "kept": {"name": "Ola"}}
    assert strip_internal(data, frozenset()) == {"kept": {"name": "Ola"}}


def test_an_internal_object_is_removed_from_a_list_and_internal_fields_at_any_depth() -> None:
    data = {"items": [{"id": "a", "internal": True}, {"id": "b", "secret": "x", "sub": {"secret": "y"}}]}
    assert strip_internal(data, frozenset({"secret"})) == {"items": [{"id": "b", "sub": {}}]}


# --- abbreviations ----------------------------------------------------------------------------


def _abbr() -> Abbreviations:
    doc_source = Source(document=None, page=None)  # type: ignore[arg-type]  # the source is not read here
    term = Term(id="slt", term="SLT", expansion="Samordning av lokale tiltak", description=None,
                expansion_is_editorial=False, source=doc_source)
    return Abbreviations({"slt": term})


@pytest.mark.parametrize("tag", ["code", "pre", "kbd", "script"])
def test_abbreviations_are_not_applied_inside_code_and_scripts(tag: str) -> None:
    html = f"<p>SLT og <{tag}>SLT</{tag}></p>"
    out = _abbr().apply(html)
    assert out.count("<abbr") == 1
    assert f"<{tag}>SLT</{tag}>" in out


def test_an_abbreviation_inside_a_hyphenated_word_is_left_alone() -> None:
    out = _abbr().apply("<p>anti-SLT, SLT_x og SLTer, men SLT.</p>")
    assert out == '<p>anti-SLT, SLT_x og SLTer, men <abbr title="Samordning av lokale tiltak">SLT</abbr>.</p>'


# --- the loader's cross-file rules ----------------------------------------------------------


def test_an_id_different_from_its_file_name_is_an_error(data_copy: Path) -> None:
    path = _first_yaml(data_copy / "plans")
    text = path.read_text(encoding="utf-8")
    ident = yaml.safe_load(text)["id"]
    line = text.splitlines().index(f"id: {ident}") + 1
    path.write_text(text.replace(f"\nid: {ident}\n", f"\nid: {ident}-x\n", 1), encoding="utf-8")
    errors = _errors(data_copy)
    here = [e for e in errors if e.startswith(f"data/plans/{path.name}:{line}: id:")]
    assert here, errors
    assert f"{ident}-x" in here[0] and ident in here[0]


def test_a_relation_stated_twice_is_an_error_at_the_second(data_copy: Path) -> None:
    path = _first_yaml(data_copy / "relations")
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    first = data["relations"][0]
    lines = text.rstrip("\n").split("\n")
    second_line = len(lines) + 1  # the appended copy starts after the last line
    copy = f"  - from: {first['from']}\n    to: {first['to']}\n    kind: {first['kind']}\n    quote: \"x\"\n"
    source = ", ".join(f"{key}: {value}" for key, value in first["source"].items())
    copy += f"    source: {{{source}}}\n"
    path.write_text("\n".join(lines) + "\n" + copy, encoding="utf-8")
    errors = _errors(data_copy)
    assert any(e.startswith(f"data/relations/{path.name}:{second_line}: relations[{len(data['relations'])}]") for e in errors), errors


def test_copy_of_real_data_loads(data_copy: Path) -> None:
    """The two tests above start from valid data: without their edit it loads."""
    shutil.rmtree(data_copy / "sources" / "__pycache__", ignore_errors=True)
    load(data_copy, "public")
