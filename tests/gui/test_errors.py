"""Every error seen, none lost: uncaught errors of any thread and background failures open a
dialog with a plain explanation, the log's place and "Salin rincian", and the log keeps the traceback."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import error_dialog, operations
from kotacerdas_desktop.gui.error_dialog import UnexpectedErrorDialog
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory


@pytest.fixture
def handlers(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's handlers installed for this test only (pytest-qt keeps its own around the test)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    error_dialog.install_error_handlers()
    return log_dir / "kotacerdas.log"


def shown_dialog(qtbot: QtBot) -> UnexpectedErrorDialog:
    found: list[UnexpectedErrorDialog] = []

    def visible() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, UnexpectedErrorDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible)
    return found[0]


def failing_work() -> None:
    raise RuntimeError("indeks di luar batas")


def test_an_error_in_another_thread_is_logged_and_shown_with_copyable_details(
    qtbot: QtBot, handlers: Path
) -> None:
    thread = threading.Thread(target=failing_work, name="pekerja")
    thread.start()
    thread.join()
    dialog = shown_dialog(qtbot)
    assert "kesalahan yang tidak terduga" in dialog.explanation.text()
    assert "Data yang sudah tersimpan tetap aman" in dialog.explanation.text()
    assert str(handlers) in dialog.log_label.text()
    assert "RuntimeError: indeks di luar batas" in dialog.summary.text()
    logged = handlers.read_text(encoding="utf-8")
    assert "thread pekerja" in logged and "in failing_work" in logged and "Traceback" in logged
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "in failing_work" in copied and "KotaCerdas Desktop" in copied
    assert dialog.copy_button.text() == "Rincian disalin"

    try:  # a second error while the dialog is open joins it instead of stacking a new one
        raise KeyError("kode")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert "(+1 kesalahan lain)" in dialog.summary.text() and "KeyError" in dialog.details
    assert handlers.read_text(encoding="utf-8").count("Traceback") == 2
    dialog.reject()


def test_a_background_failure_keeps_its_traceback_and_is_shown(
    qtbot: QtBot, store: Store, log_dir: Path
) -> None:
    def work(worker_store: Store, progress) -> None:
        failing_work()

    task = operations.perform_in_background(
        operations.Change(operations.SETTINGS),
        work,
        store_path=store.path,
        parent=None,
        title="uji",
    )
    with qtbot.waitSignal(task.signals.failed):
        pass
    dialog = shown_dialog(qtbot)
    assert "RuntimeError: indeks di luar batas" in dialog.summary.text()
    logged = (log_dir / "kotacerdas.log").read_text(encoding="utf-8")
    assert "background task" in logged and "in failing_work" in logged
    dialog.reject()


def test_a_message_for_a_hidden_window_is_still_shown(
    qtbot: QtBot, demo_store: Store, open_window: WindowFactory
) -> None:
    window = open_window(demo_store)
    window.hide()
    operations.notifier().failed.emit(StorageError(t("Disk penuh.", "Disk full.")))
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any(box.isVisible() and box.text() == "Disk penuh." for box in boxes)
    for box in boxes:
        box.close()


@pytest.mark.qt_log_ignore("pesan uji dari Qt")
def test_qt_warnings_go_to_the_log(handlers: Path) -> None:
    from PySide6.QtCore import qWarning

    qWarning("pesan uji dari Qt")
    assert "WARNING Qt: pesan uji dari Qt" in handlers.read_text(encoding="utf-8")
