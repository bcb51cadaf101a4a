"""Test helpers: run the command in-process, snapshot a database's whole content, open a copy of
a prepared database, run a benchmark's smoke mode, and what no message may hold raw."""

from __future__ import annotations

import re
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

# What a message must never hold raw: characters a terminal acts on or that hide or reorder
# text (C0 and C1 controls but tab and newline, lone surrogates, bidirectional controls).
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


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
