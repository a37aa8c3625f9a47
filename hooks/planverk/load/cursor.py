"""Where a problem is, and the report that collects the problems of one load.

A :class:`Cursor` is a data file and a field path in it (``measures[3].period.end``):
``cur.at("period", "end")`` walks down, ``cur.error(message)`` reports there, with the
line the YAML loader recorded for that path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import DataError, format_path

if TYPE_CHECKING:
    from .files import File

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A reference that did not resolve: the index of its error in the report, the ref of
    the target (when one can be named), what kind of target, and the key as written. A
    public build uses them to say when the target exists but is internal."""

    index: int
    ref: str | None
    what: str
    key: str


@dataclass
class Report:
    """Every problem of one load, collected so that they are reported together."""

    errors: list[DataError] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)

    def add(self, file: str, message: str, *, path: FieldPath = (), line: int | None = None) -> None:
        self.errors.append(DataError(file, line, format_path(path), message))

    def unresolved_ref(self, ref: str | None, what: str, key: str) -> None:
        """Mark the next error as an unresolved reference (call just before reporting it)."""
        self.unresolved.append(Unresolved(len(self.errors), ref, what, key))


@dataclass(frozen=True, slots=True)
class Cursor:
    report: Report
    file: File
    path: FieldPath = ()

    def at(self, *parts: str | int) -> Cursor:
        return Cursor(self.report, self.file, self.path + parts)

    @property
    def line(self) -> int | None:
        origin = self.file.prose.get(self.path)
        return origin.line if origin else self.file.loaded.line(self.path)

    @property
    def where(self) -> str:
        """``data/plans/x.yml:12``, as messages name another place."""
        origin = self.file.prose.get(self.path)
        return f"{origin.name if origin else self.file.name}:{self.line}"

    def line_in(self, text: str, offset: int) -> int | None:
        """The line of ``offset`` within the text value at this path (in its Markdown file, if it
        came from one)."""
        origin = self.file.prose.get(self.path)
        if origin:
            return origin.line + text.count("\n", 0, offset)
        return self.file.loaded.line_in(self.path, text, offset)

    def error(self, message: str, line: int | None = None) -> None:
        """Report at this path; a text from a Markdown file is reported there, at its field."""
        origin = self.file.prose.get(self.path)
        if origin:
            self.report.add(origin.name, message, path=(origin.field,), line=line if line is not None else origin.line)
            return
        self.report.add(self.file.name, message, path=self.path, line=line if line is not None else self.line)
