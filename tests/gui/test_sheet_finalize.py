"""Finalize and reopen from the GUI: the confirmation explains, the store is locked or copied."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.gui.finalize_dialog import FinalizeDialog, ReopenDialog
from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog
from tests.helpers import snapshot


@pytest.fixture
def draft(demo_store):
    return demo_store.assessments.current("DISKOMINFO", 2026)


def test_finalize_dialog_explains_the_lock_and_lists_what_is_missing(qtbot, demo_store, draft):
    dialog = FinalizeDialog(demo_store, draft.id)
    qtbot.addWidget(dialog)
    text = dialog.explanation.text()
    assert "mengunci semua jawaban" in text and "revisi baru" in text
    missing = demo_store.assessments.scores(draft.id).missing
    assert f"{len(missing)} indikator belum dijawab" in text
    assert missing[0] in text
    head = demo_store.agencies.get("DISKOMINFO").head
    assert head.name in text and format_nip(head.nip) in text
    # The demo's 2025 sheet was finalized this year as serial 1: the proposal is the next one.
    agency = demo_store.agencies.get("DISKOMINFO")
    assert (
        dialog.number.text()
        == f"{agency.classification_code}/2/{agency.unit_code}/{dt.date.today().year}"
    )
    assert dialog.reason.isVisibleTo(dialog)


def test_incomplete_without_a_reason_is_refused_in_the_dialog(qtbot, demo_store, draft):
    dialog = FinalizeDialog(demo_store, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    before = snapshot(demo_store.path)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "belum lengkap" in dialog.error.text() and dialog.error.isVisible()
    assert snapshot(demo_store.path) == before


def test_finalize_with_a_reason_locks_the_assessment(qtbot, demo_store, draft):
    dialog = FinalizeDialog(demo_store, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.reason, "Batas waktu pengiriman dari Bappeda")
    dialog.number.clear()
    agency = demo_store.agencies.get("DISKOMINFO")
    number = f"{agency.classification_code}/77/{agency.unit_code}/{dt.date.today().year}"
    qtbot.keyClicks(dialog.number, number)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = demo_store.assessments.get(draft.id)
    assert stored.is_finalized and len(stored.fingerprint) == 64
    assert stored.document_number == number
    assert stored.override_note.startswith("Batas waktu pengiriman dari Bappeda [belum dijawab: ")
    assert dialog.result_assessment.id == draft.id


def test_finalize_without_a_head_of_agency_says_so(qtbot, demo_store, draft):
    demo_store.db.execute(
        "DELETE FROM signatories WHERE agency_code = 'DISKOMINFO' AND role = 'approved'"
    )
    dialog = FinalizeDialog(demo_store, draft.id)
    qtbot.addWidget(dialog)
    assert "belum diisi" in dialog.explanation.text()
    dialog.reason.setPlainText("uji")
    dialog.accept()
    assert "Kepala OPD DISKOMINFO wajib diisi" in dialog.error.text()
    assert not demo_store.assessments.get(draft.id).is_finalized


def test_reopen_dialog_explains_and_makes_revision_2(qtbot, demo_store):
    final = demo_store.assessments.current("DISKOMINFO", 2025)
    dialog = ReopenDialog(demo_store, final.id)
    qtbot.addWidget(dialog)
    text = dialog.explanation.text()
    assert "revisi 2" in text and "Revisi 1 tetap tersimpan, tetap terkunci" in text
    assert "ditandatangani ulang" in text
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    newest = demo_store.assessments.current("DISKOMINFO", 2025)
    assert (newest.revision, newest.status, newest.previous_id) == (2, "draft", final.id)
    assert demo_store.assessments.get(final.id).fingerprint == final.fingerprint


def test_reopening_an_older_revision_is_refused_in_the_dialog(qtbot, demo_store):
    final = demo_store.assessments.current("DISKOMINFO", 2025)
    demo_store.lifecycle.reopen(final.id)
    dialog = ReopenDialog(demo_store, final.id)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "revisi yang lebih baru" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted


def test_menu_finalizes_then_shows_the_sheet_and_reopens(qtbot, demo_window, demo_store):
    menu = demo_window.sheet_menu
    demo_window.open_assessment(demo_store.assessments.current("DISKOMINFO", 2026))
    assert menu.actions.finalize.isEnabled() and not menu.actions.reopen.isEnabled()
    dialog = menu.finalize()
    dialog.reason.setPlainText("Batas waktu")
    dialog.accept()
    qtbot.waitUntil(lambda: demo_window.findChild(SheetPreviewDialog) is not None)
    preview = demo_window.findChild(SheetPreviewDialog)
    qtbot.waitUntil(preview.print_button.isEnabled, timeout=20000)
    assert "Final" in preview.status.text()
    preview.reject()
    assert demo_window.assessment.is_finalized
    assert not menu.actions.finalize.isEnabled() and menu.actions.reopen.isEnabled()
    reopen = menu.reopen()
    reopen.accept()
    assert demo_window.assessment.revision == 2 and not demo_window.assessment.is_finalized
    assert menu.actions.finalize.isEnabled() and not menu.actions.reopen.isEnabled()


def test_a_number_that_breaks_the_pattern_is_shown_under_the_number(qtbot, demo_store, draft):
    dialog = FinalizeDialog(demo_store, draft.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "kode klasifikasi/nomor urut/kode unit/tahun" in " ".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
    dialog.reason.setPlainText("Batas waktu")
    dialog.number.clear()
    qtbot.keyClicks(dialog.number, "SC/DISKOMINFO/2026/R1")
    before = snapshot(demo_store.path)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.number_error.isVisible()
    assert "tidak mengikuti pola" in dialog.number_error.text()
    code = demo_store.agencies.get("DISKOMINFO").classification_code
    assert f"kode klasifikasi OPD ini {code}, bukan SC" in dialog.number_error.text()
    assert not dialog.error.isVisible()
    assert snapshot(demo_store.path) == before
    assert not demo_store.assessments.get(draft.id).is_finalized
