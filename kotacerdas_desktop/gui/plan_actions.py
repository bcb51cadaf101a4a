"""The planner's commands: in the main window's "Penilaian" menu the agency's plan for the
assessment shown (Ctrl+R), in the "Kota" menu the coordinator's city plan (Ctrl+Shift+R).

Each opens its own window beside the main one (gui/plan_window.py, imported on first use
so the main window starts no slower); a second press brings it to the front.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.window_menus import window_action

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.plan_window import AgencyPlanWindow, CityPlanWindow

W = TypeVar("W", bound=QWidget)


class PlanMenu(QObject):
    """The window offers ``store``, ``current_assessment_id()``, ``editor``, ``switcher``,
    ``show_indicator()``, the signals ``assessmentChanged`` and ``closed``, and the menus
    "menuAssessment" and "menuCity"."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.agency_window: AgencyPlanWindow | None = None
        self.city_window: CityPlanWindow | None = None
        self.agency_plan = window_action(
            window, "actionAgencyPlan", t("Rencana capaian…", "Plan to a target…"), "Ctrl+R"
        )
        self.city_plan = window_action(
            window,
            "actionCityPlan",
            t("Rencana capaian kota…", "City plan to a target…"),
            "Ctrl+Shift+R",
        )
        assessment_menu = window.findChild(QMenu, "menuAssessment")
        assessment_menu.addSeparator()
        assessment_menu.addAction(self.agency_plan)
        city_menu = window.findChild(QMenu, "menuCity")  # the coordinator's city-wide commands
        city_menu.addSeparator()
        city_menu.addAction(self.city_plan)
        self.agency_plan.triggered.connect(self.open_agency_plan)
        self.city_plan.triggered.connect(self.open_city_plan)
        window.assessmentChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.agency_plan.setEnabled(self.main.current_assessment_id() is not None)

    def open_agency_plan(self) -> AgencyPlanWindow | None:
        from kotacerdas_desktop.gui.plan_window import AgencyPlanWindow

        if self.main.current_assessment_id() is None:
            return None
        if self.agency_window is None:
            self.agency_window = AgencyPlanWindow(self.main)
        return _show(self.agency_window)

    def open_city_plan(self) -> CityPlanWindow:
        from kotacerdas_desktop.gui.plan_window import CityPlanWindow

        if self.city_window is None:
            self.city_window = CityPlanWindow(self.main)
        return _show(self.city_window)


def _show(window: W) -> W:
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def install(window: QMainWindow) -> PlanMenu:
    """Add the planner's actions to the window's "Penilaian" and "Kota" menus."""
    return PlanMenu(window)
