"""The pages' templates rendered on every core: MkDocs renders them one by one on one.

Rendering Material's templates into 10,892 pages and writing them takes ~23 s of a
10,000-measure build (measured: from ``on_env`` to ``on_post_build``), all of it on one core
while the machine has two. Once ``on_env`` has run, everything a page's template needs is made
(the nav, every page's content and table of contents, the Jinja environment), nothing a
page's rendering does is read by another page, and each page is written to its own file. So
``on_env`` forks, and the parent and its children share the pages out as they go: each takes
the next page nobody has taken from a counter they share, renders it with MkDocs' own
``_build_page`` (the same context, plugin events and writes MkDocs makes) and takes the next.
A fixed share would not do: the first child also writes the static files (the search index's
~12,000 files and the entities' JSON at 10,000 measures: ~5 s), and pages cost different
amounts. The parent renders its pages where MkDocs' loop reaches them; after each one it
takes the next page off the counter and gives the pages the children took before that an
empty template (MkDocs then skips writing them; its log line for a skipped page is filtered
out for those pages only). ``on_post_build`` waits for the children.

What stays in the parent: static templates (the sitemap lists every page), anchor validation
(it reads the Markdown phase's results, which the parent has), plugins' ``on_post_build``. A
child's warnings count in strict mode: it exits with :data:`WARNED` and the parent logs a
warning; a child that fails makes the build fail.

Only ``mkdocs build`` splits (``on_startup`` says which command runs): ``mkdocs serve``
rebuilds in a thread of its web server, and a process with threads must not fork. Nor does
a dirty build, or a machine without ``os.fork``. ``PLANVERK_PROCESSES=1`` renders in one
process; ``tests/site/test_render_split_build.py`` builds a site both ways and finds them byte-identical.

The files that are not pages (the exports, the XLSX above all, and the search index: ~6-8 s at
10,000 measures) are made the same way, by :class:`Background`: a child forked in
``on_files`` makes and writes them into the site folder while the parent runs the Markdown
phase on the other core, and ``on_env`` waits for it. The files a page links to are in the
build's file list as placeholders meanwhile (MkDocs checks links against that list), and are
left out of MkDocs' copy once the child has written them.

This is the MkDocs bridge, not the planverk core: it uses ``mkdocs.commands.build._build_page``
(MkDocs 1.6, pinned in constraints.txt), private, so that a page is rendered exactly as MkDocs
renders it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, write_file

ELSEWHERE = "planverk/rendered-elsewhere.html"  # the empty template of the pages a child renders
WARNED = 3  # a child's exit status when it logged warnings (strict mode counts them in the parent)
SKIPPED, SKIPPED_END = "Page skipped: '", "'. Generated empty output."  # MkDocs' log line for a page rendered empty


def processes() -> int:
    """How many processes render pages: PLANVERK_PROCESSES, else one per core this process may use."""
    setting = os.environ.get("PLANVERK_PROCESSES", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class _ElsewhereFilter(logging.Filter):
    """Drops MkDocs' "Page skipped" line for the pages a child renders (their output is not empty there)."""

    def __init__(self, sources: set[str]) -> None:
        super().__init__()
        self.sources = sources

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith(SKIPPED) and message[len(SKIPPED):].removesuffix(SKIPPED_END) in self.sources)


class _Counter:
    """The next page nobody has taken, shared by the parent and its children (forked after it)."""

    def __init__(self) -> None:
        self._value = multiprocessing.get_context("fork").Value("q", 0)

    def take(self) -> int:
        with self._value.get_lock():
            taken = int(self._value.value)
            self._value.value = taken + 1
        return taken


@dataclass
class RenderSplit:
    """The children rendering pages for one build: started in on_env, joined in on_post_build."""

    children: list[int] = field(default_factory=list)
    log_filter: _ElsewhereFilter | None = None
    _pages: list[File] = field(default_factory=list)  # the build's documentation pages, in MkDocs' order
    _where: dict[str, int] = field(default_factory=dict)  # a page's source -> its place in _pages
    _counter: _Counter | None = None
    _current: int = -1  # the page the parent renders now (or has just rendered)
    summary: str = ""  # after join: how many processes rendered and how many pages the parent did (PLANVERK_TIMINGS)
    _parent_pages: int = 0

    def start(self, env: jinja2.Environment, config: MkDocsConfig, files: Files, nav: Navigation, *, count: int) -> None:
        """Fork count - 1 children that take pages off the shared counter; the first also writes
        the static files, which the parent then leaves alone."""
        self.summary = ""
        if count < 2 or not hasattr(os, "fork"):
            return
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        static = [f for f in files if not f.is_documentation_page() and f.inclusion.is_included()]  # type: ignore[no-untyped-call]  # untyped in mkdocs
        if len(pages) < 2:
            return
        counter = _Counter()
        sys.stdout.flush()
        sys.stderr.flush()
        for k in range(1, count):
            pid = os.fork()
            if pid == 0:  # the child: render what it takes, never return into MkDocs
                os._exit(_render(static if k == 1 else [], pages, counter, config, nav, env))
            self.children.append(pid)
        for file in static:
            file.inclusion = InclusionLevel.EXCLUDED  # written by the first child: MkDocs' copy skips it
        self._pages, self._counter = pages, counter
        self._where = {f.src_uri: i for i, f in enumerate(pages)}
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({ELSEWHERE: ""}), *([env.loader] if env.loader else [])])
        self.log_filter = _ElsewhereFilter(set())
        logging.getLogger("mkdocs.commands.build").addFilter(self.log_filter)
        self._take_next()

    def rendered(self, page: Page) -> None:
        """After MkDocs rendered a page in the parent (on_post_page): take the next one."""
        if self._counter is not None and self._where.get(page.file.src_uri) == self._current:
            self._take_next()

    def _take_next(self) -> None:
        """Take the next page for the parent; the ones before it are the children's."""
        assert self._counter is not None  # started
        taken = min(self._counter.take(), len(self._pages))
        assert self.log_filter is not None  # started
        for file in self._pages[self._current + 1:taken]:
            assert file.page is not None  # a documentation page
            file.page.meta["template"] = ELSEWHERE
            self.log_filter.sources.add(file.src_uri)
        self._current = taken
        self._parent_pages += taken < len(self._pages)

    def join(self) -> tuple[int, int]:
        """Wait for every child: (children that warned, children that failed)."""
        warned = failed = 0
        for pid in self.children:
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            warned += code == WARNED
            failed += code not in (0, WARNED)
        if self.children:
            self.summary = f"processes={len(self.children) + 1} parent_pages={self._parent_pages}/{len(self._pages)}"
        self._forget()
        return warned, failed

    def abandon(self) -> None:
        """The build failed: stop the children and wait for them, so none writes into a later build."""
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self._forget()

    def _forget(self) -> None:
        self.children.clear()
        self._pages, self._where, self._counter, self._current, self._parent_pages = [], {}, None, -1, 0
        if self.log_filter is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self.log_filter)
            self.log_filter = None


def _render(static: list[File], pages: list[File], counter: _Counter, config: MkDocsConfig, nav: Navigation,
            env: jinja2.Environment) -> int:
    """In a child: write the static files given, then render and write the pages it takes off the
    counter, as MkDocs does; the exit status says how it went."""
    warnings = CountHandler()
    warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warnings)
    status = 1
    try:
        for file in static:
            file.copy_file()
        while (taken := counter.take()) < len(pages):
            page = pages[taken].page
            assert page is not None  # a documentation page
            _build_page(page, config, pages, nav, env)
        status = WARNED if warnings.get_counts() else 0
    except BaseException:  # reported here; the parent fails the build on the status
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return status


@dataclass
class Background:
    """A child that makes and writes the files that are not pages: forked in on_files, joined in on_env."""

    child: int | None = None
    placeholders: list[File] = field(default_factory=list)  # files pages link to, written by the child

    def start(self, make: Callable[[], Iterable[tuple[str, str | bytes]]], *, site_dir: str, files: Files) -> bool:
        """Fork the child that writes what ``make`` yields (site path, content) under ``site_dir``;
        False (nothing started) where fork is missing."""
        if not hasattr(os, "fork"):
            return False
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os._exit(_write(make, Path(site_dir), files))
        self.child = pid
        return True

    def join(self) -> bool:
        """Wait for the child; True when it wrote everything. Its placeholders are then left out of MkDocs' copy."""
        if self.child is None:
            return True
        _, status = os.waitpid(self.child, 0)
        self.child = None
        for file in self.placeholders:
            file.inclusion = InclusionLevel.EXCLUDED
        self.placeholders = []
        return os.waitstatus_to_exitcode(status) == 0

    def abandon(self) -> None:
        if self.child is not None:
            try:
                os.kill(self.child, signal.SIGTERM)
                os.waitpid(self.child, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.child = None
        self.placeholders = []


def _write(make: Callable[[], Iterable[tuple[str, str | bytes]]], site: Path, files: Files) -> int:
    """In the child: write every file ``make`` yields; a path that a file of the docs folder or
    the theme already has is an error (MkDocs would have reported the conflict)."""
    try:
        for path, content in make():
            existing = files.get_file_from_path(path)
            if existing is not None and not existing.generated_by:
                print(f"ERROR   -  planverk: docs/{path} would hide a generated file; remove it from docs/", file=sys.stderr)
                return 1
            write_file(content.encode("utf-8") if isinstance(content, str) else content, str(site / path))
        return 0
    except BaseException:  # reported here; the parent fails the build on the status
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
