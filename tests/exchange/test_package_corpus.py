"""The crafted packages of tests/data/package-corpus (tests/corpus.py made them), imported with
the command as a coordinator would: each refused with its reason (nothing raw from the package
in it), and the coordinator's data unchanged (the import log, which lists refused packages too,
aside)."""

from __future__ import annotations

import hashlib
import json

import pytest

from kotacerdas_desktop.exchange.format import CATALOGUE
from kotacerdas_desktop.store import Store
from tests.corpus import PACKAGE_CORPUS, expected, small_package, with_member
from tests.exchange.crafting import logical_snapshot, write_zip
from tests.helpers import HIDDEN, run_cli


def _refused(capsys, db_path, path, words: str) -> None:
    with Store.open(db_path):
        pass
    before = logical_snapshot(db_path)
    code, out, err = run_cli(capsys, db_path, "import", str(path), "--import-catalogue", "--json")
    (row,) = json.loads(out)
    assert code == 2 and row["outcome"] == "refused", row
    assert words in row["reason"] and not HIDDEN.search(out + err), row["reason"]
    assert logical_snapshot(db_path) == before


@pytest.mark.parametrize("name", sorted(expected(PACKAGE_CORPUS)))
def test_every_crafted_package_is_refused_with_its_reason(capsys, db_path, name):
    _refused(capsys, db_path, PACKAGE_CORPUS / name, expected(PACKAGE_CORPUS)[name])


def test_a_framework_file_over_the_cap_is_refused_by_its_size(capsys, db_path, tmp_path):
    """Made here rather than kept: 4 MB that does not compress (a compressible one is refused
    as a zip bomb first)."""
    blocks = (hashlib.sha256(str(n).encode()).digest() for n in range(4 * 1024 * 1024 // 32 + 1))
    entries = with_member(small_package(tmp_path), CATALOGUE, b"".join(blocks))
    path = write_zip(tmp_path / "besar.kcpkg", entries)
    _refused(capsys, db_path, path, "catalogue.json terlalu besar (4,194,336 bita)")
