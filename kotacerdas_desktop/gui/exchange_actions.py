"""Packages from the File menu: an agency exports its assessment for the coordinator, and the
coordinator imports many at once (files, a folder, or dropped onto the window).

Both run off the GUI thread with progress and cancel; the import ends in a table
of outcomes (gui/import_results.py), from which a decision the import waited
for (a new signing key, a missing framework) runs the import again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from kotacerdas_desktop.domain.package import ImportOutcome
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import operations, prompts
from kotacerdas_desktop.gui.window_menus import window_action

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.import_results import ImportResultsDialog

PACKAGE_FILTER = t("Paket KotaCerdas (*.kcpkg)", "KotaCerdas packages (*.kcpkg)")
SUFFIX = ".kcpkg"


@dataclass
class ExchangeActions:
    export: QAction
    import_files: QAction
    import_folder: QAction


def dropped_packages(event: QDropEvent) -> list[Path]:
    """The package files and folders in a drop (anything else is ignored)."""
    paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() == SUFFIX]


class ExchangeMenu(QObject):
    """The actions, their handlers and the drop target; a child of the window.

    The window offers ``store``, ``current_assessment_id()``, the signal
    ``assessmentChanged`` and the menu "menuFile".
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.actions = ExchangeActions(
            export=window_action(
                window, "actionExportPackage", t("Ekspor paket…", "Export package…"), "Ctrl+E"
            ),
            import_files=window_action(
                window,
                "actionImportPackages",
                t("Impor paket OPD…", "Import agency packages…"),
                "Ctrl+I",
            ),
            import_folder=window_action(
                window,
                "actionImportFolder",
                t("Impor folder paket…", "Import a folder of packages…"),
                "Ctrl+Shift+I",
            ),
        )
        exchange = [self.actions.export, self.actions.import_files, self.actions.import_folder]
        menu = window.findChild(QMenu, "menuFile")
        limit = window.findChild(QAction, "actionAttachmentLimit")  # after the open/recent group
        menu.insertActions(limit, exchange)
        menu.insertSeparator(limit)
        city = window.findChild(QMenu, "menuCity")  # the coordinator's menu holds the import too
        city.addSeparator()
        city.addActions([self.actions.import_files, self.actions.import_folder])
        self.actions.export.triggered.connect(self.export)
        self.actions.import_files.triggered.connect(self.choose_files)
        self.actions.import_folder.triggered.connect(self.choose_folder)
        window.assessmentChanged.connect(self.refresh)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.actions.export.setEnabled(self.main.current_assessment_id() is not None)

    # Export ---------------------------------------------------------------------

    def export(self) -> None:
        from kotacerdas_desktop.exchange.export import package_file_name

        store, assessment_id = self.main.store, self.main.current_assessment_id()
        if assessment_id is None:
            return
        assessment = store.assessments.get(assessment_id)
        if not assessment.is_finalized and not self._confirm_draft():
            return
        name, _ = QFileDialog.getSaveFileName(
            self.main,
            str(t("Ekspor paket", "Export package")),
            str(Path.home() / package_file_name(assessment)),
            str(PACKAGE_FILTER),
        )
        if not name:
            return
        out = Path(name) if name.lower().endswith(SUFFIX) else Path(name + SUFFIX)
        operations.export_package(
            store, assessment_id, out, parent=self.main, on_done=lambda path: self._exported(path)
        )

    def _confirm_draft(self) -> bool:
        return prompts.confirm(
            self.main,
            t("Ekspor draf", "Export a draft"),
            str(
                t(
                    "Penilaian ini masih draf. Paketnya hanya cadangan: ditandai DRAF dan tidak "
                    "dihitung koordinator. Finalisasi dulu untuk mengirim penilaian yang dihitung.\n\n"
                    "Ekspor sebagai cadangan?",
                    "This assessment is still a draft. Its package is only a backup: marked DRAFT "
                    "and never counted by the coordinator. Finalize first to send one that counts.\n\n"
                    "Export as a backup?",
                )
            ),
            yes=t("Ekspor sebagai cadangan", "Export as a backup"),
        )

    def _exported(self, path: Path) -> None:
        key = self.main.store.installation.key_fingerprint
        self.main.statusBar().showMessage(
            str(
                t(
                    f"Paket ditulis ke {path} (kunci {key}).",
                    f"Package written to {path} (key {key}).",
                )
            ),
            10_000,
        )

    # Import ---------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.main, str(t("Impor paket OPD", "Import agency packages")), "", str(PACKAGE_FILTER)
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.main, str(t("Folder berisi paket OPD", "Folder holding agency packages"))
        )
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(
        self,
        paths: list[Path],
        accept_new_keys: tuple[str, ...] = (),
        import_catalogues: bool = False,
    ) -> None:
        from kotacerdas_desktop.exchange.importer import package_files

        files = package_files(paths)
        operations.import_packages(
            self.main.store,
            files,
            parent=self.main,
            on_done=lambda outcomes: self.show_results(outcomes, files),
            accept_new_keys=accept_new_keys,
            import_catalogues=import_catalogues,
        )

    def show_results(self, outcomes: list[ImportOutcome], files: list[Path]) -> ImportResultsDialog:
        # Imported on first use: the window's start need not pay for it.
        from kotacerdas_desktop.gui.import_results import ImportResultsDialog

        dialog = ImportResultsDialog(outcomes, len(files), self.main)
        dialog.finished.connect(dialog.deleteLater)
        by_name = {path.name: path for path in files}

        def retry(names: list[str], agencies: tuple[str, ...], catalogues: bool) -> None:
            self.import_paths([by_name[n] for n in names], agencies, catalogues)

        dialog.retry.connect(retry)
        dialog.open()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Package files or a folder dragged from Explorer onto the window import at once."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and dropped_packages(
            event
        ):
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop and dropped_packages(event):
            event.acceptProposedAction()
            self.import_paths(dropped_packages(event))
            return True
        return super().eventFilter(watched, event)


def install(window: QMainWindow) -> ExchangeMenu:
    """Add export and import to the window's File menu and accept dropped packages."""
    return ExchangeMenu(window)
