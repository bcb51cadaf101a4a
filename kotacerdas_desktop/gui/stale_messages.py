"""A message under a field goes as soon as the field is valid, not at the next click on Save.

The rule itself stays in domain (the same check the store runs on save); this
only asks it again while the field changes and hides the message once it
passes. A message of a rule that needs the database (a code already in use)
also goes when the field is changed into a valid one, and returns on the next
save if it still applies.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit

from kotacerdas_desktop.domain.errors import ValidationError

Rule = Callable[[str], object]  # a domain check of the typed text: raises ValidationError


def clear_when_valid(*fields: tuple[QLabel, QLineEdit, Rule]) -> None:
    """For each (message, field, rule): hide the message once the field's text passes the rule."""
    for label, edit, rule in fields:
        edit.textChanged.connect(lambda text, label=label, rule=rule: _recheck(label, rule, text))


def _recheck(label: QLabel, rule: Rule, text: str) -> None:
    if label.isHidden():
        return
    try:
        rule(text)
    except ValidationError:
        return
    label.hide()
    label.clear()
