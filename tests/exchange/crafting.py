"""Crafting packages the way a careless or hostile program would, from a real exported one."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

from nacl.signing import SigningKey

from kotacerdas_desktop.exchange.format import MANIFEST, SIGNATURE, package_json


def entries_of(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def write_zip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def manifest_of(entries: list[tuple[str, bytes]]) -> dict:
    return json.loads(dict(entries)[MANIFEST])


def resealed(
    entries: list[tuple[str, bytes]], seed: bytes | None = None
) -> list[tuple[str, bytes]]:
    """Entries whose manifest lists the members as they are now, signed with ``seed`` (or a new
    key): what a program that rewrites a package and signs it with its own key produces."""
    key = SigningKey(seed) if seed else SigningKey.generate()
    others = [(n, d) for n, d in entries if n not in (MANIFEST, SIGNATURE)]
    manifest = manifest_of(entries)
    manifest["public_key"] = key.verify_key.encode().hex()
    manifest["members"] = [
        {"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in others
    ]
    data = package_json(manifest)
    return [(MANIFEST, data), (SIGNATURE, key.sign(data).signature), *others]


def signed_as_written(entries: list[tuple[str, bytes]], manifest: bytes) -> list[tuple[str, bytes]]:
    """Entries with these exact manifest bytes, signed by a new key put in place of the old one
    (for manifests a JSON library would not write, such as repeated keys)."""
    key = SigningKey.generate()
    old = manifest_of(entries)["public_key"].encode()
    data = manifest.replace(old, key.verify_key.encode().hex().encode())
    return replace_member(
        replace_member(entries, MANIFEST, data), SIGNATURE, key.sign(data).signature
    )


def replace_member(
    entries: list[tuple[str, bytes]], name: str, data: bytes
) -> list[tuple[str, bytes]]:
    return [(n, data if n == name else d) for n, d in entries]


def logical_snapshot(path: Path) -> str:
    """Every row of every table but the import log (which lists refused packages too)."""
    with closing(sqlite3.connect(path)) as conn:
        return "\n".join(line for line in conn.iterdump() if '"import_log"' not in line)
