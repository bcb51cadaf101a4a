"""Print a plan: the very PDF that "Simpan PDF" writes, page by page, landscape.

The pages are made and printed off the GUI thread with progress and cancel, through the
sheet's printing (gui/print_job.py), which paints each PDF page to fit the paper.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.gui.print_job import print_pdf
from kotacerdas_desktop.reports.plan_data import PlanDocument


def prepare_plan_printer(printer: QPrinter, title: str) -> None:
    """A4, landscape, edge to edge (the plan's own margins are in the PDF)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setFullPage(True)
    printer.setDocName(title)


def print_document(
    parent: QWidget,
    document: PlanDocument,
    printer: QPrinter,
    on_done: Callable[[int], None] | None = None,
) -> background.Task:
    """Make the plan's PDF and print it on a printer already set up (the dialog's, or a test's)."""
    from kotacerdas_desktop.reports.plan_pdf import build_plan_pdf

    def work(progress: background.Progress) -> int:
        pdf, _pages = build_plan_pdf(document)
        return print_pdf(pdf, printer, progress)

    def failed(error: BaseException) -> None:
        if not isinstance(error, background.Cancelled):
            raise error

    return background.start(
        work,
        parent=parent,
        title=str(t("Mencetak rencana", "Printing the plan")),
        on_done=on_done or (lambda _pages: None),
        on_error=failed,
    )


def print_plan(parent: QWidget, document: PlanDocument) -> background.Task | None:
    """Ask for a printer, then print the plan."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_plan_printer(printer, document.caption)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return print_document(parent, document, printer)
