"""Fuzzing catalogue files: every generated file is either a sound catalogue or refused with a
clear message (a KotaCerdasError naming the file, nothing raw from it in the message), and a
refused file leaves the database as it was.

1,300 generated cases (tests/fuzzing.py): 500 with one thing the rules refuse put in at a
random place (each must be refused), 500 with one value of a valid file broken (the tiny
test catalogue and the bundled frameworks), 300 with their bytes edited.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kotacerdas_desktop.cli.catalogue import catalogue_json
from kotacerdas_desktop.domain.catalogue_file import read_catalogue_text
from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.resources import bundled_catalogues
from kotacerdas_desktop.store import Store
from tests.factories import tiny_catalogue_data
from tests.fuzzing import dumps, edited, fuzz, hostile, mutated
from tests.helpers import HIDDEN, snapshot

pytestmark = pytest.mark.slow

DOCUMENTS = [tiny_catalogue_data()] + [
    json.loads(path.read_text(encoding="utf-8")) for path in bundled_catalogues()
]


class Outcomes:
    """Imports one generated file after another into one database, checking each outcome."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.before = snapshot(store.path)
        self.counts: Counter[str] = Counter()

    def refused(self, error: KotaCerdasError, must_say: str = "") -> None:
        said = f"{error.message.id}\n{error.message.en}"
        assert not HIDDEN.search(said), said
        assert must_say in error.message.id, said
        assert snapshot(self.store.path) == self.before
        if said.startswith("Berkas katalog fuzz.json"):
            self.counts["refused"] += 1
        else:  # a sound file whose code and version are stored with other content
            assert "sudah ada dengan isi berbeda" in said, said
            self.counts["sound, but its version is stored already"] += 1

    def accepted(self, stored_id: int) -> None:
        """A file let in is a catalogue the program can show and score."""
        catalogue = self.store.catalogues.load(stored_id)
        json.dumps(catalogue_json(catalogue), allow_nan=False)
        answers = {i.code: Answer(i.code, level=3) for i in catalogue.indicators()}
        report = score(catalogue, answers)
        assert report.index is None or 1 <= report.index <= 5
        self.before = snapshot(self.store.path)
        self.counts["accepted"] += 1

    def text(self, text: str, must_refuse: str = "") -> None:
        try:
            stored = self.store.catalogues.import_text(text, "fuzz.json")
        except KotaCerdasError as exc:
            self.refused(exc, must_refuse)
            return
        assert not must_refuse, f"accepted a file that holds: {must_refuse}"
        self.accepted(stored.id)


def test_a_file_with_one_refused_thing_anywhere_is_refused(store):
    outcomes = Outcomes(store)

    @fuzz(500)
    @given(st.data())
    def case(data):
        text, words = hostile(data.draw, tiny_catalogue_data())
        outcomes.text(text, must_refuse=words)

    case()
    assert outcomes.counts["refused"] == outcomes.counts.total()
    assert outcomes.counts["refused"] >= 500
    print(f"\ncatalogue fuzz, hostile: {dict(outcomes.counts)}")


def test_a_file_with_one_value_broken_is_refused_or_sound(store):
    outcomes = Outcomes(store)

    @fuzz(500)
    @given(st.data())
    def case(data):
        document = data.draw(st.sampled_from(DOCUMENTS))
        outcomes.text(dumps(mutated(data.draw, document)))

    case()
    assert outcomes.counts.total() >= 500 and outcomes.counts["refused"] > 250
    print(f"\ncatalogue fuzz, mutated: {dict(outcomes.counts)}")


def test_a_file_with_its_bytes_edited_is_refused_or_sound(store, tmp_path):
    outcomes = Outcomes(store)
    originals = [dumps(tiny_catalogue_data()).encode(), bundled_catalogues()[0].read_bytes()]

    @fuzz(300)
    @given(st.data())
    def case(data):
        path = tmp_path / "fuzz.json"
        path.write_bytes(edited(data.draw, data.draw(st.sampled_from(originals))))
        try:
            text = read_catalogue_text(path)
        except KotaCerdasError as exc:  # not UTF-8
            outcomes.refused(exc)
            return
        outcomes.text(text)

    case()
    assert outcomes.counts.total() >= 300 and outcomes.counts["refused"] > 150
    print(f"\ncatalogue fuzz, bytes edited: {dict(outcomes.counts)}")
