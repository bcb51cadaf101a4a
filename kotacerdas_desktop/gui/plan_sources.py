"""Where the plan window's plans come from and where accepted steps go: one agency's assessment
(the one the main window shows), or the city's year (the coordinator's plan).

Accepting writes through gui/operations.py; the plan panel has the main window's form save
what is typed first (``flush``), so a pending edit never lands on top of an accepted step.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from kotacerdas_desktop.domain.city import CityPicture
from kotacerdas_desktop.domain.model import Answer, Assessment
from kotacerdas_desktop.domain.plan_target import Target
from kotacerdas_desktop.domain.plan_text import Assignment
from kotacerdas_desktop.domain.planner import Plan, plan_agency, plan_city
from kotacerdas_desktop.domain.scoring import score
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.reports.plan_data import (
    PlanDocument,
    agency_plan_document,
    city_plan_document,
)
from kotacerdas_desktop.store import Store

LOCKED = t(
    "Penilaian ini sudah final dan terkunci: rencananya hanya dapat dicetak atau disimpan (PDF, "
    "XLSX). Untuk menerima langkah ke rencana tindak lanjut, buka sebagai revisi baru (menu "
    "Penilaian) dan buat rencana pada draf itu.",
    "This assessment is final and locked: its plan can only be printed or saved (PDF, XLSX). To "
    "accept steps into the follow-up plans, reopen it as a new revision (Assessment menu) and "
    "plan on that draft.",
)


class AgencySource:
    is_city = False

    def __init__(self, store: Store, assessment: Assessment, flush: Callable[[], object]) -> None:
        self.store = store
        self.assessment = assessment
        self.catalogue = store.assessments.catalogue_of(assessment)
        self.flush = flush

    def answers(self) -> dict[str, Answer]:
        """Read afresh: the form saves as the operator types."""
        return self.store.assessments.answers(self.assessment.id)

    def plan(self, target: Target, efforts: dict[str, int] | None) -> Plan:
        return plan_agency(self.catalogue, self.answers(), target, efforts)

    def figure(self) -> Fraction | None:
        return score(self.catalogue, self.answers()).index

    def cannot_accept(self) -> LocalText | None:
        return LOCKED if self.assessment.is_finalized else None

    def accept(self, assignments: list[Assignment]) -> LocalText | None:
        changed = operations.accept_plan(self.store, self.assessment.id, assignments)
        if changed is None:
            return None  # the error went to the window
        return t(
            f"{len(assignments)} langkah diterima ke rencana tindak lanjut {len(changed)} indikator.",
            f"{len(assignments)} steps accepted into the follow-up plans of {len(changed)} indicators.",
        )

    def document(self, plan: Plan, assignments: list[Assignment], printed: bool) -> PlanDocument:
        return agency_plan_document(self.store, self.assessment.id, plan, assignments)

    def file_stem(self) -> str:
        return f"rencana-{self.assessment.agency_code.lower()}-{self.assessment.year}"


class CitySource:
    is_city = True

    def __init__(self, store: Store, picture: CityPicture, flush: Callable[[], object]) -> None:
        self.store = store
        self.picture = picture
        self.catalogue = picture.catalogue
        self.flush = flush

    def plan(self, target: Target, efforts: dict[str, int] | None) -> Plan:
        return plan_city(self.picture, target, efforts)

    def figure(self) -> Fraction | None:
        return self.picture.report.index if self.picture.report else None

    def cannot_accept(self) -> LocalText | None:
        plans = self.store.plans
        if any(plans.draft_for(e.agency_code, self.picture.year) for e in self.picture.entries):
            return None
        return t(
            "Tidak ada draf OPD di basis data ini untuk menerima langkah: kirim rencana kota "
            "sebagai PDF atau XLSX kepada OPD.",
            "No agency has a draft in this database to take the steps: send the city plan to "
            "the agencies as PDF or XLSX.",
        )

    def accept(self, assignments: list[Assignment]) -> LocalText | None:
        result = operations.accept_city_plan(
            self.store, self.picture.year, self.catalogue, assignments
        )
        if result is None:
            return None
        text = t(
            f"{result.lines} langkah diterima ke rencana tindak lanjut {len(result.written)} OPD "
            "(draf tahun ini atau tahun berikutnya).",
            f"{result.lines} steps accepted into the follow-up plans of {len(result.written)} "
            "agencies (their draft of this year or the next).",
        )
        if result.skipped:
            skipped = ", ".join(result.skipped)
            text = t(
                f"{text.id} Tanpa draf di sini, kirim rencananya: {skipped}.",
                f"{text.get('en')} No draft here, send them the plan: {skipped}.",
            )
        return text

    def document(self, plan: Plan, assignments: list[Assignment], printed: bool) -> PlanDocument:
        """Issued by the coordinating agency, chosen as for the recap (store.coordinator): a
        ValidationError on "coordinator" when a printed plan needs it and it is not known."""
        coordinator = self.store.coordinator.resolve(None, required=printed)
        return city_plan_document(self.store, self.picture, plan, coordinator, assignments)

    def file_stem(self) -> str:
        return f"rencana-kota-{self.picture.year}"
