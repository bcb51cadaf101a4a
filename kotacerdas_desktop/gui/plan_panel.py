"""The plan itself, for an agency or the city: the target, the summary, the steps with who and by
when, and the buttons to accept, save and print them.

What differs between the two is a ``PlanSource`` (gui/plan_sources.py): how a plan is made,
what the printed document says, and where accepted steps go. Who and by when typed for a
step are kept when the target changes, so trying another target loses no typing.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION, Catalogue
from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.plan_target import Target, parse_target
from kotacerdas_desktop.domain.plan_text import (
    Assignment,
    evidence_needed,
    gain_text,
    next_level,
    summary,
)
from kotacerdas_desktop.domain.planner import Plan, Step
from kotacerdas_desktop.domain.score_report import predicate_of
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.gui.city_actions import choose_coordinator
from kotacerdas_desktop.gui.formatting import locale
from kotacerdas_desktop.reports.plan_data import PlanDocument
from kotacerdas_desktop.store import Store

FIGURE = "figure"  # the target combo's entry for "an index such as 3,80"
COLUMNS = (
    t("Terima", "Accept"),
    t("OPD", "Agency"),
    t("Indikator", "Indicator"),
    t("Tingkat", "Level"),
    t("Yang harus terwujud", "What must become true"),
    t("Bukti dukung yang diperlukan", "Evidence needed"),
    t("Kenaikan", "Gain"),
    t("Menjadi", "Becomes"),
    t("Penanggung jawab", "Who"),
    t("Tenggat", "By when"),
)
COL_ACCEPT, COL_OWNER, COL_INDICATOR, COL_WHO, COL_DUE = 0, 1, 2, 8, 9


class PlanSource(Protocol):
    """Where a plan comes from and goes to (an agency's assessment, or the city's year)."""

    store: Store
    catalogue: Catalogue
    is_city: bool

    def plan(self, target: Target, efforts: dict[str, int] | None) -> Plan: ...

    def document(self, plan: Plan, assignments: list[Assignment], printed: bool) -> PlanDocument:
        """``printed``: a PDF or paper, which a city plan's coordinator must sign."""
        ...

    def figure(self) -> Fraction | None: ...  # today's index, None when nothing is scored

    def cannot_accept(self) -> LocalText | None: ...

    def flush(self) -> object: ...  # save what the main window's form holds

    def accept(self, assignments: list[Assignment]) -> LocalText | None: ...

    def file_stem(self) -> str: ...


def next_predicate_index(catalogue: Catalogue, figure: Fraction | None) -> int:
    """The band above today's (the last one when already at the top)."""
    current = predicate_of(catalogue, figure)
    if current is None:
        return len(catalogue.predicates) - 1
    position = catalogue.predicates.index(current)
    return min(position + 1, len(catalogue.predicates) - 1)


class PlanPanel(QWidget):
    planChanged = Signal(object)  # Plan
    indicatorRequested = Signal(str)  # an indicator code to show in the form

    def __init__(
        self,
        source: PlanSource,
        efforts: Callable[[], dict[str, int] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planPanel")
        self.source = source
        self._efforts = efforts
        self.plan: Plan | None = None
        self._typed: dict[tuple[str, str, int], tuple[str, str]] = {}
        self._unticked: set[tuple[str, str, int]] = set()
        self._task: background.Task | None = None
        self._build()
        self.set_source(source)

    # Building ------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(str(t("Target:", "Target:")), self))
        self.target = QComboBox(self)
        self.target.setObjectName("comboTarget")
        self.figure = QDoubleSpinBox(self)
        self.figure.setObjectName("spinTarget")
        self.figure.setLocale(locale())
        self.figure.setRange(1.0, 5.0)
        self.figure.setDecimals(2)
        self.figure.setSingleStep(0.05)
        self.scope = QComboBox(self)
        self.scope.setObjectName("comboScope")
        self.weigh = QCheckBox(str(t("Pakai perkiraan upaya", "Use effort estimates")), self)
        self.weigh.setObjectName("checkEffort")
        for widget in (self.target, self.figure):
            bar.addWidget(widget)
        bar.addWidget(QLabel(str(t("untuk", "for")), self))
        bar.addWidget(self.scope, 1)
        bar.addWidget(self.weigh)
        layout.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("labelPlanSummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "section")
        layout.addWidget(self.summary)
        self.to_answer = QLabel(self)
        self.to_answer.setObjectName("labelToAnswer")
        self.to_answer.setWordWrap(True)
        self.to_answer.setProperty("role", "hint")
        self.to_answer.linkActivated.connect(self.indicatorRequested)
        layout.addWidget(self.to_answer)
        self.note = QLabel(self)
        self.note.setObjectName("labelAcceptNote")
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        layout.addWidget(self.note)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("tableSteps")
        self.table.setAccessibleName(str(t("Langkah rencana", "Plan steps")))
        self.table.setHorizontalHeaderLabels([str(c) for c in COLUMNS])
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        for column, width in enumerate((64, 110, 230, 66, 260, 230, 84, 76, 140, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._typed_in)
        self.table.cellDoubleClicked.connect(self._open_row)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = self._button(
            "buttonOpenIndicator", t("Buka di formulir", "Open in the form"), self._open_selected
        )
        self.accept_button = self._button(
            "buttonAcceptPlan",
            t("Terima ke rencana tindak lanjut", "Accept into the follow-up plans"),
            self.accept_steps,
        )
        self.pdf_button = self._button(
            "buttonSavePdf", t("Simpan PDF…", "Save PDF…"), lambda: self.ask_save(".pdf")
        )
        self.xlsx_button = self._button(
            "buttonSaveXlsx", t("Simpan XLSX…", "Save XLSX…"), lambda: self.ask_save(".xlsx")
        )
        self.print_button = self._button("buttonPrintPlan", t("Cetak…", "Print…"), self.ask_print)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for button in (self.accept_button, self.pdf_button, self.xlsx_button, self.print_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setObjectName("labelPlanStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.target.currentIndexChanged.connect(self._target_kind)
        self.figure.valueChanged.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self.refresh)
        self.weigh.toggled.connect(self.refresh)

    def _button(self, name: str, text: LocalText, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(str(text), self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def set_source(self, source: PlanSource) -> None:
        """Plan for another assessment (or year): the same target where the catalogue allows."""
        kept = (self.target.currentData(), self.scope.currentData()) if self.plan else None
        self.source = source
        catalogue = source.catalogue
        for combo in (self.target, self.scope, self.figure):
            combo.blockSignals(True)
        self.target.clear()
        for predicate in catalogue.predicates[1:]:
            label = predicate.label
            self.target.addItem(f"{label} ({format_figure(predicate.exact_minimum)})", label.id)
        self.target.addItem(str(t("Angka…", "A figure…")), FIGURE)
        self.scope.clear()
        name = (
            t("Indeks Pencapaian", "Achievement Index")
            if catalogue.lenses
            else t("Indeks", "Index")
        )
        self.scope.addItem(str(name), None)
        for dimension in catalogue.dimensions:
            kind = "" if dimension.kind == KIND_DIMENSION else str(t(" (pendukung)", " (enabler)"))
            self.scope.addItem(f"{dimension.code} — {dimension.name}{kind}", dimension.code)
        wanted = next_predicate_index(catalogue, source.figure()) - 1
        if kept is not None:
            wanted = max(self.target.findData(kept[0]), 0)
            self.scope.setCurrentIndex(max(self.scope.findData(kept[1]), 0))
        self.target.setCurrentIndex(max(wanted, 0))
        self.figure.setValue(float(catalogue.predicates[-1].exact_minimum))
        self.figure.setEnabled(self.target.currentData() == FIGURE)
        for combo in (self.target, self.scope, self.figure):
            combo.blockSignals(False)
        self.table.setColumnHidden(COL_OWNER, not source.is_city)
        self.open_button.setVisible(not source.is_city)
        self.refresh()

    # Planning --------------------------------------------------------------------

    def target_value(self) -> Target:
        chosen = self.target.currentData()
        text = chosen if chosen != FIGURE else f"{self.figure.value():.2f}"
        return parse_target(self.source.catalogue, text, self.scope.currentData())

    def _target_kind(self) -> None:
        self.figure.setEnabled(self.target.currentData() == FIGURE)
        self.refresh()

    def refresh(self) -> None:
        """Plan again for the target shown (after any change of target, scope or efforts)."""
        efforts = self._efforts() if self.weigh.isChecked() else None
        self.plan = self.source.plan(self.target_value(), efforts)
        self.summary.setText(str(summary(self.source.catalogue, self.plan)))
        self._show_to_answer()
        reason = self.source.cannot_accept()
        self.note.setText(str(reason) if reason else "")
        self.note.setVisible(reason is not None)
        self.accept_button.setEnabled(reason is None and bool(self.plan.steps))
        self._fill_table()
        self.planChanged.emit(self.plan)

    def _show_to_answer(self) -> None:
        assert self.plan is not None
        missing = self.plan.to_answer
        self.to_answer.setVisible(bool(missing))
        if not missing:
            return
        shown = missing[:30]
        links = ", ".join(
            f"{u.owner}: {u.indicator_code}"
            if u.owner
            else f'<a href="{u.indicator_code}">{u.indicator_code}</a>'
            for u in shown
        )
        more = f" … (+{len(missing) - len(shown)})" if len(missing) > len(shown) else ""
        self.to_answer.setText(str(t(f"Jawab dulu: {links}{more}", f"Answer first: {links}{more}")))

    def _fill_table(self) -> None:
        assert self.plan is not None
        catalogue = self.source.catalogue
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.plan.steps))
        for row, (step, after) in enumerate(zip(self.plan.steps, self.plan.running(), strict=True)):
            indicator = catalogue.indicator(step.indicator_code)
            label, description = next_level(catalogue, step)
            who, due = self._typed.get(_key(step), ("", ""))
            cells = (
                "",
                step.owner,
                f"{step.indicator_code}\n{indicator.question}",
                f"{step.from_level} → {step.to_level}",
                f"{label}: {description}",
                str(evidence_needed(catalogue, step)),
                gain_text(step.gain),
                format_figure(after),
                who,
                due,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column not in (COL_WHO, COL_DUE):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column not in (COL_WHO, COL_DUE, COL_ACCEPT):
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
            accept = self.table.item(row, COL_ACCEPT)
            accept.setFlags(accept.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = _key(step) not in self._unticked
            accept.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()

    def _typed_in(self, item: QTableWidgetItem) -> None:
        """Keep what the user set on a step (ticked or not, who, by when) across new plans."""
        if self.plan is None:
            return
        step = self.plan.steps[item.row()]
        if item.column() == COL_ACCEPT:
            if item.checkState() == Qt.CheckState.Checked:
                self._unticked.discard(_key(step))
            else:
                self._unticked.add(_key(step))
            return
        if item.column() not in (COL_WHO, COL_DUE):
            return
        who = self.table.item(item.row(), COL_WHO).text()
        due = self.table.item(item.row(), COL_DUE).text()
        self._typed[_key(step)] = (who, due)

    def assignments(self, only_accepted: bool = False) -> list[Assignment]:
        """Every step with its who and by when (or only the rows ticked "accept")."""
        if self.plan is None:
            return []
        chosen = []
        for step in self.plan.steps:
            if only_accepted and _key(step) in self._unticked:
                continue
            who, due = self._typed.get(_key(step), ("", ""))
            chosen.append(Assignment(step, who.strip(), due.strip()))
        return chosen

    # Acting --------------------------------------------------------------------

    def _open_row(self, row: int, _column: int) -> None:
        if self.plan is not None and not self.source.is_city and 0 <= row < len(self.plan.steps):
            self.indicatorRequested.emit(self.plan.steps[row].indicator_code)

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._open_row(rows[0].row() if rows else 0, 0)

    def accept_steps(self) -> None:
        self.source.flush()  # typing in the form first: the plan is made again if it moved
        chosen = self.assignments(only_accepted=True)
        if not chosen:
            self.status.setText(str(t("Tidak ada langkah yang dicentang.", "No step is ticked.")))
            return
        message = self.source.accept(chosen)
        if message is not None:
            self.status.setText(str(message))

    def ask_save(self, suffix: str) -> None:
        name = f"{self.source.file_stem()}{suffix}"
        kind = "PDF (*.pdf)" if suffix == ".pdf" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(
            self, str(t("Simpan rencana", "Save the plan")), str(Path.home() / name), kind
        )
        if path:
            self.save_to(Path(path) if Path(path).suffix.lower() == suffix else Path(path + suffix))

    def _document(self, printed: bool) -> PlanDocument | None:
        """The plan as a document; a printed city plan whose coordinating agency is not known
        asks for it once, as the Kota window's recap does (gui/city_actions.py)."""
        assert self.plan is not None
        try:
            return self.source.document(self.plan, self.assignments(), printed)
        except KotaCerdasError as error:
            if error.field == "coordinator" and choose_coordinator(
                self, self.source.store, str(error)
            ):
                return self._document(printed)
            self.status.setText(str(error))
            return None

    def save_to(self, path: Path) -> background.Task | None:
        """Write the plan as PDF or XLSX in the background (a city plan may run to 90 pages),
        never onto data (reports/plan_file.py)."""
        from kotacerdas_desktop.reports.plan_file import PDF, write_plan

        document = self._document(printed=path.suffix.lower() == PDF) if self.plan else None
        if document is None:
            return None
        database = self.source.store.path

        def done(_result: object) -> None:
            self.status.setText(str(t(f"Disimpan: {path}", f"Saved: {path}")))

        self._task = background.start(
            lambda _progress: write_plan(document, path, database),
            parent=self,
            title=str(t("Menyimpan rencana", "Saving the plan")),
            on_done=done,
            on_error=self._failed,
        )
        return self._task

    def ask_print(self) -> None:
        from kotacerdas_desktop.gui.plan_print import print_plan

        document = self._document(printed=True) if self.plan else None
        if document is not None:
            self._task = print_plan(self, document)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, background.Cancelled):
            self.status.setText(str(t("Dibatalkan.", "Cancelled.")))
        elif isinstance(error, KotaCerdasError):
            self.status.setText(str(error))
        else:
            raise error


def _key(step: Step) -> tuple[str, str, int]:
    return (step.owner, step.indicator_code, step.from_level)
