"""Qt's own words (standard buttons, text-field menus, file and print dialogs) in the program's language.

PySide6 has no Indonesian for them, so resources/translations/qt_id.ts is
ours, compiled to qt_id.qm; English needs no translator (Qt's words are
English). Installing it costs a file read of about 17 KB at start.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from kotacerdas_desktop.domain.text import current_language
from kotacerdas_desktop.resources import qt_translation

_installed: QTranslator | None = None


def use_language(app: QCoreApplication) -> bool:
    """Install the translator of the current language (removing any other); False when the
    language needs one and its file is missing (Qt then speaks English, and the log says why)."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    language = current_language()
    if language == "en":
        return True
    translator = QTranslator(app)
    path = qt_translation(language)
    if not translator.load(str(path)):
        logging.getLogger(__name__).warning(
            "Qt translation %s missing: run scripts/setup-env (pyside6-lrelease)", path
        )
        return False
    app.installTranslator(translator)
    _installed = translator
    return True
