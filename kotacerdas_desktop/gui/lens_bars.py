"""The index's breakdown under it: one small bar per evaluation lens, with its weight and score.

Drawn in one widget (five columns in about 60 px) so the navigation keeps its
room on a 1366x768 screen; the tooltip and the accessible name spell every
lens out in full with its predicate in words, so nothing is said by the bars
alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLayout, QWidget

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.figures import shown
from kotacerdas_desktop.domain.score_report import ScoreReport
from kotacerdas_desktop.domain.score_text import format_share
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui.formatting import format_score

MAX_LEVEL = 5
BAR = QColor("#1d5fbf")
TRACK = QColor("#e3e8ef")
TEXT = QColor("#1f2733")
MUTED = QColor("#6b7585")


@dataclass(frozen=True)
class LensFigure:
    name: str  # "Baseline"
    weight: str  # "10%"
    figure: str  # "3,20" or "–"
    value: float | None  # 0..5 for the bar's height, None when the lens has no score


class LensBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lenses: list[LensFigure] = []
        self.setObjectName("lensBars")

    def set_lenses(self, lenses: list[LensFigure], summary: str) -> None:
        self._lenses = lenses
        self.setVisible(bool(lenses))
        self.setToolTip(summary)
        self.setAccessibleName(summary)
        self.updateGeometry()
        self.update()

    @classmethod
    def placed(cls, parent: QWidget, layout: QLayout) -> LensBars:
        """Empty bars in ``layout``, hidden until a report with lenses is shown."""
        bars = cls(parent)
        bars.hide()
        layout.addWidget(bars)
        return bars

    def show_report(self, report: ScoreReport, catalogue: Catalogue) -> None:
        """The lenses of one report (an agency's or the city's), spelled out in the tooltip."""
        weights = [lens.weight for lens in catalogue.lenses]
        figures = [
            LensFigure(
                name=str(lens.name).split(" (")[0],
                weight=format_share(lens.weight, weights),
                figure=format_score(report.lenses.get(lens.code)),
                value=None
                if report.lenses.get(lens.code) is None
                else float(report.lenses[lens.code]),
            )
            for lens in catalogue.lenses
            if report.lenses
        ]
        words = {
            lens.code: f" · {catalogue.predicate(shown(report.lenses[lens.code])).label}"
            if report.lenses.get(lens.code) is not None
            else ""
            for lens in catalogue.lenses
        }
        summary = "\n".join(
            str(
                t(
                    f"{f.name} (bobot {f.weight}): {f.figure}{words[lens.code]}",
                    f"{f.name} (weight {f.weight}): {f.figure}{words[lens.code]}",
                )
            )
            for f, lens in zip(figures, catalogue.lenses, strict=False)
        )
        self.set_lenses(figures, summary)

    def lenses(self) -> list[LensFigure]:
        return list(self._lenses)

    def sizeHint(self) -> QSize:
        return QSize(240, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(150, self._height())

    def _height(self) -> int:
        return QFontMetrics(self._small_font()).height() * 3 + 30

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 6.5))
        return font

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._lenses:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = self._small_font()
        metrics = QFontMetrics(small)
        line = metrics.height()
        column = self.width() / len(self._lenses)
        plot_top, plot_bottom = line + 2, self.height() - 2 * line - 2
        for n, lens in enumerate(self._lenses):
            left = int(n * column)
            width = int(column)
            bar_width = min(18, width - 8)
            bar_left = left + (width - bar_width) // 2
            track = QRect(bar_left, plot_top, bar_width, plot_bottom - plot_top)
            painter.fillRect(track, TRACK)
            if lens.value is not None:
                height = int(track.height() * max(0.0, min(lens.value, MAX_LEVEL)) / MAX_LEVEL)
                painter.fillRect(
                    QRect(bar_left, track.bottom() - height + 1, bar_width, height), BAR
                )
            painter.setFont(small)
            painter.setPen(TEXT)
            centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(QRect(left, 0, width, line), centre, lens.figure)
            name = metrics.elidedText(lens.name, Qt.TextElideMode.ElideRight, width - 2)
            painter.drawText(QRect(left, plot_bottom + 2, width, line), centre, name)
            painter.setPen(MUTED)
            painter.drawText(QRect(left, plot_bottom + 2 + line, width, line), centre, lens.weight)
        painter.end()
