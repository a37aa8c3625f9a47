"""How well `planverk import plan` reads real plans: its draft against the hand-made data.

For every plan in data/, the importer reads the plan's own source text (documents.yml names
it) and its draft is compared, measure by measure, with the curated plan file and the
curated report from the same source: number, title, group (with the groups it sits in, so
the tree counts), responsibility (the overview's
string and the measure's «Ansvar:» line), period and status. Nothing here names a plan or a
count; the expectations are the curated data. The figure for each plan is printed (run with
``-s``) and must reach 95 % with every curated measure found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from planverk import model as m
from planverk.importer import draft as drafts
from planverk.importer import layout
from planverk.importer.match import Matcher
from planverk.load import load
from support import DATA

THRESHOLD = 0.95


def squash(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


@dataclass
class Score:
    agree: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def field(self, where: str, name: str, expected: object, found: object) -> None:
        """One field; a field that both leave empty is not counted (nothing to find)."""
        if expected in (None, "") and found in (None, ""):
            return
        self.total += 1
        if expected == found:
            self.agree += 1
        else:
            self.misses.append(f"{where} {name}: forventet {expected!r}, fant {found!r}")

    @property
    def ratio(self) -> float:
        return self.agree / self.total if self.total else 0.0


def import_text(text: str, corpus: m.Corpus, plan_id: str = "importert") -> drafts.Draft:
    return drafts.build(layout.parse(text), plan_id=plan_id, title=None, language="nb",
                        statuses=[s.label for s in corpus.vocabulary.statuses],
                        matcher=Matcher(corpus.organisations.values()))


def compare_with_curated(plan: m.Plan, draft: drafts.Draft) -> tuple[Score, list[str]]:
    """Field agreement of the draft with the curated plan; the curated measures the draft did not find."""
    statuses = {}
    for report in plan.reports:  # the statuses stated in the plan's own source document
        if report.source.document == plan.source.document:
            statuses.update({e.measure_id: e.status.label for e in report.entries})
    found = {x.number: x for x in draft.measures}
    by_title = {squash(x.title): x for x in draft.measures}
    score, missing = Score(), []
    tree = {tuple(squash(g.title) for g in drafts.group_path(group)): group for group in draft.groups}
    for group in plan.groups:  # the tree of groups: each curated group at its place, with its number and label
        path = tuple(squash(g.title) for g in group.path)
        twin = tree.get(path)
        score.field(f"gruppe {' › '.join(p or '' for p in path)}", "nummer og navn", (group.number, group.label, group.goal),
                    (twin.number, twin.label, twin.goal) if twin else None)
    for curated in plan.measures:
        x = found.get(curated.number) if curated.number is not None else by_title.get(squash(curated.title))
        where = f"tiltak {curated.number or curated.title}"
        if x is None:
            missing.append(where)
            score.total += 6
            continue
        score.field(where, "nummer", curated.number, x.number)
        score.field(where, "tittel", squash(curated.title), squash(x.title))
        score.field(where, "gruppe", [squash(g.title) for g in curated.group.path],
                    [squash(g.title) for g in drafts.group_path(x.group)] if x.group else None)
        score.field(where, "ansvar (oversikten)", squash(curated.responsibility.summary), squash(x.summary))
        score.field(where, "ansvar (teksten)", squash(curated.responsibility.text), squash(x.text))
        score.field(where, "periode", curated.period.text if curated.period else None,
                    x.period["text"] if x.period else None)
        score.field(where, "status", statuses.get(curated.id), x.status)
        score.field(where, "deltiltak", [squash(y.title) for y in plan.parts_of(curated)] or None,
                    [squash(y.title) for y in x.parts] or None)
    return score, missing


def _plans() -> list[str]:
    return sorted(load(DATA, "internal").plans)


@pytest.mark.parametrize("plan_id", _plans())
def test_import_of_each_plans_source_matches_the_curated_plan(plan_id: str, internal_corpus: m.Corpus) -> None:
    plan = internal_corpus.plans[plan_id]
    text = (DATA / "sources" / plan.source.document.file).read_text(encoding="utf-8")
    draft = import_text(text, internal_corpus)
    score, missing = compare_with_curated(plan, draft)
    print(f"\n{plan_id}: {len(plan.measures) - len(missing)} av {len(plan.measures)} tiltak funnet; "
          f"{score.agree} av {score.total} felt like ({score.ratio:.1%})" + "".join(f"\n  {m}" for m in score.misses))
    assert not missing, f"tiltak importen ikke fant: {missing}"
    assert len(draft.measures) == len(plan.measures), "importen fant tiltak som ikke er i planen"
    assert score.ratio >= THRESHOLD, "\n".join(score.misses)


def test_the_score_counts_a_wrong_field(internal_corpus: m.Corpus) -> None:
    """The comparison is not blind: a draft with every title changed scores below the threshold."""
    plan = next(p for p in internal_corpus.plans.values() if p.measures)
    text = (DATA / "sources" / plan.source.document.file).read_text(encoding="utf-8")
    draft = import_text(text, internal_corpus)
    right, _ = compare_with_curated(plan, draft)
    for x in draft.measures:
        x.title += " (endret)"
    for group in draft.groups:
        group.title += " (endret)"
    wrong, _ = compare_with_curated(plan, draft)
    assert wrong.agree <= right.agree - len(plan.measures)


def test_responsibility_strings_resolve_to_the_curated_parties(internal_corpus: m.Corpus) -> None:
    """The parties the importer makes of each curated measure's own responsibility string (the
    measure's «Ansvar:» text, else the overview's) against the parties the curated file gives."""
    matcher = Matcher(internal_corpus.organisations.values())
    same, total, misses = 0, 0, []
    for plan in internal_corpus.plans.values():
        for x in plan.measures:
            text = x.responsibility.text or x.responsibility.summary
            if not text:
                continue
            total += 1
            got = [(b.organisation.id if b.organisation else b.text, b.role) for b in matcher.resolve(text)]
            want = [(p.organisation.id if p.organisation else p.text, p.role.id) for p in x.responsibility.parties]
            if got == want:
                same += 1
            else:
                misses.append(f"{plan.id}/{x.id} «{text}»: {got} ≠ {want}")
    print(f"\nansvar oppløst som i dataene: {same} av {total} tiltak ({same / total:.1%})" + "".join(f"\n  {m}" for m in misses))
    assert total and same / total >= 0.8, misses
