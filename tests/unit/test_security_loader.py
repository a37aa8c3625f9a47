"""The loader cannot be led outside data/, exhausted, or made to accept values without meaning
(issue 10). One class of hostile input per test; each asserts the message names the file
and the line or field, and that `python -m planverk check` prints no traceback."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from hostile import edit
from planverk.__main__ import main
from planverk.errors import DataErrors
from planverk.load import load

PLAN = "plans/radikalisering.yml"
GODE = "plans/gode-krefter.yml"
REPORT = "reports/gode-krefter-2011-08.yml"
NEWS = "news/vestfold-slt-samarbeidsmote.yml"


def check_output(data: Path, capsys) -> str:
    """stderr of a failing `check`; there must be no traceback."""
    code = main(["check", "--data", str(data)])
    captured = capsys.readouterr()
    assert code == 1, captured.out
    assert "Traceback" not in captured.err + captured.out
    return captured.err


def line_of(data: Path, rel: str, needle: str) -> int:
    text = (data / rel).read_text(encoding="utf-8")
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


def assert_reported(err: str, where: str, *words: str) -> None:
    line = next((ln for ln in err.split("\n") if ln.strip().startswith(where)), None)
    assert line is not None, f"no error at {where!r} in:\n{err}"
    for word in words:
        assert word in line, f"{word!r} not in {line!r}"


# --- reading only regular files inside data/ ------------------------------------------------------


def test_symlink_to_a_file_outside_data_is_refused_and_not_read(data_copy: Path, tmp_path: Path, capsys):
    secret = tmp_path / "hemmelig.yml"
    secret.write_text((data_copy / NEWS).read_text(encoding="utf-8").replace("title: ", "title: pvhemmelig ", 1), encoding="utf-8")
    (data_copy / "news" / "lekk.yml").symlink_to(secret)
    err = check_output(data_copy, capsys)
    assert_reported(err, "data/news/lekk.yml:", "symbolsk lenke", "ut av data/")
    assert "pvhemmelig" not in err


def test_symlinked_folder_is_refused(data_copy: Path, tmp_path: Path, capsys):
    outside = tmp_path / "nyheter"
    outside.mkdir()
    (data_copy / "news").rename(outside / "news")
    (data_copy / "news").symlink_to(outside / "news")
    err = check_output(data_copy, capsys)
    assert_reported(err, "data/news:", "symbolsk lenke")


def test_symlink_inside_data_is_followed(data_copy: Path):
    (data_copy / "sources" / "README.md").unlink(missing_ok=True)
    (data_copy / "sources" / "README.md").symlink_to(data_copy / "README.md")
    load(data_copy, "public")


@pytest.mark.parametrize("rel, words", [
    ("plan/gode-krefter.yml", ("data/plan/:", "ukjent mappe", "mente du plans/?")),
    ("plans/arkiv/gammel.yml", ("data/plans/arkiv/:", "ukjent mappe")),
    ("plans/ny.YML", ("data/plans/ny.YML:", ".yml", "små bokstaver")),
    ("plans/ny.yaml", ("data/plans/ny.yaml:", ".yml")),
    ("plans/notat.txt", ("data/plans/notat.txt:", "ukjent fil")),
    ("notater.docx", ("data/notater.docx:", "ukjent fil")),
    ("Themes.yml", ("data/Themes.yml:", "feil navn", "themes.yml")),
    ("schema/ekstra.json", ("data/schema/ekstra.json:", "ukjent fil")),
])
def test_every_file_under_data_is_loaded_or_reported(data_copy: Path, capsys, rel: str, words: tuple[str, ...]):
    path = data_copy / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# hva som helst\n", encoding="utf-8")
    err = check_output(data_copy, capsys)
    assert_reported(err, words[0], *words[1:])


def test_readme_and_source_texts_are_legitimate(data_copy: Path):
    assert (data_copy / "README.md").is_file() and any((data_copy / "sources").glob("*.txt"))
    (data_copy / "sources" / "README.md").write_text("# Kilder\n", encoding="utf-8")
    load(data_copy, "public")


# --- encodings and invisible characters ------------------------------------------------------------


def test_utf8_bom_is_accepted_and_lines_stay_right(data_copy: Path):
    path = data_copy / "themes.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"id: kunnskap,", b"id: Kunnskap,"))
    with pytest.raises(DataErrors) as info:
        load(data_copy, "public")
    first = info.value.errors[0]
    assert (first.file, first.line) == ("data/themes.yml", line_of(data_copy, "themes.yml", "id: Kunnskap,")), str(first)


def test_latin1_file_is_reported_with_file_and_line(data_copy: Path, capsys):
    path = data_copy / "themes.yml"
    text = path.read_text(encoding="utf-8")
    line = line_of(data_copy, "themes.yml", "Skole og opplæring")
    path.write_bytes(text.encode("latin-1"))
    err = check_output(data_copy, capsys)
    first_special = next(i for i, ln in enumerate(text.split("\n"), 1) if any(c in ln for c in "æøåÆØÅéü–«»"))
    assert first_special <= line
    assert_reported(err, f"data/themes.yml:{first_special}:", "ikke UTF-8", f"linje {first_special}")


def test_control_character_is_reported_with_line(data_copy: Path, capsys):
    line = line_of(data_copy, PLAN, "title: Styrke den nasjonale koordineringen")
    edit(data_copy, PLAN, "title: Styrke den nasjonale koordineringen", "title: Styrke den\x07 nasjonale koordineringen")
    err = check_output(data_copy, capsys)
    assert_reported(err, f"data/{PLAN}:{line}:", "U+0007", "kolonne")


# --- bounded work ----------------------------------------------------------------------------------


BOMB = ('lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"l{i}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(9)))


def test_alias_bomb_fails_fast_in_bounded_memory(data_copy: Path, capsys):
    path = data_copy / "news" / "bombe.yml"
    path.write_text("# yaml-language-server: $schema=../schema/news.schema.json\n" + BOMB, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(DataErrors) as info:
        load(data_copy, "public")  # the whole real data set with the bomb beside it
    elapsed = time.perf_counter() - start
    assert elapsed < 5, f"{elapsed:.1f} s"  # expanded, 9**10 strings took ~50 s and GBs
    tracemalloc.start()  # (slows Python down several times: memory is measured in a run of its own)
    try:
        with pytest.raises(DataErrors):
            load(data_copy, "public")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 200 * 1024 * 1024, f"{peak / 1e6:.0f} MB"
    alias = next(e for e in info.value.errors if e.file == "data/news/bombe.yml")
    assert alias.line == 3 and "aliaset *a" in alias.message, str(alias)
    assert_reported(check_output(data_copy, capsys), "data/news/bombe.yml:3:", "alias")


def test_recursive_alias_is_refused(data_copy: Path, capsys):
    (data_copy / "news" / "sirkel.yml").write_text("# yaml-language-server: $schema=../schema/news.schema.json\n"
                                                    "a: &a\n  - *a\n", encoding="utf-8")
    assert_reported(check_output(data_copy, capsys), "data/news/sirkel.yml:3:", "aliaset *a")


def test_deep_nesting_is_refused_with_line(data_copy: Path, capsys):
    (data_copy / "news" / "dyp.yml").write_text("# yaml-language-server: $schema=../schema/news.schema.json\n"
                                                "id: dyp\nbody: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    assert_reported(check_output(data_copy, capsys), "data/news/dyp.yml:3:", "nestingen er for dyp")


def test_huge_number_is_refused_with_line_and_field(data_copy: Path, capsys):
    line = line_of(data_copy, PLAN, "    number: 11\n")
    edit(data_copy, PLAN, "    number: 11\n", "    number: " + "1" * 5000 + "\n")
    assert_reported(check_output(data_copy, capsys), f"data/{PLAN}:{line}: measures[0].number:", "5000 sifre")


def test_huge_footnote_marker_is_refused_with_line(data_copy: Path, capsys):
    line = line_of(data_copy, REPORT, "risikofaktorer som har betydning for barn senere i livet.[^1]")
    edit(data_copy, REPORT, "senere i livet.[^1]", "senere i livet.[^1][^" + "9" * 5000 + "]")
    assert_reported(check_output(data_copy, capsys), f"data/{REPORT}:{line}: entries[2].narrative:", "fotnotemerket")


def test_huge_text_is_refused_with_line_and_field(data_copy: Path, capsys):
    line = line_of(data_copy, PLAN, "title: Styrke den nasjonale koordineringen")
    edit(data_copy, PLAN, "title: Styrke den nasjonale koordineringen", "title: " + "x" * 200_000)
    assert_reported(check_output(data_copy, capsys), f"data/{PLAN}:{line}: measures[0].title:", "for lang", "200 000 tegn")


def test_huge_file_is_refused_before_it_is_read(data_copy: Path, capsys):
    path = data_copy / "news" / "stor.yml"
    with path.open("w", encoding="utf-8") as out:
        out.write("# yaml-language-server: $schema=../schema/news.schema.json\n")
        out.write(("# " + "x" * 1022 + "\n") * (21 * 1024))
    assert_reported(check_output(data_copy, capsys), "data/news/stor.yml:", "for stor", "MB")


# --- values checked for meaning --------------------------------------------------------------------


@pytest.mark.parametrize("rel, old, new, field, words", [
    (NEWS, "date: null", 'date: "2023-02-30"', "date", ("2023-02-30", "dagen 30 finnes ikke")),
    (REPORT, 'as_of: "2011-08"', 'as_of: "2011-13"', "as_of", ("2011-13", "måned 13")),
    (GODE, 'launched: "2009-08"', 'launched: "1066-08"', "launched", ("1066", "1900")),
    (REPORT, 'published: "2011-10"', 'published: "2011-00"', "published", ("måned 00",)),
])
def test_impossible_dates_are_reported_at_the_field(data_copy: Path, capsys, rel, old, new, field, words):
    line = line_of(data_copy, rel, old)
    edit(data_copy, rel, old, new)
    assert_reported(check_output(data_copy, capsys), f"data/{rel}:{line}: {field}:", "ikke en ekte dato", *words)


def test_id_with_a_trailing_newline_is_refused(data_copy: Path, capsys):
    line = line_of(data_copy, PLAN, "  - id: tiltak-11\n")
    edit(data_copy, PLAN, "  - id: tiltak-11\n", '  - id: "tiltak-11\\n"\n')
    assert_reported(check_output(data_copy, capsys), f"data/{PLAN}:{line}: measures[0].id:", "tiltak-11\\n")


@pytest.mark.parametrize("kind, rel, old, new, field", [
    ("organisation", "organisations.yml", "  - id: pst\n", "  - id: index\n", "id"),
    ("theme", "themes.yml", "{id: kunnskap,", "{id: index,", "themes[0].id"),
    ("document", "documents.yml", "  - id: konfliktradet-virksomhetsstrategi-2023-2025\n",
     "  - id: index\n", "documents[0].id"),
    ("package", GODE, "  - id: tiltakspakke-2\n", "  - id: endringer\n", "groups[1].id"),
    ("measure", PLAN, "  - id: tiltak-11\n", "  - id: utskrift\n", "measures[0].id"),
    ("goal", "strategies/kriminalomsorgen-2021-2026.yml", "        - id: lavere-tilbakefall\n", "        - id: index\n", ".id"),
])
def test_reserved_page_names_are_refused_for_every_kind(data_copy: Path, capsys, kind, rel, old, new, field):
    line = line_of(data_copy, rel, old)
    text = (data_copy / rel).read_text(encoding="utf-8")
    (data_copy / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
    if kind == "document":  # every reference to the document follows it
        for path in data_copy.rglob("*.yml"):
            path.write_text(path.read_text(encoding="utf-8").replace("konfliktradet-virksomhetsstrategi-2023-2025", "index"),
                            encoding="utf-8")
    err = check_output(data_copy, capsys)
    here = next((ln for ln in err.split("\n") if ln.strip().startswith(f"data/{rel}:{line}:")), "")
    assert here and field in here and "nettadressen" in here and "velg en annen id" in here, err


def test_news_id_index_is_refused_at_its_file(data_copy: Path, capsys):
    text = (data_copy / NEWS).read_text(encoding="utf-8").replace("id: vestfold-slt-samarbeidsmote\n", "id: index\n")
    if "\nbody:" not in text:  # the body is a Markdown file beside the original
        text += "body: Tekst.\n"
    (data_copy / "news" / "index.yml").write_text(text, encoding="utf-8")
    err = check_output(data_copy, capsys)
    assert_reported(err, f"data/news/index.yml:{line_of(data_copy, 'news/index.yml', 'id: index')}: id:", "nettadressen /nyheter/")


def test_organisation_cannot_be_its_own_parent(data_copy: Path, capsys):
    line = line_of(data_copy, "organisations.yml", "    parent: bufdir\n")
    edit(data_copy, "organisations.yml", "    parent: bufdir\n", "    parent: bufetat\n")
    assert_reported(check_output(data_copy, capsys), f"data/organisations.yml:{line}:", "parent", "sin egen overordnede",
                    "bufetat → bufetat")


def test_organisation_cannot_be_its_own_ancestor(data_copy: Path, capsys):
    edit(data_copy, "organisations.yml", "  - id: bufdir\n", "  - id: bufdir\n    parent: bufetat\n")
    err = check_output(data_copy, capsys)
    assert "bufdir → bufetat → bufdir" in err and "bufetat → bufdir → bufetat" in err, err


# --- check: one pass, everything ---------------------------------------------------------------------


def test_check_reports_every_class_at_once(data_copy: Path, capsys):
    edit(data_copy, NEWS, "date: null", 'date: "2023-02-30"')
    edit(data_copy, "organisations.yml", "  - id: pst\n", "  - id: index\n")
    edit(data_copy, PLAN, "    number: 11\n", "    number: " + "1" * 5000 + "\n")
    (data_copy / "plans" / "ny.YML").write_text("x: 1\n", encoding="utf-8")
    err = check_output(data_copy, capsys)
    for where in (f"data/{NEWS}:", "data/organisations.yml:", f"data/{PLAN}:", "data/plans/ny.YML:"):
        assert where in err, err


def test_check_reports_public_only_errors_too(data_copy: Path, capsys):
    # the internal build accepts this; the public one does not, and `check` says so
    edit(data_copy, GODE, "  - id: tiltak-3\n", "  - id: tiltak-3\n    internal: true\n")
    load(data_copy, "internal")
    assert "er intern" in check_output(data_copy, capsys)


def test_check_command_in_a_subprocess_prints_no_traceback(data_copy: Path):
    import subprocess
    import sys

    from support import REPO

    (data_copy / "news" / "bombe.yml").write_text("# yaml-language-server: $schema=../schema/news.schema.json\n" + BOMB,
                                                  encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "planverk", "check", "--data", str(data_copy)], cwd=REPO / "hooks",
                            capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(REPO / "hooks")})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/news/bombe.yml:3:" in result.stderr
