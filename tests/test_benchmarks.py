"""Smoke runs: the benchmark scripts work and print their table (figures are not judged here)."""

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def smoke(script: str) -> str:
    """The table a benchmark prints with --smoke (tiny sizes)."""
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--smoke"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


def test_store_timing_smoke():
    out = smoke("store_timing.py")
    assert "one save, p50 / p99" in out
    assert "open the demo city" in out


def test_durability_smoke():
    out = smoke("durability.py")
    assert "2 rounds x up to 20 saves" in out
    assert "integrity_check ok after 2 of 2 kills" in out
    assert "autosave, synchronous=FULL, p50 / p99" in out
    assert "quick_check, demo city" in out


def test_exchange_timing_smoke():
    out = smoke("exchange_timing.py")
    assert "import 3 packages (empty coordinator)" in out


def test_plan_timing_smoke():
    out = smoke("plan_timing.py")
    assert "demo agency to 3,50 (Sangat Baik), fewest steps" in out
    assert "2 steps, 3,35 -> 3,53" in out
    assert "city plan to Memuaskan" in out
