"""Internal notes and draft reports in the model: loaded for the internal audience only, checked
like any other data, and the draft's place among the reports (pure functions, no build)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from internal_fixture import TOKENS, add_internal_content
from planverk.errors import DataErrors
from planverk.load import load
from planverk.pages.base import Ctx
from planverk.pages.internal import draft_notice, last_published_before, notes_block


@pytest.fixture
def fixture_data(data_copy: Path) -> tuple[Path, dict]:
    return data_copy, add_internal_content(data_copy)


def _json_file(path: Path):
    text = path.read_text(encoding="utf-8")
    return text.split("\n", 1)[0], json.loads(text.split("\n", 1)[1])


def _rewrite(path: Path, change) -> None:
    first, data = _json_file(path)
    change(data)
    path.write_text(first + "\n" + json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_notes_and_drafts_are_loaded_for_the_internal_audience_only(fixture_data):
    data, ids = fixture_data
    internal, public = load(data, "internal"), load(data, "public")
    plan_i, plan_p = internal.plans[ids["plan"]], public.plans[ids["plan"]]
    assert plan_i.notes and not plan_p.notes
    assert any(p.notes for p in plan_i.groups) and not any(p.notes for p in plan_p.groups)
    assert [r.id for r in plan_i.drafts] == [ids["draft"]] and plan_p.drafts == ()
    assert plan_i.latest_report.draft and (plan_p.latest_report is None or not plan_p.latest_report.draft)
    entry_notes_i = [n for r in plan_i.reports for e in r.entries for n in e.notes]
    entry_notes_p = [n for r in plan_p.reports for e in r.entries for n in e.notes]
    assert entry_notes_i and not entry_notes_p
    assert all(TOKENS["author"] in n.author for n in plan_i.notes)


def test_the_draft_follows_the_last_published_report(fixture_data):
    data, ids = fixture_data
    plan = load(data, "internal").plans[ids["plan"]]
    draft = plan.drafts[0]
    before = last_published_before(plan, draft)
    assert (before.id if before else None) == ids["published"]
    assert draft not in plan.published_reports


def test_public_ctx_renders_no_notes_or_draft_notice_even_if_given_some(fixture_data):
    data, ids = fixture_data
    internal, public = load(data, "internal"), load(data, "public")
    plan = internal.plans[ids["plan"]]
    assert notes_block(Ctx.create(internal), plan.notes) and draft_notice(Ctx.create(internal), list(plan.drafts))
    assert notes_block(Ctx.create(public), plan.notes) == "" and draft_notice(Ctx.create(public), list(plan.drafts)) == ""


def test_note_text_is_escaped_and_its_author_too(fixture_data):
    data, ids = fixture_data
    plan_file = next(p for p in sorted((data / "plans").glob("*.yml")))
    _rewrite(
        plan_file, lambda d: d["notes"].append({"date": "2012-01-01", "author": "<b>Enhet</b>", "text": "<script>x()</script> *viktig*"})
    )
    plan = load(data, "internal").plans[ids["plan"]]
    ctx = Ctx.create(load(data, "internal"))
    block = notes_block(ctx, plan.notes)
    html = ctx.fragments[-1]
    assert block.startswith("<!-- planverk-fragment:")
    assert "<script>" not in html and "&lt;script&gt;" in html and "viktig" in html
    assert "<b>Enhet</b>" not in html and "&lt;b&gt;Enhet&lt;/b&gt;" in html


@pytest.mark.parametrize(("note", "message"), [
    ({"date": "2012-02-30", "author": "A", "text": "t"}, "finnes ikke i kalenderen"),
    ({"date": "2012-02", "author": "A", "text": "t"}, "har ikke forventet form"),
    ({"date": "2012-02-01", "author": "A"}, "mangler det påkrevde feltet 'text'"),
    ({"date": "2012-02-01", "author": "A", "text": "t", "kind": "annet"}, "er ikke en av"),
    ({"date": "2012-02-01", "author": "A", "text": "[lenke](../relativ)"}, "er ikke tillatt"),
])
def test_bad_notes_get_a_clear_error(fixture_data, note, message):
    data, _ids = fixture_data
    plan_file = sorted((data / "plans").glob("*.yml"))[0]
    _rewrite(plan_file, lambda d: d["measures"].__getitem__(0).__setitem__("notes", [note]))
    with pytest.raises(DataErrors) as caught:
        load(data, "internal")
    errors = caught.value.errors
    assert any(message in e.message and "notes" in e.path for e in errors), [str(e) for e in errors]


def test_the_old_internal_note_field_is_refused(fixture_data):
    data, _ = fixture_data
    plan_file = sorted((data / "plans").glob("*.yml"))[0]
    _rewrite(plan_file, lambda d: d["measures"][0].__setitem__("internal_note", "gammel merknad"))
    with pytest.raises(DataErrors) as caught:
        load(data, "internal")
    assert any("internal_note" in e.message for e in caught.value.errors), [str(e) for e in caught.value.errors]


def test_a_draft_is_checked_in_every_audience(fixture_data):
    """make check and every build read the draft file: a broken draft stops the public build too."""
    data, ids = fixture_data
    _rewrite(data / "reports" / f"{ids['draft']}.yml", lambda d: d.__setitem__("draft", "ja"))
    for audience in ("internal", "public"):
        with pytest.raises(DataErrors) as caught:
            load(data, audience)
        assert any("draft" in e.path for e in caught.value.errors)


def test_an_imported_report_is_a_draft_and_its_source_stays_internal(data_copy: Path, tmp_path: Path, capsys):
    """`planverk report import` writes a draft; neither it nor the source document written for
    it reaches the public corpus until `draft: true` is deleted."""
    from test_collect import _fill_with_latest, _import, _reported_plan, _template

    plan = _reported_plan(data_copy)
    book = _template(data_copy, plan, tmp_path)
    _fill_with_latest(book, plan)
    assert _import(data_copy, book) == 0
    assert "utkast" in capsys.readouterr().out
    report_file = data_copy / "reports" / f"{plan.id}-2099-02.yml"
    assert "\ndraft: true" in report_file.read_text(encoding="utf-8")
    internal, public = load(data_copy, "internal"), load(data_copy, "public")
    draft = internal.plans[plan.id].latest_report
    assert draft.draft and draft.id not in {r.id for r in public.plans[plan.id].reports}
    assert draft.source.document.id in internal.documents and draft.source.document.id not in public.documents
    assert set(internal.documents) - set(public.documents) == {draft.source.document.id}, "documents others cite stay"
    # publishing: delete the one line
    report_file.write_text(report_file.read_text(encoding="utf-8").replace("\ndraft: true", "\n# publisert"), encoding="utf-8")
    public = load(data_copy, "public")
    assert draft.id in {r.id for r in public.plans[plan.id].reports} and draft.source.document.id in public.documents
