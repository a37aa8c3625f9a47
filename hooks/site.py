"""MkDocs hook: the thin bridge between MkDocs events and the planverk package.

Events and why:
- on_config: load and validate data/ (all errors at once, build aborted with PluginError),
  and set the nav from the model (the nav is built after on_files, from config.nav).
- on_files: add one generated page per entity; its edit link points at its YAML file.
- on_page_markdown: append the glossary's abbreviation definitions to every page, so each
  abbreviation is an <abbr title> wherever it appears.
- on_post_build: make Norwegian search stem the query (see planverk/search_stemming.py) and
  drop the build's state, so `mkdocs serve` rebuilds from fresh data.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from planverk.abbr import Abbreviations
from planverk.errors import DataErrors
from planverk.load import load
from planverk.nav import build_nav
from planverk.pages import build_pages
from planverk.search_stemming import patch_lunr_no

log = get_plugin_logger("planverk")

# Rebuilt in on_config on every build (and every `mkdocs serve` rebuild); never carried over.
_state: dict[str, object] = {}

HANDWRITTEN = [("Om nettstedet", "om-nettstedet.md"), ("Tilgjengelighetserklæring", "tilgjengelighetserklaering.md")]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    settings = config.extra.get("planverk", {})
    root = Path(config.config_file_path).parent
    data = root / settings.get("data", "data")
    audience = settings.get("audience", "public")
    try:
        corpus = load(data, audience)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    _state["corpus"] = corpus
    _state["abbr"] = Abbreviations(corpus.terms).definitions
    config.nav = build_nav(corpus, extra_pages=HANDWRITTEN)
    measures = sum(len(p.measures) for p in corpus.plans.values())
    log.info(f"{audience} data: {len(corpus.plans)} plans, {measures} measures, {len(corpus.strategies)} strategies")
    return config


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    corpus = _state["corpus"]
    for page in build_pages(corpus, directory_urls=config.use_directory_urls):  # type: ignore[arg-type]
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(f"docs/{page.path} would hide a generated page; remove it from docs/")
        file = File.generated(config, page.path, content=page.markdown)
        if page.edit:
            file.edit_uri = f"../{page.edit}"  # relative to edit_uri, which points at docs/
        else:
            file.edit_uri = None
        files.append(file)
    return files


def on_page_markdown(markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    return f"{markdown}\n\n{_state['abbr']}\n"


def on_post_build(*, config: MkDocsConfig) -> None:
    if not patch_lunr_no(Path(config.site_dir)):
        raise PluginError("search: lunr.no.min.js was not found to patch; is the search plugin set to lang: [\"no\"]?")
    _state.clear()
