"""Tata Naskah Dinas on the printed sheet: continued rows, whole evidence entries, and the
signatures read in order on one page with the verification block. Real PDFs, read back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.reports.answer_rows import CONTINUED as CONTINUED_TEXT
from kotacerdas_desktop.reports.answer_rows import short_question
from kotacerdas_desktop.reports.dimension_table import COLUMN_SHARES
from kotacerdas_desktop.reports.sheet import render_sheet
from kotacerdas_desktop.reports.styles import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, page_size
from kotacerdas_desktop.store import Store
from tests.factories import tiny_catalogue_data
from tests.reports.conftest import answer_all
from tests.reports.reading import (
    find_placed,
    normalized,
    page_sizes,
    page_texts,
    placed_texts,
    squeezed,
)

CONTINUED = CONTINUED_TEXT.id
LONG_WORDS = [f"uraian{n:04d}" for n in range(460)]


def _number_column_right(paper: str = "a4") -> float:
    width = page_size(paper)[0] - MARGIN_LEFT - MARGIN_RIGHT
    return MARGIN_LEFT + 0.05 * width


def test_a_continued_row_repeats_its_number_and_indicator_marked_lanjutan(store, draft, tmp_path):
    answer_all(store, draft.id)
    store.assessments.save_answer(
        draft.id, Answer("GOV.PUB.02", level=4, justification=" ".join(LONG_WORDS))
    )
    indicator = store.assessments.catalogue_of(draft).indicator("GOV.PUB.02")
    out = render_sheet(store, draft.id, tmp_path / "continued.pdf")
    texts, placed = page_texts(out), placed_texts(out)
    holding = [n for n, text in enumerate(texts) if "uraian" in text]
    assert len(holding) >= 3, "5,000 characters should run over two page breaks"
    first, *continued = holding
    assert CONTINUED not in texts[first]
    short = normalized(short_question(indicator.question.id))
    assert short.endswith("…") and len(short) < len(indicator.question.id)
    for page in continued:
        text = normalized(texts[page])
        assert f"{CONTINUED} {short}" in text and "GOV.PUB.02" in text
        # The number stands in the number column, on the line of "(lanjutan)".
        mark = find_placed(placed[page], CONTINUED)
        numbers = [
            run
            for run in placed[page]
            if run.text == "2" and run.x < _number_column_right() and abs(run.y - mark.y) < 2
        ]
        assert len(numbers) == 1, page
    # Every word is printed once: nothing cut, nothing printed twice by the repetition.
    text = normalized(" ".join(texts))
    assert all(text.count(word) == 1 for word in LONG_WORDS)


def test_evidence_entries_stay_whole_across_a_page_break(store, draft, tmp_path):
    answer_all(store, draft.id)
    entries = [
        Evidence(
            f"Keputusan Kepala Dinas tentang Tim Pelaksana Smart City Tahap {n}",
            f"188.45/{n}/417.302/2026",
            "2026-03-12",
        )
        for n in range(1, 26)
    ]
    for entry in entries:
        store.evidence.add(draft.id, "GOV.PUB.03", entry)
    texts = page_texts(render_sheet(store, draft.id, tmp_path / "evidence.pdf"))
    holding = [n for n, text in enumerate(texts) if "Tahap" in text]
    assert len(holding) >= 2, "the evidence list should run over a page break"
    for n, entry in enumerate(entries, start=1):
        whole = squeezed(
            f"{n}. {entry.title} (No. {entry.number}, 12 Maret 2026)",
        )
        assert any(whole in squeezed(texts[page]) for page in holding), n


def test_an_entry_taller_than_a_page_allows_still_prints_whole_words(store, draft, tmp_path):
    words = [f"dokumen{n:04d}" for n in range(700)]
    store.assessments.save_answer(draft.id, Answer("GOV.PUB.01", level=2, justification="x"))
    store.evidence.add(draft.id, "GOV.PUB.01", Evidence(" ".join(words)))
    text = normalized(" ".join(page_texts(render_sheet(store, draft.id, tmp_path / "tall.pdf"))))
    assert all(word in text for word in words)


@pytest.fixture
def growing_sheets(store: Store, agency, tmp_path) -> Callable[[str], list[Path]]:
    """Finalized sheets of a tiny framework whose last justification grows by ten lines (37 mm)
    a sheet, over more than a page: the signatures meet the page foot at every height, so
    some sheet leaves room for the signatures but not for the verification block after them
    (there, laid out one after the other, they fell on two pages)."""
    store.catalogues.import_text(json.dumps(tiny_catalogue_data()), "tiny.json")
    years = iter(range(2040, 2100))

    def render(paper: str) -> list[Path]:
        sheets = []
        for step in range(8):
            assessment = store.assessments.new(agency.code, next(years), "TINY")
            catalogue = store.assessments.catalogue_of(assessment)
            *first, last = catalogue.indicators()
            lines = [f"Baris {n}." for n in range(10 * step)]
            with store.db.atomic():
                for indicator in first:
                    store.assessments.save_answer(
                        assessment.id, Answer(indicator.code, level=3, justification="Ada.")
                    )
                store.assessments.save_answer(
                    assessment.id,
                    Answer(last.code, level=3, justification="\n".join(["Ada.", *lines])),
                )
            store.lifecycle.finalize(assessment.id)
            out = tmp_path / f"{paper}-{step}.pdf"
            sheets.append(render_sheet(store, assessment.id, out, paper))
        return sheets

    return render


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_verification_block_is_on_the_page_of_the_signatures(growing_sheets, paper):
    sheets = growing_sheets(paper)
    for sheet in sheets:
        before_last, last = (normalized(text) for text in page_texts(sheet, last=2))
        for line in ("Disiapkan oleh,", "Mengetahui,", "Verifikasi Keaslian Dokumen"):
            assert line in last and line not in before_last, (sheet.name, line)
    # The sweep crossed a page end: the signatures went to a new page on the way.
    assert len({len(page_sizes(sheet)) for sheet in sheets}) > 1


@pytest.mark.parametrize("sheet", ["final_a4", "final_f4"])
def test_demo_verification_and_signatures_share_the_last_page(demo_sheets, sheet):
    texts = [normalized(text) for text in page_texts(getattr(demo_sheets, sheet))]
    last = texts[-1]
    for line in ("Disiapkan oleh,", "Diperiksa oleh,", "Mengetahui,", "Verifikasi Keaslian"):
        assert line in last
    assert not any("Verifikasi Keaslian" in text for text in texts[:-1])


def test_signatures_read_prepared_reviewed_approved(demo_sheets):
    agency = demo_sheets.agency
    text = normalized(page_texts(demo_sheets.final_a4, last=1)[0])
    runs = placed_texts(demo_sheets.final_a4, last=1)[0]
    order = [
        text.index("Disiapkan oleh,"),
        text.index("Diperiksa oleh,"),
        text.index("Mengetahui,"),
    ]
    assert order == sorted(order)
    prepared = find_placed(runs, "Disiapkan oleh,")
    reviewed = find_placed(runs, "Diperiksa oleh,")
    approved = find_placed(runs, "Mengetahui,")
    assert prepared.x < reviewed.x and abs(prepared.y - reviewed.y) < 1  # left, then right
    assert approved.y < prepared.y  # the head of agency below them
    names = {role: find_placed(runs, s.name) for role, s in agency.signatories.items()}
    assert names["prepared"].x < names["reviewed"].x
    assert names["approved"].y < names["prepared"].y
    # The place and date stand over the right-hand block, above its role line.
    dated = find_placed(runs, "Mojokerto, ")
    assert dated.y > reviewed.y and dated.x > prepared.x


@pytest.mark.parametrize("sheet", ["final_a4", "final_f4", "draft_a4"])
def test_no_page_ends_with_an_element_heading(demo_sheets, sheet):
    for number, runs in enumerate(placed_texts(getattr(demo_sheets, sheet)), start=1):
        body = [run for run in runs if run.y > MARGIN_BOTTOM]
        lowest = min(run.y for run in body)
        assert not any(run.text.startswith("Elemen:") for run in body if run.y < lowest + 1), number


@pytest.mark.parametrize("sheet", ["final_a4", "final_f4", "draft_a4"])
def test_a_continued_part_is_never_a_lone_line(demo_sheets, sheet):
    paper = "f4" if "f4" in sheet else "a4"
    width = page_size(paper)[0] - MARGIN_LEFT - MARGIN_RIGHT
    explanation_left = MARGIN_LEFT + sum(COLUMN_SHARES[:3]) * width
    marks = 0
    for runs in placed_texts(getattr(demo_sheets, sheet)):
        for mark in (run for run in runs if run.text.startswith(CONTINUED)):
            marks += 1
            # The next row (a number, an element heading or the score) starts below it.
            floor = max(
                (
                    run.y
                    for run in runs
                    if run.x < _number_column_right(paper) and MARGIN_BOTTOM < run.y < mark.y - 3
                ),
                default=MARGIN_BOTTOM,
            )
            lines = {
                round(run.y)
                for run in runs
                if run.x >= explanation_left and floor < run.y < mark.y + 3
            }
            assert len(lines) >= 3, (sheet, mark)
    assert marks >= 3
