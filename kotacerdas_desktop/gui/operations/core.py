"""How every GUI operation runs: one store call, its error shown next to its field, one
``changed`` signal every view listens to (the package docstring says more).

Each operation is a small function that calls the store inside ``perform``
(or ``perform_in_background`` for long work). ``perform`` reports a
KotaCerdasError in one way, next to the field it names when the caller
offers one (``FieldMessages``), otherwise through ``notifier().failed``
(the main window shows it); on success it times the store call and emits one
``notifier().changed`` that every view listens to. Adding an operation (for
example finalize or reopen) is one more small function here.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop import errorlog
from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.text import LocalText
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.gui.error_dialog import show_unexpected
from kotacerdas_desktop.store import Store

T = TypeVar("T")

ANSWER = "answer"
EVIDENCE = "evidence"
AGENCY = "agency"
ASSESSMENT = "assessment"
SETTINGS = "settings"
PACKAGE = "package"  # a package exported, or packages imported (the city view refreshes)
FOLLOW_UP = "follow_up"  # a plan's steps written into follow-up plans (the form re-reads them)
BACKUP = "backup"


@dataclass(frozen=True)
class Change:
    """What changed, so a view refreshes only what it shows."""

    kind: str
    assessment_id: int | None = None
    indicator_code: str | None = None
    agency_code: str | None = None


class FieldMessages(Protocol):
    """A form that can show an error next to one of its fields."""

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` next to ``field``; False when the form has no such field."""
        ...


class _Notifier(QObject):
    changed = Signal(object)  # Change
    failed = Signal(object)  # KotaCerdasError with no field to show it next to


_notifier: _Notifier | None = None
_timings: dict[str, deque[float]] = {}


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def timings(kind: str) -> list[float]:
    """Seconds taken by the recent store calls of one kind of change (the autosave is ANSWER)."""
    return list(_timings.get(kind, ()))


def report(error: KotaCerdasError, fields: FieldMessages | None = None) -> None:
    """Show the message next to its field when possible, else hand it to the window."""
    if error.field and fields is not None and fields.show_error(error.field, str(error)):
        return
    notifier().failed.emit(error)


def perform(
    change: Change, action: Callable[[], T], fields: FieldMessages | None = None
) -> T | None:
    """Run one store write; None (and the error reported) when a rule was broken."""
    started = time.perf_counter()
    try:
        result = action()
    except KotaCerdasError as error:
        report(error, fields)
        return None
    _timings.setdefault(change.kind, deque(maxlen=5000)).append(time.perf_counter() - started)
    notifier().changed.emit(change)
    return result


def perform_in_background(
    change: Change,
    work: Callable[[Store, background.Progress], T],
    *,
    store_path: Path,
    parent: QWidget | None,
    title: str,
    fields: FieldMessages | None = None,
    on_done: Callable[[T], None] | None = None,
) -> background.Task:
    """``perform`` for long work: it runs on its own store in a worker thread, with progress."""

    def done(result: Any) -> None:
        notifier().changed.emit(change)
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, background.Cancelled):
            return
        if isinstance(exc, KotaCerdasError):
            report(exc, fields)
        else:  # logged with its traceback by the worker already
            show_unexpected(exc, errorlog.log_path(), parent)

    return background.start(
        background.with_store(store_path, work),
        parent=parent,
        title=title,
        on_done=done,
        on_error=failed,
    )


def worker_call(
    store: Store,
    change: Change,
    title: LocalText,
    busy: LocalText,
    call: Callable[[Store], T],
    *,
    parent: QWidget | None,
    on_done: Callable[[T], None],
    fields: FieldMessages | None = None,
) -> background.Task:
    """One store call on a worker's own store, with a busy dialog if it takes a moment."""

    def work(worker_store: Store, progress: background.Progress) -> T:
        progress.step(0, 0, str(busy))
        return call(worker_store)

    return perform_in_background(
        change,
        work,
        store_path=store.path,
        parent=parent,
        title=str(title),
        fields=fields,
        on_done=on_done,
    )
