"""Search at scale, measured in Chromium as a reader meets it (the browser layer of the benchmark).

For each size, builds the public site and the offline bundle for N synthetic measures, then
opens each from a fresh browser context (no cache): the public site served over http from
127.0.0.1, the offline bundle from file:// with every non-file request aborted. It waits
for the page to load, types a query, and takes the time from the last keystroke to its
results on screen (first_results_s); then types one more word and takes the time to the
results for the whole query on screen (typing_s). Both wait for the list the worker made for
the text now in the box, not for the first change after the last keystroke, which may still
be the answer to a keystroke before it (stderr shows both). Keys are typed 40 ms apart and
held down 40 ms each; the query goes to the worker when the text changes
(docs/javascripts/search/input.js), not on keyup as Material alone does, so the time a key is
held no longer counts (stderr splits the time: to_worker, in_worker, to_page, to_list, in ms).
transferred_mb counts every byte the page and its worker loaded from the start of the page
load to the first answer (for file://, the sizes of the files the page requested); search_mb
is the part of it that is search (worker, stemmer, index), the rest is the page, Material's
assets and the sitemap.xml Material fetches (an index of a few hundred bytes since the page
list moved to sitemap-sider.xml). Each output is
opened --repeat times (3), each from a fresh context; the median is printed (nan if any run
failed). Prints one line per size and output; asserts nothing. A step
that fails or times out prints its error on stderr and its figure as nan: a benchmark
reports slowness, it never dies of it.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import shutil
import sys
import tempfile
import traceback
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import bench  # scripts/ is on sys.path when a script here runs
import browsing
from planverk import synthetic

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 60_000

# Times of the last keystroke and of every change to the result list, in page time.
PROBE = """() => {
  window.__pv = {keys: [], adds: []}
  document.addEventListener("keydown", () => window.__pv.keys.push(performance.now()), true)
  const list = document.querySelector(".md-search-result__list")
  new MutationObserver(ms => { if (ms.some(m => m.addedNodes.length)) window.__pv.adds.push(performance.now()) })
    .observe(list, {childList: true})
}"""
# The worker's own timings (data.timing of each RESULT message), however it runs: a Worker or,
# from file://, the iframe-worker shim (both deliver "message" events to Material's listener);
# and when each RESULT reached Material (which renders it in the same task), by its query.
TIMINGS = """(() => {
  window.__pvTimings = []
  window.__pvResults = []
  const add = EventTarget.prototype.addEventListener
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === "message" && typeof listener === "function" && !listener.__pv) {
      const wrapped = function (ev) {
        const d = ev && ev.data
        if (d && d.type === 3 && d.data && d.data.timing) {
          window.__pvTimings.push(d.data.timing)
          window.__pvResults.push({query: d.data.timing.query, t: performance.now(), at: performance.timeOrigin + performance.now()})
        }
        return listener.apply(this, arguments)
      }
      wrapped.__pv = true
      return add.call(this, type, wrapped, options)
    }
    return add.call(this, type, listener, options)
  }
})()"""
ANSWERED = """() => { const k = window.__pv.keys.at(-1); return window.__pv.adds.some(t => t > k) }"""
DELAY = """() => { const k = window.__pv.keys.at(-1); return (window.__pv.adds.find(t => t > k) - k) / 1000 }"""
# The same for the answer to the query now in the box: the first change to the list after its RESULT.
ANSWERED_QUERY = """q => { const r = window.__pvResults.find(r => r.query === q)
  return !!r && window.__pv.adds.some(t => t >= r.t) }"""
DELAY_QUERY = """q => { const k = window.__pv.keys.at(-1), r = window.__pvResults.find(r => r.query === q)
  return (window.__pv.adds.find(t => t >= r.t) - k) / 1000 }"""
TIMING_OF = """q => window.__pvTimings.find(t => t.query === q)"""
# Where the time outside the worker goes (ms): last key to the worker's receiving the query,
# the worker's own time, its posting to Material's receiving the RESULT, that to the list changing.
SPLIT = """q => { const k = window.__pv.keys.at(-1), r = window.__pvResults.find(r => r.query === q),
  t = window.__pvTimings.find(t => t.query === q), key = performance.timeOrigin + k, round = x => Math.round(x * 10) / 10
  return {to_worker: round(t.received_at - key), in_worker: t.total_ms, to_page: round(r.at - t.posted_at),
          to_list: round(window.__pv.adds.find(a => a >= r.t) - r.t)} }"""


class _Counting(browsing.QuietHandler):
    served: ClassVar[list[tuple[str, int]]] = []  # (path, bytes) of every response; a fresh list per server

    def send_header(self, keyword, value):
        if keyword.lower() == "content-length":
            type(self).served.append((self.path, int(value)))
        super().send_header(keyword, value)


def _size(site: Path, url: str) -> int:
    path = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path))
    return path.stat().st_size if path.is_file() else 0


def _answered(page: Page, text: str, step: str) -> float:
    """Seconds from the last keystroke to the list of results for ``text`` (the text in the box);
    the first change after that keystroke, the worker's timings and the split go to stderr."""
    page.wait_for_function(ANSWERED_QUERY, arg=text, timeout=TIMEOUT_MS)
    seconds: float = page.evaluate(DELAY_QUERY, text)
    print(f"{step}: first change after the last key {page.evaluate(DELAY):.3f} s, answer to {text!r} {seconds:.3f} s",
          file=sys.stderr)
    print(f"timing {step}: {page.evaluate(TIMING_OF, text)}", file=sys.stderr)
    print(f"split {step}: {page.evaluate(SPLIT, text)}", file=sys.stderr)
    return seconds


def measure(site: Path, query: str, more: str, *, online: bool) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    figures = {"first_results_s": math.nan, "typing_s": math.nan, "transferred_mb": math.nan, "search_mb": math.nan}
    handler = type("Handler", (_Counting,), {"served": []})
    page_url = (browsing.served(site, handler) if online
                else contextlib.nullcontext((site / "index.html").resolve().as_uri()))
    requested: list[str] = []
    with page_url as url, sync_playwright() as p:
        browser = browsing.chromium(p)
        context = browser.new_context()
        if not online:
            def guard(route):
                if route.request.url.startswith("file://"):
                    route.continue_()
                else:
                    print(f"aborted: {route.request.url}", file=sys.stderr)
                    route.abort()
            context.route("**/*", guard)
        context.add_init_script(TIMINGS)
        page = context.new_page()
        page.on("request", lambda r: requested.append(r.url))
        page.on("console", lambda m: print(f"console {m.type}: {m.text[:200]}", file=sys.stderr)
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda exc: print(f"pageerror: {str(exc)[:200]}", file=sys.stderr))
        try:
            page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
            page.evaluate(PROBE)
            field = page.locator("input.md-search__input")
            field.click()
            field.type(query, delay=40)
            figures["first_results_s"] = _answered(page, query, "first")
            if online:
                served = list(handler.served)
                figures["transferred_mb"] = sum(n for _, n in served) / 1e6
                figures["search_mb"] = sum(n for path, n in served if "/search/" in path) / 1e6
            else:
                figures["transferred_mb"] = sum(_size(site, u) for u in set(requested)) / 1e6
                figures["search_mb"] = sum(_size(site, u) for u in set(requested) if "/search/" in u) / 1e6
            field.type(" " + more, delay=40)
            figures["typing_s"] = _answered(page, field.input_value(), "typing")
        except Exception:  # a timeout is a figure (nan), and its reason goes to stderr
            traceback.print_exc()
        browser.close()
    return figures


def _median(values: list[float]) -> float:
    good = sorted(v for v in values if not math.isnan(v))
    return good[len(good) // 2] if len(good) == len(values) else math.nan


def build(work: Path, measures: int, *, reuse: bool = False) -> dict[str, Path]:
    """The two sites for measures; with reuse, the ones an earlier run left in work (if both are there).
    The public site that `bench.py --work` left in work (ours-N) is measured, not built again."""
    sites = {output: work / f"search-{measures}" / "site" / ("public" if output == "online" else "offline")
             for output in ("online", "offline")}
    if reuse and all((site / "index.html").is_file() for site in sites.values()):
        return sites
    data = work / f"data-{measures}"
    if not data.exists():
        synthetic.write(data, measures=measures, seed=1)
    shutil.rmtree(work / f"search-{measures}", ignore_errors=True)
    project = bench.project(work / f"search-{measures}", data)
    shutil.copy(REPO / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
    configs = ["mkdocs.yml", "mkdocs.offline.yml"]
    public = work / f"ours-{measures}" / "site" / "public"  # bench.py --work built it from the same data
    if (public / "index.html").is_file():
        sites["online"] = public
        configs.remove("mkdocs.yml")
    for config in configs:
        bench.build(project, config)
    return sites


def index_mb(site: Path) -> float:
    return sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measures", default="1000,10000", help="comma-separated sizes")
    parser.add_argument("--query", default="tiltakene")
    parser.add_argument("--more", default="ungdom", help="the word typed after the first answer")
    parser.add_argument("--repeat", type=int, default=3, help="fresh page loads per output; the median is printed")
    parser.add_argument("--work", type=Path, help="reuse this folder (synthetic data is kept there)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --work: measure the sites an earlier run built there instead of building again")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planverk-search-") as tmp:
        work = args.work or Path(tmp)
        for measures in (int(n) for n in args.measures.split(",")):
            try:
                sites = build(work, measures, reuse=args.reuse)
            except (Exception, SystemExit):  # a failed build is reported; the other sizes still run
                traceback.print_exc()
                continue
            for output, site in sites.items():
                runs = [measure(site, args.query, args.more, online=output == "online") for _ in range(args.repeat)]
                f = {key: _median([r[key] for r in runs]) for key in runs[0]}
                print(f"search output={output} measures={measures} index_mb={index_mb(site):.1f} "
                      f"first_results_s={f['first_results_s']:.2f} typing_s={f['typing_s']:.2f} "
                      f"transferred_mb={f['transferred_mb']:.2f} search_mb={f['search_mb']:.2f}", flush=True)


if __name__ == "__main__":
    main()
