"""Verifying with the 12 characters of the fingerprint every page footer prints: found when only
one finalized assessment's fingerprint starts so, the candidates listed when several do."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.store import Store
from tests.helpers import copied_store, run_cli, snapshot


@pytest.fixture
def finals(demo_store: Store) -> list:
    rows = demo_store.db.query("SELECT id FROM assessments WHERE status = 'finalized' ORDER BY id")
    return [demo_store.assessments.get(row["id"]) for row in rows]


def share_a_prefix(path: Path, first: str, second_id: int) -> None:
    """Make a second finalized assessment's fingerprint start like the first (outside the app,
    past its lock): 12 characters alike never happen by chance."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER assessments_locked_update")
        conn.execute(
            "UPDATE assessments SET fingerprint = ? || substr(fingerprint, 13) WHERE id = ?",
            [first[:12], second_id],
        )
        conn.commit()


def test_the_footers_twelve_characters_find_the_sheet(demo_store: Store, finals: list) -> None:
    final = finals[0]
    for typed in (
        final.fingerprint[:12],
        final.fingerprint[:12].upper(),
        f" {final.fingerprint[:20]} ",
    ):
        assert demo_store.lifecycle.find_by_fingerprint(typed).id == final.id
    assert demo_store.lifecycle.verify(final.fingerprint[:12]).assessment.id == final.id
    assert demo_store.lifecycle.find_by_fingerprint("0" * 12) is None


@pytest.mark.parametrize("typed", ["abc", "eaae4d5f27b", "zzzzzzzzzzzz", "lembar no. 5"])
def test_too_short_or_not_hexadecimal_is_refused(demo_store: Store, typed: str) -> None:
    before = snapshot(demo_store.path)
    with pytest.raises(ValidationError, match="sedikitnya 12 karakter pertamanya") as info:
        demo_store.lifecycle.find_by_fingerprint(typed)
    assert info.value.field == "fingerprint" and snapshot(demo_store.path) == before


def test_a_start_shared_by_two_sheets_lists_both(
    demo_db_template: Path, tmp_path: Path, capsys
) -> None:
    with copied_store(demo_db_template, tmp_path) as store:
        first, second = (
            store.assessments.get(row["id"])
            for row in store.db.query(
                "SELECT id FROM assessments WHERE status = 'finalized' ORDER BY id LIMIT 2"
            )
        )
        path = store.path
    share_a_prefix(path, first.fingerprint, second.id)
    with Store.open(path) as store:
        with pytest.raises(ValidationError, match="cocok dengan 2 penilaian final") as info:
            store.lifecycle.find_by_fingerprint(first.fingerprint[:12])
        message = str(info.value)
        assert f"#{first.id} {first.agency_code} {first.year} r1" in message
        assert f"#{second.id} {second.agency_code}" in message
        assert store.lifecycle.find_by_fingerprint(first.fingerprint).id == first.id  # whole: one
    code, _, err = run_cli(capsys, path, "verify", first.fingerprint[:12])
    assert code == 2 and "cocok dengan 2 penilaian final" in err and f"#{second.id}" in err


def test_verify_on_the_command_line_with_the_footers_characters(
    capsys, demo_store: Store, finals: list
) -> None:
    demo_store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    final = finals[0]
    code, out, _ = run_cli(capsys, demo_store.path, "verify", final.fingerprint[:12])
    assert code == 0 and out.startswith("Cocok: ") and f"penilaian #{final.id}" in out
