"""The printed plan (rencana capaian): kop, what it is about, the indicators to answer first,
the steps with who and by when, and the signature of the head of agency (or of the city's
coordinator), on landscape A4 or F4 so a step's row has room for what it asks.

Like the sheet, it is always Indonesian and built in reportlab's invariant mode: the same
plan on the same day prints to the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from kotacerdas_desktop.domain.plan_text import (
    evidence_needed,
    gain_text,
    next_level,
    summary,
)
from kotacerdas_desktop.reports.answer_rows import indicator_cell
from kotacerdas_desktop.reports.indonesian import SHEET_LANGUAGE, sheet_figure
from kotacerdas_desktop.reports.kop import kop_surat, label_table
from kotacerdas_desktop.reports.page import Footer, render_pages
from kotacerdas_desktop.reports.plan_data import PlanDocument
from kotacerdas_desktop.reports.signatures import coordinator_block, head_block
from kotacerdas_desktop.reports.styles import (
    grid_style,
    markup,
    page_size,
    para,
    styles,
)

HEADERS = (
    "No.",
    "Indikator",
    "Tingkat",
    "Yang harus terwujud (tingkat berikutnya)",
    "Bukti dukung yang diperlukan",
    "Kenaikan",
    "Menjadi",
    "Penanggung jawab",
    "Tenggat",
)
SHARES = (0.035, 0.2, 0.055, 0.23, 0.2, 0.065, 0.055, 0.09, 0.07)
OWNER_SHARE = 0.09  # a city plan's "OPD" column, taken from the indicator and evidence columns
METHOD_NOTE = (
    "Setiap langkah menaikkan satu indikator satu tingkat. Selama indikator yang dijawab tetap, "
    "satu tingkat menaikkan angka sebesar bobot indikator itu dalam angka tersebut (bobot lensa "
    "dibagi jumlah bobot lensa yang dihitung, kali bobot efektif indikator dibagi jumlah bobot "
    "efektif lensanya), sehingga langkah dengan kenaikan terbesar didahulukan; dengan perkiraan "
    "upaya, rencana dipilih dengan total upaya terkecil. Untuk kota, kenaikan satu tingkat di satu "
    "OPD dibagi jumlah OPD yang menjawab indikator itu, karena skor kota adalah rata-rata mereka."
)


def _title(document: PlanDocument) -> list[Flowable]:
    st = styles()
    whose = "KOTA" if document.is_city else "PERANGKAT DAERAH"
    return [
        Paragraph(f"<u>RENCANA CAPAIAN SMART CITY {whose}</u>", st.title),
        para(f"TAHUN {document.year}", st.title),
        Spacer(1, 4 * mm),
    ]


def _to_answer(document: PlanDocument, heading: str) -> list[Flowable]:
    st = styles()
    plan = document.plan
    items = [
        f"{document.names.get(u.owner, u.owner)}: {u.indicator_code}"
        if u.owner
        else u.indicator_code
        for u in plan.to_answer
    ]
    return [
        para(heading, st.heading),
        para(
            "Rencana ini sementara: indikator berikut belum dijawab. Setelah dijawab, bobotnya "
            "ikut dihitung dan rencana perlu dibuat ulang.",
            st.note,
        ),
        para("; ".join(items) + ".", st.note),
    ]


def _cells(
    document: PlanDocument, number: int, after: Fraction, seen: dict[tuple[str, str], int]
) -> list:
    """One step's row; the same evidence asked again for the same indicator points back."""
    st = styles()
    catalogue = document.catalogue
    assignment = document.assignments[number - 1]
    step = assignment.step
    indicator = catalogue.indicator(step.indicator_code)
    label, description = next_level(catalogue, step)
    needed = evidence_needed(catalogue, step).id
    first = seen.setdefault((step.indicator_code, needed), number)
    evidence = (
        para(needed or "-", st.cell)
        if first == number
        else para(f"Lihat langkah {first}.", st.cell_muted)
    )
    row = [
        para(str(number), st.cell_center),
        indicator_cell(indicator),
        para(f"{step.from_level} → {step.to_level}", st.cell_center),
        [para(label.id, st.cell, bold=True), para(description.id, st.cell)],
        evidence,
        para(gain_text(step.gain, SHEET_LANGUAGE), st.cell_center),
        para(sheet_figure(after), st.cell_center),
        para(assignment.who, st.cell),
        para(assignment.due, st.cell),
    ]
    if document.is_city:
        row.insert(1, para(document.names.get(step.owner, step.owner), st.cell))
    return row


def _section(heading: str, rows: list[list], widths: list[float]) -> list[Flowable]:
    """A heading and its table, the heading moved to the next page unless the table's header
    and first row fit under it."""
    st = styles()
    style = grid_style()
    title = para(heading, st.heading)
    first = Table(rows[:2], colWidths=widths, style=style)
    keep = title.wrap(sum(widths), 1000)[1] + first.wrap(sum(widths), 1000)[1] + 4 * mm
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", style=style)
    return [CondPageBreak(keep), title, table]


def _steps(document: PlanDocument, width: float, heading: str) -> list[Flowable]:
    st = styles()
    headers, shares = list(HEADERS), list(SHARES)
    if document.is_city:
        headers.insert(1, "OPD")
        shares[1] -= OWNER_SHARE / 2
        shares[4] -= OWNER_SHARE / 2
        shares.insert(1, OWNER_SHARE)
    rows = [[para(h, st.cell_head) for h in headers]]
    seen: dict[tuple[str, str], int] = {}
    rows += [
        _cells(document, n, after, seen) for n, after in enumerate(document.plan.running(), start=1)
    ]
    return _section(heading, rows, [share * width for share in shares])


def _per_agency(document: PlanDocument, width: float, heading: str) -> list[Flowable]:
    """A city plan's steps counted per agency, so each head sees their share at a glance."""
    st = styles()
    rows = [[para(h, st.cell_head) for h in ("OPD", "Langkah", "Kenaikan indeks kota")]]
    rows += [
        [
            para(document.names.get(code, code), st.cell),
            para(str(count), st.cell_center),
            para(gain_text(gain, SHEET_LANGUAGE), st.cell_center),
        ]
        for code, count, gain in document.plan.by_owner()
    ]
    return _section(heading, rows, [0.5 * width, 0.12 * width, 0.18 * width])


def _signature(document: PlanDocument, width: float) -> Flowable:
    """The head of agency signs an agency's plan, the city's coordinator the city plan, as
    the recap is signed."""
    if document.is_city:
        return coordinator_block(document, width)
    return head_block(document, width * 0.5, dated=True)


def story(document: PlanDocument, width: float) -> list[Flowable]:
    """Kop and title, what the plan is about and its summary, then its sections, lettered."""
    st = styles()
    plan = document.plan
    sections: list[tuple[str, Callable[[PlanDocument, str], list[Flowable]]]] = []
    if plan.to_answer:
        sections.append(("Indikator yang harus dijawab lebih dahulu", _to_answer))
    if plan.steps:
        sections.append(("Langkah", lambda d, h: _steps(d, width, h)))
        if document.is_city:
            sections.append(("Langkah per OPD", lambda d, h: _per_agency(d, width, h)))
    flowables = [
        *kop_surat(document, width),
        *_title(document),
        label_table(list(document.about), width),
        Spacer(1, 3 * mm),
        para(summary(document.catalogue, plan).id, st.body),
        Spacer(1, 2 * mm),
        Paragraph(f"<i>{markup(METHOD_NOTE)}</i>", st.note),
    ]
    for letter, (title, section) in zip("ABC", sections, strict=False):
        flowables += section(document, f"{letter}. {title}")
    return [*flowables, Spacer(1, 6 * mm), _signature(document, width)]


def build_plan_pdf(document: PlanDocument, paper: str = "a4") -> tuple[bytes, int]:
    """The plan's PDF on landscape A4 or F4, and its page count."""
    if document.is_city and not document.agency.code:  # the coordinator's kop and signature
        raise ValueError("a city plan's PDF needs its coordinator (store.coordinator.resolve)")
    footer = Footer(document_id=document.document_id, caption=document.caption, draft=False)
    return render_pages(
        lambda width: story(document, width),
        landscape(page_size(paper)),
        footer,
        title=document.caption,
        author=document.agency.name,
        subject=f"{document.document_id}; {summary(document.catalogue, document.plan).id}",
        invariant=True,
    )
