"""Correcting evidence in the form: "Ubah…", double-click or Enter open the dialog filled in; the
change lands in the SQLite file, a refused title stays in the dialog, and a finalized one is locked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.model import Evidence
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.helpers import snapshot


def stored_evidence(db: Path, evidence_id: int) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT title, number, date, sha256 FROM evidence WHERE id = ?", [evidence_id]
        ).fetchone()
    finally:
        conn.close()


def open_dialog(window: MainWindow) -> EvidenceDialog:
    shown = [d for d in window.findChildren(EvidenceDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def ok_button(dialog: EvidenceDialog) -> object:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def add_and_choose(window: MainWindow, store: Store) -> Evidence:
    """A reference with a typo in its title, chosen in the evidence list."""
    added = operations.add_evidence(
        store,
        window.current_assessment_id() or 0,
        window.editor.code,
        Evidence("SK Tim Smart Citi", "188/1/2025", "2025-01-02"),
    )
    assert added is not None
    table = window.form.ui.tableEvidence
    row = table.rowCount() - 1
    assert table.item(row, 0).text() == "SK Tim Smart Citi"
    table.setFocus()
    table.selectRow(row)
    return added


def test_edit_button_corrects_the_title_in_the_file(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    added = add_and_choose(window, demo_store)
    assert added.id is not None
    rows = window.form.ui.tableEvidence.rowCount()
    button = window.form.ui.buttonEditEvidence
    assert button.isEnabled() and button.text() == "Ubah…"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window)
    assert dialog.windowTitle() == "Ubah bukti dukung"
    assert dialog.ui.editTitle.text() == "SK Tim Smart Citi"
    assert dialog.ui.editNumber.text() == "188/1/2025"
    assert dialog.ui.checkDate.isChecked()
    assert dialog.ui.editDate.date() == QDate(2025, 1, 2)
    qtbot.keyClicks(dialog.ui.editTitle, "SK Tim Smart City")  # the old title is selected
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    assert stored_evidence(demo_store.path, added.id) == (
        "SK Tim Smart City",
        "188/1/2025",
        "2025-01-02",
        None,
    )
    table = window.form.ui.tableEvidence
    assert table.rowCount() == rows
    assert table.item(rows - 1, 0).text() == "SK Tim Smart City"
    assert window.form.evidence.selected() == window.editor.answer(window.editor.code).evidence[-1]
    assert not dialog.isVisible()


def test_enter_on_a_row_opens_the_dialog_and_an_empty_title_is_refused(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    added = add_and_choose(window, demo_store)
    assert added.id is not None
    before = snapshot(demo_store.path)

    qtbot.keyClick(window.form.ui.tableEvidence, Qt.Key.Key_Return)
    dialog = open_dialog(window)
    qtbot.keyClick(dialog.ui.editTitle, Qt.Key.Key_Backspace)  # the selected title is erased
    qtbot.keyClick(dialog.ui.editTitle, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.ui.errorTitle.isVisibleTo(dialog)
    assert "Judul bukti dukung wajib diisi" in dialog.ui.errorTitle.text()
    assert snapshot(demo_store.path) == before

    qtbot.keyClicks(dialog.ui.editTitle, "SK Tim Smart City")
    dialog.ui.checkDate.setChecked(False)
    qtbot.keyClick(dialog.ui.editTitle, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert stored_evidence(demo_store.path, added.id) == (
        "SK Tim Smart City",
        "188/1/2025",
        "",
        None,
    )


def test_double_click_edits_and_cancel_keeps_the_file_unchanged(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    add_and_choose(window, demo_store)
    before = snapshot(demo_store.path)
    table = window.form.ui.tableEvidence
    cell = table.visualItemRect(table.item(table.rowCount() - 1, 0)).center()

    # A real double-click: press and release, then the double-click (Qt's mouseDClick sends only that).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialog = open_dialog(window)
    qtbot.keyClicks(dialog.ui.editTitle, "Judul yang dibatalkan")
    qtbot.keyClick(dialog.ui.editTitle, Qt.Key.Key_Escape)

    assert not dialog.isVisible()
    assert snapshot(demo_store.path) == before


def test_evidence_of_a_finalized_assessment_cannot_be_edited(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    add_and_choose(window, demo_store)
    demo_store.lifecycle.finalize(window.current_assessment_id() or 0, override_reason="Uji kunci")
    window.reload()
    table = window.form.ui.tableEvidence
    table.setFocus()
    table.selectRow(table.rowCount() - 1)
    before = snapshot(demo_store.path)

    assert not window.form.ui.buttonEditEvidence.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    window.form.evidence.edit_selected()

    assert not [d for d in window.findChildren(EvidenceDialog) if d.isVisible()]
    assert snapshot(demo_store.path) == before
