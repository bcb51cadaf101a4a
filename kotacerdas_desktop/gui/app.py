"""Start the GUI: one QApplication, the light style, the database opened off the GUI thread, the window.

``run(db_path)`` is what the ``kotacerdas`` command calls; ``start(db_path)``
does everything but the event loop, for tests and benchmarks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background, preferences
from kotacerdas_desktop.gui.first_run import FirstRunDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.gui.uiloader import app_icon
from kotacerdas_desktop.resources import ui_path
from kotacerdas_desktop.store import Store, default_db_path

_windows: list[MainWindow] = []  # open windows, kept alive here


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
    return app


def open_store(path: Path) -> Store | None:
    """Open (check, back up, migrate) the file in a worker so a big file cannot freeze the screen."""
    try:
        background.run_and_wait(
            lambda progress: Store.open(path).close(),
            parent=None,
            title=str(t(f"Membuka {path.name} …", f"Opening {path.name} …")),
            cancellable=False,
        )
        return Store.open(path)
    except KotaCerdasError as error:
        QMessageBox.critical(None, "KotaCerdas", str(error))
        return None


def start(db_path: Path | None) -> MainWindow | None:
    """Open the database (asking city, agency and year the first time) and show its window."""
    create_app()
    path = Path(db_path) if db_path else preferences.last_database() or default_db_path()
    store = open_store(path)
    if store is None:
        return None
    preferences.remember_file(store.path)
    if not store.agencies.list():
        FirstRunDialog(store).exec()
    window = MainWindow(store)
    window.openDatabaseRequested.connect(lambda new_path: _switch(window, new_path))
    window.closed.connect(lambda: _closed(window))
    _windows.append(window)
    screen = window.screen().availableGeometry()
    if not window.restored and screen.width() <= 1440:
        # The usual office laptop (1366x768): use the whole screen from the first start.
        window.resize(screen.size())
        window.showMaximized()
    else:
        window.show()
    window.form.focus_start()
    return window


def _switch(window: MainWindow, path: Path) -> None:
    if start(path) is not None:
        window.close()


def _closed(window: MainWindow) -> None:
    if window in _windows:
        _windows.remove(window)
        window.store.close()


def run(db_path: Path | None) -> int:
    app = create_app()
    if start(db_path) is None:
        return 1
    return app.exec()
