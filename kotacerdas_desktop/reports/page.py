"""The page frame of a sheet: footer with "Halaman X dari Y", document ID and two paraf boxes; DRAF watermark.

"Halaman X dari Y" needs the page count before the first page is finished,
so the canvas keeps every page's state and draws the footers when the
document is saved (reportlab's two-pass canvasmaker pattern). The recap and a
plan use the same frame; ``render_pages`` lays out a document of one page
size (the sheet, a plan) in it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from kotacerdas_desktop import __version__
from kotacerdas_desktop.domain.text import document_language, t
from kotacerdas_desktop.reports.fonts import SANS, SANS_BOLD
from kotacerdas_desktop.reports.indonesian import DRAFT_MARK, SHEET_LANGUAGE
from kotacerdas_desktop.reports.styles import (
    GRID,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
)

PARAF_WIDTH = 23 * mm
PARAF_HEIGHT = 13 * mm
PARAF_GAP = 2 * mm
# Hierarchical paraf (Tata Naskah Dinas): the drafter and the checker initial every page,
# in the order they handle it; the head of agency signs at the end.
PARAF_BOXES = (
    t("Paraf Penyusun", "Drafter's initials"),
    t("Paraf Pemeriksa", "Checker's initials"),
)
ID_FONT_SIZE = 7.5


@dataclass(frozen=True)
class Footer:
    """What every page says at its foot."""

    document_id: str
    caption: str  # agency, year and revision, so a loose page can be put back
    draft: bool


def page_label(page: int, total: int) -> str:
    return str(t(f"Halaman {page} dari {total}", f"Page {page} of {total}"))


def fitted_size(text: str, font: str, size: float, width: float) -> float:
    """The font size at which the text fits the width (``size`` when it does already)."""
    natural = stringWidth(text, font, size)
    return size if natural <= width else size * width / natural


def draw_paraf_boxes(canvas: Canvas, right: float, top: float) -> float:
    """The paraf boxes side by side, ending at ``right``; returns their left edge."""
    left = right - len(PARAF_BOXES) * PARAF_WIDTH - (len(PARAF_BOXES) - 1) * PARAF_GAP
    bottom = top - PARAF_HEIGHT
    canvas.setFont(SANS, 6.5)
    for n, label in enumerate(PARAF_BOXES):
        x = left + n * (PARAF_WIDTH + PARAF_GAP)
        canvas.setFillColor(colors.black)
        canvas.rect(x, bottom, PARAF_WIDTH, PARAF_HEIGHT)
        canvas.setFillColor(MUTED)
        canvas.drawString(x + 1.5 * mm, bottom + PARAF_HEIGHT - 3 * mm, str(label))
    canvas.setFillColor(colors.black)
    return left


def draw_footer(canvas: Canvas, footer: Footer, width: float, page: int, total: int) -> None:
    right = width - MARGIN_RIGHT
    top = MARGIN_BOTTOM - 5 * mm
    canvas.saveState()
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, top, right, top)
    boxes_left = draw_paraf_boxes(canvas, right, top - 2 * mm)
    label = page_label(page, total)
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.drawRightString(boxes_left - 4 * mm, top - 5 * mm, label)
    # A long document number shrinks rather than run into the page number.
    room = boxes_left - 8 * mm - stringWidth(label, SANS_BOLD, 8.5) - MARGIN_LEFT
    document_id = f"{t('ID Dokumen', 'Document ID')}: {footer.document_id}"
    canvas.setFont(SANS, fitted_size(document_id, SANS, ID_FONT_SIZE, room))
    canvas.drawString(MARGIN_LEFT, top - 5 * mm, document_id)
    canvas.setFont(SANS, ID_FONT_SIZE)
    canvas.drawString(MARGIN_LEFT, top - 9 * mm, footer.caption)
    canvas.restoreState()


def draw_watermark(canvas: Canvas, width: float, height: float) -> None:
    """A large, light, diagonal DRAF over the page: visible on a photocopy, text still readable."""
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
    canvas.translate(width / 2, height / 2)
    canvas.rotate(50)
    canvas.setFont(SANS_BOLD, 150)
    canvas.drawCentredString(0, -50, str(DRAFT_MARK))
    canvas.restoreState()


def canvas_maker(footer: Footer) -> type[Canvas]:
    """A Canvas class that draws the footer (and watermark) on every page once the count is known,
    each on its own page size (a document may mix portrait and landscape pages); after the build
    its ``pages`` holds the page count."""

    class SheetCanvas(Canvas):
        pages = 0

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = type(self).pages = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width, height = self._pagesize
                if footer.draft:
                    draw_watermark(self, width, height)
                draw_footer(self, footer, width, number, total)
                super().showPage()
            super().save()

    return SheetCanvas


def render_pages(
    story: Callable[[float], list[Flowable]],
    size: tuple[float, float],
    footer: Footer,
    *,
    title: str,
    author: str,
    subject: str,
    invariant: bool,
    language: str = SHEET_LANGUAGE,
) -> tuple[bytes, int]:
    """A PDF of the flowables ``story(text width)`` on pages of ``size`` with our margins and
    footer, and its page count, every word in ``language``. ``invariant``: the same content
    gives the same bytes."""
    with document_language(language):
        return _render(story, size, footer, title, author, subject, invariant, language)


def _render(
    story: Callable[[float], list[Flowable]],
    size: tuple[float, float],
    footer: Footer,
    title: str,
    author: str,
    subject: str,
    invariant: bool,
    language: str,
) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator=f"KotaCerdas Desktop {__version__}",
        lang="en-GB" if language == "en" else "id-ID",
        # Not Helvetica: every font in the file must be embedded, even one no text uses.
        initialFontName=SANS,
        invariant=invariant,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], pagesize=size)])
    maker = canvas_maker(footer)
    doc.build(story(doc.width), canvasmaker=maker)
    return buffer.getvalue(), maker.pages
