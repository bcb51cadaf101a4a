"""Taking valid JSON documents apart the way a careless or hostile program would, for the fuzz
tests of catalogue files (tests/domain/test_catalogue_fuzz.py) and exchange packages
(tests/exchange/test_package_fuzz.py).

A case starts from a document the program accepts and breaks it in one of two ways:

- ``mutated``: one value somewhere in the tree (JSON kept inside a JSON text, such as an
  agency snapshot, included) is replaced, removed, duplicated or added, with values chosen
  to hurt: NaN and infinities, huge and negative numbers, wrong types, deep nesting, long
  texts, control and bidirectional characters, lone surrogates;
- ``hostile``: one thing the catalogue rules refuse is put in at a random place: a repeated
  key, a number literal JSON or a float cannot hold, nesting past the cap, a text past the
  cap or holding a control character, a section of all-zero weights, a code or version that
  is not printable and bounded. Every such case must be refused.

``edited`` breaks the bytes themselves (inserted, deleted or replaced bytes and cuts).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

# Fixed, so CI runs the same cases every time (and keeps no example database).
_FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate, Phase.shrink),
    suppress_health_check=(HealthCheck.too_slow, HealthCheck.function_scoped_fixture),
)


def fuzz(examples: int) -> settings:
    """The settings of a fuzz test generating ``examples`` cases."""
    return settings(_FUZZ, max_examples=examples)


NASTY_TEXT = st.sampled_from(
    ["", " ", "\x1b[2J", "a\x00b", "\r", "\u202eabc", "\ud800", "\x9b", "x" * 20_001, "🙂", "A.B"]
)
NASTY_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e308, 10**40, 1e-320]),
    st.text(max_size=12),
    NASTY_TEXT,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    st.integers(min_value=30, max_value=200).map(
        lambda n: _nested(n)
    ),  # text-level deeper: hostile
)


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


class _Inner(dict):
    """A JSON object that was a JSON text inside the document (written back as text)."""


def _unpack(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("{"):
        try:
            inner = json.loads(value)
        except ValueError:
            return value
        if isinstance(inner, dict):
            return _Inner({k: _unpack(v) for k, v in inner.items()})
    if isinstance(value, dict):
        return {k: _unpack(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unpack(v) for v in value]
    return value


def _pack(value: Any) -> Any:
    if isinstance(value, _Inner):
        return json.dumps({k: _pack(v) for k, v in value.items()}, ensure_ascii=False)
    if isinstance(value, dict):
        return {k: _pack(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_pack(v) for v in value]
    return value


def _places(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the tree, containers before what they hold."""
    found: list[tuple[Any, Any]] = []
    pending = [value]
    while pending:
        container = pending.pop()
        keys = container.keys() if isinstance(container, dict) else range(len(container))
        for key in keys:
            found.append((container, key))
            if isinstance(container[key], (dict, list)):
                pending.append(container[key])
    return found


def mutated(draw: Callable, document: Any) -> Any:
    """The document with one value replaced, removed, duplicated or added (see the module)."""
    doc = _unpack(copy.deepcopy(document))
    container, key = draw(st.sampled_from(_places(doc)))
    action = draw(st.sampled_from(["replace", "replace", "remove", "duplicate", "add", "wrap"]))
    if action == "replace":
        container[key] = draw(NASTY_VALUES)
    elif action == "remove":
        del container[key]
    elif action == "wrap":
        container[key] = [container[key]]
    elif action == "duplicate" and isinstance(container, list):
        container.insert(key, copy.deepcopy(container[key]))
    else:
        target = container if isinstance(container, dict) else container[key]
        if isinstance(target, dict):
            target[draw(st.text(max_size=8) | NASTY_TEXT)] = draw(NASTY_VALUES)
        elif isinstance(target, list):
            target.append(draw(NASTY_VALUES))
        else:
            container[key] = draw(NASTY_VALUES)
    return _pack(doc)


def dumps(document: Any) -> str:
    """How a careless writer writes JSON: NaN and Infinity as literals, any character raw."""
    return json.dumps(document, ensure_ascii=False, allow_nan=True)


def edited(draw: Callable, data: bytes, max_edits: int = 4) -> bytes:
    """The bytes with a few bytes inserted, deleted or replaced, or cut short."""
    result = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=max_edits))):
        position = draw(st.integers(min_value=0, max_value=max(len(result) - 1, 0)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "cut"]))
        if action == "cut":
            del result[position:]
        elif action == "delete":
            del result[position : position + draw(st.integers(1, 16))]
        else:
            chunk = draw(st.binary(min_size=1, max_size=8))
            result[position : position + (len(chunk) if action == "replace" else 0)] = chunk
    return bytes(result)


# The hostile injections ---------------------------------------------------------------


def _objects(value: Any) -> list[dict]:
    return [c[k] for c, k in _places(value) if isinstance(c[k], dict)] + [value]


def _with_weights(value: Any) -> list[list]:
    """Every list of siblings that carry weights (dimensions, elements, indicators)."""
    return [
        c[k]
        for c, k in _places(value)
        if isinstance(c[k], list) and c[k] and all(isinstance(x, dict) for x in c[k])
        if all("weight" in x for x in c[k])
    ]


def _replace_text(text: str, old: str, new: str, occurrence: int) -> str:
    parts = text.split(old)
    occurrence %= len(parts) - 1
    return old.join(parts[: occurrence + 1]) + new + old.join(parts[occurrence + 1 :])


def hostile(draw: Callable, catalogue: dict) -> tuple[str, str]:
    """A catalogue text with one thing the rules refuse, and the words its refusal contains."""
    doc = copy.deepcopy(catalogue)
    kind = draw(
        st.sampled_from(
            [
                "repeated-key",
                "number-literal",
                "long-number",
                "deep",
                "long-text",
                "hidden-character",
                "zero-weights",
                "code",
                "version",
                "negative-or-huge-weight",
            ]
        )
    )
    if kind == "repeated-key":
        text = dumps(doc)
        key = draw(st.sampled_from(sorted({k for o in _objects(doc) for k in o})))
        needle = f'"{key}": '
        assert needle in text
        at = draw(st.integers(min_value=0, max_value=10_000))
        return _replace_text(text, needle, f"{needle}0, {needle}", at), "muncul dua kali"
    if kind == "number-literal":
        literal = draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-1e400"]))
        target = draw(st.sampled_from(_objects(doc)))
        target[draw(st.sampled_from([*target.keys(), "tambahan"]))] = "@@"
        return dumps(doc).replace('"@@"', literal, 1), "angka"
    if kind == "long-number":
        digits = "9" * draw(st.integers(min_value=33, max_value=6000))
        draw(st.sampled_from(_objects(doc)))["tambahan"] = "@@"
        return dumps(doc).replace('"@@"', digits, 1), "terlalu panjang"
    if kind == "deep":
        draw(st.sampled_from(_objects(doc)))["tambahan"] = _nested(32)
        text = dumps(doc)
        depth = draw(st.integers(min_value=33, max_value=50_000))
        return text.replace("[" * 32 + "]" * 32, "[" * depth + "]" * depth, 1), "bersarang"
    if kind in ("long-text", "hidden-character"):
        places = [(c, k) for c, k in _places(doc) if isinstance(c[k], str)]
        container, key = draw(st.sampled_from(places))
        if kind == "long-text":
            container[key] = "a" * draw(st.integers(min_value=20_001, max_value=40_000))
            return dumps(doc), "karakter; batasnya 20,000"
        hidden = draw(st.sampled_from(["\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\u202e"]))
        at = draw(st.integers(min_value=0, max_value=len(container[key])))
        container[key] = container[key][:at] + hidden + container[key][at:]
        return dumps(doc), "karakter kendali"
    if kind == "zero-weights":
        siblings = draw(st.sampled_from(_with_weights(doc)))
        for item in siblings:
            item["weight"] = 0
        return dumps(doc), "bobot semua butirnya 0"
    if kind == "negative-or-huge-weight":
        siblings = draw(st.sampled_from(_with_weights(doc)))
        draw(st.sampled_from(siblings))["weight"] = draw(
            st.sampled_from([-1, -0.5, 1_000_001, 1e300])
        )
        return dumps(doc), "bobot tidak boleh negatif"
    bad = draw(st.sampled_from(["", " X", "X ", "A\nB", "a" * 70, "é", "1/2", "KODE\n", "A\tB"]))
    if kind == "version":
        doc["version"] = bad
        return dumps(doc), "versi katalog wajib diisi"
    holders = [
        o for o in _objects(doc) if isinstance(o.get("code"), str) and o.get("code").isupper()
    ]
    draw(st.sampled_from(holders))["code"] = bad
    return dumps(doc), "kode"
