"""The Kota view's follow-up register tab (rencana tindak lanjut): what the city works on next year.

Every counted agency's answers below a chosen level, with the plan the
agency wrote (domain/city.py ``follow_up_register`` decides which rows), in
one sortable table filtered by agency, dimension and level. A weak answer
without a plan says so in words, so the coordinator knows whom to ask; Enter
or a double-click opens that agency's answer.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

from kotacerdas_desktop.domain.catalogue import LEVELS, Catalogue
from kotacerdas_desktop.domain.city import CityPicture, FollowUp, follow_up_register
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.city_cells import Cell, opening, short_name
from kotacerdas_desktop.gui.city_data import CityData
from kotacerdas_desktop.gui.city_table import Drill, RowsModel, arrange, prepare_view
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui

DEFAULT_BELOW = 3
NO_PLAN = t("(belum ada rencana)", "(no plan yet)")


class RegisterView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture: CityPicture | None = None
        self.ui = load_ui("city_register.ui", self)
        self.model = RowsModel(self)
        name = t("Register rencana tindak lanjut", "Follow-up register")
        prepare_view(self.ui.tableRegister, self.model, name)
        self.drill = Drill(self.ui.tableRegister)
        self.ui.labelRows.setProperty("role", "muted")
        apply_texts(
            self.ui,
            {
                "labelAgency": t("&OPD", "&Agency"),
                "labelDimension": t("&Dimensi", "&Dimension"),
                "labelLevel": t("&Tingkat", "&Level"),
            },
        )
        for label, combo, name in (
            (self.ui.labelAgency, self.ui.comboAgency, t("Saring menurut OPD", "Filter by agency")),
            (
                self.ui.labelDimension,
                self.ui.comboDimension,
                t("Saring menurut dimensi", "Filter by dimension"),
            ),
            (
                self.ui.labelLevel,
                self.ui.comboLevel,
                t("Saring menurut tingkat", "Filter by level"),
            ),
        ):
            label.setBuddy(combo)
            combo.setAccessibleName(str(name))
            combo.currentIndexChanged.connect(self._refill)
        for below in LEVELS[1:]:
            self.ui.comboLevel.addItem(
                str(t(f"di bawah {below} (1–{below - 1})", f"below {below} (1–{below - 1})")),
                below,
            )
        self.ui.comboLevel.setCurrentIndex(self.ui.comboLevel.findData(DEFAULT_BELOW))

    def show_city(self, data: CityData) -> None:
        """New figures keep the chosen filters where the agency or dimension still exists."""
        self._picture = data.picture
        picture = data.picture
        agencies = [(e.agency_code, e.agency_name) for e in picture.entries] if picture else []
        dimensions = (
            [(d.code, short_name(d.name)) for d in picture.catalogue.dimensions] if picture else []
        )
        _fill_choices(
            self.ui.comboAgency,
            t("Semua OPD", "Every agency"),
            sorted(agencies, key=lambda a: a[1]),
        )
        _fill_choices(self.ui.comboDimension, t("Semua dimensi", "Every dimension"), dimensions)
        self._refill()

    def rows(self) -> list[FollowUp]:
        if self._picture is None:
            return []
        return follow_up_register(
            self._picture,
            below=self.ui.comboLevel.currentData(),
            agency_code=self.ui.comboAgency.currentData(),
            dimension_code=self.ui.comboDimension.currentData(),
        )

    def _refill(self) -> None:
        picture = self._picture
        titles = [
            str(t("OPD", "Agency")),
            str(t("Dimensi", "Dimension")),
            str(t("Indikator", "Indicator")),
            str(t("Tingkat", "Level")),
            str(t("Rencana tindak lanjut", "Follow-up plan")),
        ]
        rows = self.rows()
        cells = []
        if picture is not None:
            ids = {e.agency_code: e.assessment_id for e in picture.entries}
            cells = [_row(picture.catalogue, row, ids[row.agency_code]) for row in rows]
        self.model.set_rows(titles, cells)
        without = sum(1 for row in rows if not row.follow_up)
        self.ui.labelRows.setText(
            str(
                t(
                    f"{len(rows)} jawaban, {without} tanpa rencana",
                    f"{len(rows)} answers, {without} without a plan",
                )
            )
        )
        arrange(self.ui.tableRegister, 4, widest=300)


def _row(catalogue: Catalogue, row: FollowUp, assessment_id: int) -> list[Cell]:
    """Agency (opening its answer), dimension, question, level with its label, and the plan."""
    indicator = catalogue.indicator(row.indicator_code)
    dimension = catalogue.dimension(row.dimension_code)
    label = f"{row.level} · {indicator.level(row.level).label}"
    agency = Cell(row.agency_name, f"{row.agency_name} ({row.agency_code})")
    plan = (
        Cell(row.follow_up, row.follow_up)
        if row.follow_up
        else Cell(str(NO_PLAN), str(NO_PLAN), note=True)
    )
    return [
        opening(agency, assessment_id, row.indicator_code),
        Cell(short_name(dimension.name), str(dimension.name)),
        Cell(
            f"{row.indicator_code}  {indicator.question}",
            f"{row.indicator_code}: {indicator.question}",
            row.indicator_code,
        ),
        Cell(label, label, row.level, centred=True),
        plan,
    ]


def _fill_choices(combo: QComboBox, every: object, choices: list[tuple[str, str]]) -> None:
    """ "Every …" first, then the choices; the chosen code stays chosen when it is still there."""
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(str(every), None)
        for code, name in choices:
            combo.addItem(name, code)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
