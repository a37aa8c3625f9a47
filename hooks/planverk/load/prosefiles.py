"""Prose in Markdown files beside the YAML: ``plans/<plan>/<name>.md``, ``strategies/<strategy>/…``,
``news/<id>/…``.

A prose file is a Markdown text with front matter that names the entity and the field it is::

    ---
    ref: strategy:kriminalomsorgen-2021-2026
    field: introduction.text
    ---
    For å lykkes …

Its folder has the name of the data file it belongs to (``plans/gode-krefter/`` holds texts of
``plans/gode-krefter.yml``). Before the file is validated, each text is put into the field it
names, so the schema, the model and everything after see one data tree whichever form the
text had; :attr:`File.prose <.files.File.prose>` remembers where each merged text came from, so
that an error in it names the Markdown file and its line (:class:`~.cursor.Cursor`).

Which fields may come from a file is read from the schema (``contentMediaType: text/markdown``):
a Markdown field reachable from the entity through mappings (``introduction.text`` of a strategy,
``description`` of a measure). Where each kind of entity stands in its file is :data:`PLACES`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import format_path
from ..yamlload import _CONTROL, MAX_TEXT, YamlSyntaxError, load_yaml
from .cursor import FieldPath, Report

if TYPE_CHECKING:
    from .files import File

# Where each kind of entity stands in the data of its file, by layout folder: a ref
# ``kind:<file id>/<id>/<id>`` walks these steps; a step is the keys down to a list (whose item
# with the next id of the ref is taken) or, last and without a list, the keys down to a mapping.
Step = tuple[tuple[str, ...], bool]  # (keys, the keys lead to a list whose item is chosen by id)
PLACES: dict[str, dict[str, tuple[Step, ...]]] = {
    "plans": {
        "plan": (),
        "group": ((("groups",), True),),
        "measure": ((("measures",), True),),
    },
    "strategies": {
        "strategy": (),
        "mission": ((("mission",), False),),
        "vision": ((("vision",), False),),
        "drivers": ((("drivers",), False),),
        "value": ((("values", "items"), True),),
        "service-goal": ((("service_goals", "items"), True),),
        "user-goal": ((("user_goals", "items"), True),),
        "focus-area": ((("focus_areas", "items"), True),),
        "area": ((("areas", "items"), True),),
        "goal": ((("areas", "items"), True), (("goals",), True)),
        "section": ((("sections",), True),),
    },
    "news": {"news": ()},
}
FOLDERS = frozenset(PLACES)

_KEYS = ("ref", "field")
_REF = re.compile(r"([a-z-]+):([a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*)")
_FIELD = re.compile(r"[a-z_]+(?:\.[a-z_]+)*")
_FENCE = re.compile(r"---[ \t]*")


@dataclass(frozen=True, slots=True)
class ProseFile:
    """One Markdown file, read: what its front matter names and its text."""

    path: Path
    name: str  # as messages show it: data/plans/x/innledning.md
    ref: str
    field: str  # dotted: introduction.text
    text: str  # the body, ending in one line break (as a YAML ``|`` block gives it)
    line: int  # the line of the body's first line
    ref_line: int
    field_line: int


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a merged text came from (kept per field path in :attr:`File.prose`)."""

    file: ProseFile

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def line(self) -> int:
        return self.file.line

    @property
    def field(self) -> str:
        return self.file.field


def data_file_of(name: str) -> str | None:
    """The data file a prose file belongs to (``data/plans/x/om.md`` -> ``data/plans/x.yml``), or None."""
    parts = name.split("/")
    if len(parts) == 4 and parts[1] in FOLDERS and parts[3].endswith(".md"):
        return f"{parts[0]}/{parts[1]}/{parts[2]}.yml"
    return None


def read(path: Path, name: str, text: str, report: Report) -> ProseFile | None:
    """The prose file ``name`` with ``text`` (UTF-8, line breaks already ``\\n``); its problems go
    to ``report`` and give None."""
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        report.add(name, f"kontrolltegnet U+{ord(control.group()):04X} (usynlig) står på linjen; fjern det (det kommer "
                         f"ofte med tekst limt inn fra andre programmer)", line=line)
        return None
    lines = text.split("\n")
    expected = ("forventet at filen begynner med en linje ---, så «ref: …» og «field: …» på hver sin linje, så en linje "
                "--- og deretter teksten")
    if not lines or not _FENCE.fullmatch(lines[0]):
        report.add(name, f"filen mangler innledningen som sier hvilken tekst den er (front matter); fant {lines[0][:60]!r}; "
                         f"{expected}", line=1)
        return None
    end = next((i for i in range(1, len(lines)) if _FENCE.fullmatch(lines[i])), None)
    if end is None:
        report.add(name, f"innledningen (front matter) avsluttes aldri; {expected}", line=1)
        return None
    try:
        head = load_yaml("\n".join(lines[1:end]))
    except YamlSyntaxError as exc:
        report.add(name, f"i innledningen: {exc}", line=exc.line + 1 if exc.line else 1)
        return None
    found = head.data
    bad = False
    for line, fpath, message in head.problems:
        report.add(name, message, path=fpath, line=line + 1)
        bad = True
    if not isinstance(found, dict):
        report.add(name, f"innledningen har ikke feltene ref og field; {expected}", line=2)
        return None
    for key in found:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), _KEYS, n=1)
            hint = f" (mente du {close[0]}?)" if close else ""
            report.add(name, f"ukjent felt '{key}'{hint} i innledningen; forventet bare ref og field", path=(str(key),),
                       line=(head.line((key,)) or 1) + 1)
            bad = True
    for key, shape, example in (("ref", _REF, "plan:gode-krefter, measure:gode-krefter/tiltak-21"),
                                ("field", _FIELD, "description, introduction.text")):
        value = found.get(key)
        if value is None:
            report.add(name, f"innledningen mangler {key}; forventet for eksempel «{key}: {example.split(', ')[0]}»", line=2)
            bad = True
        elif not isinstance(value, str) or not shape.fullmatch(value):
            report.add(name, f"fant {value!r}; forventet en verdi som {example}", path=(key,), line=(head.line((key,)) or 1) + 1)
            bad = True
    body_lines = lines[end + 1:]
    skipped = 0
    while skipped < len(body_lines) and not body_lines[skipped].strip():
        skipped += 1
    body = "\n".join(body_lines[skipped:]).rstrip()
    first = end + 2 + skipped
    if not body:
        report.add(name, "teksten er tom; skriv teksten under innledningen, eller slett filen", line=end + 1)
        bad = True
    elif len(body) > MAX_TEXT:
        report.add(name, f"teksten er for lang: {len(body):,} tegn; høyst {MAX_TEXT:,} tegn i ett felt".replace(",", " "), line=first)
        bad = True
    if bad:
        return None
    return ProseFile(path=path, name=name, ref=found["ref"], field=found["field"], text=body + "\n", line=first,
                     ref_line=(head.line(("ref",)) or 1) + 1, field_line=(head.line(("field",)) or 1) + 1)


def place(folder: str, data: Any, ref: str, ids: dict[int, dict[Any, int]] | None = None) -> tuple[FieldPath | None, str | None]:
    """The path of the entity ``ref`` in ``data`` (a file of layout ``folder``), or None and why not.

    ``ids`` caches each list's id -> position (by the list's identity) across the calls of one
    merge: a text per measure at 10,000 measures must not scan the list for each."""
    kind, _, rest = ref.partition(":")
    kinds = PLACES[folder]
    if kind not in kinds:
        return None, f"en tekst i {folder}/ kan høre til {', '.join(f'{k}:' for k in kinds)}, ikke {kind}:"
    own, *wanted_ids = rest.split("/")
    steps = kinds[kind]
    wanted = sum(1 for _, listed in steps if listed)
    if len(wanted_ids) != wanted:
        shape = "/".join(["<id>"] * (wanted + 1))
        return None, f"en {kind}-ref har formen {kind}:{shape}"
    if not isinstance(data, dict) or data.get("id") != own:
        have = data.get("id") if isinstance(data, dict) else None
        return None, f"den nevner '{own}', men mappen hører til datafilen med id '{have}'; flytt filen til {folder}/{own}/"
    path: FieldPath = ()
    node: Any = data
    names = iter(wanted_ids)
    for keys, listed in steps:
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
            path += (key,)
        if not listed:
            if not isinstance(node, dict):
                return None, f"datafilen har ingen {'.'.join(keys)}-blokk; legg den inn der (tittel, kilde) først"
            continue
        ident = next(names)
        items = node if isinstance(node, list) else []
        if ids is None:
            ids = {}
        if id(items) not in ids:  # the first of a repeated id, as the registry's first definition
            ids[id(items)] = {}
            for i, x in enumerate(items):
                if isinstance(x, dict):
                    ids[id(items)].setdefault(x.get("id"), i)
        index = ids[id(items)].get(ident)
        if index is None:
            known = [str(x.get("id")) for x in items if isinstance(x, dict)]
            close = difflib.get_close_matches(ident, known, n=2)
            hint = f" (mente du {' eller '.join(repr(c) for c in close)}?)" if close else ""
            return None, f"fant ingen '{ident}' i {format_path(path)}{hint}"
        node = items[index]
        path += (index,)
    return path, None


def fields_at(markdown: frozenset[tuple[str, ...]], entity: FieldPath) -> list[str]:
    """The Markdown fields (dotted) reachable through mappings from the entity at ``entity``."""
    pattern = tuple("*" if isinstance(p, int) else p for p in entity)
    return sorted(".".join(p[len(pattern):]) for p in markdown
                  if len(p) > len(pattern) and p[:len(pattern)] == pattern and "*" not in p[len(pattern):])


def merge(file: File, texts: list[ProseFile], markdown: frozenset[tuple[str, ...]], report: Report) -> None:
    """Put each text into the field it names in ``file``'s data; every problem to ``report``."""
    folder = file.path.parent.name
    data = file.loaded.data
    taken: dict[FieldPath, ProseFile] = {}
    ids: dict[int, dict[Any, int]] = {}
    for t in texts:
        entity, why = place(folder, data, t.ref, ids)
        if entity is None:
            report.add(t.name, f"ukjent ref '{t.ref}': {why}", path=("ref",), line=t.ref_line)
            continue
        allowed = fields_at(markdown, entity)
        if t.field not in allowed:
            report.add(t.name, f"'{t.field}' er ikke et Markdown-felt på {t.ref}; forventet "
                               f"{'ett av: ' + ', '.join(allowed) if allowed else 'ingen (denne typen har ingen tekstfelt)'}",
                       path=("field",), line=t.field_line)
            continue
        keys = tuple(t.field.split("."))
        parent: Any = data
        for k in entity:
            parent = parent[k]
        for k in keys[:-1]:
            if not isinstance(parent.get(k), dict):
                block = ".".join(keys[:keys.index(k) + 1])
                report.add(t.name, f"{t.ref} har ingen {block}-blokk i {file.name}; legg inn blokken der (med tittel og "
                                   f"kilde), så kommer teksten herfra", path=("field",), line=t.field_line)
                break
            parent = parent[k]
        else:
            target = (*entity, *keys)
            if target in taken:
                first = taken[target]
                report.add(t.name, f"{t.ref} {t.field} har allerede tekst fra {first.name}; forventet én fil per felt "
                                   f"(slå dem sammen, eller slett den ene)", path=("field",), line=t.field_line)
                continue
            if keys[-1] in parent:
                line = file.loaded.line(target)
                report.add(t.name, f"{t.ref} {t.field} står også i {file.name} (linje {line}); en tekst står enten i "
                                   f"datafilen eller i en Markdown-fil: fjern den ene", path=("field",), line=t.field_line)
                continue
            taken[target] = t
            parent[keys[-1]] = t.text
    file.prose = {path: Origin(t) for path, t in taken.items()}


def relocate(file: File) -> None:
    """After internal data is removed (list items move), find each merged text's field again."""
    if not file.prose:
        return
    folder = file.path.parent.name
    moved = {}
    ids: dict[int, dict[Any, int]] = {}
    for origin in file.prose.values():
        entity, _ = place(folder, file.data, origin.file.ref, ids)
        if entity is not None:
            moved[(*entity, *origin.field.split("."))] = origin
    file.prose = moved


def merged(path: Path) -> tuple[Any, dict[FieldPath, str]]:
    """The data file ``path`` (``data/plans/x.yml``) with the texts of its prose files in place, as
    the loader reads it, and the Markdown file (as messages name it) of each merged field. For
    tools that read one data file (the fidelity checks); the loader is what validates: a problem
    here raises ValueError with its messages."""
    from ..schema import Schemas
    from .files import LAYOUT, File, display, read_text

    root = path.parent.parent
    report = Report()
    text = read_text(display(root, path), path, report)
    loaded = load_yaml(text or "")
    folder = path.with_suffix("")
    if folder.is_dir() and path.parent.name in FOLDERS:
        texts = [t for p in sorted(folder.glob("*.md")) if (raw := read_text(n := display(root, p), p, report)) is not None
                 if (t := read(p, n, raw, report)) is not None]
        file = File(path=path, name=display(root, path), schema="", loaded=loaded, data=loaded.data)
        merge(file, texts, Schemas(root / "schema").markdown_paths(LAYOUT[path.parent.name]), report)
        origins = {p: o.name for p, o in file.prose.items()}
    else:
        origins = {}
    if report.errors:
        raise ValueError("\n".join(map(str, report.errors)))
    return loaded.data, origins
