"""Helpers for the fidelity checks (`make fidelity`): compare the data with the source texts
in data/sources/ (or in $PLANVERK_DATA/sources/, see tests/support.py).

The data must hold every fact of a source and nothing else. Texts are compared through
:func:`key`, which keeps only letters and digits (casefolded), so re-joined lines, the
source's line-break hyphens, quote styles and Markdown markup do not matter, while every
word and number does. Before comparing, the source is corrected with its errata
(:func:`corrected_source`), exactly as data/README.md allows.

Everything here reads the files directly (no loaded corpus), so tests can be parametrised
at collection time. Expectations come from the data and the source texts: which plans follow
the status-report layout (an overview table and a section per measure), which pages the data
files document, which document each entity names. No id of today's data is written here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from planverk.errors import format_path
from planverk.load import prosefiles
from support import DATA, SOURCES

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
    """A data file as the loader reads it: with the texts of its Markdown prose files in place."""
    return prosefiles.merged(path)[0]


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
# Fields that are editorial by definition (data/README.md): how a lost table was rebuilt.
EDITORIAL_FIELDS = frozenset({"reconstruction"})
# ... and fields whose strings are ids, references, vocabulary or dates (not source text).
METADATA_FIELDS = frozenset({
    "id", "document", "owner", "publisher", "org", "organisation", "role", "group", "parent", "plan", "measure",
    "status", "themes", "layers", "actors", "launched", "as_of", "published", "date", "number", "editorial",
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


def _walk_documents(node: Any, path: str, field: str | None, document: str) -> Iterator[tuple[str, str, str, str]]:
    """Like _walk, with the document each string belongs to: the nearest ``source.document`` on
    the way down (an entity that names another source is compared with that source)."""
    if isinstance(node, dict):
        source = node.get("source")
        if isinstance(source, dict) and source.get("document"):
            document = source["document"]
        ours = set(node.get("editorial") or ())  # fields the editors wrote: not in the source by definition
        for k, v in node.items():
            if k not in STAFF_FIELDS and k not in ours:
                yield from _walk_documents(v, f"{path}.{k}" if path else k, k, document)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk_documents(v, f"{path}[{i}]", field, document)
    elif isinstance(node, str):
        yield path, field or "", node, document


def content_files() -> list[Path]:
    return [p for folder in CONTENT_FOLDERS for p in sorted((DATA / folder).glob("*.yml"))]


def string_fields(path: Path) -> list[tuple[str, str, str]]:
    """Every (path, field name, value) of a string in a data file, internal fields included."""
    return list(_walk(yaml_file(path), "", None))


def content_fields(path: Path) -> list[Field]:
    """The source-text fields of a data file (an editorial news title excluded, see data/README.md);
    a text from a Markdown prose file is named by that file (``plans/x/om.md:measures[0].description``)."""
    data, origins = prosefiles.merged(path)
    prose = {format_path(p): name.split("/", 1)[1] for p, name in origins.items()}
    rel = f"{path.parent.name}/{path.name}"
    found = []
    for fpath, name, value, document in _walk_documents(data, "", None, data["source"]["document"]):
        if name not in CONTENT_FIELDS or name in EDITORIAL_FIELDS:
            continue
        if fpath == "title" and data.get("title_is_editorial"):
            continue
        found.append(Field(file=prose.get(fpath, rel), path=fpath, name=name, value=value, document=document))
    return found


def all_content_fields() -> list[Field]:
    return [f for p in content_files() for f in content_fields(p)]


@cache
def footnote_keys(document: str) -> tuple[str, ...]:
    """The footnotes of ``document`` as the data records them (report references), each as the
    key of "<number> <text> <url>", the way the source prints a footnote."""
    return tuple(key(f"{ref['number']} {ref['text']} {ref.get('url') or ''}") for _, ref in footnotes(document))


def entry_document(report: dict, entry: dict) -> str:
    return (entry.get("source") or {}).get("document") or report["source"]["document"]


def footnotes(document: str) -> list[tuple[dict, dict]]:
    """(entry, reference) of every footnote the reports record for ``document`` (the entry's own
    document where it names one, else its report's)."""
    found = []
    for path in sorted((DATA / "reports").glob("*.yml")):
        report = yaml_file(path)
        for entry in report["entries"]:
            if entry_document(report, entry) == document:
                found += [(entry, ref) for ref in entry.get("references", [])]
    return found


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


# --- plans in the status-report layout ---------------------------------------------------------
#
# A status report that reprints its plan: the cover and an introduction, «Samlet tiltaksoversikt»
# (one row per measure: "N. title responsible period status"), then a section per package
# ("<Label> I: …") and per measure ("Tiltak N: title", "Gjennomføring: …", "Ansvar: …", "Status: …").
# Which plans follow it is read from their source text; what each row and section must say is
# read from the plan file and its reports.

OVERVIEW = "Samlet tiltaksoversikt"


@dataclass(frozen=True)
class LayoutPlan:
    file: Path
    plan: dict
    reports: tuple[dict, ...]  # the plan's reports that cite the same document, in as_of order

    @property
    def id(self) -> str:
        return self.plan["id"]

    @property
    def document(self) -> str:
        return self.plan["source"]["document"]

    def measures(self) -> dict[int, dict]:
        return {x["number"]: x for x in self.plan["measures"]}

    def entries(self) -> dict[str, dict]:
        """measure id -> its entry in the latest report of the document."""
        return {e["measure"]: e for e in self.reports[-1]["entries"]} if self.reports else {}


@cache
def layout_plans() -> tuple[LayoutPlan, ...]:
    """The plans whose document is in the status-report layout, with the reports from that document."""
    found = []
    reports = [yaml_file(p) for p in sorted((DATA / "reports").glob("*.yml"))]
    for path in sorted((DATA / "plans").glob("*.yml")):
        plan = yaml_file(path)
        document = plan["source"]["document"]
        if document not in document_files() or OVERVIEW not in source_text(document):
            continue
        own = sorted((r for r in reports if r["plan"] == plan["id"] and r["source"]["document"] == document and not r.get("draft")),
                     key=lambda r: r["as_of"])
        found.append(LayoutPlan(path, plan, tuple(own)))
    return tuple(found)


def layout_measures() -> list[tuple[LayoutPlan, int]]:
    return [(lp, x["number"]) for lp in layout_plans() for x in lp.plan["measures"]]


# --- the page rule ---------------------------------------------------------------------------

# How a plan file documents its page anchors: «"9" på linje 499 avslutter side 9».
_ANCHOR = re.compile(r'"(\d+)" på linje (\d+) avslutter side (\d+)')
_PAGE_START = re.compile(r"^ \S")  # a line beginning with exactly one space, then text


def page_anchors(path: Path) -> dict[int, int]:
    """line -> page it ends, as the header comment of a data file documents it (empty: no page rule)."""
    return {int(line): int(page) for printed, line, page in _ANCHOR.findall(" ".join(header_comment(path).split()))
            if printed == page}


@cache
def rule_pages(document: str, anchors: tuple[tuple[int, int], ...]) -> tuple[int | None, ...]:
    """Page of every line of ``document`` (index 0 is line 1).

    The rule the plan file documents: a new page starts at each line that begins with a single
    space, and after each anchor line (a printed page number). Pages are numbered so that the
    first anchor is on its page; the others are left to check the count. The trailing lines of
    the PDF's structure (tab-indented, after the last page) have no page.
    """
    lines = source_lines(document)
    trailer = trailer_start(document)
    marks = dict(anchors)
    segment, segments = 0, []
    for number, line in enumerate(lines, 1):
        if number > 1 and (_PAGE_START.match(line) or number - 1 in marks):
            segment += 1
        segments.append(segment)
    first_anchor, page = anchors[0]
    shift = page - segments[first_anchor - 1]
    return tuple(s + shift if n < trailer else None for n, s in enumerate(segments, 1))


def trailer_start(document: str) -> int:
    """First line of the tab-indented text from the PDF's structure at the end of the extract."""
    lines = source_lines(document)
    return next((n for n, line in enumerate(lines, 1) if line.startswith("\t")), len(lines) + 1)


@dataclass(frozen=True)
class PageRule:
    file: Path  # the plan file that documents it
    document: str
    anchors: tuple[tuple[int, int], ...]

    def page_of_line(self, line: int) -> int | None:
        return rule_pages(self.document, self.anchors)[line - 1]

    def page_starts(self) -> dict[int, int]:
        """Page -> its first line, by the rule."""
        starts: dict[int, int] = {}
        for number, page in enumerate(rule_pages(self.document, self.anchors), 1):
            if page is not None:
                starts.setdefault(page, number)
        return starts


@cache
def page_rules() -> tuple[PageRule, ...]:
    """A page rule per plan file whose header documents page anchors."""
    found = []
    for path in sorted((DATA / "plans").glob("*.yml")):
        anchors = page_anchors(path)
        if anchors:
            found.append(PageRule(path, yaml_file(path)["source"]["document"], tuple(sorted(anchors.items()))))
    return tuple(found)


def page_rule_of(document: str) -> PageRule | None:
    return next((r for r in page_rules() if r.document == document), None)


def header_comment(path: Path) -> str:
    """The comment lines at the top of a data file, without their "#"."""
    out = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.startswith("#"):
            break
        out.append(line[1:])
    return "\n".join(out)


def line_of_text(words: str, document: str, after: int = 0) -> int:
    """The source line on which ``words`` (whitespace-insensitive) start, searching after line ``after``."""
    text = source_text(document)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words.split()))
    match = pattern.search(text, line_offset(text, after + 1) if after else 0)
    if match is None:
        raise LookupError(f"{words!r} not in {document} after line {after}")
    return text.count("\n", 0, match.start()) + 1


def first_line_of(pattern: str, document: str, after: int = 0) -> int:
    """Number of the first source line after line ``after`` that matches the regex ``pattern``."""
    rx = re.compile(pattern)
    for number, line in enumerate(source_lines(document), 1):
        if number > after and rx.search(line):
            return number
    raise LookupError(f"no line matches {pattern!r} after line {after} in {document}")


# --- the overview table and the sections ------------------------------------------------------


@cache
def overview_rows(document: str) -> tuple[str, ...]:
    """The rows of «Samlet tiltaksoversikt», whitespace squashed, found as "N. " for N = 1, 2, …"""
    text = corrected_source(document)
    start = text.index(OVERVIEW)
    end = _HEADING.search(text, start).start()
    table = text[start + len(OVERVIEW):end]
    starts, pos, n = [], 0, 1
    while match := re.compile(rf"(?m)^[ \t]*{n}\. ").search(table, pos):
        starts.append(match.start())
        pos, n = match.end(), n + 1
    bounds = [*starts, len(table)]
    return tuple(squash(table[a:b]) for a, b in itertools.pairwise(bounds))


_HEADING = re.compile(r"(?m)^[ \t]*(?:Tiltak (\d+):|Tiltakspakke ([IVX]+):)")


@cache
def sections(document: str) -> dict[str, str]:
    """The corrected text cut at its headings.

    Keys: "tiltak-N" for a measure (from "Tiltak N:" to the next heading) and "pakke-I" … for a
    package heading (from "<Label> I:" to the next heading). Headings before the overview table's
    end (the table of contents, if any) are not sections.
    """
    text = corrected_source(document)
    matches = [m for m in _HEADING.finditer(text) if m.start() > text.index(OVERVIEW)]
    out: dict[str, str] = {}
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        name = f"tiltak-{match.group(1)}" if match.group(1) else f"pakke-{match.group(2)}"
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
    line and the "Status:" line. The label is None where the source has none."""
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
