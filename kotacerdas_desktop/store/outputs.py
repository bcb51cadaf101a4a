"""Files the program writes for the user (sheets, backups, later recaps and exports), written safely.

An output must never destroy data: ``check_output`` refuses to write onto the
open database (or its -wal/-shm files), onto any SQLite file, onto something
that is not a regular file, and onto a file of another kind (a PDF never
replaces a spreadsheet). Replacing a file of the same kind is allowed and
reported. ``write_output`` writes the file whole or not at all: a temporary
file beside it, synced, given the user's normal permissions (umask, not
mkstemp's 0600), then renamed over the target; a failure leaves no
temporary file behind.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kotacerdas_desktop.domain.errors import StorageError
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store.location import is_sqlite_file

RENAME_ATTEMPTS = 20
RENAME_PAUSE_S = 0.25  # Windows and antivirus programs hold a file open for a moment
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class OutputKind:
    """What an output is: its name for messages, how a file of this kind starts, and
    whether an existing file of the kind may be replaced."""

    name: LocalText
    signatures: tuple[bytes, ...]
    replaceable: bool = True


PDF = OutputKind(t("PDF", "PDF"), (b"%PDF-",))
XLSX = OutputKind(t("buku kerja Excel", "Excel workbook"), (b"PK\x03\x04",))
CSV = OutputKind(t("CSV", "CSV"), (b"\xef\xbb\xbf",))  # ours start with a byte order mark
PACKAGE = OutputKind(t("paket", "package"), (b"PK\x03\x04",))  # a zip
BACKUP = OutputKind(t("cadangan", "backup"), (), replaceable=False)


def _refuse(out: Path, indonesian: str, english: str) -> StorageError:
    return StorageError(
        t(f"{out} tidak ditulis: {indonesian}", f"{out} was not written: {english}"),
        field="out",
    )


def _is_database(out: Path, database: Path | None) -> bool:
    if database is None:
        return False
    target = out.resolve()
    for suffix in DATABASE_COMPANIONS:
        companion = Path(f"{database}{suffix}")
        if target == companion.resolve():
            return True
        with contextlib.suppress(OSError):
            if out.exists() and companion.exists() and os.path.samefile(out, companion):
                return True
    return False


def _starts_with(path: Path, signatures: tuple[bytes, ...]) -> bool:
    with path.open("rb") as handle:
        head = handle.read(max(len(s) for s in signatures))
    return any(head.startswith(s) for s in signatures)


def check_output(out: Path, kind: OutputKind, database: Path | None = None) -> bool:
    """Refuse a target that would destroy data (module docstring); True when it replaces a file."""
    out = Path(out)
    if _is_database(out, database):
        raise _refuse(
            out,
            "itu basis data yang sedang dibuka. Pilih nama berkas lain.",
            "that is the open database. Choose another file name.",
        )
    if not out.exists():
        if out.is_symlink():
            raise _refuse(
                out, "itu tautan ke berkas yang tidak ada.", "it is a link to a missing file."
            )
        return False
    if not stat.S_ISREG(out.stat().st_mode):
        raise _refuse(
            out,
            "itu bukan berkas biasa (folder atau perangkat).",
            "it is not a regular file (a folder or a device).",
        )
    if out.stat().st_size == 0:
        return True
    if is_sqlite_file(out):
        raise _refuse(
            out,
            "itu berkas basis data SQLite, yang tidak pernah ditimpa. Pilih nama berkas lain.",
            "it is a SQLite database file, which is never overwritten. Choose another file name.",
        )
    if not kind.replaceable:
        raise _refuse(
            out,
            f"berkas itu sudah ada; {kind.name.id} tidak menimpa berkas. Pilih nama lain.",
            f"the file exists already; a {kind.name.en} never replaces a file. Choose another name.",
        )
    if not _starts_with(out, kind.signatures):
        raise _refuse(
            out,
            f"berkas itu berisi data lain (bukan {kind.name.id}). Pilih nama berkas lain.",
            f"that file holds other data (not {kind.name.en}). Choose another file name.",
        )
    return True


@functools.cache
def _umask() -> int:
    """The process's umask (read once: setting it back and forth is not thread-safe)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def normal_file_mode() -> int:
    """The permissions a newly created file gets here (0644 with the usual umask)."""
    return 0o666 & ~_umask()


def replace_file(source: Path, target: Path) -> None:
    """``os.replace``, retried for a few seconds while another program holds either file open."""
    for attempt in range(RENAME_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == RENAME_ATTEMPTS - 1:
                raise
            time.sleep(RENAME_PAUSE_S)


def sync_file(path: Path) -> None:
    """Flush a finished file to the disk before it is renamed into place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def write_failed(out: Path, exc: Exception) -> StorageError:
    reason = getattr(exc, "strerror", None) or exc
    return StorageError(
        t(f"Berkas {out} tidak dapat ditulis: {reason}", f"File {out} cannot be written: {reason}"),
        field="out",
    )


def write_output(content: bytes, out: Path, kind: OutputKind, database: Path | None = None) -> bool:
    """Check the target, then write ``content`` whole or not at all; True when a file was replaced."""
    out = Path(out)
    replaced = check_output(out, kind, database)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, normal_file_mode())
        replace_file(Path(temporary), out)
    except OSError as exc:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise write_failed(out, exc) from exc
    return replaced
