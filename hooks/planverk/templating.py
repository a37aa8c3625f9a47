"""New HTML comes from Jinja templates (hooks/planverk/templates/) with autoescape on: data
passed in is escaped where it lands, never concatenated by hand. One Environment for the
package; templates get plain values and ready-made hrefs, and return an HTML fragment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)


def render(name: str, **values: object) -> str:
    """The template ``name`` with ``values``; wrap ready HTML in :func:`markup` to pass it unescaped."""
    return environment().get_template(name).render(**values).strip()


def markup(html: str) -> Markup:
    """HTML we made ourselves (escaped already) that a template should not escape again."""
    return Markup(html)
