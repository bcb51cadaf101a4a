"""Attached files, kept once per content inside the database (content-addressed by SHA-256)."""

from __future__ import annotations

from sqlite_utils import Database


def keep_attachment(db: Database, sha256: str, content: bytes) -> None:
    """Store a file unless a file of that hash is stored already.

    ``INSERT ... WHERE NOT EXISTS`` inserts no row when the hash is known, so it
    never touches a file a finalized assessment refers to: the lock triggers
    (store/schema_locks.py) refuse every INSERT of such a key, ``OR IGNORE`` too.
    """
    db.execute(
        "INSERT INTO attachments (sha256, size, content) SELECT :sha, :size, :content "
        "WHERE NOT EXISTS (SELECT 1 FROM attachments WHERE sha256 = :sha)",
        {"sha": sha256, "size": len(content), "content": content},
    )
