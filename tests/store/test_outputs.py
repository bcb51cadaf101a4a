"""An output never destroys data: what it refuses to replace, what it may, and how it writes."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.store.outputs import PDF, write_output

CONTENT = b"%PDF-1.7 lembar evaluasi"


def sqlite_file(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE catatan (isi TEXT)")
        conn.execute("INSERT INTO catatan VALUES ('penting')")
        conn.commit()
    return path


def test_the_open_database_and_its_wal_are_refused(store, db_path) -> None:
    before = db_path.read_bytes()
    for target in (db_path, Path(f"{db_path}-wal"), db_path.parent / "." / db_path.name):
        with pytest.raises(StorageError, match="basis data yang sedang dibuka"):
            write_output(CONTENT, target, PDF, db_path)
    assert db_path.read_bytes() == before


def test_a_link_to_the_database_is_refused(store, db_path, tmp_path) -> None:
    link = tmp_path / "lembar.pdf"
    link.symlink_to(db_path)
    with pytest.raises(StorageError, match="basis data yang sedang dibuka"):
        write_output(CONTENT, link, PDF, db_path)


def test_any_sqlite_file_is_refused(tmp_path) -> None:
    other = sqlite_file(tmp_path / "arsip.pdf")
    before = other.read_bytes()
    with pytest.raises(StorageError, match="berkas basis data SQLite"):
        write_output(CONTENT, other, PDF)
    assert other.read_bytes() == before


@pytest.mark.parametrize("make", ["folder", "fifo", "device"])
def test_what_is_not_a_regular_file_is_refused(tmp_path, make) -> None:
    target = tmp_path / "lembar.pdf"
    if make == "folder":
        target.mkdir()
    elif make == "fifo":
        os.mkfifo(target)
    else:
        target = Path(os.devnull)
    with pytest.raises(StorageError, match="bukan berkas biasa"):
        write_output(CONTENT, target, PDF)


def test_a_file_of_another_kind_is_refused_and_kept(tmp_path) -> None:
    sheet = tmp_path / "rekap.pdf"
    sheet.write_bytes(b"PK\x03\x04 a spreadsheet")
    with pytest.raises(StorageError, match="berisi data lain"):
        write_output(CONTENT, sheet, PDF)
    assert sheet.read_bytes() == b"PK\x03\x04 a spreadsheet"


def test_a_file_of_the_same_kind_or_an_empty_one_is_replaced(tmp_path) -> None:
    old = tmp_path / "lama.pdf"
    old.write_bytes(b"%PDF-1.4 lama")
    empty = tmp_path / "kosong.pdf"
    empty.touch()
    assert write_output(CONTENT, old, PDF) is True
    assert write_output(CONTENT, empty, PDF) is True
    assert write_output(CONTENT, tmp_path / "baru.pdf", PDF) is False
    assert old.read_bytes() == empty.read_bytes() == CONTENT


def test_the_file_gets_the_users_normal_permissions(tmp_path) -> None:
    mask = os.umask(0o022)
    try:
        out = tmp_path / "lembar.pdf"
        write_output(CONTENT, out, PDF)
    finally:
        os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
    assert out.stat().st_mode & 0o777 != 0o600


def test_a_failed_write_leaves_no_temporary_file(tmp_path) -> None:
    """A real failure: the file-size limit is hit while the temporary file is written."""
    out = tmp_path / "lembar.pdf"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
    try:
        with pytest.raises(StorageError, match="tidak dapat ditulis"):
            write_output(b"%PDF" + b"x" * 100_000, out, PDF)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert list(tmp_path.iterdir()) == []


def test_a_rename_refused_for_a_moment_is_retried(tmp_path, monkeypatch) -> None:
    """Windows and antivirus programs hold a file briefly: os.replace fails, then works."""
    from kotacerdas_desktop.store import outputs

    real_replace, refusals = os.replace, []

    def held_twice(source, target):
        if len(refusals) < 2:
            refusals.append(target)
            raise PermissionError(13, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(outputs, "RENAME_PAUSE_S", 0)
    monkeypatch.setattr(outputs.os, "replace", held_twice)
    out = tmp_path / "lembar.pdf"
    write_output(CONTENT, out, PDF)
    assert len(refusals) == 2 and out.read_bytes() == CONTENT
    assert [p.name for p in tmp_path.iterdir()] == ["lembar.pdf"]
