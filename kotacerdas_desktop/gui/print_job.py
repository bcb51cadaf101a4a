"""Print the sheet's PDF on a real printer: the very pages that were previewed, page by page.

Printing never draws the sheet a second way: QtPdf renders each PDF page to
an image at the printer's resolution (at most 300 dpi: sharp text, and 16
times cheaper than 1200 dpi) in a worker thread, and paints it on the full
sheet of paper. Printer drivers may silently ignore F4, so the chosen
layout is compared with the PDF's page size before anything is printed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.reports.paper import PAPER_SIZES_MM

MAX_DPI = 300
TOLERANCE_MM = (
    2.0  # drivers round paper sizes; 2 mm is far below any real mix-up (A4/F4 differ by 33 mm)
)
POINTS_PER_MM = 72 / 25.4


def paper_name(size_points: QSizeF) -> str:
    """ "A4 (210 × 297 mm)" or "F4 (215 × 330 mm)" or just the size, for messages."""
    width, height = size_points.width() / POINTS_PER_MM, size_points.height() / POINTS_PER_MM
    measured = f"{width:.0f} × {height:.0f} mm"
    for name, (w, h) in PAPER_SIZES_MM.items():
        if abs(width - w) <= TOLERANCE_MM and abs(height - h) <= TOLERANCE_MM:
            return f"{name.upper()} ({measured})"
    return measured


def paper_mismatch(layout: QPageLayout, pdf_page: QSizeF) -> LocalText | None:
    """Why the printer's paper differs from the sheet's page, or None when they agree."""
    paper = layout.fullRect(QPageLayout.Unit.Point).size()
    if layout.orientation() == QPageLayout.Orientation.Landscape:
        paper = paper.transposed()
    same = all(
        abs(a - b) <= TOLERANCE_MM * POINTS_PER_MM
        for a, b in ((paper.width(), pdf_page.width()), (paper.height(), pdf_page.height()))
    )
    if same and layout.orientation() == QPageLayout.Orientation.Portrait:
        return None
    printer, sheet = paper_name(paper), paper_name(pdf_page)
    if layout.orientation() == QPageLayout.Orientation.Landscape:
        printer += " " + str(t("mendatar", "landscape"))
    return t(
        f"Printer akan memakai kertas {printer}, sedangkan lembar evaluasi berukuran {sheet}, tegak. "
        "Halaman bisa terpotong atau mengecil. Pilih ukuran kertas yang sama di pengaturan printer, "
        "atau buat ulang lembar dengan ukuran kertas printer.",
        f"The printer will use {printer} paper, but the evaluation sheet is {sheet}, portrait. "
        "Pages may be cut off or shrunk. Choose the same paper size in the printer settings, "
        "or make the sheet again in the printer's paper size.",
    )


def prepare_printer(printer: QPrinter, pdf_page: QSizeF, title: str) -> None:
    """Ask the printer for the sheet's paper, portrait, edge to edge, before its dialog opens."""
    size = QPageSize(
        pdf_page, QPageSize.Unit.Point, paper_name(pdf_page), QPageSize.SizeMatchPolicy.ExactMatch
    )
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title)


def fit_on_paper(printer: QPrinter, page_points: QSizeF) -> QRectF:
    """Where a PDF page goes on the paper: all of it, undistorted, top and centre aligned
    (on paper of the same size that is the whole sheet; on other paper it shrinks to fit)."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = min(paper.width() / page_points.width(), paper.height() / page_points.height())
    size = page_points * scale
    return QRectF(
        paper.x() + (paper.width() - size.width()) / 2, paper.y(), size.width(), size.height()
    )


def render_resolution(printer: QPrinter) -> int:
    return min(printer.resolution(), MAX_DPI)


def print_pdf(pdf: bytes, printer: QPrinter, progress: background.Progress) -> int:
    """Paint every page (or the chosen range) of the PDF on the printer; returns pages printed.

    Runs in a worker thread: the PDF document and buffer are made here, in the
    thread that uses them. A cancel aborts the job so no half sheet comes out.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(
            str(t("PDF lembar evaluasi tidak dapat dibaca.", "The sheet's PDF cannot be read."))
        )
    first, last = 1, document.pageCount()
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(last, printer.toPage() or last)
    dpi = render_resolution(printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(str(t("Printer tidak dapat dimulai.", "The printer cannot be started.")))
    printed = 0
    try:
        for page in range(first, last + 1):
            progress.step(
                page - first,
                last - first + 1,
                str(t(f"Mencetak halaman {page} dari {last}…", f"Printing page {page} of {last}…")),
            )
            if page > first:
                printer.newPage()
            points = document.pagePointSize(page - 1)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page - 1, pixels)
            painter.drawImage(fit_on_paper(printer, points), image)
            printed += 1
    except background.Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
        document.close()
    return printed


def start_printing(
    pdf: bytes,
    printer: QPrinter,
    *,
    parent: QWidget | None,
    on_done: Callable[[int], None],
    on_error: Callable[[BaseException], None],
) -> background.Task:
    """Print in the background with a progress dialog and Cancel."""
    return background.start(
        lambda progress: print_pdf(pdf, printer, progress),
        parent=parent,
        title=str(t("Mencetak lembar evaluasi", "Printing the evaluation sheet")),
        on_done=on_done,
        on_error=on_error,
    )
