"""Installation settings kept in the database (city name, operator, attachment limit)."""

from __future__ import annotations

from sqlite_utils import Database

from kotacerdas_desktop.store import audit


class Settings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str, actor: str | None = None) -> None:
        """Store one setting; a changed value goes to the audit trail (by whoever sets it)."""
        with self.db.atomic():
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
            who = actor or audit.actor(self.db)  # before an operator name changes itself
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")
            audit.record(
                self.db,
                actor=who,
                assessment_id=None,
                entity="setting",
                key=key,
                changes={"value": (row[0] if row else None, value)},
            )

    def all(self) -> dict[str, str]:
        return {
            row["key"]: row["value"] for row in self.db.query("SELECT key, value FROM settings")
        }
