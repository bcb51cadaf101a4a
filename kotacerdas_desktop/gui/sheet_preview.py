"""Print preview of the evaluation sheet: the generated PDF itself, shown by QtPdf.

What is previewed is what is saved and what is printed: one PDF, made once
per paper size in a worker (its own store connection), kept as bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSizeF, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop import errorlog
from kotacerdas_desktop.domain.errors import KotaCerdasError, StorageError
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import background, prompts
from kotacerdas_desktop.gui.error_dialog import show_unexpected
from kotacerdas_desktop.gui.print_job import paper_mismatch, prepare_printer, start_printing
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.reports.batch import sheet_file_name
from kotacerdas_desktop.reports.sheet import RenderedSheet, build_sheet
from kotacerdas_desktop.reports.sheet_data import load_sheet_data
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.outputs import PDF, write_output

PAPERS = (
    ("a4", t("A4 (210 × 297 mm)", "A4 (210 × 297 mm)")),
    ("f4", t("F4 / Folio (215 × 330 mm)", "F4 / Folio (215 × 330 mm)")),
)


# The whole page first: the layout (kop, tables, signatures) is what is checked before printing.
ZOOMS = (
    (QPdfView.ZoomMode.FitInView, t("Halaman penuh", "Whole page")),
    (QPdfView.ZoomMode.FitToWidth, t("Lebar halaman", "Page width")),
)


class SheetPreviewDialog(QDialog):
    """Preview, save and print one assessment's sheet; ``sheetReady`` fires when a PDF is shown."""

    sheetReady = Signal()
    printed = Signal(int)  # pages

    def __init__(
        self, store: Store, assessment_id: int, parent: QWidget | None = None, paper: str = "a4"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sheetPreviewDialog")
        self.store = store
        self.assessment = store.assessments.get(assessment_id)
        self.sheet: RenderedSheet | None = None
        self.printer: QPrinter | None = None
        self._task: background.Task | None = None
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self._build(paper)
        self.generate()

    # Layout -----------------------------------------------------------------

    def _build(self, paper: str) -> None:
        a = self.assessment
        agency = self.store.agencies.get(a.agency_code)
        self.setWindowTitle(
            str(
                t(
                    f"Lembar evaluasi: {agency.name} {a.year}, revisi {a.revision}",
                    f"Evaluation sheet: {agency.name} {a.year}, revision {a.revision}",
                )
            )
        )
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar(paper))
        layout.addWidget(self.view, 1)
        fit_to_screen(self, 900, 1000)
        self._set_busy(True)

    def _combo(self, name: str, items: tuple, chosen: object) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for data, label in items:
            combo.addItem(str(label), data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def _button(self, name: str, text: LocalText, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(str(text), self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_bar(self, paper: str) -> QHBoxLayout:
        """Paper, zoom, what is shown, and the three buttons."""
        self.paper = self._combo("comboPaper", PAPERS, paper.lower())
        self.paper.currentIndexChanged.connect(self.generate)
        self.zoom = self._combo("comboZoom", ZOOMS, ZOOMS[0][0])
        self.zoom.setAccessibleName(str(t("Perbesaran", "Zoom")))
        self.zoom.currentIndexChanged.connect(
            lambda: self.view.setZoomMode(self.zoom.currentData())
        )
        self.view.setZoomMode(self.zoom.currentData())
        self.status = QLabel(self)
        self.status.setObjectName("labelSheetStatus")
        self.status.setWordWrap(True)
        self.save_button = self._button(
            "buttonSavePdf", t("Simpan PDF…", "Save as PDF…"), self.ask_save
        )
        self.print_button = self._button("buttonPrint", t("Cetak…", "Print…"), self.ask_print)
        paper_label = QLabel(str(t("Kertas:", "Paper:")), self)
        paper_label.setBuddy(self.paper)
        bar = QHBoxLayout()
        for widget in (paper_label, self.paper, self.zoom):
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        for widget in (self.save_button, self.print_button):
            bar.addWidget(widget)
        bar.addWidget(self._button("buttonClose", t("Tutup", "Close"), self.reject))
        return bar

    def _set_busy(self, busy: bool) -> None:
        ready = not busy and self.sheet is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.paper.setEnabled(not busy)

    @property
    def paper_code(self) -> str:
        return self.paper.currentData()

    # Generating --------------------------------------------------------------

    def generate(self) -> None:
        """Make the PDF for the chosen paper in a worker, then show it."""
        assessment_id, paper = self.assessment.id, self.paper_code
        self.sheet = None
        self._set_busy(True)
        self.status.setText(str(t("Menyusun lembar evaluasi…", "Building the evaluation sheet…")))

        def work(store: Store, progress: background.Progress) -> RenderedSheet:
            progress.step(
                0, 0, str(t("Menyusun lembar evaluasi…", "Building the evaluation sheet…"))
            )
            return build_sheet(load_sheet_data(store, assessment_id), paper)

        self._task = background.start(
            background.with_store(self.store.path, work),
            parent=self,
            title=str(t("Lembar evaluasi", "Evaluation sheet")),
            on_done=self._show,
            on_error=self._failed,
        )

    def _show(self, sheet: RenderedSheet) -> None:
        self._task = None
        self.sheet = sheet
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(sheet.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        a = self.assessment
        if a.is_finalized:
            text = t(
                f"Final · {sheet.pages} halaman · sidik jari {a.fingerprint[:16]}…",
                f"Final · {sheet.pages} pages · fingerprint {a.fingerprint[:16]}…",
            )
        else:
            text = t(
                f"DRAF (belum final, tidak untuk ditandatangani) · {sheet.pages} halaman",
                f"DRAFT (not final, not for signing) · {sheet.pages} pages",
            )
        self.status.setText(str(text))
        self._set_busy(False)
        self.sheetReady.emit()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        if isinstance(error, background.Cancelled):
            self.status.setText(str(t("Dibatalkan.", "Cancelled.")))
            return
        self.status.setText(str(error))
        self.status.setProperty("role", "error")
        if not isinstance(error, KotaCerdasError):  # logged with its traceback by the worker
            show_unexpected(error, errorlog.log_path(), self)

    def page_size(self) -> QSizeF:
        return self.document.pagePointSize(0)

    # Saving and printing -------------------------------------------------------

    def ask_save(self) -> None:
        start = str(Path.home() / sheet_file_name(self.assessment))
        path, _ = QFileDialog.getSaveFileName(
            self,
            str(t("Simpan lembar evaluasi", "Save the evaluation sheet")),
            start,
            "PDF (*.pdf)",
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write exactly the previewed PDF; the message says where, or why not."""
        if self.sheet is None:
            return False
        path = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        try:
            write_output(self.sheet.pdf, path, PDF, self.store.path)
        except StorageError as error:
            prompts.inform(self, str(error))
            return False
        self.status.setText(str(t(f"Disimpan: {path}", f"Saved: {path}")))
        return True

    def ask_print(self) -> None:
        if self.sheet is None:
            return
        self.printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(self.printer, self.page_size(), self.windowTitle())
        dialog = QPrintDialog(self.printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        problem = paper_mismatch(self.printer.pageLayout(), self.page_size())
        if problem is not None and not prompts.confirm(
            self,
            t("Ukuran kertas berbeda", "Paper size differs"),
            str(problem) + "\n\n" + str(t("Tetap cetak?", "Print anyway?")),
            yes=t("Tetap cetak", "Print anyway"),
            icon=QMessageBox.Icon.Warning,
        ):
            return
        self.print_to(self.printer)

    def print_to(self, printer: QPrinter) -> background.Task | None:
        """Print the previewed pages on a printer already set up (the print dialog's, or a test's)."""
        if self.sheet is None:
            return None
        self._set_busy(True)

        def done(pages: int) -> None:
            self._set_busy(False)
            self.status.setText(
                str(
                    t(
                        f"{pages} halaman dikirim ke printer.",
                        f"{pages} page(s) sent to the printer.",
                    )
                )
            )
            self.printed.emit(pages)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, background.Cancelled):
                self.status.setText(str(t("Pencetakan dibatalkan.", "Printing cancelled.")))
                return
            if isinstance(error, KotaCerdasError):
                prompts.inform(self, str(error))
            else:  # logged with its traceback by the worker
                show_unexpected(error, errorlog.log_path(), self)

        self._task = start_printing(
            self.sheet.pdf, printer, parent=self, on_done=done, on_error=failed
        )
        return self._task
