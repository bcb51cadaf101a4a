"""Document number codes on the command line: `agency add/update --classification-code
--unit-code`, and `assessment finalize --document-number` checked against them."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from tests.helpers import run_cli, snapshot

YEAR = dt.date.today().year
NIP = "19800101 200501 1 001"


def stored_codes(db_path, code: str) -> tuple[str, str]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT classification_code, unit_code FROM agencies WHERE code = ?", [code]
        ).fetchone()


@pytest.fixture
def coded(capsys, db_path):
    code, out, _ = run_cli(
        capsys,
        db_path,
        "agency",
        "add",
        "DLH",
        "Dinas Lingkungan Hidup",
        "--head-name",
        "Bambang Wicaksono",
        "--head-nip",
        NIP,
        "--classification-code",
        "050",
        "--unit-code",
        "417.302",
    )
    assert code == 0
    assert "pola nomor dokumen 050/nomor urut/417.302/tahun" in out
    return db_path


def test_add_stores_the_codes_and_list_shows_them(capsys, coded):
    assert stored_codes(coded, "DLH") == ("050", "417.302")
    listed = json.loads(run_cli(capsys, coded, "agency", "list", "--json")[1])
    assert (listed[0]["classification_code"], listed[0]["unit_code"]) == ("050", "417.302")
    _, table, _ = run_cli(capsys, coded, "agency", "list")
    assert "050/…/417.302/…" in table


def test_update_changes_only_what_is_given(capsys, coded):
    code, out, _ = run_cli(capsys, coded, "agency", "update", "DLH", "--unit-code", "Dlh")
    assert code == 0 and "050/nomor urut/Dlh/tahun" in out
    assert stored_codes(coded, "DLH") == ("050", "Dlh")
    with sqlite3.connect(coded) as conn:
        name, head = conn.execute(
            "SELECT a.name, s.name FROM agencies a JOIN signatories s ON s.agency_code = a.code "
            "WHERE a.code = 'DLH' AND s.role = 'approved'"
        ).fetchone()
    assert (name, head) == ("Dinas Lingkungan Hidup", "Bambang Wicaksono")
    run_cli(capsys, coded, "agency", "update", "DLH", "--classification-code", "")
    assert stored_codes(coded, "DLH") == ("", "Dlh")  # empty: back to the default 000


def finalize(number: str) -> list[str]:
    """`assessment finalize 1` of an incomplete assessment, with a typed number."""
    return ["assessment", "finalize", "1", "--override", "uji", "--document-number", number]


BAD = [
    (["agency", "update", "DLH", "--classification-code", "5O"], 'Kode klasifikasi "5O" tidak sah'),
    (["agency", "update", "DLH", "--unit-code", "417/302"], 'Kode unit "417/302" tidak sah'),
    (["agency", "add", "DINKES", "Dinas Kesehatan", "--unit-code", "Dinkes Kota"], "tanpa spasi"),
    (["agency", "update", "DINASX", "--unit-code", "1"], "OPD dengan kode DINASX tidak ditemukan"),
    (
        finalize("SC/DLH/2026/R1"),
        "tidak mengikuti pola kode klasifikasi/nomor urut/kode unit/tahun",
    ),
    (finalize(f"050/3/417.302/{YEAR + 1}"), f"tahun nomor harus {YEAR}"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_codes_and_numbers_are_refused_and_nothing_changes(capsys, coded, args, message):
    assert run_cli(capsys, coded, "assessment", "new", "DLH", "2026")[0] == 0
    before = snapshot(coded)
    code, _, err = run_cli(capsys, coded, *args)
    assert code == 2 and message in err
    assert snapshot(coded) == before


def test_finalize_proposes_the_next_serial_or_takes_a_typed_number(capsys, coded):
    run_cli(capsys, coded, "assessment", "new", "DLH", "2025")
    run_cli(capsys, coded, "assessment", "new", "DLH", "2026")
    code, out, _ = run_cli(capsys, coded, *finalize(f"050/17/417.302/{YEAR}"))
    assert code == 0 and f"Nomor dokumen: 050/17/417.302/{YEAR}" in out
    code, out, _ = run_cli(capsys, coded, "assessment", "finalize", "2", "--override", "uji")
    assert code == 0 and f"Nomor dokumen: 050/18/417.302/{YEAR}" in out
    shown = json.loads(run_cli(capsys, coded, "assessment", "show", "2", "--json")[1])
    assert shown["document_number"] == f"050/18/417.302/{YEAR}"
