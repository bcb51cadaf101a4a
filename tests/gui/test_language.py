"""The English interface comes from the same forms; the language is chosen in the app (Bantuan >
Bahasa / Language), saved in the file and applied by reopening the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop import language
from kotacerdas_desktop.gui import app
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory, answer_modal, demo_copy


def test_window_speaks_english(
    english: None, demo_store: Store, open_window: WindowFactory
) -> None:
    window: MainWindow = open_window(demo_store)
    assert window.form.ui.labelJustification.text() == "Justification"
    assert window.form.ui.groupEvidence.title() == "Evidence"
    assert window.menuBar().actions()[0].text() == "&File"
    assert (
        window.findChild(type(window.actions.menu_assessment), "menuAssessment").title()
        == "&Assessment"
    )
    assert "indicators answered" in window.navigation.ui.labelCompleteness.text()
    question = window.form.ui.labelQuestion.text()
    assert question == str(window.editor.catalogue.indicator(window.editor.code).question)  # type: ignore[union-attr]
    assert question.startswith(
        ("To what", "How", "Does", "Is", "Has", "Are", "What", "Which", "Do")
    )


def choose_language(window: MainWindow, code: str) -> None:
    """Bantuan > Bahasa / Language > the language, as a user picks it."""
    help_menu = window.findChild(QMenu, "menuHelp")
    languages = window.findChild(QMenu, "menuLanguage")
    assert languages in [action.menu() for action in help_menu.actions()]
    assert languages.title() == "Bahasa / Language"
    next(a for a in languages.actions() if a.data() == code).trigger()


def test_choosing_english_saves_it_and_reopens_the_window_in_english(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KOTACERDAS_LANG")
    language.start(None)  # started without --lang and KOTACERDAS_LANG: the setting decides
    path = demo_copy(demo_db_template, tmp_path)
    window = app.start(path)
    assert window is not None and window.menuBar().actions()[0].text() == "&Berkas"
    indicator = window.editor.code
    asked = answer_modal("Buka ulang sekarang")
    choose_language(window, "en")
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "Buka ulang jendela sekarang dalam bahasa itu" in asked[0]
    (reopened,) = app._windows
    assert reopened is not window and reopened.store.path == path
    assert reopened.menuBar().actions()[0].text() == "&File"
    assert reopened.form.ui.labelJustification.text() == "Justification"
    assert reopened.editor.code == indicator  # back where it was
    assert reopened.actions.languages["en"].isChecked()
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel"  # Qt's own words follow
    with Store.open(path) as store:
        assert store.settings.language() == "en"
    reopened.close()


def test_later_keeps_the_window_and_the_next_start_is_english(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KOTACERDAS_LANG")
    language.start(None)  # started without --lang and KOTACERDAS_LANG: the setting decides
    path = demo_copy(demo_db_template, tmp_path)
    window = app.start(path)
    assert window is not None
    answer_modal("Nanti")
    choose_language(window, "en")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is None, timeout=5000)
    assert app._windows == [window] and window.menuBar().actions()[0].text() == "&Berkas"
    assert window.actions.languages["id"].isChecked()  # the window still speaks Indonesian
    window.close()
    again = app.start(path)
    assert again is not None and again.menuBar().actions()[0].text() == "&File"
    again.close()


def test_a_language_fixed_by_the_environment_stays_and_says_so(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    language.start(None)  # KOTACERDAS_LANG=id, as the tests run
    choose_language(demo_window, "en")
    box = demo_window.findChild(QMessageBox)
    assert box is not None and "KOTACERDAS_LANG" in box.text() and "disimpan" in box.text()
    assert demo_store.settings.language() == "en"
    assert demo_window.menuBar().actions()[0].text() == "&Berkas"
    box.reject()
