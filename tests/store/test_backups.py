"""Backups: made verified into backups/ beside the data, rotated, listed, and restored."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.errors import DamagedError, StorageError, ValidationError
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.store import Store, backups
from kotacerdas_desktop.store.schema import SCHEMA_VERSION
from tests.helpers import run_cli, snapshot


@pytest.fixture
def demo_file(demo_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "kotacerdas.sqlite"
    shutil.copy(demo_db_template, path)
    return path


def justification(path: Path, code: str = "GOV.PUB.01") -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT justification FROM answers WHERE assessment_id = 2 AND indicator_code = ?",
            [code],
        ).fetchone()[0]


def test_opening_makes_one_verified_daily_backup_holding_the_data(demo_file) -> None:
    Store.open(demo_file).close()
    Store.open(demo_file).close()
    (daily,) = backups.list_backups(demo_file)
    assert daily.kind == "daily" and daily.path.parent == demo_file.parent / "backups"
    assert daily.path.name.startswith("kotacerdas.daily.")
    held = backups.contents(daily.path)
    assert (held.agencies, held.years, held.assessments) == (10, (2025, 2026), 20)
    assert held.answers > 1000 and held.schema == SCHEMA_VERSION
    backups.verify_backup(daily.path)
    assert sorted(snapshot(daily.path).splitlines()) == sorted(snapshot(demo_file).splitlines())


def test_a_manual_backup_to_a_file_refuses_to_replace_anything(capsys, demo_file, tmp_path) -> None:
    out = tmp_path / "usb" / "cadangan.sqlite"
    out.parent.mkdir()
    code, stdout, _ = run_cli(capsys, demo_file, "backup", "--out", str(out))
    assert code == 0 and "Cadangan terverifikasi dibuat" in stdout and "10 OPD" in stdout
    before = out.read_bytes()
    code, _, err = run_cli(capsys, demo_file, "backup", "--out", str(out))
    assert code == 2 and "berkas basis data SQLite" in err
    code, _, err = run_cli(capsys, demo_file, "backup", "--out", str(demo_file))
    assert code == 2 and "basis data yang sedang dibuka" in err
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["cadangan.sqlite"]


def test_backup_list_shows_date_kind_and_contents(capsys, demo_file) -> None:
    assert run_cli(capsys, demo_file, "backup")[0] == 0
    code, out, _ = run_cli(capsys, demo_file, "backup", "--list")
    assert code == 0
    assert "manual" in out and "daily" in out and "10 OPD, tahun 2025, 2026" in out


def stamp(day: dt.date, hour: int = 9) -> str:
    return dt.datetime.combine(day, dt.time(hour)).strftime("%Y%m%d-%H%M%S")


def test_rotation_keeps_seven_days_four_weeks_each_migration_and_every_manual(tmp_path) -> None:
    db = tmp_path / "kotacerdas.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    today = dt.date(2026, 6, 30)
    days = [today - dt.timedelta(days=n) for n in range(60)]
    for day in days:
        for hour in (8, 15):  # two opens a day: the later one is the day's
            (folder / f"kotacerdas.daily.{stamp(day, hour)}.sqlite").touch()
    for version, day in ((2, days[50]), (2, days[40]), (3, days[30])):
        (folder / f"kotacerdas.migration-v{version}.{stamp(day)}.sqlite").touch()
    (folder / f"kotacerdas.manual.{stamp(days[59])}.sqlite").touch()
    (folder / f"lain.daily.{stamp(days[59])}.sqlite").touch()  # another database's: left alone
    backups.rotate(db)
    kept = {(b.kind, b.made) for b in backups.list_backups(db)}
    daily = sorted(made for kind, made in kept if kind == "daily")
    assert daily[-7:] == [dt.datetime.combine(d, dt.time(15)) for d in sorted(days[:7])]
    weeks = [made.isocalendar()[:2] for made in daily[:-7]]
    assert len(daily) == 11 and len(set(weeks)) == 4
    assert all(made.hour == 15 for made in daily)
    assert {(k, m.date()) for k, m in kept if k.startswith("migration")} == {
        ("migration-v2", days[40]),
        ("migration-v3", days[30]),
    }
    assert ("manual", dt.datetime.combine(days[59], dt.time(9))) in kept
    assert (folder / f"lain.daily.{stamp(days[59])}.sqlite").exists()


STALE_WAL = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("UPDATE answers SET justification = 'hanya di WAL' WHERE assessment_id = 2")
    os._exit(0)  # no checkpoint: the change stays in the -wal file beside the database
    """
)


def test_backup_damage_restore_round_trip(capsys, demo_file) -> None:
    Store.open(demo_file).close()
    code, _, _ = run_cli(capsys, demo_file, "backup")
    assert code == 0
    manual = next(b for b in backups.list_backups(demo_file) if b.kind == "manual")
    saved = snapshot(manual.path)
    with Store.open(demo_file) as store:
        store.assessments.save_answer(
            2, Answer("GOV.PUB.01", level=1, justification="sesudah cadangan")
        )
    subprocess.run([sys.executable, "-c", STALE_WAL, str(demo_file)], check=True)
    assert Path(f"{demo_file}-wal").stat().st_size > 0
    with closing(sqlite3.connect(demo_file)) as conn:  # damage: the answers' root page
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone()[
            0
        ]
    data = bytearray(demo_file.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = b"\xff" * 4096
    demo_file.write_bytes(bytes(data))
    assert run_cli(capsys, demo_file, "check")[0] == 1

    code, out, err = run_cli(capsys, demo_file, "restore", str(manual.path))
    assert code == 0, err
    assert "Dipulihkan dari" in out and "10 OPD" in out and "Berkas sebelumnya disimpan di" in out
    assert run_cli(capsys, demo_file, "check")[0] == 0
    assert justification(demo_file) != "sesudah cadangan"
    assert justification(demo_file) != "hanya di WAL"  # the stale -wal went aside with its file
    assert snapshot(demo_file) == saved
    aside = next(b for b in backups.list_backups(demo_file) if b.kind == "before-restore")
    assert aside.path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not Path(f"{demo_file}-shm").exists() or Path(f"{demo_file}-wal").stat().st_size == 0


def test_restoring_keeps_what_the_backup_holds(demo_file, tmp_path) -> None:
    Store.open(demo_file).close()
    (daily,) = backups.list_backups(demo_file)
    expected = snapshot(daily.path)
    with Store.open(demo_file) as store:
        store.assessments.save_answer(2, Answer("GOV.PUB.01", level=1, justification="nanti"))
    backups.restore(demo_file, daily.path)
    assert snapshot(demo_file) == expected


def test_an_unusable_backup_is_refused_and_nothing_changes(capsys, demo_file, tmp_path) -> None:
    Store.open(demo_file).close()
    before = snapshot(demo_file)
    other = tmp_path / "lain.sqlite"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE t (x)")
    text = tmp_path / "catatan.sqlite"
    text.write_text("bukan cadangan")
    damaged = tmp_path / "rusak.sqlite"
    shutil.copy(demo_file, damaged)
    data = bytearray(damaged.read_bytes())
    data[8192:12288] = b"\x00\x13" * 2048
    damaged.write_bytes(bytes(data))
    for source, message in (
        (other, "bukan basis data KotaCerdas"),
        (text, "bukan berkas basis data SQLite"),
        (damaged, "rusak"),
        (demo_file, "basis data yang sedang dipakai"),
    ):
        code, _, err = run_cli(capsys, demo_file, "restore", str(source))
        assert code == 2 and message in err, (source, err)
    with pytest.raises((ValidationError, DamagedError, StorageError)):
        backups.restore(demo_file, damaged)
    assert snapshot(demo_file) == before
    assert [b.kind for b in backups.list_backups(demo_file)] == ["daily"]


def test_a_daily_backup_that_cannot_be_made_does_not_stop_the_work(demo_file, caplog) -> None:
    """No room for the backups folder (here a file is in its way): the file still opens, the
    reason is logged, and the next open tries again."""
    (demo_file.parent / "backups").write_text("bukan folder")
    with caplog.at_level("WARNING", logger="kotacerdas"), Store.open(demo_file) as store:
        assert len(store.agencies.list()) == 10
    assert "daily backup" in caplog.text and "tidak dapat ditulis" in caplog.text
    (demo_file.parent / "backups").unlink()
    Store.open(demo_file).close()
    assert [b.kind for b in backups.list_backups(demo_file)] == ["daily"]
