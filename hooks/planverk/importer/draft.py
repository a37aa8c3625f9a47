"""What the layout found, mapped onto the plan model: a tree of groups, numbers as written, roles from data.

The draft keeps the source's shape (``data/schema/plan.schema.json``): the groups it finds
become ``groups`` nested through ``parent`` as deep as the source goes, each labelled with the
source's word for it (a «Mål» or «Delmål» is a goal); measure numbers stay as written
(«3.1», «1» in every goal) and unnumbered measures get none; bullets that name their own
responsible body make their list a set of sub-measures (``parent``); executing and
participating bodies get the vocabulary's roles for them where the data has such roles. What
the draft still had to simplify or add (a group for measures the source places in none, a
role the vocabulary lacks, a period it could not read) is recorded in ``Draft.simplified``
and in comments in the file, for the person who reviews it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import model as m
from . import found as lay
from .describe import markdown
from .match import Body, Matcher, key
from .patterns import IN_BULLET

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


_GOALS = frozenset({"mål", "delmål", "hovedmål", "hovudmål"})


@dataclass
class Group:
    id: str
    number: str | None  # as written; None where the source does not number the group
    label: str  # the source's word for the level: «Mål», «Innsatsområde», «Tiltakspakke»
    title: str
    line: int | None
    parent: Group | None = None
    goal: bool = False
    editorial: list[str] = field(default_factory=list)  # fields the source does not give: title, label
    notes: list[str] = field(default_factory=list)


@dataclass
class Measure:
    id: str
    number: str | None  # as written; None where the source does not number the measure
    group: Group | None  # None for a sub-measure (it belongs to its parent's group)
    title: str
    line: int
    parent: Measure | None = None  # set for a sub-measure
    overview_title: str | None = None
    summary: str | None = None
    text: str | None = None
    bodies: list[Body] = field(default_factory=list)
    period: dict[str, object] | None = None
    period_text: str | None = None
    overview_period: dict[str, object] | None = None
    status: str | None = None  # a label on the scale
    status_text: str | None = None
    description: str = ""
    filled: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # comments for the reviewer, written into the file
    parts: list[Measure] = field(default_factory=list)  # the sub-measures, in the source's order


@dataclass
class Draft:
    plan_id: str
    title: str
    language: str
    period: dict[str, object] | None
    description: str
    groups: list[Group]  # parents before their children, in the source's order
    measures: list[Measure]  # the top-level measures
    layout: lay.Layout
    simplified: list[str]  # what the draft simplified or added, for the reviewer
    groups_found: int
    title_is_editorial: bool = False  # the source never names itself

    @property
    def all_measures(self) -> list[Measure]:
        """Every measure, each followed by its sub-measures."""
        return [y for x in self.measures for y in (x, *x.parts)]


def _label(group: lay.Group) -> str:
    return group.kind[:1].upper() + group.kind[1:]


def _role(roles: Sequence[m.Role], stem: str) -> str | None:
    """The vocabulary's role whose id or label starts with ``stem`` («utfor»: utførende, utførande)."""
    return next((r.id for r in roles if slug(r.id).startswith(stem) or slug(r.label).startswith(stem)), None)


def _groups(found: lay.Layout, simplified: list[str]) -> dict[int, Group]:
    """The groups that hold measures (at any depth inside them) or that the source announces in a list."""
    holding = {id(g) for x in found.measures if x.group is not None for g in x.group.path}
    kept = [g for g in found.groups if g.declared_in_list or id(g) in holding]
    out: dict[int, Group] = {}
    used: set[str] = set()
    per_kind: dict[str, int] = {}
    for group in kept:
        per_kind[group.kind] = per_kind.get(group.kind, 0) + 1
        arabic = group.number and re.fullmatch(r"\d+(?:\.\d+)*", group.number)
        ident = slug(f"{group.kind}-{group.number}") if arabic else f"{slug(group.kind)}-{per_kind[group.kind]}"
        parent = out.get(id(group.parent)) if group.parent is not None else None
        if ident in used and parent is not None:  # «Delmål 1» in each goal: mal-2-delmal-1
            ident = f"{parent.id}-{ident}"
        while ident in used:
            ident += "-x"
        used.add(ident)
        made = Group(id=ident, number=group.number, label=_label(group), title=group.title, line=group.line, parent=parent,
                     goal=group.kind in _GOALS and not group.kind_is_editorial)
        if group.kind_is_editorial:
            made.editorial.append("label")
            made.notes.append(f"kilden har bare nummeret «{group.number}» over gruppen; «{made.label}» er redaksjonelt")
        out[id(group)] = made
    for group in found.groups:
        if id(group) not in out and (group.parent is None or id(group.parent) in out):
            simplified.append(f"gruppen «{group.title}» (linje {group.line}) har ingen tiltak og ble ikke tatt med")
    return out


def group_path(group: Group) -> list[Group]:
    """The groups from the top level down to ``group``."""
    return [*(group_path(group.parent) if group.parent else []), group]


def _measure_id(x: lay.Measure, group: Group, seq: int, per_group: bool, used: set[str]) -> str:
    """Readable and unique in the plan: tiltak-21, tiltak-3-1 («3.1»), tiltak-2-1 (mål 2, tiltak 1), or the
    title's first words for an unnumbered measure."""
    if x.number is None:
        candidates = [f"tiltak-{slug(' '.join(x.title.split()[:6]))}"]
    elif per_group:  # the groups' numbers from the top down («3» then «3.1» is 3-1 once): tiltak-2-1-1
        numbers: list[str] = []
        for g in group_path(group):
            if g.number and numbers and g.number.startswith(numbers[-1] + "."):
                numbers[-1] = g.number
            elif g.number:
                numbers.append(g.number)
        candidates = [f"tiltak-{slug('-'.join([*numbers, x.number]))}", f"{group.id}-tiltak-{slug(x.number)}"]
    else:
        candidates = [f"tiltak-{slug(x.number)}"]
    ident = next((c for c in candidates if c not in used), candidates[0] if x.number is None else f"tiltak-{seq}")
    while ident in used:
        ident += "-x"
    used.add(ident)
    return ident


def build(found: lay.Layout, *, plan_id: str, title: str | None, language: str, statuses: list[str], matcher: Matcher,
          roles: Sequence[m.Role] = ()) -> Draft:
    """The draft of a plan from what the layout found; ``statuses`` is the status scale's labels and ``roles``
    the vocabulary's roles (an executing or participating body gets its own role where there is one)."""
    scale = {label.casefold(): label for label in statuses}
    simplified: list[str] = []
    groups = _groups(found, simplified)
    loose = [x for x in found.measures if x.group is None or id(x.group) not in groups]
    if loose:  # the model puts a top-level measure in a group; the source gives these none
        none = Group(id="uten-gruppe", number=None, label="Tiltak", title="Tiltak uten gruppe i kilden", line=None,
                     editorial=["title", "label"],
                     notes=["redaksjonell: kilden plasserer ikke disse tiltakene i en gruppe, og et tiltak må ha en"])
        while none.id in {g.id for g in groups.values()}:
            none.id += "-x"
        first = found.measures[0] in loose
        groups = {0: none, **groups} if first else {**groups, 0: none}
        simplified.append(f"{len(loose)} tiltak står ikke under noen gruppe i kilden og ble lagt i en redaksjonell gruppe")

    written = [x.number for x in found.measures if x.number]
    per_group = len(set(written)) != len(written)  # «Mål 2, tiltak 1»: the numbers start again in each group
    ids: set[str] = {g.id for g in groups.values()}
    numbered: set[tuple[str, str]] = set()
    overview = {r.number: r for r in found.overview} if not per_group else {}
    measures: list[Measure] = []
    for seq, x in enumerate(found.measures, start=1):
        group = groups[id(x.group)] if x.group is not None and id(x.group) in groups else groups[0]
        measure = Measure(id=_measure_id(x, group, seq, per_group, ids), number=x.number, group=group, title=x.title,
                          line=x.line)
        if x.number is not None and (group.id, x.number) in numbered:
            measure.notes.append(f"kilden bruker nummeret «{x.number}» to ganger i {group.label.lower()} «{group.title}»; "
                                 "nummeret er tatt ut her: sett det inn igjen når det er rettet")
            measure.number = None
        elif x.number is not None:
            numbered.add((group.id, x.number))
        if x.group_is_guess:
            measure.notes.append(f"kilden sier ikke hvor tiltaket hører hjemme; {group.label.lower()} «{group.title}» er et "
                                 "forslag ut fra ordene i tittelen eller teksten: sjekk det")
        measures.append(measure)
        _facts(measure, x, overview.get(x.number or ""), scale, matcher, roles)
        _parts(measure, x, matcher, ids)
    description = "\n\n".join(found.intro)
    plan_period = None
    head = " ".join([found.title or "", *(t for _, t, _ in found.not_understood[:6]), *(found.intro[:1])])
    match = _PLAN_RANGE.search(head)
    if match:
        plan_period = {"start": int(match.group(1)), "end": int(match.group(2)), "text": match.group(0)}
    return Draft(plan_id=plan_id, title=title or found.title or plan_id, language=language, period=plan_period,
                 description=description, groups=list(groups.values()), measures=measures, layout=found,
                 simplified=simplified, groups_found=len(found.groups), title_is_editorial=found.title is None)


def _parts(measure: Measure, x: lay.Measure, matcher: Matcher, ids: set[str]) -> None:
    """A bullet list in which an item names its own responsible body («… (Ansvar: KS)») is a list of
    sub-measures: each item becomes one, with that body as its responsibility; the items leave the
    measure's text, which keeps its other paragraphs."""
    runs: list[list[lay.SubMeasure]] = []
    for sub in x.sub_measures:
        if runs and runs[-1][-1].index == sub.index - 1:
            runs[-1].append(sub)
        else:
            runs.append([sub])
    taken: set[int] = set()
    for run in runs:
        if not any(s.responsible for s in run):
            continue
        for sub in run:
            taken.add(sub.index)
            inner = IN_BULLET.search(sub.text) if sub.responsible else None
            title = sub.text[: inner.start()].rstrip(" ,;:–-(") if inner else sub.text
            title = title.rstrip(".") if title.count(". ") == 0 else title
            part = Measure(id=f"{measure.id}-del-{len(measure.parts) + 1}", number=None, group=None, title=title,
                           line=sub.line, parent=measure, text=sub.responsible)
            while part.id in ids:
                part.id += "-x"
            ids.add(part.id)
            part.bodies = matcher.resolve(sub.responsible)
            for name, value in (("tittel", part.title), ("ansvar", part.bodies)):
                (part.filled if value else part.missing).append(name)
            measure.parts.append(part)
    if taken:
        measure.description = markdown([b for k, b in enumerate(x.description) if k not in taken])


def _facts(measure: Measure, x: lay.Measure, row: lay.OverviewRow | None, statuses: dict[str, str], matcher: Matcher,
           roles: Sequence[m.Role]) -> None:
    cells = split_row(row, x.title, list(statuses.values()), matcher) if row else None
    if cells:
        measure.summary = cells.responsible
        if _norm(cells.title) != _norm(x.title):
            measure.overview_title = cells.title
    responsible, executing, participating = x.fact("responsible"), x.fact("executing"), x.fact("participating")
    executing_role, participating_role = _role(roles, "utfor"), _role(roles, "deltak")
    # the measure's «Ansvar:» line; with none, an executing body leads where the vocabulary has no role for it
    measure.text = responsible.value if responsible else (executing.value if executing and not executing_role else None)
    measure.bodies = matcher.resolve(measure.text or measure.summary)
    if executing and executing_role:
        measure.bodies += matcher.resolve(executing.value, executing_role)
    elif executing and responsible:
        measure.bodies += matcher.resolve(executing.value)
        measure.notes.append(f"«{executing.label}: {executing.value}»: vokabularet (vocabulary.yml) har ingen rolle for "
                             "utførende; virksomheten står som ansvarlig")
    if participating and participating_role:
        measure.bodies += matcher.resolve(participating.value, participating_role)
    elif participating:
        measure.bodies += matcher.resolve(participating.value, "samarbeidspart")
        measure.notes.append(f"«{participating.label}: {participating.value}»: vokabularet (vocabulary.yml) har ingen rolle for "
                             "deltakende; de står som samarbeidspart")
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
