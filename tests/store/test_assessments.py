"""Agencies, assessments, answers, evidence and the audit trail on a real file."""

import json
import sqlite3
from dataclasses import replace

import pytest

from kotacerdas_desktop.domain.errors import LockedError, NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Evidence, Signatory
from kotacerdas_desktop.store import audit
from tests.factories import tiny_catalogue_data
from tests.helpers import snapshot

HEAD = Signatory(
    ROLE_APPROVED,
    "Dr. Ir. Bagus Wicaksono Adiputro, M.Kom.",
    "19740315 200003 1 004",
    "Pembina (IV/a)",
    "Kepala Dinas",
)


@pytest.fixture
def draft(store):
    store.agencies.add(
        Agency("diskominfo", "Dinas Komunikasi dan Informatika", signatories={ROLE_APPROVED: HEAD})
    )
    return store.assessments.new("DISKOMINFO", 2026)


def test_agency_codes_are_normalized_and_nips_stored_without_spaces(store):
    agency = store.agencies.add(
        Agency("dlh", "Dinas Lingkungan Hidup", signatories={ROLE_APPROVED: HEAD})
    )
    assert agency.code == "DLH"
    assert agency.head.nip == "197403152000031004"


def test_duplicate_agency_code_is_refused(store):
    store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
    with pytest.raises(ValidationError, match="sudah dipakai"):
        store.agencies.add(Agency("dlh", "Dinas Lain"))


def test_answer_round_trip_with_evidence_and_audit(store, draft):
    store.assessments.save_answer(
        draft.id,
        Answer(
            "GOV.PUB.01",
            level=4,
            justification="Terintegrasi dengan MPP.",
            follow_up="Evaluasi 2027",
        ),
        actor="dewi",
    )
    store.evidence.add(
        draft.id,
        "GOV.PUB.01",
        Evidence("SK Standar Pelayanan", "188/12/2026", "2026-03-01"),
        b"%PDF-1.4 isi",
    )
    answer = store.assessments.answer(draft.id, "GOV.PUB.01")
    assert (answer.level, answer.justification, answer.changed_by) == (
        4,
        "Terintegrasi dengan MPP.",
        "dewi",
    )
    assert answer.evidence[0].title == "SK Standar Pelayanan"
    assert len(answer.evidence[0].sha256) == 64
    assert store.evidence.content(answer.evidence[0].sha256) == b"%PDF-1.4 isi"
    store.assessments.save_answer(
        draft.id,
        Answer("GOV.PUB.01", level=5, justification="Terintegrasi dengan MPP."),
        actor="budi",
    )
    level_changes = [
        c for c in audit.history(store.db, draft.id, "GOV.PUB.01") if c.field == "level"
    ]
    assert [(c.old, c.new, c.actor) for c in level_changes] == [
        (None, "4", "dewi"),
        ("4", "5", "budi"),
    ]


def test_audit_log_is_append_only(store, draft):
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=3))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM audit_log")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (Answer("GOV.PUB.99", level=3), "tidak ada di katalog"),
        (Answer("GOV.PUB.01", level=6), 'Tingkat "6" tidak sah'),
        (Answer("GOV.PUB.01", level=0), 'Tingkat "0" tidak sah'),
        (Answer("GOV.PUB.01", not_applicable=True), "tidak boleh dijawab 'tidak berlaku'"),
    ],
)
def test_bad_answers_change_nothing(store, draft, db_path, answer, message):
    before = snapshot(db_path)
    with pytest.raises((ValidationError, NotFoundError), match=message):
        store.assessments.save_answer(draft.id, answer)
    assert snapshot(db_path) == before


def test_not_applicable_needs_a_reason(store, draft):
    code = next(i.code for i in store.assessments.catalogue_of(draft).indicators() if i.allow_na)
    with pytest.raises(ValidationError, match="Alasan 'tidak berlaku' wajib diisi") as info:
        store.assessments.save_answer(draft.id, Answer(code, not_applicable=True, na_reason="  "))
    assert info.value.field == "na_reason"
    store.assessments.save_answer(
        draft.id, Answer(code, not_applicable=True, na_reason="Bukan kewenangan OPD")
    )
    assert store.assessments.answer(draft.id, code).not_applicable


def test_year_outside_range_and_second_assessment_for_a_year_are_refused(store, draft):
    before = snapshot(store.path)
    for year in (1999, 2101, "-5"):
        with pytest.raises(ValidationError, match="di luar rentang 2000-2100"):
            store.assessments.new("DISKOMINFO", year)
    for year in ("dua ribu", "duaribu", "20x", ""):
        with pytest.raises(ValidationError, match="bukan angka; tulis tahun dengan angka") as info:
            store.assessments.new("DISKOMINFO", year)
        assert info.value.field == "year"
    assert snapshot(store.path) == before
    with pytest.raises(ValidationError, match="sudah punya penilaian tahun 2026"):
        store.assessments.new("DISKOMINFO", 2026)


def test_evidence_file_too_large_or_unreadable(store, draft, tmp_path):
    store.settings.set("max_attachment_mb", "0.001")
    big = tmp_path / "besar.pdf"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(ValidationError, match="terlalu besar"):
        store.evidence.add_file(draft.id, "GOV.PUB.01", big)
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        store.evidence.add_file(draft.id, "GOV.PUB.01", tmp_path / "hilang.pdf")
    assert store.assessments.answers(draft.id) == {}


def test_finalized_assessment_refuses_changes_with_a_clear_message(store, draft):
    for indicator in store.assessments.catalogue_of(draft).indicators():
        store.assessments.save_answer(draft.id, Answer(indicator.code, level=3))
    final = store.lifecycle.finalize(draft.id)
    assert final.is_finalized and len(final.fingerprint) == 64
    with pytest.raises(LockedError, match="sudah difinalisasi dan dikunci"):
        store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=5))
    with pytest.raises(sqlite3.IntegrityError, match="locked"):
        store.db.execute("UPDATE answers SET level = 1 WHERE assessment_id = ?", [draft.id])


def test_incomplete_assessment_needs_a_recorded_override_to_finalize(store, draft):
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=3))
    with pytest.raises(ValidationError, match="belum lengkap"):
        store.lifecycle.finalize(draft.id)
    final = store.lifecycle.finalize(draft.id, override_reason="Batas waktu dari Bappeda")
    assert final.override_note.startswith("Batas waktu dari Bappeda [belum dijawab: ")


def test_new_assessments_use_the_newest_bundled_catalogue(draft, store):
    assert store.assessments.catalogue_of(draft).version == "2026.2"
    store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
    older = store.assessments.new("DLH", 2025, version="2026.1")
    assert store.assessments.catalogue_of(older).version == "2026.1"
    with pytest.raises(NotFoundError, match=r"tidak ada \(yang ada: 2026\.1, 2026\.2\)"):
        store.assessments.new("DLH", 2024, version="2019.9")


def test_an_assessment_keeps_its_catalogue_version_after_a_newer_import(store, draft):
    data = json.loads(
        store.db.execute(
            "SELECT body FROM catalogues WHERE id = ?", [draft.catalogue_id]
        ).fetchone()[0]
    )
    data["version"] = "2027.1"
    data["dimensions"][0]["elements"][0]["indicators"].pop()
    newer = store.catalogues.import_text(json.dumps(data), "baru.json")
    assert store.catalogues.find("SMARTCITY").id == newer.id
    assert store.assessments.catalogue_of(store.assessments.get(draft.id)).version == "2026.2"
    store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
    assert store.assessments.catalogue_of(store.assessments.new("DLH", 2027)).version == "2027.1"


def test_same_version_with_other_content_is_refused(store):
    data = tiny_catalogue_data()
    store.catalogues.import_text(json.dumps(data), "a.json")
    data["name"] = {"id": "Lain"}
    with pytest.raises(ValidationError, match="naikkan nomor versinya"):
        store.catalogues.import_text(json.dumps(data), "b.json")


def test_finalize_snapshots_the_agency_and_old_files_without_a_snapshot_still_verify(store, draft):
    from kotacerdas_desktop.domain.fingerprint import canonical_data, fingerprint
    from kotacerdas_desktop.store.check import check_database

    for indicator in store.assessments.catalogue_of(draft).indicators():
        store.assessments.save_answer(draft.id, Answer(indicator.code, level=2))
    final = store.lifecycle.finalize(draft.id)
    assert (
        json.loads(final.agency_snapshot)["signatories"]["approved"]["nip"] == "197403152000031004"
    )
    assert (
        store.lifecycle.canonical(final)["agency"]["signatories"]["approved"]["name"] == HEAD.name
    )
    # A file finalized before schema 4 has no snapshot and a version-1 fingerprint.
    agency = store.agencies.get(final.agency_code)
    info = store.catalogues.info(final.catalogue_id)
    legacy = fingerprint(
        canonical_data(
            final,
            agency,
            info.code,
            info.version,
            info.sha256,
            store.assessments.answers(final.id),
            version=1,
        )
    )
    lock = store.db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'assessments_locked_update'"
    ).fetchone()[0]
    store.db.execute("DROP TRIGGER assessments_locked_update")
    store.db.execute(
        "UPDATE assessments SET agency_snapshot = '', fingerprint = ? WHERE id = ?",
        [legacy, final.id],
    )
    store.db.execute(lock)  # an old file has the lock too
    assert check_database(store) == []
    assert store.lifecycle.find_by_fingerprint(legacy).id == final.id


def test_answers_of_many_assessments_are_each_ones_answers(demo_store):
    """The city reads 60 agencies in two queries: the same answers as one by one, and
    without evidence only when asked."""
    ids = [a.id for a in demo_store.assessments.list()]
    assert len(ids) == 20
    together = demo_store.assessments.answers_of(ids)
    assert together == {i: demo_store.assessments.answers(i) for i in ids}
    assert any(a.evidence for answers in together.values() for a in answers.values())
    bare = demo_store.assessments.answers_of(ids, evidence=False)
    for i in ids:
        assert bare[i].keys() == together[i].keys()
        for code, answer in bare[i].items():
            assert answer.evidence == []
            assert replace(answer, evidence=together[i][code].evidence) == together[i][code]
    assert demo_store.assessments.answers_of([]) == {}


def test_the_agency_list_is_every_agency_with_its_signatories_by_name(demo_store):
    names = demo_store.agencies.names()
    listed = demo_store.agencies.list()
    assert [a.code for a in listed] == list(names)
    assert [a.name for a in listed] == sorted(names.values())
    assert listed == [demo_store.agencies.get(code) for code in names]
    assert all(len(a.signatories) == 3 for a in listed)
