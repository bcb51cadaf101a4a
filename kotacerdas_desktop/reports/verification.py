"""The verification block: the fingerprint of the finalized data, in text and as a QR code.

Anyone holding the paper can type the fingerprint (or scan the QR code) into
`kotacerdas verify` or the Verify dialog and learn which stored assessment
it is. The QR code is drawn as vector squares, sharp at any printer resolution.
"""

from __future__ import annotations

import segno
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.sheet_data import SheetData
from kotacerdas_desktop.reports.styles import GRID, new_drawing, para, styles, table_style

QR_SIZE = 26 * mm
# Upper case keeps the whole text in the QR alphanumeric mode: a smaller, easier code.
QR_PREFIX = "KOTACERDAS:SHA256:"


def qr_text(fingerprint: str) -> str:
    """What the QR code holds; the verify command and dialog accept it as pasted."""
    return f"{QR_PREFIX}{fingerprint.upper()}"


def qr_drawing(text: str, size: float = QR_SIZE) -> Drawing:
    """The QR code of a text as one rectangle per run of dark modules (with the quiet zone)."""
    code = segno.make(text, error="m", micro=False)
    rows = list(code.matrix_iter(scale=1, border=4))
    module = size / len(rows)
    drawing = new_drawing(size, size)
    for r, row in enumerate(rows):
        y = size - (r + 1) * module
        start = None
        for c, dark in enumerate([*row, False]):
            if dark and start is None:
                start = c
            elif not dark and start is not None:
                drawing.add(
                    Rect(
                        start * module,
                        y,
                        (c - start) * module,
                        module,
                        fillColor=colors.black,
                        strokeColor=None,
                        strokeWidth=0,
                    )
                )
                start = None
    return drawing


def verification_block(data: SheetData, width: float) -> list[Flowable]:
    """The fingerprint box; the sheet keeps it on the page of the signatures."""
    st = styles()
    fingerprint = data.assessment.fingerprint
    text = [
        para(str(t("Verifikasi Keaslian Dokumen", "Verifying This Document")), st.note, bold=True),
        para(
            str(
                t(
                    "Sidik jari (SHA-256) data penilaian final yang tersimpan pada berkas aplikasi:",
                    "Fingerprint (SHA-256) of the finalized assessment data stored in the app's file:",
                )
            ),
            st.note,
        ),
        Spacer(1, 1.5 * mm),
        para(fingerprint, st.mono),
        Spacer(1, 1.5 * mm),
        Paragraph(
            str(
                t(
                    "Cocokkan lembar ini dengan berkasnya melalui menu <b>Penilaian › Verifikasi "
                    "Lembar</b> atau perintah <font face='KotaCerdasMono'>kotacerdas verify</font> "
                    "dengan sidik jari di atas (atau 12 karakter pertamanya di kaki halaman) atau "
                    "teks kode QR. Sidik jari yang sama berarti data yang sama.",
                    "Match this sheet with its file through the menu <b>Assessment › Verify a "
                    "sheet</b> or the command <font face='KotaCerdasMono'>kotacerdas verify</font> "
                    "with the fingerprint above (or its first 12 characters in the page footer) "
                    "or the QR code's text. The same fingerprint means the same data.",
                )
            ),
            st.note,
        ),
        Spacer(1, 1.5 * mm),
        para(
            str(
                t(
                    f"Sidik jari kunci penanda tangan paket OPD: {data.signer_key}",
                    f"Fingerprint of the key that signs the agency's package: {data.signer_key}",
                )
            ),
            st.note,
        ),
    ]
    table = Table(
        [[qr_drawing(qr_text(fingerprint)), text]],
        colWidths=[QR_SIZE + 4 * mm, width - QR_SIZE - 4 * mm],
    )
    table.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.6, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (0, 0), 2 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
        )
    )
    return [Spacer(1, 6 * mm), table]
