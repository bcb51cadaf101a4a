"""The paper sizes a sheet prints on, by name; kept free of reportlab so the command line starts fast."""

from __future__ import annotations

MM = 72 / 25.4  # points per millimetre

# F4 (Folio) as Indonesian offices buy it: 215 x 330 mm, not the 8.5 x 13 in "US Folio".
PAPER_SIZES_MM = {"a4": (210, 297), "f4": (215, 330)}
PAPER_NAMES = tuple(PAPER_SIZES_MM)
