"""Small dialogs: a year, the attachment limit, the shortcut list, about; questions and messages.

Each is shown with ``open()`` (window-modal, never a blocking ``exec``), so
the window keeps painting and tests can answer them like a user; ``confirm``
is the one blocking question, for a caller that needs the answer at once.
A question's buttons name what they do ("Hapus" / "Batal"), never Yes/No,
and a message closes with "Tutup".
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from kotacerdas_desktop import __version__
from kotacerdas_desktop.domain.model import YEAR_MAX, YEAR_MIN
from kotacerdas_desktop.domain.text import LocalText, t

# The keys of the form itself; every menu command's key comes from the menu (show_shortcuts).
FORM_KEYS = (
    ("1 – 5", t("pilih tingkat (di formulir)", "choose a level (on the form)")),
    ("N", t("tidak berlaku (lalu isi alasannya)", "not applicable (then give the reason)")),
    ("Tab / Shift+Tab", t("ke kolom berikutnya / sebelumnya", "next / previous field")),
)


CANCEL = t("Batal", "Cancel")
SAVE = t("Simpan", "Save")


def _show(dialog: QDialog) -> None:
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def _input(
    parent: QWidget, title: LocalText, label: LocalText, ok: LocalText = SAVE
) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(str(title))
    dialog.setLabelText(str(label))
    dialog.setOkButtonText(str(ok))
    dialog.setCancelButtonText(str(CANCEL))
    return dialog


def question_box(
    parent: QWidget | None,
    title: LocalText | str,
    text: str,
    yes: LocalText,
    no: LocalText = CANCEL,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> tuple[QMessageBox, QAbstractButton]:
    """A question whose buttons say what they do; ``no`` is the default and Esc. Returns the
    box and its ``yes`` button, to compare with ``clickedButton()``."""
    box = QMessageBox(icon, str(title), text, QMessageBox.StandardButton.NoButton, parent)
    accept = box.addButton(str(yes), QMessageBox.ButtonRole.AcceptRole)
    reject = box.addButton(str(no), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reject)
    box.setEscapeButton(reject)
    return box, accept


def confirm(
    parent: QWidget | None,
    title: LocalText | str,
    text: str,
    yes: LocalText,
    no: LocalText = CANCEL,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> bool:
    """Ask and wait for the answer (blocking): True when the user chose ``yes``."""
    box, accept = question_box(parent, title, text, yes, no, icon)
    box.exec()
    return box.clickedButton() is accept


def inform(
    parent: QWidget | None,
    text: str,
    title: LocalText | str = "KotaCerdas",
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """A message that closes with "Tutup", shown without blocking the window."""
    box = QMessageBox(icon, str(title), text, QMessageBox.StandardButton.Close, parent)
    _show(box)
    return box


def ask_year(parent: QWidget, suggested: int, chosen: Callable[[int], None]) -> None:
    dialog = _input(
        parent,
        t("Penilaian tahun baru", "New year's assessment"),
        t("Tahun penilaian:", "Assessment year:"),
        t("Mulai", "Start"),
    )
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(YEAR_MIN, YEAR_MAX)
    dialog.setIntValue(suggested)
    dialog.intValueSelected.connect(chosen)
    _show(dialog)


def ask_attachment_limit(
    parent: QWidget, current_mb: float, chosen: Callable[[float], None]
) -> None:
    dialog = _input(
        parent,
        t("Batas ukuran lampiran", "Attachment size limit"),
        t(
            "Berkas bukti dukung terbesar yang boleh dilampirkan (MB):",
            "Largest evidence file that may be attached (MB):",
        ),
    )
    dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
    dialog.setDoubleRange(1, 500)
    dialog.setDoubleDecimals(0)
    dialog.setDoubleValue(current_mb)
    dialog.doubleValueSelected.connect(chosen)
    _show(dialog)


def ask_operator_name(parent: QWidget, current: str, chosen: Callable[[str], None]) -> None:
    dialog = _input(
        parent,
        t("Nama operator", "Operator name"),
        t(
            "Nama Anda, dicatat bersama nama pengguna komputer pada setiap perubahan:",
            "Your name, recorded with the computer's user name on every change:",
        ),
    )
    dialog.setTextValue(current)
    dialog.textValueSelected.connect(chosen)
    _show(dialog)


def confirm_close_unsaved(parent: QWidget, count: int, reason: str) -> bool:
    """Answers the store still cannot take: close anyway only when the user says so."""
    return confirm(
        parent,
        "KotaCerdas",
        str(
            t(
                f"{count} jawaban belum tersimpan: {reason}\n\nTutup tanpa menyimpannya? "
                "Pilih Tunggu untuk tetap membuka jendela; penyimpanan dicoba lagi otomatis.",
                f"{count} answer(s) are not saved yet: {reason}\n\nClose without saving them? "
                "Choose Wait to keep the window open; saving is tried again automatically.",
            )
        ),
        yes=t("Tutup tanpa menyimpan", "Close without saving"),
        no=t("Tunggu", "Wait"),
        icon=QMessageBox.Icon.Warning,
    )


def menu_keys(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(key, command) of every action in these menus and their submenus that has a key."""
    keys = []
    for menu in menus:
        for action in menu.actions():
            if action.menu() is not None:
                keys += menu_keys([action.menu()])
            elif not action.isSeparator() and not action.shortcut().isEmpty():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                keys.append((key, action.text().replace("&", "").rstrip("…")))
    return list(dict.fromkeys(keys))  # a command in two menus is listed once


def show_shortcuts(parent: QWidget, menus: list[QMenu]) -> None:
    rows = [(key, str(text)) for key, text in FORM_KEYS] + menu_keys(menus)
    table = "".join(
        f"<tr><td><b>{escape(key)}</b></td><td>&nbsp;&nbsp;{escape(text)}</td></tr>"
        for key, text in rows
    )
    note = t(
        "Semua perubahan tersimpan otomatis; tidak ada tombol Simpan.",
        "Every change is saved automatically; there is no Save button.",
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        str(t("Pintasan keyboard", "Keyboard shortcuts")),
        "",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<table>{table}</table><p>{note}</p>")
    _show(box)


def show_about(parent: QWidget, db_path: Path) -> None:
    text = t(
        f"KotaCerdas Desktop {__version__}\nPenilaian mandiri smart city OPD, sepenuhnya luring.\nData: {db_path}",
        f"KotaCerdas Desktop {__version__}\nSmart city self-assessment for agencies, fully offline.\nData: {db_path}",
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        str(t("Tentang KotaCerdas", "About KotaCerdas")),
        str(text),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    _show(box)
