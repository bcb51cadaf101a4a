"""The command line's argument parser, in the user's language.

argparse writes its own words in English ("usage:", "invalid choice", "the
following arguments are required", "unrecognized arguments"). The parser
here gives them in Indonesian when the program speaks Indonesian: the usage
line and help headings through the formatter, and the error messages by
matching argparse's English patterns (the same in every Python version we
support); a message it does not know stays as argparse wrote it, inside our
Indonesian frame. ``--lang`` is read before parsing, so even a wrong command
is explained in the language asked for.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from kotacerdas_desktop.domain.text import LANGUAGES, LocalText, current_language, t

EXIT_USER_ERROR = 2
LANG_OPTION = "--lang"

# argparse's messages (Python 3.10-3.13) and their Indonesian; {0}, {1}: what argparse filled in.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), indonesian)
    for pattern, indonesian in (
        (
            r"invalid choice: (.+?) \(choose from (.+)\)",
            "pilihan {0} tidak ada; pilih salah satu: {1}",
        ),
        (r"invalid (\w+) value: (.+)", "nilai {1} tidak sah ({0})"),
        (r"the following arguments are required: (.+)", "argumen ini wajib diisi: {0}"),
        (r"one of the arguments (.+) is required", "salah satu argumen ini wajib diisi: {0}"),
        (r"unrecognized arguments: (.+)", "argumen tidak dikenal: {0}"),
        (r"expected one argument", "memerlukan satu nilai"),
        (r"expected at most one argument", "paling banyak satu nilai"),
        (r"expected at least one argument", "memerlukan sedikitnya satu nilai"),
        (r"expected (\d+) arguments?", "memerlukan {0} nilai"),
        (r"not allowed with argument (.+)", "tidak boleh dipakai bersama argumen {0}"),
        (r"ignored explicit argument (.+)", "nilai {0} diabaikan"),
        (r"ambiguous option: (.+?) could match (.+)", "opsi {0} ambigu; bisa berarti {1}"),
    )
)
_ARGUMENT = re.compile(r"argument (.+?): (.+)", re.DOTALL)
_TYPE_NAMES = {"int": "bukan bilangan bulat", "float": "bukan angka"}


def indonesian(message: str) -> str:
    """argparse's English error message in Indonesian (unchanged when it is not one we know)."""
    argument = _ARGUMENT.fullmatch(message)
    if argument is not None:
        return f"argumen {argument.group(1)}: {indonesian(argument.group(2))}"
    for pattern, text in _MESSAGES:
        found = pattern.fullmatch(message)
        if found is not None:
            parts = [_TYPE_NAMES.get(part, part) for part in found.groups()]
            return text.format(*parts)
    return message


def language_flag(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` (``--lang en`` or ``--lang=en``) before anything is parsed."""
    for position, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == LANG_OPTION and position + 1 < len(argv):
            value = argv[position + 1]
        elif arg.startswith(LANG_OPTION + "="):
            value = arg.split("=", 1)[1]
        else:
            continue
        return value if value in LANGUAGES else None
    return None


GUI_FLAGS = frozenset({"--quit-after-start", "--self-test"})
GUI_OPTIONS = frozenset({"--db", LANG_OPTION})  # each takes one value


def starts_gui_only(argv: Sequence[str]) -> bool:
    """Whether the arguments are only the GUI's options, written out in full (``--db FILE``,
    ``--db=FILE``, ``--lang en``, ``--quit-after-start``, ``--self-test``): then no subcommand
    needs parsing. Anything else (a subcommand, help, version, an abbreviation, a wrong
    language, a value that looks like an option) goes to the whole parser and its messages."""
    position = 0
    while position < len(argv):
        arg = argv[position]
        name, equals, value = arg.partition("=")
        if arg in GUI_FLAGS:
            position += 1
            continue
        if arg in GUI_OPTIONS and position + 1 < len(argv):
            value, position = argv[position + 1], position + 2
        elif equals and name in GUI_OPTIONS:
            position += 1
        else:
            return False
        if value.startswith("-") or (name == LANG_OPTION and value not in LANGUAGES):
            return False
    return True


class Formatter(argparse.HelpFormatter):
    """Help and usage with our heading words ("penggunaan:" in Indonesian)."""

    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = str(t("penggunaan: ", "usage: "))
        super().add_usage(usage, actions, groups, prefix)  # type: ignore[arg-type]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words follow the program's language; errors exit with 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = str(t("argumen", "positional arguments"))
        self._optionals.title = str(t("opsi", "options"))
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = str(t("tampilkan bantuan ini lalu keluar", "show this help and exit"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if current_language() == "id":
            message = indonesian(message)
        text = LocalText(f"Perintah tidak sah: {message}", f"Invalid command: {message}")
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {text}\n")
