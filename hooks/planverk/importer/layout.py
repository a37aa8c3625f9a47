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
- bullets («•», «-», «–», «*»), and «Ansvar: X» inside a bullet (the list is then one of
  sub-measures, each with its own responsible body);
- an overview table before the measures («NR. TILTAK ANSVARLIG PERIODE STATUS»), one row per
  measure, whose cells the extraction has spread over several lines.
"""

from __future__ import annotations

import re

from .describe import describe, move_status_text, status_value
from .found import Fact, Group, Layout, Line, Measure, OverviewRow
from .guess import guess_groups
from .patterns import (
    BULLET_LINE,
    CONTACT,
    FACT,
    FACT_LABELS,
    GROUP,
    LIST_DECLARATION,
    LIST_ITEM,
    LONE_NUMBER,
    MEASURE,
    NUMBERED_HEADING,
    OVERVIEW_HEADER,
    OVERVIEW_ROW,
    SINGULAR,
    URL_ONLY,
    continues,
    ends_sentence,
    join,
)


class _Parser:
    def __init__(self, text: str):
        self.lines = [Line(i + 1, raw.strip()) for i, raw in enumerate(text.split("\n"))]
        self.not_understood: list[tuple[int, str, str]] = []
        has_tiltak = any(MEASURE.match(line.text) for line in self.lines)
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
            match = MEASURE.match(text)
            if match:
                return match.group("number"), match.group("title")
            return None
        match = LONE_NUMBER.match(text)
        if not match:
            return None
        j = self._next_nonblank(i)
        if j is None or j - i > 2:
            return None
        title = self.lines[j].text
        if not title[0].isupper() or FACT.match(title) or LONE_NUMBER.match(title) or self.group_heading(j):
            return None
        return match.group("number"), None

    def group_heading(self, i: int) -> tuple[str, bool, str | None, str | None] | None:
        """(kind, kind_is_editorial, number, title or None when it is on the next line)."""
        text = self.lines[i].text
        match = GROUP.match(text)
        # a number is required: «Mål: Økt kompetanse» inside a measure is the measure's goal, not a group
        if match and text[0].isupper() and match.group("number"):
            title = match.group("title").strip() or None
            if title and title[0].islower():
                return None  # «Mål 2 er å …» in a sentence
            return match.group("kind").lower(), False, match.group("number"), title
        if self.style == "tiltak":
            numbered = NUMBERED_HEADING.match(text)
            if numbered:
                j = self._next_nonblank(i)
                if j is not None and MEASURE.match(self.lines[j].text):
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
                move_status_text(x)
        if declared and not any(m.group for m in measures):
            guess_groups(measures, declared, intro)
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
        paragraph: list[Line] = []
        i = 0

        def flush() -> None:
            nonlocal title
            if not paragraph:
                return
            text = join([p.text for p in paragraph])
            if title is None and len(paragraph) == 1 and not ends_sentence(text):
                title = text
            elif ends_sentence(text) and len(text) > 40:
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
            if OVERVIEW_HEADER.search(line.text) and len(line.text) < 80 and not ends_sentence(line.text):
                flush()
                i = self._overview(i + 1, end, overview)
                continue
            declaration = LIST_DECLARATION.search(line.text)
            if declaration:  # the list's lead-in: its items become the groups
                flush()
                i = self._declared(i + 1, end, declaration.group("word").lower(), declared)
                continue
            if URL_ONLY.match(line.text):
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
            match = OVERVIEW_ROW.match(text)
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
        kind = SINGULAR.get(word, word)
        while i < end and not self.lines[i].text:
            i += 1
        while i < end:
            match = LIST_ITEM.match(self.lines[i].text)
            if not match:
                break
            title = re.sub(r"(?:\s+og|\s*[.,;])$", "", match.group("title").strip())  # the list's own punctuation
            groups.append(Group(kind=kind, kind_is_editorial=False, number=match.group("number"), title=title,
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
        while i < len(self.lines) and continues(title_parts[-1], self.lines[i].text):
            title_parts.append(self.lines[i].text)
            i += 1
        measure = Measure(number=number, title=join(title_parts), line=start.no, group=group)
        measures.append(measure)
        blocks: list[list[Line]] = []  # paragraphs and bullets, before the status fact
        status_blocks: list[list[Line]] = []
        target = blocks
        current: list[Line] | None = None
        while i < len(self.lines) and not self.is_heading(i):
            line = self.lines[i]
            text = line.text
            if not text:
                current = None
                i += 1
                continue
            fact = FACT.match(text)
            if blocks and not measure.facts:
                measure.text_before_facts = True
            if fact and not (BULLET_LINE.match(text) and fact.group("label").lower() not in ("ansvar", "ansvarlig", "ansvarleg")):
                parts = [fact.group("value")]
                i += 1
                while i < len(self.lines) and not self.is_heading(i) and continues(parts[-1], self.lines[i].text):
                    parts.append(self.lines[i].text)
                    i += 1
                key = FACT_LABELS[fact.group("label").lower()]
                value = join(parts)
                if key == "status":
                    value, rest = status_value(value)
                    target = status_blocks
                    current = None
                    if rest:
                        current = [Line(line.no, rest)]
                        target.append(current)
                else:
                    current = None
                if key == "period":
                    value = value.rstrip(".").strip()
                measure.facts.append(Fact(key=key, label=fact.group("label"), value=value, line=line.no))
                continue
            if URL_ONLY.match(text) or LONE_NUMBER.match(text):
                self.not_understood.append((line.no, text, "en adresse eller et tall alene på linjen (sidetall?)"))
                i += 1
                continue
            if CONTACT.match(text) and target is blocks:
                self.not_understood.append((line.no, text, "kontaktpersoner: legg dem inn for hånd under contacts (intern)"))
                current = None
                i += 1
                continue
            if BULLET_LINE.match(text) or current is None:
                current = [line]
                target.append(current)
            else:
                current.append(line)
            i += 1
        describe(measure, blocks)
        measure.status_text = [join([b.text for b in block]) for block in status_blocks]
        measure.status_blocks = status_blocks
        return i


def parse(text: str) -> Layout:
    return _Parser(text).parse()
