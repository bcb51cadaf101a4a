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


def test_exchange_timing_smoke():
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "exchange_timing.py"), "--smoke"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "import 3 packages (empty coordinator)" in result.stdout
