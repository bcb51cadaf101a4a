"""The evaluation sheet's commands in the main window's "Penilaian" menu.

Preview and print (Ctrl+P), finalize, reopen as a new revision, and verify a
printed sheet. Each is enabled only when it applies to the assessment shown:
finalize a draft, reopen the newest finalized revision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.window_menus import window_action

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.finalize_dialog import FinalizeDialog, ReopenDialog
    from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog
    from kotacerdas_desktop.gui.verify_dialog import VerifyDialog

# The dialogs are imported on first use, as the preview is: the window's start need not pay.
_Confirm = TypeVar("_Confirm", "FinalizeDialog", "ReopenDialog")


@dataclass
class SheetActions:
    preview: QAction
    finalize: QAction
    reopen: QAction
    verify: QAction


def open_preview(window: QMainWindow, assessment_id: int) -> SheetPreviewDialog:
    # Imported on first use: reportlab and QtPdf cost about 0.2 s, which the window's start need not pay.
    from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog

    dialog = SheetPreviewDialog(window.store, assessment_id, window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


class SheetMenu(QObject):
    """The actions and their handlers; a child of the window, so its connections end with it.

    The window offers ``store``, ``current_assessment_id()``, ``reload()``, the
    signals ``assessmentChanged`` and ``closed``, and the menu "menuAssessment".
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.actions = SheetActions(
            preview=window_action(
                window,
                "actionSheetPreview",
                t(
                    "Pratinjau dan cetak lembar evaluasi…",
                    "Preview and print the evaluation sheet…",
                ),
                "Ctrl+P",
            ),
            finalize=window_action(
                window,
                "actionFinalize",
                t("Finalisasi dan kunci…", "Finalize and lock…"),
                "Ctrl+Shift+F",
            ),
            reopen=window_action(
                window,
                "actionReopen",
                t("Buka sebagai revisi baru…", "Reopen as a new revision…"),
                "Ctrl+Shift+E",
            ),
            verify=window_action(
                window,
                "actionVerifySheet",
                t("Verifikasi lembar…", "Verify a sheet…"),
                "Ctrl+Shift+V",
            ),
        )
        menu = window.findChild(QMenu, "menuAssessment")
        menu.addActions([self.actions.preview, self.actions.finalize, self.actions.reopen])
        menu.addSeparator()
        menu.addAction(self.actions.verify)
        self.actions.preview.triggered.connect(self.preview)
        self.actions.finalize.triggered.connect(self.finalize)
        self.actions.reopen.triggered.connect(self.reopen)
        self.actions.verify.triggered.connect(self.verify)
        window.assessmentChanged.connect(self.refresh)
        operations.notifier().changed.connect(self.refresh)
        window.closed.connect(self._detach)
        self.refresh()

    def _detach(self) -> None:
        """The window closed and its store closes next: stop answering store changes."""
        operations.notifier().changed.disconnect(self.refresh)

    def refresh(self, *_args: object) -> None:
        """Finalize applies to a draft, reopen to the newest finalized revision."""
        store, assessment_id = self.main.store, self.main.current_assessment_id()
        assessment = store.assessments.get(assessment_id) if assessment_id is not None else None
        newest = (
            store.assessments.current(assessment.agency_code, assessment.year)
            if assessment
            else None
        )
        final = assessment is not None and assessment.is_finalized
        self.actions.preview.setEnabled(assessment is not None)
        self.actions.finalize.setEnabled(assessment is not None and not final)
        self.actions.reopen.setEnabled(final and newest is not None and newest.id == assessment.id)

    def preview(self) -> SheetPreviewDialog | None:
        assessment_id = self.main.current_assessment_id()
        return open_preview(self.main, assessment_id) if assessment_id is not None else None

    def finalize(self) -> FinalizeDialog | None:
        """Confirm, lock, then show the sheet to print and sign."""
        from kotacerdas_desktop.gui.finalize_dialog import FinalizeDialog

        return self._confirm(FinalizeDialog, then_preview=True)

    def reopen(self) -> ReopenDialog | None:
        from kotacerdas_desktop.gui.finalize_dialog import ReopenDialog

        return self._confirm(ReopenDialog, then_preview=False)

    def _confirm(self, dialog_class: type[_Confirm], then_preview: bool) -> _Confirm | None:
        assessment_id = self.main.current_assessment_id()
        if assessment_id is None:
            return None
        dialog = dialog_class(self.main.store, assessment_id, self.main)
        dialog.finished.connect(dialog.deleteLater)

        def done() -> None:
            self.main.reload()
            if then_preview:
                open_preview(self.main, dialog.result_assessment.id)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def verify(self) -> VerifyDialog:
        from kotacerdas_desktop.gui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.main.store, self.main)
        dialog.finished.connect(dialog.deleteLater)
        dialog.showSheet.connect(lambda assessment_id: open_preview(self.main, assessment_id))
        dialog.open()
        return dialog


def install(window: QMainWindow) -> SheetMenu:
    """Add the sheet's actions to the window's "Penilaian" menu."""
    return SheetMenu(window)
