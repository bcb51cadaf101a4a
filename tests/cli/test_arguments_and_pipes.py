"""The command line ends with a clear line for an argument that is not text, and quietly when
the reader of its output goes away (`| head`): never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kotacerdas_desktop.store import Store
from tests.helpers import run_cli, snapshot

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="bytes arguments and SIGPIPE")


@pytest.fixture
def made(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_path


def _kotacerdas(tmp_path: Path, *args: str | bytes, **options) -> subprocess.CompletedProcess:
    env = dict(os.environ, KOTACERDAS_LANG="id", KOTACERDAS_LOG_DIR=str(tmp_path / "log"))
    return subprocess.run(
        [sys.executable, "-m", "kotacerdas_desktop", *args],
        env=env,
        timeout=120,
        stderr=subprocess.PIPE,
        **options,
    )


@pytest.mark.parametrize(
    ("args", "position"),
    [
        (("catalogue", "show", "\udcff"), 5),
        (("agency", "add", "DISHUB", "Dinas \udcc0\udcaf"), 6),
    ],
)
def test_an_argument_that_is_not_utf8_is_refused_with_its_bytes_shown(capsys, made, args, position):
    before = snapshot(made)
    code, out, err = run_cli(capsys, made, *args)
    assert code == 2 and out == ""
    assert f"argumen ke-{position} " in err and "bukan UTF-8" in err
    assert "\\xff" in err or "\\xc0\\xaf" in err
    assert "Traceback" not in err and "kesalahan tak terduga" not in err
    assert snapshot(made) == before


@POSIX_ONLY
def test_real_bytes_from_the_shell_are_refused_before_the_database_is_touched(tmp_path):
    db = tmp_path / "baru.sqlite"
    done = _kotacerdas(tmp_path, "--db", str(db), "agency", "add", "DISHUB", b"Dinas \xff")
    assert done.returncode == 2
    assert b'argumen ke-6 "Dinas \\xff"' in done.stderr and b"Traceback" not in done.stderr
    assert not db.exists()


def _into_a_closed_pipe(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run with stdout a pipe whose reading end is closed already: the first write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return _kotacerdas(tmp_path, *args, stdout=write_end)
    finally:
        os.close(write_end)


@POSIX_ONLY
@pytest.mark.parametrize(
    "args",
    [("catalogue", "show", "--json"), ("catalogue", "list"), ("agency", "list", "--json")],
    ids=["catalogue-show-json", "catalogue-list", "agency-list-json"],
)
def test_a_closed_pipe_ends_quietly(tmp_path, made, args):
    done = _into_a_closed_pipe(tmp_path, "--db", str(made), *args)
    assert done.returncode == 141
    assert done.stderr == b""
    assert not (tmp_path / "log").exists()  # nothing unexpected was logged
