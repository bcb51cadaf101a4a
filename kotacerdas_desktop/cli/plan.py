"""`kotacerdas plan ID --target ...` and `kotacerdas plan --city --year YEAR --target ...`.

The plan is printed as a table (or JSON), written as PDF or XLSX with --out, and with
--accept its steps are added to the follow-up plans (only a draft takes them; a city
plan's steps go to each agency's draft, see store/plans.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kotacerdas_desktop.cli.common import add_json, add_paper, print_json, print_table, with_store
from kotacerdas_desktop.cli.recap import remember_coordinator
from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.plan_target import parse_target, read_efforts
from kotacerdas_desktop.domain.plan_text import (
    Assignment,
    gain_text,
    next_level,
    plan_json,
    summary,
)
from kotacerdas_desktop.domain.planner import Plan, plan_agency, plan_city
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_year
from kotacerdas_desktop.reports.plan_data import (
    PlanDocument,
    agency_plan_document,
    city_plan_document,
)
from kotacerdas_desktop.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="rencana capaian menuju target / the steps to a target index",
        description="Langkah tersedikit (atau upaya terkecil) dari angka hari ini ke target, "
        "untuk satu penilaian (ID) atau seluruh kota (--city --year). / The fewest steps (or "
        "least effort) from today's figure to a target, for one assessment or the whole city.",
    )
    parser.add_argument("id", nargs="?", help="ID penilaian / assessment ID")
    parser.add_argument(
        "--target",
        required=True,
        help='predikat ("Sangat Baik") atau angka (3,80) / a predicate or a figure',
    )
    parser.add_argument("--dimension", help="kode dimensi, mis. GOV / a dimension code")
    parser.add_argument(
        "--effort",
        type=Path,
        metavar="FILE",
        help="perkiraan upaya 1-5 per indikator (CSV KODE,UPAYA atau JSON) / effort estimates",
    )
    parser.add_argument("--city", action="store_true", help="rencana kota / the city's plan")
    parser.add_argument("--year", help="tahun penilaian (with --city)")
    parser.add_argument(
        "--coordinator",
        metavar="CODE",
        help="kode OPD koordinator smart city, seperti pada rekap (diingat) / the coordinating "
        "agency, as for the recap (remembered)",
    )
    parser.add_argument("--out", type=Path, help="berkas .pdf atau .xlsx / a .pdf or .xlsx file")
    add_paper(parser)
    parser.add_argument(
        "--accept",
        action="store_true",
        help="masukkan langkah ke rencana tindak lanjut / add the steps to the follow-up plans",
    )
    parser.add_argument("--who", default="", help="penanggung jawab / who does the steps")
    parser.add_argument("--due", default="", help="tenggat / by when")
    add_json(parser)
    parser.set_defaults(handler=with_store(run_plan))


def _usage_error(indonesian: str, english: str) -> ValidationError:
    return ValidationError(t(indonesian, english), field="arguments")


def _check_arguments(args: argparse.Namespace) -> None:
    if args.city == (args.id is not None):
        raise _usage_error(
            "Sebutkan ID penilaian, atau --city --year TAHUN (tidak keduanya).",
            "Give an assessment ID, or --city --year YEAR (not both).",
        )
    if args.city and args.year is None:
        raise _usage_error("--city memerlukan --year.", "--city needs --year.")
    if not args.city and (args.year is not None or args.coordinator is not None):
        raise _usage_error(
            "--year dan --coordinator hanya untuk --city.",
            "--year and --coordinator go with --city.",
        )


def _efforts(catalogue: Catalogue, path: Path | None) -> dict[str, int] | None:
    return None if path is None else read_efforts(catalogue, path)


def _output_kind(store: Store, out: Path | None) -> str | None:
    """The --out file's format, refused before anything is planned, accepted or rendered."""
    if out is None:
        return None
    from kotacerdas_desktop.reports.plan_file import check_plan_output  # reportlab when needed

    return check_plan_output(out, store.path)


def run_plan(store: Store, args: argparse.Namespace) -> int:
    _check_arguments(args)
    kind = _output_kind(store, args.out)
    if args.city:
        year = check_year(args.year)
        picture = store.city.picture(year)
        if picture is None:
            raise ValidationError(
                t(
                    f"Belum ada penilaian final tahun {year}: rencana kota dibuat dari penilaian final.",
                    f"No finalized assessment for {year}: the city plan is made from finalized ones.",
                ),
                field="year",
            )
        # as the recap's: named, else remembered or evident; a PDF cannot do without it
        coordinator = store.coordinator.resolve(args.coordinator, required=kind == ".pdf")
        catalogue = picture.catalogue
        target = parse_target(catalogue, args.target, args.dimension)
        plan = plan_city(picture, target, _efforts(catalogue, args.effort))
        heading = t(
            f"Rencana capaian kota tahun {year} ({len(picture.entries)} OPD final)",
            f"City plan for {year} ({len(picture.entries)} finalized agencies)",
        )
        names = {e.agency_code: e.agency_name for e in picture.entries}

        def document(assignments: list[Assignment]) -> PlanDocument:
            return city_plan_document(store, picture, plan, coordinator, assignments)

    else:
        assessment = store.assessments.get(args.id)
        catalogue = store.assessments.catalogue_of(assessment)
        target = parse_target(catalogue, args.target, args.dimension)
        plan = plan_agency(
            catalogue,
            store.assessments.answers(assessment.id),
            target,
            _efforts(catalogue, args.effort),
        )
        agency = store.agencies.get(assessment.agency_code)
        status = assessment.status_text
        heading = t(
            f"Rencana capaian {agency.name} ({agency.code}), tahun {assessment.year}, "
            f"revisi {assessment.revision} ({status.id})",
            f"Plan of {agency.name} ({agency.code}), year {assessment.year}, "
            f"revision {assessment.revision} ({status.en})",
        )
        names = {agency.code: agency.name}

        def document(assignments: list[Assignment]) -> PlanDocument:
            return agency_plan_document(store, assessment.id, plan, assignments)

    assignments = [Assignment(step, args.who, args.due) for step in plan.steps]
    if args.accept:
        _accept(store, args, assignments, catalogue)
    if args.out is not None:
        _write(store, document(assignments), args.out, args.paper)
    if args.coordinator:  # the JSON alone on stdout
        remember_coordinator(store, args.coordinator, sys.stderr if args.json else None)
    if args.json:
        print_json(plan_json(catalogue, plan, names))
    else:
        _print_plan(catalogue, plan, str(heading), args.city)
    return 0


def _accept(
    store: Store, args: argparse.Namespace, assignments: list[Assignment], catalogue: Catalogue
) -> None:
    if args.city:
        result = store.plans.accept_city(check_year(args.year), catalogue, assignments)
        print(
            t(
                f"{result.lines} langkah masuk ke rencana tindak lanjut {len(result.written)} OPD.",
                f"{result.lines} steps added to the follow-up plans of {len(result.written)} agencies.",
            )
        )
        if result.skipped:
            print(
                t(
                    "Tanpa draf di basis data ini (kirim rencananya): " + ", ".join(result.skipped),
                    "No draft in this database (send them the plan): " + ", ".join(result.skipped),
                )
            )
        return
    changed = store.plans.accept(int(store.assessments.get(args.id).id), assignments)
    print(
        t(
            f"{len(assignments)} langkah masuk ke rencana tindak lanjut ({len(changed)} indikator).",
            f"{len(assignments)} steps added to the follow-up plans ({len(changed)} indicators).",
        )
    )


def _write(store: Store, document: PlanDocument, out: Path, paper: str) -> None:
    from kotacerdas_desktop.reports.plan_file import PDF, write_plan

    written = write_plan(document, out, store.path, paper)
    if written.kind == PDF:
        print(
            t(
                f"Rencana ditulis ke {out}: {written.pages} halaman.",
                f"Plan written to {out}: {written.pages} page(s).",
            )
        )
    else:
        print(t(f"Rencana ditulis ke {out}.", f"Plan written to {out}."))


def _print_plan(catalogue: Catalogue, plan: Plan, heading: str, city: bool) -> None:
    print(heading)
    print(summary(catalogue, plan))
    if plan.to_answer:
        items = [
            f"{u.owner}:{u.indicator_code}" if u.owner else u.indicator_code for u in plan.to_answer
        ]
        print(t("Jawab dulu:", "Answer first:"), ", ".join(items))
    if not plan.steps:
        return
    print()
    headers = [
        t("NO", "NO"),
        *([t("OPD", "AGENCY")] if city else []),
        t("INDIKATOR", "INDICATOR"),
        t("TINGKAT", "LEVEL"),
        t("KENAIKAN", "GAIN"),
        t("MENJADI", "BECOMES"),
        *([t("UPAYA", "EFFORT")] if plan.weighed else []),
        t("TINGKAT BERIKUTNYA", "NEXT LEVEL"),
    ]
    rows = []
    for n, (step, after) in enumerate(zip(plan.steps, plan.running(), strict=True), start=1):
        label, _ = next_level(catalogue, step)
        rows.append(
            [
                n,
                *([step.owner] if city else []),
                step.indicator_code,
                f"{step.from_level} -> {step.to_level}",
                gain_text(step.gain),
                format_figure(after),
                *([step.effort] if plan.weighed else []),
                label,
            ]
        )
    print_table([str(h) for h in headers], rows)
