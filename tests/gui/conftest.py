"""GUI fixtures: the real main window on a real SQLite file, with throw-away window settings."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.text import set_language
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.gui.preferences import SETTINGS_ENV
from kotacerdas_desktop.gui.qt_language import use_language
from kotacerdas_desktop.store import Store

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns about window features it lacks (size hints, raising a
    window to the front); not our code."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "does not support propagateSizeHints", "does not support raise"
                )
            )


@pytest.fixture(autouse=True)
def qt_words(qapp: QApplication) -> None:
    """Qt's own words in the language of the test, as the app installs them at start."""
    use_language(qapp)


@pytest.fixture(autouse=True)
def ui_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Window geometry, recent files and last position go to a file of this test only."""
    path = tmp_path / "ui-settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


WindowFactory = Callable[[Store], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Open a main window on a store, shown, and closed (saving its position) at the end."""
    windows: list[MainWindow] = []

    def make(store: Store) -> MainWindow:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        qtbot.waitExposed(window)
        window.finish_building()  # what the event loop builds after the first paint, now
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The interface in English for one test (KOTACERDAS_LANG=en)."""
    set_language("en")
    use_language(qapp)
    yield
    set_language("id")
    use_language(qapp)


@pytest.fixture
def demo_window(demo_store: Store, open_window: WindowFactory) -> MainWindow:
    return open_window(demo_store)


def demo_copy(template: Path, folder: Path, name: str = "kotacerdas.sqlite") -> Path:
    """A copy of the demo city database to start the app on."""
    import shutil

    target = folder / name
    shutil.copy(template, target)
    return target


def stored_answer(db: Path, assessment_id: int, code: str) -> dict | None:
    """The answer row as another program sees it in the file (a separate connection)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            "SELECT * FROM answers WHERE assessment_id = ? AND indicator_code = ?",
            [assessment_id, code],
        ).fetchone()
        return dict(row) if row else None
    finally:
        conn.close()


def answer_modal(button: str | QMessageBox.StandardButton | None = None) -> list[str]:
    """Answer the next modal message box as a user would (a blocking exec() in the code under
    test): click that button (by text or standard button), or close it. The list gets its text."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)  # not shown yet: look again
            return
        seen.append(box.text())
        if button is None:
            box.done(0)
        elif isinstance(button, str):
            next(b for b in box.buttons() if b.text() == button).click()
        else:
            box.button(button).click()

    QTimer.singleShot(0, answer)
    return seen


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from kotacerdas_desktop import errorlog

    folder = tmp_path / "log"
    monkeypatch.setenv(errorlog.LOG_ENV, str(folder))
    return folder
