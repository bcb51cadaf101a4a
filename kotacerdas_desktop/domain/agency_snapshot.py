"""The agency as it was at finalization: name, address, city, logo hash and signatories.

A finalized assessment stores this JSON beside itself, so its sheet states
(and its fingerprint covers) the signatories who signed, even after the
agency is renamed or its head is replaced.
"""

from __future__ import annotations

import json

from kotacerdas_desktop.domain.model import Agency, Signatory

SIGNATORY_KEYS = ("name", "nip", "rank", "position")


def signatories_json(agency: Agency) -> dict[str, dict[str, str]]:
    return {
        role: {key: getattr(s, key) for key in SIGNATORY_KEYS}
        for role, s in sorted(agency.signatories.items())
    }


def agency_json(agency: Agency) -> dict:
    """An agency's details as JSON: the command line's `agency list --json` and packages."""
    return {
        "code": agency.code,
        "name": agency.name,
        "address": agency.address,
        "city": agency.city,
        "uuid": agency.uuid,
        "classification_code": agency.classification_code,
        "unit_code": agency.unit_code,
        "signatories": signatories_json(agency),
    }


def snapshot_json(agency: Agency, city: str, logo_sha256: str) -> str:
    return json.dumps(
        {
            "code": agency.code,
            "name": agency.name,
            "address": agency.address,
            "city": city,
            "logo_sha256": logo_sha256,
            "signatories": signatories_json(agency),
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def agency_from_snapshot(text: str, logo: bytes | None) -> Agency:
    data = json.loads(text)
    return Agency(
        code=data["code"],
        name=data["name"],
        address=data["address"],
        city=data["city"],
        logo=logo,
        signatories={
            role: Signatory(role, **fields) for role, fields in data["signatories"].items()
        },
    )


def snapshot_logo_sha256(text: str) -> str:
    return json.loads(text).get("logo_sha256", "")
