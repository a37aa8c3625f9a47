"""Benchmark: build the real data and synthetic sets of 1,000, 5,000 and 10,000 measures.

Prints one line per size on stdout:
  measures=N pages=P build_s=X floor_s=F build_s/floor_s=R plain_mkdocs_s=Y overhead=Z html_kb_per_page=W peak_rss_mb=M
where floor_s is MkDocs + Material building the same number of minimal pages (a heading and
a sentence each, at the same paths, with the same nav, theme, plugins and extensions, no
hook): what any site of that many pages costs, measured in the same run. Our build and the
floor are built in turns, twice each (--runs); build_s and floor_s are the faster of each,
every run goes to stderr, and peak_rss_mb is the larger. plain_mkdocs_s is
MkDocs building our pages written out as plain Markdown files (no hooks), and
overhead = (build_s - plain_mkdocs_s) / build_s; it is built only below 5,000 measures
(--plain-below), where it takes minutes, not a quarter of an hour. Phase timings of our hook
go to stderr. A benchmark, never a timed test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from planverk import synthetic
from planverk.abbr import Abbreviations
from planverk.load import load
from planverk.nav import build_nav
from planverk.pages import build_pages
from planverk.pages.base import expand

REPO = Path(__file__).resolve().parent.parent

HANDWRITTEN = [("Om nettstedet", "om-nettstedet.md"), ("Tilgjengelighetserklæring", "tilgjengelighetserklaering.md")]


def run(cmd: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds and peak RSS (MB) of one child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "PLANVERK_TIMINGS": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None  # stdout=PIPE
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, output


def build(root: Path, config: str = "mkdocs.yml") -> tuple[float, float, str]:
    """``mkdocs build`` of the project at ``root``: wall seconds, peak RSS (MB), output."""
    return run([sys.executable, "-m", "mkdocs", "build", "-f", str(root / config)], root)


def project(root: Path, data: Path) -> Path:
    root.mkdir(parents=True)
    for name in ("docs", "overrides", "hooks"):
        (root / name).symlink_to(REPO / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "data").symlink_to(data)
    return root


def overrides_without_hook(root: Path) -> None:
    """Our theme overrides for a project without our hook: all but partials/nav.html, which renders
    through the hook's nav cache; Material's own nav.html renders the nav for every page there."""
    (root / "overrides" / "partials").mkdir(parents=True)
    for item in (REPO / "overrides").iterdir():
        if item.name != "partials":
            (root / "overrides" / item.name).symlink_to(item)
    for item in (REPO / "overrides" / "partials").iterdir():
        if item.name != "nav.html":
            (root / "overrides" / "partials" / item.name).symlink_to(item)


def plain_project(root: Path, data: Path) -> Path:
    """The same pages as files, the same config without our hook: what MkDocs alone costs."""
    corpus = load(data, "public")
    abbreviations = Abbreviations(corpus.terms)
    docs = root / "docs"
    shutil.copytree(REPO / "docs", docs)
    for page in build_pages(corpus):
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        # the same page as one plain Markdown file: its HTML blocks inline, as a site without our hook would have them
        target.write_text(expand(page.markdown, page.fragments), encoding="utf-8")
    overrides_without_hook(root)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks")
    config.pop("watch")
    config["nav"] = build_nav(corpus, extra_pages=HANDWRITTEN)
    # Abbreviations the way a plain site does them: Python-Markdown's abbr extension with the
    # glossary as definitions appended to every page (pymdownx.snippets auto_append).
    (root / "includes").mkdir()
    (root / "includes" / "abbreviations.md").write_text(
        "\n".join(f"*[{t.term}]: {t.expansion}" for t in abbreviations.terms.values()) + "\n", encoding="utf-8")
    config["markdown_extensions"] = ["abbr", *config["markdown_extensions"],
                                     {"pymdownx.snippets": {"auto_append": ["abbreviations.md"], "base_path": [str(root / "includes")]}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def floor_project(root: Path, data: Path) -> Path:
    """As many minimal pages as our build makes, at the same paths, with the same config and nav."""
    corpus = load(data, "public")
    docs = root / "docs"
    shutil.copytree(REPO / "docs", docs)
    for page in build_pages(corpus):
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# Side\n\nEn setning på {page.path}.\n", encoding="utf-8")
    overrides_without_hook(root)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks")
    config.pop("watch")
    config["nav"] = build_nav(corpus, extra_pages=HANDWRITTEN)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def html_stats(site: Path) -> tuple[int, float]:
    pages = list(site.rglob("*.html"))
    total = sum(p.stat().st_size for p in pages)
    return len(pages), total / len(pages) / 1024


def bench(size: int | None, work: Path, *, plain: bool = True, floor: bool = True, runs: int = 2) -> str:
    if size is None:
        data, measures = REPO / "data", None
    else:
        data = work / f"data-{size}"
        shutil.rmtree(data, ignore_errors=True)
        synthetic.write(data, measures=size, seed=1)
        measures = size
    for folder in ("ours", "floor", "plain"):
        shutil.rmtree(work / f"{folder}-{size or 'real'}", ignore_errors=True)
    ours = project(work / f"ours-{size or 'real'}", data)
    reference = floor_project(work / f"floor-{size or 'real'}", data) if floor else None
    # Ours and the floor built in turns, `runs` times each; the faster of each is reported (this
    # VM's noise moves one 10,000-measure build by a few seconds either way), every run on stderr.
    times: dict[str, list[float]] = {"ours": [], "floor": []}
    rss, output = 0.0, ""
    for _ in range(runs):
        seconds, peak, output = build(ours)
        times["ours"].append(seconds)
        rss = max(rss, peak)
        if reference is not None:
            times["floor"].append(build(reference)[0])
    print(f"  [{size or 'real'}] runs build_s={' '.join(f'{t:.1f}' for t in times['ours'])} "
          f"floor_s={' '.join(f'{t:.1f}' for t in times['floor'])}", file=sys.stderr)
    build_s = min(times["ours"])
    floor_s = min(times["floor"]) if times["floor"] else float("nan")
    if measures is None:
        measures = sum(len(p.measures) for p in load(data, "public").plans.values())
    pages, kb = html_stats(ours / "site/public")
    plain_s = float("nan")
    if plain:
        plain_ref = plain_project(work / f"plain-{size or 'real'}", data)
        plain_s, _, _ = build(plain_ref)
    for line in output.splitlines():
        if "planverk timing" in line:
            print(f"  [{measures}] {line.split('planverk timing', 1)[1].strip()}", file=sys.stderr)
    overhead = (build_s - plain_s) / build_s
    return (f"measures={measures} pages={pages} build_s={build_s:.1f} floor_s={floor_s:.1f} "
            f"build_s/floor_s={build_s / floor_s:.2f} plain_mkdocs_s={plain_s:.1f} "
            f"overhead={overhead:.2f} html_kb_per_page={kb:.1f} peak_rss_mb={rss:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="real,1000,5000,10000", help="comma-separated: real and/or numbers of measures")
    parser.add_argument("--skip-plain", action="store_true", help="do not build the plain-MkDocs reference (development runs)")
    parser.add_argument("--plain-below", type=int, default=5000, help="build the plain reference only below this many measures")
    parser.add_argument("--skip-floor", action="store_true", help="do not build the minimal-pages floor")
    parser.add_argument("--runs", type=int, default=2, help="builds of ours and of the floor, in turns; the faster of each is printed")
    parser.add_argument("--work", type=Path, help="build in this folder and keep it: the synthetic data (data-N) and "
                                                  "our public sites (ours-N/site/public), which bench_search.py and "
                                                  "bench_status.py measure instead of building them again")
    args = parser.parse_args()
    sizes = [None if s == "real" else int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="planverk-bench-") as tmp:
        work = args.work or Path(tmp)
        for size in sizes:
            plain = not args.skip_plain and (size is None or size < args.plain_below)
            try:
                print(bench(size, work, plain=plain, floor=not args.skip_floor, runs=max(1, args.runs)), flush=True)
            except (Exception, SystemExit) as exc:  # one failed size is reported; the others still run
                print(f"measures={size or 'real'} failed: {exc}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
