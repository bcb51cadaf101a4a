"""Start the app on a database and open one scene, for the screenshots in docs/screenshots/.

    python scripts/screenshot_scene.py DB main|preview|settings [--lang id|en]

"main" is the window as it starts; "preview" opens the evaluation sheet's
print preview; "settings" the agency settings. (The first-run dialog needs
no scene: start ``kotacerdas --db NEW.sqlite`` on a new file.) Run it under
the screenshot tool, e.g. SCREEN=1366x768x24.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from kotacerdas_desktop import language
from kotacerdas_desktop.gui import app


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("scene", choices=("main", "preview", "settings"))
    parser.add_argument("--lang", choices=("id", "en"))
    args = parser.parse_args()
    language.start(args.lang)
    qt = app.create_app()
    window = app.start(args.db)
    if window is None:
        return 1
    actions = {
        "preview": window.sheet_menu.actions.preview,
        "settings": window.actions.agency_settings,
    }
    if args.scene in actions:
        QTimer.singleShot(300, actions[args.scene].trigger)
    return qt.exec()


if __name__ == "__main__":
    sys.exit(main())
