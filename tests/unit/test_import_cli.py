"""`planverk import plan` and `planverk new` end to end, on a copy of data/.

Each command writes into the copy and must leave it valid for `planverk check`; a failing
import must leave it byte for byte as it was. The plans imported are the literal fixtures of
test_import_layouts and the source text of a plan in data/ (found through documents.yml).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_layouts import DOCX_PARAGRAPHS, GOALS_AND_SUBGOALS, PDF_LINES, PER_GOAL_NYNORSK, write_docx, write_pdf, write_txt

from planverk.__main__ import main
from planverk.importer import write as import_write
from planverk.load import load


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_of_a_text_file_writes_a_draft_that_passes_check(data_copy: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = write_txt(PER_GOAL_NYNORSK, tmp_path / "eldre.txt")
    code, out, err = run(["import", "plan", str(source), "--id", "eldre", "--title", "Tryggare eldre", "--language", "nn",
                          "--data", str(data_copy)], capsys)
    assert code == 0, err
    assert "Fant 2 grupper og 3 tiltak med 2 deltiltak." in out
    assert (
        "Tiltak 1 «Kartleggje fallrisiko i heimen» (mål 1): fylt ut nummer, tittel, ansvar, periode, status, beskrivelse; mangler ingenting"
        in out
    )
    assert "      Deltiltak «Prøve ut malen i to fylke»: fylt ut tittel, ansvar; mangler ingenting" in out
    assert "Nye organisasjoner (merket til gjennomgang): fin («FIN»), dfd («DFD»)" in out
    assert "Kjente organisasjoner: HOD = «HOD» (forkortelse)" in out
    assert "Omtalt generelt, ikke som en bestemt organisasjon: «kommunane»" in out
    assert "Linjer importen ikke forsto" in out
    assert (data_copy / "sources" / "eldre-kilde.txt").read_text(encoding="utf-8") == PER_GOAL_NYNORSK
    assert "id: eldre-kilde" in (data_copy / "documents.yml").read_text(encoding="utf-8")
    organisations = (data_copy / "organisations.yml").read_text(encoding="utf-8")
    assert organisations.count("TIL GJENNOMGANG") == 2 and "  - id: dfd\n" in organisations
    plan_text = (data_copy / "plans" / "eldre.yml").read_text(encoding="utf-8")
    assert "internal: true" in plan_text
    assert run(["check", "--data", str(data_copy)], capsys)[0] == 0
    internal = load(data_copy, "internal")
    plan = internal.plans["eldre"]
    assert plan.source.document.language == "nn", "the document entry says the plan is in nynorsk"
    assert [x.title for x in plan.measures] == ["Kartleggje fallrisiko i heimen", "Betre tryggleiksalarmar", "Felles plan ved utskriving"]
    assert [p.organisation.id for p in plan.measures[1].responsibility.parties if p.organisation] == ["fin", "dfd"]
    # the source's shape: goals as groups, numbers per goal as written, sub-measures with their own bodies
    assert [(g.label, g.number, g.goal) for g in plan.groups] == [("Mål", "1", True), ("Mål", "2", True)]
    assert [(x.number, x.group.number) for x in plan.measures] == [("1", "1"), ("2", "1"), ("1", "2")]
    assert plan.measures[2].designation == "Mål 2, tiltak 1"  # as the source names it
    parts = plan.parts_of(plan.measures[2])
    assert [(x.title, [p.organisation.id for p in x.responsibility.parties if p.organisation]) for x in parts] == [
        ("Utarbeide ein mal for utskrivingsplan", ["helsedirektoratet"]), ("Prøve ut malen i to fylke", ["ks"])]
    assert "dagens" not in plan_text
    assert plan.editorial == ()  # the text's first line is its title
    assert "eldre" not in load(data_copy, "public").plans  # a draft until someone deletes «internal: true»


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_import_of_word_and_pdf(kind: str, data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_docx(DOCX_PARAGRAPHS, tmp_path / "plan.docx") if kind == "docx" else write_pdf(PDF_LINES, tmp_path / "plan.pdf")
    code, out, err = run(["import", "plan", str(source), "--id", f"fra-{kind}", "--data", str(data_copy)], capsys)
    assert code == 0, err
    assert "og 3 tiltak" in out
    assert run(["check", "--data", str(data_copy)], capsys)[0] == 0
    plan = load(data_copy, "internal").plans[f"fra-{kind}"]
    assert len(plan.measures) == 3
    assert plan.title == ("Strategi for digital forvaltning 2025-2028" if kind == "docx"
                          else "Handlingsplan mot vold i nære relasjoner (2021-2024)")


def test_a_vocabulary_with_executing_and_participating_roles_gets_them(data_copy: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    vocabulary = data_copy / "vocabulary.yml"
    text = vocabulary.read_text(encoding="utf-8")
    added = ("  - id: utforende\n    label: Utførende\n    description: Gjennomfører tiltaket.\n"
             "  - id: deltakende\n    label: Deltakende\n    description: Deltar i tiltaket.\n")
    vocabulary.write_text(text.replace("roles:\n", "roles:\n" + added, 1), encoding="utf-8")
    source = write_txt(PER_GOAL_NYNORSK, tmp_path / "eldre.txt")
    code, out, err = run(["import", "plan", str(source), "--id", "eldre", "--data", str(data_copy)], capsys)
    assert code == 0, err
    assert "ingen rolle for" not in out
    first = load(data_copy, "internal").plans["eldre"].measures[0]
    assert [(p.organisation.id if p.organisation else p.text, p.role.id) for p in first.responsibility.parties] == [
        ("hod", "ansvarlig"), ("helsedirektoratet", "utforende"), ("ks", "deltakende"), ("kommunane", "deltakende")]


@pytest.mark.parametrize("text, groups", [
    (GOALS_AND_SUBGOALS, [("Mål", "1", None), ("Delmål", "1", "1"), ("Mål", "2", None), ("Delmål", "1", "2")]),
    ("Tiltak 1: Fallkurs\nAnsvar: HOD\n\nTiltak 2: Alarmar\n", [("Tiltak", None, None)]),
])
def test_imported_trees_and_loose_measures_pass_check(text: str, groups: list[tuple[str, str | None, str | None]],
                                                      data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["import", "plan", str(write_txt(text, tmp_path / "p.txt")), "--id", "tre", "--title", "Tre",
                          "--data", str(data_copy)], capsys)
    assert code == 0, err
    assert run(["check", "--data", str(data_copy)], capsys)[0] == 0
    plan = load(data_copy, "internal").plans["tre"]
    assert [(g.label, g.number, g.parent.number if g.parent else None) for g in plan.groups] == groups
    assert [x.title for x in plan.measures] == [line.split(": ", 1)[1] for line in text.split("\n") if line.startswith("Tiltak ")]
    assert plan.editorial == ("title",)  # the text never names itself: «Tre» is the editor's
    assert [g.editorial for g in plan.groups] == [("title", "label") if label == "Tiltak" else () for label, _, _ in groups]


def test_import_of_a_real_source_with_its_statuses_as_a_draft_report(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = load(data_copy, "internal")
    plan = next(p for p in corpus.plans.values() if any(r.source.document == p.source.document for r in p.reports))
    source = data_copy / "sources" / plan.source.document.file
    code, _out, err = run(["import", "plan", str(source), "--id", "kopi", "--title", plan.title, "--status-date", "2030-01",
                          "--data", str(data_copy)], capsys)
    assert code == 0, err
    assert run(["check", "--data", str(data_copy)], capsys)[0] == 0
    after = load(data_copy, "internal")
    copy = after.plans["kopi"]
    assert len(copy.measures) == len(plan.measures)
    report = copy.reports[-1]
    assert report.draft and report.as_of == "2030-01"
    statuses = {e.measure_id: e.status.label for r in plan.reports for e in r.entries}
    copied = {e.measure_id: e.status.label for e in report.entries}
    assert sum(copied.get(x.id) == statuses.get(x.id) for x in plan.measures) >= 0.95 * len(plan.measures)


def test_a_failing_import_leaves_the_data_as_it_was(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(data_copy)
    original = import_write.plan_yaml
    monkeypatch.setattr(import_write, "plan_yaml", lambda *a, **k: original(*a, **k).replace("owner: regjeringen", "owner: finnes-ikke"))
    code, _out, err = run(["import", "plan", str(write_txt(PER_GOAL_NYNORSK, tmp_path / "p.txt")), "--id", "eldre",
                          "--data", str(data_copy)], capsys)
    assert code == 1
    assert "ingen filer er endret" in err and "finnes-ikke" in err
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("args, message", [
    (["--id", "Ugyldig Id"], "er ikke en gyldig id"),
    (["--id", "ok", "--owner", "finnes-ikke"], "fant ingen organisasjon med id «finnes-ikke»"),
    (["--id", "ok", "--status-date", "2030-13"], "er ikke en måned"),
])
def test_bad_arguments_are_refused_in_norwegian(args: list[str], message: str, data_copy: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(data_copy)
    code, _, err = run(["import", "plan", str(write_txt(PER_GOAL_NYNORSK, tmp_path / "p.txt")), *args, "--data", str(data_copy)], capsys)
    assert code == 1 and message in err
    assert snapshot(data_copy) == before


def test_an_id_in_use_and_a_text_without_measures_are_refused(data_copy: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    existing = next(iter(load(data_copy, "internal").plans))
    before = snapshot(data_copy)
    code, _, err = run(["import", "plan", str(write_txt(PER_GOAL_NYNORSK, tmp_path / "p.txt")), "--id", existing,
                        "--data", str(data_copy)], capsys)
    assert code == 1 and "allerede i bruk" in err
    code, _, err = run(["import", "plan", str(write_txt("Bare en linje.\n", tmp_path / "tom.txt")), "--id", "tom",
                        "--data", str(data_copy)], capsys)
    assert code == 1 and "fant ingen tiltak" in err
    code, _, err = run(["import", "plan", str(tmp_path / "mangler.docx"), "--id", "x", "--data", str(data_copy)], capsys)
    assert code == 1 and "Fant ikke filen" in err
    assert snapshot(data_copy) == before


# --- planverk new ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["plan", "strategy"])
def test_new_plan_and_strategy_pass_check(kind: str, data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["new", kind, "--id", "ny", "--title", "Ny tittel", "--period", "2024-2027", "--data", str(data_copy)], capsys)
    assert code == 0, err
    folder = "plans" if kind == "plan" else "strategies"
    text = (data_copy / folder / "ny.yml").read_text(encoding="utf-8")
    assert "internal: true" in text and "#" in text.split("\n", 1)[1]  # comments say what goes where
    assert run(["check", "--data", str(data_copy)], capsys)[0] == 0
    internal = load(data_copy, "internal")
    made = internal.plans.get("ny") if kind == "plan" else internal.strategies.get("ny")
    assert made is not None and made.title == "Ny tittel" and made.period is not None and made.period.end == 2027
    # the same id again is refused and changes nothing
    before = snapshot(data_copy)
    code, _, err = run(["new", kind, "--id", "ny", "--title", "Igjen", "--data", str(data_copy)], capsys)
    assert code == 1 and "finnes allerede" in err
    assert snapshot(data_copy) == before


def test_new_report_lists_every_measure_and_passes_check(data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = next(p for p in load(data_copy, "internal").plans.values() if p.measures)
    code, _out, err = run(["new", "report", "--plan", plan.id, "--date", "2030-02", "--data", str(data_copy)], capsys)
    assert code == 0, err
    text = (data_copy / "reports" / f"{plan.id}-2030-02.yml").read_text(encoding="utf-8")
    assert all(f"  - measure: {x.id}\n" in text for x in plan.measures)
    assert run(["check", "--data", str(data_copy)], capsys)[0] == 0
    report = next(r for r in load(data_copy, "internal").plans[plan.id].reports if r.as_of == "2030-02")
    assert report.draft and [e.measure_id for e in report.entries] == [x.id for x in plan.measures]
    previous = plan.latest_report
    if previous is not None:  # the previous status carried forward, to be changed
        assert all(e.status == previous.entry(e.measure_id).status for e in report.entries if previous.entry(e.measure_id))
    assert plan.id in load(data_copy, "public").plans and all(
        r.as_of != "2030-02" for r in load(data_copy, "public").plans[plan.id].reports
    )


@pytest.mark.parametrize("args, message", [
    (["new", "plan", "--id", "x", "--title", "T", "--period", "2024"], "er ikke en periode"),
    (["new", "plan", "--id", "x", "--title", "T", "--owner", "finnes-ikke"], "fant ingen organisasjon"),
    (["new", "report", "--plan", "finnes-ikke", "--date", "2030-01"], "Fant ingen plan"),
    (["new", "report", "--plan", "x", "--date", "januar"], "er ikke en måned"),
])
def test_new_refuses_bad_arguments(args: list[str], message: str, data_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([*args, "--data", str(data_copy)], capsys)
    assert code == 1 and message in err


@pytest.mark.parametrize("command", [["import"], ["import", "plan"], ["new"], ["new", "plan"], ["new", "strategy"], ["new", "report"]])
def test_every_subcommand_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: planverk" in capsys.readouterr().out
