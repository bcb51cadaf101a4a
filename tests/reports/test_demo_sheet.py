"""A demo agency's sheet reads like a real one: no sentence is said over and over."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from kotacerdas_desktop.reports.sheet import render_sheet
from kotacerdas_desktop.store import Store
from tests.reports.conftest import DemoSheets
from tests.reports.reading import normalized

MOST = 3  # the same sentence at most this often in one sheet


def sentences(path: Path) -> Counter[str]:
    """The sentences of a sheet's body, counted; what every page repeats (header, footer,
    the table's heading row) is page furniture, not something the agency wrote."""
    pages = [(page.extract_text() or "").splitlines() for page in PdfReader(path).pages]
    on_pages = Counter(line.strip() for lines in pages for line in set(lines))
    furniture = {line for line, n in on_pages.items() if n > max(1, len(pages) // 2)}
    body = normalized(
        " ".join(line for lines in pages for line in lines if line.strip() not in furniture)
    )
    found = (s.strip() for s in re.split(r"(?<=[.!?])\s+", body))
    return Counter(s for s in found if len(s.split()) >= 5)


def test_no_sentence_repeats_more_than_three_times_in_a_sheet(
    demo_sheets: DemoSheets, tmp_path: Path
):
    with Store.open(demo_sheets.db) as store:
        other = store.assessments.current("BPBD", 2026)
        bpbd = render_sheet(store, other.id, tmp_path / "bpbd.pdf")
    for sheet in (demo_sheets.final_a4, demo_sheets.draft_a4, bpbd):
        counted = sentences(sheet)
        assert len(counted) > 60, sheet.name  # the justifications were read, not only furniture
        repeated = [(s, n) for s, n in counted.most_common(3) if n > MOST]
        assert not repeated, (sheet.name, repeated)


def test_the_old_demo_text_would_have_been_caught(tmp_path: Path):
    """The check can fail: one sentence in thirty justifications is counted thirty times."""
    path = tmp_path / "repeat.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for row in range(30):
        line = f"{row + 1}. Data pendukung tersedia pada laporan kinerja 2025."
        canvas.drawString(40, 800 - (row % 15) * 20, line)
        if row == 14:
            canvas.showPage()
    canvas.save()
    assert sentences(path).most_common(1)[0][1] == 30
