"""Independent jobs run by this process and forked children, their results in the jobs' order.

The planverk core's use of more cores (no MkDocs here): making the pages and their HTML
(:func:`planverk.pages.build_pages`, ~15 s of CPU at 10,000 measures) and reading the data
files (:func:`planverk.load.files.read_files`, ~3.7 s), which would run on one core while the
other one waits. Each process takes the next job nobody has taken from a counter they share,
so a slow job (a plan with many measures) does not leave the others idle; a child sends what
its jobs returned to the parent, pickled, once it is done. The result is what running the jobs
in order in one process returns: the jobs must not depend on each other's side effects.

Where ``os.fork`` is missing, or one process is asked for, the jobs run here, in order.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def processes() -> int:
    """How many processes share the work: PLANVERK_PROCESSES, else one per core this process may use."""
    setting = os.environ.get("PLANVERK_PROCESSES", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class Counter:
    """The next number nobody has taken, shared by a process and the children it forks after
    making it: how jobs (here) and pages (planverk/parallel.py) are shared out as they go."""

    def __init__(self) -> None:
        self._value = multiprocessing.get_context("fork").Value("q", 0)

    def take(self) -> int:
        with self._value.get_lock():
            taken = int(self._value.value)
            self._value.value = taken + 1
        return taken


class ForkedJobError(RuntimeError):
    """A job failed in a child process (its traceback is printed on standard error)."""


def in_order(jobs: Sequence[Callable[[], list[T]]], *, processes: int = 1) -> list[T]:
    """Every job's results, concatenated in the jobs' order, made by up to ``processes`` processes."""
    if processes < 2 or len(jobs) < 2 or not hasattr(os, "fork"):
        return [item for job in jobs for item in job()]
    take = Counter().take
    children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
    sys.stdout.flush()
    sys.stderr.flush()
    for _ in range(1, min(processes, len(jobs))):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: its jobs, then their results to the parent; never returns
            os.close(read)
            os._exit(_child(jobs, take, write))
        os.close(write)
        children.append((pid, read))
    done: dict[int, list[T]] = {}
    try:
        while (taken := take()) < len(jobs):
            done[taken] = jobs[taken]()
    except BaseException:  # a job failed here: the children are stopped, none is left waiting on its pipe
        for pid, read in children:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read)
        raise
    failed = False
    for pid, read in children:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()  # read before waiting: a child blocks on a full pipe until then
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            failed = True
            continue
        done.update(pickle.loads(data))  # our own child's results
    if failed or len(done) != len(jobs):
        raise ForkedJobError("a job failed in a child process; its traceback is above")
    return [item for i in range(len(jobs)) for item in done[i]]


def _child(jobs: Sequence[Callable[[], list[T]]], take: Callable[[], int], write: int) -> int:
    try:
        mine: dict[int, list[T]] = {}
        while (taken := take()) < len(jobs):
            mine[taken] = jobs[taken]()
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(mine, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        return 0
    except BaseException:  # reported here; the parent raises ForkedJobError
        traceback.print_exc()
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
