"""Run something right after a window is first painted: what the first screen does not need.

A start is over for the user when the window is painted with its form ready
for keys; menus' commands, their windows and dialogs can be made a moment
later. The window is painted when it is first exposed (every platform tells
Qt so before the first paint), so the callback is queued then: it runs from
the event loop after that paint, before the input that follows it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstExpose(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._widget.isVisible():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._widget, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once from the event loop, just after ``widget`` (a shown top-level
    window) is first painted."""
    handle = widget.windowHandle()
    if handle is None or handle.isExposed():
        QTimer.singleShot(0, widget, callback)
        return
    handle.installEventFilter(_FirstExpose(widget, callback))
