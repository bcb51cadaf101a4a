"""The plan windows, opened from the Penilaian and Kota menus beside the main window (not
inside its crowded layout): the agency's plan for the assessment the main window shows,
with the what-if sandbox and the effort estimates; and the coordinator's city plan for a
year.

The agency window follows the main window: another agency or year shows that one's plan,
and the plan is made again when answers change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.effort_panel import EffortPanel
from kotacerdas_desktop.gui.operations import Change
from kotacerdas_desktop.gui.plan_panel import PlanPanel
from kotacerdas_desktop.gui.plan_sources import AgencySource, CitySource
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.what_if import WhatIfPanel


class _PlanWindowBase(QWidget):
    """A top-level window that stops listening to the store when it or the main window closes."""

    def __init__(self, main: QMainWindow, name: str) -> None:
        super().__init__(main, Qt.WindowType.Window)
        self.setObjectName(name)
        self.main = main
        fit_to_screen(self, 1240, 700)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)
        operations.notifier().changed.connect(self._changed)
        main.closed.connect(self._detach)

    def _changed(self, change: Change) -> None:
        if self.isVisible():
            self.store_changed(change)

    def store_changed(self, change: Change) -> None:
        """Make the plan again when what it is made of changed (each window knows what)."""
        raise NotImplementedError

    def _detach(self) -> None:
        """The main window closed and its store closes next: stop answering store changes."""
        operations.notifier().changed.disconnect(self._changed)
        self.close()


class AgencyPlanWindow(_PlanWindowBase):
    """Rencana capaian, bagaimana jika, perkiraan upaya: for the main window's assessment."""

    def __init__(self, main: QMainWindow) -> None:
        super().__init__(main, "agencyPlanWindow")
        assessment = main.store.assessments.get(main.current_assessment_id())
        source = AgencySource(main.store, assessment, main.editor.flush)
        self.tabs = QTabWidget(self)
        self.efforts = EffortPanel(source.catalogue, source.store.path, self.tabs)
        self.panel = PlanPanel(source, self.efforts.efforts, self.tabs)
        self.what_if = WhatIfPanel(source.catalogue, source.answers(), self.tabs)
        self.tabs.addTab(self.panel, str(t("Rencana", "Plan")))
        self.tabs.addTab(self.what_if, str(t("Bagaimana jika", "What if")))
        self.tabs.addTab(self.efforts, str(t("Perkiraan upaya", "Effort estimates")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.efforts.changed.connect(self._efforts_changed)
        self.panel.indicatorRequested.connect(self._show_indicator)
        self.what_if.try_plan.clicked.connect(self._try_plan)
        main.assessmentChanged.connect(self.follow)
        self._title()

    def follow(self, assessment_id: int) -> None:
        """The main window shows another assessment: plan for that one."""
        store = self.main.store
        source = AgencySource(store, store.assessments.get(assessment_id), self.main.editor.flush)
        self.efforts.set_catalogue(source.catalogue)
        self.panel.set_source(source)
        self.what_if.set_answers(source.catalogue, source.answers())
        self._title()

    def _title(self) -> None:
        a = self.panel.source.assessment
        agency = self.main.store.agencies.get(a.agency_code)
        self.setWindowTitle(
            str(t(f"Rencana capaian — {agency.name} {a.year}", f"Plan — {agency.name} {a.year}"))
        )

    def store_changed(self, change: Change) -> None:
        source = self.panel.source
        if change.assessment_id != source.assessment.id:
            return
        if change.kind == operations.ASSESSMENT:
            self.follow(source.assessment.id)  # finalized or reopened: locked or not
        elif change.kind in (operations.ANSWER, operations.FOLLOW_UP):
            self.panel.refresh()
            self.what_if.update_saved(source.answers())

    def showEvent(self, event: QShowEvent) -> None:
        """Answers may have changed while the window was hidden."""
        self.follow(self.main.current_assessment_id() or self.panel.source.assessment.id)
        super().showEvent(event)

    def _efforts_changed(self) -> None:
        if self.panel.weigh.isChecked():
            self.panel.refresh()

    def _show_indicator(self, code: str) -> None:
        self.main.show_indicator(code, focus=True)
        self.main.raise_()
        self.main.activateWindow()

    def _try_plan(self) -> None:
        if self.panel.plan is not None:
            self.what_if.apply_plan(self.panel.plan)


class CityPlanWindow(_PlanWindowBase):
    """The coordinator's plan for the city's year, signed by the coordinating agency's head:
    the agency the recap names (store.coordinator), asked for once when a printed plan
    needs it and none is known, as in the Kota window."""

    def __init__(self, main: QMainWindow) -> None:
        super().__init__(main, "cityPlanWindow")
        store = main.store
        self.setWindowTitle(str(t("Rencana capaian kota", "City plan")))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(str(t("Tahun:", "Year:")), self))
        self.year = QComboBox(self)
        self.year.setObjectName("comboCityYear")
        for year in store.city.years():
            self.year.addItem(str(year), year)
        bar.addWidget(self.year)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.panel: PlanPanel | None = None
        self.efforts: EffortPanel | None = None
        self.empty = QLabel(
            str(
                t(
                    "Belum ada penilaian final di basis data ini: rencana kota dibuat dari "
                    "penilaian final OPD (impor paket OPD lebih dahulu).",
                    "No finalized assessment in this database yet: the city plan is made from "
                    "the agencies' finalized assessments (import their packages first).",
                )
            ),
            self,
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.year.currentIndexChanged.connect(self.reload)
        self.reload()

    def source(self) -> CitySource | None:
        year = self.year.currentData()
        picture = self.main.store.city.picture(year) if year is not None else None
        if picture is None:
            return None
        return CitySource(self.main.store, picture, self.main.editor.flush)

    def reload(self) -> None:
        source = self.source()
        self.empty.setVisible(source is None)
        self.tabs.setVisible(source is not None)
        if source is None:
            return
        if self.panel is None:
            self.efforts = EffortPanel(source.catalogue, source.store.path, self.tabs)
            self.panel = PlanPanel(source, self.efforts.efforts, self.tabs)
            self.tabs.addTab(self.panel, str(t("Rencana kota", "City plan")))
            self.tabs.addTab(self.efforts, str(t("Perkiraan upaya", "Effort estimates")))
            self.efforts.changed.connect(self._efforts_changed)
            return
        assert self.efforts is not None
        self.efforts.set_catalogue(source.catalogue)
        self.panel.set_source(source)

    def _efforts_changed(self) -> None:
        if self.panel is not None and self.panel.weigh.isChecked():
            self.panel.refresh()

    def store_changed(self, change: Change) -> None:
        if change.kind in (operations.PACKAGE, operations.ASSESSMENT, operations.FOLLOW_UP):
            self.reload()
