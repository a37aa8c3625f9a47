"""Pictures drawn from the data (pure geometry: values in, numbers out; the HTML and SVG are
in templates/). No JavaScript: the pictures work offline, in print and on a 360 px phone.

- pyramid(): the styringspyramide as stacked trapezoids, top layer narrowest; each layer's
  label and detail are wrapped to the layer's width, so any text fits.
- segments(): a stacked bar's parts, with the count shown inside a part only where the
  part is wide enough to hold it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Pyramid geometry, in SVG user units (the SVG scales to its container, at most this wide).
WIDTH = 400
TOP = 0.46  # the top layer's upper edge as a share of the base
LABEL_SIZE = 16
DETAIL_SIZE = 13
LINE = 1.3  # line height, in font sizes
PAD = 10  # vertical padding inside a layer
GAP = 4  # white gap between layers
CHAR = 0.58  # average glyph width, in font sizes (bold is wider: used for labels)
MAX_DETAIL_LINES = 3
# Fills from dark (top) to lighter (base); white text on each has at least 7:1 contrast.
FILLS = ("#0b2f52", "#103b66", "#15477a", "#1a4f87", "#1f5690", "#235c96", "#27629c")


@dataclass(frozen=True, slots=True)
class Layer:
    label: str
    detail: str
    href: str


def _wrap(text: str, chars: int, max_lines: int) -> list[str]:
    """Words into lines of at most ``chars`` characters; the last line ends with … if cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(chars - 2, 1)].rstrip() + " …"
    return lines


def _width_at(y: float, height: float) -> float:
    return WIDTH * (TOP + (1 - TOP) * y / height)


def pyramid(layers: list[Layer]) -> dict[str, Any]:
    """Trapezoids (points), text positions and wrapped lines for each layer, top first."""
    if not layers:
        return {"width": WIDTH, "height": 0, "layers": []}
    # Two passes: heights depend on how the details wrap, which depends on the widths.
    wrapped = [_wrap(layer.detail, 24, MAX_DETAIL_LINES) if layer.detail else [] for layer in layers]
    for _ in range(2):
        heights = [2 * PAD + LABEL_SIZE * LINE + len(lines) * DETAIL_SIZE * LINE for lines in wrapped]
        total = sum(heights) + GAP * (len(layers) - 1)
        y = 0.0
        tops = []
        for h in heights:
            tops.append(y)
            y += h + GAP
        wrapped = [_wrap(layer.detail, int((_width_at(top, total) - 2 * PAD) / (DETAIL_SIZE * CHAR)), MAX_DETAIL_LINES)
                   if layer.detail else [] for layer, top in zip(layers, tops, strict=False)]
    heights = [2 * PAD + LABEL_SIZE * LINE + len(lines) * DETAIL_SIZE * LINE for lines in wrapped]
    total = sum(heights) + GAP * (len(layers) - 1)
    out = []
    y = 0.0
    for i, (layer, lines, h) in enumerate(zip(layers, wrapped, heights, strict=False)):
        top_w, bottom_w = _width_at(y, total), _width_at(y + h, total)
        left_top, left_bottom = (WIDTH - top_w) / 2, (WIDTH - bottom_w) / 2
        points = [(left_top, y), (left_top + top_w, y), (left_bottom + bottom_w, y + h), (left_bottom, y + h)]
        room = top_w - 2 * PAD
        label_width = len(layer.label) * LABEL_SIZE * CHAR * 1.08
        text_y = y + PAD + LABEL_SIZE
        out.append({
            "number": i + 1,
            "label": layer.label,
            "href": layer.href,
            "points": " ".join(f"{_n(px)},{_n(py)}" for px, py in points),
            "fill": FILLS[min(i, len(FILLS) - 1)],
            "x": _n(WIDTH / 2),
            "label_y": _n(text_y),
            # squeeze a label that would not fit (only in a very narrow top layer)
            "label_length": _n(room) if label_width > room else None,
            "details": [{"text": line, "y": _n(text_y + (k + 1) * DETAIL_SIZE * LINE)} for k, line in enumerate(lines)],
            "detail_full": layer.detail,
        })
        y += h + GAP
    return {"width": WIDTH, "height": _n(total), "label_size": LABEL_SIZE, "detail_size": DETAIL_SIZE, "layers": out}


def _n(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros (deterministic text)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True, slots=True)
class Segment:
    key: str  # status id, or "ingen"
    label: str
    count: int
    share: float  # percent of the total, one decimal
    show_count: bool  # room for the number inside the part


def segments(counts: list[tuple[str, str, int]], total: int, *, bar_em: float = 10) -> list[Segment]:
    """The non-empty parts of a stacked bar of ``bar_em`` em. A count is shown inside its part
    when the part is at least as wide as the digits need (about .6 em each at the bar's
    .7 em text, plus padding)."""
    if not total:
        return []
    out = []
    for key, label, count in counts:
        if not count:
            continue
        share = round(100 * count / total, 1)
        need = (len(str(count)) * 0.6 + 0.8) / bar_em * 100
        out.append(Segment(key, label, count, share, share >= need))
    return out
