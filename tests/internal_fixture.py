"""Internal content added to a copy of data/ for the tests: internal notes on every level and a
draft report. Never written to data/ itself; works on whatever data/ holds (any valid data)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from planverk.yamlload import load_yaml

# Tokens found nowhere else; each names the level it was added on.
TOKENS = {
    "plan": "PVTESTPLANNOTAT",
    "group": "PVTESTPAKKENOTAT",
    "measure": "PVTESTTILTAKSNOTAT",
    "entry": "PVTESTRAPPORTNOTAT",
    "draft-title": "PVTESTUTKASTTITTEL",
    "draft-text": "PVTESTUTKASTTEKST",
    "author": "PVTESTENHET",
}
ANY_TOKEN = re.compile("pvtest", re.I)


def _read(path: Path):
    return load_yaml(path.read_text(encoding="utf-8")).data


def _write(path: Path, schema: str, data) -> None:
    """YAML is a superset of JSON: every string comes out quoted, so nothing is misread."""
    path.write_text(f"# yaml-language-server: $schema=../schema/{schema}\n" + json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")


def _note(token: str, kind: str | None = None) -> dict:
    note = {"date": "2012-02-14", "author": f"Seksjon {TOKENS['author']}", "text": f"Oppfølging: {token} må avklares før neste rapport."}
    if kind:
        note["kind"] = kind
    return note


def add_internal_content(data: Path) -> dict[str, str | None]:
    """Notes on the first plan, its first package and first measure and a report entry, and a
    draft report of that plan that changes the first measure's status."""
    plan_file = sorted((data / "plans").glob("*.yml"))[0]
    plan = _read(plan_file)
    measure = min(plan["measures"], key=lambda x: x["number"])
    package = next(p for p in plan["groups"] if p["id"] == measure["group"])
    plan["notes"] = [_note(TOKENS["plan"], "neste-steg")]
    package["notes"] = [_note(TOKENS["group"], "risiko")]
    measure["notes"] = [_note(TOKENS["measure"], "kontakt"), {**_note("eldre"), "date": "2011-12-01"}]
    _write(plan_file, "plan.schema.json", plan)

    scales = _read(data / "vocabulary.yml")["scales"]
    scale = next((s for s in scales if s["id"] == plan.get("scale")), scales[0])
    statuses = [s["label"] for s in scale["statuses"]]
    reports = [(path, _read(path)) for path in sorted((data / "reports").glob("*.yml"))]
    reports = sorted([(p, r) for p, r in reports if r["plan"] == plan["id"] and not r.get("draft")], key=lambda pr: pr[1]["as_of"])
    before = None
    if reports:
        path, report = reports[-1]
        entry = next((e for e in report["entries"] if e["measure"] == measure["id"]), None)
        if entry is None:
            entry = {"measure": measure["id"], "status": statuses[0], "source": {"page": None}}
            report["entries"].append(entry)
        entry["notes"] = [_note(TOKENS["entry"], "oppfolging")]
        before = entry["status"]
        _write(path, "report.schema.json", report)
    after = next(s for s in reversed(statuses) if s != before)
    draft_id = f"{plan['id']}-pvtest-utkast"
    draft = {"id": draft_id, "plan": plan["id"], "title": f"Statusrapport {TOKENS['draft-title']}", "as_of": "2099-12",
             "draft": True, "source": {"document": plan["source"]["document"], "page": None},
             "entries": [{"measure": measure["id"], "status": after, "narrative": f"Utkastets tekst {TOKENS['draft-text']}.",
                          "source": {"page": None}, **({} if reports else {"notes": [_note(TOKENS["entry"])]})}]}
    _write(data / "reports" / f"{draft_id}.yml", "report.schema.json", draft)
    return {"plan": plan["id"], "group": package["id"], "measure": measure["id"], "draft": draft_id,
            "published": reports[-1][1]["id"] if reports else None}
