"""`kotacerdas plan`: the demo agency's and the city's plans as a table, JSON, PDF and XLSX, accepted
into follow-up plans, and every bad input refused with nothing changed."""

import json
import shutil

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.helpers import run_cli, snapshot
from tests.reports.reading import MM, font_report, full_text, page_sizes

DRAFT, FINAL = "2", "1"  # the demo city: DISKOMINFO 2026 (draft) and 2025 (finalized)


@pytest.fixture
def demo_db(demo_db_template, tmp_path):
    return shutil.copy(demo_db_template, tmp_path / "demo.sqlite")


def plan(capsys, db, *args):
    return run_cli(capsys, db, "plan", *args)


def test_the_demo_agency_plan_to_the_next_predicate(capsys, demo_db):
    code, out, err = plan(capsys, demo_db, DRAFT, "--target", "Sangat Baik")
    assert code == 0, err
    assert "Rencana capaian Dinas Komunikasi dan Informatika (DISKOMINFO), tahun 2026" in out
    assert "hari ini 3,21 Baik; target 3,50 (Sangat Baik) tercapai dengan 9 langkah" in out
    assert "Sementara: 8 indikator belum dijawab" in out and "Jawab dulu: GOV.PUB.04" in out
    rows = [line for line in out.splitlines() if line[:2].strip().isdigit()]
    assert len(rows) == 9 and rows[0].split()[:3] == ["1", "BRD.TOU.04", "3"]
    assert rows[-1].split()[3:7] == ["->", "4", "+0,0269", "3,51"]


def test_json_carries_every_step_with_its_words_and_exact_figures(capsys, demo_db):
    code, out, _ = plan(capsys, demo_db, DRAFT, "--target", "3,8", "--json")
    data = json.loads(out)
    assert code == 0 and data["status"] == "planned" and data["provisional"] is True
    assert data["target"] == {"value": 3.8, "predicate": None, "dimension": None}
    assert data["before"] == 3.21 and data["after"] >= 3.795 and len(data["steps"]) == 21
    step = data["steps"][0]
    assert step["indicator"] == "BRD.TOU.04" and (step["from_level"], step["to_level"]) == (3, 4)
    assert step["next_level"]["label"]["id"] == "Terintegrasi"
    assert step["evidence"]["id"].startswith("Laporan statistik kunjungan")
    assert step["gain_exact"] == "9/173" and step["agency"] is None
    assert [u["indicator"] for u in data["to_answer"]][:2] == ["GOV.PUB.04", "GOV.BUR.02"]


def test_the_city_plan_names_the_agency_of_each_step(capsys, demo_db):
    code, out, err = plan(capsys, demo_db, "--city", "--year", "2025", "--target", "Baik", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["status"] == "planned" and data["before"] == 2.58
    assert all(s["agency"]["code"] and s["agency"]["name"] for s in data["steps"])
    code, out, _ = plan(capsys, demo_db, "--city", "--year", "2025", "--target", "Baik")
    assert "Rencana capaian kota tahun 2025 (10 OPD final)" in out and "DISKOMINFO" in out


def test_effort_estimates_give_the_least_effort(capsys, demo_db, tmp_path):
    efforts = tmp_path / "upaya.csv"
    hard = ("BRD.TOU.04", "LIV.HEA.03", "GOV.PUB.02", "BRD.APP.03", "ENV.PRO.03", "ENV.ENE.03")
    efforts.write_text("indikator;upaya\n" + "".join(f"{c};5\n" for c in hard), encoding="utf-8")
    code, out, _ = plan(
        capsys, demo_db, DRAFT, "--target", "Sangat Baik", "--effort", str(efforts), "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["effort"] == sum(s["effort"] for s in data["steps"])
    assert "total upaya" in data["summary"]["id"]
    # never more effort than the fewest steps would take under the same estimates
    _, fewest, _ = plan(capsys, demo_db, DRAFT, "--target", "Sangat Baik", "--json")
    fewest_effort = sum(5 if s["indicator"] in hard else 3 for s in json.loads(fewest)["steps"])
    assert data["effort"] < fewest_effort


def test_the_plan_pdf_is_landscape_signed_by_the_head_with_page_numbers(capsys, demo_db, tmp_path):
    out = tmp_path / "rencana.pdf"
    code, text, err = plan(
        capsys, demo_db, DRAFT, "--target", "Sangat Baik", "--out", str(out), "--who", "Bidang TIK"
    )
    assert code == 0, err and "halaman" in text
    pages = len(PdfReader(out).pages)
    assert all(abs(w - 297 * MM) < 1 and abs(h - 210 * MM) < 1 for w, h in page_sizes(out))
    body = full_text(out)
    assert "RENCANA CAPAIAN SMART CITY PERANGKAT DAERAH TAHUN 2026" in body
    assert f"Halaman {pages} dari {pages}" in body
    assert "Dr. Ir. Sri Yulianto Joko Prasetyo, M.Kom." in body and "19740315 200003 1 004" in body
    assert "Kepala Dinas Komunikasi dan Informatika" in body and "Bidang TIK" in body
    assert "BRD.TOU.04" in body and "Indikator yang harus dijawab lebih dahulu" in body
    assert all(font_report(out).values())


def test_the_city_plan_pdf_is_signed_by_the_coordinator(capsys, demo_db, tmp_path):
    out = tmp_path / "kota.pdf"
    code, _, err = plan(
        capsys, demo_db, "--city", "--year", "2025", "--target", "Baik",
        "--coordinator", "BAPPEDA", "--out", str(out), "--paper", "f4",
    )  # fmt: skip
    assert code == 0, err
    assert all(abs(w - 330 * MM) < 1 and abs(h - 215 * MM) < 1 for w, h in page_sizes(out))
    body = full_text(out)
    assert "RENCANA CAPAIAN SMART CITY KOTA TAHUN 2025" in body
    assert (
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in body and "selaku Koordinator Smart City" in body
    )
    assert "Hj. Ani Wijaya Kusuma, S.E., M.M." in body and "Langkah per OPD" in body


def test_the_plan_workbook_has_real_numbers(capsys, demo_db, tmp_path):
    out = tmp_path / "kota.xlsx"
    code, _, err = plan(
        capsys, demo_db, "--city", "--year", "2025", "--target", "2,70", "--out", str(out)
    )
    assert code == 0, err
    book = load_workbook(out)
    assert book.sheetnames == ["Rencana", "Per OPD"]
    rows = list(book["Rencana"].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "No.")
    columns = rows[header]
    first = dict(zip(columns, rows[header + 1], strict=True))
    assert first["No."] == 1 and first["Kode OPD"] and first["Kode indikator"] == "BRD.TOU.04"
    assert isinstance(first["Kenaikan"], float) and 0 < first["Kenaikan"] < 0.01
    assert first["Menjadi"] == 2.59
    per_agency = list(book["Per OPD"].iter_rows(values_only=True))
    steps = len(rows) - header - 1
    assert sum(row[2] for row in per_agency[1:]) == steps


def test_accept_writes_the_follow_up_plans_of_the_draft(capsys, demo_db):
    code, out, _ = plan(
        capsys, demo_db, DRAFT, "--target", "Sangat Baik", "--accept", "--due", "Juni 2027"
    )
    assert code == 0 and "9 langkah masuk ke rencana tindak lanjut (6 indikator)" in out
    _, shown, _ = run_cli(capsys, demo_db, "assessment", "show", DRAFT, "--json")
    answers = {a["indicator"]: a for a in json.loads(shown)["answers"]}
    assert "Rencana capaian: naik dari tingkat 3 ke tingkat 4" in answers["BRD.TOU.04"]["follow_up"]
    assert "Tenggat: Juni 2027." in answers["BRD.TOU.04"]["follow_up"]


def test_a_city_plan_accepted_goes_to_the_agencies_drafts(capsys, demo_db):
    code, out, _ = plan(capsys, demo_db, "--city", "--year", "2025", "--target", "Baik", "--accept")
    assert code == 0 and "3 langkah masuk ke rencana tindak lanjut 1 OPD." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((FINAL, "--target", "Baik", "--accept"), "sudah difinalisasi dan dikunci"),
        ((DRAFT, "--target", "tinggi"), 'Target "tinggi" tidak sah'),
        ((DRAFT, "--target", "3,805"), "paling banyak dua desimal"),
        ((DRAFT, "--target", "4", "--dimension", "XYZ"), "Dimensi XYZ tidak ada"),
        (("--target", "4"), "Sebutkan ID penilaian, atau --city --year"),
        ((DRAFT, "--city", "--year", "2025", "--target", "4"), "(tidak keduanya)"),
        (("--city", "--target", "4"), "--city memerlukan --year"),
        ((DRAFT, "--year", "2025", "--target", "4"), "hanya untuk --city"),
        (("--city", "--year", "2030", "--target", "4"), "Belum ada penilaian final tahun 2030"),
        (("--city", "--year", "20x", "--target", "4"), "Tahun 20x di luar rentang"),
        (("--city", "--year", "2025", "--target", "4", "--coordinator", "NOPE"), "NOPE"),
        ((DRAFT, "--target", "4", "--out", "rencana.sqlite"), "harus berakhiran .pdf atau .xlsx"),
        ((DRAFT, "--target", "4", "--effort", "tidak-ada.csv"), "tidak dapat dibaca"),
        (("99", "--target", "4"), "Penilaian #99 tidak ditemukan"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(capsys, demo_db, tmp_path, args, message):
    before = snapshot(demo_db)
    code, out, err = plan(capsys, demo_db, *args)
    assert code == 2 and message in err and out == ""
    assert snapshot(demo_db) == before
    assert not (tmp_path / "rencana.sqlite").exists()


def test_a_bad_effort_file_names_its_line(capsys, demo_db, tmp_path):
    efforts = tmp_path / "upaya.csv"
    efforts.write_text("GOV.PUB.01,2\nGOV.PUB.02,9\n", encoding="utf-8")
    before = snapshot(demo_db)
    code, _, err = plan(capsys, demo_db, DRAFT, "--target", "4", "--effort", str(efforts))
    assert code == 2 and 'upaya.csv, baris 2: upaya "9" untuk GOV.PUB.02 harus 1 sampai 5' in err
    assert snapshot(demo_db) == before


def test_english_on_request(capsys, demo_db, monkeypatch):
    monkeypatch.setattr("kotacerdas_desktop.domain.text._language", "en")
    code, out, _ = plan(capsys, demo_db, DRAFT, "--target", "very good")
    assert code == 0 and "the target 3.50 (Very Good) is reached in 9 steps" in out
