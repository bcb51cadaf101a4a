"""Undo and redo of answer edits (Ctrl+Z / Ctrl+Y), saved like any other change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import stored_answer

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> object:
    return QApplication.focusWidget()


def test_undo_steps_back_typing_bursts_and_level_choices(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    field = window.form.ui.editJustification
    window.form.focus_start()
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    field.setFocus()
    qtbot.keyClicks(field, "Langkah satu")
    with qtbot.waitSignal(window.editor.saved, timeout=3000):
        pass  # the autosave tick ends this typing step
    qtbot.keyClicks(field, " dan dua")

    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # from inside the text field
    assert field.toPlainText() == "Langkah satu"
    assert stored_answer(demo_store.path, assessment_id, code)["justification"] == "Langkah satu"  # type: ignore[index]
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.toPlainText() == ""
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert window.form.levels.value() is None
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and (row["level"], row["justification"]) == (None, "")
    assert not window.actions.undo.isEnabled()

    for _ in range(3):
        qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert (window.form.levels.value(), field.toPlainText()) == (2, "Langkah satu dan dua")
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and (row["level"], row["justification"]) == (2, "Langkah satu dan dua")


def test_undo_returns_to_the_indicator_it_changed(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    first, assessment_id = window.editor.code, window.current_assessment_id() or 0
    window.form.focus_start()
    qtbot.keyClick(focused(), Qt.Key.Key_4)
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    assert window.editor.code != first
    assert stored_answer(demo_store.path, assessment_id, first)["level"] == 4  # type: ignore[index]

    window.actions.undo.trigger()
    assert window.editor.code == first
    assert window.form.levels.value() is None
    assert stored_answer(demo_store.path, assessment_id, first)["level"] is None  # type: ignore[index]


def test_copy_previous_answer_is_one_undoable_step(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    previous = window.editor.previous[code]
    assert previous.is_answered, "the demo's last year answers every indicator"
    button = window.previous_panel.ui.buttonCopyPrevious
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None
    assert (row["level"], row["justification"]) == (previous.level, previous.justification)
    assert window.form.ui.editJustification.toPlainText() == previous.justification

    window.actions.undo.trigger()
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and (row["level"], row["justification"]) == (None, "")
