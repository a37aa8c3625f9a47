"""Prose in Markdown files beside the YAML (load/prosefiles.py): a text written as
``plans/<plan>/<name>.md`` with front matter naming the entity and field is the same to the
model, the pages and the checks as the YAML block scalar it replaces; every way to get one wrong
is an error in Norwegian that names the Markdown file and its line.

All on literal corpora (tests/corpora.py).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from test_security_prose import dangers

from corpora import Data, measure
from planverk import urls
from planverk.errors import DataError, DataErrors
from planverk.index import Index
from planverk.load import load
from planverk.pages import build_pages
from planverk.stamps import git_dates, render, stamps
from support import REPO

PLAN_TEXT = "Planen handler om trygghet.\n\nDen har to avsnitt, og en [lenke](https://www.example.no/).\n"


def plan_data(tmp_path) -> tuple[Data, dict]:
    data = Data(tmp_path)
    plan = data.plan("plan-a", measures=[measure(1), measure(2), measure(3)])
    return data, plan


def errors_of(data: Data, audience: str = "public") -> list[DataError]:
    with pytest.raises(DataErrors) as info:
        data.load(audience)
    return info.value.errors


def only(found: list[DataError], file: str) -> DataError:
    mine = [e for e in found if e.file == file]
    assert len(mine) == 1, f"expected one error in {file}, got {[str(e) for e in found]}"
    return mine[0]


def page(corpus, ref: str):
    path = urls.page_of(ref)
    return next(p for p in build_pages(corpus) if p.path == path)


# --- the text arrives where the YAML form would put it -------------------------------------------


def test_plan_description_from_a_markdown_file(tmp_path):
    data, plan = plan_data(tmp_path)
    del plan["description"]  # required by the schema: the file must fill it
    data.prose("plans/plan-a/om-planen.md", "plan:plan-a", "description", "\n" + PLAN_TEXT + "\n\n")
    corpus = data.load()
    assert corpus.plans["plan-a"].description == PLAN_TEXT, "blank lines around the text are not part of it"
    body = page(corpus, "plan:plan-a").full_body
    assert "<p>Planen handler om trygghet.</p>" in body
    assert '<a href="https://www.example.no/">lenke</a>' in body


def test_the_same_pages_whichever_form(tmp_path):
    """A text in YAML and the same text in a file give the same page, byte for byte."""
    data, plan = plan_data(tmp_path / "yaml")
    plan["description"] = PLAN_TEXT
    inline = page(data.load(), "plan:plan-a").full_body
    data, plan = plan_data(tmp_path / "md")
    del plan["description"]
    data.prose("plans/plan-a/om-planen.md", "plan:plan-a", "description", PLAN_TEXT)
    assert page(data.load(), "plan:plan-a").full_body == inline


def test_measure_description_from_a_markdown_file(tmp_path):
    data, plan = plan_data(tmp_path)
    del plan["measures"][1]["description"]
    data.prose("plans/plan-a/tiltak-2.md", "measure:plan-a/tiltak-2", "description", "Tiltaket gjør noe.\n\n- et punkt\n")
    corpus = data.load()
    assert corpus.entities["measure:plan-a/tiltak-2"].description == "Tiltaket gjør noe.\n\n- et punkt\n"
    assert "<li>et punkt</li>" in page(corpus, "measure:plan-a/tiltak-2").full_body


def test_strategy_chapter_and_foreword_from_markdown_files(tmp_path):
    data = Data(tmp_path)
    data.strategy("strategi-a", introduction={"title": "Forord", "signatory": {"name": "Direktøren", "title": None},
                                              "source": {"page": None}},
                  sections=[{"id": "utfordringsbildet", "title": "Utfordringsbildet", "source": {"page": None}}],
                  mission={"title": "Samfunnsoppdrag", "source": {"page": None}})
    data.prose("strategies/strategi-a/forord.md", "strategy:strategi-a", "introduction.text", "Vi skal lykkes.\n")
    data.prose("strategies/strategi-a/utfordringsbildet.md", "section:strategi-a/utfordringsbildet", "text",
               "Samfunnet endrer seg.\n\nDerfor må vi endre oss.\n")
    data.prose("strategies/strategi-a/oppdrag.md", "mission:strategi-a", "text", "Oppdraget vårt.\n")
    corpus = data.load()
    strategy = corpus.strategies["strategi-a"]
    assert strategy.introduction.text == "Vi skal lykkes.\n"
    assert strategy.sections[0].text == "Samfunnet endrer seg.\n\nDerfor må vi endre oss.\n"
    assert strategy.mission.text == "Oppdraget vårt.\n"
    body = page(corpus, "section:strategi-a/utfordringsbildet").full_body
    assert "<p>Derfor må vi endre oss.</p>" in body


def test_news_body_from_a_markdown_file(tmp_path):
    data = Data(tmp_path)
    data.files["news/nytt.yml"] = ("news.schema.json", {"id": "nytt", "title": "Nytt", "date": "2020-01-01",
                                                        "publisher": "dep", "source": {"document": "kilde", "page": None}})
    data.prose("news/nytt/tekst.md", "news:nytt", "body", "Det skjedde noe.\n")
    assert data.load().news["nytt"].body == "Det skjedde noe.\n"


def test_windows_line_ends_and_byte_order_mark(tmp_path):
    data, plan = plan_data(tmp_path)
    del plan["description"]
    data.texts["plans/plan-a/om.md"] = "\ufeff---\r\nref: plan:plan-a\r\nfield: description\r\n---\r\nEn tekst.\r\n\r\nTo.\r\n"
    assert data.load().plans["plan-a"].description == "En tekst.\n\nTo.\n"


# --- provenance -----------------------------------------------------------------------------------


def test_last_changed_counts_the_prose_files(tmp_path):
    """A page made from a data file was last changed when that file or one of its prose files was."""
    data, plan = plan_data(tmp_path)
    del plan["description"]
    data.prose("plans/plan-a/om.md", "plan:plan-a", "description", "Tekst.\n")
    data.write()
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}

    def commit(paths: list[str], when: int) -> None:
        stamp = {"GIT_AUTHOR_DATE": f"@{when} +0000", "GIT_COMMITTER_DATE": f"@{when} +0000"}
        subprocess.run(["git", "add", *paths], cwd=tmp_path, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "x"], cwd=tmp_path, check=True, env={**env, **stamp})

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit(["data"], 1318118400)
    (data.root / "plans/plan-a/om.md").write_text(data.texts["plans/plan-a/om.md"] + "Mer.\n", encoding="utf-8")
    commit(["data/plans/plan-a/om.md"], 1318118400 + 86400)
    dates = git_dates(data.root)
    assert dates["data/plans/plan-a/om.md"] == 1318118400 + 86400
    assert dates["data/plans/plan-a.yml"] == 1318118400 + 86400, "the plan file's pages changed with its text"
    assert dates["data/vocabulary.yml"] == 1318118400
    corpus = data.load()
    stamp = stamps(corpus, Index(corpus))[urls.page_of("plan:plan-a")]
    assert "Sist endret 10. oktober 2011." in render(stamp, dates, None)


# --- internal data --------------------------------------------------------------------------------


def test_text_of_an_internal_measure_stays_internal(tmp_path):
    data, plan = plan_data(tmp_path)
    plan["measures"][0]["internal"] = True
    del plan["measures"][0]["description"]
    data.prose("plans/plan-a/tiltak-1.md", "measure:plan-a/tiltak-1", "description", "HEMMELIGTEKST.\n")
    public = data.load("public")
    assert "measure:plan-a/tiltak-1" not in public.entities
    assert "HEMMELIGTEKST" not in repr(public.plans["plan-a"])
    assert "HEMMELIGTEKST" not in "".join(p.full_body for p in build_pages(public))
    assert data.load("internal").entities["measure:plan-a/tiltak-1"].description == "HEMMELIGTEKST.\n"


def test_errors_in_texts_after_an_internal_measure_name_the_right_file(tmp_path):
    """Internal items are removed before the model is built (list positions move): the text's
    error still names its own file and line."""
    data, plan = plan_data(tmp_path)
    plan["measures"][0]["internal"] = True
    del plan["measures"][2]["description"]
    data.prose("plans/plan-a/tiltak-3.md", "measure:plan-a/tiltak-3", "description", "Første linje.\n\n[her](/intern/side)\n")
    for audience in ("public", "internal"):
        error = only(errors_of(data, audience), "data/plans/plan-a/tiltak-3.md")
        assert (error.line, error.path) == (7, "description"), audience
        assert "lenkemålet '/intern/side' er ikke tillatt" in error.message


# --- hostile Markdown -----------------------------------------------------------------------------


def test_hostile_markdown_is_sanitised(tmp_path):
    data, plan = plan_data(tmp_path)
    del plan["measures"][0]["description"]
    data.prose("plans/plan-a/tiltak-1.md", "measure:plan-a/tiltak-1", "description",
               '<script>alert(1)</script>\n\n<p onclick="alert(2)">klikk</p>\n\n<img src=x onerror="alert(3)">\n\n'
               '[klikk](javascript:alert(4))\n')
    with pytest.raises(DataErrors) as info:
        data.load()
    error = only(info.value.errors, "data/plans/plan-a/tiltak-1.md")
    assert "javascript:alert(4)" in error.message and error.line == 11, "a javascript: target is refused at its line"
    data.texts["plans/plan-a/tiltak-1.md"] = data.texts["plans/plan-a/tiltak-1.md"].replace("(javascript:alert(4))", "")
    body = page(data.load(), "measure:plan-a/tiltak-1").full_body
    assert dangers(body) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, "raw HTML shows as text"


# --- every mistake, in Norwegian, at the Markdown file and line ------------------------------------


def test_unknown_entity(tmp_path):
    data, _ = plan_data(tmp_path)
    data.prose("plans/plan-a/x.md", "measure:plan-a/tiltak-9", "description", "Tekst.\n")
    error = only(errors_of(data), "data/plans/plan-a/x.md")
    assert error.line == 2 and error.path == "ref"
    assert "ukjent ref 'measure:plan-a/tiltak-9'" in error.message and "fant ingen 'tiltak-9' i measures" in error.message


@pytest.mark.parametrize("ref, words", [
    ("plan:plan-b", "den nevner 'plan-b', men mappen hører til datafilen med id 'plan-a'"),
    ("strategy:plan-a", "en tekst i plans/ kan høre til plan:, group:, measure:, ikke strategy:"),
    ("measure:plan-a", "en measure-ref har formen measure:<id>/<id>"),
])
def test_ref_of_another_file_or_kind(tmp_path, ref, words):
    data, _ = plan_data(tmp_path)
    data.prose("plans/plan-a/x.md", ref, "description", "Tekst.\n")
    error = only(errors_of(data), "data/plans/plan-a/x.md")
    assert words in error.message and error.line == 2


def test_unknown_field(tmp_path):
    data, _ = plan_data(tmp_path)
    data.prose("plans/plan-a/x.md", "measure:plan-a/tiltak-1", "title", "Tekst.\n")
    error = only(errors_of(data), "data/plans/plan-a/x.md")
    assert (error.line, error.path) == (3, "field")
    assert "'title' er ikke et Markdown-felt på measure:plan-a/tiltak-1; forventet ett av: description" in error.message


def test_field_in_both_yaml_and_markdown(tmp_path):
    data, _ = plan_data(tmp_path)  # the plan keeps its description in YAML
    data.prose("plans/plan-a/om.md", "plan:plan-a", "description", "Tekst.\n")
    error = only(errors_of(data), "data/plans/plan-a/om.md")
    assert error.line == 3
    assert "plan:plan-a description står også i data/plans/plan-a.yml (linje" in error.message
    assert "fjern den ene" in error.message


def test_two_files_for_one_field(tmp_path):
    data, plan = plan_data(tmp_path)
    del plan["description"]
    data.prose("plans/plan-a/a.md", "plan:plan-a", "description", "Tekst.\n")
    data.prose("plans/plan-a/b.md", "plan:plan-a", "description", "Annen tekst.\n")
    error = only(errors_of(data), "data/plans/plan-a/b.md")
    assert "plan:plan-a description har allerede tekst fra data/plans/plan-a/a.md" in error.message
    assert error.line == 3


def test_a_block_the_yaml_lacks(tmp_path):
    data = Data(tmp_path)
    data.strategy("strategi-a")
    data.prose("strategies/strategi-a/forord.md", "strategy:strategi-a", "introduction.text", "Tekst.\n")
    error = only(errors_of(data), "data/strategies/strategi-a/forord.md")
    assert "har ingen introduction-blokk i data/strategies/strategi-a.yml" in error.message


@pytest.mark.parametrize("text, line, words", [
    ("Bare tekst.\n", 1, "filen mangler innledningen som sier hvilken tekst den er (front matter)"),
    ("---\nref: plan:plan-a\nfield: description\nTekst.\n", 1, "innledningen (front matter) avsluttes aldri"),
    ("---\nref: [plan:plan-a\nfield: description\n---\nTekst.\n", 3, "i innledningen: YAML-syntaksfeil"),
    ("---\nref: plan:plan-a\nfelt: description\n---\nTekst.\n", 3, "ukjent felt 'felt' (mente du field?) i innledningen"),
    ("---\nref: plan:plan-a\n---\nTekst.\n", 2, "innledningen mangler field"),
    ("---\nref: Plan A\nfield: description\n---\nTekst.\n", 2, "fant 'Plan A'; forventet en verdi som plan:gode-krefter"),
    ("---\nref: plan:plan-a\nfield: description\n---\n\n\n", 4, "teksten er tom"),
    ("---\n- ref\n---\nTekst.\n", 2, "innledningen har ikke feltene ref og field"),
    ("---\nref: plan:plan-a\nfield: description\n---\nEn\x07tekst.\n", 5, "kontrolltegnet U+0007"),
])
def test_bad_front_matter(tmp_path, text, line, words):
    data, _ = plan_data(tmp_path)
    data.texts["plans/plan-a/om.md"] = text
    found = [e for e in errors_of(data) if e.file == "data/plans/plan-a/om.md"]
    assert any(words in e.message and e.line == line for e in found), [str(e) for e in found]


def test_not_utf8(tmp_path):
    data, _ = plan_data(tmp_path)
    data.write()
    (data.root / "plans/plan-a").mkdir()
    (data.root / "plans/plan-a/om.md").write_bytes("---\nref: plan:plan-a\nfield: description\n---\nTr\xf8ndelag\n".encode("latin-1"))
    with pytest.raises(DataErrors) as info:
        load(data.root)
    error = only(info.value.errors, "data/plans/plan-a/om.md")
    assert "filen er ikke UTF-8" in error.message and error.line == 5


def test_folders_and_files_that_are_not_prose(tmp_path):
    data, _ = plan_data(tmp_path)
    data.texts["plans/plan-b/om.md"] = "---\nref: plan:plan-b\nfield: description\n---\nTekst.\n"  # no plans/plan-b.yml
    data.texts["plans/plan-a/om.txt"] = "Tekst.\n"
    data.texts["plans/plan-a/om.MD"] = "Tekst.\n"
    data.texts["plans/plan-a/under/om.md"] = "Tekst.\n"
    data.texts["reports/plan-a/om.md"] = "Tekst.\n"  # reports have no prose files
    found = {e.file: e.message for e in errors_of(data)}
    assert "ukjent mappe" in found["data/plans/plan-b/"] and "plans/plan-b.yml finnes ikke" in found["data/plans/plan-b/"]
    assert "ukjent fil; den blir ikke lest. Forventet tekstfiler som slutter på .md" in found["data/plans/plan-a/om.txt"]
    assert "tekstfiler må slutte på .md (små bokstaver), ikke .MD" in found["data/plans/plan-a/om.MD"]
    assert "skal bare ha tekstfiler (.md), ingen undermapper" in found["data/plans/plan-a/under/"]
    assert "reports/ skal bare ha filer, ingen undermapper" in found["data/reports/plan-a/"]


def test_a_link_out_of_the_data_folder_is_refused(tmp_path):
    data, _ = plan_data(tmp_path)
    outside = tmp_path / "utenfor.md"
    outside.write_text("---\nref: plan:plan-a\nfield: description\n---\nTekst.\n", encoding="utf-8")
    data.write()
    (data.root / "plans/plan-a").mkdir()
    os.symlink(outside, data.root / "plans/plan-a/om.md")
    with pytest.raises(DataErrors) as info:
        load(data.root)
    assert "symbolsk lenke som peker ut av data/" in only(info.value.errors, "data/plans/plan-a/om.md").message


def test_schema_errors_and_file_errors_come_together(tmp_path):
    """One run reports the Markdown files' problems and the data file's: all at once."""
    data, plan = plan_data(tmp_path)
    del plan["description"]
    plan["measures"][0]["period"]["start"] = "2020"
    data.prose("plans/plan-a/om.md", "plan:plan-a", "description", "Tekst.\n")
    data.texts["plans/plan-a/om.md"] = data.texts["plans/plan-a/om.md"].replace("ref:", "reff:")
    data.prose("plans/plan-a/feil.md", "measure:plan-a/tiltak-1", "tittel", "Tekst.\n")
    found = errors_of(data)
    assert {e.file for e in found} == {"data/plans/plan-a.yml", "data/plans/plan-a/om.md", "data/plans/plan-a/feil.md"}
    assert any(e.file == "data/plans/plan-a.yml" and "measures[0].period.start" in e.path for e in found)


def test_check_finds_what_the_build_would_refuse(tmp_path):
    """`planverk check` (the command `make check` runs) reports a Markdown file's error with file and line."""
    data, _ = plan_data(tmp_path)
    data.prose("plans/plan-a/x.md", "measure:plan-a/tiltak-9", "description", "Tekst.\n")
    data.write()
    run = subprocess.run([sys.executable, "-m", "planverk", "check", "--data", str(data.root)], capture_output=True, text=True,
                         cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO / "hooks")})
    assert run.returncode != 0
    assert "data/plans/plan-a/x.md:2: ref: ukjent ref 'measure:plan-a/tiltak-9'" in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
