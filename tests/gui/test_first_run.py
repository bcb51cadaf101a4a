"""The first start on an empty database: city, agency and year; or the demo city."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui.first_run import FirstRunDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory
from tests.helpers import snapshot


def first_run(store: Store, qtbot: QtBot) -> FirstRunDialog:
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_three_fields_start_the_assessment(
    store: Store, qtbot: QtBot, open_window: WindowFactory
) -> None:
    dialog = first_run(store, qtbot)
    assert str(store.path) in dialog.ui.labelIntro.text()  # a mistyped path is seen at once
    qtbot.keyClicks(dialog.ui.editCity, "Kota Mojokerto")
    qtbot.keyClicks(dialog.ui.editAgency, "Dinas Komunikasi dan Informatika")
    assert dialog.ui.editCode.text() == "DKI"
    dialog.ui.editCode.clear()
    qtbot.keyClicks(dialog.ui.editCode, "diskominfo")
    dialog.ui.spinYear.setValue(2026)
    qtbot.mouseClick(dialog.ui.buttonStart, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert store.settings.get("city_name") == "Kota Mojokerto"
    agency = store.agencies.get("DISKOMINFO")
    assert (agency.name, agency.city) == ("Dinas Komunikasi dan Informatika", "Kota Mojokerto")
    assessment = store.assessments.current("DISKOMINFO", 2026)
    assert assessment is not None

    window: MainWindow = open_window(store)
    assert window.current_assessment_id() == assessment.id
    first = window.navigation.model.codes[0]
    assert window.editor.code == first
    assert window.navigation.ui.labelCompleteness.text().startswith("0 dari ")


def test_missing_fields_are_named_next_to_them_and_nothing_is_stored(
    store: Store, qtbot: QtBot
) -> None:
    dialog = first_run(store, qtbot)
    before = snapshot(store.path)
    qtbot.mouseClick(dialog.ui.buttonStart, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorCity.isVisible()
    assert dialog.ui.errorCity.text() == "Nama pemerintah kota wajib diisi."
    qtbot.keyClicks(dialog.ui.editCity, "Kota Mojokerto")
    qtbot.mouseClick(dialog.ui.buttonStart, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorCode.isVisible() and "Kode OPD" in dialog.ui.errorCode.text()
    assert dialog.isVisible()
    assert snapshot(store.path) == before


def test_demo_city_is_filled_in_the_background(store: Store, qtbot: QtBot) -> None:
    dialog = first_run(store, qtbot)
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        qtbot.mouseClick(dialog.ui.buttonDemo, Qt.MouseButton.LeftButton)
        assert not dialog.isEnabled()  # the worker is filling; the dialog still paints
    assert dialog.demo
    assert len(store.agencies.list()) == 10
    assert store.settings.get("city_name") == "Kota Mojokerto"


def test_a_required_message_goes_as_soon_as_the_field_is_filled(store: Store, qtbot: QtBot) -> None:
    dialog = first_run(store, qtbot)
    qtbot.mouseClick(dialog.ui.buttonStart, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorCity.isVisible()
    qtbot.keyClicks(dialog.ui.editCity, "   ")  # still empty to the rule: the message stays
    assert dialog.ui.errorCity.isVisible()
    qtbot.keyClicks(dialog.ui.editCity, "Kota")
    assert not dialog.ui.errorCity.isVisible()
    qtbot.keyClicks(dialog.ui.editCity, "Kota Mojokerto")
    qtbot.keyClicks(dialog.ui.editAgency, "Dinas Kesehatan")
    dialog.ui.editCode.setText("DIN KES")
    qtbot.mouseClick(dialog.ui.buttonStart, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorCode.isVisible()
    qtbot.keyClick(dialog.ui.editCode, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.ui.editCode, "x")  # still a space in it
    assert dialog.ui.errorCode.isVisible()
    dialog.ui.editCode.setText("DINKES")
    assert not dialog.ui.errorCode.isVisible()


def test_the_fields_leave_room_for_descenders(store: Store, qtbot: QtBot, qapp) -> None:
    """With the app's style sheet, each line of text has two pixels or more above and below."""
    from kotacerdas_desktop.resources import ui_path

    qapp.setStyleSheet(ui_path("style.qss").read_text(encoding="utf-8"))
    try:
        dialog = first_run(store, qtbot)
        qtbot.waitExposed(dialog)
        boxes = text_boxes(dialog)
    finally:
        qapp.setStyleSheet("")
    for name, (text_height, font_height) in boxes.items():
        assert text_height >= font_height + 4, name


def text_boxes(dialog: FirstRunDialog) -> dict[str, tuple[int, int]]:
    """Each field's room for its text, and the height of a line of its font."""
    from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

    boxes = {}
    for edit in (dialog.ui.editCity, dialog.ui.editAgency, dialog.ui.editCode):
        assert isinstance(edit, QLineEdit)
        option = QStyleOptionFrame()
        edit.initStyleOption(option)
        box = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
        boxes[edit.objectName()] = (box.height(), edit.fontMetrics().height())
    return boxes
