"""The ``kotacerdas`` command: start the GUI, or run headless commands for administrators and tests.

Every subcommand module has ``register(subparsers)``; a handler takes the open
store and the parsed arguments and returns the exit code. Whatever happens,
the command prints one clear line on stderr (Indonesian, or English with
--lang en, KOTACERDAS_LANG=en or the language saved in the app), never a
traceback; an unexpected error is written with its traceback to the log
file, whose path the line names. Exit codes:

0 done; 1 the command ran and found problems (check, verify, some sheets of
--all); 2 refused (a rule a user broke, an unusable file, an argument that is
not text; nothing changed); 3 another program is writing (nothing changed;
try again); 4 unexpected error (logged); 130 interrupted (Ctrl+C); 141 the
output was closed (``| head``), as a shell tool ends: quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from kotacerdas_desktop import __version__, errorlog, language
from kotacerdas_desktop.cli.parser import (
    EXIT_USER_ERROR,
    LANG_OPTION,
    Parser,
    language_flag,
    starts_gui_only,
)
from kotacerdas_desktop.domain.errors import BusyError, KotaCerdasError
from kotacerdas_desktop.domain.text import LANGUAGES, shown, t
from kotacerdas_desktop.store.database import storage_error
from kotacerdas_desktop.store.location import default_db_path

EXIT_PROBLEMS = 1
EXIT_BUSY = 3
EXIT_UNEXPECTED = 4
EXIT_INTERRUPTED = 130
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a tool whose reader went away


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``commands``, only the options that start the GUI
    (what ``kotacerdas``, ``--db FILE`` and ``--lang en`` need: no subcommand module is
    imported, which keeps the GUI's start short)."""
    parser = Parser(
        prog="kotacerdas",
        description="KotaCerdas Desktop: penilaian mandiri smart city OPD / smart city self-assessment.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"KotaCerdas Desktop {__version__}",
        help=str(t("tampilkan versi lalu keluar", "show the version and exit")),
    )
    parser.add_argument(
        LANG_OPTION,
        choices=LANGUAGES,
        help="bahasa / language: id, en (default: $KOTACERDAS_LANG, else the app's setting, else id); "
        "with en, `sheet` writes an English translation of the sheet",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="berkas basis data / database file (default: $KOTACERDAS_DB, else the user data folder)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="periksa instalasi lalu keluar / check the installation and exit",
    )
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from kotacerdas_desktop.cli import (
        admin,
        agency,
        assessment,
        backup,
        catalogue,
        exchange,
        history,
        plan,
        recap,
        sheet,
    )

    subparsers = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    for module in (
        catalogue,
        agency,
        assessment,
        history,
        admin,
        backup,
        sheet,
        exchange,
        recap,
        plan,
    ):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    language.start(language_flag(arguments))
    try:
        if (number := undecodable(arguments)) is not None:
            return refused_argument(number, arguments[number - 1])
        return _run(arguments)
    except BrokenPipeError:
        return output_closed()


def undecodable(arguments: Sequence[str]) -> int | None:
    """The position (from 1) of the first argument that is not text: bytes that are not UTF-8
    reach Python as lone surrogates, which no message, file name or database text can hold."""
    for number, argument in enumerate(arguments, 1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            return number
    return None


def refused_argument(number: int, argument: str) -> int:
    said = shown(os.fsencode(argument).decode("utf-8", "backslashreplace"))
    print(
        t(
            f'kotacerdas: argumen ke-{number} "{said}" tidak dapat dibaca sebagai teks (bukan '
            "UTF-8); tidak ada yang diubah. Ketik ulang argumen itu; berkas atau folder yang "
            "namanya bukan UTF-8 perlu diganti namanya lebih dulu.",
            f'kotacerdas: argument {number} "{said}" cannot be read as text (it is not UTF-8); '
            "nothing was changed. Type that argument again; a file or folder whose name is not "
            "UTF-8 needs a new name first.",
        ),
        file=sys.stderr,
    )
    return EXIT_USER_ERROR


def output_closed() -> int:
    """The reader of our output went away (``kotacerdas catalogue show --json | head``): stop
    quietly, as a shell tool does. What is still buffered goes to the null device, so Python's
    own flush at exit finds nothing to complain about."""
    # A stdout that is no file (a test's capture) has nothing to redirect.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OUTPUT_CLOSED


def _run(arguments: list[str]) -> int:
    parser = build_parser(commands=not starts_gui_only(arguments))
    args = parser.parse_args(arguments)
    if args.self_test:
        from kotacerdas_desktop.selftest import run_self_test

        return run_self_test()
    if args.command is None and args.quit_after_start:  # the build times a cold start with it
        from kotacerdas_desktop.gui.app import start_and_quit

        return start_and_quit(args.db)
    if args.command is None:
        from kotacerdas_desktop.gui.app import run  # Qt is imported only when the GUI starts

        return run(args.db)
    if not hasattr(args, "handler"):
        parser.parse_args([args.command, "--help"])
    return run_handler(args)


def run_handler(args: argparse.Namespace) -> int:
    """Run a subcommand; every way it can end is one line on stderr and an exit code."""
    try:
        return args.handler(args)
    except sqlite3.Error as exc:  # about the file (busy, damaged, disk full), else a program error
        mapped = storage_error(exc, Path(args.db) if args.db else default_db_path())
        if mapped is None:
            return unexpected(exc, args)
        return refused(mapped)
    except KotaCerdasError as exc:
        return refused(exc)
    except KeyboardInterrupt:
        print(t("kotacerdas: dihentikan.", "kotacerdas: interrupted."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return output_closed()
    except Exception as exc:
        return unexpected(exc, args)


def refused(error: KotaCerdasError) -> int:
    print(f"kotacerdas: {error}", file=sys.stderr)
    return EXIT_BUSY if isinstance(error, BusyError) else EXIT_USER_ERROR


def unexpected(error: Exception, args: argparse.Namespace) -> int:
    """One line and where the details are; the traceback goes to the log, not the screen."""
    command = " ".join(str(part) for part in (args.command, getattr(args, "action", "")) if part)
    log = errorlog.log_exception(error, f"kotacerdas {command}")
    where = log if log is not None else "stderr"
    print(
        t(
            f"kotacerdas: kesalahan tak terduga ({type(error).__name__}: {error}). "
            f"Perubahan yang belum selesai tidak disimpan. Rinciannya dicatat di {where}",
            f"kotacerdas: unexpected error ({type(error).__name__}: {error}). "
            f"A change that was not finished was not saved. The details are logged in {where}",
        ),
        file=sys.stderr,
    )
    return EXIT_UNEXPECTED
