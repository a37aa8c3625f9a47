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
process; ``tests/site/test_render_split_build.py`` builds a site both ways and finds them
byte-identical.

The files that are not pages (the exports, the XLSX above all, the search index and the feed:
~7 s at 10,000 measures) are made the same way, by :class:`Background`: a child forked in
``on_files`` makes and writes them into the site folder while the parent goes on, and
``on_post_build`` waits for it. Its work shares the cores with the pages' rendering: since the
measure pages' Markdown is converted where they are made (planverk/pages/html.py), MkDocs'
Markdown phase takes ~2 s, not ~13, and waiting for the child in ``on_env`` left one core idle
for ~7 s. The files a page links to are in the build's file list as placeholders meanwhile
(MkDocs checks links against that list), and are left out of MkDocs' copy (``on_env``).

Tried and dropped, by measurement at 10,000 measures:
- converting pages' Markdown in children forked for it (each sending the parent what
  ``Page.render`` made), while the files above were still made during the Markdown phase: the
  children shared the second core with them; one pair of builds took 40.9 s with it and 41.1 s
  without, for 6 s more CPU. What worked instead: the Markdown converted where the pages are
  made (planverk/pages/html.py), and the files above waited for at the end;
- making the exports from ``on_config`` on, while the parent makes the pages (the child waiting
  for MkDocs to clean the site folder before writing): 45.4 / 44.7 / 45.7 s against
  44.9 / 43.2 / 43.3 s for one child from ``on_files``, builds taken in turns.

This is the MkDocs bridge, not the planverk core: it uses ``mkdocs.commands.build._build_page``
(MkDocs 1.6, pinned in constraints.txt), private, so that a page is rendered exactly as MkDocs
renders it.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, write_file

from .forks import Counter

ELSEWHERE = "planverk/rendered-elsewhere.html"  # the empty template of the pages a child renders
WARNED = 3  # a child's exit status when it logged warnings (strict mode counts them in the parent)
SKIPPED, SKIPPED_END = "Page skipped: '", "'. Generated empty output."  # MkDocs' log line for a page rendered empty


class _ElsewhereFilter(logging.Filter):
    """Drops MkDocs' "Page skipped" line for the pages a child renders (their output is not empty there)."""

    def __init__(self, sources: set[str]) -> None:
        super().__init__()
        self.sources = sources

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith(SKIPPED) and message[len(SKIPPED):].removesuffix(SKIPPED_END) in self.sources)


class _Shares:
    """The build's pages shared out. The parent goes through them in MkDocs' order and, done with
    one, takes the next nobody has taken; the pages it passes over are the children's. A child
    takes the next page nobody has taken whenever it is done with one."""

    def __init__(self, pages: list[File]) -> None:
        self.pages = pages
        self.where = {f.src_uri: i for i, f in enumerate(pages)}
        self.counter = Counter()
        self.current = -1  # the page the parent works on now (or has just done)
        self.parent_pages = 0

    def is_current(self, page: Page) -> bool:
        return self.where.get(page.file.src_uri) == self.current

    def parent_takes_next(self) -> list[tuple[int, Page]]:
        """The parent takes its next page; the pages the children took before it, with their places."""
        taken = min(self.counter.take(), len(self.pages))
        given = [(i, _page(self.pages[i])) for i in range(self.current + 1, taken)]
        self.current = taken
        self.parent_pages += taken < len(self.pages)
        return given

    def child_takes(self) -> Iterator[tuple[int, Page]]:
        """In a child: the pages it takes, one by one, with their places, until none is left."""
        while (taken := self.counter.take()) < len(self.pages):
            yield taken, _page(self.pages[taken])


def _page(file: File) -> Page:
    assert file.page is not None  # a documentation page
    return file.page


@dataclass
class _Forked:
    """Children of the parent: waited for when their work is done, stopped when the build fails."""

    children: list[int] = field(default_factory=list)

    def _fork(self, work: Callable[[], int]) -> bool:
        """Fork a child that runs ``work`` and exits with its status, never returning into MkDocs."""
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os._exit(work())
        self.children.append(pid)
        return True

    def _wait(self) -> tuple[int, int]:
        """Wait for every child: (children that warned, children that failed)."""
        warned = failed = 0
        for pid in self.children:
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            warned += code == WARNED
            failed += code not in (0, WARNED)
        self.children.clear()
        return warned, failed

    def abandon(self) -> None:
        """The build failed: stop the children and wait for them, so none writes into a later build."""
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.children.clear()


def _child(work: Callable[[], None]) -> int:
    """A child's exit status: 0, :data:`WARNED` when it logged warnings, 1 when ``work`` failed
    (the traceback goes where the build's log goes)."""
    warnings = CountHandler()
    warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        work()
        return WARNED if warnings.get_counts() else 0
    except BaseException:  # reported here; the parent fails the build on the status
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


@dataclass
class RenderSplit(_Forked):
    """The children rendering pages for one build: started in on_env, joined in on_post_build."""

    log_filter: _ElsewhereFilter | None = None
    summary: str = ""  # after join: how many processes rendered and how many pages the parent did (PLANVERK_TIMINGS)
    _shares: _Shares | None = None

    def start(self, env: jinja2.Environment, config: MkDocsConfig, files: Files, nav: Navigation, *, count: int) -> None:
        """Fork count - 1 children that take pages off the shared counter; the first also writes
        the static files, which the parent then leaves alone."""
        self.summary = ""
        pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        if count < 2 or len(pages) < 2 or not hasattr(os, "fork"):
            return
        static = [f for f in files if not f.is_documentation_page() and f.inclusion.is_included()]  # type: ignore[no-untyped-call]  # untyped in mkdocs
        shares = _Shares(pages)
        for k in range(1, count):
            mine = static if k == 1 else []
            self._fork(functools.partial(_child, functools.partial(_render, mine, shares, config, nav, env)))
        for file in static:
            file.inclusion = InclusionLevel.EXCLUDED  # written by the first child: MkDocs' copy skips it
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({ELSEWHERE: ""}), *([env.loader] if env.loader else [])])
        self.log_filter = _ElsewhereFilter(set())
        logging.getLogger("mkdocs.commands.build").addFilter(self.log_filter)
        self._shares = shares
        self._give(shares.parent_takes_next())

    def rendered(self, page: Page) -> None:
        """After MkDocs rendered a page in the parent (on_post_page): take the next one."""
        if self._shares is not None and self._shares.is_current(page):
            self._give(self._shares.parent_takes_next())

    def _give(self, given: list[tuple[int, Page]]) -> None:
        """The children's pages get the empty template in the parent."""
        assert self.log_filter is not None  # started
        for _, page in given:
            page.meta["template"] = ELSEWHERE
            self.log_filter.sources.add(page.file.src_uri)

    def join(self) -> tuple[int, int]:
        """Wait for every child: (children that warned, children that failed)."""
        if self.children and self._shares is not None:
            self.summary = (f"processes={len(self.children) + 1} "
                            f"parent_pages={self._shares.parent_pages}/{len(self._shares.pages)}")
        result = self._wait()
        self._forget()
        return result

    def abandon(self) -> None:
        super().abandon()
        self._forget()

    def _forget(self) -> None:
        self._shares = None
        if self.log_filter is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self.log_filter)
            self.log_filter = None


def _render(static: list[File], shares: _Shares, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment) -> None:
    """In a child: write the static files given, then render and write the pages it takes, as MkDocs does."""
    for file in static:
        file.copy_file()
    for _, page in shares.child_takes():
        _build_page(page, config, shares.pages, nav, env)


@dataclass
class Background(_Forked):
    """A child that makes the files that are not pages and writes them into the site folder:
    forked in on_files, released in on_env, joined in on_post_build."""

    placeholders: list[File] = field(default_factory=list)  # files pages link to, written by the child

    def start(self, make: Callable[[], Iterable[tuple[str, str | bytes]]], *, site_dir: str, files: Files) -> bool:
        """Fork the child that writes what ``make`` yields (site path, content) under ``site_dir``;
        False (nothing started) where fork is missing."""
        taken = {f.src_uri for f in files if not f.generated_by}  # the docs folder's files and the theme's
        return hasattr(os, "fork") and self._fork(functools.partial(_child, functools.partial(_write, make, Path(site_dir), taken)))

    def release(self) -> None:
        """Leave the placeholders out of MkDocs' copy (on_env): the child writes those files."""
        for file in self.placeholders:
            file.inclusion = InclusionLevel.EXCLUDED
        self.placeholders = []

    def join(self) -> bool:
        """Wait for the child; True when it wrote everything."""
        self.release()
        warned, failed = self._wait()
        return not (warned or failed)

    def abandon(self) -> None:
        super().abandon()
        self.placeholders = []


def _write(make: Callable[[], Iterable[tuple[str, str | bytes]]], site: Path, taken: set[str]) -> None:
    """In the child: make every file, then write them; a generated file that would hide a file of
    the docs folder or the theme is an error, found before anything is written."""
    made = list(make())
    hidden = sorted(path for path, _ in made if path in taken)
    if hidden:
        raise PluginError(f"docs/{hidden[0]} har samme navn som en fil bygget lager, og ville skjult den; fjern den fra docs/")
    for path, content in made:
        write_file(content.encode("utf-8") if isinstance(content, str) else content, str(site / path))
