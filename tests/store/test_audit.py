"""The audit trail covers agencies, signatories and settings; the actor is the operator and the OS user;
attachments nobody refers to any more go in the transaction that removes the last reference."""

from __future__ import annotations

import hashlib
import json

import pytest

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Agency, Answer, Evidence, Signatory
from kotacerdas_desktop.store import audit
from kotacerdas_desktop.store.clock import current_user
from tests.helpers import run_cli, snapshot

NIP = "198001012005011001"
OTHER_NIP = "197512122005012003"
LOGO = b"\x89PNG\r\n\x1a\n logo dinas"


@pytest.fixture
def agency(store):
    head = Signatory("approved", "Drs. Uji Coba", NIP, "Pembina (IV/a)", "Kepala Dinas")
    return store.agencies.add(
        Agency("DLH", "Dinas Lingkungan Hidup", "Jl. Lama 1", signatories={"approved": head})
    )


def test_agency_details_and_signatories_changes_are_recorded(store, agency) -> None:
    agency.name = "Dinas Lingkungan Hidup dan Kebersihan"
    agency.logo = LOGO
    agency.signatories["approved"] = Signatory(
        "approved", "Dr. Pengganti Baru", OTHER_NIP, "Pembina Tk. I (IV/b)", "Kepala Dinas"
    )
    store.agencies.update(agency, actor="dewi")
    changes = {
        c.field: (c.old, c.new)
        for c in audit.general_history(store.db)
        if c.entity == "agency" and c.actor == "dewi"
    }
    assert changes == {
        "name": ("Dinas Lingkungan Hidup", "Dinas Lingkungan Hidup dan Kebersihan"),
        "logo": ("", hashlib.sha256(LOGO).hexdigest()),
        "approved.name": ("Drs. Uji Coba", "Dr. Pengganti Baru"),
        "approved.nip": (NIP, OTHER_NIP),
        "approved.rank": ("Pembina (IV/a)", "Pembina Tk. I (IV/b)"),
    }
    added = [
        c.field for c in audit.general_history(store.db) if c.entity == "agency" and c.old is None
    ]
    assert {"name", "address", "approved.nip"} <= set(added)


def test_settings_changes_are_recorded_with_the_operator_and_the_os_user(store) -> None:
    store.settings.set("city_name", "Kota Mojokerto")
    store.settings.set_operator_name("  Rina   Wulandari ")
    store.settings.set("max_attachment_mb", "30")
    rows = [(c.key, c.old, c.new, c.actor) for c in audit.general_history(store.db)]
    user = current_user()
    assert rows == [
        ("city_name", None, "Kota Mojokerto", user),
        ("operator_name", None, "Rina Wulandari", user),
        ("max_attachment_mb", None, "30", f"Rina Wulandari ({user})"),
    ]


def test_the_operator_name_is_in_every_later_answer_change(store, agency) -> None:
    store.settings.set_operator_name("Rina Wulandari")
    draft = store.assessments.new("DLH", 2026)
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=3))
    answer = store.assessments.answer(draft.id, "GOV.PUB.01")
    assert answer.changed_by == f"Rina Wulandari ({current_user()})"


def test_an_operator_name_too_long_is_refused(store, db_path) -> None:
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match="terlalu panjang") as info:
        store.settings.set_operator_name("R" * 81)
    assert info.value.field == "operator_name"
    assert snapshot(db_path) == before


def test_history_command_per_indicator_and_for_agencies(capsys, store, agency, db_path) -> None:
    draft = store.assessments.new("DLH", 2026)
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=2), actor="dewi")
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=4), actor="budi")
    store.evidence.add(draft.id, "GOV.PUB.01", Evidence("SK Tim"), actor="budi")
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.02", level=1), actor="dewi")
    code, out, _ = run_cli(capsys, db_path, "history", str(draft.id), "GOV.PUB.01", "--json")
    assert code == 0
    rows = [(r["actor"], r["field"], r["old"], r["new"]) for r in json.loads(out)]
    assert rows == [
        ("dewi", "level", None, "2"),
        ("budi", "level", "2", "4"),
        ("budi", "added", None, "SK Tim"),
    ]
    code, out, _ = run_cli(capsys, db_path, "history", str(draft.id))
    assert code == 0 and "GOV.PUB.02" in out and "budi" in out and "WAKTU" in out
    code, out, _ = run_cli(capsys, db_path, "history")
    assert code == 0 and "agency DLH name" in out
    code, _, err = run_cli(capsys, db_path, "history", str(draft.id), "GOV.XXX.99")
    assert code == 2 and "Indikator GOV.XXX.99 tidak ada" in err


def attachment_count(store) -> int:
    return store.db.execute("SELECT count(*) FROM attachments").fetchone()[0]


def test_an_attachment_goes_with_its_last_reference(store, agency) -> None:
    draft = store.assessments.new("DLH", 2026)
    first = store.evidence.add(draft.id, "GOV.PUB.01", Evidence("SK"), b"%PDF-1.4 SK")
    second = store.evidence.add(draft.id, "GOV.PUB.02", Evidence("SK lagi"), b"%PDF-1.4 SK")
    assert attachment_count(store) == 1
    store.evidence.remove(first.id)
    assert store.evidence.content(second.sha256) == b"%PDF-1.4 SK"
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    store.evidence.remove(second.id)
    store.db.conn.set_trace_callback(None)
    assert attachment_count(store) == 0
    deleted = next(n for n, s in enumerate(statements) if s.startswith("DELETE FROM attachments"))
    assert statements.index("BEGIN IMMEDIATE") < deleted < statements.index("COMMIT")


def test_an_attachment_a_finalized_logo_refers_to_stays(store, agency) -> None:
    """A finalized sheet's letterhead logo is kept by hash in the same table."""
    agency.logo = LOGO
    store.agencies.update(agency)
    final = store.assessments.new("DLH", 2025)
    store.lifecycle.finalize(final.id, override_reason="Uji")
    draft = store.assessments.new("DLH", 2026)
    evidence = store.evidence.add(draft.id, "GOV.PUB.01", Evidence("Logo"), LOGO)
    store.evidence.remove(evidence.id)
    assert store.evidence.content(evidence.sha256) == LOGO
    assert store.lifecycle.agency_of(store.assessments.get(final.id)).logo == LOGO
