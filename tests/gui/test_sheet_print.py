"""Printing sends the previewed PDF's pages to the printer, off the GUI thread, with cancel."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from kotacerdas_desktop.gui.print_job import (
    MAX_DPI,
    fit_on_paper,
    paper_mismatch,
    paper_name,
    prepare_printer,
)
from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog

A4 = QSizeF(595.28, 841.89)
F4 = QSizeF(609.45, 935.43)


def pdf_printer(path, resolution: int = 1200) -> QPrinter:
    """A printer that writes what it is sent to a PDF file, so the test can read it back."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(resolution)
    return printer


@pytest.fixture
def preview(qtbot, demo_store):
    final = demo_store.assessments.current("DISKOMINFO", 2025)
    dialog = SheetPreviewDialog(demo_store, final.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=20000)
    return dialog


def print_and_wait(qtbot, dialog, printer) -> int:
    with qtbot.waitSignal(dialog.printed, timeout=60000) as blocker:
        dialog.print_to(printer)
    return blocker.args[0]


def image_widths(path) -> list[int]:
    widths = []
    for page in PdfReader(path).pages:
        for xobject in page["/Resources"].get_object().get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image":
                widths.append(int(xobject["/Width"]))
    return widths


def test_every_page_is_printed_at_no_more_than_300_dpi(qtbot, preview, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out, resolution=1200)
    prepare_printer(printer, preview.page_size(), preview.windowTitle())
    assert print_and_wait(qtbot, preview, printer) == preview.sheet.pages
    reader = PdfReader(out)
    assert len(reader.pages) == preview.sheet.pages
    width = float(reader.pages[0].mediabox.width)
    assert abs(width - 595.3) < 1
    # An A4 page is 8.27 in wide: 300 dpi gives about 2480 pixels, not 1200 dpi's 9921.
    assert set(image_widths(out)) == {round(595.28 * MAX_DPI / 72)}
    assert "dikirim ke printer" in preview.status.text()


def test_a_page_range_prints_just_those_pages(qtbot, preview, tmp_path):
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out, resolution=150)
    prepare_printer(printer, preview.page_size(), "uji")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_and_wait(qtbot, preview, printer) == 2
    assert len(PdfReader(out).pages) == 2
    assert set(image_widths(out)) == {round(595.28 * 150 / 72)}


def test_f4_sheet_prints_on_f4_paper(qtbot, preview, tmp_path):
    with qtbot.waitSignal(preview.sheetReady, timeout=20000):
        preview.paper.setCurrentIndex(preview.paper.findData("f4"))
    out = tmp_path / "f4.pdf"
    printer = pdf_printer(out, resolution=100)
    prepare_printer(printer, preview.page_size(), "uji")
    assert paper_mismatch(printer.pageLayout(), preview.page_size()) is None
    print_and_wait(qtbot, preview, printer)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (609, 935)


def test_printing_can_be_cancelled(qtbot, preview, tmp_path):
    out = tmp_path / "cancelled.pdf"
    printer = pdf_printer(out, resolution=300)
    prepare_printer(printer, preview.page_size(), "uji")
    steps = []
    task = preview.print_to(printer)

    def on_progress(done: int, total: int, text: str) -> None:
        steps.append(done)
        task.progress.cancel()

    task.signals.progress.connect(on_progress)
    qtbot.waitUntil(lambda: "dibatalkan" in preview.status.text(), timeout=60000)
    assert steps and max(steps) < preview.sheet.pages - 1
    assert preview.print_button.isEnabled()


def test_paper_mismatch_is_explained():
    a4_layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
    )
    message = paper_mismatch(a4_layout, F4)
    assert message is not None
    assert "A4 (210 × 297 mm)" in str(message) and "F4 (215 × 330 mm)" in str(message)
    assert paper_mismatch(a4_layout, A4) is None
    landscape = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, QMarginsF()
    )
    assert "mendatar" in str(paper_mismatch(landscape, A4))
    letter = QPageLayout(
        QPageSize(QPageSize.PageSizeId.Letter), QPageLayout.Orientation.Portrait, QMarginsF()
    )
    assert "216 × 279 mm" in str(paper_mismatch(letter, A4))


def test_paper_names():
    assert paper_name(A4) == "A4 (210 × 297 mm)"
    assert paper_name(F4) == "F4 (215 × 330 mm)"
    assert paper_name(QSizeF(612, 1008)) == "216 × 356 mm"


def test_a_sheet_on_other_paper_shrinks_without_distortion(qapp, tmp_path):
    printer = pdf_printer(tmp_path / "unused.pdf", resolution=300)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    target = fit_on_paper(printer, F4)
    assert abs(target.height() - paper.height()) < 1
    assert abs(target.width() / target.height() - F4.width() / F4.height()) < 1e-6
    assert abs(target.center().x() - paper.center().x()) < 1
    same = fit_on_paper(printer, A4)
    assert abs(same.width() - paper.width()) < 3 and abs(same.height() - paper.height()) < 3
