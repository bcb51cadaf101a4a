"""Start the GUI: one QApplication, the light style, the database opened off the GUI thread, the window.

``run(db_path)`` is what the ``kotacerdas`` command calls; ``start(db_path)``
does everything but the event loop, for tests and benchmarks;
``start_and_quit(db_path)`` is how the build and the benchmarks time a cold start.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from kotacerdas_desktop import language
from kotacerdas_desktop.domain.errors import DamagedError, KotaCerdasError, StorageError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background, preferences
from kotacerdas_desktop.gui.daily_backup import DailyBackup
from kotacerdas_desktop.gui.error_dialog import install_error_handlers
from kotacerdas_desktop.gui.instance import DatabaseLock
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.gui.qt_language import use_language
from kotacerdas_desktop.gui.screen_fit import maximize_on_small_screen
from kotacerdas_desktop.gui.uiloader import app_icon
from kotacerdas_desktop.resources import ui_path
from kotacerdas_desktop.store import Store, backups, default_db_path

_windows: list[MainWindow] = []  # open windows, kept alive here
_locks: dict[MainWindow, DatabaseLock] = {}  # each window's hold on its file


def light_palette() -> QPalette:
    """The same light look on every PC, whatever the OS theme (the style sheet assumes it)."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#f4f6f9"),
        (QPalette.ColorRole.WindowText, "#1f2733"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.AlternateBase, "#f7f9fc"),
        (QPalette.ColorRole.Text, "#1f2733"),
        (QPalette.ColorRole.Button, "#ffffff"),
        (QPalette.ColorRole.ButtonText, "#1f2733"),
        (QPalette.ColorRole.Highlight, "#d9e6f7"),
        (QPalette.ColorRole.HighlightedText, "#0f2f5c"),
        (QPalette.ColorRole.ToolTipBase, "#ffffff"),
        (QPalette.ColorRole.ToolTipText, "#1f2733"),
        (QPalette.ColorRole.PlaceholderText, "#8a94a3"),
        (QPalette.ColorRole.Link, "#1d5fbf"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a94a3"))
    return palette


def create_app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional Windows scaling (125 %, 150 %) is drawn at its real size, not rounded.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(sys.argv)
    app.setOrganizationName(preferences.ORGANIZATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    app.setPalette(light_palette())
    app.setStyleSheet(ui_path("style.qss").read_text(encoding="utf-8"))
    use_language(app)
    return app


def refuse(message: str) -> None:
    """Why a file cannot be opened (there may be no window yet to show it in)."""
    QMessageBox.critical(None, "KotaCerdas", message)


def offer_restore(path: Path, error: DamagedError) -> bool:
    """A damaged file at start: explain, and offer the newest backup that passes its check."""
    newest = backups.newest_good(path)
    if newest is None:
        refuse(
            str(
                t(
                    f"{error}\n\nTidak ada cadangan yang baik di {backups.backup_folder(path)}.",
                    f"{error}\n\nThere is no sound backup in {backups.backup_folder(path)}.",
                )
            )
        )
        return False
    held = backups.contents(newest.path).describe()
    box = QMessageBox(QMessageBox.Icon.Critical, "KotaCerdas", "")
    box.setObjectName("damagedBox")
    box.setText(
        str(
            t(
                f"{error}\n\nCadangan terbaru yang baik: {newest.made:%d-%m-%Y %H:%M} ({held}). "
                "Pulihkan cadangan itu? Berkas yang rusak disimpan di folder cadangan, tidak dihapus.",
                f"{error}\n\nNewest sound backup: {newest.made:%d-%m-%Y %H:%M} ({held}). "
                "Restore it? The damaged file is kept in the backups folder, not deleted.",
            )
        )
    )
    restore = box.addButton(
        str(t("Pulihkan cadangan ini", "Restore this backup")), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(str(t("Tutup", "Close")), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        backups.restore(path, newest.path)
    except KotaCerdasError as failure:
        refuse(str(failure))
        return False
    return True


def open_store(path: Path) -> Store | None:
    """Open (check, back up, migrate) the file in a worker so a big file cannot freeze the screen;
    a damaged file is explained and the newest sound backup offered in its place."""
    while True:
        try:
            background.run_and_wait(
                lambda progress: Store.open(path).close(),
                parent=None,
                title=str(t(f"Membuka {path.name} …", f"Opening {path.name} …")),
                cancellable=False,
            )
            return Store.open(path, checked=True)
        except DamagedError as error:
            if not offer_restore(path, error):
                return None
        except KotaCerdasError as error:
            refuse(str(error))
            return None


def start(db_path: Path | None, lock: DatabaseLock | None = None) -> MainWindow | None:
    """Open the database (asking city, agency and year the first time) and show its window.

    One window per file: the file's lock is taken first (or handed over by a
    restore) and released when the window closes or the start fails."""
    create_app()
    path = Path(db_path) if db_path else preferences.last_database() or default_db_path()
    if lock is None:
        lock = DatabaseLock(path)
        try:
            lock.acquire()
        except StorageError as error:
            refuse(str(error))
            return None
    store = open_store(path)
    if store is None:
        lock.release()
        return None
    preferences.remember_file(store.path)
    language.apply_setting(store.settings.language())  # unless --lang or KOTACERDAS_LANG chose
    use_language(QApplication.instance())
    if not store.agencies.names():
        from kotacerdas_desktop.gui.first_run import FirstRunDialog  # a new file's only

        FirstRunDialog(store).exec()
    window = MainWindow(store)
    window.openDatabaseRequested.connect(lambda new_path: _switch(window, new_path))
    window.restoreRequested.connect(lambda source: _restore(window, source))
    window.reopenRequested.connect(lambda: _reopen(window))
    window.closed.connect(lambda: _closed(window))
    _windows.append(window)
    _locks[window] = lock
    DailyBackup(store.path, window)
    if window.restored or not maximize_on_small_screen(window):
        window.show()
    # After the first-run dialog no window of ours is active: make this one the active window,
    # so the keys typed next reach the form (the level cards have the keyboard).
    window.activateWindow()
    window.form.focus_start()
    return window


def _switch(window: MainWindow, path: Path) -> None:
    if Path(path).resolve() == window.store.path.resolve():
        return  # this window has that file open already
    if start(path) is not None:
        window.close()


def _restore(window: MainWindow, source: Path) -> None:
    """Close the window, put the backup in the file's place, and open it again."""

    def put_back(path: Path) -> None:
        try:
            backups.restore(path, source)
        except KotaCerdasError as error:
            refuse(str(error))

    _reopen(window, put_back)


def _reopen(window: MainWindow, meanwhile: Callable[[Path], None] | None = None) -> None:
    """Close the window, do ``meanwhile`` to its file, and open it again (in the language now
    saved); the file's lock is kept the whole time, so no other program opens it in between."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    path, lock = window.store.path, _locks.pop(window)
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    try:
        window.close()
        if meanwhile is not None:
            meanwhile(path)
        if start(path, lock) is None and not _windows:
            app.quit()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)


def _closed(window: MainWindow) -> None:
    if window in _windows:
        _windows.remove(window)
        window.store.close()
    lock = _locks.pop(window, None)
    if lock is not None:
        lock.release()


def run(db_path: Path | None) -> int:
    app = create_app()
    install_error_handlers()
    if start(db_path) is None:
        return 1
    return app.exec()


def start_and_quit(db_path: Path | None) -> int:
    """Start the GUI as ``run`` does, and quit once its event loop runs: everything a user
    waits for (imports, opening the file, the window shown), nothing after. It lives here,
    beside ``run``, so that the start timed imports what a user's start imports."""
    app = create_app()
    if start(db_path) is None:
        return 1
    QTimer.singleShot(0, app.quit)
    return app.exec()
