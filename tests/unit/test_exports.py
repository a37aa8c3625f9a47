"""Open data: the exports agree with the data, row for row, and open in Excel."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import zipfile
from datetime import datetime

import openpyxl
import pytest

from corpora import Data, measure, second_report
from planverk import exports, urls
from planverk.index import Index
from planverk.plaintext import plain
from planverk.xlsx import workbook

SITE = "https://data.example.no/planer/"
NORWEGIAN = set("æøåÆØÅ")


@pytest.fixture(scope="module")
def rows(public_corpus):
    return list(csv.DictReader(io.StringIO(exports.measures_csv(public_corpus, Index(public_corpus)))))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Plan a: three measures, one led by two bodies, one overdue (period over, not done); plan b: no report."""
    data = Data(tmp_path_factory.mktemp("small"))
    data.org("andre", "Andre departement", abbreviation="AD")
    data.plan("plan-a", measures=[
        measure(1, period=(2009, 2009)),
        measure(2, responsibility={"parties": [{"org": "dep", "role": "ansvarlig"}, {"org": "andre", "role": "ansvarlig"}]}),
        measure(3, period=(2009, 2010))])
    data.report("plan-a-2011-08", plan="plan-a", as_of="2011-08",
                statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Igangsatt", "tiltak-3": "Gjennomført"})
    data.plan("plan-b", measures=[measure(7), measure(8)])
    return data.load()


def test_one_row_per_measure_and_report(small):
    rows = list(csv.DictReader(io.StringIO(exports.measures_csv(small, Index(small)))))
    assert [(r["plan_id"], r["tiltak_id"], r["rapport_id"], r["status"]) for r in rows] == [
        ("plan-a", "tiltak-1", "plan-a-2011-08", "Igangsatt"), ("plan-a", "tiltak-2", "plan-a-2011-08", "Igangsatt"),
        ("plan-a", "tiltak-3", "plan-a-2011-08", "Gjennomført"), ("plan-b", "tiltak-7", "", ""), ("plan-b", "tiltak-8", "", "")]
    assert [r["ansvarlig_ids"] for r in rows] == ["dep", "dep;andre", "dep", "dep", "dep"]  # in the data's order
    assert [r["forfalt"] for r in rows] == ["true", "false", "false", "false", "false"]


def test_rows_agree_with_the_data(rows, public_corpus):
    index = Index(public_corpus)
    by_key = {(r["plan_id"], r["tiltak_id"]): r for r in rows}
    for plan in public_corpus.plans.values():
        for x in plan.measures:
            row = by_key[(plan.id, x.id)]
            assert row["tittel"] == x.title and row["nummer"] == (x.number or "")
            leads = [p.organisation.id for p in x.responsibility.parties if p.role.leads and p.organisation]
            assert row["ansvarlig_ids"].split(";") == leads or (row["ansvarlig_ids"] == "" and not leads)
            found = index.entry(x)
            assert row["status"] == (found[1].status.label if found else "")
            assert row["forfalt"] == ("true" if index.is_overdue(x) else "false")
    assert len(by_key) == sum(len(p.measures) for p in public_corpus.plans.values())


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
    assert {r["path"] for r in package["resources"]} == {f for f, _, _ in exports.DOWNLOADS} - {"datapackage.json"}
    for resource in package["resources"]:
        if "schema" in resource:
            assert resource["schema"] == csv_resource["schema"]


def test_json_agrees_with_the_data(public_corpus):
    data = {x["ref"]: x for x in json.loads(exports.measures_json(public_corpus))["tiltak"]}
    measures = [(p, x) for p in public_corpus.plans.values() for x in p.measures]
    assert list(data) == [x.ref for _, x in measures]
    for plan, x in measures:
        found = data[x.ref]
        assert found["tittel"] == x.title
        entries = [(r, r.entry(x.id)) for r in plan.reports if r.entry(x.id)]
        assert [(s["status"], s["per"]) for s in found["status"]] == [(e.status.label, r.as_of) for r, e in entries]
        for status, (_, entry) in zip(found["status"], entries, strict=False):
            assert [ref["tekst"] for ref in status["referanser"]] == [ref.text for ref in entry.references]


def test_a_json_file_per_entity(public_corpus):
    files = dict(exports.all_files(public_corpus, Index(public_corpus), site_url=SITE))
    listed = json.loads(files["data/index.json"])["enheter"]
    expected = {ref for ref in public_corpus.entities if not ref.startswith(("term:", "report:"))}
    assert {item["ref"] for item in listed} == expected
    for item in listed:
        document = json.loads(files[item["json"]])
        assert document["ref"] == item["ref"]
    for plan in public_corpus.plans.values():
        for x in plan.measures:
            assert json.loads(files[f"data/measure/{plan.id}/{x.id}.json"])["ref"] == x.ref
            for party in x.responsibility.parties:
                if party.organisation:
                    assert x.ref in json.loads(files[f"data/org/{party.organisation.id}.json"])["tiltak"]


def test_exports_never_carry_internal_fields(internal_corpus):
    text = "\n".join(content if isinstance(content, str) else content.decode("utf-8", "replace")
                     for path, content in exports.all_files(internal_corpus, Index(internal_corpus), site_url=SITE)
                     if not path.endswith(".xlsx"))
    text += "\n".join(str(c) for row in _sheet(exports.measures_xlsx(internal_corpus, Index(internal_corpus))) for c in row)
    persons = {p.name for plan in internal_corpus.plans.values() for x in plan.measures if x.contacts for p in x.contacts.persons}
    assert persons, "the internal data has no contact persons to check"
    assert [name for name in persons if name in text] == []


def test_the_leading_role_comes_from_the_vocabulary(tmp_path):
    # which role leads (the export's ansvarlig_ids) is data (leads: true), not the role id "ansvarlig"
    data = Data(tmp_path)
    data.org("etat", "Etaten", kind="direktorat")
    for role in data.vocabulary["roles"]:
        role["leads"] = role["id"] == "samarbeidspart"
    data.plan("plan-a", measures=[measure(1, lead="dep", partners=("etat",)), measure(2, lead="dep")])
    corpus = data.load()
    rows = {r["tiltak_id"]: r for r in csv.DictReader(io.StringIO(exports.measures_csv(corpus, Index(corpus))))}
    assert (rows["tiltak-1"]["ansvarlig_ids"], rows["tiltak-1"]["samarbeidspart_ids"]) == ("etat", "dep")
    assert (rows["tiltak-2"]["ansvarlig_ids"], rows["tiltak-2"]["samarbeidspart_ids"]) == ("", "dep")


def test_a_measure_with_two_reports_has_two_rows(tmp_path):
    corpus = second_report(tmp_path).load()
    rows = list(csv.DictReader(io.StringIO(exports.measures_csv(corpus, Index(corpus)))))
    t1 = [r for r in rows if r["plan_id"] == "plan-a" and r["tiltak_id"] == "tiltak-1"]
    assert [(r["status_per"], r["status"], r["gjeldende"]) for r in t1] == [("2011-08", "Igangsatt", "false"),
                                                                              ("2012-02", "Gjennomført", "true")]
    t5 = [r for r in rows if r["tiltak_id"] == "tiltak-5" and r["plan_id"] == "plan-a"]
    assert [r["status_per"] for r in t5] == ["2011-08"]  # not in the second report


def test_csv_cells_cannot_run_as_formulas():
    assert exports._cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert exports._cell("-1+2") == "'-1+2" and exports._cell("Tiltak") == "Tiltak" and exports._cell(5) == 5


def test_json_is_inert_in_html_and_exact_as_data():
    text = exports._json({"t": "<script>&</script>"})
    assert "<" not in text and "&" not in text
    assert json.loads(text) == {"t": "<script>&</script>"}


def _sheet(data: bytes) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return list(book["Tiltak"].iter_rows(values_only=True))


def _typed(row: dict[str, str]) -> tuple:
    """A CSV row as the workbook stores it: numbers as numbers, true/false as booleans, empty as None."""
    kinds = {n: t for n, t, _ in exports.CSV_FIELDS}
    return tuple(None if v == "" else int(v) if kinds[k] == "integer" else (v == "true") if kinds[k] == "boolean" else v
                 for k, v in row.items())


def test_xlsx_opens_with_the_same_rows_and_norwegian_letters(public_corpus):
    index = Index(public_corpus)
    data = exports.measures_xlsx(public_corpus, index, site_url=SITE)
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Tiltak"]
    assert sheet.freeze_panes == "A2"  # the header row stays in view
    assert all(sheet.column_dimensions[c].width >= 8 for c in "ABCDE")
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(f for f, _, _ in exports.CSV_FIELDS)
    expected = [_typed(r) for r in csv.DictReader(io.StringIO(exports.measures_csv(public_corpus, index, site_url=SITE)))]
    assert [tuple(r) for r in rows[1:]] == expected
    titles = {x.title for p in public_corpus.plans.values() for x in p.measures if NORWEGIAN & set(x.title)}
    assert titles, "the data has no title with æ, ø or å to check"
    assert titles <= {r[4] for r in rows[1:]}


def test_csv_for_excel_reads_as_excel_reads_it(public_corpus):
    """Excel with Norwegian settings: UTF-8 only when the file starts with a BOM, semicolon separator."""
    index = Index(public_corpus)
    data = exports.measures_csv_excel(public_corpus, index, site_url=SITE)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "\r\n" in text and not text.replace("\r\n", "").count("\n") > text.count('"')  # CRLF rows (newlines only in quoted cells)
    excel = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    standard = list(csv.DictReader(io.StringIO(exports.measures_csv(public_corpus, index, site_url=SITE))))
    assert excel == standard and list(excel[0]) == [f for f, _, _ in exports.CSV_FIELDS]
    plans = {r["plan"] for r in excel}
    assert plans == {p.title for p in public_corpus.plans.values()}
    assert any(NORWEGIAN & set(r["tittel"]) for r in excel)


def test_workbook_keeps_text_as_text_and_is_deterministic():
    rows = [["=HYPERLINK(\"http://x\")", "Blåbærsyltetøy på Ærø", 3, True, None]]
    data = workbook("Ark", ["a", "b", "c", "d", "e"], rows, title="Prøve", modified=datetime(2012, 3, 1))
    book = openpyxl.load_workbook(io.BytesIO(data))
    cell = book["Ark"]["A2"]
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"  # never a formula
    assert [c.value for c in book["Ark"][2]] == rows[0]
    assert book.properties.title == "Prøve" and book.properties.modified == datetime(2012, 3, 1)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert data == workbook("Ark", ["a", "b", "c", "d", "e"], rows, title="Prøve", modified=datetime(2012, 3, 1))


def test_urls_in_the_exports_are_absolute(public_corpus):
    files = dict(exports.all_files(public_corpus, Index(public_corpus), site_url=SITE))
    rows = list(csv.DictReader(io.StringIO(files["data/tiltak.csv"])))
    assert rows and all(r["nettadresse"].startswith(SITE + "handlingsplaner/") for r in rows)
    for item in json.loads(files["data/tiltak.json"])["tiltak"]:
        assert item["nettadresse"].startswith(SITE)
    package = json.loads(files["data/datapackage.json"])
    assert package["homepage"] == SITE and all(s["path"].startswith(SITE + "kilder/") for s in package["sources"])
    listed = json.loads(files["data/index.json"])["enheter"]
    assert all(json.loads(files[i["json"]])["nettadresse"].startswith(SITE) for i in listed)


def test_without_a_site_address_the_datapackage_sources_resolve_from_the_data_folder(public_corpus):
    # Frictionless reads a relative path from the descriptor's folder (data/), not the site root
    package = json.loads(dict(exports.all_files(public_corpus, Index(public_corpus), site_url=""))["data/datapackage.json"])
    assert package["sources"]
    for source, document in zip(package["sources"], public_corpus.documents.values(), strict=True):
        assert posixpath.normpath(posixpath.join("data", source["path"])) + "/" == urls.url_of(urls.page_of(document.ref))


def test_prose_in_json_is_plain_text(public_corpus):
    text = exports.measures_json(public_corpus, site_url=SITE)
    assert "[^" not in text
    data = json.loads(text)["tiltak"]
    marked = [(x, s) for x in data for s in x["status"] if s["referanser"]]
    assert marked, "the data has no status text with footnotes to check"
    for _, status in marked:
        assert any(f"[{r['nummer']}]" in (status["tekst"] or "") for r in status["referanser"])


def test_plain_text_from_markdown():
    assert plain("Tekst[^3] med [lenke](https://a.no/x) og *vekt*.\n\n- en\n- to\n\n<b>rå</b> & «sitat»") == (
        "Tekst[3] med lenke (https://a.no/x) og vekt.\n\n- en\n- to\n\n<b>rå</b> & «sitat»")
    assert plain("Se [https://a.no](https://a.no).") == "Se https://a.no."
    assert plain(None) is None


def test_datapackage_stays_true_with_two_reports(tmp_path):
    data = second_report(tmp_path)
    data.plan("plan-b", measures=[measure(1)])
    corpus = data.load()
    package = json.loads(exports.datapackage(corpus, site_url=SITE))
    reports = [r for p in corpus.plans.values() for r in p.reports]
    assert len({r.plan_id for r in reports}) < len(reports)  # some plan has two reports
    for report in reports:
        assert f"{report.title} (status per {report.as_of})" in package["description"]
    rows = list(csv.DictReader(io.StringIO(exports.measures_csv(corpus, Index(corpus)))))
    current = [(r["plan_id"], r["tiltak_id"]) for r in rows if r["gjeldende"] == "true"]
    measures = [(p.id, x.id) for p in corpus.plans.values() for x in p.measures]
    assert sorted(current) == sorted(measures)  # exactly one current row per measure
    index = Index(corpus)
    for row in rows:
        if row["gjeldende"] == "true" and row["rapport_id"]:
            plan = corpus.plans[row["plan_id"]]
            found = index.entry(next(x for x in plan.measures if x.id == row["tiltak_id"]))
            assert row["rapport_id"] == found[0].id and row["status"] == found[1].status.label
