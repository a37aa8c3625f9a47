"""The processes that render pages and write the files that are not pages
(hooks/planverk/parallel.py): a child's exit status says whether it failed or warned, and the
parent counts both (a failure fails the build, a warning counts in strict mode)."""

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


class _Files:
    def __init__(self, existing: dict[str, object]) -> None:
        self.existing = existing

    def get_file_from_path(self, path: str) -> object | None:
        return self.existing.get(path)


def test_the_background_child_writes_what_it_is_given(tmp_path):
    files = _Files({"feed.xml": type("Generated", (), {"generated_by": "planverk"})()})  # a placeholder is no conflict
    assert parallel._write(lambda: iter([("data/a.json", "{}"), ("feed.xml", b"<rss/>")]), tmp_path, files) == 0  # type: ignore[arg-type]
    assert (tmp_path / "data/a.json").read_text() == "{}"
    assert (tmp_path / "feed.xml").read_bytes() == b"<rss/>"


def test_the_background_child_refuses_to_hide_a_file_of_the_docs_folder(tmp_path, capfd):
    files = _Files({"data/a.json": type("Handwritten", (), {"generated_by": None})()})
    assert parallel._write(lambda: iter([("data/a.json", "{}")]), tmp_path, files) == 1  # type: ignore[arg-type]
    assert "docs/data/a.json" in capfd.readouterr().err
    assert not (tmp_path / "data/a.json").exists()


def test_the_background_child_fails_when_making_a_file_fails(tmp_path, capfd):
    def make():
        yield "data/a.json", "{}"
        raise ValueError("eksporten feilet")
    assert parallel._write(make, tmp_path, _Files({})) == 1  # type: ignore[arg-type]
    assert "eksporten feilet" in capfd.readouterr().err


def test_a_build_waits_for_the_background_child_and_then_leaves_its_placeholders_alone(tmp_path):
    from mkdocs.structure.files import InclusionLevel
    background = parallel.Background()
    assert background.start(lambda: iter([("x.txt", "x")]), site_dir=str(tmp_path), files=_Files({}))  # type: ignore[arg-type]
    placeholder = type("Placeholder", (), {"inclusion": InclusionLevel.INCLUDED})()
    background.placeholders = [placeholder]  # type: ignore[list-item]
    assert background.join() is True
    assert (tmp_path / "x.txt").read_text() == "x"
    assert placeholder.inclusion == InclusionLevel.EXCLUDED
    failing = parallel.Background()
    handwritten = _Files({"docs.md": type("Handwritten", (), {"generated_by": None})()})
    assert failing.start(lambda: iter([("docs.md", "x")]), site_dir=str(tmp_path), files=handwritten)  # type: ignore[arg-type]
    assert failing.join() is False
