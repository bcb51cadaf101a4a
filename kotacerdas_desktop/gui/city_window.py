"""The coordinator's Kota (city) window: one year of the whole city, one view module per tab.

Opened from the main window's Kota menu (Ctrl+Shift+K, gui/city_launch.py). The figures are
computed off the GUI thread (``city_data.CityLoader``) and recomputed whenever stored data
changes in a way that can move them (an assessment finalized, reopened or imported, an agency
added or renamed; not the drafts' autosave). They come in two steps: this year's picture
(40-60 ms for 60 agencies on the development machine, about twice that while the window is
first painted), shown at once in the tab in view, with a pending mark ("…") in the change
cells; then last year's comparison, which fills only the change columns (summary, matrix) and
starts filling the other tabs, one per turn of the event loop. ``loaded`` is emitted when
every tab shows both. Enter or a double-click on an agency anywhere in the tabs opens that
agency's assessment in the main window, where a finalized assessment is shown locked. With
no finalized assessment in the file the window explains what a new coordinator does first.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.city_data import CityData, CityLoader
from kotacerdas_desktop.gui.city_enablers import EnablersView
from kotacerdas_desktop.gui.city_matrix import MatrixView
from kotacerdas_desktop.gui.city_register import RegisterView
from kotacerdas_desktop.gui.city_summary import SummaryView
from kotacerdas_desktop.gui.city_table import Drill
from kotacerdas_desktop.gui.city_weakest import WeakestView
from kotacerdas_desktop.gui.operations import Change
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui, restyle
from kotacerdas_desktop.store import Store

PAGE_EMPTY, PAGE_TABS = 0, 1
CityTab = SummaryView | MatrixView | WeakestView | EnablersView | RegisterView
# Changes that cannot move the city's figures: answers and evidence of drafts (finalized ones are locked).
UNCOUNTED_CHANGES = (operations.ANSWER, operations.EVIDENCE)


class CityWindow(QWidget):
    openRequested = Signal(int, str)  # assessment id, indicator code ("" for the first)
    loaded = Signal()  # every tab shows the freshly computed figures, the changes included

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("cityWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data: CityData | None = None
        self.ui = load_ui("city_window.ui", self)
        self.summary = SummaryView()
        self.matrix = MatrixView()
        self.weakest = WeakestView()
        self.enablers = EnablersView()
        self.register = RegisterView()
        self.views = (self.summary, self.matrix, self.weakest, self.enablers, self.register)
        for view, title in zip(
            self.views,
            (
                t("&Ringkasan", "&Summary"),
                t("&Matriks OPD", "Agency &matrix"),
                t("Indikator t&erlemah", "&Weakest indicators"),
                t("&Faktor pendukung", "&Enablers"),
                t("Rencana tindak &lanjut", "Follow-up &plans"),
            ),
            strict=True,
        ):
            self.ui.tabCity.addTab(view, str(title))
        for drill in self.findChildren(Drill):
            drill.opened.connect(self.openRequested)
        self._dress()
        self.loader = CityLoader(store.path, self)
        self.loader.loaded.connect(self._show)
        self.loader.compared.connect(self._compared)
        self.loader.failed.connect(self._failed)
        self._unfilled: list[CityTab] = []
        self._said = ""  # what the computation last said in labelBusy
        self.ui.comboYear.activated.connect(lambda _index: self.refresh())
        self.ui.tabCity.currentChanged.connect(self._tab_chosen)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        operations.notifier().changed.connect(self._store_changed)
        self._listening = True
        self.refresh()

    def _dress(self) -> None:
        """Words, roles, names for screen readers and the tab order of the frame around the tabs."""
        ui = self.ui
        ui.frameCityHeader.setObjectName("cityHeader")
        ui.labelCityTitle.setProperty("role", "cityTitle")
        ui.labelBusy.setProperty("role", "muted")
        ui.labelCityEmptyTitle.setProperty("role", "welcome")
        ui.labelCityEmpty.setProperty("role", "empty")
        restyle(ui.labelCityEmptyTitle, ui.labelCityEmpty)  # a stacked page, styled as loaded
        ui.labelYear.setBuddy(ui.comboYear)
        apply_texts(
            ui,
            {
                "labelYear": t("T&ahun", "&Year"),
                "comboYear.tip": t(
                    "Tahun yang ditampilkan (hanya tahun dengan penilaian final)",
                    "The year shown (only years with a final assessment)",
                ),
                "labelCityEmptyTitle": t("Belum ada penilaian final", "No final assessment yet"),
            },
        )
        ui.comboYear.setAccessibleName(str(t("Tahun", "Year")))
        ui.tabCity.setAccessibleName(str(t("Bagian gambaran kota", "Parts of the city picture")))
        self.setWindowTitle(str(t("Kota — KotaCerdas Desktop", "City — KotaCerdas Desktop")))
        QWidget.setTabOrder(ui.comboYear, ui.tabCity)

    # Figures ------------------------------------------------------------------

    def year(self) -> int | None:
        return self.ui.comboYear.currentData()

    def refresh(self) -> None:
        """Compute the chosen year again (in the background; the tabs keep the last figures meanwhile)."""
        self._progress(str(t("Menghitung gambaran kota …", "Computing the city picture …")))
        self.loader.request(self.year())

    def _progress(self, text: str, *, step: bool = False) -> None:
        """Say how far the computation is in labelBusy (``""``: done). A later ``step`` of the
        same computation leaves a command's message there ("Rekap ditulis ke …") alone."""
        if not step or self.ui.labelBusy.text() == self._said:
            self.ui.labelBusy.setText(text)
        self._said = text

    def _show(self, data: CityData) -> None:
        self.data = data
        comparing = str(t("Membandingkan dengan tahun lalu …", "Comparing with last year …"))
        self._progress(comparing if data.comparison is None else "", step=True)
        with QSignalBlocker(self.ui.comboYear):
            self.ui.comboYear.clear()
            for year in data.years:
                self.ui.comboYear.addItem(str(year), year)
            self.ui.comboYear.setCurrentIndex(max(self.ui.comboYear.findData(data.year), 0))
        for widget in (self.ui.labelYear, self.ui.comboYear):
            widget.setVisible(bool(data.years))
        city = data.city_name or str(t("Kota", "City"))
        self.ui.labelCityTitle.setText(str(t(f"Gambaran kota · {city}", f"City picture · {city}")))
        if data.picture is None:
            self._unfilled = []
            self._show_empty(data)
            self.loaded.emit()
            return
        # The tab in view first; the others one per turn of the event loop once last year's
        # comparison is in, so the window never pauses for more than one tab (the register alone
        # holds 4,000 rows in a big city) and never fills one while the worker computes: the
        # two would share one interpreter lock and each take twice as long.
        current = self.ui.tabCity.currentWidget()
        self._unfilled = [view for view in self.views if view is not current]
        current.show_city(data)
        self.ui.stackCity.setCurrentIndex(PAGE_TABS)
        if data.comparison is not None:
            QTimer.singleShot(0, self, self._fill_next)

    def _fill_next(self) -> None:
        if self._unfilled and self.data is not None:
            self._fill(self._unfilled[0])
            QTimer.singleShot(0, self, self._fill_next)

    def _tab_chosen(self, index: int) -> None:
        view = self.ui.tabCity.widget(index)
        if view in self._unfilled and self.data is not None:
            self._fill(view)

    def _fill(self, view: CityTab) -> None:
        self._unfilled.remove(view)
        view.show_city(self.data)
        self._announce()

    def _compared(self, data: CityData) -> None:
        """Last year's comparison arrived: only the change columns of the tabs already filled
        change; the others are filled from it, one per turn of the event loop."""
        self.data = data
        self._progress("", step=True)
        for view in (self.summary, self.matrix):
            if view not in self._unfilled:
                view.show_changes(data)
        QTimer.singleShot(0, self, self._fill_next)
        self._announce()

    def _announce(self) -> None:
        if not self._unfilled and self.data is not None and self.data.comparison is not None:
            self.loaded.emit()

    def _show_empty(self, data: CityData) -> None:
        self.ui.labelCityEmpty.setText(
            str(
                t(
                    "Tampilan Kota menghimpun penilaian OPD yang sudah final, per tahun: indeks "
                    "kota, matriks OPD, OPD yang belum mengirim, indikator terlemah, faktor "
                    "pendukung dan register rencana tindak lanjut.\n\n"
                    f"Basis data ini berisi {data.agencies} OPD dan {data.drafts} penilaian yang "
                    "masih draf; belum ada yang final.\n\nUntuk memulai:\n"
                    "• impor paket penilaian (.kcpkg) yang dikirim setiap OPD, atau\n"
                    "• buka penilaian sebuah OPD di jendela utama, lalu pilih menu "
                    "Penilaian > Finalisasi dan kunci…\n\n"
                    "Tampilan ini diperbarui sendiri begitu ada penilaian final.",
                    "The City view gathers the agencies' final assessments, per year: the city "
                    "index, the agency matrix, who has not sent, the weakest indicators, the "
                    "enablers and the follow-up register.\n\n"
                    f"This database holds {data.agencies} agencies and {data.drafts} draft "
                    "assessments; none is final yet.\n\nTo begin:\n"
                    "• import the assessment packages (.kcpkg) each agency sends, or\n"
                    "• open an agency's assessment in the main window, then choose "
                    "Assessment > Finalize and lock…\n\n"
                    "This view updates itself as soon as an assessment is final.",
                )
            )
        )
        self.ui.stackCity.setCurrentIndex(PAGE_EMPTY)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KotaCerdasError):
            self._progress(str(error))
            return
        self._progress("")
        raise error  # unexpected: the GUI thread's excepthook logs it with its traceback

    def _store_changed(self, change: Change) -> None:
        if change.kind not in UNCOUNTED_CHANGES:
            self.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._listening:
            self._listening = False
            operations.notifier().changed.disconnect(self._store_changed)
        super().closeEvent(event)
