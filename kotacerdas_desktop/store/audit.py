"""The append-only audit trail: who changed which field of what, when, from what to what."""

from __future__ import annotations

from collections.abc import Mapping

from sqlite_utils import Database

from kotacerdas_desktop.store.clock import now


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


def history(db: Database, assessment_id: int, key: str | None = None) -> list[dict]:
    sql = "SELECT * FROM audit_log WHERE assessment_id = ?"
    params: list = [assessment_id]
    if key is not None:
        sql += " AND key = ?"
        params.append(key)
    return list(db.query(sql + " ORDER BY id", params))
