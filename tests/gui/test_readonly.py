"""A finalized assessment is shown locked, with the reason, and nothing typed reaches the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.helpers import snapshot


def assert_locked(window: MainWindow) -> None:
    banner = window.ui.labelLocked
    assert window.ui.frameLocked.isVisible()
    assert "sudah final" in banner.text() and "revisi baru" in banner.text()
    assert "Penilaian" in banner.text()
    assert all(not card.radio.isEnabled() for card in window.form.levels.cards())
    assert window.form.ui.editJustification.isReadOnly()
    assert window.form.ui.editFollowUp.isReadOnly()
    assert not window.form.ui.checkReview.isEnabled()
    assert not window.form.ui.buttonAddFile.isEnabled()
    assert not window.previous_panel.ui.buttonCopyPrevious.isVisible()
    assert "final" in window.windowTitle()


def try_to_change(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.navigation.ui.treeNav, Qt.Key.Key_4)
    field = window.form.ui.editJustification
    field.setFocus()
    qtbot.keyClicks(field, "tidak boleh masuk")
    qtbot.keyClick(field, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    window.form.evidence.add_files([])
    window.editor.flush()


def test_finalizing_the_open_assessment_locks_the_form(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    assessment_id = window.current_assessment_id()
    assert assessment_id is not None
    assert not window.ui.frameLocked.isVisible()
    demo_store.lifecycle.finalize(assessment_id, override_reason="Uji tampilan terkunci")
    window.reload()
    assert window.current_assessment_id() == assessment_id
    assert_locked(window)

    before = snapshot(demo_store.path)
    try_to_change(window, qtbot)
    assert snapshot(demo_store.path) == before
    assert all("tidak boleh masuk" not in a.justification for a in window.editor.answers.values())


def test_last_years_finalized_assessment_is_read_only(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    combo = window.switcher.year_combo
    last_year = window.assessment.year - 1  # type: ignore[union-attr]
    combo.setCurrentIndex(combo.findData(last_year))
    combo.activated.emit(combo.currentIndex())
    assert window.assessment is not None and window.assessment.year == last_year
    assert window.assessment.is_finalized
    assert_locked(window)
    assert window.editor.answer(window.editor.code).is_answered
    before = snapshot(demo_store.path)
    QApplication.processEvents()
    try_to_change(window, qtbot)
    assert snapshot(demo_store.path) == before
