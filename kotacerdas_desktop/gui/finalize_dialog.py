"""Confirmations for finalizing and reopening: each says plainly what will happen before it does.

Finalizing locks the answers for good (the signed paper must keep matching
the file); reopening makes a new revision to correct, which will need a new
signature. Both writes go through gui/operations.py; an error the store
raises is shown inside the dialog, and nothing changes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.document_number import PATTERN_WORDS
from kotacerdas_desktop.domain.model import Assessment
from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.store import Store

MISSING_SHOWN = 8


class _ConfirmDialog(QDialog):
    """Title, an explanation, optional fields, an error line and two buttons; OK runs ``confirm``."""

    def __init__(
        self,
        store: Store,
        assessment_id: int,
        parent: QWidget | None,
        title: LocalText,
        ok: LocalText,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.assessment = store.assessments.get(assessment_id)
        self.agency = store.agencies.get(self.assessment.agency_code)
        self.result_assessment: Assessment | None = None
        self.setWindowTitle(str(title))
        self.explanation = QLabel(self)
        self.explanation.setObjectName("labelExplanation")
        self.explanation.setWordWrap(True)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("labelError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(str(ok))
        self.ok_button.setObjectName("buttonConfirm")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(str(t("Batal", "Cancel")))
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560)

    def show_error(self, field: str, message: str) -> bool:
        """Every error of this step belongs here, next to the explanation (FieldMessages)."""
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # room for the message, not squeezed over the fields
        return True

    def accept(self) -> None:
        self.error.hide()
        self.result_assessment = self.confirm()
        if self.result_assessment is not None:
            super().accept()

    def confirm(self) -> Assessment | None:
        raise NotImplementedError

    def heading(self) -> str:
        a, name = self.assessment, escape(self.agency.name)
        return str(
            t(
                f"<b>{name}</b>, tahun {a.year}, revisi {a.revision}",
                f"<b>{name}</b>, year {a.year}, revision {a.revision}",
            )
        )


class FinalizeDialog(_ConfirmDialog):
    def __init__(self, store: Store, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            assessment_id,
            parent,
            t("Finalisasi penilaian", "Finalize the assessment"),
            t("Finalisasi dan kunci", "Finalize and lock"),
        )
        self.setObjectName("finalizeDialog")
        self.report = store.assessments.scores(assessment_id)
        self.explanation.setText(self._explain())
        self.number = QLineEdit(store.lifecycle.proposed_document_number(assessment_id), self)
        self.number.setObjectName("editDocumentNumber")
        self.number_error = QLabel(self)
        self.number_error.setObjectName("labelNumberError")
        self.number_error.setProperty("role", "error")
        self.number_error.setWordWrap(True)
        self.number_error.hide()
        hint = QLabel(
            str(
                t(
                    f"Pola: {PATTERN_WORDS.id}. Nomor urut dari buku agenda surat keluar; "
                    "kode diatur di Pengaturan OPD.",
                    f"Pattern: {PATTERN_WORDS.en}. The serial from the register of outgoing "
                    "letters; the codes are set in the agency settings.",
                )
            ),
            self,
        )
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        self.form.addRow(str(t("Nomor dokumen:", "Document number:")), self.number)
        self.form.addRow(self.number_error)  # full width: these lines are long
        self.form.addRow(hint)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("editReason")
        self.reason.setPlaceholderText(
            str(
                t(
                    "Mis.: batas waktu pengiriman dari Bappeda; indikator dilengkapi pada revisi berikutnya.",
                    "E.g. the planning agency's deadline; the rest follows in the next revision.",
                )
            )
        )
        self.reason.setFixedHeight(70)
        if self.report.missing:
            self.form.addRow(
                str(
                    t(
                        "Alasan finalisasi walau belum lengkap:",
                        "Reason to finalize although incomplete:",
                    )
                ),
                self.reason,
            )
        else:
            self.reason.hide()

    def _explain(self) -> str:
        report, head = self.report, self.agency.head
        missing = ""
        if report.missing:
            shown = ", ".join(report.missing[:MISSING_SHOWN]) + (
                " …" if len(report.missing) > MISSING_SHOWN else ""
            )
            missing = str(
                t(
                    f"<p style='color:#9a3412'><b>{len(report.missing)} indikator belum dijawab</b> ({shown}). "
                    "Finalisasi tetap bisa dilakukan dengan alasan tertulis; alasan dan daftar indikator itu "
                    "dicatat dan dicetak pada lembar evaluasi.</p>",
                    f"<p style='color:#9a3412'><b>{len(report.missing)} indicator(s) unanswered</b> ({shown}). "
                    "You may still finalize with a written reason; the reason and the list are recorded and "
                    "printed on the evaluation sheet.</p>",
                )
            )
        signer = (
            f"{escape(head.name)}, NIP {format_nip(head.nip)}"
            if head and head.name.strip() and head.nip.strip()
            else str(t("belum diisi", "not set"))
        )
        return str(
            t(
                f"<p>Finalisasi {self.heading()}:</p><ul>"
                "<li>mengunci semua jawaban dan bukti dukung: tidak dapat diubah lagi, baik dari aplikasi "
                "maupun dari program lain;</li>"
                "<li>menghitung sidik jari SHA-256 yang dicetak (dengan kode QR) pada lembar evaluasi untuk "
                "ditandatangani dan dicap;</li>"
                "<li>perbaikan sesudahnya hanya melalui <i>Buka sebagai revisi baru</i>; revisi ini tetap "
                "tersimpan dan tetap dapat dicetak dengan sidik jari yang sama.</li></ul>"
                f"<p>Kelengkapan: {report.answered} dari {report.total} indikator terjawab. "
                f"Mengetahui (Kepala OPD): {signer}.</p>{missing}",
                f"<p>Finalizing {self.heading()}:</p><ul>"
                "<li>locks every answer and piece of evidence: they can no longer be changed, neither in "
                "this program nor by any other;</li>"
                "<li>computes the SHA-256 fingerprint printed (with a QR code) on the evaluation sheet to "
                "be signed and stamped;</li>"
                "<li>later corrections only through <i>Reopen as a new revision</i>; this revision stays "
                "stored and still prints with the same fingerprint.</li></ul>"
                f"<p>Completeness: {report.answered} of {report.total} indicators answered. "
                f"Approved by (head of agency): {signer}.</p>{missing}",
            )
        )

    def show_error(self, field: str, message: str) -> bool:
        """A number that breaks the pattern is shown under the number; the rest above the buttons."""
        if field != "document_number":
            return super().show_error(field, message)
        self.number_error.setText(message)
        self.number_error.show()
        self.adjustSize()
        self.number.setFocus()
        return True

    def confirm(self) -> Assessment | None:
        self.number_error.hide()
        return operations.finalize_assessment(
            self.store,
            self.assessment.id,
            self.reason.toPlainText(),
            self.number.text(),
            fields=self,
        )


class ReopenDialog(_ConfirmDialog):
    def __init__(self, store: Store, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            store,
            assessment_id,
            parent,
            t("Buka sebagai revisi baru", "Reopen as a new revision"),
            t("Buka revisi baru", "Open a new revision"),
        )
        self.setObjectName("reopenDialog")
        n = self.assessment.revision
        self.explanation.setText(
            str(
                t(
                    f"<p>Untuk {self.heading()} akan dibuat <b>revisi {n + 1}</b>: salinan draf yang dapat "
                    "diperbaiki.</p><ul>"
                    f"<li>Revisi {n} tetap tersimpan, tetap terkunci, dan tetap dapat dicetak dengan sidik jari "
                    "yang sama; lembar yang sudah ditandatangani tetap cocok dengan revisi itu.</li>"
                    f"<li>Revisi {n + 1} menjadi penilaian yang berlaku setelah difinalisasi, dicetak, dan "
                    "ditandatangani ulang oleh Kepala OPD.</li></ul>",
                    f"<p>For {self.heading()} <b>revision {n + 1}</b> will be made: a draft copy to "
                    "correct.</p><ul>"
                    f"<li>Revision {n} stays stored, locked, and still prints with the same fingerprint; the "
                    "sheet already signed keeps matching that revision.</li>"
                    f"<li>Revision {n + 1} becomes the current assessment once it is finalized, printed and "
                    "signed again by the head of agency.</li></ul>",
                )
            )
        )

    def confirm(self) -> Assessment | None:
        return operations.reopen_assessment(self.store, self.assessment.id, fields=self)
