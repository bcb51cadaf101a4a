"""Find ui/ and resources/ the same way in a checkout, an installed wheel and a frozen build.

Every file the app ships is looked up here and nowhere else, so the working
directory never matters (a PyInstaller one-folder build keeps its data in
``_internal/``, reachable as ``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    roots = [Path(frozen_root)] if frozen_root else []
    # Checkout (and editable install): the folders beside the package.
    roots.append(_PACKAGE_DIR.parent)
    # Installed wheel: the folders are shipped inside the package as _data/.
    roots.append(_PACKAGE_DIR / "_data")
    return [root / name for root in roots]


@cache
def _root(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(name))
    raise FileNotFoundError(f"KotaCerdas data folder {name!r} not found (looked in {tried})")


def resource_path(*parts: str) -> Path:
    """A file or folder under resources/ (catalogues, fonts, icons, translations)."""
    return _root("resources").joinpath(*parts)


def ui_path(*parts: str) -> Path:
    """A file under ui/ (Qt Designer forms and the style sheet)."""
    return _root("ui").joinpath(*parts)


def qt_translation(language: str) -> Path:
    """The compiled translation of Qt's own words (resources/translations/qt_LANG.qm, made by
    kotacerdas_desktop/translations.py); the file may be missing in a checkout never set up."""
    return resource_path("translations", f"qt_{language}.qm")


def bundled_catalogues() -> list[Path]:
    """The catalogue files shipped with the app, in a stable order."""
    return sorted(resource_path("catalogues").glob("*.json"))
