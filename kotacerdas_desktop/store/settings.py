"""Installation settings kept in the database (city name, operator, attachment limit, language)."""

from __future__ import annotations

from sqlite_utils import Database

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import LANGUAGES, t
from kotacerdas_desktop.store import audit

MAX_OPERATOR_NAME = 80
LANGUAGE_KEY = "language"


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

    def set_operator_name(self, name: str) -> str:
        """The name the audit trail shows beside the OS user for every change made from now on."""
        name = " ".join(name.split())
        if len(name) > MAX_OPERATOR_NAME:
            raise ValidationError(
                t(
                    f"Nama operator terlalu panjang ({len(name)} karakter; maks. {MAX_OPERATOR_NAME}).",
                    f"The operator name is too long ({len(name)} characters; max. {MAX_OPERATOR_NAME}).",
                ),
                audit.OPERATOR_KEY,
            )
        self.set(audit.OPERATOR_KEY, name)
        return name

    def language(self) -> str:
        """The interface language chosen in the app ("id" or "en"), or "" when none was chosen."""
        value = self.get(LANGUAGE_KEY)
        return value if value in LANGUAGES else ""

    def set_language(self, language: str) -> str:
        """Save the interface language; the app and the command line use it from their next start."""
        if language not in LANGUAGES:
            raise ValidationError(
                t(
                    f"Bahasa {language!r} tidak dikenal; pilih id (Indonesia) atau en (English).",
                    f"Unknown language {language!r}; choose id (Indonesian) or en (English).",
                ),
                LANGUAGE_KEY,
            )
        self.set(LANGUAGE_KEY, language)
        return language

    def all(self) -> dict[str, str]:
        return {
            row["key"]: row["value"] for row in self.db.query("SELECT key, value FROM settings")
        }
