"""The Kota view's tables and trees: cells to Qt, sorting by a header click, drill-down.

``RowsModel`` serves rows of ``Cell``s to a table lazily and sorts them by
their exact keys (a figure by its exact value, not its text). The trees
(weakest indicators, enablers) hold few rows and use ``cell_item``. A row that
belongs to one agency's assessment carries its id (and, where it is about one
indicator, the indicator's code) in its first cell; Enter or a double-click on
any cell of the row opens that assessment in the main window (``Drill``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

from kotacerdas_desktop.domain.text import LocalText
from kotacerdas_desktop.gui.city_cells import Cell

ASSESSMENT_ROLE = Qt.ItemDataRole.UserRole + 20  # first cell: the assessment a row opens
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 21  # first cell: the indicator to show, "" for any
SORT_ROLE = Qt.ItemDataRole.UserRole + 22  # what a column sorts by (a number, or folded text)
CELL_PADDING = 20  # pixels around a cell's text (the style sheet's padding and the grid)
MEASURED_ROWS = 60  # rows whose text sets a column's width (more costs time, rarely width)
TEXT = QColor("#1f2733")
NOTE = QColor("#8a5a00")

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of cells under column titles; sorting keeps the current row and selection."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles: list[str] = []
        self.title_tips: list[str] = []
        self.rows: list[list[Cell]] = []
        self._colours: dict[str, QColor] = {}

    def set_rows(
        self, titles: Sequence[str], rows: list[list[Cell]], tips: Sequence[str] = ()
    ) -> None:
        self.beginResetModel()
        self.titles, self.rows = list(titles), rows
        self.title_tips = [*tips, *[""] * (len(titles) - len(tips))]
        self.endResetModel()

    def set_column(self, column: int, cell_of: Callable[[list[Cell]], Cell]) -> None:
        """New cells in one column, each made from its row (the matrix's change column when
        last year's figures arrive): the rows, their order and the selection stay."""
        for row in self.rows:
            row[column] = cell_of(row)
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.rows[index.row()][index.column()]
        return cell_data(cell, role, self._colour)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= len(self.titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.title_tips[section] or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.titles):
            return
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(
            range(len(self.rows)),
            key=lambda n: self.rows[n][column].key,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        moved = {old: new for new, old in enumerate(order_of)}
        self.rows = [self.rows[n] for n in order_of]
        before = self.persistentIndexList()
        self.changePersistentIndexList(
            before, [self.index(moved[i.row()], i.column()) for i in before]
        )
        self.layoutChanged.emit()

    def _colour(self, name: str) -> QColor:
        if name not in self._colours:
            self._colours[name] = QColor(name)
        return self._colours[name]


def cell_data(cell: Cell, role: int, colour: Any = QColor) -> Any:
    """What Qt asks of a cell, role by role."""
    if role == Qt.ItemDataRole.DisplayRole:
        return cell.text
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        return cell.tip or None
    if role == Qt.ItemDataRole.BackgroundRole:
        return colour(cell.fill) if cell.fill else None
    if role == Qt.ItemDataRole.ForegroundRole:
        return NOTE if cell.note else (TEXT if cell.fill else None)
    if role == Qt.ItemDataRole.FontRole and cell.note:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.TextAlignmentRole:
        centre = Qt.AlignmentFlag.AlignCenter
        return (
            centre if cell.centred else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
    if role == SORT_ROLE:
        return cell.key
    if role == ASSESSMENT_ROLE:
        return cell.assessment_id
    if role == INDICATOR_ROLE:
        return cell.indicator
    return None


def cell_item(cell: Cell) -> QStandardItem:
    """A cell as a tree item (the trees are small; the tables use ``RowsModel``)."""
    item = QStandardItem()
    item.setEditable(False)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        SORT_ROLE,
        ASSESSMENT_ROLE,
        INDICATOR_ROLE,
    ):
        value = cell_data(cell, role)
        if value is not None:
            item.setData(value, role)
    return item


def tree_model(parent: QObject) -> QStandardItemModel:
    model = QStandardItemModel(parent)
    model.setSortRole(SORT_ROLE)
    return model


def prepare_view(
    view: QTableView | QTreeView,
    model: QAbstractItemModel,
    name: LocalText,
    sortable: bool = True,
    sort_column: int = 0,
) -> None:
    """The view of ``model``: read-only rows, whole-row selection, sorting by a header click
    (first by ``sort_column``, ascending), and a name for screen readers."""
    view.setModel(model)
    view.setAccessibleName(str(name))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    view.setSortingEnabled(sortable)
    if isinstance(view, QTableView):
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.horizontalHeader().setHighlightSections(False)
    header = _header(view)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    header.setSortIndicator(sort_column, Qt.SortOrder.AscendingOrder)


def _header(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def arrange(view: QTableView | QTreeView, stretch: int, widest: int = 420) -> None:
    """After new rows: columns fitted (``_fit_columns``), and the order the user chose by
    clicking a column title kept."""
    _fit_columns(view, stretch, widest)
    if view.isSortingEnabled():
        header = _header(view)
        view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())


def _texts(model: QAbstractItemModel, column: int) -> Iterator[str]:
    """The texts of a column's first rows and, in a tree, of the rows one level beneath them."""
    for row in range(min(model.rowCount(), MEASURED_ROWS)):
        index = model.index(row, column)
        yield index.data() or ""
        parent = index.siblingAtColumn(0)
        for child in range(model.rowCount(parent)):
            yield model.index(child, column, parent).data() or ""


def _fit_columns(view: QTableView | QTreeView, stretch: int, widest: int) -> None:
    """One column takes the room left; the others are as wide as their title's longest line
    and their longest text, up to ``widest`` pixels (longer texts are elided, the tooltip
    has them whole). Qt's own fit-to-contents also reserves the sort arrow's room on every
    title, which pushes a matrix of fifteen columns off a 1366-pixel screen."""
    header = _header(view)
    model = view.model()
    bold = QFont(view.font())
    bold.setBold(True)
    titles, cells = QFontMetrics(bold), view.fontMetrics()
    header.setStretchLastSection(False)
    for column in range(header.count()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(
            [titles.horizontalAdvance(line) for line in title.split("\n")]
            + [cells.horizontalAdvance(text) for text in _texts(model, column)]
        )
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, min(width + CELL_PADDING, widest))


class Drill(QObject):
    """Turns Enter or a double-click on a marked row into ``opened(assessment_id, indicator)``;
    on a tree row that opens nothing itself, it folds or unfolds the agencies beneath it."""

    opened = Signal(int, str)

    def __init__(self, view: QTableView | QTreeView) -> None:
        super().__init__(view)
        self.view = view
        view.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        assessment_id = first.data(ASSESSMENT_ROLE)
        if assessment_id is not None:
            self.opened.emit(int(assessment_id), first.data(INDICATOR_ROLE) or "")
        elif isinstance(self.view, QTreeView) and self.view.model().hasChildren(first):
            self.view.setExpanded(first, not self.view.isExpanded(first))
