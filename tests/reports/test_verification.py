"""The QR code is drawn module for module from segno's matrix, and holds text verify accepts."""

import pytest
import segno

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.reports.verification import QR_SIZE, qr_drawing, qr_text


def dark_modules(drawing, modules: int) -> set[tuple[int, int]]:
    """(row, column) of every module a rectangle of the drawing covers."""
    size = QR_SIZE / modules
    covered = set()
    for rect in drawing.contents:
        row = round((QR_SIZE - rect.y) / size) - 1
        first = round(rect.x / size)
        covered |= {(row, first + n) for n in range(round(rect.width / size))}
    return covered


def test_drawing_matches_the_qr_matrix():
    fingerprint = "292b01afa5a153ebf42aceb97060fb92a72733f43343ceb060daf47971533abd"
    text = qr_text(fingerprint)
    assert text == "KOTACERDAS:SHA256:" + fingerprint.upper()
    code = segno.make(text, error="m", micro=False)
    assert code.mode == "alphanumeric"
    rows = list(code.matrix_iter(scale=1, border=4))
    expected = {(r, c) for r, row in enumerate(rows) for c, dark in enumerate(row) if dark}
    drawing = qr_drawing(text)
    assert dark_modules(drawing, len(rows)) == expected
    assert len(drawing.contents) < len(expected)  # runs of modules are merged into one rectangle


def test_qr_text_is_read_by_verify(store):
    assert store.lifecycle.find_by_fingerprint(qr_text("ab" * 32)) is None
    with pytest.raises(ValidationError, match="64 karakter heksadesimal"):
        store.lifecycle.find_by_fingerprint("KOTACERDAS:SHA256:XYZ")
