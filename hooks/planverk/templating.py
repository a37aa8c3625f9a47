"""Every HTML block the pages make comes from a Jinja template in hooks/planverk/templates/,
rendered through the one Environment here, with autoescape on: data passed in is escaped
where it lands, never concatenated by hand. Page functions pass plain values, ready-made
links (:class:`Link`) and :class:`~markupsafe.Markup` for HTML that is already safe
(sanitised prose, text with <abbr>, another template's output); templates lay it out.

Every interpolated plain string is escaped the one way the package escapes text for HTML
(:func:`planverk.text.html_text`: whitespace collapsed, quotes as entities), so a template
and the rest of the package never disagree on how a value looks in the page.

Two ways in: :func:`render` for a template file as a whole, :func:`macros` for a file of
macros, called like functions. Blocks that every measure page has are macros: rendering a
template costs a new context (~30 µs), calling a macro a third of that.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr
from markupsafe import Markup

from .progress import percent_text, sort_key
from .text import html_text, year_month

TEMPLATES = Path(__file__).parent / "templates"


class Link(NamedTuple):
    """A link for a template (``a(link)`` in _macros.html): the href relative to the page and
    the label as safe HTML (escaped, abbreviations as <abbr title>)."""

    href: str
    label: Markup


@lru_cache(maxsize=1 << 16)
def _escaped(value: str) -> str:
    return html_text(value)


def _escape(value: object) -> str:
    """An interpolated value as HTML: safe HTML (``__html__``) as it is, anything else escaped
    by :func:`html_text`. Cached: a table repeats the same labels, names and dates on every row."""
    if type(value) is str:
        return _escaped(value)
    safe = getattr(value, "__html__", None)
    if safe is not None:
        return str(safe())
    return html_text(str(value))


class _Generator(CodeGenerator):
    """Autoescaped output as one call of :func:`_escape` per interpolation, where Jinja writes
    ``escape(finalize(value))`` (two calls and two Markup objects: half the time of a 10,000-row
    table). Without autoescape, output is not escaped (so turning it off shows in the tests)."""

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile:  # inside {% autoescape %}: decided when the template runs
            self.write("(environment.finalize if context.eval_ctx.autoescape else str)(")
        else:
            self.write("environment.finalize(" if frame.eval_ctx.autoescape else "str(")

    def _output_child_post(self, node: Expr, frame: Frame, finalize: Any) -> None:
        self.write(")")


class _Environment(Environment):
    code_generator_class = _Generator


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = _Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, finalize=_escape, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False, auto_reload=False)
    env.globals["when"] = year_month
    env.globals["sort_key"] = sort_key  # orders statuses of any scales (planverk.progress)
    env.globals["percent"] = percent_text
    env.tests["link"] = lambda value: isinstance(value, Link)
    return env


def render(name: str, **values: object) -> Markup:
    """The template ``name`` with ``values``: safe HTML (pass it on to another template as is)."""
    return Markup(environment().get_template(name).render(**values).strip())


@cache
def macros(name: str) -> Any:
    """The macros of the template file ``name``, each callable from Python and returning Markup."""
    return environment().get_template(name).module
