"""Berkas > Cadangan dan pulihkan: the list, backing up now, restoring; a damaged file at start."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.gui import app
from kotacerdas_desktop.gui.backups_dialog import BackupsDialog
from kotacerdas_desktop.gui.daily_backup import DailyBackup
from kotacerdas_desktop.store import Store, backups
from tests.gui.conftest import WindowFactory, answer_modal, demo_copy


def justification(path: Path, assessment_id: int, code: str) -> str:
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute(
            "SELECT justification FROM answers WHERE assessment_id = ? AND indicator_code = ?",
            [assessment_id, code],
        ).fetchone()
    return row[0] if row else ""


def open_backups(window) -> BackupsDialog:
    window.actions.backups.trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_list_shows_date_kind_and_contents_and_backs_up_now(
    demo_store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window(demo_store)
    dialog = open_backups(window)
    table = dialog.table
    assert table.rowCount() == 1  # the daily backup made when the file was opened
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[1] == "harian" and row[2] == "10" and row[3] == "2025, 2026"
    assert int(row[4]) > 1000 and row[5].endswith("MB")
    dialog.make_button.click()
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert table.item(0, 1).text() == "manual"
    assert "Cadangan dibuat" in dialog.status.text()
    dialog.reject()


def test_restore_from_the_dialog_reopens_the_file_as_the_backup_held_it(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = demo_copy(demo_db_template, tmp_path)
    window = app.start(path)
    assert window is not None
    assessment_id, code = window.current_assessment_id(), window.editor.code
    held = justification(path, assessment_id, code)
    window.store.assessments.save_answer(
        assessment_id, Answer(code, level=1, justification="ditulis setelah cadangan")
    )
    dialog = open_backups(window)
    dialog.table.selectRow(0)
    asked = answer_modal("Pulihkan")
    dialog.restore_button.click()
    assert "akan diganti dengan cadangan" in asked[0] and "10 OPD" in asked[0]
    (reopened,) = app._windows
    assert reopened is not window and reopened.store.path == path
    assert justification(path, assessment_id, code) == held
    kinds = sorted(b.kind for b in backups.list_backups(path))
    assert kinds == ["before-restore", "daily"]
    reopened.close()


def test_a_damaged_file_at_start_offers_the_newest_sound_backup(
    demo_db_template: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    path = demo_copy(demo_db_template, tmp_path)
    Store.open(path).close()  # the day's backup
    with closing(sqlite3.connect(path)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone()[
            0
        ]
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = b"\x07" * 4096
    path.write_bytes(bytes(data))
    said = answer_modal("Pulihkan cadangan ini")
    window = app.start(path)
    assert "rusak" in said[0] and "Cadangan terbaru yang baik" in said[0] and "10 OPD" in said[0]
    assert window is not None and window.editor.answers
    aside = [b for b in backups.list_backups(path) if b.kind == "before-restore"]
    assert len(aside) == 1 and aside[0].path.read_bytes() == bytes(data)
    window.close()


def test_the_daily_backup_is_made_while_running_when_a_new_day_begins(
    demo_store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window(demo_store)
    folder = backups.backup_folder(demo_store.path)
    shutil.rmtree(folder)  # as on the morning of a new day: no backup for today yet
    folder.mkdir()
    schedule = DailyBackup(demo_store.path, window)
    schedule.check()
    qtbot.waitUntil(lambda: [b.kind for b in backups.list_backups(demo_store.path)] == ["daily"])
    schedule.check()  # made already: nothing more
    assert len(backups.list_backups(demo_store.path)) == 1
