"""Correcting the title, number and date of stored evidence on a real file, with its audit trail."""

from __future__ import annotations

import sqlite3

import pytest

from kotacerdas_desktop.domain.errors import LockedError, NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Evidence, Signatory
from kotacerdas_desktop.store import audit
from tests.helpers import snapshot

CODE = "GOV.PUB.01"
HEAD = Signatory(
    ROLE_APPROVED, "Yoga Cahyo Baskoro, S.H., M.H.", "197101101998031006", "Pembina Tk. I (IV/b)"
)
CONTENT = b"%PDF-1.4 SK Tim Smart City"


@pytest.fixture
def draft(store):
    store.agencies.add(Agency("DISHUB", "Dinas Perhubungan", signatories={ROLE_APPROVED: HEAD}))
    return store.assessments.new("DISHUB", 2026)


@pytest.fixture
def stored(store, draft) -> Evidence:
    return store.evidence.add(
        draft.id,
        CODE,
        Evidence("SK Tim Smart Citi", "188/1/2025", "2025-01-02", file_name="sk.pdf"),
        CONTENT,
    )


def evidence_row(db_path, evidence_id: int) -> tuple:
    """The row as another program reads it from the file."""
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT title, number, date, file_name, sha256, size FROM evidence WHERE id = ?",
            [evidence_id],
        ).fetchone()
    finally:
        conn.close()


def evidence_audit(store, assessment_id: int) -> list[tuple]:
    return [
        (change.actor, change.key, change.field, change.old, change.new)
        for change in audit.history(store.db, assessment_id)
        if change.entity == "evidence" and change.field != "added"
    ]


def test_update_changes_title_number_and_date_and_keeps_the_file(store, draft, stored, db_path):
    updated = store.evidence.update(
        stored.id, "  SK Tim Smart City  ", " 188/12/2026 ", "2026-03-04", actor="dewi"
    )

    assert (updated.title, updated.number, updated.date) == (
        "SK Tim Smart City",
        "188/12/2026",
        "2026-03-04",
    )
    assert (updated.id, updated.sha256, updated.file_name) == (stored.id, stored.sha256, "sk.pdf")
    assert evidence_row(db_path, stored.id) == (
        "SK Tim Smart City",
        "188/12/2026",
        "2026-03-04",
        "sk.pdf",
        stored.sha256,
        len(CONTENT),
    )
    assert store.evidence.content(stored.sha256) == CONTENT
    assert evidence_audit(store, draft.id) == [
        ("dewi", CODE, "title", "SK Tim Smart Citi", "SK Tim Smart City"),
        ("dewi", CODE, "number", "188/1/2025", "188/12/2026"),
        ("dewi", CODE, "date", "2025-01-02", "2026-03-04"),
    ]


def test_only_changed_fields_are_audited_and_the_date_may_be_cleared(store, draft, stored):
    store.evidence.update(stored.id, stored.title, stored.number, "", actor="dewi")

    assert store.assessments.answer(draft.id, CODE).evidence[0].date == ""
    assert evidence_audit(store, draft.id) == [("dewi", CODE, "date", "2025-01-02", "")]


@pytest.mark.parametrize(
    ("title", "date", "field", "message"),
    [
        ("", "2026-03-04", "title", "Judul bukti dukung wajib diisi"),
        ("   ", "2026-03-04", "title", "Judul bukti dukung wajib diisi"),
        ("SK", "04-03-2026", "date", "tidak sah"),
        ("SK", "2026-02-30", "date", "tidak sah"),
        ("SK", "20260304", "date", "tidak sah"),
        ("SK", "2026-3-4", "date", "tidak sah"),
        ("SK", "kemarin", "date", "tidak sah"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(
    store, stored, db_path, title, date, field, message
):
    before = snapshot(db_path)

    with pytest.raises(ValidationError, match=message) as refused:
        store.evidence.update(stored.id, title, "188/12/2026", date)

    assert refused.value.field == field
    assert snapshot(db_path) == before


def test_add_uses_the_same_date_check(store, draft, stored, db_path):
    before = snapshot(db_path)

    with pytest.raises(ValidationError, match="TTTT-BB-HH") as refused:
        store.evidence.add(draft.id, CODE, Evidence("SK", date="4 Maret 2026"))

    assert refused.value.field == "date"
    assert snapshot(db_path) == before


def test_unknown_evidence_is_refused(store, stored, db_path):
    before = snapshot(db_path)

    with pytest.raises(NotFoundError, match="tidak ada"):
        store.evidence.update(stored.id + 100, "SK", "", "")

    assert snapshot(db_path) == before


def test_evidence_of_a_finalized_assessment_cannot_be_edited(store, draft, stored, db_path):
    store.lifecycle.finalize(draft.id, override_reason="Uji kunci bukti dukung")
    before = snapshot(db_path)

    with pytest.raises(LockedError, match="final"):
        store.evidence.update(stored.id, "SK Tim Smart City", "188/12/2026", "2026-03-04")

    assert snapshot(db_path) == before
    assert evidence_row(db_path, stored.id)[0] == "SK Tim Smart Citi"
