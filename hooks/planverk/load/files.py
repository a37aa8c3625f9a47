"""Which data files there are, and reading them: bytes, UTF-8, YAML with lines, the schema.

Only regular files inside the data folder that the layout names are read; everything else
there is reported. Internal data is removed here, before any model is built from it.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..forks import in_order
from ..schema import Schemas, strip_internal
from ..yamlload import Loaded, YamlSyntaxError, load_yaml
from . import prosefiles
from .cursor import Cursor, FieldPath, Report

_SCHEMA_LINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)")

# Which schema each kind of file must use (folder or file name -> schema file).
LAYOUT: dict[str, str] = {
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


@dataclass
class File:
    path: Path
    name: str  # as shown in messages, e.g. data/plans/gode-krefter.yml
    schema: str
    loaded: Loaded
    data: Any = None  # after internal stripping
    internal: bool = False  # `internal: true` at the top: the whole file is internal
    # field path in `data` -> the Markdown file its text came from (prosefiles.py)
    prose: dict[FieldPath, prosefiles.Origin] = field(default_factory=dict)


Files = dict[str, list[File]]  # layout key -> its files, in name order


def one(files: Files, key: str) -> File | None:
    """The file of a single-file layout key (vocabulary.yml …), if it was read."""
    found = files.get(key, [])
    return found[0] if found else None


def schemas_of(root: Path, report: Report, survey: dict[str, list[Path]]) -> Schemas:
    """The schemas in data/schema/; a broken or missing one is reported."""
    schemas = Schemas(root / "schema", survey.get("schema", []))
    for name, line, message in schemas.problems:
        report.add(display(root, root / "schema" / name), message, line=line)
    for schema in sorted(set(LAYOUT.values()) - set(schemas.names()) - {name for name, _, _ in schemas.problems}):
        report.add(display(root, root / "schema" / schema), "skjemafilen mangler; datafilene som bruker den, kan ikke kontrolleres")
    return schemas


MAX_FILE_BYTES = 20 * 1024 * 1024  # one data file; the 10,000-measure benchmark's largest is far below
_EXTRA_TOP = frozenset({"README.md"})  # the data editors' guide
_SOURCE_SUFFIXES = frozenset({".txt", ".md"})


def display(root: Path, path: Path) -> str:
    """A path as messages show it: data/plans/x.yml."""
    try:
        return f"{root.name}/{path.relative_to(root).as_posix()}"
    except ValueError:  # pragma: no cover
        return path.as_posix()


def survey(root: Path, report: Report) -> dict[str, list[Path]]:
    """Every entry under data/, each either taken (by layout key, "schema" or "sources") or reported.

    Only regular files inside the data folder are read: a symbolic link that leaves it, a
    linked folder, a file in an unknown folder or with an unknown ending is an error that
    names it, never silently followed or skipped.
    """
    real_root = root.resolve()
    taken: dict[str, list[Path]] = {}
    folders = {key for key in LAYOUT if not key.endswith(".yml")} | {"schema", "sources"}

    def regular(path: Path) -> bool:
        name = display(root, path)
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(real_root):
                report.add(name, f"symbolsk lenke som peker ut av {root.name}/ ({target}); bare filer inne i "
                                    f"{root.name}/ leses: kopier filen inn i stedet")
                return False
            if target.is_dir():
                report.add(name, "symbolsk lenke til en mappe; forventet en vanlig mappe eller fil")
                return False
        if not path.is_file():
            if not path.is_dir():
                report.add(name, "ikke en vanlig fil; forventet en tekstfil")
            return False
        return True

    def unknown_folder(path: Path, allowed: list[str]) -> None:
        close = difflib.get_close_matches(path.name.lower(), allowed, n=1, cutoff=0.6)
        hint = f" (mente du {close[0]}/?)" if close else ""
        report.add(display(root, path) + "/", f"ukjent mappe{hint}; filene i den blir ikke lest. Forventet bare "
                                                f"{', '.join(f'{f}/' for f in sorted(allowed))}")

    for entry in sorted(root.iterdir()):
        name = entry.name
        if entry.is_dir() and not entry.is_symlink():
            if name not in folders:
                unknown_folder(entry, sorted(folders))
                continue
            for inner in sorted(entry.iterdir()):
                if inner.is_dir() and not inner.is_symlink():
                    if name in prosefiles.FOLDERS:
                        _prose_folder(root, inner, report, regular, taken)
                        continue
                    report.add(display(root, inner) + "/", f"ukjent mappe; filene i den blir ikke lest. "
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
                    report.add(display(root, inner), f"datafiler må slutte på .yml (små bokstaver), ikke {suffix}; "
                                                         f"gi filen nytt navn")
                else:
                    report.add(display(root, inner), f"ukjent fil; den blir ikke lest. Forventet {expected} i {name}/")
            continue
        if name in LAYOUT or name in _EXTRA_TOP:
            if regular(entry):
                taken.setdefault(name, []).append(entry)
            continue
        if not regular(entry):
            continue
        if name.lower() in LAYOUT or Path(name).with_suffix(".yml").name in LAYOUT:
            report.add(display(root, entry), f"feil navn: skal hete {Path(name).stem.lower()}.yml (små bokstaver, .yml)")
        else:
            report.add(display(root, entry), f"ukjent fil; den blir ikke lest. Forventet i {root.name}/: "
                                                 f"{', '.join(sorted(k for k in LAYOUT if k.endswith('.yml')))}, README.md og mappene")
    return taken


def _prose_folder(root: Path, folder: Path, report: Report, regular: Callable[[Path], bool], taken: dict[str, list[Path]]) -> None:
    """``plans/<plan>/`` and the like: the Markdown prose files of ``plans/<plan>.yml``."""
    name = display(root, folder) + "/"
    kind = folder.parent.name
    if not (folder.parent / f"{folder.name}.yml").is_file():
        report.add(name, f"ukjent mappe; filene i den blir ikke lest. En mappe i {kind}/ har tekstene (.md) til "
                         f"datafilen med samme navn, men {kind}/{folder.name}.yml finnes ikke")
        return
    for inner in sorted(folder.iterdir()):
        if inner.is_dir() and not inner.is_symlink():
            report.add(display(root, inner) + "/", f"ukjent mappe; filene i den blir ikke lest. {kind}/{folder.name}/ skal "
                                                      f"bare ha tekstfiler (.md), ingen undermapper")
            continue
        if not regular(inner):
            continue
        if inner.suffix == ".md":
            taken.setdefault(PROSE, []).append(inner)
        elif inner.suffix.lower() in (".md", ".markdown"):
            report.add(display(root, inner), f"tekstfiler må slutte på .md (små bokstaver), ikke {inner.suffix}; gi filen nytt navn")
        else:
            report.add(display(root, inner), f"ukjent fil; den blir ikke lest. Forventet tekstfiler som slutter på .md i "
                                                 f"{kind}/{folder.name}/")


PROSE = "prose"  # the survey's key for Markdown prose files (in folders beside their data file)


def read_files(root: Path, audience: str, report: Report, schemas: Schemas, survey: dict[str, list[Path]], *,
               processes: int = 1) -> tuple[Files, list[File]]:
    """The data files by layout key, read and validated; and the wholly internal files that a
    public build leaves out (the internal view of them names internal targets).

    ``processes`` > 1 reads the files in forked processes too (planverk/forks.py): parsing
    and validating is ~85 % of a load (3.7 of 4.3 s at 10,000 measures), file by file."""
    prose: dict[Path, list[Path]] = {}  # data file -> its prose files
    for path in survey.get(PROSE, []):
        prose.setdefault(path.parent.parent / f"{path.parent.name}.yml", []).append(path)
    jobs: list[Callable[[], list[tuple[str, File | None, list[DataError]]]]] = []
    for key, schema in LAYOUT.items():
        paths = survey.get(key, [])
        if key.endswith(".yml") and not paths and not (root / key).is_symlink():
            report.add(display(root, root / key), "filen mangler; den må finnes")
        jobs += [functools.partial(_read_job, root, audience, schemas, key, path, schema, prose.get(path, [])) for path in paths]
    found: Files = {}
    hidden: list[File] = []
    for key, file, errors in in_order(jobs, processes=processes):
        report.errors += errors
        if file is None:
            continue
        if file.internal and audience != "internal":
            hidden.append(file)  # nothing of it reaches a public build
            continue
        found.setdefault(key, []).append(file)
    return found, hidden


def _read_job(root: Path, audience: str, schemas: Schemas, key: str, path: Path, schema: str,
              prose_paths: list[Path]) -> list[tuple[str, File | None, list[DataError]]]:
    """One file read, with the errors found in it (a report of its own: the job may run in another process)."""
    report = Report()
    file = _read_one(root, audience, report, schemas, path, schema, prose_paths)
    return [(key, file, report.errors)]


def read_text(name: str, path: Path, report: Report) -> str | None:
    """A data file's text: at most MAX_FILE_BYTES, UTF-8 (a byte order mark is dropped), line
    breaks as ``\\n``; None, reported, otherwise."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        report.add(name, f"filen er for stor: {size // (1024 * 1024)} MB; høyst {MAX_FILE_BYTES // (1024 * 1024)} MB "
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
        report.add(name, f"filen er ikke UTF-8: byte 0x{bad} på linje {line} kan ikke leses. Lagre filen som UTF-8 "
                            f"(tegnsett Unicode/UTF-8 i editoren; Windows-1252/Latin-1 brukes ikke)", line=line)
        return None
    return text.replace("\r\n", "\n")


def _read_one(root: Path, audience: str, report: Report, schemas: Schemas, path: Path, schema: str,
              prose_paths: list[Path]) -> File | None:
    name = display(root, path)
    texts = [t for p in prose_paths if (raw := read_text(n := display(root, p), p, report)) is not None
             if (t := prosefiles.read(p, n, raw, report)) is not None]
    text = read_text(name, path, report)
    if text is None:
        return None
    first = text.split("\n", 1)[0]
    declared = _SCHEMA_LINE.match(first)
    if not declared or Path(declared.group(1)).name != schema:
        report.add(name, f"første linje må være '# yaml-language-server: $schema=…/{schema}'; fant {first[:80]!r}", line=1)
    try:
        loaded = load_yaml(text)
    except YamlSyntaxError as exc:
        report.add(name, str(exc), line=exc.line)
        return None
    file = File(path=path, name=name, schema=schema, loaded=loaded)
    cur = Cursor(report, file)
    for line, fpath, message in loaded.problems:
        cur.at(*fpath).error(message, line=line)
    if loaded.data is None:
        report.add(name, f"filen er tom; forventet feltene som schema/{schema} beskriver", line=1)
        return None
    if prose_paths and schema in schemas.names():
        prosefiles.merge(file, texts, schemas.markdown_paths(schema), report)
    if schema not in schemas.names():
        return None
    # Validate even when there are YAML problems (every error at once), but say nothing
    # more about a value that already has one: a refused `yes` is not also "not a boolean".
    reported = {tuple(fpath) for _, fpath, _ in loaded.problems}
    for fpath, message in schemas.errors(schema, loaded.data):
        if not any(tuple(fpath[:k]) in reported for k in range(len(fpath) + 1)):
            cur.at(*fpath).error(message)
    _check_dates(cur, loaded.data, 0)
    file.internal = isinstance(loaded.data, dict) and loaded.data.get("internal") is True
    file.data = loaded.data if audience == "internal" else strip_internal(loaded.data, schemas.internal_fields[schema])
    if audience != "internal":
        prosefiles.relocate(file)
    return file


_DATE_FIELDS = frozenset({"as_of", "date", "launched", "published"})  # the fields whose schema is common#/$defs/date
_DATE_SHAPE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MIN_YEAR, MAX_YEAR = 1900, 2100


def _check_dates(cur: Cursor, node: Any, depth: int) -> None:
    """Dates that have the right shape must also be real: month 1–12, a day the month has, a sane year.

    Dates sit near the top of every file (report as_of, news date, documents[].date,
    introduction.date), so the walk stops three levels down.
    """
    if depth > 3:
        return
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, (dict, list)):
            _check_dates(cur.at(key), value, depth + 1)
        elif key in _DATE_FIELDS and isinstance(value, str):
            shape = _DATE_SHAPE.fullmatch(value)
            if shape is None:
                continue  # the schema reports the shape
            year = int(shape.group(1))
            month, day = (int(g) if g else None for g in shape.groups()[1:])
            problem = None
            if not MIN_YEAR <= year <= MAX_YEAR:
                problem = f"året {year} er utenfor {MIN_YEAR}–{MAX_YEAR}"
            elif month is not None and not 1 <= month <= 12:
                problem = f"måned {month:02d} finnes ikke (1–12)"
            elif month is not None and day is not None:
                try:
                    datetime.date(year, month, day)
                except ValueError:
                    problem = f"dagen {day:02d} finnes ikke i måned {month:02d} i {year}"
            if problem:
                cur.at(key).error(f"datoen {value!r} er ikke en ekte dato: {problem}; forventet "
                                  f"\"ÅÅÅÅ\", \"ÅÅÅÅ-MM\" eller \"ÅÅÅÅ-MM-DD\" med en dato som finnes")


def drop_drafts(files: Files) -> None:
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
