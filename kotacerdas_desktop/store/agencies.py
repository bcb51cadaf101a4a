"""Agencies (OPD) and their signatories."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlite_utils import Database

from kotacerdas_desktop.domain.agency_snapshot import SIGNATORY_KEYS
from kotacerdas_desktop.domain.document_number import check_classification_code, check_unit_code
from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import ROLES, Agency, Signatory
from kotacerdas_desktop.domain.nip import check_nip
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import (
    check_agency_code,
    check_agency_name,
)
from kotacerdas_desktop.store import audit
from kotacerdas_desktop.store.clock import new_uuid


def check_signatory(signatory: Signatory) -> Signatory:
    """A signatory with a normalized NIP; the NIP may be empty until the sheet is finalized."""
    if signatory.role not in ROLES:
        raise ValidationError(
            t(
                f"Peran penanda tangan {signatory.role} tidak dikenal.",
                f"Unknown signatory role {signatory.role}.",
            ),
            "role",
        )
    nip = check_nip(signatory.nip) if signatory.nip.strip() else ""
    return Signatory(
        signatory.role,
        signatory.name.strip(),
        nip,
        signatory.rank.strip(),
        signatory.position.strip(),
    )


def agency_fields(agency: Agency | None) -> dict[str, str | None]:
    """An agency as flat fields for the audit trail (the logo by its SHA-256)."""
    if agency is None:
        return {}
    fields: dict[str, str | None] = {
        "name": agency.name,
        "address": agency.address,
        "city": agency.city,
        "logo": hashlib.sha256(agency.logo).hexdigest() if agency.logo else "",
        "classification_code": agency.classification_code,
        "unit_code": agency.unit_code,
    }
    for role, s in sorted(agency.signatories.items()):
        for name in SIGNATORY_KEYS:
            fields[f"{role}.{name}"] = getattr(s, name)
    return fields


def _agency(row: dict, signatories: Iterable[dict]) -> Agency:
    agency = Agency(
        row["code"],
        row["name"],
        row["address"],
        row["city"],
        row["logo"],
        uuid=row["uuid"],
        classification_code=row["classification_code"],
        unit_code=row["unit_code"],
    )
    for s in signatories:
        agency.signatories[s["role"]] = Signatory(
            s["role"], s["name"], s["nip"], s["rank"], s["position"]
        )
    return agency


class Agencies:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, agency: Agency, actor: str | None = None) -> Agency:
        code = check_agency_code(agency.code)
        row = self._checked_row(agency)
        signatories = {role: check_signatory(s) for role, s in agency.signatories.items()}
        with self.db.atomic():
            if self.find(code) is not None:
                raise ValidationError(
                    t(f"Kode OPD {code} sudah dipakai.", f"Agency code {code} is already in use."),
                    "code",
                )
            agency.code = code
            self.db["agencies"].insert({"code": code, **row, "uuid": agency.uuid or new_uuid()})
            self._write_signatories(code, signatories)
            self._record(None, self.get(code), actor)
        return self.get(code)

    def _record(self, old: Agency | None, new: Agency, actor: str | None) -> None:
        before, after = agency_fields(old), agency_fields(new)
        audit.record(
            self.db,
            actor=actor or audit.actor(self.db),
            assessment_id=None,
            entity="agency",
            key=new.code,
            changes={name: (before.get(name), value) for name, value in after.items()},
        )

    @staticmethod
    def _checked_row(agency: Agency) -> dict:
        """The agency's own columns, checked: a name, and document number codes of the right form."""
        return {
            "name": check_agency_name(agency.name),
            "address": agency.address,
            "city": agency.city,
            "logo": agency.logo,
            "classification_code": check_classification_code(agency.classification_code),
            "unit_code": check_unit_code(agency.unit_code),
        }

    def _write_signatories(self, code: str, signatories: dict[str, Signatory]) -> None:
        for role, s in signatories.items():
            self.db["signatories"].upsert(
                {
                    "agency_code": code,
                    "role": role,
                    "name": s.name,
                    "nip": s.nip,
                    "rank": s.rank,
                    "position": s.position,
                },
                pk=("agency_code", "role"),
            )

    def update(self, agency: Agency, actor: str | None = None) -> Agency:
        """Save name, address, city, logo, document number codes and signatories of an existing
        agency in one transaction; each changed field goes to the audit trail."""
        row = self._checked_row(agency)
        signatories = {role: check_signatory(s) for role, s in agency.signatories.items()}
        with self.db.atomic():
            old = self.get(agency.code)
            self.db["agencies"].update(old.code, row)
            self._write_signatories(old.code, signatories)
            self._record(old, self.get(old.code), actor)
        return self.get(agency.code)

    def find(self, code: str) -> Agency | None:
        rows = list(self.db.query("SELECT * FROM agencies WHERE code = ?", [code.strip().upper()]))
        if not rows:
            return None
        signatories = self.db.query(
            "SELECT * FROM signatories WHERE agency_code = ?", [rows[0]["code"]]
        )
        return _agency(rows[0], signatories)

    def get(self, code: str) -> Agency:
        agency = self.find(code)
        if agency is None:
            raise NotFoundError(
                t(f"OPD dengan kode {code} tidak ditemukan.", f"No agency with code {code}."),
                "agency",
            )
        return agency

    def list(self) -> list[Agency]:
        """Every agency with its signatories, by name (two queries, however many agencies)."""
        signatories: dict[str, list[dict]] = {}
        for row in self.db.query("SELECT * FROM signatories"):
            signatories.setdefault(row["agency_code"], []).append(row)
        return [
            _agency(row, signatories.get(row["code"], []))
            for row in self.db.query("SELECT * FROM agencies ORDER BY name")
        ]

    def names(self) -> dict[str, str]:
        """Every agency's name by its code, in order of name (nothing else read: no logos)."""
        return dict(self.db.execute("SELECT code, name FROM agencies ORDER BY name").fetchall())
