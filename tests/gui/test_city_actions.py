"""The Kota window's commands on real files: the recap and the register written from what the
window shows, the coordinating agency asked for once, and packages dropped on the window."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog

from kotacerdas_desktop.domain.city import follow_up_register
from kotacerdas_desktop.exchange.export import export_package
from kotacerdas_desktop.store import Store
from tests.gui.test_city_view import YEAR, open_city
from tests.gui.test_exchange_gui import results_dialog


def test_the_recap_asks_for_the_coordinator_once_then_is_written(
    demo_window, demo_store, qtbot, tmp_path, monkeypatch
):
    city = open_city(demo_window, qtbot)
    out = tmp_path / "rekap"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF F4/Folio (*.pdf)")
    )
    asked = []

    def choose(parent, title, label, items, *rest):
        asked.append(label)
        return next(i for i in items if i.startswith("BAPPEDA")), True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    city.recap_actions.save_recap()
    written = out.with_suffix(".pdf")
    qtbot.waitUntil(written.exists, timeout=60_000)
    assert "OPD koordinator smart city belum ditentukan" in asked[0]
    assert demo_store.coordinator.get().code == "BAPPEDA"
    page = PdfReader(written).pages[0]
    assert round(float(page.mediabox.height) / 72 * 25.4) == 330  # F4 as chosen
    qtbot.waitUntil(lambda: "Rekap ditulis ke" in city.ui.labelBusy.text(), timeout=10_000)


def test_the_register_is_saved_as_the_window_filters_it(
    demo_window, demo_store, qtbot, tmp_path, monkeypatch
):
    import openpyxl

    city = open_city(demo_window, qtbot)
    register = city.register.ui
    register.comboAgency.setCurrentIndex(register.comboAgency.findData("DISHUB"))
    out = tmp_path / "register.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    city.recap_actions.save_register()
    qtbot.waitUntil(out.exists, timeout=60_000)
    expected = follow_up_register(demo_store.city.picture(YEAR), 3, "DISHUB")
    sheet = openpyxl.load_workbook(out).worksheets[0]
    codes = [c.value for c in sheet["D"] if isinstance(c.value, str) and c.value.count(".") == 2]
    assert expected and len(codes) == len(expected)


def test_packages_dropped_on_the_city_window_are_imported(demo_store, open_window, qtbot, tmp_path):
    path = export_package(
        demo_store, demo_store.assessments.current("DLH", YEAR).id, tmp_path / "dlh.kcpkg"
    )
    with Store.open(tmp_path / "koordinator.sqlite") as coordinator:
        window = open_window(coordinator)
        city = open_city(window, qtbot)
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        drop = QDropEvent(
            QPointF(5, 5),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        assert city.recap_actions.eventFilter(city, drop)
        dialog = results_dialog(qtbot)
        assert dialog.table.item(0, 4).text() == "diimpor"
        dialog.accept()
        qtbot.waitUntil(
            lambda: city.data is not None and city.data.picture is not None, timeout=30_000
        )
        assert Path(path).name in {row["file_name"] for row in coordinator.imports.history()}
