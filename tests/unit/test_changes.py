"""Status history: what changed between two reports, on a literal plan whose second report
makes one change of each kind; and the real site, whatever its reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpora import Data, second_report
from planverk.changes import compare, previous_entry


@pytest.fixture
def two_reports(tmp_path: Path) -> Data:
    return second_report(tmp_path)


def test_each_kind_of_change_is_detected(two_reports):
    corpus = two_reports.load()
    plan = corpus.plans["plan-a"]
    assert [r.as_of for r in plan.reports] == ["2011-08", "2012-02"]
    found = {(c.kind, c.measure.number, c.before, c.after) for c in compare(plan, *plan.reports)}
    assert found == {
        ("status-fram", "1", "Igangsatt", "Gjennomført"),
        ("status-tilbake", "2", "Gjennomført", "Igangsatt"),
        ("ansvar-endret", "3", "DEP (ansvarlig)", "DEP (ansvarlig), Forskningsinstituttet (samarbeidspart)"),
        ("tekst-endret", "4", None, None),
        ("fjernet", "5", "Igangsatt", None),
        ("lagt-til", "6", None, "Ikke igangsatt"),
    }


def test_no_changes_between_equal_reports(two_reports):
    plan = two_reports.load().plans["plan-a"]
    for report in plan.reports:
        assert compare(plan, report, report) == []


def test_previous_entry(two_reports):
    corpus = two_reports.load()
    plan = corpus.plans["plan-a"]
    report, entry = previous_entry(plan, corpus.get("measure:plan-a/tiltak-1"))
    assert report.as_of == "2011-08" and entry.status.label == "Igangsatt"
    assert previous_entry(plan, corpus.get("measure:plan-a/tiltak-6")) is None  # only in the second report
    del two_reports.files["reports/plan-a-2012-02.yml"]
    one = two_reports.load().plans["plan-a"]
    assert previous_entry(one, one.measures[0]) is None


def test_real_site_says_when_there_is_no_earlier_report(sites, public_corpus):
    single = [p for p in public_corpus.plans.values() if len(p.reports) == 1]
    for plan in single:
        page = sites["public"].html(f"handlingsplaner/{plan.id}/endringer/index.html")
        assert "Det finnes ingen tidligere rapport å sammenligne med" in page
        assert "Forrige status" not in sites["public"].html(f"status/{plan.id}/index.html")


def test_site_with_two_reports_shows_history_and_changes(two_reports, tmp_path):
    build = two_reports.build(tmp_path / "site")
    assert build.returncode == 0, build.output
    changes = build.html("handlingsplaner/plan-a/endringer/index.html")
    for kind in ('data-change="status-fram"', 'data-change="status-tilbake"', 'data-change="ansvar-endret"',
                 'data-change="tekst-endret"', 'data-change="fjernet"', 'data-change="lagt-til"'):
        assert kind in changes
    status = build.html("status/plan-a/index.html")
    assert "Forrige status" in status and '<span class="pv-change">fram</span>' in status
    measure = build.html("handlingsplaner/plan-a/tiltak-1/index.html")
    assert "Statushistorikk" in measure and "februar 2012" in measure and "august 2011" in measure
