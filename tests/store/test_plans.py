"""Plans on the demo city's real data: the steps applied to a copy of the assessment reach the
target and none is spare; accepting writes follow-up plans in one transaction, only to drafts."""

import shutil
from collections import Counter
from dataclasses import replace

import pytest

from kotacerdas_desktop.domain.errors import LockedError, ValidationError
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.plan_target import parse_target
from kotacerdas_desktop.domain.plan_text import FOLLOW_UP_MARK, Assignment
from kotacerdas_desktop.domain.planner import PLANNED, plan_agency, plan_city
from kotacerdas_desktop.domain.validation import MAX_TEXT
from kotacerdas_desktop.store import Store
from tests.helpers import snapshot


def demo_plan(store: Store, target: str = "Sangat Baik"):
    draft = store.assessments.current("DISKOMINFO", 2026)
    catalogue = store.assessments.catalogue_of(draft)
    answers = store.assessments.answers(draft.id)
    return draft, plan_agency(catalogue, answers, parse_target(catalogue, target))


def apply_steps(store: Store, assessment_id: int, steps) -> None:
    """Raise the levels in the file itself, as the operator would after doing the steps."""
    raised = Counter(step.indicator_code for step in steps)
    answers = store.assessments.answers(assessment_id)
    with store.db.atomic():
        for code, count in raised.items():
            answer = answers[code]
            store.assessments.save_answer(
                assessment_id, replace(answer, level=answer.level + count)
            )


def test_the_demo_plan_applied_to_a_copy_reaches_the_target_and_no_step_is_spare(
    demo_db_template, tmp_path
):
    with Store.open(shutil.copy(demo_db_template, tmp_path / "plan.sqlite")) as store:
        draft, plan = demo_plan(store, "4")
    assert plan.status == PLANNED and len(plan.steps) == 10
    for n in [None, *range(len(plan.steps))]:
        copy = shutil.copy(demo_db_template, tmp_path / f"copy-{n}.sqlite")
        with Store.open(copy) as store:
            apply_steps(store, draft.id, [s for i, s in enumerate(plan.steps) if i != n])
            figure = store.assessments.scores(draft.id).index
        if n is None:
            assert figure == plan.after and shown(figure) >= plan.target.value
        else:
            assert shown(figure) < plan.target.value, f"step {n + 1} is spare"


def test_accepting_adds_one_line_per_step_to_the_follow_up_plans(demo_store):
    demo_store.settings.set_operator_name("Operator Uji")
    draft, plan = demo_plan(demo_store)
    first = plan.steps[0]
    before = demo_store.assessments.answer(draft.id, first.indicator_code)
    assignments = [Assignment(s, "Bidang Aplikasi", "Juni 2027") for s in plan.steps]
    changed = demo_store.plans.accept(draft.id, assignments)
    assert set(changed) == {s.indicator_code for s in plan.steps}
    after = demo_store.assessments.answer(draft.id, first.indicator_code)
    lines = after.follow_up.splitlines()
    assert lines[0] == before.follow_up  # what the operator wrote stays first
    assert lines[1].startswith(f"{FOLLOW_UP_MARK}: naik dari tingkat {first.from_level} ke tingkat")
    assert "Penanggung jawab: Bidang Aplikasi. Tenggat: Juni 2027." in lines[1]
    assert after.level == before.level and after.justification == before.justification
    # an answer save: recorded in the audit trail like any edit, under the operator's name
    assert after.changed_by.startswith("Operator Uji")
    audit = demo_store.db.execute(
        "SELECT new_value, actor FROM audit_log "
        "WHERE entity = 'answer' AND key = ? AND field = 'follow_up'",
        [first.indicator_code],
    ).fetchall()
    assert audit[-1] == (after.follow_up, after.changed_by)
    # accepting the same steps again adds nothing
    stored = snapshot(demo_store.path)
    assert demo_store.plans.accept(draft.id, assignments) == []
    assert snapshot(demo_store.path) == stored


def test_a_finalized_assessment_takes_no_steps_and_nothing_changes(demo_store):
    final = demo_store.assessments.current("DISKOMINFO", 2025)
    catalogue = demo_store.assessments.catalogue_of(final)
    plan = plan_agency(
        catalogue, demo_store.assessments.answers(final.id), parse_target(catalogue, "Baik")
    )
    before = snapshot(demo_store.path)
    with pytest.raises(LockedError) as error:
        demo_store.plans.accept(final.id, [Assignment(s) for s in plan.steps])
    assert "sudah difinalisasi dan dikunci" in str(error.value)
    assert snapshot(demo_store.path) == before


def test_a_follow_up_too_long_refuses_the_whole_acceptance(demo_store):
    draft, plan = demo_plan(demo_store, "3,8")
    first, other = plan.steps[0], plan.steps[-1]
    assert first.indicator_code != other.indicator_code
    before = snapshot(demo_store.path)
    long_who = "x" * MAX_TEXT
    assignments = [Assignment(first), Assignment(other, long_who)]
    with pytest.raises(ValidationError) as error:
        demo_store.plans.accept(draft.id, assignments)
    assert error.value.field == "follow_up"
    assert snapshot(demo_store.path) == before  # not even the first step


def test_a_city_plan_goes_to_each_agencys_draft_and_names_the_ones_without(demo_store):
    picture = demo_store.city.picture(2025)
    plan = plan_city(picture, parse_target(picture.catalogue, "2,80"))
    owners = {s.owner for s in plan.steps}
    assert len(owners) > 1
    dropped = sorted(owners)[0]
    finished = demo_store.assessments.current(dropped, 2026)
    demo_store.lifecycle.finalize(finished.id, "Selesai lebih awal")  # no draft left for it
    result = demo_store.plans.accept_city(
        2025, picture.catalogue, [Assignment(s) for s in plan.steps]
    )
    assert result.skipped == [dropped]
    assert set(result.written) == owners - {dropped}
    for code, draft in result.written.items():
        assert draft.year == 2026 and not draft.is_finalized
        step = next(s for s in plan.steps if s.owner == code)
        follow_up = demo_store.assessments.answer(draft.id, step.indicator_code).follow_up
        assert f"{FOLLOW_UP_MARK} kota 2025: naik dari tingkat {step.from_level}" in follow_up
    assert result.lines == sum(1 for s in plan.steps if s.owner != dropped)


def test_a_city_step_on_a_replaced_code_goes_to_the_indicator_that_continues_it(demo_store):
    """Last year was answered on 2026.1, this year's drafts are on 2026.2, where BRD.APP.03
    continues LIV.HAR.03 (``replaces``): the step is not dropped but lands there."""
    picture = demo_store.city.picture(2025)
    plan = plan_city(picture, parse_target(picture.catalogue, "Sangat Baik"))
    moved = [s for s in plan.steps if s.owner == "BAPPEDA" and s.indicator_code == "LIV.HAR.03"]
    assert moved
    result = demo_store.plans.accept_city(
        2025, picture.catalogue, [Assignment(s) for s in plan.steps]
    )
    assert result.lines == len(plan.steps) and not result.skipped
    draft = result.written["BAPPEDA"]
    follow_up = demo_store.assessments.answer(draft.id, "BRD.APP.03").follow_up
    for step in moved:
        assert f"naik dari tingkat {step.from_level} ke tingkat {step.to_level}" in follow_up
    assert "LIV.HAR.03" not in demo_store.assessments.answers(draft.id)


def test_the_draft_of_the_plan_year_comes_before_the_next_years(demo_store):
    reopened = demo_store.lifecycle.reopen(demo_store.assessments.current("BAPPEDA", 2025).id)
    assert demo_store.plans.draft_for("BAPPEDA", 2025).id == reopened.id
    assert demo_store.plans.draft_for("BAPPEDA", 2026).year == 2026
    assert demo_store.plans.draft_for("BAPPEDA", 2027) is None
