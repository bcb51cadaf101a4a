"""The frozen build, made once per test session by the real build command."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class FrozenBuild:
    returncode: int
    output: str
    dist: Path
    report: dict

    @property
    def folder(self) -> Path:
        return Path(self.report["app_folder"])


@pytest.fixture(scope="session")
def frozen_build(tmp_path_factory: pytest.TempPathFactory) -> FrozenBuild:
    """`python -m kotacerdas_desktop.build` into a temporary folder (about a minute)."""
    pytest.importorskip("PyInstaller", reason="the build extra is not installed")
    base = tmp_path_factory.mktemp("freeze")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kotacerdas_desktop.build",
            "--dist",
            str(base / "dist"),
            "--work",
            str(base / "work"),
            "--runs",
            "3",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    report_file = base / "dist" / "build-report.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
    return FrozenBuild(done.returncode, done.stdout + done.stderr, base / "dist", report)
