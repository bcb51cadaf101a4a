"""The rows measured in fresh GUI processes: cold starts, dimension switch, city view, memory.

Every process runs offscreen with its window settings in the run's folder. A
cold start from source caches its bytecode in the run's folder (as an
installed program has its .pyc files), and one untimed start of each program
comes first, so no timed start compiles or makes the day's backup.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from measure import Row, Target  # benchmarks/measure.py, beside this script

from kotacerdas_desktop import build, freeze

HERE = Path(__file__).resolve().parent
PROBE = HERE / "gui_probe.py"
START_TARGET = Target(2.0, ratio=True, text="≤ 2x (aim 1.5x)")


def environment(folder: Path) -> dict[str, str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        KOTACERDAS_UI_SETTINGS=str(folder / "jendela.ini"),
        PYTHONPYCACHEPREFIX=str(folder / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_start_rows(folder: Path, demo: Path, dist: Path, runs: int) -> list[Row]:
    """From source, and frozen when ``dist`` holds a build (KotaCerdas and BareWindow)."""
    env = environment(folder)
    app = [sys.executable, "-m", "kotacerdas_desktop", "--quit-after-start", "--db", str(demo)]
    bare = [sys.executable, "-c", freeze.BARE_SCRIPT, "--quit-after-start"]
    ours, empty = build.start_samples(app, bare, env, runs)
    rows = [
        Row(
            "cold start to a usable form (demo city)",
            "empty PySide6 window",
            ours,
            empty,
            target=START_TARGET,
            note="fresh processes from source, `kotacerdas --quit-after-start` against "
            "freeze.BARE_SCRIPT; the form shown, then quit",
        )
    ]
    frozen_app, frozen_bare = dist / freeze.APP_NAME, dist / freeze.BARE_NAME
    if build.executable(frozen_app).is_file() and build.executable(frozen_bare).is_file():
        copy = folder / "frozen-demo.sqlite"
        copy.write_bytes(demo.read_bytes())
        ours, empty = build.start_samples(
            [str(build.executable(frozen_app)), "--quit-after-start", "--db", str(copy)],
            [str(build.executable(frozen_bare)), "--quit-after-start"],
            env,
            runs,
        )
        rows.append(
            Row(
                "cold start, frozen build",
                "empty window, frozen",
                ours,
                empty,
                target=START_TARGET,
                note="the frozen folders build.spec makes: KotaCerdas against BareWindow",
            )
        )
    return rows


def probe(folder: Path, *args: str) -> dict:
    """One run of gui_probe.py in a fresh process: its JSON result."""
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        env=environment(folder),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"gui_probe.py {args[0]} failed: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def switch_row(folder: Path, demo: Path, rounds: int) -> Row:
    copy = folder / "switch.sqlite"
    copy.write_bytes(demo.read_bytes())
    result = probe(folder, "switch", str(copy), str(rounds))
    switches = result["switch"]
    return Row(
        "switch dimension (demo city)",
        "repaint the whole window",
        switches,
        result["repaint"],
        unit="ms",
        target=Target(0.050, text="< 50 ms"),
        note=f"{len(switches)} switches: save, fill the form, unfold the tree, paint; "
        f"longest {max(switches) * 1000:.0f} ms",
    )


def city_rows(folder: Path, city: Path, runs: int, label: str) -> list[Row]:
    """Opening the city database in the app and showing the Kota window; peak memory after."""
    results = [probe(folder, "city", str(city)) for _ in range(runs)]
    bare = [probe(folder, "bare")["rss_mb"] for _ in range(runs)]
    filled = [r["filled"] for r in results]
    pauses = [r["pause"] for r in results]
    return [
        Row(
            f"open {label} and show the city view",
            "open the database (app start)",
            [r["shown"] for r in results],
            [r["open"] for r in results],
            unit="ms",
            target=Target(0.100, text="< 100 ms after open"),
            note=f"Kota window until the tab in view shows the figures of "
            f"{results[0]['agencies']} agencies; every tab filled: median "
            f"{sorted(filled)[len(filled) // 2] * 1000:.0f} ms; longest GUI pause "
            f"{max(pauses) * 1000:.0f} ms",
        ),
        Row(
            f"peak memory of the GUI, {label} open",
            "empty PySide6 window",
            [r["rss_mb"] for r in results],
            bare,
            unit="MB",
            target=Target(200, text="< 200 MB"),
            note="peak resident set after the main window and the Kota window are shown",
        ),
    ]
