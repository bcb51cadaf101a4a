"""Killed mid-save: a writer process SIGKILLed at random moments loses no acknowledged save."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DURABILITY = Path(__file__).resolve().parents[2] / "benchmarks" / "durability.py"


@pytest.mark.slow
def test_twenty_kills_during_a_thousand_saves_lose_no_acknowledged_save() -> None:
    """The writer saves through the store as the autosave does and prints ACK after each save
    returns; benchmarks/durability.py kills it after a random number of ACKs, 20 times."""
    result = subprocess.run(
        [
            sys.executable,
            str(DURABILITY),
            "--json",
            "--rounds",
            "20",
            "--saves",
            "1000",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    rounds = json.loads(result.stdout)
    assert len(rounds) == 20
    for number, outcome in enumerate(rounds):
        assert outcome["integrity"] == ["ok"], number
        assert outcome["found"] == outcome["acknowledged"] > 0, number
    assert sum(r["acknowledged"] for r in rounds) > 1000
