"""Writing a package, and reading one back verified completely before anything uses it.

``read_package`` refuses (PackageError, with the reason) a file that is not a
whole zip, has an unknown format, a missing, extra or repeated member, an
unsafe name, sizes or ratios over the limits, a hash that does not match, a
bad signature, JSON that does not fit the format, a framework file that is not
the one declared, or a finalized assessment whose data does not give its
fingerprint. What it returns is safe for the store to import.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from functools import lru_cache
from pathlib import Path

from kotacerdas_desktop.domain.agency_snapshot import agency_from_snapshot, snapshot_logo_sha256
from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.catalogue_file import load_catalogue_text
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.fingerprint import canonical_data, fingerprint
from kotacerdas_desktop.domain.package import PackageContents, PackageFile
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_answer
from kotacerdas_desktop.exchange import safezip
from kotacerdas_desktop.exchange.documents import (
    AssessmentReader,
    ManifestReader,
    assessment_document,
    manifest_document,
)
from kotacerdas_desktop.exchange.format import (
    ASSESSMENT,
    ATTACHMENTS,
    CATALOGUE,
    FIXED_MEMBERS,
    KIND_FINAL,
    MANIFEST,
    MAX_ASSESSMENT_BYTES,
    MAX_CATALOGUE_BYTES,
    MAX_MANIFEST_BYTES,
    SIGNATURE,
    SIGNATURE_BYTES,
    format_version,
    package_json,
    strict_json,
)
from kotacerdas_desktop.exchange.safezip import refuse
from kotacerdas_desktop.exchange.signing import check_signature, sign


def build_package(contents: PackageContents, seed: bytes) -> bytes:
    """The package's bytes: documents, framework file and attachments, the manifest signed."""
    files = {
        ASSESSMENT: package_json(assessment_document(contents)),
        CATALOGUE: contents.catalogue_text.encode("utf-8"),
        **{f"{ATTACHMENTS}{sha}": data for sha, data in sorted(contents.attachments.items())},
    }
    members = [
        {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in files.items()
    ]
    manifest = package_json(manifest_document(contents, members))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest)
        archive.writestr(SIGNATURE, sign(seed, manifest))
        for name, data in files.items():
            # Evidence files are PDFs, photos and office documents: compressed already.
            stored = name.startswith(ATTACHMENTS)
            archive.writestr(name, data, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(safezip.CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check_members(found: dict[str, safezip.Member], declared: list[dict]) -> None:
    names = [m["name"] for m in declared]
    if len(set(names)) != len(names):
        raise refuse(t("manifes menyebut satu berkas dua kali", "the manifest lists a file twice"))
    for member in declared:
        name = member["name"]
        safezip.check_name(name)
        if name.startswith(ATTACHMENTS) and name != f"{ATTACHMENTS}{member['sha256']}":
            raise refuse(
                t(
                    f"{name}: nama lampiran harus hash isinya",
                    f"{name}: an attachment is named by its hash",
                )
            )
        if name in (MANIFEST, SIGNATURE) or not (
            name in FIXED_MEMBERS or name.startswith(ATTACHMENTS)
        ):
            raise refuse(
                t(
                    f"manifes menyebut berkas asing {name}",
                    f"the manifest lists a foreign file {name}",
                )
            )
    expected = {MANIFEST, SIGNATURE, *names}
    missing = sorted(expected - set(found) | {ASSESSMENT, CATALOGUE} - set(names))
    extra = sorted(set(found) - expected)
    if missing:
        raise refuse(
            t(
                f"berkas hilang dari paket: {', '.join(missing)}",
                f"files missing from the package: {', '.join(missing)}",
            )
        )
    if extra:
        raise refuse(
            t(
                f"berkas tambahan yang tidak disebut manifes: {', '.join(extra)}",
                f"extra files the manifest does not list: {', '.join(extra)}",
            )
        )


def _read_declared(
    archive: zipfile.ZipFile, found: dict[str, safezip.Member], declared: list[dict]
) -> dict[str, bytes]:
    limits = {ASSESSMENT: MAX_ASSESSMENT_BYTES, CATALOGUE: MAX_CATALOGUE_BYTES}
    contents = {}
    for member in declared:
        name = member["name"]
        if found[name].size != member["size"]:
            raise refuse(
                t(
                    f"ukuran {name} tidak sesuai manifes",
                    f"the size of {name} differs from the manifest",
                )
            )
        data, sha = safezip.read_member(
            archive, found[name], limits.get(name, safezip.MAX_MEMBER_BYTES)
        )
        if sha != member["sha256"]:
            raise refuse(
                t(
                    f"hash {name} tidak cocok dengan manifes (isi diubah atau rusak)",
                    f"the hash of {name} does not match the manifest (changed or damaged)",
                )
            )
        contents[name] = data
    return contents


@lru_cache(maxsize=8)
def _catalogue(text: str) -> Catalogue:
    """A framework file parsed once per import run: 60 packages usually carry the same one."""
    return load_catalogue_text(text, CATALOGUE)


def _cross_check(manifest: dict, contents: PackageContents) -> None:
    """The signed manifest and the documents must say the same; the data must give the fingerprint."""
    a, agency = contents.assessment, contents.agency
    said = manifest["assessment"]
    if (said["uuid"], said["year"], said["revision"], said["fingerprint"]) != (
        a.uuid,
        a.year,
        a.revision,
        a.fingerprint,
    ) or (manifest["agency"]["code"], manifest["agency"]["uuid"]) != (agency.code, agency.uuid):
        raise refuse(
            t(
                "manifes dan assessment.json tidak sesuai",
                "the manifest and assessment.json disagree",
            )
        )
    if (manifest["kind"] == KIND_FINAL) != a.is_finalized or (
        a.is_finalized and not a.agency_snapshot
    ):
        raise refuse(
            t(
                "jenis paket tidak sesuai status penilaian",
                "the package kind does not fit the assessment's status",
            )
        )
    catalogue = _catalogue(contents.catalogue_text)
    if (catalogue.code, catalogue.version) != (contents.catalogue_code, contents.catalogue_version):
        raise refuse(
            t(
                "catalogue.json bukan kerangka yang disebut manifes",
                "catalogue.json is not the framework the manifest names",
            )
        )
    needed = {e.sha256 for answer in contents.answers.values() for e in answer.evidence if e.sha256}
    logo = snapshot_logo_sha256(a.agency_snapshot) if a.agency_snapshot else ""
    if logo:
        needed.add(logo)
    if needed - set(contents.attachments):
        raise refuse(
            t(
                "lampiran bukti dukung hilang dari paket",
                "evidence files are missing from the package",
            )
        )
    for answer in contents.answers.values():
        try:
            check_answer(catalogue, answer)
        except ValidationError as exc:
            raise refuse(
                t(
                    f"jawaban tidak sah: {exc.message.id}",
                    f"an answer is not valid: {exc.message.get('en')}",
                )
            ) from exc
    if a.is_finalized:
        data = canonical_data(
            a,
            agency_from_snapshot(a.agency_snapshot, None),
            contents.catalogue_code,
            contents.catalogue_version,
            contents.catalogue_sha256,
            contents.answers,
            version=contents.canonical_version,
        )
        if fingerprint(data) != a.fingerprint:
            raise refuse(
                t(
                    "data penilaian tidak menghasilkan sidik jarinya (diubah setelah finalisasi)",
                    "the assessment's data does not give its fingerprint (changed after finalizing)",
                )
            )


def read_package(path: Path) -> PackageFile:
    """Verify a package file completely and return what it holds (PackageError if refused)."""
    path = Path(path)
    with safezip.open_zip(path) as archive:
        found = safezip.members(archive)
        for name in (MANIFEST, SIGNATURE):
            if name not in found:
                raise refuse(
                    t(f"{name} tidak ada di dalam paket", f"{name} is missing from the package")
                )
        manifest_bytes, _ = safezip.read_member(archive, found[MANIFEST], MAX_MANIFEST_BYTES)
        manifest = strict_json(manifest_bytes, MANIFEST)
        format_version(manifest)
        manifest = ManifestReader().read(manifest)
        signature, _ = safezip.read_member(archive, found[SIGNATURE], SIGNATURE_BYTES)
        public_key = bytes.fromhex(manifest["public_key"])
        check_signature(public_key, signature, manifest_bytes)
        _check_members(found, manifest["members"])
        files = _read_declared(archive, found, manifest["members"])
    assessment, agency, answers = AssessmentReader().read(
        strict_json(files[ASSESSMENT], ASSESSMENT)
    )
    try:
        catalogue_text = files[CATALOGUE].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(
            t("catalogue.json bukan teks UTF-8", "catalogue.json is not UTF-8 text")
        ) from exc
    framework = manifest["framework"]
    if hashlib.sha256(files[CATALOGUE]).hexdigest() != framework["sha256"]:
        raise refuse(
            t(
                "catalogue.json bukan berkas kerangka yang disebut manifes",
                "catalogue.json is not the framework file the manifest names",
            )
        )
    contents = PackageContents(
        kind=manifest["kind"],
        app_version=manifest["app_version"],
        created_at=manifest["created_at"],
        installation=manifest["installation"],
        public_key=public_key,
        agency=agency,
        assessment=assessment,
        canonical_version=manifest["assessment"]["canonical_version"],
        catalogue_code=framework["code"],
        catalogue_version=framework["version"],
        catalogue_sha256=framework["sha256"],
        catalogue_text=catalogue_text,
        answers=answers,
        attachments={
            name[len(ATTACHMENTS) :]: data
            for name, data in files.items()
            if name.startswith(ATTACHMENTS)
        },
    )
    try:
        _cross_check(manifest, contents)
    except ValidationError as exc:
        if isinstance(exc, safezip.PackageError):
            raise
        raise refuse(
            t(f"catalogue.json: {exc.message.id}", f"catalogue.json: {exc.message.get('en')}")
        ) from exc
    return PackageFile(contents, path.name, _file_sha256(path))
