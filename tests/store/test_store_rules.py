"""Rules the GUI once decided itself, now the store's, so the command line and the window agree."""

import pytest

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Agency
from tests.helpers import snapshot


@pytest.mark.parametrize("megabytes", [0, 0.5, 501, -3])
def test_the_attachment_limit_is_1_to_500_mb(store, megabytes):
    before = snapshot(store.path)
    with pytest.raises(
        ValidationError, match="Batas ukuran lampiran harus 1 sampai 500 MB"
    ) as info:
        store.evidence.set_limit_mb(megabytes)
    assert info.value.field == "max_attachment_mb"
    assert snapshot(store.path) == before


def test_a_limit_in_range_is_kept(store):
    store.evidence.set_limit_mb(35)
    assert store.evidence.max_bytes == 35 * 1024 * 1024


def test_the_first_run_needs_a_city_and_stores_all_or_nothing(store):
    before = snapshot(store.path)
    with pytest.raises(ValidationError, match="Nama pemerintah kota wajib diisi"):
        store.start_city("  ", Agency("DLH", "Dinas Lingkungan Hidup"), 2026)
    with pytest.raises(ValidationError):  # a year out of range: nothing of the first run is kept
        store.start_city("Kota Mojokerto", Agency("DLH", "Dinas Lingkungan Hidup"), 1999)
    assert snapshot(store.path) == before
    assessment = store.start_city("Kota Mojokerto", Agency("DLH", "Dinas Lingkungan Hidup"), 2026)
    assert store.settings.get("city_name") == "Kota Mojokerto"
    assert store.agencies.get("DLH").city == "Kota Mojokerto" and assessment.year == 2026
