"""Small dialogs the main window opens: a year, the attachment limit, the shortcut list, about.

Each is shown with ``open()`` (window-modal, never a blocking ``exec``), so
the window keeps painting and tests can answer them like a user.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from kotacerdas_desktop import __version__
from kotacerdas_desktop.domain.model import YEAR_MAX, YEAR_MIN
from kotacerdas_desktop.domain.text import LocalText, t

SHORTCUTS = (
    ("1 – 5", t("pilih tingkat", "choose a level")),
    ("N", t("tidak berlaku (lalu isi alasannya)", "not applicable (then give the reason)")),
    ("Tab / Shift+Tab", t("ke kolom berikutnya / sebelumnya", "next / previous field")),
    ("Ctrl+PgDn / Ctrl+PgUp", t("indikator berikutnya / sebelumnya", "next / previous indicator")),
    ("F8", t("indikator belum dijawab berikutnya", "next unanswered indicator")),
    ("Ctrl+F", t("cari indikator", "find an indicator")),
    ("Ctrl+Z / Ctrl+Y", t("urungkan / ulangi", "undo / redo")),
    ("Ctrl+Shift+O", t("pengaturan OPD", "agency settings")),
    ("Ctrl+R / Ctrl+Shift+R", t("rencana capaian OPD / kota", "plan to a target: agency / city")),
    ("Ctrl+Shift+K", t("gambaran kota (koordinator)", "city picture (coordinator)")),
)


def _show(dialog: QDialog) -> None:
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def _input(parent: QWidget, title: LocalText, label: LocalText) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(str(title))
    dialog.setLabelText(str(label))
    return dialog


def ask_year(parent: QWidget, suggested: int, chosen: Callable[[int], None]) -> None:
    dialog = _input(
        parent,
        t("Penilaian tahun baru", "New year's assessment"),
        t("Tahun penilaian:", "Assessment year:"),
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
    answer = QMessageBox.warning(
        parent,
        "KotaCerdas",
        str(
            t(
                f"{count} jawaban belum tersimpan: {reason}\n\nTutup tanpa menyimpannya? "
                "Pilih Tidak untuk menunggu; penyimpanan dicoba lagi otomatis.",
                f"{count} answer(s) are not saved yet: {reason}\n\nClose without saving them? "
                "Choose No to wait; saving is tried again automatically.",
            )
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_shortcuts(parent: QWidget) -> None:
    table = "".join(
        f"<tr><td><b>{key}</b></td><td>&nbsp;&nbsp;{text}</td></tr>" for key, text in SHORTCUTS
    )
    note = t(
        "Semua perubahan tersimpan otomatis; tidak ada tombol Simpan.",
        "Every change is saved automatically; there is no Save button.",
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        str(t("Pintasan keyboard", "Keyboard shortcuts")),
        "",
        QMessageBox.StandardButton.Ok,
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
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    _show(box)
