"""Compile the Qt translation sources (resources/translations/*.ts) into the .qm files Qt loads.

Qt's own words (standard buttons, text-field menus, the file and print
dialogs) come in Indonesian from ``qt_id.ts``; PySide6 ships no Indonesian
translation of them. The .qm is a build product, never kept in git: it is
made by ``pyside6-lrelease`` in scripts/setup-env (a checkout), when the wheel
is built (setup.py) and before freezing (kotacerdas_desktop/build.py), and
found at run time through resources.py. Standard library only, so setup.py
can load this file before anything is installed.

    python -m kotacerdas_desktop.translations [FOLDER]   # compile FOLDER/*.ts (resources/translations)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TOOL = "pyside6-lrelease"
SOURCE_FOLDER = Path(__file__).resolve().parent.parent / "resources" / "translations"


def lrelease() -> str:
    """PySide6's lrelease, beside this Python (a venv's bin/ or Scripts/) or on the PATH."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which(TOOL, path=search)
    if found is None:
        raise RuntimeError(f"{TOOL} not found: install PySide6-Essentials (it ships the tool)")
    return found


def compile_translations(source: Path = SOURCE_FOLDER, target: Path | None = None) -> list[Path]:
    """``source``/NAME.ts -> ``target``/NAME.qm (``target`` defaults to ``source``); the .qm paths."""
    target = Path(target or source)
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sorted(Path(source).glob("*.ts")):
        qm = target / f"{ts.stem}.qm"
        subprocess.run(
            [lrelease(), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        made.append(qm)
    return made


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE_FOLDER
    for path in compile_translations(folder):
        print(f"translations: {path}")
