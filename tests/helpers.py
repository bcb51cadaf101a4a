"""Test helpers: run the command in-process, and snapshot a database's whole content."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kotacerdas_desktop.cli import main


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
