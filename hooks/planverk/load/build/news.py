"""news/<id>.yml: a news item from a publisher."""

from __future__ import annotations

from ... import model as m
from .. import convert
from ..cursor import Cursor
from .known import Known


def news(cur: Cursor, known: Known) -> m.NewsItem | None:
    d = cur.file.data
    publisher = known.org(d["publisher"], cur.at("publisher"))
    if publisher is None:
        known.registry.fail(f"news:{d['id']}")
        return None
    body = convert.prose(d["body"], cur.at("body")) or ""
    themes = known.themes_of(d.get("themes"), cur)
    source = known.source(d["source"], cur.at("source"))
    if source is None:
        known.registry.fail(f"news:{d['id']}")
        return None
    item = m.NewsItem(id=d["id"], title=d["title"], title_is_editorial=d.get("title_is_editorial", False), date=d["date"],
                      publisher=publisher, body=body, themes=themes, source=source)
    known.registry.register(item, cur)
    return item
