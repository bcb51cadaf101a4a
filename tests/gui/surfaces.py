"""What a person can read on a window: every visible text, and the words of the other language in it.

``visible_texts`` walks a window like a reader: titles, labels, buttons,
group boxes, tabs, placeholders, tooltips, combo box items, the headers and
cells of tables and trees, the menu bar with every submenu. ``foreign``
finds the words that must not be there: Qt's English standard words (the
buttons and dialog texts PySide6 has no Indonesian for) and the English our
own tables used to show ("draft", "Level 4"), or, on the English side, the
Indonesian words of our interface. ``modal`` reads a blocking dialog (an
``exec()``) the moment it appears and closes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Qt's standard words (buttons and dialogs) as they read without a translation.
QT_ENGLISH_WHOLE = {
    "OK", "Cancel", "Yes", "No", "Close", "Save", "Open", "Apply", "Reset", "Help", "Discard",
    "Retry", "Ignore", "Abort", "Save All", "Yes to All", "No to All", "Restore Defaults",
    "Print", "Options >>", "Properties", "Delete", "Select All", "Undo", "Redo", "Cut", "Copy",
    "Paste", "Back", "Forward", "Name", "Size", "Type", "Date Modified", "Preview", "Files",
}  # fmt: skip
# English inside a longer text; the catalogue's own terms (Smart Governance, Baseline, Output,
# Outcome, Quick win) are the framework's names in Indonesian too and are not listed.
ENGLISH_IN_TEXT = re.compile(
    r"\b(Cancel|Show Details|Hide Details|Look in|File name|Files of type|Level \d|[Dd]raft|"
    r"[Ff]inalized|Not answered|Not applicable|Evidence|Justification|Settings|Agency|"
    r"Assessment|Page \d+ of|Print range|Copies|Collate|Grayscale|Orientation|Portrait|"
    r"Landscape|Output file|Location:|Enter a value|Details|Unknown|Saved|[Ll]oading|"
    r"Please|Are you sure|Do you want|[Cc]hoose|[Ss]elect|[Ww]arning|[Ee]rror)\b"
)
# Our interface's Indonesian words, for the English side (names of people, agencies and
# places in the data are not words of the interface and never use these).
INDONESIAN_IN_TEXT = re.compile(
    r"\b(Batal|Tutup|Simpan|Hapus|Ubah|Tambah|Cetak|Pratinjau|Tingkat|Bukti|Justifikasi|"
    r"Pengaturan|Cadangan|Berkas|Halaman|Belum|Sudah|Tidak|Riwayat|Kelengkapan|Terkunci|"
    r"Tersimpan|sementara|draf|Lampirkan|Tandai|Salin|Pilih|Lensa|dijawab|Jawaban|Penilaian|"
    r"Tahun|Ya|Oke|Keluar|Bantuan|Navigasi|Lembar|Kertas|Periksa|Verifikasi|Finalisasi|"
    r"Rincian|dari|untuk|yang|dengan|atau|Kembali|Lanjut|Mulai|Selamat)\b"
)

MNEMONIC = re.compile(r"&(?=[^&])")


def _plain(text: str) -> str:
    """Rich text as read, mnemonic ampersands removed."""
    if "<" in text and ">" in text:
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    return MNEMONIC.sub("", text).strip()


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield from _action_texts(action)


def _action_texts(action: QAction) -> Iterator[str]:
    if action.isSeparator():
        return
    yield action.text()
    if action.toolTip() != action.text().replace("&", ""):
        yield action.toolTip()
    if action.menu() is not None:
        yield from _menu_texts(action.menu())


def _model_texts(view: QAbstractItemView, rows: int = 60) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for orientation, count in (
        (Qt.Orientation.Horizontal, model.columnCount()),
        (Qt.Orientation.Vertical, 0),
    ):
        for section in range(count):
            yield str(model.headerData(section, orientation) or "")

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        yield value
            if depth < 3:
                yield from walk(model.index(row, 0, parent), depth + 1)

    yield from walk(QModelIndex(), 0)


def _widget_texts(widget: QWidget) -> Iterator[str]:
    if widget.isWindow():
        yield widget.windowTitle()
    yield widget.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
    elif isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget)
    elif isinstance(widget, QProgressDialog):
        yield widget.labelText()
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield from _action_texts(action)
        yield widget.statusBar().currentMessage()


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can see on ``root`` (and its visible children, menus included)."""
    widgets = [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]
    texts = (_plain(text) for widget in widgets for text in _widget_texts(widget))
    return sorted({text for text in texts if text})


def foreign(texts: Iterable[str], language: str = "id") -> list[str]:
    """The texts holding words of the other language: Qt's English or ours, or our Indonesian."""
    if language == "id":
        return [
            text
            for text in texts
            if text.rstrip(".…:") in QT_ENGLISH_WHOLE or ENGLISH_IN_TEXT.search(text)
        ]
    return [text for text in texts if INDONESIAN_IN_TEXT.search(text)]


def modal(read: Callable[[QWidget], None], close: Callable[[QWidget], None] | None = None) -> None:
    """Read the next modal dialog the code under test opens with a blocking exec(), then close it
    (``close``, or reject it)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, look)  # not shown yet: look again
            return
        read(dialog)
        if close is not None:
            close(dialog)
        elif isinstance(dialog, QMessageBox) and dialog.escapeButton() is not None:
            dialog.escapeButton().click()
        else:
            dialog.reject()

    QTimer.singleShot(0, look)


class QtWordsRecorder(QTranslator):
    """Installed over the app's translator: records every (context, text) Qt asks to translate
    and answers nothing (None, a null string: an empty one would be taken as the translation),
    so the translator under it still answers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.asked: set[tuple[str, str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.add((context, source, disambiguation or ""))
        return None

    def isEmpty(self) -> bool:
        return False
