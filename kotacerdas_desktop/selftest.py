"""`KotaCerdas --self-test`: what an IT officer runs after installing, on a PC with no Python.

It walks the whole program once on a temporary database (never the user's):
bundled files, database, every catalogue, answering, finalizing, the sheet
PDF read back through QtPdf, printing to a PDF printer, the city recap (PDF,
workbook, CSV), the exchange package, a plan as PDF and workbook, and the main
window, offscreen. Each step prints one line; the exit code is 0 only when none
failed. Only what the frozen app ships is used here (no test packages), so the
check means the same frozen or not.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kotacerdas_desktop import __version__
from kotacerdas_desktop.demo.agencies import AGENCIES
from kotacerdas_desktop.demo.people import People
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Evidence, Signatory
from kotacerdas_desktop.domain.score_text import index_line
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.resources import bundled_catalogues, qt_translation, resource_path
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.check import check_database
from kotacerdas_desktop.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

AGENCY_CODE = "UJI"
ANSWERED = 3
# Signatories with valid NIPs (the sheet and finalizing check them).
HEAD = ("Dra. Uji Mandiri, M.Si.", "197403152000031004", "Pembina Utama Muda (IV/c)")


class Skipped(Exception):
    """A step that cannot run because an earlier one failed: reported, but not its own failure."""


@dataclass
class Outcome:
    label: LocalText
    status: str  # "ok", "skip" or "fail"
    detail: str
    seconds: float


@dataclass
class Context:
    """What the steps hand on to each other."""

    folder: Path
    opened: Store | None = None
    assessment_id: int = 0
    sheet: Path | None = None

    @property
    def store(self) -> Store:
        if self.opened is None:
            raise RuntimeError(str(t("basis data tidak terbuka", "the database is not open")))
        return self.opened


def _qt_app() -> QApplication:
    """The application as the program sets it up (style, palette, style sheet from ui/)."""
    from kotacerdas_desktop.gui.app import create_app

    return create_app()


def check_resources(ctx: Context) -> str:
    files = bundled_catalogues()
    if not files:
        raise RuntimeError(f"no catalogue files in {resource_path('catalogues')}")
    return str(
        t(
            f"{resource_path()} ({len(files)} katalog)",
            f"{resource_path()} ({len(files)} catalogues)",
        )
    )


def check_qt_words(ctx: Context) -> str:
    """Qt's own words in Indonesian: the compiled translation is bundled and answers."""
    from PySide6.QtCore import QTranslator

    _qt_app()
    path = qt_translation("id")
    translator = QTranslator()
    if not translator.load(str(path)):
        raise RuntimeError(f"{path} missing or unreadable")
    cancel = translator.translate("QPlatformTheme", "Cancel")
    if cancel != "Batal":
        raise RuntimeError(f"'Cancel' translates to {cancel!r}")
    return f"{path.name}: Cancel → {cancel}"


def check_database_file(ctx: Context) -> str:
    ctx.opened = Store.open(ctx.folder / "uji.sqlite")
    version = ctx.store.db.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        raise RuntimeError(f"schema {version}, expected {SCHEMA_VERSION}")
    return str(
        t(f"{ctx.store.path.name}, skema {version}", f"{ctx.store.path.name}, schema {version}")
    )


def check_catalogues(ctx: Context) -> str:
    stored = ctx.store.catalogues.list()
    if len(stored) != len(bundled_catalogues()):
        raise RuntimeError(f"{len(stored)} stored of {len(bundled_catalogues())} bundled")
    counts = []
    for info in stored:
        indicators = ctx.store.catalogues.load(info.id).indicator_count()
        if indicators == 0:
            raise RuntimeError(f"{info.code} {info.version} has no indicators")
        counts.append(f"{info.code} {info.version}: {indicators}")
    return ", ".join(counts)


def check_answers(ctx: Context) -> str:
    store = ctx.store
    signatories = People(random.Random(5)).signatories(AGENCIES[0])
    signatories[ROLE_APPROVED] = Signatory(ROLE_APPROVED, *HEAD, "Kepala Dinas Uji Mandiri")
    agency = store.agencies.add(
        Agency(
            AGENCY_CODE,
            "Dinas Uji Mandiri",
            "Jl. Contoh No. 1",
            "Kota Contoh",
            signatories=signatories,
        )
    )
    assessment = store.assessments.new(agency.code, time.localtime().tm_year)
    ctx.assessment_id = assessment.id
    catalogue = store.assessments.catalogue_of(assessment)
    attachment = ctx.folder / "bukti.txt"
    attachment.write_text("Bukti dukung uji mandiri.\n", encoding="utf-8")
    for level, indicator in enumerate(list(catalogue.indicators())[:ANSWERED], start=2):
        justification = f"Uji mandiri: tingkat {level} dipilih untuk memeriksa instalasi."
        store.assessments.save_answer(
            assessment.id, Answer(indicator.code, level, justification=justification)
        )
        store.evidence.add_file(assessment.id, indicator.code, attachment, Evidence("Bukti uji"))
    saved = store.assessments.answers(assessment.id)
    if len(saved) != ANSWERED or any(not a.evidence for a in saved.values()):
        raise RuntimeError(f"{len(saved)} answers read back, expected {ANSWERED} with evidence")
    finalized = store.lifecycle.finalize(assessment.id, override_reason="uji mandiri")
    index = index_line(store.assessments.scores(assessment.id))
    digest = finalized.fingerprint[:12]
    return str(
        t(
            f"{ANSWERED} indikator, indeks {index}, sidik jari {digest}",
            f"{ANSWERED} indicators, index {index}, fingerprint {digest}",
        )
    )


def check_sheet(ctx: Context) -> str:
    from kotacerdas_desktop.reports.sheet import render_sheet

    ctx.sheet = render_sheet(ctx.store, ctx.assessment_id, ctx.folder / "lembar.pdf", paper="a4")
    return f"{ctx.sheet.name}, {ctx.sheet.stat().st_size // 1024} KB"


def check_pdf(ctx: Context) -> str:
    """The sheet read back and drawn by QtPdf: what the print preview and printing use."""
    if ctx.sheet is None:
        raise Skipped(str(t("tidak ada lembar evaluasi", "no evaluation sheet")))
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    _qt_app()
    document = QPdfDocument()
    try:
        if document.load(str(ctx.sheet)) != QPdfDocument.Error.None_:
            raise RuntimeError(f"QPdfDocument cannot open {ctx.sheet.name}")
        pages = document.pageCount()
        image = document.render(0, QSize(595, 842))
        if pages < 1 or image.isNull():
            raise RuntimeError(f"{pages} pages, first page not drawn")
    finally:
        document.close()
    return str(t(f"{pages} halaman", f"{pages} page(s)"))


def check_printing(ctx: Context) -> str:
    """The print support plugin loads, and a page prints (to a PDF printer, no paper needed)."""
    from PySide6.QtCore import QLibraryInfo, QPluginLoader
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    _qt_app()
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
    plugins = sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []
    loaded = [p.name for p in plugins if QPluginLoader(str(p)).load()]
    if not loaded:
        raise RuntimeError(f"no print support plugin loads from {folder}")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(ctx.folder / "cetak.pdf"))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("cannot print to a PDF printer")
    painter.drawText(100, 100, f"KotaCerdas {__version__}")
    painter.end()
    if (ctx.folder / "cetak.pdf").stat().st_size == 0:
        raise RuntimeError("the printed file is empty")
    printers = len(QPrinterInfo.availablePrinterNames())
    return f"{', '.join(loaded)}; printer: {printers}"


def check_recap(ctx: Context) -> str:
    """The coordinator's recap of this year in every format: reportlab and XlsxWriter, frozen."""
    from kotacerdas_desktop.reports.recap import RECAP_FORMATS, write_recap

    year = time.localtime().tm_year
    written = [write_recap(ctx.store, year, ctx.folder / f"rekap{kind}") for kind in RECAP_FORMATS]
    pdf, workbook, table = (w.path for w in written)
    with zipfile.ZipFile(workbook) as book:
        if not any(name.startswith("xl/charts/") for name in book.namelist()):
            raise RuntimeError(f"{workbook.name} has no chart")
    if not pdf.read_bytes().startswith(b"%PDF") or table.read_bytes()[:3] != b"\xef\xbb\xbf":
        raise RuntimeError("the recap PDF or CSV is not what it should be")
    return ", ".join(f"{w.path.name} {w.size // 1024 + 1} KB" for w in written)


def check_exchange(ctx: Context) -> str:
    """Export the finalized assessment, verify the package, import it into a second database."""
    from kotacerdas_desktop.exchange.export import export_package
    from kotacerdas_desktop.exchange.importer import import_packages

    package = export_package(ctx.store, ctx.assessment_id, ctx.folder / "uji.kcpkg")
    with Store.open(ctx.folder / "koordinator.sqlite") as coordinator:
        (outcome,) = import_packages(coordinator, [package])
        if not outcome.stored:
            raise RuntimeError(f"the package was not imported: {outcome.reason}")
        fingerprint = coordinator.assessments.get(outcome.assessment_id).fingerprint
        verification = coordinator.lifecycle.verify(fingerprint)
        if verification is None or not verification.intact:
            raise RuntimeError("the imported assessment does not verify")
    size = package.stat().st_size // 1024
    key = ctx.store.installation.key_fingerprint
    return str(
        t(
            f"paket {size} KB diimpor dan diverifikasi; kunci {key}",
            f"{size} KB package imported and verified; key {key}",
        )
    )


def check_plan(ctx: Context) -> str:
    """A plan of the finalized assessment, written as PDF and as a workbook (XlsxWriter)."""
    from kotacerdas_desktop.domain.plan_target import parse_target
    from kotacerdas_desktop.domain.planner import plan_agency
    from kotacerdas_desktop.reports.plan_data import agency_plan_document
    from kotacerdas_desktop.reports.plan_file import write_plan

    store = ctx.store
    assessment = store.assessments.get(ctx.assessment_id)
    catalogue = store.assessments.catalogue_of(assessment)
    answers = store.assessments.answers(assessment.id)
    plan = plan_agency(catalogue, answers, parse_target(catalogue, "4,20"))
    if not plan.steps:
        raise RuntimeError(f"no step planned ({plan.status})")
    document = agency_plan_document(store, assessment.id, plan)
    pdf, workbook = (
        write_plan(document, ctx.folder / f"rencana{kind}", store.path)
        for kind in (".pdf", ".xlsx")
    )
    with zipfile.ZipFile(workbook.path) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            raise RuntimeError("the plan workbook has no workbook part")
    size = workbook.path.stat().st_size // 1024
    return str(
        t(
            f"{len(plan.steps)} langkah; PDF {pdf.pages} halaman, XLSX {size} KB",
            f"{len(plan.steps)} steps; PDF {pdf.pages} page(s), XLSX {size} KB",
        )
    )


def check_main_window(ctx: Context) -> str:
    from kotacerdas_desktop.gui.main_window import MainWindow

    app = _qt_app()
    window = MainWindow(ctx.store)
    try:
        window.show()
        app.processEvents()
        if not window.isVisible():
            raise RuntimeError("the main window did not show")
        return f'"{window.windowTitle()}"'
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def check_city_window(ctx: Context) -> str:
    """The coordinator's Kota window over this file until every tab shows the city's figures:
    its modules are imported on first use, so only opening it proves the build holds them."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kotacerdas_desktop.gui.city_window import CityWindow

    app = _qt_app()
    window = CityWindow(ctx.store)
    failures: list[BaseException] = []
    loop = QEventLoop()
    window.loaded.connect(loop.quit)
    window.loader.failed.disconnect()
    window.loader.failed.connect(failures.append)
    window.loader.failed.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    try:
        window.show()
        loop.exec()
        if failures:
            raise failures[0]
        picture = window.data.picture if window.data is not None else None
        if picture is None or picture.report is None:
            raise RuntimeError("the city picture did not load within 60 s")
        return str(
            t(
                f"tahun {picture.year}: {len(picture.entries)} OPD, {index_line(picture.report)}",
                f"year {picture.year}: {len(picture.entries)} agencies, "
                f"{index_line(picture.report)}",
            )
        )
    finally:
        window.close()
        app.processEvents()


def check_consistency(ctx: Context) -> str:
    problems = check_database(ctx.store)
    if problems:
        raise RuntimeError("; ".join(str(p) for p in problems))
    return str(t("tidak ada masalah", "no problems"))


STEPS: tuple[tuple[LocalText, Callable[[Context], str]], ...] = (
    (t("Berkas bawaan", "Bundled files"), check_resources),
    (t("Kata-kata Qt", "Qt's words"), check_qt_words),
    (t("Basis data", "Database"), check_database_file),
    (t("Katalog", "Catalogues"), check_catalogues),
    (t("Menjawab dan finalisasi", "Answering and finalizing"), check_answers),
    (t("Lembar evaluasi", "Evaluation sheet"), check_sheet),
    (t("Pratinjau PDF", "PDF preview"), check_pdf),
    (t("Pencetakan", "Printing"), check_printing),
    (t("Rekap kota", "City recap"), check_recap),
    (t("Paket pertukaran", "Exchange package"), check_exchange),
    (t("Rencana capaian", "Plan to a target"), check_plan),
    (t("Jendela utama", "Main window"), check_main_window),
    (t("Jendela Kota", "City window"), check_city_window),
    (t("Keutuhan basis data", "Database consistency"), check_consistency),
)


def run_steps(ctx: Context) -> list[Outcome]:
    outcomes = []
    for label, step in STEPS:
        started = time.perf_counter()
        try:
            status, detail = "ok", step(ctx)
        except Skipped as skip:
            status, detail = "skip", str(skip)
        except Exception as exc:  # every failure is reported, then the next step runs
            status, detail = "fail", f"{type(exc).__name__}: {exc}"
        outcomes.append(Outcome(label, status, detail, time.perf_counter() - started))
    return outcomes


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step on a temporary database, print the report; 0 when nothing failed."""
    out = out or sys.stdout
    if hasattr(out, "reconfigure"):  # a Windows console or pipe may not encode every character
        out.reconfigure(errors="replace")
    started = time.perf_counter()
    print(f"KotaCerdas Desktop {__version__}: {t('uji mandiri', 'self-test')}", file=out)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(
        prefix="kotacerdas-selftest-", ignore_cleanup_errors=True
    ) as tmp:
        context = Context(Path(tmp))
        # Window settings go to the temporary folder too, never into the user's.
        with _environment(KOTACERDAS_UI_SETTINGS=str(context.folder / "jendela.ini")):
            try:
                outcomes = run_steps(context)
            finally:
                if context.opened is not None:
                    context.opened.close()
    marks = {"ok": "ok  ", "skip": "skip", "fail": "GAGAL/FAIL"}
    for outcome in outcomes:
        print(
            f"  {marks[outcome.status]}  {outcome.label}: {outcome.detail} "
            f"({outcome.seconds * 1000:.0f} ms)",
            file=out,
        )
    failed = [o for o in outcomes if o.status == "fail"]
    verdict = t("LULUS", "PASSED") if not failed else t("GAGAL", "FAILED")
    print(
        f"{t('Hasil', 'Result')}: {verdict} ({len(outcomes) - len(failed)}/{len(outcomes)}) "
        f"{time.perf_counter() - started:.1f} s",
        file=out,
    )
    return 1 if failed else 0
