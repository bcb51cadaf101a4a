"""The Kota view's weakest-indicators tab: where the city scores lowest, and who pulls it down.

The city level of an indicator is the mean over the agencies that answered
it; the lowest first is where an improvement moves the index most. Each row
names the agencies at the lowest level; beneath it one row per such agency
opens that agency's assessment at the indicator (Enter or a double-click).
The enablers tab lists its indicators the same way (``fill_indicators``).
"""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION
from kotacerdas_desktop.domain.city import AgencyEntry, CityPicture, IndicatorFigure
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.city_cells import Bands, Cell, figure_cell, opening, short_name
from kotacerdas_desktop.gui.city_data import CityData
from kotacerdas_desktop.gui.city_table import (
    Drill,
    arrange,
    cell_item,
    prepare_view,
    tree_model,
)
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui


def indicator_headers() -> list[str]:
    return [
        str(t("Indikator", "Indicator")),
        str(t("Dimensi · lensa", "Dimension · lens")),
        str(t("Tingkat kota", "City level")),
        str(t("Dijawab", "Answered")),
        str(t("Tingkat terendah: OPD", "Lowest level: agencies")),
    ]


def _agency_row(entry: AgencyEntry, code: str, level_text: str) -> list[QStandardItem]:
    """A row beneath an indicator: one agency at the lowest level, opening its answer."""
    name = Cell(entry.agency_name, f"{entry.agency_name} ({entry.agency_code})")
    cells = [opening(name, entry.assessment_id, code), Cell(""), Cell(level_text, level_text)]
    return [cell_item(cell) for cell in (*cells, Cell(""), Cell(""))]


def indicator_row(
    picture: CityPicture, bands: Bands, figure: IndicatorFigure
) -> list[QStandardItem]:
    """One indicator: question, where it counts, city level, how many answered, who is lowest
    (one row each beneath it; the row itself opens the agency when only one is lowest)."""
    catalogue = picture.catalogue
    dimension, _element, indicator = catalogue.locate(figure.code)
    question = str(indicator.question)
    by_code = {e.agency_code: e for e in picture.entries}
    lowest = [by_code[code] for code in figure.lowest if code in by_code]
    levels = [e.answers[figure.code].level for e in lowest]
    low_level = min((n for n in levels if n is not None), default=None)
    level_text = f"{low_level} · {indicator.level(low_level).label}" if low_level else "–"
    names = ", ".join(e.agency_name for e in lowest)
    first = Cell(f"{figure.code}  {question}", f"{figure.code}: {question}", figure.code)
    if len(lowest) == 1:
        first = opening(first, lowest[0].assessment_id, figure.code)
    lens = catalogue.lens(indicator.lens)
    where = short_name(dimension.name) + (f" · {short_name(lens.name)}" if lens else "")
    total = len(picture.entries)
    answered = t(
        f"{figure.answered_by} dari {total} OPD", f"{figure.answered_by} of {total} agencies"
    )
    row = [
        cell_item(cell)
        for cell in (
            first,
            Cell(where, str(dimension.name)),
            figure_cell(bands, figure.level, str(t("Tingkat kota", "City level"))),
            Cell(str(answered), str(answered), figure.answered_by),
            Cell(f"{level_text}: {names}", f"{level_text}: {names}", len(lowest)),
        )
    ]
    for entry in lowest:
        row[0].appendRow(_agency_row(entry, figure.code, level_text))
    return row


def fill_indicators(
    model: QStandardItemModel, picture: CityPicture, figures: list[IndicatorFigure]
) -> None:
    model.clear()
    model.setHorizontalHeaderLabels(indicator_headers())
    bands = Bands(picture.catalogue)
    for figure in figures:
        model.appendRow(indicator_row(picture, bands, figure))


class WeakestView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picture: CityPicture | None = None
        self.ui = load_ui("city_weakest.ui", self)
        self.model = tree_model(self)
        name = t("Indikator terlemah kota", "The city's weakest indicators")
        prepare_view(self.ui.treeWeakest, self.model, name, sort_column=2)
        self.drill = Drill(self.ui.treeWeakest)
        self.ui.labelWeakestNote.setProperty("role", "muted")
        self.ui.labelCount.setBuddy(self.ui.spinCount)
        self.ui.spinCount.setAccessibleName(str(t("Jumlah indikator", "Number of indicators")))
        apply_texts(
            self.ui,
            {
                "labelWeakestNote": t(
                    "Tingkat kota terendah lebih dulu (faktor pendukung ada di tab sendiri): di sini "
                    "perbaikan paling menaikkan indeks. Di bawah tiap indikator: OPD dengan tingkat "
                    "terendah; Enter atau klik ganda membuka jawabannya.",
                    "Lowest city level first (enablers have their own tab): improving these moves "
                    "the index most. Beneath each indicator: the agencies at the lowest level; "
                    "Enter or a double-click opens their answer.",
                ),
                "labelCount": t("&Tampilkan", "&Show"),
                "spinCount.tip": t("Berapa indikator terlemah", "How many of the weakest"),
            },
        )
        self.ui.spinCount.valueChanged.connect(self._refill)

    def show_city(self, data: CityData) -> None:
        self._picture = data.picture
        self._refill()

    def _refill(self) -> None:
        picture = self._picture
        if picture is None:
            self.model.clear()
            return
        figures = picture.weakest(self.ui.spinCount.value(), kind=KIND_DIMENSION)
        fill_indicators(self.model, picture, figures)
        arrange(self.ui.treeWeakest, 4, widest=560)
