"""Agency settings: NIP checked live under the field, nothing saved while one is wrong, logo stored as PNG."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.model import ROLE_APPROVED, ROLE_REVIEWED
from kotacerdas_desktop.gui.agency_dialog import AgencyDialog, suggest_code
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.helpers import snapshot

VALID_NIP = "19800101 200501 1 001"


def open_dialog(window: MainWindow) -> AgencyDialog:
    window.actions.agency_settings.trigger()
    dialog = window.findChild(AgencyDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def retype(qtbot: QtBot, field: object, text: str) -> None:
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_nip_is_checked_as_it_is_typed(demo_window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(demo_window)
    head = dialog.signatories[ROLE_APPROVED].ui
    assert head.statusNip.text().startswith("✓ NIP sah")  # the demo head's NIP is valid
    retype(qtbot, head.editNip, "1980")
    assert head.statusNip.text() == "NIP harus 18 digit; yang diketik 4 digit."
    assert head.statusNip.property("role") == "error"
    retype(qtbot, head.editNip, "19801301 200501 1 001")
    assert "bukan tanggal lahir" in head.statusNip.text()
    retype(qtbot, head.editNip, "19800101 200501 3 001")
    assert "jenis kelamin" in head.statusNip.text()
    retype(qtbot, head.editNip, VALID_NIP)
    assert head.statusNip.text() == f"✓ NIP sah: {VALID_NIP}"
    assert head.statusNip.property("role") == "ok"
    retype(qtbot, head.editNip, "")
    assert head.statusNip.text() == ""  # empty is allowed until finalizing
    dialog.reject()


def test_a_wrong_nip_is_not_saved_and_a_right_one_is(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    code = demo_window.switcher.agency()
    dialog = open_dialog(demo_window)
    reviewer = dialog.signatories[ROLE_REVIEWED].ui
    retype(qtbot, reviewer.editNip, "12345")
    before = snapshot(demo_store.path)
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible()
    assert dialog.ui.errorGeneral.text() == "Perbaiki NIP yang ditandai merah dulu."
    assert snapshot(demo_store.path) == before

    retype(qtbot, reviewer.editNip, VALID_NIP)
    retype(qtbot, reviewer.editName, "Rina Kartika, S.T.")
    retype(qtbot, dialog.ui.editCity, "Kota Mojokerto")
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    agency = demo_store.agencies.get(code)
    assert agency.signatories[ROLE_REVIEWED].nip == "198001012005011001"
    assert agency.signatories[ROLE_REVIEWED].name == "Rina Kartika, S.T."


def test_empty_name_is_refused_next_to_the_field(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    dialog = open_dialog(demo_window)
    dialog.ui.editName.clear()
    before = snapshot(demo_store.path)
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.ui.errorName.isVisible()
    assert dialog.ui.errorName.text() == "Nama OPD wajib diisi."
    assert snapshot(demo_store.path) == before
    dialog.reject()


def test_logo_is_stored_as_png_and_a_non_image_is_refused(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    code = demo_window.switcher.agency()
    dialog = open_dialog(demo_window)
    not_image = tmp_path / "logo.png"
    not_image.write_text("bukan gambar")
    dialog.load_logo(not_image)
    assert dialog.ui.errorLogo.isVisible() and "bukan gambar" in dialog.ui.errorLogo.text()

    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d5fbf"))
    photo = tmp_path / "logo-kota.jpg"
    assert image.save(str(photo))
    dialog.load_logo(photo)
    assert not dialog.ui.errorLogo.isVisible()
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    logo = demo_store.agencies.get(code).logo
    assert logo is not None and logo.startswith(b"\x89PNG")
    stored = QImage.fromData(logo)
    assert (stored.width(), stored.height()) == (512, 341)


def test_new_agency_gets_a_suggested_code(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    assert suggest_code("Dinas Pekerjaan Umum dan Penataan Ruang") == "DPUPR"
    demo_window.actions.new_agency.trigger()
    dialog = demo_window.findChild(AgencyDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.editName, "Dinas Pekerjaan Umum dan Penataan Ruang")
    assert dialog.ui.editCode.text() == "DPUPR"
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert demo_store.agencies.get("DPUPR").city == "Kota Mojokerto"
    assert demo_window.switcher.agency() == "DPUPR"
    assert demo_window.current_assessment_id() is None
    assert demo_window.ui.stackForm.currentIndex() == 0
    qtbot.mouseClick(demo_window.ui.buttonStartAssessment, Qt.MouseButton.LeftButton)
    assert demo_window.current_assessment_id() is not None
    assert demo_store.assessments.current("DPUPR", demo_window.assessment.year) is not None  # type: ignore[union-attr]


def stored_codes(path: Path, code: str) -> tuple[str, str]:
    """The document number codes as another program reads them from the file."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT classification_code, unit_code FROM agencies WHERE code = ?", [code]
        ).fetchone()


def test_document_number_codes_are_typed_previewed_and_stored(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    code = demo_window.switcher.agency()
    dialog = open_dialog(demo_window)
    preview = dialog.ui.labelNumberPreview
    old = stored_codes(demo_store.path, code)  # the demo sets codes of its own
    assert preview.text() == f"Nomor lembar: {old[0]}/nomor urut/{old[1]}/tahun"
    retype(qtbot, dialog.ui.editClassification, "005")
    retype(qtbot, dialog.ui.editUnit, "417.399")
    assert preview.text() == "Nomor lembar: 005/nomor urut/417.399/tahun"
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    assert stored_codes(demo_store.path, code) == ("005", "417.399")
    again = AgencyDialog(demo_store, code)  # shown again as stored
    qtbot.addWidget(again)
    assert (again.ui.editClassification.text(), again.ui.editUnit.text()) == ("005", "417.399")


def test_wrong_codes_are_refused_next_to_their_fields(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    code = demo_window.switcher.agency()
    dialog = open_dialog(demo_window)
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    before = snapshot(demo_store.path)
    old = stored_codes(demo_store.path, code)
    retype(qtbot, dialog.ui.editClassification, "5O")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.ui.errorClassification.isVisible()
    assert dialog.ui.errorClassification.text().startswith('Kode klasifikasi "5O" tidak sah')
    assert not dialog.ui.errorUnit.isVisible()

    retype(qtbot, dialog.ui.editClassification, "050")
    retype(qtbot, dialog.ui.editUnit, "417/302")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.ui.errorClassification.isVisible()
    assert dialog.ui.errorUnit.isVisible()
    assert dialog.ui.errorUnit.text().startswith('Kode unit "417/302" tidak sah')
    assert snapshot(demo_store.path) == before
    assert stored_codes(demo_store.path, code) == old
    dialog.reject()


def test_a_message_goes_as_soon_as_its_field_is_valid(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_dialog(demo_window)
    ui = dialog.ui
    save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    retype(qtbot, ui.editName, "")
    save.click()
    assert ui.errorName.isVisible()
    retype(qtbot, ui.editName, "Badan Penanggulangan Bencana Daerah")
    assert not ui.errorName.isVisible()
    retype(qtbot, ui.editClassification, "05A")
    save.click()
    assert ui.errorClassification.isVisible()
    ui.editClassification.setText("05B")  # still not a code: the message stays
    assert ui.errorClassification.isVisible()
    ui.editClassification.setText("050")
    assert not ui.errorClassification.isVisible()
    dialog.reject()
