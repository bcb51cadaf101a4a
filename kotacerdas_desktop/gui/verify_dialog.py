"""Match a printed sheet with the file: type its fingerprint or paste the QR code's text.

The answer names the agency, year and revision, says whether a newer
revision exists, and whether the stored data still gives that fingerprint;
"Show sheet" then opens the matching sheet to compare page by page.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.model import Assessment
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui.formatting import format_timestamp
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.uiloader import close_buttons
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.lifecycle import Verification


def describe_match(found: Verification) -> LocalText:
    """Which stored assessment a fingerprint belongs to, with the warnings an assessor needs."""
    a, name = found.assessment, escape(found.agency.name)  # the agency as finalized
    when = format_timestamp(a.finalized_at)
    lines = [
        t(
            f"<b>✔ Cocok.</b> {name} ({a.agency_code}), tahun {a.year}, revisi {a.revision}, "
            f"dokumen {escape(a.document_number)}, difinalisasi {when}.",
            f"<b>✔ Match.</b> {name} ({a.agency_code}), year {a.year}, revision {a.revision}, "
            f"document {escape(a.document_number)}, finalized {when}.",
        )
    ]
    if found.newer is not None:
        lines.append(
            t(
                f"⚠ Ada revisi lebih baru (revisi {found.newer.revision}); lembar ini bukan yang berlaku.",
                f"⚠ A newer revision exists (revision {found.newer.revision}); this sheet is not the current one.",
            )
        )
    if not found.intact:
        lines.append(
            t(
                "⚠ Data yang tersimpan sekarang tidak lagi cocok dengan yang difinalisasi: berkas diubah di luar aplikasi.",
                "⚠ The data stored now no longer matches what was finalized: the file was changed outside the program.",
            )
        )
        lines += [
            LocalText(f"– {escape(problem.id)}", f"– {escape(problem.get('en'))}")
            for problem in found.problems
        ]
    return LocalText("<br>".join(line.id for line in lines), "<br>".join(line.en for line in lines))


class VerifyDialog(QDialog):
    """``showSheet(assessment_id)`` asks the window to open the matching sheet."""

    showSheet = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.store = store
        self.match: Assessment | None = None
        self.setWindowTitle(str(t("Verifikasi lembar evaluasi", "Verify an evaluation sheet")))
        intro = QLabel(
            str(
                t(
                    "Ketik sidik jari SHA-256 (64 karakter) dari kotak verifikasi lembar, atau 12 "
                    "karakter pertamanya yang tercetak di kaki setiap halaman, atau tempel teks hasil "
                    "pindaian kode QR.",
                    "Type the SHA-256 fingerprint (64 characters) from the sheet's verification box, "
                    "or its first 12 characters printed in every page footer, or paste the text "
                    "scanned from its QR code.",
                )
            ),
            self,
        )
        intro.setWordWrap(True)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("editFingerprint")
        self.edit.setAccessibleName(str(t("Sidik jari lembar", "Sheet fingerprint")))
        self.edit.setPlaceholderText("292b01afa5a153eb… / KOTACERDAS:SHA256:…")
        self.edit.returnPressed.connect(self.check)
        self.check_button = QPushButton(str(t("Periksa", "Check")), self)
        self.check_button.setObjectName("buttonCheck")
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.check_button)
        self.result = QLabel(self)
        self.result.setObjectName("labelResult")
        self.result.setWordWrap(True)
        self.show_button = QPushButton(str(t("Tampilkan lembar…", "Show sheet…")), self)
        self.show_button.setObjectName("buttonShowSheet")
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(lambda: self.showSheet.emit(self.match.id))
        buttons = close_buttons(self)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        fit_to_screen(self, 620)

    def check(self) -> None:
        self.match = None
        try:
            found = self.store.lifecycle.verify(self.edit.text())
        except KotaCerdasError as error:
            self.result.setText(escape(str(error)))
        else:
            if found is None:
                self.result.setText(
                    str(
                        t(
                            "<b>✘ Tidak cocok.</b> Tidak ada penilaian final tersimpan dengan sidik jari ini: "
                            "lembar ini tidak berasal dari berkas ini, atau isinya berbeda.",
                            "<b>✘ No match.</b> No finalized assessment stored here has this fingerprint: "
                            "the sheet does not come from this file, or its content differs.",
                        )
                    )
                )
            else:
                self.match = found.assessment
                self.result.setText(str(describe_match(found)))
        self.show_button.setEnabled(self.match is not None)
