"""Effort estimates (1 easy .. 5 hard) per indicator, for plans of least total effort.

Kept for the session and in files (CSV "KODE,UPAYA", the format `kotacerdas plan --effort`
reads), not in the database: an estimate is a planning guess, not part of the record.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.errors import KotaCerdasError, StorageError
from kotacerdas_desktop.domain.plan_target import DEFAULT_EFFORT, EFFORTS, read_efforts
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store.outputs import CSV, write_output

CSV_FILTER = "CSV (*.csv);;JSON (*.json)"
INTRO = t(
    "Perkiraan upaya setiap indikator, 1 (mudah) sampai 5 (sulit). Dengan \u201cPakai perkiraan "
    "upaya\u201d, rencana memilih total upaya terkecil, bukan langkah tersedikit.",
    "The effort of each indicator, 1 (easy) to 5 (hard). With \u201cUse effort estimates\u201d "
    "the plan takes the least total effort, not the fewest steps.",
)


def intro_layout(panel: QWidget, intro: LocalText) -> QVBoxLayout:
    """A planner tab's layout, opening with the sentence that says what the tab is for."""
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(8, 8, 8, 8)
    label = QLabel(str(intro), panel)
    label.setWordWrap(True)
    layout.addWidget(label)
    return layout


class EffortPanel(QWidget):
    changed = Signal()

    def __init__(self, catalogue: Catalogue, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("effortPanel")
        self.database = database  # the open file, which a saved estimates file never replaces
        layout = intro_layout(self, INTRO)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("tableEfforts")
        self.table.setHorizontalHeaderLabels(
            [str(t("Kode", "Code")), str(t("Indikator", "Indicator")), str(t("Upaya", "Effort"))]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("labelEffortMessage")
        self.message.setWordWrap(True)
        buttons.addWidget(self.message, 1)
        for name, text, slot in (
            ("buttonLoadEfforts", t("Muat berkas…", "Load file…"), self.ask_load),
            ("buttonSaveEfforts", t("Simpan berkas…", "Save file…"), self.ask_save),
        ):
            button = QPushButton(str(text), self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.set_catalogue(catalogue)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """One row per indicator; estimates typed for codes the catalogue still has are kept."""
        kept = self.efforts() if self.table.rowCount() else {}
        self.catalogue = catalogue
        indicators = list(catalogue.indicators())
        self.table.setRowCount(len(indicators))
        self.spins: dict[str, QSpinBox] = {}
        for row, indicator in enumerate(indicators):
            self.table.setItem(row, 0, QTableWidgetItem(indicator.code))
            self.table.setItem(row, 1, QTableWidgetItem(str(indicator.question)))
            spin = QSpinBox(self.table)
            spin.setRange(EFFORTS[0], EFFORTS[-1])
            spin.setValue(kept.get(indicator.code, DEFAULT_EFFORT))
            spin.valueChanged.connect(self.changed)
            self.table.setCellWidget(row, 2, spin)
            self.spins[indicator.code] = spin

    def efforts(self) -> dict[str, int]:
        return {code: spin.value() for code, spin in self.spins.items()}

    def set_efforts(self, efforts: dict[str, int]) -> None:
        for code, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(efforts.get(code, DEFAULT_EFFORT))
            spin.blockSignals(False)
        self.changed.emit()

    def load(self, path: Path) -> bool:
        """Read estimates from a file; a wrong line is named below the table, nothing changes."""
        try:
            efforts = read_efforts(self.catalogue, path)
        except KotaCerdasError as error:
            self.message.setText(str(error))
            return False
        self.set_efforts(efforts)
        self.message.setText(str(t(f"Dimuat: {path.name}", f"Loaded: {path.name}")))
        return True

    def save(self, path: Path) -> bool:
        """A CSV with a byte order mark, as the recap's (Excel reads it as UTF-8), written
        through store/outputs.py."""
        lines = ["indikator,upaya", *(f"{c},{e}" for c, e in self.efforts().items())]
        try:
            write_output(
                ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8"), path, CSV, self.database
            )
        except StorageError as error:
            self.message.setText(str(error))
            return False
        self.message.setText(str(t(f"Disimpan: {path}", f"Saved: {path}")))
        return True

    def ask_load(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            str(t("Muat perkiraan upaya", "Load effort estimates")),
            str(Path.home()),
            CSV_FILTER,
        )
        if name:
            self.load(Path(name))

    def ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            str(t("Simpan perkiraan upaya", "Save effort estimates")),
            str(Path.home() / "perkiraan-upaya.csv"),
            CSV_FILTER,
        )
        if name:
            self.save(Path(name))
