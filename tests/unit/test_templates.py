"""The template environment and the fragment mechanism: escaping where data lands, and a
page's HTML fragments that cannot end up on another page."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError
from markupsafe import Markup

from corpora import Data, plan_with_groups
from planverk import urls
from planverk.pages.base import Ctx, expand
from planverk.templating import Link, environment, macros, render


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Ctx:
    data = Data(tmp_path_factory.mktemp("templates"))
    plan_with_groups(data)
    return Ctx.create(data.load())


def test_plain_strings_are_escaped_everywhere_markup_is_not() -> None:
    html = environment().from_string('<p title="{{ x }}">{{ x }} {{ m }} {{ n }}</p>').render(
        x='"a" <b> & \'c\'\n  d', m=Markup("<em>trygg</em>"), n=3)
    escaped = "&quot;a&quot; &lt;b&gt; &amp; &#x27;c&#x27; d"
    assert html == f'<p title="{escaped}">{escaped} <em>trygg</em> 3</p>'


def test_a_link_label_is_markup_and_its_href_is_escaped() -> None:
    html = macros("blocks.html").links_paragraph([(Markup(), Link('x/" onclick="y', Markup("<abbr>A</abbr>")))])
    assert html == '<p><a href="x/&quot; onclick=&quot;y"><abbr>A</abbr></a></p>'


def test_a_missing_template_value_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(UndefinedError):
        render("legend.html", items=[])  # no `overdue`


def test_fragments_are_put_back_in_place(ctx: Ctx) -> None:
    page_ctx = ctx.at("a.md")
    body = "# A\n\n" + page_ctx.fragment("<p>en</p>") + "\n\n" + page_ctx.fragment("<p>to</p>")
    page = page_ctx.page("A", body)
    assert expand(page.body, page.fragments) == "# A\n\n<p>en</p>\n\n<p>to</p>"


def test_a_fragment_of_another_page_is_refused(ctx: Ctx) -> None:
    here, there = ctx.at("a.md"), ctx.at("b.md")
    own = here.fragment("<p>her</p>")
    foreign = there.fragment("<p>der</p>")
    with pytest.raises(ValueError, match="not the page's own"):
        here.page("A", own + "\n\n" + foreign)


def test_a_fragment_made_but_not_placed_or_placed_twice_is_refused(ctx: Ctx) -> None:
    lost = ctx.at("a.md")
    lost.fragment("<p>borte</p>")
    with pytest.raises(ValueError):
        lost.page("A", "# A")
    twice = ctx.at("b.md")
    placeholder = twice.fragment("<p>to ganger</p>")
    with pytest.raises(ValueError):
        twice.page("B", placeholder + placeholder)


def test_no_fragment_after_the_page_is_made(ctx: Ctx) -> None:
    page_ctx = ctx.at(urls.PLANS)
    page_ctx.page("Planer", "# Planer")
    with pytest.raises(ValueError):
        page_ctx.fragment("<p>for sent</p>")
