"""The bundled TrueType fonts, registered once per process.

The standard PDF fonts cover only Latin-1 and are not embedded, so a name
with diacritics (or a font the PC lacks) could print with a
substitute font on another PC. Liberation Sans (metric-compatible with Arial,
the face of Indonesian naskah dinas) is shipped in resources/fonts/ and
embedded as a subset in every sheet.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kotacerdas_desktop.resources import resource_path

SANS = "KotaCerdasSans"
SANS_BOLD = "KotaCerdasSans-Bold"
SANS_ITALIC = "KotaCerdasSans-Italic"
SANS_BOLD_ITALIC = "KotaCerdasSans-BoldItalic"
MONO = "KotaCerdasMono"

_FILES = {
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
    SANS_ITALIC: "LiberationSans-Italic.ttf",
    SANS_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
    MONO: "LiberationMono-Regular.ttf",
}


@cache
def register_fonts() -> None:
    """Register the family so <b> and <i> in paragraphs pick the bold and italic files."""
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(MONO, normal=MONO, bold=MONO, italic=MONO, boldItalic=MONO)
