"""`kotacerdas assessment new | list | show | answer`."""

from __future__ import annotations

import argparse

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.answer_schema import answer_json
from kotacerdas_desktop.domain.figures import format_figure, format_percent
from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.domain.score_json import completeness_json, index_json, scores_json
from kotacerdas_desktop.domain.score_text import (
    format_share,
    index_line,
    index_name,
    method_sentence,
    predicate_text,
)
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_year, parse_level
from kotacerdas_desktop.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("assessment", help="penilaian mandiri / self-assessments")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = sub.add_parser("new", help="mulai penilaian / start an assessment")
    new.add_argument("agency", help="kode OPD")
    new.add_argument("year", help="tahun penilaian, mis. 2026")
    new.add_argument("--framework", default=None, help="kode katalog (default SMARTCITY)")
    new.set_defaults(handler=with_store(new_assessment))
    listing = sub.add_parser("list", help="daftar penilaian / list assessments")
    listing.add_argument("--agency", default=None)
    listing.add_argument("--year", default=None)
    add_json(listing)
    listing.set_defaults(handler=with_store(list_assessments))
    show = sub.add_parser(
        "show", help="tampilkan penilaian dan skornya / show an assessment with scores"
    )
    show.add_argument("id")
    add_json(show)
    show.set_defaults(handler=with_store(show_assessment))
    answer = sub.add_parser("answer", help="jawab indikator / answer an indicator")
    answer.add_argument("id")
    answer.add_argument("indicator", help="kode indikator, mis. GOV.PUB.01")
    choice = answer.add_mutually_exclusive_group(required=True)
    choice.add_argument("--level", help="level 1-5")
    choice.add_argument("--not-applicable", metavar="REASON", help="tidak berlaku, dengan alasan")
    answer.add_argument("--justification", default=None, help="penjelasan / justification")
    answer.add_argument("--follow-up", default=None, help="rencana tindak lanjut / follow-up plan")
    answer.add_argument(
        "--evidence",
        action="append",
        default=[],
        metavar="TITLE",
        help="judul bukti dukung (boleh berulang)",
    )
    answer.set_defaults(handler=with_store(answer_indicator))
    finalize = sub.add_parser("finalize", help="finalisasi dan kunci / finalize and lock")
    finalize.add_argument("id")
    finalize.add_argument(
        "--override",
        default="",
        metavar="REASON",
        help="finalisasi walau belum lengkap, dengan alasan",
    )
    finalize.add_argument(
        "--document-number",
        default="",
        help="nomor dokumen, mis. 050/123/417.302/2026 (tanpa ini: nomor urut berikutnya) / "
        "document number (without it: the next serial)",
    )
    finalize.set_defaults(handler=with_store(finalize_assessment))
    reopen = sub.add_parser("reopen", help="buka sebagai revisi baru / reopen as a new revision")
    reopen.add_argument("id")
    reopen.set_defaults(handler=with_store(reopen_assessment))


def new_assessment(store: Store, args: argparse.Namespace) -> int:
    assessment = store.assessments.new(args.agency, args.year, args.framework)
    print(
        t(
            f"Penilaian #{assessment.id} dibuat: {assessment.agency_code} {assessment.year}.",
            f"Assessment #{assessment.id} created: {assessment.agency_code} {assessment.year}.",
        )
    )
    return 0


def list_assessments(store: Store, args: argparse.Namespace) -> int:
    year = check_year(args.year) if args.year is not None else None
    items = store.assessments.list(args.agency, year)
    reports = [(a, store.assessments.score_of(a)) for a in items]
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "agency": a.agency_code,
                    "year": a.year,
                    "revision": a.revision,
                    "status": a.status,
                    "completeness": completeness_json(report),
                    **index_json(report),
                }
                for a, report in reports
            ]
        )
        return 0
    print_table(
        [
            "ID",
            t("OPD", "AGENCY"),
            t("TAHUN", "YEAR"),
            "REV",
            "STATUS",
            t("LENGKAP", "COMPLETE"),
            t("INDEKS", "INDEX"),
            t("PREDIKAT", "PREDICATE"),
        ],
        [
            (
                a.id,
                a.agency_code,
                a.year,
                a.revision,
                a.status_text,
                format_percent(report.answered, report.total),
                format_figure(report.index, empty="-"),
                predicate_text(report),
            )
            for a, report in reports
        ],
    )
    return 0


def show_assessment(store: Store, args: argparse.Namespace) -> int:
    assessment = store.assessments.get(args.id)
    agency = store.agencies.get(assessment.agency_code)
    info = store.catalogues.info(assessment.catalogue_id)
    answers = store.assessments.answers(assessment.id)
    report = store.assessments.score_of(assessment, answers)
    if args.json:
        print_json(
            {
                "id": assessment.id,
                "agency": {"code": agency.code, "name": agency.name},
                "year": assessment.year,
                "revision": assessment.revision,
                "status": assessment.status,
                "catalogue": {"code": info.code, "version": info.version},
                "document_number": assessment.document_number,
                "fingerprint": assessment.fingerprint,
                "completeness": completeness_json(report),
                "missing": report.missing,
                "answers": [answer_json(answers[code]) for code in sorted(answers)],
                "scores": scores_json(report),
            }
        )
        return 0
    catalogue = store.assessments.catalogue_of(assessment)
    print(
        t(
            f"Penilaian #{assessment.id}: {agency.name} ({agency.code}), tahun {assessment.year}, revisi {assessment.revision}",
            f"Assessment #{assessment.id}: {agency.name} ({agency.code}), year {assessment.year}, revision {assessment.revision}",
        )
    )
    print(
        t(
            f"Status: {assessment.status_text.id}   Katalog: {info.code} {info.version}",
            f"Status: {assessment.status_text.en}   Catalogue: {info.code} {info.version}",
        )
    )
    print(
        t("Kelengkapan", "Completeness"),
        f"{report.answered}/{report.total} ({format_percent(report.answered, report.total)})",
    )
    print(f"{index_name(report)}: {index_line(report)}")
    print(method_sentence(catalogue, report))
    weights = [lens.weight for lens in catalogue.lenses]
    lens_rows = [
        (lens.code, lens.name, format_share(lens.weight, weights), report.lenses[lens.code])
        for lens in catalogue.lenses
        if report.lenses
    ]
    section_rows = [
        (d.code, d.name, f"{s.answered}/{s.total}", s.score)
        for d in catalogue.dimensions
        for s in [report.dimensions[d.code]]
    ]
    for title, middle, rows in (
        (t("LENSA", "LENS"), t("BOBOT", "WEIGHT"), lens_rows),
        (t("DIMENSI", "DIMENSION"), t("TERJAWAB", "ANSWERED"), section_rows),
    ):
        if rows:
            print()
            print_table(
                [t("KODE", "CODE"), title, middle, t("SKOR", "SCORE")],
                [(c, name, m, format_figure(value, empty="-")) for c, name, m, value in rows],
            )
    return 0


def answer_indicator(store: Store, args: argparse.Namespace) -> int:
    with store.db.atomic():  # the fields not given are kept as stored when the lock is taken
        assessment = store.assessments.editable(int(args.id) if str(args.id).isdigit() else args.id)
        previous = store.assessments.answer(assessment.id, args.indicator)
        answer = Answer(
            indicator_code=args.indicator,
            level=parse_level(args.level) if args.level is not None else None,
            not_applicable=args.not_applicable is not None,
            na_reason=args.not_applicable or "",
            justification=args.justification
            if args.justification is not None
            else previous.justification,
            follow_up=args.follow_up if args.follow_up is not None else previous.follow_up,
            review_flag=previous.review_flag,
            review_comment=previous.review_comment,
        )
        store.assessments.save_answer(assessment.id, answer)
        for title in args.evidence:
            store.evidence.add(assessment.id, args.indicator, Evidence(title=title))
    print(
        t(
            f"Jawaban {args.indicator} pada penilaian #{assessment.id} tersimpan.",
            f"Answer {args.indicator} of assessment #{assessment.id} saved.",
        )
    )
    return 0


def finalize_assessment(store: Store, args: argparse.Namespace) -> int:
    assessment = store.lifecycle.finalize(
        int(store.assessments.get(args.id).id), args.override, args.document_number
    )
    print(
        t(
            f"Penilaian #{assessment.id} difinalisasi dan dikunci.",
            f"Assessment #{assessment.id} finalized and locked.",
        )
    )
    print(
        t(
            f"Nomor dokumen: {assessment.document_number}",
            f"Document number: {assessment.document_number}",
        )
    )
    print(t(f"Sidik jari: {assessment.fingerprint}", f"Fingerprint: {assessment.fingerprint}"))
    return 0


def reopen_assessment(store: Store, args: argparse.Namespace) -> int:
    revision = store.lifecycle.reopen(int(store.assessments.get(args.id).id))
    print(
        t(
            f"Revisi {revision.revision} dibuat sebagai penilaian #{revision.id} (draf).",
            f"Revision {revision.revision} created as assessment #{revision.id} (draft).",
        )
    )
    return 0
