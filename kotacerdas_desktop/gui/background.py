"""Long work off the GUI thread, with a progress dialog and cancel.

A window must never freeze: opening a big database, attaching a large file,
filling the demo city and printing many sheets run in Qt's thread pool. The
work function gets a ``Progress`` to report steps and to notice a cancel;
results and errors come back to the GUI thread through queued signals.

SQLite connections belong to the thread that opened them, so work that needs
the database opens its own ``Store.open(path, checked=True)`` (``with_store``
does that): the window's store checked the file when it opened it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kotacerdas_desktop import errorlog
from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store

SHOW_AFTER_MS = 400  # short work finishes without a dialog flashing up


class Cancelled(Exception):
    """Raised inside the work when the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    partial = Signal(object)  # a first result before the work ends (``Progress.partial``)
    finished = Signal(object)
    failed = Signal(object)


class Progress:
    """What the work function reports through; safe to call from the worker thread."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> None:
        """Report ``done`` of ``total`` (total 0: busy without a known end); raise Cancelled if asked to."""
        self.check()
        self._signals.progress.emit(done, total, text)

    def partial(self, result: object) -> None:
        """Hand a first result to the GUI thread before the work ends (the Kota window's
        figures of this year, while last year's are still being computed)."""
        self._signals.partial.emit(result)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


Work = Callable[[Progress], Any]


class Task(QRunnable):
    """One piece of work in the thread pool; its signals arrive in the GUI thread."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as exc:  # everything goes back to the GUI thread to be reported there
            if not isinstance(exc, KotaCerdasError | Cancelled):
                errorlog.log_exception(exc, "background task")  # here, with its traceback
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[Task] = set()


def start(
    work: Work,
    *,
    parent: QWidget | None,
    title: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    cancellable: bool = True,
) -> Task:
    """Run ``work`` in the pool; a progress dialog appears if it takes longer than a moment."""
    task = Task(work)
    dialog = QProgressDialog(title, str(t("Batal", "Cancel")) if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(task.progress.cancel)

    def on_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if text:
            dialog.setLabelText(text)

    def finish() -> None:
        _running.discard(task)
        dialog.canceled.disconnect(task.progress.cancel)
        dialog.close()
        dialog.deleteLater()

    def done(result: object) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        on_error(exc)

    task.signals.progress.connect(on_progress)
    task.signals.finished.connect(done)
    task.signals.failed.connect(failed)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def run_and_wait(
    work: Work, *, parent: QWidget | None, title: str, cancellable: bool = True
) -> Any:
    """Run ``work`` off the GUI thread while the GUI keeps painting; return its result or raise its error."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    start(work, parent=parent, title=title, on_done=done, on_error=failed, cancellable=cancellable)
    loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def with_store(path: Path, work: Callable[[Store, Progress], Any]) -> Work:
    """Work that opens its own store on ``path`` in the worker thread and closes it after;
    the file is one a window holds open, checked already."""

    def run(progress: Progress) -> Any:
        with Store.open(path, checked=True) as store:
            return work(store, progress)

    return run
