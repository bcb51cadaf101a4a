"""Every window and dialog, opened offscreen in Indonesian, shows no English: neither Qt's own
standard words (the buttons and dialog texts PySide6 has no Indonesian for) nor ours.

Each test opens its surfaces the way a user does and reads every visible text
(tests/gui/surfaces.py). Under every test a recorder notes each word Qt asks
to translate, and the test fails when our Qt translation (resources/
translations/qt_id.ts) has no Indonesian for it, so a Qt text that is not on
the screen in the test (a tooltip, a menu) is still covered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.package import (
    ALREADY,
    IMPORTED,
    NEEDS_CATALOGUE,
    NEEDS_KEY,
    REFUSED,
    SUPERSEDED,
    ImportOutcome,
)
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background, prompts
from kotacerdas_desktop.gui.agency_dialog import AgencyDialog
from kotacerdas_desktop.gui.backups_dialog import BackupsDialog
from kotacerdas_desktop.gui.city_window import CityWindow
from kotacerdas_desktop.gui.error_dialog import UnexpectedErrorDialog
from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog
from kotacerdas_desktop.gui.first_run import FirstRunDialog
from kotacerdas_desktop.gui.history_dialog import HistoryDialog
from kotacerdas_desktop.gui.import_results import ImportResultsDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.resources import qt_translation
from kotacerdas_desktop.store import Store
from tests.gui.surfaces import QtWordsRecorder, foreign, modal, visible_texts

LOAD_MS = 60_000
# What Qt asks that needs no Indonesian: key names in shortcuts (keyboards are labelled so),
# the layout direction, number and size formats, names of paper sizes, messages for the log.
NOT_WORDS = {
    "QLibrary",
    "QShortcut",
    "QKeySequence",
    "QGuiApplication",
    "QProgressBar",
    "QPageSize",
}
NOT_WORDS_TEXT = {"Alt+Left", "Alt+Right", "Alt+Up", "...", "%1 x %2 in"}


@pytest.fixture(autouse=True)
def qt_words(qapp: QApplication) -> Iterator[QtWordsRecorder]:
    """Every word Qt asked to translate during the test has our Indonesian."""
    recorder = QtWordsRecorder(qapp)
    qapp.installTranslator(recorder)
    yield recorder
    qapp.removeTranslator(recorder)
    ours = QObject()
    from PySide6.QtCore import QTranslator

    translator = QTranslator(ours)
    assert translator.load(str(qt_translation("id")))
    missing = sorted(
        f"{context}: {source!r}"
        for context, source, comment in recorder.asked
        if context not in NOT_WORDS
        and source not in NOT_WORDS_TEXT
        and not translator.translate(context, source, comment or None)
    )
    assert missing == [], "add these to resources/translations/qt_id.ts"


def shown(kind: type[QWidget]) -> QWidget:
    """The visible window or dialog of that kind, wherever it was opened."""
    found = [
        w
        for top in QApplication.topLevelWidgets()
        for w in (top, *top.findChildren(kind))
        if isinstance(w, kind) and w.isVisible()
    ]
    assert found, f"no {kind.__name__} is shown"
    return found[-1]


def assert_indonesian(*widgets: QWidget) -> list[str]:
    texts = [text for widget in widgets for text in visible_texts(widget)]
    assert texts
    assert foreign(texts) == []
    return texts


def read_modal(into: list[str], close: Callable[[QWidget], None] | None = None) -> None:
    modal(lambda dialog: into.extend(visible_texts(dialog)), close)


# The main window -----------------------------------------------------------------------------


def test_main_window_menus_toolbar_form_and_last_year(demo_window: MainWindow) -> None:
    texts = assert_indonesian(demo_window)
    assert "Tingkat kematangan" in texts and "Berkas" in texts
    assert any(text.startswith("Tingkat ") and " · " in text for text in texts)  # last year's


def test_a_locked_assessment_and_its_banner(demo_window: MainWindow, demo_store: Store) -> None:
    demo_window.open_assessment(demo_store.assessments.current("DISKOMINFO", 2025))
    texts = assert_indonesian(demo_window)
    assert any(text.startswith("Terkunci.") for text in texts)


def test_text_field_menus(demo_window: MainWindow) -> None:
    for field in (demo_window.form.ui.editNaReason, demo_window.form.ui.editJustification):
        assert isinstance(field, QLineEdit | QPlainTextEdit)
        menu = field.createStandardContextMenu()
        texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
        assert "Salin" in texts and "Tempel" in texts
        assert foreign(texts) == []


# Dialogs of the main window ---------------------------------------------------------------------


def test_agency_settings_and_a_new_agency(demo_window: MainWindow) -> None:
    demo_window.actions.agency_settings.trigger()
    dialog = shown(AgencyDialog)
    assert_indonesian(dialog)
    dialog.reject()
    demo_window.actions.new_agency.trigger()
    dialog = shown(AgencyDialog)
    assert_indonesian(dialog)
    dialog.reject()


def test_evidence_dialog_and_the_removal_question(demo_window: MainWindow, qtbot: QtBot) -> None:
    demo_window.form.ui.buttonAddReference.click()
    dialog = shown(EvidenceDialog)
    assert_indonesian(dialog)
    dialog.reject()
    with_evidence = next(code for code, a in demo_window.editor.answers.items() if a.evidence)
    demo_window.show_indicator(with_evidence)
    table = demo_window.form.ui.tableEvidence
    table.selectRow(0)
    demo_window.form.ui.buttonRemoveEvidence.click()
    box = shown(QMessageBox)
    texts = assert_indonesian(box)
    assert "Hapus" in texts and "Batal" in texts  # the verb, not Yes/No
    box.reject()


def test_history_backups_and_the_small_prompts(demo_window: MainWindow) -> None:
    demo_window.form.historyRequested.emit()
    assert_indonesian(shown(HistoryDialog))
    shown(HistoryDialog).reject()
    demo_window.actions.backups.trigger()
    assert_indonesian(shown(BackupsDialog))
    shown(BackupsDialog).reject()
    for action in (
        demo_window.actions.operator_name,
        demo_window.actions.attachment_limit,
        demo_window.actions.new_assessment,
    ):
        action.trigger()
        dialog = shown(QInputDialog)
        assert_indonesian(dialog)
        dialog.reject()
    for action in (demo_window.actions.shortcuts, demo_window.actions.about):
        action.trigger()
        box = shown(QMessageBox)
        assert "Tutup" in assert_indonesian(box)
        box.reject()


def test_closing_with_unsaved_answers_asks_in_indonesian(demo_window: MainWindow) -> None:
    seen: list[str] = []
    read_modal(seen)
    assert prompts.confirm_close_unsaved(demo_window, 2, "basis data sedang dipakai") is False
    assert seen and foreign(seen) == []
    assert "Tutup tanpa menyimpan" in seen and "Tunggu" in seen


def test_a_message_of_the_store_and_a_progress_dialog(demo_window: MainWindow, qtbot) -> None:
    from kotacerdas_desktop.domain.errors import BusyError
    from kotacerdas_desktop.gui import operations

    operations.notifier().failed.emit(BusyError(t("Program lain sedang menulis.", "Busy.")))
    box = shown(QMessageBox)
    assert "Tutup" in assert_indonesian(box)
    box.reject()
    seen: list[str] = []

    def slow(progress: background.Progress) -> int:
        qtbot.waitUntil(lambda: bool(seen), timeout=LOAD_MS)
        return 1

    def read_progress() -> None:
        from PySide6.QtWidgets import QProgressDialog

        dialog = demo_window.findChild(QProgressDialog)
        if dialog is None:
            qtbot.wait(5)
            return read_progress()
        seen.extend(visible_texts(dialog) or ["(kosong)"])
        return None

    from PySide6.QtCore import QTimer

    QTimer.singleShot(background.SHOW_AFTER_MS + 50, read_progress)
    background.run_and_wait(slow, parent=demo_window, title="Menyusun …", cancellable=True)
    assert "Batal" in seen and foreign(seen) == []


# The evaluation sheet ----------------------------------------------------------------------------


def test_finalize_reopen_and_verify(demo_window: MainWindow, demo_store: Store) -> None:
    dialog = demo_window.sheet_menu.finalize()
    assert dialog is not None
    assert_indonesian(dialog)
    dialog.reject()
    demo_window.open_assessment(demo_store.assessments.current("DISKOMINFO", 2025))
    dialog = demo_window.sheet_menu.reopen()
    assert dialog is not None
    assert_indonesian(dialog)
    dialog.reject()
    verify = demo_window.sheet_menu.verify()
    final = demo_store.assessments.current("DISKOMINFO", 2025)
    verify.edit.setText(final.fingerprint[:12])
    verify.check()
    texts = assert_indonesian(verify)
    assert any("Cocok" in text for text in texts)
    verify.reject()


def test_sheet_preview_its_print_dialog_and_its_save_dialog(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    demo_window.open_assessment(demo_store.assessments.current("DISKOMINFO", 2025))
    preview = demo_window.sheet_menu.preview()
    assert preview is not None
    with qtbot.waitSignal(preview.sheetReady, timeout=LOAD_MS):
        pass
    assert_indonesian(preview)
    printing: list[str] = []
    read_modal(printing)
    preview.ask_print()
    assert "Cetak" in printing and foreign(printing) == []
    saving: list[str] = []
    read_modal(saving)
    preview.ask_save()
    assert "Simpan" in saving and foreign(saving) == []
    preview.reject()


# Other windows --------------------------------------------------------------------------------


def test_unexpected_error_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = UnexpectedErrorDialog(RuntimeError("x"), tmp_path / "kotacerdas.log", None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_indonesian(dialog)


def test_first_run_dialog(qtbot: QtBot, store: Store) -> None:
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_indonesian(dialog)
    dialog.start()  # nothing filled in: the messages under the fields
    assert len(assert_indonesian(dialog)) > 10


def test_import_results_with_every_outcome(qtbot: QtBot) -> None:
    outcomes = [
        ImportOutcome("a.kcpkg", IMPORTED, None, "DLH", 2026, 1, 1),
        ImportOutcome("b.kcpkg", ALREADY, None, "DLH", 2026, 1, 1),
        ImportOutcome("c.kcpkg", SUPERSEDED, None, "DLH", 2026, 2, 2),
        ImportOutcome("d.kcpkg", REFUSED, t("Tanda tangan tidak sah.", "Bad signature.")),
        ImportOutcome("e.kcpkg", REFUSED, t("Kunci baru.", "New key."), "DLH", needs=NEEDS_KEY),
        ImportOutcome(
            "f.kcpkg", REFUSED, t("Kerangka lain.", "Other framework."), needs=NEEDS_CATALOGUE
        ),
    ]
    dialog = ImportResultsDialog(outcomes, len(outcomes), None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_indonesian(dialog)


def test_city_window_every_tab(demo_window: MainWindow, qtbot: QtBot) -> None:
    demo_window.actions.city_view.trigger()
    city = demo_window.findChild(CityWindow, "cityWindow")
    assert city is not None
    with qtbot.waitSignal(city.loaded, timeout=LOAD_MS):
        pass
    tabs = city.ui.tabCity
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        assert_indonesian(city)


def test_plan_windows_of_the_agency_and_the_city(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    demo_window.open_assessment(demo_store.assessments.current("DISKOMINFO", 2026))
    demo_window.findChild(QAction, "actionAgencyPlan").trigger()
    agency = demo_window.plan_menu.agency_window
    qtbot.waitExposed(agency)
    assert_indonesian(agency)
    demo_window.findChild(QAction, "actionCityPlan").trigger()
    city = demo_window.plan_menu.city_window
    qtbot.waitExposed(city)
    assert_indonesian(city)


def test_the_english_interface_keeps_qt_english(english: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "x", "y")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Cancel", "Yes"]


def test_the_dialog_classes_checked_here_are_every_dialog_of_the_app() -> None:
    """A new dialog class fails this until a test above opens it."""
    import importlib
    import pkgutil

    import kotacerdas_desktop.gui as gui

    checked = {
        "AgencyDialog", "EvidenceDialog", "HistoryDialog", "BackupsDialog", "FinalizeDialog",
        "ReopenDialog", "VerifyDialog", "SheetPreviewDialog", "UnexpectedErrorDialog",
        "FirstRunDialog", "ImportResultsDialog", "CityWindow", "AgencyPlanWindow",
        "CityPlanWindow", "MainWindow",
    }  # fmt: skip
    found = set()
    for module in pkgutil.walk_packages(gui.__path__, gui.__name__ + "."):
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if (
                isinstance(value, type)
                and value.__module__ == loaded.__name__
                and issubclass(value, QDialog | QWidget)
                and (issubclass(value, QDialog) or name.endswith("Window"))
                and not name.startswith("_")
            ):
                found.add(name)
    assert found - checked == set()
