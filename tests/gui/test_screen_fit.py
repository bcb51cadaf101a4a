"""Every window and dialog fits the screen it opens on: the office laptop's 1366x768 and
1280x720, a full HD panel at 125 % and 150 % scaling (1536x864 and 1280x720 logical pixels),
and even the laptop's screen at 125 % and 150 % (1093x614 and 911x512). Each screen is a
separate run of the app on Qt's offscreen platform configured with that screen
(tests/gui/screen_driver.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kotacerdas_desktop.gui.screen_fit import FRAME
from tests.gui.conftest import demo_copy

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {  # name: (width, height, scale)
    "1366x768": (1366, 768, 1.0),
    "1280x720": (1280, 720, 1.0),
    "1920x1080 at 125%": (1920, 1080, 1.25),
    "1920x1080 at 150%": (1920, 1080, 1.5),
    "1366x768 at 125%": (1366, 768, 1.25),
    "1366x768 at 150%": (1366, 768, 1.5),
}


def run_on_screen(tmp_path: Path, db: Path, width: int, height: int, scale: float) -> dict:
    config = tmp_path / "screen.json"
    screen = {"name": "office", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "KOTACERDAS_LANG": "id",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.screen_driver", str(db)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_fits_the_screen(
    demo_db_template: Path, tmp_path: Path, ui_settings: Path, screen: str
) -> None:
    width, height, scale = SCREENS[screen]
    found = run_on_screen(tmp_path, demo_copy(demo_db_template, tmp_path), width, height, scale)
    x, y, free_w, free_h = found.pop("screen")
    assert (free_w, free_h) == (round(width / scale), round(height / scale))
    for name, window in found.items():
        left, top, w, h = window["geometry"]
        assert x <= left and left + w <= x + free_w, (name, window)
        assert y <= top and top + h <= y + free_h, (name, window)
        if name != "mainWindow":  # room left for the title bar and borders of a dialog
            assert w + FRAME.width() <= free_w and h + FRAME.height() <= free_h, (name, window)
        assert window["minimum"][0] <= w and window["minimum"][1] <= h, (name, window)
        for button, (bx, by, bw, bh) in window["buttons"].items():
            inside = bx >= 0 and by >= 0 and bx + bw <= w and by + bh <= h
            assert inside, f"{name}: {button} at {bx},{by} {bw}x{bh} is outside {w}x{h}"
    assert "buttonSavePdf" in found["sheetPreview"]["buttons"]
