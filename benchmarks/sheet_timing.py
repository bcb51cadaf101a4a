"""Time the evaluation sheet's real workloads and print a table.

- the demo agency's finalized sheet (Dinas Komunikasi dan Informatika, 82
  indicators) on A4 and on F4, read from the store and written to a file;
- `kotacerdas sheet --all` for this year's assessments of the demo city
  (10 agencies), run in-process as an administrator would type it;
- the reference, measured in the same run: reportlab writing the same
  justification texts as plain paragraphs in a standard font, no tables, no
  embedded fonts, no footer pass; the sheet is reported as a ratio of it.

Run: .venv/bin/python benchmarks/sheet_timing.py [--runs N] [--smoke]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import tempfile
from pathlib import Path

from measure import timed  # benchmarks/measure.py, beside this script
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from kotacerdas_desktop.cli import main as kotacerdas
from kotacerdas_desktop.demo import fill_demo_city
from kotacerdas_desktop.reports.sheet import write_sheet
from kotacerdas_desktop.store import Store


def reference(store: Store, assessment_id: int, out: Path) -> int:
    """The same words as plain paragraphs: what any PDF of this content costs at least."""
    style = getSampleStyleSheet()["BodyText"]
    answers = store.assessments.answers(assessment_id)
    story = [Paragraph(a.justification or a.na_reason, style) for _c, a in sorted(answers.items())]
    pages = []
    doc = SimpleDocTemplate(str(out), pagesize=A4)
    doc.build(story, onLaterPages=lambda canvas, _doc: pages.append(canvas.getPageNumber()))
    return len(pages) + 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per single-sheet timing")
    parser.add_argument("--smoke", action="store_true", help="one run each, to prove it works")
    args = parser.parse_args()
    runs = 1 if args.smoke else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "demo.sqlite"
        with Store.open(db) as store:
            fill_demo_city(store)
            year = max(a.year for a in store.assessments.list())
            final = store.assessments.current("DISKOMINFO", year - 1)
            rows = []
            ref_time, ref_pages = timed(
                lambda: reference(store, final.id, folder / "ref.pdf"), runs
            )
            for paper in ("a4", "f4"):
                seconds, saved = timed(
                    lambda paper=paper: write_sheet(
                        store, final.id, folder / f"{paper}.pdf", paper
                    ),
                    runs,
                )
                rows.append(
                    (
                        f"demo agency's final sheet, {paper.upper()}",
                        seconds,
                        saved.sheet.pages,
                        f"{seconds / ref_time:.1f}x reference" if paper == "a4" else "",
                    )
                )
            rows.append(("reference: same text, plain paragraphs", ref_time, ref_pages, ""))
        out_dir = folder / "all"
        command = [
            "--db",
            str(db),
            "sheet",
            "--all",
            "--year",
            str(year),
            "--out-dir",
            str(out_dir),
        ]
        said = io.StringIO()
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(io.StringIO()):
            seconds, code = timed(lambda: kotacerdas(command), 1)
        reported = re.search(r"\((\d+) halaman\)", said.getvalue())
        if code != 0 or reported is None:
            raise SystemExit(f"sheet --all failed (exit code {code}): {said.getvalue()}")
        files = sorted(out_dir.glob("*.pdf"))
        pages = int(reported.group(1))
        rows.append(
            (
                f"sheet --all --year {year} ({len(files)} agencies)",
                seconds,
                pages,
                f"{seconds / len(files):.2f} s per sheet",
            )
        )
    width = max(len(r[0]) for r in rows)
    print(f"{'workload'.ljust(width)}  {'seconds':>8}  {'pages':>5}  note")
    for name, seconds, pages, note in rows:
        print(f"{name.ljust(width)}  {seconds:8.2f}  {pages:5d}  {note}")


if __name__ == "__main__":
    main()
