"""The planner's windows on the demo city: the agency's plan, accepting it into follow-up plans,
the what-if sandbox, effort estimates, and the coordinator's city plan."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.score_text import index_line
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.gui.plan_panel import COL_ACCEPT, COL_DUE, COL_WHO, FIGURE
from tests.helpers import snapshot
from tests.reports.reading import full_text


@pytest.fixture
def draft(demo_store):
    return demo_store.assessments.current("DISKOMINFO", 2026)


@pytest.fixture
def plan_window(qtbot, demo_window, draft):
    demo_window.open_assessment(draft)
    demo_window.findChild(QAction, "actionAgencyPlan").trigger()
    window = demo_window.plan_menu.agency_window
    qtbot.waitExposed(window)
    return window


def follow_up(store, assessment_id, code):
    return store.assessments.answer(assessment_id, code).follow_up


def test_ctrl_r_plans_the_shown_assessment_to_the_next_predicate(plan_window, demo_store, draft):
    panel = plan_window.panel
    assert panel.target.currentText() == "Sangat Baik (3,50)"
    assert "hari ini 3,35 Baik; target 3,50 (Sangat Baik) tercapai dengan 2 langkah" in (
        panel.summary.text()
    )
    assert panel.table.rowCount() == 2
    row = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    indicator = demo_store.assessments.catalogue_of(draft).indicator("ECO.FIN.04")
    level = indicator.level(3)
    assert row[2] == f"ECO.FIN.04\n{indicator.question}" and row[3] == "2 → 3"
    assert row[4] == f"{level.label}: {level.description}"
    assert row[5] == str(level.evidence) != str(indicator.guidance)  # the level's own evidence
    assert row[6:8] == ["+0,0909", "3,44"]
    assert panel.table.item(1, 5).text() == str(indicator.level(4).evidence)
    assert 'href="ECO.WEL.04"' in panel.to_answer.text() and not panel.note.isVisibleTo(panel)
    assert panel.accept_button.isEnabled()


def test_accepted_steps_reach_the_follow_up_plans_and_the_form(
    qtbot, demo_window, plan_window, draft
):
    store, panel = demo_window.store, plan_window.panel
    panel.target.setCurrentIndex(panel.target.findData(FIGURE))
    panel.figure.setValue(3.8)  # ECO.FIN.04 2 -> 5, LIV.HAR.02 3 -> 5, GOV.POL.04 4 -> 5
    assert panel.table.item(5, 2).text().startswith("GOV.POL.04")
    untouched = follow_up(store, draft.id, "GOV.POL.04")
    panel.table.item(0, COL_WHO).setText("Bidang Aplikasi")
    panel.table.item(0, COL_DUE).setText("Juni 2027")
    panel.table.item(5, COL_ACCEPT).setCheckState(Qt.CheckState.Unchecked)
    demo_window.show_indicator("ECO.FIN.04")
    demo_window.form.ui.editFollowUp.setFocus()
    qtbot.keyClicks(demo_window.form.ui.editFollowUp, " Diketik sebelum menerima.")
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert "5 langkah diterima ke rencana tindak lanjut 2 indikator" in panel.status.text()
    stored = follow_up(store, draft.id, "ECO.FIN.04")
    assert "Diketik sebelum menerima." in stored  # the form saved the typing first
    indicator = store.assessments.catalogue_of(draft).indicator("ECO.FIN.04")
    for level in (3, 4, 5):
        assert f"ke tingkat {level} ({indicator.level(level).label})" in stored
    assert "Penanggung jawab: Bidang Aplikasi. Tenggat: Juni 2027." in stored
    assert follow_up(store, draft.id, "GOV.POL.04") == untouched
    assert demo_window.form.ui.editFollowUp.toPlainText() == stored
    undo = demo_window.editor.undo_stack
    assert undo.count() == 0  # an older step would put the old follow-up plan back
    qtbot.keyClicks(demo_window.form.ui.editJustification, " Ditambah kemudian.")
    demo_window.editor.flush()
    assert follow_up(store, draft.id, "ECO.FIN.04") == stored  # the form never saves over it
    undo.undo()
    assert follow_up(store, draft.id, "ECO.FIN.04") == stored
    assert (
        "Ditambah kemudian." not in store.assessments.answer(draft.id, "ECO.FIN.04").justification
    )


def test_a_finalized_assessment_is_planned_printed_and_saved_but_not_accepted(
    qtbot, demo_window, plan_window, demo_store, tmp_path
):
    demo_window.open_assessment(demo_store.assessments.current("DISKOMINFO", 2025))
    panel = plan_window.panel
    assert "2025" in plan_window.windowTitle()
    assert not panel.accept_button.isEnabled()
    assert "sudah final dan terkunci" in panel.note.text() and panel.note.isVisibleTo(panel)
    out = tmp_path / "rencana.xlsx"
    panel.save_to(out)
    qtbot.waitUntil(out.exists, timeout=20000)
    rows = list(load_workbook(out)["Rencana"].iter_rows(values_only=True))
    assert rows[0][0].startswith("Rencana Capaian DISKOMINFO Tahun 2025")
    pdf = tmp_path / "rencana.pdf"
    panel.save_to(pdf)
    qtbot.waitUntil(pdf.exists, timeout=20000)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_what_if_moves_every_figure_and_never_touches_the_file(plan_window, demo_store, draft):
    before = snapshot(demo_store.path)
    what_if = plan_window.what_if
    saved_index = what_if.figures.item(0, 1).text()
    assert saved_index == "3,35 Baik (sementara)"
    combo = what_if.combos["GOV.POL.04"]  # level 4 today
    combo.setCurrentIndex(combo.findData(5))
    answers = demo_store.assessments.answers(draft.id)
    catalogue = demo_store.assessments.catalogue_of(draft)
    old = score(catalogue, answers)
    new = score(catalogue, {**answers, "GOV.POL.04": replace(answers["GOV.POL.04"], level=5)})
    shown = {what_if.figures.item(r, 0).text(): r for r in range(what_if.figures.rowCount())}
    gov = shown[f"GOV {catalogue.dimension('GOV').name}"]
    assert what_if.figures.item(gov, 2).text() == format_figure(new.dimensions["GOV"].score)
    change = new.dimensions["GOV"].score - old.dimensions["GOV"].score
    assert what_if.figures.item(gov, 3).text() == "+" + format_figure(change)
    assert what_if.figures.item(0, 2).text() == index_line(new)
    assert what_if.levels.item(11, 0).font().bold()  # the changed row stands out
    assert snapshot(demo_store.path) == before
    what_if.restore()
    assert what_if.figures.item(0, 2).text() == saved_index


def test_try_the_plan_in_the_sandbox(plan_window):
    plan_window.what_if.try_plan.click()
    assert plan_window.what_if.figures.item(0, 2).text() == "3,53 Sangat Baik (sementara)"


def test_effort_estimates_and_other_targets_change_the_plan(plan_window):
    panel = plan_window.panel
    panel.target.setCurrentIndex(panel.target.findData(FIGURE))
    panel.figure.setValue(3.8)
    assert panel.table.rowCount() == 6
    panel.scope.setCurrentIndex(panel.scope.findData("GOV"))
    assert panel.summary.text().startswith("skor GOV Smart Governance")
    panel.scope.setCurrentIndex(0)
    panel.target.setCurrentIndex(panel.target.findData("Sangat Baik"))
    fewest = panel.plan
    hard = {s.indicator_code for s in fewest.steps}
    for code in hard:
        plan_window.efforts.spins[code].setValue(5)
    panel.weigh.setChecked(True)
    assert "total upaya" in panel.summary.text() and panel.plan.weighed
    assert panel.plan.effort < sum(5 for _ in fewest.steps)
    assert {s.indicator_code for s in panel.plan.steps} != hard


def test_an_unanswered_indicator_link_opens_it_in_the_form(demo_window, plan_window):
    plan_window.panel.to_answer.linkActivated.emit("GOV.BUR.02")
    assert demo_window.editor.code == "GOV.BUR.02"


def test_the_city_plan_is_accepted_into_the_agencies_drafts(qtbot, demo_window, demo_store):
    demo_window.findChild(QAction, "actionCityPlan").trigger()
    window = demo_window.plan_menu.city_window
    qtbot.waitExposed(window)
    panel = window.panel
    assert window.year.currentData() == 2025
    assert demo_window.actions.menu_city.actions()[-1].objectName() == "actionCityPlan"
    assert (
        "hari ini 2,62 Baik; target 3,50 (Sangat Baik) tercapai dengan 71 langkah"
        in panel.summary.text()
    )
    assert panel.table.item(0, 1).text() == "DISPARPORA" and not panel.table.isColumnHidden(1)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert "71 langkah diterima ke rencana tindak lanjut 8 OPD" in panel.status.text()
    draft = demo_store.assessments.current("DISPARPORA", 2026)
    assert "Rencana capaian kota 2025: naik dari tingkat 2" in follow_up(
        demo_store, draft.id, "BRD.TOU.04"
    )


def test_the_city_plan_pdf_asks_for_the_coordinator_once_as_the_kota_window(
    qtbot, demo_window, demo_store, tmp_path, monkeypatch
):
    demo_window.findChild(QAction, "actionCityPlan").trigger()
    panel = demo_window.plan_menu.city_window.panel
    asked = []

    def choose(parent, title, label, items, *rest):
        asked.append(label)
        return next(i for i in items if i.startswith("BAPPEDA")), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    workbook = tmp_path / "rencana-kota.xlsx"
    panel.save_to(workbook)  # a workbook can do without it
    qtbot.waitUntil(workbook.exists, timeout=20000)
    assert asked == []
    out = tmp_path / "rencana-kota.pdf"
    panel.save_to(out)
    qtbot.waitUntil(out.exists, timeout=60000)
    assert len(asked) == 1 and "OPD koordinator smart city belum ditentukan" in asked[0]
    assert demo_store.coordinator.get().code == "BAPPEDA"
    assert "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in full_text(out)
    again = tmp_path / "lagi.pdf"
    panel.save_to(again)
    qtbot.waitUntil(again.exists, timeout=60000)
    assert len(asked) == 1  # remembered in the file


def test_printing_sends_every_page_of_the_plan_landscape(qtbot, plan_window, tmp_path):
    from pypdf import PdfReader

    from kotacerdas_desktop.gui.plan_print import prepare_plan_printer, print_document
    from tests.gui.test_sheet_print import pdf_printer

    out = tmp_path / "dicetak.pdf"
    printer = pdf_printer(out, resolution=150)
    prepare_plan_printer(printer, "Rencana")
    panel = plan_window.panel
    panel.target.setCurrentIndex(panel.target.findData(FIGURE))
    panel.figure.setValue(4.5)  # a plan long enough to run over pages
    document = panel.source.document(panel.plan, panel.assignments(), printed=True)
    printed = []
    print_document(plan_window, document, printer, on_done=printed.append)
    qtbot.waitUntil(lambda: bool(printed), timeout=60000)
    pages = PdfReader(out).pages
    assert printed == [len(pages)] and len(pages) >= 3
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in pages)
