"""Golden pages: a few generated pages of a small literal corpus, kept readable under
tests/golden/ and compared byte for byte, so any change to what a page says or how it is
laid out shows as a diff in review.

A page is stored as MkDocs gets it (front matter and Markdown) with its HTML fragments put
in place, each on lines of its own between ``<!-- fragment -->`` markers. After an intended
change, regenerate them with ``make golden`` and read the diff before committing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from corpora import Data, group, measure
from planverk import urls
from planverk.load import load
from planverk.pages import Page, build_pages

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("PLANVERK_GOLDEN") == "update"
_PLACEHOLDER = re.compile(r"<!-- planverk-fragment:(\d+):\d+ -->")

# Page kinds worth pinning: name -> (audience, the page's path in the literal corpus).
PAGES = {
    "plan": ("public", urls.page_of("plan:plan-a")),
    "measure": ("public", urls.page_of("measure:plan-a/tiltak-2")),
    "measure-internal": ("internal", urls.page_of("measure:plan-a/tiltak-2")),
    "organisation": ("public", urls.page_of("org:dep")),
    "strategy-goal": ("public", urls.page_of("goal:strategi-a/omrade-a/mal-a")),
    "status": ("public", urls.status_plan_page("plan-a")),
}


def corpus_folder(tmp: Path) -> Path:
    """A plan of two groups (one measure with two leads and a partner, a status narrative with a
    footnote, data with characters HTML and Markdown treat specially), two reports, a strategy
    goal linked from a measure, an internal note and a draft report."""
    data = Data(tmp)
    data.vocabulary["roles"][1]["label"] = "Samarbeids-part (m.fl.)"  # Markdown punctuation in a label shown in HTML
    data.org("andre", "Andre & annet <direktorat>", abbreviation="A&A")
    data.org("forsk", "Forskningsinstituttet", kind="forskningsinstitutt")
    data.terms.append({"id": "slt", "term": "SLT", "expansion": "Samordning av lokale tiltak",
                       "source": {"document": "kilde", "page": None}})
    parties = {"parties": [{"org": "dep", "role": "ansvarlig"}, {"org": "andre", "role": "ansvarlig"},
                           {"org": "forsk", "role": "samarbeidspart"}]}
    plan = data.plan("plan-a", title="Prøveplanen «2020–2024»",
                     groups=[group(1), group(2, label="Innsatsområde")],
                     measures=[measure(1), measure(2, title="Kartlegge *alt* [og] mer", responsibility=parties),
                               measure(3, group="pakke-2", period=(2020, 2021), title="SLT i kommunene",
                                       lead="andre", partners=("dep",))])
    plan["notes"] = [{"date": "2021-02-01", "author": "Seksjon for prøver", "text": "Må *følges* opp."}]
    first = data.report("plan-a-2020-12", plan="plan-a", as_of="2020-12",
                        statuses={"tiltak-1": "Ikke igangsatt", "tiltak-2": "Igangsatt"})
    first["entries"][1].update(narrative="I gang, se notatet.[^1] <b>Ikke HTML</b>.",
                               references=[{"number": 1, "text": "Notatet", "url": "https://example.no/notat"}],
                               notes=[{"date": "2021-01-05", "author": "DEP", "text": "Intern merknad."}])
    data.report("plan-a-2021-06", plan="plan-a", as_of="2021-06", draft=True,
                statuses={"tiltak-1": "Igangsatt", "tiltak-2": "Gjennomført", "tiltak-3": "Igangsatt"})
    goals = [{"id": "mal-a", "title": "Målet A", "subgoals": [{"id": "delmal-1", "text": "Delmål for SLT"}]},
             {"id": "mal-b", "title": "Målet B", "subgoals": [{"id": "delmal-1", "text": "Et annet delmål"}]}]
    data.strategy("strategi-a", areas={"items": [{"id": "omrade-a", "title": "Området", "goals": goals}]})
    data.relation("measure:plan-a/tiltak-2", "goal:strategi-a/omrade-a/mal-a", quote="Tiltaket «bidrar» til målet")
    return data.write()


def readable(page: Page) -> str:
    """The page as MkDocs gets it, with its fragments in place on lines of their own."""
    return _PLACEHOLDER.sub(lambda mt: f"\n<!-- fragment -->\n{page.fragments[int(mt.group(1))]}\n<!-- /fragment -->\n",
                            page.markdown)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Page]]:
    folder = corpus_folder(tmp_path_factory.mktemp("golden"))
    return {audience: {p.path: p for p in build_pages(load(folder, audience))} for audience in ("public", "internal")}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_its_golden_file(generated: dict[str, dict[str, Page]], name: str) -> None:
    audience, path = PAGES[name]
    assert path in generated[audience], f"{path} is not generated (pages: {sorted(generated[audience])[:8]} …)"
    text = readable(generated[audience][path])
    golden = GOLDEN / f"{name}.md"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run `make golden`"
    assert text == golden.read_text(encoding="utf-8"), f"{name} differs from {golden}: read the diff, then make golden"


def test_golden_corpus_shows_what_the_pages_are_pinned_for(generated: dict[str, dict[str, Page]]) -> None:
    """The golden files are only worth their bytes if the corpus exercises escaping, drafts and notes."""
    measure_page = readable(generated["public"][urls.page_of("measure:plan-a/tiltak-2")])
    assert "Andre &amp; annet &lt;direktorat&gt;" in measure_page and "<direktorat>" not in measure_page
    assert "&lt;b&gt;Ikke HTML&lt;/b&gt;" in measure_page
    organisation = readable(generated["public"][urls.page_of("org:dep")])
    assert '<th scope="row">Samarbeids-part (m.fl.)</th>' in organisation
    internal = readable(generated["internal"][urls.page_of("measure:plan-a/tiltak-2")])
    assert "Intern merknad." in internal and "Intern merknad." not in measure_page
    assert 'class="pv-draft-tag"' in internal and 'class="pv-draft-tag"' not in measure_page
