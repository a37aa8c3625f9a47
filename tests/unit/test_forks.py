"""Jobs shared out over forked processes (hooks/planverk/forks.py) give what one process gives,
in the jobs' order; and the pages made that way are the pages made in one process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpora import Data, plan_with_groups
from planverk import model as m
from planverk.errors import DataErrors
from planverk.forks import ForkedJobError, in_order
from planverk.load import load
from planverk.pages import build_pages


def _jobs(n: int):
    return [lambda i=i: [(i, os.getpid())] * (i % 3) for i in range(n)]  # some jobs return nothing


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_results_come_in_the_jobs_order(processes):
    results = in_order(_jobs(40), processes=processes)
    assert [i for i, _ in results] == [i for i in range(40) for _ in range(i % 3)]


def test_the_jobs_are_shared_out_between_processes():
    def slow(i: int) -> list[int]:
        sum(range(200_000))  # long enough that the child takes some
        return [os.getpid()]
    pids = set(in_order([lambda i=i: slow(i) for i in range(60)], processes=2))
    assert os.getpid() in pids and len(pids) == 2


def test_a_job_that_fails_in_a_child_fails_the_whole(capfd):
    parent = os.getpid()

    def job(i: int) -> list[int]:
        if os.getpid() != parent:
            raise ValueError(f"jobb {i} feilet")
        sum(range(200_000))
        return [i]
    with pytest.raises(ForkedJobError):
        in_order([lambda i=i: job(i) for i in range(20)], processes=2)
    assert "jobb" in capfd.readouterr().err  # the child's traceback


def test_a_job_that_fails_here_stops_the_children():
    parent = os.getpid()

    def job(i: int) -> list[bytes]:
        if os.getpid() == parent and i > 0:
            raise ValueError("jobb feilet her")
        return [b"x" * 100_000]  # more than a pipe holds: a child left alone would wait forever
    before = _children()
    with pytest.raises(ValueError, match="her"):
        in_order([lambda i=i: job(i) for i in range(20)], processes=2)
    assert _children() == before  # the child was stopped and reaped (the test run has children of its own)


def _children() -> set[int]:
    """This process's child processes, as Linux lists them."""
    found: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found


def test_pages_made_by_two_processes_are_the_pages_of_one(tmp_path):
    data = Data(tmp_path / "data")
    for k in range(4):
        plan_with_groups(data, f"plan-{k}", sizes=(3, 2))
    corpus = load(data.write(), "public")
    one, two = build_pages(corpus, processes=1), build_pages(corpus, processes=2)
    assert [p.path for p in one] == [p.path for p in two]
    # the same pages; only the serial numbers in the fragments' placeholders may differ
    assert [(p.title, p.full_body, p.description, p.edit, p.fragments) for p in one] == \
           [(p.title, p.full_body, p.description, p.edit, p.fragments) for p in two]


def _loaded(data: Path, audience: str, processes: int) -> object:
    try:
        return load(data, audience, processes=processes)
    except DataErrors as exc:
        return exc.errors


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_data_read_by_two_processes_is_the_data_read_by_one(tmp_path, audience):
    data = Data(tmp_path / "data")
    for k in range(4):
        plan_with_groups(data, f"plan-{k}", sizes=(3, 2))
    root = data.write()
    one, two = _loaded(root, audience, 1), _loaded(root, audience, 2)
    assert isinstance(one, m.Corpus)
    assert one == two


def test_errors_found_by_two_processes_are_the_errors_found_by_one(tmp_path):
    data = Data(tmp_path / "data")
    for k in range(4):
        plan_with_groups(data, f"plan-{k}", sizes=(3, 2))
    root = data.write()
    for k in (0, 2, 3):  # errors in several files, some read by each process
        plan = root / "plans" / f"plan-{k}.yml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("\"title\": ", "\"titel\": ", 1), encoding="utf-8")
    one, two = _loaded(root, "public", 1), _loaded(root, "public", 2)
    assert isinstance(one, list) and len({e.file for e in one}) >= 3
    assert one == two
