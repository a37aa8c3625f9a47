"""``planverk report template`` and ``planverk report import``: status through a spreadsheet."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .. import model as m
from ..errors import DataErrors
from ..load import load
from . import read, template, write

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="samle inn status med regneark",
                            description="Lag et regneark for neste statusrapport, og les inn et utfylt ark som en ny rapport.")
    actions = report.add_subparsers(dest="action", required=True)
    make = actions.add_parser("template", help="lag regnearket for neste rapport for en plan",
                              description="Skriver et Excel-ark med én rad per tiltak i planens rekkefølge, forrige status og "
                                          "tekst, og tomme kolonner for ny status (nedtrekksliste) og ny tekst.")
    make.add_argument("plan", help="planens id, f.eks. gode-krefter")
    make.add_argument("--out", type=Path, required=True, help="filen som skal skrives, f.eks. status-2012-02.xlsx")
    make.add_argument("--data", type=Path, default=Path("data"), help="datamappen (standard: data)")
    make.set_defaults(run=_template)
    take = actions.add_parser("import", help="les inn et utfylt regneark som en ny statusrapport",
                              description="Leser et utfylt ark (.xlsx, eller .csv med de samme kolonnene), sjekker det og "
                                          "skriver rapporten i data/reports/, teksten i data/sources/ og dokumentet i "
                                          "data/documents.yml. Skriver ut hva som er endret siden forrige rapport.")
    take.add_argument("file", type=Path, help="det utfylte arket (.xlsx eller .csv)")
    take.add_argument("--date", required=True, help="datoen statusene gjelder for, ÅÅÅÅ-MM, f.eks. 2012-02")
    take.add_argument("--title", help="rapportens tittel (standard: «Status per <måned år>»)")
    take.add_argument("--plan", help="planens id; trengs bare for CSV (et Excel-ark fra malen vet hvilken plan det gjelder)")
    take.add_argument("--data", type=Path, default=Path("data"), help="datamappen (standard: data)")
    take.set_defaults(run=_import)


def _fail(lines: list[str] | str) -> int:
    print("\n".join(lines) if isinstance(lines, list) else lines, file=sys.stderr)
    return 1


def _corpus(data: Path) -> m.Corpus | None:
    try:
        return load(data, "internal")
    except DataErrors as exc:
        print("Dataene har feil som må rettes først:\n" + exc.report(), file=sys.stderr)
        return None


def _scale(corpus: m.Corpus, plan: m.Plan) -> tuple[m.Status, ...]:
    """The statuses a report on ``plan`` may give: its scale's (vocabulary.yml ``scales``)."""
    return plan.scale.statuses if plan.scale else corpus.vocabulary.statuses


def _template(args: argparse.Namespace) -> int:
    corpus = _corpus(args.data)
    if corpus is None:
        return 1
    plan = corpus.plans.get(args.plan)
    if plan is None:
        return _fail(f"Fant ingen plan med id «{args.plan}»; planene er: {', '.join(corpus.plans)}")
    if args.out.suffix.lower() != ".xlsx":
        return _fail(f"--out må være en .xlsx-fil; fikk «{args.out}»")
    template.write(plan, _scale(corpus, plan), args.out)
    print(f"Skrev {args.out}: {len(plan.measures)} tiltak fra «{plan.title}».")
    return 0


def _plan_for(corpus: m.Corpus, sheet: read.Sheet, wanted: str | None) -> m.Plan | str:
    ident = wanted or sheet.plan_id
    if ident:
        return corpus.plans.get(ident) or f"Fant ingen plan med id «{ident}»; planene er: {', '.join(corpus.plans)}"
    ids = {cells[sheet.header["id"]] for _, cells in sheet.cells if sheet.header["id"] < len(cells) and cells[sheet.header["id"]]}
    fits = [p for p in corpus.plans.values() if ids and ids <= {x.id for x in p.measures}]
    if len(fits) == 1:
        return fits[0]
    return f"{sheet.file}: finner ikke ut hvilken plan arket gjelder; oppgi den med --plan (planene er: {', '.join(corpus.plans)})"


def _import(args: argparse.Namespace) -> int:
    if not _MONTH.match(args.date):
        return _fail(f"--date: «{args.date}» er ikke en måned; forventet ÅÅÅÅ-MM, f.eks. 2012-02")
    if not args.file.is_file():
        return _fail(f"Fant ikke filen {args.file}")
    corpus = _corpus(args.data)
    if corpus is None:
        return 1
    try:
        sheet = read.read(args.file)
        plan = _plan_for(corpus, sheet, args.plan)
        if isinstance(plan, str):
            return _fail(plan)
        rows = read.check(sheet, plan, _scale(corpus, plan))
    except read.SheetErrors as exc:
        return _fail([f"{len(exc.problems)} feil i arket:", *(f"  {p}" for p in exc.problems)])
    if not any(row.status for row in rows):
        return _fail(f"{sheet.file}: ingen rader har «Ny status»; forventet status for minst ett tiltak")
    try:
        imported = write.write_report(args.data, plan=plan, rows=rows, date=args.date, title=args.title,
                                      source_name=args.file.name, draft=True)
    except FileExistsError as exc:
        return _fail(str(exc))
    except DataErrors as exc:
        return _fail("Rapporten ble ikke lagret, fordi dataene da ville fått feil:\n" + exc.report())
    print(f"Skrev {imported.report_file.as_posix()} og {imported.source_file.as_posix()}, og la dokumentet til i documents.yml.")
    print("Rapporten er et utkast (draft: true): den vises bare i den interne håndboken, merket «Utkast», til linjen slettes.")
    print("\n".join(write.summary(imported, rows)))
    return 0
