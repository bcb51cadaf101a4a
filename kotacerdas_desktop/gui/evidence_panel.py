"""The evidence list of an answer: add by file dialog or drag-and-drop, edit, open, remove.

Files are stored inside the database (by SHA-256), so "open" writes a
temporary copy and hands it to the system viewer; the original on the
operator's disk may be gone by the time the assessor asks for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.model import Evidence
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import operations, prompts
from kotacerdas_desktop.gui.formatting import format_date, format_size
from kotacerdas_desktop.gui.operations import FieldMessages
from kotacerdas_desktop.gui.uiloader import Ui
from kotacerdas_desktop.store import Store

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog

COLUMNS = (
    t("Judul", "Title"),
    t("Nomor", "Number"),
    t("Tanggal", "Date"),
    t("Berkas", "File"),
    t("SHA-256", "SHA-256"),
)
FILE_FILTER = t(
    "Dokumen dan gambar (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods);;Semua berkas (*)",
    "Documents and images (*.pdf *.png *.jpg *.jpeg *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.ods);;All files (*)",
)


def local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def viewer_copy(evidence: Evidence, content: bytes) -> Path:
    """A temporary copy of a stored file under its own name, for the system viewer."""
    folder = (
        Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation))
        / "kotacerdas-bukti"
        / evidence.sha256[:16]
    )
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (Path(evidence.file_name).name or f"{evidence.sha256[:16]}.bin")
    if not target.exists() or target.stat().st_size != len(content):
        target.write_bytes(content)
    return target


class EvidencePanel(QObject):
    """Drives the evidence widgets of the indicator form for the indicator shown."""

    def __init__(self, ui: Ui, drop_target: QWidget, fields: FieldMessages) -> None:
        super().__init__(drop_target)
        self.ui = ui
        self.fields = fields
        self.store: Store | None = None
        self.assessment_id = 0
        self.code = ""
        self.items: list[Evidence] = []
        self.editable = False
        self._queue: list[Path] = []
        table = ui.tableEvidence
        table.setColumnCount(len(COLUMNS))
        table.setHorizontalHeaderLabels([str(c) for c in COLUMNS])
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.activated.connect(lambda _index: self.activate_selected())  # double-click, Enter
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            table,
            self.remove_selected,
            Qt.ShortcutContext.WidgetShortcut,
        )
        ui.buttonAddFile.clicked.connect(self.choose_files)
        ui.buttonAddReference.clicked.connect(self.add_reference)
        ui.buttonEditEvidence.clicked.connect(self.edit_selected)
        ui.buttonOpenEvidence.clicked.connect(self.open_selected)
        ui.buttonRemoveEvidence.clicked.connect(self.remove_selected)
        ui.errorEvidence.hide()
        drop_target.setAcceptDrops(True)
        drop_target.installEventFilter(self)

    # Showing ------------------------------------------------------------------

    def bind(
        self,
        store: Store,
        assessment_id: int,
        code: str,
        items: list[Evidence],
        editable: bool,
        fields: FieldMessages,
    ) -> None:
        """Show the evidence of another indicator; ``fields`` places errors that belong to it."""
        self.fields = fields
        if code != self.code or assessment_id != self.assessment_id:
            self._queue.clear()
            self.clear_error()
        self.store, self.assessment_id, self.code, self.editable = (
            store,
            assessment_id,
            code,
            editable,
        )
        self.ui.buttonAddFile.setEnabled(editable)
        self.ui.buttonAddReference.setEnabled(editable)
        self.ui.labelDropHint.setVisible(editable)
        self.set_items(items)

    def set_items(self, items: list[Evidence]) -> None:
        """Show the list, keeping the chosen row chosen (after an edit the keyboard stays on it)."""
        chosen = self.selected()
        self.items = list(items)
        table = self.ui.tableEvidence
        table.clearSelection()
        table.setRowCount(len(self.items))
        for row, evidence in enumerate(self.items):
            file_text = (
                f"{evidence.file_name} ({format_size(evidence.size)})" if evidence.sha256 else "–"
            )
            cells = (
                evidence.title,
                evidence.number or "–",
                format_date(evidence.date) if evidence.date else "–",
                file_text,
                f"{evidence.sha256[:8]}…{evidence.sha256[-6:]}" if evidence.sha256 else "–",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(evidence.sha256 if column == 4 and evidence.sha256 else text)
                table.setItem(row, column, item)
            if chosen is not None and chosen.id is not None and evidence.id == chosen.id:
                table.selectRow(row)
        rows = max(2, min(len(self.items), 6))
        row_height = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows * row_height + 4)
        self._update_buttons()

    def selected(self) -> Evidence | None:
        rows = {index.row() for index in self.ui.tableEvidence.selectedIndexes()}
        return self.items[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.ui.buttonEditEvidence.setEnabled(chosen is not None and self.editable)
        self.ui.buttonOpenEvidence.setEnabled(chosen is not None and bool(chosen.sha256))
        self.ui.buttonRemoveEvidence.setEnabled(chosen is not None and self.editable)

    def show_error(self, message: str) -> None:
        self.ui.errorEvidence.setText(message)
        self.ui.errorEvidence.show()

    def clear_error(self) -> None:
        self.ui.errorEvidence.clear()
        self.ui.errorEvidence.hide()

    # Adding -------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.ui.root,
            str(t("Pilih berkas bukti dukung", "Choose evidence files")),
            "",
            str(FILE_FILTER),
        )
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Ask title, number and date for each file in turn, then store it in the background."""
        if not self.editable or self.store is None:
            return
        self.clear_error()
        self._queue.extend(paths)
        if len(self._queue) == len(paths):
            self._ask_next()

    def add_reference(self) -> None:
        """Evidence without a file: a decree or report the assessor can ask for on paper."""
        if self.editable and self.store is not None:
            self.clear_error()
            self._ask(None)

    def _ask_next(self) -> None:
        if self._queue:
            self._ask(self._queue[0])

    def _ask(self, path: Path | None, existing: Evidence | None = None) -> None:
        from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog  # on first use

        dialog = EvidenceDialog(self.ui.root.window(), path, self.fields, self._submit, existing)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: EvidenceDialog) -> None:
        dialog.deleteLater()
        if dialog.path is not None and self._queue and self._queue[0] == dialog.path:
            self._queue.pop(0)
            self._ask_next()

    def _submit(self, dialog: EvidenceDialog, evidence: Evidence) -> None:
        assert self.store is not None
        if dialog.existing is not None and dialog.existing.id is not None:
            if operations.update_evidence(
                self.store, self.assessment_id, self.code, dialog.existing.id, evidence, dialog
            ):
                dialog.accept()
            return
        if dialog.path is None:
            if operations.add_evidence(self.store, self.assessment_id, self.code, evidence, dialog):
                dialog.accept()
            return
        operations.attach_file(
            self.store,
            self.assessment_id,
            self.code,
            dialog.path,
            evidence,
            parent=dialog,
            fields=dialog,
            on_done=lambda _stored: dialog.accept(),
        )

    # Editing, opening and removing ---------------------------------------------------

    def activate_selected(self) -> None:
        """Double-click or Enter on a row: correct it, or only open its file once finalized."""
        if self.editable:
            self.edit_selected()
        else:
            self.open_selected()

    def edit_selected(self) -> None:
        """Correct a wrong title, number or date without attaching the file again."""
        evidence = self.selected()
        if evidence is None or evidence.id is None or not self.editable or self.store is None:
            return
        self.clear_error()
        self._ask(None, evidence)

    def open_selected(self) -> None:
        evidence = self.selected()
        if evidence is None or not evidence.sha256 or self.store is None:
            return
        try:
            path = viewer_copy(evidence, self.store.evidence.content(evidence.sha256))
        except KotaCerdasError as error:
            self.show_error(str(error))
            return
        except OSError as error:
            self.show_error(
                str(
                    t(
                        f"Salinan sementara gagal dibuat: {error}",
                        f"Could not make a temporary copy: {error}",
                    )
                )
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_error(
                str(
                    t(
                        f"Tidak ada aplikasi untuk membuka {path.name}.",
                        f"No application can open {path.name}.",
                    )
                )
            )

    def remove_selected(self) -> None:
        evidence = self.selected()
        if evidence is None or evidence.id is None or not self.editable:
            return
        box, remove = prompts.question_box(
            self.ui.root.window(),
            t("Hapus bukti dukung", "Remove evidence"),
            str(
                t(
                    f'Hapus "{evidence.title}" dari jawaban ini?',
                    f'Remove "{evidence.title}" from this answer?',
                )
            ),
            yes=t("Hapus", "Remove"),
        )
        store, assessment_id, code, evidence_id = (
            self.store,
            self.assessment_id,
            self.code,
            evidence.id,
        )

        def answered(button: object) -> None:
            if button is remove and store is not None:
                operations.remove_evidence(store, assessment_id, code, evidence_id, self.fields)

        box.buttonClicked.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()

    # Drag and drop --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.editable and local_files(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and self.editable:
            files = local_files(event)
            if files:
                event.acceptProposedAction()
                self.add_files(files)
                return True
        return super().eventFilter(watched, event)
