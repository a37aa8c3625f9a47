"""An RSS 2.0 feed of news items and status reports (pure: model in, XML out).

Dates are given only where the data has a full date: a report published "2011-10" has no
day, and the feed does not invent one (RSS makes pubDate optional).
"""

from __future__ import annotations

from email.utils import format_datetime
from datetime import datetime, timezone
from xml.sax.saxutils import escape

from . import model as m
from . import urls
from .prose import render
from .text import year_month


def _date(date: str | None) -> str | None:
    if not date or len(date) != 10:
        return None
    return format_datetime(datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=timezone.utc))


def rss(corpus: m.Corpus, *, site_url: str, site_name: str) -> str:
    base = site_url.rstrip("/") + "/"
    items: list[tuple[str, str]] = []  # (sort key, xml)
    for item in corpus.news.values():
        link = base + urls.url_of(urls.page_of(item.ref))
        summary = render(item.body)  # the same sanitised HTML as the news page; escaped below like every value
        items.append((item.date or "", _item(item.title, link, summary, _date(item.date))))
    for plan in corpus.plans.values():
        for report in plan.reports:
            link = base + f"handlingsplaner/{plan.id}/endringer/#{report.id}"
            summary = (f"{plan.title}: status for {len(report.entries)} tiltak per {year_month(report.as_of)}"
                       + (f", publisert {year_month(report.published)}" if report.published else "") + ".")
            items.append((report.published or report.as_of, _item(f"{report.title} – {plan.title}", link, summary, None)))
    body = "\n".join(xml for _, xml in sorted(items, key=lambda kv: kv[0], reverse=True))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{escape(site_name)}: nyheter og statusrapporter</title>\n<link>{escape(base)}</link>\n"
            "<description>Nyheter og statusrapporter for strategiene og handlingsplanene</description>\n"
            f"<language>nb</language>\n{body}\n</channel>\n</rss>\n")


def _item(title: str, link: str, description: str, date: str | None) -> str:
    out = [f"<item><title>{escape(title)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>",
           f"<description>{escape(description)}</description>"]
    if date:
        out.append(f"<pubDate>{date}</pubDate>")
    return "".join(out) + "</item>"
