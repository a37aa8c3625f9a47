"""The browser stems exactly as the build does: Python and JavaScript over every word of the data."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from planverk.search.text import terms
from support import DATA, REPO

NODE = shutil.which("node")
# Nynorsk and bokmål forms the data may not hold (Snowball 3 treats both).
EXTRA = """kommunane kommunene tiltaka tiltakene ungdomsstraffen jentene gutane husa vegane
kunnskapsgrunnlaget konfliktrådene omdømmet æøå ÆØÅ straffegjennomføringa oppfølginga
arbeidsgruppa 2011 15-18 SLT-koordinatorene Bufdir IMDi KRÅD næringslivet nære relasjonar
lovbrytarar heimane skulen skolen ungdomane"""


def _js_terms(texts: list[str]) -> list[list[str]]:
    out = subprocess.run(["node", str(REPO / "tests/unit/search_node.js"), "stem", str(REPO / "docs")],
                         input=json.dumps(texts), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.skipif(NODE is None, reason="node is needed to run the browser's stemmer (make tools installs it)")
def test_python_and_javascript_make_the_same_terms_from_every_word_of_the_data():
    texts = [path.read_text(encoding="utf-8") for path in sorted(DATA.rglob("*.yml"))] + [EXTRA]
    words = sorted({w for text in texts for w in text.split()})
    ours = [terms(w) for w in words]
    theirs = _js_terms(words)
    differ = [(w, a, b) for w, a, b in zip(words, ours, theirs, strict=False) if a != b]
    assert len(words) > 1000 and not differ, differ[:20]


@pytest.mark.skipif(NODE is None, reason="node is needed to run the browser's stemmer")
def test_inflected_forms_share_a_stem_in_both():
    pairs = [("ungdomsstraffen", "ungdomsstraff"), ("tiltakene", "tiltak"), ("kommunane", "kommunene")]
    for inflected, base in pairs:
        assert terms(inflected) == terms(base)
        assert _js_terms([inflected, base]) == [terms(inflected), terms(base)]
