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
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

_BASE = "https://planverk.invalid/schema/"


class Schemas:
    """The schema set of one data folder."""

    def __init__(self, folder: Path, paths: list[Path] | None = None):
        """The schemas in ``folder``; only ``paths`` when given (the loader's checked list)."""
        self.folder = folder
        self._raw: dict[str, dict[str, Any]] = {}
        self.problems: list[tuple[str, int | None, str]] = []  # (file name, line, message) of unreadable schemas
        for path in sorted(paths if paths is not None else folder.glob("*.schema.json")):
            try:
                schema = json.loads(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                line = getattr(exc, "lineno", None)
                self.problems.append((path.name, line, f"ikke gyldig JSON: {getattr(exc, 'msg', exc)}"))
                continue
            if not isinstance(schema, dict):
                self.problems.append((path.name, 1, f"fant {_type_name(schema)}, forventet et JSON-objekt (et skjema)"))
                continue
            schema["$id"] = _BASE + path.name  # base for relative $refs; the files stay editor-friendly
            _PATTERN_HELP.update(_pattern_descriptions(schema))
            _whole_string_patterns(schema)
            self._raw[path.name] = schema
        self._registry = Registry().with_resources(
            (_BASE + name, Resource.from_contents(schema)) for name, schema in self._raw.items()
        )
        self._validators: dict[str, Draft202012Validator] = {}
        self._fast: dict[str, Any] = {}

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
            yield from _explain(error)

    @cached_property
    def internal_fields(self) -> dict[str, frozenset[str]]:
        """For each schema, which property names anywhere in it are internal-only."""
        return {name: frozenset(_internal_names(schema, self._raw)) for name, schema in self._raw.items()}


# What each pattern asks for, in the schemas' own Norwegian: the description next to the pattern
# (before a $ref merges a field's own description over it). Keyed by the pattern as validated.
_PATTERN_HELP: dict[str, str] = {}


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


# How a message names a YAML value's type (bool before int: a bool is an int in Python).
_TYPE_NAMES: tuple[tuple[type, str], ...] = ((bool, "true/false"), (int, "et tall"), (float, "et desimaltall"), (str, "teksten"),
                                             (list, "en liste"), (dict, "en tabell (felt: verdi)"))


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return next((name for kind, name in _TYPE_NAMES if isinstance(value, kind)), type(value).__name__)


# JSON Schema's type names in the words _type_name uses for what was found.
_JSON_TYPES = {"object": "en tabell (felt: verdi)", "array": "en liste", "string": "tekst", "integer": "et heltall",
               "number": "et tall", "boolean": "true/false", "null": "null"}


def _found(value: Any) -> str:
    """'teksten 'tre'', 'en liste', 'null', 'true': what a value is, shown once."""
    if value is None or isinstance(value, (dict, list, bool)):
        return _short(value) if isinstance(value, bool) else _type_name(value)
    return f"{_type_name(value)} {_short(value)}"


def _short(value: Any) -> str:
    """A value as the data file writes it: 'tekst', 12, true, null."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    text = repr(value) if not isinstance(value, (dict, list)) else _type_name(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _limit(kind: str, value: Any, limit: Any) -> str:
    """minItems, maximum, minLength, uniqueItems …: what was found and what is allowed."""
    if kind in ("minItems", "maxItems") and isinstance(value, list):
        has = "er tom" if not value else f"har {_count(len(value), 'element', 'elementer')}"
        return f"listen {has}; forventet {'minst' if kind == 'minItems' else 'høyst'} {_count(limit, 'element', 'elementer')}"
    if kind == "uniqueItems" and isinstance(value, list):
        twice: list[Any] = []
        for i, v in enumerate(value):
            if v in value[:i] and v not in twice:
                twice.append(v)
        return f"listen har {', '.join(_short(v) for v in twice)} mer enn én gang; forventet hvert element én gang"
    if kind in ("minLength", "maxLength") and isinstance(value, str):
        has = "tom" if not value else f"{_short(value)} ({_count(len(value), 'tegn', 'tegn')})"
        return f"teksten er {has}; forventet {'minst' if kind == 'minLength' else 'høyst'} {_count(limit, 'tegn', 'tegn')}"
    words = {"minimum": ("for lite", "minst"), "maximum": ("for stort", "høyst"),
             "exclusiveMinimum": ("for lite", "større enn"), "exclusiveMaximum": ("for stort", "mindre enn")}
    if kind in words:
        too, bound = words[kind]
        return f"fant {_short(value)}, som er {too}; forventet {bound} {_short(limit)}"
    return f"fant {_found(value)}, som ikke passer"


def _alternatives(error: ValidationError) -> tuple[list[int], dict[int, list[ValidationError]]]:
    """For anyOf/oneOf: which alternatives the value passes, and the errors of each one that it fails."""
    failures: dict[int, list[ValidationError]] = {}
    for sub in error.context or []:
        failures.setdefault(sub.schema_path[0], []).append(sub)  # type: ignore[arg-type]
    passed = [i for i in range(len(cast(list[Any], error.validator_value))) if i not in failures]
    return passed, failures


def _only_key(alternative: Any) -> str | None:
    """The field an alternative is about (``{"required": ["org"]}`` -> "org")."""
    required = alternative.get("required") if isinstance(alternative, dict) else None
    return required[0] if isinstance(required, list) and len(required) == 1 else None


def _either(error: ValidationError) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """anyOf/oneOf in plain words: the closest alternative's own errors, or what the choice is."""
    path, value = tuple(error.absolute_path), error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    desc = schema.get("description", "")
    alternatives = list(cast(list[Any], error.validator_value))
    passed, failures = _alternatives(error)
    keys = [_only_key(a) for a in alternatives]
    if len(passed) > 1:  # oneOf: more than one fits
        if all(keys) and isinstance(value, dict):
            both = [k for k in keys if k in value]
            yield path, f"har både {' og '.join(repr(k) for k in both)}; forventet bare ett av dem. {desc}".strip()
        else:
            yield path, f"fant {_found(value)}, som passer på flere måter; forventet bare én. {desc}".strip()
        return
    if all(keys) and isinstance(value, dict) and not any(k in value for k in keys):
        yield path, f"mangler {' eller '.join(repr(k) for k in keys)}; forventet ett av dem. {desc}".strip()
        return
    # the alternatives of the right type (a table for a table, …): explain the closest one's errors
    right_type = [i for i, errs in failures.items() if not any(e.validator == "type" and not e.path for e in errs)]
    if right_type:
        closest = min(right_type, key=lambda i: len(failures[i]))
        for sub in failures[closest]:
            yield from _explain(sub)
        return
    kinds = []
    for alternative in alternatives:
        t = alternative.get("type") if isinstance(alternative, dict) else None
        for name in ([t] if isinstance(t, str) else list(t or [])):
            if _JSON_TYPES.get(name, name) not in kinds:
                kinds.append(_JSON_TYPES.get(name, name))
    expected = " eller ".join(kinds) if kinds else "noe annet"
    yield path, f"fant {_found(value)}, forventet {expected}. {desc}".strip()


def _explain(error: ValidationError) -> Iterator[tuple[tuple[str | int, ...], str]]:
    path = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    rule: Any = error.validator_value  # the schema's value for the failed keyword (jsonschema types it Any | Unset)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        yield path, f"mangler det påkrevde feltet '{missing}'"
    elif kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        for key in extra:
            yield (*path, key), f"ukjent felt '{key}'; forventet et av: {', '.join(allowed)}"
    elif kind == "type":
        expected = rule
        expected = [expected] if isinstance(expected, str) else list(expected)
        yield path, f"fant {_found(value)}, forventet {' eller '.join(_JSON_TYPES.get(t, t) for t in expected)}"
    elif kind == "enum":
        yield path, f"{_short(value)} er ikke en av {', '.join(map(str, rule))}"
    elif kind == "pattern":
        if rule in ("^[a-z0-9]+(-[a-z0-9]+)*$", "^[a-z0-9]+(-[a-z0-9]+)*\\Z"):
            yield (
                path,
                f"{_short(value)} er ikke en gyldig id; forventet små bokstaver a–z, sifre og enkle bindestreker (f.eks. 'tiltak-1')",
            )
        else:
            # the pattern's own description says the form; the field's says what it is for
            form = _PATTERN_HELP.get(rule)
            if str(rule).startswith("^https?://"):
                form = "en nettadresse som begynner med http:// eller https://, uten mellomrom"
            field = schema.get("description")
            expected = " ".join(x for x in (form, f"({field.rstrip('.')})" if field and field != form else None) if x)
            yield path, f"{_short(value)} har ikke forventet form. Forventet: {expected or 'en annen form'}"
    elif kind in ("anyOf", "oneOf"):
        yield from _either(error)
    elif kind == "const":
        yield path, f"fant {_found(value)}, forventet {_short(rule)}"
    elif kind in ("minProperties", "maxProperties") and isinstance(value, dict):
        bound = "minst" if kind == "minProperties" else "høyst"
        yield path, f"har {_count(len(value), 'felt', 'felt')}; forventet {bound} {_count(rule, 'felt', 'felt')}"
    elif kind == "multipleOf":
        yield path, f"fant {_short(value)}; forventet et tall som går opp i {_short(rule)}"
    elif kind in ("minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "minimum", "maximum",
                  "exclusiveMinimum", "exclusiveMaximum"):
        yield path, _limit(kind, value, rule)
    else:
        # a rule the schema has that no message above covers: say so in Norwegian, never jsonschema's English
        desc = schema.get("description")
        yield path, f"fant {_found(value)}, som ikke passer med regelen «{kind}» i skjemaet" + (f". Forventet: {desc}" if desc else "")
