"""The synthetic data generator: valid data through the real loader, deterministic per seed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from planverk import synthetic
from planverk.load import load


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generated_data_is_valid_and_complete(tmp_path):
    counts = synthetic.write(tmp_path / "data", measures=1234, seed=7)
    corpus = load(tmp_path / "data", "public")  # the same schema, loader and checks as the real data
    measures = [x for p in corpus.plans.values() for x in p.measures]
    assert len(measures) == 1234 == counts["measures"]
    assert len(corpus.plans) == counts["plans"] == 2 and len(corpus.strategies) == 1
    assert all(p.reports and len(p.reports[0].entries) == len(p.measures) for p in corpus.plans.values())
    assert len(corpus.relations) == counts["relations"] > 100
    assert {r.kind.id for r in corpus.relations} == {"viser-til", "bidrar-til"}
    assert len(corpus.strategies["strategi-1"].goals) == 20
    # realistic text lengths: plan text ~600 characters, status narrative ~1,100
    lengths = sorted(len(x.description) for x in measures)
    assert 550 <= lengths[len(lengths) // 2] <= 900


def test_same_seed_same_bytes_other_seed_other_data(tmp_path):
    synthetic.write(tmp_path / "a", measures=300, seed=3)
    synthetic.write(tmp_path / "b", measures=300, seed=3)
    synthetic.write(tmp_path / "c", measures=300, seed=4)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_small_sizes_still_valid(tmp_path):
    synthetic.write(tmp_path / "d", measures=10, seed=1)
    corpus = load(tmp_path / "d", "internal")
    assert sum(len(p.measures) for p in corpus.plans.values()) == 10
