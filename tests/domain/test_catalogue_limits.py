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
from kotacerdas_desktop.store import Store
from tests.corpus import CATALOGUE_CORPUS, expected, write_catalogue_corpus
from tests.factories import tiny_catalogue_data
from tests.helpers import HIDDEN, run_cli, snapshot


def test_the_corpus_on_disk_is_the_one_the_cases_make(tmp_path):
    write_catalogue_corpus(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in CATALOGUE_CORPUS.iterdir())
    for name in made:
        assert (tmp_path / name).read_bytes() == (CATALOGUE_CORPUS / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(expected(CATALOGUE_CORPUS)))
def test_every_crafted_file_is_refused_naming_the_place_and_nothing_is_stored(
    capsys, db_path, name
):
    """The corpus of tests/data/catalogue-corpus, imported with the command as an administrator
    would: exit 2, the reason with the place, nothing raw from the file, nothing stored."""
    with Store.open(db_path):
        pass
    before = snapshot(db_path)
    code, out, err = run_cli(capsys, db_path, "catalogue", "import", str(CATALOGUE_CORPUS / name))
    assert code == 2 and out == ""
    assert err.startswith(f"kotacerdas: Berkas katalog {name}")
    assert expected(CATALOGUE_CORPUS)[name] in err and not HIDDEN.search(err)
    assert snapshot(db_path) == before


def _text(mutate=None) -> str:
    data = tiny_catalogue_data()
    if mutate is not None:
        mutate(data)
    return json.dumps(data, ensure_ascii=False)


def test_a_text_larger_than_the_cap_is_refused_before_it_is_parsed(store):
    before = snapshot(store.path)
    text = _text(lambda d: d.update(x="a" * MAX_FILE_BYTES))
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
    evil.write_text(_text(lambda d: d.update(version="1\x1b]0;owned\x07")), encoding="utf-8")
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
