"""`kotacerdas plan`: the demo agency's and the city's plans as a table, JSON, PDF and XLSX, accepted
into follow-up plans, and every bad input refused with nothing changed."""

import json
import shutil

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kotacerdas_desktop.domain.model import Signatory
from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.store import Store
from tests.helpers import run_cli, snapshot
from tests.reports.reading import MM, font_report, full_text, page_sizes

DRAFT, FINAL = "2", "1"  # the demo city: DISKOMINFO 2026 (draft) and 2025 (finalized)


@pytest.fixture
def demo_db(demo_db_template, tmp_path):
    return shutil.copy(demo_db_template, tmp_path / "demo.sqlite")


def plan(capsys, db, *args):
    return run_cli(capsys, db, "plan", *args)


def demo_head(db, code: str) -> Signatory:
    with Store.open(db, create=False) as store:
        return store.agencies.get(code).head


def test_the_demo_agency_plan_to_the_next_predicate(capsys, demo_db):
    code, out, err = plan(capsys, demo_db, DRAFT, "--target", "Sangat Baik")
    assert code == 0, err
    assert "Rencana capaian Dinas Komunikasi dan Informatika (DISKOMINFO), tahun 2026" in out
    assert "hari ini 3,35 Baik; target 3,50 (Sangat Baik) tercapai dengan 2 langkah" in out
    assert "Sementara: 4 indikator belum dijawab" in out and "Jawab dulu: ECO.WEL.04" in out
    rows = [line for line in out.splitlines() if line[:2].strip().isdigit()]
    assert len(rows) == 2 and rows[0].split()[:6] == ["1", "ECO.FIN.04", "2", "->", "3", "+0,0909"]
    assert rows[-1].split()[1:7] == ["ECO.FIN.04", "3", "->", "4", "+0,0909", "3,53"]


def test_json_carries_every_step_with_its_words_and_exact_figures(capsys, demo_db):
    code, out, _ = plan(capsys, demo_db, DRAFT, "--target", "3,8", "--json")
    data = json.loads(out)
    assert code == 0 and data["status"] == "planned" and data["provisional"] is True
    assert data["target"] == {"value": 3.8, "predicate": None, "dimension": None}
    assert data["before"] == 3.35 and data["after"] >= 3.795 and len(data["steps"]) == 6
    step, second = data["steps"][:2]
    assert step["indicator"] == "ECO.FIN.04" and (step["from_level"], step["to_level"]) == (2, 3)
    assert step["next_level"]["label"]["id"] == "Terdefinisi"
    assert step["gain_exact"] == "1/11" and step["agency"] is None
    # the evidence each level asks for (catalogue 2026.2), not the indicator's guidance
    with Store.open(demo_db, create=False) as store:
        indicator = store.assessments.catalogue_of(store.assessments.get(2)).indicator("ECO.FIN.04")
    assert step["evidence"] == indicator.level(3).evidence.to_json() != indicator.guidance.to_json()
    assert second["indicator"] == "ECO.FIN.04" and second["to_level"] == 4
    assert second["evidence"] == indicator.level(4).evidence.to_json()
    assert [u["indicator"] for u in data["to_answer"]][:2] == ["ECO.WEL.04", "LIV.HAR.04"]


def test_the_city_plan_names_the_agency_of_each_step(capsys, demo_db):
    code, out, err = plan(
        capsys, demo_db, "--city", "--year", "2025", "--target", "Sangat Baik", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["status"] == "planned" and data["before"] == 2.62
    assert all(s["agency"]["code"] and s["agency"]["name"] for s in data["steps"])
    code, out, _ = plan(capsys, demo_db, "--city", "--year", "2025", "--target", "Sangat Baik")
    assert "Rencana capaian kota tahun 2025 (10 OPD final)" in out and "DISHUB" in out


def test_effort_estimates_give_the_least_effort(capsys, demo_db, tmp_path):
    efforts = tmp_path / "upaya.csv"
    hard = ("ECO.FIN.04",)  # the fewest steps' indicator
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
    head = demo_head(demo_db, "DISKOMINFO")
    assert head.name in body and format_nip(head.nip) in body
    assert "Kepala Dinas Komunikasi dan Informatika" in body and "Bidang TIK" in body
    assert "ECO.FIN.04" in body and "Indikator yang harus dijawab lebih dahulu" in body
    assert "Laporan perbandingan sebelum dan sesudah digitalisasi" in body  # level 3's evidence
    assert "Paraf Penyusun" in body  # the page frame of the Tata Naskah Dinas sheet
    assert all(font_report(out).values())


def test_the_city_plan_pdf_is_signed_by_the_coordinator(capsys, demo_db, tmp_path):
    out = tmp_path / "kota.pdf"
    code, text, err = plan(
        capsys, demo_db, "--city", "--year", "2025", "--target", "3",
        "--coordinator", "BAPPEDA", "--out", str(out), "--paper", "f4",
    )  # fmt: skip
    assert code == 0, err
    assert "OPD koordinator: BAPPEDA (Badan Perencanaan Pembangunan Daerah), diingat" in text
    assert all(abs(w - 330 * MM) < 1 and abs(h - 215 * MM) < 1 for w, h in page_sizes(out))
    body = full_text(out)
    assert "RENCANA CAPAIAN SMART CITY KOTA TAHUN 2025" in body
    assert (
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in body and "selaku Koordinator Smart City" in body
    )
    assert demo_head(demo_db, "BAPPEDA").name in body and "Langkah per OPD" in body


def test_the_city_plan_pdf_needs_the_coordinator_the_recap_remembers(capsys, demo_db, tmp_path):
    """The demo city has two agencies that may coordinate: the printed plan asks for one, as the
    recap does; once named (here by the recap), the plan takes it without asking."""
    out = tmp_path / "kota.pdf"
    city = ("--city", "--year", "2025", "--target", "3")
    before = snapshot(demo_db)
    code, _, err = plan(capsys, demo_db, *city, "--out", str(out))
    assert code == 2 and "OPD koordinator smart city belum ditentukan" in err
    assert not out.exists() and snapshot(demo_db) == before
    code, _, err = plan(capsys, demo_db, *city, "--out", str(tmp_path / "kota.xlsx"))
    assert code == 0, err  # a workbook can do without it
    recap = ("recap", "--year", "2025", "--coordinator", "BAPPEDA")
    assert run_cli(capsys, demo_db, *recap, "--out", str(tmp_path / "rekap.csv"))[0] == 0
    code, _, err = plan(capsys, demo_db, *city, "--out", str(out))
    assert code == 0, err
    assert "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in full_text(out)


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
    assert first["No."] == 1 and first["Kode OPD"] == "DISPARPORA"
    assert first["Kode indikator"] == "BRD.TOU.04"
    assert isinstance(first["Kenaikan"], float) and first["Kenaikan"] == pytest.approx(0.0436, 1e-3)
    assert first["Menjadi"] == 2.67
    per_agency = list(book["Per OPD"].iter_rows(values_only=True))
    steps = len(rows) - header - 1
    assert sum(row[2] for row in per_agency[1:]) == steps


def test_accept_writes_the_follow_up_plans_of_the_draft(capsys, demo_db):
    code, out, _ = plan(
        capsys, demo_db, DRAFT, "--target", "Sangat Baik", "--accept", "--due", "Juni 2027"
    )
    assert code == 0 and "2 langkah masuk ke rencana tindak lanjut (1 indikator)" in out
    _, shown, _ = run_cli(capsys, demo_db, "assessment", "show", DRAFT, "--json")
    follow_up = {a["indicator"]: a for a in json.loads(shown)["answers"]}["ECO.FIN.04"]["follow_up"]
    assert "Rencana capaian: naik dari tingkat 2 ke tingkat 3" in follow_up
    assert "Rencana capaian: naik dari tingkat 3 ke tingkat 4" in follow_up
    assert "Tenggat: Juni 2027." in follow_up


def test_a_city_plan_accepted_goes_to_the_agencies_drafts(capsys, demo_db):
    code, out, _ = plan(capsys, demo_db, "--city", "--year", "2025", "--target", "2,80", "--accept")
    assert code == 0 and "5 langkah masuk ke rencana tindak lanjut 2 OPD." in out


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
        (("--city", "--year", "20x", "--target", "4"), "Tahun '20x' bukan angka"),
        (("--city", "--year", "2025", "--target", "4", "--coordinator", "NOPE"), "NOPE"),
        ((DRAFT, "--target", "4", "--out", "rencana.sqlite"), "akhiri nama berkas dengan .pdf"),
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


def test_an_output_that_would_destroy_data_is_refused_before_any_step_is_accepted(
    capsys, demo_db, tmp_path
):
    out = tmp_path / "rencana.pdf"
    shutil.copy(demo_db, out)  # a database under a PDF's name (store/outputs.py)
    kept = out.read_bytes()
    before = snapshot(demo_db)
    code, text, err = plan(capsys, demo_db, DRAFT, "--target", "4", "--accept", "--out", str(out))
    assert code == 2 and f"{out} tidak ditulis" in err and text == ""
    assert snapshot(demo_db) == before and out.read_bytes() == kept


def test_a_bad_effort_file_names_its_line(capsys, demo_db, tmp_path):
    efforts = tmp_path / "upaya.csv"
    efforts.write_text("GOV.PUB.01,2\nGOV.PUB.02,9\n", encoding="utf-8")
    before = snapshot(demo_db)
    code, _, err = plan(capsys, demo_db, DRAFT, "--target", "4", "--effort", str(efforts))
    assert code == 2 and 'upaya.csv, baris 2: upaya "9" untuk GOV.PUB.02 harus 1 sampai 5' in err
    assert snapshot(demo_db) == before


def test_english_on_request(capsys, demo_db, monkeypatch):
    monkeypatch.setenv("KOTACERDAS_LANG", "en")
    code, out, _ = plan(capsys, demo_db, DRAFT, "--target", "very good")
    assert code == 0 and "the target 3.50 (Very Good) is reached in 2 steps" in out
