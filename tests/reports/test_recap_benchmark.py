"""Smoke run: the recap benchmark works and prints its table (its figures are not judged here)."""

from pathlib import Path

from tests.helpers import smoke_lines

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "recap_timing.py"


def test_recap_timing_smoke():
    lines = smoke_lines(SCRIPT)
    assert lines[0].split() == ["workload", "seconds", "note"]
    for workload in ("recap PDF", "recap XLSX", "recap CSV", "follow-up register XLSX"):
        assert any(line.startswith(workload) for line in lines), workload
    assert any("pages F4" in line for line in lines)
    assert any(line.startswith("reference: one agency's sheet PDF") for line in lines)
