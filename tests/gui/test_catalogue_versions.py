"""A city that upgraded: last year answered on 2026.1, this year on 2026.2.

Last year's answer to an indicator that was merged shows beside the new
indicator, naming its old code, and "Salin jawaban sebelumnya" copies it onto
the new indicator. The new catalogue's level rule and minimum evidence show on
the form; last year's catalogue, which has neither, shows no empty boxes.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Signatory
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory, stored_answer


@pytest.fixture
def upgraded(store: Store) -> Store:
    head = Signatory(ROLE_APPROVED, "Galih Setyo Pamungkas, S.Kom., M.T.", "197406112000031002")
    store.agencies.add(
        Agency("DISKOMINFO", "Dinas Komunikasi dan Informatika", signatories={ROLE_APPROVED: head})
    )
    last = store.assessments.new("DISKOMINFO", 2025, version="2026.1")
    store.assessments.save_answer(
        last.id, Answer("SOC.COM.02", level=4, justification="Aduan LAPOR! tuntas 97%.")
    )
    store.lifecycle.finalize(last.id, override_reason="Contoh: hanya satu indikator dijawab")
    store.assessments.new("DISKOMINFO", 2026)
    return store


@pytest.fixture
def window(upgraded: Store, open_window: WindowFactory) -> MainWindow:
    window = open_window(upgraded)
    window.open_assessment(upgraded.assessments.current("DISKOMINFO", 2026), "GOV.PUB.03")
    return window


def test_last_years_answer_shows_under_the_new_code_and_names_the_old_one(window: MainWindow):
    panel = window.previous_panel.ui
    assert window.editor.code == "GOV.PUB.03"
    assert panel.labelPrevTitle.text() == "Jawaban tahun 2025 (kode lama SOC.COM.02)"
    assert panel.labelPrevLevel.text().startswith("Tingkat 4 · ")
    assert panel.labelPrevJustification.text() == "Aduan LAPOR! tuntas 97%."
    assert window.form.levels.cards()[3].chip.isVisibleTo(window.form)  # "Tahun 2025" on level 4


def test_an_indicator_new_in_this_version_says_so_instead_of_not_answered(window: MainWindow):
    window.show_indicator("ENV.WAS.05")
    panel = window.previous_panel.ui
    assert panel.labelPrevLevel.text() == "Indikator baru: katalog tahun lalu belum memuatnya."
    assert not panel.buttonCopyPrevious.isVisible()
    window.show_indicator("GOV.PUB.01")  # in both versions, unanswered last year
    assert panel.labelPrevLevel.text() == "Belum dijawab"


def test_copying_last_years_answer_lands_on_the_new_indicator(
    window: MainWindow, upgraded: Store, qtbot: QtBot
):
    draft_id = window.current_assessment_id() or 0
    button = window.previous_panel.ui.buttonCopyPrevious
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    row = stored_answer(upgraded.path, draft_id, "GOV.PUB.03")
    assert row is not None
    assert (row["level"], row["justification"]) == (4, "Aduan LAPOR! tuntas 97%.")
    assert stored_answer(upgraded.path, draft_id, "SOC.COM.02") is None


def test_the_form_shows_the_level_rule_and_each_levels_minimum_evidence(
    window: MainWindow, upgraded: Store
):
    form = window.form
    rule = form.ui.labelLevelRule
    assert rule.isVisibleTo(form) and "kumulatif" in rule.text()
    catalogue = window.editor.catalogue
    assert catalogue is not None
    for card, level in zip(
        form.levels.cards(), catalogue.indicator("GOV.PUB.03").levels, strict=True
    ):
        assert card.evidence.isVisibleTo(form)
        assert card.evidence.text() == f"Bukti minimum: {level.evidence.id}"

    window.open_assessment(upgraded.assessments.current("DISKOMINFO", 2025), "GOV.PUB.03")
    assert not rule.isVisibleTo(form)  # 2026.1 states no rule and no evidence per level
    assert not any(card.evidence.isVisibleTo(form) for card in form.levels.cards())


def test_an_indicators_note_shows_under_its_guidance(window: MainWindow, upgraded: Store):
    assert not window.form.ui.labelNote.isVisibleTo(window.form)  # 2026.2 has no note here
    data = json.loads(
        upgraded.db.execute("SELECT body FROM catalogues WHERE version = '2026.2'").fetchone()[0]
    )
    data["version"] = "2026.3"
    data["dimensions"][0]["elements"][0]["indicators"][2]["note"] = {
        "id": "Teks resmi indikator ini belum dapat dikonfirmasi.",
        "en": "The official text of this indicator could not be confirmed.",
    }
    upgraded.catalogues.import_text(json.dumps(data), "smartcity-2026.3.json")
    upgraded.agencies.add(Agency("DLH", "Dinas Lingkungan Hidup"))
    window.open_assessment(upgraded.assessments.new("DLH", 2026), "GOV.PUB.03")
    note = window.form.ui.labelNote
    assert note.isVisibleTo(window.form)
    assert note.text() == "Catatan: Teks resmi indikator ini belum dapat dikonfirmasi."
