"""The ``kotacerdas`` command: start the GUI, or run headless commands for administrators and tests.

Every subcommand module has ``register(subparsers)``; a handler takes the open
store and the parsed arguments and returns the exit code. A rule a user broke
ends in a message on stderr (Indonesian, or English with KOTACERDAS_LANG=en),
exit code 2, and nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kotacerdas_desktop import __version__
from kotacerdas_desktop.cli import admin, agency, assessment, catalogue, exchange, plan, sheet
from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.text import t

EXIT_USER_ERROR = 2
MODULES = (catalogue, agency, assessment, admin, sheet, exchange, plan)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own words stay English; the frame is ours
        self.print_usage(sys.stderr)
        text = t(f"Perintah tidak sah: {message}", f"Invalid command: {message}")
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {text}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kotacerdas",
        description="KotaCerdas Desktop: penilaian mandiri smart city OPD / smart city self-assessment.",
    )
    parser.add_argument("--version", action="version", version=f"KotaCerdas Desktop {__version__}")
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
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for module in MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from kotacerdas_desktop.selftest import run_self_test

        return run_self_test()
    if args.command is None and args.quit_after_start:  # the build times a cold start with it
        from kotacerdas_desktop.selftest import start_and_quit

        return start_and_quit(args.db)
    if args.command is None:
        from kotacerdas_desktop.gui.app import run  # Qt is imported only when the GUI starts

        return run(args.db)
    if not hasattr(args, "handler"):
        parser.parse_args([args.command, "--help"])
    try:
        return args.handler(args)
    except KotaCerdasError as exc:
        print(f"kotacerdas: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
