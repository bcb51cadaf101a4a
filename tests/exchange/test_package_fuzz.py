"""Fuzzing exchange packages: every generated package is either imported or refused with a
clear reason (a KotaCerdasError inside, never another exception; nothing raw from the package
in the reason), and a refused package leaves the coordinator's data as it was (the import log,
which lists refused packages too, aside).

1,200 generated cases (tests/fuzzing.py) from a small real package (the tiny test framework,
every answer, an evidence file and a logo), each written as a file and imported as the
coordinator does: 500 with one value of its manifest, assessment or framework broken and the
package signed again (by one key, so trust on first use lets the deeper checks run), 200 whose
framework file holds one thing the catalogue rules refuse (each must be refused), 250 with
the bytes of one member edited and signed again, 250 with the bytes of the zip edited.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kotacerdas_desktop.domain.package import REFUSED
from kotacerdas_desktop.exchange.format import (
    ASSESSMENT,
    CATALOGUE,
    MANIFEST,
    SIGNATURE,
)
from kotacerdas_desktop.exchange.importer import import_one
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.check import check_file
from tests.corpus import small_package, with_member
from tests.exchange.crafting import (
    logical_snapshot,
    write_zip,
)
from tests.fuzzing import dumps, edited, fuzz, hostile, mutated
from tests.helpers import HIDDEN

pytestmark = pytest.mark.slow

DOCUMENTS = (MANIFEST, ASSESSMENT, CATALOGUE)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, bytes]]:
    """The members of a small real package, signed with the corpus's test key."""
    return small_package(tmp_path_factory.mktemp("opd"))


class Imports:
    """Imports one generated package after another into one coordinator's file."""

    def __init__(self, coordinator: Store, folder: Path) -> None:
        self.coordinator = coordinator
        self.folder = folder
        self.before = logical_snapshot(coordinator.path)
        self.counts: Counter[str] = Counter()

    def package(self, data: bytes, must_refuse: str = "") -> None:
        path = self.folder / "fuzz.kcpkg"
        path.write_bytes(data)
        outcome = import_one(self.coordinator, path, import_catalogues=True)
        if outcome.outcome == REFUSED:
            said = f"{outcome.reason.id}\n{outcome.reason.en}"
            assert outcome.reason.id and not HIDDEN.search(said), said
            assert must_refuse in outcome.reason.id, said
            assert logical_snapshot(self.coordinator.path) == self.before
        else:
            assert not must_refuse, f"imported a package whose framework holds: {must_refuse}"
            self.before = logical_snapshot(self.coordinator.path)
        self.counts[outcome.outcome] += 1

    def entries(self, entries: list[tuple[str, bytes]], must_refuse: str = "") -> None:
        self.package(write_zip(self.folder / "zip.kcpkg", entries).read_bytes(), must_refuse)

    def finish(self, at_least: int) -> None:
        assert self.counts.total() >= at_least
        assert check_file(self.coordinator.path) == []  # whatever got in is whole and sound


def test_a_package_with_one_value_broken_is_refused_or_imported(coordinator, small, tmp_path):
    imports = Imports(coordinator, tmp_path)

    @fuzz(500)
    @given(st.data())
    def case(data):
        name = data.draw(st.sampled_from(DOCUMENTS))
        document = json.loads(dict(small)[name])
        text = dumps(mutated(data.draw, document)).encode("utf-8", "surrogatepass")
        imports.entries(with_member(small, name, text))

    case()
    imports.finish(500)
    assert imports.counts[REFUSED] > 400
    print(f"\npackage fuzz, one value broken: {dict(imports.counts)}")


def test_a_framework_with_one_refused_thing_is_refused(coordinator, small, tmp_path):
    imports = Imports(coordinator, tmp_path)
    framework = json.loads(dict(small)[CATALOGUE])

    @fuzz(200)
    @given(st.data())
    def case(data):
        text, words = hostile(data.draw, framework)
        data_bytes = text.encode("utf-8", "surrogatepass")
        imports.entries(with_member(small, CATALOGUE, data_bytes), must_refuse=words)

    case()
    imports.finish(200)
    assert imports.counts[REFUSED] == imports.counts.total()
    print(f"\npackage fuzz, framework with a refused thing: {dict(imports.counts)}")


def test_a_package_with_a_member_edited_is_refused_or_imported(coordinator, small, tmp_path):
    imports = Imports(coordinator, tmp_path)

    @fuzz(250)
    @given(st.data())
    def case(data):
        name = data.draw(st.sampled_from([n for n, _ in small if n != SIGNATURE]))
        changed = edited(data.draw, dict(small)[name])
        imports.entries(with_member(small, name, changed))

    case()
    imports.finish(250)
    print(f"\npackage fuzz, a member's bytes edited: {dict(imports.counts)}")


def test_a_package_with_its_zip_bytes_edited_is_refused_or_imported(coordinator, small, tmp_path):
    imports = Imports(coordinator, tmp_path)
    original = write_zip(tmp_path / "asli.kcpkg", small).read_bytes()

    @fuzz(250)
    @given(st.data())
    def case(data):
        imports.package(edited(data.draw, original))

    case()
    imports.finish(250)
    print(f"\npackage fuzz, zip bytes edited: {dict(imports.counts)}")
