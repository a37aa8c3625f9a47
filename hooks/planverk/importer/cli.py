"""``planverk import plan`` and ``planverk new``: a draft plan from its text, and empty skeletons."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..errors import DataErrors
from ..load import load
from . import draft as drafts
from . import layout, skeleton, sources, write
from .match import Matcher

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="lag et utkast til en plan fra teksten, Word-filen eller PDF-en",
                         description="Les inn et dokument og skriv et utkast i data/.")
    kinds = imp.add_subparsers(dest="kind", required=True)
    plan = kinds.add_parser(
        "plan", help="lag et utkast til en handlingsplan fra .txt, .docx eller .pdf",
        description="Finner grupper (tiltakspakker, mål, innsatsområder), tiltak, ansvar, periode og status i dokumentet, "
                    "og skriver planen i data/plans/, teksten i data/sources/, dokumentet i data/documents.yml og nye "
                    "organisasjoner i data/organisations.yml. Planen og de nye organisasjonene merkes internal: true til "
                    "de er gjennomgått. Skriver ut hva som ble funnet og hva som mangler.")
    plan.add_argument("source", type=Path, help="dokumentet: .txt, .docx eller .pdf (PDF-en må ha tekst, ikke være skannet)")
    plan.add_argument("--id", required=True, dest="plan_id", help="planens id, f.eks. eldreomsorg-2024 (a–z, 0–9 og bindestrek)")
    plan.add_argument("--title", help="planens tittel (standard: første linje i dokumentet)")
    plan.add_argument("--language", choices=("nb", "nn"), default="nb", help="dokumentets språk: nb (bokmål) eller nn (nynorsk)")
    plan.add_argument("--owner", help="id-en til organisasjonen som eier planen (standard: regjeringen)")
    plan.add_argument("--status-date", help="lagre statusene i dokumentet som et utkast til rapport per ÅÅÅÅ-MM")
    plan.add_argument("--data", type=Path, default=Path("data"), help="datamappen (standard: data)")
    plan.set_defaults(run=_import_plan)
    skeleton.add_commands(sub)


def _fail(text: str) -> int:
    print(text, file=sys.stderr)
    return 1


def _import_plan(args: argparse.Namespace) -> int:
    if not _ID.match(args.plan_id):
        return _fail(
            f"--id: «{args.plan_id}» er ikke en gyldig id; forventet små bokstaver a–z, sifre og bindestrek, f.eks. eldreomsorg-2024"
        )
    if args.status_date and not _MONTH.match(args.status_date):
        return _fail(f"--status-date: «{args.status_date}» er ikke en måned; forventet ÅÅÅÅ-MM, f.eks. 2012-02")
    try:
        text = sources.read(args.source)
    except sources.SourceError as exc:
        return _fail(str(exc))
    try:
        corpus = load(args.data, "internal")
    except DataErrors as exc:
        return _fail("Dataene har feil som må rettes først:\n" + exc.report())
    owner = args.owner or "regjeringen"
    if owner not in corpus.organisations:
        return _fail(f"--owner: fant ingen organisasjon med id «{owner}»; oppgi eieren med --owner (en id fra organisations.yml)")
    found = layout.parse(text)
    if not found.measures:
        return _fail(f"{args.source.name}: fant ingen tiltak. Importen kjenner overskrifter som «Tiltak 21: Tittel», "
                     "«Tiltak 3.2 Tittel» og et nummer alene på linjen med tittelen på neste linje.")
    draft = drafts.build(found, plan_id=args.plan_id, title=args.title, language=args.language,
                         statuses=[s.label for s in corpus.vocabulary.scales[0].statuses],  # a new plan's scale: the first
                         matcher=Matcher(corpus.organisations.values()), roles=corpus.vocabulary.roles)
    try:
        written = write.write(args.data, draft, text=text, owner=owner, source_name=args.source.name, corpus=corpus,
                              status_date=args.status_date)
    except FileExistsError as exc:
        return _fail(str(exc))
    except DataErrors as exc:
        return _fail("Utkastet ble ikke lagret, fordi dataene da ville fått feil (ingen filer er endret):\n" + exc.report())
    print("\n".join(report(draft, written, args.source.name, args.data)))
    return 0


def _where(x: drafts.Measure) -> str:
    if x.parent is not None:
        return f"Deltiltak «{x.title}»"
    head = f"Tiltak {x.number} «{x.title}»" if x.number is not None else f"Tiltak «{x.title}» (uten nummer)"
    group = x.group
    if group is None or group.id.startswith("uten-gruppe"):
        return head
    return head + f" ({group.label.lower()}{' ' + group.number if group.number else ' «' + group.title + '»'})"


def report(draft: drafts.Draft, written: write.Written, source_name: str, data: Path) -> list[str]:
    """What the import did, for the editor, in Norwegian."""
    found = draft.layout
    style = "«Tiltak N: Tittel»" if found.style == "tiltak" else "nummer alene på linjen, tittel på neste"
    lines = [f"Lest inn {source_name}: tiltaksoverskrifter som {style}.",
             f"Fant {draft.groups_found} grupper og {len(draft.measures)} tiltak"
             + (f" med {parts} deltiltak" if (parts := len(draft.all_measures) - len(draft.measures)) else "")
             + (f", og en tiltaksoversikt med {len(found.overview)} rader" if found.overview else "") + "."]
    made = [written.plan_file, written.source_file] + ([written.report_file] if written.report_file else [])
    lines.append("Skrev " + ", ".join(p.as_posix() for p in made) + ", og la dokumentet til i documents.yml"
                 + (f" og {len(written.new)} nye organisasjoner i organisations.yml." if written.new else "."))
    with_status = [x for x in draft.measures if x.status]
    if written.report_file:
        lines.append(f"Statusene ({len(with_status)} tiltak) står i {written.report_file.as_posix()} som et utkast (draft: true).")
    elif with_status:
        lines.append(f"{len(with_status)} tiltak har status i kilden. Status hører til en rapport, ikke til planen: kjør på nytt med "
                     "--status-date ÅÅÅÅ-MM for å lagre dem som et utkast til rapport.")
    lines += ["", "Tiltak (fylt ut / mangler):"]
    for x in draft.all_measures:
        indent = "      " if x.parent else "  "
        lines.append(f"{indent}{_where(x)}: fylt ut {', '.join(x.filled) or '–'}; mangler {', '.join(x.missing) or 'ingenting'}")
        lines += [f"{indent}    merk: {note}" for note in x.notes]
    known: dict[str, list[str]] = {}
    generic: list[str] = []
    for x in draft.all_measures:
        for body in x.bodies:
            if body.organisation is not None:
                how = f"«{body.text}» ({body.how})"
                known.setdefault(body.organisation.label, [])
                if how not in known[body.organisation.label]:
                    known[body.organisation.label].append(how)
            elif body.generic and body.text not in generic:
                generic.append(body.text)
    lines += ["", "Ansvarlige:"]
    lines.append("  Kjente organisasjoner: " + ("; ".join(f"{label} = {', '.join(hows)}" for label, hows in known.items()) or "ingen"))
    lines.append("  Nye organisasjoner (merket til gjennomgang): " + (", ".join(
        f"{o.id} («{'», «'.join(o.texts)}»)" for o in written.new.values()) or "ingen"))
    lines.append("  Omtalt generelt, ikke som en bestemt organisasjon: " + (", ".join(f"«{g}»" for g in generic) or "ingen"))
    if draft.simplified:
        lines += ["", "Forenklet eller lagt til i utkastet (sjekk mot kilden):"]
        lines += [f"  - {f}" for f in draft.simplified]
    lines += ["", f"Linjer importen ikke forsto ({len(found.not_understood)}):"]
    lines += [f"  linje {no}: «{text if len(text) <= 80 else text[:77] + '…'}» – {why}" for no, text, why in found.not_understood]
    lines += ["", "Utkastet er merket internal: true og vises bare i den interne håndboken. Gå gjennom filen mot kilden, "
              "slett linjen internal: true, og kjør «planverk check»."]
    return lines
