"""Time the data-entry window's real workloads and print a table.

- cold start to a usable form (a new process: import, open the demo city,
  build the window, first paint), against an empty PySide6 window started
  the same way in the same run (the reference), as a ratio;
- switching to another dimension (save, fill the form, unfold the tree, paint);
- the autosave store call on the demo city, p50 / p99 (target p99 < 5 ms),
  and the whole autosave tick including the navigation refresh;
- the coordinator's Kota window: the city picture as one store call (what the
  window would freeze for if it computed on the GUI thread), the time until the
  window shows fresh figures, and the longest pause of the GUI thread meanwhile
  (target < 100 ms); on the demo city, and with --city on a city of 60 agencies.

Runs offscreen unless --screen is given (then on $DISPLAY).
Run: .venv/bin/python benchmarks/gui_timing.py [--smoke] [--screen] [--city]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_START = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kotacerdas_desktop.gui import app
window = app.start(Path(sys.argv[1]))
QApplication.processEvents()
assert window is not None and window.form.isVisible() and window.editor.code
print("READY", flush=True)
"""
EMPTY_START = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 720)
window.show()
QApplication.processEvents()
print("READY", flush=True)
"""


def cold_start(script: str, args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if "READY" not in result.stdout:
        raise RuntimeError(f"start failed: {result.stderr[-2000:]}")
    return elapsed


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def in_process(db: Path, saves: int, rounds: int) -> dict[str, float]:
    """Dimension switches and autosave ticks on a window over the demo city."""
    from PySide6.QtWidgets import QApplication

    from kotacerdas_desktop.gui import app, operations
    from kotacerdas_desktop.gui.main_window import MainWindow
    from kotacerdas_desktop.store import Store

    app.create_app()
    with Store.open(db) as store:
        window = MainWindow(store)
        window.resize(1366, 740)
        window.show()
        QApplication.processEvents()
        catalogue = window.editor.catalogue
        assert catalogue is not None
        firsts = [next(d.indicators()).code for d in catalogue.dimensions]
        switches = []
        for _ in range(rounds):
            for code in firsts:
                start = time.perf_counter()
                window.show_indicator(code)
                QApplication.processEvents()
                switches.append(time.perf_counter() - start)
        field = window.form.ui.editJustification
        ticks = []
        before = len(operations.timings(operations.ANSWER))
        for n in range(saves):
            field.setPlainText(f"Justifikasi uji kinerja nomor {n}. " * 8)
            start = time.perf_counter()
            window.editor.flush()
            ticks.append(time.perf_counter() - start)
        calls = operations.timings(operations.ANSWER)[before:]
        window.close()
    return {
        "switch_p50": statistics.median(switches),
        "switch_max": max(switches),
        "store_p50": statistics.median(calls),
        "store_p99": percentile(calls, 0.99),
        "tick_p50": statistics.median(ticks),
        "tick_p99": percentile(ticks, 0.99),
        "saves": len(calls),
    }


def city_view(db: Path, rounds: int) -> dict[str, float]:
    """Open the Kota window and refresh it ``rounds`` times; a 5 ms timer measures how long
    the GUI thread is ever kept from its event loop meanwhile."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kotacerdas_desktop.gui import app
    from kotacerdas_desktop.gui.city_window import CityWindow
    from kotacerdas_desktop.store import Store

    app.create_app()
    with Store.open(db) as store:
        year = store.city.years()[0]
        start = time.perf_counter()
        store.city.picture(year)
        picture = time.perf_counter() - start
        ready, pauses = [], []
        last = [time.perf_counter()]
        longest = [0.0]

        def tick() -> None:
            now = time.perf_counter()
            longest[0] = max(longest[0], now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        # The reference: the same timer on an idle event loop (the machine's own noise).
        start = last[0] = time.perf_counter()
        while time.perf_counter() - start < 1:
            QApplication.processEvents()
        idle = longest[0]
        window = None
        shown = [False]
        for n in range(rounds):
            shown[0] = False
            start = last[0] = time.perf_counter()
            longest[0] = 0.0
            if window is None:
                window = CityWindow(store)
                window.resize(1366, 740)
                window.show()
                window.loaded.connect(lambda: shown.__setitem__(0, True))
            else:
                window.refresh()
            while not shown[0]:
                QApplication.processEvents()
            ready.append(time.perf_counter() - start)
            pauses.append(longest[0])
            assert window.data is not None and window.data.picture is not None, n
        timer.stop()
        window.close()
    return {
        "picture": picture,
        "ready_p50": statistics.median(ready),
        "pause_p50": statistics.median(pauses),
        "pause_max": max(pauses),
        "idle": idle,
        "agencies": len(window.data.picture.entries),
    }


def city_rows(label: str, timed: dict[str, float]) -> list[tuple[str, str, str]]:
    return [
        (
            f"Kota window, {label}: city picture, one store call",
            f"{timed['picture'] * 1000:.0f} ms",
            f"{timed['agencies']:.0f} agencies; runs in a worker thread",
        ),
        (
            "  figures shown, p50",
            f"{timed['ready_p50'] * 1000:.0f} ms",
            "this year and last year, then the tabs filled",
        ),
        (
            "  longest GUI-thread pause, p50 / max",
            f"{timed['pause_p50'] * 1000:.0f} / {timed['pause_max'] * 1000:.0f} ms",
            f"target < 100 ms; an idle event loop's: {timed['idle'] * 1000:.0f} ms",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--smoke", action="store_true", help="few repetitions, to prove the script works"
    )
    parser.add_argument(
        "--screen", action="store_true", help="use the real screen ($DISPLAY), not offscreen"
    )
    parser.add_argument(
        "--city", action="store_true", help="also time the Kota window on a 60-agency city"
    )
    args = parser.parse_args()
    if not args.screen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    starts, rounds, saves = (1, 1, 30) if args.smoke else (5, 5, 1000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = folder / "demo.sqlite"
        from kotacerdas_desktop.demo import fill_demo_city
        from kotacerdas_desktop.store import Store

        with Store.open(template) as store:
            fill_demo_city(store)
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        env = {
            **os.environ,
            "KOTACERDAS_UI_SETTINGS": str(folder / "ui.ini"),
            "PYTHONPATH": str(ROOT),
        }
        ours, empty = [], []
        for n in range(starts):
            copy = folder / f"start{n}.sqlite"
            shutil.copy(template, copy)
            empty.append(cold_start(EMPTY_START, [], env))
            ours.append(cold_start(APP_START, [str(copy)], env))
        os.environ["KOTACERDAS_UI_SETTINGS"] = str(folder / "ui.ini")
        work = folder / "work.sqlite"
        shutil.copy(template, work)
        timed = in_process(work, saves, rounds)
        city = [*city_rows("demo city", city_view(work, rounds + 1))]
        if args.city:
            from kotacerdas_desktop.demo import fill_city

            big = folder / "city.sqlite"
            with Store.open(big) as store:
                fill_city(store, agencies=60, years=5)
            city += city_rows("60 agencies", city_view(big, rounds + 1))
    ours_s, empty_s = statistics.median(ours), statistics.median(empty)
    rows = [
        (
            "cold start to a usable form (demo city)",
            f"{ours_s:.2f} s",
            f"{ours_s / empty_s:.1f}x an empty PySide6 window ({empty_s:.2f} s)",
        ),
        (
            "switch dimension, p50 / max",
            f"{timed['switch_p50'] * 1000:.1f} / {timed['switch_max'] * 1000:.1f} ms",
            "save, fill the form, unfold the tree, paint",
        ),
        (
            f"autosave store call, p50 / p99 ({timed['saves']:.0f} saves)",
            f"{timed['store_p50'] * 1000:.2f} / {timed['store_p99'] * 1000:.2f} ms",
            "target p99 < 5 ms",
        ),
        (
            "autosave tick incl. navigation refresh, p50 / p99",
            f"{timed['tick_p50'] * 1000:.2f} / {timed['tick_p99'] * 1000:.2f} ms",
            "",
        ),
        *city,
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'workload'.ljust(width)}  {'time':>18}  note")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value:>18}  {note}")


if __name__ == "__main__":
    main()
