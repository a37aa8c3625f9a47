"""Data errors that name the culprit: file, line, field path, what was found, what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DataError:
    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class DataErrors(Exception):
    """All errors of one load, reported together."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.path, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} feil i dataene:"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])


def format_path(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """('measures', 23, 'status') -> 'measures[23].status'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
