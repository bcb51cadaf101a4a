"""When a save fails (another program holds the write lock), the form keeps what was typed,
says so, and saves it on a retry once the lock is free."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import answer_modal, stored_answer

TYPED = "Diketik saat program lain menulis."


def type_while_locked(window: MainWindow, store: Store, qtbot: QtBot) -> sqlite3.Connection:
    """Another program holds the write lock (the store waits only 50 ms); the user types."""
    store.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    field = window.form.ui.editJustification
    field.setFocus()
    qtbot.keyClicks(field, TYPED)
    return other


def test_a_save_refused_while_another_program_writes_is_kept_and_retried(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    before = stored_answer(demo_store.path, assessment_id, code)
    other = type_while_locked(window, demo_store, qtbot)
    field = window.form.ui.editJustification
    assert window.editor.flush() is False
    assert stored_answer(demo_store.path, assessment_id, code) == before
    assert field.toPlainText().endswith(TYPED)
    assert window._saved_label.text() == "Belum tersimpan, mencoba lagi…"
    assert "Program lain sedang menulis" in window._saved_label.toolTip()
    assert window.editor.pending and not [
        w for w in window.findChildren(QMessageBox) if w.isVisible()
    ]  # said in the status bar, not by a box every few seconds

    other.execute("ROLLBACK")
    other.close()
    with qtbot.waitSignal(window.editor.saved, timeout=10_000):
        pass  # the retry timer fires and the store takes it now
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and row["justification"].endswith(TYPED)
    assert not window.editor.pending
    assert window._saved_label.text().startswith("Tersimpan")


def test_switching_indicators_while_unsaved_keeps_the_typed_text(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    other = type_while_locked(window, demo_store, qtbot)
    window.step(1)  # the save on leaving the indicator is refused
    assert window.editor.code != code
    window.step(-1)
    assert window.form.ui.editJustification.toPlainText().endswith(TYPED)
    other.execute("ROLLBACK")
    other.close()
    window.editor.retry_pending()
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and row["justification"].endswith(TYPED)


def test_closing_with_unsaved_answers_asks_first(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    other = type_while_locked(window, demo_store, qtbot)
    asked = answer_modal("Tunggu")
    window.close()
    assert "1 jawaban belum tersimpan" in asked[0] and "Program lain sedang menulis" in asked[0]
    assert window.isVisible() and window.editor.pending  # still open, still trying
    other.execute("ROLLBACK")
    other.close()
    window.close()  # the retry on closing stores it
    assert not window.isVisible()
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and row["justification"].endswith(TYPED)
