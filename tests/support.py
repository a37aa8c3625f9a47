"""Helpers shared by the tests (fixtures live in conftest.py files)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The data the tests read: data/, or the folder PLANVERK_DATA names (a copy with a plan added, say).
DATA = Path(os.environ["PLANVERK_DATA"]).resolve() if os.environ.get("PLANVERK_DATA") else REPO / "data"
SOURCES = DATA / "sources"
SHOTS = REPO / "test-artifacts" / "screenshots"


@dataclass(frozen=True)
class Build:
    root: Path  # the project folder the build ran in
    site: Path  # its output folder
    returncode: int
    output: str  # stdout + stderr of `mkdocs build`

    def html(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def build_site(tmp: Path, *, config: str = "mkdocs.yml", data: Path | None = None, epoch: str = "1318118400",
               engine: str = "mkdocs") -> Build:
    """Build a site in ``tmp`` from this repository's config, docs and hooks, with ``data``.

    ``engine`` is the module that builds: ``mkdocs``, or ``properdocs`` (its maintained fork).

    Runs MkDocs in a subprocess: the hook module keeps per-build state, and a fresh
    process per build is what `make site` does too.
    """
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "overrides", "hooks"):
        (tmp / name).symlink_to(REPO / name)
    for name in ("mkdocs.yml", "mkdocs.internal.yml", "mkdocs.offline.yml"):
        shutil.copy(REPO / name, tmp / name)
    (tmp / "data").symlink_to(data or DATA)
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", str(tmp / config)],
                            cwd=tmp, env=env, capture_output=True, text=True)
    site = {"mkdocs.yml": "site/public", "mkdocs.internal.yml": "site/internal", "mkdocs.offline.yml": "site/offline"}[config]
    return Build(root=tmp, site=tmp / site, returncode=result.returncode, output=result.stdout + result.stderr)


def screenshot(page, name: str) -> None:
    """Full-page screenshot for reviewers, in a folder git ignores."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
