"""Smoke run: the recap benchmark works and prints its table (its figures are not judged here)."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "recap_timing.py"


def test_recap_timing_smoke():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["workload", "seconds", "note"]
    for workload in ("recap PDF", "recap XLSX", "recap CSV", "follow-up register XLSX"):
        assert any(line.startswith(workload) for line in lines), workload
    assert any("pages F4" in line for line in lines)
    assert any(line.startswith("reference: one agency's sheet PDF") for line in lines)
