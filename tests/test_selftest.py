"""`kotacerdas --self-test`: passes on a sound installation, says what is wrong on a damaged one."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kotacerdas_desktop.build import step_marks
from kotacerdas_desktop.selftest import STEPS, run_self_test

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen, not ours
def test_a_sound_installation_passes_every_step(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("KOTACERDAS_DB", str(tmp_path / "user.sqlite"))
    out = io.StringIO()
    assert run_self_test(out) == 0
    report = out.getvalue()
    marks = step_marks(report)
    assert list(marks) == [label.id for label, _ in STEPS]
    assert set(marks.values()) == {"ok"}
    assert {"Rekap kota", "Paket pertukaran", "Rencana capaian"} <= set(marks)
    assert f"Hasil: LULUS ({len(STEPS)}/{len(STEPS)})" in report
    assert not (tmp_path / "user.sqlite").exists()  # never the user's database
    assert os.environ.get("KOTACERDAS_UI_SETTINGS") is None  # nor their window settings


def test_a_damaged_installation_fails_with_the_broken_file_named(tmp_path):
    """A catalogue cut short on the disk: the report says which file, and the exit code is 1."""
    copy = tmp_path / "install"
    shutil.copytree(ROOT / "kotacerdas_desktop", copy / "kotacerdas_desktop")
    shutil.copytree(ROOT / "resources", copy / "resources")
    shutil.copytree(ROOT / "ui", copy / "ui")
    damaged = copy / "resources" / "catalogues" / "smartcity-2026.1.json"
    damaged.write_bytes(damaged.read_bytes()[:5000])
    done = subprocess.run(
        [sys.executable, "-m", "kotacerdas_desktop", "--self-test"],
        capture_output=True,
        text=True,
        cwd=copy,
        env=dict(os.environ, PYTHONPATH=str(copy)),
        timeout=120,
    )
    marks = step_marks(done.stdout)
    assert done.returncode == 1
    assert marks["Basis data"] == "GAGAL/FAIL"
    assert "smartcity-2026.1.json" in done.stdout
    assert marks["Katalog"] == "GAGAL/FAIL"  # later steps report, they do not crash
    assert "Hasil: GAGAL" in done.stdout
