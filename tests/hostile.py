"""Hostile and internal additions to a copy of data/, shared by the unit and site tests.

Each addition carries a marker word so a test can look for it in every byte of an output.
The additions are made by exact text edits (each anchor must occur once) and by new files,
so they follow the real data wherever it goes, and the data stays valid: the build of it
must succeed, and only what must be inert or internal is tested.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

# Markers of internal data: none may reach a public or offline output; all reach the internal one.
INTERNAL_MARKERS = {
    "plan file": "pvinternplanfil",
    "report file": "pvinternrapportfil",
    "news file": "pvinternnyhetsfil",
    "strategy file": "pvinternstrategifil",
    "measure": "pvinterntiltak",
    "report entry": "pvinternrapportpost",
    "organisation": "pvinternorganisasjon",
    "field": "pvinternnotat",
    "relation": "pvinternrelasjon",
}

# Script that data tries to run; the words inside must never become markup that runs.
XSS_MARKER = "pvxss"


def edit(data: Path, rel: str, old: str, new: str) -> None:
    path = data / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def copy_texts(folder: Path, old: str, new: str) -> None:
    """The Markdown texts of the data file ``folder/old.yml`` (its folder ``folder/old/``, if any),
    copied for ``folder/new.yml``, their refs naming the new id."""
    if not (folder / old).is_dir():
        return
    (folder / new).mkdir()
    for path in sorted((folder / old).glob("*.md")):
        text = re.sub(rf"(?m)^(ref: [a-z-]+:){re.escape(old)}(?=/|\s)", rf"\g<1>{new}", path.read_text(encoding="utf-8"))
        (folder / new / path.name).write_text(text, encoding="utf-8")


def add_internal(data: Path) -> None:
    """Something internal at every level: file, entity, field, report entry, relation."""
    m = INTERNAL_MARKERS
    # a whole plan file, and a report file of that plan
    (data / "plans" / "intern-plan.yml").write_text(f"""# yaml-language-server: $schema=../schema/plan.schema.json
internal: true
id: intern-plan
title: Intern plan {m['plan file']}
owner: jd
period: null
source: {{document: handlingsplan-radikalisering-sfk-tiltak, page: null}}
description: |
  Beskrivelse {m['plan file']}.
groups:
  - {{id: gruppe-1, number: "1", label: Gruppe, title: Gruppe {m['plan file']}}}
measures:
  - id: tiltak-1
    number: 1
    group: gruppe-1
    title: Tiltak {m['plan file']}
    responsibility: {{summary: null, text: null, parties: [{{org: jd, role: ansvarlig}}]}}
    period: null
    description: |
      Tekst {m['plan file']}.
""", encoding="utf-8")
    (data / "reports" / "intern-plan-2020-01.yml").write_text(f"""# yaml-language-server: $schema=../schema/report.schema.json
internal: true
id: intern-plan-2020-01
plan: intern-plan
title: Rapport {m['report file']}
as_of: "2020-01"
source: {{document: handlingsplan-radikalisering-sfk-tiltak, page: null}}
entries:
  - measure: tiltak-1
    status: Igangsatt
    narrative: Status {m['report file']}.
    source: {{page: null}}
""", encoding="utf-8")
    # a whole news file
    news = next((data / "news").glob("*.yml"))
    text = news.read_text(encoding="utf-8")
    old_id = news.stem
    text = text.replace(f"id: {old_id}\n", "internal: true\nid: intern-nyhet\n", 1)
    text = text.replace("\ntitle: ", f"\ntitle: {m['news file']} ", 1)
    (data / "news" / "intern-nyhet.yml").write_text(text, encoding="utf-8")
    copy_texts(data / "news", old_id, "intern-nyhet")
    # a whole strategy file: a copy of the first strategy under a new id
    strategy = sorted((data / "strategies").glob("*.yml"))[0]
    text = strategy.read_text(encoding="utf-8")
    text = text.replace(f"id: {strategy.stem}\n", "internal: true\nid: intern-strategi\n", 1)
    text = text.replace("\ntitle: ", f"\ntitle: {m['strategy file']} ", 1)
    (data / "strategies" / "intern-strategi.yml").write_text(text, encoding="utf-8")
    copy_texts(data / "strategies", strategy.stem, "intern-strategi")
    # an entity (a measure) that a report entry and a relation point at, both internal too
    edit(data, "plans/gode-krefter.yml",
         "  - id: tiltak-3\n    number: 3\n    group: tiltakspakke-1\n    title: Utvikling",
         f"  - id: tiltak-3\n    internal: true\n    number: 3\n    group: tiltakspakke-1\n    title: {m['measure']} Utvikling")
    edit(data, "reports/gode-krefter-2011-08.yml", "  - measure: tiltak-3\n    status: Igangsatt\n    narrative: |\n      Boka",
         f"  - measure: tiltak-3\n    internal: true\n    status: Igangsatt\n    narrative: |\n      {m['report entry']} Boka")
    edit(data, "relations/gode-krefter-plan.yml", "relations:\n",
         f"""relations:
  - from: measure:gode-krefter/tiltak-3
    to: measure:gode-krefter/tiltak-4
    kind: viser-til
    internal: true
    quote: "{m['relation']}"
    source: {{document: gode-krefter-statusrapport-2011, page: 7}}
""")
    # an organisation
    edit(data, "organisations.yml", "organisations:\n", f"""organisations:
  - id: intern-org
    internal: true
    abbreviation: null
    name: "{m['organisation']}"
    kind: annet
    source: {{document: handlingsplan-radikalisering-sfk-tiltak, page: null}}
""")
    # a field: an internal note on a public measure
    edit(data, "plans/radikalisering.yml", "    themes: [radikalisering]\n  - id: tiltak-22",
         f"    notes:\n      - {{date: \"2024-01-02\", author: Enheten, text: Notat {m['field']}.}}\n"
         "    themes: [radikalisering]\n  - id: tiltak-22")


def add_xss(data: Path) -> None:
    """Every stored-XSS vector the issue found that the loader must accept and the output keep inert."""
    x = XSS_MARKER
    # an attribute list after a paragraph of a plan's description (was <p onmouseover>), in its Markdown file
    edit(data, "plans/radikalisering/om-planen.md", "---\nI juni 2020",
         f"---\nAvsnitt.\n{{: onmouseover=\"alert('{x}1')\" }}\n\nI juni 2020")
    # an attribute list that overwrites a checked link's target (was href="javascript:")
    edit(data, "plans/radikalisering.yml", "    title: Kunnskap og kompetanse\n",
         f"    title: Kunnskap og kompetanse\n    description: \"[a](https://example.org/){{: href=\\\"javascript:alert('{x}2')\\\"}}\"\n")
    # raw HTML in a news body
    news = next((data / "news").glob("*.yml"))
    html = f"<img src=x onerror=\"alert('{x}3')\"> <script>alert('{x}4')</script>"
    texts = sorted((data / "news" / news.stem).glob("*.md"))
    if texts:  # the body as a Markdown file beside the YAML
        body = texts[0].read_text(encoding="utf-8")
        start = body.index("\n---\n") + len("\n---\n")
        texts[0].write_text(body[:start] + html + "\n\n" + body[start:], encoding="utf-8")
    else:
        edit(data, f"news/{news.name}", "body: |\n", f"body: |\n  {html}\n\n")
    edit(data, f"news/{news.name}", "\ntitle: ", f"\ntitle: <script>alert('{x}6')</script> ]]> &amp; ")
    # markup in plain-text fields: a plan title (a nav section title, the feed) and a theme
    edit(data, "plans/radikalisering.yml", "title: Handlingsplan mot radikalisering",
         f"title: \"<script>alert('{x}5')</script> ]]> &amp; Handlingsplan mot radikalisering")
    text = (data / "plans/radikalisering.yml").read_text(encoding="utf-8")
    line = next(ln for ln in text.split("\n") if ln.startswith("title: \"<script>"))
    (data / "plans/radikalisering.yml").write_text(text.replace(line, line + "\""), encoding="utf-8")


def hostile_copy(target: Path, *, xss: bool = True, internal: bool = True, source: Path | None = None) -> Path:
    from support import DATA

    shutil.copytree(source or DATA, target)
    if internal:
        add_internal(target)
    if xss:
        add_xss(target)
    return target
