"""What only the internal handbook shows: internal notes and the «Utkast» marks of draft reports.

The public and offline corpora have no notes and no drafts (the loader removed them); each
function here also checks the corpus's audience, so nothing internal is generated there even
if that ever failed.
HTML from Jinja templates with autoescape; note text is prose, rendered by :class:`Prose`.
"""

from __future__ import annotations

from typing import Iterable

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import Markup

from .. import model as m
from ..text import year_month
from .base import Ctx

_TEMPLATES = {
    # A named region (not <aside>: a complementary landmark must be top-level), marked «Intern».
    "notes.html": """\
<section class="admonition internal pv-notes" aria-labelledby="{{ id }}">
<p class="admonition-title" id="{{ id }}">Intern: {{ title }}</p>
<ul class="pv-notes__list">
{%- for item in items %}
<li class="pv-note"><p class="pv-note__meta"><time datetime="{{ item.note.date }}">{{ when(item.note.date) }}</time> · {{ item.note.author }}
{%- if item.note.kind %} · <span class="pv-note__kind">{{ kinds[item.note.kind] }}</span>{% endif %}
{%- if item.context %} · {{ item.context }}{% endif %}</p>
{{ item.html }}</li>
{%- endfor %}
</ul>
</section>""",
    "draft_notice.html": """\
<div class="admonition pv-draft" role="note">
<p class="admonition-title">Utkast</p>
{%- for report in reports %}
<p>{{ what }} bygger på <strong>{{ report.title }}</strong> (status per {{ when(report.as_of) }}), et <strong>utkast</strong> som ikke er publisert.
{%- if published.get(report.id) %} Den offentlige versjonen viser fortsatt {{ published[report.id].title }} (status per {{ when(published[report.id].as_of) }}).
{%- else %} Den offentlige versjonen har ingen statusrapport for planen ennå.{% endif %}
Rapporten publiseres ved å slette linjen <code>draft: true</code> i rapportfilen.</p>
{%- endfor %}
</div>""",
    "draft_tag.html": '<span class="pv-draft-tag">Utkast</span>',
}

_env = Environment(loader=DictLoader(_TEMPLATES), autoescape=True, undefined=StrictUndefined, keep_trailing_newline=False)
_env.globals.update(when=year_month, kinds=m.NOTE_KINDS)

DRAFT_TAG = _env.get_template("draft_tag.html").render()


def notes_block(ctx: Ctx, notes: tuple[m.Note, ...], *, title: str = "merknader", anchor: str = "intern-merknader") -> str:
    """A page's internal notes as a fragment (the «Intern» block), or "" when there are none."""
    return entry_notes_block(ctx, [(n, None) for n in notes], title=title, anchor=anchor)


def entry_notes_block(ctx: Ctx, notes: Iterable[tuple[m.Note, str | None]], *, title: str, anchor: str) -> str:
    """Notes each with a context line (e.g. the report an entry note belongs to)."""
    if not ctx.corpus.internal:
        return ""
    items = [{"note": note, "context": context, "html": Markup(f'<div class="pv-prose">{ctx.prose_renderer.html(note.text)}</div>')}
             for note, context in notes]
    if not items:
        return ""
    return ctx.fragment(_env.get_template("notes.html").render(id=anchor, title=title, items=items))


def report_notes(history: Iterable[tuple[m.StatusReport, m.StatusEntry | None]]) -> list[tuple[m.Note, str]]:
    """The internal notes on a measure's entries (its status history, oldest first), newest report first."""
    out = []
    for report, entry in reversed(tuple(history)):
        if entry is not None and entry.notes:
            label = report.title + (" (utkast)" if report.draft else "")
            out += [(note, label) for note in entry.notes]
    return out


def last_published_before(plan: m.Plan, draft: m.StatusReport) -> m.StatusReport | None:
    """The published report a draft would follow: the newest one dated before it."""
    earlier = [r for r in plan.published_reports if (r.as_of, r.id) < (draft.as_of, draft.id)]
    return earlier[-1] if earlier else None


def drafts_used(ctx: Ctx, measures: Iterable[m.Measure]) -> list[m.StatusReport]:
    """The draft reports the shown status of ``measures`` comes from, in plan order."""
    found: dict[str, m.StatusReport] = {}
    for measure in measures:
        entry = ctx.index.entry(measure)
        if entry is not None and entry[0].draft:
            found.setdefault(entry[0].ref, entry[0])
    return list(found.values())


def draft_notice(ctx: Ctx, reports: list[m.StatusReport], what: str = "Statusen på denne siden") -> str:
    """The «Utkast» notice at the top of a page that shows status from a draft report."""
    if not reports or not ctx.corpus.internal:
        return ""
    published = {}
    for report in reports:
        before = last_published_before(ctx.corpus.plans[report.plan_id], report)
        if before is not None:
            published[report.id] = before
    return ctx.fragment(_env.get_template("draft_notice.html").render(reports=reports, published=published, what=what))


def draft_tag(report: m.StatusReport | None) -> str:
    """«Utkast» beside a status that comes from a draft."""
    return DRAFT_TAG if report is not None and report.draft else ""
