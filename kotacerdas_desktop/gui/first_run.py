"""The first start on an empty database: the city, the operator's agency and the year; or the demo city.

Four fields and one button, so an operator is answering the first indicator
within a minute; everything else (address, logo, signatories) can wait for
the agency settings.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QWidget

from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import (
    check_agency_code,
    check_agency_name,
    check_city_name,
)
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.agency_dialog import suggest_code
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.stale_messages import clear_when_valid
from kotacerdas_desktop.gui.uiloader import app_icon, apply_texts, load_ui
from kotacerdas_desktop.store import Store


class FirstRunDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.demo = False
        self._code_typed = False
        self.ui = load_ui("first_run.ui", self)
        self.setWindowTitle(str(t("Selamat datang di KotaCerdas", "Welcome to KotaCerdas")))
        apply_texts(
            self.ui,
            {
                "labelWelcome": t("Penilaian mandiri smart city", "Smart city self-assessment"),
                "labelIntro": t(
                    "Isi data berikut untuk mulai. Semua data tersimpan di komputer ini saja, "
                    f"tanpa internet, dan setiap ketikan tersimpan otomatis. Basis data baru: {store.path}",
                    "Fill these in to start. All data stays on this computer, "
                    f"no internet needed, and every keystroke is saved automatically. New database: {store.path}",
                ),
                "labelCity": t("Pemerintah kota", "City government"),
                "editCity.placeholder": t("mis. Kota Mojokerto", "e.g. Kota Mojokerto"),
                "labelAgency": t("Nama OPD Anda", "Your agency"),
                "editAgency.placeholder": t(
                    "mis. Dinas Komunikasi dan Informatika", "e.g. Dinas Komunikasi dan Informatika"
                ),
                "labelCode": t("Kode OPD", "Agency code"),
                "editCode.placeholder": t("mis. DISKOMINFO", "e.g. DISKOMINFO"),
                "labelYear": t("Tahun penilaian", "Assessment year"),
                "buttonStart": t("Mulai penilaian", "Start the assessment"),
                "buttonDemo": t("Buka kota contoh", "Open the demo city"),
                "buttonDemo.tip": t(
                    "Sepuluh OPD contoh dengan penilaian dua tahun, untuk mencoba aplikasi.",
                    "Ten sample agencies with two years of assessments, to try the app.",
                ),
            },
        )
        self.ui.labelWelcome.setProperty("role", "welcome")
        self.ui.labelIntro.setProperty("role", "muted")
        self._errors = {
            "city": self.ui.errorCity,
            "name": self.ui.errorAgency,
            "code": self.ui.errorCode,
            "year": self.ui.errorYear,
        }
        for label in (*self._errors.values(), self.ui.errorGeneral):
            label.setProperty("role", "error")
            label.hide()
        clear_when_valid(
            (self.ui.errorCity, self.ui.editCity, check_city_name),
            (self.ui.errorAgency, self.ui.editAgency, check_agency_name),
            (self.ui.errorCode, self.ui.editCode, check_agency_code),
        )
        self.ui.editCity.setText(store.settings.get("city_name"))
        self.ui.spinYear.setValue(dt.date.today().year)
        self.ui.editAgency.textEdited.connect(self._suggest_code)
        self.ui.editCode.textEdited.connect(lambda _text: setattr(self, "_code_typed", True))
        self.ui.buttonStart.clicked.connect(self.start)
        self.ui.buttonDemo.clicked.connect(self.open_demo)
        self.ui.imageIcon.setPixmap(app_icon().pixmap(56, 56))
        self.ui.editCity.setFocus()
        fit_to_screen(self, 580)

    def _suggest_code(self, name: str) -> None:
        if not self._code_typed:
            self.ui.editCode.setText(suggest_code(name))

    def show_error(self, field: str, message: str) -> bool:
        label = self._errors.get(field, self.ui.errorGeneral)
        label.setText(message)
        label.show()
        return True

    def start(self) -> None:
        for label in (*self._errors.values(), self.ui.errorGeneral):
            label.hide()
        agency = Agency(self.ui.editCode.text(), self.ui.editAgency.text())
        if operations.start_city(
            self.store, self.ui.editCity.text(), agency, self.ui.spinYear.value(), self
        ):
            self.accept()

    def open_demo(self) -> None:
        """Fill the demo city off the GUI thread (it takes a moment), then close."""
        self.setEnabled(False)

        def done(_summary: object) -> None:
            self.demo = True
            self.accept()

        task = operations.fill_demo(self.store, parent=self, on_done=done)
        task.signals.failed.connect(lambda _error: self.setEnabled(True))
