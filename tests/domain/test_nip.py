import datetime as dt

import pytest

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.nip import check_nip, format_nip

TODAY = dt.date(2026, 11, 29)


def test_valid_nip_with_spaces_is_normalized():
    assert check_nip("19800101 200501 1 001", TODAY) == "198001012005011001"
    assert format_nip("198001012005011001") == "19800101 200501 1 001"


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("19800101200501100", "18 digit; yang diketik 17"),
        ("1980010120050110012", "18 digit; yang diketik 19"),
        ("1980O1012005011001", "hanya boleh berisi angka"),
        ("198002302005011001", "Digit 1-8 NIP (19800230) bukan tanggal lahir"),
        ("193912312005011001", "Tahun lahir pada NIP (1939)"),
        ("201101012030011001", "Tahun lahir pada NIP (2011)"),
        ("198001012005131001", "bukan bulan pengangkatan"),
        ("198001011997011001", "sebelum usia 18 tahun"),
        ("198001012027011001", "di masa depan"),
        ("198001012005013001", "jenis kelamin) harus 1 atau 2, bukan 3"),
    ],
)
def test_wrong_nips_say_which_part_is_wrong(nip, message):
    with pytest.raises(ValidationError) as info:
        check_nip(nip, TODAY)
    assert message in info.value.message.id
    assert info.value.field == "nip"
    assert info.value.message.en  # the English translation exists too
