"""When a page's facts date from: the status report its statuses come from ("Status per august
2011"), when the next report is due, and when its data last changed.

"Last changed" is the newest commit that touched the page's data files, their Markdown prose
files included (one `git log` over data/ per build), else SOURCE_DATE_EPOCH, else nothing: never
the clock, so builds stay byte-identical. The line is HTML from a Jinja template with autoescape; the hook puts it right
under a generated page's heading.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from . import model as m
from . import urls
from .index import Index
from .labels import labels
from .load import prosefiles
from .templating import render as render_template
from .text import year_month

_TZ: tzinfo
try:
    from zoneinfo import ZoneInfo

    _TZ = ZoneInfo("Europe/Oslo")
except Exception:  # no time zone data: UTC is still deterministic
    _TZ = UTC

_MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"]


@dataclass(frozen=True, slots=True)
class Stamp:
    plans: tuple[m.Plan, ...]  # whose statuses the page shows
    files: tuple[str, ...]  # repo-relative data files the page is made from
    next_update: bool = False  # say when the plan's next report is due (plan pages)
    language: str = "nb"  # the page's language (a measure page from a nynorsk plan: nn)


def status_text(plans: tuple[m.Plan, ...], language: str = "nb") -> str:
    """'Status per august 2011 (Statusrapport oktober 2011).', or per plan when they differ."""
    t = labels(language)
    reported = [(p, r) for p in plans if (r := p.latest_report) is not None]
    if not plans:
        return ""
    if not reported:
        return t["stamp_none"]
    dates = {r.as_of for _, r in reported}
    if len(dates) == 1:
        titles = "; ".join(dict.fromkeys(r.title for _, r in reported))
        text = f"{t['status_per']} {year_month(next(iter(dates)))} ({t['stamp_from']} {titles})."
    else:
        text = "Status: " + "; ".join(f"{p.title} per {year_month(r.as_of)}" for p, r in reported) + "."
    missing = [p.title for p in plans if p.latest_report is None]
    if missing and len(missing) <= 3:
        text += " Ingen statusrapport ennå for " + " og ".join(missing) + "."
    elif missing:
        text += f" {len(missing)} planer har ingen statusrapport ennå."
    return text


def stamps(corpus: m.Corpus, index: Index) -> dict[str, Stamp]:
    """Docs path of each page made from data -> what its line says."""
    out: dict[str, Stamp] = {}

    def files_of(*refs: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for r in refs if (f := corpus.files.get(r))))

    all_plans = tuple(corpus.plans.values())
    for plan in all_plans:
        reports = tuple(r.ref for r in plan.reports)
        out[urls.page_of(plan.ref)] = Stamp((plan,), files_of(plan.ref, *reports), next_update=True)
        out[urls.changes_page(plan.ref)] = Stamp((plan,), files_of(plan.ref, *reports))
        out[urls.status_plan_page(plan.id)] = Stamp((plan,), files_of(plan.ref, *reports))
        for group in plan.groups:
            out[urls.page_of(group.ref)] = Stamp((plan,), files_of(plan.ref, *reports))
        for measure in plan.measures:
            out[urls.page_of(measure.ref)] = Stamp((plan,), files_of(plan.ref, *reports), language=m.language_of(measure))
    every_file = tuple(dict.fromkeys(corpus.files.values()))
    out[urls.HOME] = Stamp(all_plans, every_file)
    out[urls.STATUS] = Stamp(all_plans, every_file)
    for org in corpus.organisations.values():
        involved = {x.measure.plan_id for x in index.involvement.get(org.id, ())}
        plans = tuple(p for p in all_plans if p.id in involved or p.owner.id == org.id)
        refs = [org.ref, *(p.ref for p in plans), *(r.ref for p in plans for r in p.reports)]
        out[urls.page_of(org.ref)] = Stamp(plans, files_of(*refs))
    for strategy in corpus.strategies.values():
        for part in strategy.parts:
            path = urls.page_of(part.ref)
            if path not in out and not urls.anchor_of(part.ref):
                out[path] = Stamp((), files_of(strategy.ref, part.ref))
    for item in corpus.news.values():
        out[urls.page_of(item.ref)] = Stamp((), files_of(item.ref))
    for theme in corpus.themes.values():
        out[urls.page_of(theme.ref)] = Stamp((), files_of(theme.ref))
    return out


def git_dates(data: Path) -> dict[str, int]:
    """Repo-relative data file -> Unix time of the newest commit that touched it ({} outside git)."""
    try:
        top = subprocess.run(["git", "-C", str(data), "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                             check=True, timeout=30).stdout.strip()
        log = subprocess.run(["git", "-C", top, "log", "--format=@%ct", "--name-only", "--", str(data.resolve())],
                             capture_output=True, text=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    prefix = data.resolve().relative_to(Path(top).resolve()).as_posix()
    dates: dict[str, int] = {}
    when = 0
    for line in log.splitlines():
        if line.startswith("@"):
            when = int(line[1:])
        elif line and line.startswith(prefix + "/"):
            name = "data/" + line[len(prefix) + 1:]  # the corpus names files data/…
            dates.setdefault(name, when)
            if owner := prosefiles.data_file_of(name):  # a prose file's text is part of its data file's pages
                dates.setdefault(owner, when)
    return dates


def epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else None


def day(timestamp: int) -> str:
    moment = datetime.fromtimestamp(timestamp, tz=_TZ)
    return f"{moment.day}. {_MONTHS[moment.month - 1]} {moment.year}"


def render(stamp: Stamp, dates: dict[str, int], fallback: int | None) -> str:
    known = [dates[f] for f in stamp.files if f in dates]
    changed = max(known) if known else fallback
    next_update = None
    if stamp.next_update and stamp.plans and stamp.plans[0].latest_report is not None:
        next_update = stamp.plans[0].latest_report.next_update
    # str: the hook splices the line into the page's HTML (Markup would escape the page around it)
    return str(render_template("stamp.html", status=status_text(stamp.plans, stamp.language), next_update=next_update,
                               changed=day(changed) if changed is not None else None, t=labels(stamp.language)))
