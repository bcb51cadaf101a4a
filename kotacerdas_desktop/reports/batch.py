"""The sheets of every agency for one year, written into one folder (`kotacerdas sheet --all`).

Each agency's newest revision is printed; one sheet that cannot be printed
(for example, data changed after finalization) is reported and the others
are still written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kotacerdas_desktop.domain.errors import KotaCerdasError, StorageError
from kotacerdas_desktop.domain.model import Assessment
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.indonesian import SHEET_LANGUAGE
from kotacerdas_desktop.reports.sheet import write_sheet
from kotacerdas_desktop.reports.styles import page_size
from kotacerdas_desktop.store import Store


@dataclass
class BatchResult:
    written: list[tuple[Assessment, Path, int]] = field(default_factory=list)  # with page count
    replaced: list[Path] = field(default_factory=list)  # earlier PDFs of the same name
    failed: list[tuple[Assessment, KotaCerdasError]] = field(default_factory=list)
    without_assessment: list[str] = field(default_factory=list)  # agency codes

    @property
    def pages(self) -> int:
        return sum(pages for _a, _path, pages in self.written)


def sheet_file_name(assessment: Assessment, language: str = SHEET_LANGUAGE) -> str:
    """ "lembar-evaluasi-DISKOMINFO-2026-r1.pdf" (with "-draf" before .pdf for a draft, and
    "-en" for the English translation, so it is never taken for the signed sheet)."""
    draft = "" if assessment.is_finalized else "-draf"
    translation = "" if language == SHEET_LANGUAGE else f"-{language}"
    return (
        f"lembar-evaluasi-{assessment.agency_code}-{assessment.year}-r{assessment.revision}"
        f"{draft}{translation}.pdf"
    )


Progress = Callable[[int, int, Assessment, Path], None]


def write_year(
    store: Store,
    year: int,
    out_dir: Path,
    paper: str = "a4",
    progress: Progress | None = None,
    language: str = SHEET_LANGUAGE,
) -> BatchResult:
    """Write the current revision of every agency's assessment for ``year`` into ``out_dir``;
    a year without any assessment writes nothing and makes no folder."""
    page_size(paper)
    result = BatchResult()
    chosen: list[Assessment] = []
    for agency in store.agencies.list():
        current = store.assessments.current(agency.code, year)
        if current is None:
            result.without_assessment.append(agency.code)
        else:
            chosen.append(current)
    if chosen:
        _make_folder(Path(out_dir))
    for number, assessment in enumerate(chosen, start=1):
        out = Path(out_dir) / sheet_file_name(assessment, language)
        if progress is not None:
            progress(number, len(chosen), assessment, out)
        try:
            saved = write_sheet(store, assessment.id, out, paper, language)
        except KotaCerdasError as exc:
            result.failed.append((assessment, exc))
        else:
            result.written.append((assessment, out, saved.sheet.pages))
            if saved.replaced:
                result.replaced.append(out)
    return result


def _make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            t(
                f"Folder {out_dir} tidak dapat dibuat: {exc.strerror or exc}",
                f"Folder {out_dir} cannot be created: {exc.strerror or exc}",
            ),
            field="out_dir",
        ) from exc
