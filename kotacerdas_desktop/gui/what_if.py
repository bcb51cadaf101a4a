"""What if: change any level in a sandbox and watch every figure move (the index and its
predicate, each lens, each dimension and enabler section), beside the saved figures.

The sandbox is a copy of the answers in memory: nothing here is ever written to the
database. "Coba rencana" puts the plan's steps into the sandbox, so the plan's effect on
every figure can be seen before anyone accepts it.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.planner import Plan
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.score_text import index_line, index_name
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.effort_panel import intro_layout

UNANSWERED, NOT_APPLICABLE = "", "na"
INTRO = t(
    "Ubah tingkat indikator mana pun dan lihat semua angka bergerak. Ini hanya simulasi: "
    "penilaian yang tersimpan tidak berubah.",
    "Change any indicator's level and watch every figure move. This is only a simulation: the "
    "saved assessment does not change.",
)


def _choice_text(choice: object) -> str:
    if choice == UNANSWERED:
        return "–"
    if choice == NOT_APPLICABLE:
        return str(t("TB", "N/A"))
    return str(choice)


def figure_rows(catalogue: Catalogue, report: ScoreReport) -> list[tuple[str, Fraction | None]]:
    """(name, exact figure) of the index, each lens and each section, in that order."""
    rows: list[tuple[str, Fraction | None]] = [(str(index_name(report)), report.index)]
    rows += [
        (str(t("Lensa ", "Lens ")) + str(lens.name).split(" (")[0], report.lenses.get(lens.code))
        for lens in catalogue.lenses
        if report.lenses
    ]
    rows += [(f"{d.code} {d.name}", report.dimensions[d.code].score) for d in catalogue.dimensions]
    return rows


class WhatIfPanel(QWidget):
    changed = Signal()

    def __init__(
        self, catalogue: Catalogue, answers: dict[str, Answer], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whatIfPanel")
        layout = intro_layout(self, INTRO)
        splitter = QSplitter(self)
        self.levels = QTableWidget(0, 3, splitter)
        self.levels.setObjectName("tableWhatIfLevels")
        self.levels.setHorizontalHeaderLabels(
            [str(t("Indikator", "Indicator")), str(t("Tersimpan", "Saved")), str(t("Coba", "Try"))]
        )
        self.levels.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures = QTableWidget(0, 4, splitter)
        self.figures.setObjectName("tableWhatIfFigures")
        self.figures.setHorizontalHeaderLabels(
            [
                str(t("Angka", "Figure")),
                str(t("Tersimpan", "Saved")),
                str(t("Bagaimana jika", "What if")),
                str(t("Selisih", "Change")),
            ]
        )
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures.verticalHeader().hide()
        splitter.setSizes([520, 480])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.headline = QLabel(self)
        self.headline.setObjectName("labelWhatIf")
        self.headline.setProperty("role", "section")
        buttons.addWidget(self.headline, 1)
        self.try_plan = QPushButton(str(t("Coba rencana", "Try the plan")), self)
        self.try_plan.setObjectName("buttonTryPlan")
        self.reset = QPushButton(str(t("Kembalikan", "Reset")), self)
        self.reset.setObjectName("buttonResetWhatIf")
        self.reset.clicked.connect(self.restore)
        buttons.addWidget(self.try_plan)
        buttons.addWidget(self.reset)
        layout.addLayout(buttons)
        self.set_answers(catalogue, answers)

    def set_answers(self, catalogue: Catalogue, answers: dict[str, Answer]) -> None:
        """The saved answers to compare with; the sandbox starts from them."""
        self.catalogue, self.saved = catalogue, answers
        self.saved_report = score(catalogue, answers)
        indicators = list(catalogue.indicators())
        self.levels.setRowCount(len(indicators))
        self.combos: dict[str, QComboBox] = {}
        for row, indicator in enumerate(indicators):
            answer = answers.get(indicator.code) or Answer(indicator.code)
            item = QTableWidgetItem(f"{indicator.code}  {indicator.question}")
            item.setToolTip(str(indicator.question))
            self.levels.setItem(row, 0, item)
            self.levels.setItem(row, 1, QTableWidgetItem(_choice_text(_choice(answer))))
            combo = QComboBox(self.levels)
            choices = [UNANSWERED, *([NOT_APPLICABLE] if indicator.allow_na else []), 1, 2, 3, 4, 5]
            for choice in choices:
                combo.addItem(_choice_text(choice), choice)
            combo.setCurrentIndex(combo.findData(_choice(answer)))
            combo.currentIndexChanged.connect(self.recompute)
            self.levels.setCellWidget(row, 2, combo)
            self.combos[indicator.code] = combo
        self.recompute()

    def update_saved(self, answers: dict[str, Answer]) -> None:
        """The saved answers changed (the operator is typing in the form): rows the sandbox
        has not touched follow them, the ones it changed keep the sandbox's level."""
        for row, (code, combo) in enumerate(self.combos.items()):
            old = _choice(self.saved.get(code) or Answer(code))
            new = _choice(answers.get(code) or Answer(code))
            self.levels.item(row, 1).setText(_choice_text(new))
            if combo.currentData() == old and old != new:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(new))
                combo.blockSignals(False)
        self.saved = answers
        self.saved_report = score(self.catalogue, answers)
        self.recompute()

    def sandbox(self) -> dict[str, Answer]:
        """The answers as the sandbox has them (copies: the saved ones are never touched)."""
        answers = {}
        for code, combo in self.combos.items():
            base = self.saved.get(code) or Answer(code)
            choice = combo.currentData()
            answers[code] = replace(
                base,
                level=choice if isinstance(choice, int) else None,
                not_applicable=choice == NOT_APPLICABLE,
            )
        return answers

    def report(self) -> ScoreReport:
        return score(self.catalogue, self.sandbox())

    def recompute(self) -> None:
        now = self.report()
        before = figure_rows(self.catalogue, self.saved_report)
        after = figure_rows(self.catalogue, now)
        self.figures.setRowCount(len(after))
        for row, ((name, old), (_, new)) in enumerate(zip(before, after, strict=True)):
            delta = None if old is None or new is None else new - old
            change = "" if not delta else ("+" if delta > 0 else "") + format_figure(delta)
            cells = [name, format_figure(old), format_figure(new), change]
            if row == 0:  # the index carries its predicate
                cells[1:3] = [index_line(self.saved_report), index_line(now)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                font = item.font()
                font.setBold(bool(delta) or row == 0)
                item.setFont(font)
                self.figures.setItem(row, column, item)
        for row, (code, combo) in enumerate(self.combos.items()):
            item = self.levels.item(row, 0)
            font = item.font()
            font.setBold(combo.currentData() != _choice(self.saved.get(code) or Answer(code)))
            item.setFont(font)
        self.headline.setText(
            f"{t('Bagaimana jika', 'What if')}: {index_name(now)} {index_line(now)}"
        )
        self.changed.emit()

    def restore(self) -> None:
        """Back to the saved levels."""
        for code, combo in self.combos.items():
            answer = self.saved.get(code) or Answer(code)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(_choice(answer)))
            combo.blockSignals(False)
        self.recompute()

    def apply_plan(self, plan: Plan) -> None:
        """Put a plan's steps into the sandbox (from the saved levels)."""
        self.restore()
        for step in plan.steps:
            combo = self.combos[step.indicator_code]
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(step.to_level))
            combo.blockSignals(False)
        self.recompute()


def _choice(answer: Answer) -> object:
    if answer.not_applicable:
        return NOT_APPLICABLE
    return answer.level if answer.level is not None else UNANSWERED
