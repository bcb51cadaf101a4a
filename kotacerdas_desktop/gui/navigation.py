"""The navigation panel: the assessment's index and completeness, search, state filter and tree.

A click (or Enter) on a dimension or element opens its first indicator, and
the tree keeps only the dimension being worked on unfolded, so the six
dimensions and the enablers stay in view on a 1366x768 screen.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.figures import format_percent
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.score_text import index_name, method_sentence, predicate_text
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.formatting import format_score
from kotacerdas_desktop.gui.lens_bars import LensBars
from kotacerdas_desktop.gui.nav_delegate import NavigationDelegate
from kotacerdas_desktop.gui.nav_model import (
    CODE_ROLE,
    FILTER_ALL,
    FILTER_PROBLEMS,
    FILTER_REVIEW,
    FILTER_UNANSWERED,
    KIND_INDICATOR,
    KIND_ROLE,
    NavigationFilter,
    NavigationModel,
)
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui


class NavigationPanel(QWidget):
    # The indicator to show, and whether the keyboard goes to its form: a click, Enter or the
    # search's Enter move there; arrow keys in the tree show it and stay in the tree.
    indicatorActivated = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_ui("navigation.ui", self)
        self.model = NavigationModel(self)
        self.proxy = NavigationFilter(self)
        self.proxy.setSourceModel(self.model)
        tree = self.ui.treeNav
        tree.setModel(self.proxy)
        tree.setItemDelegate(NavigationDelegate(tree))
        tree.setMouseTracking(True)
        self.current = ""
        self._selecting = False
        apply_texts(
            self.ui,
            {
                "lineSearch.placeholder": t(
                    "Cari indikator (Ctrl+F)", "Search indicators (Ctrl+F)"
                ),
                "lineSearch.name": t("Cari indikator", "Search indicators"),
                "comboFilter.name": t("Tampilkan indikator", "Show indicators"),
                "treeNav.name": t(
                    "Dimensi, elemen dan indikator", "Dimensions, elements and indicators"
                ),
            },
        )
        for text, mode in (
            (t("Semua indikator", "All indicators"), FILTER_ALL),
            (t("Belum dijawab", "Unanswered"), FILTER_UNANSWERED),
            (t("Ditandai untuk ditinjau", "Marked for review"), FILTER_REVIEW),
            (t("Bermasalah / perlu dilengkapi", "Has problems"), FILTER_PROBLEMS),
        ):
            self.ui.comboFilter.addItem(str(text), mode)
        self.ui.frameSummary.setObjectName("summaryCard")
        self.lens_bars = LensBars.placed(self.ui.frameSummary, self.ui.layoutLensBars)
        self.ui.labelIndex.setProperty("role", "index")
        self.ui.labelIndexTitle.setProperty("role", "muted")
        self.ui.labelPredicate.setProperty("role", "predicate")
        self.ui.labelCompleteness.setProperty("role", "muted")
        self.ui.lineSearch.textChanged.connect(self._filter_changed)
        self.ui.comboFilter.currentIndexChanged.connect(self._filter_changed)
        self.ui.lineSearch.returnPressed.connect(self._open_first_match)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.ui.lineSearch,
            self.ui.lineSearch.clear,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.proxy.rowsInserted.connect(self._rows_shown)
        tree.selectionModel().currentChanged.connect(self._current_changed)
        tree.clicked.connect(self._activated)
        tree.activated.connect(self._activated)

    # Content ----------------------------------------------------------------

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self.current = ""
        self.model.set_catalogue(catalogue)

    def update_summary(
        self, report: ScoreReport | None, catalogue: Catalogue | None = None
    ) -> None:
        """The index, its predicate ("sementara" on a draft), completeness and the lens bars."""
        if report is None or catalogue is None:
            for label in (self.ui.labelIndex, self.ui.labelPredicate, self.ui.labelCompleteness):
                label.clear()
            self.ui.labelIndexTitle.setText(str(t("Belum ada penilaian", "No assessment yet")))
            self.ui.progressOverall.setValue(0)
            self.lens_bars.set_lenses([], "")
            return
        self.model.update_scores(report)
        self.ui.labelIndex.setText(format_score(report.index))
        self.ui.labelIndexTitle.setText(str(index_name(report)))
        self.ui.labelIndexTitle.setToolTip(str(method_sentence(catalogue, report)))
        self.ui.labelPredicate.setText(predicate_text(report) if report.predicate else "–")
        self.ui.progressOverall.setMaximum(max(report.total, 1))
        self.ui.progressOverall.setValue(report.answered)
        percent = format_percent(report.answered, report.total)
        self.ui.labelCompleteness.setText(
            str(
                t(
                    f"{report.answered} dari {report.total} indikator dijawab ({percent})",
                    f"{report.answered} of {report.total} indicators answered ({percent})",
                )
            )
        )
        self.lens_bars.show_report(report, catalogue)

    # Position ------------------------------------------------------------------

    def visible_codes(self) -> list[str]:
        """Indicators the filter lets through, in catalogue order (what Ctrl+PgDn walks)."""
        return [code for code in self.model.codes if self.proxy.accepts(self.model.items[code])]

    def select(self, code: str) -> None:
        """Show ``code`` as current without asking for it again; unfold only its dimension."""
        self.current = code
        item = self.model.items.get(code)
        if item is None:
            return
        source = self.model.indexFromItem(item)
        index = self.proxy.mapFromSource(source)
        tree = self.ui.treeNav
        if not self.proxy.active:
            dimension = source.parent().parent()
            for row in range(self.proxy.rowCount()):
                top = self.proxy.index(row, 0)
                tree.setExpanded(top, self.proxy.mapToSource(top) == dimension)
        if not index.isValid():
            tree.clearSelection()
            return
        tree.expand(index.parent().parent())
        tree.expand(index.parent())
        self._selecting = True
        try:
            tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._selecting = False
        tree.scrollTo(index)

    def focus_search(self) -> None:
        self.ui.lineSearch.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.lineSearch.selectAll()

    # Reacting ----------------------------------------------------------------

    def _filter_changed(self) -> None:
        self.proxy.set_filter(self.ui.lineSearch.text(), self.ui.comboFilter.currentData())
        if self.proxy.active:
            self.ui.treeNav.expandAll()
        if self.current:
            self.select(self.current)

    def _rows_shown(self, parent: QModelIndex, first: int, last: int) -> None:
        """Rows a filter lets through later (an answer just got a problem) arrive unfolded too."""
        if not self.proxy.active:
            return
        tree = self.ui.treeNav
        for row in range(first, last + 1):
            tree.expandRecursively(self.proxy.index(row, 0, parent))
        while parent.isValid():
            tree.expand(parent)
            parent = parent.parent()

    def _open_first_match(self) -> None:
        codes = self.visible_codes()
        if codes:
            self.indicatorActivated.emit(codes[0], True)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._selecting and current.data(KIND_ROLE) == KIND_INDICATOR:
            self.indicatorActivated.emit(current.data(CODE_ROLE), False)

    def _activated(self, index: QModelIndex) -> None:
        """Clicked or Enter: the keyboard goes to the form; a dimension or element opens its first
        indicator the filter shows."""
        child = index
        while child.isValid() and child.data(KIND_ROLE) != KIND_INDICATOR:
            child = self.proxy.index(0, 0, child)
        if child.isValid():
            self.indicatorActivated.emit(child.data(CODE_ROLE), True)
