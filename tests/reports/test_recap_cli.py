"""`kotacerdas recap` and `kotacerdas register`: what they write, and every bad input refused
with its message, nothing stored changed and no file written."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.coordinator import SETTING
from tests.helpers import run_cli, snapshot
from tests.reports.reading import full_text, page_texts


@pytest.fixture
def city_db(city_template, tmp_path):
    path = tmp_path / "kota.sqlite"
    shutil.copy(city_template, path)
    return path


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "keluaran"
    folder.mkdir()
    return folder


def test_recap_pdf_remembers_the_coordinator_for_the_next_recap(capsys, city_db, out_dir):
    first = out_dir / "rekap.pdf"
    code, stdout, stderr = run_cli(
        capsys, city_db, "recap", "--year", "2026", "--out", str(first), "--coordinator", "bappeda"
    )
    assert code == 0, stderr
    assert f"ditulis ke {first}: {len(page_texts(first))} halaman A4." in stdout
    assert "OPD koordinator: BAPPEDA (Badan Perencanaan Pembangunan Daerah), diingat" in stdout
    with Store.open(city_db) as store:
        assert store.settings.get(SETTING) == "BAPPEDA"
    second = out_dir / "rekap-f4.pdf"
    code, stdout, _ = run_cli(
        capsys, city_db, "recap", "--year", "2026", "--out", str(second), "--paper", "F4"
    )
    assert code == 0 and "halaman F4" in stdout and "diingat" not in stdout
    assert "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in full_text(second)


def test_xlsx_and_csv_need_no_coordinator(capsys, city_db, out_dir):
    before = snapshot(city_db)
    for name in ("rekap.xlsx", "REKAP.CSV"):
        code, stdout, stderr = run_cli(
            capsys, city_db, "recap", "--year", "2026", "--out", str(out_dir / name)
        )
        assert code == 0, stderr
        assert f"Rekap kota tahun 2026 ditulis ke {out_dir / name}" in stdout
    assert (out_dir / "REKAP.CSV").read_bytes().startswith(b"\xef\xbb\xbf")
    assert snapshot(city_db) == before


def test_register_with_filters(capsys, city_db, out_dir):
    out = out_dir / "rtl.xlsx"
    code, stdout, stderr = run_cli(
        capsys, city_db, "register", "--year", "2026", "--below", "4", "--agency", "dinkes",
        "--dimension", "d2", "--out", str(out),
    )  # fmt: skip
    assert code == 0, stderr
    assert "Rencana tindak lanjut tahun 2026: 1 baris ditulis" in stdout
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[3], r[5]) for r in rows] == [("DINKES", "D2.A.1", 3)]


BAD_INPUTS = [
    (
        ["recap", "--year", "2026", "--out", "rekap.docx", "--coordinator", "BAPPEDA"],
        'Format berkas "rekap.docx" tidak dikenal; akhiri nama berkas dengan .pdf / .xlsx / .csv.',
    ),
    (
        ["recap", "--year", "2024", "--out", "rekap.pdf", "--coordinator", "BAPPEDA"],
        "Belum ada penilaian final untuk tahun 2024, jadi belum ada yang direkap. "
        "Tahun yang sudah memiliki penilaian final: 2026, 2025.",
    ),
    (
        ["recap", "--year", "2024", "--out", "rekap.xlsx"],
        "Belum ada penilaian final untuk tahun 2024",
    ),
    (
        ["recap", "--year", "2026", "--out", "rekap.pdf", "--coordinator", "BAPEDA"],
        'OPD koordinator "BAPEDA" tidak ada di basis data ini. OPD yang ada: BAPPEDA,',
    ),
    (
        ["recap", "--year", "2026", "--out", "rekap.pdf"],
        "OPD koordinator smart city belum ditentukan. Sebutkan sekali dengan --coordinator KODE "
        "(mis. BAPPEDA, DISKOMINFO); pilihan itu diingat.",
    ),
    (["recap", "--year", "1999", "--out", "rekap.pdf"], "Tahun 1999 di luar rentang"),
    (
        ["recap", "--year", "2026", "--out", "rekap.pdf", "--paper", "letter"],
        "argumen --paper: pilihan 'letter' tidak ada",
    ),
    (
        ["register", "--year", "2026", "--out", "rtl.csv"],
        'Format berkas "rtl.csv" tidak dikenal; akhiri nama berkas dengan .xlsx.',
    ),
    (
        ["register", "--year", "2026", "--below", "7", "--out", "rtl.xlsx"],
        'Batas tingkat "7" tidak sah: pilih 2 sampai 5',
    ),
    (
        ["register", "--year", "2026", "--agency", "DISHUB", "--out", "rtl.xlsx"],
        'OPD "DISHUB" tidak memiliki penilaian final yang dihitung tahun 2026. '
        "OPD yang dihitung: BAPPEDA, DINKES, DLH.",
    ),
    (
        ["register", "--year", "2026", "--dimension", "GOV", "--out", "rtl.xlsx"],
        'Dimensi "GOV" tidak ada di kerangka CONTOH 1. Kode dimensi: D1, D2, EN.',
    ),
    (
        ["register", "--year", "2024", "--out", "rtl.xlsx"],
        "Belum ada penilaian final untuk tahun 2024",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS)
def test_bad_input_is_refused_and_nothing_is_written(capsys, city_db, out_dir, args, message):
    before = snapshot(city_db)
    args = [str(out_dir / a) if a.startswith(("rekap.", "rtl.")) else a for a in args]
    code, stdout, stderr = run_cli(capsys, city_db, *args)
    assert code == 2
    assert message in stderr
    assert stdout == ""
    assert snapshot(city_db) == before  # not even the coordinator setting
    assert list(out_dir.iterdir()) == []  # no file, no half-written temporary


def test_a_refused_recap_leaves_an_earlier_file_as_it_was(capsys, city_db, out_dir):
    earlier = out_dir / "rekap.pdf"
    earlier.write_bytes(b"%PDF-1.7 rekap yang lalu")
    code, _, stderr = run_cli(
        capsys, city_db, "recap", "--year", "2024", "--out", str(earlier), "--coordinator", "DLH"
    )
    assert code == 2 and "Belum ada penilaian final" in stderr
    assert earlier.read_bytes() == b"%PDF-1.7 rekap yang lalu"
    assert sorted(p.name for p in out_dir.iterdir()) == ["rekap.pdf"]
