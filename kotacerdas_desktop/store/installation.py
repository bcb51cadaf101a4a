"""This installation's identity and signing key, kept in the database like everything else.

The Ed25519 key pair is made the first time the file is opened by this
version, so every sheet finalized afterwards can print the key's fingerprint;
copying the file (a full backup) keeps the key. The exchange layer signs with
it; PyNaCl is imported only to make the key, once per file.
"""

from __future__ import annotations

from sqlite_utils import Database

from kotacerdas_desktop.domain.identity import key_fingerprint
from kotacerdas_desktop.store.clock import now
from kotacerdas_desktop.store.settings import Settings


class Installation:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def id(self) -> str:
        """The installation's UUID: a package made here is refused when imported here."""
        return Settings(self.db).get("installation_id")

    def ensure_key(self) -> None:
        """Make the key pair if this file has none yet (inside the caller's open)."""
        if self.db.execute("SELECT 1 FROM installation_key").fetchone() is not None:
            return
        from nacl.signing import SigningKey

        private = SigningKey.generate()
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO installation_key (id, private_key, public_key, created_at) "
                "VALUES (1, ?, ?, ?)",
                [bytes(private), private.verify_key.encode(), now()],
            )

    def key_pair(self) -> tuple[bytes, bytes]:
        """(Ed25519 seed, public key) of this installation."""
        self.ensure_key()
        row = self.db.execute("SELECT private_key, public_key FROM installation_key").fetchone()
        return bytes(row[0]), bytes(row[1])

    @property
    def public_key(self) -> bytes:
        return self.key_pair()[1]

    @property
    def key_fingerprint(self) -> str:
        return key_fingerprint(self.public_key)
