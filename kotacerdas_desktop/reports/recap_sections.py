"""The recap's sections after the matrix: the change from last year, the weakest indicators
and who pulls them down, the enabler aspects, the agencies not counted, and the signature.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION
from kotacerdas_desktop.domain.city import (
    CityPicture,
    IndicatorFigure,
    YearChange,
    agency_year_over_year,
    year_over_year,
)
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.reports.indonesian import sheet_figure
from kotacerdas_desktop.reports.recap_cover import Sender
from kotacerdas_desktop.reports.recap_data import (
    INDEX,
    RecapData,
    enabler_aspects,
    figure_name,
    lowest_level,
)
from kotacerdas_desktop.reports.recap_tables import (
    change_text,
    figure_cell,
    grid_table,
    predicate_label,
    section,
    text_cell,
)
from kotacerdas_desktop.reports.signatures import coordinator_block
from kotacerdas_desktop.reports.styles import markup, para, styles
from kotacerdas_desktop.reports.summary import ENABLER_NOTE, short_name

CLOSING = (
    "Demikian rekapitulasi penilaian mandiri smart city ini disusun untuk dipergunakan "
    "sebagaimana mestinya."
)
WEAKEST_COUNT = 10
LOWEST_SHOWN = 6  # agency codes named in a cell before "+N lainnya"


def lowest_text(
    picture: CityPicture, figure: IndicatorFigure, limit: int | None = LOWEST_SHOWN
) -> str:
    """ "1: DISHUB, DLH" (the lowest level and who gave it), shortened after ``limit`` codes."""
    codes = list(figure.lowest)
    named = codes if limit is None else codes[:limit]
    text = ", ".join(named)
    if len(codes) > len(named):
        text += f" (+{len(codes) - len(named)} lainnya)"
    return f"{lowest_level(picture, figure)}: {text}"


def _change_rows(data: RecapData, changes: list[YearChange], names: dict[str, str]) -> list[list]:
    return [
        [
            text_cell(names[c.code], bold=c.code == INDEX),
            figure_cell(c.before),
            figure_cell(c.now, bold=c.code == INDEX),
            text_cell(change_text(c.shown_delta), centre=True),
            text_cell(predicate_label(data.catalogue, c.now), centre=True),
        ]
        for c in changes
    ]


def year_section(data: RecapData, number: int, width: float) -> list[Flowable]:
    """The city's figures and every agency's index beside last year's."""
    before = data.year - 1
    heading = f"{number}. Perubahan dari Tahun {before}"
    if data.previous is None:
        return section(
            heading,
            [
                para(
                    f"Belum ada penilaian final tahun {before}; perubahan belum dapat dihitung.",
                    styles().note,
                )
            ],
        )
    headers = ("Uraian", f"Tahun {before}", f"Tahun {data.year}", "Perubahan", "Predikat")
    changes = year_over_year(data.picture, data.previous)
    city = grid_table(
        headers,
        _change_rows(data, changes, {c.code: figure_name(data, c.code) for c in changes}),
        (0.46, 0.13, 0.13, 0.13, 0.15),
        width,
    )
    agencies = agency_year_over_year(data.picture, data.previous)
    names = {e.agency_code: f"{e.agency_name} ({e.agency_code})" for e in data.picture.entries}
    agencies.sort(key=lambda c: names[c.code])
    agency_headers = (
        "Perangkat Daerah",
        f"Indeks {before}",
        f"Indeks {data.year}",
        "Perubahan",
        "Predikat",
    )
    table = grid_table(
        agency_headers, _change_rows(data, agencies, names), (0.46, 0.13, 0.13, 0.13, 0.15), width
    )
    note = 'Perubahan = selisih dua angka yang ditampilkan; "-": tidak ada angka tahun itu.'
    previous = data.previous.catalogue
    if (previous.code, previous.version) != (data.catalogue.code, data.catalogue.version):
        note += (
            f" Tahun {before} dinilai dengan {previous.code} versi {previous.version}, "
            f"tahun {data.year} dengan {data.catalogue.code} versi {data.catalogue.version}."
        )
    return section(heading, [city, Spacer(1, 4 * mm), table], note=note)


def _indicator_rows(data: RecapData, figures: list[IndicatorFigure]) -> list[list]:
    rows = []
    for n, figure in enumerate(figures, start=1):
        dimension, element, indicator = data.catalogue.locate(figure.code)
        rows.append(
            [
                text_cell(str(n), centre=True),
                Paragraph(
                    f"<b>{figure.code}</b><br/>{markup(indicator.question.id)}", styles().cell
                ),
                text_cell(f"{short_name(dimension)}\n{element.name.id}"),
                figure_cell(figure.level, bold=True),
                text_cell(str(figure.answered_by), centre=True),
                text_cell(lowest_text(data.picture, figure)),
            ]
        )
    return rows


def weakest_section(data: RecapData, number: int, width: float) -> list[Flowable]:
    """The indicators with the lowest city levels, and the agencies at the lowest level."""
    figures = data.picture.weakest(WEAKEST_COUNT, kind=KIND_DIMENSION)
    headers = (
        "No.",
        "Indikator",
        "Dimensi / Elemen",
        "Skor Kota",
        "Jumlah OPD",
        "Tingkat Terendah: OPD",
    )
    table = grid_table(
        headers, _indicator_rows(data, figures), (0.06, 0.39, 0.17, 0.09, 0.10, 0.19), width
    )
    note = (
        "Skor kota = rata-rata tingkat dari OPD yang menjawab; kolom terakhir menyebut OPD "
        "yang memberi tingkat terendah, yang paling menurunkan skor kota."
    )
    return section(f"{number}. {len(figures)} Indikator Terlemah Kota", [table], note=note)


def enabler_section(data: RecapData, number: int, width: float) -> list[Flowable]:
    """Each enabler aspect's city score, and its weakest indicator with who gave the lowest."""
    aspects = enabler_aspects(data)
    if not aspects:
        return []
    rows = []
    for n, aspect in enumerate(aspects, start=1):
        weakest = aspect.weakest
        rows.append(
            [
                text_cell(str(n), centre=True),
                text_cell(aspect.name),
                figure_cell(aspect.score, bold=True),
                text_cell(predicate_label(data.catalogue, aspect.score), centre=True),
                text_cell(f"{weakest.code} ({sheet_figure(weakest.level)})" if weakest else "-"),
                text_cell(lowest_text(data.picture, weakest) if weakest else "-"),
            ]
        )
    headers = (
        "No.",
        "Aspek",
        "Skor Kota",
        "Predikat",
        "Indikator Terlemah",
        "Tingkat Terendah: OPD",
    )
    table = grid_table(headers, rows, (0.06, 0.32, 0.10, 0.13, 0.17, 0.22), width)
    return section(f"{number}. Faktor Pendukung Kota", [table], note=str(ENABLER_NOTE))


def absent_section(data: RecapData, number: int, width: float) -> list[Flowable]:
    """The agencies that sent no finalized assessment, and those counted apart."""
    picture = data.picture
    body: list[Flowable] = []
    if picture.missing:
        rows = [
            [text_cell(str(n), centre=True), text_cell(code), text_cell(name)]
            for n, (code, name) in enumerate(picture.missing, start=1)
        ]
        body.append(grid_table(("No.", "Kode", "Perangkat Daerah"), rows, (0.07, 0.2, 0.73), width))
    else:
        body.append(para("Semua OPD telah mengirim penilaian final.", styles().note))
    if picture.other_framework:
        rows = [
            [text_cell(str(n), centre=True), text_cell(code), text_cell(name), text_cell(why)]
            for n, (code, name, why) in enumerate(picture.other_framework, start=1)
        ]
        body += [
            Spacer(1, 3 * mm),
            para("OPD dengan kerangka penilaian lain (tidak dihitung):", styles().note, bold=True),
            grid_table(
                ("No.", "Kode", "Perangkat Daerah", "Keterangan"),
                rows,
                (0.07, 0.16, 0.4, 0.37),
                width,
            ),
        ]
    return section(f"{number}. OPD yang Belum Mengirim Penilaian Final", body)


def coordinator_signature(data: RecapData, coordinator: Agency, width: float) -> Flowable:
    """The closing sentence and the coordinator's signature (signatures.coordinator_block),
    kept on one page."""
    st = styles()
    block = coordinator_block(Sender(data.city, coordinator, data.sign_date), width)
    return KeepTogether([Spacer(1, 6 * mm), para(CLOSING, st.body), Spacer(1, 4 * mm), block])
