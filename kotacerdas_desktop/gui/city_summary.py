"""The Kota view's summary tab: the city index and what it is made of, the change, who is missing.

The headline is the city's Indeks Pencapaian with its predicate and the lens
bars the navigation panel shows for one agency, then the sentence that says
how it was computed; beside it the change from last year (index, lenses,
dimensions) and the agencies not counted: those that have not sent a
finalized assessment, and those assessed on another framework, with why.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.city import CityPicture, year_over_year
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.score_text import index_name, method_sentence, predicate_text
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui.city_cells import (
    Bands,
    Cell,
    change_cell,
    figure_cell,
    pending_cell,
    short_name,
)
from kotacerdas_desktop.gui.city_data import CityData, Comparison
from kotacerdas_desktop.gui.city_table import RowsModel, arrange, prepare_view
from kotacerdas_desktop.gui.formatting import format_score
from kotacerdas_desktop.gui.lens_bars import LensBars
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui


def part_name(catalogue: Catalogue, report: ScoreReport, code: str) -> str:
    """What a year-over-year row is about: the index, a lens or a dimension."""
    if code == "index":
        return str(index_name(report))
    lens = catalogue.lens(code)
    if lens is not None:
        return str(t(f"Lensa {short_name(lens.name)}", f"{short_name(lens.name)} lens"))
    return short_name(catalogue.dimension(code).name)


def change_note(comparison: Comparison | None, before: int) -> LocalText:
    if comparison is None:
        return t(
            f"Menghitung gambaran kota {before} untuk perbandingan …",
            f"Computing the {before} city picture to compare with …",
        )
    if not comparison.compared:
        return t(
            f"Belum ada penilaian final {before} untuk dibandingkan.",
            f"No final assessment of {before} to compare with.",
        )
    return t(
        f"Gambaran kota {before} dihitung dengan aturan yang sama.",
        f"The {before} city picture is computed by the same rules.",
    )


class SummaryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_ui("city_summary.ui", self)
        self.ui.frameCityIndex.setObjectName("summaryCard")
        self.lens_bars = LensBars.placed(self.ui.frameCityIndex, self.ui.layoutLensBars)
        self.ui.labelIndex.setProperty("role", "index")
        self.ui.labelIndexTitle.setProperty("role", "section")
        self.ui.labelPredicate.setProperty("role", "predicate")
        for label in (
            self.ui.labelCounted,
            self.ui.labelMethod,
            self.ui.labelChangeNote,
            self.ui.labelMissingNote,
            self.ui.labelOtherNote,
        ):
            label.setProperty("role", "muted")
        self.changes = RowsModel(self)
        self.missing = RowsModel(self)
        self.other = RowsModel(self)
        for view, model, name, sortable in (
            (
                self.ui.tableChange,
                self.changes,
                t("Perubahan dari tahun lalu", "Change from last year"),
                False,
            ),
            (
                self.ui.tableMissing,
                self.missing,
                t("OPD yang belum mengirim", "Agencies that have not sent"),
                True,
            ),
            (
                self.ui.tableOther,
                self.other,
                t("OPD dengan kerangka lain", "Agencies on another framework"),
                True,
            ),
        ):
            prepare_view(view, model, name, sortable)
        self.ui.labelIndex.setAccessibleName(str(t("Indeks kota", "City index")))

    def show_city(self, data: CityData) -> None:
        picture = data.picture
        if picture is None or picture.report is None:
            return
        report = picture.report
        name = index_name(report)
        city = data.city_name
        apply_texts(
            self.ui,
            {
                "labelIndexTitle": t(
                    f"{name.id} {city or 'kota'} {picture.year}".strip(),
                    f"{city or 'City'} {name.en} {picture.year}".strip(),
                ),
                "groupChange": t(
                    f"Perubahan dari {picture.year - 1}", f"Change from {picture.year - 1}"
                ),
                "groupMissing": t(
                    f"Belum mengirim ({len(picture.missing)})",
                    f"Not sent ({len(picture.missing)})",
                ),
                "groupOther": t(
                    f"Kerangka lain, tidak dihitung ({len(picture.other_framework)})",
                    f"Another framework, not counted ({len(picture.other_framework)})",
                ),
            },
        )
        self.ui.labelIndex.setText(format_score(report.index))
        self.ui.labelPredicate.setText(predicate_text(report))
        self.ui.labelIndex.setAccessibleDescription(
            f"{format_score(report.index)} {predicate_text(report)}"
        )
        self.ui.labelCounted.setText(
            str(
                t(
                    f"Dari {len(picture.entries)} OPD yang mengirim penilaian final; "
                    f"{len(picture.missing)} belum mengirim.",
                    f"From the {len(picture.entries)} agencies that sent a final assessment; "
                    f"{len(picture.missing)} have not sent.",
                )
            )
        )
        self.lens_bars.show_report(report, picture.catalogue)
        self.ui.labelMethod.setText(
            str(
                t(
                    "Tingkat kota tiap indikator = rata-rata tingkat OPD yang menjawabnya; "
                    "selanjutnya aturan yang sama dengan satu OPD. ",
                    "City level of an indicator = mean level of the agencies that answered it; "
                    "then the same rules as for one agency. ",
                )
            )
            + str(method_sentence(picture.catalogue, report))
        )
        self.show_changes(data)
        self._fill_absent(picture)

    def show_changes(self, data: CityData) -> None:
        """The change from last year; while it is computed, last year's figure and the change
        are pending marks beside this year's figures."""
        picture, comparison = data.picture, data.comparison
        assert picture is not None and picture.report is not None
        report = picture.report
        year, before = picture.year, picture.year - 1
        rows = []
        bands = Bands(picture.catalogue)
        changes = comparison.changes if comparison else year_over_year(picture, None)
        for change in changes:
            name = part_name(picture.catalogue, report, change.code)
            rows.append(
                [
                    Cell(name, name),
                    figure_cell(bands, change.before, f"{name} {before}")
                    if comparison
                    else pending_cell(),
                    figure_cell(bands, change.now, f"{name} {year}"),
                    change_cell(change, f"{name}: {before} → {year}")
                    if comparison
                    else pending_cell(),
                ]
            )
        self.changes.set_rows(
            [str(t("Bagian", "Part")), str(before), str(year), str(t("Perubahan", "Change"))], rows
        )
        self.ui.labelChangeNote.setText(str(change_note(comparison, before)))
        arrange(self.ui.tableChange, 0)

    def _fill_absent(self, picture: CityPicture) -> None:
        self.missing.set_rows(
            [str(t("Kode", "Code")), str(t("OPD", "Agency"))],
            [[Cell(code, code), Cell(name, name)] for code, name in picture.missing],
        )
        self.ui.labelMissingNote.setText(
            str(
                t(
                    f"Terdaftar di basis data ini, tetapi belum ada penilaian final {picture.year}.",
                    f"Registered in this database, but no final assessment of {picture.year} yet.",
                )
                if picture.missing
                else t(
                    "Semua OPD yang terdaftar sudah mengirim penilaian final.",
                    "Every registered agency has sent a final assessment.",
                )
            )
        )
        self.other.set_rows(
            [str(t("OPD", "Agency")), str(t("Alasan", "Reason"))],
            [
                [Cell(name, f"{name} ({code})"), Cell(why, why)]
                for code, name, why in picture.other_framework
            ],
        )
        self.ui.labelOtherNote.setText(
            str(
                t(
                    "Dinilai dengan kerangka lain; tidak dicampur ke angka kota.",
                    "Assessed on another framework; not mixed into the city's figures.",
                )
                if picture.other_framework
                else t("Tidak ada.", "None.")
            )
        )
        self.ui.tableOther.setVisible(bool(picture.other_framework))
        for view in (self.ui.tableMissing, self.ui.tableOther):
            arrange(view, 1)
