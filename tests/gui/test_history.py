"""The history of an indicator in the window (who, when, old -> new), and the operator's name."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui.history_dialog import HistoryDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.clock import current_user


def set_operator(window: MainWindow, name: str) -> None:
    window.actions.operator_name.trigger()
    dialog = window.findChild(QInputDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue(name)
    dialog.accept()


def test_the_history_link_lists_who_changed_what_from_what_to_what(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    set_operator(window, "Rina Wulandari")
    assert demo_store.settings.get("operator_name") == "Rina Wulandari"
    field = window.form.ui.editJustification
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Penjelasan baru dari operator.")
    window.editor.flush()
    actor = f"Rina Wulandari ({current_user()})"
    assert actor in window.form.ui.labelChanged.text()
    window.form.ui.labelChanged.linkActivated.emit("history")
    dialog = window.findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    last = [table.item(table.rowCount() - 1, c).text() for c in range(table.columnCount())]
    assert last[1] == actor and last[2] == "justifikasi"
    assert last[4] == "Penjelasan baru dari operator."
    assert last[3] != last[4]  # the old justification of the demo answer
    dialog.reject()
