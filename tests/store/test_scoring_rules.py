"""Sheets finalized before Indeks Pencapaian keep verifying and reprint the figures that were
signed; everything else is scored by the current rules, the same on every surface."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing

import pytest

from kotacerdas_desktop.domain.agency_snapshot import snapshot_json
from kotacerdas_desktop.domain.catalogue_file import load_catalogue_text, read_catalogue_text
from kotacerdas_desktop.domain.fingerprint import canonical_data, fingerprint
from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    RULES_CURRENT,
    RULES_V1,
    Agency,
    Answer,
    Assessment,
    Signatory,
)
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.reports.indonesian import sheet_figure
from kotacerdas_desktop.reports.sheet import render_sheet
from kotacerdas_desktop.resources import bundled_catalogues
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.schema import migrate
from tests.reports.reading import full_text

HEAD = Signatory(ROLE_APPROVED, "Rina Kusumawati, S.T.", "197303152000032004", "Pembina (IV/a)")


def _level(indicator) -> int:
    """Impact indicators at 5, the rest at 3: the lens index and the dimension mean differ."""
    return 5 if indicator.lens == "impact" else 3


def schema4_file_with_a_finalized_sheet(path):
    """A file as the previous release left it: schema 4, one finalized and one draft assessment."""
    file = next(f for f in bundled_catalogues() if f.name == "smartcity-2026.1.json")
    text = read_catalogue_text(file)
    catalogue = load_catalogue_text(text, file.name)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    agency = Agency(
        "DISHUB", "Dinas Perhubungan", city="Kota Mojokerto", signatories={ROLE_APPROVED: HEAD}
    )
    answers = {
        i.code: Answer(i.code, level=_level(i), justification="Rutin.")
        for i in catalogue.indicators()
    }
    final = Assessment(1, "DISHUB", 2025, 1, status="finalized", document_number="050/7/417.3/2025")
    snapshot = snapshot_json(agency, agency.city, "")
    final.agency_snapshot = snapshot
    digest = fingerprint(
        canonical_data(final, agency, catalogue.code, catalogue.version, sha, answers, version=2)
    )
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        migrate(conn, target=4)
        conn.execute(
            "INSERT INTO catalogues (id, code, version, name, body, sha256, imported_at) VALUES (1, ?, ?, ?, ?, ?, '2025-01-01')",
            [catalogue.code, catalogue.version, catalogue.name.id, text, sha],
        )
        conn.execute(
            "INSERT INTO agencies (code, name, city) VALUES ('DISHUB', 'Dinas Perhubungan', 'Kota Mojokerto')"
        )
        conn.execute(
            "INSERT INTO signatories (agency_code, role, name, nip, rank) VALUES ('DISHUB', 'approved', ?, ?, ?)",
            [HEAD.name, HEAD.nip, HEAD.rank],
        )
        for assessment_id, year, status in ((1, 2025, "draft"), (2, 2026, "draft")):
            conn.execute(
                "INSERT INTO assessments (id, agency_code, year, catalogue_id, status, created_at) VALUES (?, 'DISHUB', ?, 1, ?, '2025-01-01')",
                [assessment_id, year, status],
            )
            conn.executemany(
                "INSERT INTO answers (assessment_id, indicator_code, level, justification) VALUES (?, ?, ?, ?)",
                [
                    (assessment_id, a.indicator_code, a.level, a.justification)
                    for a in answers.values()
                ],
            )
        conn.execute(
            "UPDATE assessments SET status = 'finalized', fingerprint = ?, agency_snapshot = ?, document_number = ?, finalized_at = '2025-12-01T10:00:00+07:00' WHERE id = 1",
            [digest, snapshot, final.document_number],
        )
    return catalogue, answers, digest


@pytest.fixture
def upgraded(tmp_path):
    path = tmp_path / "kotacerdas.sqlite"
    catalogue, answers, digest = schema4_file_with_a_finalized_sheet(path)
    with Store.open(path) as store:
        yield store, catalogue, answers, digest


def test_a_sheet_signed_under_the_old_rules_reprints_its_figures_and_verifies(upgraded, tmp_path):
    store, catalogue, answers, digest = upgraded
    old = store.assessments.get(1)
    assert old.scoring_rules == RULES_V1 and old.fingerprint == digest
    signed = score(catalogue, answers, rules=RULES_V1, final=True)
    current = score(catalogue, answers, final=True)
    assert sheet_figure(signed.index) != sheet_figure(current.index)  # the rules really differ
    assert store.assessments.scores(1).index == signed.index
    verification = store.lifecycle.verify(digest)
    assert verification is not None and verification.intact
    text = full_text(render_sheet(store, 1, tmp_path / "old.pdf"))
    assert f"INDEKS PENILAIAN MANDIRI SMART CITY {sheet_figure(signed.index)}" in text
    assert "aturan penilaian yang berlaku saat lembar ini difinalisasi (aturan versi 1)" in text
    assert "Lensa Evaluasi" not in text


def test_a_draft_moves_to_the_current_rules_and_finalizes_under_them(upgraded):
    store, catalogue, answers, _ = upgraded
    draft = store.assessments.get(2)
    assert draft.scoring_rules == RULES_CURRENT
    assert store.assessments.scores(2).index == score(catalogue, answers).index
    final = store.lifecycle.finalize(2)
    data = store.lifecycle.canonical(final)
    assert data["canonical"] == 3 and data["scoring_rules"] == RULES_CURRENT
    assert store.lifecycle.verify(final.fingerprint).intact


def test_changing_the_rules_of_a_finalized_sheet_is_refused(upgraded, tmp_path):
    store, *_ = upgraded
    with closing(sqlite3.connect(store.path)) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE assessments SET scoring_rules = 2 WHERE id = 1")
