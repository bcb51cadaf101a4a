"""Unexpected errors, seen: a plain explanation, where the log is, and "Salin rincian".

``install_error_handlers`` routes uncaught errors of every thread and Qt's own
warnings to the log file (errorlog.py); each uncaught error then opens this
dialog in the GUI thread, with or without a window on screen. Errors that
come while the dialog is open are added to it, not stacked as new dialogs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop import errorlog
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.uiloader import close_buttons

_QT_LEVELS = {
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class UnexpectedErrorDialog(QDialog):
    def __init__(self, error: BaseException, log: Path | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("unexpectedErrorDialog")
        self.setWindowTitle(str(t("Kesalahan tak terduga", "Unexpected error")))
        self.details = errorlog.details(error)
        self.count = 1
        where = (
            str(log)
            if log is not None
            else str(t("(log tidak dapat ditulis)", "(the log cannot be written)"))
        )
        self.explanation = QLabel(
            str(
                t(
                    "Terjadi kesalahan yang tidak terduga di KotaCerdas. Data yang sudah tersimpan tetap "
                    "aman; perubahan yang sedang dikerjakan mungkin belum tersimpan, jadi periksa lagi "
                    "bagian yang terakhir Anda ubah.\n\nRincian kesalahan dicatat di berkas log di bawah. "
                    'Tekan "Salin rincian" dan kirimkan kepada petugas TI.',
                    "Something unexpected went wrong in KotaCerdas. Data already saved is safe; the change "
                    "you were making may not be saved, so check what you changed last.\n\nThe details are "
                    'written to the log file below. Press "Copy details" and send them to IT support.',
                )
            )
        )
        self.explanation.setWordWrap(True)
        self._first = f"{type(error).__name__}: {error}"
        self.summary = QLabel(self._first)
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "muted")
        self.log_label = QLabel(str(t(f"Log: {where}", f"Log: {where}")))
        self.log_label.setObjectName("labelLogPath")
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = close_buttons(self)
        self.copy_button = QPushButton(str(t("Salin rincian", "Copy details")), self)
        self.copy_button.setObjectName("buttonCopyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        layout = QVBoxLayout(self)
        for widget in (self.explanation, self.summary, self.log_label, buttons):
            layout.addWidget(widget)
        fit_to_screen(self, 520)

    def add(self, error: BaseException) -> None:
        """Another error while this one is shown: its details join these."""
        self.count += 1
        self.details += "\n" + errorlog.details(error)
        more = self.count - 1
        self.summary.setText(
            str(t(f"{self._first} (+{more} kesalahan lain)", f"{self._first} (+{more} more)"))
        )

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(str(t("Rincian disalin", "Details copied")))


class _Bridge(QObject):
    """Carries an error from any thread to the GUI thread (a queued signal)."""

    raised = Signal(object, object)  # error, log path


_bridge: _Bridge | None = None
_shown: UnexpectedErrorDialog | None = None


def show_unexpected(error: BaseException, log: Path | None, parent: QWidget | None = None) -> None:
    """Open the dialog (or add to the one open); safe to call without a window on screen."""
    global _shown
    if _shown is not None:
        _shown.add(error)
        return
    dialog = _shown = UnexpectedErrorDialog(error, log, parent or QApplication.activeWindow())
    dialog.finished.connect(_forget)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def _forget() -> None:
    global _shown
    _shown = None


def report_unexpected(error: BaseException, where: str, parent: QWidget | None = None) -> None:
    """Log an error caught in the GUI (a background task's) with its traceback, then show it."""
    show_unexpected(error, errorlog.log_exception(error, where), parent)


def install_error_handlers() -> None:
    """Uncaught errors of every thread and Qt's warnings to the log; errors also to the dialog."""
    global _bridge
    _bridge = _Bridge()
    _bridge.raised.connect(show_unexpected)
    bridge = _bridge
    errorlog.install(lambda error, log: bridge.raised.emit(error, log))
    previous = None

    def qt_message(mode: QtMsgType, context: object, message: str) -> None:
        level = _QT_LEVELS.get(mode)
        if level is not None:
            errorlog.log_message(level, f"Qt: {message}")
        if previous is not None:
            previous(mode, context, message)
        elif level is not None:
            sys.stderr.write(f"{message}\n")

    previous = qInstallMessageHandler(qt_message)
