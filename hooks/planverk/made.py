"""MkDocs bridge: generated pages whose HTML the planverk core made (planverk/pages/html.py).

MkDocs 1.6 lets a plugin make a file's page in on_files (``File.page``; its nav then uses that
page). A :class:`MadePage` is MkDocs' Page that reads its front matter and Markdown from our
Page record instead of parsing YAML, and whose render takes the HTML made with the page
instead of running Markdown: every plugin event of MkDocs' loop still runs. Should a plugin
change the page's Markdown (on_page_markdown), the page is converted as MkDocs does, and
on_page_content of the hook does the rest as for every other page (:attr:`MadePage.made`).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import get_toc

from .pages.base import Page
from .pages.html import Html


class MadePage(MkPage):
    """MkDocs' page for a generated file that came with its HTML (``made`` once render used it)."""

    def __init__(self, file: File, config: MkDocsConfig, page: Page, html: Html) -> None:
        super().__init__(None, file, config)  # as MkDocs makes a page outside the nav
        self._page = page
        self._source = page.source  # one string: render compares what plugins left with it
        self._html: Html | None = html
        self.made = False  # True once render took our HTML: its content is complete

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is not None:  # a plugin reads the page itself: what it says counts
            self._html = None  # render converts what the plugin read
            super().read_source(config)
            return
        self.markdown, self.meta = self._source, self._page.front_matter

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self._html is None or self.markdown != self._source:  # the same object unless a plugin changed it
            super().render(config, files)
            return
        self.content = self._html.content
        self.toc = get_toc(self._html.toc)  # type: ignore[arg-type]  # Python-Markdown's toc tokens
        self.present_anchor_ids = set(self._html.anchors)
        self.made = True


def make_page(file: File, config: MkDocsConfig, page: Page) -> None:
    """Give ``file`` (the generated page's) a page that takes the HTML made with it, if any."""
    if page.html is not None:
        MadePage(file, config, page, page.html)
