"""Reading a package's zip without trusting it: names, counts, sizes and ratios checked before
a byte is used, and every member streamed with the bytes really read counted.

CPython's zipfile has no limits of its own (a small file can declare or expand to
gigabytes, hold two members of one name, or name ``../../x``); every refusal
here is a PackageError with a plain Indonesian and English reason.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import LocalText, t

MAX_MEMBERS = 5_000  # an assessment of ~100 indicators with several files each
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # the attachment limit is at most 500 MB
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for members large enough to matter
RATIO_FLOOR = 1024 * 1024  # smaller members may compress as well as they like
CHUNK = 1024 * 1024
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
_SAFE_PART = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


class PackageError(ValidationError):
    """A package refused: nothing from it was stored."""


def refuse(reason: LocalText) -> PackageError:
    return PackageError(reason, field="package")


def check_name(name: str) -> None:
    """A member name that cannot escape, collide on Windows, or hide: a/b.c, nothing else."""
    parts = name.split("/")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or re.match(r"^[A-Za-z]:", name)
        or any(p in ("", ".", "..") for p in parts)
        or any(_RESERVED.match(p) or not _SAFE_PART.match(p) for p in parts)
    ):
        raise refuse(
            t(
                f"nama berkas di dalam paket tidak aman: {name!r}",
                f"unsafe file name inside the package: {name!r}",
            )
        )


@dataclass(frozen=True)
class Member:
    name: str
    size: int  # as declared in the zip


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        if not path.is_file():
            raise refuse(t(f"{path.name} bukan berkas biasa", f"{path.name} is not a regular file"))
        return zipfile.ZipFile(path)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        EOFError,
    ) as exc:
        raise refuse(
            t(
                f"{path.name} bukan paket KotaCerdas (bukan berkas zip yang utuh)",
                f"{path.name} is not a KotaCerdas package (not a whole zip file)",
            )
        ) from exc
    except OSError as exc:
        raise refuse(
            t(
                f"{path.name} tidak dapat dibaca: {exc.strerror or exc}",
                f"{path.name} cannot be read: {exc.strerror or exc}",
            )
        ) from exc


def members(archive: zipfile.ZipFile) -> dict[str, Member]:
    """Every member, checked: safe unique names, no links or encryption, sizes within limits."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(
            t(
                f"paket berisi {len(infos)} berkas; batasnya {MAX_MEMBERS}",
                f"the package holds {len(infos)} files; the limit is {MAX_MEMBERS}",
            )
        )
    found: dict[str, Member] = {}
    total = 0
    for info in infos:
        check_name(info.filename)
        if info.filename in found:
            raise refuse(
                t(
                    f"berkas {info.filename} muncul dua kali di dalam paket",
                    f"file {info.filename} appears twice in the package",
                )
            )
        if info.flag_bits & 0x1 or stat.S_ISLNK(info.external_attr >> 16) or info.is_dir():
            raise refuse(
                t(
                    f"{info.filename}: berkas terenkripsi, tautan atau folder tidak diterima",
                    f"{info.filename}: encrypted files, links or folders are not accepted",
                )
            )
        if info.file_size > MAX_MEMBER_BYTES:
            raise refuse(
                t(
                    f"{info.filename} terlalu besar ({info.file_size:,} bita)",
                    f"{info.filename} is too large ({info.file_size:,} bytes)",
                )
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(
                t(
                    f"{info.filename} memampat lebih dari {MAX_RATIO}:1 (bom zip?)",
                    f"{info.filename} compresses more than {MAX_RATIO}:1 (a zip bomb?)",
                )
            )
        total += info.file_size
        found[info.filename] = Member(info.filename, info.file_size)
    if total > MAX_TOTAL_BYTES:
        raise refuse(
            t(
                f"isi paket {total:,} bita; batasnya {MAX_TOTAL_BYTES:,}",
                f"the package holds {total:,} bytes; the limit is {MAX_TOTAL_BYTES:,}",
            )
        )
    return found


def _chunks(archive: zipfile.ZipFile, member: Member, limit: int) -> Iterator[bytes]:
    """The member's bytes, refusing as soon as more arrive than declared or allowed."""
    if member.size > limit:
        raise refuse(
            t(
                f"{member.name} terlalu besar ({member.size:,} bita); batasnya {limit:,}",
                f"{member.name} is too large ({member.size:,} bytes); the limit is {limit:,}",
            )
        )
    read = 0
    try:
        with archive.open(member.name) as stream:
            while chunk := stream.read(CHUNK):
                read += len(chunk)
                if read > member.size or read > limit:
                    raise refuse(
                        t(
                            f"{member.name} berisi lebih dari yang dinyatakan",
                            f"{member.name} holds more than it declares",
                        )
                    )
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as exc:
        raise refuse(t(f"{member.name} rusak: {exc}", f"{member.name} is damaged: {exc}")) from exc
    if read != member.size:
        raise refuse(t(f"{member.name} terpotong", f"{member.name} is truncated"))


def read_member(archive: zipfile.ZipFile, member: Member, limit: int) -> tuple[bytes, str]:
    """A member's bytes and their SHA-256, read in chunks with the bytes counted."""
    digest = hashlib.sha256()
    parts = []
    for chunk in _chunks(archive, member, limit):
        digest.update(chunk)
        parts.append(chunk)
    return b"".join(parts), digest.hexdigest()
