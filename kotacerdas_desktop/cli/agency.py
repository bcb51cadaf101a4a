"""`kotacerdas agency add CODE NAME [...] | list`."""

from __future__ import annotations

import argparse

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Signatory
from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("agency", help="OPD / agencies")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="tambah OPD / add an agency")
    add.add_argument("code", help="kode OPD, mis. DISKOMINFO")
    add.add_argument("name", help='nama OPD, mis. "Dinas Komunikasi dan Informatika"')
    add.add_argument("--address", default="", help="alamat kantor / office address")
    add.add_argument("--city", default="", help='pemerintah kota, mis. "Kota Mojokerto"')
    add.add_argument("--head-name", default="", help="nama Kepala OPD / head of agency")
    add.add_argument("--head-nip", default="", help="NIP Kepala OPD (18 digit)")
    add.add_argument("--head-position", default="", help="jabatan / position")
    add.add_argument("--head-rank", default="", help="pangkat/golongan / rank and grade")
    add.set_defaults(handler=with_store(add_agency, create=True))
    listing = sub.add_parser("list", help="daftar OPD / list agencies")
    add_json(listing)
    listing.set_defaults(handler=with_store(list_agencies))


def add_agency(store: Store, args: argparse.Namespace) -> int:
    signatories = {}
    if args.head_name or args.head_nip or args.head_position or args.head_rank:
        signatories[ROLE_APPROVED] = Signatory(
            ROLE_APPROVED, args.head_name, args.head_nip, args.head_rank, args.head_position
        )
    agency = store.agencies.add(
        Agency(args.code, args.name, args.address, args.city, signatories=signatories)
    )
    print(
        t(
            f"OPD {agency.code} ({agency.name}) tersimpan.",
            f"Agency {agency.code} ({agency.name}) saved.",
        )
    )
    return 0


def agency_json(agency: Agency) -> dict:
    return {
        "code": agency.code,
        "name": agency.name,
        "address": agency.address,
        "city": agency.city,
        "signatories": {
            role: {"name": s.name, "nip": s.nip, "rank": s.rank, "position": s.position}
            for role, s in agency.signatories.items()
        },
    }


def list_agencies(store: Store, args: argparse.Namespace) -> int:
    agencies = store.agencies.list()
    if args.json:
        print_json([agency_json(a) for a in agencies])
        return 0
    rows = []
    for a in agencies:
        head = a.head
        rows.append(
            (a.code, a.name, head.name if head else "", format_nip(head.nip) if head else "")
        )
    print_table([t("KODE", "CODE"), t("NAMA", "NAME"), t("KEPALA OPD", "HEAD"), "NIP"], rows)
    return 0
