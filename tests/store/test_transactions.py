"""Every write is one transaction begun IMMEDIATE, with the checks that decide it inside it;
a writer that cannot get the lock in time says so and changes nothing; the file is durable."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing

import pytest

from kotacerdas_desktop.domain.errors import BusyError
from kotacerdas_desktop.domain.model import Agency, Answer, Evidence, Signatory
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.schema import SCHEMA_VERSION, migrate
from tests.factories import tiny_catalogue_data
from tests.helpers import snapshot

NIP = "198001012005011001"


def traced(store: Store, action: Callable[[], object]) -> list[str]:
    """The SQL statements one store call sends, in order."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        store.db.conn.set_trace_callback(None)
    return statements


def writes_outside_a_transaction(statements: list[str]) -> list[str]:
    open_, outside = False, []
    for statement in statements:
        word = statement.strip().split()[0].upper()
        if statement.strip().upper().startswith("BEGIN"):
            assert statement.strip().upper() == "BEGIN IMMEDIATE", statement
            open_ = True
        elif word in ("COMMIT", "ROLLBACK") and "SAVEPOINT" not in statement.upper():
            open_ = False
        elif word in ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP") and not open_:
            outside.append(statement)
    return outside


def test_every_write_operation_begins_immediate_before_its_first_read(store: Store) -> None:
    """The lock state, old values, completeness and uniqueness are read inside the transaction."""
    import json

    head = Signatory("approved", "Drs. Uji Coba", NIP, "Pembina (IV/a)", "Kepala Dinas")
    catalogue = json.dumps(tiny_catalogue_data())
    state: dict[str, object] = {}
    operations: list[tuple[str, Callable[[], object]]] = [
        ("agency add", lambda: store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))),
        (
            "agency update",
            lambda: store.agencies.update(
                Agency("DLH", "Dinas Lingkungan Hidup", signatories={"approved": head})
            ),
        ),
        ("setting", lambda: store.settings.set("city_name", "Kota Mojokerto")),
        ("catalogue import", lambda: store.catalogues.import_text(catalogue, "tiny.json")),
        ("assessment new", lambda: state.update(a=store.assessments.new("DLH", 2026))),
        (
            "answer",
            lambda: store.assessments.save_answer(state["a"].id, Answer("GOV.PUB.01", level=3)),
        ),
        (
            "evidence add",
            lambda: state.update(
                e=store.evidence.add(state["a"].id, "GOV.PUB.01", Evidence("SK"), b"%PDF-1.4")
            ),
        ),
        ("evidence update", lambda: store.evidence.update(state["e"].id, "SK baru", "", "")),
        ("evidence remove", lambda: store.evidence.remove(state["e"].id)),
        ("finalize", lambda: store.lifecycle.finalize(state["a"].id, override_reason="Uji")),
        ("reopen", lambda: store.lifecycle.reopen(state["a"].id)),
    ]
    for name, action in operations:
        statements = traced(store, action)
        assert statements[0] == "BEGIN IMMEDIATE", (name, statements[:3])
        assert writes_outside_a_transaction(statements) == [], name


def hold_write_lock(path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


@pytest.mark.parametrize(
    ("language", "message"),
    [("id", "Program lain sedang menulis"), ("en", "Another program is writing")],
)
def test_a_writer_past_the_busy_timeout_says_another_program_is_writing(
    store: Store, db_path, monkeypatch, language, message
) -> None:
    from kotacerdas_desktop.domain import text

    store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
    draft = store.assessments.new("DLH", 2026)
    store.db.execute("PRAGMA busy_timeout = 100")
    before = snapshot(db_path)
    monkeypatch.setattr(text, "_language", language)
    with closing(hold_write_lock(db_path)) as other:
        with pytest.raises(BusyError, match=message) as info:
            store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=4))
        assert info.value.field == "db"
        other.execute("ROLLBACK")
    assert not store.db.conn.in_transaction
    assert snapshot(db_path) == before
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=4))  # the lock is free again
    assert store.assessments.answer(draft.id, "GOV.PUB.01").level == 4


def test_the_file_is_synchronous_full_in_wal_mode(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_closing_folds_the_wal_into_the_file(db_path) -> None:
    with Store.open(db_path) as store:
        store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
        assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    # immutable: read the main file alone, as a copy of just that file would be read
    with closing(sqlite3.connect(f"{db_path.as_uri()}?immutable=1", uri=True)) as conn:
        assert conn.execute("SELECT name FROM agencies").fetchall() == [("Dinas Lingkungan Hidup",)]


def test_a_second_migration_of_the_same_file_does_nothing(tmp_path) -> None:
    """Two programs opening an older file: the later one finds it migrated and leaves it alone."""
    path = tmp_path / "lama.sqlite"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        migrate(conn, target=1)
    with (
        closing(sqlite3.connect(path, isolation_level=None)) as first,
        closing(sqlite3.connect(path, isolation_level=None)) as second,
    ):
        migrate(first)
        before = snapshot(path)
        migrate(second)
        assert second.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert snapshot(path) == before


def test_an_imported_package_is_one_immediate_transaction(
    demo_store: Store, store: Store, tmp_path
) -> None:
    """The decisions that need the database (already here, trust, framework) are made inside it."""
    from kotacerdas_desktop.exchange.export import export_package
    from kotacerdas_desktop.exchange.package import read_package

    final = demo_store.assessments.current("DINKES", 2025)
    package = read_package(export_package(demo_store, final.id, tmp_path / "dinkes.kcpkg"))
    statements = traced(store, lambda: store.imports.add(package))
    assert statements[0] == "BEGIN IMMEDIATE"
    assert writes_outside_a_transaction(statements) == []
    assert (
        sum(s.strip().upper() == "BEGIN IMMEDIATE" for s in statements) == 2
    )  # import, then its log line
