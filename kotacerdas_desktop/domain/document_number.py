"""The sheet's document number in the Tata Naskah Dinas pattern: classification / serial / unit / year.

An evaluation sheet is an official letter of its agency, so it is numbered
like one: the archive classification code (kode klasifikasi arsip, a number
such as 050 or 000.8.3), the serial from the agency's register of outgoing
letters, the agency's unit code (417.302, or an abbreviation like DISKOMINFO)
and the year it is issued, e.g. 050/123/417.302/2026.

Each agency sets its two codes in its settings. Until it does, the sheet uses
000 (Umum, the general class of the archive classification) and the agency
code, so every number still has the four parts. The serial is typed at
finalizing from the register; the store proposes the next one. A draft is
printed with the serial left open ("050/…/417.302/2026"), as an unsigned
konsep is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NoReturn

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.text import LocalText, t

DEFAULT_CLASSIFICATION = "000"
OPEN_SERIAL = "…"
MAX_SERIAL_DIGITS = 6
_CLASSIFICATION = re.compile(r"\d{3}(?:\.\d{1,3}){0,4}")
# The same characters as an agency code, which is the default unit code.
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
PATTERN_WORDS = t(
    "kode klasifikasi/nomor urut/kode unit/tahun",
    "classification code/serial/unit code/year",
)


def _code(text: str, form: re.Pattern[str], error: LocalText, field: str) -> str:
    value = text.strip()
    if value and not form.fullmatch(value):
        raise ValidationError(error, field=field)
    return value


def check_classification_code(text: str) -> str:
    """The code as stored ("" keeps the default); ValidationError when it is not an archive code."""
    return _code(
        text,
        _CLASSIFICATION,
        t(
            f'Kode klasifikasi "{text}" tidak sah: tulis kode klasifikasi arsip berupa angka, '
            "mis. 050 atau 000.8.3.",
            f'Classification code "{text}" is invalid: write the numeric archive classification '
            "code, e.g. 050 or 000.8.3.",
        ),
        "classification_code",
    )


def check_unit_code(text: str) -> str:
    """The code as stored ("" keeps the agency code); ValidationError for spaces, "/" or other signs."""
    return _code(
        text,
        _UNIT,
        t(
            f'Kode unit "{text}" tidak sah: gunakan huruf, angka, titik, - atau _ tanpa spasi dan '
            'tanpa "/" (maks. 32 karakter), mis. 417.302 atau DISKOMINFO.',
            f'Unit code "{text}" is invalid: use letters, digits, dot, - or _ without spaces and '
            'without "/" (max. 32 characters), e.g. 417.302 or DISKOMINFO.',
        ),
        "unit_code",
    )


@dataclass(frozen=True)
class NumberPattern:
    """An agency's document number pattern: its two codes around the serial and the year."""

    classification: str
    unit: str

    def format(self, serial: int | str, year: int | str) -> str:
        return f"{self.classification}/{serial}/{self.unit}/{year}"

    def open_number(self, year: int) -> str:
        """The number of a draft: the serial is given only when the sheet is finalized."""
        return self.format(OPEN_SERIAL, year)

    def check(self, text: str, year: int) -> str:
        """The typed number tidied ("050 / 12 / 417.302 / 2026" -> "050/12/417.302/2026"), or
        ValidationError naming the part that breaks the pattern."""
        parts = [part.strip() for part in text.split("/")]
        example = self.format(1, year)
        if len(parts) != 4:
            self._refuse(
                text,
                example,
                t(
                    f"nomor terdiri atas 4 bagian dipisah garis miring; yang diketik {len(parts)}",
                    f"a number has 4 parts separated by slashes; {len(parts)} were typed",
                ),
            )
        classification, serial, unit, typed_year = parts
        if classification != self.classification:
            self._refuse(
                text,
                example,
                t(
                    f"kode klasifikasi OPD ini {self.classification}, bukan {classification or '(kosong)'}",
                    f"this agency's classification code is {self.classification}, "
                    f"not {classification or '(empty)'}",
                ),
            )
        serial_ok = serial.isascii() and serial.isdigit() and len(serial) <= MAX_SERIAL_DIGITS
        if not serial_ok or int(serial) == 0:
            self._refuse(
                text,
                example,
                t(
                    f"nomor urut harus bilangan 1 sampai {MAX_SERIAL_DIGITS} digit, bukan "
                    f"{serial or '(kosong)'}",
                    f"the serial must be a number of 1 to {MAX_SERIAL_DIGITS} digits, "
                    f"not {serial or '(empty)'}",
                ),
            )
        if unit.lower() != self.unit.lower():
            self._refuse(
                text,
                example,
                t(
                    f"kode unit OPD ini {self.unit}, bukan {unit or '(kosong)'}",
                    f"this agency's unit code is {self.unit}, not {unit or '(empty)'}",
                ),
            )
        if typed_year != str(year):
            self._refuse(
                text,
                example,
                t(
                    f"tahun nomor harus {year}, tahun lembar ditandatangani, bukan "
                    f"{typed_year or '(kosong)'}",
                    f"the year must be {year}, the year the sheet is signed, "
                    f"not {typed_year or '(empty)'}",
                ),
            )
        return self.format(serial, year)

    @staticmethod
    def _refuse(text: str, example: str, reason: LocalText) -> NoReturn:
        raise ValidationError(
            t(
                f'Nomor dokumen "{text.strip()}" tidak mengikuti pola {PATTERN_WORDS.id} '
                f"(mis. {example}): {reason.id}. Kode diatur di Pengaturan OPD.",
                f'Document number "{text.strip()}" does not follow the pattern {PATTERN_WORDS.en} '
                f"(e.g. {example}): {reason.en}. The codes are set in the agency settings.",
            ),
            field="document_number",
        )


def pattern_of(agency: Agency) -> NumberPattern:
    """The agency's pattern, with 000 and the agency code where it has set no code."""
    return NumberPattern(
        agency.classification_code.strip() or DEFAULT_CLASSIFICATION,
        agency.unit_code.strip() or agency.code,
    )


def next_serial(numbers: Iterable[str], year: int) -> int:
    """One more than the highest serial among the numbers issued in ``year`` (1 when none was)."""
    serials = [0]
    for number in numbers:
        parts = number.split("/")
        if len(parts) == 4 and parts[3].strip() == str(year) and parts[1].strip().isdigit():
            serials.append(int(parts[1]))
    return max(serials) + 1
