"""Load Qt Designer forms from ui/ at run time and give them their words in the chosen language.

The .ui files hold layout and object names only; every visible word is set
here from ``t()`` texts, so the Indonesian and English interfaces come from
one form and a translator never edits XML. Loading at run time (QUiLoader)
keeps the build simple: ui/ ships as data, found through resources.ui_path.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtGui import QIcon
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.resources import resource_path, ui_path

DIALOG_MARGIN = 12


class Ui:
    """The named widgets of a loaded form, as attributes: ``ui.editJustification``."""

    def __init__(self, root: QWidget) -> None:
        self.root = root

    def __getattr__(self, name: str) -> QWidget:
        found = self.root.findChild(QObject, name)
        if found is None:
            raise AttributeError(f"{name} is not in form {self.root.objectName()}")
        setattr(self, name, found)
        return found


def load_ui(name: str, host: QWidget) -> Ui:
    """Load ui/NAME into ``host`` (filling it edge to edge) and return its widgets."""
    file = QFile(str(ui_path(name)))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot read {file.fileName()}")
    try:
        root = QUiLoader().load(file, host)
    finally:
        file.close()
    if root is None:
        raise RuntimeError(f"{name} is not a valid Designer form")
    layout = host.layout() or QVBoxLayout(host)
    # A dialog keeps a margin inside its edge, whatever its form sets; a panel fills its place.
    margin = DIALOG_MARGIN if isinstance(host, QDialog) else 0
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.addWidget(root)
    pair_labels(root)
    return Ui(root)


FIELD_PREFIXES = ("edit", "spin", "combo", "date")


def pair_labels(root: QWidget) -> None:
    """``labelX`` is the buddy of the form's field ``editX`` (or spinX, comboX, dateX): a screen
    reader reads the label as the field's name, and a click on the label goes to the field."""
    fields = {widget.objectName(): widget for widget in root.findChildren(QWidget)}
    for label in root.findChildren(QLabel):
        name = label.objectName()
        if not name.startswith("label") or label.buddy() is not None:
            continue
        field = next(
            (fields[f] for f in (p + name[5:] for p in FIELD_PREFIXES) if f in fields), None
        )
        if field is not None:
            label.setBuddy(field)


def apply_texts(ui: Ui, texts: Mapping[str, LocalText]) -> None:
    """Set each widget's words: ``name`` is its text (or title), ``name.placeholder`` / ``name.tip``
    the others, ``name.name`` the name a screen reader says (a field with no label of its own)."""
    for key, text in texts.items():
        name, _, part = key.partition(".")
        widget = getattr(ui, name)
        value = str(text)
        if part == "placeholder" and isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setPlaceholderText(value)
        elif part == "tip":
            widget.setToolTip(value)
        elif part == "name":
            widget.setAccessibleName(value)
        elif part:
            raise ValueError(f"unknown text part {key!r}")
        elif isinstance(widget, QGroupBox):
            widget.setTitle(value)
        elif isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            widget.setText(value)
        else:
            widget.setWindowTitle(value)


def restyle(*widgets: QWidget) -> None:
    """Read the style sheet again for widgets whose name or role changed after they were styled
    (a stacked page or a scroll area styles its contents as they are loaded)."""
    for widget in widgets:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """The row of buttons of a dialog that only closes: "Tutup" (Qt's own word is English)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(str(t("Tutup", "Close")))
    buttons.rejected.connect(dialog.reject)
    return buttons


def app_icon() -> QIcon:
    """The KotaCerdas icon (window title bars, task bar, the first-run dialog)."""
    return QIcon(str(resource_path("icons", "kotacerdas.png")))
