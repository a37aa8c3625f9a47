"""Fidelity: the data holds every fact of its source texts, and nothing the sources do not say.

Compared through :func:`fidelity.key` (letters and digits, casefolded) against the sources in
data/sources/ corrected by data/errata/. See tests/unit/fidelity.py for the helpers.
"""

from __future__ import annotations

import re

import pytest

import fidelity as fx
from fidelity import GODE_KREFTER, key, squash
from planverk.model import Corpus, Measure, StatusEntry, Strategy

NUMBERS = list(range(1, 36))
MEASURE_IDS = [f"tiltak-{n}" for n in NUMBERS]
FIELDS = fx.all_content_fields()  # every source-text string of strategies/, plans/, reports/, news/


# --- errata --------------------------------------------------------------------------------


@pytest.mark.parametrize("erratum", fx.errata(), ids=lambda e: e.id)
def test_erratum_original_stands_at_its_line(erratum: fx.Erratum) -> None:
    lines = fx.source_lines(erratum.document)
    line = lines[erratum.line - 1] if 1 <= erratum.line <= len(lines) else f"(no such line; the text has {len(lines)})"
    assert fx.erratum_offset(erratum) is not None, (
        f"{erratum.file}[{erratum.index}]: original {erratum.original!r} does not start on line {erratum.line} "
        f"of {erratum.document}, which reads {line!r}")


@pytest.mark.parametrize("erratum", [e for e in fx.errata() if e.corrected], ids=lambda e: e.id)
def test_erratum_correction_is_in_the_data(erratum: fx.Erratum) -> None:
    data = " ".join(fx.plain(f.value) for f in FIELDS if f.document == erratum.document)
    assert erratum.corrected in squash(data), (
        f"{erratum.file}[{erratum.index}]: the corrected text {erratum.corrected!r} is in no data field "
        f"of {erratum.document}")


@pytest.mark.parametrize("document", sorted(fx.document_files()))
def test_errata_apply_cleanly(document: str) -> None:
    corrected = fx.corrected_source(document)  # asserts that no two errata overlap
    for e in fx.errata_of(document):
        if e.original and e.original not in e.corrected:
            assert corrected.count(e.original) < fx.source_text(document).count(e.original), f"{e.id} was not applied"


# --- Gode krefter: shape ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan(public_corpus: Corpus):
    return public_corpus.plans["gode-krefter"]


@pytest.fixture(scope="module")
def report(plan):
    return next(r for r in plan.reports if r.id == "gode-krefter-2011-08")


@pytest.fixture(scope="module")
def measures(plan) -> dict[int, Measure]:
    return {m.number: m for m in plan.measures}


@pytest.fixture(scope="module")
def entries(report) -> dict[str, StatusEntry]:
    return {e.measure_id: e for e in report.entries}


def test_gode_krefter_has_35_measures_numbered_1_to_35(plan) -> None:
    assert [m.number for m in plan.measures] == NUMBERS
    assert [m.id for m in plan.measures] == MEASURE_IDS


def test_gode_krefter_packages(plan) -> None:
    expected = {"tiltakspakke-1": range(1, 11), "tiltakspakke-2": range(11, 25), "tiltakspakke-3": range(25, 36)}
    assert [p.id for p in plan.packages] == list(expected)
    for package in plan.packages:
        assert [m.number for m in plan.measures_in(package)] == list(expected[package.id]), package.id


@pytest.mark.parametrize("number", ["I", "II", "III"])
def test_gode_krefter_package_heading(plan, number: str) -> None:
    package = next(p for p in plan.packages if p.number == number)
    section = fx.sections()[f"tiltakspakke-{number}"]
    assert key(section) == key(f"{package.label} {number} {package.title}"), (
        f"package heading in the source: {squash(section)!r}")


def test_gode_krefter_report(report) -> None:
    assert report.as_of == "2011-08"
    assert [e.measure_id for e in report.entries] == MEASURE_IDS


def test_tiltak_17_period_and_status(measures, entries) -> None:
    m = measures[17]
    assert (m.period.start, m.period.end) == (2009, 2009)
    assert entries["tiltak-17"].status.label == "Igangsatt"


# --- Gode krefter: «Samlet tiltaksoversikt» ----------------------------------------------------


def test_overview_table_has_35_rows() -> None:
    rows = fx.overview_rows()
    assert [r.split(".", 1)[0] for r in rows] == [str(n) for n in NUMBERS]


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_overview_row(number: int, measures, entries) -> None:
    m = measures[number]
    row = fx.overview_rows()[number - 1]
    title = m.overview_title or m.title
    period = (m.overview_period or m.period).text
    status = entries[m.id].status.label
    k = key(row)
    assert k.startswith(key(f"{number}. {title}")), f"row does not start with the title {title!r}: {row!r}"
    assert key(m.responsibility.summary) in k, f"responsibility.summary {m.responsibility.summary!r} not in {row!r}"
    assert key(period) in k, f"period {period!r} not in {row!r}"
    assert k.endswith(key(status)), f"row does not end with the status {status!r}: {row!r}"
    # and nothing else: the four columns, in order, are the whole row
    assert k == key(f"{number} {title} {m.responsibility.summary} {period} {status}"), f"row holds more: {row!r}"


# --- Gode krefter: one section per tiltak ----------------------------------------------------


def section(number: int) -> str:
    return fx.sections()[f"tiltak-{number}"]


def section_key_without_footnotes(number: int) -> str:
    return fx.remove_once(key(section(number)), list(fx.footnote_keys(GODE_KREFTER)))


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_heading_is_the_title(number: int, measures) -> None:
    assert fx.heading_of(section(number)) == measures[number].title


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_period(number: int, measures) -> None:
    value = fx.labelled_line(section(number), "Gjennomføring:")
    assert value is not None, "no Gjennomføring: line"
    # a full stop ending the line ("2010-2012.") is the sentence's, not the period's
    assert value.removesuffix(".") == measures[number].period.text


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_responsibility(number: int, measures) -> None:
    label, text = fx.responsibility_block(section(number))
    if number == 28:
        assert label is None, "tiltak 28's responsibility line has no label in the source"
    else:
        assert label in fx.RESPONSIBILITY_LABELS, f"no Ansvar label before {text!r}"
    assert text == measures[number].responsibility.text


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_status(number: int, entries) -> None:
    assert fx.labelled_line(section(number), "Status:") == entries[f"tiltak-{number}"].status.label


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_holds_the_description(number: int, measures) -> None:
    haystack = section_key_without_footnotes(number)
    missing = [b for b in fx.blocks(measures[number].description) if key(b) not in haystack]
    assert not missing, f"description parts not in the source section: {missing}"


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_holds_the_narrative(number: int, entries) -> None:
    haystack = section_key_without_footnotes(number)
    missing = [b for b in fx.blocks(entries[f"tiltak-{number}"].narrative) if key(b) not in haystack]
    assert not missing, f"narrative parts not in the source section: {missing}"


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_holds_the_references(number: int, entries) -> None:
    # A footnote stands at the foot of its page, which may be in the next tiltak's section.
    nxt = fx.sections().get(f"tiltak-{number + 1}", "")
    haystack = key(section(number) + nxt)
    for ref in entries[f"tiltak-{number}"].references:
        assert key(f"{ref.number} {ref.text}") in haystack, f"footnote {ref.number} {ref.text!r} not in the source"
        if ref.url:
            assert key(ref.url) in haystack, f"footnote {ref.number}: url {ref.url!r} not in the source"


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_section_nothing_lost(number: int, measures, entries) -> None:
    """Take every data text out of the section: only its labels may remain.

    On the current data the leftover is exactly "Tiltak N", "Gjennomføring", the Ansvar
    label ("Ansvar"/"Ansvarlig"; none for tiltak 28) and "Status" – at most 36 characters
    as a key. So the threshold is zero beyond those labels: any other leftover is source
    text missing from the data.
    """
    m, e = measures[number], entries[f"tiltak-{number}"]
    pieces = ([m.title, m.period.text, m.responsibility.text, e.status.label]
              + fx.blocks(m.description) + fx.blocks(e.narrative))
    leftover = fx.remove_once(section_key_without_footnotes(number), [key(p) for p in pieces])
    label, _ = fx.responsibility_block(section(number))
    labels = key(f"Tiltak {number}") + "gjennomføring" + key(label or "") + "status"
    assert leftover == labels, f"source text missing from the data (leftover {leftover!r}, labels {labels!r})"


def test_front_matter_nothing_lost(plan, report) -> None:
    """The text before «Samlet tiltaksoversikt»: the cover and the introduction."""
    text = fx.corrected_source(GODE_KREFTER)
    front = key(text[: text.index("Samlet tiltaksoversikt")])
    pieces = [plan.title, plan.subtitle, plan.period.text, *fx.blocks(plan.description), *fx.blocks(report.description)]
    leftover = fx.remove_once(front, [key(p) for p in pieces])
    # what remains is the cover's «Statusrapport» and «Oktober 2011»: the report's title (see EDITORIAL)
    assert leftover == key(report.title), f"front matter missing from the data: {leftover!r}"


def test_footnotes_are_in_the_source() -> None:
    whole = fx.corrected_key(GODE_KREFTER)
    missing = [k for k in fx.footnote_keys(GODE_KREFTER) if k not in whole]
    assert not missing
    assert len(fx.footnote_keys(GODE_KREFTER)) == 11


# --- Kriminalomsorgen ------------------------------------------------------------------------

KRIMINALOMSORGEN = "kriminalomsorgen-virksomhetsstrategi-2021-2026"
AREA_IDS = ["framtidsrettet-straffegjennomforing", "trygghet-og-sikkerhet", "organisasjon", "kunnskap-og-kompetanse",
            "omdomme"]


@pytest.fixture(scope="module")
def krim(public_corpus: Corpus) -> Strategy:
    return public_corpus.strategies["kriminalomsorgen-2021-2026"]


def test_kriminalomsorgen_has_5_areas_20_goals_60_subgoals(krim) -> None:
    assert [a.id for a in krim.areas] == AREA_IDS
    assert [len(a.goals) for a in krim.areas] == [4] * 5
    assert [len(g.subgoals) for g in krim.goals] == [3] * 20


def table_of_contents() -> dict[str, int]:
    """The raw source's table of contents (the corrected source drops it as non-content)."""
    entries = {}
    for line in fx.source_lines(KRIMINALOMSORGEN):
        match = re.fullmatch(r"([^\t]+)\t(\d+)\s*", line)
        if match:
            entries[match.group(1).strip()] = int(match.group(2))
    return entries


def area_blocks(krim: Strategy) -> dict[str, str]:
    """The corrected text of each strategic area: from its heading line to the next area's."""
    lines = [line.strip() for line in fx.corrected_source(KRIMINALOMSORGEN).split("\n")]
    start = lines.index("Strategiske områder")
    found = []
    for area in krim.areas:
        assert area.title in lines[start:], f"no heading line {area.title!r} among the strategic areas"
        start = lines.index(area.title, start)
        found.append(start)
    bounds = found + [len(lines)]
    return {a.id: "\n".join(lines[b:c]) for a, b, c in zip(krim.areas, bounds, bounds[1:])}


@pytest.mark.parametrize("area", AREA_IDS)
def test_kriminalomsorgen_area_is_in_the_table_of_contents(krim, area: str) -> None:
    a = next(x for x in krim.areas if x.id == area)
    toc = table_of_contents()
    assert a.title in toc, f"{a.title!r} is not in the table of contents {list(toc)}"
    assert a.source.page == toc[a.title]


@pytest.mark.parametrize("area", AREA_IDS)
def test_kriminalomsorgen_goals_and_subgoals(krim, area: str) -> None:
    a = next(x for x in krim.areas if x.id == area)
    block = area_blocks(krim)[area]
    k, pos = key(block), 0
    for goal in a.goals:
        at = k.find(key(goal.title), pos)
        assert at >= 0, f"goal {goal.title!r} not in the area's text (after the previous goal)"
        pos = at
        for sub in goal.subgoals:
            assert key(sub.text) in k, f"delmål {sub.text!r} not in the area's text"
    bullets = [line[2:] for line in block.split("\n") if line.startswith("- ")]
    assert bullets == [s.text for g in a.goals for s in g.subgoals], "the delmål are the area's bullets, in order"


def statements_after(lines: list[str], heading_index: int) -> list[str]:
    """The statement lines ("Vi …", optionally bulleted) that follow a heading line."""
    out = []
    for line in lines[heading_index + 1:]:
        line = line.strip().removeprefix("•").strip()
        if not line:
            continue
        if not line.startswith("Vi "):
            break
        out.append(line)
    return out


def test_kriminalomsorgen_values(krim) -> None:
    lines = [line.strip() for line in fx.corrected_source(KRIMINALOMSORGEN).split("\n")]
    listing = lines.index("Verdier")
    assert [v.name for v in krim.values] == [x for x in lines[listing + 1: listing + 5] if x], "the values as listed"
    for value in krim.values:
        heading = len(lines) - 1 - lines[::-1].index(value.name)  # the explaining heading is the last one
        assert list(value.statements) == statements_after(lines, heading), value.name


def drivers_table() -> list[tuple[str, list[str]]]:
    """Rebuild the drivkrefter table from its tab-separated lines.

    The header has a cell per column; an empty header cell continues the category before it
    (Sosiale spans two columns). Each non-empty body cell is a driver of its column's
    category, taken row by row, column by column.
    """
    lines = fx.corrected_source(KRIMINALOMSORGEN).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("Politiske\tØkonomiske"))
    columns: list[str] = []
    for cell in lines[at].split("\t"):
        columns.append(cell.strip() or columns[-1])
    categories: dict[str, list[str]] = {c: [] for c in columns}
    for line in lines[at + 1:]:
        if not line.strip():
            break
        cells = line.split("\t")
        assert len(cells) == len(columns), f"row has {len(cells)} cells, header {len(columns)}: {line!r}"
        for column, cell in zip(columns, cells):
            if cell.strip():
                categories[column].append(cell.strip())
    return list(categories.items())


def test_kriminalomsorgen_drivers_match_the_table(krim) -> None:
    data = [(c.title, [d.title for d in c.drivers]) for c in krim.drivers.categories]
    assert data == drivers_table()
    assert krim.drivers.count == 22


# --- Konfliktrådet ---------------------------------------------------------------------------

KONFLIKTRADET = "konfliktradet-virksomhetsstrategi-2023-2025"


@pytest.fixture(scope="module")
def kr(public_corpus: Corpus) -> Strategy:
    return public_corpus.strategies["konfliktradet-2023-2025"]


def bullet_lines(document: str) -> list[str]:
    return [line.strip()[1:].strip() for line in fx.corrected_source(document).split("\n") if line.strip().startswith("•")]


def test_konfliktradet_shape(kr) -> None:
    assert [len(v.statements) for v in kr.values] == [3, 3, 3]
    assert len(kr.focus_areas) == 5
    assert len(kr.user_goals) == 2
    assert len(kr.service_goals) == 3
    assert list(kr.pyramid_layers) == ["mission", "vision", "user_goals", "service_goals", "focus_areas", "values"]


def test_konfliktradet_focus_areas_and_values_are_the_bullets(kr) -> None:
    bullets = bullet_lines(KONFLIKTRADET)
    assert bullets[:5] == [f.title for f in kr.focus_areas]
    assert bullets[5:] == [s for v in kr.values for s in v.statements]
    lines = [line.strip() for line in fx.corrected_source(KONFLIKTRADET).split("\n")]
    for value in kr.values:
        assert value.name in lines, f"no heading line {value.name!r}"
        assert list(value.statements) == statements_after(lines, lines.index(value.name)), value.name


def test_konfliktradet_vision(kr) -> None:
    source = squash(fx.corrected_source(KONFLIKTRADET))
    assert f"Fellesnevneren er: {kr.vision.title}." in source
    whole = fx.corrected_key(KONFLIKTRADET)
    assert [b for b in fx.blocks(kr.vision.text) if key(b) not in whole] == []


def test_konfliktradet_goals_are_worded_as_in_the_source(kr) -> None:
    source = squash(fx.corrected_source(KONFLIKTRADET))
    for goal in kr.user_goals:  # capitalised in the data, mid-sentence in the source
        assert goal.title[0].lower() + goal.title[1:] in source, goal.title
    for goal in kr.service_goals:
        assert goal.title.lower() in source, goal.title
        for quality in goal.qualities:
            assert quality in source, quality
    for quality in kr.common_qualities:
        assert quality in source, quality


def test_konfliktradet_pyramid_layers_follow_the_text(kr) -> None:
    words = {"mission": "samfunnsoppdraget", "vision": "visjonen", "user_goals": "brukermålene",
             "service_goals": "tjenestemålene", "focus_areas": "satsingsområdene", "values": "verdier"}
    text = kr.pyramid_description.casefold()
    positions = [text.find(words[layer]) for layer in kr.pyramid_layers]
    assert -1 not in positions and positions == sorted(positions), dict(zip(kr.pyramid_layers, positions))


def test_konfliktradet_texts_are_in_the_source(kr) -> None:
    whole = fx.corrected_key(KONFLIKTRADET)
    texts = ([kr.vision.title, *fx.blocks(kr.vision.text), *fx.blocks(kr.mission.text)]
             + [v.name for v in kr.values] + [s for v in kr.values for s in v.statements]
             + [f.title for f in kr.focus_areas] + [g.title for g in kr.user_goals] + [g.title for g in kr.service_goals]
             + [q for g in kr.service_goals for q in g.qualities])
    assert [t for t in texts if key(t) not in whole] == []


# --- Handlingsplan mot radikalisering ----------------------------------------------------------

RADIKALISERING = "handlingsplan-radikalisering-sfk-tiltak"


@pytest.mark.parametrize("number", [11, 22, 26])
def test_radikalisering_measure(public_corpus: Corpus, number: int) -> None:
    m = next(x for x in public_corpus.plans["radikalisering"].measures if x.number == number)
    lines = [line.strip() for line in fx.corrected_source(RADIKALISERING).split("\n")]
    assert f"Tiltak {number}: {m.title}" in lines
    whole = fx.corrected_key(RADIKALISERING)
    assert [b for b in fx.blocks(m.description) if key(b) not in whole] == []


def test_radikalisering_has_the_three_measures_and_five_packages(public_corpus: Corpus) -> None:
    plan = public_corpus.plans["radikalisering"]
    assert [m.number for m in plan.measures] == [11, 22, 26]
    lines = [line.strip() for line in fx.corrected_source(RADIKALISERING).split("\n")]
    listed = [re.match(r"(\d)\) (.*)", line) for line in lines]
    listed = [(m.group(1), m.group(2)) for m in listed if m]
    assert [p.number for p in plan.packages] == [n for n, _ in listed] == ["1", "2", "3", "4", "5"]
    for package, (_, line) in zip(plan.packages, listed):
        # "4) … internett og" and "5) Internasjonalt samarbeid." end with the list's own words
        assert line in (package.title, f"{package.title} og", f"{package.title}."), (package.title, line)


@pytest.mark.parametrize("number, persons", [(11, ["Hedda Bie", "Anja Bakkeli"]), (22, []), (26, ["Anja Bakkeli"])])
def test_radikalisering_contacts_internal(internal_corpus: Corpus, number: int, persons: list[str]) -> None:
    m = next(x for x in internal_corpus.plans["radikalisering"].measures if x.number == number)
    assert m.contacts is not None
    lines = [squash(line) for line in fx.corrected_source(RADIKALISERING).split("\n")]
    assert m.contacts.text in lines, "the contacts sentence is a line of the source"
    assert [p.name for p in m.contacts.persons] == persons
    for name in persons:
        assert name in m.contacts.text, f"{name!r} is not written so in the contacts text"


def test_public_corpus_has_no_contacts(public_corpus: Corpus) -> None:
    with_contacts = [m.ref for p in public_corpus.plans.values() for m in p.measures if m.contacts is not None]
    assert with_contacts == []


# --- nothing invented: every content string of every data file ---------------------------------

# Content that is not in the source, on purpose: field id -> why.
EDITORIAL = {
    "strategies/kriminalomsorgen-2021-2026.yml:drivers.reconstruction":
        "editorial note on how the lost table was rebuilt (data/README.md: reconstruction is editorial)",
    "reports/gode-krefter-2011-08.yml:title":
        "composed from the cover's «Statusrapport» and «Oktober 2011» (source lines 1 and 6), which are not adjacent",
}


@pytest.mark.parametrize("field", [f for f in FIELDS if f.id not in EDITORIAL], ids=lambda f: f.id)
def test_data_text_is_in_the_source(field: fx.Field) -> None:
    missing = fx.missing_parts(field)
    assert not missing, f"{field.id}: not in {field.document} (corrected): {missing}"


@pytest.mark.parametrize("field_id", sorted(EDITORIAL))
def test_editorial_exceptions_are_still_needed(field_id: str) -> None:
    field = next((f for f in FIELDS if f.id == field_id), None)
    assert field is not None, f"{field_id} no longer exists; drop it from EDITORIAL"
    assert fx.missing_parts(field), f"{field_id} is now in the source; drop it from EDITORIAL"


def test_every_string_field_is_classified() -> None:
    unknown = {(p.name, name) for p in fx.content_files() for _, name, _ in fx.string_fields(p)
               if name not in fx.CONTENT_FIELDS | fx.METADATA_FIELDS}
    assert not unknown, f"classify these fields in fidelity.CONTENT_FIELDS or METADATA_FIELDS: {sorted(unknown)}"


# What the data does not hold of a source, on purpose: document -> (source words, why).
# Everything else of the corrected source must be in some content field of the data.
NOT_IN_DATA = {
    "konfliktradet-virksomhetsstrategi-2023-2025": [
        ("15. oktober 2023", "recorded as introduction.date: \"2023-10-15\""),
    ],
    "kriminalomsorgen-virksomhetsstrategi-2021-2026": [
        ("Styringspyramide", "heading of the lost pyramid graphic; no text describes its layers"),
        ("Visjon", "page heading; the vision is the vision block"),
        ("Straff som endrer", "printed twice (lines 64 and 68); vision.title holds it"),
        ("Verdier", "page heading of the values block"),
        ("Åpenhet", "value names are printed twice (list and headings); value.name holds them"),
        ("Trygghet", "as Åpenhet"),
        ("Nytenking", "as Åpenhet"),
        ("Vårt strategiske landskap", "heading only, no text of its own (see the strategy file)"),
        ("Valg av strategiske områder", "heading of areas.intro"),
        ("Strategiske områder", "heading of the areas"),
        *[("Våre mål", "column label above each area's goals")] * 5,
        *[("Delmål", "column label above each area's delmål")] * 5,
    ],
    "handlingsplan-radikalisering-sfk-tiltak": [
        ("Handlingsplanen har fem prioriteringsområder:", "represented by the five packages (see the plan file)"),
        *[(f"{n})", "list number, recorded as package.number") for n in range(1, 6)],
        ("og", "list punctuation after item 4"),
        *[(f"Tiltak {n}:", "label; recorded as measure.number") for n in (11, 22, 26)],
    ],
    "konfliktradet-vestfold-slt-samarbeidsmote": [],
}


@pytest.mark.parametrize("document", sorted(NOT_IN_DATA))
def test_nothing_lost(document: str) -> None:
    # The package label ("Prioriteringsområde") classifies; it is no span of the source text.
    pieces = [key(p) for f in FIELDS if f.document == document and f.name != "label" for p in f.parts]
    leftover = fx.remove_once(fx.corrected_key(document), pieces)
    for words, why in NOT_IN_DATA[document]:
        assert key(words) in leftover, f"{words!r} ({why}) is no longer left over; drop it from NOT_IN_DATA"
        leftover = leftover.replace(key(words), "", 1)
    assert leftover == "", f"source text of {document} missing from the data: {leftover!r}"


@pytest.mark.parametrize("field", [f for f in FIELDS if fx.links(f.value)], ids=lambda f: f.id)
def test_link_targets_are_not_invented(field: fx.Field) -> None:
    """A link target is the PDF's link annotation (kept in the raw source, dropped as non-content
    by an erratum) or the printed address itself with its scheme."""
    raw = key(fx.source_text(field.document))
    for text, target in fx.links(field.value):
        assert key(target) in raw or key(target) in (key(f"http://{text}"), key(f"https://{text}")), (
            f"{field.id}: link target {target!r} for {text!r} is neither in the source nor the printed address")


@pytest.mark.parametrize("relation", fx.relations(), ids=lambda r: r.id)
def test_relation_quote_is_in_its_source(relation: fx.Relation) -> None:
    assert key(relation.quote) in fx.corrected_key(relation.document), (
        f"{relation.id}: the quote {relation.quote!r} is not in {relation.document}")


# --- provenance ------------------------------------------------------------------------------


def test_pages_are_recorded(internal_corpus: Corpus) -> None:
    missing = []
    for plan in internal_corpus.plans.values():
        for entity in (*plan.packages, *plan.measures):
            if entity.source.document.has_pages and entity.source.page is None:
                missing.append(entity.ref)
        for report in plan.reports:
            missing += [f"{report.ref} {e.measure_id}" for e in report.entries
                        if e.source.document.has_pages and e.source.page is None]
    assert missing == [], f"no page recorded for: {missing}"


def test_page_rule_agrees_with_both_anchors() -> None:
    # The first anchor fixes the numbering; the second checks the count of page starts between them.
    for line, page in fx.PAGE_ANCHORS.items():
        assert fx.source_lines(GODE_KREFTER)[line - 1].strip() == str(page), f"line {line} is not the page number {page}"
        computed = fx.page_of_line(line)
        assert computed == page, f"the rule puts the printed page number {page} (line {line}) on page {computed}"


@pytest.mark.parametrize("path, pattern", [
    ("plans/gode-krefter.yml", r"(\d+) (?:begynner )?på (?:linje )?(\d+)"),
    ("reports/gode-krefter-2011-08.yml", r"s\. (\d+): l\. (\d+)"),
])
def test_documented_page_table_matches_the_rule(path: str, pattern: str) -> None:
    documented = {int(p): int(n) for p, n in re.findall(pattern, fx.header_comment(fx.DATA / path))}
    assert documented == fx.page_starts(), f"the page table in the header of {path} differs from the rule"


def heading_line(number: int) -> int:
    return fx.first_line_of(rf"^\s?Tiltak {number}: ", after=fx.first_line_of(r"^\s?Tiltakspakke I:"))


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_measure_page(number: int, measures) -> None:
    line = heading_line(number)
    assert measures[number].source.page == fx.page_of_line(line), f"heading of tiltak {number} is on line {line}"


@pytest.mark.parametrize("number", NUMBERS, ids=MEASURE_IDS)
def test_report_entry_page(number: int, entries) -> None:
    line = fx.first_line_of(r"^\s?Status:", after=heading_line(number))
    assert entries[f"tiltak-{number}"].source.page == fx.page_of_line(line), f"tiltak {number}: Status: is on line {line}"


@pytest.mark.parametrize("number", ["I", "II", "III"])
def test_package_page(plan, number: str) -> None:
    package = next(p for p in plan.packages if p.number == number)
    assert package.source.page == fx.page_of_line(fx.first_line_of(rf"^\s?Tiltakspakke {number}:"))


def test_plan_and_report_page(plan, report) -> None:
    line = fx.line_of_text("Regjeringen la i august 2009 frem")
    assert plan.source.page == report.source.page == fx.page_of_line(line)


@pytest.mark.parametrize("erratum", fx.errata_of(GODE_KREFTER), ids=lambda e: e.id)
def test_erratum_page(erratum: fx.Erratum) -> None:
    # page None only for the trailing text from the PDF's structure, after the last page
    assert erratum.page == fx.page_of_line(erratum.line)


@pytest.mark.parametrize("relation", [r for r in fx.relations() if r.document == GODE_KREFTER], ids=lambda r: r.id)
def test_relation_page(relation: fx.Relation) -> None:
    start = heading_line(int(relation.from_ref.rsplit("-", 1)[1]))  # the quote is in the from-measure's section
    line = fx.line_of_text(relation.quote, after=start - 1)
    assert relation.page == fx.page_of_line(line), f"{relation.quote!r} is on line {line}"


def test_kriminalomsorgen_pages_follow_the_table_of_contents(krim) -> None:
    toc = table_of_contents()
    pages = {"introduction": (krim.introduction.source.page, toc[krim.introduction.title]),
             "vision": (krim.vision.source.page, toc["Visjon"]),
             "drivers": (krim.drivers.source.page, toc["Drivkrefter"])}
    pages |= {f"value {v.id}": (v.source.page, toc["Verdier"]) for v in krim.values}
    pages |= {f"section {s.id}": (s.source.page, toc[s.title]) for s in krim.sections}
    pages |= {f"future {a.id}": (a.future_source.page, toc[krim.areas_future_title]) for a in krim.areas}
    assert {k: v for k, v in pages.items() if v[0] != v[1]} == {}
