"""Finalized data cannot change through any SQL statement another program runs.

Every statement form that could change a finalized assessment, its answers,
evidence and files, or a catalogue an assessment uses, is run as raw SQL
through the sqlite3 module (another program, bypassing the store) on a copy
of one prepared file: each is refused by the file's own triggers and leaves
every row as it was. INSERT and UPDATE run with every conflict clause, and
with the connection settings that change how SQLite deletes the row a
REPLACE collides with (recursive_triggers) and cascades (foreign_keys).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.model import Evidence
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.schema_locks import CATALOGUE_IN_USE, LOCKED
from tests.factories import tiny_catalogue_data
from tests.helpers import snapshot
from tests.store.finalized import CODE, EVIDENCE_FILE, LOGO, finalized_with_files

YEAR = dt.date.today().year
FREE_FILE = b"%PDF-1.4 draf notulen"

CLAUSES = ("REPLACE", "IGNORE", "ABORT", "FAIL", "ROLLBACK")  # every conflict clause SQLite has
INSERTS = ("INSERT", "REPLACE", *(f"INSERT OR {clause}" for clause in CLAUSES))
UPDATES = ("UPDATE", *(f"UPDATE OR {clause}" for clause in CLAUSES))
UPSERTS = ("ON CONFLICT DO UPDATE SET {column} = excluded.{column}", "ON CONFLICT DO NOTHING")
CONNECTIONS = {
    "defaults": (),
    "recursive-fk": ("PRAGMA recursive_triggers = ON", "PRAGMA foreign_keys = ON"),
}


def _insert_row(table: str, values: dict[str, str]) -> str:
    return f"{{insert}} INTO {table} ({', '.join(values)}) VALUES ({', '.join(values.values())})"


ANSWER_NEW = {"assessment_id": ":final", "indicator_code": "'X.NEW'", "level": "3"}
ANSWER_SAME_KEY = {"assessment_id": ":final", "indicator_code": f"'{CODE}'", "level": "1"}
ANSWER_BY_ROWID = {
    "rowid": ":final_answer",
    "assessment_id": ":draft",
    "indicator_code": "'X.NEW'",
    "level": "1",
}
EVIDENCE_NEW = {"assessment_id": ":final", "indicator_code": f"'{CODE}'", "title": "'baru'"}
EVIDENCE_BY_ID = {
    "id": ":final_evidence",
    "assessment_id": ":draft",
    "indicator_code": f"'{CODE}'",
    "title": "'tiruan'",
}
ASSESSMENT = {
    "agency_code": "'DISHUB'",
    "year": ":year",
    "catalogue_id": ":used_catalogue",
    "created_at": "'2026-01-01'",
}
ASSESSMENT_BY_ID = ASSESSMENT | {"id": ":final", "revision": "9", "uuid": "'uuid-baru'"}
ASSESSMENT_BY_UUID = ASSESSMENT | {"revision": "9", "uuid": ":final_uuid"}
ASSESSMENT_BY_REVISION = ASSESSMENT | {"revision": "1", "uuid": "'uuid-baru'"}
FILE_SAME_HASH = {"sha256": ":evidence_sha", "size": "1", "content": "x'00'"}
LOGO_SAME_HASH = {"sha256": ":logo_sha", "size": "1", "content": "x'00'"}
FILE_BY_ROWID = {
    "rowid": ":evidence_file",
    "sha256": "'segar'",
    "size": "1",
    "content": "x'00'",
}
CATALOGUE = {
    "name": "'Palsu'",
    "body": "'{}'",
    "sha256": "'0'",
    "imported_at": "'2026-01-01'",
}
CATALOGUE_BY_ID = CATALOGUE | {"id": ":used_catalogue", "code": "'PALSU'", "version": "'1'"}
CATALOGUE_BY_VERSION = CATALOGUE | {"code": ":used_code", "version": ":used_version"}

# (table whose protected rows the statement would change, statement with {insert}/{update})
INSERT_FORMS = [
    ("answers", _insert_row("answers", ANSWER_NEW)),
    ("answers", _insert_row("answers", ANSWER_SAME_KEY)),
    ("answers", _insert_row("answers", ANSWER_BY_ROWID)),
    (
        "answers",
        "{insert} INTO answers (rowid, assessment_id, indicator_code, level) "
        "SELECT :final_answer, assessment_id, 'X.NEW', level FROM answers WHERE rowid = :draft_answer",
    ),
    ("evidence", _insert_row("evidence", EVIDENCE_NEW)),
    ("evidence", _insert_row("evidence", EVIDENCE_BY_ID)),
    ("assessments", _insert_row("assessments", ASSESSMENT_BY_ID)),
    ("assessments", _insert_row("assessments", ASSESSMENT_BY_UUID)),
    ("assessments", _insert_row("assessments", ASSESSMENT_BY_REVISION)),
    ("attachments", _insert_row("attachments", FILE_SAME_HASH)),
    ("attachments", _insert_row("attachments", LOGO_SAME_HASH)),
    ("attachments", _insert_row("attachments", FILE_BY_ROWID)),
    ("catalogues", _insert_row("catalogues", CATALOGUE_BY_ID)),
    ("catalogues", _insert_row("catalogues", CATALOGUE_BY_VERSION)),
]
UPDATE_FORMS = [
    ("answers", "{update} answers SET level = 1 WHERE assessment_id = :final"),
    ("answers", "{update} answers SET justification = 'diubah' WHERE assessment_id = :final"),
    ("answers", "{update} answers SET assessment_id = :draft WHERE rowid = :final_answer"),
    (
        "answers",
        "{update} answers SET assessment_id = :final, indicator_code = 'X.MOVED' "
        "WHERE rowid = :draft_answer",
    ),
    ("answers", "{update} answers SET rowid = :final_answer WHERE rowid = :draft_answer"),
    ("evidence", "{update} evidence SET title = 'palsu' WHERE assessment_id = :final"),
    ("evidence", "{update} evidence SET sha256 = NULL WHERE id = :final_evidence"),
    ("evidence", "{update} evidence SET assessment_id = :draft WHERE id = :final_evidence"),
    ("evidence", "{update} evidence SET assessment_id = :final WHERE id = :draft_evidence"),
    ("evidence", "{update} evidence SET id = :final_evidence WHERE id = :draft_evidence"),
    ("assessments", "{update} assessments SET status = 'draft' WHERE id = :final"),
    ("assessments", "{update} assessments SET fingerprint = '' WHERE id = :final"),
    ("assessments", "{update} assessments SET id = :final WHERE id = :draft"),
    ("assessments", "{update} assessments SET uuid = :final_uuid WHERE id = :draft"),
    ("assessments", "{update} assessments SET revision = 1 WHERE id = :draft"),
    ("attachments", "{update} attachments SET content = x'00' WHERE sha256 = :evidence_sha"),
    ("attachments", "{update} attachments SET content = x'00' WHERE sha256 = :logo_sha"),
    ("attachments", "{update} attachments SET sha256 = 'lain' WHERE sha256 = :evidence_sha"),
    ("attachments", "{update} attachments SET sha256 = :evidence_sha WHERE sha256 = :free_sha"),
    ("attachments", "{update} attachments SET rowid = :evidence_file WHERE sha256 = :free_sha"),
    ("catalogues", "{update} catalogues SET body = body || ' ' WHERE id = :used_catalogue"),
    ("catalogues", "{update} catalogues SET sha256 = '0' WHERE id = :used_catalogue"),
    ("catalogues", "{update} catalogues SET id = :used_catalogue WHERE id = :free_catalogue"),
    (
        "catalogues",
        "{update} catalogues SET code = :used_code, version = :used_version "
        "WHERE id = :free_catalogue",
    ),
]
DELETE_FORMS = [
    ("answers", "DELETE FROM answers WHERE assessment_id = :final"),
    ("evidence", "DELETE FROM evidence WHERE assessment_id = :final"),
    ("assessments", "DELETE FROM assessments WHERE id = :final"),
    ("attachments", "DELETE FROM attachments WHERE sha256 = :evidence_sha"),
    ("attachments", "DELETE FROM attachments WHERE sha256 = :logo_sha"),
    ("catalogues", "DELETE FROM catalogues WHERE id = :used_catalogue"),
]
UPSERT_FORMS = [
    ("answers", _insert_row("answers", ANSWER_SAME_KEY), "level"),
    ("answers", _insert_row("answers", ANSWER_BY_ROWID), "level"),
    ("evidence", _insert_row("evidence", EVIDENCE_BY_ID), "title"),
    ("assessments", _insert_row("assessments", ASSESSMENT_BY_UUID), "status"),
    ("attachments", _insert_row("attachments", FILE_SAME_HASH), "content"),
    ("catalogues", _insert_row("catalogues", CATALOGUE_BY_VERSION), "body"),
]


def _forms() -> list[tuple[str, str]]:
    forms = [
        (table, sql.replace("{insert}", verb)) for table, sql in INSERT_FORMS for verb in INSERTS
    ]
    forms += [
        (table, sql.replace("{update}", verb)) for table, sql in UPDATE_FORMS for verb in UPDATES
    ]
    forms += DELETE_FORMS
    forms += [
        (table, f"{sql.replace('{insert}', 'INSERT')} {clause.format(column=column)}")
        for table, sql, column in UPSERT_FORMS
        for clause in UPSERTS
    ]
    return forms


FORMS = _forms()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, str]:
    """A file with revision 1 finalized (logo, evidence file) and revision 2 a draft copy of
    it with a file of its own, plus a catalogue no assessment uses; its keys and snapshot."""
    path = tmp_path_factory.mktemp("locks") / "kotacerdas.sqlite"
    with Store.open(path) as store:
        final = finalized_with_files(store)
        revision = store.lifecycle.reopen(final.id)
        extra = store.evidence.add(revision.id, CODE, Evidence("Notulen"), FREE_FILE)
        free = store.catalogues.import_text(json.dumps(tiny_catalogue_data()), "tiny.json")
        used = store.catalogues.info(final.catalogue_id)
        one = store.db.execute
        keys = {
            "final": final.id,
            "draft": revision.id,
            "year": YEAR,
            "final_uuid": final.uuid,
            "final_answer": one(
                "SELECT rowid FROM answers WHERE assessment_id = ? AND indicator_code = ?",
                [final.id, CODE],
            ).fetchone()[0],
            "draft_answer": one(
                "SELECT rowid FROM answers WHERE assessment_id = ? AND indicator_code = ?",
                [revision.id, CODE],
            ).fetchone()[0],
            "final_evidence": one(
                "SELECT id FROM evidence WHERE assessment_id = ?", [final.id]
            ).fetchone()[0],
            "draft_evidence": extra.id,
            "evidence_sha": hashlib.sha256(EVIDENCE_FILE).hexdigest(),
            "logo_sha": hashlib.sha256(LOGO).hexdigest(),
            "free_sha": hashlib.sha256(FREE_FILE).hexdigest(),
            "evidence_file": one(
                "SELECT rowid FROM attachments WHERE sha256 = ?",
                [hashlib.sha256(EVIDENCE_FILE).hexdigest()],
            ).fetchone()[0],
            "used_catalogue": used.id,
            "used_code": used.code,
            "used_version": used.version,
            "free_catalogue": free.id,
        }
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, keys, snapshot(path)


@pytest.fixture
def copy(prepared, tmp_path: Path) -> tuple[Path, dict, str]:
    path, keys, before = prepared
    target = tmp_path / path.name
    shutil.copy(path, target)
    return target, keys, before


def _run(path: Path, sql: str, keys: dict, pragmas: tuple[str, ...]) -> None:
    with closing(sqlite3.connect(path)) as conn:  # another program: no store, no checks
        for pragma in pragmas:
            conn.execute(pragma)
        try:
            conn.execute(sql, {name: value for name, value in keys.items() if f":{name}" in sql})
        finally:
            conn.commit()


@pytest.mark.parametrize("pragmas", CONNECTIONS.values(), ids=CONNECTIONS.keys())
@pytest.mark.parametrize(("table", "sql"), FORMS, ids=[sql for _, sql in FORMS])
def test_every_statement_form_is_refused_and_changes_nothing(copy, table, sql, pragmas):
    path, keys, before = copy
    message = CATALOGUE_IN_USE if table == "catalogues" else LOCKED
    with pytest.raises(sqlite3.IntegrityError, match=message):
        _run(path, sql, keys, pragmas)
    assert snapshot(path) == before


def test_renaming_the_agency_cannot_cascade_into_a_finalized_assessment(copy):
    path, keys, before = copy
    with pytest.raises(sqlite3.IntegrityError, match=LOCKED):
        _run(
            path,
            "UPDATE agencies SET code = 'DISHUB2' WHERE code = 'DISHUB'",
            keys,
            ("PRAGMA foreign_keys = ON",),
        )
    assert snapshot(path) == before


ALLOWED = [
    ("UPDATE answers SET level = 1 WHERE rowid = :draft_answer", "answers", "level = 1"),
    (
        "INSERT OR REPLACE INTO answers (assessment_id, indicator_code, level) "
        f"VALUES (:draft, '{CODE}', 2)",
        "answers",
        f"assessment_id = :draft AND indicator_code = '{CODE}' AND level = 2",
    ),
    ("DELETE FROM evidence WHERE id = :draft_evidence", "evidence", "id = :draft_evidence"),
    (
        "UPDATE attachments SET content = x'00' WHERE sha256 = :free_sha",
        "attachments",
        "content = x'00'",
    ),
    (
        "INSERT OR REPLACE INTO attachments (sha256, size, content) VALUES (:free_sha, 1, x'01')",
        "attachments",
        "content = x'01'",
    ),
    ("UPDATE catalogues SET body = '{}' WHERE id = :free_catalogue", "catalogues", "body = '{}'"),
    ("DELETE FROM catalogues WHERE id = :free_catalogue", "catalogues", "id = :free_catalogue"),
    (
        "UPDATE assessments SET document_number = 'x' WHERE id = :draft",
        "assessments",
        "document_number = 'x'",
    ),
]


@pytest.mark.parametrize(("sql", "table", "where"), ALLOWED, ids=[a[0] for a in ALLOWED])
def test_drafts_unused_catalogues_and_free_files_stay_changeable(copy, sql, table, where):
    """The triggers refuse changes of finalized data only: the same forms work elsewhere."""
    path, keys, before = copy
    count = f"SELECT count(*) FROM {table} WHERE {where}"
    params = {name: value for name, value in keys.items() if f":{name}" in sql + where}
    with closing(sqlite3.connect(path)) as conn:
        had = conn.execute(count, params).fetchone()[0]
    _run(path, sql, keys, ())
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute(count, params).fetchone()[0] != had
    assert snapshot(path) != before


def test_a_file_or_logo_a_finalized_sheet_holds_can_be_attached_and_finalized_again(copy):
    """The store adds a file it holds already without an INSERT the triggers would refuse."""
    path, keys, _ = copy
    with Store.open(path) as store:
        again = store.evidence.add(keys["draft"], "GOV.PUB.02", Evidence("SK lagi"), EVIDENCE_FILE)
        assert again.sha256 == keys["evidence_sha"]
        final = store.lifecycle.finalize(keys["draft"])  # the same logo goes into its snapshot
        assert final.is_finalized
        assert store.evidence.content(keys["logo_sha"]) == LOGO
        rows = store.db.execute("SELECT count(*) FROM attachments").fetchone()[0]
    assert rows == 3  # evidence file, draft file, logo: each kept once


def test_the_forms_tested_cover_every_protected_table_and_clause():
    assert {table for table, _ in FORMS} == {
        "answers",
        "evidence",
        "assessments",
        "attachments",
        "catalogues",
    }
    statements = " ".join(sql for _, sql in FORMS)
    for verb in INSERTS + UPDATES + ("DELETE", "ON CONFLICT DO UPDATE", "ON CONFLICT DO NOTHING"):
        assert verb in statements
    assert len(FORMS) > 200
