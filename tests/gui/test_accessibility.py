"""Every control of the main window and its main dialogs has a name a screen reader says (its
own accessible name, its text, or a visible label that is its buddy), and predicates are said in
words, never by colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

from kotacerdas_desktop.gui.agency_dialog import AgencyDialog
from kotacerdas_desktop.gui.backups_dialog import BackupsDialog
from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog
from kotacerdas_desktop.gui.first_run import FirstRunDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog
from kotacerdas_desktop.gui.verify_dialog import VerifyDialog
from kotacerdas_desktop.store import Store

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
)


def spoken_name(control: QWidget, window: QWidget) -> str:
    if control.accessibleName():
        return control.accessibleName()
    if isinstance(control, QAbstractButton) and control.text().replace("&", "").strip():
        return control.text()
    labels = [
        label.text()
        for label in window.findChildren(QLabel)
        if label.buddy() is control and label.isVisibleTo(window) and label.text().strip()
    ]
    return labels[0] if labels else ""


def unnamed(window: QWidget) -> list[str]:
    window.show()
    controls = [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CONTROLS)
        and not isinstance(widget, QHeaderView)  # part of its table
        and not widget.objectName().startswith("qt_")  # Qt's own parts (a spin box's field)
        and widget.window() is window  # not a combo's own popup list
        and widget.isVisibleTo(window)
    ]
    assert controls
    return [f"{type(c).__name__} {c.objectName()}" for c in controls if not spoken_name(c, window)]


DIALOGS = {
    "sheet preview": lambda w, s: SheetPreviewDialog(s, w.current_assessment_id(), w),
    "agency settings": lambda w, s: AgencyDialog(s, w.switcher.agency(), w),
    "first run": lambda w, s: FirstRunDialog(s, w),
    "evidence": lambda w, s: EvidenceDialog(w, None, w.form, lambda *_: None),
    "verify": lambda w, s: VerifyDialog(s, w),
    "backups": lambda w, s: BackupsDialog(s, w),
}


def test_every_control_of_the_main_window_has_a_name(demo_window: MainWindow) -> None:
    assert unnamed(demo_window) == []


@pytest.mark.parametrize("dialog", DIALOGS)
def test_every_control_of_a_dialog_has_a_name(
    demo_window: MainWindow, demo_store: Store, dialog: str
) -> None:
    window = DIALOGS[dialog](demo_window, demo_store)
    try:
        assert unnamed(window) == []
    finally:
        window.close()


def test_the_form_fields_are_named_by_their_labels(demo_window: MainWindow) -> None:
    ui = demo_window.form.ui
    assert spoken_name(ui.editJustification, demo_window) == "Justifikasi"
    assert spoken_name(ui.editFollowUp, demo_window).startswith("Rencana tindak lanjut")


def test_predicates_are_said_in_words(demo_window: MainWindow) -> None:
    catalogue = demo_window.editor.catalogue
    assert catalogue is not None
    words = {str(p.label) for p in catalogue.predicates}
    navigation = demo_window.navigation
    assert any(word in navigation.ui.labelPredicate.text() for word in words)
    lenses = navigation.lens_bars.accessibleName().splitlines()
    assert len(lenses) == len(list(catalogue.lenses))
    for line in lenses:
        assert any(line.endswith(f" · {word}") for word in words), line
    assert navigation.lens_bars.toolTip() == navigation.lens_bars.accessibleName()
