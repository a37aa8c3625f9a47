"""Status through a spreadsheet: `planverk report template` and `planverk report import`.

Every test works on a copy of data/ and picks its plan from the data (a plan with a
report, the first measure, …), so the tests hold for any valid data.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from corpora import Data, plan_with_groups
from planverk import model as m
from planverk.__main__ import main
from planverk.collect.columns import COLUMNS, DATA_SHEET, GUIDE_SHEET, VALUES_SHEET
from planverk.collect.template import notes_text
from planverk.load import load

HEADERS = [c.header for c in COLUMNS]


def _reported_plan(data: Path) -> m.Plan:
    corpus = load(data, "internal")
    plans = [p for p in corpus.plans.values() if p.latest_report and p.measures]
    assert plans, "the data needs a plan with a status report"
    return plans[0]


def _template(data: Path, plan: m.Plan, tmp: Path) -> Path:
    out = tmp / "status.xlsx"
    assert main(["report", "template", plan.id, "--out", str(out), "--data", str(data)]) == 0
    return out


def _fill(book_path: Path, values: dict[str, dict[str, str | None]]) -> None:
    """Set cells by measure id and column header, as an editor would in Excel."""
    book = load_workbook(book_path)
    sheet = book[DATA_SHEET]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for column, value in values.get(str(row[0].value), {}).items():
            row[header.index(column)].value = value
    book.save(book_path)


def _fill_with_latest(book_path: Path, plan: m.Plan) -> None:
    report = plan.latest_report
    assert report is not None
    _fill(book_path, {e.measure_id: {"Ny status": e.status.label, "Ny statustekst": e.narrative,
                                     "Fotnoter": notes_text(e.references) or None} for e in report.entries})


def _import(data: Path, book: Path, date: str = "2099-02", *extra: str) -> int:
    return main(["report", "import", str(book), "--date", date, "--data", str(data), *extra])


# --- the template ---------------------------------------------------------------------------


def test_template_has_a_row_per_measure_in_plan_order_with_the_previous_status(data_copy: Path, tmp_path: Path) -> None:
    plan = _reported_plan(data_copy)
    book = load_workbook(_template(data_copy, plan, tmp_path))
    assert book.sheetnames[:2] == [GUIDE_SHEET, DATA_SHEET]
    assert book.active.title == DATA_SHEET
    sheet = book[DATA_SHEET]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet.freeze_panes == "D2"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [x.id for x in plan.measures]
    assert [r[2] for r in rows] == [x.title for x in plan.measures]  # Norwegian characters read back as written
    latest = plan.latest_report
    assert latest is not None
    for row, measure in zip(rows, plan.measures, strict=True):
        entry = latest.entry(measure.id)
        assert row[HEADERS.index("Forrige status")] == (entry.status.label if entry else None)
        assert row[HEADERS.index("Ny status")] is None
    assert all(sheet.column_dimensions[letter].width >= 6 for letter in "ABCDEFGHI")


def test_template_offers_only_the_status_scale_in_a_drop_down(data_copy: Path, tmp_path: Path) -> None:
    plan = _reported_plan(data_copy)
    corpus = load(data_copy, "internal")
    book = load_workbook(_template(data_copy, plan, tmp_path))
    values = [r[0] for r in book[VALUES_SHEET].iter_rows(values_only=True)]
    assert values == [s.label for s in corpus.vocabulary.statuses]
    assert book[VALUES_SHEET].sheet_state == "hidden"
    (validation,) = book[DATA_SHEET].data_validations.dataValidation
    assert validation.type == "list" and validation.showErrorMessage
    assert validation.formula1 == f"={VALUES_SHEET}!$A$1:$A${len(values)}"
    column = chr(ord("A") + HEADERS.index("Ny status"))
    assert str(validation.sqref) == f"{column}2:{column}{len(plan.measures) + 1}"


def test_template_guide_sheet_explains_in_norwegian(data_copy: Path, tmp_path: Path) -> None:
    plan = _reported_plan(data_copy)
    guide = "\n".join(str(r[0] or "") for r in load_workbook(_template(data_copy, plan, tmp_path))[GUIDE_SHEET].iter_rows(values_only=True))
    assert plan.title in guide and "Ny status" in guide and "planverk report import" in guide


def test_template_is_the_same_file_every_time(data_copy: Path, tmp_path: Path) -> None:
    plan = _reported_plan(data_copy)
    first = _template(data_copy, plan, tmp_path).read_bytes()
    assert _template(data_copy, plan, tmp_path).read_bytes() == first


# --- the round trip -------------------------------------------------------------------------


def test_round_trip_a_template_filled_with_the_current_statuses_gives_the_same_report(data_copy: Path, tmp_path: Path,
                                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    book = _template(data_copy, plan, tmp_path)
    _fill_with_latest(book, plan)
    assert _import(data_copy, book) == 0
    out = capsys.readouterr().out
    assert "ingen endringer" in out
    reloaded = load(data_copy, "internal").plans[plan.id]
    before, after = reloaded.reports[-2], reloaded.reports[-1]
    assert after.as_of == "2099-02" and before.id == plan.latest_report.id  # type: ignore[union-attr]

    def facts(entry: m.StatusEntry) -> tuple[object, ...]:
        return entry.measure_id, entry.status, (entry.narrative or "").strip(), entry.references

    assert [facts(e) for e in after.entries] == [facts(e) for e in before.entries]
    load(data_copy, "public")  # and the public build's data stays valid


def test_import_prints_what_changed(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    corpus = load(data_copy, "internal")
    scale = corpus.vocabulary.statuses
    latest = plan.latest_report
    assert latest is not None
    entry = latest.entries[0]
    measure = next(x for x in plan.measures if x.id == entry.measure_id)
    other = scale[-1] if entry.status != scale[-1] else scale[0]
    book = _template(data_copy, plan, tmp_path)
    _fill(book, {measure.id: {"Ny status": other.label, "Ny statustekst": "Ny tekst med æøå."}})
    assert _import(data_copy, book) == 0
    out = capsys.readouterr().out
    direction = "status fram" if other.rank > entry.status.rank else "status tilbake"
    assert f"Tiltak {measure.number}: {direction} ({entry.status.label} → {other.label})" in out
    assert f"Tiltak {measure.number}: statustekst endret" in out
    assert "Uten ny status:" in out and f"tiltak {measure.number}," not in out.split("Uten ny status:")[1]
    report_file = data_copy / "reports" / f"{plan.id}-2099-02.yml"
    assert "Ny tekst med æøå." in report_file.read_text(encoding="utf-8")


def _csv(path: Path, rows: list[list[str]]) -> Path:
    """A CSV file as Excel writes it in Norway: semicolons and a byte order mark."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def _two_plans(tmp_path: Path) -> Data:
    """plan-a with tiltak-1..5 and plan-b with tiltak-1..2: only tiltak-3..5 tell which plan a sheet is for."""
    data = Data(tmp_path)
    plan_with_groups(data, "plan-a", sizes=(2, 3))
    plan_with_groups(data, "plan-b", sizes=(2,))
    return data


def test_csv_with_semicolons_and_a_byte_order_mark_works_and_finds_its_plan(tmp_path: Path) -> None:
    root = _two_plans(tmp_path).write()
    measure = next(x for x in load(root, "internal").plans["plan-a"].measures if x.id == "tiltak-4")
    status = load(root, "internal").vocabulary.statuses[0].label
    path = _csv(tmp_path / "status.csv", [[measure.id, measure.number, measure.title, "", "", "", status,
                                           "Tekst; med semikolon og «æøå»", ""]])
    assert _import(root, path) == 0
    report = load(root, "internal").get("report:plan-a/plan-a-2099-02")
    assert isinstance(report, m.StatusReport)
    assert [(e.measure_id, e.narrative) for e in report.entries] == [(measure.id, "Tekst; med semikolon og «æøå»")]


def test_a_sheet_whose_measures_fit_two_plans_asks_for_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _two_plans(tmp_path).write()
    status = load(root, "internal").vocabulary.statuses[0].label
    path = _csv(tmp_path / "status.csv", [["tiltak-1", "1", "Tiltak nummer 1", "", "", "", status, "Tekst", ""]])
    assert _import(root, path) == 1
    assert "finner ikke ut hvilken plan arket gjelder; oppgi den med --plan (planene er: plan-a, plan-b)" in capsys.readouterr().err
    assert _import(root, path, "2099-02", "--plan", "plan-b") == 0
    assert load(root, "internal").get("report:plan-b/plan-b-2099-02") is not None


# --- bad input: every problem with sheet, row, column, found and expected -------------------------


def _errors(data: Path, book: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    before = sorted(p.relative_to(data).as_posix() for p in data.rglob("*"))
    documents = (data / "documents.yml").read_text(encoding="utf-8")
    assert _import(data, book, "2099-02", *extra) == 1
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*")) == before, "a failed import must write nothing"
    assert (data / "documents.yml").read_text(encoding="utf-8") == documents
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return captured.err


def test_every_bad_row_is_reported_at_once(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    assert len(plan.measures) >= 3, "the data needs a plan with three measures"
    a, b, c = plan.measures[:3]
    book = _template(data_copy, plan, tmp_path)
    _fill(book, {
        a.id: {"Ny status": "Nesten ferdig"},
        b.id: {"Tiltak": b.title + " (nytt navn)", "Ny status": None, "Ny statustekst": "Tekst uten status"},
        c.id: {"ID": "finnes-ikke"},
    })
    err = _errors(data_copy, book, capsys)
    rows = {x.id: i for i, x in enumerate(plan.measures, start=2)}
    assert (
        f"ark «Status», rad {rows[a.id]}, kolonne «Ny status» (G): «Nesten ferdig» er ikke en status i planens skala; forventet en av:"
        in err
    )
    assert f"rad {rows[b.id]}, kolonne «Tiltak» (C): raden heter «{b.title} (nytt navn)», men tiltaket heter nå «{b.title}»" in err
    assert f"rad {rows[b.id]}, kolonne «Ny status» (G): statustekst uten status" in err
    assert f"rad {rows[c.id]}, kolonne «ID» (A): «finnes-ikke» er ikke et tiltak i planen «{plan.id}»" in err
    assert err.startswith("4 feil i arket:")


def test_footnotes_must_match_their_markers(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    first, second = plan.measures[:2]
    status = load(data_copy, "internal").vocabulary.statuses[0].label
    book = _template(data_copy, plan, tmp_path)
    _fill(book, {first.id: {"Ny status": status, "Ny statustekst": "Se note.[^1]", "Fotnoter": "en note uten nummer"},
                 second.id: {"Ny status": status, "Ny statustekst": "Ingen merker.", "Fotnoter": "2: Note | javascript:alert(1)"}})
    err = _errors(data_copy, book, capsys)
    assert "kolonne «Fotnoter» (I): «en note uten nummer» er ikke en fotnote" in err
    assert "kolonne «Ny statustekst» (H): fotnotemerket [^1] har ingen fotnote" in err
    assert "adressen «javascript:alert(1)» er ikke tillatt" in err


def test_a_duplicate_row_is_an_error(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    book_path = _template(data_copy, plan, tmp_path)
    book = load_workbook(book_path)
    sheet = book[DATA_SHEET]
    sheet.append([c.value for c in sheet[2]])
    book.save(book_path)
    err = _errors(data_copy, book_path, capsys)
    assert f"rad {len(plan.measures) + 2}, kolonne «ID» (A): tiltaket «{plan.measures[0].id}» står også på rad 2" in err


def test_a_missing_column_is_named(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    book_path = _template(data_copy, plan, tmp_path)
    book = load_workbook(book_path)
    book[DATA_SHEET].cell(row=1, column=HEADERS.index("Ny status") + 1, value="Status nå")
    book.save(book_path)
    assert "rad 1: mangler kolonnen «Ny status»" in _errors(data_copy, book_path, capsys)


def test_an_empty_sheet_a_wrong_file_type_and_a_bad_date_are_refused(data_copy: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    book = _template(data_copy, plan, tmp_path)
    assert "ingen rader har «Ny status»" in _errors(data_copy, book, capsys)
    text = tmp_path / "status.txt"
    text.write_text("x", encoding="utf-8")
    assert "filtypen «.txt» kan ikke leses; forventet .xlsx eller .csv" in _errors(data_copy, text, capsys)
    not_excel = tmp_path / "status2.xlsx"
    not_excel.write_text("x", encoding="utf-8")
    assert "kan ikke leses som et Excel-ark" in _errors(data_copy, not_excel, capsys)
    assert main(["report", "import", str(book), "--date", "2012-13", "--data", str(data_copy)]) == 1
    assert "«2012-13» er ikke en måned; forventet ÅÅÅÅ-MM" in capsys.readouterr().err


def test_a_second_report_for_the_same_month_is_refused(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = _reported_plan(data_copy)
    book = _template(data_copy, plan, tmp_path)
    _fill_with_latest(book, plan)
    assert _import(data_copy, book) == 0
    capsys.readouterr()
    assert "finnes allerede; en plan har én rapport per dato" in _errors(data_copy, book, capsys)


def test_the_installed_command_runs_without_traceback(data_copy: Path, tmp_path: Path) -> None:
    command = Path(sys.executable).parent / "planverk"
    result = subprocess.run([str(command), "report", "template", "finnes-ikke", "--out", str(tmp_path / "x.xlsx"),
                             "--data", str(data_copy)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Fant ingen plan med id «finnes-ikke»" in result.stderr and "Traceback" not in result.stderr
    helptext = subprocess.run([str(command), "report", "import", "--help"], capture_output=True, text=True)
    assert helptext.returncode == 0 and "utfylt" in helptext.stdout


def test_data_errors_after_writing_take_everything_back(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The sheet is fine, but the report would break the data (an unsafe link): nothing is kept."""
    plan = _reported_plan(data_copy)
    status = load(data_copy, "internal").vocabulary.statuses[0].label
    book = _template(data_copy, plan, tmp_path)
    _fill(book, {plan.measures[0].id: {"Ny status": status, "Ny statustekst": "Se [her](javascript:alert(1))."}})
    err = _errors(data_copy, book, capsys)
    assert err.startswith("Rapporten ble ikke lagret, fordi dataene da ville fått feil:")
    assert f"reports/{plan.id}-2099-02.yml" in err
