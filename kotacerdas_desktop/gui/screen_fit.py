"""Every window and dialog sized to the screen it opens on, by one function.

The office PC's screen is often 1366x768, or 1280x720, or a larger panel at
125 % or 150 % scaling, which leaves as few logical pixels. A window taller
than the free part of the screen hides its bottom (the print preview once
did, with its buttons). So each top-level window and dialog asks for the size
it would like, and gets at most the screen's available geometry (the taskbar
excluded) less the frame the window system draws around it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The title bar and borders the window system adds outside our geometry (Windows 10/11 at
# 100 %: 31 + 8 px tall, 16 px wide; a little more for other themes).
FRAME = QSize(16, 48)
# Up to this width (the usual office laptop) the main windows open maximized.
SMALL_SCREEN_WIDTH = 1440


def available(widget: QWidget) -> QRect:
    """The free part of the screen the widget opens on (its parent window's, before it shows)."""
    owner = widget.parentWidget().window() if widget.parentWidget() is not None else widget
    screen = owner.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def maximize_on_small_screen(window: QWidget) -> bool:
    """On the usual office laptop a main window takes the whole screen (sized to it first, for
    a session whose window manager does not maximize); False on a larger screen."""
    area = available(window)
    if area.width() > SMALL_SCREEN_WIDTH:
        return False
    window.resize(area.size())
    window.showMaximized()
    return True


def fit_to_screen(widget: QWidget, width: int = 0, height: int = 0) -> QSize:
    """Resize a top-level widget to ``width`` x ``height`` (0: its size hint), never beyond the
    available screen; a window placed before (restored geometry) is moved back onto it."""
    area = available(widget)
    hint = widget.sizeHint()
    room = area.size() - FRAME
    size = QSize(
        min(width or hint.width(), room.width()), min(height or hint.height(), room.height())
    )
    widget.resize(size)
    placed = QRect(widget.pos(), widget.size() + FRAME)
    if widget.testAttribute(Qt.WidgetAttribute.WA_Moved) and not area.contains(placed):
        free = area.size() - placed.size()
        widget.move(area.topLeft() + QPoint(max(free.width(), 0) // 2, max(free.height(), 0) // 2))
    return widget.size()
