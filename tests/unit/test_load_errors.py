"""Bad data gets a clear error, never a traceback.

Each test breaks ONE real data file in a copy of data/ by exact string replacement (so the
line of the break is known), loads it, and checks the error: file, line, field path and
the words that say what was found and what was expected. Then: many errors in many files
come together, sorted; `python -m planverk check` and the site build fail cleanly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from planverk.errors import DataError, DataErrors
from planverk.load import load
from support import DATA, REPO, build_site

PLAN = "plans/gode-krefter.yml"
RADIKALISERING = "plans/radikalisering.yml"
REPORT = "reports/gode-krefter-2011-08.yml"
# The report's plan's status scale: the expected values an unknown status is told about.
_SCALE = load(DATA, "public").plans["gode-krefter"].scale
assert _SCALE is not None
STATUSES = f"er ikke en status i skalaen '{_SCALE.id}'; forventet en av: " + ", ".join(s.label for s in _SCALE.statuses)
NEWS = "news/vestfold-slt-samarbeidsmote.yml"
RELATIONS = "relations/gode-krefter-plan.yml"


def edit(data: Path, rel: str, old: str, new: str, *, after: str | None = None) -> int:
    """Replace ``old`` with ``new`` in ``data/rel``; return the line (1-based) where ``old`` began.

    ``old`` must occur exactly once (after the first occurrence of ``after``, when given), so
    the edit and its line are unambiguous.
    """
    path = data / rel
    text = path.read_text(encoding="utf-8")
    start = 0
    if after is not None:
        assert text.count(after) == 1, f"anchor {after!r} is not unique in {rel}"
        start = text.index(after)
    found = text.find(old, start)
    assert found >= 0, f"{old!r} not found in {rel}"
    if after is None:
        assert text.count(old) == 1, f"{old!r} is not unique in {rel}"
    path.write_text(text[:found] + new + text[found + len(old):], encoding="utf-8")
    return text.count("\n", 0, found) + 1


def rename_measure(data: Path, rel: str, old: str, new: str) -> int:
    """Give a measure of the plan file ``rel`` a new id, as an editor would: also in the ``ref`` of
    the plan's Markdown texts that belong to it. Returns the line of the id in the plan file."""
    line = edit(data, rel, f"  - id: {old}\n", f"  - id: {new}\n")
    plan = Path(rel).stem
    for text in sorted((data / rel).with_suffix("").glob("*.md")):
        body = text.read_text(encoding="utf-8")
        text.write_text(body.replace(f"ref: measure:{plan}/{old}\n", f"ref: measure:{plan}/{new}\n"), encoding="utf-8")
    return line


def line_of(data: Path, rel: str, needle: str) -> int:
    text = (data / rel).read_text(encoding="utf-8")
    assert text.count(needle) == 1, f"{needle!r} is not unique in {rel}"
    return text.count("\n", 0, text.index(needle)) + 1


def errors(data: Path, audience: str = "public") -> list[DataError]:
    with pytest.raises(DataErrors) as info:
        load(data, audience)
    return info.value.errors


def only_error(data: Path, audience: str = "public") -> DataError:
    found = errors(data, audience)
    assert len(found) == 1, "expected exactly one error, got:\n" + "\n".join(map(str, found))
    return found[0]


def check(error: DataError, file: str, line: int, path: str, *words: str) -> None:
    assert (error.file, error.line, error.path) == (f"data/{file}", line, path), str(error)
    for word in words:
        assert word in error.message, f"{word!r} not in {error.message!r}"


def test_the_real_data_loads_for_both_audiences() -> None:
    # the baseline every test below breaks: without it, a test could pass on an unrelated error
    for audience in ("public", "internal"):
        assert load(REPO / "data", audience).plans


# --- one class of bad input per test ---------------------------------------------------------


def test_yaml_syntax_error_names_the_line_and_where_the_broken_part_began(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "    title: Styrke kunnskapsgrunnlaget om kriminalitet\n",
                "    title: [Styrke kunnskapsgrunnlaget om kriminalitet\n")
    error = only_error(data_copy)
    # the parser stops on the next line; the message points back at the open bracket
    check(error, PLAN, line + 1, "", "YAML-syntaksfeil", f"flow sequence (linje {line})", "expected ',' or ']'")


def test_yaml_syntax_error_on_a_tab_says_so(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "    number: 2\n", "\tnumber: 2\n")
    check(only_error(data_copy), PLAN, line, "", "YAML-syntaksfeil", "tabulator", "rykk inn med mellomrom")


def test_file_with_only_comments_is_an_empty_file(data_copy: Path) -> None:
    text = (data_copy / NEWS).read_text(encoding="utf-8")
    (data_copy / NEWS).write_text(text.split("\n", 1)[0] + "\n# tom\n", encoding="utf-8")
    check(only_error(data_copy), NEWS, 1, "", "filen er tom", "forventet feltene", "news.schema.json")


def test_zero_byte_file_is_empty_and_lacks_its_schema_line(data_copy: Path) -> None:
    (data_copy / NEWS).write_text("", encoding="utf-8")
    first, second = errors(data_copy)
    check(first, NEWS, 1, "", "filen er tom", "forventet feltene", "news.schema.json")
    check(second, NEWS, 1, "", "første linje må være", "$schema=…/news.schema.json", "fant ''")


def test_missing_required_field_points_at_the_mapping_that_lacks_it(data_copy: Path) -> None:
    edit(data_copy, PLAN, "    title: Styrke kunnskapsgrunnlaget om kriminalitet\n", "")
    line = line_of(data_copy, PLAN, "  - id: tiltak-1\n")  # not the line of its last key
    check(only_error(data_copy), PLAN, line, "measures[0]", "mangler det påkrevde feltet 'title'")


def test_wrong_type(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "    number: 3\n", '    number: 3.10\n')  # YAML reads 3.1: numbers with a point are quoted
    check(only_error(data_copy), PLAN, line, "measures[2].number", "fant", "3.1", "forventet tekst eller et heltall eller null")


def test_wrong_type_list_instead_of_text(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "subtitle: Kriminalitetsforebyggende handlingsplan\n", "subtitle: [a, b]\n")
    error = only_error(data_copy)
    check(error, PLAN, line, "subtitle", "fant en liste", "forventet tekst")
    assert "a list a list" not in error.message


def test_unknown_status(data_copy: Path) -> None:
    line = edit(data_copy, REPORT, "    status: Igangsatt\n", "    status: Igangsat\n", after="  - measure: tiltak-1\n")
    error = only_error(data_copy)
    check(error, REPORT, line, "entries[0].status", "'Igangsat'", "Igangsatt")
    # the exact form of the requirement: file:line: path: found, expected
    assert str(error) == (f"data/{REPORT}:{line}: entries[0].status: 'Igangsat' "
                          + STATUSES)


def test_duplicate_id_names_the_first_one_once(data_copy: Path) -> None:
    text = (data_copy / PLAN).read_text(encoding="utf-8")
    block = text[text.index("  - id: tiltak-3\n"):text.index("  - id: tiltak-4\n")]
    copy = block.replace("    number: 3\n", "    number: 36\n")  # only the id is duplicated
    first = line_of(data_copy, PLAN, "  - id: tiltak-3\n")
    line = edit(data_copy, PLAN, "  - id: tiltak-4\n", copy + "  - id: tiltak-4\n")
    error = only_error(data_copy)  # once: not again as a duplicate ref in the entity registry
    check(error, PLAN, line, "measures[3].id", "id-en 'tiltak-3' er brukt før", "measures[2]", f"linje {first}",
          "forventet en unik id")


def test_dangling_reference_to_an_organisation(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "{org: jd, role: ansvarlig}", "{org: jdd, role: ansvarlig}", after="  - id: tiltak-1\n")
    check(only_error(data_copy), PLAN, line, "measures[0].responsibility.parties[0].org",
          "ukjent organisasjon 'jdd'", "mente du 'jd'", "forventet en av: ")


def test_dangling_reference_in_a_relation(data_copy: Path) -> None:
    line = edit(data_copy, RELATIONS, "to: measure:gode-krefter/tiltak-23\n", "to: measure:gode-krefter/tiltak-99\n")
    check(only_error(data_copy), RELATIONS, line, "relations[0].to",
          "'measure:gode-krefter/tiltak-99'", "peker ikke på noen enhet")


def test_unknown_source_document_is_one_error_and_nothing_is_invented_in_its_place(data_copy: Path) -> None:
    # Every package, measure and report entry inherits the plan's document: nothing may
    # stand in for it (once "the first document" did, with a page error at each child).
    line = edit(data_copy, PLAN, "source: {document: gode-krefter-statusrapport-2011, page: 2}\n",
                "source: {document: gode-krefter-statusrapport-2099, page: 2}\n")
    check(only_error(data_copy), PLAN, line, "source.document", "ukjent dokument 'gode-krefter-statusrapport-2099'",
          "mente du 'gode-krefter-statusrapport-2011'")


def test_an_unknown_owner_is_one_error_not_one_per_reference_to_the_plan(data_copy: Path) -> None:
    # the plan cannot be built; the report on it and the relations to its measures are not unknown
    line = edit(data_copy, PLAN, "owner: regjeringen\n", "owner: regjeringa\n")
    check(only_error(data_copy), PLAN, line, "owner", "ukjent organisasjon 'regjeringa'", "mente du 'regjeringen'")


def test_dangling_reference_to_a_theme(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "    themes: [kunnskap, slt]\n", "    themes: [kunnskap, ukjent]\n", after="  - id: tiltak-1\n")
    check(only_error(data_copy), PLAN, line, "measures[0].themes[1]", "ukjent tema 'ukjent'", "forventet en av: ", "kunnskap")


@pytest.mark.parametrize("bad", ["Tiltak 1", "tiltak_1", "tiltak-æ", "tiltak--1", "-tiltak"])
def test_unsafe_id(data_copy: Path, bad: str) -> None:
    line = edit(data_copy, PLAN, "  - id: tiltak-1\n", f'  - id: "{bad}"\n')
    check(only_error(data_copy), PLAN, line, "measures[0].id", repr(bad), "ikke en gyldig id",
          "små bokstaver a–z, sifre og enkle bindestreker")


@pytest.mark.parametrize("word", ["no", "yes", "on", "off"])
def test_yaml_1_1_yes_no_trap(data_copy: Path, word: str) -> None:
    line = edit(data_copy, PLAN, "subtitle: Kriminalitetsforebyggende handlingsplan\n", f"subtitle: {word}\n")
    check(only_error(data_copy), PLAN, line, "subtitle", f"'{word}' uten anførselstegn", "ja/nei", f'"{word}" i anførselstegn')


@pytest.mark.parametrize("word", ["no", "yes", "on", "off"])
def test_quoting_the_trap_word_makes_it_text(data_copy: Path, word: str) -> None:
    edit(data_copy, PLAN, "subtitle: Kriminalitetsforebyggende handlingsplan\n", f'subtitle: "{word}"\n')
    assert load(data_copy).plans["gode-krefter"].subtitle == word


def test_yaml_1_1_date_trap(data_copy: Path) -> None:
    line = edit(data_copy, NEWS, "date: null\n", "date: 2011-08-01\n")
    check(only_error(data_copy), NEWS, line, "date", "datoen '2011-08-01' uten anførselstegn", '"2011-08-01" i anførselstegn')


@pytest.mark.parametrize("written, read_as", [("012", "det oktale tallet 10"), ("1:20", "det 60-tallsbaserte tallet 80")])
def test_yaml_1_1_number_traps(data_copy: Path, written: str, read_as: str) -> None:
    line = edit(data_copy, PLAN, '    number: "II"\n', f"    number: {written}\n")
    check(
        only_error(data_copy), PLAN, line, "groups[1].number", f"'{written}' uten anførselstegn", read_as, f'"{written}" i anførselstegn'
    )


def test_a_trap_value_is_reported_once_not_also_as_the_wrong_type(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "    number: 3\n", "    number: 03\n")  # an integer field
    check(only_error(data_copy), PLAN, line, "measures[2].number", "'03' uten anførselstegn", "det oktale tallet 3")


def test_duplicate_mapping_key(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, "    title: Styrke kunnskapsgrunnlaget om kriminalitet\n",
                "    title: Styrke kunnskapsgrunnlaget om kriminalitet\n    title: En annen tittel\n")
    check(only_error(data_copy), PLAN, line + 1, "measures[0].title", "nøkkelen 'title' står to ganger", f"allerede satt på linje {line}")


def test_period_that_ends_before_it_starts(data_copy: Path) -> None:
    line = edit(data_copy, PLAN, '    period: {start: 2009, end: 2010, text: "2009-2010"}\n',
                '    period: {start: 2011, end: 2010, text: "2011-2010"}\n', after="  - id: tiltak-2\n")
    check(only_error(data_copy), PLAN, line, "measures[1].period.end", "slutter (2010)", "begynner (2011)", "start ≤ end")


def test_footnote_marker_without_reference(data_copy: Path) -> None:
    line = edit(data_copy, REPORT, "senere i livet.[^1]", "senere i livet.[^1][^12]")
    check(only_error(data_copy), REPORT, line, "entries[2].narrative",  # the line of the marker in the text
          "fotnotemerket [^12]", "ingen post i references", "referanse med nummer 12")


def test_reference_without_footnote_marker(data_copy: Path) -> None:
    edit(data_copy, REPORT, "senere i livet.[^1]", "senere i livet.")
    line = line_of(data_copy, REPORT, "      - {number: 1, text: ")
    check(only_error(data_copy), REPORT, line, "entries[2].references[0]", "referanse 1 er aldri merket", "[^1]-merke")


@pytest.mark.parametrize("first_line", ["# Handlingsplanen Gode krefter",
                                        "# yaml-language-server: $schema=../schema/report.schema.json"])
def test_schema_comment_missing_or_naming_the_wrong_schema(data_copy: Path, first_line: str) -> None:
    edit(data_copy, PLAN, "# yaml-language-server: $schema=../schema/plan.schema.json\n", first_line + "\n")
    check(only_error(data_copy), PLAN, 1, "", "første linje må være '# yaml-language-server: $schema=…/plan.schema.json'",
          f"fant {first_line!r}")


def test_schema_comment_not_on_the_first_line(data_copy: Path) -> None:
    edit(data_copy, PLAN, "# yaml-language-server: $schema=../schema/plan.schema.json\n",
         "\n# yaml-language-server: $schema=../schema/plan.schema.json\n")
    check(only_error(data_copy), PLAN, 1, "", "første linje må være", "fant ''")


def test_measure_id_colliding_with_a_group_id(data_copy: Path) -> None:
    line = rename_measure(data_copy, RADIKALISERING, "tiltak-11", "prioriteringsomrade-2")
    check(only_error(data_copy), RADIKALISERING, line, "measures[0].id",
          "tiltaket 'prioriteringsomrade-2'", "nettadressen", "gruppen 'prioriteringsomrade-2'", "velg en annen id")


def test_measure_id_colliding_with_a_plan_page(data_copy: Path) -> None:
    line = rename_measure(data_copy, RADIKALISERING, "tiltak-11", "endringer")
    check(only_error(data_copy), RADIKALISERING, line, "measures[0].id", "nettadressen", "planens side «endringer»")


def test_unsafe_link_target_in_markdown(data_copy: Path) -> None:
    line = edit(data_copy, REPORT, "[www.ungdata.no](http://www.ungdata.no/)", "[www.ungdata.no](javascript:alert(1))")
    check(only_error(data_copy), REPORT, line, "entries[1].narrative",  # the line of the link, not of "narrative:"
          "lenkemålet 'javascript:alert(1)' er ikke tillatt", "forventet en absolutt http(s)- eller mailto-adresse, eller et #anker")


def test_relative_link_in_prose_is_refused(data_copy: Path) -> None:
    # prose is rendered in the core, where MkDocs would not rewrite a relative link
    line = edit(data_copy, REPORT, "[www.ungdata.no](http://www.ungdata.no/)", "[www.ungdata.no](../tiltak-2/)")
    check(only_error(data_copy), REPORT, line, "entries[1].narrative", "lenkemålet '../tiltak-2/' er ikke tillatt")


def test_unsafe_link_target_in_a_markdown_reference_definition(data_copy: Path) -> None:
    # Python-Markdown renders "[x][u]" + "[u]: javascript:…" as <a href="javascript:…">
    line = edit(data_copy, REPORT, "      Det er opprettet en egen nettportal for Ungdata: [www.ungdata.no](http://www.ungdata.no/).",
                "      [u]: javascript:alert(1)\n\n      Det er opprettet en egen nettportal for Ungdata: [www.ungdata.no][u].")
    check(only_error(data_copy), REPORT, line, "entries[1].narrative", "'javascript:alert(1)' er ikke tillatt")


# --- every error of a run, at once -----------------------------------------------------------


def test_every_error_in_every_file_is_reported_at_once_sorted_by_file_and_line(data_copy: Path) -> None:
    expected = [
        (NEWS, edit(data_copy, NEWS, "date: null\n", "date: 2011-08-01\n"), "date"),
        (PLAN, edit(data_copy, PLAN, "    number: 3\n", "    number: 3.10\n"), "measures[2].number"),
        (PLAN, edit(data_copy, PLAN, "subtitle: Kriminalitetsforebyggende handlingsplan\n", "subtitle: no\n"), "subtitle"),
        (RADIKALISERING, edit(data_copy, RADIKALISERING, "    group: prioriteringsomrade-2\n", "    group: [prioriteringsomrade-2]\n",
                              after="  - id: tiltak-11\n"), "measures[0].group"),
        (REPORT, edit(data_copy, REPORT, "    status: Igangsatt\n", "    status: Igangsat\n", after="  - measure: tiltak-1\n"),
         "entries[0].status"),
        # a syntax error is noticed where the parser stops: the line after the open bracket
        ("themes.yml", edit(data_copy, "themes.yml", "themes:\n", "themes: [\n") + 1, ""),
    ]
    with pytest.raises(DataErrors) as info:
        load(data_copy)
    found = info.value.errors
    want = sorted((f"data/{file}", line, path) for file, line, path in expected)
    assert [(e.file, e.line, e.path) for e in found] == want
    assert [(e.file, e.line) for e in found] == sorted((e.file, e.line) for e in found)
    report = str(info.value)
    assert report.startswith("6 feil i dataene:\n")
    for error in found:
        assert f"  {error}" in report.splitlines()


def test_every_reference_error_is_reported_at_once(data_copy: Path) -> None:
    expected = sorted([
        (f"data/{PLAN}", edit(data_copy, PLAN, "{org: jd, role: ansvarlig}", "{org: jdd, role: ansvarlig}",
                               after="  - id: tiltak-1\n"), "measures[0].responsibility.parties[0].org"),
        (f"data/{RELATIONS}", edit(data_copy, RELATIONS, "tiltak-23\n", "tiltak-99\n"), "relations[0].to"),
        (f"data/{NEWS}", edit(data_copy, NEWS, "themes: [slt,", "themes: [ukjent,"), "themes[0]"),
        (f"data/{REPORT}", edit(data_copy, REPORT, "senere i livet.[^1]", "senere i livet.[^1][^12]"), "entries[2].narrative"),
        (f"data/{RADIKALISERING}", rename_measure(data_copy, RADIKALISERING, "tiltak-11", "prioriteringsomrade-2"), "measures[0].id"),
    ])
    assert [(e.file, e.line, e.path) for e in errors(data_copy)] == expected


# --- the command line and the build ----------------------------------------------------------


def run_check(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planverk", "check", "--data", str(data)],
                          cwd=REPO / "hooks", capture_output=True, text=True, timeout=120)


def test_check_command_fails_with_every_error_and_no_traceback(data_copy: Path) -> None:
    status = edit(data_copy, REPORT, "    status: Igangsatt\n", "    status: Igangsat\n", after="  - measure: tiltak-1\n")
    number = edit(data_copy, PLAN, "    number: 3\n", "    number: 3.10\n")
    result = run_check(data_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        "2 feil i dataene:",
        f"  data/{PLAN}:{number}: measures[2].number: fant et desimaltall 3.1, forventet tekst eller et heltall eller null; "
        'et nummer med punktum skrives i anførselstegn, slik kilden skriver det (for eksempel "3.10")',
        f"  data/{REPORT}:{status}: entries[0].status: 'Igangsat' "
        + STATUSES,
    ]


def test_check_command_reports_a_missing_data_folder_without_traceback(tmp_path: Path) -> None:
    result = run_check(tmp_path / "finnes-ikke")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "fant ikke datamappen" in result.stderr


def test_check_command_reports_a_missing_schema_without_traceback(data_copy: Path) -> None:
    (data_copy / "schema" / "plan.schema.json").unlink()
    result = run_check(data_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "data/schema/plan.schema.json: skjemafilen mangler" in result.stderr


def test_check_command_passes_good_data_with_a_summary() -> None:
    result = run_check(REPO / "data")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert re.fullmatch(r"data OK: \d+ strategies, [1-9]\d* plans, [1-9]\d* measures, \d+ organisations, "
                        r"\d+ relations, \d+ errata\n", result.stdout)


def test_site_build_fails_on_bad_data_with_the_error_and_no_traceback(data_copy: Path, tmp_path: Path) -> None:
    line = edit(data_copy, REPORT, "    status: Igangsatt\n", "    status: Igangsat\n", after="  - measure: tiltak-1\n")
    build = build_site(tmp_path / "build", data=data_copy)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert (f"data/{REPORT}:{line}: entries[0].status: 'Igangsat' "
            + STATUSES) in build.output
    assert not (build.site / "index.html").exists()
