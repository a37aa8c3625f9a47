"""Writing the draft: the plan file, its source text, its document entry, new organisations.

Everything is written, then the whole data folder is loaded for both builds (what
``planverk check`` does); if that fails, every file is put back as it was and the errors are
raised, so a failed import leaves ``data/`` untouched. The plan and the new organisations are
written with ``internal: true``: they show only in the internal handbook until a person has
reviewed them and deleted that line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..load import load
from ..text import year_month
from .draft import Draft, Measure, slug
from .match import Body

_BLOCK_SAFE = re.compile(r"^(?:[^\s\t\r#][^\t\r]*[^\s\t\r]|[^\s\t\r#]?)$")


def q(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value``: JSON's quoting is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def block(value: str, indent: str) -> str:
    lines = value.split("\n")
    if lines[0] and all(_BLOCK_SAFE.match(line) for line in lines):
        return "|-\n" + "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return q(value)


def _period(value: dict[str, object] | None) -> str:
    if value is None:
        return "null"
    start = "null" if value["start"] is None else value["start"]
    end = "null" if value["end"] is None else value["end"]
    return f"{{start: {start}, end: {end}, text: {q(str(value['text']))}}}"


@dataclass
class NewOrganisation:
    id: str
    name: str
    abbreviation: str | None
    texts: list[str] = field(default_factory=list)  # how the source wrote it


def new_organisations(draft: Draft, known: dict[str, m.Organisation]) -> dict[str, NewOrganisation]:
    """One new organisation per body the source names that planverk does not know, by name."""
    out: dict[str, NewOrganisation] = {}
    taken = set(known)
    for measure in draft.all_measures:
        for body in measure.bodies:
            if body.new_name is None:
                continue
            name_key = body.new_name.casefold()
            existing = next((o for o in out.values() if o.name.casefold() == name_key), None)
            if existing is None:
                ident = slug(body.new_abbreviation or body.new_name)
                while ident in taken:
                    ident += "-ny"
                taken.add(ident)
                existing = out[ident] = NewOrganisation(id=ident, name=body.new_name, abbreviation=body.new_abbreviation)
            if body.text not in existing.texts:
                existing.texts.append(body.text)
    return out


def _party(body: Body, ids: dict[str, str]) -> str:
    if body.organisation is not None:
        return f"{{org: {body.organisation.id}, role: {body.role}}}"
    if body.new_name is not None:
        return f"{{org: {ids[body.new_name.casefold()]}, role: {body.role}}}"
    return f"{{text: {q(body.text)}, role: {body.role}}}"


def plan_yaml(draft: Draft, *, owner: str, document_id: str, source_name: str, new: dict[str, NewOrganisation]) -> str:
    ids = {o.name.casefold(): o.id for o in new.values()}
    out = [
        "# yaml-language-server: $schema=../schema/plan.schema.json",
        f"# UTKAST laget med «planverk import plan» fra {source_name}; kildeteksten står i sources/{document_id}.txt.",
        "# Gå gjennom hele filen mot kilden før planen publiseres: titler, ansvar, perioder og tekst.",
        "# Kommentarene under viser hva importen ikke var sikker på, og hva den måtte forenkle eller legge til.",
        f"id: {draft.plan_id}",
        f"title: {q(draft.title)}",
        *(["editorial: [title]  # kilden oppgir ingen tittel"] if draft.title_is_editorial else []),
        f"owner: {owner}",
        f"period: {_period(draft.period)}",
        f"source: {{document: {document_id}, page: null}}",
        "internal: true  # slett denne linjen når planen er gjennomgått og kan publiseres",
    ]
    out.append(f"description: {block(draft.description, '  ') if draft.description else q('')}")
    out.append("groups:")
    for group in draft.groups:
        out.append(f"  - id: {group.id}")
        if group.number is not None:
            out.append(f"    number: {q(group.number)}")
        out += [f"    label: {q(group.label)}", f"    title: {q(group.title)}"]
        if group.parent is not None:
            out.append(f"    parent: {group.parent.id}")
        if group.goal:
            out.append("    goal: true")
        if group.editorial:
            out.append(f"    editorial: [{', '.join(group.editorial)}]")
        out += [f"    # {note}" for note in group.notes]
    out.append("measures:")
    for x in draft.all_measures:
        out += _measure_yaml(x, ids)
    return "\n".join(out) + "\n"


def _measure_yaml(x: Measure, ids: dict[str, str]) -> list[str]:
    out = [f"  - id: {x.id}"]
    if x.number is not None:
        out.append(f"    number: {q(x.number)}")
    out += [f"    # {note}" for note in x.notes]
    if x.parent is not None:
        out.append(f"    parent: {x.parent.id}")
    elif x.group is not None:
        out.append(f"    group: {x.group.id}")
    out.append(f"    title: {q(x.title)}")
    if x.overview_title:
        out.append(f"    overview_title: {q(x.overview_title)}")
    if x.bodies or x.summary or x.text:
        out += ["    responsibility:", f"      summary: {q(x.summary) if x.summary else 'null'}",
                f"      text: {q(x.text) if x.text else 'null'}"]
        if x.bodies:
            out += ["      parties:", *(f"        - {_party(b, ids)}" for b in x.bodies)]
        else:
            out += ["      stated: false    # ingen part å lese ut av teksten; siden skriver «ikke oppgitt i kilden»",
                    "      parties: []"]
    elif x.parent is None:
        out.append("    # responsibility: kilden oppgir ikke hvem som er ansvarlig; siden skriver «ikke oppgitt i kilden»")
    if x.period is not None:
        out.append(f"    period: {_period(x.period)}")
    if x.overview_period:
        out.append(f"    overview_period: {_period(x.overview_period)}")
    if x.description:
        out.append(f"    description: {block(x.description, '      ')}")
    return out


def organisations_yaml(new: dict[str, NewOrganisation], *, plan_id: str, document_id: str) -> str:
    out = []
    for org in new.values():
        out += [f"  # TIL GJENNOMGANG: lagt til av «planverk import plan» for planen {plan_id}; kilden skriver "
                + ", ".join(f"«{t}»" for t in org.texts) + ".",
                "  # Sjekk navn, forkortelse og type, og om den er en organisasjon planverk kjenner under et annet navn.",
                f"  - id: {org.id}",
                f"    abbreviation: {q(org.abbreviation) if org.abbreviation else 'null'}",
                f"    name: {q(org.name)}",
                f"    kind: {q('ukjent')}",
                f"    expansion_is_editorial: {'true' if org.abbreviation == org.name else 'false'}",
                "    internal: true  # slett linjen når organisasjonen er gjennomgått",
                f"    source: {{document: {document_id}, page: null}}"]
    return "\n".join(out) + ("\n" if out else "")


def report_yaml(draft: Draft, *, date: str, document_id: str) -> str:
    out = [
        "# yaml-language-server: $schema=../schema/report.schema.json",
        f"# UTKAST: statusene som sto i kilden til planen {draft.plan_id}, lest inn med «planverk import plan».",
        f"id: {draft.plan_id}-{date}",
        f"plan: {draft.plan_id}",
        f"title: {q('Status per ' + year_month(date))}",
        f"as_of: {q(date)}",
        "draft: true  # slett denne linjen for å publisere rapporten",
        f"source: {{document: {document_id}, page: null}}",
        "entries:",
    ]
    for x in draft.all_measures:
        if x.status is None:
            continue
        out += [f"  - measure: {x.id}", f"    status: {q(x.status)}"]
        if x.status_text:
            out.append(f"    narrative: {block(x.status_text, '      ')}")
        out += ["    references: []", "    source: {page: null}"]
    return "\n".join(out) + "\n"


def document_yaml(*, document_id: str, title: str, owner: str, source_name: str, language: str = "nb") -> str:
    return (
        "\n".join(
            [
                f"  - id: {document_id}",
                f"    title: {q(title)}",
                "    kind: handlingsplan",
                f"    publisher: {owner}",
                "    date: null",
                f"    file: {document_id}.txt",
                "    has_pages: false",
                "    extraction_note: "
                + q(f"Lest inn fra {source_name} med «planverk import plan»; teksten er uttrekket av filen, uten sidetall."),
                *([f"    language: {language}"] if language != "nb" else []),
            ]
        )
        + "\n"
    )


@dataclass(frozen=True, slots=True)
class Written:
    plan_file: Path
    source_file: Path
    report_file: Path | None
    new: dict[str, NewOrganisation]
    corpus: m.Corpus


def apply(data: Path, *, create: dict[Path, str], append: dict[Path, str]) -> m.Corpus:
    """Create the files in ``create`` (none may exist) and add text to the end of those in ``append``;
    then load ``data`` for both builds, as ``planverk check`` does. If anything fails, every file is
    put back as it was and the error raised."""
    for path in create:
        if path.exists():
            raise FileExistsError(f"{path.as_posix()} finnes allerede; velg en annen id, eller slett filen først")
    before = {path: path.read_text(encoding="utf-8") for path in append}
    created: list[Path] = []
    try:
        for path, content in create.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            created.append(path)
        for path, content in append.items():
            if content:
                path.write_text(before[path].rstrip("\n") + "\n" + content, encoding="utf-8")
        corpus = load(data, "internal")
        load(data, "public")
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        for path, content in before.items():
            path.write_text(content, encoding="utf-8")
        raise
    return corpus


def write(data: Path, draft: Draft, *, text: str, owner: str, source_name: str, corpus: m.Corpus,
          status_date: str | None = None) -> Written:
    """Write the draft into ``data``; check it as ``planverk check`` does; undo everything if that fails."""
    document_id = f"{draft.plan_id}-kilde"
    if draft.plan_id in corpus.plans or document_id in corpus.documents:
        raise FileExistsError(f"id-en «{draft.plan_id}» er allerede i bruk; velg en annen --id")
    plan_file = data / "plans" / f"{draft.plan_id}.yml"
    source_file = data / "sources" / f"{document_id}.txt"
    report_file = data / "reports" / f"{draft.plan_id}-{status_date}.yml" if status_date else None
    new = new_organisations(draft, corpus.organisations)
    create = {plan_file: plan_yaml(draft, owner=owner, document_id=document_id, source_name=source_name, new=new),
              source_file: text}
    if report_file is not None:
        create[report_file] = report_yaml(draft, date=str(status_date), document_id=document_id)
    append = {data / "documents.yml": document_yaml(document_id=document_id, title=draft.title, owner=owner, source_name=source_name,
                                                    language=draft.language),
              data / "organisations.yml": organisations_yaml(new, plan_id=draft.plan_id, document_id=document_id)}
    checked = apply(data, create=create, append=append)
    return Written(plan_file=plan_file, source_file=source_file, report_file=report_file, new=new, corpus=checked)
