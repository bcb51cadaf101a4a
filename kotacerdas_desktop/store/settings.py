"""Installation settings kept in the database (city name, operator, attachment limit)."""

from __future__ import annotations

from sqlite_utils import Database


class Settings:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")

    def all(self) -> dict[str, str]:
        return {
            row["key"]: row["value"] for row in self.db.query("SELECT key, value FROM settings")
        }
