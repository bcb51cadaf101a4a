"""Which agency coordinates the smart city team: remembered once named, inferred only beyond doubt."""

from __future__ import annotations

import pytest

from kotacerdas_desktop.domain.errors import NotFoundError, ValidationError
from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.store.coordinator import SETTING
from tests.helpers import snapshot


def add(store, code: str, name: str) -> None:
    store.agencies.add(Agency(code, name))


def test_the_only_agency_of_the_file_coordinates(store):
    assert store.coordinator.find() is None
    add(store, "DISKOMINFO", "Dinas Komunikasi dan Informatika")
    assert store.coordinator.get().code == "DISKOMINFO"
    assert store.settings.get(SETTING) == ""  # inferred, not stored


def test_one_planning_or_kominfo_office_among_others_is_inferred(store):
    add(store, "DINKES", "Dinas Kesehatan")
    add(store, "BAPPEDALITBANG", "Badan Perencanaan, Penelitian dan Pengembangan Daerah")
    assert store.coordinator.get().code == "BAPPEDALITBANG"
    add(store, "DKIS", "Dinas Komunikasi dan Informatika")  # known by its name, not its code
    assert store.coordinator.find() is None
    with pytest.raises(ValidationError) as error:
        store.coordinator.get()
    assert error.value.field == "coordinator"
    assert "(mis. BAPPEDALITBANG, DKIS)" in str(error.value)


def test_a_named_coordinator_is_remembered_and_an_unknown_one_refused(store, db_path):
    add(store, "BAPPEDA", "Badan Perencanaan Pembangunan Daerah")
    add(store, "DISKOMINFO", "Dinas Komunikasi dan Informatika")
    before = snapshot(db_path)
    with pytest.raises(NotFoundError) as error:
        store.coordinator.remember("BAPEDA")
    assert 'OPD koordinator "BAPEDA" tidak ada di basis data ini' in str(error.value)
    assert "OPD yang ada: BAPPEDA, DISKOMINFO." in str(error.value)
    assert snapshot(db_path) == before
    assert store.coordinator.remember(" diskominfo ").code == "DISKOMINFO"
    assert store.settings.get(SETTING) == "DISKOMINFO"
    assert store.coordinator.get().code == "DISKOMINFO"


def test_the_recap_and_the_city_plan_resolve_it_one_way(store, db_path):
    """Named wins (and is not stored by resolving), else remembered or evident; a printed
    document that needs one says how to name it, anything else does without."""
    add(store, "BAPPEDA", "Badan Perencanaan Pembangunan Daerah")
    add(store, "DISKOMINFO", "Dinas Komunikasi dan Informatika")
    before = snapshot(db_path)
    assert store.coordinator.resolve(None, required=False) is None
    with pytest.raises(ValidationError) as error:
        store.coordinator.resolve(None, required=True)
    assert error.value.field == "coordinator"
    with pytest.raises(NotFoundError):
        store.coordinator.resolve("NOPE", required=False)
    assert store.coordinator.resolve("bappeda", required=True).code == "BAPPEDA"
    assert snapshot(db_path) == before
    store.coordinator.remember("DISKOMINFO")
    assert store.coordinator.resolve(None, required=True).code == "DISKOMINFO"
    assert store.coordinator.resolve("BAPPEDA", required=False).code == "BAPPEDA"
