"""Norwegian stemming for Material's search: stem the query, not only the index.

Measured with Material 9.8.1: with ``lang: ["no"]`` plus ``stemmer`` in the search
pipeline, inflected queries find nothing, because Material appends ``*`` to every query
term and lunr bypasses the query pipeline for wildcard terms; only the index gets stemmed.
We keep Material's default pipeline (index unstemmed, so exact and prefix matches and
numbers keep working) and make the query side stem each term, by appending a small patch
to the built ``lunr.no.min.js`` that the search worker imports.
"""

from __future__ import annotations

from pathlib import Path

PATCH = (Path(__file__).parent / "assets" / "lunr-no-query-stemming.js").read_text(encoding="utf-8")
MARKER = PATCH.splitlines()[0]
TARGET = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.no.min.js"


def patch_lunr_no(site_dir: Path) -> bool:
    """Append the patch to the built lunr.no.min.js; True if the file was patched now."""
    path = Path(site_dir) / TARGET
    if not path.is_file():
        return False
    js = path.read_text(encoding="utf-8")
    if MARKER in js:
        return False
    path.write_text(js.rstrip("\n") + "\n" + PATCH, encoding="utf-8")
    return True
