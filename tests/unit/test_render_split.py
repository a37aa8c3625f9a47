"""The processes that render pages and write the files that are not pages
(hooks/planverk/parallel.py): a child's exit status says whether it failed or warned, and the
parent counts both (a failure fails the build, a warning counts in strict mode)."""

from __future__ import annotations

import logging
import os

from mkdocs.structure.files import InclusionLevel

from planverk import parallel
from planverk.forks import Counter


class _Page:
    def __init__(self, src_uri: str) -> None:
        self.file = type("F", (), {"src_uri": src_uri})()
        self.meta: dict[str, object] = {}


class _File:
    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri
        self.page = _Page(src_uri)


def _pages(n: int) -> list[_File]:
    return [_File(f"p{i}.md") for i in range(n)]


def test_a_child_renders_the_pages_it_takes_once_each(monkeypatch):
    done = []
    monkeypatch.setattr(parallel, "_build_page", lambda page, *args: done.append(page.file.src_uri))
    shares = parallel._Shares(_pages(3))  # type: ignore[arg-type]
    assert parallel._child(lambda: parallel._render([], shares, None, None, None)) == 0  # type: ignore[arg-type]
    assert done == ["p0.md", "p1.md", "p2.md"]


def test_a_child_whose_work_fails_exits_1_and_prints_why(capfd):
    def fail() -> None:
        raise RuntimeError("malen feilet")
    assert parallel._child(fail) == 1
    assert "malen feilet" in capfd.readouterr().err  # the traceback goes where the build's log goes


def test_a_child_that_warned_exits_with_warned():
    assert parallel._child(lambda: logging.getLogger("mkdocs.commands.build").warning("en advarsel")) == parallel.WARNED


def test_waiting_counts_children_that_warned_and_failed():
    forked = parallel._Forked()
    for code in (0, parallel.WARNED, 1, parallel.WARNED):
        forked._fork(lambda code=code: code)  # type: ignore[misc]
    assert forked._wait() == (2, 1)
    assert forked.children == []


def test_the_parent_renders_the_pages_it_takes_and_gives_the_rest_an_empty_template():
    pages = _pages(6)
    shares = parallel._Shares(pages)  # type: ignore[arg-type]
    assert shares.parent_takes_next() == []  # page 0: nobody took one before
    assert shares.counter.take() == 1 and shares.counter.take() == 2  # a child takes pages 1 and 2
    assert [i for i, _ in shares.parent_takes_next()] == [1, 2]  # the parent passes over them: page 3
    assert shares.is_current(pages[3].page) and not shares.is_current(pages[2].page)  # type: ignore[arg-type]
    assert [i for i, _ in shares.child_takes()] == [4, 5]  # a child takes what is left
    assert [i for i, _ in shares.parent_takes_next()] == [4, 5]  # and the parent has no more
    assert shares.parent_pages == 2


def test_pages_are_shared_out_once_between_processes():
    counter = Counter()
    pid = os.fork()
    if pid == 0:
        os._exit(0 if [counter.take() for _ in range(100)] else 1)
    os.waitpid(pid, 0)
    assert counter.take() == 100  # the child's takes count in the parent


def _file(path: str, generated_by: str | None = None) -> object:
    return type("File", (), {"src_uri": path, "generated_by": generated_by, "inclusion": InclusionLevel.INCLUDED})()


def test_the_background_child_writes_its_files(tmp_path):
    background = parallel.Background()
    placeholder = _file("feed.xml", generated_by="planverk")  # a placeholder is no conflict
    made = lambda: iter([("data/a.json", "{}"), ("feed.xml", b"<rss/>")])  # noqa: E731
    assert background.start(made, site_dir=str(tmp_path), files=[placeholder, _file("index.md")])  # type: ignore[arg-type]
    background.placeholders = [placeholder]  # type: ignore[list-item]
    assert background.join() is True
    assert (tmp_path / "data/a.json").read_text() == "{}"
    assert (tmp_path / "feed.xml").read_bytes() == b"<rss/>"
    assert placeholder.inclusion == InclusionLevel.EXCLUDED  # type: ignore[attr-defined]  # MkDocs' copy leaves it alone


def test_the_background_child_refuses_to_hide_a_file_of_the_docs_folder_before_writing_anything(tmp_path, capfd):
    background = parallel.Background()
    made = lambda: iter([("a.txt", "a"), ("data/b.json", "{}")])  # noqa: E731
    assert background.start(made, site_dir=str(tmp_path), files=[_file("data/b.json")])  # type: ignore[arg-type]
    assert background.join() is False
    assert "docs/data/b.json har samme navn som en fil bygget lager" in capfd.readouterr().err
    assert not (tmp_path / "a.txt").exists()


def test_the_background_child_fails_when_making_a_file_fails(tmp_path, capfd):
    def make():
        yield "data/a.json", "{}"
        raise ValueError("eksporten feilet")
    background = parallel.Background()
    assert background.start(make, site_dir=str(tmp_path), files=[])  # type: ignore[arg-type]
    assert background.join() is False
    assert "eksporten feilet" in capfd.readouterr().err
