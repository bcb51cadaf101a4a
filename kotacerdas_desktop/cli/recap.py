"""`kotacerdas recap --year Y --out FILE.pdf|.xlsx|.csv` and `kotacerdas register --year Y --out FILE.xlsx`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from kotacerdas_desktop.cli.common import add_paper, with_store
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_year
from kotacerdas_desktop.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    recap = subparsers.add_parser(
        "recap",
        help="rekap kota ke PDF, XLSX atau CSV / the city recap as PDF, XLSX or CSV",
        description="Rekap kota satu tahun dari penilaian final setiap OPD; format menurut "
        "ekstensi berkas. / The city recap of a year from every agency's finalized assessment; "
        "the format follows the file's extension.",
    )
    recap.add_argument("--year", required=True, help="tahun penilaian / assessment year")
    recap.add_argument("--out", type=Path, required=True, help="recap.pdf, recap.xlsx or recap.csv")
    add_paper(recap)
    recap.add_argument(
        "--coordinator",
        metavar="CODE",
        help="kode OPD koordinator smart city (diingat) / coordinating agency code (remembered)",
    )
    recap.set_defaults(handler=with_store(run_recap))
    follow = subparsers.add_parser(
        "register",
        help="daftar rencana tindak lanjut ke XLSX / the follow-up register as XLSX",
        description="Rencana tindak lanjut setiap OPD untuk indikator di bawah satu tingkat. / "
        "Every agency's follow-up plans for indicators below a level.",
    )
    follow.add_argument("--year", required=True, help="tahun penilaian / assessment year")
    follow.add_argument("--below", default="3", help="di bawah tingkat N (2-5, default 3)")
    follow.add_argument("--agency", metavar="CODE", help="hanya satu OPD / one agency only")
    follow.add_argument("--dimension", metavar="CODE", help="hanya satu dimensi / one dimension")
    follow.add_argument("--out", type=Path, required=True, help="register.xlsx")
    follow.set_defaults(handler=with_store(run_register))


def run_recap(store: Store, args: argparse.Namespace) -> int:
    from kotacerdas_desktop.reports.recap import PDF, write_recap  # reportlab only when needed

    year = check_year(args.year)
    written = write_recap(store, year, args.out, args.paper, args.coordinator)
    if written.kind == PDF:
        turned = t(", matriks pada halaman lanskap", ", matrix on landscape pages")
        detail = t(
            f"{written.pages} halaman {args.paper.upper()}{turned if written.landscape_matrix else ''}",
            f"{written.pages} {args.paper.upper()} page(s){turned if written.landscape_matrix else ''}",
        )
    else:
        detail = t(f"{written.size // 1024 + 1} KB", f"{written.size // 1024 + 1} KB")
    print(
        t(
            f"Rekap kota tahun {year} ditulis ke {args.out}: {detail}.",
            f"City recap of {year} written to {args.out}: {detail}.",
        )
    )
    if args.coordinator:
        remember_coordinator(store, args.coordinator)
    return 0


def remember_coordinator(store: Store, code: str, stream: TextIO | None = None) -> None:
    """Keep the coordinator named on the command line for later recaps and city plans."""
    agency = store.coordinator.remember(code)
    print(
        t(
            f"OPD koordinator: {agency.code} ({agency.name}), diingat untuk rekap dan rencana "
            "kota berikutnya.",
            f"Coordinating agency: {agency.code} ({agency.name}), remembered for later recaps "
            "and city plans.",
        ),
        file=stream or sys.stdout,
    )


def run_register(store: Store, args: argparse.Namespace) -> int:
    from kotacerdas_desktop.reports.register import write_register

    year = check_year(args.year)
    written = write_register(store, year, args.out, args.below, args.agency, args.dimension)
    print(
        t(
            f"Rencana tindak lanjut tahun {year}: {len(written.rows)} baris ditulis ke {args.out}.",
            f"Follow-up register of {year}: {len(written.rows)} row(s) written to {args.out}.",
        )
    )
    return 0
