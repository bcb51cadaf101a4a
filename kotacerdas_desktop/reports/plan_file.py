"""Write a plan as PDF or XLSX, the format chosen by the file's extension.

The target is checked first (store/outputs.py: never onto data, never a file of another
kind), so a refused file costs no rendering and the command line refuses it before it
accepts any step; the file is then written whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kotacerdas_desktop.domain.text import document_language
from kotacerdas_desktop.reports.indonesian import SHEET_LANGUAGE
from kotacerdas_desktop.reports.plan_data import PlanDocument
from kotacerdas_desktop.reports.plan_pdf import build_plan_pdf
from kotacerdas_desktop.reports.plan_xlsx import build_plan_xlsx
from kotacerdas_desktop.reports.recap import PDF, XLSX, output_kind
from kotacerdas_desktop.store import outputs

PLAN_FORMATS = (PDF, XLSX)
OUTPUT_KINDS = {PDF: outputs.PDF, XLSX: outputs.XLSX}


@dataclass(frozen=True)
class WrittenPlan:
    path: Path
    kind: str  # ".pdf" or ".xlsx"
    pages: int  # PDF only
    replaced: bool  # an earlier file of that name was replaced


def check_plan_output(out: Path, database: Path) -> str:
    """The format the file's extension names, once the target is known to be safe to write."""
    kind = output_kind(out, PLAN_FORMATS)
    outputs.check_output(out, OUTPUT_KINDS[kind], database)
    return kind


def write_plan(document: PlanDocument, out: Path, database: Path, paper: str = "a4") -> WrittenPlan:
    """Write the plan to ``out`` (``database``: the open file, which an output never replaces)."""
    kind = check_plan_output(out, database)
    with document_language(SHEET_LANGUAGE):  # a printed plan is Indonesian, like the sheet
        if kind == PDF:
            content, pages = build_plan_pdf(document, paper)
        else:
            content, pages = build_plan_xlsx(document), 0
    replaced = outputs.write_output(content, out, OUTPUT_KINDS[kind], database)
    return WrittenPlan(Path(out), kind, pages, replaced)
