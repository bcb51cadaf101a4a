"""Smoke run of benchmarks/gui_timing.py: it works and prints its table (figures are not judged here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_gui_timing_smoke(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "gui_timing.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for row in (
        "cold start to a usable form",
        "switch dimension",
        "autosave store call",
        "Kota window, demo city",
        "longest GUI-thread pause",
    ):
        assert row in result.stdout
    assert "x an empty PySide6 window" in result.stdout
