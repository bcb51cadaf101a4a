"""Per-user window preferences (geometry, last position, recent files) kept in QSettings.

The database holds the assessment; these are only how this PC's user left the
window. They live in an INI file so tests and benchmarks can point the app at
a throw-away one through $KOTACERDAS_UI_SETTINGS and never touch the real one.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_ENV = "KOTACERDAS_UI_SETTINGS"
ORGANIZATION = "KotaCerdas"
APPLICATION = "KotaCerdas Desktop"
MAX_RECENT = 8


def ui_settings() -> QSettings:
    """The INI file named by $KOTACERDAS_UI_SETTINGS, else the user's own settings file."""
    path = os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def _stored_names(settings: QSettings) -> list[str]:
    value = settings.value("recent_files", [])
    return [value] if isinstance(value, str) else list(value or [])


def recent_files() -> list[Path]:
    """Recently opened databases that still exist, newest first."""
    names = _stored_names(ui_settings())
    return [Path(name) for name in names if name and Path(name).exists()]


def remember_file(path: Path) -> None:
    """Put the file first in the recent files. Like every setting here it is written only
    when it changes: each write of the settings file is synced to the disk, and at each
    start the file and the position are the ones stored already (on a busy office disk,
    two needless writes cost more than the rest of the start)."""
    resolved = str(Path(path).resolve())
    names = [resolved] + [str(p) for p in recent_files() if str(p) != resolved]
    settings = ui_settings()
    if _stored_names(settings) != names[:MAX_RECENT]:
        settings.setValue("recent_files", names[:MAX_RECENT])


def last_database() -> Path | None:
    files = recent_files()
    return files[0] if files else None


def _position_key(db_path: Path) -> str:
    """One position per database file: the same PC may keep a demo and a real file."""
    return "position/" + str(Path(db_path).resolve()).replace("/", "|").replace("\\", "|")


def last_position(db_path: Path) -> tuple[str, int | None, str]:
    """(agency code, year, indicator code) the user last looked at in this database."""
    value = ui_settings().value(_position_key(db_path), "")
    parts = (str(value) if value else "").split("\t")
    if len(parts) != 3:
        return "", None, ""
    agency, year, indicator = parts
    return agency, int(year) if year.isdigit() else None, indicator


def remember_position(db_path: Path, agency: str, year: int | None, indicator: str) -> None:
    settings, key = ui_settings(), _position_key(db_path)
    value = f"{agency}\t{year or ''}\t{indicator}"
    if settings.value(key) != value:
        settings.setValue(key, value)
