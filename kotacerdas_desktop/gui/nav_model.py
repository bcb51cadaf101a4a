"""The navigation tree's data: dimensions (and enabler sections), elements, indicators.

Each row carries what the delegate draws (progress, score, level, review flag,
problems) as item data, and the filter proxy hides indicators by search text
and by state (unanswered, marked for review, has problems).
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kotacerdas_desktop.domain.catalogue import KIND_ENABLER, Catalogue
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.formatting import format_score

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "dimension" | "enabler" | "element" | "indicator"
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # (answered, total)
SCORE_ROLE = Qt.ItemDataRole.UserRole + 4  # the shown figure ("3,47", "–")
STATE_ROLE = (
    Qt.ItemDataRole.UserRole + 5
)  # indicator: level 1..5, 0 not applicable, None unanswered
FLAG_ROLE = Qt.ItemDataRole.UserRole + 6  # indicator: marked for review
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 7  # indicator: list of problem messages
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 8  # indicator: lower-case text searched

KIND_DIMENSION, KIND_ELEMENT, KIND_INDICATOR = "dimension", "element", "indicator"

FILTER_ALL, FILTER_UNANSWERED, FILTER_REVIEW, FILTER_PROBLEMS = range(4)


def _item(text: str, kind: str, code: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    item.setData(code, CODE_ROLE)
    item.setToolTip(text)  # the whole name: the tree cuts a long one with "…"
    return item


class NavigationModel(QStandardItemModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.items: dict[str, QStandardItem] = {}
        self.codes: list[str] = []  # indicators in catalogue order

    def set_catalogue(self, catalogue: Catalogue | None) -> None:
        self.clear()
        self.items, self.codes = {}, []
        if catalogue is None:
            return
        root = self.invisibleRootItem()
        for dimension in catalogue.dimensions:
            kind = KIND_ENABLER if dimension.kind == KIND_ENABLER else KIND_DIMENSION
            dim_item = _item(str(dimension.name), kind, dimension.code)
            root.appendRow(dim_item)
            self.items[dimension.code] = dim_item
            for element in dimension.elements:
                element_item = _item(str(element.name), KIND_ELEMENT, element.code)
                dim_item.appendRow(element_item)
                self.items[element.code] = element_item
                for indicator in element.indicators:
                    question = str(indicator.question)
                    item = _item(question, KIND_INDICATOR, indicator.code)
                    item.setData(f"{indicator.code} {question}".lower(), SEARCH_ROLE)
                    element_item.appendRow(item)
                    self.items[indicator.code] = item
                    self.codes.append(indicator.code)

    def update_scores(self, report: ScoreReport) -> None:
        for code, dimension in report.dimensions.items():
            self._progress(code, dimension.answered, dimension.total, dimension.score)
            for element_code, element in dimension.elements.items():
                self._progress(element_code, element.answered, element.total, element.score)

    def _progress(self, code: str, answered: int, total: int, score: Fraction | None) -> None:
        item = self.items.get(code)
        if item is not None:
            item.setData((answered, total), PROGRESS_ROLE)
            item.setData(format_score(score), SCORE_ROLE)  # the shown figure, drawn as is
            item.setToolTip(
                str(
                    t(
                        f"{item.text()}\n{answered} dari {total} dijawab · skor {format_score(score)}",
                        f"{item.text()}\n{answered} of {total} answered · score {format_score(score)}",
                    )
                )
            )

    def update_indicator(self, answer: Answer | None, problems: list[str]) -> None:
        if answer is None:
            return
        item = self.items.get(answer.indicator_code)
        if item is None:
            return
        state = None
        if answer.not_applicable:
            state = 0
        elif answer.level is not None:
            state = answer.level
        item.setData(state, STATE_ROLE)
        item.setData(answer.review_flag, FLAG_ROLE)
        item.setData(problems, PROBLEM_ROLE)
        tip = [f"{answer.indicator_code}: {item.text()}"]
        if answer.review_flag and answer.review_comment:
            tip.append(f"⚑ {answer.review_comment}")
        tip.extend(f"⚠ {p}" for p in problems)
        item.setToolTip("\n".join(tip))


class NavigationFilter(QSortFilterProxyModel):
    """Indicators matching the search text and the chosen state; their parents stay visible."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._text = ""
        self._mode = FILTER_ALL

    @property
    def active(self) -> bool:
        return bool(self._text) or self._mode != FILTER_ALL

    def set_filter(self, text: str, mode: int) -> None:
        text = text.strip().lower()
        if (text, mode) == (self._text, self._mode):
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._text, self._mode = text, mode
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._text, self._mode = text, mode
            self.invalidateFilter()

    def accepts(self, item: QStandardItem) -> bool:
        """Whether an indicator row passes the filter (parents pass when a child does)."""
        if item.data(KIND_ROLE) != KIND_INDICATOR:
            return not self.active
        if self._text and not all(word in item.data(SEARCH_ROLE) for word in self._text.split()):
            return False
        if self._mode == FILTER_UNANSWERED:
            return item.data(STATE_ROLE) is None
        if self._mode == FILTER_REVIEW:
            return bool(item.data(FLAG_ROLE))
        if self._mode == FILTER_PROBLEMS:
            return bool(item.data(PROBLEM_ROLE))
        return True

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, NavigationModel)
        index = model.index(source_row, 0, source_parent)
        item = model.itemFromIndex(index)
        return item is not None and self.accepts(item)
