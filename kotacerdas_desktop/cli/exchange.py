"""`kotacerdas export ID --out FILE.kcpkg`, `kotacerdas import FILE_OR_DIR...` and
`kotacerdas imports` (the log of every package ever tried)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.package import (
    NEEDS_CATALOGUE,
    NEEDS_KEY,
    OUTCOME_TEXT,
    REFUSED,
    ImportOutcome,
)
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.store import Store

HEADERS = (
    t("BERKAS", "FILE"),
    t("HASIL", "OUTCOME"),
    t("OPD", "AGENCY"),
    t("TAHUN", "YEAR"),
    "REV",
    t("ALASAN", "REASON"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export",
        help="ekspor paket penilaian / export an assessment package",
        description="Satu penilaian ke satu berkas paket bertanda tangan (.kcpkg) untuk koordinator. "
        "/ One assessment to one signed package file for the coordinator.",
    )
    export.add_argument("id", help="ID penilaian / assessment ID")
    export.add_argument("--out", type=Path, required=True, help="berkas .kcpkg / package file")
    export.set_defaults(handler=with_store(run_export))
    imports = subparsers.add_parser(
        "import",
        help="impor paket OPD / import agency packages",
        description="Impor berkas paket atau semua paket di folder; tiap paket diperiksa utuh lalu "
        "disimpan seluruhnya atau ditolak. / Import package files or every package in a folder.",
    )
    imports.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    imports.add_argument(
        "--accept-new-key",
        action="append",
        default=[],
        metavar="AGENCY",
        help="terima kunci baru OPD ini (setelah dicocokkan dengan lembar bertanda tangan) "
        "/ accept this agency's new signing key",
    )
    imports.add_argument(
        "--import-catalogue",
        action="store_true",
        help="impor kerangka yang dibawa paket bila belum ada / import the framework a package carries",
    )
    add_json(imports)
    imports.set_defaults(handler=with_store(run_import, create=True))
    log = subparsers.add_parser("imports", help="log impor paket / the package import log")
    add_json(log)
    log.set_defaults(handler=with_store(run_import_log))


def run_export(store: Store, args: argparse.Namespace) -> int:
    from kotacerdas_desktop.exchange.export import export_package

    assessment = store.assessments.get(args.id)
    export_package(store, assessment.id, args.out)
    kind = (
        t("final, untuk dihitung koordinator", "final, for the coordinator to count")
        if assessment.is_finalized
        else t(
            "DRAF: cadangan saja, tidak dihitung koordinator", "DRAFT: a backup only, never counted"
        )
    )
    print(t(f"Paket ditulis ke {args.out} ({kind}).", f"Package written to {args.out} ({kind})."))
    print(
        t(
            f"Sidik jari kunci penanda tangan: {store.installation.key_fingerprint}",
            f"Signing key fingerprint: {store.installation.key_fingerprint}",
        )
    )
    return 0


def _row(outcome: ImportOutcome) -> dict:
    return {
        "file": outcome.file_name,
        "outcome": outcome.outcome,
        "agency": outcome.agency_code,
        "year": outcome.year,
        "revision": outcome.revision,
        "assessment_id": outcome.assessment_id,
        "reason": str(outcome.reason) if outcome.reason else "",
        "needs": outcome.needs,
    }


def run_import(store: Store, args: argparse.Namespace) -> int:
    from kotacerdas_desktop.exchange.importer import import_packages

    def progress(done: int, total: int, name: str) -> None:
        if name:
            print(f"[{done + 1}/{total}] {name}", file=sys.stderr)

    results = import_packages(
        store,
        args.paths,
        accept_new_keys=[code.upper() for code in args.accept_new_key],
        import_catalogues=args.import_catalogue,
        progress=progress,
    )
    if args.json:
        print_json([_row(r) for r in results])
    else:
        print_table(
            HEADERS,
            [
                (
                    r.file_name,
                    OUTCOME_TEXT[r.outcome],
                    r.agency_code,
                    r.year or "",
                    r.revision or "",
                    r.reason or "",
                )
                for r in results
            ],
        )
        hints = {r.needs for r in results if r.needs}
        if NEEDS_KEY in hints:
            print(
                t(
                    "Cocokkan sidik jari kunci dengan lembar evaluasi bertanda tangan OPD itu, lalu ulangi dengan "
                    "--accept-new-key KODE_OPD.",
                    "Compare the key fingerprint with that agency's signed evaluation sheet, then repeat with "
                    "--accept-new-key AGENCY_CODE.",
                ),
                file=sys.stderr,
            )
        if NEEDS_CATALOGUE in hints:
            print(
                t(
                    "Ulangi dengan --import-catalogue untuk mengimpor kerangka yang dibawa paket.",
                    "Repeat with --import-catalogue to import the framework the package carries.",
                ),
                file=sys.stderr,
            )
    return 2 if any(r.outcome == REFUSED for r in results) else 0


def run_import_log(store: Store, args: argparse.Namespace) -> int:
    rows = store.imports.history()
    if args.json:
        print_json(rows)
        return 0
    print_table(
        [t("WAKTU", "TIME"), *HEADERS],
        [
            (
                r["at"],
                r["file_name"],
                OUTCOME_TEXT.get(r["outcome"], r["outcome"]),
                r["agency_code"],
                r["year"] or "",
                r["revision"] or "",
                LocalText(r["reason"], r["reason_en"]),
            )
            for r in rows
        ],
    )
    return 0
