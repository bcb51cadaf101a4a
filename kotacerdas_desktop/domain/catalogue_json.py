"""Reading a catalogue file's JSON without trusting it: one meaning, bounded size and shape.

A catalogue file may come from anyone (an e-mail, a package from an agency).
Before the checker looks at what it says, the text is held to limits far
above any real framework (the bundled smart city framework is 0.5 MB, 11
levels deep, 4,650 values, its longest text 1,840 characters), so a crafted
file is refused with a message instead of filling the database, the memory
or the stack:

- the file is at most MAX_FILE_BYTES;
- JSON means one thing: a key appears once per object; NaN, Infinity and
  numbers too large for a float (``1e999``) or too long are refused;
- nesting is at most MAX_DEPTH deep, there are at most MAX_VALUES values,
  a text is at most MAX_TEXT characters;
- no text holds a character that a terminal acts on or that hides or
  reorders text: control characters (tab and newline excepted), lone
  surrogates, bidirectional embeddings, overrides and isolates.

Every message names the path of the value and shows anything from the file
escaped (domain/text.py ``shown``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import LocalText, shown, t

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32
MAX_VALUES = 200_000
MAX_TEXT = 20_000
MAX_NUMBER_CHARS = 32  # digits of a number literal; a weight or a limit needs a handful
# C0 and C1 controls but tab and newline, lone surrogates, bidirectional embeddings,
# overrides and isolates.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")

Fail = Callable[[str, LocalText], ValidationError]


class _Refused(ValueError):
    """A hook's refusal, raised through json.loads and turned into a message by ``parse``."""

    def __init__(self, problem: LocalText) -> None:
        super().__init__(problem.id)
        self.problem = problem


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise _Refused(
            t(
                f'kunci "{shown(repeated)}" muncul dua kali dalam satu objek (mana yang berlaku?)',
                f'key "{shown(repeated)}" appears twice in one object (which one counts?)',
            )
        )
    return data


def _no_constant(name: str) -> None:
    raise _Refused(
        t(
            f"{name} bukan angka yang sah dalam JSON; tulis angka terhingga",
            f"{name} is not a number JSON allows; write a finite number",
        )
    )


def _long_number(literal: str) -> _Refused:
    return _Refused(
        t(
            f"angka {shown(literal, 24)} terlalu panjang (paling banyak {MAX_NUMBER_CHARS} karakter)",
            f"number {shown(literal, 24)} is too long (at most {MAX_NUMBER_CHARS} characters)",
        )
    )


def _float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _long_number(literal)
    value = float(literal)
    if not math.isfinite(value):
        raise _Refused(
            t(
                f"angka {shown(literal)} di luar jangkauan (terlalu besar)",
                f"number {shown(literal)} is out of range (too large)",
            )
        )
    return value


def _int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _long_number(literal)
    return int(literal)


def parse(text: str, source: str) -> Any:
    """The JSON value of a catalogue file's text, or ValidationError naming the file and why."""
    where = shown(source)

    def refuse(problem: LocalText) -> ValidationError:
        return ValidationError(
            t(f"Berkas katalog {where}: {problem.id}", f"Catalogue file {where}: {problem.en}"),
            field="file",
        )

    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise refuse(too_large(size))
    try:
        return json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constant,
            parse_float=_float,
            parse_int=_int,
        )
    except json.JSONDecodeError as exc:
        raise ValidationError(
            t(
                f"Berkas katalog {where} bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}): {exc.msg}",
                f"Catalogue file {where} is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}",
            ),
            field="file",
        ) from exc
    except _Refused as exc:
        raise refuse(exc.problem) from exc
    except RecursionError as exc:
        raise refuse(too_deep()) from exc


def too_large(size: int) -> LocalText:
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return t(
        f"terlalu besar ({size:,} bita); batasnya {limit} MB, jauh di atas kerangka mana pun",
        f"is too large ({size:,} bytes); the limit is {limit} MB, far above any framework",
    )


def too_deep() -> LocalText:
    return t(
        f"bersarang lebih dalam dari {MAX_DEPTH} tingkat",
        f"nests deeper than {MAX_DEPTH} levels",
    )


def _text_problem(value: str) -> LocalText | None:
    if len(value) > MAX_TEXT:
        return t(
            f"teks {len(value):,} karakter; batasnya {MAX_TEXT:,}",
            f"a text of {len(value):,} characters; the limit is {MAX_TEXT:,}",
        )
    hidden = _HIDDEN.search(value)
    if hidden is None:
        return None
    return t(
        f"teks berisi karakter kendali atau tak terlihat {shown(hidden.group())} (posisi "
        f"{hidden.start() + 1}), yang tidak diterima",
        f"a text holds the control or invisible character {shown(hidden.group())} (position "
        f"{hidden.start() + 1}), which is not accepted",
    )


def check_shape(data: Any, fail: Fail) -> None:
    """Refuse parsed JSON deeper, larger or with texts or numbers other than a catalogue holds;
    ``fail(path, problem)`` makes the error (walked with a list, not recursion)."""
    pending: list[tuple[Any, str, int]] = [(data, "", 1)]
    count = 0
    while pending:
        value, path, depth = pending.pop()
        count += 1
        if count > MAX_VALUES:
            raise fail(
                "",
                t(
                    f"berisi lebih dari {MAX_VALUES:,} nilai JSON",
                    f"holds more than {MAX_VALUES:,} JSON values",
                ),
            )
        if depth > MAX_DEPTH:
            raise fail(path, too_deep())
        if isinstance(value, float) and not math.isfinite(value):
            raise fail(path, t("harus berupa angka terhingga", "must be a finite number"))
        if isinstance(value, str) and (problem := _text_problem(value)):
            raise fail(path, problem)
        if isinstance(value, dict):
            for key, item in value.items():
                key_problem = _text_problem(key) if isinstance(key, str) else None
                inner = f"{path}.{shown(key)}" if path else shown(key)
                if key_problem:
                    raise fail(inner, key_problem)
                pending.append((item, inner, depth + 1))
        elif isinstance(value, list):
            pending += [(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)]
