"""The toolbar's agency and year switchers.

A city office keeps several agencies in one file (a coordinator keeps all of
them), so which agency and which year are being filled is always in view and
one choice away. The year list shows each year's status (draft or final).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolBar,
)

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store


class ElidingComboBox(QComboBox):
    """A choice too long for the box is cut with "…"; the tooltip holds the whole of it, and the
    open list is as wide as its longest choice."""

    def __init__(self, hint: str, parent: QToolBar) -> None:
        super().__init__(parent)
        self.hint = hint
        self.currentIndexChanged.connect(self.update_tip)
        self.update_tip()

    def shown_text(self) -> str:
        """What the box shows of the current choice."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, field.width()
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def update_tip(self) -> None:
        self.setToolTip(f"{self.currentText()}\n{self.hint}" if self.currentText() else self.hint)

    def showPopup(self) -> None:
        widest = max(
            (self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())),
            default=0,
        )
        view = self.view()
        view.setMinimumWidth(widest + view.verticalScrollBar().sizeHint().width() + 24)
        super().showPopup()


class AssessmentSwitcher(QObject):
    switched = Signal(str, object)  # agency code, year (None: the agency has no assessment)

    def __init__(self, store: Store, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self.store = store
        self.agency_combo = ElidingComboBox(
            str(t("Pilih OPD (organisasi perangkat daerah)", "Choose the agency")), toolbar
        )
        self.agency_combo.setObjectName("comboAgency")
        self.agency_combo.setMinimumContentsLength(36)
        self.agency_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agency_combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.year_combo = QComboBox(toolbar)
        self.year_combo.setObjectName("comboYear")
        self.year_combo.setMinimumContentsLength(12)
        for text, combo in (
            (t("OPD", "Agency"), self.agency_combo),
            (t("Tahun", "Year"), self.year_combo),
        ):
            label = QLabel(f" {text} ", toolbar)
            label.setProperty("role", "toolbarLabel")
            label.setBuddy(combo)
            toolbar.addWidget(label)
            toolbar.addWidget(combo)
        self.year_combo.setToolTip(str(t("Pilih tahun penilaian", "Choose the assessment year")))
        self.agency_combo.activated.connect(self._agency_chosen)
        self.year_combo.activated.connect(self._year_chosen)

    def agency(self) -> str:
        return self.agency_combo.currentData() or ""

    def year(self) -> int | None:
        return self.year_combo.currentData()

    def refresh(self, agency_code: str, year: int | None) -> None:
        """Re-read agencies and years from the store and show the given pair."""
        with QSignalBlocker(self.agency_combo):
            self.agency_combo.clear()
            for agency in self.store.agencies.list():
                self.agency_combo.addItem(f"{agency.name} ({agency.code})", agency.code)
            index = self.agency_combo.findData(agency_code)
            self.agency_combo.setCurrentIndex(max(index, 0))
        self.agency_combo.update_tip()  # its signal was blocked
        self._fill_years(year)

    def years(self, agency_code: str) -> list[int]:
        return sorted({a.year for a in self.store.assessments.list(agency_code)}, reverse=True)

    def _fill_years(self, year: int | None) -> None:
        with QSignalBlocker(self.year_combo):
            self.year_combo.clear()
            code = self.agency()
            for value in self.years(code) if code else []:
                current = self.store.assessments.current(code, value)
                status = (
                    t(f"final, revisi {current.revision}", f"final, revision {current.revision}")
                    if current is not None and current.is_finalized
                    else t("draf", "draft")
                )
                self.year_combo.addItem(f"{value} · {status}", value)
            index = self.year_combo.findData(year)
            self.year_combo.setCurrentIndex(max(index, 0))

    def _agency_chosen(self, _index: int) -> None:
        self._fill_years(None)
        self.switched.emit(self.agency(), self.year())

    def _year_chosen(self, _index: int) -> None:
        self.switched.emit(self.agency(), self.year())
