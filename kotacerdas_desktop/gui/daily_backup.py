"""The day's automatic backup while the app runs (the open makes the first one of a day).

Every few minutes the window asks whether today's backup exists; when a new
day has begun it is made off the GUI thread, on its own connection. A
failure is logged, not shown: the next check tries again.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer

from kotacerdas_desktop import errorlog
from kotacerdas_desktop.store import backups
from kotacerdas_desktop.store.database import connect

CHECK_EVERY_MS = 10 * 60 * 1000


def make_daily(path: Path) -> None:
    """On a worker of the thread pool, with its own connection (a failure is logged)."""
    try:
        with closing(connect(path)) as conn:
            backups.make_daily(conn, path)
    except Exception as error:  # a thread-pool task: nothing else would record it
        errorlog.log_exception(error, f"daily backup of {path}")


class DailyBackup(QObject):
    def __init__(self, path: Path, parent: QObject) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_EVERY_MS)

    def check(self) -> None:
        if backups.daily_due(self.path):
            QThreadPool.globalInstance().start(lambda: make_daily(self.path))
