"""Shared fixtures: the real data, loaded corpora, and sites built in temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planverk.load import load
from planverk.model import Corpus
from support import DATA, REPO, Build, build_site


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def public_corpus() -> Corpus:
    return load(DATA, "public")


@pytest.fixture(scope="session")
def internal_corpus() -> Corpus:
    return load(DATA, "internal")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break or extend it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """The three real outputs, built once per test session."""
    root = tmp_path_factory.mktemp("sites")
    built = {}
    for name, config in (("public", "mkdocs.yml"), ("internal", "mkdocs.internal.yml"), ("offline", "mkdocs.offline.yml")):
        build = build_site(root / name, config=config)
        assert build.returncode == 0, build.output
        built[name] = build
    return built
