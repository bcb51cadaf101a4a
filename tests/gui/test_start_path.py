"""The start: what it imports, what the first paint has, and what the event loop builds after.

A cold start is timed to the first paint (benchmarks/README.md): the GUI's own
options must not import the command line's subcommands, and the main window
must not import the menus' windows and dialogs before that paint. Those come
right after it, without anyone asking.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui import app
from tests.gui.conftest import demo_copy, stored_answer

ROOT = Path(__file__).resolve().parents[2]
# Each imported when it is first used, never on the way to the first paint.
NOT_ON_THE_START_PATH = {
    *(
        f"kotacerdas_desktop.cli.{name}"
        for name in (
            "admin",
            "agency",
            "assessment",
            "backup",
            "catalogue",
            "exchange",
            "history",
            "plan",
            "recap",
            "sheet",
        )
    ),
    "kotacerdas_desktop.selftest",
    "kotacerdas_desktop.demo",
    *(
        f"kotacerdas_desktop.gui.{name}"
        for name in (
            "sheet_actions",
            "exchange_actions",
            "city_actions",
            "city_window",
            "plan_actions",
            "plan_window",
            "sheet_preview",
            "finalize_dialog",
            "verify_dialog",
            "import_results",
            "agency_dialog",
            "backups_dialog",
            "history_dialog",
            "first_run",
            "evidence_dialog",
        )
    ),
}
STARTED = """
import json, sys
from kotacerdas_desktop.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


@pytest.mark.parametrize(
    "options", [["--db", "{db}"], ["--db={db}", "--lang", "en"], ["--lang=id", "--db", "{db}"]]
)
def test_a_start_imports_neither_subcommands_nor_the_menus_windows(
    demo_db_template: Path, tmp_path: Path, options: list[str]
) -> None:
    db = tmp_path / "kota.sqlite"
    shutil.copyfile(demo_db_template, db)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KOTACERDAS_UI_SETTINGS=str(tmp_path / "jendela.ini"),
        PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    )
    arguments = ["--quit-after-start", *(o.format(db=db) for o in options)]
    done = subprocess.run(
        [sys.executable, "-c", STARTED, *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    started = json.loads(done.stdout.strip().splitlines()[-1])
    assert started["code"] == 0
    modules = set(started["modules"])
    assert "kotacerdas_desktop.gui.main_window" in modules  # the window was made
    assert sorted(modules & NOT_ON_THE_START_PATH) == []


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen, not ours
def test_the_form_takes_keys_before_the_menus_commands_exist_and_they_follow_unasked(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    db = demo_copy(demo_db_template, tmp_path)
    window = app.start(db)
    assert window is not None
    # Before the event loop runs: the form is there and has the keyboard; the print,
    # package, plan and city commands are not made yet.
    assert window.findChild(QAction, "actionSheetPreview") is None
    assert window.editor.editable
    code, assessment_id = window.editor.code, window.current_assessment_id()
    assert assessment_id is not None
    focused = window.focusWidget()
    assert focused is not None and window.form.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_3)
    window.editor.flush()
    saved = stored_answer(db, assessment_id, code)
    assert saved is not None and saved["level"] == 3
    # After the first paint, the event loop builds the rest.
    qtbot.waitUntil(lambda: window.findChild(QAction, "actionSheetPreview") is not None)
    for name in ("actionExportPackage", "actionAgencyPlan", "actionCityPlan"):
        assert window.findChild(QAction, name) is not None
    window.close()
    assert app._windows == []
