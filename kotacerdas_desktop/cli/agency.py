"""`kotacerdas agency add CODE NAME [...] | update CODE [...] | list`."""

from __future__ import annotations

import argparse
from dataclasses import replace

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.agency_snapshot import agency_json
from kotacerdas_desktop.domain.document_number import pattern_of
from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Signatory
from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store

# Options shared by add and update: attribute of Agency (or of its head), flag, help.
_AGENCY_OPTIONS = (
    ("address", "--address", "alamat kantor / office address"),
    ("city", "--city", 'pemerintah kota, mis. "Kota Mojokerto"'),
    (
        "classification_code",
        "--classification-code",
        "kode klasifikasi arsip nomor dokumen, mis. 050 / archive classification code",
    ),
    ("unit_code", "--unit-code", "kode unit nomor dokumen, mis. 417.302 / unit code"),
)
_HEAD_OPTIONS = (
    ("name", "--head-name", "nama Kepala OPD / head of agency"),
    ("nip", "--head-nip", "NIP Kepala OPD (18 digit)"),
    ("position", "--head-position", "jabatan / position"),
    ("rank", "--head-rank", "pangkat/golongan / rank and grade"),
)


def _add_options(parser: argparse.ArgumentParser, default: str | None) -> None:
    """The agency's fields as options; with default None, an option not given changes nothing."""
    for attribute, flag, help_text in _AGENCY_OPTIONS:
        parser.add_argument(flag, dest=attribute, default=default, help=help_text)
    for attribute, flag, help_text in _HEAD_OPTIONS:
        parser.add_argument(flag, dest=f"head_{attribute}", default=default, help=help_text)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("agency", help="OPD / agencies")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="tambah OPD / add an agency")
    add.add_argument("code", help="kode OPD, mis. DISKOMINFO")
    add.add_argument("name", help='nama OPD, mis. "Dinas Komunikasi dan Informatika"')
    _add_options(add, "")
    add.set_defaults(handler=with_store(add_agency, create=True))
    update = sub.add_parser(
        "update", help="ubah OPD; hanya opsi yang diberikan / change an agency; given options only"
    )
    update.add_argument("code", help="kode OPD / agency code")
    update.add_argument("--name", default=None, help="nama OPD / agency name")
    _add_options(update, None)
    update.set_defaults(handler=with_store(update_agency))
    listing = sub.add_parser("list", help="daftar OPD / list agencies")
    add_json(listing)
    listing.set_defaults(handler=with_store(list_agencies))


def _with_options(agency: Agency, args: argparse.Namespace) -> Agency:
    """The agency with every option that was given (not None) applied."""
    changes = {a: getattr(args, a) for a, _, _ in _AGENCY_OPTIONS if getattr(args, a) is not None}
    if getattr(args, "name", None) is not None:
        changes["name"] = args.name
    head = {a: getattr(args, f"head_{a}") for a, _, _ in _HEAD_OPTIONS}
    head = {a: value for a, value in head.items() if value}
    if head:
        signatories = dict(agency.signatories)
        signatories[ROLE_APPROVED] = replace(
            signatories.get(ROLE_APPROVED, Signatory(ROLE_APPROVED)), **head
        )
        changes["signatories"] = signatories
    return replace(agency, **changes)


def _saved(agency: Agency) -> int:
    print(
        t(
            f"OPD {agency.code} ({agency.name}) tersimpan; pola nomor dokumen "
            f"{pattern_of(agency).format('nomor urut', 'tahun')}.",
            f"Agency {agency.code} ({agency.name}) saved; document number pattern "
            f"{pattern_of(agency).format('serial', 'year')}.",
        )
    )
    return 0


def add_agency(store: Store, args: argparse.Namespace) -> int:
    return _saved(store.agencies.add(_with_options(Agency(args.code, args.name), args)))


def update_agency(store: Store, args: argparse.Namespace) -> int:
    return _saved(store.agencies.update(_with_options(store.agencies.get(args.code), args)))


def list_agencies(store: Store, args: argparse.Namespace) -> int:
    agencies = store.agencies.list()
    if args.json:
        print_json([agency_json(a) for a in agencies])
        return 0
    rows = []
    for a in agencies:
        head = a.head
        rows.append(
            (
                a.code,
                a.name,
                head.name if head else "",
                format_nip(head.nip) if head else "",
                pattern_of(a).format("…", "…"),
            )
        )
    print_table(
        [
            t("KODE", "CODE"),
            t("NAMA", "NAME"),
            t("KEPALA OPD", "HEAD"),
            "NIP",
            t("NOMOR", "NUMBER"),
        ],
        rows,
    )
    return 0
