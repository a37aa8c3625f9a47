"""Command line for data editors.

``planverk check [--data DIR]`` validates the data without building;
``planverk report template|import`` collects status through a spreadsheet (planverk.collect);
``planverk new plan|strategy|report`` writes a skeleton and ``planverk import plan`` a draft plan
from a document's text, Word file or PDF (planverk.importer).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .collect.cli import add_commands as add_report_commands
from .errors import DataError, DataErrors
from .forks import processes
from .importer.cli import add_commands as add_import_commands
from .load import load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="planverk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate data/ and report every error")
    check.add_argument("--data", type=Path, default=Path("data"), help="data folder (default: data)")
    add_report_commands(sub)
    add_import_commands(sub)
    args = parser.parse_args(argv)
    if hasattr(args, "run"):
        return int(args.run(args))
    if args.command == "check":
        # Both builds' errors in one pass, each once, in the order a build reports them: the
        # public build refuses more (public data pointing at internal data) than the internal one.
        found: list[DataError] = []
        corpus = None
        for audience in ("internal", "public"):
            try:
                corpus = load(args.data, audience, processes=processes())  # the files read on every core
            except DataErrors as exc:
                found += [e for e in exc.errors if e not in found]
        if found:
            print(DataErrors(found).report(), file=sys.stderr)
            return 1
        assert corpus is not None
        measures = sum(len(p.measures) for p in corpus.plans.values())
        print(f"data OK: {len(corpus.strategies)} strategies, {len(corpus.plans)} plans, {measures} measures, "
              f"{len(corpus.organisations)} organisations, {len(corpus.relations)} relations, {len(corpus.errata)} errata")
    return 0


if __name__ == "__main__":
    sys.exit(main())
