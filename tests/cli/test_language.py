"""The command line's language: --lang, then KOTACERDAS_LANG, then the app's setting; argparse's
own words in Indonesian; the sheet Indonesian unless --lang en is typed on the command line."""

from __future__ import annotations

import re

import pytest

from kotacerdas_desktop.store import Store
from tests.helpers import run_cli, snapshot
from tests.reports.reading import full_text

# Words argparse (and our tables) wrote in English before; none may reach an Indonesian user.
ENGLISH = re.compile(
    r"\b(usage|invalid choice|choose from|required|unrecognized arguments|argument|expected|"
    r"one of the arguments|not allowed|draft|finalized|options)\b",
    re.IGNORECASE,
)

USAGE_ERRORS = [
    (["bogus"], "argumen COMMAND: pilihan 'bogus' tidak ada; pilih salah satu: 'catalogue'"),
    (["sheet", "1", "--out", "x.pdf", "--paper", "b5"], "pilihan 'b5' tidak ada"),
    (["assessment"], "argumen ini wajib diisi: ACTION"),
    (["assessment", "new", "DISKOMINFO"], "argumen ini wajib diisi: year"),
    (["assessment", "answer", "1", "GOV.PUB.01"], "salah satu argumen ini wajib diisi: --level"),
    (["agency", "list", "extra"], "argumen tidak dikenal: extra"),
    (
        ["assessment", "answer", "1", "GOV.PUB.01", "--level"],
        "argumen --level: memerlukan satu nilai",
    ),
    (
        ["assessment", "answer", "1", "GOV.PUB.01", "--level", "3", "--not-applicable", "x"],
        "argumen --not-applicable: tidak boleh dipakai bersama argumen --level",
    ),
    (["--lang", "fr", "agency", "list"], "argumen --lang: pilihan 'fr' tidak ada"),
]


@pytest.fixture
def database(capsys: pytest.CaptureFixture[str], demo_store: Store) -> Store:
    demo_store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return demo_store


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_usage_errors_are_indonesian(capsys, database, args, message):
    before = snapshot(database.path)
    code, out, err = run_cli(capsys, database.path, *args)
    assert code == 2 and out == ""
    assert err.startswith("penggunaan: kotacerdas")
    assert "Perintah tidak sah: " in err and message in err
    assert ENGLISH.search(err) is None, err
    assert snapshot(database.path) == before


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS[:3])
def test_usage_errors_are_english_with_lang_en(capsys, database, args, message):
    code, _, err = run_cli(capsys, database.path, "--lang", "en", *args)
    assert code == 2 and err.startswith("usage: kotacerdas") and "Invalid command: " in err
    assert "penggunaan" not in err and "tidak" not in err


def test_help_is_indonesian(capsys, database):
    code, out, _ = run_cli(capsys, database.path, "assessment", "answer", "--help")
    assert code == 0 and out.startswith("penggunaan: kotacerdas assessment answer")
    assert "argumen:" in out and "opsi:" in out and "tampilkan bantuan ini lalu keluar" in out
    assert "usage" not in out and "show this help" not in out


def test_statuses_in_tables_are_words_of_the_language(capsys, database):
    code, out, _ = run_cli(capsys, database.path, "assessment", "list")
    statuses = {line.split()[4] for line in out.splitlines()[2:]}
    assert code == 0 and statuses == {"draf", "final"}
    assert ENGLISH.search(out) is None
    code, out, _ = run_cli(capsys, database.path, "--lang", "en", "assessment", "list")
    assert {line.split()[4] for line in out.splitlines()[2:]} == {"draft", "final"}
    assert "COMPLETE" in out and "LENGKAP" not in out
    code, out, _ = run_cli(capsys, database.path, "assessment", "show", "1")
    assert "Status: final" in out


def test_flag_then_environment_then_setting(capsys, database, monkeypatch):
    def year_message(*args: str) -> str:
        return run_cli(capsys, database.path, *args, "assessment", "new", "DISKOMINFO", "1999")[2]

    monkeypatch.delenv("KOTACERDAS_LANG")
    assert "Tahun 1999 di luar rentang" in year_message()
    database.settings.set_language("en")
    assert "Year 1999 is outside" in year_message()  # the setting, when nothing else chose
    monkeypatch.setenv("KOTACERDAS_LANG", "id")
    assert "Tahun 1999 di luar rentang" in year_message()  # the environment over the setting
    monkeypatch.setenv("KOTACERDAS_LANG", "en")
    assert "Tahun 1999 di luar rentang" in year_message("--lang", "id")  # the flag over both
    assert "Year 1999 is outside" in year_message("--lang=en")


def test_a_language_the_program_does_not_speak_is_refused(database):
    from kotacerdas_desktop.domain.errors import ValidationError

    before = snapshot(database.path)
    with pytest.raises(ValidationError, match="Bahasa 'fr' tidak dikenal") as info:
        database.settings.set_language("fr")
    assert info.value.field == "language" and snapshot(database.path) == before


def test_the_sheet_stays_indonesian_unless_lang_en_is_typed(
    capsys, database, monkeypatch, tmp_path
):
    database.settings.set_language("en")
    monkeypatch.setenv("KOTACERDAS_LANG", "en")
    indonesian = tmp_path / "lembar.pdf"
    code, out, _ = run_cli(capsys, database.path, "sheet", "1", "--out", str(indonesian))
    assert code == 0 and "Evaluation sheet of assessment #1 (final)" in out  # English messages
    text = full_text(indonesian)
    assert "LEMBAR EVALUASI" in text and "Halaman 1 dari" in text and "translation" not in text
    english = tmp_path / "sheet-en.pdf"
    code, _, _ = run_cli(capsys, database.path, "--lang", "en", "sheet", "1", "--out", str(english))
    text = full_text(english)
    assert code == 0 and "EVALUATION SHEET" in text and "Page 1 of" in text
    assert "English translation for information. The legal record is the evaluation sheet" in text
    # The operator's own words (justifications, ranks) stay as typed; the sheet's words do not.
    for words in ("Halaman", "Penjelasan", "Bukti Dukung", "Disiapkan oleh", "Paraf Penyusun",
                  "Rekapitulasi Hasil", "Skor Dimensi", "indikator terjawab", "Sidik jari"):  # fmt: skip
        assert words not in text, words


def test_an_english_batch_names_its_files_as_translations(capsys, database, tmp_path):
    code, _, _ = run_cli(
        capsys, database.path, "--lang", "en", "sheet", "--all", "--year", "2025",
        "--out-dir", str(tmp_path / "en"),
    )  # fmt: skip
    names = sorted(path.name for path in (tmp_path / "en").iterdir())
    assert code == 0 and len(names) == 10 and all(name.endswith("-r1-en.pdf") for name in names)
