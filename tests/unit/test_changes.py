"""Status history: what changed between two reports. The real data has one report (August
2011); a second one exists only here, built from the first with one change of each kind."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from support import build_site
from planverk.changes import compare, previous_entry
from planverk.load import load

NEW_MEASURE = """
  - id: tiltak-36
    number: 36
    package: tiltakspakke-3
    title: Et tiltak som bare finnes i testdataene
    responsibility:
      parties:
        - {org: jd, role: ansvarlig}
    period: {start: 2012, end: 2012, text: "2012"}
    description: |
      Testtiltak.
    source: {page: 32}
"""


def second_report(data: Path) -> Path:
    """data/reports/gode-krefter-2012-02.yml: one change of every kind against 2011-08."""
    first = yaml.safe_load((data / "reports/gode-krefter-2011-08.yml").read_text(encoding="utf-8"))
    entries = {e["measure"]: e for e in first["entries"]}
    entries["tiltak-1"] = {**entries["tiltak-1"], "status": "Gjennomført"}          # forward
    entries["tiltak-2"] = {**entries["tiltak-2"], "status": "Igangsatt"}            # back
    entries["tiltak-3"] = {**entries["tiltak-3"], "responsibility": {"parties": [{"org": "bld", "role": "ansvarlig"},
                                                                                 {"org": "ssb", "role": "samarbeidspart"}]}}
    entries["tiltak-4"] = {**entries["tiltak-4"], "narrative": "Rapporten er levert."}  # narrative changed
    del entries["tiltak-35"]                                                          # removed
    entries["tiltak-36"] = {"measure": "tiltak-36", "status": "Ikke igangsatt", "source": {"page": 2}}  # added
    for entry in entries.values():
        if entry["measure"] == "tiltak-4":
            entry["references"] = []
    second = {**first, "id": "gode-krefter-2012-02", "title": "Statusrapport mars 2012", "as_of": "2012-02",
              "published": "2012-03", "entries": list(entries.values())}
    path = data / "reports/gode-krefter-2012-02.yml"
    path.write_text("# yaml-language-server: $schema=../schema/report.schema.json\n"
                    + yaml.safe_dump(second, allow_unicode=True, sort_keys=False), encoding="utf-8")
    plan = data / "plans/gode-krefter.yml"
    plan.write_text(plan.read_text(encoding="utf-8").rstrip("\n") + NEW_MEASURE, encoding="utf-8")
    return path


@pytest.fixture
def two_reports(data_copy: Path) -> Path:
    second_report(data_copy)
    return data_copy


def test_each_kind_of_change_is_detected(two_reports):
    corpus = load(two_reports, "public")
    plan = corpus.plans["gode-krefter"]
    assert [r.as_of for r in plan.reports] == ["2011-08", "2012-02"]
    found = {(c.kind, c.measure.number, c.before, c.after) for c in compare(plan, *plan.reports)}
    assert found == {
        ("status-fram", 1, "Igangsatt", "Gjennomført"),
        ("status-tilbake", 2, "Gjennomført", "Igangsatt"),
        ("ansvar-endret", 3, "BLD (ansvarlig)", "BLD (ansvarlig), Statistisk sentralbyrå (samarbeidspart)"),
        ("tekst-endret", 4, None, None),
        ("fjernet", 35, "Igangsatt", None),
        ("lagt-til", 36, None, "Ikke igangsatt"),
    }


def test_no_changes_between_equal_reports(public_corpus):
    plan = public_corpus.plans["gode-krefter"]
    assert compare(plan, plan.reports[0], plan.reports[0]) == []


def test_previous_entry(two_reports, public_corpus):
    corpus = load(two_reports, "public")
    plan = corpus.plans["gode-krefter"]
    report, entry = previous_entry(plan, corpus.get("measure:gode-krefter/tiltak-1"))
    assert report.as_of == "2011-08" and entry.status.label == "Igangsatt"
    real = public_corpus.plans["gode-krefter"]
    assert previous_entry(real, real.measures[0]) is None


def test_real_site_says_there_is_no_earlier_report(sites):
    page = sites["public"].html("handlingsplaner/gode-krefter/endringer/index.html")
    assert "Det finnes ingen tidligere rapport å sammenligne med" in page
    assert "Forrige status" not in sites["public"].html("status/gode-krefter/index.html")


def test_site_with_two_reports_shows_history_and_changes(two_reports, tmp_path):
    build = build_site(tmp_path / "site", data=two_reports)
    assert build.returncode == 0, build.output
    changes = build.html("handlingsplaner/gode-krefter/endringer/index.html")
    for kind in ('data-change="status-fram"', 'data-change="status-tilbake"', 'data-change="ansvar-endret"',
                 'data-change="tekst-endret"', 'data-change="fjernet"', 'data-change="lagt-til"'):
        assert kind in changes
    status = build.html("status/gode-krefter/index.html")
    assert "Forrige status" in status and '<span class="pv-change">fram</span>' in status
    measure = build.html("handlingsplaner/gode-krefter/tiltak-1/index.html")
    assert "Statushistorikk" in measure and "februar 2012" in measure and "august 2011" in measure
