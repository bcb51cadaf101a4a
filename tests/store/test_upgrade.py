"""Installing a new version over an old one: the data file is backed up whole, then migrated;
an older program given a newer file refuses it with a clear message and changes nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.backups import list_backups
from kotacerdas_desktop.store.schema import SCHEMA_VERSION, migrate
from tests.helpers import run_cli, snapshot


def old_file(path, version: int = 1):
    """A file as an earlier release left it: its schema, and an agency with an answer-free draft."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        migrate(conn, target=version)
        conn.execute("INSERT INTO settings (key, value) VALUES ('city_name', 'Kota Mojokerto')")
        conn.execute(
            "INSERT INTO agencies (code, name, city) VALUES ('BAPPEDA', 'Badan Perencanaan', 'Kota Mojokerto')"
        )
    return path


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_the_backup_holds_exactly_what_the_old_file_held(tmp_path, version):
    path = old_file(tmp_path / "kotacerdas.sqlite", version)
    before = snapshot(path)
    with Store.open(path) as store:
        assert store.agencies.get("BAPPEDA").name == "Badan Perencanaan"
    (backup,) = (tmp_path / "backups").glob(f"kotacerdas.migration-v{version}.*.sqlite")
    # VACUUM INTO may list indexes and triggers in another order; the content is the same
    assert sorted(snapshot(backup).splitlines()) == sorted(before.splitlines())
    assert snapshot(path) != before  # the file itself moved on to the current schema


def test_a_current_file_gets_one_daily_backup_and_no_migration_backup(tmp_path):
    path = tmp_path / "kotacerdas.sqlite"
    Store.open(path).close()  # a new file: nothing to back up yet
    assert not (tmp_path / "backups").exists()
    Store.open(path).close()
    Store.open(path).close()
    assert [b.kind for b in list_backups(path)] == ["daily"]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("id", "dibuat oleh versi KotaCerdas yang lebih baru"),
        ("en", "was made by a newer KotaCerdas"),
    ],
)
def test_an_older_program_refuses_a_newer_file_on_the_command_line(
    tmp_path, capsys, monkeypatch, language, message
):
    path = old_file(tmp_path / "kotacerdas.sqlite", SCHEMA_VERSION)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    code, out, err = run_cli(capsys, path, "--lang", language, "agency", "list")
    assert code == 2
    assert message in err and "BAPPEDA" not in out
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["kotacerdas.sqlite"]
