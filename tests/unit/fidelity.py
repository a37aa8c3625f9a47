"""Helpers for the fidelity tests: compare the data with the source texts in data/sources/.

The data must hold every fact of a source and nothing else. Texts are compared through
:func:`key`, which keeps only letters and digits (casefolded), so re-joined lines, the
source's line-break hyphens, quote styles and Markdown markup do not matter, while every
word and number does. Before comparing, the source is corrected with its errata
(:func:`corrected_source`), exactly as data/README.md allows.

Everything here reads the files directly (no loaded corpus), so tests can be parametrised
at collection time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterator

from support import DATA, SOURCES
from planverk.yamlload import load_yaml

# --- text normalisation -------------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")
_FOOTNOTE = re.compile(r"\[\^(\d+)\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+")
_ORDERED = re.compile(r"^[ \t]*\d+\.[ \t]+")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_BOLD = re.compile(r"\*\*|__")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def key(s: str) -> str:
    """Letters and digits only, casefolded: robust to whitespace, quotes and line-break hyphens."""
    return _NON_WORD.sub("", s.casefold())


def squash(s: str) -> str:
    """Whitespace runs (line breaks included) become one space; ends are stripped."""
    return " ".join(s.split())


def plain(md: str) -> str:
    """Markdown as comparable text.

    Link targets are dropped (``[www.x.no](http://…)`` → ``www.x.no``), footnote markers
    become their number as the source prints it (``[^3]`` → ``3``), and bullet, blockquote
    and bold markers are dropped. Ordered-list numbers are kept: the source prints them.
    """
    text = _FOOTNOTE.sub(r"\1", md)
    text = _LINK.sub(r"\1", text)
    lines = [_QUOTE.sub("", _BULLET.sub("", line)) for line in text.split("\n")]
    return _BOLD.sub("", "\n".join(lines))


def links(md: str | None) -> list[tuple[str, str]]:
    """The (text, target) of every Markdown link."""
    return re.findall(r"\[([^\]]*)\]\(([^)]*)\)", md or "")


def blocks(md: str | None) -> list[str]:
    """The paragraphs, list items and quoted paragraphs of a Markdown text, as plain text.

    Each block is contiguous in the source; the blocks of one text need not be (a footnote
    block or a label may stand between them).
    """
    out: list[str] = []
    for chunk in _BLANK_LINE.split((md or "").strip("\n")):
        current: list[str] = []
        for line in chunk.split("\n"):
            starts_block = bool(_BULLET.match(line) or _ORDERED.match(line) or _QUOTE.match(line))
            if starts_block and current:
                out.append(squash(plain("\n".join(current))))
                current = []
            current.append(line)
        if current:
            out.append(squash(plain("\n".join(current))))
    return [b for b in out if key(b)]


# --- documents, sources and errata ----------------------------------------------------------


def yaml_file(path: Path) -> Any:
    return load_yaml(path.read_text(encoding="utf-8")).data


@cache
def document_files() -> dict[str, str]:
    """Document id -> file name in data/sources/."""
    return {d["id"]: d["file"] for d in yaml_file(DATA / "documents.yml")["documents"]}


@cache
def source_text(document: str) -> str:
    return (SOURCES / document_files()[document]).read_text(encoding="utf-8")


@cache
def source_lines(document: str) -> tuple[str, ...]:
    """The source's lines; ``source_lines(doc)[n - 1]`` is line n."""
    return tuple(source_text(document).split("\n"))


@dataclass(frozen=True)
class Erratum:
    file: str  # e.g. errata/gode-krefter-plan.yml
    index: int
    document: str
    page: int | None
    line: int
    original: str
    corrected: str
    kind: str

    @property
    def id(self) -> str:
        return f"{self.document}:{self.line}:{self.original[:24] or '(insert)'}"


@cache
def errata() -> tuple[Erratum, ...]:
    found = []
    for path in sorted((DATA / "errata").glob("*.yml")):
        for i, e in enumerate(yaml_file(path)["errata"]):
            found.append(Erratum(file=f"errata/{path.name}", index=i, document=e["document"], page=e.get("page"),
                                 line=e["line"], original=e["original"], corrected=e["corrected"], kind=e["kind"]))
    return tuple(found)


def errata_of(document: str) -> list[Erratum]:
    return [e for e in errata() if e.document == document]


def line_offset(text: str, line: int) -> int:
    """Offset of the first character of 1-based ``line`` in ``text``."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        raise ValueError(f"line {line} is outside the text (1..{len(lines)})")
    return sum(len(x) + 1 for x in lines[: line - 1])


def erratum_offset(erratum: Erratum) -> int | None:
    """Where the erratum's ``original`` starts in the raw source, if it starts on its stated line.

    An empty ``original`` (a restored heading) stands at the start of its line.
    """
    text = source_text(erratum.document)
    try:
        start = line_offset(text, erratum.line)
    except ValueError:
        return None
    if erratum.original == "":
        return start
    end_of_line = text.find("\n", start)
    end_of_line = len(text) if end_of_line < 0 else end_of_line
    found = text.find(erratum.original, start)
    return found if 0 <= found <= end_of_line else None


@cache
def corrected_source(document: str) -> str:
    """The source text with every erratum of ``document`` applied at its line.

    Errata are applied from the last position backwards so earlier offsets stay valid. An
    erratum with an empty ``original`` inserts ``corrected`` as a line of its own at the start
    of its line. An erratum whose original is not at its line is left out (the errata tests
    name it); two that overlap raise AssertionError.
    """
    text = source_text(document)
    located = [(offset, e) for e in errata_of(document) if (offset := erratum_offset(e)) is not None]
    located.sort(key=lambda pair: pair[0], reverse=True)
    limit = len(text) + 1
    for offset, e in located:
        end = offset + len(e.original)
        assert end <= limit, f"{e.file}: erratum at line {e.line} overlaps another erratum"
        replacement = e.corrected + "\n" if e.original == "" and e.corrected else e.corrected
        text = text[:offset] + replacement + text[end:]
        limit = offset
    return text


@cache
def corrected_key(document: str) -> str:
    return key(corrected_source(document))


# --- walking the data files ----------------------------------------------------------------

# Fields whose strings are text from a source (checked) ...
CONTENT_FIELDS = frozenset({
    "title", "subtitle", "overview_title", "text", "description", "narrative", "statements", "intro",
    "future", "future_title", "quote", "summary", "name", "closing", "place", "qualities",
    "common_qualities", "label", "next_update", "url", "reconstruction", "body",
})
# Fields written by staff, not copied from a source: internal notes (date, author, kind, text).
STAFF_FIELDS = frozenset({"notes"})
# ... and fields whose strings are ids, references, vocabulary or dates (not source text).
METADATA_FIELDS = frozenset({
    "id", "document", "owner", "publisher", "org", "organisation", "role", "package", "plan", "measure",
    "status", "themes", "layers", "actors", "launched", "as_of", "published", "date", "number",
})
# Content fields that hold Markdown: each paragraph / list item is checked on its own.
MARKDOWN_FIELDS = frozenset({"text", "description", "narrative", "intro", "future", "reconstruction", "body"})

CONTENT_FOLDERS = ("strategies", "plans", "reports", "news")


@dataclass(frozen=True)
class Field:
    file: str  # e.g. plans/gode-krefter.yml
    path: str  # e.g. measures[3].description
    name: str  # the field name (last key on the path)
    value: str
    document: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.path}"

    @property
    def parts(self) -> list[str]:
        """What must each be contiguous in the source."""
        return blocks(self.value) if self.name in MARKDOWN_FIELDS else [squash(self.value)]


def _walk(node: Any, path: str, field: str | None) -> Iterator[tuple[str, str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in STAFF_FIELDS:
                yield from _walk(v, f"{path}.{k}" if path else k, k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}[{i}]", field)
    elif isinstance(node, str):
        yield path, field or "", node


def content_files() -> list[Path]:
    return [p for folder in CONTENT_FOLDERS for p in sorted((DATA / folder).glob("*.yml"))]


def string_fields(path: Path) -> list[tuple[str, str, str]]:
    """Every (path, field name, value) of a string in a data file, internal fields included."""
    return list(_walk(yaml_file(path), "", None))


def content_fields(path: Path) -> list[Field]:
    """The source-text fields of a data file (an editorial news title excluded, see data/README.md)."""
    data = yaml_file(path)
    document = data["source"]["document"]
    rel = f"{path.parent.name}/{path.name}"
    found = []
    for fpath, name, value in _walk(data, "", None):
        if name not in CONTENT_FIELDS:
            continue
        if fpath == "title" and data.get("title_is_editorial"):
            continue
        found.append(Field(file=rel, path=fpath, name=name, value=value, document=document))
    return found


def all_content_fields() -> list[Field]:
    return [f for p in content_files() for f in content_fields(p)]


@cache
def footnote_keys(document: str) -> tuple[str, ...]:
    """The footnotes of ``document`` as the data records them (report references), each as the
    key of "<number> <text> <url>", the way the source prints a footnote."""
    found = []
    for path in sorted((DATA / "reports").glob("*.yml")):
        report = yaml_file(path)
        if report["source"]["document"] != document:
            continue
        for entry in report["entries"]:
            for ref in entry.get("references", []):
                found.append(key(f"{ref['number']} {ref['text']} {ref.get('url') or ''}"))
    return tuple(found)


@cache
def footnote_free_key(document: str) -> str:
    """The corrected source's key with its footnotes taken out.

    The extract puts footnote blocks at the foot of a page, which can be in the middle of a
    paragraph ("fotnoter og lenker står innimellom teksten", documents.yml); a paragraph that
    runs across one is contiguous only without it.
    """
    return remove_once(corrected_key(document), list(footnote_keys(document)))


def missing_parts(field: Field) -> list[str]:
    """The parts of a field that its document's corrected source does not contain."""
    whole, without_footnotes = corrected_key(field.document), footnote_free_key(field.document)
    return [part for part in field.parts if key(part) not in whole and key(part) not in without_footnotes]


@dataclass(frozen=True)
class Relation:
    file: str
    index: int
    from_ref: str
    quote: str
    document: str
    page: int | None

    @property
    def id(self) -> str:
        return f"{self.file}[{self.index}]"


@cache
def relations() -> tuple[Relation, ...]:
    return tuple(Relation(file=f"relations/{path.name}", index=i, from_ref=r["from"], quote=r["quote"],
                          document=r["source"]["document"], page=r["source"].get("page"))
                 for path in sorted((DATA / "relations").glob("*.yml"))
                 for i, r in enumerate(yaml_file(path)["relations"]))


# --- Gode krefter: the page rule ------------------------------------------------------------

GODE_KREFTER = "gode-krefter-statusrapport-2011"
# The two printed page numbers left in the extract (plans/gode-krefter.yml): line -> page it ends.
PAGE_ANCHORS = {499: 9, 1080: 21}
_PAGE_START = re.compile(r"^ \S")  # a line beginning with exactly one space, then text


@cache
def gode_krefter_pages() -> tuple[int | None, ...]:
    """Page of every line of the Gode krefter source (index 0 is line 1).

    The rule documented at the top of data/plans/gode-krefter.yml: a new page starts at
    each line that begins with a single space, and after each anchor line (a printed page
    number). Pages are numbered so that the anchor "9" is on page 9; the anchor "21" is left
    to check the count. The trailing lines of the PDF's structure (tab-indented, after the
    last page) have no page.
    """
    lines = source_lines(GODE_KREFTER)
    trailer = trailer_start()
    segment, segments = 0, []
    for number, line in enumerate(lines, 1):
        if number > 1 and (_PAGE_START.match(line) or number - 1 in PAGE_ANCHORS):
            segment += 1
        segments.append(segment)
    first_anchor, page = next(iter(PAGE_ANCHORS.items()))
    shift = page - segments[first_anchor - 1]
    return tuple(s + shift if n < trailer else None for n, s in enumerate(segments, 1))


@cache
def trailer_start() -> int:
    """First line of the tab-indented text from the PDF's structure at the end of the extract."""
    lines = source_lines(GODE_KREFTER)
    return next(n for n, line in enumerate(lines, 1) if line.startswith("\t"))


def page_of_line(line: int) -> int | None:
    return gode_krefter_pages()[line - 1]


def page_starts() -> dict[int, int]:
    """Page -> its first line, by the rule."""
    starts: dict[int, int] = {}
    for number, page in enumerate(gode_krefter_pages(), 1):
        if page is not None:
            starts.setdefault(page, number)
    return starts


def header_comment(path: Path) -> str:
    """The comment lines at the top of a data file, without their "#"."""
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.startswith("#"):
            break
        out.append(line[1:])
    return "\n".join(out)


def line_of_text(words: str, document: str = GODE_KREFTER, after: int = 0) -> int:
    """The source line on which ``words`` (whitespace-insensitive) start, searching after line ``after``."""
    text = source_text(document)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words.split()))
    match = pattern.search(text, line_offset(text, after + 1) if after else 0)
    if match is None:
        raise LookupError(f"{words!r} not in {document} after line {after}")
    return text.count("\n", 0, match.start()) + 1


def first_line_of(pattern: str, document: str = GODE_KREFTER, after: int = 0) -> int:
    """Number of the first source line after line ``after`` that matches the regex ``pattern``."""
    rx = re.compile(pattern)
    for number, line in enumerate(source_lines(document), 1):
        if number > after and rx.search(line):
            return number
    raise LookupError(f"no line matches {pattern!r} after line {after} in {document}")


# --- Gode krefter: the overview table and the sections --------------------------------------


def overview_rows() -> list[str]:
    """The rows of «Samlet tiltaksoversikt», whitespace squashed, found as "N. " for N = 1..35."""
    text = corrected_source(GODE_KREFTER)
    start = text.index("Samlet tiltaksoversikt")
    end = text.index("\n Tiltakspakke I:", start)
    table = text[start + len("Samlet tiltaksoversikt"):end]
    starts, pos = [], 0
    for n in range(1, 36):
        match = re.compile(rf"(?m)^[ \t]*{n}\. ").search(table, pos)
        if match is None:
            break
        starts.append(match.start())
        pos = match.end()
    bounds = starts + [len(table)]
    return [squash(table[a:b]) for a, b in zip(bounds, bounds[1:])]


_HEADING = re.compile(r"(?m)^[ \t]*(?:Tiltak (\d+):|Tiltakspakke ([IVX]+):)")


@cache
def sections() -> dict[str, str]:
    """The corrected Gode krefter text cut at its headings.

    Keys: "tiltak-N" for a measure (from "Tiltak N:" to the next heading) and
    "tiltakspakke-I" … for a package heading (from "Tiltakspakke I:" to the next heading).
    """
    text = corrected_source(GODE_KREFTER)
    matches = list(_HEADING.finditer(text))
    out: dict[str, str] = {}
    for match, following in zip(matches, matches[1:] + [None]):
        name = f"tiltak-{match.group(1)}" if match.group(1) else f"tiltakspakke-{match.group(2)}"
        assert name not in out, f"heading {name} occurs twice"
        out[name] = text[match.start(): following.start() if following else len(text)]
    return out


def heading_of(section: str) -> str:
    """The heading text after "Tiltak N: " (up to the first blank line), squashed."""
    first = _BLANK_LINE.split(section, 1)[0]
    return squash(first.split(":", 1)[1])


def labelled_line(section: str, label: str) -> str | None:
    """The value after ``label`` on its line (e.g. "Status:"), squashed; None if absent."""
    match = re.search(rf"(?m)^[ \t]*{re.escape(label)}(.*)$", section)
    return squash(match.group(1)) if match else None


RESPONSIBILITY_LABELS = ("Ansvar:", "Ansvar.", "Ansvarlig:")


def responsibility_block(section: str) -> tuple[str | None, str]:
    """(label, text) of the responsibility statement: everything between the "Gjennomføring:"
    line and the "Status:" line. The label is None where the source has none (tiltak 28)."""
    match = re.search(r"(?ms)^[ \t]*Gjennomføring:[^\n]*\n(.*?)^[ \t]*Status:", section)
    assert match, "no Gjennomføring: … Status: lines"
    body = squash(match.group(1))
    for label in RESPONSIBILITY_LABELS:
        if body.startswith(label):
            return label, body[len(label):].strip()
    return None, body


def remove_once(haystack: str, needles: list[str]) -> str:
    """Remove each needle once, longest first (so a short text cannot eat into a longer one)."""
    for needle in sorted((n for n in needles if n), key=len, reverse=True):
        haystack = haystack.replace(needle, "", 1)
    return haystack
