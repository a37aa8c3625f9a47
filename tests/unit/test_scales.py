"""Status scales from data: a plan on its own scale, plans on different scales in one status
table, percentages, summaries and reports that cover only some measures, and the errors an
editor gets. Every corpus is a literal (tests/corpora.py); nothing here reads data/."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from corpora import SIX_STEPS, Data, measure, plan_with_custom_scale, second_report
from planverk import exports, progress, urls
from planverk.errors import DataErrors
from planverk.index import Index
from planverk.pages.base import Ctx
from planverk.pages.plans import group_page, measure_page, plan_page
from planverk.pages.status import status_data_files, status_overview, status_plan_page


def _two_plans(tmp: Path) -> Data:
    """plan-a on the four-value scale (named: there are two scales now) and plan-b on six values."""
    data = Data(tmp)
    data.plan("plan-a", title="Planen med fire trinn", scale="fire-trinn",
              measures=[measure(1, period=(2022, 2026)), measure(2, period=(2022, 2026))])
    data.report("plan-a-2023-06", plan="plan-a", as_of="2023-06", statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Gjennomført"})
    plan_with_custom_scale(data)
    return data


def _errors(data: Data) -> list[str]:
    with pytest.raises(DataErrors) as info:
        data.load()
    return [str(e) for e in info.value.errors]


def _badges(html: str) -> list[tuple[str, str]]:
    """(CSS class, label) of every status badge, in order."""
    return re.findall(r'<span class="pv-status pv-status--([a-z-]+)"[^>]*>(?:<span class="pv-status__icon"[^>]*></span>)?([^<]+)</span>',
                      html)


# --- the model ------------------------------------------------------------------------------


def test_a_plan_and_its_report_are_on_the_scale_the_plan_names(tmp_path):
    corpus = _two_plans(tmp_path).load()
    a, b = corpus.plans["plan-a"], corpus.plans["plan-b"]
    assert a.scale is not None and b.scale is not None
    assert (a.scale.id, b.scale.id) == ("fire-trinn", "seks-trinn")
    report = b.latest_report
    assert report is not None and report.scale == b.scale
    assert [s.label for s in b.scale.statuses] == [s["label"] for s in SIX_STEPS["statuses"]]
    by_label = {e.measure_id: e.status for e in report.entries}
    assert by_label["tiltak-1"].scale == "seks-trinn" and by_label["tiltak-1"].progress == "pagar"
    # the same label on two scales is two statuses: each measure's is its own plan's
    assert a.latest_report.entry("tiltak-2").status.scale == "fire-trinn"
    assert by_label["tiltak-5"].label == a.latest_report.entry("tiltak-2").status.label == "Gjennomført"
    assert by_label["tiltak-5"].key != a.latest_report.entry("tiltak-2").status.key  # the filter tells them apart
    # the first scale's statuses keep their bare ids (today's links), the others are qualified
    assert a.latest_report.entry("tiltak-1").status.key == "igangsatt"
    assert by_label["tiltak-1"].key == "seks-trinn.i-rute"


def test_the_only_scale_is_the_default_and_a_report_may_name_its_own(tmp_path):
    data = Data(tmp_path)
    data.plan("plan-a", measures=[measure(1)])
    corpus = data.load()
    assert corpus.plans["plan-a"].scale is not None and corpus.plans["plan-a"].scale.id == "fire-trinn"
    data.vocabulary["scales"].append(json.loads(json.dumps(SIX_STEPS)))
    data.plan("plan-a", scale="fire-trinn", measures=[measure(1)])
    data.report("plan-a-2021-06", plan="plan-a", as_of="2021-06", statuses={"tiltak-1": "I rute"}, scale="seks-trinn")
    report = data.load().plans["plan-a"].reports[0]
    assert report.scale is not None and report.scale.id == "seks-trinn"
    assert report.entries[0].status.label == "I rute"


def test_percent_and_summaries_are_loaded_as_data(tmp_path):
    data = Data(tmp_path)
    plan_with_custom_scale(data)
    report = data.load().plans["plan-b"].latest_report
    assert report is not None
    assert {e.measure_id: e.percent for e in report.entries} == {"tiltak-1": 40, "tiltak-2": None, "tiltak-3": 12.5,
                                                                  "tiltak-4": None, "tiltak-5": None}
    assert [(s.group, s.text, s.percent) for s in report.summaries] == [
        (None, "60 % av tiltaka er gjennomførte eller i rute", 60),
        ("pakke-1", "Eitt av tre tiltak i pakke 1 er i rute", 33.3)]
    assert [s.text for s in report.summaries_for("pakke-1")] == ["Eitt av tre tiltak i pakke 1 er i rute"]


def test_progress_classes_drive_the_overdue_rule_on_any_scale(tmp_path):
    data = Data(tmp_path)
    plan_with_custom_scale(data)
    corpus = data.load()
    index = Index(corpus)
    x = {m.id: m for m in corpus.plans["plan-b"].measures}
    assert index.is_overdue(x["tiltak-3"]) and index.progress(x["tiltak-3"]) == "forsinket"  # «Påbegynt», period over
    assert not index.is_overdue(x["tiltak-4"]) and index.progress(x["tiltak-4"]) == "stoppet"  # «Avsluttet»: stopped
    assert index.progress(x["tiltak-2"]) == "forsinket"  # «Forsinket» is delayed by its own class
    assert index.progress(x["tiltak-5"]) == "gjennomfort"
    assert index.entry(x["tiltak-6"]) is None and index.progress(x["tiltak-6"]) == "ukjent"


def test_forward_and_back_by_the_scale_then_by_class():
    six = [progress.m.Status(s["id"], s["label"], "", False, i, s["progress"], "seks-trinn")
           for i, s in enumerate(SIX_STEPS["statuses"])]
    four = progress.m.Status("igangsatt", "Igangsatt", "", False, 2, "pagar", "fire-trinn")
    assert progress.step(six[1], six[2]) > 0 and progress.step(six[2], six[1]) < 0  # Påbegynt -> I rute: forward
    assert progress.step(four, six[4]) > 0 and progress.step(six[0], four) > 0  # across scales: by class
    assert progress.step(four, six[1]) == 0  # the same class on two scales: no move
    assert sorted(six, key=progress.sort_key)[-1].label == "Avsluttet"


# --- pages ----------------------------------------------------------------------------------


def test_a_plan_on_six_values_shows_them_with_their_classes_colours_and_shapes(tmp_path):
    data = Data(tmp_path)
    plan_with_custom_scale(data)
    corpus = data.load()
    plan = corpus.plans["plan-b"]
    ctx = Ctx.create(corpus)
    page = status_plan_page(ctx.at(urls.status_plan_page(plan.id)), plan).full_body
    table = page[page.index('<table class="pv-table pv-table--status"'):]
    assert _badges(table) == [("pagar-alt", "I rute"), ("forsinket", "Forsinket"), ("pagar", "Påbegynt"),
                              ("stoppet", "Avsluttet"), ("gjennomfort", "Gjennomført"), ("ingen", "Ikke rapportert")]
    # the counts per group are by the plan's own statuses, and link to them in the plan's table
    summary = page[page.index('<table class="pv-summary">'):page.index("</table>", page.index('<table class="pv-summary">'))]
    head = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', summary)
    assert head[1:8] == ["Ikke startet", "Påbegynt", "I rute", "Forsinket", "Gjennomført", "Avsluttet", "Uten status"]
    assert "status=seks-trinn.i-rute" in summary and "status=ingen-rapport" in summary
    assert "pv-bar__part--stoppet" in summary and "pv-bar__part--pagar-alt" in summary


def test_percent_shows_on_the_status_table_and_the_measure_page(tmp_path):
    data = Data(tmp_path)
    plan_with_custom_scale(data)
    corpus = data.load()
    plan = corpus.plans["plan-b"]
    ctx = Ctx.create(corpus)
    table = status_plan_page(ctx.at(urls.status_plan_page(plan.id)), plan).full_body
    rows = re.findall(r"<tr data-plan=.*?</tr>", table, re.S)
    assert '<span class="pv-percent">40 %</span>' in rows[0]
    assert '<span class="pv-percent">12,5 %</span>' in rows[2]
    assert "pv-percent" not in rows[1]
    x = plan.measures[0]
    page = measure_page(ctx.at(urls.page_of(x.ref)), plan, x, None, plan.measures[1]).full_body
    assert '<span class="pv-percent">40 %</span>' in page


def test_summaries_and_coverage_show_on_the_plan_status_and_group_pages(tmp_path):
    data = Data(tmp_path)
    plan_with_custom_scale(data)
    corpus = data.load()
    plan = corpus.plans["plan-b"]
    ctx = Ctx.create(corpus)
    whole, group = "60 % av tiltaka er gjennomførte eller i rute", "Eitt av tre tiltak i pakke 1 er i rute"
    for page in (plan_page(ctx.at(urls.page_of(plan.ref)), plan).full_body,
                 status_plan_page(ctx.at(urls.status_plan_page(plan.id)), plan).full_body):
        assert whole in page and group in page
        assert page.index(whole) < page.index(group)  # the plan's own first
        assert "omtaler 5 av 6 tiltak. 1 står som «ikke rapportert»." in page
    one, two = plan.groups
    first = group_page(ctx.at(urls.page_of(one.ref)), plan, one).full_body
    assert group in first and whole not in first
    assert "omtaler" not in first  # every measure of pakke-1 is reported
    second = group_page(ctx.at(urls.page_of(two.ref)), plan, two).full_body
    assert group not in second and "omtaler 2 av 3 tiltak i gruppen. 1 står som «ikke rapportert»." in second


def test_a_report_that_covers_every_measure_says_nothing_of_coverage(tmp_path):
    data = Data(tmp_path)
    data.plan("plan-a", measures=[measure(1), measure(2)])
    data.report("plan-a-2021-06", plan="plan-a", as_of="2021-06", statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Igangsatt"})
    corpus = data.load()
    plan = corpus.plans["plan-a"]
    assert "omtaler" not in status_plan_page(Ctx.create(corpus).at(urls.status_plan_page(plan.id)), plan).full_body


def test_coverage_tells_a_status_from_an_older_report_from_none(tmp_path):
    corpus = second_report(tmp_path).load()
    plan = next(p for p in corpus.plans.values() if len(p.reports) > 1)
    latest = plan.latest_report
    index = Index(corpus)
    older = [x for x in plan.measures if latest.entry(x.id) is None and index.entry(x) is not None]
    none = [x for x in plan.measures if index.entry(x) is None]
    assert older and not none  # the shape: a measure left out of the newer report keeps its older status
    page = status_plan_page(Ctx.create(corpus).at(urls.status_plan_page(plan.id)), plan).full_body
    covered = len(plan.measures) - len(older)
    assert f"omtaler {covered} av {len(plan.measures)} tiltak. {len(older)} vises med status fra en eldre rapport.</p>" in page
    assert "Ikke rapportert" not in page and "ikke rapportert" not in page


def test_two_plans_on_two_scales_share_one_status_table_by_progress_class(tmp_path):
    corpus = _two_plans(tmp_path).load()
    ctx = Ctx.create(corpus).at(urls.STATUS)
    body = status_overview(ctx).full_body
    summary = body[body.index('<table class="pv-summary">'):body.index("</table>", body.index('<table class="pv-summary">'))]
    head = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', summary)
    assert head[1:8] == [*progress.CLASSES.values(), "Totalt"]
    rows = {r[0]: r[1:] for r in (re.findall(r"<t[hd][^>]*>(?:<a[^>]*>)?([^<]*)", row)
                                  for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", summary, re.S))}
    index = Index(corpus)
    for plan in corpus.plans.values():
        counts = [sum(1 for x in plan.measures if index.progress(x) == k) for k in progress.CLASSES]
        assert [int(n) for n in rows[plan.title][:6]] == counts
    assert "framdrift=stoppet" in summary and "status=" not in summary
    config = json.loads(re.search(r"data-config='([^']+)'", body).group(1))
    options = dict(config["statusOptions"])
    assert options["seks-trinn.i-rute"] == "I rute (Seks trinn)"
    assert options["igangsatt"] == "Igangsatt (Fire trinn)"
    assert options["gjennomfort"] != options["seks-trinn.gjennomfort"]
    # every data script row points at its own status in the config's list
    statuses = config["statuses"]
    files = dict(status_data_files(corpus, directory_urls=True))
    for plan in corpus.plans.values():
        script = files[urls.status_data_file(plan.id)]
        rows_ = json.loads(script[script.index("push(") + 5:script.rindex(")")])["rows"]
        for x, row in zip(plan.measures, rows_, strict=True):
            found = index.entry(x)
            assert (statuses[row[8]][0] if row[8] >= 0 else None) == (found[1].status.key if found else None)
            assert (statuses[row[8]][3] if row[8] >= 0 else None) == (found[1].status.look if found else None)
            assert (row[13] if len(row) > 13 else None) == (found[1].percent if found else None)


def test_without_javascript_each_plans_page_shows_its_own_scale(tmp_path):
    corpus = _two_plans(tmp_path).load()
    ctx = Ctx.create(corpus)
    a = status_plan_page(ctx.at(urls.status_plan_page("plan-a")), corpus.plans["plan-a"]).full_body
    assert [label for _, label in _badges(a[a.index('<table class="pv-table pv-table--status"'):])] == ["Igangsatt", "Gjennomført"]
    assert "Påbegynt" not in a  # the other plan's scale is not offered here
    assert re.findall(r'data-status="([^"]+)"', a) == ["igangsatt", "gjennomfort"]


# --- exports --------------------------------------------------------------------------------


def test_exports_carry_scale_class_percent_and_summaries(tmp_path):
    corpus = _two_plans(tmp_path).load()
    index = Index(corpus)
    rows = list(csv.DictReader(io.StringIO(exports.measures_csv(corpus, index))))
    by_id = {(r["plan_id"], r["tiltak_id"]): r for r in rows}
    assert by_id["plan-b", "tiltak-1"]["statusskala"] == "seks-trinn"
    assert by_id["plan-b", "tiltak-1"]["prosent"] == "40"
    assert by_id["plan-b", "tiltak-3"]["prosent"] == "12.5"
    assert by_id["plan-b", "tiltak-4"]["framdrift"] == "stoppet"
    assert by_id["plan-b", "tiltak-6"]["status"] == "" and by_id["plan-b", "tiltak-6"]["framdrift"] == "ukjent"
    assert by_id["plan-a", "tiltak-1"]["statusskala"] == "fire-trinn"
    data = json.loads(exports.measures_json(corpus))
    assert [s["tekst"] for s in data["oppsummeringer"]] == ["60 % av tiltaka er gjennomførte eller i rute",
                                                           "Eitt av tre tiltak i pakke 1 er i rute"]
    assert data["oppsummeringer"][1]["gruppe"] == "pakke-1" and data["oppsummeringer"][0]["gruppe"] is None
    first = next(t for t in data["tiltak"] if t["plan"] == "plan-b" and t["id"] == "tiltak-1")
    assert first["status"][0]["prosent"] == 40 and first["status"][0]["skala"] == "seks-trinn"


# --- errors ---------------------------------------------------------------------------------


def test_an_unknown_status_names_the_plans_scale_and_its_values(tmp_path):
    data = Data(tmp_path)
    _, report = plan_with_custom_scale(data)
    data.plan("plan-a", scale="fire-trinn", measures=[measure(1)])
    report["entries"][1]["status"] = "Igangsatt"  # a status of the other scale
    errors = _errors(data)
    text = (data.root / "reports" / "plan-b-2023-06.yml").read_text(encoding="utf-8")
    line = text[:text.index('"status": "Igangsatt"')].count("\n") + 1
    assert errors == [f"data/reports/plan-b-2023-06.yml:{line}: entries[1].status: 'Igangsatt' er ikke en status i skalaen "
                      "'seks-trinn'; forventet en av: Ikke startet, Påbegynt, I rute, Forsinket, Gjennomført, Avsluttet"]


def test_an_unknown_or_missing_scale_is_an_error_with_the_scales_expected(tmp_path):
    data = Data(tmp_path)
    plan_with_custom_scale(data)
    data.plan("plan-a", measures=[measure(1)])  # two scales, and this plan names none
    data.plan("plan-c", scale="tre-trinn", measures=[measure(1)])
    errors = _errors(data)
    assert any(e.startswith("data/plans/plan-a.yml") and "scale: fant ingen statusskala" in e
               and "fire-trinn, seks-trinn" in e for e in errors), errors
    assert any(e.startswith("data/plans/plan-c.yml") and "scale: fant statusskalaen 'tre-trinn'" in e
               and "forventet en av: fire-trinn, seks-trinn" in e for e in errors), errors


def test_an_unknown_summary_group_is_an_error(tmp_path):
    data = Data(tmp_path)
    _, report = plan_with_custom_scale(data)
    report["summaries"][1]["group"] = "pakke-9"
    errors = _errors(data)
    assert len(errors) == 1 and "summaries[1].group: ukjent gruppe 'pakke-9' i planen; forventet en av: pakke-1, pakke-2" in errors[0]


def test_an_unknown_status_is_reported_in_the_same_run_as_a_schema_error_in_its_plan(tmp_path):
    """All errors at once: the plan file has a schema error (so it is not built), and its report
    has a status no scale knows; `check` names both."""
    data = Data(tmp_path)
    plan, report = plan_with_custom_scale(data)
    plan["measures"][0]["period"]["start"] = "2022"  # text where the schema wants a whole number
    report["entries"][0]["status"] = "I rutе"  # a Cyrillic е: looks right, is not on the scale
    errors = _errors(data)
    assert any(e.startswith("data/plans/plan-b.yml") and "measures[0].period.start" in e for e in errors), errors
    assert any(e.startswith("data/reports/plan-b-2023-06.yml") and "entries[0].status: 'I rutе'" in e for e in errors), errors


def test_a_status_label_twice_on_a_scale_is_an_error(tmp_path):
    data = Data(tmp_path)
    data.vocabulary["scales"][0]["statuses"][1]["label"] = "Ikke igangsatt"
    data.plan("plan-a", measures=[measure(1)])
    errors = _errors(data)
    assert len(errors) == 1 and "scales[0].statuses[1].label: statusen 'Ikke igangsatt' står allerede i skalaen" in errors[0]


def test_a_measure_no_report_covers_says_which_report_leaves_it_out(tmp_path):
    data = Data(tmp_path)
    data.plan("plan-a", measures=[measure(1), measure(2)])
    data.plan("plan-b", measures=[measure(1)])
    data.report("plan-a-2021-06", plan="plan-a", as_of="2021-06", title="Rapport juni", statuses={"tiltak-1": "Igangsatt"})
    corpus = data.load()
    ctx = Ctx.create(corpus)

    def status_line(plan_id: str, index: int) -> str:
        plan = corpus.plans[plan_id]
        x = plan.measures[index]
        page = measure_page(ctx.at(urls.page_of(x.ref)), plan, x, None, None).full_body
        return re.search(r"<li><strong>Status:</strong>(.*?)</li>", page, re.S).group(1)

    assert "Igangsatt" in status_line("plan-a", 0)
    left_out = status_line("plan-a", 1)
    assert "ikke rapportert; tiltaket er ikke med i statusrapporten per" in left_out and "(Rapport juni)" in left_out
    assert "ingen statusrapport" not in left_out
    assert status_line("plan-b", 0).strip() == "ingen statusrapport for dette tiltaket"
