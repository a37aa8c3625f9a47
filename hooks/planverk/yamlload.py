"""Safe YAML loading that remembers the line of every value and refuses YAML 1.1 traps.

PyYAML implements YAML 1.1: an unquoted ``no`` becomes ``False``, ``2011-08-01`` a date,
``1:20`` the number 80 and ``012`` an octal 10, and a repeated key silently wins. Data
authors never mean those, so each is an error that says how to write it instead.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

try:  # the C loader is ~10x faster; same semantics
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the pure-Python class, same API

Path = tuple[str | int, ...]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_VALUE = "tag:yaml.org,2002:value"  # what PyYAML resolves a plain "=" to; read as text
_SCALAR_TAGS = frozenset({_BOOL, _INT, _FLOAT, _NULL, _TIMESTAMP, _STR, _VALUE})

# Bounds on what one file may make us do: a hostile file must fail fast with a clear
# message, never expand an alias bomb or exhaust the stack.
MAX_DEPTH = 32  # nesting levels (the schemas need fewer than 12)
MAX_TEXT = 100_000  # characters in one value
MAX_DIGITS = 15  # digits in a number (page numbers, years, counts)
# C0 and C1 control characters other than tab and line breaks; invisible, and YAML refuses most
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class Loaded:
    """A YAML document as plain Python data, with the line (1-based) of every value.

    Lines are needed only to report errors, so a file that parses without surprises is
    read by a fast constructor and its lines are worked out on first use.
    """

    def __init__(self, data: Any, text: str = "", *, lines: dict[Path, int] | None = None,
                 problems: list[tuple[int, Path, str]] | None = None, text_starts: dict[Path, int] | None = None):
        self.data = data
        self.problems: list[tuple[int, Path, str]] = problems if problems is not None else []
        self._text = text
        self._lines = lines
        # literal block scalars (``|``): the line of their first text line, so a position
        # inside the text maps to a line of the file
        self._text_starts = text_starts

    def _track(self) -> tuple[dict[Path, int], dict[Path, int]]:
        """The line maps, made by the careful parser the first time they are asked for."""
        if self._lines is None or self._text_starts is None:
            careful = _careful(self._text)
            self._lines, self._text_starts = careful._lines or {}, careful._text_starts or {}
        return self._lines, self._text_starts

    @property
    def lines(self) -> dict[Path, int]:
        return self._track()[0]

    @property
    def text_starts(self) -> dict[Path, int]:
        return self._track()[1]

    def line(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        lines = self.lines
        path = tuple(path)
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return lines.get((), None)

    def line_in(self, path: Path, text: str, offset: int) -> int | None:
        """The line of character ``offset`` of ``text``, the value at ``path``.

        Exact for literal block scalars (``|``), whose text lines are the file's lines;
        otherwise the line where the value starts.
        """
        start = self.text_starts.get(tuple(path))
        if start is None:
            return self.line(path)
        return start + text.count("\n", 0, offset)


class YamlSyntaxError(Exception):
    def __init__(self, line: int | None, message: str):
        self.line = line
        super().__init__(message)


def load_yaml(text: str) -> Loaded:
    """Parse ``text``; raise YamlSyntaxError for malformed or unbounded YAML, collect trap problems."""
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        raise YamlSyntaxError(line, f"kontrolltegnet U+{ord(control.group()):04X} (usynlig) står i kolonne {column}; "
                                    f"fjern det (det kommer ofte med tekst limt inn fra andre programmer)")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError(*_syntax_message(exc, text)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other parser failures
        raise YamlSyntaxError(None, f"YAML-syntaksfeil: {exc}") from None
    except RecursionError:  # pragma: no cover - the C composer does not recurse in Python
        raise YamlSyntaxError(None, f"nestingen er for dyp; høyst {MAX_DEPTH} nivåer") from None
    if node is None:
        return Loaded(None, text, lines={}, text_starts={})
    try:
        try:
            return Loaded(_fast(node, 0, set()), text)
        except _Unusual:
            return _careful(text, node)
    except _Alias:
        raise YamlSyntaxError(*_alias_message(text)) from None
    except _TooDeep as deep:
        raise YamlSyntaxError(deep.line, f"nestingen er for dyp: mer enn {MAX_DEPTH} nivåer med lister og felt inni "
                                         f"hverandre; forventet en fil som følger skjemaet") from None


class _Alias(Exception):
    """A node reached twice: an alias (``*name``). Expanding them is how an alias bomb works."""


class _TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


def _alias_message(text: str) -> tuple[int | None, str]:
    """The line of the first alias, read from the parser's events (the node tree has no mark for it)."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return (event.start_mark.line + 1 if event.start_mark else None,
                    f"aliaset *{event.anchor} er ikke tillatt: ankere og aliaser (&navn, *navn) gjentar data skjult "
                    f"og kan få filen til å vokse uten grense; skriv verdien ut der den trengs")
    return None, "ankere og aliaser (&navn, *navn) er ikke tillatt; skriv verdien ut der den trengs"  # pragma: no cover


def _careful(text: str, node: yaml.Node | None = None) -> Loaded:
    """The full pass: every value's line, and a problem for every trap."""
    loaded = Loaded(None, text, lines={}, text_starts={})
    node = node if node is not None else yaml.compose(text, Loader=_Loader)
    if node is not None:
        loaded.data = _construct(node, (), loaded, set())
    return loaded


class _Unusual(Exception):
    """Something the fast constructor leaves to the careful one (a trap, a tag, a duplicate key)."""


def _fast(node: yaml.Node, depth: int, seen: set[int]) -> Any:
    """Construct plain data from a node tree that has nothing unusual; raise _Unusual otherwise
    (and _Alias or _TooDeep for what no data file may hold)."""
    if id(node) in seen:
        raise _Alias
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _TooDeep(node.start_mark.line + 1)
    kind = type(node)
    tag = node.tag
    if kind is yaml.MappingNode:
        if tag != _MAP:
            raise _Unusual
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != _STR or key_node.value in result \
                    or len(key_node.value) > MAX_TEXT or id(key_node) in seen:
                raise _Unusual
            seen.add(id(key_node))
            result[key_node.value] = _fast(value_node, depth + 1, seen)
        return result
    if kind is yaml.SequenceNode:
        if tag != _SEQ:
            raise _Unusual
        return [_fast(item, depth + 1, seen) for item in node.value]
    # a scalar: the type() dispatch above is the hot path's, and mypy cannot narrow through it
    scalar: yaml.ScalarNode = node  # type: ignore[assignment]
    value = scalar.value
    if len(value) > MAX_TEXT:
        raise _Unusual
    if tag == _STR:
        return value
    if scalar.style:  # quoted or block scalar with another tag: an explicit tag
        raise _Unusual
    if tag == _NULL:
        return None
    if tag == _BOOL and value in ("true", "false"):
        return value == "true"
    if tag == _INT and value.isdigit() and (len(value) == 1 or value[0] != "0") and len(value) <= MAX_DIGITS:
        return int(value)
    raise _Unusual


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line and a message for a parser error: what went wrong, and where the broken part began."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    message = exc.problem or "invalid YAML"
    if exc.context:
        where = exc.context_mark
        if where is not None and where.line + 1 != line:
            message = f"{exc.context} (linje {where.line + 1}), {message}"
        else:
            message = f"{exc.context}, {message}"
    if mark is not None:
        lines = text.split("\n")
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            message += "; linjen inneholder en tabulator: rykk inn med mellomrom"
    return line, f"YAML-syntaksfeil: {message}"


def _construct(node: yaml.Node, path: Path, out: Loaded, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Alias
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise _TooDeep(node.start_mark.line + 1)
    out.lines[path] = node.start_mark.line + 1
    expected = _MAP if isinstance(node, yaml.MappingNode) else _SEQ if isinstance(node, yaml.SequenceNode) else None
    if (expected and node.tag != expected) or (expected is None and node.tag not in _SCALAR_TAGS):
        out.problems.append((node.start_mark.line + 1, path, f"YAML-taggen {node.tag!r} støttes ikke; "
                                                             f"fjern taggen (skriv tekst i anførselstegn)"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                out.problems.append((key_node.start_mark.line + 1, path, "flettenøkler (<<) støttes ikke; skriv feltene ut"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                out.problems.append((key_node.start_mark.line + 1, path, "en nøkkel må være tekst, ikke en liste eller tabell"))
                continue
            if id(key_node) in seen:
                raise _Alias
            seen.add(id(key_node))
            key = _scalar(key_node, path, out)  # not _construct: a key must not overwrite its mapping's line
            if not isinstance(key, str):
                out.problems.append((key_node.start_mark.line + 1, path,
                                     f"nøkkelen {key!r} må være tekst; skriv den i anførselstegn"))
                key = str(key)
            if key in result:
                out.problems.append((key_node.start_mark.line + 1, (*path, key),
                                     f"nøkkelen {key!r} står to ganger: den er allerede satt på linje {out.lines[(*path, key)]}"))
                continue
            result[key] = _construct(value_node, (*path, key), out, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*path, i), out, seen) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)  # the composer makes no other kind of node
    return _scalar(node, path, out)


def _scalar(node: yaml.ScalarNode, path: Path, out: Loaded) -> Any:
    value: str = node.value
    if len(value) > MAX_TEXT:
        out.problems.append((node.start_mark.line + 1, path, f"verdien er for lang: {len(value):,} tegn; høyst "
                                                             f"{MAX_TEXT:,} tegn i ett felt".replace(",", " ")))
        return value[:MAX_TEXT]
    if node.style not in (None, "") or node.tag == _STR:  # quoted or block scalar: always text
        # (the C loader reports plain style as '', the Python loader as None)
        if node.style == "|":  # the indicator's line; the text starts on the next
            out.text_starts[path] = node.start_mark.line + 2
        return value
    line = node.start_mark.line + 1
    tag = node.tag
    if tag == _NULL:
        return None
    if tag == _BOOL:
        if value in ("true", "false"):
            return value == "true"
        out.problems.append((line, path, f"{value!r} uten anførselstegn leses som ja/nei av YAML 1.1; "
                                         f"skriv true/false, eller \"{value}\" i anførselstegn for tekst"))
        return value
    if tag == _INT:
        digits = value.lstrip("+-").lower()
        if len(digits) > MAX_DIGITS:  # before anything converts it (Python refuses over 4,300 digits)
            out.problems.append((line, path, f"tallet har {len(digits)} sifre; høyst {MAX_DIGITS} sifre er tillatt "
                                             f"(skriv det i anførselstegn hvis det er tekst)"))
            return None
        if ":" in value or "_" in value or (len(digits) > 1 and digits[0] == "0"):
            kind = ("det 60-tallsbaserte " if ":" in value else "det heksadesimale " if digits.startswith("0x")
                    else "det binære " if digits.startswith("0b") else "" if digits[0] != "0" else "det oktale ")
            number = yaml.load(value, Loader=_Loader)  # what YAML 1.1 makes of it, to show why it is refused
            out.problems.append((line, path, f"{value!r} uten anførselstegn ville blitt lest som {kind}tallet {number} av YAML 1.1; "
                                             f"skriv \"{value}\" i anførselstegn"))
            return value
        return int(value, 10)
    if tag == _FLOAT:
        if value.lower() in (".nan", ".inf", "-.inf", "+.inf") or ":" in value:
            out.problems.append((line, path, f"{value!r} uten anførselstegn er ikke et tall vi godtar; skriv \"{value}\" i anførselstegn"))
            return value
        if sum(c.isdigit() for c in value) > MAX_DIGITS or not math.isfinite(float(value)):
            out.problems.append((line, path, f"tallet {value[:20]!r}{'…' if len(value) > 20 else ''} er for stort eller har for "
                                             f"mange sifre; høyst {MAX_DIGITS} sifre er tillatt"))
            return None
        return float(value)
    if tag == _TIMESTAMP:
        out.problems.append((line, path, f"datoen {value!r} uten anførselstegn ville blitt lest som et datoobjekt av YAML; "
                                         f"skriv \"{value}\" i anførselstegn"))
        return value
    return value
