"""Smoke runs: the benchmark scripts work and print their table (figures are not judged here)."""

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_store_timing_smoke():
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "store_timing.py"), "--smoke"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "one save, p50 / p99" in result.stdout
    assert "open the demo city" in result.stdout


def test_durability_smoke():
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "durability.py"), "--smoke"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "2 rounds x up to 20 saves" in result.stdout
    assert "integrity_check ok after 2 of 2 kills" in result.stdout
    assert "autosave, synchronous=FULL, p50 / p99" in result.stdout
    assert "quick_check, demo city" in result.stdout
