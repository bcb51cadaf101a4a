"""The Tata Naskah Dinas document number: the pattern, its parts checked one by one, the next serial."""

from __future__ import annotations

import pytest

from kotacerdas_desktop.domain.document_number import (
    NumberPattern,
    check_classification_code,
    check_unit_code,
    next_serial,
    pattern_of,
)
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Agency

PATTERN = NumberPattern("050", "417.302")


def test_the_pattern_and_its_defaults():
    assert PATTERN.format(123, 2026) == "050/123/417.302/2026"
    assert PATTERN.open_number(2026) == "050/…/417.302/2026"
    assert pattern_of(Agency("DISKOMINFO", "Dinas")) == NumberPattern("000", "DISKOMINFO")
    coded = Agency("DISKOMINFO", "Dinas", classification_code="000.8.3", unit_code="Diskominfo")
    assert pattern_of(coded) == NumberPattern("000.8.3", "Diskominfo")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("050/123/417.302/2026", "050/123/417.302/2026"),
        (" 050 / 7 / 417.302 / 2026 ", "050/7/417.302/2026"),
        ("050/007/417.302/2026", "050/007/417.302/2026"),  # as the register writes it
    ],
)
def test_a_number_in_the_pattern_is_tidied(typed, stored):
    assert PATTERN.check(typed, 2026) == stored


def test_the_unit_code_is_compared_without_case_and_printed_as_set():
    assert NumberPattern("000", "Diskominfo").check("000/4/DISKOMINFO/2026", 2026) == (
        "000/4/Diskominfo/2026"
    )


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("SC/DISKOMINFO/2026/R1", "kode klasifikasi OPD ini 050, bukan SC"),
        ("050/123/2026", "nomor terdiri atas 4 bagian dipisah garis miring; yang diketik 3"),
        ("050/123/417.302/2026/1", "yang diketik 5"),
        ("005/123/417.302/2026", "kode klasifikasi OPD ini 050, bukan 005"),
        ("050/12a/417.302/2026", "nomor urut harus bilangan 1 sampai 6 digit, bukan 12a"),
        ("050/0/417.302/2026", "bukan 0"),
        ("050/1234567/417.302/2026", "bukan 1234567"),
        ("050//417.302/2026", "bukan (kosong)"),
        ("050/12/417.30/2026", "kode unit OPD ini 417.302, bukan 417.30"),
        ("050/12/417.302/2025", "tahun nomor harus 2026, tahun lembar ditandatangani, bukan 2025"),
        ("050/12/417.302/26", "bukan 26"),
    ],
)
def test_a_number_that_breaks_the_pattern_says_which_part(typed, reason):
    with pytest.raises(ValidationError) as caught:
        PATTERN.check(typed, 2026)
    error = caught.value
    assert error.field == "document_number"
    assert reason in error.message.id
    assert "kode klasifikasi/nomor urut/kode unit/tahun (mis. 050/1/417.302/2026)" in (
        error.message.id
    )
    assert "classification code/serial/unit code/year" in error.message.en


@pytest.mark.parametrize("code", ["", "050", "000.8.3", "100.3.11.2", " 045.2 "])
def test_classification_codes_of_the_archive_classification(code):
    assert check_classification_code(code) == code.strip()


@pytest.mark.parametrize("code", ["50", "05O", "050/1", "050.", "ABC", "050 1", "050.1.2.3.4.5"])
def test_a_classification_code_that_is_no_archive_code_is_refused(code):
    with pytest.raises(ValidationError, match=r"Kode klasifikasi .* tidak sah") as caught:
        check_classification_code(code)
    assert caught.value.field == "classification_code"
    assert "archive classification code" in caught.value.message.en


@pytest.mark.parametrize("code", ["", "417.302", "DISKOMINFO", "Dinkes", "35.76-1", "BKPSDM_2"])
def test_unit_codes(code):
    assert check_unit_code(code) == code


@pytest.mark.parametrize("code", ["417/302", "Dinas Kominfo", ".302", "A" * 33, "Kominfo!"])
def test_a_unit_code_with_a_slash_a_space_or_another_sign_is_refused(code):
    with pytest.raises(ValidationError, match=r"Kode unit .* tidak sah") as caught:
        check_unit_code(code)
    assert caught.value.field == "unit_code"
    assert "without spaces" in caught.value.message.en


def test_next_serial_counts_the_year_of_issue_only():
    issued = [
        "050/12/417.302/2026",
        "050/40/417.302/2025",  # last year's register
        "000/3/DISKOMINFO/2026",  # before the agency set its codes: the same register
        "SC/DISKOMINFO/2026/R1",  # the old form has no serial
        "",
    ]
    assert next_serial(issued, 2026) == 13
    assert next_serial(issued, 2027) == 1
    assert next_serial([], 2026) == 1
