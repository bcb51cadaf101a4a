"""The main window: agency and year in the toolbar, navigation on the left, the answer form on the right.

Fixed interface for other parts of the GUI: ``MainWindow(store)``, the menu
"menuAssessment" (actions for the whole assessment are added there),
``current_assessment_id()``, the signal ``assessmentChanged(int)`` and
``reload()`` (re-read the assessment after finalize or reopen).

The window builds what its first paint shows (the navigation, the form, the
menus and the toolbar, every command in them working) and, right after that
paint, the commands that the sheet, the packages and the planner add to the
menus, with their modules (``finish_building``, run once; whatever needs
those parts first calls it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QWidget,
)

from kotacerdas_desktop.domain.errors import KotaCerdasError, LockedError
from kotacerdas_desktop.domain.model import Assessment
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import (
    city_launch,
    language_menu,
    operations,
    preferences,
    prompts,
    window_menus,
)
from kotacerdas_desktop.gui.answer_editor import AnswerEditor
from kotacerdas_desktop.gui.first_paint import after_first_paint
from kotacerdas_desktop.gui.formatting import format_clock, format_timestamp
from kotacerdas_desktop.gui.indicator_form import IndicatorForm
from kotacerdas_desktop.gui.navigation import NavigationPanel
from kotacerdas_desktop.gui.operations import Change
from kotacerdas_desktop.gui.previous_panel import PreviousPanel
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.switcher import AssessmentSwitcher
from kotacerdas_desktop.gui.uiloader import load_ui
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.audit import OPERATOR_KEY

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.exchange_actions import ExchangeMenu
    from kotacerdas_desktop.gui.plan_actions import PlanMenu
    from kotacerdas_desktop.gui.sheet_actions import SheetMenu

PAGE_EMPTY, PAGE_FORM = 0, 1


class _LateMenus(NamedTuple):
    """What ``MainWindow.finish_building`` adds to the menus after the first paint."""

    sheet: SheetMenu
    exchange: ExchangeMenu
    plan: PlanMenu


DATABASE_FILTER = t(
    "Basis data KotaCerdas (*.sqlite *.db);;Semua berkas (*)",
    "KotaCerdas databases (*.sqlite *.db);;All files (*)",
)


class MainWindow(QMainWindow):
    assessmentChanged = Signal(int)
    openDatabaseRequested = Signal(
        object
    )  # Path: File > New/Open or a recent file (the launcher opens it)
    restoreRequested = Signal(object)  # Path of a backup: the launcher closes, restores, reopens
    reopenRequested = Signal()  # the launcher closes the window and opens the file again (language)
    closed = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.store = store
        self.assessment: Assessment | None = None
        self._detached = False
        self._menus: _LateMenus | None = None  # made by finish_building
        central = QWidget(self)
        self.ui = load_ui("main_window.ui", central)
        self.setCentralWidget(central)
        self.navigation = NavigationPanel(self.ui.navHost)
        self.ui.layoutNavHost.addWidget(self.navigation)
        self.form = IndicatorForm(self.ui.formContents)
        self.ui.layoutFormContents.addWidget(self.form)
        self.previous_panel = PreviousPanel(self.ui.previousContents)
        self.ui.layoutPreviousContents.addWidget(self.previous_panel)
        self.editor = AnswerEditor(store, self.form, self.previous_panel, self)
        self.actions = window_menus.build(self, self.editor.undo_stack)
        self.switcher = AssessmentSwitcher(store, self.actions.toolbar)
        window_menus.fill_toolbar_buttons(self.actions)
        self.ui.frameLocked.setObjectName("lockedBanner")
        self.ui.frameLocked.hide()
        self.ui.labelEmpty.setProperty("role", "empty")
        self._saved_label = QLabel(self)
        self._saved_label.setObjectName("savedLabel")
        self._path_label = QLabel(self)
        self._path_label.setProperty("role", "muted")
        self.statusBar().addPermanentWidget(self._saved_label)
        self.statusBar().addPermanentWidget(self._path_label)
        self._connect()
        self._restore_layout()
        self._show_path()
        city_launch.install(self)  # Kota > City picture
        language_menu.install(self)  # Bantuan > Bahasa / Language
        self._open_initial()

    # Built after the first paint ----------------------------------------------------

    def finish_building(self) -> _LateMenus:
        """The commands the sheet, the packages and the planner add to the menus, and their
        modules, made once: by the event loop right after the first paint, or at once by
        whatever needs them before."""
        if self._menus is None:
            from kotacerdas_desktop.gui import exchange_actions, plan_actions, sheet_actions

            self._menus = _LateMenus(
                sheet_actions.install(self),  # print, finalize, reopen, verify
                exchange_actions.install(self),  # export and import packages
                plan_actions.install(self),  # the planner's windows
            )
        return self._menus

    @property
    def sheet_menu(self) -> SheetMenu:
        return self.finish_building().sheet

    @property
    def exchange_menu(self) -> ExchangeMenu:
        return self.finish_building().exchange

    @property
    def plan_menu(self) -> PlanMenu:
        return self.finish_building().plan

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._menus is None:
            after_first_paint(self, self._finish_after_paint)

    def _finish_after_paint(self) -> None:
        if not self._detached:  # closed before its first paint: nothing more to build
            self.finish_building()

    # Public interface ------------------------------------------------------------

    def current_assessment_id(self) -> int | None:
        return self.assessment.id if self.assessment is not None else None

    def reload(self) -> None:
        """Re-read the shown agency and year from the store: its newest revision, status and answers."""
        code = self.editor.code
        agency = self.assessment.agency_code if self.assessment else self.switcher.agency()
        year = self.assessment.year if self.assessment else self.switcher.year()
        current = self.store.assessments.current(agency, year) if agency and year else None
        self.open_assessment(current, code)

    def open_assessment(self, assessment: Assessment | None, indicator: str = "") -> None:
        """Show an assessment (None: the shown agency has none yet) at an indicator."""
        self.editor.load(assessment)
        self.assessment = assessment
        agency = assessment.agency_code if assessment else self.switcher.agency()
        self.switcher.refresh(agency, assessment.year if assessment else None)
        self.navigation.set_catalogue(self.editor.catalogue)
        self._show_lock()
        self._show_previous_panel()
        self._update_title()
        if assessment is None:
            self._show_empty()
            self.navigation.update_summary(None)
            return
        for code in self.navigation.model.codes:
            self._refresh_indicator(code, summary=False)
        self._refresh_summary()
        self.ui.stackForm.setCurrentIndex(PAGE_FORM)
        codes = self.navigation.model.codes
        if indicator not in codes:
            unanswered = [c for c in codes if not self.editor.answer(c).is_answered]
            indicator = (unanswered or codes or [""])[0]
        if indicator:
            self.editor.show(indicator)
        self.assessmentChanged.emit(assessment.id)

    def show_indicator(self, code: str, focus: bool = False) -> None:
        self.editor.show(code)
        if focus:
            self.form.focus_start()

    # Wiring ----------------------------------------------------------------

    def _connect(self) -> None:
        a = self.actions
        a.new_database.triggered.connect(self._new_database)
        a.open_database.triggered.connect(self._open_database)
        a.menu_recent.aboutToShow.connect(self._fill_recent)
        a.attachment_limit.triggered.connect(self._ask_attachment_limit)
        a.backups.triggered.connect(self._show_backups)
        a.operator_name.triggered.connect(self._ask_operator_name)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.navigation.focus_search)
        a.next_indicator.triggered.connect(lambda: self.step(1))
        a.previous_indicator.triggered.connect(lambda: self.step(-1))
        a.next_unanswered.triggered.connect(self.next_unanswered)
        a.show_previous.toggled.connect(self._show_previous_panel)
        a.new_assessment.triggered.connect(self._ask_new_assessment)
        a.agency_settings.triggered.connect(self._agency_settings)
        a.new_agency.triggered.connect(self._new_agency)
        a.shortcuts.triggered.connect(
            lambda: prompts.show_shortcuts(self, [m.menu() for m in self.menuBar().actions()])
        )
        a.about.triggered.connect(lambda: prompts.show_about(self, self.store.path))
        self.ui.buttonStartAssessment.clicked.connect(self._start_from_empty)
        self.navigation.indicatorActivated.connect(self.show_indicator)
        self.switcher.switched.connect(self._switched)
        self.editor.currentChanged.connect(self._indicator_shown)
        self.editor.answerChanged.connect(self._refresh_indicator)
        self.editor.saved.connect(self._saved)
        self.editor.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.editor.unsaved.connect(self._unsaved)
        self.form.historyRequested.connect(self._show_history)
        operations.notifier().changed.connect(self._store_changed)
        operations.notifier().failed.connect(self._failed)

    def _switched(self, agency: str, year: int | None) -> None:
        self.open_assessment(self.store.assessments.current(agency, year) if year else None)

    def _indicator_shown(self, code: str) -> None:
        self.navigation.select(code)
        self.ui.scrollForm.verticalScrollBar().setValue(0)
        if self.assessment is not None:
            preferences.remember_position(
                self.store.path, self.assessment.agency_code, self.assessment.year, code
            )

    def _refresh_indicator(self, code: str, summary: bool = True) -> None:
        self.navigation.model.update_indicator(self.editor.answer(code), self.editor.problems(code))
        if summary:
            self._refresh_summary()

    def _refresh_summary(self) -> None:
        if self.editor.catalogue is not None and self.assessment is not None:
            self.navigation.update_summary(
                score(
                    self.editor.catalogue,
                    self.editor.answers,
                    rules=self.assessment.scoring_rules,
                    final=self.assessment.is_finalized,
                ),
                self.editor.catalogue,
            )

    def _saved(self, code: str, seconds: float) -> None:
        self._saved_label.setProperty("role", "")
        self._saved_label.style().polish(self._saved_label)
        self._saved_label.setText(
            str(
                t(
                    f"Tersimpan {format_clock(dt.datetime.now())}",
                    f"Saved {format_clock(dt.datetime.now())}",
                )
            )
        )
        self._saved_label.setToolTip(
            str(
                t(
                    f"{code} disimpan dalam {seconds * 1000:.1f} ms",
                    f"{code} saved in {seconds * 1000:.1f} ms",
                )
            )
        )

    def _unsaved(self, reason: str) -> None:
        """The store could not take the last save: the typed text stays, and is saved on a retry."""
        self._saved_label.setProperty("role", "error")
        self._saved_label.style().polish(self._saved_label)
        self._saved_label.setText(
            str(t("Belum tersimpan, mencoba lagi…", "Not saved yet, trying again…"))
        )
        self._saved_label.setToolTip(reason)
        self.statusBar().showMessage(reason, 8000)

    def _store_changed(self, change: Change) -> None:
        refreshing = (
            operations.AGENCY,
            operations.ASSESSMENT,
            operations.SETTINGS,
            operations.PACKAGE,
        )
        if change.kind in refreshing:  # a package import brings agencies and years
            self.switcher.refresh(self.switcher.agency(), self.switcher.year())
            if self.assessment is None and self.switcher.year() is not None:
                self._switched(self.switcher.agency(), self.switcher.year())
            self._update_title()

    def _failed(self, error: KotaCerdasError) -> None:
        """Shown even when this window is hidden or minimized: no message is dropped."""
        prompts.inform(self, str(error))
        if isinstance(error, LockedError):
            self.reload()

    # Moving between indicators ----------------------------------------------------------

    def step(self, delta: int) -> None:
        """Next (1) or previous (-1) indicator among those the filter shows."""
        codes = self.navigation.model.codes
        visible = set(self.navigation.visible_codes())
        if not codes or not visible:
            return
        position = codes.index(self.editor.code) if self.editor.code in codes else -1
        candidates = (
            codes[position + 1 :] if delta > 0 else list(reversed(codes[: max(position, 0)]))
        )
        target = next((c for c in candidates if c in visible), None)
        if target is None:
            self.statusBar().showMessage(
                str(t("Sudah di indikator terakhir.", "This is the last indicator."))
                if delta > 0
                else str(t("Sudah di indikator pertama.", "This is the first indicator.")),
                4000,
            )
            return
        self.show_indicator(target, focus=True)

    def next_unanswered(self) -> None:
        codes = self.navigation.model.codes
        if not codes:
            return
        start = codes.index(self.editor.code) + 1 if self.editor.code in codes else 0
        self.editor.flush()
        for code in codes[start:] + codes[:start]:
            if not self.editor.answer(code).is_answered:
                self.show_indicator(code, focus=True)
                return
        self.statusBar().showMessage(
            str(t("Semua indikator sudah dijawab.", "Every indicator is answered.")), 5000
        )

    # Assessment state ----------------------------------------------------------------

    def _show_lock(self) -> None:
        a = self.assessment
        locked = a is not None and a.is_finalized
        self.ui.frameLocked.setVisible(locked)
        if a is None or not locked:
            return
        self.ui.labelLocked.setTextFormat(Qt.TextFormat.RichText)
        self.ui.labelLocked.setText(
            str(
                t(
                    f"<b>Terkunci.</b> Penilaian ini sudah final sejak {format_timestamp(a.finalized_at)} "
                    f"(revisi {a.revision}, dokumen {a.document_number or '-'}): isinya sama dengan lembar "
                    f"evaluasi yang ditandatangani, sidik jari {a.fingerprint[:16]}… Untuk mengubahnya, buka "
                    "sebagai revisi baru melalui menu Penilaian.",
                    f"<b>Locked.</b> This assessment is final since {format_timestamp(a.finalized_at)} "
                    f"(revision {a.revision}, document {a.document_number or '-'}): it matches the signed "
                    f"evaluation sheet, fingerprint {a.fingerprint[:16]}… To change it, reopen it as a new "
                    "revision from the Assessment menu.",
                )
            )
        )

    def _show_previous_panel(self) -> None:
        """Last year's answers beside the form, when there is a last year and the user wants them."""
        self.ui.scrollPrevious.setVisible(
            self.actions.show_previous.isChecked() and self.editor.previous_year is not None
        )

    def _show_empty(self) -> None:
        agencies = self.store.agencies.list()
        if not agencies:
            text = t(
                "Basis data ini belum berisi OPD. Tambahkan OPD Anda untuk memulai penilaian mandiri.",
                "This database has no agency yet. Add your agency to start the self-assessment.",
            )
            button = t("OPD baru…", "New agency…")
        else:
            text = t(
                "OPD ini belum punya penilaian. Mulai penilaian untuk tahun ini?",
                "This agency has no assessment yet. Start this year's assessment?",
            )
            button = t(
                f"Mulai penilaian {dt.date.today().year}",
                f"Start the {dt.date.today().year} assessment",
            )
        self.ui.labelEmpty.setText(str(text))
        self.ui.buttonStartAssessment.setText(str(button))
        self.ui.stackForm.setCurrentIndex(PAGE_EMPTY)

    def _update_title(self) -> None:
        parts = []
        if self.assessment is not None:
            agency = self.store.agencies.find(self.assessment.agency_code)
            parts.append(
                f"{agency.name if agency else self.assessment.agency_code} · {self.assessment.year}"
            )
            if self.assessment.is_finalized:
                parts.append(str(self.assessment.status_text))
        parts.append(self.store.path.name)
        self.setWindowTitle(" — ".join([*parts, "KotaCerdas Desktop"]))

    def _show_path(self) -> None:
        self._path_label.setText(
            str(t(f"Data: {self.store.path.name}", f"Data: {self.store.path.name}"))
        )
        self._path_label.setToolTip(str(self.store.path))

    # Agencies and years -------------------------------------------------------------

    def _open_initial(self) -> None:
        agency, year, indicator = preferences.last_position(self.store.path)
        if not agency or self.store.agencies.find(agency) is None:
            agencies = self.store.agencies.list()
            agency = agencies[0].code if agencies else ""
        years = self.switcher.years(agency) if agency else []
        if year not in years:
            year = years[0] if years else None
        self.switcher.refresh(agency, year)
        self.open_assessment(
            self.store.assessments.current(agency, year) if agency and year else None, indicator
        )

    def _start_from_empty(self) -> None:
        if not self.store.agencies.list():
            self._new_agency()
            return
        created = operations.new_assessment(
            self.store, self.switcher.agency(), dt.date.today().year
        )
        if created is not None:
            self.open_assessment(created)

    def _ask_new_assessment(self) -> None:
        agency = self.switcher.agency()
        if not agency:
            self._new_agency()
            return
        suggested = max([*self.switcher.years(agency), dt.date.today().year - 1]) + 1

        def chosen(year: int) -> None:
            created = operations.new_assessment(self.store, agency, year)
            if created is not None:
                self.open_assessment(created)

        prompts.ask_year(self, suggested, chosen)

    def _ask_attachment_limit(self) -> None:
        prompts.ask_attachment_limit(
            self,
            self.store.evidence.max_bytes / (1024 * 1024),
            lambda megabytes: operations.set_attachment_limit(self.store, megabytes),
        )

    def _ask_operator_name(self) -> None:
        prompts.ask_operator_name(
            self,
            self.store.settings.get(OPERATOR_KEY),
            lambda name: operations.set_operator_name(self.store, name),
        )

    def _show_backups(self) -> None:
        from kotacerdas_desktop.gui.backups_dialog import BackupsDialog  # on first use

        self.editor.flush()
        dialog = BackupsDialog(self.store, self)
        dialog.restoreRequested.connect(self.restoreRequested)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _show_history(self) -> None:
        if self.assessment is None or not self.editor.code:
            return
        from kotacerdas_desktop.gui.history_dialog import HistoryDialog  # on first use

        self.editor.flush()
        dialog = HistoryDialog(self.store, self.assessment.id, self.editor.code, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _agency_settings(self) -> None:
        code = self.switcher.agency()
        if not code:
            self._new_agency()
            return
        from kotacerdas_desktop.gui.agency_dialog import AgencyDialog  # on first use

        dialog = AgencyDialog(self.store, code, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _new_agency(self) -> None:
        from kotacerdas_desktop.gui.agency_dialog import AgencyDialog  # on first use

        dialog = AgencyDialog(self.store, None, self)

        def added() -> None:
            if dialog.saved is not None:
                self.switcher.refresh(dialog.saved.code, None)
                self.open_assessment(None)

        dialog.accepted.connect(added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # Databases ---------------------------------------------------------------------

    def _open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            str(t("Buka basis data", "Open database")),
            str(self.store.path.parent),
            str(DATABASE_FILTER),
        )
        if name:
            self.openDatabaseRequested.emit(Path(name))

    def _new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            str(t("Basis data baru", "New database")),
            str(self.store.path.parent / "kotacerdas.sqlite"),
            str(DATABASE_FILTER),
        )
        if name:
            path = Path(name)
            if path.suffix == "":
                path = path.with_suffix(".sqlite")
            self.openDatabaseRequested.emit(path)

    def _fill_recent(self) -> None:
        menu = self.actions.menu_recent
        menu.clear()
        files = [p for p in preferences.recent_files() if p.resolve() != self.store.path.resolve()]
        for path in files:
            action = menu.addAction(f"{path.name}  —  {path.parent}")
            action.triggered.connect(
                lambda _checked=False, path=path: self.openDatabaseRequested.emit(path)
            )
        if not files:
            menu.addAction(str(t("(belum ada)", "(none yet)"))).setEnabled(False)

    # Window state ----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = preferences.ui_settings()
        geometry = settings.value("window/geometry")
        self.restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if self.restored:  # saved on a larger screen, or a screen no longer there
            fit_to_screen(self, self.width(), self.height())
        else:
            fit_to_screen(self, 1280, 800)
        for key, splitter, sizes in (
            ("window/splitter_main", self.ui.splitterMain, [380, 980]),
            ("window/splitter_form", self.ui.splitterForm, [720, 270]),
        ):
            state = settings.value(key)
            if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
                splitter.setSizes(sizes)
        show_previous = settings.value("window/show_previous", True)
        self.actions.show_previous.setChecked(show_previous not in (False, "false"))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is pending, remember the layout, and stop listening (the store closes next)."""
        if not self._detached:
            self.editor.flush()
            self.editor.retry_pending()
            if self.editor.pending and not prompts.confirm_close_unsaved(
                self, len(self.editor.pending), self._saved_label.toolTip()
            ):
                event.ignore()
                return
            self._detached = True
            self.editor.close()
            operations.notifier().changed.disconnect(self._store_changed)
            operations.notifier().failed.disconnect(self._failed)
            settings = preferences.ui_settings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/splitter_main", self.ui.splitterMain.saveState())
            settings.setValue("window/splitter_form", self.ui.splitterForm.saveState())
            settings.setValue("window/show_previous", self.actions.show_previous.isChecked())
            settings.sync()
            self.closed.emit()
        super().closeEvent(event)
