"""Time the data-entry window's real workloads and print a table.

- cold start to a usable form (a new process: import, open the demo city,
  build the window, first paint), against an empty PySide6 window started
  the same way in the same run (the reference), as a ratio;
- switching to another dimension (save, fill the form, unfold the tree, paint);
- the autosave store call on the demo city, p50 / p99 (target p99 < 5 ms),
  and the whole autosave tick including the navigation refresh.

Runs offscreen unless --screen is given (then on $DISPLAY).
Run: .venv/bin/python benchmarks/gui_timing.py [--smoke] [--screen]
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
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'workload'.ljust(width)}  {'time':>18}  note")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value:>18}  {note}")


if __name__ == "__main__":
    main()
