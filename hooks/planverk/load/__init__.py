"""Load data/ into a :class:`~planverk.model.Corpus`: parse, validate, resolve, check.

Every problem of a run is collected and raised together as :class:`DataErrors`, each naming
file, line, field path, what was found and what was expected. Nothing here imports MkDocs.

The package, by concern: :mod:`.files` (which files, reading, YAML, schema),
:mod:`.cursor` (where a problem is), :mod:`.registry` (entities by ref, resolving),
:mod:`.convert` (field converters), :mod:`.build` (one builder per kind of file) and
:mod:`.rules` (rules across entities).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from .. import model as m
from ..errors import DataError, DataErrors
from .build import build
from .cursor import Report
from .files import File, Files, drop_drafts, read_files, schemas_of, survey

AUDIENCES = ("public", "internal")

__all__ = ["AUDIENCES", "load"]

_WHAT = {"organisation": "organisasjonen", "theme": "temaet", "plan": "planen", "group": "gruppen",
         "document": "dokumentet"}


def load(root: Path | str, audience: str = "public", *, processes: int = 1) -> m.Corpus:
    """Load and validate the data folder ``root`` for ``audience`` ('public' or 'internal');
    ``processes`` > 1 reads the files in forked processes too."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {AUDIENCES}, not {audience!r}")
    root = Path(root)
    if not root.is_dir():
        raise DataErrors(
            [DataError(root.as_posix(), None, "", "fant ikke datamappen; forventet en mappe med vocabulary.yml, plans/, schema/ …")]
        )
    report = Report()
    found = survey(root, report)
    schemas = schemas_of(root, report, found)
    files, hidden = read_files(root, audience, report, schemas, found, processes=processes)
    if report.errors:
        _build_the_rest(report, files, root, audience)
        raise DataErrors(report.errors)
    if audience != "internal":
        drop_drafts(files)
    corpus, _ = build(files, report, root, audience)
    if report.errors and audience == "public" and report.unresolved:
        _name_internal_targets(report, files, hidden, root)
    if report.errors:
        raise DataErrors(report.errors)
    return corpus


def _build_the_rest(report: Report, files: Files, root: Path, audience: str) -> None:
    """After errors in some files, build the model from the files without errors, so that one
    `check` also reports what the model finds (duplicates, dates, addresses, parents …) there.

    References are not judged in this pass: their target may be in a file with errors.
    """
    broken = {e.file for e in report.errors}
    valid = {key: [f for f in group if f.name not in broken] for key, group in files.items()}
    rest = Report()
    # the model may need a file that has errors (vocabulary, documents …): then those errors come first
    with contextlib.suppress(Exception):
        build(valid, rest, root, audience)
    skip = {u.index for u in rest.unresolved}
    report.errors += [e for i, e in enumerate(rest.errors) if i not in skip and e not in report.errors]


def _name_internal_targets(report: Report, files: Files, hidden: list[File], root: Path) -> None:
    """Public data that points at internal data: say so, naming both ends.

    Only when a public build has unresolved references: the files are built once more as
    the internal handbook sees them, and each unresolved target found there is internal.
    """
    everything: Files = {}
    for key, group in files.items():
        everything[key] = [File(f.path, f.name, f.schema, f.loaded, f.loaded.data, f.internal) for f in group]
    for f in hidden:
        key = f.path.parent.name if f.path.parent != root else f.path.name
        everything.setdefault(key, []).append(File(f.path, f.name, f.schema, f.loaded, f.loaded.data, True))
    for group in everything.values():
        group.sort(key=lambda f: f.name)
    try:
        _, registry = build(everything, Report(), root, "internal")
    except Exception:  # pragma: no cover - the internal view has errors of its own; check reports them
        return
    for u in report.unresolved:
        if u.ref is None or u.ref not in registry.where:
            continue
        target = registry.where[u.ref]
        old = report.errors[u.index]
        report.errors[u.index] = DataError(old.file, old.line, old.path,
                                           f"{_WHAT.get(u.what, u.what)} '{u.key}' er intern ({target.where}), "
                                           f"men dette er offentlig; offentlige data kan ikke vise til interne. Merk også dette "
                                           f"med internal: true, eller fjern henvisningen")
