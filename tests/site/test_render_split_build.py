"""Pages rendered in several processes (hooks/planverk/parallel.py) are the pages one process
renders: a build with three processes and one with one are byte-identical, file by file."""

from __future__ import annotations

import re

import pytest

from corpora import Data, group, measure, plan_with_groups


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.offline.yml"])  # directory URLs and file URLs
def test_pages_rendered_in_three_processes_are_the_pages_of_one(tmp_path, monkeypatch, config):
    data = Data(tmp_path / "data-src")
    plan_with_groups(data, "plan-a", sizes=(12, 10, 8))
    plan_with_groups(data, "plan-b", sizes=(9, 7))
    data.plan("plan-c", groups=[group(1), group(2, parent="pakke-1")], measures=[
        measure(1, group="pakke-2"), measure(2, group="pakke-2"), measure("a", id="tiltak-2a", group=None, parent="tiltak-2")])
    monkeypatch.setenv("PLANVERK_TIMINGS", "1")
    built = {}
    for processes in ("1", "3"):
        monkeypatch.setenv("PLANVERK_PROCESSES", processes)
        build = data.build(tmp_path / f"site-{processes}", config=config)
        assert build.returncode == 0, build.output
        built[processes] = build
    split = re.search(r"render-split processes=(\d+) parent_pages=(\d+)/(\d+)", built["3"].output)
    assert split is not None, built["3"].output  # the pages were shared out
    assert split[1] == "3" and int(split[2]) < int(split[3])  # and the parent did not render them all
    assert "render-split" not in built["1"].output
    assert "Page skipped" not in built["3"].output  # MkDocs' line for the pages a child rendered is filtered
    one = {p.relative_to(built["1"].site).as_posix(): p.read_bytes() for p in built["1"].site.rglob("*") if p.is_file()}
    three = {p.relative_to(built["3"].site).as_posix(): p.read_bytes() for p in built["3"].site.rglob("*") if p.is_file()}
    assert one.keys() == three.keys()
    assert sum(path.endswith(".html") for path in one) > 60
    differ = [path for path in one if one[path] != three[path]]
    assert not differ
