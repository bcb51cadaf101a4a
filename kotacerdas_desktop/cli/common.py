"""Helpers shared by the subcommands: opening the store, printing tables and JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from contextlib import closing

from kotacerdas_desktop import language
from kotacerdas_desktop.reports.paper import PAPER_NAMES
from kotacerdas_desktop.store import Store

Handler = Callable[[Store, argparse.Namespace], int]


def with_store(handler: Handler, *, create: bool = False) -> Callable[[argparse.Namespace], int]:
    """Open the database named by --db (or the default) around a handler.

    Only commands that make something new (``create``: agency add, demo) may
    create the file; for every other command a missing file is a mistyped
    path, refused with a message, never a new empty database. The language
    saved in the app applies from here on, unless --lang or KOTACERDAS_LANG chose."""

    def run(args: argparse.Namespace) -> int:
        with closing(Store.open(args.db, create=create)) as store:
            language.apply_setting(store.settings.language())
            return handler(store, args)

    return run


def add_paper(parser: argparse.ArgumentParser) -> None:
    """--paper a4|f4 (any case), A4 unless chosen."""
    parser.add_argument(
        "--paper",
        default="a4",
        type=str.lower,
        choices=PAPER_NAMES,
        help="ukuran kertas / paper size: a4 (default) or f4 (215 x 330 mm)",
    )


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="keluaran JSON / JSON output")


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain text table, columns padded to their widest cell."""
    cells = [[str(h) for h in headers]] + [
        ["" if c is None else str(c) for c in row] for row in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
        if n == 0:
            print("  ".join("-" * width for width in widths))
