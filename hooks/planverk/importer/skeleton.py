"""``planverk new plan|strategy|report``: a valid file to fill in, with comments saying what goes where.

Each skeleton passes ``planverk check`` as written (it is checked before the command ends, and
taken back if it does not), and is marked so that nothing unfinished reaches the public site:
a plan and a strategy with ``internal: true``, a report with ``draft: true``. A new plan or
strategy also gets its source document: an entry in ``documents.yml`` and a text file under
``sources/`` to paste the document's text into.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

from ..errors import DataErrors
from ..load import load
from ..text import year_month
from .write import apply, q

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_YEARS = re.compile(r"^(\d{4})-(\d{4})$")


# (id, title, owner, period, document) -> the YAML of a new plan or strategy
Skeleton = Callable[[str, str, str, str | None, str], str]


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = sub.add_parser("new", help="lag en ny, tom fil å fylle ut (plan, strategi eller rapport)",
                         description="Skriver en gyldig fil med kommentarer om hva som skal stå hvor. Planen og strategien "
                                     "merkes internal: true og rapporten draft: true til de er ferdige.")
    kinds = new.add_subparsers(dest="kind", required=True)
    for kind, helptext in (("plan", "en ny handlingsplan med én tiltakspakke og ett tiltak"),
                           ("strategy", "en ny strategi med de blokkene de fleste strategier har")):
        parser = kinds.add_parser(kind, help=helptext, description=f"Lag {helptext}, og kildedokumentet den bygger på.")
        parser.add_argument("--id", required=True, dest="ident", help="id, f.eks. eldreomsorg-2024 (a–z, 0–9 og bindestrek)")
        parser.add_argument("--title", required=True, help="tittelen slik dokumentet skriver den")
        parser.add_argument("--owner", default="regjeringen", help="id-en til eieren i organisations.yml (standard: regjeringen)")
        parser.add_argument("--period", help="perioden, ÅÅÅÅ-ÅÅÅÅ, f.eks. 2024-2027")
        parser.add_argument("--data", type=Path, default=Path("data"), help="datamappen (standard: data)")
        parser.set_defaults(run=_plan if kind == "plan" else _strategy)
    report = kinds.add_parser("report", help="en ny statusrapport for en plan",
                              description="Lag en statusrapport (utkast) for en plan: én oppføring per tiltak med statusen fra "
                                          "forrige rapport, klar til å endres.")
    report.add_argument("--plan", required=True, help="planens id")
    report.add_argument("--date", required=True, help="datoen statusene gjelder for, ÅÅÅÅ-MM")
    report.add_argument("--title", help="rapportens tittel (standard: «Status per <måned år>»)")
    report.add_argument("--data", type=Path, default=Path("data"), help="datamappen (standard: data)")
    report.set_defaults(run=_report)


def _fail(text: str) -> int:
    print(text, file=sys.stderr)
    return 1


def _period(text: str | None) -> str:
    if not text:
        return "null  # eller {start: 2024, end: 2027, text: \"2024-2027\"} slik dokumentet skriver perioden"
    years = _YEARS.match(text)
    if years is None:  # _check_common refused it before
        raise ValueError(f"--period: {text!r}")
    start, end = years.groups()
    return f"{{start: {start}, end: {end}, text: {q(text)}}}"


def _document(ident: str, title: str, owner: str, kind: str) -> str:
    return "\n".join([
        f"  - id: {ident}",
        f"    title: {q(title)}",
        f"    kind: {kind}",
        f"    publisher: {owner}",
        "    date: null",
        f"    file: {ident}.txt",
        "    has_pages: false",
    ]) + "\n"


_SOURCE = """Lim inn teksten fra kildedokumentet her, ord for ord (se data/README.md, «Text fidelity»).
Når dokumentet har sidetall: sett has_pages: true i documents.yml og oppgi side i source.page.
"""


def _check_common(args: argparse.Namespace) -> str | None:
    if not _ID.match(args.ident):
        return f"--id: «{args.ident}» er ikke en gyldig id; forventet små bokstaver a–z, sifre og bindestrek"
    if args.period and not _YEARS.match(args.period):
        return f"--period: «{args.period}» er ikke en periode; forventet ÅÅÅÅ-ÅÅÅÅ, f.eks. 2024-2027"
    return None


def plan_yaml(ident: str, title: str, owner: str, period: str | None, document: str) -> str:
    return f"""# yaml-language-server: $schema=../schema/plan.schema.json
# Ny plan laget med «planverk new plan». Fyll ut fra kildedokumentet (sources/{document}.txt);
# tekst kopieres ord for ord. Feltene er beskrevet i data/README.md og schema/plan.schema.json.
id: {ident}                      # planens id: brukes i nettadressen, endres ikke etter publisering
title: {q(title)}
# subtitle: "Undertittel"        # valgfri
owner: {owner}                   # organisasjonen som eier planen (id fra organisations.yml)
period: {_period(period)}
# launched: "2024-06"            # når planen ble lagt fram, ÅÅÅÅ-MM i anførselstegn
source: {{document: {document}, page: null}}   # page: sidetallet der planen begynner, eller null
internal: true                   # slett denne linjen når planen er ferdig og kan publiseres
description: |
  Innledningen til planen (Markdown: avsnitt skilles med en tom linje).
groups:                          # gruppene i planen slik dokumentet kaller dem (tiltakspakke, innsatsområde, mål …)
  - id: tiltakspakke-1
    number: "1"                  # nummeret slik dokumentet skriver det ("I", "1", "A"); null uten nummer
    label: Tiltakspakke          # hva dokumentet kaller gruppen
    title: Tittel på gruppen
    # parent: innsatsomrade-1    # en gruppe inni en annen gruppe: id-en til den ytre
    # goal: true                 # gruppen er et mål (eller delmål)
measures:                        # ett element per tiltak, i dokumentets rekkefølge
  - id: tiltak-1                 # id: tiltak-<nummer>
    number: "1"                  # nummeret slik dokumentet skriver det ("21", "3.1", "I.4"); null uten nummer
    group: tiltakspakke-1        # id-en til gruppen tiltaket hører til (et deltiltak har parent: <tiltakets id> i stedet)
    title: Tittel på tiltaket
    responsibility:
      summary: null              # ansvarlig slik en oversiktstabell skriver det, f.eks. "KRD/Husbanken/JD"
      text: null                 # teksten etter «Ansvar:» ved tiltaket, ord for ord
      parties:                   # ansvaret oppløst i parter: org (id fra organisations.yml) eller text, med rolle
        - {{org: {owner}, role: ansvarlig}}
        # - {{org: krad, role: samarbeidspart}}
        # - {{text: relevante departementer, role: samarbeidspart}}   # en part som ikke er en bestemt organisasjon
    period: null                 # eller {{start: 2024, end: 2027, text: "2024-2027"}}; åpen slutt: end: null
    description: |
      Tiltaksteksten (Markdown). Punktlister skrives slik:

      - første punkt
      - andre punkt
"""


def strategy_yaml(ident: str, title: str, owner: str, period: str | None, document: str) -> str:
    return f"""# yaml-language-server: $schema=../schema/strategy.schema.json
# Ny strategi laget med «planverk new strategy». Fyll ut fra kildedokumentet (sources/{document}.txt),
# ta bort blokkene dokumentet ikke har, og behold dokumentets rekkefølge. Alle blokkene er
# beskrevet i data/README.md («strategies/<strategy>.yml») og schema/strategy.schema.json.
id: {ident}
title: {q(title)}
owner: {owner}                   # organisasjonen strategien gjelder (id fra organisations.yml)
period: {_period(period)}
source: {{document: {document}, page: null}}
internal: true                   # slett denne linjen når strategien er ferdig og kan publiseres
# mission:                       # samfunnsoppdrag
#   title: Samfunnsoppdrag
#   text: |
#     …
#   source: {{page: null}}
# vision:                        # visjonen: title er selve visjonen, text forklarer den
#   title: Visjonen
#   text: |
#     …
#   source: {{page: null}}
# values:                        # verdier, hver med sine utsagn ord for ord
#   intro: null
#   items:
#     - id: apenhet
#       name: Åpenhet
#       statements:
#         - Vi lytter og er åpne.
# areas:                         # strategiske områder med mål og delmål
#   intro: null
#   items:
#     - id: omrade-1
#       title: Område
#       goals:
#         - id: mal-1
#           title: Mål
#           subgoals: []
"""


def report_yaml(report_id: str, plan_id: str, title: str, date: str, document: str,
                measures: list[tuple[str, str, str, str | None]], statuses: list[str]) -> str:
    """One entry per measure (id, number, title, previous status): the previous status carried forward
    as the starting point, to be changed; the report is a draft until the editor deletes ``draft``."""
    lines = [
        "# yaml-language-server: $schema=../schema/report.schema.json",
        f"# Ny statusrapport laget med «planverk new report». Gjelder status per {year_month(date)}.",
        "# Hvert tiltak har en oppføring med statusen fra forrige rapport: sett ny status og skriv hva som er gjort",
        "# (narrative, Markdown). Slett oppføringen for et tiltak rapporten ikke omtaler.",
        f"# Status er en av: {', '.join(statuses)}.",
        "# Rapporten kan også lages fra et regneark: «planverk report template» og «planverk report import».",
        f"id: {report_id}",
        f"plan: {plan_id}",
        f"title: {q(title)}",
        f"as_of: {q(date)}                # datoen statusene gjelder for",
        "# published: \"2012-02\"         # når rapporten ble publisert",
        "draft: true                      # slett denne linjen for å publisere rapporten",
        f"source: {{document: {document}, page: null}}",
        "entries:",
    ]
    for ident, number, mtitle, previous in measures:
        lines += [f"  # Tiltak {number}: {mtitle}",
                  f"  - measure: {ident}",
                  f"    status: {q(previous or statuses[0])}" + ("  # fra forrige rapport" if previous else
                                                                "  # ingen tidligere status: sett riktig status"),
                  "    # narrative: |",
                  "    #   Hva er gjort siden forrige rapport.",
                  "    source: {page: null}"]
    return "\n".join(lines) + "\n"


def _new_document_file(args: argparse.Namespace, kind: str, folder: str, make: Skeleton) -> int:
    problem = _check_common(args)
    if problem:
        return _fail(problem)
    try:
        corpus = load(args.data, "internal")
    except DataErrors as exc:
        return _fail("Dataene har feil som må rettes først:\n" + exc.report())
    if args.owner not in corpus.organisations:
        return _fail(f"--owner: fant ingen organisasjon med id «{args.owner}» i organisations.yml")
    document = f"{args.ident}-kilde"
    if document in corpus.documents:
        return _fail(f"dokumentet «{document}» finnes allerede i documents.yml; velg en annen --id")
    target = args.data / folder / f"{args.ident}.yml"
    return _write(args.data, "Filen", target, make(args.ident, args.title, args.owner, args.period, document),
                  document, _document(document, args.title, args.owner, kind), "Fyll ut filene")


def _write(data: Path, what: str, target: Path, text: str, document: str, entry: str, todo: str,
           draft: bool = False) -> int:
    """Write ``target`` and the placeholder source text of ``document``, and add ``entry`` to documents.yml:
    all or nothing (``apply`` checks the data and takes everything back on a data error)."""
    source = data / "sources" / f"{document}.txt"
    try:
        apply(data, create={target: text, source: _SOURCE}, append={data / "documents.yml": entry})
    except FileExistsError as exc:
        return _fail(str(exc))
    except DataErrors as exc:
        return _fail(f"{what} ble ikke lagret, fordi dataene da ville fått feil (ingen filer er endret):\n" + exc.report())
    print(f"Skrev {target.as_posix()}{' (utkast)' if draft else ''} og {source.as_posix()}, "
          f"og la dokumentet til i documents.yml. {todo}, og kjør «planverk check».")
    return 0


def _plan(args: argparse.Namespace) -> int:
    return _new_document_file(args, "handlingsplan", "plans", plan_yaml)


def _strategy(args: argparse.Namespace) -> int:
    return _new_document_file(args, "strategi", "strategies", strategy_yaml)


def _report(args: argparse.Namespace) -> int:
    if not _MONTH.match(args.date):
        return _fail(f"--date: «{args.date}» er ikke en måned; forventet ÅÅÅÅ-MM, f.eks. 2012-02")
    try:
        corpus = load(args.data, "internal")
    except DataErrors as exc:
        return _fail("Dataene har feil som må rettes først:\n" + exc.report())
    plan = corpus.plans.get(args.plan)
    if plan is None:
        return _fail(f"Fant ingen plan med id «{args.plan}»; planene er: {', '.join(corpus.plans)}")
    report_id = f"{plan.id}-{args.date}"
    document = f"{plan.id}-statusrapport-{args.date}"
    title = args.title or f"Status per {year_month(args.date)}"
    target = args.data / "reports" / f"{report_id}.yml"
    latest = plan.latest_report
    measures = []
    for x in plan.measures:
        entry = latest.entry(x.id) if latest else None
        measures.append((x.id, str(x.number), x.title, entry.status.label if entry else None))
    text = report_yaml(report_id, plan.id, title, args.date, document, measures,
                       [s.label for s in (plan.scale or corpus.vocabulary.scales[0]).statuses])
    return _write(args.data, "Rapporten", target, text, document,
                  _document(document, f"{title} – {plan.title}", plan.owner.id, "statusrapport"),
                  "Fyll ut oppføringene", draft=True)
