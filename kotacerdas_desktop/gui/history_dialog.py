"""The history of one indicator's answer: who changed which part, when, from what to what.

Opened from the "Riwayat perubahan" link under the form; it reads the same
audit trail as `kotacerdas history ID INDICATOR`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui.answer_editor import FIELD_NAMES
from kotacerdas_desktop.gui.formatting import format_timestamp
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.uiloader import close_buttons
from kotacerdas_desktop.store import Store, audit

PARTS: dict[str, LocalText] = {
    **FIELD_NAMES,
    "not_applicable": t("tidak berlaku", "not applicable"),
    "added": t("bukti dukung ditambahkan", "evidence added"),
    "removed": t("bukti dukung dihapus", "evidence removed"),
    "title": t("judul bukti dukung", "evidence title"),
    "number": t("nomor bukti dukung", "evidence number"),
    "date": t("tanggal bukti dukung", "evidence date"),
}
FLAGS = ("not_applicable", "review_flag")
SHOWN_CHARS = 60


def shown(field: str, value: str | None) -> str:
    """A value as a reader wants it: yes/no for flags, "-" for nothing, long text cut."""
    if value is None or value == "":
        return "-"
    if field in FLAGS:
        return str(t("ya", "yes")) if value == "1" else str(t("tidak", "no"))
    flat = " ".join(value.split())
    return flat if len(flat) <= SHOWN_CHARS else flat[: SHOWN_CHARS - 1] + "…"


class HistoryDialog(QDialog):
    COLUMNS = (
        t("Waktu", "When"),
        t("Oleh", "By"),
        t("Bagian", "Part"),
        t("Lama", "Old"),
        t("Baru", "New"),
    )

    def __init__(
        self, store: Store, assessment_id: int, indicator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(str(t(f"Riwayat {indicator}", f"History of {indicator}")))
        self.changes = audit.history(store.db, assessment_id, indicator)
        heading = QLabel(
            str(
                t(
                    f"Perubahan jawaban {indicator} dan bukti dukungnya, yang terlama di atas.",
                    f"Changes to the answer {indicator} and its evidence, oldest first.",
                )
                if self.changes
                else t("Belum ada perubahan tercatat.", "No changes recorded yet.")
            )
        )
        self.table = QTableWidget(len(self.changes), len(self.COLUMNS), self)
        self.table.setObjectName("tableHistory")
        self.table.setHorizontalHeaderLabels([str(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):  # old and new share the room left, their text wrapped
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        for row, change in enumerate(self.changes):
            cells = [
                (format_timestamp(change.at), ""),
                (change.actor, ""),
                (str(PARTS.get(change.field, LocalText(change.field))), ""),
                (shown(change.field, change.old), change.old or ""),
                (shown(change.field, change.new), change.new or ""),
            ]
            for column, (text, full) in enumerate(cells):
                item = QTableWidgetItem(text)
                if full and full != text:
                    item.setToolTip(full)  # the whole text, when the cell shows it cut
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        for widget in (heading, self.table, buttons):
            layout.addWidget(widget)
        fit_to_screen(self, 860, 420)
