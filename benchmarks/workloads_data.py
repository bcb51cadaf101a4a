"""The rows measured in this process: autosave, sheets, packages, recap, planner.

Each function returns rows of measure.Row; the city database is the one run.py
prepared (generated or copied, opened once so no timed open makes the day's
backup).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
import time
from pathlib import Path

from measure import Row, Target, percentile, repeat  # benchmarks/measure.py, beside this script
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from kotacerdas_desktop.cli import main as kotacerdas
from kotacerdas_desktop.domain.city import city_picture
from kotacerdas_desktop.domain.model import Agency, Answer
from kotacerdas_desktop.domain.plan_target import Target as PlanTarget
from kotacerdas_desktop.domain.planner import plan_city
from kotacerdas_desktop.domain.score_report import predicate_of
from kotacerdas_desktop.exchange.export import export_package, package_file_name
from kotacerdas_desktop.exchange.importer import import_packages
from kotacerdas_desktop.reports.recap import write_recap
from kotacerdas_desktop.reports.sheet import write_sheet
from kotacerdas_desktop.store import Store

COORDINATOR = "OPD01"
FIVE_SECONDS = Target(5.0, text="< 5 s")
# What an operator types: a paragraph that grows with every save.
TYPED = (
    "Simpan {n}: Renja dan RKA sudah diinput di SIPD, rencana umum pengadaan diumumkan di "
    "SiRUP, dan pemantauan realisasi dilakukan setiap bulan bersama bidang terkait. "
)


def autosave_row(folder: Path, saves: int) -> Row:
    """One answer saved through the store, as the autosave does, against the same write in
    raw sqlite3 with the same durability (WAL, synchronous=FULL, one transaction per save)."""
    with Store.open(folder / "autosave.sqlite") as store:
        store.agencies.add(Agency("UJI", "Dinas Uji Kinerja"))
        assessment = store.assessments.new("UJI", 2026)
        codes = [i.code for i in store.assessments.catalogue_of(assessment).indicators()]
        ours = []
        for n in range(saves):
            answer = Answer(codes[n % len(codes)], level=1 + n % 5, justification=TYPED.format(n=n))
            start = time.perf_counter()
            store.assessments.save_answer(assessment.id, answer)
            ours.append(time.perf_counter() - start)
    raw = []
    with contextlib.closing(sqlite3.connect(folder / "raw.sqlite", isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE answers (assessment_id INTEGER, indicator_code TEXT, level INTEGER, "
            "justification TEXT, PRIMARY KEY (assessment_id, indicator_code))"
        )
        for n in range(saves):
            values = [1, codes[n % len(codes)], 1 + n % 5, TYPED.format(n=n)]
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "level = excluded.level, justification = excluded.justification",
                values,
            )
            conn.execute("COMMIT")
            raw.append(time.perf_counter() - start)
    p99 = percentile(ours, 0.99)
    return Row(
        "autosave one answer",
        "raw sqlite3, same durability",
        ours,
        raw,
        unit="ms",
        target=Target(3.0, ratio=True, text="≤ 3x"),
        note=f"{saves} saves, each its own transaction with the audit trail; p99 "
        f"{p99 * 1000:.2f} ms (raw: {percentile(raw, 0.99) * 1000:.2f} ms)",
        extra_checks=[(f"p99 < 5 ms ({p99 * 1000:.1f})", p99 < 0.005)],
    )


def plain_document(store: Store, assessment_id: int, out: Path) -> None:
    """The same words as plain paragraphs in a standard font: what any PDF of them costs at least."""
    style = getSampleStyleSheet()["BodyText"]
    answers = store.assessments.answers(assessment_id)
    story = [Paragraph(a.justification or a.na_reason, style) for _c, a in sorted(answers.items())]
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def sheet_rows(folder: Path, city: Path, runs: int, agencies: int) -> tuple[list[Row], list[float]]:
    """One agency's sheet against a minimal reportlab document, and `sheet --all` for the city;
    also returns the single sheet's samples, the reference of the recap rows."""
    with Store.open(city) as store:
        year = store.city.years()[0]
        final = store.city.counted(year)[0]
        write_sheet(store, final.id, folder / "warm.pdf")  # fonts loaded once, not timed
        plain, _ = repeat(lambda: plain_document(store, final.id, folder / "plain.pdf"), runs)
        sheet, saved = repeat(lambda: write_sheet(store, final.id, folder / "sheet.pdf"), runs)
    rows = [
        Row(
            "one agency's evaluation sheet",
            "minimal reportlab document",
            sheet,
            plain,
            note=f"{final.agency_code} {year}, {saved.sheet.pages} pages A4; the reference "
            "sets the same justifications as plain paragraphs",
        )
    ]
    runs_all = []
    for n in range(runs):
        command = ["--db", str(city), "sheet", "--all", "--year", str(year)]
        command += ["--out-dir", str(folder / f"all-{n}")]
        said = io.StringIO()
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(io.StringIO()):
            seconds, code = repeat(lambda command=command: kotacerdas(command), 1)
        if code != 0:
            raise RuntimeError(f"sheet --all failed (exit code {code}): {said.getvalue()}")
        runs_all += seconds
    written = len(list((folder / "all-0").glob("*.pdf")))
    rows.append(
        Row(
            f"sheet --all for {written} agencies",
            f"{written} x one agency's sheet",
            runs_all,
            [s * written for s in sheet],
            note=f"`kotacerdas sheet --all --year {year}`: open, check, render and write each",
        )
    )
    assert written == agencies, (written, agencies)
    return rows, sheet


def import_row(folder: Path, city: Path, runs: int) -> Row:
    """Importing every agency's package of a year into an empty coordinator database,
    against a plain copy of the same files."""
    usb = folder / "usb"
    usb.mkdir()
    with Store.open(city) as store:
        year = store.city.years()[0]
        finals = store.city.counted(year)
        start = time.perf_counter()
        for assessment in finals:
            export_package(store, assessment.id, usb / package_file_name(assessment))
        exported = time.perf_counter() - start
    size = sum(p.stat().st_size for p in usb.iterdir()) / 1e6
    copies = [folder / f"copy-{n}" for n in range(runs)]
    copied, _ = repeat(lambda: shutil.copytree(usb, copies.pop()), runs)
    imported = []
    for n in range(runs):
        with Store.open(folder / f"coordinator-{n}.sqlite") as coordinator:
            seconds, outcomes = repeat(lambda c=coordinator: import_packages(c, [usb]), 1)
        refused = [o.reason for o in outcomes if not o.stored]
        if refused:
            raise RuntimeError(f"import refused packages: {refused[:3]}")
        imported += seconds
    return Row(
        f"import {len(finals)} packages",
        "plain copy of the files",
        imported,
        copied,
        target=FIVE_SECONDS,
        note=f"{year}, {size:.0f} MB in all, into an empty coordinator database, each "
        f"package verified then written in its own transaction (exporting them: {exported:.1f} s)",
    )


def recap_rows(folder: Path, city: Path, runs: int, sheet: list[float], label: str) -> list[Row]:
    rows = []
    with Store.open(city) as store:
        year = store.city.years()[0]
        for name in ("rekap.pdf", "rekap.xlsx"):
            out = folder / name
            seconds, written = repeat(
                lambda out=out: write_recap(store, year, out, "a4", COORDINATOR), runs
            )
            pages = f", {written.pages} pages A4" if written.pages else ""
            rows.append(
                Row(
                    f"recap {out.suffix[1:].upper()}, {label}",
                    "one agency's evaluation sheet",
                    seconds,
                    sheet,
                    target=FIVE_SECONDS,
                    note=f"{year} beside {year - 1}{pages}, {written.size / 1024:.0f} KB",
                )
            )
    return rows


def planner_row(city: Path, runs: int) -> Row:
    """The city plan to the next predicate, against scoring the city picture once."""
    with Store.open(city) as store:
        year = store.city.years()[0]
        picture = store.city.picture(year)
    assert picture is not None and picture.report is not None
    catalogue = picture.catalogue
    reference, _ = repeat(lambda: city_picture(year, catalogue, picture.entries), runs)
    current = predicate_of(catalogue, picture.report.index)
    predicates = catalogue.predicates
    chosen = predicates[min(predicates.index(current) + 1, len(predicates) - 1)]
    target = PlanTarget(chosen.exact_minimum, chosen)
    seconds, plan = repeat(lambda: plan_city(picture, target), runs)
    return Row(
        "city-wide planner",
        "score the city picture once",
        seconds,
        reference,
        note=f"{len(picture.entries)} agencies, {year}, to {target.text()}: "
        f"{len(plan.steps)} steps",
    )
