"""Migration 8: finalized data cannot change, whatever SQL another program runs.

The triggers of migration 3 looked at the old row only, so two kinds of
statement got past them:

- a conflict clause: ``INSERT OR REPLACE`` (and ``REPLACE``, ``UPDATE OR
  REPLACE``) deletes the row it collides with without firing DELETE triggers
  (unless the writing connection turned ``recursive_triggers`` on), so a draft
  row could replace a finalized one through any unique key, the hidden rowid
  included;
- a row moved into a finalized assessment (``UPDATE ... SET assessment_id``),
  whose old row belonged to a draft.

Here every protected table gets three triggers, made from one description:
INSERT is refused when the new row is protected or collides on any unique key
with a protected row; UPDATE when the old row or the new row is protected, or
the new row collides with another protected row; DELETE when the old row is
protected. What is protected:

- an assessment once finalized, and the answers and evidence of one;
- an attachment that evidence of a finalized assessment, or the logo of a
  finalized assessment's agency snapshot, refers to (by SHA-256);
- a stored catalogue that any assessment, draft or final, was answered on.

``INSERT OR IGNORE`` of a protected key is refused too: the store adds a file
it holds already with ``INSERT ... WHERE NOT EXISTS`` (store/attachments.py),
which inserts no row and fires nothing. A trigger cannot stop a program that
drops it, rewrites the schema (``PRAGMA writable_schema``) or edits the file's
bytes: ``kotacerdas check`` compares the triggers with these and recomputes
every hash and fingerprint from the stored bytes (store/integrity.py).
"""

from __future__ import annotations

from dataclasses import dataclass

LOCKED = "finalized assessment is locked"
CATALOGUE_IN_USE = "a catalogue used by an assessment cannot change"
_FINAL_ASSESSMENT = (
    "EXISTS (SELECT 1 FROM assessments WHERE id = {row}.assessment_id AND status = 'finalized')"
)
_FINAL_FILE = (
    "(EXISTS (SELECT 1 FROM evidence JOIN assessments ON assessments.id = evidence.assessment_id "
    "WHERE evidence.sha256 = {row}.sha256 AND assessments.status = 'finalized') "
    "OR EXISTS (SELECT 1 FROM assessments WHERE status = 'finalized' AND CASE WHEN "
    "json_valid(agency_snapshot) THEN json_extract(agency_snapshot, '$.logo_sha256') END = {row}.sha256))"
)


@dataclass(frozen=True)
class Protected:
    """A table's protected rows: ``held`` is the SQL condition (with ``{row}`` for the row's
    name) and ``keys`` every unique key of the table, rowid included."""

    table: str
    held: str
    keys: tuple[tuple[str, ...], ...]
    message: str = LOCKED
    new_rows_held: bool = True  # False: a new protected row may be written (a finalized assessment)


PROTECTED = (
    Protected("answers", _FINAL_ASSESSMENT, (("rowid",), ("assessment_id", "indicator_code"))),
    Protected("evidence", _FINAL_ASSESSMENT, (("id",),)),
    Protected(
        "assessments",
        "{row}.status = 'finalized'",
        (("id",), ("uuid",), ("agency_code", "year", "revision")),
        new_rows_held=False,
    ),
    Protected("attachments", _FINAL_FILE, (("rowid",), ("sha256",))),
    Protected(
        "catalogues",
        "EXISTS (SELECT 1 FROM assessments WHERE catalogue_id = {row}.id)",
        (("id",), ("code", "version")),
        message=CATALOGUE_IN_USE,
    ),
)


def _collides(p: Protected, other_than_old: bool) -> list[str]:
    """One condition per unique key: a protected row other than this one holds NEW's key."""
    conditions = []
    for key in p.keys:
        same = " AND ".join(f"held.{column} = NEW.{column}" for column in key)
        if other_than_old:
            same += " AND held.rowid != OLD.rowid"
        conditions.append(
            f"EXISTS (SELECT 1 FROM {p.table} AS held WHERE {same} AND {p.held.format(row='held')})"
        )
    return conditions


def _trigger(p: Protected, action: str, conditions: list[str]) -> str:
    when = "\n    OR ".join(conditions)
    return (
        f"CREATE TRIGGER {p.table}_locked_{action.lower()} BEFORE {action} ON {p.table}\n"
        f"WHEN {when}\nBEGIN SELECT RAISE(ABORT, '{p.message}'); END;"
    )


def lock_triggers(p: Protected) -> list[str]:
    new = [p.held.format(row="NEW")] if p.new_rows_held else []
    return [
        _trigger(p, "INSERT", new + _collides(p, other_than_old=False)),
        _trigger(p, "UPDATE", [p.held.format(row="OLD"), *new, *_collides(p, other_than_old=True)]),
        _trigger(p, "DELETE", [p.held.format(row="OLD")]),
    ]


def v8_final_means_final() -> str:
    """Replace migration 3's lock triggers with ones no statement form gets past (see above)."""
    dropped = [
        f"DROP TRIGGER IF EXISTS {table}_locked_{action};"
        for table in ("answers", "evidence", "assessments")
        for action in ("insert", "update", "delete")
    ]
    created = [trigger for p in PROTECTED for trigger in lock_triggers(p)]
    # The attachments triggers look evidence up by file hash.
    index = ["CREATE INDEX evidence_sha256 ON evidence (sha256);"]
    return "\n".join(dropped + index + created)
