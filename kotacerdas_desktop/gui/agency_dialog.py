"""Agency settings: name, address, city and logo for the sheet's letterhead, the codes of its
document numbers, and the three signatories.

A wrong NIP on a signed sheet is a real, embarrassing error, so each NIP is
checked as it is typed (domain.nip.check_nip) and the message sits under the
field; the dialog will not save while one is wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QWidget

from kotacerdas_desktop.domain.document_number import (
    DEFAULT_CLASSIFICATION,
    check_classification_code,
    check_unit_code,
    pattern_of,
)
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    ROLE_PREPARED,
    ROLE_REVIEWED,
    ROLES,
    Agency,
    Signatory,
)
from kotacerdas_desktop.domain.nip import check_nip, format_nip
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_agency_code, check_agency_name
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.screen_fit import fit_to_screen
from kotacerdas_desktop.gui.stale_messages import clear_when_valid
from kotacerdas_desktop.gui.uiloader import apply_texts, load_ui, restyle
from kotacerdas_desktop.store import Store

LOGO_MAX_PIXELS = 512  # plenty for a 2-3 cm letterhead logo at print resolution
ROLE_TITLES = {
    ROLE_PREPARED: t("Disiapkan oleh (operator)", "Prepared by (operator)"),
    ROLE_REVIEWED: t("Diperiksa oleh (verifikator)", "Reviewed by (verifier)"),
    ROLE_APPROVED: t("Disetujui oleh (Kepala OPD)", "Approved by (head of agency)"),
}
_SMALL_WORDS = {"dan", "dan/atau", "serta", "di", "ke", "dari", "untuk", "kota", "kabupaten"}


def suggest_code(name: str) -> str:
    """An agency code from its name's initials ("Dinas Kesehatan" -> "DK"); the user may change it."""
    words = [w for w in re.split(r"[\s,]+", name.strip()) if w and w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in words if w[0].isalnum()).upper()[:32]


def logo_png(path: Path) -> bytes:
    """The image as PNG, at most LOGO_MAX_PIXELS on a side; ValidationError when it is not an image."""
    image = QImage(str(path))
    if image.isNull():
        raise ValidationError(
            t(
                f"{path.name} bukan gambar yang dapat dibaca (gunakan PNG atau JPG).",
                f"{path.name} is not a readable image (use PNG or JPG).",
            ),
            "logo",
        )
    if max(image.width(), image.height()) > LOGO_MAX_PIXELS:
        image = image.scaled(
            LOGO_MAX_PIXELS,
            LOGO_MAX_PIXELS,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class SignatoryEditor(QWidget):
    """Name, NIP (checked while typed), rank/grade and position of one signatory."""

    def __init__(self, role: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.role = role
        self.ui = load_ui("signatory.ui", self)
        self.ui.root.setTitle(str(ROLE_TITLES[role]))
        self.ui.root.setObjectName(f"signatory_{role}")
        apply_texts(
            self.ui,
            {
                "labelName": t("Nama", "Name"),
                "labelNip": t("NIP", "NIP"),
                "labelRank": t("Pangkat/gol.", "Rank/grade"),
                "labelPosition": t("Jabatan", "Position"),
                "editNip.placeholder": t(
                    "18 digit, mis. 19800101 200501 1 001", "18 digits, e.g. 19800101 200501 1 001"
                ),
                "editRank.placeholder": t("mis. Pembina (IV/a)", "e.g. Pembina (IV/a)"),
            },
        )
        status = self.ui.statusNip
        status.setProperty("role", "muted")
        # Room for a two-line message from the start: the dialog does not jump while a NIP is typed.
        status.setMinimumHeight(status.fontMetrics().lineSpacing() * 2)
        self.ui.editNip.textChanged.connect(self.check)

    def set_signatory(self, signatory: Signatory | None) -> None:
        signatory = signatory or Signatory(self.role)
        self.ui.editName.setText(signatory.name)
        self.ui.editNip.setText(format_nip(signatory.nip) if signatory.nip else "")
        self.ui.editRank.setText(signatory.rank)
        self.ui.editPosition.setText(signatory.position)

    def signatory(self) -> Signatory:
        return Signatory(
            self.role,
            self.ui.editName.text(),
            self.ui.editNip.text(),
            self.ui.editRank.text(),
            self.ui.editPosition.text(),
        )

    def check(self) -> bool:
        """Check the NIP as typed and say under the field what is wrong (or that it is valid)."""
        text = self.ui.editNip.text()
        status: QLabel = self.ui.statusNip
        if not text.strip():
            status.clear()
            return True
        try:
            nip = check_nip(text)
        except ValidationError as error:
            status.setText(str(error))
            status.setProperty("role", "error")
            ok = False
        else:
            status.setText(
                str(t(f"✓ NIP sah: {format_nip(nip)}", f"✓ Valid NIP: {format_nip(nip)}"))
            )
            status.setProperty("role", "ok")
            ok = True
        status.style().polish(status)
        return ok


class AgencyDialog(QDialog):
    """Edit an agency (``code``) or add a new one (``code`` None); shown with open()."""

    def __init__(self, store: Store, code: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.code = code
        self.saved: Agency | None = None
        self._logo: bytes | None = None
        self._code_typed = False
        self.ui = load_ui("agency_dialog.ui", self)
        self.setWindowTitle(
            str(t("Pengaturan OPD", "Agency settings") if code else t("OPD baru", "New agency"))
        )
        apply_texts(
            self.ui,
            {
                "groupAgency": t(
                    "Identitas OPD (kop lembar evaluasi)", "Agency (sheet letterhead)"
                ),
                "labelCode": t("Kode OPD", "Agency code"),
                "labelName": t("Nama OPD", "Agency name"),
                "labelAddress": t("Alamat", "Address"),
                "labelCity": t("Pemerintah kota", "City government"),
                "labelClassification": t("Kode klasifikasi", "Classification code"),
                "labelUnit": t("Kode unit", "Unit code"),
                "editClassification.placeholder": t(
                    f"kosong: {DEFAULT_CLASSIFICATION} (Umum); mis. 050",
                    f"empty: {DEFAULT_CLASSIFICATION} (general); e.g. 050",
                ),
                "editUnit.placeholder": t(
                    "kosong: kode OPD; mis. 417.302", "empty: the agency code; e.g. 417.302"
                ),
                "labelLogo": t("Logo", "Logo"),
                "buttonChooseLogo": t("Pilih gambar…", "Choose image…"),
                "buttonRemoveLogo": t("Hapus logo", "Remove logo"),
                "editCode.placeholder": t("mis. DISKOMINFO", "e.g. DISKOMINFO"),
                "editName.placeholder": t(
                    "mis. Dinas Komunikasi dan Informatika", "e.g. Dinas Komunikasi dan Informatika"
                ),
                "editCity.placeholder": t("mis. Kota Mojokerto", "e.g. Kota Mojokerto"),
                "labelNote": t(
                    "Nama, NIP, pangkat dan jabatan dicetak pada blok tanda tangan lembar evaluasi. "
                    "NIP boleh dikosongkan sampai finalisasi, tetapi yang diisi harus sah.",
                    "Names, NIPs, ranks and positions are printed in the sheet's signature blocks. "
                    "A NIP may stay empty until finalizing, but one that is filled in must be valid.",
                ),
            },
        )
        for name in (
            "errorCode",
            "errorName",
            "errorClassification",
            "errorUnit",
            "errorLogo",
            "errorGeneral",
        ):
            label = getattr(self.ui, name)
            label.setProperty("role", "error")
            label.hide()
        self.ui.labelNote.setProperty("role", "muted")
        self.ui.labelNumberPreview.setProperty("role", "muted")
        self.ui.imageLogo.setObjectName("logoPreview")
        self.signatories = {role: SignatoryEditor(role, self.ui.signatoriesHost) for role in ROLES}
        for editor in self.signatories.values():
            self.ui.layoutSignatories.addWidget(editor)
        self.ui.layoutSignatories.addStretch(1)
        self.ui.layoutColumns.setStretch(0, 4)
        self.ui.layoutColumns.setStretch(1, 5)
        self._fill()
        restyle(*self.ui.columnsHost.findChildren(QWidget))  # styled as the scroll area loaded
        # The whole form when the screen has room; a scroll bar only where it has not.
        whole = self.ui.columnsHost.sizeHint() + self.sizeHint() - self.ui.scrollColumns.sizeHint()
        fit_to_screen(self, max(whole.width(), 1020), whole.height() + 2)
        ui = self.ui
        clear_when_valid(
            (ui.errorCode, ui.editCode, check_agency_code),
            (ui.errorName, ui.editName, check_agency_name),
            (ui.errorClassification, ui.editClassification, check_classification_code),
            (ui.errorUnit, ui.editUnit, check_unit_code),
        )
        self.ui.buttonChooseLogo.clicked.connect(self._choose_logo)
        self.ui.buttonRemoveLogo.clicked.connect(lambda: self._set_logo(None))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(
            str(t("Simpan", "Save"))
        )
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(
            str(t("Batal", "Cancel"))
        )
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.editName.textEdited.connect(self._suggest_code)
        self.ui.editCode.textEdited.connect(lambda _text: setattr(self, "_code_typed", True))
        for edit in (self.ui.editCode, self.ui.editClassification, self.ui.editUnit):
            edit.textChanged.connect(self._show_number_pattern)
        self._show_number_pattern()

    def _fill(self) -> None:
        agency = self.store.agencies.get(self.code) if self.code else None
        if agency is None:
            self.ui.editCity.setText(self.store.settings.get("city_name"))
            self.ui.editCode.setFocus()
            self._set_logo(None)
            return
        self.ui.editCode.setText(agency.code)
        self.ui.editCode.setReadOnly(True)
        self.ui.editName.setText(agency.name)
        self.ui.editAddress.setPlainText(agency.address)
        self.ui.editCity.setText(agency.city)
        self.ui.editClassification.setText(agency.classification_code)
        self.ui.editUnit.setText(agency.unit_code)
        self._set_logo(agency.logo)
        for role, editor in self.signatories.items():
            editor.set_signatory(agency.signatories.get(role))
            editor.check()
        self.ui.editName.setFocus()

    def _suggest_code(self, name: str) -> None:
        if self.code is None and not self._code_typed:
            self.ui.editCode.setText(suggest_code(name))

    def _show_number_pattern(self) -> None:
        """The sheet's document number as the codes typed give it (the store checks them on saving)."""
        agency = Agency(
            self.ui.editCode.text().strip().upper() or "KODE",
            "",
            classification_code=self.ui.editClassification.text(),
            unit_code=self.ui.editUnit.text(),
        )
        pattern = pattern_of(agency)
        self.ui.labelNumberPreview.setText(
            str(
                t(
                    f"Nomor lembar: {pattern.format('nomor urut', 'tahun')}",
                    f"Sheet number: {pattern.format('serial', 'year')}",
                )
            )
        )

    def _set_logo(self, data: bytes | None) -> None:
        self._logo = data
        self.ui.errorLogo.hide()
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            ratio = self.devicePixelRatioF()
            size = round(84 * ratio)
            scaled = pixmap.scaled(
                size,
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(ratio)
            self.ui.imageLogo.setPixmap(scaled)
        else:
            self.ui.imageLogo.setPixmap(QPixmap())
            self.ui.imageLogo.setText(str(t("tanpa logo", "no logo")))
        self.ui.buttonRemoveLogo.setEnabled(bool(data))

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            str(t("Pilih logo", "Choose a logo")),
            "",
            str(t("Gambar (*.png *.jpg *.jpeg *.bmp)", "Images (*.png *.jpg *.jpeg *.bmp)")),
        )
        if name:
            self.load_logo(Path(name))

    def load_logo(self, path: Path) -> None:
        try:
            self._set_logo(logo_png(path))
        except ValidationError as error:
            self.show_error("logo", str(error))

    def agency(self) -> Agency:
        return Agency(
            code=self.ui.editCode.text().strip(),
            name=self.ui.editName.text(),
            address=self.ui.editAddress.toPlainText().strip(),
            city=self.ui.editCity.text().strip(),
            logo=self._logo,
            signatories={role: editor.signatory() for role, editor in self.signatories.items()},
            classification_code=self.ui.editClassification.text().strip(),
            unit_code=self.ui.editUnit.text().strip(),
        )

    def show_error(self, field: str, message: str) -> bool:
        label = {
            "code": self.ui.errorCode,
            "name": self.ui.errorName,
            "classification_code": self.ui.errorClassification,
            "unit_code": self.ui.errorUnit,
            "logo": self.ui.errorLogo,
        }.get(field, self.ui.errorGeneral)
        label.setText(message)
        label.show()
        return True

    def save(self) -> None:
        for label in (
            self.ui.errorCode,
            self.ui.errorName,
            self.ui.errorClassification,
            self.ui.errorUnit,
            self.ui.errorGeneral,
        ):
            label.hide()
        wrong = [editor for editor in self.signatories.values() if not editor.check()]
        if wrong:
            wrong[0].ui.editNip.setFocus()
            self.show_error(
                "signatories",
                str(
                    t("Perbaiki NIP yang ditandai merah dulu.", "Fix the NIP marked in red first.")
                ),
            )
            return
        agency = self.agency()
        if self.code is None:
            self.saved = operations.add_agency(self.store, agency, self)
        else:
            self.saved = operations.update_agency(self.store, agency, self)
        if self.saved is not None:
            self.accept()
