"""Test helpers: run the command in-process, snapshot a database's whole content, open a copy of
a prepared database, and run a benchmark's smoke mode."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kotacerdas_desktop.cli import main
from kotacerdas_desktop.store import Store


def snapshot(path: Path) -> str:
    """Every row of every table, as SQL: equal snapshots mean nothing stored changed."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def run_cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    """Run `kotacerdas --db DB ARGS...` in this process; returns (exit code, stdout, stderr)."""
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exc:  # argparse exits on its own errors and --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@contextmanager
def copied_store(template: Path, folder: Path) -> Iterator[Store]:
    """A store opened on a copy of a database built once (the template is never changed)."""
    path = folder / template.name
    shutil.copy(template, path)
    with Store.open(path) as store:
        yield store


def smoke_lines(script: Path) -> list[str]:
    """The lines a benchmark script prints with --smoke; fails with its stderr when it fails."""
    done = subprocess.run(
        [sys.executable, str(script), "--smoke"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()
