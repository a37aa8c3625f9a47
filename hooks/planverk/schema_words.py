"""Schema violations in plain Norwegian for the people who edit the data: what was found and
what is expected, in words (never a regex or jsonschema's English), for each keyword the
schemas use."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, cast

from jsonschema.exceptions import ValidationError

# Fields of an earlier data contract and their names now, for data written before the rename.
RENAMED: dict[str, str] = {"packages": "groups", "package": "group"}

# How a message names a YAML value's type (bool before int: a bool is an int in Python).
_TYPE_NAMES: tuple[tuple[type, str], ...] = ((bool, "true/false"), (int, "et tall"), (float, "et desimaltall"), (str, "teksten"),
                                             (list, "en liste"), (dict, "en tabell (felt: verdi)"))


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    return next((name for kind, name in _TYPE_NAMES if isinstance(value, kind)), type(value).__name__)


# JSON Schema's type names in the words type_name uses for what was found.
_JSON_TYPES = {"object": "en tabell (felt: verdi)", "array": "en liste", "string": "tekst", "integer": "et heltall",
               "number": "et tall", "boolean": "true/false", "null": "null"}


def _found(value: Any) -> str:
    """'teksten 'tre'', 'en liste', 'null', 'true': what a value is, shown once."""
    if value is None or isinstance(value, (dict, list, bool)):
        return _short(value) if isinstance(value, bool) else type_name(value)
    return f"{type_name(value)} {_short(value)}"


def _short(value: Any) -> str:
    """A value as the data file writes it: 'tekst', 12, true, null."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    text = repr(value) if not isinstance(value, (dict, list)) else type_name(value)
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
        failures.setdefault(int(sub.schema_path[0]), []).append(sub)  # the alternative's index
    passed = [i for i in range(len(cast(list[Any], error.validator_value))) if i not in failures]
    return passed, failures


def _only_key(alternative: Any) -> str | None:
    """The field an alternative is about (``{"required": ["org"]}`` -> "org")."""
    required = alternative.get("required") if isinstance(alternative, dict) else None
    return required[0] if isinstance(required, list) and len(required) == 1 else None


def _either(error: ValidationError, pattern_help: Mapping[str, str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
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
            yield from explain(sub, pattern_help)
        return
    kinds = []
    for alternative in alternatives:
        t = alternative.get("type") if isinstance(alternative, dict) else None
        for name in ([t] if isinstance(t, str) else list(t or [])):
            if _JSON_TYPES.get(name, name) not in kinds:
                kinds.append(_JSON_TYPES.get(name, name))
    expected = " eller ".join(kinds) if kinds else "noe annet"
    yield path, f"fant {_found(value)}, forventet {expected}. {desc}".strip()


def explain(error: ValidationError, pattern_help: Mapping[str, str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path, message) in plain Norwegian for one schema violation (the schema's own wording is never shown)."""
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
            if RENAMED.get(key) in allowed:
                yield (*path, key), f"feltet '{key}' heter nå '{RENAMED[key]}'; forventet '{RENAMED[key]}'"
                continue
            yield (*path, key), f"ukjent felt '{key}'; forventet et av: {', '.join(allowed)}"
    elif kind == "type":
        expected = rule
        expected = [expected] if isinstance(expected, str) else list(expected)
        hint = ""
        if isinstance(value, float) and "string" in expected:  # "3.10" unquoted is read as 3.1
            hint = "; et nummer med punktum skrives i anførselstegn, slik kilden skriver det (for eksempel \"3.10\")"
        yield path, f"fant {_found(value)}, forventet {' eller '.join(_JSON_TYPES.get(t, t) for t in expected)}{hint}"
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
            form = pattern_help.get(rule)
            if str(rule).startswith("^https?://"):
                form = "en nettadresse som begynner med http:// eller https://, uten mellomrom"
            field = schema.get("description")
            expected = " ".join(x for x in (form, f"({field.rstrip('.')})" if field and field != form else None) if x)
            yield path, f"{_short(value)} har ikke forventet form. Forventet: {expected or 'en annen form'}"
    elif kind in ("anyOf", "oneOf"):
        yield from _either(error, pattern_help)
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
