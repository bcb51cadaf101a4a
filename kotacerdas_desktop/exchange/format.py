"""The package format (docs/package-format.md is its contract): names, versions, and strict
reading of its JSON documents with errors that name the place.

A package is a zip holding ``manifest.json`` (what it is, and the SHA-256 and
size of every other member), ``manifest.sig`` (the Ed25519 signature of the
manifest's exact bytes), ``assessment.json``, ``catalogue.json`` (the framework
file exactly as stored) and ``attachments/<sha256>`` (evidence files and the
agency logo).
"""

from __future__ import annotations

import json
import re
from typing import Any

from kotacerdas_desktop.domain.catalogue_json import MAX_FILE_BYTES
from kotacerdas_desktop.domain.text import shown, t
from kotacerdas_desktop.exchange.safezip import refuse

FORMAT_NAME = "kotacerdas-package"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)
FORMAT = f"{FORMAT_NAME}/{FORMAT_VERSION}"
SUFFIX = ".kcpkg"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
ASSESSMENT = "assessment.json"
CATALOGUE = "catalogue.json"
ATTACHMENTS = "attachments/"
FIXED_MEMBERS = (MANIFEST, SIGNATURE, ASSESSMENT, CATALOGUE)

KIND_FINAL = "final"  # counted by the coordinator
KIND_DRAFT = "draft"  # a backup of work in progress: never counted

MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_ASSESSMENT_BYTES = 64 * 1024 * 1024
MAX_CATALOGUE_BYTES = MAX_FILE_BYTES  # what the catalogue checker reads at most
SIGNATURE_BYTES = 64
HEX64 = re.compile(r"^[0-9a-f]{64}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValueError(f"duplicate key {repeated[0]!r}")
    return dict(pairs)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def strict_json(data: bytes, member: str) -> Any:
    """JSON that means one thing: UTF-8, no repeated keys, no NaN or Infinity."""
    try:
        return json.loads(
            data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise refuse(
            t(f"{member} bukan JSON yang sah: {exc}", f"{member} is not valid JSON: {exc}")
        ) from exc


def package_json(data: object) -> bytes:
    """How the package writes its JSON documents: UTF-8, sorted keys, compact, stable bytes
    (compact also keeps json's fast C encoder: an indented document takes eight times longer)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


class Reader:
    """Walks one parsed document; every helper refuses with the path it was given."""

    def __init__(self, member: str) -> None:
        self.member = member

    def fail(self, path: str, problem_id: str, problem_en: str) -> Exception:
        return refuse(
            t(
                f"{self.member}, {path or '(akar)'}: {problem_id}",
                f"{self.member}, {path or '(root)'}: {problem_en}",
            )
        )

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "harus berupa objek JSON", "must be a JSON object")
        return value

    def items(self, data: dict[str, Any], key: str, path: str) -> list:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.fail(self.at(path, key), "harus berupa daftar", "must be a list")
        return value

    @staticmethod
    def at(path: str, key: str | int) -> str:
        if isinstance(key, int):
            return f"{path}[{key}]"
        return f"{path}.{key}" if path else key

    def text(
        self, data: dict[str, Any], key: str, path: str, pattern: re.Pattern | None = None
    ) -> str:
        value = data.get(key)
        if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
            raise self.fail(self.at(path, key), "teks tidak sah", "is not valid text")
        return value

    def texts(self, data: dict[str, Any], path: str, **patterns: re.Pattern | None) -> None:
        """Several text fields at once: each key with its pattern (None: any text)."""
        for key, pattern in patterns.items():
            self.text(data, key, path, pattern)

    def integer(self, data: dict[str, Any], key: str, path: str, low: int, high: int) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(
                self.at(path, key),
                f"harus bilangan bulat {low} sampai {high}",
                f"must be a whole number {low} to {high}",
            )
        return value

    def choice(self, data: dict[str, Any], key: str, path: str, allowed: tuple) -> Any:
        value = data.get(key)
        if value not in allowed or isinstance(value, bool):
            shown = ", ".join(map(str, allowed))
            raise self.fail(
                self.at(path, key), f"harus salah satu dari {shown}", f"must be one of {shown}"
            )
        return value

    def exact_keys(self, data: dict[str, Any], keys: set[str], path: str) -> None:
        """A document with exactly these keys: an unknown key is a sign of another format."""
        extra, missing = set(data) - keys, keys - set(data)
        if extra or missing:
            detail = ", ".join(shown(key) for key in sorted(extra | missing))
            raise self.fail(
                path,
                f"kunci tidak sesuai format ({detail})",
                f"keys do not fit the format ({detail})",
            )


def format_version(manifest: Any) -> int:
    """The package format version, refused when unknown (a newer app made the package)."""
    value = manifest.get("format") if isinstance(manifest, dict) else None
    match = re.fullmatch(rf"{FORMAT_NAME}/(\d+)", value) if isinstance(value, str) else None
    if match is None:
        raise refuse(
            t(
                "manifest.json bukan manifes paket KotaCerdas",
                "manifest.json is not a KotaCerdas package manifest",
            )
        )
    version = int(match.group(1))
    if version not in SUPPORTED_VERSIONS:
        raise refuse(
            t(
                f"format paket versi {version} tidak dikenal (aplikasi ini membaca versi "
                f"{', '.join(map(str, SUPPORTED_VERSIONS))}); perbarui KotaCerdas",
                f"unknown package format version {version} (this app reads version "
                f"{', '.join(map(str, SUPPORTED_VERSIONS))}); update KotaCerdas",
            )
        )
    return version
