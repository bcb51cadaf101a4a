"""Long names are cut with "…" where they do not fit, and shown whole in a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store

LONG_NAME = (
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana"
)


@pytest.mark.qt_log_ignore(  # the open list, offscreen
    "does not support grabbing the keyboard",
    "does not support propagateSizeHints",
    "does not support raise",
)
def test_a_long_agency_name_is_cut_in_the_box_and_whole_in_its_tooltip(
    demo_window: MainWindow, demo_store: Store
) -> None:
    demo_store.agencies.add(Agency("DP3AP2KB", LONG_NAME))
    demo_store.assessments.new("DP3AP2KB", 2026)
    demo_window.switcher.refresh("DP3AP2KB", 2026)
    combo = demo_window.switcher.agency_combo
    assert combo.currentText() == f"{LONG_NAME} (DP3AP2KB)"
    shown = combo.shown_text()
    assert shown.endswith("…") and LONG_NAME.startswith(shown[:-1])
    assert combo.fontMetrics().horizontalAdvance(shown) < combo.width()
    assert LONG_NAME in combo.toolTip() and "Pilih OPD" in combo.toolTip()
    combo.showPopup()  # the open list shows every name whole
    assert combo.view().width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())
    combo.hidePopup()
    demo_window.switcher.refresh("DISKOMINFO", 2026)
    assert combo.shown_text() == combo.currentText()  # a name that fits is not cut


def test_every_name_in_the_tree_has_its_whole_text_in_a_tooltip(demo_window: MainWindow) -> None:
    model = demo_window.navigation.model
    assert model.rowCount() >= 6
    for code, item in model.items.items():
        assert item.text() in item.data(Qt.ItemDataRole.ToolTipRole), code
