"""Which assessments the city counts, read from a real file with the demo city in it."""

import datetime as dt
import io
import zipfile
from dataclasses import replace
from fractions import Fraction

from kotacerdas_desktop.domain.answer_schema import ANSWER_FIELDS, CITY_ANSWER_FIELDS
from kotacerdas_desktop.domain.city import follow_up_register
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Signatory
from kotacerdas_desktop.domain.plan_target import Target
from kotacerdas_desktop.domain.planner import plan_city
from kotacerdas_desktop.reports.recap_csv import recap_csv
from kotacerdas_desktop.reports.recap_data import RecapData
from kotacerdas_desktop.reports.recap_xlsx import recap_workbook


def workbook_parts(workbook: bytes) -> dict[str, bytes]:
    """Every part of a workbook but its document properties, which hold the time it was made."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


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


def test_the_city_reads_every_answer_field_its_figures_lists_and_recap_use(demo_store):
    """The picture reads only CITY_ANSWER_FIELDS: everything made from it is the same as from
    a picture of every field, so a user of a field left out fails here."""
    for assessment in demo_store.assessments.list(year=2026):
        demo_store.lifecycle.finalize(assessment.id, override_reason="Uji gambaran kota")
    for year in (2026, 2025):
        narrow = demo_store.city.picture(year)
        full = demo_store.city.picture(year, fields=ANSWER_FIELDS)
        answers = [a for e in full.entries for a in e.answers.values()]
        assert any(a.justification for a in answers)  # what the narrow read leaves out ...
        assert not any(a.justification for e in narrow.entries for a in e.answers.values())
        assert any(a.not_applicable for a in answers)  # ... and what it must not
        assert any(row.follow_up for row in follow_up_register(full))
        assert (narrow.report, narrow.indicators, narrow.missing, narrow.other_framework) == (
            full.report,
            full.indicators,
            full.missing,
            full.other_framework,
        )
        assert [replace(e, answers={}) for e in narrow.entries] == [
            replace(e, answers={}) for e in full.entries
        ]
        assert follow_up_register(narrow, below=6) == follow_up_register(full, below=6)
        target = Target(Fraction(7, 2))
        assert plan_city(narrow, target) == plan_city(full, target)
    recaps = [
        RecapData(
            picture=demo_store.city.picture(2026, fields=fields),
            previous=demo_store.city.picture(2025, fields=fields),
            city="Kota Contoh",
            coordinator=None,
            sign_date=dt.date(2026, 12, 2),
            counted=(),
        )
        for fields in (CITY_ANSWER_FIELDS, ANSWER_FIELDS)
    ]
    assert recap_csv(recaps[0]) == recap_csv(recaps[1])
    assert workbook_parts(recap_workbook(recaps[0])) == workbook_parts(recap_workbook(recaps[1]))
