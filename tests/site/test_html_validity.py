"""The Nu HTML Checker (npm vnu-jar, run with the machine's Java) on every page of every output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from htmltools import pages
from support import REPO

VNU = REPO / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _require(ok: bool, reason: str) -> None:
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: nothing may skip)")
        pytest.skip(reason)


@pytest.mark.parametrize("output", ["public", "internal", "offline"])
def test_no_html_errors(sites, output):
    _require(shutil.which("java") is not None, "java is not installed")
    _require(VNU.is_file(), "vnu.jar missing; run `make tools`")
    files = [str(p) for p in pages(sites[output].site)]
    assert len(files) > 150
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert not errors, "\n".join(errors[:30])
