"""The Linux executable as an IT officer gets it, run from outside like on an office PC."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing

import pytest

from kotacerdas_desktop import __version__
from kotacerdas_desktop.build import SIZE_TARGET, executable, step_marks
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.schema import SCHEMA_VERSION, migrate

pytestmark = pytest.mark.slow


def run_frozen(build, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(executable(build.folder)), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_build_command_succeeds_with_a_passing_self_test(frozen_build):
    assert frozen_build.returncode == 0, frozen_build.output[-4000:]
    assert frozen_build.report["problems"] == []
    assert "Hasil: LULUS" in frozen_build.report["self_test_output"]


def test_the_frozen_self_test_prints_renders_and_previews_the_sheet(frozen_build):
    marks = step_marks(frozen_build.report["self_test_output"])
    for step in (
        "Katalog",
        "Menjawab dan finalisasi",
        "Lembar evaluasi",
        "Pratinjau PDF",
        "Rekap kota",
        "Kata-kata Qt",  # the compiled Indonesian for Qt's buttons is bundled and loads
    ):
        assert marks[step] == "ok", frozen_build.report["self_test_output"]
    assert marks["Pencetakan"] == "ok"


def test_folder_stays_within_115_percent_of_a_bare_window(frozen_build):
    report = frozen_build.report
    assert report["bare_mb"] > 50  # the reference really is a frozen Qt window
    assert report["app_mb"] <= SIZE_TARGET * report["bare_mb"], report
    assert 0 < report["app_start_s"] < 10 and report["start_runs"] == 3


def test_needed_qt_plugins_are_bundled_and_unused_qt_is_not(frozen_build):
    names = {p.name for p in (frozen_build.folder / "_internal").rglob("*")}
    needed = {"libqxcb.so", "libqoffscreen.so", "libcupsprintersupport.so", "libqpdf.so"}
    assert needed <= names
    assert "libQt6Pdf.so.6" in names and "libQt6PrintSupport.so.6" in names
    unused = [n for n in names if any(q in n for q in ("Qt6Qml", "Qt6Quick", "WebEngine", "Qt63D"))]
    assert unused == []
    assert "libqvnc.so" not in names  # a VNC server: the program never opens a socket
    assert not names & {"pytest", "pypdf", "PyInstaller", "setuptools"}


def test_version_comes_from_the_package(frozen_build):
    done = run_frozen(frozen_build, "--version")
    assert done.stdout.strip() == f"KotaCerdas Desktop {__version__}"


def test_data_lives_in_the_user_data_folder_not_the_program_folder(frozen_build, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "KOTACERDAS_DB"}
    env |= {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = run_frozen(frozen_build, "catalogue", "list", env=env)
    assert done.returncode == 2 and "tidak ada" in done.stderr  # reading never creates a file
    done = run_frozen(frozen_build, "agency", "add", "UJI", "Dinas Uji", env=env)
    assert done.returncode == 0, done.stderr
    done = run_frozen(frozen_build, "catalogue", "list", env=env)
    assert done.returncode == 0 and "SMARTCITY" in done.stdout
    assert (tmp_path / "data" / "KotaCerdas" / "kotacerdas.sqlite").is_file()
    assert not list(frozen_build.folder.rglob("*.sqlite"))


def test_an_older_database_is_backed_up_then_upgraded(frozen_build, tmp_path):
    path = tmp_path / "lama.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    conn.execute("INSERT INTO settings (key, value) VALUES ('city_name', 'Kota Mojokerto')")
    conn.close()
    done = run_frozen(frozen_build, "--db", str(path), "agency", "list")
    assert done.returncode == 0, done.stderr
    (backup,) = (tmp_path / "backups").glob("lama.migration-v1.*.sqlite")
    with closing(sqlite3.connect(backup)) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    with Store.open(path) as store:
        assert store.settings.get("city_name") == "Kota Mojokerto"


def test_a_database_from_a_newer_version_is_refused_unchanged(frozen_build, tmp_path):
    path = tmp_path / "baru.sqlite"
    Store.open(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    done = run_frozen(frozen_build, "--db", str(path), "agency", "list")
    assert done.returncode == 2
    assert "dibuat oleh versi KotaCerdas yang lebih baru" in done.stderr
    assert path.read_bytes() == before
