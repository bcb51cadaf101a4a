"""Which assessments the city counts, read from a real file with the demo city in it."""

from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Signatory


def test_the_newest_finalized_revision_counts_and_drafts_never(demo_store):
    picture = demo_store.city.picture(2025)
    assert len(picture.entries) == 10 and picture.missing == []
    assert demo_store.city.picture(2026) is None  # every 2026 assessment is a draft
    assert demo_store.city.years() == [2025]
    old = demo_store.assessments.current("DISHUB", 2025)
    revision = demo_store.lifecycle.reopen(old.id)
    assert {e.revision for e in demo_store.city.picture(2025).entries} == {1}  # a draft: not yet
    code = next(iter(demo_store.assessments.answers(revision.id)))
    demo_store.assessments.save_answer(revision.id, Answer(code, level=5))
    demo_store.lifecycle.finalize(revision.id)
    dishub = next(e for e in demo_store.city.picture(2025).entries if e.agency_code == "DISHUB")
    assert dishub.revision == 2 and dishub.answers[code].level == 5


def test_missing_agencies_and_other_frameworks_are_listed_apart(demo_store):
    head = Signatory(
        ROLE_APPROVED, "Yohanes Setiabudi, S.H.", "197904042003121002", "Pembina (IV/a)"
    )
    demo_store.agencies.add(
        Agency("SATPOLPP", "Satuan Polisi Pamong Praja", signatories={ROLE_APPROVED: head})
    )
    demo_store.agencies.add(Agency("DISPERKIM", "Dinas Perumahan dan Permukiman"))
    spbe = demo_store.assessments.new("SATPOLPP", 2025, "SPBE")
    for indicator in demo_store.assessments.catalogue_of(spbe).indicators():
        demo_store.assessments.save_answer(spbe.id, Answer(indicator.code, level=3))
    demo_store.lifecycle.finalize(spbe.id)
    picture = demo_store.city.picture(2025)
    assert [code for code, _ in picture.missing] == ["DISPERKIM"]
    assert [code for code, _, _ in picture.other_framework] == ["SATPOLPP"]
    assert "dinilai dengan SPBE" in picture.other_framework[0][2]
    assert len(picture.entries) == 10


def test_an_older_version_of_the_framework_counts_under_the_codes_that_continue_it(demo_store):
    head = Signatory(
        ROLE_APPROVED, "Yohanes Setiabudi, S.H.", "197904042003121002", "Pembina (IV/a)"
    )
    demo_store.agencies.add(
        Agency("SATPOLPP", "Satuan Polisi Pamong Praja", signatories={ROLE_APPROVED: head})
    )
    newer = demo_store.assessments.new("SATPOLPP", 2025, "SMARTCITY", "2026.2")
    for indicator in demo_store.assessments.catalogue_of(newer).indicators():
        demo_store.assessments.save_answer(newer.id, Answer(indicator.code, level=5))
    demo_store.lifecycle.finalize(newer.id)
    picture = demo_store.city.picture(2025)
    assert picture.catalogue.version == "2026.2" and picture.other_framework == []
    assert len(picture.entries) == 11
    merged = picture.catalogue.indicator("GOV.PUB.03")
    assert merged.replaces  # it continues 2026.1 codes
    old = {e.agency_code: e for e in picture.entries if e.agency_code != "SATPOLPP"}
    carried = [
        e.answers["GOV.PUB.03"].indicator_code for e in old.values() if "GOV.PUB.03" in e.answers
    ]
    assert len(carried) == 10 and set(carried) <= {"GOV.PUB.03", *merged.replaces}
    assert picture.indicators["GOV.PUB.03"].answered_by == 11
