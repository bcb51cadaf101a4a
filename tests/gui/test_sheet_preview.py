"""The print preview shows the generated PDF itself, switches paper, and saves those very bytes."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.gui.sheet_preview import SheetPreviewDialog
from kotacerdas_desktop.reports.sheet import render_sheet


def open_preview(qtbot, store, assessment_id, paper="a4") -> SheetPreviewDialog:
    dialog = SheetPreviewDialog(store, assessment_id, paper=paper)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.paper.isEnabled, timeout=20000)  # disabled while the PDF is made
    return dialog


@pytest.fixture
def final_id(demo_store):
    return demo_store.assessments.current("DISKOMINFO", 2025).id


def test_preview_is_the_same_pdf_the_command_line_writes(qtbot, demo_store, final_id, tmp_path):
    dialog = open_preview(qtbot, demo_store, final_id)
    written = render_sheet(demo_store, final_id, tmp_path / "cli.pdf").read_bytes()
    assert dialog.sheet.pdf == written
    assert dialog.document.pageCount() == dialog.sheet.pages > 3
    size = dialog.page_size()
    assert (round(size.width()), round(size.height())) == (595, 842)
    assert "Final" in dialog.status.text() and dialog.print_button.isEnabled()


def test_choosing_f4_makes_the_sheet_again(qtbot, demo_store, final_id):
    dialog = open_preview(qtbot, demo_store, final_id)
    a4_pages = dialog.sheet.pages
    with qtbot.waitSignal(dialog.sheetReady, timeout=20000):
        dialog.paper.setCurrentIndex(dialog.paper.findData("f4"))
    size = dialog.page_size()
    assert (round(size.width(), 1), round(size.height(), 1)) == (609.4, 935.4)
    assert dialog.sheet.pages < a4_pages


def test_save_as_pdf_writes_the_previewed_bytes(qtbot, demo_store, final_id, tmp_path):
    dialog = open_preview(qtbot, demo_store, final_id, paper="f4")
    assert dialog.save_to(tmp_path / "lembar")
    assert (tmp_path / "lembar.pdf").read_bytes() == dialog.sheet.pdf
    assert "lembar.pdf" in dialog.status.text()


def test_draft_preview_says_it_is_not_for_signing(qtbot, demo_store):
    draft = demo_store.assessments.current("DISKOMINFO", 2026)
    demo_store.assessments.save_answer(
        draft.id, Answer("GOV.PUB.01", level=4, justification="Baru.")
    )
    dialog = open_preview(qtbot, demo_store, draft.id)
    assert "DRAF" in dialog.status.text()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(dialog.sheet.pdf)).pages)
    assert "DRAF" in text and "Baru." in text
    assert dialog.document.pageCount() == dialog.sheet.pages


def test_a_sheet_that_cannot_be_printed_says_why(qtbot, demo_store, final_id):
    demo_store.db.execute("DROP TRIGGER answers_locked_update")
    demo_store.db.execute(
        "UPDATE answers SET justification = 'diubah di luar aplikasi' WHERE assessment_id = ?",
        [final_id],
    )
    dialog = open_preview(qtbot, demo_store, final_id)
    assert "tidak lagi menghasilkan sidik jarinya" in dialog.status.text()
    assert dialog.sheet is None
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_whole_page_first_then_page_width(qtbot, demo_store, final_id):
    from PySide6.QtPdfWidgets import QPdfView

    dialog = open_preview(qtbot, demo_store, final_id)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(QPdfView.ZoomMode.FitToWidth))
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
