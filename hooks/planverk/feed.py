"""An RSS 2.0 feed of news items and status reports (pure: model in, XML out).

Every item with a known date has a pubDate. A report published "2011-10" has no day: its
pubDate is the first of that month, and the item says so in words, so no reader takes the
day for a fact. An item whose date is unknown (a news item with date: null) says that
instead; the feed does not invent a date (RSS makes pubDate optional).
Summaries cut to length end at a word with an ellipsis.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from . import model as m
from . import urls
from .plaintext import plain
from .text import year_month

SUMMARY_LENGTH = 400


def _date(date: str | None) -> tuple[str | None, str]:
    """(RFC 822 pubDate, a sentence for the item when the date is not a full day)."""
    if not date:
        return None, "Datoen er ukjent."
    year, _, rest = date.partition("-")
    month, _, day = rest.partition("-")
    when = datetime(int(year), int(month or 1), int(day or 1), tzinfo=UTC)
    note = ""
    if not month:
        note = f"Bare året ({year}) er kjent; 1. januar {year} er brukt som publiseringsdato."
    elif not day:
        note = f"Bare måneden ({year_month(date)}) er kjent; 1. {year_month(date)} er brukt som publiseringsdato."
    return format_datetime(when), note


def summary(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """``text`` on one line, cut at the last whole word within ``limit`` with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,.;:–-") + " …"


def rss(corpus: m.Corpus, *, site_url: str, site_name: str) -> str:
    base = site_url.rstrip("/") + "/"
    items: list[tuple[str, str]] = []  # (sort key, xml)
    for item in corpus.news.values():
        link = base + urls.url_of(urls.page_of(item.ref))
        date, note = _date(item.date)
        items.append((item.date or "", _item(item.title, link, _with(summary(plain(item.body) or ""), note), date)))
    for plan in corpus.plans.values():
        for report in plan.reports:
            link = base + f"handlingsplaner/{plan.id}/endringer/#{report.id}"
            text = (f"{plan.title}: status for {len(report.entries)} tiltak per {year_month(report.as_of)}"
                    + (f", publisert {year_month(report.published)}" if report.published else "") + ".")
            date, note = _date(report.published or report.as_of)
            if not report.published:
                note = note.replace("publiseringsdato", "publiseringsdato (rapporten oppgir bare hvilken måned statusen gjelder for)")
            items.append(
                (
                    report.published or report.as_of,
                    _item(f"{report.title}{' (utkast)' if report.draft else ''} – {plan.title}", link, _with(text, note), date),
                )
            )
    body = "\n".join(xml for _, xml in sorted(items, key=lambda kv: kv[0], reverse=True))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{escape(site_name)}: nyheter og statusrapporter</title>\n<link>{escape(base)}</link>\n"
            "<description>Nyheter og statusrapporter for strategiene og handlingsplanene</description>\n"
            f"<language>nb</language>\n{body}\n</channel>\n</rss>\n")


def _with(text: str, note: str) -> str:
    return f"{text} ({note})" if note else text


def _item(title: str, link: str, description: str, date: str | None) -> str:
    """``description`` is plain text; RSS readers render it as HTML, so it is HTML-escaped, then XML-escaped."""
    out = [f"<item><title>{escape(title)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>",
           f"<description>{escape(html.escape(description, quote=False))}</description>"]
    if date:
        out.append(f"<pubDate>{date}</pubDate>")
    return "".join(out) + "</item>"
