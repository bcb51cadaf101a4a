"""Attaching a file reads a regular file once, hashing it as it goes, and never more than the
limit plus one byte: a pipe, a device, a folder or a file larger than its size says is refused
with the file's name, and nothing is stored."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Answer
from tests.helpers import snapshot

CODE = "GOV.PUB.01"


@pytest.fixture
def draft(store):
    from kotacerdas_desktop.domain.model import Agency

    store.agencies.add(Agency("DISHUB", "Dinas Perhubungan"))
    assessment = store.assessments.new("DISHUB", 2026)
    store.assessments.save_answer(assessment.id, Answer(CODE, level=3, justification="Ada."))
    return assessment


def _refused(store, draft, path: Path, message: str) -> None:
    before = snapshot(store.path)
    with pytest.raises(ValidationError, match=message) as info:
        store.evidence.add_file(draft.id, CODE, path)
    assert info.value.field == "file"
    assert snapshot(store.path) == before


def test_a_regular_file_is_read_once_with_its_hash(store, draft, tmp_path):
    path = tmp_path / "sk.pdf"
    path.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4000)
    read = store.evidence.read_file(path)
    assert read.content == path.read_bytes()
    assert read.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    evidence = store.evidence.add_file(draft.id, CODE, path)
    assert evidence.sha256 == read.sha256 and store.evidence.content(read.sha256) == read.content


def test_a_folder_is_refused(store, draft, tmp_path):
    _refused(store, draft, tmp_path, "bukan berkas biasa")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_is_refused_at_once_not_read(store, draft, tmp_path):
    """A pipe's size is 0 to stat(): it was read until its writer stopped, however much."""
    pipe = tmp_path / "pipa.pdf"
    os.mkfifo(pipe)
    store.settings.set("max_attachment_mb", "1")

    def write_more_than_the_limit() -> None:
        try:
            with pipe.open("wb") as writer:
                writer.write(b"x" * (3 * 1024 * 1024))
        except OSError:  # the reader went away: what a refused pipe sees
            pass

    writer = threading.Thread(target=write_more_than_the_limit, daemon=True)
    writer.start()
    try:
        _refused(
            store, draft, pipe, r"pipa\.pdf bukan berkas biasa \(folder, perangkat atau pipa\)"
        )
    finally:
        os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))  # lets a waiting writer go
        writer.join(timeout=10)
    assert not writer.is_alive()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a device that never ends")
def test_a_device_that_never_ends_is_refused(store, draft):
    _refused(store, draft, Path("/dev/zero"), "zero bukan berkas biasa")


@pytest.mark.skipif(
    not Path("/proc/self/smaps").exists(), reason="a file whose size stat misstates"
)
def test_a_file_longer_than_stat_says_stops_at_the_limit(store, draft):
    """Files of /proc say 0 bytes to stat() and hold more, like a file growing while read."""
    source = Path("/proc/self/smaps")
    assert source.stat().st_size == 0
    store.settings.set("max_attachment_mb", str(1024 / (1024 * 1024)))  # 1 KiB
    _refused(store, draft, source, r"smaps terlalu besar \(> 0 MB\); batasnya 0 MB")


def test_a_file_over_the_limit_is_refused_by_its_size(store, draft, tmp_path):
    big = tmp_path / "pindaian.pdf"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: nothing written to disk
    _refused(store, draft, big, r"pindaian\.pdf terlalu besar \(21\.0 MB\); batasnya 20 MB")


def test_a_missing_file_is_refused(store, draft, tmp_path):
    _refused(store, draft, tmp_path / "hilang.pdf", r"hilang\.pdf tidak dapat dibaca")
