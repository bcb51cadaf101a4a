"""The Kota view's enablers tab: leadership, collaboration, policy, literacy, evaluation city-wide.

The enablers are scored apart and never enter the index, but the national
assessor stresses them, so the coordinator sees each aspect's city score,
which agencies score it lowest (beneath, one row each, opening that agency's
assessment at the aspect), and then every enabler indicator, weakest first.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.catalogue import KIND_ENABLER, Element
from kotacerdas_desktop.domain.city import AgencyEntry, CityPicture
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.city_cells import Bands, Cell, figure_cell, opening, short_name
from kotacerdas_desktop.gui.city_data import CityData
from kotacerdas_desktop.gui.city_table import (
    SORT_ROLE,
    Drill,
    arrange,
    cell_item,
    prepare_view,
    tree_model,
)
from kotacerdas_desktop.gui.city_weakest import fill_indicators
from kotacerdas_desktop.gui.formatting import format_score
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui


def aspect_score(entry: AgencyEntry, section: str, aspect: str) -> Fraction | None:
    part = entry.report.dimensions.get(section)
    progress = part.elements.get(aspect) if part is not None else None
    return progress.score if progress is not None else None


def lowest_agencies(picture: CityPicture, section: str, aspect: str) -> list[AgencyEntry]:
    """The agencies whose shown score of an aspect is the lowest shown score."""
    scored = [(shown(aspect_score(e, section, aspect)), e) for e in picture.entries]
    scored = [(figure, e) for figure, e in scored if figure is not None]
    if not scored:
        return []
    low = min(figure for figure, _ in scored)
    return sorted((e for figure, e in scored if figure == low), key=lambda e: e.agency_name)


class EnablersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_ui("city_enablers.ui", self)
        self.aspects = tree_model(self)
        self.indicators = tree_model(self)
        aspects, indicators = self.ui.treeAspects, self.ui.treeEnablerIndicators
        prepare_view(aspects, self.aspects, t("Aspek faktor pendukung", "Enabling aspects"))
        name = t("Indikator faktor pendukung", "Enabler indicators")
        prepare_view(indicators, self.indicators, name, sort_column=2)
        self.drills = (Drill(aspects), Drill(indicators))
        self.ui.labelEnablersNote.setProperty("role", "muted")
        self.ui.labelEnablerIndicators.setProperty("role", "section")
        apply_texts(
            self.ui,
            {
                "labelEnablersNote": t(
                    "Faktor pendukung dinilai tersendiri dan tidak masuk indeks. Skor kota tiap "
                    "aspek mengikuti aturan yang sama; di bawah tiap aspek: OPD dengan skor "
                    "terendah (Enter atau klik ganda membuka penilaiannya).",
                    "Enablers are scored apart and do not enter the index. Each aspect's city "
                    "score follows the same rules; beneath each aspect: the agencies with the "
                    "lowest score (Enter or a double-click opens their assessment).",
                ),
                "labelEnablerIndicators": t(
                    "Indikator faktor pendukung, terlemah lebih dulu",
                    "Enabler indicators, weakest first",
                ),
            },
        )

    def show_city(self, data: CityData) -> None:
        picture = data.picture
        self.aspects.clear()
        self.indicators.clear()
        if picture is None or picture.report is None:
            return
        self.aspects.setHorizontalHeaderLabels(
            [
                str(t("Aspek", "Aspect")),
                str(t("Skor kota", "City score")),
                str(t("Skor terendah: OPD", "Lowest score: agencies")),
            ]
        )
        bands = Bands(picture.catalogue)
        scores = picture.enabler_aspects()
        aspects = [
            (section.code, aspect)
            for section in picture.catalogue.dimensions
            if section.kind == KIND_ENABLER
            for aspect in section.elements
        ]
        for position, (section, aspect) in enumerate(aspects):
            row = aspect_row(picture, bands, section, aspect, scores.get(aspect.code))
            row[0].setData(position, SORT_ROLE)  # catalogue order, not alphabetical
            self.aspects.appendRow(row)
        figures = picture.weakest(picture.catalogue.indicator_count(), kind=KIND_ENABLER)
        fill_indicators(self.indicators, picture, figures)
        for tree in (self.ui.treeAspects, self.ui.treeEnablerIndicators):
            arrange(tree, 4 if tree is self.ui.treeEnablerIndicators else 2, widest=560)
        self._fit_aspects()

    def _fit_aspects(self) -> None:
        """The few aspects take their rows' height (and room to unfold two), the indicators the rest."""
        tree = self.ui.treeAspects
        rows = self.aspects.rowCount() + 2
        row = tree.sizeHintForRow(0) if self.aspects.rowCount() else tree.fontMetrics().height()
        tree.setMaximumHeight(
            tree.header().sizeHint().height() + rows * row + 2 * tree.frameWidth()
        )


def aspect_row(
    picture: CityPicture, bands: Bands, section: str, aspect: Element, score: Fraction | None
) -> list[QStandardItem]:
    """An aspect's city score and its lowest agencies, one row each beneath it (opening the
    agency's assessment at the aspect's first indicator)."""
    name = short_name(aspect.name)
    lowest = lowest_agencies(picture, section, aspect.code)
    opens = aspect.indicators[0].code if aspect.indicators else ""
    names = ", ".join(e.agency_name for e in lowest)
    low = format_score(aspect_score(lowest[0], section, aspect.code)) if lowest else "–"
    row = [
        cell_item(cell)
        for cell in (
            Cell(name, str(aspect.name)),
            figure_cell(bands, score, name),
            Cell(f"{low}: {names}" if lowest else "–", names, low),
        )
    ]
    for entry in lowest:
        who = Cell(entry.agency_name, f"{entry.agency_name} ({entry.agency_code})")
        own = aspect_score(entry, section, aspect.code)
        cells = (
            opening(who, entry.assessment_id, opens),
            figure_cell(bands, own, f"{entry.agency_name} · {name}"),
            Cell(""),
        )
        row[0].appendRow([cell_item(cell) for cell in cells])
    return row
