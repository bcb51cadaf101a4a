"""Document numbers on a real file: the agency's codes, the proposed serial, refusals that store
nothing, and a finalized number that never changes."""

from __future__ import annotations

import datetime as dt

import pytest

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Signatory
from kotacerdas_desktop.reports.sheet import render_sheet
from kotacerdas_desktop.store import Store
from tests.helpers import snapshot
from tests.reports.reading import page_texts

YEAR = dt.date.today().year  # the number carries the year its sheet is signed
HEAD = Signatory(ROLE_APPROVED, "Bambang Wicaksono, S.T.", "197101101998031006", "Pembina (IV/a)")


def complete_draft(store: Store, code: str, year: int) -> int:
    assessment = store.assessments.new(code, year)
    with store.db.atomic():
        for indicator in store.assessments.catalogue_of(assessment).indicators():
            store.assessments.save_answer(
                assessment.id, Answer(indicator.code, level=3, justification="Berjalan.")
            )
    return assessment.id


@pytest.fixture
def coded(store: Store) -> Agency:
    return store.agencies.add(
        Agency(
            "DLH",
            "Dinas Lingkungan Hidup",
            signatories={ROLE_APPROVED: HEAD},
            classification_code="050",
            unit_code="417.302",
        )
    )


def test_codes_are_stored_and_read_back(store, coded, db_path):
    assert (coded.classification_code, coded.unit_code) == ("050", "417.302")
    row = store.db.execute(
        "SELECT classification_code, unit_code FROM agencies WHERE code = 'DLH'"
    ).fetchone()
    assert row == ("050", "417.302")


def test_without_codes_the_default_is_000_and_the_agency_code(store):
    store.agencies.add(Agency("DISHUB", "Dinas Perhubungan", signatories={ROLE_APPROVED: HEAD}))
    first = complete_draft(store, "DISHUB", 2025)
    assert store.lifecycle.proposed_document_number(first) == f"000/1/DISHUB/{YEAR}"
    assert store.lifecycle.finalize(first).document_number == f"000/1/DISHUB/{YEAR}"
    second = complete_draft(store, "DISHUB", 2026)
    assert store.lifecycle.finalize(second).document_number == f"000/2/DISHUB/{YEAR}"


def test_the_proposed_serial_follows_the_agency_register_of_the_year(store, coded):
    first = complete_draft(store, "DLH", 2025)
    store.lifecycle.finalize(first, document_number=f"050/41/417.302/{YEAR}")
    second = complete_draft(store, "DLH", 2026)
    assert store.lifecycle.proposed_document_number(second) == f"050/42/417.302/{YEAR}"
    # Another agency's register does not count.
    store.agencies.add(Agency("DINKES", "Dinas Kesehatan", signatories={ROLE_APPROVED: HEAD}))
    assert store.lifecycle.proposed_document_number(complete_draft(store, "DINKES", 2026)) == (
        f"000/1/DINKES/{YEAR}"
    )


def test_a_typed_number_in_the_pattern_is_stored_tidied(store, coded):
    assessment = complete_draft(store, "DLH", 2026)
    final = store.lifecycle.finalize(assessment, document_number=f" 050 / 123 / 417.302 / {YEAR}")
    assert final.document_number == f"050/123/417.302/{YEAR}"
    assert store.assessments.get(assessment).document_number == f"050/123/417.302/{YEAR}"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (f"SC/DLH/{YEAR}/R1", "kode klasifikasi OPD ini 050, bukan SC"),
        (f"050/12/417.302/{YEAR - 1}", f"tahun nomor harus {YEAR}"),
        (f"050/dua/417.302/{YEAR}", "nomor urut harus bilangan"),
        (f"050/12/DLH/{YEAR}", "kode unit OPD ini 417.302, bukan DLH"),
        ("050/12/417.302", "4 bagian"),
    ],
)
def test_a_number_that_breaks_the_pattern_is_refused_and_nothing_stored(
    store, coded, db_path, typed, message
):
    assessment = complete_draft(store, "DLH", 2026)
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match=message) as caught:
        store.lifecycle.finalize(assessment, document_number=typed)
    assert caught.value.field == "document_number"
    assert "Kode diatur di Pengaturan OPD" in caught.value.message.id
    assert snapshot(db_path) == before
    assert not store.assessments.get(assessment).is_finalized


def test_a_number_another_sheet_carries_is_refused(store, coded, db_path):
    first = complete_draft(store, "DLH", 2025)
    store.lifecycle.finalize(first, document_number=f"050/7/417.302/{YEAR}")
    second = complete_draft(store, "DLH", 2026)
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match=f"sudah dipakai lembar penilaian #{first}"):
        store.lifecycle.finalize(second, document_number=f"050/7/417.302/{YEAR}")
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"classification_code": "5O"}, "classification_code", 'Kode klasifikasi "5O" tidak sah'),
        ({"unit_code": "417/302"}, "unit_code", 'Kode unit "417/302" tidak sah'),
        ({"unit_code": "Dinas LH"}, "unit_code", "tanpa spasi"),
    ],
)
def test_wrong_codes_are_refused_on_update_and_add(store, coded, db_path, changes, field, message):
    before = snapshot(db_path)
    for agency in (
        Agency("DLH", "Dinas Lingkungan Hidup", **changes),
        Agency("BARU", "Badan Baru", **changes),
    ):
        save = store.agencies.update if agency.code == "DLH" else store.agencies.add
        with pytest.raises(ValidationError, match=message) as caught:
            save(agency)
        assert caught.value.field == field
    assert snapshot(db_path) == before


def test_a_finalized_number_never_changes_when_the_codes_do(store, coded, tmp_path):
    assessment = complete_draft(store, "DLH", 2026)
    final = store.lifecycle.finalize(assessment, document_number=f"050/9/417.302/{YEAR}")
    before = render_sheet(store, assessment, tmp_path / "before.pdf").read_bytes()
    coded.classification_code, coded.unit_code = "000.8.3", "DLH"
    store.agencies.update(coded)

    assert store.assessments.get(assessment).document_number == f"050/9/417.302/{YEAR}"
    verification = store.lifecycle.verify(final.fingerprint)
    assert verification is not None and verification.intact
    after = render_sheet(store, assessment, tmp_path / "after.pdf")
    assert after.read_bytes() == before
    assert f"Nomor: 050/9/417.302/{YEAR}" in page_texts(after)[0]
    # The next sheet takes the new codes, and the register's serial goes on.
    revision = store.lifecycle.reopen(assessment)
    assert store.lifecycle.proposed_document_number(revision.id) == f"000.8.3/10/DLH/{YEAR}"
    draft_text = page_texts(render_sheet(store, revision.id, tmp_path / "draft.pdf"))[0]
    assert f"Nomor: 000.8.3/…/DLH/{YEAR}" in draft_text
