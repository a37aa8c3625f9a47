"""`planverk import plan` on layouts made here: every shape the issue lists, as text, Word and PDF.

Each fixture is a small literal plan with the facts it states written beside it; the test
reads it through the same path as the command (file → text → layout → draft) and reports
the share of fields (number, title, group, responsibility, period, status) that came out as
the fixture states them. The organisations are literals too, so nothing here depends on data/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from planverk import model as m
from planverk.importer import draft as drafts
from planverk.importer import layout, patterns, sources
from planverk.importer.match import Matcher

SCALE = ["Ikke igangsatt", "Under planlegging", "Igangsatt", "Gjennomført"]
_DOC = m.Document(id="kilde", title="Kilde", kind="handlingsplan", publisher_id="regjeringen", date=None, file="kilde.txt",
                  has_pages=False, extraction_note=None)


def org(ident: str, abbreviation: str | None, name: str, former: tuple[str, ...] = (), other: tuple[str, ...] = ()) -> m.Organisation:
    source = m.Source(document=_DOC, page=None)
    return m.Organisation(id=ident, abbreviation=abbreviation, name=name, category="departement", parent_id=None,
                          former_names=tuple(m.FormerName(name=f, source=source) for f in former), other_names=other,
                          expansion_is_editorial=False, internal=False, source=source)


ORGANISATIONS = [
    org("jd", "JD", "Justis- og beredskapsdepartementet", former=("Justis- og politidepartementet",)),
    org("hod", "HOD", "Helse- og omsorgsdepartementet"),
    org("kd", "KD", "Kunnskapsdepartementet"),
    org("krd", "KRD", "Kommunal- og regionaldepartementet"),
    org("husbanken", None, "Husbanken"),
    org("ks", "KS", "Kommunesektorens interesse- og arbeidsgiverorganisasjon"),
    org("helsedirektoratet", "Hdir", "Helsedirektoratet"),
    org("udir", "Udir", "Utdanningsdirektoratet"),
    org("bld", "BLD", "Barne-, likestillings- og inkluderingsdepartementet"),
    org("krad", "KRÅD", "Det kriminalitetsforebyggende råd"),
]


@dataclass(frozen=True)
class Expected:
    number: str
    title: str
    group: str
    responsible: str | None
    period: str | None
    status: str | None


# --- the fixtures -------------------------------------------------------------------------------

PER_GOAL_NYNORSK = """Handlingsplan for tryggare eldre (2024-2027)

Regjeringa legg med denne planen fram tiltak for at eldre skal kunne bu trygt heime lenger.

Mål 1: Tryggare heimar

Tiltak 1: Kartleggje fallrisiko i heimen
Ansvarleg departement: HOD
Utførande verksemd: Helsedirektoratet
Deltakande verksemder: KS og kommunane
Tidsperspektiv: Påbegynt – 2027
Status: Igangsatt

Kommunane skal kartleggje fallrisiko hos alle over 80 år som bur heime.

Tiltak 2: Betre tryggleiksalarmar
Ansvarleg: FIN/DFD
Tidsperspektiv: 2009-
Status: Under planlegging

Mål 2: Gode overgangar mellom sjukehus og heim

Tiltak 1: Felles plan ved utskriving
Ansvarleg: HOD i samarbeid med KS
Periode: 2025-2026
Status: Ikke igangsatt

Tiltaket har to delar:

• Utarbeide ein mal for utskrivingsplan. Ansvar: Helsedirektoratet
• Prøve ut malen i to fylke (Ansvar: KS)
"""
PER_GOAL_EXPECTED = [
    Expected("1", "Kartleggje fallrisiko i heimen", "Tryggare heimar", "HOD", "Påbegynt – 2027", "Igangsatt"),
    Expected("2", "Betre tryggleiksalarmar", "Tryggare heimar", "FIN/DFD", "2009-", "Under planlegging"),
    Expected("1", "Felles plan ved utskriving", "Gode overgangar mellom sjukehus og heim", "HOD i samarbeid med KS",
             "2025-2026", "Ikke igangsatt"),
]

LONE_NUMBER = """Handlingsplan for friluftsliv

Kapittel 1: Friluftsliv for barn

1
Flere turskoler
Ansvarlig: KLD
Periode: 2020-2023
Status: Igangsatt

Turskolene skal nå alle kommuner.

2
Gratis leie av utstyr
i alle kommuner
Ansvarlig: KLD/KS
Periode: 2021
Status: Gjennomført

Kapittel 2: Friluftsliv for alle

3
Merking av stier
Ansvar: KS i samarbeid med frivillige organisasjoner
Periode: Oppstart i 2022
"""
LONE_NUMBER_EXPECTED = [
    Expected("1", "Flere turskoler", "Friluftsliv for barn", "KLD", "2020-2023", "Igangsatt"),
    Expected("2", "Gratis leie av utstyr i alle kommuner", "Friluftsliv for barn", "KLD/KS", "2021", "Gjennomført"),
    Expected("3", "Merking av stier", "Friluftsliv for alle", "KS i samarbeid med frivillige organisasjoner", "Oppstart i 2022", None),
]

# Word: headings as Word headings, bullets as Word list items; nested groups «Innsatsområde 3» › «3.1 …»
DOCX_PARAGRAPHS: list[tuple[str, str]] = [
    ("Title", "Strategi for digital forvaltning 2025-2028"),
    ("Normal", "Planen skildrar kva departementa skal gjere for betre digitale tenester."),
    ("Heading 1", "Innsatsområde 3: Betre digitale tenester"),
    ("Heading 2", "3.1 Tverrgåande tiltak"),
    ("Heading 3", "Tiltak 3.1 Felles innlogging"),
    ("Normal", "Ansvarlig: DFD"),
    ("Normal", "Gjennomføring: 2025-2027"),
    ("Normal", "Status: Igangsatt"),
    ("Normal", "Alle statlege tenester skal bruke same innlogging."),
    ("Heading 3", "Tiltak 3.2 Deling av data"),
    ("Normal", "Ansvarlig: FIN/DFD"),
    ("Normal", "Gjennomføring: 2026"),
    ("List Bullet", "Kartleggje registra."),
    ("List Bullet", "Lage felles API (Ansvar: Digdir)"),
    ("Heading 2", "3.2 Tiltak i kommunane"),
    ("Heading 3", "Tiltak 3.3 Digital postkasse i kommunane"),
    ("Normal", "Ansvar: KS i samarbeid med kommunane"),
    ("Normal", "Periode: 2025-"),
    ("Normal", "Status: Gjennomført"),
]
DOCX_EXPECTED = [
    Expected("3.1", "Felles innlogging", "Tverrgåande tiltak", "DFD", "2025-2027", "Igangsatt"),
    Expected("3.2", "Deling av data", "Tverrgåande tiltak", "FIN/DFD", "2026", None),
    Expected("3.3", "Digital postkasse i kommunane", "Tiltak i kommunane", "KS i samarbeid med kommunane", "2025-", "Gjennomført"),
]

# PDF: «Tiltak N: Tittel» with a title that wraps, «Ansvar:» with a composite string
PDF_LINES = [
    "Handlingsplan mot vold i nære relasjoner (2021-2024)",
    "",
    "Prioriteringsområde 1: Forebygging",
    "",
    "Tiltak 1: Styrke kunnskapen om vold i nære relasjoner blant ansatte i",
    "barnehage og skole",
    "Ansvar: KD i samarbeid med Udir",
    "Gjennomføring: 2021-2024",
    "Status: Igangsatt",
    "Ansatte i barnehage og skole skal få opplæring.",
    "",
    "Tiltak 2: Boliger for utsatte",
    "Ansvar: KRD/Husbanken/JD",
    "Gjennomføring: 2022",
    "Status: Gjennomført",
    "",
    "Prioriteringsområde 2: Beskyttelse",
    "",
    "Tiltak 3: Flere kriserom",
    "Ansvarlig: JD",
    "Gjennomføring: Oppstart i 2023",
    "Status: Under planlegging",
]
PDF_EXPECTED = [
    Expected("1", "Styrke kunnskapen om vold i nære relasjoner blant ansatte i barnehage og skole", "Forebygging",
             "KD i samarbeid med Udir", "2021-2024", "Igangsatt"),
    Expected("2", "Boliger for utsatte", "Forebygging", "KRD/Husbanken/JD", "2022", "Gjennomført"),
    Expected("3", "Flere kriserom", "Beskyttelse", "JD", "Oppstart i 2023", "Under planlegging"),
]


def write_txt(text: str, path: Path) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_docx(paragraphs: list[tuple[str, str]], path: Path) -> Path:
    from docx import Document

    document = Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def write_pdf(lines: list[str], path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


FIXTURES = {
    "per-goal-nynorsk.txt": (lambda p: write_txt(PER_GOAL_NYNORSK, p), PER_GOAL_EXPECTED),
    "lone-number.txt": (lambda p: write_txt(LONE_NUMBER, p), LONE_NUMBER_EXPECTED),
    "nested-groups.docx": (lambda p: write_docx(DOCX_PARAGRAPHS, p), DOCX_EXPECTED),
    "tiltak-colon.pdf": (lambda p: write_pdf(PDF_LINES, p), PDF_EXPECTED),
}


def draft_of(path: Path) -> drafts.Draft:
    return drafts.build(layout.parse(sources.read(path)), plan_id="fixture", title=None, language="nb",
                        statuses=SCALE, matcher=Matcher(ORGANISATIONS))


def figure(draft: drafts.Draft, expected: list[Expected]) -> tuple[int, int, list[str]]:
    agree, total, misses = 0, 0, []
    for x, want in zip(draft.measures, expected, strict=False):
        got = Expected(x.number or "", x.title, x.group.title if x.group else "", x.text or x.summary,
                       str(x.period["text"]) if x.period else None, x.status)
        for name in ("number", "title", "group", "responsible", "period", "status"):
            total += 1
            if getattr(got, name) == getattr(want, name):
                agree += 1
            else:
                misses.append(f"tiltak {want.number} {name}: forventet {getattr(want, name)!r}, fant {getattr(got, name)!r}")
    total += 6 * max(0, len(expected) - len(draft.measures))
    return agree, total, misses


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_each_layout_is_read_field_by_field(name: str, tmp_path: Path) -> None:
    make, expected = FIXTURES[name]
    draft = draft_of(make(tmp_path / name))
    agree, total, misses = figure(draft, expected)
    print(f"\n{name}: {len(draft.measures)} av {len(expected)} tiltak, {agree} av {total} felt like ({agree / total:.1%})"
          + "".join(f"\n  {miss}" for miss in misses))
    assert [x.number for x in draft.measures] == [e.number for e in expected]
    assert not misses, misses


def test_per_goal_numbers_are_kept_as_written_under_goals(tmp_path: Path) -> None:
    draft = draft_of(write_txt(PER_GOAL_NYNORSK, tmp_path / "plan.txt"))
    assert [x.number for x in draft.measures] == ["1", "2", "1"]  # as the source writes them, per goal
    assert [x.id for x in draft.measures] == ["tiltak-1-1", "tiltak-1-2", "tiltak-2-1"]  # unique and readable
    assert [(g.id, g.number, g.label, g.goal) for g in draft.groups] == [("mal-1", "1", "Mål", True), ("mal-2", "2", "Mål", True)]
    assert [x.group.id if x.group else None for x in draft.measures] == ["mal-1", "mal-1", "mal-2"]
    assert not any("nummer" in note for x in draft.measures for note in x.notes)
    assert not draft.simplified


ROLES = (m.Role(id="ansvarlig", label="Ansvarlig", description="", leads=True),
         m.Role(id="utforende", label="Utførende", description=""),
         m.Role(id="deltakende", label="Deltakende", description=""),
         m.Role(id="samarbeidspart", label="Samarbeidspart", description=""))


def test_executing_and_participating_bodies_get_the_vocabularys_roles(tmp_path: Path) -> None:
    found = layout.parse(sources.read(write_txt(PER_GOAL_NYNORSK, tmp_path / "plan.txt")))
    first = drafts.build(found, plan_id="x", title=None, language="nn", statuses=SCALE, matcher=Matcher(ORGANISATIONS),
                         roles=ROLES).measures[0]
    parties = [(b.organisation.id if b.organisation else b.text, b.role) for b in first.bodies]
    assert parties == [("hod", "ansvarlig"), ("helsedirektoratet", "utforende"), ("ks", "deltakende"), ("kommunane", "deltakende")]
    assert first.text == "HOD"
    assert not any("rolle" in note for note in first.notes)


def test_without_those_roles_in_the_vocabulary_the_bodies_fall_back_with_a_note(tmp_path: Path) -> None:
    first = draft_of(write_txt(PER_GOAL_NYNORSK, tmp_path / "plan.txt")).measures[0]
    parties = [(b.organisation.id if b.organisation else b.text, b.role) for b in first.bodies]
    assert parties == [("hod", "ansvarlig"), ("helsedirektoratet", "ansvarlig"), ("ks", "samarbeidspart"),
                       ("kommunane", "samarbeidspart")]
    assert any("ingen rolle for utførende" in note for note in first.notes)
    assert any("ingen rolle for deltakende" in note for note in first.notes)


def test_a_period_without_a_start_year_keeps_its_end_and_words(tmp_path: Path) -> None:
    first, second = draft_of(write_txt(PER_GOAL_NYNORSK, tmp_path / "plan.txt")).measures[:2]
    assert first.period == {"start": None, "end": 2027, "text": "Påbegynt – 2027"}
    assert not any("startåret" in note for note in first.notes)
    assert second.period == {"start": 2009, "end": None, "text": "2009-"}


def test_a_bullet_list_naming_its_own_bodies_becomes_sub_measures(tmp_path: Path) -> None:
    third = draft_of(write_txt(PER_GOAL_NYNORSK, tmp_path / "plan.txt")).measures[2]
    assert [(x.title, x.text, x.parent) for x in third.parts] == [
        ("Utarbeide ein mal for utskrivingsplan", "Helsedirektoratet", third), ("Prøve ut malen i to fylke", "KS", third)]
    assert [[b.organisation.id for b in x.bodies if b.organisation] for x in third.parts] == [["helsedirektoratet"], ["ks"]]
    assert [x.number for x in third.parts] == [None, None] and len({x.id for x in third.parts} | {third.id}) == 3
    assert third.description == "Tiltaket har to delar:"  # the list's items are the sub-measures now
    parsed = layout.parse(PER_GOAL_NYNORSK).measures[2]
    assert [s.responsible for s in parsed.sub_measures] == ["Helsedirektoratet", "KS"]


def test_a_bullet_list_without_bodies_stays_text() -> None:
    text = """Mål 1: Trygge skoler

Tiltak 1: Mer skolemegling
Ansvar: KD

• Kurs for lærere
• Kurs for elever
"""
    x = drafts.build(layout.parse(text), plan_id="x", title=None, language="nb", statuses=SCALE,
                     matcher=Matcher(ORGANISATIONS)).measures[0]
    assert not x.parts
    assert x.description == "- Kurs for lærere\n- Kurs for elever"


def test_nested_groups_keep_their_tree(tmp_path: Path) -> None:
    draft = draft_of(write_docx(DOCX_PARAGRAPHS, tmp_path / "plan.docx"))
    assert [(g.id, g.number, g.label, g.parent.id if g.parent else None) for g in draft.groups] == [
        ("innsatsomrade-3", "3", "Innsatsområde", None),
        ("kapittel-3-1", "3.1", "Kapittel", "innsatsomrade-3"),
        ("kapittel-3-2", "3.2", "Kapittel", "innsatsomrade-3")]
    assert [(x.id, x.number, x.group.id if x.group else None) for x in draft.measures] == [
        ("tiltak-3-1", "3.1", "kapittel-3-1"), ("tiltak-3-2", "3.2", "kapittel-3-1"), ("tiltak-3-3", "3.3", "kapittel-3-2")]
    # «3.1 Tverrgåande tiltak» has no word for its kind: the label is editorial and noted
    assert all(any("redaksjonelt" in n for n in g.notes) and g.editorial == ["label"] for g in draft.groups[1:])
    assert not draft.groups[0].notes and not draft.groups[0].editorial and not any(g.goal for g in draft.groups)
    # «Lage felles API (Ansvar: Digdir)» makes its list sub-measures, «Kartleggje registra.» with no body stated
    parts = draft.measures[1].parts
    assert [(x.title, x.text) for x in parts] == [("Kartleggje registra", None), ("Lage felles API", "Digdir")]
    assert not draft.simplified


GOALS_AND_SUBGOALS = """Mål 1: Trygge heimar

Delmål 1: Færre fall

Tiltak 1: Fallkurs
Ansvar: HOD

Delmål 2: Betre alarmar

Mål 2: Gode overgangar

Delmål 1: Felles planar

Tiltak 1: Utskrivingsplan
Ansvar: KS

Tiltak 2: Oppfølging heime
Ansvar: KS

Mål 3: Tomt mål
"""


def test_goals_and_sub_goals_of_any_depth_and_numbers_that_start_again() -> None:
    draft = drafts.build(layout.parse(GOALS_AND_SUBGOALS), plan_id="x", title=None, language="nn", statuses=SCALE,
                         matcher=Matcher(ORGANISATIONS))
    assert [(g.id, g.number, g.label, g.parent.id if g.parent else None, g.goal) for g in draft.groups] == [
        ("mal-1", "1", "Mål", None, True), ("delmal-1", "1", "Delmål", "mal-1", True),
        ("mal-2", "2", "Mål", None, True), ("mal-2-delmal-1", "1", "Delmål", "mal-2", True)]
    assert [(x.number, x.group.id if x.group else None) for x in draft.measures] == [
        ("1", "delmal-1"), ("1", "mal-2-delmal-1"), ("2", "mal-2-delmal-1")]
    assert [x.id for x in draft.measures] == ["tiltak-1-1-1", "tiltak-2-1-1", "tiltak-2-1-2"]
    # groups with nothing inside that has measures are left out, and said so
    assert [f for f in draft.simplified if "Betre alarmar" in f or "Tomt mål" in f] == [
        "gruppen «Betre alarmar» (linje 8) har ingen tiltak og ble ikke tatt med",
        "gruppen «Tomt mål» (linje 20) har ingen tiltak og ble ikke tatt med"]


def test_measures_under_no_group_get_an_editorial_group_only_when_the_source_has_none() -> None:
    text = """Tiltak 1: Fallkurs
Ansvar: HOD

Tiltak 2: Alarmar
Ansvar: KS
"""
    draft = drafts.build(layout.parse(text), plan_id="x", title=None, language="nb", statuses=SCALE,
                         matcher=Matcher(ORGANISATIONS))
    assert len(draft.groups) == 1 and draft.groups[0].number is None
    assert any("redaksjonell" in n for n in draft.groups[0].notes) and draft.groups[0].editorial == ["title", "label"]
    assert all(x.group is draft.groups[0] for x in draft.measures)
    assert any("redaksjonell gruppe" in f for f in draft.simplified)
    grouped = drafts.build(layout.parse("Mål 1: Trygge heimar\n\n" + text), plan_id="x", title=None, language="nb",
                           statuses=SCALE, matcher=Matcher(ORGANISATIONS))
    assert [g.id for g in grouped.groups] == ["mal-1"]


def test_unnumbered_measures_have_no_number_and_readable_unique_ids() -> None:
    from planverk.importer import found as lay

    goal = lay.Group(kind="mål", kind_is_editorial=False, number=None, title="Trygge heimar", line=1)
    found = lay.Layout(title="Plan", intro=[], groups=[goal], overview=[], not_understood=[], style="tiltak", measures=[
        lay.Measure(number=None, title="Fallkurs for eldre", line=2, group=goal),
        lay.Measure(number=None, title="Fallkurs for eldre", line=3, group=goal),
        lay.Measure(number="1", title="Alarmar", line=4, group=goal)])
    draft = drafts.build(found, plan_id="x", title=None, language="nb", statuses=SCALE, matcher=Matcher(ORGANISATIONS))
    assert [x.number for x in draft.measures] == [None, None, "1"]
    assert [x.id for x in draft.measures] == ["tiltak-fallkurs-for-eldre", "tiltak-fallkurs-for-eldre-x", "tiltak-1"]
    assert draft.groups[0].number is None and draft.groups[0].id == "mal-1"


def test_unknown_bodies_are_new_and_generic_ones_are_text(tmp_path: Path) -> None:
    draft = draft_of(write_txt(PER_GOAL_NYNORSK, tmp_path / "plan.txt"))
    second = draft.measures[1]
    assert [(b.new_name, b.role) for b in second.bodies] == [("FIN", "ansvarlig"), ("DFD", "ansvarlig")]
    kommunane = [b for b in draft.measures[0].bodies if b.text == "kommunane"]
    assert kommunane and kommunane[0].generic


def test_the_text_of_a_word_file_keeps_headings_paragraphs_and_bullets(tmp_path: Path) -> None:
    text = sources.read(write_docx(DOCX_PARAGRAPHS, tmp_path / "plan.docx"))
    assert "\n\nTiltak 3.2 Deling av data\n" in text
    assert "• Kartleggje registra.\n• Lage felles API (Ansvar: Digdir)\n" in text


def test_the_text_of_a_pdf_keeps_norwegian_letters(tmp_path: Path) -> None:
    text = sources.read(write_pdf(PDF_LINES, tmp_path / "plan.pdf"))
    assert "Handlingsplan mot vold i nære relasjoner" in text and "Gjennomføring: 2022" in text


@pytest.mark.parametrize("content, suffix, message", [
    (b"not a zip", ".docx", "kan ikke leses som et Word-dokument"),
    (b"%PDF-1.4 broken", ".pdf", "kan ikke leses som PDF"),
    (b"x", ".rtf", "filtypen «.rtf» kan ikke leses"),
])
def test_unreadable_sources_give_a_norwegian_message(tmp_path: Path, content: bytes, suffix: str, message: str) -> None:
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(content)
    with pytest.raises(sources.SourceError, match=message):
        sources.read(path)


def test_a_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(sources.SourceError, match="ingen tekst"):
        sources.read(tmp_path / "scan.pdf")


# --- composite responsibility, as the hand-made data resolves it --------------------------------

@pytest.mark.parametrize("text, parties", [
    ("KRD/Husbanken/JD", [("krd", "ansvarlig"), ("husbanken", "ansvarlig"), ("jd", "ansvarlig")]),
    ("FIN/DFD", [("NEW:FIN", "ansvarlig"), ("NEW:DFD", "ansvarlig")]),
    ("BLD i samarbeid med berørte departementer", [("bld", "ansvarlig"), ("berørte departementer", "samarbeidspart")]),
    ("Barne-, likestillings- og inkluderingsdepartementet og Helse- og omsorgsdepartementet",
     [("bld", "ansvarlig"), ("hod", "ansvarlig")]),
    ("Justis- og politidepartementet/Det kriminalitetsforebyggende råd (KRÅD)", [("jd", "ansvarlig"), ("krad", "ansvarlig")]),
    ("JD i samarbeid med relevante departementer/KRÅD/andre instanser",
     [("jd", "ansvarlig"), ("relevante departementer", "samarbeidspart"), ("krad", "samarbeidspart"),
      ("andre instanser", "samarbeidspart")]),
    ("KRÅD i samspill med aktuelle parter", [("krad", "ansvarlig"), ("aktuelle parter", "samarbeidspart")]),
    ("Statens vegvesen (SVV)", [("NEW:Statens vegvesen", "ansvarlig")]),
])
def test_composite_responsibility(text: str, parties: list[tuple[str, str]]) -> None:
    got = [(b.organisation.id if b.organisation else f"NEW:{b.new_name}" if b.new_name else b.text, b.role)
           for b in Matcher(ORGANISATIONS).resolve(text)]
    assert got == parties


def test_groups_announced_as_a_list_and_measures_placed_by_their_words() -> None:
    text = """Planen har tre innsatsområder:

1) Kunnskap om vold
2) Samarbeid og koordinering mellom etater
3) Hjelp til utsatte barn.

Tiltak i denne planen ligger under overskriftene "Samarbeid og koordinering mellom etater" og "Hjelp til utsatte barn".

Tiltak 4: Bedre koordinering av etatenes arbeid

Etatene skal møtes jevnlig.

Tiltak 9: Støtte til utsatte barn i skolen

Barna skal få hjelp.
"""
    draft = drafts.build(layout.parse(text), plan_id="x", title=None, language="nb", statuses=SCALE,
                         matcher=Matcher(ORGANISATIONS))
    assert [(g.number, g.title) for g in draft.groups] == [("1", "Kunnskap om vold"), ("2", "Samarbeid og koordinering mellom etater"),
                                                           ("3", "Hjelp til utsatte barn")]
    assert [x.group.title if x.group else None for x in draft.measures] == ["Samarbeid og koordinering mellom etater",
                                                                          "Hjelp til utsatte barn"]
    assert all(any("forslag" in n for n in x.notes) for x in draft.measures)


@pytest.mark.parametrize("parts, joined", [
    (["KRD/Hus-", "banken/JD"], "KRD/Husbanken/JD"),  # a hyphen that split a word goes
    (["bruk av SLT-", "modellen"], "bruk av SLT-modellen"),  # one that belongs to the word stays
    (["i perioden 2007-", "2010"], "i perioden 2007-2010"),
    (["HOD/JD/", "KRÅD/", "relevante", "partnere"], "HOD/JD/KRÅD/relevante partnere"),
    (["Barne-, likestillings- og", "inkluderingsdepartementet"], "Barne-, likestillings- og inkluderingsdepartementet"),
])
def test_wrapped_lines_are_joined_as_the_data_rules_say(parts: list[str], joined: str) -> None:
    assert patterns.join(parts) == joined


def test_a_goal_line_inside_a_measure_is_not_a_group() -> None:
    text = """Mål 1: Trygge skoler

Tiltak 1: Mer skolemegling
Mål: Færre konflikter i skolen.
Ansvar: KD
"""
    found = layout.parse(text)
    assert [g.title for g in found.groups] == ["Trygge skoler"]
    assert found.measures[0].description == ["Mål: Færre konflikter i skolen."]
