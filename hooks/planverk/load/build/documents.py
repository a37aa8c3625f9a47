"""documents.yml: the source documents every entity cites."""

from __future__ import annotations

from pathlib import Path

from ... import model as m
from ..cursor import Cursor
from ..registry import Registry


def documents(cur: Cursor | None, sources: Path, registry: Registry) -> dict[str, m.Document]:
    """``cur`` is at documents.yml (None: the file is missing, reported elsewhere); ``sources``
    is the folder of source texts each document's ``file`` must be in."""
    out: dict[str, m.Document] = {}
    for d, at in registry.listed(cur, "documents"):
        if not (sources / d["file"]).exists():
            at.at("file").error(f"kildeteksten '{d['file']}' finnes ikke i {sources.parent.name}/sources/")
        out[d["id"]] = m.Document(id=d["id"], title=d["title"], kind=d["kind"], publisher_id=d["publisher"], date=d["date"],
                                  file=d["file"], has_pages=d["has_pages"], extraction_note=d.get("extraction_note"),
                                  language=d.get("language", "nb"))
    return out
