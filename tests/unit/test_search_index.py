"""The search index built from the model, and the browser's worker answering over it (in node).

Small literal corpora: each test says which document must (not) come back and why.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from planverk import model as m
from planverk.pages import build_pages
from planverk.search import documents, index_files
from planverk.search.documents import EDITOR, ENTITY, SearchDoc
from planverk.search.index import build
from support import REPO

NODE = shutil.which("node")
STATUSES = (m.Status("ikke-igangsatt", "Ikke igangsatt", "", False, 0), m.Status("igangsatt", "Igangsatt", "", False, 1))
needs_node = pytest.mark.skipif(NODE is None, reason="node runs the browser's search worker (make tools installs it)")


def doc(
    url: str, title: str, text: str = "", *, kind: str = ENTITY, keywords: tuple[str, ...] = (), status: str | None = None
) -> SearchDoc:
    return SearchDoc(url, title, kind, keywords, (), text, status)


def site_with(tmp_path: Path, docs: list[SearchDoc]) -> Path:
    site = tmp_path / "site"
    shutil.copytree(REPO / "docs/javascripts/search", site / "javascripts/search")
    for path, content in build(docs, STATUSES).items():
        target = site / "search/planverk" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    return site


def ask(site: Path, *queries: str) -> list[list[dict]]:
    out = subprocess.run(["node", str(REPO / "tests/unit/search_node.js"), "query", str(site), *queries],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def urls(results: list[dict]) -> list[str]:
    return [r["location"] for r in results]


CORPUS = [
    doc("a/", "Næringslivets rolle", "Næringslivet og kommunene samarbeider."),
    doc("b/", "Vold i nære relasjoner", "Tiltak mot vold i nære relasjoner."),
    doc("c/", "Nære venner", "Vold er ille i alle hjem. Gode relasjoner hjelper."),
    doc("d/", "Ungdomsstraff", "Om straffen for unge lovbrytere."),
    doc("e/", "Tiltak 21: Konfliktråd", "Bruk av konfliktråd for unge.", keywords=("tiltak 21",), status="ikke-igangsatt"),
    doc("f/", "Tiltak 12: Mobbing", "Innsats mot mobbing i 21 skoler.", keywords=("tiltak 12",), status="igangsatt"),
    doc("g/", "Rettelser", "Tiltak 21 fikk ny tittel. Ungdomsstraff stavet feil.", kind=EDITOR),
    doc("h/", "Oppfølging", "Her nevnes ungdomsstraff i teksten om mange andre ting."),
    doc("i/", "<b>Farlig</b> tittel", "Tekst med <script>alert(1)</script> inni."),
]


@needs_node
def test_every_word_must_match_and_inflections_do(tmp_path):
    site = site_with(tmp_path, CORPUS)
    vold, ungdom, nothing = ask(site, "vold nære relasjoner ", "ungdomsstraffen ", "vold mobbing ")
    assert set(urls(vold)) == {"b/", "c/"}  # a/ has "næringslivet", not "nære": no prefix match on whole words
    assert set(urls(ungdom)) == {"d/", "g/", "h/"}
    assert nothing == []


@needs_node
def test_a_quoted_phrase_matches_as_a_phrase(tmp_path):
    site = site_with(tmp_path, CORPUS)
    phrase, words = ask(site, '"vold i nære relasjoner"', "vold i nære relasjoner ")
    assert urls(phrase) == ["b/"]
    assert set(urls(words)) == {"b/", "c/"}  # c/ has every word, not the phrase


@needs_node
def test_the_word_being_typed_matches_as_a_beginning(tmp_path):
    site = site_with(tmp_path, CORPUS)
    typing, done = ask(site, "konfliktr", "konfliktr ")
    assert urls(typing) == ["e/"] and done == []


@needs_node
def test_titles_rank_above_text_and_editor_pages_last(tmp_path):
    site = site_with(tmp_path, CORPUS)
    ungdom, tiltak = ask(site, "ungdomsstraff ", "tiltak 21")
    assert urls(ungdom)[0] == "d/" and urls(ungdom)[-1] == "g/"
    assert urls(tiltak)[0] == "e/" and urls(tiltak)[-1] == "g/"


@needs_node
def test_status_words_find_measures_with_that_status_only(tmp_path):
    site = site_with(tmp_path, CORPUS)
    not_started, started = ask(site, "ikke igangsatt", "igangsatt ")
    assert urls(not_started) == ["e/"]
    assert urls(started) == ["f/"]


@needs_node
def test_results_are_escaped_and_marked(tmp_path):
    site = site_with(tmp_path, CORPUS)
    [farlig] = ask(site, "farlig tittel")
    assert farlig[0]["title"] == "&lt;b&gt;<mark>Farlig</mark>&lt;/b&gt; <mark>tittel</mark>"
    [script] = ask(site, "alert")
    assert "<script>" not in script[0]["text"] and "&lt;script&gt;<mark>alert</mark>" in script[0]["text"]
    for path in (site / "search").rglob("*.js"):
        assert "<script>" not in path.read_text(encoding="utf-8")


@needs_node
def test_a_word_being_typed_loads_the_results_of_its_likeliest_completion(tmp_path):
    """While «ungdo» is typed, the worker ranks «ungdom» (its most common completion) too and
    loads that answer's files, so the keystroke that completes the word loads none. The two
    answers differ: only the complete word counts «tiltak ungdom» next to each other."""
    docs = [doc(f"apart/{i}/", f"Side {i}", "Ungdom og mye annet. Til slutt et tiltak.") for i in range(30)]
    docs += [doc(f"next/{i}/", f"Side {30 + i}", "Et tiltak ungdom trenger.") for i in range(30)]
    docs += [doc("skole/", "Side 60", "Ungdomsskole og tiltak.")]  # a rarer completion of «ungdo»
    site = site_with(tmp_path, docs)
    out = subprocess.run(["node", str(REPO / "tests/unit/search_node.js"), "answers", str(site), "tiltak ungdo", "tiltak ungdom"],
                         capture_output=True, text=True, check=True)
    typing, complete = json.loads(out.stdout)
    first_ten = [item[0]["location"] for item in complete["items"][:10]]
    assert all(u.startswith("next/") for u in first_ten)  # the words next to each other first
    assert first_ten != [item[0]["location"] for item in typing["items"][:10]]
    assert complete["timing"]["results_files"] == 0, complete["timing"]


def test_index_is_deterministic_and_shards_stay_small():
    docs = [doc(f"p{i}/", f"Side {i}", " ".join(f"ord{j % 97} tiltak" for j in range(i, i + 60))) for i in range(400)]
    first, second = build(docs, STATUSES), build(list(docs), STATUSES)
    assert first == second
    shards = [text for path, text in first.items() if path.startswith("t/")]
    assert len(shards) > 3
    # a shard holds one term or stays near the limit; "tiltak" alone is big
    for text in shards:
        body = json.loads(json.loads(text[len("planverkSearch.shard(JSON.parse("):-4]))
        assert len(body[1]) == 1 or len(text) < 2 * 48_000


def test_internal_content_is_in_the_internal_index_only(public_corpus, internal_corpus):
    handwritten = [("intern/rutiner.md", "# Rutiner for statusrapportering\n\nHemmeligrutine for intern bruk.\n"),
                   ("om-nettstedet.md", "# Om nettstedet\n\nOffentlig tekst.\n")]
    public = index_files(public_corpus, build_pages(public_corpus), handwritten, directory_urls=True)
    internal = index_files(internal_corpus, build_pages(internal_corpus), handwritten, directory_urls=True)
    public_text, internal_text = "".join(public.values()), "".join(internal.values())
    assert "hemmeligrutine" in internal_text.lower() and "hemmeligrutine" not in public_text.lower()
    assert "om-nettstedet/" in public_text
    contacts = [person.name for p in internal_corpus.plans.values() for m_ in p.measures if m_.contacts for person in m_.contacts.persons]
    assert all(name in internal_text and name not in public_text for name in contacts)
    notes = [n.text for p in internal_corpus.plans.values() for m_ in p.measures for n in m_.notes]
    notes += [n.text for p in internal_corpus.plans.values() for r in p.reports for e in r.entries for n in e.notes]
    for note in notes:
        words = re.findall(r"\w{6,}", note)[:3]
        assert words and all(w in internal_text for w in words)
        assert not all(w in public_text for w in words), note


def test_documents_come_from_the_model(public_corpus):
    docs = documents(public_corpus, build_pages(public_corpus), [], directory_urls=True)
    by_url = {d.url: d for d in docs}
    for plan in public_corpus.plans.values():
        for measure in plan.measures:
            found = by_url[f"handlingsplaner/{plan.id}/{measure.id}/"]
            assert f"tiltak {measure.number}" in found.keywords
    for org in public_corpus.organisations.values():
        found = by_url.get(f"organisasjoner/{org.id}/")
        if found is None:
            continue
        for name in [org.abbreviation, *(f.name for f in org.former_names)]:
            assert name is None or name in found.names
    assert not any(d.url.endswith("utskrift/") for d in docs)
