"""errata/*.yml: errors in the source documents and what they should say."""

from __future__ import annotations

from typing import Iterable

from ... import model as m
from ..cursor import Cursor
from .known import Known


def errata(files: list[Cursor], known: Known) -> Iterable[m.Erratum]:
    for cur in files:
        for j, e in enumerate(cur.file.data["errata"]):
            doc = known.registry.resolve(known.documents, e["document"], cur.at("errata", j, "document"), "document")
            if doc is not None:
                yield m.Erratum(document=doc, page=e.get("page"), line=e.get("line"), original=e["original"],
                                corrected=e["corrected"], kind=e["kind"], note=e.get("note"))
