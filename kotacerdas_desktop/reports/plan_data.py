"""Everything a printed or saved plan states, gathered once: the plan, whose kop and signature it
carries, what it is about, and who does each step by when.

An agency's plan is issued by the agency and signed by its head, as the agency is now (a
plan is a new document, not the signed sheet). A city plan is issued by the coordinating
agency (store.coordinator, chosen as for the recap) and signed by its head as the city's
smart city coordinator; the printed plan cannot do without it, a workbook can.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from kotacerdas_desktop.domain.catalogue import Catalogue
from kotacerdas_desktop.domain.city import CityPicture
from kotacerdas_desktop.domain.figures import format_percent
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.plan_text import Assignment, figure_name, figure_with_predicate
from kotacerdas_desktop.domain.planner import Plan
from kotacerdas_desktop.store import Store

CITY_CODE = "KOTA"  # a city plan's code in its document ID


@dataclass(frozen=True)
class PlanDocument:
    catalogue: Catalogue
    plan: Plan
    year: int
    agency: Agency  # the issuer: the agency, or the city plan's coordinator (code "" if none)
    city: str
    sign_date: dt.date
    about: tuple[tuple[str, str], ...]  # label, value rows under the title (Indonesian)
    assignments: tuple[Assignment, ...]  # one per step, in the plan's order
    names: dict[str, str]  # agency code -> name, for a city plan's owners
    code: str  # the agency's code, or "KOTA"

    @property
    def is_city(self) -> bool:
        return self.code == CITY_CODE

    @property
    def document_id(self) -> str:
        return f"RC/{self.code}/{self.year}/{self.sign_date.strftime('%Y%m%d')}"

    @property
    def caption(self) -> str:
        whose = "Kota" if self.is_city else self.code
        return f"Rencana Capaian {whose} Tahun {self.year}, target {self.plan.target.text('id')}"


def _assignments(plan: Plan, given: Sequence[Assignment]) -> tuple[Assignment, ...]:
    """One assignment per step: the ones given (same steps, same order), else empty ones."""
    if len(given) == len(plan.steps):
        return tuple(given)
    return tuple(Assignment(step) for step in plan.steps)


def _target_rows(catalogue: Catalogue, plan: Plan) -> list[tuple[str, str]]:
    after = figure_with_predicate(catalogue, plan.after, "id") if plan.steps else "-"
    steps = f"{len(plan.steps)} langkah"
    if plan.weighed:
        steps += f", total upaya {plan.effort} (perkiraan upaya 1-5 per indikator)"
    return [
        ("Target", f"{plan.target.text('id')} untuk {figure_name(catalogue, plan).id}"),
        ("Hari ini", figure_with_predicate(catalogue, plan.before, "id")),
        ("Setelah rencana", after),
        ("Langkah", steps),
    ]


def agency_plan_document(
    store: Store,
    assessment_id: int,
    plan: Plan,
    assignments: Sequence[Assignment] = (),
    today: dt.date | None = None,
) -> PlanDocument:
    assessment = store.assessments.get(assessment_id)
    agency = store.agencies.get(assessment.agency_code)
    catalogue = store.assessments.catalogue_of(assessment)
    info = store.catalogues.info(assessment.catalogue_id)
    report = store.assessments.score_of(assessment)
    status = (
        "final (dikunci)"
        if assessment.is_finalized
        else "draf: angka sementara, rencana dapat berubah"
    )
    about = [
        ("Perangkat Daerah", f"{agency.name} ({agency.code})"),
        ("Penilaian", f"Tahun {assessment.year}, revisi {assessment.revision}, {status}"),
        ("Kerangka Penilaian", f"{catalogue.name.id}, {info.code} versi {info.version}"),
        (
            "Kelengkapan",
            f"{report.answered} dari {report.total} indikator terjawab "
            f"({format_percent(report.answered, report.total)})",
        ),
        *_target_rows(catalogue, plan),
    ]
    return PlanDocument(
        catalogue=catalogue,
        plan=plan,
        year=assessment.year,
        agency=agency,
        city=agency.city.strip() or store.settings.get("city_name").strip(),
        sign_date=today or dt.date.today(),
        about=tuple(about),
        assignments=_assignments(plan, assignments),
        names={agency.code: agency.name},
        code=agency.code,
    )


def city_plan_document(
    store: Store,
    picture: CityPicture,
    plan: Plan,
    coordinator: Agency | None,
    assignments: Sequence[Assignment] = (),
    today: dt.date | None = None,
) -> PlanDocument:
    """``coordinator``: store.coordinator.resolve's choice (None: not known, a workbook only)."""
    issuer = coordinator or Agency("", "")
    city = issuer.city.strip() or store.settings.get("city_name").strip()  # as the recap's
    counted = len(picture.entries)
    about = [
        ("Pemerintah Daerah", city or "-"),
        ("Tahun Penilaian", str(picture.year)),
        ("OPD yang dihitung", f"{counted} OPD (revisi final terbaru setiap OPD)"),
        ("Belum mengirim", ", ".join(name for _, name in picture.missing) or "-"),
        *_target_rows(picture.catalogue, plan),
    ]
    if coordinator is not None:
        about.insert(1, ("Koordinator", f"{issuer.name} ({issuer.code})"))
    return PlanDocument(
        catalogue=picture.catalogue,
        plan=plan,
        year=picture.year,
        agency=issuer,
        city=city,
        sign_date=today or dt.date.today(),
        about=tuple(about),
        assignments=_assignments(plan, assignments),
        names={entry.agency_code: entry.agency_name for entry in picture.entries},
        code=CITY_CODE,
    )
