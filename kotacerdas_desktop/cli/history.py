"""`kotacerdas history [ID [INDICATOR]] [--json]`: who changed what, when, from what to what."""

from __future__ import annotations

import argparse

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.errors import NotFoundError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store, audit

SHOWN_CHARS = 40  # a long justification is cut in the table; --json gives it whole


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "history",
        help="riwayat perubahan / change history",
        description="Riwayat perubahan satu penilaian (atau satu indikatornya); tanpa ID: "
        "perubahan data OPD, penanda tangan dan pengaturan. / The change history of an "
        "assessment (or one indicator); without an ID: agency, signatory and setting changes.",
    )
    parser.add_argument("id", nargs="?", help="ID penilaian / assessment ID")
    parser.add_argument("indicator", nargs="?", help="kode indikator, mis. GOV.PUB.01")
    add_json(parser)
    parser.set_defaults(handler=with_store(show_history))


def _short(value: str | None) -> str:
    if value is None:
        return "-"
    flat = " ".join(value.split())
    return flat if len(flat) <= SHOWN_CHARS else flat[: SHOWN_CHARS - 1] + "…"


def show_history(store: Store, args: argparse.Namespace) -> int:
    if args.id is None:
        changes = audit.general_history(store.db)
    else:
        assessment = store.assessments.get(args.id)
        if args.indicator is not None and not store.assessments.catalogue_of(
            assessment
        ).has_indicator(args.indicator):
            raise NotFoundError(
                t(
                    f"Indikator {args.indicator} tidak ada di katalog penilaian #{assessment.id}.",
                    f"Indicator {args.indicator} is not in the catalogue of assessment #{assessment.id}.",
                ),
                field="indicator",
            )
        changes = audit.history(store.db, assessment.id, args.indicator)
    if args.json:
        print_json([change.to_json() for change in changes])
        return 0
    if not changes:
        print(t("Belum ada perubahan tercatat.", "No changes recorded yet."))
        return 0
    print_table(
        [t("WAKTU", "WHEN"), t("OLEH", "BY"), t("APA", "WHAT"), t("LAMA", "OLD"), t("BARU", "NEW")],
        [
            (c.at, c.actor, f"{c.entity} {c.key} {c.field}", _short(c.old), _short(c.new))
            for c in changes
        ],
    )
    return 0
