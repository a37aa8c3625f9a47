"""JSON Schema validation of data files, with messages that say what was found and expected.

The schemas live in ``data/schema``; files name theirs in a ``# yaml-language-server`` line
so an editor validates while one types. Properties marked ``"x-internal": true`` (and any
object with ``internal: true``) are internal-only; :func:`strip_internal` removes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, cast

import fastjsonschema
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .schema_words import explain, type_name

_BASE = "https://planverk.invalid/schema/"


class Schemas:
    """The schema set of one data folder."""

    def __init__(self, folder: Path, paths: list[Path] | None = None):
        """The schemas in ``folder``; only ``paths`` when given (the loader's checked list)."""
        self.folder = folder
        self._raw: dict[str, dict[str, Any]] = {}
        self.problems: list[tuple[str, int | None, str]] = []  # (file name, line, message) of unreadable schemas
        # What each pattern asks for, in the schemas' own Norwegian: the description next to the pattern
        # (before a $ref merges a field's own description over it). Keyed by the pattern as validated.
        self._pattern_help: dict[str, str] = {}
        for path in sorted(paths if paths is not None else folder.glob("*.schema.json")):
            try:
                schema = json.loads(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                line = getattr(exc, "lineno", None)
                self.problems.append((path.name, line, f"ikke gyldig JSON: {getattr(exc, 'msg', exc)}"))
                continue
            if not isinstance(schema, dict):
                self.problems.append((path.name, 1, f"fant {type_name(schema)}, forventet et JSON-objekt (et skjema)"))
                continue
            schema["$id"] = _BASE + path.name  # base for relative $refs; the files stay editor-friendly
            self._pattern_help.update(_pattern_descriptions(schema))
            _whole_string_patterns(schema)
            self._raw[path.name] = schema
        self._registry = Registry().with_resources(
            (_BASE + name, Resource.from_contents(schema)) for name, schema in self._raw.items()
        )
        self._validators: dict[str, Draft202012Validator] = {}
        self._fast: dict[str, Any] = {}
        self._markdown: dict[str, frozenset[tuple[str, ...]]] = {}

    def names(self) -> list[str]:
        return sorted(self._raw)

    def validator(self, name: str) -> Draft202012Validator:
        if name not in self._validators:
            # Validate against the schema with its $refs inlined: resolving a $ref through the
            # registry on every value cost 2/3 of the load time at 10,000 measures.
            self._validators[name] = Draft202012Validator(self._inlined(name), registry=self._registry)
        return self._validators[name]

    def _is_valid(self, name: str, data: Any) -> bool:
        if name not in self._fast:
            schema = {k: v for k, v in self._inlined(name).items() if k not in ("$schema", "$id", "$defs")}
            try:
                self._fast[name] = fastjsonschema.compile(schema)
            except fastjsonschema.JsonSchemaDefinitionException:
                self._fast[name] = None
        fast = self._fast[name]
        if fast is None:
            return False  # no fast path: let jsonschema decide
        try:
            fast(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    def _inlined(self, name: str) -> dict[str, Any]:
        def resolve(node: Any, base: str, depth: int) -> Any:
            if isinstance(node, list):
                return [resolve(v, base, depth) for v in node]
            if not isinstance(node, dict):
                return node
            if isinstance(node.get("$ref"), str) and depth < 20:
                file, _, pointer = node["$ref"].partition("#")
                target_name = file or base
                target: Any = self._raw.get(target_name)
                if target is None:
                    return node  # left for the registry (and its error)
                for part in [p for p in pointer.split("/") if p]:
                    target = target[part]
                merged = {**resolve(target, target_name, depth + 1), **{k: v for k, v in node.items() if k != "$ref"}}
                return resolve(merged, target_name, depth + 1)
            return {k: resolve(v, base, depth) for k, v in node.items()}

        return cast(dict[str, Any], resolve(self._raw[name], name, 0))

    def errors(self, name: str, data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """(path, message) for every schema violation, deepest first.

        A compiled validator answers "valid?" about 5x faster than jsonschema; only for an
        invalid file does jsonschema walk it again to explain every violation.
        """
        if self._is_valid(name, data):
            return
        for error in sorted(self.validator(name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
            yield from explain(error, self._pattern_help)

    def markdown_paths(self, name: str) -> frozenset[tuple[str, ...]]:
        """The paths of the Markdown fields (``contentMediaType: text/markdown``) of schema ``name``,
        ``"*"`` standing for any list item: ``("measures", "*", "description")``. Internal fields
        (``x-internal``) are left out."""
        if name not in self._markdown:
            found: set[tuple[str, ...]] = set()
            _markdown_paths(self._inlined(name), (), found, 0)
            self._markdown[name] = frozenset(found)
        return self._markdown[name]

    @cached_property
    def internal_fields(self) -> dict[str, frozenset[str]]:
        """For each schema, which property names anywhere in it are internal-only."""
        return {name: frozenset(_internal_names(schema, self._raw)) for name, schema in self._raw.items()}


def _markdown_paths(node: Any, path: tuple[str, ...], out: set[tuple[str, ...]], depth: int) -> None:
    if not isinstance(node, dict) or depth > 40:
        return
    if node.get("contentMediaType") == "text/markdown":
        out.add(path)
    for key, sub in (node.get("properties") or {}).items():
        if isinstance(sub, dict) and not sub.get("x-internal"):
            _markdown_paths(sub, (*path, key), out, depth + 1)
    _markdown_paths(node.get("items"), (*path, "*"), out, depth + 1)
    for combined in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(combined) or ():
            _markdown_paths(sub, path, out, depth + 1)


def _pattern_descriptions(node: Any) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        pattern, description = node.get("pattern"), node.get("description")
        if isinstance(pattern, str) and isinstance(description, str):
            whole = pattern[:-1] + "\\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
            yield pattern, description
            yield whole, description
        for value in node.values():
            yield from _pattern_descriptions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _pattern_descriptions(value)


def _whole_string_patterns(node: Any) -> None:
    r"""Make every ``pattern`` that ends in ``$`` match the whole string, in place.

    In Python's re (jsonschema and fastjsonschema use it) ``$`` also matches before a final
    newline, so ``"tiltak-1\n"`` passed ``^[a-z0-9-]+$``; ``\Z`` does not. The files keep
    ``$``, which editors (JavaScript regular expressions) read correctly.
    """
    if isinstance(node, dict):
        pattern = node.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("$") and not pattern.endswith("\\$"):
            node["pattern"] = pattern[:-1] + "\\Z"
        for value in node.values():
            _whole_string_patterns(value)
    elif isinstance(node, list):
        for value in node:
            _whole_string_patterns(value)


def _internal_names(node: Any, raw: dict[str, dict[str, Any]]) -> Iterator[str]:
    if isinstance(node, dict):
        for key, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and sub.get("x-internal"):
                yield key
        for value in node.values():
            yield from _internal_names(value, raw)
    elif isinstance(node, list):
        for value in node:
            yield from _internal_names(value, raw)


def strip_internal(data: Any, internal_fields: frozenset[str]) -> Any:
    """A copy of ``data`` without internal entities (``internal: true``) and internal fields."""
    if isinstance(data, dict):
        return {
            key: strip_internal(value, internal_fields)
            for key, value in data.items()
            if key not in internal_fields and not (isinstance(value, dict) and value.get("internal") is True)
        }
    if isinstance(data, list):
        return [strip_internal(v, internal_fields) for v in data if not (isinstance(v, dict) and v.get("internal") is True)]
    return data

