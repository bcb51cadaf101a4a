"""The evaluation sheet read back from the PDF: what is printed is what is stored."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from kotacerdas_desktop.domain.document_number import pattern_of
from kotacerdas_desktop.domain.errors import StorageError, ValidationError
from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.reports.indonesian import format_date, sheet_figure
from kotacerdas_desktop.reports.page import PARAF_BOXES, PARAF_HEIGHT, PARAF_WIDTH
from kotacerdas_desktop.reports.sheet import render_sheet
from kotacerdas_desktop.reports.styles import MARGIN_BOTTOM
from kotacerdas_desktop.store import Store
from tests.helpers import run_cli
from tests.reports.conftest import answer_all
from tests.reports.reading import (
    FINGERPRINT,
    MM,
    contains_in_order,
    find_placed,
    font_report,
    full_text,
    images_on_page,
    normalized,
    page_sizes,
    page_texts,
    placed_texts,
    rectangles,
    squeezed,
)


def test_a4_and_f4_page_sizes(demo_sheets):
    assert {(round(w, 1), round(h, 1)) for w, h in page_sizes(demo_sheets.final_a4)} == {
        (595.3, 841.9)
    }
    assert {(round(w, 1), round(h, 1)) for w, h in page_sizes(demo_sheets.final_f4)} == {
        (609.4, 935.4)
    }
    assert round(609.4 / MM) == 215 and round(935.4 / MM) == 330
    # The taller F4 page holds the same sheet on fewer pages.
    assert len(page_sizes(demo_sheets.final_f4)) < len(page_sizes(demo_sheets.final_a4))


@pytest.mark.parametrize("sheet", ["final_a4", "final_f4", "draft_a4"])
def test_every_page_says_halaman_x_dari_n_and_has_two_paraf_boxes(demo_sheets, sheet):
    path = getattr(demo_sheets, sheet)
    texts = page_texts(path)
    number = demo_sheets.final.document_number
    if sheet == "draft_a4":
        number = pattern_of(demo_sheets.agency).open_number(dt.date.today().year)
    assert len(texts) > 3
    for page, text in enumerate(texts, start=1):
        assert f"Halaman {page} dari {len(texts)}" in text
        assert f"ID Dokumen: {number}" in text
        assert text.count("Paraf Penyusun") == 1 and text.count("Paraf Pemeriksa") == 1
    # Drawn as two boxes on every page, both in the bottom margin below the text.
    assert rectangles(path, PARAF_WIDTH, PARAF_HEIGHT) == [2] * len(texts)
    for runs in placed_texts(path):
        for label in (box.id for box in PARAF_BOXES):
            assert find_placed(runs, label).y < MARGIN_BOTTOM


def test_every_indicator_question_is_printed(demo_sheets):
    with Store.open(demo_sheets.db) as store:
        catalogue = store.assessments.catalogue_of(demo_sheets.final)
        answers = store.assessments.answers(demo_sheets.final.id)
    text = full_text(demo_sheets.final_a4)
    for indicator in catalogue.indicators():
        assert contains_in_order(text, indicator.question.id), indicator.code
        assert indicator.code in text
    for dimension in catalogue.dimensions:
        assert normalized(dimension.name.id) in text
    for answer in answers.values():
        printed = answer.na_reason if answer.not_applicable else answer.justification
        assert contains_in_order(text, printed), answer.indicator_code
    assert not contains_in_order(text, "Sejauh mana OPD Anda menyediakan kapal selam?")


def test_kop_title_names_nips_and_place_date(demo_sheets):
    text = full_text(demo_sheets.final_a4)
    first = normalized(page_texts(demo_sheets.final_a4)[0])
    assert first.startswith("PEMERINTAH KOTA MOJOKERTO DINAS KOMUNIKASI DAN INFORMATIKA")
    assert "LEMBAR EVALUASI MANDIRI SMART CITY TAHUN 2025" in first
    assert f"Nomor: {demo_sheets.final.document_number}" in first
    # Tata Naskah Dinas: classification code / serial / unit code / year of signing.
    assert re.fullmatch(
        rf"\d{{3}}(\.\d+)*/\d+/[A-Za-z0-9._-]+/{demo_sheets.final.finalized_at[:4]}",
        demo_sheets.final.document_number,
    )
    for signatory in demo_sheets.agency.signatories.values():
        assert signatory.name in text
        assert f"NIP. {format_nip(signatory.nip)}" in text
        assert signatory.rank in text
    finalized = demo_sheets.final.finalized_at[:10]
    year, month, day = (int(part) for part in finalized.split("-"))
    assert f"Mojokerto, {format_date(dt.date(year, month, day))}" in text
    assert "Mengetahui, Kepala Dinas Komunikasi dan Informatika Kota Mojokerto" in text


def test_fonts_are_embedded(demo_sheets):
    for sheet in (demo_sheets.final_a4, demo_sheets.draft_a4):
        fonts = font_report(sheet)
        assert fonts, "no fonts found"
        assert all(fonts.values()), fonts
        assert any("LiberationSans" in name for name in fonts)


def test_printed_fingerprint_is_the_one_verify_accepts(demo_sheets, capsys):
    last = page_texts(demo_sheets.final_a4)[-1]
    printed = FINGERPRINT.findall(last)
    assert printed == [demo_sheets.final.fingerprint]
    code, out, _ = run_cli(capsys, demo_sheets.db, "verify", printed[0])
    assert code == 0
    assert "DISKOMINFO" in out and "2025" in out


def test_draft_has_watermark_and_no_verification_block(demo_sheets):
    texts = page_texts(demo_sheets.draft_a4)
    assert all("DRAF" in text for text in texts)
    text = normalized(" ".join(texts))
    assert not FINGERPRINT.search(text)
    assert "Verifikasi Keaslian" not in text
    open_number = pattern_of(demo_sheets.agency).open_number(dt.date.today().year)
    assert f"Nomor: {open_number}" in text  # the serial is left open until finalizing
    assert f"ID Dokumen: {open_number} (DRAF)" in text
    assert "DRAF" not in full_text(demo_sheets.final_a4).replace("DRAFT", "")


def test_summary_shows_the_lenses_the_index_and_enablers_apart(demo_sheets):
    with Store.open(demo_sheets.db) as store:
        report = store.assessments.scores(demo_sheets.final.id)
    text = full_text(demo_sheets.final_a4)
    index_line = f"INDEKS PENCAPAIAN {sheet_figure(report.index)} {report.predicate.label.id}"
    assert index_line in text
    for lens, weight in (("Baseline", 10), ("Output", 20), ("Outcome", 30), ("Dampak", 30)):
        assert re.search(
            rf"{lens} .*?{weight}% {re.escape(sheet_figure(report.lenses[lens.lower().replace('dampak', 'impact')]))}",
            text,
        )
    assert "Indeks Pencapaian = rata-rata tertimbang skor lensa evaluasi" in text
    assert "Faktor Pendukung Dinilai terpisah; tidak dihitung dalam indeks." in text
    with Store.open(demo_sheets.db) as store:
        catalogue = store.assessments.catalogue_of(demo_sheets.final)
    for dimension in catalogue.dimensions:
        progress = report.dimensions[dimension.code]
        answered = f"{progress.answered} dari {progress.total} indikator terjawab"
        prefix = "Skor Dimensi" if dimension.kind == "dimension" else "Skor"
        # One pair of brackets at most: the name's own, never a second one after it.
        assert f"{prefix} {normalized(dimension.name.id)} — {answered}" in text
        assert f"{normalized(dimension.name.id)} ({answered}" not in text
        for element in dimension.elements:
            assert f"Elemen: {normalized(element.name.id)} — skor elemen" in text
    assert "Skor Dimensi Faktor Pendukung" not in text  # the enablers are not a dimension


def test_5000_character_justification_continues_across_pages(store, draft, tmp_path):
    answer_all(store, draft.id)
    words = [f"uraian{n:04d}" for n in range(460)]
    long_text = " ".join(words)
    assert len(long_text) >= 5000
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.02", level=4, justification=long_text))
    out = render_sheet(store, draft.id, tmp_path / "long.pdf")
    texts = page_texts(out)
    text = normalized(" ".join(texts))
    assert all(word in text for word in words)
    holding = [n for n, page in enumerate(texts) if "uraian" in page]
    assert len(holding) >= 2, "the justification should run over a page break"
    assert all(f"dari {len(texts)}" in page for page in texts)
    # The header row is repeated on the page where the justification continues.
    assert "Indikator Tingkat Penjelasan Bukti Dukung" in normalized(texts[holding[-1]])


def test_typed_markup_and_diacritics_print_as_typed(store, draft, tmp_path):
    typed = 'Nilai <b>tebal</b> & "R&D" <br/> tetap; Déwi Sukmawati, Ngurah Rai, Pak Hadi.'
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=2, justification=typed))
    text = full_text(render_sheet(store, draft.id, tmp_path / "typed.pdf"))
    assert normalized(typed) in text
    assert "Ni Luh Putu Ayu Déwi Sukmawati, S.Kom." in text


def test_not_applicable_unanswered_and_evidence(store, draft, tmp_path):
    catalogue = store.assessments.catalogue_of(draft)
    optional = next(i for i in catalogue.indicators() if i.allow_na)
    store.assessments.save_answer(
        draft.id,
        Answer(optional.code, not_applicable=True, na_reason="Bukan kewenangan OPD ini."),
    )
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=5, follow_up="Replikasi."))
    store.evidence.add(
        draft.id,
        "GOV.PUB.01",
        Evidence("Keputusan Kepala Dinas", "188.45/12/417.50/2026", "2026-03-12"),
        content=b"%PDF-1.4 bukti",
    )
    text = full_text(render_sheet(store, draft.id, tmp_path / "na.pdf"))
    assert "Tidak berlaku" in text and "Alasan tidak berlaku: Bukan kewenangan OPD ini." in text
    assert squeezed(
        "Keputusan Kepala Dinas (No. 188.45/12/417.50/2026, 12 Maret 2026) [berkas terlampir]"
    ) in squeezed(text)
    assert "Rencana tindak lanjut: Replikasi." in text
    assert "Belum dijawab" in text


def test_missing_signatories_leave_lines_to_write_on(store, agency, tmp_path):
    agency.signatories = {"approved": agency.signatories["approved"]}
    store.db.execute("DELETE FROM signatories WHERE role != 'approved'")
    assessment = store.assessments.new(agency.code, 2026)
    text = full_text(render_sheet(store, assessment.id, tmp_path / "blank.pdf"))
    assert text.count("NIP. ....") == 2
    assert "Disiapkan oleh," in text and "Diperiksa oleh," in text


def test_logo_is_printed_in_the_kop(store, agency, draft, tmp_path):
    without = render_sheet(store, draft.id, tmp_path / "without.pdf")
    buffer = io.BytesIO()
    Image.new("RGB", (120, 140), (20, 90, 160)).save(buffer, format="PNG")
    agency.logo = buffer.getvalue()
    store.agencies.update(agency)
    with_logo = render_sheet(store, draft.id, tmp_path / "with.pdf")
    assert images_on_page(without, 0) == 0
    assert images_on_page(with_logo, 0) == 1


def test_a_broken_logo_does_not_stop_the_sheet(store, agency, draft, tmp_path):
    agency.logo = b"not an image"
    store.agencies.update(agency)
    out = render_sheet(store, draft.id, tmp_path / "broken-logo.pdf")
    assert images_on_page(out, 0) == 0
    assert "Halaman 1 dari" in page_texts(out)[0]


def test_finalized_sheet_prints_to_the_same_bytes(demo_sheets, tmp_path):
    with Store.open(demo_sheets.db) as store:
        again = render_sheet(store, demo_sheets.final.id, tmp_path / "again.pdf")
    assert again.read_bytes() == demo_sheets.final_a4.read_bytes()


def test_finalized_sheet_keeps_the_agency_and_signatories_it_was_signed_with(
    store, agency, draft, tmp_path
):
    answer_all(store, draft.id)
    store.lifecycle.finalize(draft.id)
    before = render_sheet(store, draft.id, tmp_path / "before.pdf")
    old_name, old_head = agency.name, agency.head.name
    agency.name = "Dinas Komunikasi, Informatika dan Statistik"
    agency.head.name = "Kepala Baru Pengganti"
    agency.head.nip = "198502142010011003"
    store.agencies.update(agency)
    after = render_sheet(store, draft.id, tmp_path / "after.pdf")
    assert after.read_bytes() == before.read_bytes()
    text = normalized(full_text(after))
    assert old_name in text and old_head in text
    assert "Kepala Baru Pengganti" not in text and "Statistik" not in text


def test_sheet_refused_when_finalized_data_no_longer_matches(store, draft, tmp_path):
    answer_all(store, draft.id)
    store.lifecycle.finalize(draft.id)
    store.db.execute("DROP TRIGGER answers_locked_update")
    store.db.execute(
        "UPDATE answers SET justification = 'diubah di luar aplikasi' WHERE assessment_id = ?",
        [draft.id],
    )
    out = tmp_path / "refused.pdf"
    with pytest.raises(StorageError, match="tidak lagi menghasilkan sidik jarinya"):
        render_sheet(store, draft.id, out)
    assert not out.exists()


def test_unknown_paper_is_refused_and_nothing_written(store, draft, tmp_path):
    out = tmp_path / "letter.pdf"
    with pytest.raises(ValidationError, match="pilih A4 atau F4"):
        render_sheet(store, draft.id, out, paper="letter")
    assert not out.exists()


def test_metadata_names_the_sheet(demo_sheets):
    info = PdfReader(demo_sheets.final_a4).metadata
    assert info.title == "Lembar Evaluasi Dinas Komunikasi dan Informatika Tahun 2025 Revisi 1"
    assert re.search(demo_sheets.final.fingerprint, info.subject)


def test_another_framework_prints_with_its_own_title(store, agency, tmp_path):
    assessment = store.assessments.new(agency.code, 2026, "SPBE")
    answer_all(store, assessment.id, level=4)
    text = full_text(render_sheet(store, assessment.id, tmp_path / "spbe.pdf"))
    assert "LEMBAR EVALUASI SPBE (PERMENPANRB NOMOR 59 TAHUN 2020) TAHUN 2026" in text
    assert "Faktor Pendukung" not in text
    assert (
        "INDEKS EVALUASI SPBE (PERMENPANRB NOMOR 59 TAHUN 2020) (sementara) 4,00 Sangat Baik "
        "(sementara)" in text
    )
    assert "Sumber bobot: Lampiran PermenPANRB Nomor 59 Tahun 2020" in text
    # Process capability names the level of a policy indicator, function capability a service's.
    assert "SPBE.D1.A1.01 4 Terpadu dan Terukur" in text
    assert "SPBE.D4.A7.32 4 Kolaborasi" in text
    assert "Indeks = rata-rata tertimbang skor dimensi (domain)" in text
