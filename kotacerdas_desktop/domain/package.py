"""What one exchange package holds, once verified: pure data the store imports in one go.

The exchange layer reads and checks the zip (kotacerdas_desktop/exchange/); the
store writes this record in one transaction (store/imports.py). Local integer
ids never travel: agencies and assessments are known by their UUIDs.
"""

from __future__ import annotations

from dataclasses import dataclass

from kotacerdas_desktop.domain.model import Agency, Answer, Assessment
from kotacerdas_desktop.domain.text import LocalText


@dataclass(frozen=True)
class PackageContents:
    kind: str  # "final" (counted) or "draft" (a backup, never counted)
    app_version: str
    created_at: str
    installation: str  # UUID of the installation that made it
    public_key: bytes  # its Ed25519 key
    agency: Agency  # the agency's details when exported (with its UUID)
    assessment: Assessment  # id 0: the importing file gives it a local id
    canonical_version: int
    catalogue_code: str
    catalogue_version: str
    catalogue_sha256: str
    catalogue_text: str  # the framework file exactly as the agency stored it
    answers: dict[str, Answer]
    attachments: dict[str, bytes]  # SHA-256 -> content: evidence files and the logo


@dataclass(frozen=True)
class PackageFile:
    """A verified package and where it came from."""

    contents: PackageContents
    file_name: str
    sha256: str  # of the whole file, remembered with the import


IMPORTED = "imported"  # new to this file
SUPERSEDED = "superseded"  # imported, and now the agency's current revision over an older one
ALREADY = "already"  # this very assessment was imported before: nothing changed
REFUSED = "refused"  # nothing stored; ``reason`` says why
NEEDS_KEY = "key"  # refused until the coordinator accepts the agency's new signing key
NEEDS_CATALOGUE = "catalogue"  # refused until the coordinator imports the framework it carries


OUTCOME_TEXT = {
    IMPORTED: LocalText("diimpor", "imported"),
    SUPERSEDED: LocalText(
        "diimpor, menggantikan revisi lama", "imported, supersedes an older revision"
    ),
    ALREADY: LocalText("sudah ada", "already here"),
    REFUSED: LocalText("ditolak", "refused"),
}


@dataclass(frozen=True)
class ImportOutcome:
    file_name: str
    outcome: str
    reason: LocalText | None = None
    agency_code: str = ""
    year: int | None = None
    revision: int | None = None
    assessment_id: int | None = None  # the local id, when stored
    needs: str | None = None  # NEEDS_KEY or NEEDS_CATALOGUE: the user may accept and try again

    @property
    def stored(self) -> bool:
        return self.outcome in (IMPORTED, SUPERSEDED)
