"""The schema as a numbered chain of forward migrations (PRAGMA user_version).

Migration N takes a database at version N-1 to version N. A new file runs the
whole chain; an older file runs the rest of it after a backup copy is made
(see database.py). Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kotacerdas_desktop.store.schema_locks import v8_final_means_final

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


def _v5_scoring_rules() -> str:
    """Which scoring rules an assessment's figures follow (domain/score_report.py RULES_*).

    Assessments finalized before Indeks Pencapaian keep rules 1, so their sheets
    print the figures that were signed; drafts move to the current rules.
    """
    return """
        ALTER TABLE assessments ADD COLUMN scoring_rules INTEGER NOT NULL DEFAULT 1;
        UPDATE assessments SET scoring_rules = 2 WHERE status = 'draft';
        """


# A random version-4 UUID in SQL, for rows that exist before identities did.
UUID4_SQL = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)"
    " || '-' || hex(randomblob(6)))"
)


def _v6_identity_and_exchange() -> str:
    """Stable identities that travel in packages (agencies, assessments, this installation),
    the installation's signing key, and the coordinator's record of imported packages.

    The finalized lock trigger is lifted for the one UPDATE that gives existing rows their
    UUID (the fingerprint does not cover it), then recreated exactly as before.
    """
    lock = (
        "CREATE TRIGGER assessments_locked_update BEFORE UPDATE ON assessments "
        "WHEN OLD.status = 'finalized' "
        "BEGIN SELECT RAISE(ABORT, 'finalized assessment is locked'); END;"
    )
    append_only = "\n".join(
        f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;"
        for table in ("import_log", "imported")
        for action in ("UPDATE", "DELETE")
    )
    return f"""
        ALTER TABLE agencies ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
        ALTER TABLE assessments ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
        UPDATE agencies SET uuid = {UUID4_SQL};
        DROP TRIGGER assessments_locked_update;
        UPDATE assessments SET uuid = {UUID4_SQL};
        {lock}
        CREATE UNIQUE INDEX agencies_uuid ON agencies (uuid);
        CREATE UNIQUE INDEX assessments_uuid ON assessments (uuid);
        INSERT OR IGNORE INTO settings (key, value) VALUES ('installation_id', {UUID4_SQL});
        CREATE TABLE installation_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            private_key BLOB NOT NULL,     -- Ed25519 seed (32 bytes): signs this installation's packages
            public_key BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE trusted_keys (        -- trust on first use: the first key seen per agency
            agency_code TEXT PRIMARY KEY,
            public_key BLOB NOT NULL,
            trusted_at TEXT NOT NULL,
            trusted_by TEXT NOT NULL
        );
        CREATE TABLE imported (            -- where an imported assessment came from
            assessment_id INTEGER PRIMARY KEY REFERENCES assessments(id),
            file_name TEXT NOT NULL,
            package_sha256 TEXT NOT NULL,
            signer_key BLOB NOT NULL,
            installation TEXT NOT NULL,
            agency_uuid TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL
        );
        CREATE TABLE import_log (          -- every package ever tried, with its outcome
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            file_name TEXT NOT NULL,
            package_sha256 TEXT NOT NULL,
            outcome TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',    -- Indonesian
            reason_en TEXT NOT NULL DEFAULT '',
            agency_code TEXT NOT NULL DEFAULT '',
            year INTEGER,
            revision INTEGER,
            assessment_uuid TEXT NOT NULL DEFAULT ''
        );
        {append_only}
        """


def _v7_document_number_codes() -> str:
    """The two codes of an agency's document numbers (Tata Naskah Dinas: classification /
    serial / unit / year); empty keeps the defaults (domain/document_number.py)."""
    return """
        ALTER TABLE agencies ADD COLUMN classification_code TEXT NOT NULL DEFAULT '';
        ALTER TABLE agencies ADD COLUMN unit_code TEXT NOT NULL DEFAULT '';
        """


MIGRATIONS: tuple[Callable[[], str], ...] = (
    _v1_core,
    _v2_review_and_audit,
    _v3_finalized_lock,
    _v4_agency_snapshot,
    _v5_scoring_rules,
    _v6_identity_and_exchange,
    _v7_document_number_codes,
    v8_final_means_final,
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
