"""Filling answers from the keyboard on the real window, checked in the SQLite file."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.catalogue import KIND_ENABLER
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.gui.nav_model import CODE_ROLE
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory, stored_answer


def focused() -> object:
    return QApplication.focusWidget()


def dimension_index(window: MainWindow, code: str) -> QModelIndex:
    proxy = window.navigation.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(CODE_ROLE) == code:
            return index
    raise AssertionError(f"{code} not in the navigation")


def test_an_indicator_is_answered_with_keys_only(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id()
    assert assessment_id is not None
    assert not window.editor.answer(code).is_answered, (
        "the window opens at the first unanswered indicator"
    )
    window.activateWindow()
    window.form.focus_start()

    qtbot.keyClick(focused(), Qt.Key.Key_3)
    assert window.form.levels.value() == 3
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.form.ui.editJustification
    qtbot.keyClicks(focused(), "SOP ditetapkan 2026, 5 bidang")  # digits typed here stay text
    assert window.form.levels.value() == 3
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)

    assert window.editor.code != code
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None
    assert (row["level"], row["justification"]) == (3, "SOP ditetapkan 2026, 5 bidang")
    assert row["changed_by"]
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.code == code
    assert window.form.ui.editJustification.toPlainText() == "SOP ditetapkan 2026, 5 bidang"
    assert "Terakhir diubah oleh" in window.form.ui.labelChanged.text()


def test_not_applicable_by_key_asks_for_the_reason(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    catalogue = window.editor.catalogue
    assert catalogue is not None
    code = next(
        i.code
        for i in catalogue.indicators()
        if i.allow_na and not window.editor.answer(i.code).not_applicable
    )
    window.show_indicator(code, focus=True)
    qtbot.keyClick(focused(), Qt.Key.Key_N)
    assert window.form.ui.naReasonBox.isVisible()
    assert focused() is window.form.ui.editNaReason
    qtbot.keyClicks(focused(), "Bukan kewenangan OPD")
    qtbot.keyClick(focused(), Qt.Key.Key_F8)
    row = stored_answer(demo_store.path, window.current_assessment_id() or 0, code)
    assert row is not None
    assert (row["level"], row["not_applicable"], row["na_reason"]) == (
        None,
        1,
        "Bukan kewenangan OPD",
    )


def test_switching_dimension_saves_what_was_typed(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    window.form.ui.editJustification.setFocus()
    qtbot.keyClicks(window.form.ui.editJustification, "Diketik sebelum pindah dimensi")
    catalogue = window.editor.catalogue
    assert catalogue is not None
    other = next(
        d
        for d in catalogue.dimensions
        if d.kind != KIND_ENABLER and code not in [i.code for i in d.indicators()]
    )
    tree = window.navigation.ui.treeNav
    index = dimension_index(window, other.code)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )

    first = next(other.indicators()).code
    assert window.editor.code == first
    assert window.form.ui.labelBreadcrumb.text().startswith(str(other.name))
    assert tree.isExpanded(index)
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and row["justification"].endswith("Diketik sebelum pindah dimensi")


def test_closing_and_reopening_keeps_text_and_position(
    demo_store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window(demo_store)
    catalogue = window.editor.catalogue
    assert catalogue is not None
    code = list(catalogue.indicators())[7].code
    window.show_indicator(code)
    editor = window.form.ui.editFollowUp
    editor.setFocus()
    qtbot.keyClicks(editor, "Rencana: Perwali 2027")
    window.close()  # before any autosave tick

    with Store.open(demo_store.path) as reopened:
        assert reopened.assessments.answer(
            window.current_assessment_id() or 0, code
        ).follow_up.endswith("Rencana: Perwali 2027")
        again = open_window(reopened)
        assert again.editor.code == code
        assert again.form.ui.editFollowUp.toPlainText().endswith("Rencana: Perwali 2027")
        again.close()


def test_navigation_shows_completeness_and_filters(demo_window: MainWindow, qtbot: QtBot) -> None:
    window = demo_window
    report_text = window.navigation.ui.labelCompleteness.text()
    answered = sum(a.is_answered for a in window.editor.answers.values())
    total = len(window.navigation.model.codes)
    assert report_text.startswith(f"{answered} dari {total} indikator dijawab")

    window.navigation.ui.comboFilter.setCurrentIndex(1)  # unanswered
    visible = window.navigation.visible_codes()
    assert visible and all(not window.editor.answer(c).is_answered for c in visible)
    assert len(visible) == total - answered

    window.navigation.ui.comboFilter.setCurrentIndex(0)
    window.actions.find.trigger()
    search = window.navigation.ui.lineSearch
    assert QApplication.focusWidget() is search
    question = str(window.editor.catalogue.indicator(window.navigation.model.codes[5]).question)  # type: ignore[union-attr]
    word = max(question.split(), key=len)
    qtbot.keyClicks(search, word)
    matches = window.navigation.visible_codes()
    assert window.navigation.model.codes[5] in matches
    assert len(matches) < total
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.editor.code == matches[0]


def test_next_unanswered_walks_only_unanswered(demo_window: MainWindow) -> None:
    window = demo_window
    seen = []
    for _ in range(3):
        window.actions.next_unanswered.trigger()
        seen.append(window.editor.code)
    assert all(not window.editor.answer(code).is_answered for code in seen)
    assert len(set(seen)) == min(
        3, sum(not window.editor.answer(c).is_answered for c in window.navigation.model.codes)
    )


def test_the_whole_assessment_can_be_finished_from_the_keyboard(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    assessment_id = window.current_assessment_id() or 0
    missing = demo_store.assessments.scores(assessment_id).missing
    assert missing, "the demo's current year is a draft with gaps"
    window.activateWindow()
    window.navigation.ui.treeNav.setFocus()
    for _ in missing:
        qtbot.keyClick(focused(), Qt.Key.Key_F8)
        qtbot.keyClick(focused(), Qt.Key.Key_4)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "Diisi dengan keyboard saja.")
    qtbot.keyClick(focused(), Qt.Key.Key_F8)
    assert window.statusBar().currentMessage() == "Semua indikator sudah dijawab."
    report = demo_store.assessments.scores(assessment_id)
    assert report.missing == [] and report.percent == 100
    for code in missing:
        row = stored_answer(demo_store.path, assessment_id, code)
        assert row is not None and (row["level"], row["justification"]) == (
            4,
            "Diisi dengan keyboard saja.",
        )
    assert window.navigation.ui.labelIndexTitle.text() == "Indeks Pencapaian"
    assert window.navigation.ui.labelPredicate.text().endswith("(sementara)")  # still a draft
