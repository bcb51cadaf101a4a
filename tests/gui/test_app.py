"""Starting the app on a database, switching databases, and what the window remembers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui import app, preferences
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory, demo_copy


def test_start_opens_the_file_and_file_open_switches_to_another(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    first = demo_copy(demo_db_template, tmp_path, "opd-a.sqlite")
    second = demo_copy(demo_db_template, tmp_path, "opd-b.sqlite")
    window = app.start(first)
    assert isinstance(window, MainWindow)
    assert window.store.path == first
    assert window.form.isVisible() and window.editor.code
    assert preferences.recent_files() == [first.resolve()]

    window.openDatabaseRequested.emit(second)
    assert not window.isVisible()
    others = [w for w in app._windows if w is not window]
    assert len(others) == 1 and others[0].store.path == second
    assert preferences.recent_files() == [second.resolve(), first.resolve()]
    others[0].close()
    assert app._windows == []


def test_geometry_and_layout_are_remembered(
    demo_store: Store, open_window: WindowFactory, ui_settings: Path
) -> None:
    window = open_window(demo_store)
    window.resize(1100, 700)
    window.ui.splitterMain.setSizes([300, 800])
    window.actions.show_previous.setChecked(False)
    window.close()
    saved = QSettings(str(ui_settings), QSettings.Format.IniFormat)
    assert saved.value("window/geometry") is not None

    again = open_window(demo_store)
    assert again.restored
    assert not again.actions.show_previous.isChecked()
    assert not again.ui.scrollPrevious.isVisible()


def test_help_lists_the_keyboard_shortcuts(demo_store: Store, open_window: WindowFactory) -> None:
    window = open_window(demo_store)
    window.actions.shortcuts.trigger()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "Ctrl+PgDown" in box.text() and "F8" in box.text() and "tersimpan otomatis" in box.text()
    box.accept()


def test_a_start_on_the_same_file_and_place_does_not_rewrite_the_settings(
    demo_db_template: Path, tmp_path: Path, ui_settings: Path, qtbot: QtBot
) -> None:
    """Every write of the settings file is synced to the disk; a start that finds the file and
    the position it stored writes nothing, and a move to another indicator still does."""
    path = demo_copy(demo_db_template, tmp_path, "opd.sqlite")
    window = app.start(path)
    assert isinstance(window, MainWindow)
    shown = window.editor.code
    window.close()
    written = ui_settings.stat()
    window = app.start(path)
    assert isinstance(window, MainWindow) and window.editor.code == shown
    assert (ui_settings.stat().st_ino, ui_settings.stat().st_mtime_ns) == (
        written.st_ino,
        written.st_mtime_ns,
    )
    assert preferences.recent_files() == [path.resolve()]
    other = next(i.code for i in window.editor.catalogue.indicators() if i.code != shown)
    window.show_indicator(other)
    assert preferences.last_position(path)[2] == other
    assert ui_settings.stat().st_ino != written.st_ino
    window.close()
