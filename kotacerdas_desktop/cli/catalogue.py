"""`kotacerdas catalogue list | show [CODE] | import FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.catalogue_file import read_catalogue_text
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.assessments import DEFAULT_FRAMEWORK


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "catalogue", help="katalog kerangka penilaian / framework catalogues"
    )
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="daftar katalog / list catalogues")
    add_json(listing)
    listing.set_defaults(handler=with_store(list_catalogues))
    show = sub.add_parser("show", help="tampilkan isi katalog / show a catalogue")
    show.add_argument(
        "code",
        nargs="?",
        default=DEFAULT_FRAMEWORK,
        help=f"kode katalog (default {DEFAULT_FRAMEWORK})",
    )
    add_json(show)
    show.set_defaults(handler=with_store(show_catalogue))
    imp = sub.add_parser("import", help="impor berkas katalog JSON / import a catalogue file")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=with_store(import_catalogue))


def list_catalogues(store: Store, args: argparse.Namespace) -> int:
    rows = store.catalogues.list()
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "code": c.code,
                    "version": c.version,
                    "name": c.name,
                    "sha256": c.sha256,
                }
                for c in rows
            ]
        )
    else:
        counts = {c.id: store.catalogues.load(c.id).indicator_count() for c in rows}
        print_table(
            [
                t("KODE", "CODE"),
                t("VERSI", "VERSION"),
                t("INDIKATOR", "INDICATORS"),
                t("NAMA", "NAME"),
            ],
            [(c.code, c.version, counts[c.id], c.name) for c in rows],
        )
    return 0


def catalogue_json(catalogue: Catalogue) -> dict:
    return {
        "code": catalogue.code,
        "version": catalogue.version,
        "name": catalogue.name.to_json(),
        "source": catalogue.source.to_json(),
        "level_rule": catalogue.level_rule.to_json(),
        "indicators": catalogue.indicator_count(),
        "dimensions": [
            {
                "code": d.code,
                "kind": d.kind,
                "weight": d.weight,
                "name": d.name.to_json(),
                "elements": [
                    {
                        "code": e.code,
                        "weight": e.weight,
                        "name": e.name.to_json(),
                        "indicators": [
                            {
                                "code": i.code,
                                "weight": i.weight,
                                "lens": i.lens,
                                "replaces": list(i.replaces),
                                "question": i.question.to_json(),
                            }
                            for i in e.indicators
                        ],
                    }
                    for e in d.elements
                ],
            }
            for d in catalogue.dimensions
        ],
    }


def show_catalogue(store: Store, args: argparse.Namespace) -> int:
    stored = store.catalogues.require(args.code)
    catalogue = store.catalogues.load(stored.id)
    if args.json:
        print_json(catalogue_json(catalogue))
        return 0
    print(
        f"{catalogue.name} — {catalogue.code} {catalogue.version} ({catalogue.indicator_count()} indikator)"
    )
    for label, text in (
        (t("Sumber", "Source"), catalogue.source),
        (t("Aturan tingkat", "Level rule"), catalogue.level_rule),
    ):
        if text.id:
            print(f"{label}: {text}")
    for dimension in catalogue.dimensions:
        print(
            f"\n{dimension.code}  {dimension.name}  [{t('bobot', 'weight')} {dimension.weight:g}]"
        )
        for element in dimension.elements:
            print(f"  {element.code}  {element.name}")
            for indicator in element.indicators:
                replaced = (
                    f"  [{t('menggantikan', 'replaces')} {', '.join(indicator.replaces)}]"
                    if indicator.replaces
                    else ""
                )
                print(f"    {indicator.code}  {indicator.question}{replaced}")
    return 0


def import_catalogue(store: Store, args: argparse.Namespace) -> int:
    stored = store.catalogues.import_text(read_catalogue_text(args.file), args.file.name)
    print(
        t(
            f"Katalog {stored.code} {stored.version} tersimpan (#{stored.id}).",
            f"Catalogue {stored.code} {stored.version} saved (#{stored.id}).",
        )
    )
    return 0
