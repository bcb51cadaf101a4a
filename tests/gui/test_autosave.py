"""Autosave: within a second while typing, and what was saved survives the process being killed."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.answer_editor import SAVE_MAX_DELAY_MS
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui import crash_driver
from tests.gui.conftest import stored_answer

ROOT = Path(__file__).resolve().parents[2]


def test_typing_is_saved_within_a_second_without_leaving_the_field(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    field = window.form.ui.editJustification
    field.setFocus()
    started = time.monotonic()
    with qtbot.waitSignal(window.editor.saved, timeout=3000) as blocker:
        qtbot.keyClicks(field, "Tanpa tombol Simpan")
        assert window.editor._timer.isActive()
        assert window.editor._timer.interval() <= SAVE_MAX_DELAY_MS
    assert time.monotonic() - started < 2.5
    assert blocker.args[0] == code
    row = stored_answer(demo_store.path, assessment_id, code)
    assert row is not None and row["justification"] == "Tanpa tombol Simpan"
    assert window._saved_label.text().startswith("Tersimpan")
    assert operations.timings(operations.ANSWER), "the store call is timed"


def _read_lines(process: subprocess.Popen[str], until: str, timeout: float) -> list[str]:
    lines: list[str] = []
    selector = selectors.DefaultSelector()
    assert process.stdout is not None
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while not any(line.startswith(until) for line in lines):
        remaining = deadline - time.monotonic()
        assert remaining > 0, f"no {until!r} from the app; got {lines}"
        if selector.select(remaining):
            line = process.stdout.readline()
            assert line, (
                f"the app ended early; got {lines}: {process.stderr.read() if process.stderr else ''}"
            )
            lines.append(line.strip())
    return lines


def test_text_typed_before_the_last_autosave_survives_sigkill(
    demo_store: Store, ui_settings: Path
) -> None:
    db = demo_store.path
    demo_store.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KOTACERDAS_LANG": "id",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "tests.gui.crash_driver", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = _read_lines(process, "TYPED", timeout=60)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    _, code, assessment_id = next(line for line in lines if line.startswith("CODE")).split()
    row = stored_answer(db, int(assessment_id), code)
    assert row is not None
    typed = crash_driver.FIRST + crash_driver.SECOND
    assert row["justification"].startswith(crash_driver.FIRST)
    assert typed.startswith(row["justification"])
