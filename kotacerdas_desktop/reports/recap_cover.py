"""The recap's opening: the coordinator's kop, the title, what was counted, and the city index.

The index box states the city's Indeks Pencapaian with its predicate in
words on the predicate's colour; the lens breakdown, the method sentence and
the dimension scores follow as on an agency's sheet (summary.summary_section).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.score_text import index_name
from kotacerdas_desktop.reports.indonesian import format_date, sheet_figure
from kotacerdas_desktop.reports.kop import kop_surat, label_table
from kotacerdas_desktop.reports.recap_colours import predicate_colour
from kotacerdas_desktop.reports.recap_data import RecapData
from kotacerdas_desktop.reports.recap_tables import predicate_label
from kotacerdas_desktop.reports.styles import GRID, markup, para, styles, table_style
from kotacerdas_desktop.reports.summary import summary_section

CITY_RULE = (
    'Skor kota tiap indikator = rata-rata tingkat dari OPD yang menjawabnya (jawaban "tidak '
    'berlaku" dan yang belum dijawab tidak dihitung); skor elemen, dimensi, lensa dan indeks kota '
    "dihitung dengan aturan yang sama seperti untuk satu OPD. Setiap OPD dihitung dengan revisi "
    "final terbarunya; draf tidak dihitung."
)


@dataclass(frozen=True)
class Sender:
    """The letterhead of the recap and who signs it when: the coordinating agency of the city."""

    city: str
    agency: Agency
    sign_date: dt.date


def recap_title(data: RecapData) -> str:
    """ "REKAPITULASI PENILAIAN MANDIRI SMART CITY" from the framework's name."""
    return f"REKAPITULASI {data.catalogue.name.id.upper()}"


def _identity_rows(data: RecapData, coordinator: Agency) -> list[tuple[str, str]]:
    picture = data.picture
    counted = len(picture.entries)
    everyone = counted + len(picture.missing) + len(picture.other_framework)
    rows = [
        (
            "Kerangka Penilaian",
            f"{data.catalogue.name.id}, {data.catalogue.code} versi {data.catalogue.version}",
        ),
        ("OPD yang Dihitung", f"{counted} dari {everyone} OPD (penilaian final)"),
        ("Belum Mengirim", f"{len(picture.missing)} OPD"),
    ]
    if picture.other_framework:
        rows.append(("Kerangka Lain", f"{len(picture.other_framework)} OPD, tidak dihitung"))
    rows += [
        ("Disusun oleh", f"{coordinator.name} selaku koordinator smart city"),
        ("Tanggal", format_date(data.sign_date)),
    ]
    return rows


def index_box(data: RecapData, width: float) -> Table:
    """The city's index and its predicate, large, on the predicate's colour."""
    st = styles()
    report = data.report
    name = index_name(report).id.upper()
    place = f" {markup(data.city.upper())}" if data.city else ""
    big = ParagraphStyle("index_figure", parent=st.title, fontSize=26, leading=31)
    word = ParagraphStyle("index_predicate", parent=st.title, fontSize=15, leading=19)
    table = Table(
        [
            [Paragraph(f"<b>{markup(name)}{place} TAHUN {data.year}</b>", st.title)],
            [Paragraph(f"<b>{sheet_figure(report.index)}</b>", big)],
            [para(predicate_label(data.catalogue, report.index), word, bold=True)],
        ],
        colWidths=[width * 0.8],
        hAlign="CENTER",
    )
    fill = colors.HexColor(predicate_colour(data.catalogue, report.index))
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 1, GRID),
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        )
    )
    return table


def cover(data: RecapData, coordinator: Agency, width: float) -> list[Flowable]:
    """Kop, title, what was counted, the index box, then the sheet's summary for the city."""
    st = styles()
    flowables: list[Flowable] = [
        *kop_surat(Sender(data.city, coordinator, data.sign_date), width),
        Paragraph(f"<u>{markup(recap_title(data))}</u>", st.title),
    ]
    if data.city:
        flowables.append(para(data.city.upper(), st.title))
    flowables += [
        para(f"TAHUN {data.year}", st.title),
        para(f"ID Dokumen: {data.document_id}", st.subtitle),
        Spacer(1, 4 * mm),
        label_table(_identity_rows(data, coordinator), width),
        Spacer(1, 5 * mm),
        index_box(data, width),
        Spacer(1, 3 * mm),
        Paragraph(f"<i>{markup(CITY_RULE)}</i>", st.note),
        *summary_section(data, 1, width),
    ]
    return flowables
