"""Our copies of Material templates must stay Material's markup plus our documented change."""

from __future__ import annotations

from pathlib import Path

import material

from support import REPO

MATERIAL = Path(material.__file__).parent / "templates"
HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}"


def _body(text: str) -> str:
    """A template without its leading comment block."""
    return text.split("-#}", 1)[1] if text.startswith("{#-") else text


WORKER = '"search": "assets/javascripts/workers/search.a7633da7.min.js" | url,'
ARTICLE = '<article class="md-content__inner md-typeset"{% if page.meta and page.meta.lang %} lang="{{ page.meta.lang }}"{% endif %}>'


def test_base_override_is_materials_base_without_checkbox_autocomplete_and_with_our_search_worker():
    ours = _body((REPO / "overrides/base.html").read_text(encoding="utf-8"))
    theirs = _body((MATERIAL / "base.html").read_text(encoding="utf-8"))
    assert theirs.count('type="checkbox" id="__drawer" autocomplete="off"') == 1, "Material's base.html changed: review the override"
    assert theirs.count(WORKER) == 1, "Material's search worker changed: check its protocol against docs/javascripts/search/worker.js"
    assert ours == theirs.replace('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__drawer"') \
                         .replace('type="checkbox" id="__search" autocomplete="off"', 'type="checkbox" id="__search"') \
                         .replace(WORKER, '"search": "javascripts/search/worker.js" | url,') \
                         .replace('<article class="md-content__inner md-typeset">', ARTICLE)


def test_toc_override_differs_only_in_the_title_label():
    ours = _body((REPO / "overrides/partials/toc.html").read_text(encoding="utf-8"))
    theirs = _body((MATERIAL / "partials/toc.html").read_text(encoding="utf-8"))
    label = (
        '    <label class="md-nav__title" for="__toc">\n      <span class="md-nav__icon md-icon"></span>\n      {{ title }}\n    </label>'
    )
    assert label in theirs, "Material's toc.html changed: review the override"
    before, after = theirs.split(label)
    assert ours.startswith(before) and ours.endswith(after)
    assert label in ours and '<p class="md-nav__title">{{ title }}</p>' in ours


def test_search_override_only_names_the_dialog():
    ours = _body((REPO / "overrides/partials/search.html").read_text(encoding="utf-8"))
    theirs = _body((MATERIAL / "partials/search.html").read_text(encoding="utf-8"))
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    assert theirs.count(dialog) == 1, "Material's search.html changed: review the override"
    assert ours == theirs.replace(dialog, dialog[:-1] + " aria-label=\"{{ lang.t('search') }}\">")


def _pinned(name: str, old: str, new: str) -> None:
    ours = _body((REPO / "overrides" / name).read_text(encoding="utf-8"))
    theirs = _body((MATERIAL / name).read_text(encoding="utf-8"))
    assert theirs.count(old) == 1, f"Material's {name} changed: review the override"
    assert ours == theirs.replace(old, new)


def test_header_override_only_names_the_publisher_in_the_title():
    _pinned("partials/header.html", "            {{ config.site_name }}\n",
            '            {% include "partials/site-title.html" %}\n')


def test_path_override_only_renames_the_breadcrumb_landmark():
    _pinned("partials/path.html", "aria-label=\"{{ lang.t('nav') }}\"", 'aria-label="Du er her"')


def test_nav_item_override_only_names_the_section_toggle():
    icon = '                <span class="md-nav__icon md-icon"></span>\n              </label>'
    _pinned("partials/nav-item.html", icon,
            '                <span class="md-nav__icon md-icon"></span>\n'
            '                <span class="pv-visually-hidden">{{ render_title(nav_item) }}</span>\n              </label>')


def test_custom_language_translates_the_landmarks_and_falls_back_to_nb():
    text = (REPO / "overrides/partials/languages/custom.html").read_text(encoding="utf-8")
    assert '{% import "partials/languages/nb.html" as nb %}' in text and "or nb.t(key)" in text
    assert '"header": "Toppfelt"' in text and '"footer": "Forrige og neste side"' in text


def test_nav_override_is_materials_nav_inside_the_cache_call():
    ours = _body((REPO / "overrides/partials/nav.html").read_text(encoding="utf-8"))
    theirs = _body((MATERIAL / "partials/nav.html").read_text(encoding="utf-8"))
    assert ours == "\n{%- call planverk_nav(page) -%}" + theirs + "{%- endcall %}\n"


def test_language_override_looks_up_the_build_s_table_when_there_is_one():
    _pinned("partials/language.html",
            "{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
            "{% macro t(key) %}{{ planverk_t(key) if planverk_t is defined else (lang.t(key) or fallback.t(key) or key) }}{% endmacro %}")


def test_the_table_answers_every_key_as_material_s_macros_do():
    """planverk_t (hooks/planverk/translations.py) against Material's own partials/language.html."""
    import jinja2

    from planverk.translations import translations

    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(REPO / "overrides")), jinja2.FileSystemLoader(str(MATERIAL))])
    theirs = (MATERIAL / "partials/language.html").read_text(encoding="utf-8")
    keys = ["header", "footer", "search.placeholder", "toc", "nav", "clipboard.copy", "source.file.date.created", "no-such-key"]
    probe = "{% import 'material-language.html' as lang with context %}" + "|".join(f"{{{{ lang.t('{k}') }}}}" for k in keys)
    ours = jinja2.DictLoader({"material-language.html": theirs, "probe.html": probe})
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([ours, loader]))
    config = {"theme": {"language": "custom"}}
    expected = env.get_template("probe.html").render(config=config)
    t = translations(env, "custom")
    assert "|".join(str(t(k)) for k in keys) == expected
    assert "Toppfelt" in expected and "no-such-key" in expected  # our Norwegian string, and a key nobody knows
    assert t("header") is t("header")  # looked up once
