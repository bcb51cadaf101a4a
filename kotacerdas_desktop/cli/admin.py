"""`kotacerdas demo | check | verify FINGERPRINT`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kotacerdas_desktop.cli.common import with_store
from kotacerdas_desktop.demo import fill_demo_city
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.reports.indonesian import format_iso_date
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.check import check_file
from kotacerdas_desktop.store.location import default_db_path, missing_database


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(
        "demo", help="isi basis data dengan kota contoh / fill the database with a demo city"
    )
    demo.set_defaults(handler=with_store(run_demo, create=True))
    check = subparsers.add_parser("check", help="periksa keutuhan basis data / check the database")
    check.set_defaults(handler=run_check)
    verify = subparsers.add_parser(
        "verify", help="cocokkan sidik jari lembar evaluasi / match a sheet's fingerprint"
    )
    verify.add_argument(
        "fingerprint",
        help="sidik jari SHA-256, 12 karakter pertamanya (kaki halaman) atau teks QR / "
        "SHA-256 fingerprint, its first 12 characters (page footer) or the QR text",
    )
    verify.set_defaults(handler=with_store(run_verify))


def run_demo(store: Store, args: argparse.Namespace) -> int:
    store.check_demo_target()
    summary = fill_demo_city(store)
    print(
        t(
            f"Kota contoh dibuat: {summary.agencies} OPD, {summary.assessments} penilaian, {summary.answers} jawaban.",
            f"Demo city made: {summary.agencies} agencies, {summary.assessments} assessments, {summary.answers} answers.",
        )
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Examine the file before opening it as a store: a damaged file is reported, not opened."""
    path = Path(args.db) if args.db else default_db_path()
    if not path.is_file():
        raise missing_database(path)
    problems = check_file(path)
    if not problems:
        print(
            t(
                f"Basis data {path} sehat: tidak ada masalah ditemukan.",
                f"Database {path} is sound: no problems found.",
            )
        )
        return 0
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    print(
        t(f"{len(problems)} masalah ditemukan.", f"{len(problems)} problem(s) found."),
        file=sys.stderr,
    )
    return 1


def run_verify(store: Store, args: argparse.Namespace) -> int:
    found = store.lifecycle.verify(args.fingerprint)
    if found is None:
        print(
            t(
                "Tidak ada penilaian final tersimpan yang cocok dengan sidik jari ini.",
                "No stored finalized assessment matches this fingerprint.",
            ),
            file=sys.stderr,
        )
        return 1
    a, agency = found.assessment, found.agency
    when = format_iso_date(a.finalized_at)
    print(
        t(
            f"Cocok: {agency.name} ({agency.code}), tahun {a.year}, revisi {a.revision}, "
            f"penilaian #{a.id}, difinalisasi {when}.",
            f"Match: {agency.name} ({agency.code}), year {a.year}, revision {a.revision}, "
            f"assessment #{a.id}, finalized {when}.",
        )
    )
    if found.newer is not None:
        print(
            t(
                f"Perhatian: ada revisi lebih baru (revisi {found.newer.revision}, #{found.newer.id}).",
                f"Note: a newer revision exists (revision {found.newer.revision}, #{found.newer.id}).",
            )
        )
    if not found.intact:
        print(
            t(
                "Perhatian: data yang tersimpan sekarang tidak lagi cocok dengan yang difinalisasi "
                "(berkas diubah di luar aplikasi):",
                "Warning: the data stored now no longer matches what was finalized "
                "(the file was changed outside the program):",
            ),
            file=sys.stderr,
        )
        for problem in found.problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    return 0
