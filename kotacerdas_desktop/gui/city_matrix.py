"""The Kota view's matrix tab: one row per counted agency, its index, lenses and dimensions.

Each figure cell is filled with its predicate's band colour and says the
predicate in its tooltip; the predicate column writes the index's predicate
out, and the legend under the table names each colour with its band. A click
on a column header sorts by the exact figure; Enter or a double-click on a
row opens that agency's assessment (read-only: it is finalized).
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from PySide6.QtWidgets import QLabel, QWidget

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Catalogue
from kotacerdas_desktop.domain.city import AgencyEntry
from kotacerdas_desktop.domain.figures import PLACES, format_figure
from kotacerdas_desktop.domain.score_text import format_share, index_name, predicate_text
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.city_cells import (
    Bands,
    Cell,
    change_cell,
    figure_cell,
    opening,
    pending_cell,
    short_name,
    wrap_title,
)
from kotacerdas_desktop.gui.city_data import CityData, Comparison
from kotacerdas_desktop.gui.city_table import Drill, RowsModel, arrange, prepare_view
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui

FIXED_COLUMNS = 4  # agency, index, predicate, change
CHANGE_COLUMN = 3
STEP = Fraction(1, 10**PLACES)  # the smallest difference between two shown figures


def band_ranges(catalogue: Catalogue) -> list[str]:
    """ "Kurang (< 1,80)", "Cukup (1,80 – 2,59)", …, "Memuaskan (≥ 4,20)": each band in shown figures."""
    bands = list(catalogue.predicates)
    texts = []
    for n, band in enumerate(bands):
        if n + 1 == len(bands):
            span = f"≥ {format_figure(band.exact_minimum)}"
        elif n == 0:
            span = f"< {format_figure(bands[1].exact_minimum)}"
        else:
            top = bands[n + 1].exact_minimum - STEP
            span = f"{format_figure(band.exact_minimum)} – {format_figure(top)}"
        texts.append(f"{band.label} ({span})")
    return texts


def agency_cell(entry: AgencyEntry) -> Cell:
    """Code and name (the revision when it is not the first), opening the agency's assessment."""
    source = (
        t("diimpor dari paket OPD", "imported from the agency's package")
        if entry.imported
        else t("diisi di basis data ini", "filled in in this database")
    )
    text = f"{entry.agency_code} · {entry.agency_name}"
    if entry.revision > 1:
        text += f" (rev. {entry.revision})"
    tip = t(
        f"{entry.agency_name} ({entry.agency_code}), revisi {entry.revision}, {source}",
        f"{entry.agency_name} ({entry.agency_code}), revision {entry.revision}, {source}",
    )
    return opening(Cell(text, str(tip), entry.agency_code.casefold()), entry.assessment_id)


def year_change_cell(entry: AgencyEntry, comparison: Comparison | None, year: int) -> Cell:
    """The agency's index change from last year; a pending mark while it is computed."""
    if comparison is None:
        return pending_cell()
    change = comparison.agency_changes[entry.agency_code]
    return change_cell(
        change,
        f"{entry.agency_name}: {year - 1} {format_figure(change.before)} → "
        f"{year} {format_figure(change.now)}",
    )


class MatrixView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_ui("city_matrix.ui", self)
        self.model = RowsModel(self)
        prepare_view(self.ui.tableMatrix, self.model, t("Matriks OPD", "Agency matrix"))
        self.drill = Drill(self.ui.tableMatrix)
        self.ui.labelMatrixNote.setProperty("role", "muted")
        apply_texts(
            self.ui,
            {
                "labelMatrixNote": t(
                    "Satu baris per OPD yang dihitung (revisi final terbaru); warna dan keterangan "
                    "mengikuti predikat. Klik judul kolom untuk mengurutkan; Enter atau klik ganda "
                    "membuka penilaian OPD itu (hanya baca).",
                    "One row per counted agency (newest final revision); colours and tooltips "
                    "follow the predicate. Click a column title to sort; Enter or a double-click "
                    "opens that agency's assessment (read-only).",
                ),
            },
        )
        self._legend: list[QLabel] = []

    def show_city(self, data: CityData) -> None:
        picture = data.picture
        if picture is None or picture.report is None:
            self.model.set_rows([], [])
            return
        catalogue = picture.catalogue
        weights = [lens.weight for lens in catalogue.lenses]
        dimensions = [d for d in catalogue.dimensions if d.kind == KIND_DIMENSION]
        before = picture.year - 1
        titles = [
            str(t("OPD", "Agency")),
            wrap_title(str(index_name(picture.report))),
            str(t("Predikat", "Predicate")),
            wrap_title(str(t(f"Perubahan dari {before}", f"Change from {before}"))),
            *[
                f"{wrap_title(short_name(lens.name))}\n{format_share(lens.weight, weights)}"
                for lens in catalogue.lenses
            ],
            *[wrap_title(short_name(d.name)) for d in dimensions],
        ]
        tips = [""] * FIXED_COLUMNS + [str(x.name) for x in (*catalogue.lenses, *dimensions)]
        bands = Bands(catalogue)
        rows = [self._row(bands, entry, data.comparison, picture.year) for entry in picture.entries]
        self.model.set_rows(titles, rows, tips)
        arrange(self.ui.tableMatrix, 0)
        self._fill_legend(bands)

    def show_changes(self, data: CityData) -> None:
        """The change column once last year's figures arrive; the rows and their order stay."""
        picture = data.picture
        assert picture is not None
        entries = {e.assessment_id: e for e in picture.entries}
        self.model.set_column(
            CHANGE_COLUMN,
            lambda row: year_change_cell(
                entries[row[0].assessment_id], data.comparison, picture.year
            ),
        )
        arrange(self.ui.tableMatrix, 0)

    def _row(
        self, bands: Bands, entry: AgencyEntry, comparison: Comparison | None, year: int
    ) -> list[Cell]:
        catalogue = bands.catalogue
        report, who = entry.report, entry.agency_name
        what = f"{who} · {index_name(report)}"
        index = figure_cell(bands, report.index, what)
        return [
            agency_cell(entry),
            index,
            replace(index, text=predicate_text(report)),
            year_change_cell(entry, comparison, year),
            *[
                figure_cell(bands, report.lenses.get(lens.code), f"{who} · {short_name(lens.name)}")
                for lens in catalogue.lenses
            ],
            *[
                figure_cell(
                    bands,
                    report.dimensions[d.code].score if d.code in report.dimensions else None,
                    f"{who} · {short_name(d.name)}",
                )
                for d in catalogue.dimensions
                if d.kind == KIND_DIMENSION
            ],
        ]

    def _fill_legend(self, bands: Bands) -> None:
        """Each band's colour with its name and range, before the stretch at the row's end."""
        layout = self.ui.layoutLegend
        for label in self._legend:
            label.deleteLater()
        title = QLabel(str(t("Warna predikat:", "Predicate colours:")), self)
        title.setProperty("role", "muted")
        self._legend = [title]
        catalogue = bands.catalogue
        for band, text in zip(catalogue.predicates, band_ranges(catalogue), strict=True):
            chip = QLabel(text, self)
            chip.setObjectName("legendChip")
            chip.setStyleSheet(f"background: {bands.colour(band)};")
            chip.setAccessibleName(text)
            self._legend.append(chip)
        for position, label in enumerate(self._legend):
            layout.insertWidget(position, label)
