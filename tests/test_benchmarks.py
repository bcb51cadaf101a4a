"""Smoke runs: the benchmark scripts work and print their table (figures are not judged here)."""

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def smoke(script: str, timeout: int) -> str:
    """What a benchmark script prints with --smoke (tiny sizes)."""
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--smoke"],
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    ).stdout


def test_store_timing_smoke():
    out = smoke("store_timing.py", 120)
    assert "one save, p50 / p99" in out
    assert "open the demo city" in out


def test_exchange_timing_smoke():
    assert "import 3 packages (empty coordinator)" in smoke("exchange_timing.py", 300)


def test_plan_timing_smoke():
    out = smoke("plan_timing.py", 120)
    assert "demo agency to 3,50 (Sangat Baik), fewest steps" in out
    assert "9 steps, 3,21 -> 3,51" in out
    assert "city plan to Memuaskan" in out
