"""Open data: the exports agree with the data, row for row."""

from __future__ import annotations

import csv
import io
import json

import pytest

from planverk import exports
from planverk.index import Index
from planverk.load import load
from unit.test_changes import second_report


@pytest.fixture(scope="module")
def rows(public_corpus):
    return list(csv.DictReader(io.StringIO(exports.measures_csv(public_corpus, Index(public_corpus)))))


def test_one_row_per_measure_and_report(rows, public_corpus):
    assert len(rows) == 38  # 35 with the August 2011 report + 3 radicalisation measures without a report
    no_report = [r for r in rows if not r["rapport_id"]]
    assert [r["tiltak_id"] for r in no_report] == ["tiltak-11", "tiltak-22", "tiltak-26"]
    assert all(r["status"] == "" for r in no_report)


def test_rows_agree_with_the_data(rows, public_corpus):
    index = Index(public_corpus)
    by_key = {(r["plan_id"], r["tiltak_id"]): r for r in rows}
    for plan in public_corpus.plans.values():
        for measure in plan.measures:
            row = by_key[(plan.id, measure.id)]
            assert row["tittel"] == measure.title and int(row["nummer"]) == measure.number
            leads = [p.organisation.id for p in measure.responsibility.parties if p.role.id == "ansvarlig" and p.organisation]
            assert row["ansvarlig_ids"].split(";") == leads or (row["ansvarlig_ids"] == "" and not leads)
            found = index.entry(measure)
            assert row["status"] == (found[1].status.label if found else "")
            assert row["forfalt"] == ("true" if index.is_overdue(measure) else "false")
    assert [r["nummer"] for r in rows if r["forfalt"] == "true"] == ["17"]
    assert by_key[("gode-krefter", "tiltak-9")]["ansvarlig_ids"] == "krd;husbanken;jd"


def test_datapackage_describes_the_csv(public_corpus):
    package = json.loads(exports.datapackage(public_corpus))
    csv_resource = next(r for r in package["resources"] if r["name"] == "tiltak-csv")
    header = exports.measures_csv(public_corpus, Index(public_corpus)).splitlines()[0].split(",")
    assert [f["name"] for f in csv_resource["schema"]["fields"]] == header
    types = {f["name"]: f["type"] for f in csv_resource["schema"]["fields"]}
    for row in csv.DictReader(io.StringIO(exports.measures_csv(public_corpus, Index(public_corpus)))):
        for name, value in row.items():
            if value == "":
                continue
            if types[name] == "integer":
                int(value)
            if types[name] == "boolean":
                assert value in ("true", "false")
    assert {r["path"] for r in package["resources"]} == {"tiltak.csv", "tiltak.json"}


def test_json_agrees_with_the_data(public_corpus):
    data = json.loads(exports.measures_json(public_corpus))["tiltak"]
    assert len(data) == 38
    t21 = next(x for x in data if x["ref"] == "measure:gode-krefter/tiltak-21")
    assert t21["tittel"] == "Økt bruk av konfliktråd for lovbrytere mellom 15 og 18 år"
    assert t21["status"][0]["status"] == "Igangsatt" and t21["status"][0]["per"] == "2011-08"
    assert t21["status"][0]["referanser"][0]["tekst"].startswith("Se også tiltak 23")


def test_a_json_file_per_entity(public_corpus):
    files = dict(exports.all_files(public_corpus, Index(public_corpus)))
    listed = json.loads(files["data/index.json"])["enheter"]
    expected = {ref for ref in public_corpus.entities if not ref.startswith(("term:", "report:"))}
    assert {item["ref"] for item in listed} == expected
    for item in listed:
        document = json.loads(files[item["json"]])
        assert document["ref"] == item["ref"]
    assert files["data/measure/gode-krefter/tiltak-21.json"]
    org = json.loads(files["data/org/kd.json"])
    assert "measure:gode-krefter/tiltak-17" in org["tiltak"]


def test_exports_never_carry_internal_fields(internal_corpus):
    text = "\n".join(content for _, content in exports.all_files(internal_corpus, Index(internal_corpus)))
    assert "Hedda Bie" not in text and "Anja Bakkeli" not in text


def test_a_measure_with_two_reports_has_two_rows(data_copy):
    second_report(data_copy)
    corpus = load(data_copy, "public")
    rows = list(csv.DictReader(io.StringIO(exports.measures_csv(corpus, Index(corpus)))))
    t1 = [r for r in rows if r["plan_id"] == "gode-krefter" and r["tiltak_id"] == "tiltak-1"]
    assert [(r["status_per"], r["status"]) for r in t1] == [("2011-08", "Igangsatt"), ("2012-02", "Gjennomført")]
    t35 = [r for r in rows if r["tiltak_id"] == "tiltak-35" and r["plan_id"] == "gode-krefter"]
    assert [r["status_per"] for r in t35] == ["2011-08"]


def test_csv_cells_cannot_run_as_formulas():
    assert exports._cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert exports._cell("-1+2") == "'-1+2" and exports._cell("Tiltak") == "Tiltak" and exports._cell(5) == 5


def test_json_is_inert_in_html_and_exact_as_data():
    text = exports._json({"t": "<script>&</script>"})
    assert "<" not in text and "&" not in text
    assert json.loads(text) == {"t": "<script>&</script>"}
