"""Fidelity: the data holds every fact of its source texts, and nothing the sources do not say.

Compared through :func:`fidelity.key` (letters and digits, casefolded) against the sources in
data/sources/ corrected by data/errata/. See tests/unit/fidelity.py for the helpers.
"""

from __future__ import annotations

import re

import fx
import pytest
from fx import key, squash

from planverk.model import Corpus, Strategy

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


# --- plans in the status-report layout (fx.layout_plans: found from the source texts) ----------

LAYOUT_PLANS = fx.layout_plans()
LAYOUT_MEASURES = fx.layout_measures()
LAYOUT_PACKAGES = [(lp, p["number"]) for lp in LAYOUT_PLANS for p in lp.plan["groups"]]


def _plan_id(value) -> str:
    return value.id if isinstance(value, fx.LayoutPlan) else str(value)


@pytest.fixture(scope="module")
def models(public_corpus: Corpus):
    """(plan id, number) -> (Measure, its StatusEntry in the plan's latest report of the document)."""
    found = {}
    for lp in LAYOUT_PLANS:
        plan = public_corpus.plans[lp.id]
        report = next((r for r in plan.reports if lp.reports and r.id == lp.reports[-1]["id"]), None)
        for m in plan.measures:
            found[(lp.id, m.number)] = (m, report.entry(m.id) if report else None)
    return found


def test_layout_plans_are_found() -> None:
    """Every plan whose document has the overview table is checked as such (and has a report from it)."""
    for lp in LAYOUT_PLANS:
        assert lp.reports, f"{lp.id}: the overview table gives a status per measure, but no report records them"


@pytest.mark.parametrize("lp", LAYOUT_PLANS, ids=_plan_id)
def test_overview_table_has_a_row_per_measure(lp: fx.LayoutPlan) -> None:
    rows = fx.overview_rows(lp.document)
    assert [r.split(".", 1)[0] for r in rows] == [str(x["number"]) for x in lp.plan["measures"]]


@pytest.mark.parametrize("lp", LAYOUT_PLANS, ids=_plan_id)
def test_measures_are_in_their_package_section(lp: fx.LayoutPlan) -> None:
    """Each measure's section follows its package's heading and comes before the next package's."""
    current, found = None, {}
    for name in fx.sections(lp.document):
        if name.startswith("pakke-"):
            current = name.removeprefix("pakke-")
        else:
            found[int(name.removeprefix("tiltak-"))] = current
    numbers = {p["id"]: p["number"] for p in lp.plan["groups"]}
    assert {x["number"]: numbers[x["group"]] for x in lp.plan["measures"]} == found


@pytest.mark.parametrize("lp, number", LAYOUT_PACKAGES, ids=lambda v: _plan_id(v))
def test_package_heading(lp: fx.LayoutPlan, number: str) -> None:
    package = next(p for p in lp.plan["groups"] if p["number"] == number)
    section = fx.sections(lp.document)[f"pakke-{number}"]
    assert key(section) == key(f"{package['label']} {number} {package['title']}"), (
        f"package heading in the source: {squash(section)!r}")


@pytest.mark.parametrize("lp", LAYOUT_PLANS, ids=_plan_id)
def test_report_has_an_entry_per_measure_in_order(lp: fx.LayoutPlan) -> None:
    assert [e["measure"] for e in lp.reports[-1]["entries"]] == [x["id"] for x in lp.plan["measures"]]


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_overview_row(lp: fx.LayoutPlan, number: int, models) -> None:
    m, entry = models[(lp.id, str(number))]
    row = fx.overview_rows(lp.document)[[x["number"] for x in lp.plan["measures"]].index(number)]
    title = m.overview_title or m.title
    period = (m.overview_period or m.period).text
    status = entry.status.label
    k = key(row)
    assert k.startswith(key(f"{number}. {title}")), f"row does not start with the title {title!r}: {row!r}"
    assert key(m.responsibility.summary) in k, f"responsibility.summary {m.responsibility.summary!r} not in {row!r}"
    assert key(period) in k, f"period {period!r} not in {row!r}"
    assert k.endswith(key(status)), f"row does not end with the status {status!r}: {row!r}"
    # and nothing else: the four columns, in order, are the whole row
    assert k == key(f"{number} {title} {m.responsibility.summary} {period} {status}"), f"row holds more: {row!r}"


def section(lp: fx.LayoutPlan, number: int) -> str:
    return fx.sections(lp.document)[f"tiltak-{number}"]


def section_key_without_footnotes(lp: fx.LayoutPlan, number: int) -> str:
    return fx.remove_once(key(section(lp, number)), list(fx.footnote_keys(lp.document)))


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_section_heading_is_the_title(lp: fx.LayoutPlan, number: int, models) -> None:
    assert fx.heading_of(section(lp, number)) == models[(lp.id, str(number))][0].title


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_section_period(lp: fx.LayoutPlan, number: int, models) -> None:
    value = fx.labelled_line(section(lp, number), "Gjennomføring:")
    assert value is not None, "no Gjennomføring: line"
    # a full stop ending the line ("2010-2012.") is the sentence's, not the period's
    assert value.removesuffix(".") == models[(lp.id, str(number))][0].period.text


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_section_responsibility(lp: fx.LayoutPlan, number: int, models) -> None:
    label, text = fx.responsibility_block(section(lp, number))
    assert label in (*fx.RESPONSIBILITY_LABELS, None)  # a section may state it without a label
    assert text == models[(lp.id, str(number))][0].responsibility.text


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_section_status(lp: fx.LayoutPlan, number: int, models) -> None:
    assert fx.labelled_line(section(lp, number), "Status:") == models[(lp.id, str(number))][1].status.label


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_section_holds_the_description_and_the_narrative(lp: fx.LayoutPlan, number: int, models) -> None:
    m, e = models[(lp.id, str(number))]
    haystack = section_key_without_footnotes(lp, number)
    assert [b for b in fx.blocks(m.description) if key(b) not in haystack] == [], "description parts not in the section"
    assert [b for b in fx.blocks(e.narrative) if key(b) not in haystack] == [], "narrative parts not in the section"


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_section_holds_the_references(lp: fx.LayoutPlan, number: int, models) -> None:
    # A footnote stands at the foot of its page, which may be in the next measure's section.
    nxt = fx.sections(lp.document).get(f"tiltak-{number + 1}", "")
    haystack = key(section(lp, number) + nxt)
    for ref in models[(lp.id, str(number))][1].references:
        assert key(f"{ref.number} {ref.text}") in haystack, f"footnote {ref.number} {ref.text!r} not in the source"
        if ref.url:
            assert key(ref.url) in haystack, f"footnote {ref.number}: url {ref.url!r} not in the source"


@pytest.mark.parametrize("lp, number", LAYOUT_MEASURES, ids=lambda v: _plan_id(v))
def test_section_nothing_lost(lp: fx.LayoutPlan, number: int, models) -> None:
    """Take every data text out of the section: only its labels may remain ("Tiltak N",
    "Gjennomføring", the Ansvar label if any, "Status"). Any other leftover is source text
    missing from the data."""
    m, e = models[(lp.id, str(number))]
    pieces = ([m.title, m.period.text, m.responsibility.text, e.status.label, *fx.blocks(m.description), *fx.blocks(e.narrative)])
    leftover = fx.remove_once(section_key_without_footnotes(lp, number), [key(p) for p in pieces])
    label, _ = fx.responsibility_block(section(lp, number))
    labels = key(f"Tiltak {number}") + "gjennomføring" + key(label or "") + "status"
    assert leftover == labels, f"source text missing from the data (leftover {leftover!r}, labels {labels!r})"


@pytest.mark.parametrize("lp", LAYOUT_PLANS, ids=_plan_id)
def test_front_matter_nothing_lost(lp: fx.LayoutPlan) -> None:
    """The text before the overview table: the cover and the introduction."""
    plan, report = lp.plan, lp.reports[-1]
    text = fx.corrected_source(lp.document)
    front = key(text[: text.index(fx.OVERVIEW)])
    pieces = [plan["title"], plan.get("subtitle") or "", plan["period"]["text"], *fx.blocks(plan["description"]),
              *fx.blocks(report.get("description"))]
    leftover = fx.remove_once(front, [key(p) for p in pieces])
    # what remains is the cover's own words of the report's title («Statusrapport», «Oktober 2011»)
    assert leftover == key(report["title"]), f"front matter missing from the data: {leftover!r}"


@pytest.mark.parametrize("document", sorted({lp.document for lp in LAYOUT_PLANS}))
def test_footnotes_are_in_the_source_and_each_is_marked(document: str) -> None:
    whole = fx.corrected_key(document)
    assert [k for k in fx.footnote_keys(document) if k not in whole] == []
    for entry, ref in fx.footnotes(document):
        assert f"[^{ref['number']}]" in (entry.get("narrative") or ""), f"{entry['measure']}: footnote {ref['number']} has no marker"
    marked = [(e["measure"], n) for lp in LAYOUT_PLANS if lp.document == document for r in lp.reports for e in r["entries"]
              for n in re.findall(r"\[\^(\d+)\]", e.get("narrative") or "")]
    assert len(marked) == len(fx.footnotes(document)), "a footnote marker without its reference, or the reverse"


# --- strategies (selected by what their source text holds) -------------------------------------

STRATEGY_FILES = sorted((fx.DATA / "strategies").glob("*.yml"))
STRATEGIES = [fx.yaml_file(p) for p in STRATEGY_FILES]


def _lines(document: str) -> list[str]:
    return [line.strip() for line in fx.corrected_source(document).split("\n")]


def table_of_contents(document: str) -> dict[str, int]:
    """The raw source's table of contents (the corrected source drops it as non-content)."""
    entries = {}
    for line in fx.source_lines(document):
        match = re.fullmatch(r"([^\t]+)\t(\d+)\s*", line)
        if match:
            entries[match.group(1).strip()] = int(match.group(2))
    return entries


def _doc(s: dict) -> str:
    return s["source"]["document"]


# strategies with a table of contents and strategic areas under a heading «Strategiske områder»
TOC_STRATEGIES = [s["id"] for s in STRATEGIES if table_of_contents(_doc(s))]
AREA_STRATEGIES = [s["id"] for s in STRATEGIES if (s.get("areas") or {}).get("items") and "Strategiske områder" in _lines(_doc(s))]


def bullet_lines(document: str) -> list[str]:
    return [line.strip()[1:].strip() for line in fx.corrected_source(document).split("\n") if line.strip().startswith("•")]


# values whose statements the source prints as «•» bullets, and values under their own headings
BULLET_VALUES = [s["id"] for s in STRATEGIES if (s.get("values") or {}).get("items") and bullet_lines(_doc(s))]
HEADED_VALUES = [s["id"] for s in STRATEGIES if (s.get("values") or {}).get("items") and not bullet_lines(_doc(s))]
DRIVER_TABLES = [s["id"] for s in STRATEGIES if s.get("drivers")
                 and any(line.startswith(s["drivers"]["categories"][0]["title"] + "\t") for line in fx.source_lines(_doc(s)))]


@pytest.fixture(scope="module")
def strategies(public_corpus: Corpus) -> dict[str, Strategy]:
    return public_corpus.strategies


def area_blocks(strategy: Strategy) -> dict[str, str]:
    """The corrected text of each strategic area: from its heading line to the next area's."""
    lines = _lines(strategy.source.document.id)
    start = lines.index("Strategiske områder")
    found = []
    for area in strategy.areas:
        assert area.title in lines[start:], f"no heading line {area.title!r} among the strategic areas"
        start = lines.index(area.title, start)
        found.append(start)
    bounds = [*found, len(lines)]
    return {a.id: "\n".join(lines[b:c]) for a, b, c in zip(strategy.areas, bounds, bounds[1:], strict=False)}


@pytest.mark.parametrize("sid", AREA_STRATEGIES)
def test_areas_are_in_the_table_of_contents(strategies, sid: str) -> None:
    strategy = strategies[sid]
    toc = table_of_contents(strategy.source.document.id)
    for a in strategy.areas:
        assert a.title in toc, f"{a.title!r} is not in the table of contents {list(toc)}"
        assert a.source.page == toc[a.title], a.title


@pytest.mark.parametrize("sid", AREA_STRATEGIES)
def test_goals_and_subgoals(strategies, sid: str) -> None:
    strategy = strategies[sid]
    for a in strategy.areas:
        block = area_blocks(strategy)[a.id]
        k, pos = key(block), 0
        for goal in a.goals:
            at = k.find(key(goal.title), pos)
            assert at >= 0, f"goal {goal.title!r} not in the area's text (after the previous goal)"
            pos = at
            for sub in goal.subgoals:
                assert key(sub.text) in k, f"delmål {sub.text!r} not in the area's text"
        bullets = [line[2:] for line in block.split("\n") if line.startswith("- ")]
        assert bullets == [s.text for g in a.goals for s in g.subgoals], f"{a.id}: the delmål are the area's bullets, in order"


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


@pytest.mark.parametrize("sid", HEADED_VALUES)
def test_values_under_their_headings(strategies, sid: str) -> None:
    strategy = strategies[sid]
    lines = _lines(strategy.source.document.id)
    listing = lines.index("Verdier")
    names = [v.name for v in strategy.values]
    assert [x for x in lines[listing + 1: listing + 1 + 2 * len(names)] if x][: len(names)] == names, "the values as listed"
    for value in strategy.values:
        heading = len(lines) - 1 - lines[::-1].index(value.name)  # the explaining heading is the last one
        assert list(value.statements) == statements_after(lines, heading), value.name


@pytest.mark.parametrize("sid", BULLET_VALUES)
def test_focus_areas_and_values_are_the_bullets(strategies, sid: str) -> None:
    strategy = strategies[sid]
    bullets = bullet_lines(strategy.source.document.id)
    assert bullets == [f.title for f in strategy.focus_areas] + [s for v in strategy.values for s in v.statements]
    lines = _lines(strategy.source.document.id)
    for value in strategy.values:
        assert value.name in lines, f"no heading line {value.name!r}"
        assert list(value.statements) == statements_after(lines, lines.index(value.name)), value.name


def drivers_table(document: str, first_category: str) -> list[tuple[str, list[str]]]:
    """Rebuild the drivkrefter table from its tab-separated lines.

    The header has a cell per column; an empty header cell continues the category before it
    (a category may span two columns). Each non-empty body cell is a driver of its column's
    category, taken row by row, column by column.
    """
    lines = fx.corrected_source(document).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(first_category + "\t"))
    columns: list[str] = []
    for cell in lines[at].split("\t"):
        columns.append(cell.strip() or columns[-1])
    categories: dict[str, list[str]] = {c: [] for c in columns}
    for line in lines[at + 1:]:
        if not line.strip():
            break
        cells = line.split("\t")
        assert len(cells) == len(columns), f"row has {len(cells)} cells, header {len(columns)}: {line!r}"
        for column, cell in zip(columns, cells, strict=False):
            if cell.strip():
                categories[column].append(cell.strip())
    return list(categories.items())


@pytest.mark.parametrize("sid", DRIVER_TABLES)
def test_drivers_match_the_table(strategies, sid: str) -> None:
    strategy = strategies[sid]
    data = [(c.title, [d.title for d in c.drivers]) for c in strategy.drivers.categories]
    assert data == drivers_table(strategy.source.document.id, data[0][0])
    assert strategy.drivers.count == sum(len(d) for _, d in data)


@pytest.mark.parametrize("sid", [s["id"] for s in STRATEGIES if s.get("user_goals") or s.get("service_goals")])
def test_goals_are_worded_as_in_the_source(strategies, sid: str) -> None:
    strategy = strategies[sid]
    source = squash(fx.corrected_source(strategy.source.document.id))
    for goal in strategy.user_goals:  # capitalised in the data, mid-sentence in the source
        assert goal.title in source or goal.title[0].lower() + goal.title[1:] in source, goal.title
    for goal in strategy.service_goals:
        assert goal.title.lower() in source.lower(), goal.title
        for quality in goal.qualities:
            assert quality in source, quality
    for quality in strategy.common_qualities:
        assert quality in source, quality


@pytest.mark.parametrize("sid", [s["id"] for s in STRATEGIES if (s.get("pyramid") or {}).get("description")])
def test_pyramid_layers_follow_the_text(strategies, sid: str) -> None:
    strategy = strategies[sid]
    words = {"mission": "samfunnsoppdraget", "vision": "visjonen", "user_goals": "brukermålene",
             "service_goals": "tjenestemålene", "focus_areas": "satsingsområdene", "values": "verdier"}
    text = strategy.pyramid_description.casefold()
    positions = [text.find(words[layer]) for layer in strategy.pyramid_layers]
    assert -1 not in positions and positions == sorted(positions), dict(zip(strategy.pyramid_layers, positions, strict=False))


# --- other plans: a heading per measure, a numbered list of groups ----------------------------

OTHER_PLANS = [fx.yaml_file(p) for p in sorted((fx.DATA / "plans").glob("*.yml"))
               if fx.yaml_file(p)["id"] not in {lp.id for lp in LAYOUT_PLANS}]


def _headings(number: object, title: str) -> list[str]:
    """The ways a source heads a measure: «Tiltak 3: …», «Tiltak 3.1 …», «3) …», «3. …», or its
    title alone (also as a bullet: «• …», «- …»)."""
    if number is None:
        return [title, f"• {title}", f"- {title}"]
    return [f"Tiltak {number}: {title}", f"Tiltak {number} {title}", f"{number}) {title}", f"{number}. {title}"]


@pytest.mark.parametrize("plan, measure", [(p["id"], x["id"]) for p in OTHER_PLANS for x in p["measures"]], ids=str)
def test_measure_heading_and_text(public_corpus: Corpus, plan: str, measure: str) -> None:
    m = next(x for x in public_corpus.plans[plan].all_measures if x.id == measure)
    document = m.source.document.id
    if "title" not in m.editorial:
        headings = _headings(m.number, m.title)  # a line starts with one (a bullet may go on: «… (Ansvar: X)»)
        assert any(line.startswith(h) for line in _lines(document) for h in headings), f"no heading for {m.ref} in {document}"
    whole = fx.corrected_key(document)
    assert [b for b in fx.blocks(m.description) if key(b) not in whole] == []


LISTED = re.compile(r"(\d+)\) (.*)")


@pytest.mark.parametrize("plan", [p["id"] for p in OTHER_PLANS if any(LISTED.fullmatch(x) for x in _lines(p["source"]["document"]))])
def test_groups_are_the_numbered_list(public_corpus: Corpus, plan: str) -> None:
    p = public_corpus.plans[plan]
    listed = [m.groups() for m in map(LISTED.fullmatch, _lines(p.source.document.id)) if m]
    assert [x.number for x in p.groups] == [n for n, _ in listed]
    for package, (_, line) in zip(p.groups, listed, strict=False):
        # the list's own words may end an item ("… og", "… .")
        assert line in (package.title, f"{package.title} og", f"{package.title}."), (package.title, line)


def _file_persons(plan_id: str, measure_id: str) -> list[str]:
    plan = fx.yaml_file(fx.DATA / "plans" / f"{plan_id}.yml")
    measure = next(x for x in plan["measures"] if x["id"] == measure_id)
    return [p["name"] for p in measure["contacts"]["persons"]]


@pytest.fixture(scope="module")
def with_contacts(internal_corpus: Corpus):
    return [(p, m) for p in internal_corpus.plans.values() for m in p.measures if m.contacts is not None]


def test_contacts_are_source_lines_and_internal(with_contacts, public_corpus: Corpus) -> None:
    for plan, m in with_contacts:
        lines = [squash(line) for line in fx.corrected_source(m.source.document.id).split("\n")]
        assert m.contacts.text in lines, f"{m.ref}: the contacts sentence is a line of the source"
        assert [p.name for p in m.contacts.persons] == _file_persons(plan.id, m.id)
        for person in m.contacts.persons:
            assert person.name in m.contacts.text, f"{person.name!r} is not written so in the contacts text"
    assert [m.ref for p in public_corpus.plans.values() for m in p.measures if m.contacts is not None] == []


# --- nothing invented: every content string of every data file ---------------------------------

# A status-report layout report's title is composed of words the cover prints apart («Statusrapport»,
# «Oktober 2011»): test_front_matter_nothing_lost checks it against the cover instead.
COMPOSED = {f"reports/{path.name}:title" for path in sorted((fx.DATA / "reports").glob("*.yml"))
            if fx.yaml_file(path)["id"] in {r["id"] for lp in LAYOUT_PLANS for r in lp.reports}}


@pytest.mark.parametrize("field", [f for f in FIELDS if f.id not in COMPOSED], ids=lambda f: f.id)
def test_data_text_is_in_the_source(field: fx.Field) -> None:
    missing = fx.missing_parts(field)
    assert not missing, f"{field.id}: not in {field.document} (corrected): {missing}"


def test_every_string_field_is_classified() -> None:
    unknown = {(p.name, name) for p in fx.content_files() for _, name, _ in fx.string_fields(p)
               if name not in fx.CONTENT_FIELDS | fx.METADATA_FIELDS | fx.EDITORIAL_FIELDS}
    assert not unknown, f"classify these fields in fidelity.CONTENT_FIELDS or METADATA_FIELDS: {sorted(unknown)}"


# What the data does not hold of a source, on purpose: document -> (source words, why).
# Everything else of the corrected source must be in some content field of the data; a document
# not listed here must be held whole. The labels a plan's numbers stand for («Tiltak 11:», «1)»)
# are found from the data (labels_of). Documents in the status-report layout are checked section
# by section above.
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
        ("Handlingsplanen har fem prioriteringsområder:", "represented by the five groups (see the plan file)"),
        ("og", "list punctuation after item 4"),
    ],
    "konfliktradet-vestfold-slt-samarbeidsmote": [],
}


def labels_of(document: str) -> list[tuple[str, str]]:
    """The source's labels for the numbers the data records, where the source prints them: per
    measure «Tiltak N:», «N)» or «N.», per group «<label> N:» (the label is the group's) or «N)»."""
    found = []
    lines = [line.strip() for line in fx.corrected_source(document).split("\n")]

    def printed(forms: list[str], why: str) -> None:
        form = next((f for f in forms if any(line.startswith(f + " ") for line in lines)), None)
        if form is not None:
            found.append((form, why))

    for plan in OTHER_PLANS:
        for x in plan["measures"]:
            if x.get("number") is not None and (x.get("source") or {}).get("document", plan["source"]["document"]) == document:
                n = x["number"]
                printed([f"Tiltak {n}:", f"{n})", f"{n}."], "label; recorded as measure.number")
        if plan["source"]["document"] == document:
            for g in plan["groups"]:
                if g.get("number") is not None:
                    printed([f"{g['label']} {g['number']}:", f"{g['number']})"], "label and number; recorded as group.label, .number")
    return found


@pytest.mark.parametrize("document", sorted(set(fx.document_files()) - {lp.document for lp in LAYOUT_PLANS}))
def test_nothing_lost(document: str) -> None:
    # The package label ("Prioriteringsområde") classifies; it is no span of the source text.
    pieces = [key(p) for f in FIELDS if f.document == document and f.name != "label" for p in f.parts]
    leftover = fx.remove_once(fx.corrected_key(document), pieces)
    for words, why in NOT_IN_DATA.get(document, []) + labels_of(document):
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
        for entity in (*plan.groups, *plan.measures):
            if entity.source.document.has_pages and entity.source.page is None:
                missing.append(entity.ref)
        for report in plan.reports:
            missing += [f"{report.ref} {e.measure_id}" for e in report.entries
                        if e.source.document.has_pages and e.source.page is None]
    assert missing == [], f"no page recorded for: {missing}"


RULES = fx.page_rules()


def _rule_id(value) -> str:
    return value.file.name if isinstance(value, fx.PageRule) else str(value)


@pytest.mark.parametrize("rule", RULES, ids=_rule_id)
def test_page_rule_agrees_with_its_anchors(rule: fx.PageRule) -> None:
    # The first anchor fixes the numbering; the others check the count of page starts between them.
    assert len(rule.anchors) >= 2, f"{rule.file.name}: one anchor fixes the numbering, a second must check it"
    for line, page in rule.anchors:
        assert fx.source_lines(rule.document)[line - 1].strip() == str(page), f"line {line} is not the page number {page}"
        computed = rule.page_of_line(line)
        assert computed == page, f"the rule puts the printed page number {page} (line {line}) on page {computed}"


# The page tables in the files' headers: plans «side 10 begynner på linje 500, side 11 på 549»,
# reports «s. 2: l. 1, s. 3: l. 73».
TABLES = [(rule, rule.file, r"(\d+) (?:begynner )?på (?:linje )?(\d+)") for rule in RULES] + [
    (rule, path, r"s\. (\d+): l\. (\d+)") for rule in RULES for path in sorted((fx.DATA / "reports").glob("*.yml"))
    if fx.yaml_file(path)["source"]["document"] == rule.document and "s. " in fx.header_comment(path)]


@pytest.mark.parametrize("rule, path, pattern", TABLES, ids=lambda v: v.name if hasattr(v, "name") else "")
def test_documented_page_table_matches_the_rule(rule: fx.PageRule, path, pattern: str) -> None:
    documented = {int(p): int(n) for p, n in re.findall(pattern, fx.header_comment(path))}
    assert documented, f"{path.name} documents no page table"
    assert documented == rule.page_starts(), f"the page table in the header of {path.name} differs from the rule"


RULED = [(lp, rule) for lp in LAYOUT_PLANS for rule in RULES if rule.document == lp.document]
RULED_MEASURES = [(lp, rule, x["number"]) for lp, rule in RULED for x in lp.plan["measures"]]


def heading_line(lp: fx.LayoutPlan, number: int) -> int:
    first = lp.plan["groups"][0]
    after = fx.first_line_of(rf"^\s?{re.escape(first['label'])} {re.escape(first['number'])}:", lp.document)
    return fx.first_line_of(rf"^\s?Tiltak {number}: ", lp.document, after=after)


@pytest.mark.parametrize("lp, rule, number", RULED_MEASURES, ids=lambda v: _plan_id(v) if not isinstance(v, fx.PageRule) else "")
def test_measure_and_entry_page(lp: fx.LayoutPlan, rule: fx.PageRule, number: int, models) -> None:
    m, entry = models[(lp.id, str(number))]
    line = heading_line(lp, number)
    assert m.source.page == rule.page_of_line(line), f"heading of tiltak {number} is on line {line}"
    status = fx.first_line_of(r"^\s?Status:", lp.document, after=line)
    assert entry.source.page == rule.page_of_line(status), f"tiltak {number}: Status: is on line {status}"


@pytest.mark.parametrize("lp, rule", RULED, ids=lambda v: _plan_id(v) if not isinstance(v, fx.PageRule) else "")
def test_package_plan_and_report_pages(lp: fx.LayoutPlan, rule: fx.PageRule, public_corpus: Corpus) -> None:
    plan = public_corpus.plans[lp.id]
    for package in plan.groups:
        line = fx.first_line_of(rf"^\s?{re.escape(package.label)} {re.escape(package.number)}:", lp.document)
        assert package.source.page == rule.page_of_line(line), package.ref
    opening = " ".join(fx.blocks(plan.description)[0].split()[:6])
    line = fx.line_of_text(opening, lp.document)
    report = next(r for r in plan.reports if r.id == lp.reports[-1]["id"])
    assert plan.source.page == report.source.page == rule.page_of_line(line)


@pytest.mark.parametrize("erratum", [e for e in fx.errata() if fx.page_rule_of(e.document)], ids=lambda e: e.id)
def test_erratum_page(erratum: fx.Erratum) -> None:
    # page None only for the trailing text from the PDF's structure, after the last page
    assert erratum.page == fx.page_rule_of(erratum.document).page_of_line(erratum.line)


@pytest.mark.parametrize("relation", [r for r in fx.relations() if fx.page_rule_of(r.document)
                                      and any(r.from_ref.startswith(f"measure:{lp.id}/") for lp in LAYOUT_PLANS)], ids=lambda r: r.id)
def test_relation_page(relation: fx.Relation) -> None:
    plan_id, measure_id = relation.from_ref.removeprefix("measure:").split("/")
    lp = next(lp for lp in LAYOUT_PLANS if lp.id == plan_id)
    number = next(x["number"] for x in lp.plan["measures"] if x["id"] == measure_id)
    start = heading_line(lp, number)  # the quote is in the from-measure's section
    line = fx.line_of_text(relation.quote, relation.document, after=start - 1)
    assert relation.page == fx.page_rule_of(relation.document).page_of_line(line), f"{relation.quote!r} is on line {line}"


@pytest.mark.parametrize("sid", TOC_STRATEGIES)
def test_strategy_pages_follow_the_table_of_contents(strategies, sid: str) -> None:
    s = strategies[sid]
    toc = table_of_contents(s.source.document.id)
    pages = {}
    if s.introduction and s.introduction.title in toc:
        pages["introduction"] = (s.introduction.source.page, toc[s.introduction.title])
    if s.vision and "Visjon" in toc:
        pages["vision"] = (s.vision.source.page, toc["Visjon"])
    if s.drivers and "Drivkrefter" in toc:
        pages["drivers"] = (s.drivers.source.page, toc["Drivkrefter"])
    if "Verdier" in toc:
        pages |= {f"value {v.id}": (v.source.page, toc["Verdier"]) for v in s.values}
    pages |= {f"section {x.id}": (x.source.page, toc[x.title]) for x in s.sections if x.title in toc}
    if s.areas_future_title in toc:
        pages |= {f"future {a.id}": (a.future_source.page, toc[s.areas_future_title]) for a in s.areas}
    assert pages, "the table of contents names none of the strategy's parts"
    assert {k: v for k, v in pages.items() if v[0] != v[1]} == {}


def test_an_entity_is_compared_with_its_own_document(tmp_path) -> None:
    """A measure that names another source than its plan's is checked against that source."""
    path = tmp_path / "plan.yml"
    path.write_text('id: p\ntitle: Planens tittel\nsource: {document: plan-dok, page: null}\nmeasures:\n'
                    '  - id: t\n    title: Tiltakets tittel\n    source: {document: annet-dok, page: 3}\n'
                    '    description: Tiltakets tekst.\n  - id: u\n    title: Et tiltak i planens dokument\n', encoding="utf-8")
    documents = {f.path: f.document for f in fx.content_fields(path)}
    assert documents == {"title": "plan-dok", "measures[0].title": "annet-dok", "measures[0].description": "annet-dok",
                         "measures[1].title": "plan-dok"}
