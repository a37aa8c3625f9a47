"""Material's UI strings looked up once per build, not built anew for every lookup.

Material's ``lang.t(key)`` (partials/language.html) calls the language's ``t`` macro, which
builds a dict of every string of the language on each call; a page makes ~23 lookups. The
table here answers each key as that macro chain does, the first time it is asked, and from a
dict after (overrides/partials/language.html calls it as ``planverk_t``). MkDocs bridge: it
reads the theme's templates through MkDocs' Jinja environment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2


def translations(env: jinja2.Environment, language: str) -> Callable[[str], Any]:
    """``t(key)`` for the theme language ``language``, as Material's partials/language.html answers it."""
    lang = env.get_template(f"partials/languages/{language}.html").module
    fallback = env.get_template("partials/languages/en.html").module
    table: dict[str, Any] = {}

    def t(key: str) -> Any:
        found = table.get(key)
        if found is None:
            found = table[key] = lang.t(key) or fallback.t(key) or key  # type: ignore[attr-defined]  # the templates' macros
        return found

    return t
