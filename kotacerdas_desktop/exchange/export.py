"""`kotacerdas export` and File > Ekspor paket: one assessment to one signed package file.

A finalized assessment exports for counting; a draft exports too, as a backup
that says so in its name and manifest, and the coordinator never counts it.
"""

from __future__ import annotations

from pathlib import Path

from kotacerdas_desktop import __version__
from kotacerdas_desktop.domain.agency_snapshot import snapshot_logo_sha256
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.fingerprint import canonical_version
from kotacerdas_desktop.domain.model import Assessment
from kotacerdas_desktop.domain.package import PackageContents
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.exchange.format import KIND_DRAFT, KIND_FINAL, SUFFIX
from kotacerdas_desktop.exchange.package import build_package
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.clock import now
from kotacerdas_desktop.store.integrity import Integrity
from kotacerdas_desktop.store.outputs import PACKAGE, write_output


def package_file_name(assessment: Assessment) -> str:
    """ "paket-DISKOMINFO-2026-r1.kcpkg"; a draft's name says DRAF."""
    draft = "" if assessment.is_finalized else "-DRAF-cadangan"
    return f"paket-{assessment.agency_code}-{assessment.year}-r{assessment.revision}{draft}{SUFFIX}"


def package_contents(store: Store, assessment_id: int) -> PackageContents:
    """Everything the package of one assessment holds, read from the store."""
    assessment = store.assessments.get(assessment_id)
    if store.imports.is_imported(assessment.id):
        raise ValidationError(
            t(
                f"Penilaian #{assessment.id} diimpor dari paket; hanya OPD pemiliknya yang mengekspornya.",
                f"Assessment #{assessment.id} was imported from a package; only its agency exports it.",
            ),
            field="assessment",
        )
    version = canonical_version(assessment)
    if assessment.is_finalized and version < 2:
        raise ValidationError(
            t(
                f"Penilaian #{assessment.id} difinalisasi oleh versi lama yang belum menyimpan data OPD "
                "saat finalisasi; buka sebagai revisi baru dan finalisasi ulang untuk mengekspornya.",
                f"Assessment #{assessment.id} was finalized by an old version that did not keep the agency "
                "as finalized; reopen it as a new revision and finalize again to export it.",
            ),
            field="assessment",
        )
    answers = store.assessments.answers(assessment.id)
    if assessment.is_finalized:
        Integrity(store.lifecycle).require(
            assessment,
            t("Paketnya tidak dibuat.", "Its package is not made."),
            answers=answers,
        )
    info = store.catalogues.info(assessment.catalogue_id)
    shas = {e.sha256 for answer in answers.values() for e in answer.evidence if e.sha256}
    if assessment.agency_snapshot and snapshot_logo_sha256(assessment.agency_snapshot):
        shas.add(snapshot_logo_sha256(assessment.agency_snapshot))
    return PackageContents(
        kind=KIND_FINAL if assessment.is_finalized else KIND_DRAFT,
        app_version=__version__,
        created_at=now(),
        installation=store.installation.id,
        public_key=store.installation.public_key,
        agency=store.agencies.get(assessment.agency_code),
        assessment=assessment,
        canonical_version=version,
        catalogue_code=info.code,
        catalogue_version=info.version,
        catalogue_sha256=info.sha256,
        catalogue_text=store.catalogues.body(assessment.catalogue_id),
        answers=answers,
        attachments={sha: store.evidence.content(sha) for sha in sorted(shas)},
    )


def export_package(store: Store, assessment_id: int, out: Path) -> Path:
    """Write the signed package of one assessment to ``out`` (whole or not at all)."""
    contents = package_contents(store, assessment_id)
    seed, _ = store.installation.key_pair()
    write_output(build_package(contents, seed), Path(out), PACKAGE, store.path)
    return Path(out)
