"""Menus, toolbar and keyboard shortcuts of the main window, in one place.

Every command in the menus has a key, shown beside it in the menu and listed
under Bantuan > Pintasan keyboard (made from the menus themselves), so the
whole assessment can be filled without a mouse. The
"Penilaian" menu (objectName menuAssessment) is where assessment-wide
actions go; the evaluation sheet adds print, finalize and verify there. The
"Kota" menu (objectName menuCity) holds the coordinator's city-wide commands.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from kotacerdas_desktop.domain.text import LocalText, current_language, t


@dataclass
class Actions:
    new_database: QAction
    attachment_limit: QAction
    backups: QAction
    operator_name: QAction
    open_database: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    next_indicator: QAction
    previous_indicator: QAction
    next_unanswered: QAction
    show_previous: QAction
    new_assessment: QAction
    agency_settings: QAction
    new_agency: QAction
    city_view: QAction
    shortcuts: QAction
    about: QAction
    languages: dict[str, QAction]  # "id", "en": Bantuan > Bahasa / Language
    menu_recent: QMenu
    menu_assessment: QMenu
    menu_city: QMenu
    toolbar: QToolBar


def window_action(
    window: QMainWindow,
    name: str,
    text: LocalText,
    keys: str | tuple[str | QKeySequence.StandardKey, ...] = (),
) -> QAction:
    """An action of the main window (every menu's), its keys working wherever the focus is."""
    action = QAction(str(text), window)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(key) for key in ((keys,) if isinstance(keys, str) else keys)])
    # WindowShortcut: the keys work wherever the focus is in the window, text fields included.
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.addAction(action)
    return action


def build(window: QMainWindow, undo_stack: QUndoStack) -> Actions:
    undo = undo_stack.createUndoAction(window, str(t("Urungkan", "Undo")))
    undo.setObjectName("actionUndo")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = undo_stack.createRedoAction(window, str(t("Ulangi", "Redo")))
    redo.setObjectName("actionRedo")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
    show_previous = window_action(
        window,
        "actionShowPrevious",
        t("Jawaban tahun lalu di samping", "Last year's answer alongside"),
        "Ctrl+Shift+L",
    )
    show_previous.setCheckable(True)
    show_previous.setChecked(True)
    actions = Actions(
        new_database=window_action(
            window,
            "actionNewDatabase",
            t("Basis data baru…", "New database…"),
            (QKeySequence.StandardKey.New,),
        ),
        attachment_limit=window_action(
            window,
            "actionAttachmentLimit",
            t("Batas ukuran lampiran…", "Attachment size limit…"),
            "Ctrl+Shift+M",
        ),
        backups=window_action(
            window,
            "actionBackups",
            t("Cadangan dan pulihkan…", "Backups and restore…"),
            "Ctrl+Shift+B",
        ),
        operator_name=window_action(
            window, "actionOperatorName", t("Nama operator…", "Operator name…"), "Ctrl+Shift+U"
        ),
        open_database=window_action(
            window,
            "actionOpenDatabase",
            t("Buka basis data…", "Open database…"),
            (QKeySequence.StandardKey.Open,),
        ),
        quit=window_action(window, "actionQuit", t("Keluar", "Quit"), ("Ctrl+Q",)),
        undo=undo,
        redo=redo,
        find=window_action(
            window, "actionFind", t("Cari indikator", "Find indicator"), ("Ctrl+F",)
        ),
        next_indicator=window_action(
            window,
            "actionNextIndicator",
            t("Indikator berikutnya", "Next indicator"),
            ("Ctrl+PgDown",),
        ),
        previous_indicator=window_action(
            window,
            "actionPreviousIndicator",
            t("Indikator sebelumnya", "Previous indicator"),
            ("Ctrl+PgUp",),
        ),
        next_unanswered=window_action(
            window,
            "actionNextUnanswered",
            t("Belum dijawab berikutnya", "Next unanswered"),
            ("F8", "Ctrl+Shift+PgDown"),
        ),
        show_previous=show_previous,
        new_assessment=window_action(
            window,
            "actionNewAssessment",
            t("Penilaian tahun baru…", "New year's assessment…"),
            "Ctrl+Shift+N",
        ),
        agency_settings=window_action(
            window,
            "actionAgencySettings",
            t("Pengaturan OPD…", "Agency settings…"),
            ("Ctrl+Shift+O",),
        ),
        new_agency=window_action(
            window, "actionNewAgency", t("OPD baru…", "New agency…"), "Ctrl+Shift+A"
        ),
        city_view=window_action(
            window,
            "actionCityView",
            t("Gambaran kota (koordinator)", "City picture (coordinator)"),
            ("Ctrl+Shift+K",),
        ),
        shortcuts=window_action(
            window, "actionShortcuts", t("Pintasan keyboard", "Keyboard shortcuts"), ("F1",)
        ),
        about=window_action(
            window, "actionAbout", t("Tentang KotaCerdas", "About KotaCerdas"), "Ctrl+F1"
        ),
        languages=_language_actions(window),
        menu_recent=QMenu(str(t("Buka terakhir", "Open recent")), window),
        menu_assessment=QMenu(str(t("&Penilaian", "&Assessment")), window),
        menu_city=QMenu(str(t("&Kota", "&City")), window),
        toolbar=QToolBar(str(t("Alat", "Tools")), window),
    )
    _menus(window, actions)
    _toolbar(window, actions)
    return actions


def _menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(str(t("&Berkas", "&File")))
    file_menu.setObjectName("menuFile")
    file_menu.addActions([a.new_database, a.open_database])
    a.menu_recent.setObjectName("menuRecent")
    file_menu.addMenu(a.menu_recent)
    file_menu.addSeparator()
    file_menu.addAction(a.backups)
    file_menu.addSeparator()
    file_menu.addActions([a.operator_name, a.attachment_limit])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit = bar.addMenu(str(t("&Edit", "&Edit")))
    edit.setObjectName("menuEdit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addAction(a.find)
    navigate = bar.addMenu(str(t("&Navigasi", "&Go")))
    navigate.setObjectName("menuNavigate")
    navigate.addActions([a.previous_indicator, a.next_indicator, a.next_unanswered])
    navigate.addSeparator()
    navigate.addAction(a.show_previous)
    a.menu_assessment.setObjectName("menuAssessment")
    a.menu_assessment.addAction(a.new_assessment)
    a.menu_assessment.addSeparator()
    bar.addMenu(a.menu_assessment)
    agency = bar.addMenu(str(t("&OPD", "A&gency")))
    agency.setObjectName("menuAgency")
    agency.addActions([a.agency_settings, a.new_agency])
    a.menu_city.setObjectName("menuCity")
    a.menu_city.addAction(a.city_view)
    bar.addMenu(a.menu_city)
    help_menu = bar.addMenu(str(t("Ban&tuan", "&Help")))
    help_menu.setObjectName("menuHelp")
    help_menu.addActions([a.shortcuts])
    # Named in both languages: found by someone who does not read the one shown.
    languages = help_menu.addMenu("Bahasa / Language")
    languages.setObjectName("menuLanguage")
    languages.addActions(list(a.languages.values()))
    help_menu.addSeparator()
    help_menu.addAction(a.about)


def _language_actions(window: QMainWindow) -> dict[str, QAction]:
    """One checkable action per language, each named in its own language, the shown one checked."""
    group = QActionGroup(window)
    actions = {}
    for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
        action = window_action(window, f"actionLanguage_{code}", LocalText(name, name))
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.setData(code)
        group.addAction(action)
        actions[code] = action
    return actions


def _toolbar(window: QMainWindow, a: Actions) -> None:
    bar = a.toolbar
    bar.setObjectName("toolbarMain")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)


def fill_toolbar_buttons(a: Actions) -> None:
    """The buttons after the switchers (which AssessmentSwitcher puts first)."""
    bar = a.toolbar
    bar.addSeparator()
    a.previous_indicator.setIconText(str(t("‹ Sebelumnya", "‹ Previous")))
    a.next_indicator.setIconText(str(t("Berikutnya ›", "Next ›")))
    a.next_unanswered.setIconText(str(t("Belum dijawab ›", "Unanswered ›")))
    a.undo.setIconText(str(t("Urungkan", "Undo")))
    a.redo.setIconText(str(t("Ulangi", "Redo")))
    bar.addActions([a.previous_indicator, a.next_indicator, a.next_unanswered])
    bar.addSeparator()
    bar.addActions([a.undo, a.redo])
    bar.addSeparator()
    bar.addAction(a.agency_settings)
    for action in (
        a.previous_indicator,
        a.next_indicator,
        a.next_unanswered,
        a.undo,
        a.redo,
        a.agency_settings,
    ):
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if shortcut:
            action.setToolTip(f"{action.text()} ({shortcut})")
