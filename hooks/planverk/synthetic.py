"""Synthetic data of any size, for benchmarks: valid YAML that goes through the same schema
and loader as the real data. Deterministic for a seed.

``write(folder, measures=10_000, seed=1)`` writes a complete data folder: plans with groups
of about 25 measures, one or two status reports per plan, strategies with areas, goals and
delmål, organisations, relations, news, and a source text per document. Text lengths follow
the real data (plan text ~600 characters, status narrative ~1,100).
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

WORDS = (
    "kommunene politiet tiltak forebygging kriminalitet ungdom samarbeid kunnskap skolen barnevernet rus "
    "oppfølging konfliktrådet straffegjennomføring tilbakeføring veileder evaluering arbeidsgruppe departementet "
    "direktoratet rapport planlegging kompetanse utvikling erfaringer modell lokalt nasjonalt regionale tjenester "
    "samordning trygghet oppvekst familie frivillige organisasjoner næringslivet analyse statistikk undersøkelse "
    "gjennomføres videreføres styrke bedre økt målrettet tverrfaglig helhetlig systematisk digital sikkerhet "
    "og i for med til av som på er det en et å har skal vil ble kan om fra ved innen mellom"
).split()
STATUSES = ["Ikke igangsatt", "Under planlegging", "Igangsatt", "Gjennomført"]
THEMES = ["kunnskap", "slt", "politi", "rus", "barn-og-unge", "skole", "barnevern", "bolig", "gjenopprettende-prosess"]
SCHEMA = "# yaml-language-server: $schema=../schema/{}.schema.json\n"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, chars: int) -> str:
    out, size = [], 0
    while size < chars:
        para = " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(2, 4)))
        out.append(para)
        size += len(para)
    return "\n\n".join(out)


def _block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def write(folder: Path, *, measures: int, seed: int = 1, real_data: Path | None = None) -> dict[str, int]:
    """Write a data folder with ``measures`` measures; returns counts of what was written."""
    rng = random.Random(seed)
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    real = real_data or Path(__file__).resolve().parents[2] / "data"
    shutil.copytree(real / "schema", folder / "schema")
    for name in ("vocabulary.yml", "themes.yml"):
        shutil.copy(real / name, folder / name)
    for sub in ("sources", "strategies", "plans", "reports", "news", "relations", "errata"):
        (folder / sub).mkdir(parents=True, exist_ok=True)

    n_orgs = max(20, min(200, measures // 50))
    orgs = [f"org-{i:03d}" for i in range(n_orgs)]
    lines = ["# yaml-language-server: $schema=schema/organisations.schema.json", "organisations:"]
    for i, org in enumerate(orgs):
        lines += [
            f"  - id: {org}",
            f"    abbreviation: {_q('O' + str(i))}",
            f"    name: {_q('Organisasjon ' + str(i) + ' for ' + rng.choice(WORDS))}",
            "    kind: direktorat",
            "    source: {document: syntetisk-1, page: 1}",
        ]
    (folder / "organisations.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "glossary.yml").write_text(
        "# yaml-language-server: $schema=schema/glossary.schema.json\nterms:\n"
        "  - {id: slt, term: SLT, expansion: Samordning av lokale rus- og kriminalitetsforebyggende tiltak, "
        "source: {document: syntetisk-1, page: 1}}\n",
        encoding="utf-8",
    )

    n_plans = max(1, measures // 500)
    n_strategies = max(1, measures // 2000)
    docs = [f"syntetisk-{i + 1}" for i in range(n_plans + n_strategies)]
    lines = ["# yaml-language-server: $schema=schema/documents.schema.json", "documents:"]
    for doc in docs:
        (folder / "sources" / f"{doc}.txt").write_text(f"Syntetisk kildetekst for {doc}.\n", encoding="utf-8")
        lines += [f"  - id: {doc}", f"    title: Syntetisk dokument {doc}", "    kind: handlingsplan", f"    publisher: {orgs[0]}",
                  '    date: "2024-01"', f"    file: {doc}.txt", "    has_pages: true"]
    (folder / "documents.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    goals: list[str] = []
    for s in range(n_strategies):
        sid = f"strategi-{s + 1}"
        out = [SCHEMA.format("strategy").rstrip("\n"), f"id: {sid}", f"title: Syntetisk strategi {s + 1}", f"owner: {orgs[s % n_orgs]}",
               'period: {start: 2024, end: 2028, text: "2024-2028"}', f"source: {{document: {docs[n_plans + s]}, page: 1}}",
               f"vision: {{title: {_q(_sentence(rng, 6))}}}", "values:", "  items:"]
        for v in range(3):
            out += [f"    - id: verdi-{v + 1}", f"      name: Verdi {v + 1}", "      statements:"]
            out += [f"        - {_q(_sentence(rng, 9))}" for _ in range(3)]
        out += ["areas:", "  items:"]
        for a in range(5):
            out += [
                f"    - id: omrade-{a + 1}",
                f"      title: Område {a + 1}",
                f"      future: {_block(_paragraphs(rng, 500), 8)}",
                "      goals:",
            ]
            for g in range(4):
                out += [
                    f"        - id: mal-{g + 1}",
                    f"          title: {_q('Mål ' + str(g + 1) + ': ' + _sentence(rng, 4))}",
                    "          subgoals:",
                ]
                out += [f"            - {{id: delmal-{d + 1}, text: {_q(_sentence(rng, 10))}}}" for d in range(3)]
                goals.append(f"goal:{sid}/omrade-{a + 1}/mal-{g + 1}")
        (folder / "strategies" / f"{sid}.yml").write_text("\n".join(out) + "\n", encoding="utf-8")

    measure_refs: list[str] = []
    per_plan = [measures // n_plans + (1 if i < measures % n_plans else 0) for i in range(n_plans)]
    for p, count in enumerate(per_plan):
        pid = f"plan-{p + 1}"
        doc = docs[p]
        n_groups = max(1, count // 25)
        out = [
            SCHEMA.format("plan").rstrip("\n"),
            f"id: {pid}",
            f"title: Syntetisk handlingsplan {p + 1}",
            "subtitle: Generert for ytelsesmåling",
            f"owner: {orgs[p % n_orgs]}",
            'period: {start: 2020, end: 2026, text: "2020-2026"}',
            'launched: "2020-01"',
            f"source: {{document: {doc}, page: 2}}",
            f"description: {_block(_paragraphs(rng, 400), 2)}",
            "groups:",
        ]
        for k in range(n_groups):
            out += [
                f"  - id: pakke-{k + 1}",
                f'    number: "{k + 1}"',
                "    label: Tiltakspakke",
                f"    title: {_q(_sentence(rng, 5))}",
                f"    source: {{page: {3 + k}}}",
            ]
        out.append("measures:")
        report = [SCHEMA.format("report").rstrip("\n"), f"id: {pid}-2024-06", f"plan: {pid}", "title: Statusrapport juni 2024",
                  'as_of: "2024-06"', 'published: "2024-09"', f"source: {{document: {doc}, page: 2}}", "entries:"]
        for j in range(count):
            number = j + 1
            start = rng.randint(2020, 2024)
            end = start + rng.randint(0, 3) if rng.random() > 0.1 else None
            lead = rng.sample(orgs, k=rng.randint(1, 3))
            parties = ", ".join([f"{{org: {lead[0]}, role: ansvarlig}}"] + [f"{{org: {o}, role: samarbeidspart}}" for o in lead[1:]])
            period_text = f"{start}-{end}" if end else f"{start}-"
            out += [f"  - id: tiltak-{number}", f"    number: {number}", f"    group: pakke-{min(n_groups, j // 25 + 1)}",
                    f"    title: {_q(_sentence(rng, rng.randint(5, 12)).rstrip('.'))}",
                    "    responsibility:", f"      summary: {_q('/'.join('O' + o[-3:].lstrip('0') for o in lead))}",
                    f"      parties: [{parties}]",
                    f"    period: {{start: {start}, end: {'null' if end is None else end}, text: \"{period_text}\"}}",
                    f"    description: {_block(_paragraphs(rng, 600), 6)}",
                    f"    themes: [{', '.join(rng.sample(THEMES, k=rng.randint(0, 2)))}]", f"    source: {{page: {3 + j // 3}}}"]
            report += [f"  - measure: tiltak-{number}", f"    status: {rng.choice(STATUSES)}",
                       f"    narrative: {_block(_paragraphs(rng, 1100), 6)}", f"    source: {{page: {3 + j // 3}}}"]
            measure_refs.append(f"measure:{pid}/tiltak-{number}")
        (folder / "plans" / f"{pid}.yml").write_text("\n".join(out) + "\n", encoding="utf-8")
        (folder / "reports" / f"{pid}-2024-06.yml").write_text("\n".join(report) + "\n", encoding="utf-8")

    rels = [SCHEMA.format("relations").rstrip("\n"), "relations:"]
    seen: set[tuple[str, str]] = set()
    for i in range(measures // 10):
        origin, other = rng.sample(measure_refs, 2)
        target = rng.choice(goals) if i % 3 == 0 else other
        kind = "bidrar-til" if target.startswith("goal:") else "viser-til"
        if (origin, target) in seen:
            continue
        seen.add((origin, target))
        rels += [f"  - from: {origin}", f"    to: {target}", f"    kind: {kind}", f"    quote: {_q('jfr. ' + target.rsplit('/', 1)[-1])}",
                 f"    source: {{document: {docs[0]}, page: 3}}"]
    (folder / "relations" / "syntetiske.yml").write_text("\n".join(rels) + "\n", encoding="utf-8")
    for n in range(3):
        (folder / "news" / f"nyhet-{n + 1}.yml").write_text(
            "\n".join(
                [
                    SCHEMA.format("news").rstrip("\n"),
                    f"id: nyhet-{n + 1}",
                    f"title: {_q(_sentence(rng, 7))}",
                    f'date: "2024-0{n + 1}-15"',
                    f"publisher: {orgs[n]}",
                    f"body: {_block(_paragraphs(rng, 900), 2)}",
                    f"source: {{document: {docs[0]}, page: 1}}",
                ]
            )
            + "\n",
            encoding="utf-8",
        )
    return {"measures": measures, "plans": n_plans, "strategies": n_strategies, "organisations": n_orgs, "relations": len(seen)}
