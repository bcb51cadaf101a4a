"""The coordinator's commands in the Kota window: import packages (also by dropping them on
the window), save the city recap (PDF on A4 or F4, Excel, CSV) and the follow-up register as
shown. Each runs in the background; a recap that needs the coordinating agency asks for it
once (``choose_coordinator``, as the city plan's window does), and the choice is kept in the
file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QPushButton, QWidget

from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.store import Store

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.city_window import CityWindow
    from kotacerdas_desktop.gui.main_window import MainWindow

# Save-dialog filter -> (extension, paper)
RECAP_FILTERS: dict[str, tuple[str, str]] = {
    str(t("PDF A4 (*.pdf)", "PDF A4 (*.pdf)")): (".pdf", "a4"),
    str(t("PDF F4/Folio (*.pdf)", "PDF F4/Folio (*.pdf)")): (".pdf", "f4"),
    str(t("Buku kerja Excel (*.xlsx)", "Excel workbook (*.xlsx)")): (".xlsx", "a4"),
    str(t("CSV untuk Excel (*.csv)", "CSV for Excel (*.csv)")): (".csv", "a4"),
}


class CityActions(QObject):
    def __init__(self, window: CityWindow, main: MainWindow) -> None:
        super().__init__(window)
        self.window, self.main = window, main
        layout = window.ui.layoutCityHeader
        self.import_button = self._button(
            t("&Impor paket…", "&Import packages…"), main.exchange_menu.choose_files
        )
        self.recap_button = self._button(t("Simpan &rekap…", "Save &recap…"), self.save_recap)
        self.register_button = self._button(
            t("Register ke E&xcel…", "Register to E&xcel…"), self.save_register
        )
        for position, button in enumerate(
            (self.import_button, self.recap_button, self.register_button), 1
        ):
            layout.insertWidget(position, button)
        self._recap: tuple[int, Path, str] = (0, Path(), "a4")
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _button(self, text: LocalText, slot: Any) -> QPushButton:
        button = QPushButton(str(text), self.window)
        button.setAccessibleName(str(text).replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _path(self, title: LocalText, name: str, filters: list[str]) -> tuple[Path | None, str]:
        chosen, kind = QFileDialog.getSaveFileName(
            self.window, str(title), str(Path.home() / name), ";;".join(filters)
        )
        return (Path(chosen) if chosen else None), kind

    def save_recap(self) -> None:
        year = self.window.year()
        if year is None:
            return
        out, kind = self._path(
            t("Simpan rekap kota", "Save the city recap"),
            f"rekap-kota-{year}.pdf",
            list(RECAP_FILTERS),
        )
        if out is None:
            return
        suffix, paper = RECAP_FILTERS.get(kind, (".pdf", "a4"))
        self.write_recap(year, out if out.suffix else out.with_suffix(suffix), paper)

    def write_recap(self, year: int, out: Path, paper: str) -> None:
        self._recap = (year, out, paper)
        operations.write_recap(
            self.main.store,
            year,
            out,
            paper,
            parent=self.window,
            fields=self,
            on_done=lambda written: self.window.ui.labelBusy.setText(
                str(t(f"Rekap ditulis ke {written.path}.", f"Recap written to {written.path}."))
            ),
        )

    def show_error(self, field: str, message: str) -> bool:
        """A recap that needs the coordinating agency asks for it, then is made again."""
        if field != "coordinator":
            return False
        if choose_coordinator(self.window, self.main.store, message):
            self.write_recap(*self._recap)
        return True

    def save_register(self) -> None:
        year = self.window.year()
        if year is None:
            return
        out, _ = self._path(
            t("Simpan register tindak lanjut", "Save the follow-up register"),
            f"rencana-tindak-lanjut-{year}.xlsx",
            [str(t("Buku kerja Excel (*.xlsx)", "Excel workbook (*.xlsx)"))],
        )
        if out is None:
            return
        register = self.window.register.ui
        filters = (
            register.comboLevel.currentData(),
            register.comboAgency.currentData(),
            register.comboDimension.currentData(),
        )
        operations.write_register(
            self.main.store,
            year,
            out if out.suffix else out.with_suffix(".xlsx"),
            filters,
            parent=self.window,
            on_done=lambda written: self.window.ui.labelBusy.setText(
                str(
                    t(
                        f"{len(written.rows)} baris ditulis ke {written.path}.",
                        f"{len(written.rows)} row(s) written to {written.path}.",
                    )
                )
            ),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Packages dropped on the Kota window import as they do on the main window."""
        return self.main.exchange_menu.eventFilter(watched, event) or super().eventFilter(
            watched, event
        )


def choose_coordinator(parent: QWidget, store: Store, message: str) -> bool:
    """Ask once which agency coordinates (the recap and the city plan need it) and keep it in
    the file; False when the user declined."""
    agencies = store.agencies.list()
    names = [f"{a.code} · {a.name}" for a in agencies]
    chosen, ok = QInputDialog.getItem(
        parent, str(t("OPD koordinator", "Coordinating agency")), message, names, 0, False
    )
    if not ok:
        return False
    return operations.remember_coordinator(store, agencies[names.index(chosen)].code) is not None


def install(window: CityWindow, main: MainWindow) -> CityActions:
    return CityActions(window, main)
