"""Hostile catalogue files: refused with a message naming the place, nothing stored, nothing
from the file echoed raw to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.catalogue_file import load_catalogue_text, read_catalogue_text
from kotacerdas_desktop.domain.catalogue_json import MAX_FILE_BYTES
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.resources import bundled_catalogues
from tests.factories import tiny_catalogue_data
from tests.helpers import run_cli, snapshot


def _text(mutate=None) -> str:
    data = tiny_catalogue_data()
    if mutate is not None:
        mutate(data)
    return json.dumps(data, ensure_ascii=False)


def _replaced(old: str, new: str) -> str:
    text = _text()
    assert old in text
    return text.replace(old, new, 1)


def _nest(depth: int) -> str:
    return _replaced('"code": "TINY"', '"code": "TINY", "x": ' + "[" * depth + "]" * depth)


def _set(path: tuple, value):
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


FIRST_ELEMENT = ("dimensions", 0, "elements", 0)
HOSTILE = {
    "nan": (
        _replaced('"weight": 1,', '"weight": NaN,'),
        "NaN bukan angka yang sah dalam JSON",
    ),
    "infinity": (
        _replaced('"weight": 1,', '"weight": Infinity,'),
        "Infinity bukan angka yang sah dalam JSON",
    ),
    "minus-infinity": (
        _replaced('"weight": 1,', '"weight": -Infinity,'),
        "-Infinity bukan angka yang sah dalam JSON",
    ),
    "overflow": (_replaced('"weight": 1,', '"weight": 1e999,'), "angka 1e999 di luar jangkauan"),
    "long-integer": (
        _replaced('"weight": 1,', '"weight": ' + "9" * 5000 + ","),
        "terlalu panjang (paling banyak 32 karakter)",
    ),
    "huge-weight": (
        _text(_set(("dimensions", 0, "weight"), 1e300)),
        "dimensions[0].weight: bobot tidak boleh negatif dan paling besar 1,000,000",
    ),
    "duplicate-key": (
        _replaced('"code": "TINY"', '"code": "TINY", "code": "LAIN"'),
        'kunci "code" muncul dua kali dalam satu objek',
    ),
    "duplicate-nested-key": (
        _replaced('"weight": 1,', '"weight": 1, "weight": 0,'),
        'kunci "weight" muncul dua kali',
    ),
    "zero-indicators": (
        _text(
            lambda d: [i.update(weight=0) for i in d["dimensions"][0]["elements"][0]["indicators"]]
        ),
        "dimensions[0].elements[0].indicators: bobot semua butirnya 0",
    ),
    "zero-elements": (
        _text(lambda d: [e.update(weight=0) for e in d["dimensions"][0]["elements"]]),
        "dimensions[0].elements: bobot semua butirnya 0",
    ),
    "zero-dimensions": (
        _text(
            lambda d: [x.update(weight=0) for x in d["dimensions"] if x.get("kind") != "enabler"]
        ),
        "katalog jahat.json, dimensions: bobot semua butirnya 0",
    ),
    "deep-nesting": (_nest(100_000), "bersarang lebih dalam dari 32 tingkat"),
    "nesting-past-the-cap": (_nest(40), "x" + "[0]" * 31 + ": bersarang lebih dalam dari 32"),
    "too-many-values": (
        _replaced('"code": "TINY"', '"code": "TINY", "x": [' + ",".join(["0"] * 200_001) + "]"),
        "(akar): berisi lebih dari 200,000 nilai JSON",
    ),
    "long-text": (
        _text(_set(("name", "id"), "a" * 20_001)),
        "name.id: teks 20,001 karakter; batasnya 20,000",
    ),
    "escape-in-text": (
        _text(_set(("name", "id"), "Kota\x1b[2J")),
        "name.id: teks berisi karakter kendali atau tak terlihat \\x1b (posisi 5)",
    ),
    "carriage-return": (
        _text(_set((*FIRST_ELEMENT, "name", "id"), "a\rb")),
        "dimensions[0].elements[0].name.id: teks berisi karakter kendali",
    ),
    "c1-control": (_text(_set(("name", "id"), "a\x9bb")), "\\x9b"),
    "bidi-override": (_text(_set(("name", "en"), "abc\u202edcba")), "\\u202e"),
    "lone-surrogate": (_replaced('"id": "Kecil"', '"id": "Kecil\\ud800"'), "\\ud800"),
    "control-in-unknown-key": (
        _replaced('"code": "TINY"', '"code": "TINY", "x\\u001b": 1'),
        "x\\x1b: teks berisi karakter kendali",
    ),
    "escape-in-code": (
        _text(_set(("code",), "TINY\x1b]0;owned\x07")),
        "code: teks berisi karakter kendali atau tak terlihat \\x1b (posisi 5)",
    ),
    "newline-after-code": (_text(_set(("code",), "TINY\n")), "code: kode wajib diisi"),
    "long-code": (_text(_set(("code",), "A" * 65)), "(maks. 64 karakter)"),
    "newline-in-version": (_text(_set(("version",), "1\n")), "version: versi katalog wajib diisi"),
    "space-in-version": (_text(_set(("version",), " 1")), "version: versi katalog wajib diisi"),
    "long-version": (_text(_set(("version",), "1" * 33)), "(maks. 32 karakter)"),
    "lens-code-newline": (
        _text(_set(("lenses", 0, "code"), "output\n")),
        "lenses[0].code: kode lensa wajib diisi",
    ),
    "undeclared-lens-shown-escaped": (
        _text(_set((*FIRST_ELEMENT, "indicators", 0, "lens"), "x\ty")),
        'lensa "x\\ty" tidak dideklarasikan',
    ),
}


@pytest.mark.parametrize(("text", "message"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_catalogue_is_refused_naming_the_place_and_nothing_is_stored(
    store, text, message
):
    before = snapshot(store.path)
    with pytest.raises(ValidationError) as info:
        store.catalogues.import_text(text, "jahat.json")
    said = str(info.value)
    assert said.startswith("Berkas katalog jahat.json") and message in said
    assert not any(c in said for c in "\x1b\x07\x9b\r\u202e\ud800")
    assert snapshot(store.path) == before


def test_a_text_larger_than_the_cap_is_refused_before_it_is_parsed(store):
    before = snapshot(store.path)
    text = _replaced('"code": "TINY"', '"code": "TINY", "x": "' + "a" * MAX_FILE_BYTES + '"')
    with pytest.raises(
        ValidationError, match=r"terlalu besar \(4,19\d,\d\d\d bita\); batasnya 4 MB"
    ):
        store.catalogues.import_text(text, "besar.json")
    assert snapshot(store.path) == before


def test_a_file_larger_than_the_cap_is_read_no_further_than_the_cap(tmp_path):
    big = tmp_path / "besar.json"
    with big.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(ValidationError, match=r"besar\.json terlalu besar \(209,715,200 bita\)"):
        read_catalogue_text(big)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a device that never ends")
def test_a_device_that_never_ends_is_refused():
    with pytest.raises(ValidationError, match="zero terlalu besar"):
        read_catalogue_text(Path("/dev/zero"))


def test_the_command_line_refuses_and_shows_the_file_name_and_code_escaped(capsys, db_path):
    run_cli(capsys, db_path, "agency", "add", "DISHUB", "Dinas Perhubungan")
    folder = db_path.parent
    evil = folder / "jahat\x1b[31m.json"
    evil.write_text(_text(_set(("version",), "1\x1b]0;owned\x07")), encoding="utf-8")
    before = snapshot(db_path)
    code, out, err = run_cli(capsys, db_path, "catalogue", "import", str(evil))
    assert code == 2 and out == ""
    assert (
        "Berkas katalog jahat\\x1b[31m.json, version: teks berisi karakter kendali atau tak "
        "terlihat \\x1b (posisi 2)"
    ) in err
    assert "\x1b" not in err and "\x07" not in err
    assert snapshot(db_path) == before


def test_every_bundled_catalogue_is_far_inside_the_caps():
    for path in bundled_catalogues():
        text = read_catalogue_text(path)
        assert len(text.encode()) * 4 < MAX_FILE_BYTES
        assert load_catalogue_text(text, path.name).indicator_count() > 40
