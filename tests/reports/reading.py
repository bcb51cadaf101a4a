"""Reading generated PDFs back, as a person or an assessor would: pages, sizes, text, fonts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

MM = 72 / 25.4
FINGERPRINT = re.compile(r"\b[0-9a-f]{64}\b")


def normalized(text: str) -> str:
    """Whitespace collapsed, so text wrapped onto several lines compares as typed."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """All whitespace removed: a long document number may be broken across lines in a cell."""
    return "".join(text.split())


def page_texts(path: Path, last: int | None = None) -> list[str]:
    """The text of every page, or of the ``last`` few only (reading text is the slow part)."""
    pages = list(PdfReader(path).pages)
    return [page.extract_text() or "" for page in pages[-last if last else 0 :]]


def full_text(path: Path) -> str:
    return normalized(" ".join(page_texts(path)))


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def _fonts(resources: DictionaryObject | None) -> list[DictionaryObject]:
    """Every font reachable from a resource dictionary, through form XObjects too."""
    if resources is None:
        return []
    resources = resources.get_object()
    found = [f.get_object() for f in resources.get("/Font", {}).values()]
    for xobject in resources.get("/XObject", {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            found += _fonts(xobject.get("/Resources"))
    return found


def font_report(path: Path) -> dict[str, bool]:
    """Base font name -> whether its TrueType program is embedded (FontFile2)."""
    report: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        for font in _fonts(page.get("/Resources")):
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            report[str(font.get("/BaseFont"))] = embedded
    return report


def images_on_page(path: Path, index: int) -> int:
    page = PdfReader(path).pages[index]
    xobjects = page.get("/Resources", {}).get_object().get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")


def contains_in_order(text: str, phrase: str, max_gap: int = 150) -> bool:
    """Whether the phrase's words appear in order in the text, other words allowed between them.

    A table row split over a page break interleaves its cells with the page
    footer and the next cell's text, so a question is not contiguous there.
    """
    words, wanted = text.split(), phrase.split()
    for start, word in enumerate(words):
        if word != wanted[0]:
            continue
        position, found = start, 1
        while found < len(wanted):
            window = words[position + 1 : position + 1 + max_gap]
            if wanted[found] not in window:
                break
            position += 1 + window.index(wanted[found])
            found += 1
        if found == len(wanted):
            return True
    return False


@dataclass(frozen=True)
class Placed:
    """A run of text and where it starts on the page (points from the bottom left)."""

    text: str
    x: float
    y: float


def _placed_on(page: object) -> list[Placed]:
    runs: list[Placed] = []

    def visit(text: str, cm: list, tm: list, _font: object, _size: object) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append(Placed(text.strip(), x, y))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return runs


def placed_texts(path: Path, last: int | None = None) -> list[list[Placed]]:
    """Per page (or per one of the ``last`` few), every text run with its position, in the
    order it is drawn."""
    pages = list(PdfReader(path).pages)
    return [_placed_on(page) for page in pages[-last if last else 0 :]]


def find_placed(runs: list[Placed], text: str) -> Placed:
    """The first run on a page that holds the text."""
    return next(run for run in runs if text in run.text)


def rectangles(path: Path, width: float, height: float) -> list[int]:
    """Per page, how many rectangles of this size (in points, to 0.5 pt) are drawn."""
    reader = PdfReader(path)
    counts = []
    for page in reader.pages:
        operations = ContentStream(page.get_contents(), reader).operations
        counts.append(
            sum(
                1
                for operands, operator in operations
                if operator == b"re"
                and abs(float(operands[2]) - width) < 0.5
                and abs(float(operands[3]) - height) < 0.5
            )
        )
    return counts
