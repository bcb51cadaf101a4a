"""Berkas > Cadangan dan pulihkan: the backups of this file with their date and what each holds.

"Buat cadangan sekarang" makes a verified backup in the background;
"Pulihkan" asks once, then the launcher closes the window, restores the
chosen backup (the current file is set aside, never deleted) and reopens it.
The same ``ask_restore`` serves the damaged-file dialog at start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import operations, prompts
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.uiloader import close_buttons
from kotacerdas_desktop.store import Store, backups

KINDS = {
    backups.DAILY: t("harian", "daily"),
    backups.MANUAL: t("manual", "manual"),
    backups.BEFORE_RESTORE: t("sebelum pemulihan", "before a restore"),
}


def kind_label(kind: str) -> LocalText:
    if kind.startswith("migration-v"):
        version = kind.removeprefix("migration-v")
        return t(f"sebelum pembaruan skema {version}", f"before schema upgrade {version}")
    return KINDS.get(kind, LocalText(kind))


def ask_restore(parent: QWidget, db_path: Path, source: Path) -> bool:
    """Confirm replacing the database with ``source``; False when the user says no or it is unusable."""
    try:
        backups.verify_backup(source)
        held = backups.contents(source).describe()
    except KotaCerdasError as error:
        prompts.inform(parent, str(error))
        return False
    return prompts.confirm(
        parent,
        t("Pulihkan cadangan", "Restore a backup"),
        str(
            t(
                f"{db_path.name} akan diganti dengan cadangan {source.name} ({held}).\n\n"
                "Berkas yang sekarang tidak dihapus: disimpan di folder cadangan. Lanjutkan?",
                f"{db_path.name} will be replaced by the backup {source.name} ({held}).\n\n"
                "The current file is not deleted: it is kept in the backups folder. Continue?",
            )
        ),
        yes=t("Pulihkan", "Restore"),
    )


class BackupsDialog(QDialog):
    restoreRequested = Signal(object)  # Path of the backup to restore

    COLUMNS = (
        t("Dibuat", "Made"),
        t("Jenis", "Kind"),
        t("OPD", "Agencies"),
        t("Tahun", "Years"),
        t("Jawaban", "Answers"),
        t("Ukuran", "Size"),
    )

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.store = store
        self.setWindowTitle(str(t("Cadangan dan pulihkan", "Backups and restore")))
        intro = QLabel(
            str(
                t(
                    f"Cadangan {store.path.name} disimpan di {backups.backup_folder(store.path)}: "
                    "satu per hari (7 hari dan 4 minggu terakhir), satu sebelum setiap pembaruan "
                    "skema, dan yang Anda buat sendiri. Setiap cadangan diperiksa keutuhannya.",
                    f"Backups of {store.path.name} are kept in {backups.backup_folder(store.path)}: "
                    "one a day (the last 7 days and 4 weeks), one before each schema upgrade, and "
                    "the ones you make. Each backup is checked when it is made.",
                )
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("tableBackups")
        self.table.setAccessibleName(str(t("Daftar cadangan", "Backups")))
        self.table.setHorizontalHeaderLabels([str(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = close_buttons(self)
        self.make_button = self._button(
            buttons, "buttonMakeBackup", t("Buat cadangan sekarang", "Back up now")
        )
        self.restore_button = self._button(buttons, "buttonRestore", t("Pulihkan…", "Restore…"))
        self.file_button = self._button(
            buttons, "buttonRestoreFile", t("Pulihkan dari berkas…", "Restore from a file…")
        )
        self.folder_button = self._button(
            buttons, "buttonOpenFolder", t("Buka folder", "Open folder")
        )
        self.make_button.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_from_file)
        self.folder_button.clicked.connect(self.open_folder)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout = QVBoxLayout(self)
        for widget in (intro, self.table, self.status, buttons):
            layout.addWidget(widget)
        fit_to_screen(self, 820, 440)
        self.refresh()

    def _button(self, box: QDialogButtonBox, name: str, text: LocalText) -> QPushButton:
        button = QPushButton(str(text), self)
        button.setObjectName(name)
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def refresh(self) -> None:
        """Read the backups folder again (newest first), with what each backup holds."""
        self.backups = backups.list_backups(self.store.path)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            try:
                held = backups.contents(backup.path)
                cells = [
                    str(held.agencies),
                    ", ".join(str(y) for y in held.years) or "-",
                    str(held.answers),
                ]
            except KotaCerdasError:
                cells = [str(t("tidak terbaca", "unreadable")), "", ""]
            size = f"{backup.path.stat().st_size / 1e6:.1f} MB"
            values = [f"{backup.made:%d-%m-%Y %H:%M}", str(kind_label(backup.kind)), *cells, size]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if self.backups:
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None

    def make_backup(self) -> None:
        self.make_button.setEnabled(False)
        self.status.setText(str(t("Membuat cadangan…", "Backing up…")))

        def done(path: Path) -> None:
            self.make_button.setEnabled(True)
            self.status.setText(
                str(t(f"Cadangan dibuat: {path.name}", f"Backup made: {path.name}"))
            )
            self.refresh()

        task = operations.make_backup(self.store, parent=self, on_done=done)
        task.signals.failed.connect(lambda _error: self.make_button.setEnabled(True))

    def restore_selected(self) -> None:
        source = self.selected()
        if source is not None and ask_restore(self, self.store.path, source):
            self.restoreRequested.emit(source)
            self.accept()

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            str(t("Pulihkan dari berkas", "Restore from a file")),
            str(backups.backup_folder(self.store.path)),
            str(
                t(
                    "Cadangan KotaCerdas (*.sqlite *.db);;Semua berkas (*)",
                    "KotaCerdas backups (*.sqlite *.db);;All files (*)",
                )
            ),
        )
        if name and ask_restore(self, self.store.path, Path(name)):
            self.restoreRequested.emit(Path(name))
            self.accept()

    def open_folder(self) -> None:
        folder = backups.backup_folder(self.store.path)
        folder.mkdir(exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
