"""One rounding rule on every surface: the window's header and lens bars, the printed sheet
and `assessment show --json` give the same figures for the same assessment."""

from __future__ import annotations

import json

from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.reports.indonesian import sheet_figure
from kotacerdas_desktop.reports.sheet import render_sheet
from tests.helpers import run_cli
from tests.reports.reading import full_text


def comma(number: float) -> str:
    return f"{number:.2f}".replace(".", ",")


def test_window_sheet_and_json_give_the_same_figures(demo_store, qtbot, capsys, tmp_path):
    draft = demo_store.assessments.current("DISKOMINFO", 2026)
    demo_store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=1))
    report = demo_store.assessments.scores(draft.id)
    code, out, _ = run_cli(capsys, demo_store.path, "assessment", "show", str(draft.id), "--json")
    shown = json.loads(out)["scores"]
    text = full_text(render_sheet(demo_store, draft.id, tmp_path / "draft.pdf"))
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.open_assessment(draft)
    header = window.navigation.ui.labelIndex.text()
    assert code == 0 and header == sheet_figure(report.index) == comma(shown["index"])
    assert window.navigation.ui.labelPredicate.text() == f"{report.predicate.label.id} (sementara)"
    assert f"INDEKS PENCAPAIAN (sementara; belum semua indikator terjawab) {header}" in text
    bars = {f.name: f.figure for f in window.navigation.lens_bars.lenses()}
    for lens, name in (("baseline", "Baseline"), ("impact", "Dampak"), ("quickwin", "Quick win")):
        assert bars[name] == sheet_figure(report.lenses[lens]) == comma(shown["lenses"][lens])
    for code_ in ("GOV", "ENV"):
        assert comma(shown["dimensions"][code_]) == sheet_figure(report.dimensions[code_].score)
