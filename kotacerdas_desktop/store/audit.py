"""The append-only audit trail: who changed which field of what, when, from what to what.

Answers, evidence, the assessment's life (finalize, reopen), agency details
and signatories, and settings are all recorded, each row inside the
transaction that makes the change. The actor is the operator name set in the
app (setting ``operator_name``) with the OS user, e.g. "Rina Wulandari (rina)".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from kotacerdas_desktop.store.clock import current_user, now

OPERATOR_KEY = "operator_name"


def actor(db: Database) -> str:
    """Who is making a change now: the operator name set in the app, with the OS user."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [OPERATOR_KEY]).fetchone()
    operator = row[0].strip() if row else ""
    user = current_user()
    return f"{operator} ({user})" if operator and operator != user else user


def record(
    db: Database,
    *,
    actor: str,
    assessment_id: int | None,
    entity: str,
    key: str,
    changes: Mapping[str, tuple[object, object]],
) -> None:
    """One row per changed field; call inside the transaction that makes the change."""
    at = now()
    rows = [
        {
            "at": at,
            "actor": actor,
            "assessment_id": assessment_id,
            "entity": entity,
            "key": key,
            "field": name,
            "old_value": None if old is None else str(old),
            "new_value": None if new is None else str(new),
        }
        for name, (old, new) in changes.items()
        if old != new
    ]
    if rows:
        db["audit_log"].insert_all(rows)


@dataclass(frozen=True)
class Change:
    """One recorded change of one field."""

    at: str
    actor: str
    entity: str  # answer, evidence, assessment, agency, setting
    key: str  # indicator code, assessment id, agency code or setting name
    field: str
    old: str | None
    new: str | None

    def to_json(self) -> dict[str, str | None]:
        return {
            "at": self.at,
            "actor": self.actor,
            "entity": self.entity,
            "key": self.key,
            "field": self.field,
            "old": self.old,
            "new": self.new,
        }


def _changes(db: Database, where: str, params: list) -> list[Change]:
    return [
        Change(
            r["at"], r["actor"], r["entity"], r["key"], r["field"], r["old_value"], r["new_value"]
        )
        for r in db.query(f"SELECT * FROM audit_log WHERE {where} ORDER BY id", params)
    ]


def history(db: Database, assessment_id: int, indicator: str | None = None) -> list[Change]:
    """An assessment's changes (one indicator's answer and evidence when given), oldest first."""
    if indicator is not None:
        return _changes(
            db,
            "assessment_id = ? AND entity IN ('answer', 'evidence') AND key = ?",
            [assessment_id, indicator],
        )
    return _changes(db, "assessment_id = ?", [assessment_id])


def general_history(db: Database) -> list[Change]:
    """Changes not tied to one assessment: agency details, signatories and settings."""
    return _changes(db, "assessment_id IS NULL", [])
