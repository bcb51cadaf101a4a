"""Ask for the title, document number and date of one piece of evidence, or correct stored ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from kotacerdas_desktop.domain.model import Evidence
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_evidence
from kotacerdas_desktop.gui.formatting import format_size
from kotacerdas_desktop.gui.operations import FieldMessages
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.stale_messages import clear_when_valid
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui


class EvidenceDialog(QDialog):
    """Shown with ``open()`` (never a blocking exec): the form keeps painting behind it.

    The dialog stays up while the file is stored, so a refused title is shown
    under the title field; any other error closes it and goes to ``fallback``
    (the message under the evidence list).
    """

    def __init__(
        self,
        parent: QWidget,
        path: Path | None,
        fallback: FieldMessages,
        on_submit: Callable[[EvidenceDialog, Evidence], None],
        existing: Evidence | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.existing = existing
        self.fallback = fallback
        self._on_submit = on_submit
        self.ui = load_ui("evidence_dialog.ui", self)
        apply_texts(
            self.ui,
            {
                "labelTitle": t("Judul dokumen", "Document title"),
                "labelNumber": t("Nomor dokumen", "Document number"),
                "checkDate": t("Tanggal dokumen", "Document date"),
                "editDate.name": t("Tanggal dokumen", "Document date"),
                "editTitle.placeholder": t(
                    "mis. Peraturan Wali Kota tentang Standar Pelayanan",
                    "e.g. Mayoral regulation on service standards",
                ),
                "editNumber.placeholder": t(
                    "mis. 188.45/12/417.10/2026", "e.g. 188.45/12/417.10/2026"
                ),
            },
        )
        if existing is not None:
            title = t("Ubah bukti dukung", "Edit evidence")
        elif path is not None:
            title = t("Lampirkan berkas", "Attach a file")
        else:
            title = t("Tambah bukti dukung", "Add evidence")
        self.setWindowTitle(str(title))
        if existing is not None and existing.sha256:
            self.ui.labelFile.setText(f"{existing.file_name} · {format_size(existing.size)}")
        elif path is not None:
            size = path.stat().st_size if path.exists() else 0
            self.ui.labelFile.setText(f"{path.name} · {format_size(size)}")
            self.ui.editTitle.setText(path.stem.replace("_", " "))
        else:
            self.ui.labelFile.setText(
                str(
                    t(
                        "Dokumen tanpa berkas lampiran (hanya rujukan).",
                        "A document without an attached file (a reference only).",
                    )
                )
            )
        self.ui.labelFile.setObjectName("dialogNote")
        self.ui.errorTitle.setProperty("role", "error")
        self.ui.errorTitle.hide()
        clear_when_valid(
            (self.ui.errorTitle, self.ui.editTitle, lambda title: check_evidence(Evidence(title)))
        )
        self.ui.editDate.setDate(QDate.currentDate())
        self.ui.editDate.setDisplayFormat("dd-MM-yyyy")
        self.ui.editDate.setEnabled(False)
        self.ui.checkDate.toggled.connect(self.ui.editDate.setEnabled)
        if existing is not None:
            self._fill(existing)
        self.ui.buttonBox.accepted.connect(self._submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.editTitle.selectAll()
        self.ui.editTitle.setFocus()
        fit_to_screen(self, 520)

    def _fill(self, evidence: Evidence) -> None:
        """Show stored evidence for correction (the file, if any, stays as it is)."""
        self.ui.editTitle.setText(evidence.title)
        self.ui.editNumber.setText(evidence.number)
        day = QDate.fromString(evidence.date, "yyyy-MM-dd")
        if day.isValid():
            self.ui.editDate.setDate(day)
        self.ui.checkDate.setChecked(day.isValid())

    def evidence(self) -> Evidence:
        date = (
            self.ui.editDate.date().toString("yyyy-MM-dd") if self.ui.checkDate.isChecked() else ""
        )
        return Evidence(title=self.ui.editTitle.text(), number=self.ui.editNumber.text(), date=date)

    def set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def show_error(self, field: str, message: str) -> bool:
        if field == "title":
            self.set_busy(False)
            self.ui.errorTitle.setText(message)
            self.ui.errorTitle.show()
            self.ui.editTitle.setFocus()
            return True
        self.reject()
        return self.fallback.show_error(field, message)

    def _submit(self) -> None:
        self.ui.errorTitle.hide()
        self.set_busy(True)
        self._on_submit(self, self.evidence())
