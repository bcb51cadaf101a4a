"""The keyboard flow without surprises: level keys only on the form, Tab from a level to the
justification, the keyboard on the form after the first start and after every move, and every
menu command with its key shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QRadioButton, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui import app, prompts
from kotacerdas_desktop.gui.first_run import FirstRunDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import stored_answer

JUSTIFICATION = "Ada 3 kanal; nomor 12 dan 45 (naskah n-1) sudah jalan"
FOLLOW_UP = "Tambah 2 kanal pada 2027"
COMMENT = "Periksa lagi nomor SK"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def on_form(window: MainWindow) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and (widget is window.form or window.form.isAncestorOf(widget))


def tab_until(qtbot: QtBot, window: MainWindow, target: QWidget, most: int = 12) -> list[str]:
    """Press Tab until ``target`` has the keyboard; every stop must be on the form."""
    stops = []
    for _ in range(most):
        if focused() is target:
            return stops
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert on_form(window), f"Tab left the form for {focused().objectName()} after {stops}"
        stops.append(focused().objectName())
    raise AssertionError(f"Tab never reached {target.objectName()}: {stops}")


def test_a_whole_indicator_typed_after_a_click_on_the_question(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    """The new user's way: click the question, press 3, Tab, type; then every other field."""
    window = demo_window
    window.activateWindow()
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    question = window.form.ui.labelQuestion
    qtbot.mouseClick(question, Qt.MouseButton.LeftButton, pos=QPoint(20, 8))
    assert on_form(window)
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    assert window.form.levels.value() == 3
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.form.ui.editJustification
    qtbot.keyClicks(focused(), JUSTIFICATION)  # "n" and digits are text here, never keys
    assert window.form.levels.value() == 3 and not window.form.ui.naReasonBox.isVisible()
    tab_until(qtbot, window, window.form.ui.editFollowUp)
    qtbot.keyClicks(focused(), FOLLOW_UP)
    tab_until(qtbot, window, window.form.ui.checkReview)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.form.ui.editReviewComment
    qtbot.keyClicks(focused(), COMMENT)
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.code != code and on_form(window)  # on the next one, ready for its level
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None
    assert (row["level"], row["not_applicable"], row["justification"]) == (3, 0, JUSTIFICATION)
    assert (row["follow_up"], row["review_flag"], row["review_comment"]) == (
        FOLLOW_UP,
        1,
        COMMENT,
    )
    qtbot.keyClick(focused(), Qt.Key.Key_4)  # the next indicator takes its level at once
    assert window.form.levels.value() == 4


def test_level_keys_do_nothing_away_from_the_form(demo_window: MainWindow, qtbot: QtBot) -> None:
    window = demo_window
    window.activateWindow()
    assert window.form.levels.value() is None
    toolbar = window.findChild(QToolBar, "toolbarMain")
    button = next(w for w in toolbar.findChildren(QWidget) if w.isVisible() and w.focusPolicy())
    places = [window.navigation.ui.treeNav, window.navigation.ui.lineSearch, button]
    for place in places:
        place.setFocus()
        assert focused() is place
        for key in (Qt.Key.Key_3, Qt.Key.Key_N):
            qtbot.keyClick(place, key)
        assert window.form.levels.value() is None, place.objectName()
        assert not window.form.ui.naReasonBox.isVisible()
    window.form.ui.editJustification.setFocus()
    qtbot.keyClicks(window.form.ui.editJustification, "n3")
    assert window.form.levels.value() is None


def test_n_on_the_form_opens_the_reason_and_tab_goes_on_to_the_justification(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    catalogue = window.editor.catalogue
    assert catalogue is not None
    code = next(i.code for i in catalogue.indicators() if i.allow_na)
    window.show_indicator(code, focus=True)
    qtbot.keyClick(focused(), Qt.Key.Key_N)
    assert focused() is window.form.ui.editNaReason
    qtbot.keyClicks(focused(), "Bukan urusan OPD")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.form.ui.editJustification


def test_the_keyboard_is_on_the_form_after_the_first_run(tmp_path: Path, qtbot: QtBot) -> None:
    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(10, fill_in)
            return
        qtbot.keyClicks(dialog.ui.editCity, "Kota Mojokerto")
        qtbot.keyClicks(dialog.ui.editAgency, "Dinas Komunikasi dan Informatika")
        dialog.ui.buttonStart.click()

    QTimer.singleShot(0, fill_in)
    window = app.start(tmp_path / "baru.sqlite")
    assert window is not None
    qtbot.waitUntil(lambda: on_form(window), timeout=5000)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    assert window.form.levels.value() == 2
    window.close()


def tab_stops(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    """Every widget Tab stops at on the form, from where the keyboard is until it leaves."""
    stops = [focused()]
    while len(stops) < 30:
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if not on_form(window) or focused() is stops[0]:
            return stops
        stops.append(focused())
    raise AssertionError("Tab went round the form without leaving it")


def reading_order(window: MainWindow, widgets: list[QWidget]) -> list[QWidget]:
    """Top to bottom, then left to right, as the form is read."""

    def place(widget: QWidget) -> tuple[int, int]:
        corner = widget.mapTo(window.form, QPoint(0, 0))
        return corner.y(), corner.x()

    return sorted(widgets, key=place)


@pytest.mark.parametrize("key", [Qt.Key.Key_3, Qt.Key.Key_N])
def test_the_tab_order_follows_the_form(demo_window: MainWindow, qtbot: QtBot, key: Qt.Key) -> None:
    """Tab walks the form as it is read, stops at every field once, and no field is skipped
    (the level cards are one stop, as a group of choices is)."""
    window = demo_window
    window.activateWindow()
    catalogue = window.editor.catalogue
    assert catalogue is not None
    window.show_indicator(next(i.code for i in catalogue.indicators() if i.allow_na), focus=True)
    qtbot.keyClick(focused(), key)
    stops = tab_stops(qtbot, window)
    assert stops == reading_order(window, stops), [w.objectName() for w in stops]
    reachable = [
        widget
        for widget in window.form.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not (isinstance(widget, QRadioButton) and not widget.hasFocus() and widget not in stops)
        and widget.focusProxy() is None
    ]
    missing = [widget.objectName() for widget in reachable if widget not in stops]
    assert missing == []
    names = [widget.objectName() for widget in stops]
    assert names.index("editJustification") < names.index("editFollowUp")
    assert (key == Qt.Key.Key_N) == ("editNaReason" in names)


def test_a_click_in_the_tree_puts_the_keyboard_on_the_form(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    window.activateWindow()
    navigation = window.navigation
    tree = navigation.ui.treeNav
    tree.setFocus()
    before = window.editor.code

    def row_of(code: str) -> QModelIndex:
        return navigation.proxy.mapFromSource(navigation.model.items[code].index())

    target = next(
        code
        for code in navigation.visible_codes()
        if code != before and not tree.visualRect(row_of(code)).isEmpty()
    )
    rect = tree.visualRect(row_of(target))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.code == target != before
    assert on_form(window)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    assert window.form.levels.value() == 2


def test_the_keyboard_follows_every_move_to_another_indicator(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    window = demo_window
    window.activateWindow()
    tree = window.navigation.ui.treeNav
    for move in (
        lambda: qtbot.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier),
        lambda: qtbot.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier),
        lambda: qtbot.keyClick(focused(), Qt.Key.Key_F8),
        lambda: (tree.setFocus(), qtbot.keyClick(tree, Qt.Key.Key_Down), qtbot.keyClick(tree, Qt.Key.Key_Return)),
    ):  # fmt: skip
        before = window.editor.code
        move()
        assert window.editor.code != before and on_form(window)
    tree.setFocus()
    before = window.editor.code
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # browsing the tree with arrows shows, and stays
    assert window.editor.code != before and focused() is tree
    search = window.navigation.ui.lineSearch
    qtbot.keyClick(focused(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is search
    qtbot.keyClicks(search, "pengaduan")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert on_form(window)


def test_every_menu_command_shows_its_key_and_the_key_list_is_the_menus(
    demo_window: MainWindow,
) -> None:
    menus = [action.menu() for action in demo_window.menuBar().actions()]
    choices = {"menuRecent", "menuLanguage"}  # recent files and languages are choices, not commands

    def commands(menu: QMenu) -> list:
        found = []
        for action in menu.actions():
            if action.menu() is not None:
                if action.menu().objectName() not in choices:
                    found += commands(action.menu())
            elif not action.isSeparator():
                found.append(action)
        return found

    every = [action for menu in menus for action in commands(menu)]
    assert len(every) > 25
    without = [action.text() for action in every if action.shortcut().isEmpty()]
    assert without == []
    keys = [action.shortcut().toString() for action in {id(a): a for a in every}.values()]
    assert len(keys) == len(set(keys)), "one key, one command"
    listed = dict(prompts.menu_keys(menus))
    for action in every:
        assert action.shortcut().toString() in listed  # Bantuan > Pintasan keyboard lists it
    demo_window.actions.shortcuts.trigger()
    box = demo_window.findChild(QMessageBox)
    assert box is not None and "Ctrl+Shift+F" in box.text() and "Finalisasi dan kunci" in box.text()
    box.reject()
