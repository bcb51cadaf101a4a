"""File > Ekspor paket and Impor paket on real files: the package written, the import's
outcome table, a decision the import waited for, and packages dropped onto the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from kotacerdas_desktop.exchange.export import export_package
from kotacerdas_desktop.exchange.package import read_package
from kotacerdas_desktop.gui.import_results import ImportResultsDialog
from kotacerdas_desktop.store import Store
from tests.gui.conftest import answer_modal


def results_dialog(qtbot) -> ImportResultsDialog:
    found: list[ImportResultsDialog] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ImportResultsDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=20000)
    return found[0]


def cell(dialog: ImportResultsDialog, row: int, column: int) -> str:
    return dialog.table.item(row, column).text()


def test_export_writes_a_package_that_verifies(demo_window, qtbot, tmp_path, monkeypatch):
    store = demo_window.store
    final = store.assessments.current("DISKOMINFO", 2025)
    demo_window.open_assessment(final)
    out = tmp_path / "usb" / "paket-diskominfo"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    demo_window.findChild(
        type(demo_window.exchange_menu.actions.export), "actionExportPackage"
    ).trigger()
    written = out.with_suffix(".kcpkg")
    qtbot.waitUntil(written.exists, timeout=20000)
    package = read_package(written)
    assert package.contents.assessment.uuid == final.uuid and package.contents.kind == "final"
    qtbot.waitUntil(lambda: "Paket ditulis ke" in demo_window.statusBar().currentMessage())


def test_a_draft_is_exported_only_as_a_marked_backup(demo_window, tmp_path, monkeypatch):
    demo_window.open_assessment(demo_window.store.assessments.current("DISKOMINFO", 2026))
    asked = answer_modal("Batal")  # the question names its choices: export as a backup, or not
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.kcpkg"), "")
    )
    demo_window.exchange_menu.export()
    assert "hanya cadangan" in asked[0] and "tidak dihitung koordinator" in asked[0]
    assert not (tmp_path / "x.kcpkg").exists()


def test_import_shows_every_outcome_and_stores_the_good_ones(
    demo_store, open_window, qtbot, tmp_path
):
    folder = tmp_path / "usb"
    folder.mkdir()
    for code in ("BAPPEDA", "DINKES"):
        final = demo_store.assessments.current(code, 2025)
        export_package(demo_store, final.id, folder / f"{code}.kcpkg")
    (folder / "rusak.kcpkg").write_bytes(b"bukan zip")
    with Store.open(tmp_path / "koordinator.sqlite") as coordinator:
        window = open_window(coordinator)
        window.exchange_menu.import_paths([folder])
        dialog = results_dialog(qtbot)
        rows = {
            cell(dialog, r, 0): (cell(dialog, r, 4), cell(dialog, r, 5))
            for r in range(dialog.table.rowCount())
        }
        assert rows["BAPPEDA.kcpkg"] == ("diimpor", "") and rows["DINKES.kcpkg"][0] == "diimpor"
        assert rows["rusak.kcpkg"][0] == "ditolak" and "bukan berkas zip" in rows["rusak.kcpkg"][1]
        assert not dialog.accept_keys.isVisible()
        assert {e.agency_code for e in coordinator.city.picture(2025).entries} == {
            "BAPPEDA",
            "DINKES",
        }
        dialog.accept()


def test_a_new_key_is_accepted_from_the_results(
    demo_store, open_window, qtbot, tmp_path, monkeypatch
):
    first = export_package(
        demo_store, demo_store.assessments.current("DLH", 2025).id, tmp_path / "a.kcpkg"
    )
    revision = demo_store.lifecycle.reopen(demo_store.assessments.current("DLH", 2025).id)
    demo_store.lifecycle.finalize(revision.id)
    demo_store.db.execute("DELETE FROM installation_key")
    demo_store.installation.ensure_key()
    second = export_package(demo_store, revision.id, tmp_path / "b.kcpkg")
    with Store.open(tmp_path / "koordinator.sqlite") as coordinator:
        window = open_window(coordinator)
        window.exchange_menu.import_paths([first, second])
        dialog = results_dialog(qtbot)
        assert cell(dialog, 1, 4) == "ditolak" and "PERINGATAN" in cell(dialog, 1, 5)
        assert dialog.accept_keys.isVisible()
        warned = answer_modal("Terima kunci baru")
        dialog.accept_keys.click()
        assert demo_store.installation.key_fingerprint in warned[0]
        again = results_dialog(qtbot)
        assert again is not dialog and cell(again, 0, 0) == "b.kcpkg"
        assert cell(again, 0, 4) == "diimpor, menggantikan revisi lama"
        again.accept()


def test_packages_dropped_on_the_window_are_imported(demo_store, open_window, qtbot, tmp_path):
    path = export_package(
        demo_store, demo_store.assessments.current("DISHUB", 2025).id, tmp_path / "dishub.kcpkg"
    )
    with Store.open(tmp_path / "koordinator.sqlite") as coordinator:
        window = open_window(coordinator)
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(Path(__file__)))])
        drop = QDropEvent(
            QPointF(50, 50),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        # Qt delivers only drops of a real drag to a widget; the window's filter gets them as here.
        assert window.exchange_menu.eventFilter(window, drop)
        dialog = results_dialog(qtbot)
        assert dialog.table.rowCount() == 1 and cell(dialog, 0, 4) == "diimpor"
        dialog.accept()
