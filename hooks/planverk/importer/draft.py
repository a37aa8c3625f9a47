"""What the layout found, mapped onto today's plan model: packages, integer numbers, two roles.

Today's model (``data/schema/plan.schema.json``) has one level of packages under a plan,
measure numbers that are integers unique in the plan, the roles ``ansvarlig`` and
``samarbeidspart``, a period (its first or last year may be unknown), at least one party per measure, and status in
a report rather than in the plan. Where the source says more than that, the draft keeps what
fits and records what it had to flatten (``Draft.flattened`` and a comment in the file), so a
person reviewing the draft sees it, and the general model (issue 11) can keep it later.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import found as lay
from .describe import markdown
from .match import Body, Matcher, key

_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")
_OPEN = re.compile(r"^(\d{4})\s*[-–—]?$")
_FROM = re.compile(r"^(?:oppstart|fra|frå|start|startar|starter)\s+(?:i\s+)?(\d{4})$", re.I)
_UNKNOWN_START = re.compile(
    r"^(?:påbegynt|pågående|pågåande|igangsatt|igangsett|løpende|løpande|videreføres|vidareførast)\s*[-–—]\s*(\d{4})$", re.I
)
_PLAN_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
_OVERVIEW_PERIOD = re.compile(r"(?:Oppstart i\s+\d{4}|\d{4}\s*[-–—]\s*\d{4}|\d{4}\s*[-–—]|\d{4})$")


def slug(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "x"


def period(text: str | None) -> tuple[dict[str, object] | None, str | None]:
    """A period in the model's shape from the words of the source, or None and why."""
    if not text:
        return None, None
    words = " ".join(text.split())
    match = _RANGE.match(words)
    if match:
        return {"start": int(match.group(1)), "end": int(match.group(2)), "text": words}, None
    match = _OPEN.match(words)
    if match:
        end = None if words.endswith(("-", "–", "—")) else int(match.group(1))
        return {"start": int(match.group(1)), "end": end, "text": words}, None
    match = _FROM.match(words)
    if match:
        return {"start": int(match.group(1)), "end": None, "text": words}, None
    match = _UNKNOWN_START.match(words)
    if match:
        return {"start": None, "end": int(match.group(1)), "text": words}, None
    return None, f"«{words}» er ikke en periode planverk kjenner (forventet f.eks. «2009-2012», «2009-», «Oppstart i 2010»)"


def _norm(text: str) -> str:
    return key(re.sub(r"[”“\"«»]", '"', text))


@dataclass
class Row:
    """An overview table's row split into its cells."""

    title: str
    responsible: str | None
    period: str | None
    status: str | None


def split_row(row: lay.OverviewRow, section_title: str | None, statuses: list[str], matcher: Matcher) -> Row:
    text = row.text.strip()
    status = None
    for label in sorted(statuses, key=len, reverse=True):
        if text.casefold().endswith(" " + label.casefold()):
            status, text = text[-len(label):], text[: -len(label)].rstrip()
            break
    found = _OVERVIEW_PERIOD.search(text)
    overview_period = None
    if found:
        overview_period, text = found.group(0), text[: found.start()].rstrip()
    responsible = None
    if section_title and _norm(text).startswith(_norm(section_title)) and len(text) > len(section_title):
        cut = len(section_title)
        extra = re.match(r"\s*\([^()]*\)", text[cut:])  # «(Flatø-utvalget)»: the overview's title says more
        if extra:
            cut += extra.end()
        title, responsible = text[:cut].strip(), text[cut:].strip()
    else:  # the responsible cell starts at the first word that is an abbreviation or a known body
        words = text.split(" ")
        start = next((k for k in range(1, len(words))
                      if re.fullmatch(r"[A-ZÆØÅ][A-ZÆØÅa-zæøå]*[A-ZÆØÅ]", words[k].split("/")[0])
                      or matcher.known(words[k].split("/")[0])), None)
        title = " ".join(words[:start]) if start else text
        responsible = " ".join(words[start:]) if start else None
    if responsible:
        responsible = re.sub(r"\s*/\s*", "/", responsible)  # «KRÅD/ andre instanser»: cells wrap after the slash
    return Row(title=title, responsible=responsible, period=overview_period, status=status)


@dataclass
class Package:
    id: str
    number: str
    label: str
    title: str
    line: int | None
    notes: list[str] = field(default_factory=list)


@dataclass
class Measure:
    id: str
    number: int
    written_number: str | None
    package: Package
    title: str
    line: int
    overview_title: str | None = None
    summary: str | None = None
    text: str | None = None
    bodies: list[Body] = field(default_factory=list)
    actors: list[Body] = field(default_factory=list)
    period: dict[str, object] | None = None
    period_text: str | None = None
    overview_period: dict[str, object] | None = None
    status: str | None = None  # a label on the scale
    status_text: str | None = None
    description: str = ""
    filled: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # comments for the reviewer, written into the file


@dataclass
class Draft:
    plan_id: str
    title: str
    language: str
    period: dict[str, object] | None
    description: str
    packages: list[Package]
    measures: list[Measure]
    layout: lay.Layout
    flattened: list[str]
    groups_found: int


def _package_label(group: lay.Group) -> str:
    return group.kind[:1].upper() + group.kind[1:]


def build(found: lay.Layout, *, plan_id: str, title: str | None, language: str, statuses: list[str], matcher: Matcher) -> Draft:
    """The draft of a plan from what the layout found; ``statuses`` is the status scale's labels."""
    scale = {label.casefold(): label for label in statuses}
    flattened: list[str] = []
    # packages: the groups that hold measures (and groups announced in a list), one level
    holders = [g for g in found.groups if g.declared_in_list or any(x.group is g for x in found.measures)]
    packages: dict[int, Package] = {}
    used: set[str] = set()
    per_kind: dict[str, int] = {}
    for group in holders:
        per_kind[group.kind] = per_kind.get(group.kind, 0) + 1
        arabic = group.number and re.fullmatch(r"\d+(?:\.\d+)*", group.number)
        ident = slug(f"{group.kind}-{group.number}") if arabic else f"{slug(group.kind)}-{per_kind[group.kind]}"
        while ident in used:
            ident += "-x"
        used.add(ident)
        package = Package(id=ident, number=group.number or str(per_kind[group.kind]), label=_package_label(group),
                          title=group.title, line=group.line)
        if group.kind_is_editorial:
            package.notes.append(f"kilden har bare nummeret «{group.number}» over gruppen; «{package.label}» er redaksjonelt")
        if group.parent is not None:
            outer = " › ".join(f"{_package_label(g)} {g.number or ''} {g.title}".replace("  ", " ") for g in group.path[:-1])
            package.notes.append(f"ligger i kilden under {outer}; dagens modell har bare ett nivå av grupper")
            flattened.append(f"gruppen «{group.title}» ligger under «{group.parent.title}» i kilden; bare det innerste "
                             "nivået ble en tiltakspakke")
        packages[id(group)] = package
    for group in found.groups:
        if id(group) not in packages and not any(g.parent is group for g in found.groups):
            flattened.append(f"gruppen «{group.title}» (linje {group.line}) har ingen tiltak og ble ikke tatt med")
    loose = [x for x in found.measures if x.group is None or id(x.group) not in packages]
    if loose:
        none = Package(id="uten-gruppe", number="–", label="Tiltak", title="Tiltak uten gruppe i kilden", line=None,
                       notes=["redaksjonell: kilden plasserer ikke disse tiltakene i en gruppe, og dagens modell krever én"])
        packages[0] = none
        flattened.append(f"{len(loose)} tiltak står ikke under noen gruppe i kilden og ble lagt i en redaksjonell gruppe")

    # numbers: integers unique in the plan, as the model wants them
    written = [x.number for x in found.measures]
    plain = all(n and n.isdigit() for n in written) and len(set(written)) == len(written)
    if not plain and found.measures:
        flattened.append("tiltakene er nummerert slik kilden gjør det (f.eks. «" + next((n for n in written if n), "") +
                         "»); dagens modell krever heltall som er unike i planen, så de fikk løpenummer 1, 2, 3 … og "
                         "kildens nummer står i en kommentar")
    repeated = len(set(written)) != len(written)
    ids: set[str] = set()
    overview = {r.number: r for r in found.overview}
    measures: list[Measure] = []
    for seq, x in enumerate(found.measures, start=1):
        number = int(x.number) if plain and x.number else seq
        per_group = x.number and repeated and x.group is not None and x.group.number
        # numbered per group: «Mål 2, tiltak 1» is tiltak-2-1
        base = f"{x.group.number}-{x.number}" if per_group and x.group is not None else x.number or str(seq)
        ident = f"tiltak-{slug(base)}"
        if ident in ids:
            ident = f"tiltak-{seq}"
        ids.add(ident)
        package = packages[id(x.group)] if x.group is not None and id(x.group) in packages else packages[0]
        measure = Measure(id=ident, number=number, written_number=x.number, package=package, title=x.title, line=x.line)
        if not plain and x.number:
            measure.notes.append(
                f"nummeret i kilden: «{x.number}»" + (f" under {package.label.lower()} {package.number}" if x.group else "")
            )
        if x.group_is_guess:
            measure.notes.append(f"kilden sier ikke hvor tiltaket hører hjemme; {package.label.lower()} «{package.title}» er et "
                                 "forslag ut fra ordene i tittelen eller teksten: sjekk det")
        measures.append(measure)
        _facts(measure, x, overview.get(x.number or ""), scale, matcher)
    description = "\n\n".join(found.intro)
    plan_period = None
    head = " ".join([found.title or "", *(t for _, t, _ in found.not_understood[:6]), *(found.intro[:1])])
    match = _PLAN_RANGE.search(head)
    if match:
        plan_period = {"start": int(match.group(1)), "end": int(match.group(2)), "text": match.group(0)}
    return Draft(plan_id=plan_id, title=title or found.title or plan_id, language=language, period=plan_period,
                 description=description, packages=list(packages.values()), measures=measures, layout=found,
                 flattened=flattened, groups_found=len(found.groups))


def _facts(measure: Measure, x: lay.Measure, row: lay.OverviewRow | None, statuses: dict[str, str], matcher: Matcher) -> None:
    cells = split_row(row, x.title, list(statuses.values()), matcher) if row else None
    if cells:
        measure.summary = cells.responsible
        if _norm(cells.title) != _norm(x.title):
            measure.overview_title = cells.title
    responsible, executing, participating = x.fact("responsible"), x.fact("executing"), x.fact("participating")
    measure.text = responsible.value if responsible else (executing.value if executing else None)
    measure.bodies = matcher.resolve(measure.text or measure.summary)
    if responsible and executing:
        measure.bodies += matcher.resolve(executing.value)
        measure.notes.append(f"«{executing.label}: {executing.value}»: dagens modell har ikke rollen utførende; "
                             "virksomheten står som ansvarlig")
    if participating:
        measure.bodies += matcher.resolve(participating.value, "samarbeidspart")
        measure.notes.append(f"«{participating.label}: {participating.value}»: deltakende står som samarbeidspart")
    for sub in x.sub_measures:
        if sub.responsible:
            measure.actors += [b for b in matcher.resolve(sub.responsible) if not b.generic]
    # the period: the measure's own line, else the overview's cell
    stated = x.fact("period")
    measure.period_text = stated.value if stated else (cells.period if cells else None)
    measure.period, why = period(measure.period_text)
    if why:
        measure.notes.append(f"periode: {why}")
    if cells and cells.period and stated:
        overview_period, _ = period(cells.period)
        if overview_period and measure.period and (overview_period["start"], overview_period["end"]) != (
                measure.period["start"], measure.period["end"]):
            measure.overview_period = overview_period  # only where the table says something else
    raw_status = x.fact("status")
    label = raw_status.value if raw_status else (cells.status if cells else None)
    if label:
        measure.status = statuses.get(label.casefold())
        if measure.status is None:
            measure.notes.append(f"status «{label}» er ikke en status i skalaen ({', '.join(statuses.values())})")
    measure.status_text = "\n\n".join(x.status_text) or None
    measure.description = markdown(x.description)
    for name, value in (("nummer", x.number), ("tittel", x.title), ("ansvar", measure.bodies), ("periode", measure.period),
                        ("status", measure.status), ("beskrivelse", measure.description)):
        (measure.filled if value else measure.missing).append(name)
