"""The build runs unchanged on ProperDocs, the maintained fork of MkDocs 1.6, with the same result.

MkDocs 1.x gets no more releases; ProperDocs reads the same mkdocs.yml and runs the same hooks.
Each output is built with both engines and compared file by file. The only difference
allowed is the generator's name in ``<meta name="generator">``. See maintainers/engines.md.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from support import Build, build_site

pytestmark = pytest.mark.slow

CONFIGS = {"public": "mkdocs.yml", "internal": "mkdocs.internal.yml", "offline": "mkdocs.offline.yml"}
_GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)  # the gzip header carries a timestamp of its own
    return _GENERATOR.sub(b"", data)


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.mark.parametrize("output", sorted(CONFIGS))
def test_properdocs_builds_the_same_site(output: str, sites: dict[str, Build], tmp_path: Path) -> None:
    theirs = build_site(tmp_path, config=CONFIGS[output], engine="properdocs")
    assert theirs.returncode == 0, theirs.output
    assert "WARNING" not in theirs.output, theirs.output
    ours = sites[output]
    assert _files(theirs.site) == _files(ours.site)
    different = sorted(name for name in _files(ours.site) if _content(ours.site / name) != _content(theirs.site / name))
    assert different == [], f"{len(different)} files differ between MkDocs and ProperDocs, e.g. {different[:5]}"


def test_generator_is_the_only_line_ignored(sites: dict[str, Build]) -> None:
    """The comparison above must not hide real differences: only the generator tag is removed."""
    page = sites["public"].site / "index.html"
    raw = page.read_bytes()
    assert raw.count(b'name="generator"') == 1
    assert len(raw) - len(_content(page)) < 120
