"""The status overview at scale, measured in Chromium against synthetic data.

For each size, builds the public site from hooks/planverk/synthetic.py data, serves it over
http on loopback, and prints one line per size:

  status measures=N load_s=… sort_s=… filter_s=… html_kb=… data_kb=… plan_page_kb=…

- load_s: from navigation start to the first row of the status table in the DOM (a fresh page);
- sort_s: one click on a column's sort button until the next frame is drawn (worst of two columns);
- filter_s: one click on the "Ikke gjennomført" shortcut until the next frame is drawn;
- html_kb: the overview's HTML; data_kb: the data scripts it loads; plan_page_kb: the largest
  plan status page (the whole table of one plan, for readers without JavaScript).

A benchmark, not a test: it asserts nothing and never dies of slowness. A step that times
out prints `timeout>…` in place of its figure; an error prints `error=…` and the next size runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import traceback
from pathlib import Path

import bench  # scripts/ is on sys.path when a script here runs
import browsing
from planverk import synthetic

TIMEOUT_S = 60

# Runs in the page: act, then wait for the next frame to be drawn; returns seconds.
CLICK_AND_PAINT = """async (selector) => {
  const target = document.querySelector(selector);
  const t0 = performance.now();
  target.click();
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return (performance.now() - t0) / 1000;
}"""


def fmt(value: float | None) -> str:
    return f"timeout>{TIMEOUT_S}" if value is None else f"{value:.3f}"


def measure(site: Path) -> dict[str, str]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    out: dict[str, str] = {}
    with browsing.served(site) as base, sync_playwright() as p:
        browser = browsing.chromium(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("pageerror", lambda exc: print(f"pageerror: {str(exc)[:200]}", file=sys.stderr))
        page.set_default_timeout(TIMEOUT_S * 1000)
        try:
            page.goto(base + "status/", wait_until="commit")
            page.wait_for_function("document.querySelector('#statustabell tbody tr')", polling="raf")
            out["load_s"] = fmt(page.evaluate("performance.now() / 1000"))
        except PlaywrightTimeout:
            out["load_s"] = fmt(None)
        try:
            page.wait_for_load_state("load")
            sorts = [page.evaluate(CLICK_AND_PAINT, f'#statustabell th[data-col="{col}"] button') for col in ("title", "responsible")]
            out["sort_s"] = fmt(max(sorts))
        except PlaywrightTimeout:
            out["sort_s"] = fmt(None)
        try:
            selector = "#statusfilter .pv-multi--open button"
            out["filter_s"] = fmt(page.evaluate(CLICK_AND_PAINT, selector))
        except PlaywrightTimeout:
            out["filter_s"] = fmt(None)
        browser.close()
    out["html_kb"] = f"{(site / 'status/index.html').stat().st_size / 1024:.0f}"
    out["data_kb"] = f"{sum(f.stat().st_size for f in (site / 'status/data').glob('*.js')) / 1024:.0f}"
    plan_pages = list((site / "status").glob("*/index.html"))
    out["plan_page_kb"] = f"{max((f.stat().st_size for f in plan_pages), default=0) / 1024:.0f}"
    return out


def one(size: int, work: Path) -> str:
    site = work / f"ours-{size}" / "site/public"  # bench.py --work built it from the same data
    if not (site / "index.html").is_file():
        data = work / f"data-{size}"
        if not data.exists():
            synthetic.write(data, measures=size, seed=1)
        root = bench.project(work / f"site-{size}", data)
        bench.build(root)
        site = root / "site/public"
    figures = measure(site)
    return f"status measures={size} " + " ".join(f"{k}={v}" for k, v in figures.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated numbers of measures")
    parser.add_argument("--work", type=Path, help="measure the sites `bench.py --work` left there (else build them)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planverk-bench-status-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            try:
                print(one(size, args.work or Path(tmp)), flush=True)
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                traceback.print_exc(file=sys.stderr)
                reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                print(f"status measures={size} error={reason!r}", flush=True)


if __name__ == "__main__":
    main()
