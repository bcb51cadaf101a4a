"""Agencies, signatories, assessments, answers and evidence: what the store keeps."""

from __future__ import annotations

from dataclasses import dataclass, field

from kotacerdas_desktop.domain.text import LocalText, t

STATUS_DRAFT = "draft"
STATUS_FINALIZED = "finalized"
# The stored status is a code (JSON and packages keep it); people read these words.
STATUS_TEXT = {STATUS_DRAFT: t("draf", "draft"), STATUS_FINALIZED: t("final", "final")}

ROLE_PREPARED = "prepared"  # disiapkan oleh: the operator
ROLE_REVIEWED = "reviewed"  # diperiksa oleh: the verifier
ROLE_APPROVED = "approved"  # mengetahui/menyetujui: Kepala OPD
ROLES = (ROLE_PREPARED, ROLE_REVIEWED, ROLE_APPROVED)

# The scoring rules an assessment's figures follow (docs/scoring.md): 1 for sheets
# finalized before Indeks Pencapaian (index = mean of dimensions), which keep
# printing the figures that were signed; 2, the current rules, for every other.
RULES_V1 = 1
RULES_CURRENT = 2
RULES = (RULES_V1, RULES_CURRENT)

YEAR_MIN = 2000
YEAR_MAX = 2100


@dataclass
class Signatory:
    role: str
    name: str = ""
    nip: str = ""
    rank: str = ""  # pangkat/golongan, e.g. "Pembina Tk. I (IV/b)"
    position: str = ""  # jabatan


@dataclass
class Agency:
    code: str
    name: str
    address: str = ""
    city: str = ""  # e.g. "Kota Mojokerto"; the sheet's place line uses it
    logo: bytes | None = None
    signatories: dict[str, Signatory] = field(default_factory=dict)
    uuid: str = ""  # created once, travels in packages; the code is what people type
    # The two codes of its document numbers (domain/document_number.py); empty: the defaults.
    classification_code: str = ""  # kode klasifikasi arsip, e.g. "050"
    unit_code: str = ""  # kode unit, e.g. "417.302"

    @property
    def head(self) -> Signatory | None:
        return self.signatories.get(ROLE_APPROVED)


@dataclass
class Evidence:
    """A supporting document (bukti dukung): title, number, date, optional attached file."""

    title: str
    number: str = ""
    date: str = ""  # ISO date YYYY-MM-DD, or empty
    file_name: str = ""
    sha256: str = ""
    size: int = 0
    id: int | None = None


@dataclass
class Answer:
    indicator_code: str
    level: int | None = None
    not_applicable: bool = False
    na_reason: str = ""
    justification: str = ""
    follow_up: str = ""
    review_flag: bool = False
    review_comment: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    changed_by: str = ""
    changed_at: str = ""

    @property
    def is_answered(self) -> bool:
        return self.not_applicable or self.level is not None


@dataclass
class Assessment:
    id: int
    agency_code: str
    year: int
    catalogue_id: int
    status: str = STATUS_DRAFT
    revision: int = 1
    previous_id: int | None = None
    document_number: str = ""
    fingerprint: str = ""
    created_at: str = ""
    finalized_at: str = ""
    override_note: str = ""
    agency_snapshot: str = (
        ""  # JSON of the agency and signatories as finalized (see agency_snapshot.py)
    )
    scoring_rules: int = RULES_CURRENT
    uuid: str = ""  # created once per revision, travels in packages; ``id`` stays local

    @property
    def status_text(self) -> LocalText:
        """ "draf" / "final" (English "draft" / "final") for tables and messages."""
        return STATUS_TEXT[self.status]

    @property
    def is_finalized(self) -> bool:
        return self.status == STATUS_FINALIZED
