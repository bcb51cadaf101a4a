"""`kotacerdas assessment new | list | show | answer`."""

from __future__ import annotations

import argparse

from kotacerdas_desktop.cli.common import add_json, print_json, print_table, with_store
from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.domain.scoring import ScoreReport
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
    finalize.add_argument("--document-number", default="", help="nomor dokumen / document number")
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
    rows = []
    for a in items:
        report = store.assessments.scores(a.id)
        rows.append(
            {
                "id": a.id,
                "agency": a.agency_code,
                "year": a.year,
                "revision": a.revision,
                "status": a.status,
                "completeness": round(report.completeness, 4),
                "index": report.index,
            }
        )
    if args.json:
        print_json(rows)
    else:
        print_table(
            [
                "ID",
                t("OPD", "AGENCY"),
                t("TAHUN", "YEAR"),
                "REV",
                "STATUS",
                t("LENGKAP", "COMPLETE"),
                t("INDEKS", "INDEX"),
            ],
            [
                (
                    r["id"],
                    r["agency"],
                    r["year"],
                    r["revision"],
                    r["status"],
                    f"{r['completeness']:.0%}",
                    r["index"] or "-",
                )
                for r in rows
            ],
        )
    return 0


def scores_json(report: ScoreReport) -> dict:
    return {
        "index": report.index,
        "predicate": report.predicate.label.to_json() if report.predicate else None,
        "partial": report.partial,
        "lenses": report.lenses,
        "lens_index": report.lens_index,
        "dimensions": {
            code: {
                "kind": d.kind,
                "score": round(d.score, 2) if d.score is not None else None,
                "answered": d.answered,
                "total": d.total,
                "completeness": round(d.completeness, 4),
                "elements": {
                    ecode: {
                        "score": round(e.score, 2) if e.score is not None else None,
                        "answered": e.answered,
                        "total": e.total,
                    }
                    for ecode, e in d.elements.items()
                },
            }
            for code, d in report.dimensions.items()
        },
    }


def answer_json(answer: Answer) -> dict:
    return {
        "indicator": answer.indicator_code,
        "level": answer.level,
        "not_applicable": answer.not_applicable,
        "na_reason": answer.na_reason,
        "justification": answer.justification,
        "follow_up": answer.follow_up,
        "review_flag": answer.review_flag,
        "review_comment": answer.review_comment,
        "evidence": [
            {
                "title": e.title,
                "number": e.number,
                "date": e.date,
                "file_name": e.file_name,
                "sha256": e.sha256,
                "size": e.size,
            }
            for e in answer.evidence
        ],
        "changed_by": answer.changed_by,
        "changed_at": answer.changed_at,
    }


def show_assessment(store: Store, args: argparse.Namespace) -> int:
    assessment = store.assessments.get(args.id)
    agency = store.agencies.get(assessment.agency_code)
    info = store.catalogues.info(assessment.catalogue_id)
    report = store.assessments.scores(assessment.id)
    answers = store.assessments.answers(assessment.id)
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
                "completeness": round(report.completeness, 4),
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
            f"Status: {assessment.status}   Katalog: {info.code} {info.version}",
            f"Status: {assessment.status}   Catalogue: {info.code} {info.version}",
        )
    )
    print(
        t("Kelengkapan", "Completeness"),
        f"{report.answered}/{report.total} ({report.completeness:.0%})",
    )
    index = report.index if report.index is not None else "-"
    partial = t(" (sebagian)", " (partial)") if report.partial else ""
    predicate = report.predicate.label if report.predicate else "-"
    print(
        t(
            f"Indeks: {index}{partial}  Predikat: {predicate}",
            f"Index: {index}{partial}  Predicate: {predicate}",
        )
    )
    rows = []
    for dimension in catalogue.dimensions:
        d = report.dimensions[dimension.code]
        rows.append(
            (
                dimension.code,
                dimension.name,
                f"{d.answered}/{d.total}",
                f"{d.score:.2f}" if d.score is not None else "-",
            )
        )
    print()
    print_table(
        [
            t("KODE", "CODE"),
            t("DIMENSI", "DIMENSION"),
            t("TERJAWAB", "ANSWERED"),
            t("SKOR", "SCORE"),
        ],
        rows,
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
