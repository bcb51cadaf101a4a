"""One window per database file (QLockFile); a lock left by a crashed program does not block."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui import app
from kotacerdas_desktop.gui.instance import lock_path
from tests.gui.conftest import answer_modal, demo_copy

HOLD_AND_WAIT = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    print("LOCKED", flush=True)
    time.sleep(60)
    """
)


def test_a_second_start_on_the_same_file_says_it_is_open(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = demo_copy(demo_db_template, tmp_path)
    first = app.start(path)
    assert first is not None
    said = answer_modal()
    assert app.start(path) is None
    assert "sudah terbuka di program KotaCerdas lain" in said[0]
    assert len(app._windows) == 1
    first.close()
    again = app.start(path)  # closing released the lock
    assert again is not None
    again.close()
    assert not lock_path(path).exists()


def test_a_lock_left_by_a_killed_program_does_not_block(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = demo_copy(demo_db_template, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_WAIT, str(lock_path(path))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "LOCKED"
    said = answer_modal()
    assert app.start(path) is None  # the other program is alive: refused
    assert "sudah terbuka" in said[0]
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock_path(path).exists()  # left behind by the crash
    window = app.start(path)
    assert window is not None
    window.close()
