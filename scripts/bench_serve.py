"""How long `mkdocs serve` takes to show a YAML edit (real data). Prints one line; asserts nothing.

Starts `mkdocs serve` on a copy of the project on a free loopback port, changes one measure's
title in data/, and polls the measure's page until the new title is served.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="planverk-serve-") as tmp:
        root = Path(tmp)
        for name in ("docs", "overrides", "hooks"):
            (root / name).symlink_to(REPO / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(REPO / "data", root / "data")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/handlingsplaner/gode-krefter/tiltak-21/"
        try:
            deadline = time.time() + 120
            while "Tiltak 21:" not in fetch(url):
                if time.time() > deadline:
                    raise SystemExit("mkdocs serve did not come up")
                time.sleep(0.2)
            plan = root / "data/plans/gode-krefter.yml"
            old = "title: Økt bruk av konfliktråd for lovbrytere mellom 15 og 18 år"
            text = plan.read_text(encoding="utf-8")
            if old not in text:
                raise SystemExit(f"the line to edit is not in {plan}: {old!r}")
            plan.write_text(text.replace(old, old + " (endret)"), encoding="utf-8")
            start = time.perf_counter()
            while "(endret)" not in fetch(url):
                if time.perf_counter() - start > 60:
                    raise SystemExit("the edit never showed")
                time.sleep(0.05)
            print(f"serve_edit_visible_s={time.perf_counter() - start:.2f}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
