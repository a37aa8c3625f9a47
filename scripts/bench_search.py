"""Offline search at scale, measured in Chromium (the browser layer of the benchmark).

Builds the offline bundle for N synthetic measures, opens it from file:// with every
non-file request aborted, waits for the page to load, then measures the time from focusing
the search box and typing a query to the first result. Prints one line; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "hooks"))

import bench  # noqa: E402
from planverk import synthetic  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def measure(site: Path, query: str) -> tuple[float, float, int]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        context = browser.new_context()
        def guard(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                print(f"aborted: {route.request.url}", file=sys.stderr)
                route.abort()
        context.route("**/*", guard)
        page = context.new_page()
        page.on("console", lambda msg: print(f"console {msg.type}: {msg.text[:200]}", file=sys.stderr) if msg.type in ("error", "warning") else None)
        page.on("pageerror", lambda exc: print(f"pageerror: {str(exc)[:200]}", file=sys.stderr))
        start = time.perf_counter()
        page.goto((site / "index.html").resolve().as_uri(), wait_until="load")
        loaded = time.perf_counter() - start
        field = page.locator("input.md-search__input")
        t0 = time.perf_counter()
        field.click()
        field.type(query, delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
        answered = time.perf_counter() - t0
        count = page.locator(".md-search-result__item").count()
        browser.close()
    return loaded, answered, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measures", type=int, default=10_000)
    parser.add_argument("--query", default="tiltakene")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planverk-search-") as tmp:
        data = Path(tmp) / "data"
        synthetic.write(data, measures=args.measures, seed=1)
        project = bench.project(Path(tmp) / "offline", data)
        shutil.copy(REPO / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
        bench.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.offline.yml")], project)
        site = project / "site" / "offline"
        index_mb = (site / "search" / "search_index.js").stat().st_size / 1e6
        loaded, answered, count = measure(site, args.query)
        print(f"offline_search measures={args.measures} index_mb={index_mb:.1f} page_load_s={loaded:.2f} "
              f"query_to_results_s={answered:.2f} results={count}")


if __name__ == "__main__":
    main()
