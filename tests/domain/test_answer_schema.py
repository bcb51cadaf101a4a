"""The one list of answer fields (domain/answer_schema.py) is the list everywhere: a field
added to the model, a table, the JSON or the fingerprint and not to the list fails here."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from contextlib import closing
from dataclasses import replace

import pytest

from kotacerdas_desktop.domain.answer_schema import (
    ANSWER_FIELDS,
    ANSWER_NAMES,
    EVIDENCE_FIELDS,
    EVIDENCE_NAMES,
    answer_from_json,
    answer_json,
)
from kotacerdas_desktop.domain.fingerprint import CANONICAL_VERSION, canonical_data, fingerprint
from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    Agency,
    Answer,
    Assessment,
    Evidence,
    Signatory,
)
from tests.helpers import run_cli

HEAD = Signatory(
    ROLE_APPROVED, "Dewi Lestari Ningsih, S.Sos.", "197502102000032003", "Pembina Tk. I (IV/b)"
)


def _names(cls, *left_out: str) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - set(left_out)


def test_the_model_holds_exactly_the_listed_fields():
    assert _names(Answer, "indicator_code", "evidence") == set(ANSWER_NAMES)
    assert _names(Evidence, "id") == set(EVIDENCE_NAMES)


def test_the_tables_hold_exactly_the_listed_fields(store):
    with closing(sqlite3.connect(store.path)) as conn:
        answers = {row[1] for row in conn.execute("PRAGMA table_info(answers)")}
        evidence = {row[1] for row in conn.execute("PRAGMA table_info(evidence)")}
    assert answers - {"assessment_id", "indicator_code"} == set(ANSWER_NAMES)
    assert evidence - {"id", "assessment_id", "indicator_code", "position"} == set(EVIDENCE_NAMES)


def _every_field_set(code: str) -> Answer:
    """An answer whose every field differs from its default."""
    values = {"level": 3, "not_applicable": False, "review_flag": True}
    answer = Answer(code, **{f.name: values.get(f.name, f"{f.name} diisi") for f in ANSWER_FIELDS})
    answer.evidence = [Evidence("SK Tim", "800/12/417.302/2026", "2026-02-03")]
    return answer


def test_json_carries_every_field_and_reads_back(store, capsys):
    store.agencies.add(Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika"))
    assessment = store.assessments.new("DISKOMINFO", 2026)
    code = next(store.assessments.catalogue_of(assessment).indicators()).code
    store.assessments.save_answer(assessment.id, _every_field_set(code))
    store.evidence.add(assessment.id, code, Evidence("SK Tim"), content=b"isi")
    _, out, _ = run_cli(capsys, store.path, "assessment", "show", str(assessment.id), "--json")
    (shown,) = json.loads(out)["answers"]
    assert set(shown) == {"indicator", "evidence", *ANSWER_NAMES}
    assert set(shown["evidence"][0]) == set(EVIDENCE_NAMES)
    stored = store.assessments.answer(assessment.id, code)
    stored.evidence = [replace(e, id=None) for e in stored.evidence]
    assert answer_from_json(shown) == stored


def test_reopen_copies_every_field(store):
    store.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup", signatories={ROLE_APPROVED: HEAD}))
    draft = store.assessments.new("DLH", 2026)
    codes = [i.code for i in store.assessments.catalogue_of(draft).indicators()]
    for code in codes:
        store.assessments.save_answer(draft.id, _every_field_set(code), actor="operator-dlh")
    store.evidence.add(draft.id, codes[0], Evidence("Notulen", "005/4/417.308/2026"), content=b"x")
    final = store.lifecycle.finalize(draft.id)
    revision = store.lifecycle.reopen(final.id)

    def every_field(assessment_id):  # local evidence ids are not among the fields
        return {c: answer_json(a) for c, a in store.assessments.answers(assessment_id).items()}

    assert every_field(revision.id) == every_field(final.id)
    assert store.assessments.answer(revision.id, codes[0]).changed_by == "operator-dlh"


def _other(name: str, value: object) -> object:
    if name == "level":
        return 4
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    return f"{value} diubah"


@pytest.mark.parametrize("field", ANSWER_FIELDS + EVIDENCE_FIELDS, ids=lambda f: f.name)
def test_the_fingerprint_covers_exactly_the_signed_fields(field):
    assessment = Assessment(1, "DLH", 2026, 1)
    agency = Agency("DLH", "Dinas Lingkungan Hidup")
    answer = _every_field_set("GOV.PUB.01")

    def digest(a: Answer) -> str:
        data = canonical_data(
            assessment, agency, "SMARTCITY", "2026.1", "ab" * 32, {a.indicator_code: a}
        )
        return fingerprint(data)

    changed = _every_field_set("GOV.PUB.01")
    target = changed if field in ANSWER_FIELDS else changed.evidence[0]
    setattr(target, field.name, _other(field.name, getattr(target, field.name)))
    assert (digest(changed) != digest(answer)) == field.signed(CANONICAL_VERSION)


def test_the_package_carries_every_field(demo_store, tmp_path):
    import zipfile

    from kotacerdas_desktop.exchange.export import export_package

    final = demo_store.assessments.current("DISKOMINFO", 2025)
    path = export_package(demo_store, final.id, tmp_path / "p.kcpkg")
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("assessment.json"))
    answer = next(a for a in document["answers"] if a["evidence"])
    assert set(answer) == {"indicator", "evidence", *ANSWER_NAMES}
    assert set(answer["evidence"][0]) == set(EVIDENCE_NAMES)
