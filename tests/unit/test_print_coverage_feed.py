"""Printable pages are complete; coverage follows the relations; the feed is valid RSS."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

from corpora import Data, plan_with_groups, strategy_with_goals_linked_from_a_plan
from planverk.feed import rss, summary
from planverk.index import Coverage, Index
from planverk.pages.base import Ctx
from planverk.pages.printable import css_string, plan_print_page, plan_print_path, strategy_print_page, strategy_print_path
from planverk.text import md_text, year_month


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_plan_print_page_has_everything_in_reading_order(public_corpus):
    for plan in public_corpus.plans.values():
        _check_plan_print_page(public_corpus, plan)


def _check_plan_print_page(public_corpus, plan):
    page = plan_print_page(Ctx.create(public_corpus).at(plan_print_path(plan)), plan)
    body = page.full_body
    positions = [body.index(f"Tiltak {x.number}: ") for x in plan.measures]
    assert positions == sorted(positions) and len(positions) == len(plan.measures)
    flat = _plain(re.sub(r"<[^>]+>", "", body))
    report = plan.latest_report
    for measure in plan.measures:
        for para in measure.description.split("\n\n"):
            words = _plain(re.sub(r"^- ", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", para)))
            assert words[:80] in flat, (measure.id, para[:60])
        entry = report.entry(measure.id) if report else None
        if entry is None:
            continue
        first = re.sub(r"\[\^(\d+)\]", r"\1", entry.narrative.split("\n\n")[0])
        first = _plain(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", first))
        assert first[:80] in flat, measure.id
        for ref in entry.references:
            assert f'id="fn:{measure.id}-{ref.number}"' in body
    assert "search:\n  exclude: true" in page.markdown and "- navigation" in page.markdown


def test_plan_print_page_opens_with_a_cover_and_the_status(public_corpus):
    for plan in public_corpus.plans.values():
        page = plan_print_page(Ctx.create(public_corpus).at(plan_print_path(plan)), plan)
        body = page.full_body
        assert body.lstrip().startswith('<header class="pv-cover"')
        cover = body[:body.index("</header>")]
        assert "<h1 " in cover and plan.owner.name in cover
        assert (f"Status per {year_month(plan.latest_report.as_of)}" if plan.latest_report else "Ingen statusrapport") in cover
        assert "Utskriftsversjon" not in body
        status, first_measure = body.index("## Status"), body.index(f"Tiltak {plan.measures[0].number}: ")
        assert status < first_measure
        if plan.latest_report:
            assert body.index('<table class="pv-summary">') < first_measure
        assert "template: \"print.html\"" in page.markdown
        assert f'pv_running_head: "{css_string(plan.title)}"' in page.markdown.replace("\\\\", "\\")


def test_printable_plan_has_the_internal_contacts_only_in_the_internal_build(public_corpus, internal_corpus):
    with_contacts = [(p, x) for p in internal_corpus.plans.values() for x in p.measures if x.contacts and x.contacts.persons]
    assert with_contacts, "the internal data has no contact persons to check"
    for plan in {p.id: p for p, _ in with_contacts}.values():
        body = plan_print_page(Ctx.create(internal_corpus).at(plan_print_path(plan)), plan).full_body
        public = plan_print_page(Ctx.create(public_corpus).at(plan_print_path(plan)), public_corpus.plans[plan.id]).full_body
        for p, measure in with_contacts:
            if p is plan:
                section = body[body.index(f"Tiltak {measure.number}: "):]
                section = section[:section.index("###")] if "###" in section else section
                assert "Intern: kontaktpersoner" in section
                for person in measure.contacts.persons:
                    assert person.name in section and person.name not in public
        assert "Intern: kontaktpersoner" not in public


def test_running_head_is_inert_css():
    assert css_string("Plan A") == "Plan A"
    escaped = css_string('Ærø "}</style><script>')
    assert re.fullmatch(r"[A-Za-z0-9 \\]*", escaped) and escaped.startswith("\\0000c6r\\0000f8 ")


def test_strategy_print_page_is_complete(public_corpus):
    for strategy in public_corpus.strategies.values():
        _check_strategy_print_page(public_corpus, strategy)


def _check_strategy_print_page(public_corpus, strategy):
    page = strategy_print_page(Ctx.create(public_corpus).at(strategy_print_path(strategy)), strategy)
    body = page.full_body
    for goal in strategy.goals:
        assert f"#### {md_text(goal.title)}" in body
        for sub in goal.subgoals:
            assert md_text(sub.text) in body
    for value in strategy.values:
        for statement in value.statements:
            assert md_text(statement) in body
    for category in (strategy.drivers.categories if strategy.drivers else ()):
        assert all(md_text(d.title) in body for d in category.drivers)


def test_coverage_follows_the_relations(tmp_path):
    data = Data(tmp_path)
    plan = plan_with_groups(data, sizes=(4,))
    strategy_with_goals_linked_from_a_plan(data, plan, linked={"mal-a": [1], "mal-b": [], "mal-c": [1, 3]})
    data.files["strategies/strategi-a.yml"][1]["mission"] = {"title": "Samfunnsoppdrag", "text": "Oppdraget."}
    data.relation("measure:plan-a/tiltak-3", "mission:strategi-a")
    data.relation("goal:strategi-a/omrade-a/mal-c", "measure:plan-a/tiltak-4", kind="gjelder")  # the other direction
    corpus = data.load()
    coverage = Coverage(Index(corpus))
    goals = {g.ref: refs for g, refs in coverage.goals(corpus.strategies["strategi-a"])}
    assert goals == {"mission:strategi-a": ("measure:plan-a/tiltak-3",),
                     "goal:strategi-a/omrade-a/mal-a": ("measure:plan-a/tiltak-1",),
                     "goal:strategi-a/omrade-a/mal-b": (),
                     "goal:strategi-a/omrade-a/mal-c": ("measure:plan-a/tiltak-1", "measure:plan-a/tiltak-3", "measure:plan-a/tiltak-4")}
    assert [x.number for x in coverage.unlinked_measures(corpus.plans["plan-a"])] == ["2"]


def test_feed_is_valid_rss_with_news_and_reports(public_corpus):
    xml = rss(public_corpus, site_url="https://planverk.example.no/", site_name="planverk")
    root = ET.fromstring(xml)
    items = root.findall("./channel/item")
    titles = [i.findtext("title") for i in items]
    reports = [f"{r.title} – {p.title}" for p in public_corpus.plans.values() for r in p.published_reports]
    assert reports and set(reports) <= set(titles)
    assert {n.title for n in public_corpus.news.values()} <= set(titles)
    for item in items:
        assert item.findtext("link").startswith("https://planverk.example.no/")
    assert root.findtext("./channel/language") == "nb"


def test_feed_dates_every_report_and_says_when_only_the_month_is_known(public_corpus):
    root = ET.fromstring(rss(public_corpus, site_url="https://planverk.example.no/", site_name="planverk"))
    items = {i.findtext("title"): i for i in root.findall("./channel/item")}
    reports = [(p, r) for p in public_corpus.plans.values() for r in p.reports]
    assert reports
    for plan, report in reports:
        item = items[f"{report.title} – {plan.title}"]
        date = parsedate_to_datetime(item.findtext("pubDate"))
        year, month = (int(x) for x in (report.published or report.as_of).split("-")[:2])
        assert (date.year, date.month) == (year, month)
        if len((report.published or report.as_of).split("-")) == 2:
            assert date.day == 1 and "Bare måneden" in item.findtext("description")
    for news in public_corpus.news.values():
        item = items[news.title]
        assert (item.find("pubDate") is not None) == bool(news.date)
        if not news.date:
            assert "Datoen er ukjent" in item.findtext("description")


def test_feed_summaries_end_with_an_ellipsis_when_cut():
    long = "ord " * 200
    cut = summary(long, 50)
    assert cut.endswith(" …") and len(cut) <= 52 and "ord ord" in cut and not cut.endswith("o …")
    assert summary("Kort tekst.", 50) == "Kort tekst."
    assert summary("Ettlangtordutenmellomrom" * 5, 20).endswith("…")
