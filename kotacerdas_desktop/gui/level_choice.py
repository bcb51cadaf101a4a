"""The maturity levels of an indicator as cards to choose from, each with its full description.

An operator reads every description before choosing, so each level is a card
(radio, number and label, the whole description) rather than a bare radio
button; a click anywhere on the card chooses it, keys 1-5 and N choose from
anywhere in the window (see IndicatorForm), arrow keys move between cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kotacerdas_desktop.gui.uiloader import restyle

NOT_APPLICABLE = 0  # the choice value of "tidak berlaku" beside levels 1..5


@dataclass(frozen=True)
class Choice:
    value: int  # 1..5, or NOT_APPLICABLE
    title: str  # "3 · Terdefinisi"
    description: str
    evidence: str = ""  # "Bukti minimum: ..." under the description, when the catalogue names it


class LevelCard(QFrame):
    """One level: its radio button and title, a chip when it was last year's level, the
    description and the minimum evidence that proves the level."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("levelCard")
        self.value = 0
        self.radio = QRadioButton(self)
        self.radio.setObjectName("levelRadio")
        self.chip = QLabel(self)
        self.chip.setObjectName("previousChip")
        self.chip.hide()
        self.description = QLabel(self)
        self.description.setObjectName("levelDescription")
        self.description.setWordWrap(True)
        self.description.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.evidence = QLabel(self)
        self.evidence.setObjectName("levelEvidence")
        self.evidence.setWordWrap(True)
        self.evidence.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 7, 10, 8)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        layout.addWidget(self.radio, 0, 0)
        layout.addWidget(self.chip, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.description, 1, 0, 1, 2)
        layout.addWidget(self.evidence, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        self.description.setContentsMargins(24, 0, 0, 0)
        self.evidence.setContentsMargins(24, 2, 0, 0)

    def set_choice(self, choice: Choice) -> None:
        self.value = choice.value
        self.radio.setText(choice.title)
        self.description.setText(choice.description)
        self.description.setVisible(bool(choice.description))
        self.evidence.setText(choice.evidence)
        self.evidence.setVisible(bool(choice.evidence))

    def set_selected(self, selected: bool) -> None:
        if self.property("selected") != selected:
            self.setProperty("selected", selected)
            restyle(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.radio.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.radio.click()
            self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)


class LevelChoice(QWidget):
    """The cards of one indicator; ``chosen`` fires only when the user picks one."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._group = QButtonGroup(self)
        self._group.idClicked.connect(self._clicked)
        self._cards: list[LevelCard] = []

    def set_choices(self, choices: list[Choice]) -> None:
        """Show these choices (cards are reused: switching indicators creates no widgets)."""
        while len(self._cards) < len(choices):
            card = LevelCard(self)
            self._group.addButton(card.radio, len(self._cards))
            self._layout.addWidget(card)
            self._cards.append(card)
        for index, card in enumerate(self._cards):
            if index < len(choices):
                card.set_choice(choices[index])
            card.setVisible(index < len(choices))
        self.set_value(None)

    def cards(self) -> list[LevelCard]:
        return [card for card in self._cards if card.isVisibleTo(self)]

    def value(self) -> int | None:
        checked = self._group.checkedId()
        return self._cards[checked].value if checked >= 0 else None

    def set_value(self, value: int | None) -> None:
        """Show ``value`` as chosen (None: nothing chosen) without emitting ``chosen``."""
        self._group.setExclusive(False)
        for card in self._cards:
            card.radio.setChecked(card.value == value and card.isVisibleTo(self))
            card.set_selected(card.radio.isChecked())
        self._group.setExclusive(True)

    def choose(self, value: int) -> bool:
        """Choose as if clicked (keys 1-5, N); False when this indicator has no such choice."""
        for index, card in enumerate(self.cards()):
            if card.value == value and card.radio.isEnabled():
                card.radio.setChecked(True)
                self._clicked(index)
                return True
        return False

    def mark_previous(self, value: int | None, text: str) -> None:
        """Put a small chip (e.g. "2025") on the card chosen last year."""
        for card in self._cards:
            card.chip.setText(text)
            card.chip.setVisible(value is not None and card.value == value)

    def set_editable(self, editable: bool) -> None:
        for card in self._cards:
            card.radio.setEnabled(editable)

    def focus_current(self) -> None:
        """Keyboard focus on the chosen card (or the first), so 1-5 and arrows work at once."""
        cards = self.cards()
        if not cards:
            return
        checked = [card for card in cards if card.radio.isChecked()]
        (checked or cards)[0].radio.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clicked(self, index: int) -> None:
        for card in self._cards:
            card.set_selected(card.radio.isChecked())
        self.chosen.emit(self._cards[index].value)
