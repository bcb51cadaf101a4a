"""The kop surat (letterhead), the title and the identity table that open the sheet.

A naskah dinas opens with the government and agency in capitals beside the
logo, the address below, and a thick-over-thin rule line across the page.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.figures import format_percent
from kotacerdas_desktop.domain.text import current_language, t
from kotacerdas_desktop.reports.document import Letterhead
from kotacerdas_desktop.reports.indonesian import format_date
from kotacerdas_desktop.reports.sheet_data import SheetData
from kotacerdas_desktop.reports.styles import markup, para, styles, table_style

LOGO_SIZE = 22 * mm
_TITLE_PREFIXES = ("penilaian ", "evaluasi ", "assessment ")
TRANSLATION_NOTE = (
    "English translation for information. The legal record is the evaluation sheet in Indonesian "
    "(Lembar Evaluasi), printed and signed from the same data: the fingerprint below identifies both."
)


class KopRule(Flowable):
    """The letterhead's double rule: a thick line over a thin one, full width."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 4.5
        self.spaceAfter = 8

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(2.2)
        canvas.line(0, self.height, self.width, self.height)
        canvas.setLineWidth(0.7)
        canvas.line(0, 0.6, self.width, 0.6)


def government_line(city: str) -> str:
    """ "PEMERINTAH KOTA MOJOKERTO" from "Kota Mojokerto" (empty when no city is set)."""
    city = city.strip()
    if not city:
        return ""
    return (city if city.lower().startswith("pemerintah ") else f"Pemerintah {city}").upper()


def sheet_title(catalogue: Catalogue) -> str:
    """ "LEMBAR EVALUASI MANDIRI SMART CITY" from the framework name "Penilaian Mandiri Smart City"
    (in English "SELF-ASSESSMENT EVALUATION SHEET: SMART CITY SELF-ASSESSMENT")."""
    if current_language() == "en":
        return f"EVALUATION SHEET: {str(catalogue.name).strip().upper()}"
    name = catalogue.name.id.strip()
    for prefix in _TITLE_PREFIXES:
        if name.lower().startswith(prefix):
            name = name[len(prefix) :]
    return f"LEMBAR EVALUASI {name.upper()}"


def _logo(content: bytes | None) -> Image | None:
    """The agency logo scaled into a square, or None when there is none or it is not an image."""
    if not content:
        return None
    try:
        reader = ImageReader(io.BytesIO(content))
        width, height = reader.getSize()
    except Exception:  # a broken logo must not stop the legal record from printing
        return None
    scale = LOGO_SIZE / max(width, height)
    return Image(io.BytesIO(content), width * scale, height * scale)


def kop_surat(data: Letterhead, width: float) -> list[Flowable]:
    st = styles()
    lines: list[Flowable] = []
    government = government_line(data.city)
    if government:
        lines.append(para(government, st.kop_government))
    lines.append(para(data.agency.name.upper(), st.kop_agency))
    if data.agency.address.strip():
        lines.append(para(data.agency.address, st.kop_address))
    logo = _logo(data.agency.logo)
    table = Table(
        [[logo or "", lines, ""]],
        colWidths=[LOGO_SIZE + 4 * mm, width - 2 * (LOGO_SIZE + 4 * mm), LOGO_SIZE + 4 * mm],
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (0, 0), "LEFT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    return [table, KopRule(width)]


def _identity_rows(data: SheetData) -> list[tuple[str, str]]:
    a, info, report = data.assessment, data.catalogue_info, data.report
    revision = str(a.revision)
    if a.previous_id is not None:
        revision += str(
            t(f" (menggantikan revisi {a.revision - 1})", f" (replaces revision {a.revision - 1})")
        )
    if data.is_draft:
        status = t(
            "DRAF, belum difinalisasi; bukan dokumen yang sah untuk ditandatangani",
            "DRAFT, not finalized; not a valid document to sign",
        )
    else:
        day = format_date(data.sign_date)
        status = t(f"Final, dikunci pada {day}", f"Final, locked on {day}")
    share = format_percent(report.answered, report.total)
    rows = [
        (t("Perangkat Daerah", "Agency"), f"{data.agency.name} ({data.agency.code})"),
        (t("Tahun Penilaian", "Assessment Year"), str(a.year)),
        (
            t("Kerangka Penilaian", "Framework"),
            str(
                t(
                    f"{data.catalogue.name}, {info.code} versi {info.version}",
                    f"{data.catalogue.name}, {info.code} version {info.version}",
                )
            ),
        ),
        (t("Revisi", "Revision"), revision),
        (t("Status", "Status"), str(status)),
        (
            t("Kelengkapan", "Completeness"),
            str(
                t(
                    f"{report.answered} dari {report.total} indikator terjawab ({share})",
                    f"{report.answered} of {report.total} indicators answered ({share})",
                )
            ),
        ),
    ]
    if a.override_note:
        rows.append((t("Catatan Finalisasi", "Finalization Note"), a.override_note))
    return [(str(label), value) for label, value in rows]


def label_table(rows: list[tuple[str, str]], width: float) -> Table:
    """ "Label : value" rows, the labels in one column, as official documents list facts."""
    st = styles()
    label_width = 38 * mm
    table = Table(
        [[para(label, st.note), para(":", st.note), para(value, st.note)] for label, value in rows],
        colWidths=[label_width, 4 * mm, width - label_width - 4 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return table


def title_block(data: SheetData, width: float) -> list[Flowable]:
    """Title, year and number, then who, what and which revision, as label : value rows."""
    st = styles()
    flowables: list[Flowable] = [
        Paragraph(f"<u>{markup(sheet_title(data.catalogue))}</u>", st.title),
        para(f"{t('TAHUN', 'YEAR')} {data.assessment.year}", st.title),
        para(f"{t('Nomor', 'Number')}: {data.document_number}", st.subtitle),
        Spacer(1, 4 * mm),
    ]
    if current_language() == "en":
        flowables += [para(TRANSLATION_NOTE, st.note, bold=True), Spacer(1, 3 * mm)]
    flowables.append(label_table(_identity_rows(data), width))
    return flowables
