"""Which language the program speaks: ``--lang``, else $KOTACERDAS_LANG, else the saved setting.

The flag and the environment are known at start; the setting is in the
database (Bantuan > Bahasa / Language saves it there, like the operator
name), so it can apply only once the database is open: ``apply_setting``
then changes the language unless the flag or the environment chose it.
Nothing here imports Qt, so the command line shares the rule.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from kotacerdas_desktop.domain.text import LANGUAGES, current_language, set_language

LANG_ENV = "KOTACERDAS_LANG"
DEFAULT = "id"
FLAG, ENVIRONMENT, SETTING = "flag", "environment", "setting"

_source = ""  # where the language in use came from ("" until start: the default)


def start(flag: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """Set the language from the flag, else the environment, else the default; return it."""
    global _source
    chosen = environ.get(LANG_ENV, "")
    if flag in LANGUAGES:
        set_language(flag)
        _source = FLAG
    elif chosen in LANGUAGES:
        set_language(chosen)
        _source = ENVIRONMENT
    else:
        set_language(DEFAULT)
        _source = ""
    return current_language()


def apply_setting(value: str) -> str:
    """The language saved in the database, unless the flag or the environment decided already."""
    global _source
    if fixed_by() is None and value in LANGUAGES:
        set_language(value)
        _source = SETTING
    return current_language()


def fixed_by() -> str | None:
    """``FLAG`` or ``ENVIRONMENT`` when one of them chose the language of this run, else None."""
    return _source if _source in (FLAG, ENVIRONMENT) else None
