"""Start the GUI on a database file."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from kotacerdas_desktop.store import Store


def run(db_path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    store = Store.open(db_path)
    window = QMainWindow()
    window.setWindowTitle("KotaCerdas Desktop")
    window.setCentralWidget(QLabel(f"Basis data: {store.path}"))
    window.resize(1024, 700)
    window.show()
    return app.exec()
