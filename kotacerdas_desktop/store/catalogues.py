"""Catalogues kept inside the database, so an assessment keeps the exact version it was answered against."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.catalogue_file import load_catalogue_text
from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store.clock import now


@dataclass(frozen=True)
class StoredCatalogue:
    id: int
    code: str
    version: str
    name: str
    sha256: str
    imported_at: str


@lru_cache(maxsize=32)
def _parse(body: str, source: str) -> Catalogue:
    return load_catalogue_text(body, source)


class Catalogues:
    def __init__(self, db: Database) -> None:
        self.db = db

    def holds_text(self, text: str) -> bool:
        """Whether exactly this catalogue file is stored already (by its SHA-256)."""
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return (
            self.db.execute("SELECT 1 FROM catalogues WHERE sha256 = ?", [sha]).fetchone()
            is not None
        )

    def import_text(self, text: str, source: str) -> StoredCatalogue:
        """Check and store a catalogue file; the same code and version twice is refused unless identical."""
        catalogue = load_catalogue_text(text, source)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self.db.atomic():
            existing = self.find(catalogue.code, catalogue.version)
            if existing is not None:
                if existing.sha256 == sha:
                    return existing
                raise ValidationError(
                    t(
                        f"Katalog {catalogue.code} versi {catalogue.version} sudah ada dengan isi berbeda; naikkan nomor versinya.",
                        f"Catalogue {catalogue.code} version {catalogue.version} already exists with other content; raise its version.",
                    ),
                    field="version",
                )
            self.db["catalogues"].insert(
                {
                    "code": catalogue.code,
                    "version": catalogue.version,
                    "name": catalogue.name.id,
                    "body": text,
                    "sha256": sha,
                    "imported_at": now(),
                }
            )
        stored = self.find(catalogue.code, catalogue.version)
        assert stored is not None
        return stored

    def _row(self, row: dict) -> StoredCatalogue:
        return StoredCatalogue(
            row["id"], row["code"], row["version"], row["name"], row["sha256"], row["imported_at"]
        )

    def list(self) -> list[StoredCatalogue]:
        return [
            self._row(r)
            for r in self.db.query(
                "SELECT id, code, version, name, sha256, imported_at FROM catalogues ORDER BY code, id"
            )
        ]

    def find(self, code: str, version: str | None = None) -> StoredCatalogue | None:
        """A catalogue by code (the newest imported when no version is given)."""
        sql = "SELECT id, code, version, name, sha256, imported_at FROM catalogues WHERE code = ?"
        params: list = [code]
        if version is not None:
            sql += " AND version = ?"
            params.append(version)
        rows = list(self.db.query(sql + " ORDER BY id DESC LIMIT 1", params))
        return self._row(rows[0]) if rows else None

    def require(self, code: str, version: str | None = None) -> StoredCatalogue:
        found = self.find(code, version)
        if found is None and version is not None and self.find(code) is not None:
            known = ", ".join(c.version for c in self.list() if c.code == code)
            raise NotFoundError(
                t(
                    f"Katalog {code} versi {version} tidak ada (yang ada: {known}).",
                    f"Catalogue {code} has no version {version} (known: {known}).",
                ),
                field="framework",
            )
        if found is None:
            known = ", ".join(sorted({c.code for c in self.list()})) or "-"
            raise NotFoundError(
                t(
                    f"Katalog {code} tidak dikenal (yang ada: {known}).",
                    f"Unknown catalogue {code} (known: {known}).",
                ),
                field="framework",
            )
        return found

    def info(self, catalogue_id: int) -> StoredCatalogue:
        rows = list(
            self.db.query(
                "SELECT id, code, version, name, sha256, imported_at FROM catalogues WHERE id = ?",
                [catalogue_id],
            )
        )
        if not rows:
            raise NotFoundError(
                t(
                    f"Katalog #{catalogue_id} tidak ada.",
                    f"Catalogue #{catalogue_id} does not exist.",
                )
            )
        return self._row(rows[0])

    def body(self, catalogue_id: int) -> str:
        """The catalogue file exactly as imported (what its SHA-256 is of)."""
        return self.db.execute(
            "SELECT body FROM catalogues WHERE id = ?", [catalogue_id]
        ).fetchone()[0]

    def load(self, catalogue_id: int) -> Catalogue:
        """The parsed catalogue (cached by its exact text)."""
        info = self.info(catalogue_id)
        return _parse(self.body(catalogue_id), f"{info.code} {info.version}")
