"""The schema as a numbered chain of forward migrations (PRAGMA user_version).

Migration N takes a database at version N-1 to version N. A new file runs the
whole chain; an older file runs the rest of it after a backup copy is made
(see database.py). Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x4B435344  # "KCSD": marks the SQLite file as KotaCerdas Desktop's


def _v1_core() -> str:
    return """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE catalogues (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL,
            version TEXT NOT NULL,
            name TEXT NOT NULL,
            body TEXT NOT NULL,            -- the catalogue file exactly as imported
            sha256 TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            UNIQUE (code, version)
        );
        CREATE TABLE agencies (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            logo BLOB
        );
        CREATE TABLE signatories (
            agency_code TEXT NOT NULL REFERENCES agencies(code) ON UPDATE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('prepared', 'reviewed', 'approved')),
            name TEXT NOT NULL DEFAULT '',
            nip TEXT NOT NULL DEFAULT '',
            rank TEXT NOT NULL DEFAULT '',
            position TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (agency_code, role)
        );
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            agency_code TEXT NOT NULL REFERENCES agencies(code) ON UPDATE CASCADE,
            year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
            catalogue_id INTEGER NOT NULL REFERENCES catalogues(id),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalized')),
            revision INTEGER NOT NULL DEFAULT 1,
            previous_id INTEGER REFERENCES assessments(id),
            document_number TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            finalized_at TEXT NOT NULL DEFAULT '',
            override_note TEXT NOT NULL DEFAULT '',
            UNIQUE (agency_code, year, revision)
        );
        CREATE TABLE answers (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id),
            indicator_code TEXT NOT NULL,
            level INTEGER CHECK (level BETWEEN 1 AND 5),
            not_applicable INTEGER NOT NULL DEFAULT 0,
            na_reason TEXT NOT NULL DEFAULT '',
            justification TEXT NOT NULL DEFAULT '',
            follow_up TEXT NOT NULL DEFAULT '',
            changed_by TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (assessment_id, indicator_code)
        );
        CREATE TABLE attachments (
            sha256 TEXT PRIMARY KEY,       -- content-addressed: one copy per distinct file
            size INTEGER NOT NULL,
            content BLOB NOT NULL
        );
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessments(id),
            indicator_code TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            file_name TEXT NOT NULL DEFAULT '',
            sha256 TEXT REFERENCES attachments(sha256),
            size INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX evidence_answer ON evidence (assessment_id, indicator_code);
        """


def _v2_review_and_audit() -> str:
    """Review flags on answers, and an append-only audit trail of every change."""
    return """
        ALTER TABLE answers ADD COLUMN review_flag INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE answers ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            assessment_id INTEGER,
            entity TEXT NOT NULL,
            key TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT
        );
        CREATE INDEX audit_assessment ON audit_log (assessment_id);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """


def _v3_finalized_lock() -> str:
    """A finalized assessment is immutable in the file itself, whatever program writes to it."""
    locked = "(SELECT status FROM assessments WHERE id = {row}.assessment_id) = 'finalized'"
    statements = ["CREATE INDEX assessments_fingerprint ON assessments (fingerprint);"]
    for table in ("answers", "evidence"):
        for action, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            statements.append(
                f"CREATE TRIGGER {table}_locked_{action.lower()} BEFORE {action} ON {table} "
                f"WHEN {locked.format(row=row)} "
                f"BEGIN SELECT RAISE(ABORT, 'finalized assessment is locked'); END;"
            )
    statements.append(
        "CREATE TRIGGER assessments_locked_update BEFORE UPDATE ON assessments "
        "WHEN OLD.status = 'finalized' "
        "BEGIN SELECT RAISE(ABORT, 'finalized assessment is locked'); END;"
    )
    statements.append(
        "CREATE TRIGGER assessments_locked_delete BEFORE DELETE ON assessments "
        "WHEN OLD.status = 'finalized' "
        "BEGIN SELECT RAISE(ABORT, 'finalized assessment is locked'); END;"
    )
    return "\n".join(statements)


def _v4_agency_snapshot() -> str:
    """What the agency and its signatories were when the sheet was finalized (JSON), so a
    finalized sheet reprints as signed after the agency is renamed or its head changes."""
    return "ALTER TABLE assessments ADD COLUMN agency_snapshot TEXT NOT NULL DEFAULT '';"


MIGRATIONS: tuple[Callable[[], str], ...] = (
    _v1_core,
    _v2_review_and_audit,
    _v3_finalized_lock,
    _v4_agency_snapshot,
)
SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """The statements of a script, one by one (a trigger's body keeps its inner semicolons)."""
    found, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                found.append(pending.strip())
            pending = ""
    return found


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Run the migrations from the file's version up to ``target``, each in its own transaction.

    Each step begins IMMEDIATE and reads the version inside it, so two programs
    opening an older file at once wait for each other and each step runs once.
    (Statements run one by one: executescript() would commit the transaction.)
    """
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0] + 1
            if version > target:
                conn.execute("COMMIT")
                return
            for statement in statements(MIGRATIONS[version - 1]()):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
