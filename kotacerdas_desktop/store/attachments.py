"""Attached files: read from disk without trusting the path, kept once per content inside the
database (content-addressed by SHA-256)."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import shown, t

CHUNK = 1024 * 1024
# Opening a pipe for reading waits for a writer; non-blocking, the open returns at once and the
# file type check below refuses it (regular files read the same either way).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class FileRead:
    content: bytes
    sha256: str


def _too_large(path: Path, size: int | None, limit: int) -> ValidationError:
    mb = limit // (1024 * 1024)
    said = f"{size / 1048576:.1f} MB" if size is not None else f"> {mb} MB"
    return ValidationError(
        t(
            f"Berkas {shown(path.name)} terlalu besar ({said}); batasnya {mb} MB.",
            f"File {shown(path.name)} is too large ({said}); the limit is {mb} MB.",
        ),
        field="file",
    )


def read_attachment(path: Path, limit: int) -> FileRead:
    """A regular file's bytes and their SHA-256, hashed while read, never more than ``limit``
    + 1 bytes read: a pipe, a device or a folder is refused before reading, and a file that
    grows past the limit (or whose size the system misstates) is refused when it passes it."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValidationError(
                t(
                    f"{shown(path.name)} bukan berkas biasa (folder, perangkat atau pipa); "
                    "lampirkan dokumen yang tersimpan di disk.",
                    f"{shown(path.name)} is not a regular file (a folder, device or pipe); "
                    "attach a document stored on disk.",
                ),
                field="file",
            )
        if info.st_size > limit:
            raise _too_large(path, info.st_size, limit)
        digest, parts, read = hashlib.sha256(), [], 0
        while chunk := os.read(fd, min(CHUNK, limit + 1 - read)):
            read += len(chunk)
            if read > limit:
                raise _too_large(path, None, limit)
            digest.update(chunk)
            parts.append(chunk)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        os.close(fd)
    return FileRead(b"".join(parts), digest.hexdigest())


def _unreadable(path: Path, exc: OSError) -> ValidationError:
    return ValidationError(
        t(
            f"Berkas {shown(path.name)} tidak dapat dibaca: {shown(exc.strerror or exc, 200)}",
            f"File {shown(path.name)} cannot be read: {shown(exc.strerror or exc, 200)}",
        ),
        field="file",
    )


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
