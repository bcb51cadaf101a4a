"""Bantuan > Bahasa / Language: the interface language, saved in the file, applied by reopening.

Every text of a window is set when the window is built, so a new language
applies by closing the window and opening the same file again (the window
returns where it was, nothing typed is lost); the user is offered that at
once, or the language applies at the next start. When --lang or
KOTACERDAS_LANG chose the language of this run, the choice is saved for the
runs without them, and the user is told so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from kotacerdas_desktop import language
from kotacerdas_desktop.domain.text import current_language, t
from kotacerdas_desktop.gui import operations, prompts

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.main_window import MainWindow


def choose(window: MainWindow, chosen: str) -> QMessageBox | None:
    """Save ``chosen`` ("id" or "en") and offer to reopen the window in it; the box asked."""
    shown = current_language()
    window.actions.languages[shown].setChecked(True)  # the window still speaks ``shown``
    if operations.set_language(window.store, chosen) is None:
        return None
    fixed = language.fixed_by()
    if fixed is not None:
        where = "--lang" if fixed == language.FLAG else language.LANG_ENV
        return prompts.inform(
            window,
            str(
                t(
                    f"Pilihan bahasa disimpan. Kali ini bahasanya ditentukan oleh {where}; "
                    f"pilihan ini berlaku saat aplikasi dimulai tanpa {where}.",
                    f"The language choice is saved. This time {where} decides the language; "
                    f"the choice applies when the app starts without {where}.",
                )
            ),
            icon=QMessageBox.Icon.Information,
        )
    if chosen == shown:
        return None
    box, reopen = prompts.question_box(
        window,
        "Bahasa / Language",
        str(
            t(
                "Bahasa disimpan. Buka ulang jendela sekarang dalam bahasa itu? Semua yang sudah "
                "diketik tetap tersimpan.",
                "The language is saved. Reopen the window in it now? Everything typed so far "
                "stays saved.",
            )
        ),
        yes=t("Buka ulang sekarang", "Reopen now"),
        no=t("Nanti", "Later"),
    )
    box.finished.connect(box.deleteLater)
    box.buttonClicked.connect(
        lambda button: window.reopenRequested.emit() if button is reopen else None
    )
    box.open()
    return box


def install(window: MainWindow) -> None:
    for code, action in window.actions.languages.items():
        action.triggered.connect(lambda _checked=False, code=code: choose(window, code))
