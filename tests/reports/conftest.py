"""Sheets rendered once per module from the demo city, and a small agency to shape by hand."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    ROLE_PREPARED,
    ROLE_REVIEWED,
    Agency,
    Answer,
    Assessment,
    Signatory,
)
from kotacerdas_desktop.reports.sheet import render_sheet
from kotacerdas_desktop.store import Store
from tests.helpers import copied_store
from tests.reports.recap_city import build_small_city

HEAD = Signatory(
    ROLE_APPROVED,
    "Dr. Ir. Bagus Wicaksono Adiputro, M.Kom.",
    "197403152000031004",
    "Pembina Utama Muda (IV/c)",
    "Kepala",
)
OPERATOR = Signatory(
    ROLE_PREPARED,
    "Ni Luh Putu Ayu Déwi Sukmawati, S.Kom.",
    "199003172019032014",
    "Penata Muda Tk. I (III/b)",
    "Pranata Komputer",
)
REVIEWER = Signatory(
    ROLE_REVIEWED,
    "Ir. Danang Setyo Raharjo, M.Si.",
    "197604112002121003",
    "Penata Tk. I (III/d)",
    "Sekretaris Dinas",
)


@dataclass
class DemoSheets:
    """The demo agency's finalized sheet on A4 and F4 and its draft, with what they were made from."""

    db: Path
    final: Assessment
    draft: Assessment
    agency: Agency
    final_a4: Path
    final_f4: Path
    draft_a4: Path


@pytest.fixture(scope="module")
def demo_sheets(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> DemoSheets:
    folder = tmp_path_factory.mktemp("sheets")
    db = folder / "demo.sqlite"
    shutil.copy(demo_db_template, db)
    with Store.open(db) as store:
        final = store.assessments.current("DISKOMINFO", 2025)
        draft = store.assessments.current("DISKOMINFO", 2026)
        sheets = DemoSheets(
            db=db,
            final=final,
            draft=draft,
            agency=store.agencies.get("DISKOMINFO"),
            final_a4=render_sheet(store, final.id, folder / "final-a4.pdf"),
            final_f4=render_sheet(store, final.id, folder / "final-f4.pdf", paper="f4"),
            draft_a4=render_sheet(store, draft.id, folder / "draft-a4.pdf"),
        )
    return sheets


@pytest.fixture
def agency(store: Store) -> Agency:
    return store.agencies.add(
        Agency(
            "DISKOMINFO",
            "Dinas Komunikasi dan Informatika",
            "Jl. Gajah Mada No. 145, Mojokerto 61316",
            "Kota Mojokerto",
            signatories={s.role: s for s in (HEAD, OPERATOR, REVIEWER)},
        )
    )


@pytest.fixture
def draft(store: Store, agency: Agency) -> Assessment:
    return store.assessments.new(agency.code, 2026)


def answer_all(store: Store, assessment_id: int, level: int = 3) -> None:
    """Every indicator answered at one level, in one transaction."""
    catalogue = store.assessments.catalogue_of(store.assessments.get(assessment_id))
    with store.db.atomic():
        for indicator in catalogue.indicators():
            store.assessments.save_answer(
                assessment_id,
                Answer(indicator.code, level=level, justification=f"Penjelasan {indicator.code}."),
            )


@pytest.fixture(scope="session")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small city of recap_city.py, built once per session; tests copy it."""
    path = tmp_path_factory.mktemp("city") / "kota.sqlite"
    build_small_city(path)
    return path


@pytest.fixture
def city_store(city_template: Path, tmp_path: Path) -> Iterator[Store]:
    with copied_store(city_template, tmp_path) as store:
        yield store
