"""The sidebar nav rendered once per place in the nav (hooks/planverk/navcache.py) is the nav
Material renders for each page: a build with the cache and one without it are byte-identical."""

from __future__ import annotations

import pytest

from corpora import Data, group, measure, plan_with_groups
from htmltools import pages


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.offline.yml"])  # directory URLs and file URLs
def test_cached_nav_is_materials_nav_on_every_page(tmp_path, monkeypatch, config):
    data = Data(tmp_path / "data-src")
    plan_with_groups(data, "plan-a", sizes=(3, 2))
    plan_with_groups(data, "plan-b", sizes=(2,))
    data.plan("plan-c", groups=[group(1), group(2, parent="pakke-1"), group(3, parent="pakke-1")], measures=[  # nested groups
        measure(1, group="pakke-2"), measure(2, group="pakke-2"), measure(3, group="pakke-3"),
        measure("a", id="tiltak-3a", group=None, parent="tiltak-3")])  # a sub-measure
    built = {}
    for cache in ("1", "0"):
        monkeypatch.setenv("PLANVERK_NAV_CACHE", cache)
        build = data.build(tmp_path / f"site-{cache}", config=config)
        assert build.returncode == 0, build.output
        built[cache] = build.site
    cached = {p.relative_to(built["1"]).as_posix(): p.read_bytes() for p in pages(built["1"])}
    plain = {p.relative_to(built["0"]).as_posix(): p.read_bytes() for p in pages(built["0"])}
    assert cached.keys() == plain.keys()
    assert any("tiltak-" in path for path in cached)  # pages outside the nav, the ones the cache serves
    differ = [path for path in cached if cached[path] != plain[path]]
    assert not differ
