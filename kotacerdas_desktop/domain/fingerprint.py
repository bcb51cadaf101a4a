"""The fingerprint of a finalized assessment: SHA-256 of its canonical data.

Canonical data is a JSON document with sorted keys, no insignificant
whitespace and UTF-8 text, holding what the signed sheet states: agency, year,
revision, catalogue (code, version, SHA-256 of its file), and every answer
(level or not applicable with reason, justification, follow-up, evidence
title/number/date/file hash), sorted by indicator code. Timestamps and who
typed what are left out, so the same data always gives the same fingerprint,
on any machine.

Version 2 (assessments finalized with schema 4 and later, which keep an agency
snapshot) adds the agency's address and city and every signatory (role, name,
NIP, rank, position) to the agency part, so the printed signature blocks are
covered too. Version 3 (assessments scored by the Indeks Pencapaian rules)
adds the scoring rules the printed figures follow, so the figures on the sheet
cannot be recomputed under other rules without the fingerprint noticing.
Version 1 and 2 data (older finalized files) is still computed as it was, so
their fingerprints keep verifying.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from kotacerdas_desktop.domain.answer_schema import signed_answer
from kotacerdas_desktop.domain.model import RULES_V1, Agency, Answer, Assessment

CANONICAL_VERSION = 3


def canonical_data(
    assessment: Assessment,
    agency: Agency,
    catalogue_code: str,
    catalogue_version: str,
    catalogue_sha256: str,
    answers: Mapping[str, Answer],
    version: int = CANONICAL_VERSION,
) -> dict:
    agency_part: dict = {"code": agency.code, "name": agency.name}
    if version >= 2:
        agency_part |= {
            "address": agency.address,
            "city": agency.city,
            "signatories": {
                role: {"name": s.name, "nip": s.nip, "rank": s.rank, "position": s.position}
                for role, s in sorted(agency.signatories.items())
            },
        }
    data = {
        "canonical": version,
        "agency": agency_part,
        "year": assessment.year,
        "revision": assessment.revision,
        "document_number": assessment.document_number,
        "catalogue": {
            "code": catalogue_code,
            "version": catalogue_version,
            "sha256": catalogue_sha256,
        },
        "answers": [
            signed_answer(answer, version)
            for _, answer in sorted(answers.items())
            if answer.is_answered
        ],
    }
    if version >= 3:
        data["scoring_rules"] = assessment.scoring_rules
    return data


def canonical_version(assessment: Assessment) -> int:
    """The canonical form a stored assessment's fingerprint was (or will be) made from."""
    if assessment.is_finalized and not assessment.agency_snapshot:
        return 1  # finalized before schema 4 kept an agency snapshot
    if assessment.is_finalized and assessment.scoring_rules == RULES_V1:
        return 2
    return CANONICAL_VERSION


def canonical_bytes(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def fingerprint(data: dict) -> str:
    return hashlib.sha256(canonical_bytes(data)).hexdigest()
