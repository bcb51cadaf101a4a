"""Unexpected errors are never lost: each is written with its traceback to a rotating log file.

The log lives in the user's log folder (platformdirs; $KOTACERDAS_LOG_DIR
elsewhere, as the tests do), at most four files of 1 MB. ``install`` routes
uncaught errors of the main thread (sys.excepthook) and of other threads
(threading.excepthook) there and to a ``show`` callback: the GUI's dialog.
The command line logs what it catches itself and prints one line. No Qt here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_log_dir

from kotacerdas_desktop import __version__

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_ENV = "KOTACERDAS_LOG_DIR"
LOG_NAME = "kotacerdas.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_logger = logging.getLogger("kotacerdas")
_handler: RotatingFileHandler | None = None


def log_path() -> Path:
    folder = os.environ.get(LOG_ENV) or user_log_dir("KotaCerdas", appauthor=False)
    return Path(folder) / LOG_NAME


def logger() -> logging.Logger:
    """The program's logger, writing to the log file (opened on first use, reopened if moved)."""
    global _handler
    path = log_path()
    if _handler is None or Path(_handler.baseFilename) != path.resolve():
        if _handler is not None:
            _logger.removeHandler(_handler)
            _handler.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        # Imported when the first error is logged: it brings sockets and pickling along,
        # which a start without errors need not load.
        from logging.handlers import RotatingFileHandler

        _handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        _logger.addHandler(_handler)
        _logger.setLevel(logging.INFO)
    return _logger


def details(error: BaseException) -> str:
    """What a developer needs: the program and system versions and the whole traceback."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    return (
        f"KotaCerdas Desktop {__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n" + "".join(lines)
    )


def log_exception(error: BaseException, where: str) -> Path | None:
    """Write the error with its traceback; the log file's path, or None when it cannot be written."""
    try:
        logger().error("%s\n%s", where, details(error))
        return log_path()
    except OSError:
        sys.stderr.write(f"{where}\n{details(error)}")
        return None


def log_message(level: int, text: str) -> None:
    """A warning or note that is not an exception (e.g. a Qt message, a skipped backup)."""
    try:
        logger().log(level, text)
    except OSError:
        sys.stderr.write(f"{text}\n")


Show = Callable[[BaseException, Path | None], None]


def install(show: Show) -> None:
    """Uncaught errors of any thread: logged with their traceback, then shown by ``show``."""

    def main_thread(kind: type[BaseException], error: BaseException, tb: object) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)  # type: ignore[arg-type]
            return
        show(error, log_exception(error, "uncaught error"))

    def other_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        show(args.exc_value, log_exception(args.exc_value, f"uncaught error in thread {name}"))

    sys.excepthook = main_thread
    threading.excepthook = other_thread
    with contextlib.suppress(OSError):  # unwritable: log_exception falls back to stderr
        logger()  # from now on the program's warnings (a backup not made) reach the file too
