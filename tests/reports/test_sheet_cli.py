"""`kotacerdas sheet`: one sheet, or every agency's sheet for a year, from the command line."""

from __future__ import annotations

import shutil

import pytest

from tests.helpers import run_cli, snapshot
from tests.reports.reading import page_sizes, page_texts


@pytest.fixture
def demo_db(demo_store):
    demo_store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return demo_store.path


def test_one_sheet_on_f4(capsys, demo_db, tmp_path):
    out = tmp_path / "lembar.pdf"
    code, stdout, _ = run_cli(capsys, demo_db, "sheet", "1", "--out", str(out), "--paper", "F4")
    assert code == 0
    pages = page_texts(out)
    assert f"{len(pages)} halaman F4" in stdout and "(final)" in stdout
    assert {round(h, 1) for _w, h in page_sizes(out)} == {935.4}


def test_every_agency_for_a_year_with_progress(capsys, demo_db, tmp_path):
    code, stdout, stderr = run_cli(
        capsys, demo_db, "sheet", "--all", "--year", "2026", "--out-dir", str(tmp_path / "out")
    )
    assert code == 0
    files = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(files) == 10
    assert all(f.name.endswith("-2026-r1-draf.pdf") for f in files)
    progress = [line for line in stderr.splitlines() if line.startswith("[")]
    assert progress[0].startswith("[1/10] ") and progress[-1].startswith("[10/10] ")
    total = sum(len(page_texts(f)) for f in files)
    assert f"10 lembar evaluasi ({total} halaman)" in stdout


def test_newest_revision_is_the_one_printed(capsys, demo_store, tmp_path):
    old = demo_store.assessments.current("DISHUB", 2025)
    demo_store.lifecycle.reopen(old.id)
    demo_store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    code, _, _ = run_cli(
        capsys, demo_store.path, "sheet", "--all", "--year", "2025", "--out-dir", str(tmp_path)
    )
    assert code == 0
    names = {f.name for f in tmp_path.glob("*.pdf")}
    assert "lembar-evaluasi-DISHUB-2025-r2-draf.pdf" in names
    assert "lembar-evaluasi-DISHUB-2025-r1.pdf" not in names
    assert "lembar-evaluasi-DLH-2025-r1.pdf" in names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sheet"], "Sebutkan ID penilaian dan --out"),
        (["sheet", "1"], "Sebutkan ID penilaian dan --out"),
        (["sheet", "--all", "--year", "2026"], "--all memerlukan --year dan --out-dir"),
        (["sheet", "1", "--all", "--year", "2026", "--out-dir", "x"], "--all tidak dipakai"),
        (["sheet", "999", "--out", "x.pdf"], "Penilaian #999 tidak ditemukan"),
        (
            ["sheet", "1", "--out", "x.pdf", "--paper", "letter"],
            "argumen --paper: pilihan 'letter' tidak ada",
        ),
        (["sheet", "--all", "--year", "1999", "--out-dir", "x"], "1999"),
    ],
)
def test_bad_commands_say_why_and_write_nothing(
    capsys, demo_db, tmp_path, monkeypatch, args, message
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, _, stderr = run_cli(capsys, demo_db, *args)
    assert code == 2
    assert message in stderr
    assert list(work.iterdir()) == []


def test_unwritable_destination_is_reported(capsys, demo_db, tmp_path):
    out = tmp_path / "no-such-folder" / "lembar.pdf"
    code, _, stderr = run_cli(capsys, demo_db, "sheet", "1", "--out", str(out))
    assert code == 2 and "tidak dapat ditulis" in stderr
    assert not out.parent.exists()


def test_a_year_without_assessments_says_so_and_makes_no_folder(capsys, demo_db, tmp_path):
    before = snapshot(demo_db)
    out_dir = tmp_path / "lembar-2030"
    code, stdout, stderr = run_cli(
        capsys, demo_db, "sheet", "--all", "--year", "2030", "--out-dir", str(out_dir)
    )
    assert code == 0 and stderr == ""
    assert "Tidak ada penilaian tahun 2030: tidak ada lembar evaluasi untuk dicetak" in stdout
    assert not out_dir.exists() and snapshot(demo_db) == before


def test_a_sheet_never_overwrites_the_database(capsys, demo_db, tmp_path):
    """The bug that turned a database into a PDF: --out pointing at the database itself."""
    before = snapshot(demo_db)
    code, _, stderr = run_cli(capsys, demo_db, "sheet", "1", "--out", str(demo_db))
    assert code == 2 and "basis data yang sedang dibuka" in stderr
    assert snapshot(demo_db) == before
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []


def test_a_sheet_never_overwrites_another_database_or_other_data(capsys, demo_db, tmp_path):
    other = tmp_path / "kantor.sqlite"
    shutil.copy(demo_db, other)
    notes = tmp_path / "catatan.pdf"
    notes.write_text("catatan rapat, bukan PDF\n")
    code, _, stderr = run_cli(capsys, demo_db, "sheet", "1", "--out", str(other))
    assert code == 2 and "berkas basis data SQLite" in stderr
    code, _, stderr = run_cli(capsys, demo_db, "sheet", "1", "--out", str(notes))
    assert code == 2 and "berisi data lain (bukan PDF)" in stderr
    assert notes.read_text() == "catatan rapat, bukan PDF\n"
    assert other.read_bytes() == demo_db.read_bytes()


def test_printing_again_replaces_the_pdfs_and_lists_them(capsys, demo_db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in (
        "lembar-evaluasi-DLH-2025-r1.pdf",
        "lembar-evaluasi-DISHUB-2025-r1.pdf",
        "satu.pdf",
    ):
        (out / name).write_bytes(b"%PDF-1.4 dicetak kemarin")
    code, stdout, _ = run_cli(
        capsys, demo_db, "sheet", "--all", "--year", "2025", "--out-dir", str(out)
    )
    assert code == 0 and "2 PDF lama dengan nama yang sama diganti:" in stdout
    lines = stdout.splitlines()
    assert "  lembar-evaluasi-DLH-2025-r1.pdf" in lines
    assert "  lembar-evaluasi-DISHUB-2025-r1.pdf" in lines
    code, stdout, _ = run_cli(capsys, demo_db, "sheet", "1", "--out", str(out / "satu.pdf"))
    assert code == 0 and "PDF lama dengan nama itu diganti" in stdout
    code, stdout, _ = run_cli(capsys, demo_db, "sheet", "1", "--out", str(out / "baru.pdf"))
    assert code == 0 and "diganti" not in stdout
