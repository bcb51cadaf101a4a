"""Opens the app, its print preview and its main dialogs on the screen the environment describes
(QT_QPA_PLATFORM=offscreen:configfile=..., QT_SCALE_FACTOR) and prints, as JSON, where each one
lies against the screen's free area (tests/gui/test_screen_fit.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

from kotacerdas_desktop.gui import app
from kotacerdas_desktop.gui.agency_dialog import AgencyDialog
from kotacerdas_desktop.gui.backups_dialog import BackupsDialog
from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog
from kotacerdas_desktop.gui.first_run import FirstRunDialog
from kotacerdas_desktop.gui.plan_window import AgencyPlanWindow
from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog
from kotacerdas_desktop.gui.verify_dialog import VerifyDialog


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def scrolled(button: QWidget, window: QWidget) -> bool:
    """In a scroll area, where it is reached by scrolling, not by the window's size."""
    parent = button.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def placed(widget: QWidget) -> dict:
    """The window's place, its smallest size, and the place of every visible button that is
    not in a scroll area."""
    widget.show()
    QApplication.processEvents()
    buttons = {
        b.objectName() or b.text(): rect(QRect(b.mapTo(widget, b.rect().topLeft()), b.size()))
        for b in widget.findChildren(QAbstractButton)
        if b.isVisibleTo(widget) and b.window() is widget and not scrolled(b, widget)
    }
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return {
        "geometry": rect(widget.geometry()),
        "minimum": [minimum.width(), minimum.height()],
        "buttons": buttons,
    }


def main(db: Path) -> None:
    window = app.start(db)
    assert window is not None
    QApplication.processEvents()
    store = window.store
    assessment_id = window.current_assessment_id()
    assert assessment_id is not None
    found = {
        "screen": rect(window.screen().availableGeometry()),
        "mainWindow": placed(window),
    }
    dialogs = {
        "sheetPreview": SheetPreviewDialog(store, assessment_id, window),
        "agencySettings": AgencyDialog(store, window.switcher.agency(), window),
        "firstRun": FirstRunDialog(store, window),
        "evidence": EvidenceDialog(window, None, window.form, lambda *_: None),
        "verify": VerifyDialog(store, window),
        "backups": BackupsDialog(store, window),
        "plan": AgencyPlanWindow(window),
    }
    for name, dialog in dialogs.items():
        found[name] = placed(dialog)
        dialog.hide()
    print(json.dumps(found))
    sys.stdout.flush()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
