"""Load data/ into a :class:`~planverk.model.Corpus`: parse, validate, resolve, check.

Every problem of a run is collected and raised together as :class:`DataErrors`, each naming
file, line, field path, what was found and what was expected. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from . import model as m
from . import urls
from .errors import DataError, DataErrors, format_path
from .schema import Schemas, strip_internal
from .prose import link_targets
from .yamlload import Loaded, YamlSyntaxError, load_yaml

AUDIENCES = ("public", "internal")
_SCHEMA_LINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)")
# Prose is rendered to HTML in the core (prose.py), where MkDocs does not rewrite links:
# only absolute web and mail addresses, and anchors, are allowed.
_SAFE_URL = re.compile(r"(https?://|mailto:|#)", re.I)  # used with .match: the start of the target
_FOOTNOTE_MARK = re.compile(r"\[\^(\d{1,6})\]")  # as prose.py renders them
_LONG_FOOTNOTE_MARK = re.compile(r"\[\^\d{7,}\]")

# Which schema each kind of file must use (folder or file name -> schema file).
_LAYOUT: dict[str, str] = {
    "vocabulary.yml": "vocabulary.schema.json",
    "documents.yml": "documents.schema.json",
    "organisations.yml": "organisations.schema.json",
    "glossary.yml": "glossary.schema.json",
    "themes.yml": "themes.schema.json",
    "strategies": "strategy.schema.json",
    "plans": "plan.schema.json",
    "reports": "report.schema.json",
    "news": "news.schema.json",
    "relations": "relations.schema.json",
    "errata": "errata.schema.json",
}

T = TypeVar("T")

# Page names a plan or strategy folder already uses (see urls.py): ids must not take them.
_KIND_WORD = {"org": "organisasjonen", "strategy": "strategien", "value": "verdien", "service-goal": "tjenestemålet",
              "user-goal": "brukermålet", "focus-area": "satsingsområdet", "area": "området", "goal": "målet",
              "section": "teksten", "plan": "planen", "package": "tiltaksgruppen", "measure": "tiltaket", "news": "nyheten",
              "theme": "temaet"}
_RESERVED_STRATEGY_PAGES = frozenset({"index", "samfunnsoppdrag", "visjon", "drivkrefter", "verdier", "tjenestemal",
                                      "brukermal", "satsingsomrader", "omrader", "utskrift"})


@dataclass
class _File:
    path: Path
    name: str  # as shown in messages, e.g. data/plans/gode-krefter.yml
    schema: str
    loaded: Loaded
    data: Any = None  # after internal stripping
    internal: bool = False  # `internal: true` at the top: the whole file is internal


@dataclass
class _Ctx:
    root: Path
    audience: str
    errors: list[DataError] = field(default_factory=list)
    # (file name, entity path) of items already reported as duplicate ids, so that the
    # registry does not report the same duplicate again
    duplicates: set[tuple[str, tuple[str | int, ...]]] = field(default_factory=set)
    # references that did not resolve: (index in errors, ref of the target, what, key), so
    # that a public build can say when the target exists but is internal
    unresolved: list[tuple[int, str | None, str, str]] = field(default_factory=list)
    hidden: list["_File"] = field(default_factory=list)  # wholly internal files left out of a public build

    def error(self, file: _File | str, path: Iterable[str | int], message: str, line: int | None = None) -> None:
        path = tuple(path)
        if isinstance(file, _File):
            line = line if line is not None else file.loaded.line(path)
            name = file.name
        else:
            name = file
        self.errors.append(DataError(name, line, format_path(path), message))


def load(root: Path | str, audience: str = "public") -> m.Corpus:
    """Load and validate the data folder ``root`` for ``audience`` ('public' or 'internal')."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {AUDIENCES}, not {audience!r}")
    root = Path(root)
    if not root.is_dir():
        raise DataErrors([DataError(root.as_posix(), None, "", "fant ikke datamappen; forventet en mappe med vocabulary.yml, plans/, schema/ …")])
    ctx = _Ctx(root=root, audience=audience)
    survey = _survey(ctx)
    schemas = Schemas(root / "schema", survey.get("schema", []))
    for name, line, message in schemas.problems:
        ctx.error(_display(root, root / "schema" / name), (), message, line=line)
    for schema in sorted(set(_LAYOUT.values()) - set(schemas.names()) - {name for name, _, _ in schemas.problems}):
        ctx.error(_display(root, root / "schema" / schema), (), "skjemafilen mangler; datafilene som bruker den, kan ikke kontrolleres")
    files = _read_files(ctx, schemas, survey)
    if ctx.errors:
        _build_the_rest(ctx, files)
        raise DataErrors(ctx.errors)
    if audience != "internal":
        _drop_drafts(files)
    corpus = _Builder(ctx, files).build()
    if ctx.errors and ctx.audience == "public" and ctx.unresolved:
        _name_internal_targets(ctx, files)
    if ctx.errors:
        raise DataErrors(ctx.errors)
    return corpus


_UNKNOWN = {"organisation": "organisasjon", "theme": "tema", "plan": "plan", "package": "tiltaksgruppe", "document": "dokument",
            "role": "rolle"}
_WHAT = {"organisation": "organisasjonen", "theme": "temaet", "plan": "planen", "package": "tiltaksgruppen",
         "document": "dokumentet"}


def _build_the_rest(ctx: _Ctx, files: dict[str, list[_File]]) -> None:
    """After errors in some files, build the model from the files without errors, so that one
    `check` also reports what the model finds (duplicates, dates, addresses, parents …) there.

    References are not judged in this pass: their target may be in a file with errors.
    """
    broken = {e.file for e in ctx.errors}
    valid = {key: [f for f in group if f.name not in broken] for key, group in files.items()}
    rest = _Ctx(root=ctx.root, audience=ctx.audience)
    try:
        _Builder(rest, valid).build()
    except Exception:  # the model needs a file that has errors (vocabulary, documents …); those errors come first
        pass
    skip = {index for index, _, _, _ in rest.unresolved}
    ctx.errors += [e for i, e in enumerate(rest.errors) if i not in skip and e not in ctx.errors]


def _name_internal_targets(ctx: _Ctx, files: dict[str, list[_File]]) -> None:
    """Public data that points at internal data: say so, naming both ends.

    Only when a public build has unresolved references: the files are built once more as
    the internal handbook sees them, and each unresolved target found there is internal.
    """
    full = _Ctx(root=ctx.root, audience="internal")
    everything: dict[str, list[_File]] = {}
    for key, group in files.items():
        everything[key] = [_File(f.path, f.name, f.schema, f.loaded, f.loaded.data, f.internal) for f in group]
    for f in ctx.hidden:
        key = f.path.parent.name if f.path.parent != ctx.root else f.path.name
        everything.setdefault(key, []).append(_File(f.path, f.name, f.schema, f.loaded, f.loaded.data, True))
    for group in everything.values():
        group.sort(key=lambda f: f.name)
    try:
        builder = _Builder(full, everything)
        builder.build()
    except Exception:  # pragma: no cover - the internal view has errors of its own; check reports them
        return
    for index, ref, what, key in ctx.unresolved:
        if ref is None or ref not in builder.where:
            continue
        target_file, target_path = builder.where[ref]
        old = ctx.errors[index]
        ctx.errors[index] = DataError(old.file, old.line, old.path,
                                      f"{_WHAT.get(what, what)} '{key}' er intern ({target_file.name}:{target_file.loaded.line(target_path)}), "
                                      f"men dette er offentlig; offentlige data kan ikke vise til interne. Merk også dette "
                                      f"med internal: true, eller fjern henvisningen")


# --- reading and schema validation -------------------------------------------------------

MAX_FILE_BYTES = 20 * 1024 * 1024  # one data file; the 10,000-measure benchmark's largest is far below
_EXTRA_TOP = frozenset({"README.md"})  # the data editors' guide
_SOURCE_SUFFIXES = frozenset({".txt", ".md"})


def _display(root: Path, path: Path) -> str:
    try:
        return f"{root.name}/{path.relative_to(root).as_posix()}"
    except ValueError:  # pragma: no cover
        return path.as_posix()


def _survey(ctx: _Ctx) -> dict[str, list[Path]]:
    """Every entry under data/, each either taken (by layout key, "schema" or "sources") or reported.

    Only regular files inside the data folder are read: a symbolic link that leaves it, a
    linked folder, a file in an unknown folder or with an unknown ending is an error that
    names it, never silently followed or skipped.
    """
    root = ctx.root
    real_root = root.resolve()
    taken: dict[str, list[Path]] = {}
    folders = {key for key in _LAYOUT if not key.endswith(".yml")} | {"schema", "sources"}

    def regular(path: Path) -> bool:
        name = _display(root, path)
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(real_root):
                ctx.error(name, (), f"symbolsk lenke som peker ut av {root.name}/ ({target}); bare filer inne i "
                                    f"{root.name}/ leses: kopier filen inn i stedet")
                return False
            if target.is_dir():
                ctx.error(name, (), "symbolsk lenke til en mappe; forventet en vanlig mappe eller fil")
                return False
        if not path.is_file():
            if not path.is_dir():
                ctx.error(name, (), "ikke en vanlig fil; forventet en tekstfil")
            return False
        return True

    def unknown_folder(path: Path, allowed: list[str]) -> None:
        close = difflib.get_close_matches(path.name.lower(), allowed, n=1, cutoff=0.6)
        hint = f" (mente du {close[0]}/?)" if close else ""
        ctx.error(_display(root, path) + "/", (), f"ukjent mappe{hint}; filene i den blir ikke lest. Forventet bare "
                                                f"{', '.join(f'{f}/' for f in sorted(allowed))}")

    for entry in sorted(root.iterdir()):
        name = entry.name
        if entry.is_dir() and not entry.is_symlink():
            if name not in folders:
                unknown_folder(entry, sorted(folders))
                continue
            for inner in sorted(entry.iterdir()):
                if inner.is_dir() and not inner.is_symlink():
                    ctx.error(_display(root, inner) + "/", (), f"ukjent mappe; filene i den blir ikke lest. "
                                                              f"{name}/ skal bare ha filer, ingen undermapper")
                    continue
                if not regular(inner):
                    continue
                suffix = inner.suffix
                if name == "schema":
                    ok = inner.name.endswith(".schema.json")
                    expected = "skjemafiler som slutter på .schema.json"
                elif name == "sources":
                    ok = suffix in _SOURCE_SUFFIXES
                    expected = "kildetekster som slutter på .txt (eller README.md)"
                else:
                    ok = suffix == ".yml"
                    expected = "datafiler som slutter på .yml"
                if ok:
                    taken.setdefault(name, []).append(inner)
                elif suffix.lower() in (".yml", ".yaml") and name not in ("schema", "sources"):
                    ctx.error(_display(root, inner), (), f"datafiler må slutte på .yml (små bokstaver), ikke {suffix}; "
                                                         f"gi filen nytt navn")
                else:
                    ctx.error(_display(root, inner), (), f"ukjent fil; den blir ikke lest. Forventet {expected} i {name}/")
            continue
        if name in _LAYOUT or name in _EXTRA_TOP:
            if regular(entry):
                taken.setdefault(name, []).append(entry)
            continue
        if not regular(entry):
            continue
        if name.lower() in _LAYOUT or Path(name).with_suffix(".yml").name in _LAYOUT:
            ctx.error(_display(root, entry), (), f"feil navn: skal hete {Path(name).stem.lower()}.yml (små bokstaver, .yml)")
        else:
            ctx.error(_display(root, entry), (), f"ukjent fil; den blir ikke lest. Forventet i {root.name}/: "
                                                 f"{', '.join(sorted(k for k in _LAYOUT if k.endswith('.yml')))}, README.md og mappene")
    return taken


def _read_files(ctx: _Ctx, schemas: Schemas, survey: dict[str, list[Path]]) -> dict[str, list[_File]]:
    found: dict[str, list[_File]] = {}
    for key, schema in _LAYOUT.items():
        paths = survey.get(key, [])
        if key.endswith(".yml") and not paths and not (ctx.root / key).is_symlink():
            ctx.error(_display(ctx.root, ctx.root / key), (), "filen mangler; den må finnes")
        for path in paths:
            file = _read_one(ctx, schemas, path, schema)
            if file is None:
                continue
            if file.internal and ctx.audience != "internal":
                ctx.hidden.append(file)  # nothing of it reaches a public build
                continue
            found.setdefault(key, []).append(file)
    return found


def _read_one(ctx: _Ctx, schemas: Schemas, path: Path, schema: str) -> _File | None:
    name = _display(ctx.root, path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        ctx.error(name, (), f"filen er for stor: {size // (1024 * 1024)} MB; høyst {MAX_FILE_BYTES // (1024 * 1024)} MB "
                            f"per fil (del den opp)")
        return None
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark, as Windows editors write it: harmless
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start:exc.start + 1].hex().upper()
        ctx.error(name, (), f"filen er ikke UTF-8: byte 0x{bad} på linje {line} kan ikke leses. Lagre filen som UTF-8 "
                            f"(tegnsett Unicode/UTF-8 i editoren; Windows-1252/Latin-1 brukes ikke)", line=line)
        return None
    text = text.replace("\r\n", "\n")
    first = text.split("\n", 1)[0]
    declared = _SCHEMA_LINE.match(first)
    if not declared or Path(declared.group(1)).name != schema:
        ctx.error(name, (), f"første linje må være '# yaml-language-server: $schema=…/{schema}'; fant {first[:80]!r}", line=1)
    try:
        loaded = load_yaml(text)
    except YamlSyntaxError as exc:
        ctx.error(name, (), str(exc), line=exc.line)
        return None
    file = _File(path=path, name=name, schema=schema, loaded=loaded)
    for line, fpath, message in loaded.problems:
        ctx.error(file, fpath, message, line=line)
    if loaded.data is None:
        ctx.error(name, (), f"filen er tom; forventet feltene som schema/{schema} beskriver", line=1)
        return None
    if schema not in schemas.names():
        return None
    # Validate even when there are YAML problems (every error at once), but say nothing
    # more about a value that already has one: a refused `yes` is not also "not a boolean".
    reported = {tuple(fpath) for _, fpath, _ in loaded.problems}
    for fpath, message in schemas.errors(schema, loaded.data):
        if not any(tuple(fpath[:k]) in reported for k in range(len(fpath) + 1)):
            ctx.error(file, fpath, message)
    _check_dates(ctx, file, loaded.data, (), 0)
    file.internal = isinstance(loaded.data, dict) and loaded.data.get("internal") is True
    file.data = loaded.data if ctx.audience == "internal" else strip_internal(loaded.data, schemas.internal_fields[schema])
    return file


_DATE_FIELDS = frozenset({"as_of", "date", "launched", "published"})  # the fields whose schema is common#/$defs/date
_DATE_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MIN_YEAR, MAX_YEAR = 1900, 2100


def _check_dates(ctx: _Ctx, file: _File, node: Any, path: tuple[str | int, ...], depth: int) -> None:
    """Dates that have the right shape must also be real: month 1–12, a day the month has, a sane year.

    Dates sit near the top of every file (report as_of, news date, documents[].date,
    introduction.date), so the walk stops three levels down.
    """
    if depth > 3:
        return
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, (dict, list)):
            _check_dates(ctx, file, value, path + (key,), depth + 1)
        elif key in _DATE_FIELDS and isinstance(value, str):
            shape = _DATE_SHAPE.fullmatch(value)
            if shape is None:
                continue  # the schema reports the shape
            year, month, day = (int(g) if g else None for g in shape.groups())
            problem = None
            if not MIN_YEAR <= year <= MAX_YEAR:  # type: ignore[operator]
                problem = f"året {year} er utenfor {MIN_YEAR}–{MAX_YEAR}"
            elif month is not None and not 1 <= month <= 12:
                problem = f"måned {month:02d} finnes ikke (1–12)"
            elif day is not None:
                try:
                    datetime.date(year, month, day)  # type: ignore[arg-type]
                except ValueError:
                    problem = f"dagen {day:02d} finnes ikke i måned {month:02d} i {year}"
            if problem:
                ctx.error(file, path + (key,), f"datoen {value!r} er ikke en ekte dato: {problem}; forventet "
                                               f"\"ÅÅÅÅ\", \"ÅÅÅÅ-MM\" eller \"ÅÅÅÅ-MM-DD\" med en dato som finnes")


def _drop_drafts(files: dict[str, list[_File]]) -> None:
    """Public and offline builds use only published reports: a draft (``draft: true``) is
    removed here, with internal data, before anything is built from it; so is a source
    document that only drafts cite (``planverk report import`` writes one per report)."""
    drafts = [f for f in files.get("reports", []) if f.data.get("draft") is True]
    if not drafts:
        return
    files["reports"] = [f for f in files["reports"] if f.data.get("draft") is not True]
    cited = {(d.data.get("source") or {}).get("document") for d in drafts} - {None}
    for file in (f for key, group in files.items() if key != "documents.yml" for f in group):
        if cited:
            cited -= set(_cited_documents(file.data))
    for file in files.get("documents.yml", []):
        if cited:
            file.data = {**file.data, "documents": [d for d in file.data["documents"] if d.get("id") not in cited]}


def _cited_documents(node: Any) -> Iterable[str]:
    """Every ``document: <id>`` in a file's data, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "document" and isinstance(value, str):
                yield value
            else:
                yield from _cited_documents(value)
    elif isinstance(node, list):
        for value in node:
            yield from _cited_documents(value)


# --- building the model ------------------------------------------------------------------


class _Builder:
    def __init__(self, ctx: _Ctx, files: dict[str, list[_File]]):
        self.ctx = ctx
        self.files = files
        self.entities: dict[str, object] = {}
        self.where: dict[str, tuple[_File, tuple[str | int, ...]]] = {}
        self._id_errors: set[tuple[str, tuple[str | int, ...]]] = set()  # (file, id path) already refused

    # helpers

    def _one(self, key: str) -> _File | None:
        found = self.files.get(key, [])
        return found[0] if found else None

    def _register(self, entity: Any, file: _File, path: tuple[str | int, ...]) -> None:
        ref = entity.ref
        if ref in self.entities:
            if (file.name, path) in self.ctx.duplicates:
                return  # already reported by _unique, with the line of the first one
            first_file, first_path = self.where[ref]
            self.ctx.error(file, path + ("id",), f"id-en er brukt før: {ref} er allerede definert i "
                                                  f"{first_file.name}:{first_file.loaded.line(first_path)}")
            return
        self.entities[ref] = entity
        self.where[ref] = (file, path)

    def _unique(self, file: _File, items: list[dict[str, Any]], path: tuple[str | int, ...], what: str) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            ident = item.get("id")
            if ident in seen:
                first = path + (seen[ident],)
                self.ctx.error(file, path + (i, "id"), f"id-en '{ident}' er brukt før: {format_path(first)} på linje "
                                                        f"{file.loaded.line(first)} har den allerede; forventet en unik id")
                self.ctx.duplicates.add((file.name, path + (i,)))
            else:
                seen[ident] = i

    _REF_PREFIX = {"organisation": "org", "theme": "theme", "plan": "plan", "document": "document"}

    def _resolve(self, table: dict[str, T], key: str | None, file: _File, path: tuple[str | int, ...], what: str,
                 ref: str | None = None) -> T | None:
        if key is None:
            return None
        if key not in table:
            prefix = self._REF_PREFIX.get(what)
            self.ctx.unresolved.append((len(self.ctx.errors), ref or (f"{prefix}:{key}" if prefix else None), what, str(key)))
            known = ", ".join(sorted(table)[:12]) + (" …" if len(table) > 12 else "")
            close = difflib.get_close_matches(str(key), list(table), n=3)
            hint = f" (mente du {' eller '.join(repr(c) for c in close)}?)" if close else ""
            self.ctx.error(file, path, f"ukjent {_UNKNOWN.get(what, what)} '{key}'{hint}; forventet en av: {known}")
            return None
        return table[key]

    def _source(self, raw: dict[str, Any] | None, file: _File, path: tuple[str | int, ...], inherit: m.Source | None) -> m.Source:
        if raw is None:
            if inherit is None:
                self.ctx.error(file, path, "mangler det påkrevde feltet 'source'")
                return m.Source(document=next(iter(self.documents.values())), page=None)
            return inherit
        doc_id = raw.get("document")
        document = inherit.document if doc_id is None and inherit else self._resolve(self.documents, doc_id, file, path + ("source", "document"), "document")
        if document is None:
            if doc_id is None:
                self.ctx.error(file, path + ("source",), "mangler 'document' (det er ingenting å arve det fra)")
            document = next(iter(self.documents.values()))
        page = raw.get("page")
        if page is not None and not document.has_pages:
            self.ctx.error(file, path + ("source", "page"), f"side {page} er oppgitt, men dokumentet '{document.id}' har ikke sidetall (has_pages: false)")
        return m.Source(document=document, page=page)

    def _themes(self, ids: list[str] | None, file: _File, path: tuple[str | int, ...]) -> tuple[m.Theme, ...]:
        found = (self._resolve(self.themes, t, file, path + ("themes", i), "theme") for i, t in enumerate(ids or []))
        return tuple(t for t in found if t is not None)

    def _org(self, key: str | None, file: _File, path: tuple[str | int, ...]) -> m.Organisation | None:
        return self._resolve(self.organisations, key, file, path, "organisation")

    def _period(self, raw: dict[str, Any] | None, file: _File, path: tuple[str | int, ...]) -> m.Period | None:
        if raw is None:
            return None
        period = m.Period(start=raw["start"], end=raw["end"], text=raw["text"])
        if period.end is not None and period.start > period.end:
            self.ctx.error(file, path + ("end",), f"perioden slutter ({period.end}) før den begynner ({period.start}); forventet start ≤ end")
        return period

    def _markdown(self, text: str | None, file: _File, path: tuple[str | int, ...]) -> str | None:
        """A prose field: every link target, as the renderer reads it, must be absolute or an anchor."""
        if text is None:
            return None
        for url in link_targets(text):
            if not _SAFE_URL.match(url):
                at = text.find(url)
                self.ctx.error(file, path, f"lenkemålet {url!r} er ikke tillatt; forventet en absolutt http(s)- eller mailto-adresse, "
                                           f"eller et #anker", line=file.loaded.line_in(path, text, max(at, 0)))
        return text

    # build

    def build(self) -> m.Corpus:
        self.vocabulary = self._vocabulary()
        self.documents = self._documents()
        self.organisations = self._organisations()
        self.themes = self._themes_table()
        self.terms = self._terms()
        self._check_publishers()
        self.strategies = {s.id: s for s in self._each("strategies", self._strategy)}
        reports = list(self._each("reports", self._report_raw))
        self.plans = {p.id: p for p in self._each("plans", lambda f: self._plan(f, reports))}
        self._check_report_plans(reports)
        self.news = {n.id: n for n in self._each("news", self._news)}
        relations = tuple(self._relations())
        errata = tuple(self._errata())
        self._check_addresses()
        self._check_parents()
        return m.Corpus(
            audience=self.ctx.audience,
            vocabulary=self.vocabulary,
            documents=self.documents,
            organisations=self.organisations,
            terms=self.terms,
            themes=self.themes,
            strategies=dict(sorted(self.strategies.items())),
            plans=dict(sorted(self.plans.items())),
            news=dict(sorted(self.news.items())),
            relations=relations,
            errata=errata,
            entities=self.entities,
            files={ref: f.name for ref, (f, _) in self.where.items()},
        )

    def _each(self, key: str, build: Callable[[_File], T | None]) -> Iterable[T]:
        for file in self.files.get(key, []):
            expected = file.path.stem
            if isinstance(file.data, dict) and "id" in file.data and key != "reports" and file.data["id"] != expected:
                self.ctx.error(file, ("id",), f"id '{file.data['id']}' er ulik filnavnet; forventet '{expected}'")
            result = build(file)
            if result is not None:
                yield result

    def _check_addresses(self) -> None:
        """Every page has a web address of its own: an id must not take one that a fixed page
        (index, endringer, utskrift, …) or another entity already has. Reported at the data
        file and id, so `check` finds what MkDocs would otherwise refuse at build time."""
        from .pages.base import document_page
        from .pages.plans import changes_path
        from .pages.printable import plan_print_path, strategy_print_path

        def address(md_path: str) -> str:
            return urls.url_of(md_path).rstrip("/")

        owners: dict[str, str] = {}
        for page in (urls.HOME, urls.STATUS, urls.GLOSSARY, urls.ERRATA, urls.ORGANISATIONS, urls.STRATEGIES, urls.PLANS,
                     urls.THEMES, urls.NEWS, urls.ABOUT, urls.ACCESSIBILITY, "kilder/index.md"):
            owners[address(page)] = "en fast side"
        for plan in self.plans.values():
            owners[address(changes_path(plan))] = f"planens side «endringer»"
            owners[address(plan_print_path(plan))] = f"planens utskriftsside"
        for strategy in self.strategies.values():
            owners[address(strategy_print_path(strategy))] = f"strategiens utskriftsside"

        def claim(md_path: str, who: str, file: _File, path: tuple[str | int, ...]) -> None:
            url = address(md_path)
            if url in owners:
                if (file.name, path + ("id",)) not in self._id_errors:
                    self.ctx.error(file, path + ("id",), f"{who} får nettadressen /{url}/, som {owners[url]} allerede har; "
                                                         f"velg en annen id")
                    self._id_errors.add((file.name, path + ("id",)))
            else:
                owners[url] = who

        documents = self._one("documents.yml")
        for i, doc in enumerate(self.documents.values()):
            if documents is not None:
                claim(document_page(doc), f"dokumentet '{doc.id}'", documents, ("documents", i))
        for ref, (file, path) in self.where.items():
            kind = ref.partition(":")[0]
            if kind in ("report", "term", "mission", "vision", "drivers"):
                continue  # shown on another page, or at a fixed name
            entity = self.entities[ref]
            claim(urls.page_of(ref), f"{_KIND_WORD.get(kind, kind)} '{getattr(entity, 'id', ref)}'", file, path)

    def _check_parents(self) -> None:
        """No organisation is its own parent, directly or through others."""
        file = self._one("organisations.yml")
        if file is None:
            return
        index = {o["id"]: i for i, o in enumerate(file.data["organisations"])}
        for org in self.organisations.values():
            chain = [org.id]
            parent = org.parent_id
            while parent is not None and parent in self.organisations and parent not in chain:
                chain.append(parent)
                parent = self.organisations[parent].parent_id
            if parent == org.id:
                loop = " → ".join([*chain, org.id])
                self.ctx.error(file, ("organisations", index[org.id], "parent"),
                               f"organisasjonen er sin egen overordnede ({loop}); forventet en kjede som ender i en "
                               f"organisasjon uten parent")

    def _vocabulary(self) -> m.Vocabulary:
        file = self._one("vocabulary.yml")
        data = file.data if file else {"statuses": [], "roles": [], "relation_kinds": []}
        statuses = tuple(m.Status(id=s["id"], label=s["label"], description=s["description"], done=s["done"], rank=i,
                                  progress=s.get("progress", "ukjent"))
                         for i, s in enumerate(data["statuses"]))
        roles = tuple(m.Role(id=r["id"], label=r["label"], description=r["description"]) for r in data["roles"])
        kinds = tuple(m.RelationKind(id=k["id"], label=k["label"], inverse_label=k["inverse_label"]) for k in data["relation_kinds"])
        return m.Vocabulary(statuses=statuses, roles=roles, relation_kinds=kinds)

    def _documents(self) -> dict[str, m.Document]:
        file = self._one("documents.yml")
        out: dict[str, m.Document] = {}
        if not file:
            return out
        self._unique(file, file.data["documents"], ("documents",), "document")
        for i, d in enumerate(file.data["documents"]):
            if not (self.ctx.root / "sources" / d["file"]).exists():
                self.ctx.error(file, ("documents", i, "file"), f"kildeteksten '{d['file']}' finnes ikke i {self.ctx.root.name}/sources/")
            out[d["id"]] = m.Document(id=d["id"], title=d["title"], kind=d["kind"], publisher_id=d["publisher"], date=d["date"],
                                      file=d["file"], has_pages=d["has_pages"], extraction_note=d.get("extraction_note"))
        return out

    def _check_publishers(self) -> None:
        file = self._one("documents.yml")
        for i, d in enumerate(file.data["documents"] if file else []):
            self._org(d["publisher"], file, ("documents", i, "publisher"))

    def _organisations(self) -> dict[str, m.Organisation]:
        file = self._one("organisations.yml")
        out: dict[str, m.Organisation] = {}
        if not file:
            return out
        items = file.data["organisations"]
        self._unique(file, items, ("organisations",), "organisation")
        for i, o in enumerate(items):
            path = ("organisations", i)
            org = m.Organisation(
                id=o["id"], abbreviation=o.get("abbreviation"), name=o["name"], kind=o["kind"], parent_id=o.get("parent"),
                former_names=tuple(m.FormerName(name=f["name"], source=self._source(f["source"], file, path + ("former_names", j), None))
                                   for j, f in enumerate(o.get("former_names", []))),
                other_names=tuple(o.get("other_names", [])), expansion_is_editorial=o.get("expansion_is_editorial", False),
                internal=o.get("internal", False), source=self._source(o["source"], file, path, None))
            out[org.id] = org
            self._register(org, file, path)
        for i, o in enumerate(items):
            if o.get("parent") is not None:
                self._resolve(out, o["parent"], file, ("organisations", i, "parent"), "organisation")
        return out

    def _themes_table(self) -> dict[str, m.Theme]:
        file = self._one("themes.yml")
        out: dict[str, m.Theme] = {}
        if not file:
            return out
        self._unique(file, file.data["themes"], ("themes",), "theme")
        for i, t in enumerate(file.data["themes"]):
            theme = m.Theme(id=t["id"], title=t["title"], description=t["description"])
            out[theme.id] = theme
            self._register(theme, file, ("themes", i))
        return out

    def _terms(self) -> dict[str, m.Term]:
        out: dict[str, m.Term] = {}
        file = self._one("glossary.yml")
        for org in self.organisations.values():
            if org.abbreviation and org.abbreviation != org.name:
                out[org.id] = m.Term(id=org.id, term=org.abbreviation, expansion=org.name, description=None,
                                     expansion_is_editorial=org.expansion_is_editorial, source=org.source, organisation_id=org.id)
        if file:
            self._unique(file, file.data["terms"], ("terms",), "term")
            spelled = {t.term: t for t in out.values()}
            for i, t in enumerate(file.data["terms"]):
                path = ("terms", i)
                if t["id"] in out or t["term"] in spelled:
                    self.ctx.error(file, path + ("term",), f"'{t['term']}' er allerede forkortelsen til en organisasjon; definer den én gang, i organisations.yml")
                    continue
                term = m.Term(id=t["id"], term=t["term"], expansion=t["expansion"], description=t.get("description"),
                              expansion_is_editorial=t.get("expansion_is_editorial", False), source=self._source(t["source"], file, path, None))
                out[term.id] = term
        for term in out.values():
            self.entities[term.ref] = term
        return dict(sorted(out.items(), key=lambda kv: kv[1].term.casefold()))

    # strategies

    def _strategy(self, file: _File) -> m.Strategy | None:
        d = file.data
        sid = d["id"]
        src = self._source(d["source"], file, (), None)
        owner = self._org(d["owner"], file, ("owner",))

        def source_of(raw: dict[str, Any], path: tuple[str | int, ...]) -> m.Source:
            return self._source(raw.get("source"), file, path, src)

        def md(text: str | None, path: tuple[str | int, ...]) -> str | None:
            return self._markdown(text, file, path)

        intro = None
        if "introduction" in d:
            i = d["introduction"]
            sig = i.get("signatory")
            intro = m.Introduction(title=i.get("title"), text=md(i["text"], ("introduction", "text")), closing=i.get("closing"),
                                   place=i.get("place"), date=i.get("date"),
                                   signatory=m.Signatory(name=sig["name"], title=sig.get("title")) if sig else None,
                                   source=source_of(i, ("introduction",)))
        mission = None
        if "mission" in d:
            mission = m.Mission(strategy_id=sid, title=d["mission"]["title"], text=md(d["mission"]["text"], ("mission", "text")),
                                source=source_of(d["mission"], ("mission",)))
        vision = None
        if "vision" in d:
            v = d["vision"]
            vision = m.Vision(strategy_id=sid, title=v["title"], text=md(v.get("text"), ("vision", "text")),
                              explanations=tuple(m.TextBlock(title=e.get("title"), text=md(e["text"], ("vision", "explanations", j, "text")),
                                                             source=source_of(e, ("vision", "explanations", j)))
                                                 for j, e in enumerate(v.get("explanations", []))),
                              source=source_of(v, ("vision",)))

        def items(block: str) -> list[dict[str, Any]]:
            found = d.get(block, {}).get("items", [])
            self._unique(file, found, (block, "items"), block)
            return found

        values = tuple(m.Value(id=x["id"], strategy_id=sid, name=x["name"], statements=tuple(x["statements"]),
                               source=source_of(x, ("values", "items", j))) for j, x in enumerate(items("values")))
        service_goals = tuple(m.ServiceGoal(id=x["id"], strategy_id=sid, title=x["title"], qualities=tuple(x.get("qualities", [])),
                                            source=source_of(x, ("service_goals", "items", j))) for j, x in enumerate(items("service_goals")))
        user_goals = tuple(m.UserGoal(id=x["id"], strategy_id=sid, title=x["title"], source=source_of(x, ("user_goals", "items", j)))
                           for j, x in enumerate(items("user_goals")))
        focus_areas = tuple(m.FocusArea(id=x["id"], strategy_id=sid, title=x["title"], source=source_of(x, ("focus_areas", "items", j)))
                            for j, x in enumerate(items("focus_areas")))
        self._unique(file, d.get("sections", []), ("sections",), "section")
        for j, x in enumerate(d.get("sections", [])):
            if x["id"] in _RESERVED_STRATEGY_PAGES:
                self._id_errors.add((file.name, ("sections", j, "id")))
                self.ctx.error(file, ("sections", j, "id"), f"id-en '{x['id']}' er reservert for strategiens egen side '{x['id']}'; velg en annen id")
        sections = tuple(m.Section(id=x["id"], strategy_id=sid, title=x["title"], text=md(x["text"], ("sections", j, "text")),
                                   source=source_of(x, ("sections", j))) for j, x in enumerate(d.get("sections", [])))
        drivers = None
        if "drivers" in d:
            dv = d["drivers"]
            self._unique(file, dv["categories"], ("drivers", "categories"), "category")
            all_drivers = [x for c in dv["categories"] for x in c["items"]]
            self._unique(file, all_drivers, ("drivers", "items"), "driver")
            drivers = m.Drivers(strategy_id=sid, title=dv["title"], intro=md(dv.get("intro"), ("drivers", "intro")),
                                reconstruction=md(dv.get("reconstruction"), ("drivers", "reconstruction")),
                                categories=tuple(m.DriverCategory(id=c["id"], title=c["title"],
                                                                  drivers=tuple(m.Driver(id=x["id"], title=x["title"], category_id=c["id"]) for x in c["items"]))
                                                 for c in dv["categories"]),
                                source=source_of(dv, ("drivers",)))
        areas = []
        for j, a in enumerate(items("areas")):
            apath = ("areas", "items", j)
            asrc = source_of(a, apath)
            self._unique(file, a["goals"], apath + ("goals",), "goal")
            goals = []
            for k, g in enumerate(a["goals"]):
                self._unique(file, g["subgoals"], apath + ("goals", k, "subgoals"), "delmål")
                goals.append(m.Goal(id=g["id"], strategy_id=sid, area_id=a["id"], title=g["title"],
                                    subgoals=tuple(m.SubGoal(id=s["id"], text=s["text"]) for s in g["subgoals"]),
                                    source=self._source(g.get("source"), file, apath + ("goals", k), asrc)))
            areas.append(m.StrategicArea(id=a["id"], strategy_id=sid, title=a["title"], future=md(a.get("future"), apath + ("future",)),
                                         future_source=self._source(a["future_source"], file, apath + ("future_source",), src) if a.get("future_source") else None,
                                         goals=tuple(goals), themes=self._themes(a.get("themes"), file, apath), source=asrc))
        pyramid = d.get("pyramid", {})
        for j, layer in enumerate(pyramid.get("layers", [])):
            if layer not in d:
                self.ctx.error(file, ("pyramid", "layers", j), f"laget '{layer}' har ingen '{layer}'-blokk i denne strategien")
        if owner is None:
            return None
        strategy = m.Strategy(
            id=sid, title=d["title"], owner=owner, period=self._period(d["period"], file, ("period",)), source=src,
            themes=self._themes(d.get("themes"), file, ()), introduction=intro, mission=mission, vision=vision,
            values_intro=md(d.get("values", {}).get("intro"), ("values", "intro")), values=values,
            service_goals_intro=md(d.get("service_goals", {}).get("intro"), ("service_goals", "intro")),
            common_qualities=tuple(d.get("service_goals", {}).get("common_qualities", [])), service_goals=service_goals,
            user_goals_intro=md(d.get("user_goals", {}).get("intro"), ("user_goals", "intro")), user_goals=user_goals,
            focus_areas_intro=md(d.get("focus_areas", {}).get("intro"), ("focus_areas", "intro")), focus_areas=focus_areas,
            pyramid_description=md(pyramid.get("description"), ("pyramid", "description")), pyramid_layers=tuple(pyramid.get("layers", [])),
            sections=sections, drivers=drivers, areas_intro=md(d.get("areas", {}).get("intro"), ("areas", "intro")),
            areas_future_title=d.get("areas", {}).get("future_title"), areas=tuple(areas))
        self._register(strategy, file, ())
        for entity, path in [(mission, ("mission",)), (vision, ("vision",)), (drivers, ("drivers",))]:
            if entity is not None:
                self._register(entity, file, path)
        for group, path in [(values, "values"), (service_goals, "service_goals"), (user_goals, "user_goals"), (focus_areas, "focus_areas"), (strategy.areas, "areas")]:
            for j, entity in enumerate(group):
                self._register(entity, file, (path, "items", j))
        for j, section in enumerate(sections):
            self._register(section, file, ("sections", j))
        for j, area in enumerate(strategy.areas):
            for k, goal in enumerate(area.goals):
                self._register(goal, file, ("areas", "items", j, "goals", k))
        return strategy

    # plans and reports

    def _report_raw(self, file: _File) -> tuple[_File, dict[str, Any]]:
        return (file, file.data)

    def _plan(self, file: _File, reports: list[tuple[_File, dict[str, Any]]]) -> m.Plan | None:
        d = file.data
        pid = d["id"]
        src = self._source(d["source"], file, (), None)
        owner = self._org(d["owner"], file, ("owner",))
        self._unique(file, d["packages"], ("packages",), "package")
        self._unique(file, d["measures"], ("measures",), "measure")
        packages: dict[str, m.Package] = {}
        package_paths: list[tuple[m.Package, tuple[str | int, ...]]] = []
        for j, p in enumerate(d["packages"]):
            pkg = m.Package(id=p["id"], plan_id=pid, number=p["number"], label=p["label"], title=p["title"],
                            description=self._markdown(p.get("description"), file, ("packages", j, "description")),
                            source=self._source(p.get("source"), file, ("packages", j), src),
                            notes=self._notes(p.get("notes"), file, ("packages", j, "notes")))
            package_paths.append((pkg, ("packages", j)))
            packages.setdefault(pkg.id, pkg)
        numbers: dict[int, int] = {}
        measures = []
        measure_paths: list[tuple[m.Measure, tuple[str | int, ...]]] = []
        for j, x in enumerate(d["measures"]):
            path = ("measures", j)
            if x["number"] in numbers:
                self.ctx.error(file, path + ("number",), f"tiltaksnummeret {x['number']} er brukt før (første gang i measures[{numbers[x['number']]}])")
            numbers.setdefault(x["number"], j)
            package = self._resolve(packages, x["package"], file, path + ("package",), "package", ref=f"package:{pid}/{x['package']}")
            contacts = None
            if x.get("contacts"):
                c = x["contacts"]
                contacts = m.Contacts(text=c["text"], persons=tuple(
                    m.Person(name=p["name"], organisation=self._org(p.get("organisation"), file, path + ("contacts", "persons", k, "organisation")))
                    for k, p in enumerate(c["persons"])))
            actors = tuple(o for o in (self._org(a, file, path + ("actors", k)) for k, a in enumerate(x.get("actors", []))) if o)
            if package is None:
                continue
            measure = m.Measure(
                id=x["id"], plan_id=pid, number=x["number"], package=package, title=x["title"], overview_title=x.get("overview_title"),
                responsibility=self._responsibility(x["responsibility"], file, path + ("responsibility",)),
                actors=actors, period=self._period(x["period"], file, path + ("period",)),
                overview_period=self._period(x.get("overview_period"), file, path + ("overview_period",)),
                description=self._markdown(x["description"], file, path + ("description",)) or "",
                themes=self._themes(x.get("themes"), file, path), contacts=contacts,
                source=self._source(x.get("source"), file, path, src), notes=self._notes(x.get("notes"), file, path + ("notes",)))
            measures.append(measure)
            measure_paths.append((measure, path))
        built = sorted(((self._report(rf, rd, measures), rf) for rf, rd in reports if rd["plan"] == pid),
                       key=lambda pair: (pair[0].as_of, pair[0].id))
        plan_reports = tuple(report for report, _ in built)
        if owner is None:
            return None
        plan = m.Plan(id=pid, title=d["title"], subtitle=d.get("subtitle"), owner=owner, period=self._period(d["period"], file, ("period",)),
                      launched=d.get("launched"), description=self._markdown(d["description"], file, ("description",)) or "",
                      packages=tuple(packages.values()), measures=tuple(sorted(measures, key=lambda x: x.number)), reports=plan_reports,
                      themes=self._themes(d.get("themes"), file, ()), source=src, notes=self._notes(d.get("notes"), file, ("notes",)))
        self._register(plan, file, ())
        for pkg, path in package_paths:  # paths with each item's index in the file, for the line
            self._register(pkg, file, path)
        for measure, path in measure_paths:
            self._register(measure, file, path)
        for report, report_file in built:
            self._register(report, report_file, ())
        return plan

    def _notes(self, raw: list[dict[str, Any]] | None, file: _File, path: tuple[str | int, ...]) -> tuple[m.Note, ...]:
        """Internal notes, newest first (only the internal build has any: the field is x-internal)."""
        notes = [m.Note(date=n["date"], author=n["author"], kind=n.get("kind"),
                        text=self._markdown(n["text"], file, path + (k, "text")) or "") for k, n in enumerate(raw or [])]
        for k, note in enumerate(notes):
            try:
                datetime.date.fromisoformat(note.date)
            except ValueError:
                self.ctx.error(file, path + (k, "date"), f"datoen {note.date!r} finnes ikke i kalenderen; forventet \"ÅÅÅÅ-MM-DD\" med en dato som finnes")
        return tuple(sorted(notes, key=lambda n: n.date, reverse=True))

    def _responsibility(self, raw: dict[str, Any], file: _File, path: tuple[str | int, ...]) -> m.Responsibility:
        roles = {r.id: r for r in self.vocabulary.roles}
        parties = []
        for k, p in enumerate(raw["parties"]):
            role = self._resolve(roles, p["role"], file, path + ("parties", k, "role"), "role")
            org = self._org(p.get("org"), file, path + ("parties", k, "org"))
            if role is not None:
                parties.append(m.Party(role=role, organisation=org, text=p.get("text")))
        return m.Responsibility(summary=raw.get("summary"), text=raw.get("text"), parties=tuple(parties))

    def _report(self, file: _File, d: dict[str, Any], measures: list[m.Measure]) -> m.StatusReport:
        src = self._source(d["source"], file, (), None)
        known = {x.id for x in measures}
        statuses = {s.label: s for s in self.vocabulary.statuses}
        seen: dict[str, int] = {}
        entries = []
        for j, e in enumerate(d["entries"]):
            path = ("entries", j)
            if e["measure"] not in known:
                self.ctx.unresolved.append((len(self.ctx.errors), f"measure:{d['plan']}/{e['measure']}", "tiltaket", e["measure"]))
                self.ctx.error(file, path + ("measure",), f"ukjent tiltak '{e['measure']}' i planen '{d['plan']}'")
                continue
            if e["measure"] in seen:
                self.ctx.error(file, path + ("measure",), f"tiltaket '{e['measure']}' har allerede en post (entries[{seen[e['measure']]}])")
                continue
            seen[e["measure"]] = j
            status = statuses.get(e["status"])
            if status is None:
                self.ctx.error(file, path + ("status",), f"{e['status']!r} er ikke en av {', '.join(statuses)}")
                continue
            refs = tuple(m.Reference(number=r["number"], text=r["text"], url=r["url"]) for r in e.get("references", []))
            narrative = e.get("narrative") or ""
            for mk in _LONG_FOOTNOTE_MARK.finditer(narrative):
                self.ctx.error(file, path + ("narrative",), f"fotnotemerket {mk.group()[:12]}… har for mange sifre; forventet [^1], [^2] …",
                               line=file.loaded.line_in(path + ("narrative",), narrative, mk.start()))
            markers = {int(mk.group(1)): mk.start() for mk in reversed(list(_FOOTNOTE_MARK.finditer(narrative)))}  # first of each
            numbers = [r.number for r in refs]
            for n in sorted(set(markers) - set(numbers)):
                self.ctx.error(file, path + ("narrative",), f"fotnotemerket [^{n}] har ingen post i references; forventet en referanse med nummer {n}",
                               line=file.loaded.line_in(path + ("narrative",), narrative, markers[n]))
            for k, n in enumerate(numbers):
                if n not in markers:
                    self.ctx.error(file, path + ("references", k), f"referanse {n} er aldri merket i teksten; forventet et [^{n}]-merke")
            entries.append(m.StatusEntry(measure_id=e["measure"], status=status,
                                         narrative=self._markdown(e.get("narrative"), file, path + ("narrative",)), references=refs,
                                         source=self._source(e.get("source"), file, path, src),
                                         notes=self._notes(e.get("notes"), file, path + ("notes",)),
                                         responsibility=self._responsibility(e["responsibility"], file, path + ("responsibility",))
                                         if e.get("responsibility") else None))
        return m.StatusReport(id=d["id"], plan_id=d["plan"], title=d["title"], as_of=d["as_of"], published=d.get("published"),
                              next_update=d.get("next_update"), description=self._markdown(d.get("description"), file, ("description",)),
                              entries=tuple(entries), source=src, draft=d.get("draft") is True)

    def _check_report_plans(self, reports: list[tuple[_File, dict[str, Any]]]) -> None:
        for file, d in reports:
            if d["plan"] not in self.plans:
                self._resolve(self.plans, d["plan"], file, ("plan",), "plan")
        by_plan: dict[tuple[str, str], _File] = {}
        for file, d in reports:
            key = (d["plan"], d["as_of"])
            if key in by_plan:
                self.ctx.error(file, ("as_of",), f"planen '{d['plan']}' har allerede en rapport per {d['as_of']} ({by_plan[key].name})")
            by_plan[key] = file

    # news, relations, errata

    def _news(self, file: _File) -> m.NewsItem | None:
        d = file.data
        publisher = self._org(d["publisher"], file, ("publisher",))
        if publisher is None:
            return None
        item = m.NewsItem(id=d["id"], title=d["title"], title_is_editorial=d.get("title_is_editorial", False), date=d["date"],
                          publisher=publisher, body=self._markdown(d["body"], file, ("body",)) or "",
                          themes=self._themes(d.get("themes"), file, ()), source=self._source(d["source"], file, (), None))
        self._register(item, file, ())
        return item

    def _relations(self) -> Iterable[m.Relation]:
        kinds = {k.id: k for k in self.vocabulary.relation_kinds}
        seen: dict[tuple[str, str, str], tuple[_File, tuple[str | int, ...]]] = {}
        for file in self.files.get("relations", []):
            for j, r in enumerate(file.data["relations"]):
                path = ("relations", j)
                ok = True
                for end in ("from", "to"):
                    if r[end] not in self.entities:
                        ok = False
                        self.ctx.unresolved.append((len(self.ctx.errors), r[end], "enheten", r[end]))
                        self.ctx.error(file, path + (end,), f"henvisningen '{r[end]}' peker ikke på noen enhet")
                key = (r["from"], r["to"], r["kind"])
                if key in seen:
                    first_file, first_path = seen[key]
                    self.ctx.error(file, path, f"relasjonen {r['from']} {r['kind']} {r['to']} står to ganger "
                                               f"(også i {first_file.name}:{first_file.loaded.line(first_path)}); oppgi den én gang")
                    continue
                seen[key] = (file, path)
                if r["from"] == r["to"]:
                    self.ctx.error(file, path + ("to",), "en relasjon kan ikke peke på seg selv (from og to er like)")
                    ok = False
                if ok:
                    yield m.Relation(from_ref=r["from"], to_ref=r["to"], kind=kinds[r["kind"]], quote=r["quote"], note=r.get("note"),
                                     source=self._source(r["source"], file, path, None))

    def _errata(self) -> Iterable[m.Erratum]:
        for file in self.files.get("errata", []):
            for j, e in enumerate(file.data["errata"]):
                doc = self._resolve(self.documents, e["document"], file, ("errata", j, "document"), "document")
                if doc is not None:
                    yield m.Erratum(document=doc, page=e.get("page"), line=e.get("line"), original=e["original"],
                                    corrected=e["corrected"], kind=e["kind"], note=e.get("note"))
