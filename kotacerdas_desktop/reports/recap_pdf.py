"""The city recap PDF for the mayor's office: compose the recap's flowables into one document.

Portrait pages, with the matrix on landscape pages when its columns need the
width (two page templates of one document; the footer with "Halaman X dari Y"
follows each page's own size). Always Indonesian, like the sheet.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import landscape
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from kotacerdas_desktop import __version__
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.reports.fonts import SANS
from kotacerdas_desktop.reports.page import Footer, canvas_maker
from kotacerdas_desktop.reports.recap_charts import charts_section
from kotacerdas_desktop.reports.recap_cover import cover
from kotacerdas_desktop.reports.recap_data import RecapData
from kotacerdas_desktop.reports.recap_matrix import fits_portrait, matrix_section
from kotacerdas_desktop.reports.recap_sections import (
    absent_section,
    coordinator_signature,
    enabler_section,
    weakest_section,
    year_section,
)
from kotacerdas_desktop.reports.styles import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    page_size,
)

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


@dataclass(frozen=True)
class RenderedRecap:
    pdf: bytes
    pages: int
    landscape_matrix: bool


def _template(name: str, size: tuple[float, float]) -> PageTemplate:
    width, height = size
    frame = Frame(
        MARGIN_LEFT,
        MARGIN_BOTTOM,
        width - MARGIN_LEFT - MARGIN_RIGHT,
        height - MARGIN_TOP - MARGIN_BOTTOM,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    return PageTemplate(id=name, frames=[frame], pagesize=size)


def story(
    data: RecapData, coordinator: Agency, size: tuple[float, float]
) -> tuple[list[Flowable], bool]:
    """Every section in order, and whether the matrix turned to landscape pages."""
    width = size[0] - MARGIN_LEFT - MARGIN_RIGHT
    height = size[1] - MARGIN_TOP - MARGIN_BOTTOM
    turned = not fits_portrait(data, width)
    flowables: list[Flowable] = cover(data, coordinator, width)
    if turned:
        wide = landscape(size)[0] - MARGIN_LEFT - MARGIN_RIGHT
        flowables += [NextPageTemplate(LANDSCAPE), PageBreak()]
        flowables += matrix_section(data, 2, wide)
        flowables += [NextPageTemplate(PORTRAIT), PageBreak()]
    else:
        flowables += matrix_section(data, 2, width)
    flowables += charts_section(data, 3, width, height)
    flowables += year_section(data, 4, width)
    flowables += weakest_section(data, 5, width)
    number = 6
    enablers = enabler_section(data, number, width)
    if enablers:
        flowables += enablers
        number += 1
    flowables += absent_section(data, number, width)
    flowables.append(coordinator_signature(data, coordinator, width))
    return flowables, turned


def build_recap(data: RecapData, paper: str = "a4") -> RenderedRecap:
    """The recap PDF on A4 or F4 (pure: no store, no Qt, any thread)."""
    size = page_size(paper)
    coordinator = data.coordinator
    if coordinator is None:  # the recap's kop and signature are the coordinator's
        raise ValueError("a recap PDF needs RecapData loaded with its coordinator")
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        title=f"Rekapitulasi Smart City {data.city} Tahun {data.year}".replace("  ", " "),
        author=coordinator.name,
        subject=data.document_id,
        creator=f"KotaCerdas Desktop {__version__}",
        lang="id-ID",
        initialFontName=SANS,  # every font in the file must be embedded
    )
    doc.addPageTemplates([_template(PORTRAIT, size), _template(LANDSCAPE, landscape(size))])
    footer = Footer(
        document_id=data.document_id,
        caption=f"Rekapitulasi {data.catalogue.name.id} {data.city} Tahun {data.year}",
        draft=False,
    )
    maker = canvas_maker(footer)
    flowables, turned = story(data, coordinator, size)
    doc.build(flowables, canvasmaker=maker)
    return RenderedRecap(buffer.getvalue(), maker.pages, turned)
