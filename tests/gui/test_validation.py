"""Messages next to the field, in Indonesian, and the navigation marking the indicator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.gui.nav_model import FILTER_PROBLEMS, PROBLEM_ROLE
from kotacerdas_desktop.store import Store
from tests.gui.conftest import stored_answer
from tests.helpers import snapshot


def problem_marks(window: MainWindow, code: str) -> list[str]:
    return window.navigation.model.items[code].data(PROBLEM_ROLE) or []


def na_indicator(window: MainWindow) -> str:
    catalogue = window.editor.catalogue
    assert catalogue is not None
    return next(
        i.code
        for i in catalogue.indicators()
        if i.allow_na and not window.editor.answer(i.code).is_answered
    )


def test_not_applicable_without_reason_is_shown_by_the_field_and_the_rest_is_saved(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = na_indicator(window), window.current_assessment_id() or 0
    window.show_indicator(code, focus=True)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)
    field = window.form.ui.editJustification
    field.setFocus()  # leaving the empty reason saves: the rule refuses "not applicable"
    error = window.form.ui.errorNaReason
    assert error.isVisible()
    assert error.text() == "Alasan 'tidak berlaku' wajib diisi."
    assert problem_marks(window, code) == ["Alasan 'tidak berlaku' wajib diisi."]
    window.navigation.ui.comboFilter.setCurrentIndex(FILTER_PROBLEMS)
    assert code in window.navigation.visible_codes()

    qtbot.keyClicks(field, "Teks ini tetap tersimpan")
    window.editor.flush()
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None
    assert (row["not_applicable"], row["justification"]) == (0, "Teks ini tetap tersimpan")

    window.form.ui.editNaReason.setFocus()
    qtbot.keyClicks(window.form.ui.editNaReason, "Bukan kewenangan OPD")
    window.editor.flush()
    assert not error.isVisible()
    assert problem_marks(window, code) == []
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and (row["not_applicable"], row["na_reason"]) == (
        1,
        "Bukan kewenangan OPD",
    )


def _attach(window: MainWindow, qtbot: QtBot, path: Path, title: str) -> EvidenceDialog:
    window.form.evidence.add_files([path])
    dialog = window.findChild(EvidenceDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.ui.editTitle.clear()
    qtbot.keyClicks(dialog.ui.editTitle, title)
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    return dialog


def test_file_above_the_limit_is_refused_next_to_the_evidence(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = demo_window
    code = window.editor.code
    demo_store.settings.set("max_attachment_mb", "0.001")
    big = tmp_path / "pindaian.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"x" * 4096)
    before = snapshot(demo_store.path)
    _attach(window, qtbot, big, "Pindaian SK")
    error = window.form.ui.errorEvidence
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "terlalu besar" in error.text() and "pindaian.pdf" in error.text()
    assert any("terlalu besar" in p for p in problem_marks(window, code))
    assert snapshot(demo_store.path) == before


def test_unreadable_file_is_refused_next_to_the_evidence(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = demo_window
    gone = tmp_path / "dari-flashdisk.pdf"
    gone.write_bytes(b"%PDF-1.4 sebentar")
    window.form.evidence.add_files([gone])
    dialog = window.findChild(EvidenceDialog)
    assert dialog is not None
    gone.unlink()  # the USB stick was pulled out while the dialog was open
    before = snapshot(demo_store.path)
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    error = window.form.ui.errorEvidence
    qtbot.waitUntil(error.isVisible, timeout=5000)
    assert "tidak dapat dibaca" in error.text()
    assert snapshot(demo_store.path) == before


def test_evidence_title_is_required(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    window = demo_window
    path = tmp_path / "notulen.pdf"
    path.write_bytes(b"%PDF-1.4 notulen")
    before = snapshot(demo_store.path)
    dialog = _attach(window, qtbot, path, "   ")
    qtbot.waitUntil(dialog.ui.errorTitle.isVisible, timeout=5000)
    assert dialog.ui.errorTitle.text() == "Judul bukti dukung wajib diisi."
    assert dialog.isVisible()
    assert snapshot(demo_store.path) == before
    dialog.reject()


def test_attachment_limit_is_set_from_the_file_menu(
    demo_window: MainWindow, demo_store: Store
) -> None:
    assert demo_store.evidence.max_bytes == 20 * 1024 * 1024  # the default
    demo_window.actions.attachment_limit.trigger()
    dialog = demo_window.findChild(QInputDialog)
    assert dialog is not None and dialog.doubleValue() == 20
    dialog.setDoubleValue(5)
    dialog.accept()
    assert demo_store.evidence.max_bytes == 5 * 1024 * 1024


def test_too_long_text_is_refused_by_the_field_and_the_rest_is_saved(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    window.form.focus_start()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    window.form.ui.editJustification.setPlainText("x" * 20_001)
    window.editor.flush()
    error = window.form.ui.errorJustification
    assert error.isVisible() and error.text() == "Teks terlalu panjang (maks. 20.000 karakter)."
    assert window.form.ui.labelCount.property("role") == "error"
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and (row["level"], row["justification"]) == (2, "")
    assert window.form.ui.editJustification.toPlainText() == "x" * 20_001  # still there to shorten
