"""The package's two JSON documents, to and from PackageContents, checked field by field.

``manifest.json`` says what the package is (signed); ``assessment.json`` holds
the assessment, the agency, and every answer with its evidence in the fields of
domain/answer_schema.py.
"""

from __future__ import annotations

import json
from typing import Any

from kotacerdas_desktop.domain.agency_snapshot import (
    SIGNATORY_KEYS,
    agency_json,
)
from kotacerdas_desktop.domain.answer_schema import (
    ANSWER_FIELDS,
    BOOL,
    EVIDENCE_FIELDS,
    INT,
    LEVEL,
    answer_from_json,
    answer_json,
)
from kotacerdas_desktop.domain.model import (
    ROLES,
    RULES,
    STATUS_DRAFT,
    STATUS_FINALIZED,
    YEAR_MAX,
    YEAR_MIN,
    Agency,
    Answer,
    Assessment,
    Signatory,
)
from kotacerdas_desktop.domain.package import PackageContents
from kotacerdas_desktop.domain.text import shown
from kotacerdas_desktop.domain.validation import AGENCY_CODE
from kotacerdas_desktop.exchange.format import (
    ASSESSMENT,
    FORMAT,
    HEX64,
    KIND_DRAFT,
    KIND_FINAL,
    MANIFEST,
    UUID,
    Reader,
)

SIGNED_CANONICAL_VERSIONS = (2, 3)  # forms with an agency snapshot (domain/fingerprint.py)
ASSESSMENT_KEYS = (
    "uuid",
    "year",
    "revision",
    "status",
    "document_number",
    "fingerprint",
    "created_at",
    "finalized_at",
    "override_note",
    "scoring_rules",
    "agency_snapshot",
)


def assessment_document(contents: PackageContents) -> dict:
    a = contents.assessment
    return {
        "assessment": {key: getattr(a, key) for key in ASSESSMENT_KEYS},
        "agency": agency_json(contents.agency),
        "answers": [answer_json(contents.answers[code]) for code in sorted(contents.answers)],
    }


def manifest_document(contents: PackageContents, members: list[dict]) -> dict:
    a = contents.assessment
    return {
        "format": FORMAT,
        "kind": contents.kind,
        "app_version": contents.app_version,
        "created_at": contents.created_at,
        "installation": contents.installation,
        "public_key": contents.public_key.hex(),
        "agency": {
            "code": contents.agency.code,
            "name": contents.agency.name,
            "uuid": contents.agency.uuid,
        },
        "assessment": {
            "uuid": a.uuid,
            "year": a.year,
            "revision": a.revision,
            "fingerprint": a.fingerprint,
            "canonical_version": contents.canonical_version,
        },
        "framework": {
            "code": contents.catalogue_code,
            "version": contents.catalogue_version,
            "sha256": contents.catalogue_sha256,
        },
        "members": members,
    }


class ManifestReader(Reader):
    def __init__(self) -> None:
        super().__init__(MANIFEST)

    def read(self, data: Any) -> dict[str, Any]:
        """The manifest checked against format 1; returns it as parsed."""
        root = self.obj(data, "")
        self.exact_keys(
            root,
            {
                "format",
                "kind",
                "app_version",
                "created_at",
                "installation",
                "public_key",
                "agency",
                "assessment",
                "framework",
                "members",
            },
            "",
        )
        self.choice(root, "kind", "", (KIND_FINAL, KIND_DRAFT))
        self.texts(root, "", app_version=None, created_at=None, installation=UUID, public_key=HEX64)
        agency = self.obj(root.get("agency"), "agency")
        self.exact_keys(agency, {"code", "name", "uuid"}, "agency")
        self.texts(agency, "agency", code=AGENCY_CODE, name=None, uuid=UUID)
        assessment = self.obj(root.get("assessment"), "assessment")
        self.exact_keys(
            assessment,
            {"uuid", "year", "revision", "fingerprint", "canonical_version"},
            "assessment",
        )
        self.text(assessment, "uuid", "assessment", UUID)
        self.integer(assessment, "year", "assessment", YEAR_MIN, YEAR_MAX)
        self.integer(assessment, "revision", "assessment", 1, 10_000)
        self.text(assessment, "fingerprint", "assessment")
        self.choice(assessment, "canonical_version", "assessment", SIGNED_CANONICAL_VERSIONS)
        framework = self.obj(root.get("framework"), "framework")
        self.exact_keys(framework, {"code", "version", "sha256"}, "framework")
        self.texts(framework, "framework", code=None, version=None, sha256=HEX64)
        for n, raw in enumerate(self.items(root, "members", "")):
            path = self.at("members", n)
            member = self.obj(raw, path)
            self.exact_keys(member, {"name", "sha256", "size"}, path)
            self.texts(member, path, name=None, sha256=HEX64)
            self.integer(member, "size", path, 0, 2**40)
        return root


class AssessmentReader(Reader):
    def __init__(self) -> None:
        super().__init__(ASSESSMENT)

    def _value(self, field_kind: str, data: dict, key: str, path: str) -> None:
        value = data.get(key)
        valid = {
            BOOL: isinstance(value, bool),
            INT: isinstance(value, int) and not isinstance(value, bool) and value >= 0,
            LEVEL: value is None
            or (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5),
        }.get(field_kind, isinstance(value, str))
        if not valid:
            raise self.fail(self.at(path, key), "nilai tidak sah", "is not a valid value")

    def _answer(self, raw: Any, path: str) -> Answer:
        data = self.obj(raw, path)
        self.exact_keys(data, {"indicator", "evidence", *(f.name for f in ANSWER_FIELDS)}, path)
        self.text(data, "indicator", path)
        for field in ANSWER_FIELDS:
            self._value(field.kind, data, field.name, path)
        for n, item in enumerate(self.items(data, "evidence", path)):
            epath = self.at(self.at(path, "evidence"), n)
            evidence = self.obj(item, epath)
            self.exact_keys(evidence, {f.name for f in EVIDENCE_FIELDS}, epath)
            for field in EVIDENCE_FIELDS:
                self._value(field.kind, evidence, field.name, epath)
        return answer_from_json(data)

    def _agency(self, raw: Any) -> Agency:
        data = self.obj(raw, "agency")
        # The document number codes came with schema 7: optional, so older packages still read.
        codes = {"classification_code", "unit_code"} & set(data)
        self.exact_keys(
            data, {"code", "name", "address", "city", "uuid", "signatories", *codes}, "agency"
        )
        self.texts(data, "agency", code=AGENCY_CODE, name=None, address=None, city=None, uuid=UUID)
        self.texts(data, "agency", **dict.fromkeys(codes))
        signatories = self._signatories(data.get("signatories"), "agency.signatories")
        return Agency(
            data["code"],
            data["name"],
            data["address"],
            data["city"],
            signatories=signatories,
            uuid=data["uuid"],
            classification_code=data.get("classification_code", ""),
            unit_code=data.get("unit_code", ""),
        )

    def _signatories(self, raw: Any, path: str) -> dict[str, Signatory]:
        signatories = {}
        for role, value in self.obj(raw, path).items():
            place = f"{path}.{shown(role)}"
            if role not in ROLES:
                raise self.fail(place, "peran tidak dikenal", "unknown role")
            fields = self.obj(value, place)
            self.exact_keys(fields, set(SIGNATORY_KEYS), place)
            signatories[role] = Signatory(
                role, *(self.text(fields, k, place) for k in SIGNATORY_KEYS)
            )
        return signatories

    def _snapshot(self, text: str) -> None:
        """The agency as finalized, a JSON text inside the document: checked like the rest, so
        what reads it later (domain/agency_snapshot.py) meets only the shape it was written in."""
        path = "assessment.agency_snapshot"
        try:
            data = self.obj(json.loads(text), path)
        except (ValueError, RecursionError) as exc:
            raise self.fail(path, "bukan JSON yang sah", "is not valid JSON") from exc
        self.texts(data, path, code=AGENCY_CODE, name=None, address=None, city=None)
        if data.get("logo_sha256", ""):
            self.text(data, "logo_sha256", path, HEX64)
        self._signatories(data.get("signatories"), f"{path}.signatories")

    def _assessment(self, raw: Any) -> Assessment:
        data = self.obj(raw, "assessment")
        self.exact_keys(data, set(ASSESSMENT_KEYS), "assessment")
        for key in (
            "uuid",
            "document_number",
            "fingerprint",
            "created_at",
            "finalized_at",
            "override_note",
            "agency_snapshot",
        ):
            self.text(data, key, "assessment")
        self.choice(data, "status", "assessment", (STATUS_DRAFT, STATUS_FINALIZED))
        self.choice(data, "scoring_rules", "assessment", RULES)
        self.integer(data, "year", "assessment", YEAR_MIN, YEAR_MAX)
        self.integer(data, "revision", "assessment", 1, 10_000)
        if data["agency_snapshot"]:
            self._snapshot(data["agency_snapshot"])
        return Assessment(id=0, agency_code="", catalogue_id=0, **data)

    def read(self, data: Any) -> tuple[Assessment, Agency, dict[str, Answer]]:
        root = self.obj(data, "")
        self.exact_keys(root, {"assessment", "agency", "answers"}, "")
        agency = self._agency(root["agency"])
        assessment = self._assessment(root["assessment"])
        assessment.agency_code = agency.code
        answers: dict[str, Answer] = {}
        for n, raw in enumerate(self.items(root, "answers", "")):
            answer = self._answer(raw, self.at("answers", n))
            if answer.indicator_code in answers:
                raise self.fail(
                    self.at("answers", n), "indikator muncul dua kali", "indicator appears twice"
                )
            answers[answer.indicator_code] = answer
        return assessment, agency, answers
