"""The processes that render pages (hooks/planverk/parallel.py): a child's exit status says
whether it failed or warned, and the parent counts both (a failure fails the build, a warning
counts in strict mode)."""

from __future__ import annotations

import logging
import os

from planverk import parallel


class _Page:
    def __init__(self, src_uri: str) -> None:
        self.file = type("F", (), {"src_uri": src_uri})()


class _File:
    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri
        self.page = _Page(src_uri)


def _child_status(monkeypatch, build_page) -> int:
    monkeypatch.setattr(parallel, "_build_page", build_page)
    pages = [_File(f"p{i}.md") for i in range(3)]
    return parallel._render([], pages, parallel._Counter(), None, None, None)  # type: ignore[arg-type]


def test_a_child_that_renders_every_page_exits_0(monkeypatch):
    done = []
    assert _child_status(monkeypatch, lambda page, *args: done.append(page.file.src_uri)) == 0
    assert done == ["p0.md", "p1.md", "p2.md"]  # each page taken once, in order


def test_a_child_whose_page_fails_exits_1(monkeypatch, capfd):
    def fail(page, *args):
        raise RuntimeError("malen feilet")
    assert _child_status(monkeypatch, fail) == 1
    assert "malen feilet" in capfd.readouterr().err  # the traceback is printed where the build's log goes


def test_a_child_that_warned_exits_with_warned(monkeypatch):
    def warn(page, *args):
        logging.getLogger("mkdocs.commands.build").warning("en advarsel")
    assert _child_status(monkeypatch, warn) == parallel.WARNED


def test_join_counts_children_that_warned_and_failed():
    split = parallel.RenderSplit()
    for code in (0, parallel.WARNED, 1, parallel.WARNED):
        pid = os.fork()
        if pid == 0:
            os._exit(code)
        split.children.append(pid)
    assert split.join() == (2, 1)
    assert split.children == []


def test_pages_are_shared_out_once_between_processes():
    counter = parallel._Counter()
    pid = os.fork()
    if pid == 0:
        os._exit(0 if [counter.take() for _ in range(100)] else 1)
    os.waitpid(pid, 0)
    assert counter.take() == 100  # the child's takes count in the parent
