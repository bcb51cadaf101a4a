"""`kotacerdas sheet ID --out FILE.pdf` and `kotacerdas sheet --all --year YEAR --out-dir DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kotacerdas_desktop.cli.common import add_paper, with_store
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Assessment
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_year
from kotacerdas_desktop.reports.indonesian import DRAFT_MARK, SHEET_LANGUAGE
from kotacerdas_desktop.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sheet",
        help="cetak lembar evaluasi ke PDF / print evaluation sheets to PDF",
        description="Lembar evaluasi satu penilaian (ID --out) atau semua OPD satu tahun "
        "(--all --year --out-dir), dalam bahasa Indonesia. / The sheet of one assessment, or of "
        "every agency for a year, in Indonesian; `kotacerdas --lang en sheet ...` writes an "
        "English translation for partners instead.",
    )
    parser.add_argument("id", nargs="?", help="ID penilaian / assessment ID")
    parser.add_argument("--out", type=Path, help="berkas PDF / PDF file (with ID)")
    parser.add_argument(
        "--all", action="store_true", help="semua OPD (revisi terbaru) / every agency"
    )
    parser.add_argument("--year", help="tahun penilaian (with --all)")
    parser.add_argument("--out-dir", type=Path, help="folder tujuan (with --all)")
    add_paper(parser)
    parser.set_defaults(handler=with_store(run_sheet))


def _usage_error(indonesian: str, english: str) -> ValidationError:
    return ValidationError(t(indonesian, english), field="arguments")


def sheet_language(args: argparse.Namespace) -> str:
    """Indonesian, the signed record's language, unless --lang en was typed on this command line
    (a language from the environment or the app's setting never changes the sheet)."""
    return getattr(args, "lang", None) or SHEET_LANGUAGE


def run_sheet(store: Store, args: argparse.Namespace) -> int:
    if args.all:
        if args.id is not None or args.out is not None:
            raise _usage_error(
                "--all tidak dipakai bersama ID atau --out; gunakan --out-dir.",
                "--all does not go with an ID or --out; use --out-dir.",
            )
        if args.year is None or args.out_dir is None:
            raise _usage_error(
                "--all memerlukan --year dan --out-dir.", "--all needs --year and --out-dir."
            )
        return _sheet_all(
            store, check_year(args.year), args.out_dir, args.paper, sheet_language(args)
        )
    if args.id is None or args.out is None:
        raise _usage_error(
            "Sebutkan ID penilaian dan --out FILE.pdf (atau --all --year --out-dir).",
            "Give an assessment ID and --out FILE.pdf (or --all --year --out-dir).",
        )
    assessment = store.assessments.get(args.id)
    from kotacerdas_desktop.reports.sheet import write_sheet  # reportlab only when a sheet is made

    language = sheet_language(args)
    saved = write_sheet(store, assessment.id, args.out, args.paper, language)
    pages = saved.sheet.pages
    print(
        t(
            f"Lembar evaluasi penilaian #{assessment.id} ({_status(assessment, language)}) ditulis ke "
            f"{args.out}: {pages} halaman {args.paper.upper()}.",
            f"Evaluation sheet of assessment #{assessment.id} ({_status(assessment, language)}) written to "
            f"{args.out}: {pages} {args.paper.upper()} page(s).",
        )
    )
    if saved.replaced:
        print(
            t("(PDF lama dengan nama itu diganti.)", "(The earlier PDF of that name was replaced.)")
        )
    return 0


def _status(assessment: Assessment, language: str) -> str:
    if assessment.is_finalized:
        return str(assessment.status_text)
    mark = DRAFT_MARK.get(language)
    return str(t(f"draf, bertanda {mark}", f"draft, marked {mark}"))


def _sheet_all(store: Store, year: int, out_dir: Path, paper: str, language: str) -> int:
    def progress(number: int, total: int, assessment: Assessment, out: Path) -> None:
        print(
            f"[{number}/{total}] {assessment.agency_code} {assessment.year} "
            f"r{assessment.revision} ({_status(assessment, language)}) -> {out.name}",
            file=sys.stderr,
            flush=True,
        )

    from kotacerdas_desktop.reports.batch import write_year  # reportlab only when sheets are made

    result = write_year(store, year, out_dir, paper, progress, language)
    if not result.written and not result.failed:
        print(
            t(
                f"Tidak ada penilaian tahun {year}: tidak ada lembar evaluasi untuk dicetak "
                f"(folder {out_dir} tidak dibuat).",
                f"There is no assessment for {year}: no evaluation sheet to print "
                f"(folder {out_dir} not created).",
            )
        )
        return 0
    for code in result.without_assessment:
        print(
            t(
                f"{code}: tidak ada penilaian tahun {year}, dilewati.",
                f"{code}: no assessment for {year}, skipped.",
            ),
            file=sys.stderr,
        )
    for assessment, error in result.failed:
        print(f"{assessment.agency_code}: {error}", file=sys.stderr)
    if result.replaced:
        print(
            t(
                f"{len(result.replaced)} PDF lama dengan nama yang sama diganti:",
                f"{len(result.replaced)} earlier PDF(s) of the same name replaced:",
            )
        )
        for path in result.replaced:
            print(f"  {path.name}")
    print(
        t(
            f"{len(result.written)} lembar evaluasi ({result.pages} halaman) ditulis ke {out_dir}.",
            f"{len(result.written)} evaluation sheet(s) ({result.pages} pages) written to {out_dir}.",
        )
    )
    return 1 if result.failed else 0
