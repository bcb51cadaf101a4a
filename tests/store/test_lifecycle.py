"""Finalize, lock, reopen as a revision, verify: the life of an assessment on a real file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.fingerprint import fingerprint
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Evidence, Signatory
from kotacerdas_desktop.reports.sheet import render_sheet
from tests.helpers import run_cli, snapshot

YEAR = dt.date.today().year  # a document number carries the year its sheet is signed
HEAD = Signatory(
    ROLE_APPROVED, "Yoga Cahyo Baskoro, S.H., M.H.", "197101101998031006", "Pembina Tk. I (IV/b)"
)


@pytest.fixture
def final(store):
    """A complete assessment with evidence, finalized."""
    store.agencies.add(
        Agency(
            "DISHUB",
            "Dinas Perhubungan",
            signatories={ROLE_APPROVED: HEAD},
            classification_code="050",
            unit_code="417.302",
        )
    )
    assessment = store.assessments.new("DISHUB", 2026)
    with store.db.atomic():
        for indicator in store.assessments.catalogue_of(assessment).indicators():
            store.assessments.save_answer(
                assessment.id, Answer(indicator.code, level=4, justification="Berjalan rutin.")
            )
        store.evidence.add(
            assessment.id, "GOV.PUB.01", Evidence("SK Tim"), content=b"isi berkas bukti"
        )
    return store.lifecycle.finalize(assessment.id, document_number=f"050/12/417.302/{YEAR}")


RAW_EDITS = [
    "UPDATE answers SET level = 1 WHERE assessment_id = :id",
    "UPDATE answers SET justification = 'diubah' WHERE assessment_id = :id",
    "DELETE FROM answers WHERE assessment_id = :id",
    "INSERT INTO answers (assessment_id, indicator_code, level) VALUES (:id, 'X.NEW', 3)",
    "UPDATE evidence SET title = 'palsu' WHERE assessment_id = :id",
    "DELETE FROM evidence WHERE assessment_id = :id",
    "INSERT INTO evidence (assessment_id, indicator_code, title) VALUES (:id, 'GOV.PUB.01', 'baru')",
    "UPDATE assessments SET status = 'draft' WHERE id = :id",
    "UPDATE assessments SET fingerprint = '' WHERE id = :id",
    "DELETE FROM assessments WHERE id = :id",
]


@pytest.mark.parametrize("sql", RAW_EDITS)
def test_triggers_refuse_raw_sql_edits_of_a_finalized_assessment(final, db_path, sql):
    before = snapshot(db_path)
    conn = sqlite3.connect(db_path)  # another program, bypassing the store entirely
    try:
        with pytest.raises(sqlite3.IntegrityError, match="finalized assessment is locked"):
            conn.execute(sql, {"id": final.id})
        conn.commit()
    finally:
        conn.close()
    assert snapshot(db_path) == before


def test_triggers_leave_drafts_editable(store, final, db_path):
    revision = store.lifecycle.reopen(final.id)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE answers SET level = 2 WHERE assessment_id = ?", [revision.id])
    conn.commit()
    conn.close()
    assert store.assessments.answer(revision.id, "GOV.PUB.01").level == 2
    assert store.assessments.answer(final.id, "GOV.PUB.01").level == 4


def test_reopen_makes_revision_n_plus_1_and_the_old_one_prints_identically(store, final, tmp_path):
    before = render_sheet(store, final.id, tmp_path / "r1-before.pdf").read_bytes()
    revision = store.lifecycle.reopen(final.id)
    assert (revision.revision, revision.previous_id, revision.status) == (2, final.id, "draft")
    assert (
        store.assessments.answers(revision.id).keys() == store.assessments.answers(final.id).keys()
    )
    assert store.assessments.current("DISHUB", 2026).id == revision.id
    store.assessments.save_answer(revision.id, Answer("GOV.PUB.01", level=5, justification="Naik."))
    store.evidence.remove(store.assessments.answer(revision.id, "GOV.PUB.01").evidence[0].id)

    old = store.assessments.get(final.id)
    assert old.fingerprint == final.fingerprint
    assert fingerprint(store.lifecycle.canonical(old)) == final.fingerprint
    after = render_sheet(store, final.id, tmp_path / "r1-after.pdf").read_bytes()
    assert after == before
    assert store.assessments.answer(final.id, "GOV.PUB.01").evidence[0].title == "SK Tim"


def test_revision_2_gets_its_own_fingerprint_and_both_verify(store, final, capsys, db_path):
    revision = store.lifecycle.reopen(final.id)
    store.assessments.save_answer(revision.id, Answer("GOV.PUB.01", level=5, justification="Naik."))
    second = store.lifecycle.finalize(revision.id)
    assert second.fingerprint != final.fingerprint
    assert second.document_number == f"050/13/417.302/{YEAR}"  # the next serial of the agency
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    code, out, _ = run_cli(capsys, db_path, "verify", final.fingerprint)
    assert code == 0 and "revisi 1" in out and "revisi 2" in out  # matched, and a newer one exists
    code, out, _ = run_cli(
        capsys, db_path, "verify", f"KOTACERDAS:SHA256:{second.fingerprint.upper()}"
    )
    assert code == 0 and "revisi 2" in out


def test_reopen_is_refused_for_a_draft_and_for_an_older_revision(store, final, db_path):
    revision = store.lifecycle.reopen(final.id)
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match="masih draf"):
        store.lifecycle.reopen(revision.id)
    with pytest.raises(ValidationError, match="revisi yang lebih baru"):
        store.lifecycle.reopen(final.id)
    assert snapshot(db_path) == before


def test_finalize_needs_the_head_of_agency_with_a_valid_nip(store, db_path):
    store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
    assessment = store.assessments.new("DLH", 2026)
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match="Kepala OPD DLH wajib diisi"):
        store.lifecycle.finalize(assessment.id, override_reason="uji")
    assert snapshot(db_path) == before


def test_verify_of_an_unknown_or_malformed_fingerprint(capsys, final, db_path):
    code, _, err = run_cli(capsys, db_path, "verify", "0" * 64)
    assert code == 1 and "Tidak ada penilaian final" in err
    code, _, err = run_cli(capsys, db_path, "verify", "bukan-sidik-jari")
    assert code == 2 and "64 karakter heksadesimal" in err
