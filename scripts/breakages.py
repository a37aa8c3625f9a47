"""Deliberate breakages that the tests must notice (issue 15): each one is a small edit to the
code; the named tests must fail with it and pass without it. Prints one line per breakage.

    .venv/bin/python scripts/breakages.py            # all
    .venv/bin/python scripts/breakages.py 3 7        # some, by number

Every file is restored after its run, also when the run is interrupted.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Breakage:
    what: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


BREAKAGES = [
    Breakage(
        "html_text escapes without quotes (an attribute breakout)",
        "hooks/planverk/text.py",
        'html.escape(" ".join(str(value).split()), quote=True)',
        'html.escape(" ".join(str(value).split()), quote=False)',
        ("tests/unit/test_rules_guarded.py",),
    ),
    Breakage(
        "internal objects kept when they are mapping values",
        "hooks/planverk/schema.py",
        'if key not in internal_fields and not (isinstance(value, dict) and value.get("internal") is True)',
        "if key not in internal_fields",
        ("tests/unit/test_rules_guarded.py", "tests/unit/test_security_internal.py"),
    ),
    Breakage(
        "abbreviations applied inside <code>/<pre>",
        "hooks/planverk/abbr.py",
        '_SKIP = frozenset({"abbr", "code", "pre", "script", "style", "kbd", "textarea", "title", "svg"})',
        '_SKIP = frozenset({"abbr", "script", "style", "kbd", "textarea", "title", "svg"})',
        ("tests/unit/test_text_and_urls.py", "tests/unit/test_security_prose.py"),
    ),
    Breakage(
        "feed titles unescaped",
        "hooks/planverk/feed.py",
        'out = [f"<item><title>{escape(title)}</title>',
        'out = [f"<item><title>{title}</title>',
        ("tests/unit/test_print_coverage_feed.py", "tests/unit/test_security_prose.py"),
    ),
    Breakage(
        "nav section titles unescaped",
        "hooks/planverk/nav.py",
        "return {html.escape(title): items}",
        "return {title: items}",
        ("tests/unit/test_pages.py", "tests/unit/test_security_prose.py"),
    ),
    Breakage(
        "the abbreviation boundary at '-'",
        "hooks/planverk/abbr.py",
        'text[start - 1] in "-_"',
        'text[start - 1] in "_"',
        ("tests/unit/test_rules_guarded.py",),
    ),
    Breakage(
        "the overdue column of the summary always 0",
        "hooks/planverk/pages/summary.py",
        "overdue = sum(1 for x in measures if ctx.index.is_overdue(x))",
        "overdue = 0",
        ("tests/unit/test_rules_guarded.py", "tests/unit/test_status_pages.py", "tests/unit/test_golden.py"),
    ),
    Breakage(
        "the «Forrige» pager link removed",
        "hooks/planverk/templates/blocks.html",
        "{% if prev %}Forrige:",
        "{% if false %}Forrige:",
        ("tests/unit/test_rules_guarded.py", "tests/unit/test_golden.py"),
    ),
    Breakage(
        "an id different from its file name accepted",
        "hooks/planverk/load/rules.py",
        "cur.at(\"id\").error(f\"id '{data['id']}' er ulik filnavnet; forventet '{expected}'\")",
        "pass",
        ("tests/unit/test_rules_guarded.py",),
    ),
    Breakage(
        "a duplicate relation accepted",
        "hooks/planverk/load/build/relations.py",
        "            if key in seen:\n",
        "            if False:\n",
        ("tests/unit/test_rules_guarded.py",),
    ),
]


def run(number: int, breakage: Breakage) -> str:
    path = REPO / breakage.path
    original = path.read_text(encoding="utf-8")
    if original.count(breakage.old) != 1:
        return f"{number:2} SKIPPED  {breakage.what}: the code to break is not in {breakage.path} (changed?)"
    try:
        path.write_text(original.replace(breakage.old, breakage.new), encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *breakage.tests],
                              cwd=REPO, capture_output=True, text=True)
    finally:
        path.write_text(original, encoding="utf-8")
    failed = [line.split(" ", 1)[1].split(" - ")[0] for line in proc.stdout.splitlines() if line.startswith("FAILED ")]
    verdict = "CAUGHT " if proc.returncode == 1 and failed else "MISSED "
    return f"{number:2} {verdict} {breakage.what}: {', '.join(failed) or proc.stdout.strip().splitlines()[-1:]}"


def main() -> None:
    chosen = {int(a) for a in sys.argv[1:]}
    missed = 0
    for number, breakage in enumerate(BREAKAGES, 1):
        if chosen and number not in chosen:
            continue
        line = run(number, breakage)
        missed += not line[3:].startswith("CAUGHT")
        print(line, flush=True)
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
