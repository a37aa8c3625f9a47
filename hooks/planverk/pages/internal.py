"""What only the internal handbook shows: internal notes and the «Utkast» marks of draft reports.

The public and offline corpora have no notes and no drafts (the loader removed them); each
function here also checks the corpus's audience, so nothing internal is generated there even
if that ever failed.
Note text is prose, rendered like every prose field (:meth:`Ctx.prose_block`).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from .. import model as m
from ..templating import render
from .base import Ctx


def notes_block(ctx: Ctx, notes: tuple[m.Note, ...], *, title: str = "merknader", anchor: str = "intern-merknader") -> str:
    """A page's internal notes as a fragment (the «Intern» block), or "" when there are none."""
    html = notes_html(ctx, notes, title=title, anchor=anchor)
    return ctx.fragment(html) if html else ""


def entry_notes_block(ctx: Ctx, notes: Iterable[tuple[m.Note, str | None]], *, title: str, anchor: str) -> str:
    """Notes each with a context line (e.g. the report an entry note belongs to)."""
    html = entry_notes_html(ctx, notes, title=title, anchor=anchor)
    return ctx.fragment(html) if html else ""


def notes_html(ctx: Ctx, notes: tuple[m.Note, ...], *, title: str = "merknader", anchor: str = "intern-merknader") -> Markup:
    """:func:`notes_block`'s HTML, for a fragment of its own page's making."""
    return entry_notes_html(ctx, [(n, None) for n in notes], title=title, anchor=anchor)


def entry_notes_html(ctx: Ctx, notes: Iterable[tuple[m.Note, str | None]], *, title: str, anchor: str) -> Markup:
    if not ctx.corpus.internal:
        return Markup()
    items = [{"note": note, "context": context, "html": ctx.prose_block(note.text)} for note, context in notes]
    if not items:
        return Markup()
    return render("notes.html", id=anchor, title=title, items=items, kinds=m.NOTE_KINDS)


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
    return ctx.html("draft_notice.html", reports=reports, published=published, what=what)
