"""Evidence: a real file dropped on the form is stored with its hash; open hands the system viewer a copy; remove."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.gui.evidence_dialog import EvidenceDialog
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store


class Viewer(QObject):
    """Stands in for the system viewer: records the URLs QDesktopServices was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def viewer() -> Iterator[Viewer]:
    catcher = Viewer()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


def evidence_rows(db: Path, assessment_id: int, code: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT e.title, e.number, e.date, e.file_name, e.sha256, e.size, length(a.content) "
            "FROM evidence e LEFT JOIN attachments a ON a.sha256 = e.sha256 "
            "WHERE e.assessment_id = ? AND e.indicator_code = ? ORDER BY e.position",
            [assessment_id, code],
        ).fetchall()
    finally:
        conn.close()


def drop(widget: object, path: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_dropped_file_is_stored_opened_and_removed(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot, tmp_path: Path, viewer: Viewer
) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    content = b"%PDF-1.4\n% SK Tim Smart City\n" + bytes(range(256)) * 40
    path = tmp_path / "SK_Tim_Smart_City.pdf"
    path.write_bytes(content)
    before = evidence_rows(demo_store.path, assessment_id, code)

    assert drop(window.form, path)
    dialog = window.findChild(EvidenceDialog)
    assert dialog is not None and dialog.ui.editTitle.text() == "SK Tim Smart City"
    qtbot.keyClicks(dialog.ui.editNumber, "188.45/12/417.10/2026")
    dialog.ui.checkDate.setChecked(True)
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    table = window.form.ui.tableEvidence
    qtbot.waitUntil(lambda: table.rowCount() == len(before) + 1, timeout=5000)

    rows = evidence_rows(demo_store.path, assessment_id, code)
    title, number, date, file_name, sha, size, stored_size = rows[-1]
    assert (title, number, file_name) == ("SK Tim Smart City", "188.45/12/417.10/2026", path.name)
    assert len(date) == 10
    assert sha == hashlib.sha256(content).hexdigest()
    assert size == stored_size == len(content)
    assert table.item(table.rowCount() - 1, 4).toolTip() == sha

    table.selectRow(table.rowCount() - 1)
    qtbot.mouseClick(window.form.ui.buttonOpenEvidence, Qt.MouseButton.LeftButton)
    assert len(viewer.opened) == 1
    copy = Path(viewer.opened[0].toLocalFile())
    assert copy.name == path.name and copy != path
    assert copy.read_bytes() == content

    qtbot.mouseClick(window.form.ui.buttonRemoveEvidence, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox)
    assert box is not None and "SK Tim Smart City" in box.text()
    remove = next(button for button in box.buttons() if button.text() == "Hapus")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert evidence_rows(demo_store.path, assessment_id, code) == before
    assert table.rowCount() == len(before)


def test_reference_without_file(demo_window: MainWindow, demo_store: Store, qtbot: QtBot) -> None:
    window = demo_window
    code, assessment_id = window.editor.code, window.current_assessment_id() or 0
    qtbot.mouseClick(window.form.ui.buttonAddReference, Qt.MouseButton.LeftButton)
    dialog = window.findChild(EvidenceDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.editTitle, "Perwali Nomor 12 Tahun 2025")
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    rows = evidence_rows(demo_store.path, assessment_id, code)
    assert rows[-1][:2] == ("Perwali Nomor 12 Tahun 2025", "")
    assert rows[-1][4] is None
    assert not window.form.ui.buttonOpenEvidence.isEnabled()
