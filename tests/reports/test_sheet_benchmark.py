"""Smoke run: the sheet benchmark works and prints its table (its figures are not judged here)."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "sheet_timing.py"


def test_sheet_timing_smoke():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["workload", "seconds", "pages", "note"]
    assert any(line.startswith("demo agency's final sheet, F4") for line in lines)
    assert any("(10 agencies)" in line for line in lines)
