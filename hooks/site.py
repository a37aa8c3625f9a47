"""MkDocs hook: the thin bridge between MkDocs events and the planverk package.

Events and why:
- on_config: load and validate data/ (all errors at once, build aborted with PluginError),
  and set the nav from the model (the nav is built after on_files, from config.nav).
- on_files: add one generated page per entity (its edit link points at its YAML file; under
  `mkdocs build` the pages are made by every core; a page outside the nav comes with its HTML,
  planverk/pages/html.py and planverk/made.py, so MkDocs' Markdown loop only reads it), and
  the open-data files (CSV, CSV for Excel, XLSX, JSON, datapackage.json, one JSON per entity).
  The staff's pages in docs/intern/ must be excluded from every build but the internal one
  (checked here).
- on_page_content: put the page's HTML fragments in place of their placeholders, after
  Markdown ran (Python-Markdown re-parsing 10,000 table rows cost more than the pages), and
  make every glossary abbreviation an <abbr title> in one pass over the page's text (a page
  that came with its HTML has both); then the "Status per …" line under the heading.
- on_files (search): write the search index, built from the model and the pages' own text
  (planverk/search), for the worker in docs/javascripts/search/ that Material's search UI
  talks to (overrides/base.html points it there). Under `mkdocs build` the files that are not
  pages (exports, search index, feed) are made by a child process while the build goes on, and
  on_post_build waits for it (planverk/parallel.py).
- on_page_markdown: exclude every page from Material's search plugin, which would otherwise
  parse every page's HTML again for an index nothing reads (the plugin stays enabled because
  Material shows its search box only then).
- on_nav: give pages outside the nav (measures) a parent page, for breadcrumbs and the nav; and
  make the nav cache (planverk/navcache.py): the sidebar nav is rendered once per place in the
  nav, not once per page (it was 35 % of a 10,000-measure build).
- on_env: the publisher (extra.planverk.publisher) for the header and footer templates, and the
  nav cache for overrides/partials/nav.html.
- on_env (last of all on_env events): the pages' templates rendered on every core
  (planverk/parallel.py), for `mkdocs build` only (on_startup says which command runs);
  on_post_page: the build takes its next page to render.
- on_post_build: wait for the processes rendering pages and the one making the files that are
  not pages, and drop the build's state, so `mkdocs serve` rebuilds from fresh data;
  on_build_error: stop every child process.

A build's state (the corpus, its index and abbreviations, made once, and the pages' HTML
fragments) is a typed :class:`BuildState` that lives on that build's config object: each
build (and each `mkdocs serve` rebuild, which gets a fresh config) has its own.
"""

from __future__ import annotations

import functools
import gc
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from planverk import exports, stamps, urls
from planverk.abbr import Abbreviations
from planverk.errors import DataErrors
from planverk.feed import rss
from planverk.forks import processes
from planverk.index import Index
from planverk.load import AUDIENCES, load
from planverk.made import MadePage, make_page
from planverk.model import Corpus
from planverk.nav import build_nav, homes, nav_paths
from planverk.navcache import NavCache
from planverk.pages import build_pages
from planverk.pages.base import Page, expand
from planverk.pages.html import Converter
from planverk.pages.status import status_data_files
from planverk.parallel import Background, RenderSplit
from planverk.publisher import Publisher, PublisherError, read_publisher
from planverk.search import index_files
from planverk.translations import translations

log = get_plugin_logger("planverk")



@dataclass
class BuildState:
    """What one build shares between its events: made in on_config, dropped after the build."""

    corpus: Corpus
    index: Index
    abbr: Abbreviations
    publisher: Publisher
    stamp_lines: dict[str, stamps.Stamp]  # page path -> its "Status per … / Sist endret …" line
    dates: dict[str, int]  # data file -> when it last changed (git)
    fragments: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page path -> its HTML fragments
    stamp_html: dict[tuple[object, ...], str] = field(default_factory=dict)  # a stamp's line, made once (on_page_content)
    content_s: float = 0.0  # time spent in on_page_content (PLANVERK_TIMINGS)
    nav_cache: NavCache | None = None  # the sidebar nav rendered once per place in the nav (on_nav)
    nav: Navigation | None = None  # the site's nav (on_nav), for the processes rendering pages (on_env)


_STATE = "planverk_state"  # the attribute of the build's config that holds its BuildState


def _state(config: MkDocsConfig) -> BuildState:
    state = getattr(config, _STATE, None)
    if not isinstance(state, BuildState):
        raise PluginError("planverk: no build state; on_config did not run for this build")
    return state

@dataclass
class _Split:
    """The build's work shared out over forked processes (planverk/parallel.py, planverk/forks.py).

    ``allowed`` for `mkdocs build` only (on_startup): `mkdocs serve` builds in a thread of its
    web server, where forking is unsafe, and loads this hook module afresh for every rebuild
    without calling on_startup again, so the default is False. The children of the running
    build live here, not on the build's config: on_build_error gets no config."""

    allowed: bool = False
    generating: Background = field(default_factory=Background)  # on_files to on_post_build
    running: RenderSplit = field(default_factory=RenderSplit)  # on_env to on_post_build

    def processes(self) -> int:
        return processes() if self.allowed else 1


_SPLIT = _Split()


def on_startup(*, command: str, dirty: bool) -> None:
    _SPLIT.allowed = command in ("build", "gh-deploy") and not dirty


HANDWRITTEN = [("Om nettstedet", urls.ABOUT), ("Tilgjengelighetserklæring", urls.ACCESSIBILITY)]
INTERN = "intern/"  # docs/intern/: the internal handbook's own pages (exclude_docs elsewhere)


def _intern_pages(docs_dir: str) -> list[str]:
    """docs/intern/**.md for the nav: its index first, then in the order the index links them,
    then the rest (e.g. meeting notes) by name."""
    folder = Path(docs_dir) / INTERN
    found = sorted(p.relative_to(docs_dir).as_posix() for p in folder.rglob("*.md"))
    index = folder / "index.md"
    linked = re.findall(r"\]\(([\w/.-]+\.md)\)", index.read_text(encoding="utf-8")) if index.is_file() else []
    order = {INTERN + path: i for i, path in reversed(list(enumerate(linked)))}
    return sorted(found, key=lambda path: (path != f"{INTERN}index.md", order.get(path, len(order)), path))


def _timed(name: str, start: float) -> None:
    """With PLANVERK_TIMINGS=1 (make bench), log how long our part of an event took."""
    if os.environ.get("PLANVERK_TIMINGS"):
        log.info(f"planverk timing {name}={time.perf_counter() - start:.2f}s")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    start = time.perf_counter()
    gc.unfreeze()  # `mkdocs serve`: the previous build's model may be collected now
    settings = config.extra.get("planverk", {})
    root = Path(config.config_file_path).parent
    audience, data = _settings(settings, root)
    try:
        publisher = read_publisher(settings.get("publisher"), site_name=config.site_name, docs_dir=Path(config.docs_dir))
    except PublisherError as exc:
        raise PluginError(str(exc)) from None
    try:
        corpus = load(data, audience, processes=_SPLIT.processes())
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    index = Index(corpus)
    setattr(config, _STATE, BuildState(corpus=corpus, index=index, abbr=Abbreviations(corpus.terms), publisher=publisher,
                                       stamp_lines=stamps.stamps(corpus, index), dates=stamps.git_dates(data)))
    config.nav = build_nav(corpus, extra_pages=HANDWRITTEN, internal_pages=_intern_pages(config.docs_dir) if corpus.internal else [])
    # The model lives as long as the build and holds no garbage: keep the collector from walking
    # its millions of objects again on every collection while the pages are made.
    gc.freeze()
    measures = sum(len(p.measures) for p in corpus.plans.values())
    log.info(f"{audience} data: {len(corpus.plans)} plans, {measures} measures, {len(corpus.strategies)} strategies")
    _timed("load+nav", start)
    return config


def _settings(settings: object, root: Path) -> tuple[str, Path]:
    """extra.planverk checked: a clear configuration error naming the setting, never a traceback."""
    known = {"audience", "data", "publisher"}
    if not isinstance(settings, dict):
        raise PluginError(f"Konfigurasjonsfeil: extra.planverk må være en tabell med {', '.join(sorted(known))}; fant {settings!r}")
    unknown = sorted(set(settings) - known)
    if unknown:
        raise PluginError(f"Konfigurasjonsfeil: ukjent innstilling extra.planverk.{unknown[0]}; tillatt er "
                          f"{', '.join(f'extra.planverk.{k}' for k in sorted(known))}")
    audience = settings.get("audience", "public")
    if audience not in AUDIENCES:
        raise PluginError(f"Konfigurasjonsfeil: extra.planverk.audience er {audience!r}; tillatte verdier er "
                          f"{' og '.join(AUDIENCES)}")
    folder = settings.get("data", "data")
    if not isinstance(folder, str) or not folder.strip():
        raise PluginError(f"Konfigurasjonsfeil: extra.planverk.data må være navnet på datamappen (tekst); fant {folder!r}")
    data = root / folder
    if not data.is_dir():
        raise PluginError(f"Konfigurasjonsfeil: extra.planverk.data peker på {folder!r}, men {data} er ikke en mappe; "
                          f"forventet datamappen (vanligvis data)")
    return audience, data


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    start = time.perf_counter()
    state = _state(config)
    corpus = state.corpus
    if not corpus.internal:
        leaked = sorted(f.src_uri for f in files
                        if f.src_uri.startswith(INTERN) and f.inclusion.is_included())  # type: ignore[no-untyped-call]  # untyped in mkdocs
        if leaked:
            raise PluginError(f"docs/{leaked[0]} is internal: exclude_docs must leave out /{INTERN} in every build but the internal one")
    else:
        files.append(File.generated(config, "robots.txt", content="User-agent: *\nDisallow: /\n"))  # the internal handbook is never indexed
    handwritten = [(f.src_uri, f.content_string) for f in files.documentation_pages()]
    # pages outside the nav (the measures) get their HTML where they are made; the nav names the others
    in_nav = nav_paths(config.nav or [])
    # PLANVERK_PAGE_HTML=0 leaves every page to MkDocs' Markdown (tests/site/test_made_pages.py compares)
    html = Converter(config.markdown_extensions, config.mdx_configs, abbr=state.abbr, wanted=lambda path: path not in in_nav) \
        if os.environ.get("PLANVERK_PAGE_HTML") != "0" else None
    pages = build_pages(corpus, directory_urls=config.use_directory_urls, index=state.index, abbr=state.abbr,
                        processes=_SPLIT.processes(), html=html)
    for page in pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            raise PluginError(f"docs/{page.path} would hide a generated page; remove it from docs/")
        file = File.generated(config, page.path, content=page.markdown)
        if page.edit:
            file.edit_uri = f"../{page.edit}"  # relative to edit_uri, which points at docs/
        else:
            file.edit_uri = None
        make_page(file, config, page)  # after edit_uri: the page reads it when made
        files.append(file)
        if page.fragments:
            state.fragments[page.path] = page.fragments
    if _SPLIT.processes() > 1 and _SPLIT.generating.start(
            functools.partial(_not_pages, config, state, pages, handwritten), site_dir=config.site_dir, files=files):
        # made by a child meanwhile (planverk/parallel.py), listed now where pages link to them
        _SPLIT.generating.placeholders = [File.generated(config, path, content=b"") for path in (*exports.LINKED, urls.FEED)]
        for file in _SPLIT.generating.placeholders:
            files.append(file)
    else:
        for path, content in _not_pages(config, state, pages, handwritten):
            files.append(File.generated(config, path, content=content))
    _timed("pages", start)
    if os.environ.get("PLANVERK_TIMINGS"):
        log.info(f"planverk timing pages-with-html={sum(p.html is not None for p in pages)}/{len(pages)}")
    return files


def _not_pages(config: MkDocsConfig, state: BuildState, pages: list[Page],
               handwritten: list[tuple[str, str]]) -> Iterator[tuple[str, str | bytes]]:
    """The files that are not pages: exports, the status overview's data, the feed, the search index."""
    yield from exports.all_files(state.corpus, state.index, site_url=config.site_url or "/")
    yield from status_data_files(state.corpus, directory_urls=config.use_directory_urls)
    yield urls.FEED, rss(state.corpus, site_url=config.site_url or "/", site_name=config.site_name)
    yield from index_files(state.corpus, pages, handwritten, directory_urls=config.use_directory_urls, index=state.index).items()


def on_page_markdown(markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    page.meta["search"] = {"exclude": True}  # our index replaces the search plugin's (see above)
    return markdown


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Give every page outside the nav (measures, printable versions) a parent in the nav: its
    group page, else its folder's index page. Breadcrumbs (navigation.path) then show where it
    belongs, and the nav opens at that parent while the page is shown."""
    in_nav = {p.file.src_uri for p in nav.pages}
    known = homes(_state(config).corpus)
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri in in_nav:
            continue
        folder = file.src_uri.rpartition("/")[0]
        home = known.get(file.src_uri) or (f"{folder}/index.md" if folder else None)
        parent = files.get_file_from_path(home) if home and home != file.src_uri else None
        if parent is not None and parent.page is not None and parent.src_uri in in_nav:
            page.parent = parent.page  # type: ignore[assignment]  # a page as parent: what breadcrumbs follow
    # PLANVERK_NAV_CACHE=0 renders the nav per page, as Material does (tests/site/test_nav_cache.py compares)
    state = _state(config)
    state.nav_cache = NavCache(nav, enabled=os.environ.get("PLANVERK_NAV_CACHE") != "0")
    state.nav = nav
    return nav


@event_priority(-100)  # last: the processes rendering pages are forked with the finished environment
def on_env(env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The publisher (name, logo, contact, colours) for the header and footer templates, and the
    nav cache that overrides/partials/nav.html renders through; then the pages' rendering split
    over the cores."""
    state = _state(config)
    env.globals["publisher"] = state.publisher
    if state.nav_cache is None or state.nav is None:
        raise PluginError("planverk: no nav cache; on_nav did not run for this build")
    env.globals["planverk_nav"] = state.nav_cache.render
    env.globals["planverk_t"] = translations(env, config.theme["language"])  # Material's UI strings, looked up once
    _SPLIT.generating.release()  # the files that are not pages: still being written (on_post_build waits)
    if _SPLIT.processes() > 1:
        _SPLIT.running.start(env, config, files, state.nav, count=_SPLIT.processes())
    return env


def on_page_content(html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    start = time.perf_counter()
    state = _state(config)
    if not (isinstance(page, MadePage) and page.made):  # a made page's HTML has both already
        # Abbreviations here only for what Markdown made: our fragments were written with them.
        html = state.abbr.apply(html)
        html = expand(html, state.fragments.get(page.file.src_uri, ()))
    stamp = state.stamp_lines.get(page.file.src_uri)
    if stamp is not None:  # "Status per …", "Sist endret …" right under the page's heading
        # the same line for every measure of a plan: made once (the plans by identity, not by value)
        key = (tuple(map(id, stamp.plans)), stamp.files, stamp.next_update, stamp.language)
        line = state.stamp_html.get(key)
        if line is None:
            line = state.stamp_html[key] = stamps.render(stamp, state.dates, stamps.epoch())
        head, found, rest = html.partition("</h1>")
        html = head + found + line + rest if found else line + html
    state.content_s += time.perf_counter() - start
    return html


def on_post_page(output: str, /, *, page: MkPage, config: MkDocsConfig) -> str:
    _SPLIT.running.rendered(page)  # the parent takes its next page to render
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    state = _state(config)
    start = time.perf_counter()
    warned, failed = _SPLIT.running.join()
    _timed("render-wait", start)  # how long the parent waited for the processes rendering pages
    start = time.perf_counter()
    generated = _SPLIT.generating.join()
    _timed("files-wait", start)  # how long the parent waited for the files that are not pages
    if failed:
        _drop_state(config)
        raise PluginError(f"Byggingen av sidene feilet i {failed} av prosessene som lager sidene; feilen står over")
    if not generated:
        _drop_state(config)
        raise PluginError("Filene som ikke er sider (eksportene, søkeindeksen) ble ikke laget; feilen står over")
    if warned:
        log.warning(f"Prosessene som lager sidene ga advarsler ({warned} av dem); advarslene står over")
    if os.environ.get("PLANVERK_TIMINGS"):
        if _SPLIT.running.summary:
            log.info(f"planverk timing render-split {_SPLIT.running.summary}")
        log.info(f"planverk timing page-content={state.content_s:.2f}s")
        if state.nav_cache is not None:
            log.info(f"planverk timing nav-reused={state.nav_cache.hits}")
    _drop_state(config)


def on_build_error(*, error: Exception) -> None:
    _SPLIT.generating.abandon()
    _SPLIT.running.abandon()


def _drop_state(config: MkDocsConfig) -> None:
    if hasattr(config, _STATE):
        delattr(config, _STATE)
