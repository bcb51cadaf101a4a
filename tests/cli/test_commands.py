"""The `kotacerdas` command: the whole data flow headless, and every bad input refused cleanly."""

import json
import sqlite3

import pytest

from kotacerdas_desktop import __version__
from tests.factories import tiny_catalogue_data
from tests.helpers import run_cli, snapshot

NIP = "19800101 200501 1 001"


@pytest.fixture
def flow(capsys, db_path):
    """A database with one agency and one draft assessment (#1), made through the command."""
    assert (
        run_cli(
            capsys,
            db_path,
            "agency",
            "add",
            "DISKOMINFO",
            "Dinas Komunikasi dan Informatika",
            "--head-name",
            "Bagus Wicaksono Adiputro",
            "--head-nip",
            NIP,
            "--head-position",
            "Kepala Dinas",
        )[0]
        == 0
    )
    assert run_cli(capsys, db_path, "assessment", "new", "DISKOMINFO", "2026")[0] == 0
    return db_path


def test_version_and_help(capsys, db_path):
    assert run_cli(capsys, db_path, "--version")[1].strip() == f"KotaCerdas Desktop {__version__}"
    for command in (
        ["--help"],
        ["catalogue", "--help"],
        ["assessment", "answer", "--help"],
        ["agency", "add", "--help"],
    ):
        code, out, _ = run_cli(capsys, db_path, *command)
        assert code == 0 and "penggunaan: kotacerdas" in out and "opsi:" in out


def test_whole_flow_with_json_output(capsys, flow):
    code, out, _ = run_cli(
        capsys,
        flow,
        "assessment",
        "answer",
        "1",
        "GOV.PUB.01",
        "--level",
        "4",
        "--justification",
        "Layanan terintegrasi dengan Mal Pelayanan Publik.",
        "--evidence",
        "SK Standar Pelayanan",
        "--evidence",
        "Laporan SKM 2026",
    )
    assert code == 0
    code, out, _ = run_cli(capsys, flow, "assessment", "show", "1", "--json")
    shown = json.loads(out)
    assert (
        shown["agency"]["code"] == "DISKOMINFO"
        and shown["year"] == 2026
        and shown["status"] == "draft"
    )
    assert shown["answers"][0]["level"] == 4
    assert [e["title"] for e in shown["answers"][0]["evidence"]] == [
        "SK Standar Pelayanan",
        "Laporan SKM 2026",
    ]
    assert shown["completeness"]["answered"] == 1 and shown["completeness"]["percent"] == 1
    assert shown["completeness"]["fraction"] == 1 / shown["completeness"]["total"]
    assert shown["scores"]["dimensions"]["GOV"] == 4.0
    assert shown["scores"]["index"] == 4.0 and shown["scores"]["predicate"]["id"] == "Sangat Baik"
    assert shown["scores"]["method"] == "lenses" and shown["scores"]["lenses"]["baseline"] == 4.0
    assert shown["scores"]["partial"] is True and shown["scores"]["provisional"] is True
    listed = json.loads(run_cli(capsys, flow, "assessment", "list", "--json")[1])
    assert listed[0]["id"] == 1
    agencies = json.loads(run_cli(capsys, flow, "agency", "list", "--json")[1])
    assert agencies[0]["signatories"]["approved"]["nip"] == "198001012005011001"
    catalogues = json.loads(run_cli(capsys, flow, "catalogue", "list", "--json")[1])
    assert {"SMARTCITY", "SPBE"} <= {c["code"] for c in catalogues}
    shown_catalogue = json.loads(run_cli(capsys, flow, "catalogue", "show", "SPBE", "--json")[1])
    assert shown_catalogue["code"] == "SPBE" and shown_catalogue["indicators"] >= 5


BAD_INPUTS = [
    (["assessment", "new", "DINASX", "2026"], "OPD dengan kode DINASX tidak ditemukan"),
    (
        ["assessment", "answer", "1", "GOV.XXX.01", "--level", "3"],
        "Indikator GOV.XXX.01 tidak ada di katalog",
    ),
    (["assessment", "answer", "1", "GOV.PUB.01", "--level", "0"], 'Tingkat "0" tidak sah'),
    (["assessment", "answer", "1", "GOV.PUB.01", "--level", "6"], 'Tingkat "6" tidak sah'),
    (["assessment", "answer", "1", "GOV.PUB.01", "--level", "x"], 'Tingkat "x" tidak sah'),
    (["assessment", "answer", "9", "GOV.PUB.01", "--level", "3"], "Penilaian #9 tidak ditemukan"),
    (["agency", "add", "DISKOMINFO", "Dinas Lain"], "Kode OPD DISKOMINFO sudah dipakai"),
    (["assessment", "new", "DISKOMINFO", "1999"], "Tahun 1999 di luar rentang 2000-2100"),
    (["assessment", "new", "DISKOMINFO", "duaribu"], "Tahun 'duaribu' bukan angka"),
    (["assessment", "new", "DISKOMINFO", "2101"], "Tahun 2101 di luar rentang 2000-2100"),
    (
        ["agency", "add", "DLH", "Dinas Lingkungan Hidup", "--head-nip", "19800101200501100"],
        "NIP harus 18 digit; yang diketik 17",
    ),
    (
        ["agency", "add", "DLH", "Dinas Lingkungan Hidup", "--head-nip", "1980010120050110AB"],
        "hanya boleh berisi angka",
    ),
    (
        ["agency", "add", "DLH", "Dinas Lingkungan Hidup", "--head-nip", "198013012005011001"],
        "bukan tanggal lahir yang ada",
    ),
    (
        ["agency", "add", "DLH", "Dinas Lingkungan Hidup", "--head-nip", "198001012005013001"],
        "harus 1 atau 2, bukan 3",
    ),
    (
        ["assessment", "new", "DISKOMINFO", "2026", "--framework", "NOPE"],
        "Katalog NOPE tidak dikenal",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS, ids=[" ".join(a) for a, _ in BAD_INPUTS])
def test_bad_input_is_refused_with_a_message_and_nothing_changes(capsys, flow, args, message):
    before = snapshot(flow)
    code, _, err = run_cli(capsys, flow, *args)
    assert code == 2
    assert message in err
    assert snapshot(flow) == before


def test_answering_a_finalized_assessment_is_refused(capsys, flow):
    assert run_cli(capsys, flow, "assessment", "finalize", "1", "--override", "Uji")[0] == 0
    before = snapshot(flow)
    code, _, err = run_cli(capsys, flow, "assessment", "answer", "1", "GOV.PUB.01", "--level", "3")
    assert code == 2 and "sudah difinalisasi dan dikunci" in err
    assert snapshot(flow) == before


def _catalogue_file(tmp_path, mutate):
    data = tiny_catalogue_data()
    mutate(data)
    path = tmp_path / "katalog.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _drop_level(d):
    d["dimensions"][0]["elements"][0]["indicators"][0]["levels"].pop()


def _repeat_code(d):
    d["dimensions"][0]["elements"][1]["code"] = "A.X"


def _negative_weight(d):
    d["dimensions"][1]["weight"] = -2


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (_drop_level, "dimensions[0].elements[0].indicators[0].levels: tingkat 5 belum ada"),
        (_repeat_code, 'kode "A.X" dipakai lebih dari sekali'),
        (_negative_weight, "dimensions[1].weight: bobot tidak boleh negatif"),
    ],
)
def test_bad_catalogue_files_are_refused(capsys, flow, tmp_path, mutate, message):
    path = _catalogue_file(tmp_path, mutate)
    before = snapshot(flow)
    code, _, err = run_cli(capsys, flow, "catalogue", "import", str(path))
    assert code == 2 and "katalog.json" in err and message in err
    assert snapshot(flow) == before


def test_catalogue_that_is_not_json(capsys, flow, tmp_path):
    path = tmp_path / "katalog.json"
    path.write_text("dimensi: tata kelola\n", encoding="utf-8")
    before = snapshot(flow)
    code, _, err = run_cli(capsys, flow, "catalogue", "import", str(path))
    assert code == 2 and "bukan JSON yang sah (baris 1, kolom 1)" in err
    assert snapshot(flow) == before


def test_good_catalogue_import(capsys, flow, tmp_path):
    path = _catalogue_file(tmp_path, lambda d: None)
    code, out, _ = run_cli(capsys, flow, "catalogue", "import", str(path))
    assert code == 0 and "TINY 1" in out


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda p: p.write_text("bukan basis data"), "bukan SQLite"),
        (
            lambda p: sqlite3.connect(p).executescript(
                "PRAGMA application_id = 7; CREATE TABLE t (x);"
            ),
            "milik aplikasi lain",
        ),
        (
            lambda p: sqlite3.connect(p).executescript(
                f"PRAGMA application_id = {0x4B435344}; PRAGMA user_version = 99;"
            ),
            "lebih baru",
        ),
    ],
    ids=["not-sqlite", "other-app", "newer-version"],
)
def test_unusable_database_files(capsys, tmp_path, prepare, message):
    path = tmp_path / "berkas.sqlite"
    prepare(path)
    before = path.read_bytes()
    code, _, err = run_cli(capsys, path, "agency", "list")
    assert code == 2 and message in err
    assert path.read_bytes() == before


def test_db_in_a_missing_folder(capsys, tmp_path):
    code, _, err = run_cli(capsys, tmp_path / "hilang" / "db.sqlite", "agency", "add", "DLH", "DLH")
    assert code == 2 and "tidak ada; buat foldernya dulu" in err


READING = [
    ["agency", "list"],
    ["assessment", "list"],
    ["assessment", "show", "1"],
    ["catalogue", "list"],
    ["verify", "ab" * 32],
    ["sheet", "1", "--out", "lembar.pdf"],
    ["check"],
    ["history", "1"],
    ["backup"],
    ["assessment", "new", "DLH", "2026"],
    ["catalogue", "import", "katalog.json"],
]


@pytest.mark.parametrize("args", READING, ids=[" ".join(a) for a in READING])
def test_a_mistyped_database_path_is_refused_not_created(capsys, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, tmp_path / "salah-ketik.sqlite", *args)
    assert code == 2
    assert "salah-ketik.sqlite tidak ada" in err and "Periksa --db" in err
    assert out == "" and list(tmp_path.iterdir()) == []


def test_demo_refuses_a_database_that_holds_agencies(capsys, flow):
    before = snapshot(flow)
    code, _, err = run_cli(capsys, flow, "demo")
    assert code == 2
    assert "sudah berisi 1 OPD" in err and "--db" in err
    assert snapshot(flow) == before


def test_english_messages_when_asked(capsys, flow):
    code, _, err = run_cli(capsys, flow, "--lang", "en", "assessment", "new", "DISKOMINFO", "1999")
    assert code == 2 and "Year 1999 is outside 2000-2100" in err


def test_demo_then_check_then_check_finds_tampering(capsys, db_path):
    code, out, _ = run_cli(capsys, db_path, "demo")
    assert code == 0 and "10 OPD" in out
    code, out, _ = run_cli(capsys, db_path, "check")
    assert code == 0 and "sehat" in out
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER answers_locked_update")
    conn.execute(
        "UPDATE answers SET justification = justification || ' (diubah)' WHERE assessment_id = (SELECT min(id) FROM assessments WHERE status = 'finalized')"
    )
    conn.commit()
    conn.close()
    code, _, err = run_cli(capsys, db_path, "check")
    assert code == 1 and "tidak lagi menghasilkan sidik jarinya" in err
    assert "Pemicu (trigger) answers_locked_update hilang" in err


def test_verify_names_the_match_and_warns_when_the_stored_data_changed(capsys, db_path):
    run_cli(capsys, db_path, "demo")
    final = json.loads(run_cli(capsys, db_path, "assessment", "show", "1", "--json")[1])
    code, out, _ = run_cli(capsys, db_path, "verify", final["fingerprint"])
    assert code == 0 and "Cocok: Dinas" in out and "revisi 1" in out
    code, _, err = run_cli(capsys, db_path, "verify", "ab" * 32)
    assert code == 1 and "Tidak ada penilaian final" in err
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER answers_locked_update")
    conn.execute("UPDATE answers SET justification = 'diubah' WHERE assessment_id = 1")
    conn.commit()
    conn.close()
    code, out, err = run_cli(capsys, db_path, "verify", final["fingerprint"])
    assert (
        code == 1 and "Cocok: Dinas" in out and "tidak lagi cocok dengan yang difinalisasi" in err
    )
    assert "- Penilaian #1 (" in err and "tidak lagi menghasilkan sidik jarinya" in err


def test_an_unexpected_error_is_one_line_and_a_log_with_the_traceback(
    capsys, flow, tmp_path, monkeypatch
):
    from kotacerdas_desktop import errorlog
    from kotacerdas_desktop.cli import agency

    def broken(store, args):
        raise ZeroDivisionError("pembagian dengan nol")

    monkeypatch.setenv(errorlog.LOG_ENV, str(tmp_path / "log"))
    monkeypatch.setattr(agency, "list_agencies", broken)
    code, out, err = run_cli(capsys, flow, "agency", "list")
    log = tmp_path / "log" / "kotacerdas.log"
    assert code == 4 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "kesalahan tak terduga (ZeroDivisionError: pembagian dengan nol)" in err
    assert str(log) in err
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "in broken" in logged and "agency list" in logged


def test_a_busy_database_ends_with_exit_code_3_and_nothing_changed(capsys, flow, monkeypatch):
    from kotacerdas_desktop.store import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.1)
    before = snapshot(flow)
    other = sqlite3.connect(flow, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run_cli(
            capsys, flow, "assessment", "answer", "1", "GOV.PUB.01", "--level", "3"
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 3 and "Program lain sedang menulis" in err and "Traceback" not in err
    assert snapshot(flow) == before
