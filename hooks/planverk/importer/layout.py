"""Recognising a plan's layout in its text: groups, measures, labelled facts, bullets, an overview table.

The text is read line by line; nothing here knows the data model. What Norwegian plans write:

- measure headings «Tiltak 21: Tittel», «Tiltak 3.2 Tittel», or a number alone on a line with
  the title on the next; a title that wraps goes on while the next line starts in lower case;
- group headings «Tiltakspakke I:» (title on the next line), «Mål 2: …», «Innsatsområde 3 …»,
  «Prioriteringsområde …», and numbered headings such as «3.1 Tverrgåande tiltak» directly
  above a measure; groups announced as a list («… fem prioriteringsområder:» then «1) …»);
- labelled facts after the heading, bokmål and nynorsk («Ansvar:», «Ansvarleg departement:»,
  «Utførende virksomhet:», «Deltakande verksemder:», «Gjennomføring:», «Tidsperspektiv:»,
  «Periode:», «Status:»); the text after «Status:» is status text, not plan text;
- bullets («•», «-», «–», «*»), and «Ansvar: X» inside a bullet (a sub-measure with its own
  responsible body);
- an overview table before the measures («NR. TILTAK ANSVARLIG PERIODE STATUS»), one row per
  measure, whose cells the extraction has spread over several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# label (casefolded) -> which fact it states
FACT_LABELS: dict[str, str] = {
    **dict.fromkeys(("ansvar", "ansvarlig", "ansvarleg", "ansvarlige", "ansvarlege", "hovedansvar", "hovudansvar",
                     "ansvarlig departement", "ansvarleg departement", "ansvarlige departement", "ansvarlege departement",
                     "ansvarlig virksomhet", "ansvarleg verksemd"), "responsible"),
    **dict.fromkeys(("utførende virksomhet", "utførende virksomheter", "utførande verksemd", "utførande verksemder",
                     "utførende", "utførande", "utføres av", "utførast av"), "executing"),
    **dict.fromkeys(("deltakende virksomheter", "deltakende virksomhet", "deltakande verksemder", "deltakande verksemd",
                     "deltakere", "deltakarar", "samarbeidspartnere", "samarbeidspartnarar", "samarbeidspartar",
                     "samarbeidsparter"), "participating"),
    **dict.fromkeys(("gjennomføring", "gjennomføringsperiode", "gjennomføringstid", "tidsperspektiv", "periode",
                     "tidsrom", "tidsramme", "tidsplan", "varighet", "varigheit"), "period"),
    "status": "status",
}
_LABELS = "|".join(re.escape(k) for k in sorted(FACT_LABELS, key=len, reverse=True))
_BULLET = r"[•·▪◦\-–*]"
# «Ansvar: X» or «Ansvar. X» (a period instead of the colon happens in extracted PDFs)
_FACT = re.compile(rf"^(?:{_BULLET}\s+)?(?P<label>{_LABELS})\s*(?::|\.(?=\s+\S))\s*(?P<value>.*)$", re.I)
_IN_BULLET = re.compile(r"[(\s–-]\s*(?P<label>ansvar|ansvarleg|ansvarlig)\s*:\s*(?P<value>[^()]+?)\s*\)?\s*\.?$", re.I)
_BULLET_LINE = re.compile(rf"^{_BULLET}\s+(?P<text>\S.*)$")
_NUMBER = r"\d{1,3}(?:\.\d{1,3})*[a-z]?"
_MEASURE = re.compile(rf"^Tiltak\s+(?P<number>{_NUMBER})\s*[:.–-]?(?:\s+(?P<title>\S.*))?$")
_MEASURE_EMPTY_TITLE = re.compile(rf"^Tiltak\s+(?P<number>{_NUMBER})\s*[:.–-]?\s*$")
_LONE_NUMBER = re.compile(rf"^(?P<number>{_NUMBER})\.?$")
_GROUP_KINDS = ("tiltakspakke", "tiltaksområde", "innsatsområde", "prioriteringsområde", "satsingsområde", "hovedmål",
                "hovudmål", "delmål", "mål", "kapittel", "område", "del")
_ROMAN = r"[IVXLC]{1,6}"
_GROUP = re.compile(rf"^(?P<kind>{'|'.join(_GROUP_KINDS)})(?:\s+(?P<number>{_NUMBER}|{_ROMAN}))?\s*(?P<sep>[:.–-])?\s*(?P<title>.*)$", re.I)
_NUMBERED_HEADING = re.compile(rf"^(?P<number>{_NUMBER})\.?\s+(?P<title>[A-ZÆØÅ][^.:;]{{2,90}})$")
_LIST_DECLARATION = re.compile(r"\b(?P<word>prioriteringsområder|innsatsområder|innsatsområde|satsingsområder|satsingsområde|"
                               r"tiltakspakker|hovedmål|hovudmål|delmål|mål|tiltaksområder|kapitler|kapittel)\s*:\s*$", re.I)
_LIST_ITEM = re.compile(rf"^(?:(?P<number>\d{{1,2}})[.)]|{_BULLET})\s+(?P<title>\S.*)$")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_OVERVIEW_HEADER = re.compile(r"\btiltak\b.*\bansvar", re.I)
_OVERVIEW_ROW = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)$")
_CONTACT = re.compile(r"^Kontaktperson", re.I)

_SINGULAR = {"prioriteringsområder": "prioriteringsområde", "innsatsområder": "innsatsområde",
             "satsingsområder": "satsingsområde", "tiltakspakker": "tiltakspakke", "tiltaksområder": "tiltaksområde",
             "kapitler": "kapittel"}


@dataclass
class _Line:
    no: int
    text: str


@dataclass
class Fact:
    key: str  # responsible | executing | participating | period | status
    label: str  # as written
    value: str
    line: int


@dataclass
class SubMeasure:
    text: str
    responsible: str | None
    line: int


@dataclass
class Group:
    kind: str  # the source's word, lower case ("tiltakspakke", "mål"); "kapittel" for a bare numbered heading
    kind_is_editorial: bool
    number: str | None
    title: str
    line: int
    parent: Group | None = None
    declared_in_list: bool = False

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    @property
    def path(self) -> list[Group]:
        return ([] if self.parent is None else self.parent.path) + [self]


@dataclass
class OverviewRow:
    number: str
    text: str  # the row's cells joined
    line: int


@dataclass
class Measure:
    number: str | None  # as written
    title: str
    line: int
    group: Group | None
    facts: list[Fact] = field(default_factory=list)
    description: list[str] = field(default_factory=list)  # Markdown blocks
    status_text: list[str] = field(default_factory=list)
    sub_measures: list[SubMeasure] = field(default_factory=list)
    group_is_guess: bool = False
    text_before_facts: bool = False
    status_blocks: list[list[_Line]] = field(default_factory=list)

    def fact(self, key: str) -> Fact | None:
        return next((f for f in self.facts if f.key == key), None)


@dataclass
class Layout:
    title: str | None
    intro: list[str]
    groups: list[Group]
    measures: list[Measure]
    overview: list[OverviewRow]
    not_understood: list[tuple[int, str, str]]  # (line, text, why)
    style: str  # which measure headings the text uses


def join(parts: list[str]) -> str:
    """Lines of one paragraph as one line: a hyphen that split a word is removed (Hus-/banken), one
    that belongs to it kept (SLT-/modellen, 2009-/2012); nothing is added after a «/»."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith("-") and len(out) > 1 and out[-2].islower() and part[0].islower() and not out.endswith(" -"):
            out = out[:-1] + part
        elif out.endswith(("-", "/")) and not out.endswith((" -", " /")):
            out += part
        else:
            out += " " + part
    return out


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":"))


def _continues(previous: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the wrapped line ``previous`` (a title or a fact's value)."""
    if not nxt or _FACT.match(nxt) or _BULLET_LINE.match(nxt) or _MEASURE.match(nxt):
        return False
    if _ends_sentence(previous):
        return False
    return nxt[0].islower() or nxt[0] in "(«\"“" or previous.endswith((",", "/", "-", " og", " i", " med", " for", " av", " til"))


class _Parser:
    def __init__(self, text: str):
        self.lines = [_Line(i + 1, raw.strip()) for i, raw in enumerate(text.split("\n"))]
        self.not_understood: list[tuple[int, str, str]] = []
        has_tiltak = any(_MEASURE.match(line.text) for line in self.lines)
        self.style = "tiltak" if has_tiltak else "number"

    # --- classification -------------------------------------------------------------------
    def _next_nonblank(self, i: int) -> int | None:
        j = i + 1
        while j < len(self.lines) and not self.lines[j].text:
            j += 1
        return j if j < len(self.lines) else None

    def measure_heading(self, i: int) -> tuple[str, str | None] | None:
        text = self.lines[i].text
        if self.style == "tiltak":
            match = _MEASURE.match(text)
            if match:
                return match.group("number"), match.group("title")
            return None
        match = _LONE_NUMBER.match(text)
        if not match:
            return None
        j = self._next_nonblank(i)
        if j is None or j - i > 2:
            return None
        title = self.lines[j].text
        if not title[0].isupper() or _FACT.match(title) or _LONE_NUMBER.match(title) or self.group_heading(j):
            return None
        return match.group("number"), None

    def group_heading(self, i: int) -> tuple[str, bool, str | None, str | None] | None:
        """(kind, kind_is_editorial, number, title or None when it is on the next line)."""
        text = self.lines[i].text
        match = _GROUP.match(text)
        # a number is required: «Mål: Økt kompetanse» inside a measure is the measure's goal, not a group
        if match and text[0].isupper() and match.group("number"):
            title = match.group("title").strip() or None
            if title and title[0].islower():
                return None  # «Mål 2 er å …» in a sentence
            return match.group("kind").lower(), False, match.group("number"), title
        if self.style == "tiltak":
            numbered = _NUMBERED_HEADING.match(text)
            if numbered:
                j = self._next_nonblank(i)
                if j is not None and _MEASURE.match(self.lines[j].text):
                    return "kapittel", True, numbered.group("number"), numbered.group("title").strip()
        return None

    def is_heading(self, i: int) -> bool:
        return self.measure_heading(i) is not None or self.group_heading(i) is not None

    # --- the parse --------------------------------------------------------------------------
    def parse(self) -> Layout:
        first_heading = next((i for i in range(len(self.lines)) if self.is_heading(i)), len(self.lines))
        title, intro, overview, declared = self._preamble(first_heading)
        groups: list[Group] = list(declared)
        measures: list[Measure] = []
        stack: list[Group] = []
        i = first_heading
        while i < len(self.lines):
            group = self.group_heading(i)
            if group:
                kind, editorial, number, gtitle = group
                if gtitle is None:
                    j = self._next_nonblank(i)
                    gtitle = self.lines[j].text if j is not None else ""
                    end = j + 1 if j is not None else i + 1
                else:
                    end = i + 1
                node = Group(kind=kind, kind_is_editorial=editorial, number=number, title=gtitle.rstrip(":").strip(),
                             line=self.lines[i].no)
                self._place(stack, node)
                groups.append(node)
                i = end
                continue
            heading = self.measure_heading(i)
            if heading:
                i = self._measure(i, heading, stack[-1] if stack else None, measures)
                continue
            line = self.lines[i]
            if line.text:
                self.not_understood.append((line.no, line.text, "står mellom overskrifter, utenfor et tiltak"))
            i += 1
        if not any(x.text_before_facts for x in measures):
            # facts come first in this document, text after them: what follows «Status:» is the
            # measure's text, not a status report's narrative
            for x in measures:
                _move_status_text(x)
        if declared and not any(m.group for m in measures):
            _guess_groups(measures, declared, intro)
        return Layout(title=title, intro=intro, groups=groups, measures=measures, overview=overview,
                      not_understood=sorted(self.not_understood), style=self.style)

    def _place(self, stack: list[Group], node: Group) -> None:
        """Nest ``node``: a kind seen before closes back to that level; a dotted number extends its
        parent's («3.1» under «3»); a new kind goes under the open group."""
        for level, open_group in enumerate(stack):
            if open_group.kind == node.kind and open_group.kind_is_editorial == node.kind_is_editorial:
                del stack[level:]
                break
        if node.number and "." in node.number:
            prefix = node.number.rsplit(".", 1)[0]
            while stack and stack[-1].number != prefix:
                if not any(g.number == prefix for g in stack):
                    break
                stack.pop()
        node.parent = stack[-1] if stack else None
        stack.append(node)

    def _preamble(self, end: int) -> tuple[str | None, list[str], list[OverviewRow], list[Group]]:
        title: str | None = None
        intro: list[str] = []
        overview: list[OverviewRow] = []
        declared: list[Group] = []
        paragraph: list[_Line] = []
        i = 0

        def flush() -> None:
            nonlocal title
            if not paragraph:
                return
            text = join([p.text for p in paragraph])
            if title is None and len(paragraph) == 1 and not _ends_sentence(text):
                title = text
            elif _ends_sentence(text) and len(text) > 40:
                intro.append(text)
            else:
                for p in paragraph:
                    self.not_understood.append((p.no, p.text, "kort linje før første tiltak (overskrift, dato eller tittel?)"))
            paragraph.clear()

        while i < end:
            line = self.lines[i]
            if not line.text:
                flush()
                i += 1
                continue
            if _OVERVIEW_HEADER.search(line.text) and len(line.text) < 80 and not _ends_sentence(line.text):
                flush()
                i = self._overview(i + 1, end, overview)
                continue
            declaration = _LIST_DECLARATION.search(line.text)
            if declaration:  # the list's lead-in: its items become the groups
                flush()
                i = self._declared(i + 1, end, declaration.group("word").lower(), declared)
                continue
            if _URL_ONLY.match(line.text):
                flush()
                self.not_understood.append((line.no, line.text, "en adresse alene på linjen"))
                i += 1
                continue
            paragraph.append(line)
            i += 1
        flush()
        return title, intro, overview, declared

    def _overview(self, i: int, end: int, rows: list[OverviewRow]) -> int:
        parts: list[str] = []
        current: OverviewRow | None = None
        while i < end:
            text = self.lines[i].text
            match = _OVERVIEW_ROW.match(text)
            if match and (current is None or int(match.group("number")) == int(current.number) + 1):
                if current is not None:
                    current.text = join(parts)
                current = OverviewRow(number=match.group("number"), text="", line=self.lines[i].no)
                rows.append(current)
                parts = [match.group("text")]
            elif text and current is not None:
                parts.append(text)
            elif text:
                self.not_understood.append((self.lines[i].no, text, "i tiltaksoversikten, før første rad"))
            i += 1
        if current is not None:
            current.text = join(parts)
        return i

    def _declared(self, i: int, end: int, word: str, groups: list[Group]) -> int:
        kind = _SINGULAR.get(word, word)
        while i < end and not self.lines[i].text:
            i += 1
        n = 0
        while i < end:
            match = _LIST_ITEM.match(self.lines[i].text)
            if not match:
                break
            n += 1
            title = re.sub(r"(?:\s+og|\s*[.,;])$", "", match.group("title").strip())  # the list's own punctuation
            groups.append(Group(kind=kind, kind_is_editorial=False, number=match.group("number") or str(n), title=title,
                                line=self.lines[i].no, declared_in_list=True))
            i += 1
        return i

    def _measure(self, i: int, heading: tuple[str, str | None], group: Group | None, measures: list[Measure]) -> int:
        number, title = heading
        start = self.lines[i]
        i += 1
        title_parts = [title] if title else []
        if not title_parts:  # the title is the next line
            while i < len(self.lines) and not self.lines[i].text:
                i += 1
            if i < len(self.lines):
                title_parts.append(self.lines[i].text)
                i += 1
        while i < len(self.lines) and _continues(title_parts[-1], self.lines[i].text):
            title_parts.append(self.lines[i].text)
            i += 1
        measure = Measure(number=number, title=join(title_parts), line=start.no, group=group)
        measures.append(measure)
        blocks: list[list[_Line]] = []  # paragraphs and bullets, before the status fact
        status_blocks: list[list[_Line]] = []
        target = blocks
        current: list[_Line] | None = None
        while i < len(self.lines) and not self.is_heading(i):
            line = self.lines[i]
            text = line.text
            if not text:
                current = None
                i += 1
                continue
            fact = _FACT.match(text)
            if blocks and not measure.facts:
                measure.text_before_facts = True
            if fact and not (_BULLET_LINE.match(text) and fact.group("label").lower() not in ("ansvar", "ansvarlig", "ansvarleg")):
                parts = [fact.group("value")]
                i += 1
                while i < len(self.lines) and not self.is_heading(i) and _continues(parts[-1], self.lines[i].text):
                    parts.append(self.lines[i].text)
                    i += 1
                key = FACT_LABELS[fact.group("label").lower()]
                value = join(parts)
                if key == "status":
                    value, rest = _status_value(value)
                    target = status_blocks
                    current = None
                    if rest:
                        current = [_Line(line.no, rest)]
                        target.append(current)
                else:
                    current = None
                if key == "period":
                    value = value.rstrip(".").strip()
                measure.facts.append(Fact(key=key, label=fact.group("label"), value=value, line=line.no))
                continue
            if _URL_ONLY.match(text) or _LONE_NUMBER.match(text):
                self.not_understood.append((line.no, text, "en adresse eller et tall alene på linjen (sidetall?)"))
                i += 1
                continue
            if _CONTACT.match(text) and target is blocks:
                self.not_understood.append((line.no, text, "kontaktpersoner: legg dem inn for hånd under contacts (intern)"))
                current = None
                i += 1
                continue
            if _BULLET_LINE.match(text) or current is None:
                current = [line]
                target.append(current)
            else:
                current.append(line)
            i += 1
        _describe(measure, blocks)
        measure.status_text = [join([b.text for b in block]) for block in status_blocks]
        measure.status_blocks = status_blocks
        return i


def _describe(measure: Measure, blocks: list[list[_Line]]) -> None:
    """Paragraphs and bullets as Markdown blocks; a bullet with «Ansvar: X» is also a sub-measure."""
    for block in blocks:
        bullet = _BULLET_LINE.match(block[0].text)
        text = join([bullet.group("text") if bullet else block[0].text] + [b.text for b in block[1:]])
        if bullet:
            inner = _IN_BULLET.search(text)
            measure.sub_measures.append(SubMeasure(text=text, responsible=inner.group("value").strip() if inner else None,
                                                   line=block[0].no))
            measure.description.append(f"- {text}")
        else:
            measure.description.append(text)


def _move_status_text(x: Measure) -> None:
    _describe(x, x.status_blocks)
    x.status_text, x.status_blocks = [], []


def _status_value(value: str) -> tuple[str, str]:
    """«Igangsatt» from «Igangsatt» or «Igangsatt. Arbeidet …»; the rest is status text."""
    head, sep, rest = value.partition(". ")
    if sep and len(head.split()) <= 4:
        return head.strip(), rest.strip()
    return value.strip().rstrip("."), ""


def markdown(blocks: list[str]) -> str:
    """Description blocks as Markdown: paragraphs apart, consecutive bullets in one list."""
    out: list[str] = []
    for block in blocks:
        if out and block.startswith("- ") and out[-1].startswith("- "):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return "\n\n".join(out)


_STOP = frozenset({"gjennom", "mellom", "etter", "innenfor", "under", "bidra", "styrke", "arbeid", "arbeidet", "tiltak", "tiltaket"})


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-zæøå]+", text.lower()) if len(w) >= 5 and w not in _STOP}


_QUOTED = re.compile(r"[\"«“”]([^\"«»“”]{3,})[\"»”“]")


def _guess_groups(measures: list[Measure], groups: list[Group], intro: list[str]) -> None:
    """Groups announced as a list, measures under none: suggest the group whose title shares most words
    with the measure's title (then its text), among the groups the text names in quotes if it names any."""
    quoted = {q.strip().casefold() for text in intro for q in _QUOTED.findall(text)}
    candidates = [g for g in groups if g.title.casefold() in quoted] or groups
    for measure in measures:
        for words in (_stems(measure.title), _stems(" ".join(measure.description))):
            scores = [(len(words & _stems(g.title)), -k, g) for k, g in enumerate(candidates)]
            best = max(scores, key=lambda s: (s[0], s[1]), default=None)
            if best and best[0] > 0 and sum(1 for s in scores if s[0] == best[0]) == 1:
                measure.group, measure.group_is_guess = best[2], True
                break


def parse(text: str) -> Layout:
    return _Parser(text).parse()
