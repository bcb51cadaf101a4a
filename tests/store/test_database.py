"""Opening the file: identity, versions, migrations, refusals, defaults."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.database import open_database
from kotacerdas_desktop.store.location import DB_ENV, default_db_path
from kotacerdas_desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate
from tests.factories import tiny_catalogue_data


def pragma(path, name):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def test_new_file_is_marked_ours_at_the_current_version(store, db_path):
    assert pragma(db_path, "application_id") == APPLICATION_ID
    assert pragma(db_path, "user_version") == SCHEMA_VERSION
    assert pragma(db_path, "journal_mode") == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {c.code for c in store.catalogues.list()} >= {"SMARTCITY", "SPBE"}


def test_a_file_keeps_the_spbe_catalogue_it_stored_when_the_bundle_moves_on(db_path):
    """The 2018.1 SPBE example left the bundle; a file that stored it keeps it and its
    assessments, and new SPBE assessments use the 2020.1 catalogue."""
    old = tiny_catalogue_data() | {"code": "SPBE", "version": "2018.1"}
    earlier = Store(open_database(db_path), db_path)  # as saved before 2020.1 was bundled
    earlier.catalogues.import_text(json.dumps(old), "spbe-2018.1.json")
    earlier.agencies.add(Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika"))
    kept = earlier.assessments.new("DISKOMINFO", 2025, "SPBE")
    earlier.close()
    with Store.open(db_path) as store:
        assert {c.version for c in store.catalogues.list() if c.code == "SPBE"} == {
            "2018.1",
            "2020.1",
        }
        assert store.assessments.catalogue_of(store.assessments.get(kept.id)).version == "2018.1"
        fresh = store.assessments.new("DISKOMINFO", 2026, "SPBE")
        catalogue = store.assessments.catalogue_of(fresh)
        assert (catalogue.version, catalogue.indicator_count()) == ("2020.1", 47)


@pytest.mark.parametrize("old_version", range(1, SCHEMA_VERSION))
def test_every_older_version_is_backed_up_and_migrated(tmp_path, old_version):
    path = tmp_path / "lama.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=old_version)
    conn.execute("INSERT INTO settings (key, value) VALUES ('city_name', 'Kota Mojokerto')")
    conn.close()
    with Store.open(path) as store:
        assert store.settings.get("city_name") == "Kota Mojokerto"
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    backups = list((tmp_path / "backups").glob(f"lama.migration-v{old_version}.*.sqlite"))
    assert len(backups) == 1
    assert pragma(backups[0], "user_version") == old_version


def test_a_checked_reopen_only_connects_to_a_current_file(tmp_path):
    """A worker's own connection to a file the program opened already: no second check,
    backup or catalogue import; a file that is not current still gets the whole open."""
    path = tmp_path / "kota.sqlite"
    with Store.open(path) as store:
        store.settings.set("city_name", "Kota Mojokerto")
    Store.open(path).close()  # the day's first open of an existing file makes its backup
    backups = tmp_path / "backups"
    assert list(backups.glob("kota.daily.*.sqlite"))
    for backup in backups.iterdir():
        backup.unlink()
    with Store.open(path, checked=True) as store:
        assert store.settings.get("city_name") == "Kota Mojokerto"
    assert list(backups.iterdir()) == []
    old = tmp_path / "lama.sqlite"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, target=SCHEMA_VERSION - 1)
    conn.close()
    with Store.open(old, checked=True) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {c.code for c in store.catalogues.list()} >= {"SMARTCITY", "SPBE"}
    assert len(list(backups.glob("lama.migration-*.sqlite"))) == 1


def test_newer_file_is_refused_and_left_unchanged(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StorageError) as info:
        Store.open(db_path)
    assert "versi KotaCerdas yang lebih baru" in str(info.value)
    assert db_path.read_bytes() == before


def test_another_applications_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="milik aplikasi lain"):
        Store.open(path)


def test_unmarked_sqlite_file_with_tables_is_refused(tmp_path):
    path = tmp_path / "tanpa-id.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="milik aplikasi lain"):
        Store.open(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "laporan.sqlite"
    path.write_text("Laporan kinerja 2026\n")
    with pytest.raises(StorageError, match="bukan SQLite"):
        Store.open(path)
    assert path.read_text() == "Laporan kinerja 2026\n"


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(StorageError, match="tidak ada; buat foldernya dulu"):
        Store.open(tmp_path / "tidak-ada" / "db.sqlite")
    assert not (tmp_path / "tidak-ada").exists()


def test_read_only_folder_is_refused(tmp_path):
    """Run as a process without the right to override file permissions (CI runs as root)."""
    folder = tmp_path / "hanya-baca"
    folder.mkdir()
    folder.chmod(0o555)
    prefix = (
        ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    )
    result = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-m",
            "kotacerdas_desktop",
            "--db",
            str(folder / "db.sqlite"),
            "agency",
            "add",
            "DLH",
            "Dinas Lingkungan Hidup",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    folder.chmod(0o755)
    assert result.returncode == 2
    assert "Tidak ada izin menulis" in result.stderr
    assert list(folder.iterdir()) == []


def test_default_location_is_the_user_data_folder_unless_overridden(monkeypatch, tmp_path):
    monkeypatch.delenv(DB_ENV, raising=False)
    path = default_db_path()
    assert path.name == "kotacerdas.sqlite" and "KotaCerdas" in str(path)
    monkeypatch.setenv(DB_ENV, str(tmp_path / "env.sqlite"))
    assert default_db_path() == tmp_path / "env.sqlite"


def test_no_sqlite_utils_plugin_touches_the_connection(tmp_path):
    """Whatever package is installed, its sqlite-utils plugin never hooks our connection (and
    finding plugins, which reads every package's metadata, is not part of opening)."""
    from sqlite_utils import hookimpl
    from sqlite_utils.plugins import pm

    class Plugin:
        @hookimpl
        def prepare_connection(self, conn):
            conn.create_function("dari_plugin", 0, lambda: 1)

    plugin = Plugin()
    pm.register(plugin, name="uji-plugin")
    try:
        with (
            Store.open(tmp_path / "kota.sqlite") as store,
            pytest.raises(sqlite3.OperationalError, match="dari_plugin"),
        ):
            store.db.execute("SELECT dari_plugin()")
    finally:
        pm.unregister(plugin)
