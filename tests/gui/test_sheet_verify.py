"""The verify dialog matches a typed fingerprint or pasted QR text with the stored assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kotacerdas_desktop.gui.verify_dialog import VerifyDialog
from kotacerdas_desktop.reports.verification import qr_text


def make_dialog(qtbot, store) -> VerifyDialog:
    dialog = VerifyDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_typed_fingerprint_names_agency_year_and_revision(qtbot, demo_store):
    final = demo_store.assessments.current("DINKES", 2025)
    dialog = make_dialog(qtbot, demo_store)
    qtbot.keyClicks(dialog.edit, final.fingerprint)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    text = dialog.result.text()
    assert "Cocok" in text and "Dinas Kesehatan (DINKES), tahun 2025, revisi 1" in text
    assert "revisi lebih baru" not in text
    assert dialog.show_button.isEnabled()
    with qtbot.waitSignal(dialog.showSheet) as shown:
        qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert shown.args == [final.id]


def test_pasted_qr_text_works_and_a_newer_revision_is_pointed_out(qtbot, demo_store):
    final = demo_store.assessments.current("DLH", 2025)
    demo_store.lifecycle.reopen(final.id)
    dialog = make_dialog(qtbot, demo_store)
    qtbot.keyClicks(dialog.edit, "  " + qr_text(final.fingerprint) + " ")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert "Dinas Lingkungan Hidup (DLH)" in dialog.result.text()
    assert "Ada revisi lebih baru (revisi 2)" in dialog.result.text()


def test_unknown_and_malformed_fingerprints(qtbot, demo_store):
    dialog = make_dialog(qtbot, demo_store)
    qtbot.keyClicks(dialog.edit, "a" * 64)
    dialog.check()
    assert "Tidak cocok" in dialog.result.text() and not dialog.show_button.isEnabled()
    dialog.edit.setText("12345")
    dialog.check()
    assert "64 karakter heksadesimal" in dialog.result.text()


def test_data_changed_outside_the_program_is_flagged(qtbot, demo_store):
    final = demo_store.assessments.current("BPBD", 2025)
    demo_store.db.execute("DROP TRIGGER answers_locked_update")
    demo_store.db.execute(
        "UPDATE answers SET justification = 'diubah diam-diam' WHERE assessment_id = ?", [final.id]
    )
    dialog = make_dialog(qtbot, demo_store)
    dialog.edit.setText(final.fingerprint)
    dialog.check()
    assert "Cocok" in dialog.result.text()
    assert "tidak lagi cocok dengan yang difinalisasi" in dialog.result.text()
    assert "tidak lagi menghasilkan sidik jarinya" in dialog.result.text()


def test_menu_opens_verify_and_then_the_matching_sheet(qtbot, demo_window, demo_store):
    final = demo_store.assessments.current("DISHUB", 2025)
    dialog = demo_window.sheet_menu.verify()
    dialog.edit.setText(final.fingerprint)
    dialog.check()
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog

    previews = demo_window.findChildren(SheetPreviewDialog)
    assert [p.assessment.id for p in previews] == [final.id]
    qtbot.waitUntil(previews[0].print_button.isEnabled, timeout=20000)
