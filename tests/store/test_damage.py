"""Damaged files: found when opened, never written to, reported by `check` without a traceback."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.errors import DamagedError, StorageError
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.database import StoreDatabase
from tests.helpers import run_cli

PAGE = 4096


def page_of(path: Path, table: str) -> int:
    """A b-tree page of a table (the middle one of its leaves), numbered from 1."""
    with closing(sqlite3.connect(path)) as conn:
        pages = [
            row[0]
            for row in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype IN ('leaf', 'internal') "
                "ORDER BY pageno",
                [table],
            )
        ]
    return pages[len(pages) // 2]


def garbage(path: Path, offset: int, size: int = PAGE) -> None:
    data = bytearray(path.read_bytes())
    data[offset : offset + size] = random.Random(offset).randbytes(size)
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


DAMAGE = {
    "truncated": truncate,
    "answers-page": lambda p: garbage(p, (page_of(p, "answers") - 1) * PAGE),
    "catalogues-page": lambda p: garbage(p, (page_of(p, "catalogues") - 1) * PAGE),
    "evidence-page": lambda p: garbage(p, (page_of(p, "evidence") - 1) * PAGE),
    "schema-page": lambda p: garbage(p, 100, PAGE - 100),
}


@pytest.fixture
def demo_file(demo_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "kotacerdas.sqlite"
    shutil.copy(demo_db_template, path)
    return path


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damage_is_refused_on_open_and_the_file_is_never_written(capsys, demo_file, damage):
    DAMAGE[damage](demo_file)
    before = demo_file.read_bytes()
    with pytest.raises(DamagedError, match="rusak"):
        Store.open(demo_file)
    code, _, err = run_cli(
        capsys, demo_file, "assessment", "answer", "1", "GOV.PUB.01", "--level", "2"
    )
    assert code == 2 and "rusak" in err and "Traceback" not in err
    assert demo_file.read_bytes() == before
    code, out, err = run_cli(capsys, demo_file, "check")
    assert code == 1 and "masalah ditemukan" in err and "Traceback" not in err + out
    assert demo_file.read_bytes() == before


def test_garbage_in_the_header_of_a_backed_up_file_is_damage(capsys, demo_file):
    Store.open(demo_file).close()  # opened once: it has a backup now
    garbage(demo_file, 0, 100)
    with pytest.raises(DamagedError, match="kepala berkas bukan SQLite"):
        Store.open(demo_file)
    code, _, err = run_cli(capsys, demo_file, "check")
    assert code == 1 and "kepala berkas bukan milik SQLite" in err


def test_an_empty_file_is_reported_by_check_and_not_taken_for_a_new_database(capsys, tmp_path):
    path = tmp_path / "kosong.sqlite"
    path.touch()
    code, _, err = run_cli(capsys, path, "check")
    assert code == 1 and "Berkas kosong (0 byte)" in err
    with pytest.raises(StorageError, match="kosong"):
        Store.open(path, create=False)
    assert path.read_bytes() == b""


def test_an_emptied_file_with_backups_is_damage_even_where_files_are_created(demo_file):
    Store.open(demo_file).close()
    demo_file.write_bytes(b"")
    with pytest.raises(DamagedError, match="0 byte"):
        Store.open(demo_file, create=True)
    assert demo_file.read_bytes() == b""


def test_damage_found_while_writing_stops_every_later_write(demo_file):
    """Damage that appears after the file was opened (a disk going bad): the first write that
    meets it is refused, and from then on nothing is written to that file."""
    with closing(sqlite3.connect(demo_file)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone()[
            0
        ]
    with Store.open(demo_file) as store:
        draft = next(a for a in store.assessments.list() if not a.is_finalized)
    garbage(demo_file, (root - 1) * PAGE)
    conn = sqlite3.connect(demo_file, isolation_level=None)
    store = Store(StoreDatabase(conn, demo_file), demo_file)  # as it was opened before the damage
    try:
        before = demo_file.read_bytes()
        with pytest.raises(DamagedError, match="rusak"):
            store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=1))
        with pytest.raises(DamagedError, match="rusak"):
            store.settings.set("city_name", "Kota Lain")  # would not touch the damaged page
        assert demo_file.read_bytes() == before
    finally:
        conn.close()
