"""A measure's text as the draft writes it: paragraphs and bullets as Markdown blocks (each bullet
is also noted as a possible sub-measure, with the body a «Ansvar: X» inside it names), and a
status value split from its status text."""

from __future__ import annotations

from .found import Line, Measure, SubMeasure
from .patterns import BULLET_LINE, IN_BULLET, join


def describe(measure: Measure, blocks: list[list[Line]]) -> None:
    """Paragraphs and bullets as Markdown blocks; each bullet is also noted as a possible sub-measure (the
    draft makes a list whose items name their own responsible body into sub-measures)."""
    for block in blocks:
        bullet = BULLET_LINE.match(block[0].text)
        text = join([bullet.group("text") if bullet else block[0].text] + [b.text for b in block[1:]])
        if bullet:
            inner = IN_BULLET.search(text)
            measure.sub_measures.append(SubMeasure(text=text, responsible=inner.group("value").strip() if inner else None,
                                                   line=block[0].no, index=len(measure.description)))
            measure.description.append(f"- {text}")
        else:
            measure.description.append(text)


def move_status_text(x: Measure) -> None:
    describe(x, x.status_blocks)
    x.status_text, x.status_blocks = [], []


def status_value(value: str) -> tuple[str, str]:
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
