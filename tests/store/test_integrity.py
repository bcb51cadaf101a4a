"""`check`, `verify`, the sheet and the export recompute everything a finalized sheet depends
on from the stored bytes, and say exactly what no longer matches.

Each change is made the way a program that gets past the triggers would: it
drops them, writes, and puts them back (SQLite also lets a connection switch
triggers off). The file then looks untouched to SQL, and only recomputing
the hashes and the fingerprint finds the change.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.exchange.export import export_package
from kotacerdas_desktop.reports.sheet import render_sheet
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.check import check_file
from tests.helpers import run_cli
from tests.store.finalized import CODE, EVIDENCE_FILE, LOGO, finalized_with_files

EVIDENCE_SHA = hashlib.sha256(EVIDENCE_FILE).hexdigest()
LOGO_SHA = hashlib.sha256(LOGO).hexdigest()


@pytest.fixture
def final(db_path: Path):
    with Store.open(db_path) as store:
        return finalized_with_files(store)


def behind_the_triggers(path: Path, sql: str, params: tuple = ()) -> None:
    """Write as a program that takes the triggers away for its change and puts them back."""
    with closing(sqlite3.connect(path)) as conn:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        triggers = triggers.fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute(sql, params)
        for _, create in triggers:
            conn.execute(create)
        conn.commit()


def problems(path: Path) -> list[str]:
    return [str(problem) for problem in check_file(path)]


def verify_problems(path: Path, fingerprint: str) -> list[str]:
    with Store.open(path, create=False) as store:
        found = store.lifecycle.verify(fingerprint)
    assert found is not None and not found.intact
    return [str(problem) for problem in found.problems]


def test_a_sound_file_has_no_problems_and_verifies(db_path, final):
    assert problems(db_path) == []
    with Store.open(db_path) as store:
        assert store.lifecycle.verify(final.fingerprint).intact


def test_a_catalogue_text_changed_under_its_hash_is_found_everywhere(
    db_path, final, tmp_path, capsys
):
    """The fingerprint covers the catalogue's hash column: a changed text with the same column
    passed `check` and `verify` before, and printed a different index."""
    behind_the_triggers(
        db_path,
        "UPDATE catalogues SET body = replace(body, '\"weight\": 1,', '\"weight\": 9,') "
        "WHERE id = ?",
        (final.catalogue_id,),
    )
    with Store.open(db_path) as store:
        info = store.catalogues.info(final.catalogue_id)
    said = f"Katalog {info.code} {info.version} (#{info.id}): teksnya tidak lagi cocok"
    assert [p for p in problems(db_path) if said in p]
    assert any(said in p for p in verify_problems(db_path, final.fingerprint))
    code, _, err = run_cli(capsys, db_path, "check")
    assert code == 1 and said in err
    with Store.open(db_path) as store:
        with pytest.raises(StorageError, match=re.escape(said)):
            render_sheet(store, final.id, tmp_path / "lembar.pdf")
        with pytest.raises(StorageError, match=re.escape(said)):
            export_package(store, final.id, tmp_path / "paket.kcpkg")
    assert not (tmp_path / "lembar.pdf").exists() and not (tmp_path / "paket.kcpkg").exists()


def test_an_evidence_file_changed_under_its_hash_is_named(db_path, final, tmp_path):
    behind_the_triggers(
        db_path, "UPDATE attachments SET content = ? WHERE sha256 = ?", (b"palsu", EVIDENCE_SHA)
    )
    said = f"isi berkas bukti dukung {CODE} ({EVIDENCE_SHA[:12]}…) tidak lagi cocok"
    assert any(said in p for p in problems(db_path))
    assert any(said in p for p in verify_problems(db_path, final.fingerprint))
    with Store.open(db_path) as store, pytest.raises(StorageError, match=re.escape(said)):
        export_package(store, final.id, tmp_path / "paket.kcpkg")


def test_a_logo_changed_or_removed_stops_the_sheet(db_path, final, tmp_path):
    behind_the_triggers(
        db_path, "UPDATE attachments SET content = ? WHERE sha256 = ?", (b"logo lain", LOGO_SHA)
    )
    said = f"isi logo OPD ({LOGO_SHA[:12]}…) tidak lagi cocok"
    assert any(said in p for p in problems(db_path))
    with Store.open(db_path) as store, pytest.raises(StorageError, match=re.escape(said)):
        render_sheet(store, final.id, tmp_path / "lembar.pdf")
    behind_the_triggers(db_path, "DELETE FROM attachments WHERE sha256 = ?", (LOGO_SHA,))
    assert any(
        f"logo OPD ({LOGO_SHA[:12]}…) hilang dari basis data" in p for p in problems(db_path)
    )


def test_an_answer_changed_and_the_fingerprint_kept_is_named_with_the_assessment(db_path, final):
    behind_the_triggers(
        db_path, "UPDATE answers SET level = 1 WHERE assessment_id = ?", (final.id,)
    )
    said = f"Penilaian #{final.id} (DISHUB {final.year}, revisi 1): jawaban, bukti dukung atau data OPD"
    assert any(
        said in p and "tidak lagi menghasilkan sidik jarinya" in p for p in problems(db_path)
    )


def test_a_snapshot_made_unreadable_is_a_problem_not_a_crash(db_path, final):
    behind_the_triggers(
        db_path, "UPDATE assessments SET agency_snapshot = '{' WHERE id = ?", (final.id,)
    )
    assert any(
        f"Penilaian #{final.id}" in p and "tidak dapat dibaca" in p for p in problems(db_path)
    )


def test_a_catalogue_text_that_is_no_catalogue_any_more_is_a_problem_not_a_crash(db_path, final):
    behind_the_triggers(
        db_path, "UPDATE catalogues SET body = '[]' WHERE id = ?", (final.catalogue_id,)
    )
    found = problems(db_path)
    assert any("katalognya tidak dapat dibaca" in p for p in found)
    assert any("teksnya tidak lagi cocok" in p for p in found)


def test_triggers_dropped_changed_or_added_are_reported(db_path, final):
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("DROP TRIGGER evidence_locked_delete")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, 'finalized assessment is locked', 'ok') "
            "WHERE name = 'answers_locked_update'"
        )
        conn.execute("PRAGMA writable_schema = OFF")
        conn.commit()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON answers BEGIN SELECT 1; END")
        conn.commit()
    found = problems(db_path)
    assert any("Pemicu (trigger) evidence_locked_delete hilang" in p for p in found)
    assert any("Pemicu (trigger) answers_locked_update diubah" in p for p in found)
    assert any("Pemicu (trigger) sneaky tidak dikenal" in p for p in found)


def test_a_file_or_catalogue_no_assessment_uses_is_checked_too(db_path, final):
    """Not protected by the triggers (nothing signed depends on them), still hashed again."""
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute(
            "INSERT INTO attachments (sha256, size, content) VALUES (?, 5, 'rusak')", ["0" * 64]
        )
        conn.execute(
            "INSERT INTO catalogues (code, version, name, body, sha256, imported_at) "
            "VALUES ('LAIN', '1', 'Lain', '{}', ?, '2026-01-01')",
            ["1" * 64],
        )
        conn.commit()
    found = problems(db_path)
    assert any(f"Lampiran {'0' * 12}…: isinya tidak lagi cocok" in p for p in found)
    assert any("Katalog LAIN 1 (#" in p and "teksnya tidak lagi cocok" in p for p in found)


def test_a_table_dropped_with_its_rows_is_named(db_path, final, capsys):
    """DROP TABLE deletes the rows without firing a trigger: no file can refuse it."""
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("DROP TABLE evidence")
        conn.commit()
    code, _, err = run_cli(capsys, db_path, "check")
    assert code == 1 and "- Tabel evidence hilang: struktur berkas diubah" in err
