"""What an import did, package by package: imported, already here, superseded, refused and why.

A package refused only until the coordinator decides (an agency's new signing
key, a framework this file lacks) gets a button to decide: the dialog asks,
showing the key fingerprint to compare with the signed paper, and the import
runs again for those packages only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.package import (
    NEEDS_CATALOGUE,
    NEEDS_KEY,
    OUTCOME_TEXT,
    REFUSED,
    ImportOutcome,
)
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import prompts
from kotacerdas_desktop.gui.screen_fit import fit_to_screen

REFUSED_COLOUR = QColor("#9a3412")
HEADERS = (
    t("Berkas", "File"),
    t("OPD", "Agency"),
    t("Tahun", "Year"),
    t("Revisi", "Revision"),
    t("Hasil", "Outcome"),
    t("Alasan", "Reason"),
)


def _summary(outcomes: list[ImportOutcome], cancelled: bool) -> str:
    stored = sum(o.stored for o in outcomes)
    refused = sum(o.outcome == REFUSED for o in outcomes)
    text = t(
        f"{len(outcomes)} paket diperiksa: {stored} diimpor, {refused} ditolak.",
        f"{len(outcomes)} package(s) checked: {stored} imported, {refused} refused.",
    )
    if cancelled:
        text = t(
            f"{text.id} Dibatalkan: paket berikutnya tidak disentuh.",
            f"{text.en} Cancelled: the packages after these were not touched.",
        )
    return str(text)


class ImportResultsDialog(QDialog):
    """The outcome table; ``retry`` asks for another import of some files with a decision."""

    retry = Signal(list, tuple, bool)  # file names, agencies whose new key is accepted, catalogues

    def __init__(
        self, outcomes: list[ImportOutcome], requested: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importResults")
        self.setWindowTitle(str(t("Hasil impor paket", "Package import results")))
        self.outcomes = outcomes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        summary = QLabel(_summary(outcomes, cancelled=len(outcomes) < requested), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.table = QTableWidget(len(outcomes), len(HEADERS), self)
        self.table.setObjectName("tableImportResults")
        self.table.setAccessibleName(str(t("Hasil impor", "Import results")))
        self.table.setHorizontalHeaderLabels([str(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, outcome in enumerate(outcomes):
            cells = (
                outcome.file_name,
                outcome.agency_code,
                str(outcome.year or ""),
                str(outcome.revision or ""),
                str(OUTCOME_TEXT[outcome.outcome]),
                str(outcome.reason or ""),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if outcome.outcome == REFUSED:
                    item.setForeground(REFUSED_COLOUR)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.accept_keys = self._decision_button(
            buttons, NEEDS_KEY, t("Terima kunci baru…", "Accept new keys…"), self._accept_keys
        )
        self.import_catalogues = self._decision_button(
            buttons,
            NEEDS_CATALOGUE,
            t("Impor kerangka yang dibawa…", "Import the frameworks they carry…"),
            self._import_catalogues,
        )
        close = buttons.addButton(str(t("Tutup", "Close")), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 420)

    def _decision_button(
        self, buttons: QDialogButtonBox, needs: str, text: LocalText, slot: Callable[[], None]
    ) -> QPushButton:
        button = buttons.addButton(str(text), QDialogButtonBox.ButtonRole.ActionRole)
        button.setVisible(any(o.needs == needs for o in self.outcomes))
        button.clicked.connect(slot)
        return button

    def _waiting(self, needs: str) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.needs == needs]

    def _accept_keys(self) -> None:
        waiting = self._waiting(NEEDS_KEY)
        details = "\n\n".join(f"{o.file_name}: {o.reason}" for o in waiting)
        if prompts.confirm(
            self,
            t("Kunci penanda tangan berubah", "Signing key changed"),
            str(
                t(
                    "Paket berikut ditandatangani kunci yang berbeda dari paket sebelumnya OPD yang "
                    "sama. Terima hanya jika sidik jari kunci sama dengan yang tercetak di lembar "
                    f"evaluasi bertanda tangan OPD itu.\n\n{details}\n\nTerima kunci baru?",
                    "These packages are signed by another key than the same agency's earlier "
                    "packages. Accept only if the key fingerprint is the one printed on that "
                    f"agency's signed evaluation sheet.\n\n{details}\n\nAccept the new keys?",
                )
            ),
            yes=t("Terima kunci baru", "Accept the new keys"),
            icon=QMessageBox.Icon.Warning,
        ):
            agencies = tuple(sorted({o.agency_code for o in waiting}))
            self.retry.emit([o.file_name for o in waiting], agencies, False)
            self.accept()

    def _import_catalogues(self) -> None:
        waiting = self._waiting(NEEDS_CATALOGUE)
        self.retry.emit([o.file_name for o in waiting], (), True)
        self.accept()
