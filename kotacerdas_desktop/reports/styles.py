"""Paper sizes, margins, colours and paragraph styles of printed documents.

One place for the look, so the kop, the tables and the signatures agree, and
a change of face or size is made once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.fonts import MONO, SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from kotacerdas_desktop.reports.paper import PAPER_SIZES_MM

F4 = (PAPER_SIZES_MM["f4"][0] * mm, PAPER_SIZES_MM["f4"][1] * mm)
PAPERS = {"a4": A4, "f4": F4}

# Naskah dinas margins: wider on the left for binding; the footer lives in the bottom margin.
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 17 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 26 * mm

HEADER_FILL = colors.HexColor("#D9D9D9")
ELEMENT_FILL = colors.HexColor("#F0F0F0")
GRID = colors.HexColor("#404040")
MUTED = colors.HexColor("#555555")
BAR = colors.HexColor("#4A6FA5")
ENABLER_BAR = colors.HexColor("#A0A0A0")


def page_size(paper: str) -> tuple[float, float]:
    """The page size in points for "a4" or "f4" (any case); ValidationError for anything else."""
    size = PAPERS.get(paper.strip().lower())
    if size is None:
        raise ValidationError(
            t(
                f'Ukuran kertas "{paper}" tidak dikenal; pilih A4 atau F4.',
                f'Unknown paper size "{paper}"; choose A4 or F4.',
            ),
            field="paper",
        )
    return size


@dataclass(frozen=True)
class Styles:
    kop_government: ParagraphStyle
    kop_agency: ParagraphStyle
    kop_address: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    cell_muted: ParagraphStyle
    signature: ParagraphStyle
    mono: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=13, alignment=TA_LEFT)

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    cell = derive("cell", fontSize=8.5, leading=10.5, splitLongWords=True)
    return Styles(
        kop_government=derive(
            "kop_government", fontName=SANS_BOLD, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        kop_agency=derive(
            "kop_agency", fontName=SANS_BOLD, fontSize=15, leading=18, alignment=TA_CENTER
        ),
        kop_address=derive("kop_address", fontSize=9, leading=11, alignment=TA_CENTER),
        title=derive("title", fontName=SANS_BOLD, fontSize=12.5, leading=16, alignment=TA_CENTER),
        subtitle=derive("subtitle", fontSize=10, leading=13, alignment=TA_CENTER),
        heading=derive(
            "heading", fontName=SANS_BOLD, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=4
        ),
        body=base,
        note=derive("note", fontSize=9, leading=11.5),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=SANS_BOLD, alignment=TA_CENTER),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, fontName=SANS_ITALIC, textColor=MUTED),
        signature=derive("signature", fontSize=10, leading=12.5, alignment=TA_CENTER),
        mono=derive("mono", fontName=MONO, fontSize=8, leading=10),
    )


def markup(text: str) -> str:
    """Typed text made safe for a Paragraph: "<", "&" printed as such, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def para(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """A paragraph of typed (untrusted) text; never interpreted as markup."""
    body = markup(text)
    return Paragraph(f"<b>{body}</b>" if bold else body, style)


def new_drawing(width: float, height: float) -> Drawing:
    """A reportlab graphics Drawing that starts in our font, not the non-embedded Helvetica."""
    register_fonts()
    canvas = Drawing(width, height)
    canvas.initialFontName = SANS
    return canvas


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle whose cells use our font: reportlab's default cell font is the
    non-embedded Helvetica, which would otherwise appear in the file."""
    register_fonts()
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), *commands])


def grid_style(*commands: tuple) -> TableStyle:
    """A table with a grid, a shaded header row and cells aligned to the top: the sheet's
    dimension tables and the plan's tables."""
    return table_style(
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *commands,
    )
