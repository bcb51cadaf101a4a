"""Paints navigation rows: progress bars and scores for dimensions and elements, a level badge,
review flag and problem mark for indicators. Sizes follow the font, so the tree scales with DPI."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.formatting import format_score
from kotacerdas_desktop.gui.nav_model import (
    FLAG_ROLE,
    KIND_DIMENSION,
    KIND_ELEMENT,
    KIND_INDICATOR,
    KIND_ROLE,
    PROBLEM_ROLE,
    PROGRESS_ROLE,
    SCORE_ROLE,
    STATE_ROLE,
)

ACCENT = QColor("#1d5fbf")
ENABLER = QColor("#7a4fb5")
DONE = QColor("#1f8a4c")
TRACK = QColor("#e3e8ef")
MUTED = QColor("#6b7585")
FLAG = QColor("#c77800")
PROBLEM = QColor("#c62828")
LEVEL_COLOURS = {
    1: QColor("#8fb3e3"),
    2: QColor("#5f93d6"),
    3: QColor("#3b78c7"),
    4: QColor("#215fae"),
    5: QColor("#12417f"),
}

Index = QModelIndex | QPersistentModelIndex


def _bar(painter: QPainter, rect: QRect, fraction: float, colour: QColor) -> None:
    radius = rect.height() / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TRACK)
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    if fraction > 0:
        filled = QRectF(rect)
        filled.setWidth(max(rect.height(), rect.width() * min(fraction, 1.0)))
        painter.setBrush(DONE if fraction >= 1 else colour)
        painter.drawRoundedRect(filled, radius, radius)


class NavigationDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height()
        kind = index.data(KIND_ROLE)
        factor = {KIND_INDICATOR: 1.6, KIND_ELEMENT: 1.8}.get(kind, 2.7)
        return QSize(200, round(height * factor))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = option.widget.style() if option.widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = (
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        kind = index.data(KIND_ROLE)
        rect = option.rect.adjusted(4, 0, -6, 0)
        if kind == KIND_INDICATOR:
            self._indicator(painter, option, index, rect, text_colour, selected)
        else:
            self._section(painter, option, index, rect, text_colour, selected, kind)
        painter.restore()

    def _section(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        rect: QRect,
        colour: QColor,
        selected: bool,
        kind: str,
    ) -> None:
        answered, total = index.data(PROGRESS_ROLE) or (0, 0)
        score = index.data(SCORE_ROLE) or format_score(None)
        font = QFont(option.font)
        font.setBold(kind != KIND_ELEMENT)
        metrics = QFontMetrics(font)
        right_text = f"{answered}/{total}   {score}"
        right_width = QFontMetrics(option.font).horizontalAdvance(right_text)
        accent = ENABLER if kind not in (KIND_DIMENSION, KIND_ELEMENT) else ACCENT
        if kind == KIND_ELEMENT:
            line = QRect(rect.left(), rect.top(), rect.width(), rect.height())
            bar = QRect(rect.right() - right_width - 58, rect.center().y() - 2, 48, 5)
            name_width = bar.left() - rect.left() - 8
        else:
            line = QRect(rect.left(), rect.top() + 4, rect.width(), metrics.height() + 4)
            bar = QRect(rect.left(), line.bottom() + 5, rect.width(), 6)
            name_width = rect.width() - right_width - 10
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.setFont(font)
        painter.setPen(colour if (selected or kind == KIND_ELEMENT) else accent.darker(130))
        painter.drawText(
            QRect(line.left(), line.top(), name_width, line.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_width),
        )
        painter.setFont(option.font)
        painter.setPen(colour if selected else MUTED)
        painter.drawText(
            QRect(line.right() - right_width, line.top(), right_width, line.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            right_text,
        )
        _bar(painter, bar, answered / total if total else 0.0, accent)

    def _indicator(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        rect: QRect,
        colour: QColor,
        selected: bool,
    ) -> None:
        metrics = QFontMetrics(option.font)
        state = index.data(STATE_ROLE)
        size = metrics.height() + 2
        badge = QRectF(rect.left(), rect.center().y() - size / 2, size, size)
        if state is None:
            painter.setPen(QPen(MUTED, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(badge.adjusted(3, 3, -3, -3))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LEVEL_COLOURS.get(state, MUTED))
            painter.drawRoundedRect(badge, 4, 4)
            small = QFont(option.font)
            small.setBold(True)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * (0.75 if state == 0 else 0.9)))
            painter.setFont(small)
            painter.setPen(QColor("white"))
            painter.drawText(
                badge,
                int(Qt.AlignmentFlag.AlignCenter),
                str(t("TB", "NA")) if state == 0 else str(state),
            )
            painter.setFont(option.font)
        marks = ""
        if index.data(FLAG_ROLE):
            marks += "⚑"
        if index.data(PROBLEM_ROLE):
            marks += "⚠"
        marks_width = metrics.horizontalAdvance(marks) + 4 if marks else 0
        left = int(badge.right()) + 8
        text_rect = QRect(left, rect.top(), rect.right() - left - marks_width, rect.height())
        painter.setPen(colour)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            metrics.elidedText(
                index.data(Qt.ItemDataRole.DisplayRole) or "",
                Qt.TextElideMode.ElideRight,
                text_rect.width(),
            ),
        )
        x = rect.right() - marks_width + 4
        for mark in marks:
            painter.setPen(colour if selected else (FLAG if mark == "⚑" else PROBLEM))
            painter.drawText(
                QRect(x, rect.top(), metrics.horizontalAdvance(mark), rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter),
                mark,
            )
            x += metrics.horizontalAdvance(mark)
