"""Run by test_autosave in a subprocess: start the app on a database, type, and wait to be killed.

It types FIRST into the justification of the indicator shown, waits for the
autosave tick to land, prints "SAVED <code>", types SECOND, prints "TYPED"
and keeps running until the test sends SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kotacerdas_desktop.gui import app

FIRST = "Tersimpan sebelum aplikasi mati."
SECOND = " Ekor yang belum sempat disimpan."


def main(db: Path) -> int:
    window = app.start(db)
    assert window is not None
    field = window.form.ui.editJustification
    code = window.editor.code

    def type_second() -> None:
        QTest.keyClicks(field, SECOND)
        print("TYPED", flush=True)

    def saved(saved_code: str, _seconds: float) -> None:
        window.editor.saved.disconnect(saved)
        print(f"SAVED {saved_code}", flush=True)
        QTimer.singleShot(0, type_second)

    window.editor.saved.connect(saved)
    field.setFocus()
    print(f"CODE {code} {window.current_assessment_id()}", flush=True)
    QTest.keyClicks(field, FIRST)
    return QApplication.instance().exec()  # type: ignore[union-attr]


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
