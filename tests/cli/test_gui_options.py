"""Which arguments start the GUI without the subcommands' parser (and their modules)."""

from __future__ import annotations

import pytest

from kotacerdas_desktop.cli import build_parser
from kotacerdas_desktop.cli.parser import starts_gui_only


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--db", "kota.sqlite"],
        ["--db=kota.sqlite", "--lang", "en"],
        ["--lang=id", "--quit-after-start", "--db", "kota.sqlite"],
        ["--self-test"],
    ],
)
def test_the_guis_own_options_need_no_subcommand_and_parse_the_same(args: list[str]) -> None:
    assert starts_gui_only(args)
    assert vars(build_parser(commands=False).parse_args(args)) == vars(
        build_parser().parse_args(args)
    )


@pytest.mark.parametrize(
    "args",
    [
        ["sheet", "--help"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--db"],  # a missing value: the whole parser says so
        ["--db", "--lang", "en"],
        ["--d", "kota.sqlite"],  # an abbreviation argparse accepts
        ["--lang", "xx"],  # a language that does not exist
        ["--db", "kota.sqlite", "catalogue", "list"],
        ["--", "--db"],
    ],
)
def test_anything_else_goes_to_the_whole_parser(args: list[str]) -> None:
    assert not starts_gui_only(args)
