"""The GUI survives many Qt calls on Python 3.11 with PySide6 6.12 (see gui/qt_compat.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import kotacerdas_desktop.gui
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Source(QObject):
    fired = Signal(str)

app = QApplication([])
label, source = QLabel(), Source()
source.fired.connect(label.setText)
for n in range(60000):
    label.setVisible(False)
    source.fired.emit("x")
print("done")
"""


def test_sixty_thousand_calls_and_signals_do_not_abort_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
