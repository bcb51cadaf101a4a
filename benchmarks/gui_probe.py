"""The GUI measurements, each in a fresh process that run.py starts; prints one JSON line.

    gui_probe.py switch DB ROUNDS   switching dimensions on the main window, and the
                                    reference: repainting the whole window
    gui_probe.py city DB            the app started on DB (lock, checks, main window),
                                    then the Kota window until the tab in view shows its
                                    figures ("shown") and until every tab shows them with
                                    the change from last year ("filled"); and the
                                    process's peak resident memory after it
    gui_probe.py bare               an empty PySide6 window's peak resident memory

Runs offscreen (run.py sets QT_QPA_PLATFORM); window settings go where
KOTACERDAS_UI_SETTINGS points.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def peak_rss_mb() -> float:
    """The process's peak resident set (ru_maxrss: kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


class PauseMeter:
    """A 5 ms timer: the longest the GUI thread was kept from its event loop."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()


def switch(db: Path, rounds: int) -> dict:
    from kotacerdas_desktop.gui import app
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
        switches, repaints = [], []
        for _ in range(rounds):
            for code in firsts:
                start = time.perf_counter()
                window.show_indicator(code)
                QApplication.processEvents()
                switches.append(time.perf_counter() - start)
                start = time.perf_counter()
                window.repaint()
                QApplication.processEvents()
                repaints.append(time.perf_counter() - start)
        window.close()
    return {"switch": switches, "repaint": repaints}


def city(db: Path) -> dict:
    from kotacerdas_desktop.gui import app
    from kotacerdas_desktop.gui.city_launch import open_city_window

    qt = app.create_app()
    start = time.perf_counter()
    main = app.start(db)
    assert main is not None
    QApplication.processEvents()
    opened = time.perf_counter() - start
    meter = PauseMeter()
    meter.start()
    start = time.perf_counter()
    window = open_city_window(main)
    shown: list[float] = []
    # Connected after the window's own slot: when it runs, the tab in view shows this year's
    # figures (the change from last year may still be pending).
    window.loader.loaded.connect(lambda _data: shown.append(time.perf_counter() - start))
    done: list[float] = []
    window.loaded.connect(lambda: done.append(time.perf_counter() - start))
    while not done:
        qt.processEvents()
    meter.timer.stop()
    picture = window.data.picture if window.data else None
    assert picture is not None and picture.report is not None
    main.close()  # closes the Kota window, the store and the file's lock
    qt.processEvents()
    return {
        "open": opened,
        "shown": shown[0],
        "filled": done[0],
        "pause": meter.longest,
        "agencies": len(picture.entries),
        "rss_mb": peak_rss_mb(),
    }


def bare() -> dict:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 740)
    window.show()
    app.processEvents()
    return {"rss_mb": peak_rss_mb()}


def main() -> None:
    mode = sys.argv[1]
    if mode == "switch":
        result = switch(Path(sys.argv[2]), int(sys.argv[3]))
    elif mode == "city":
        result = city(Path(sys.argv[2]))
    else:
        result = bare()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
