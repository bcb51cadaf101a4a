"""The recap PDF read back as the mayor's office gets it: pages, orientation, text, fonts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.nip import format_nip
from kotacerdas_desktop.reports.recap import write_recap
from tests.helpers import copied_store
from tests.reports.reading import font_report, full_text, normalized, page_sizes, page_texts

TODAY = dt.date(2026, 11, 29)
A4_PORTRAIT = (595.3, 841.9)
F4_PORTRAIT = (609.4, 935.4)


@dataclass
class DemoRecap:
    a4: Path
    f4: Path
    names: list[str]
    index: str
    head_name: str
    head_nip: str


def rounded(sizes: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(round(w, 1), round(h, 1)) for w, h in sizes]


@pytest.fixture(scope="module")
def demo_recap(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> DemoRecap:
    folder = tmp_path_factory.mktemp("recap")
    with copied_store(demo_db_template, folder) as store:
        for paper in ("a4", "f4"):
            write_recap(store, 2025, folder / f"rekap-{paper}.pdf", paper, "BAPPEDA", TODAY)
        picture = store.city.picture(2025)
        head = store.agencies.get("BAPPEDA").head
    return DemoRecap(
        folder / "rekap-a4.pdf",
        folder / "rekap-f4.pdf",
        [e.agency_name for e in picture.entries],
        format_figure(picture.report.index, "id"),
        head.name,
        format_nip(head.nip),
    )


def test_the_matrix_of_the_smart_city_framework_turns_to_landscape_pages(demo_recap):
    sizes = rounded(page_sizes(demo_recap.a4))
    landscape = [n for n, size in enumerate(sizes) if size == A4_PORTRAIT[::-1]]
    assert landscape, sizes
    assert set(sizes) == {A4_PORTRAIT, A4_PORTRAIT[::-1]}
    assert sizes[0] == sizes[-1] == A4_PORTRAIT  # cover and signature stay portrait
    assert landscape == list(range(landscape[0], landscape[-1] + 1))  # one run of pages
    texts = page_texts(demo_recap.a4)
    assert "Matriks OPD per Dimensi dan Lensa Evaluasi" in texts[landscape[0]]
    assert "Matriks OPD" not in " ".join(texts[: landscape[0]])


def test_every_page_says_halaman_x_dari_y(demo_recap):
    for path in (demo_recap.a4, demo_recap.f4):
        texts = page_texts(path)
        for number, text in enumerate(texts, start=1):
            assert f"Halaman {number} dari {len(texts)}" in text


def test_the_city_index_every_agency_and_the_signature_are_printed(demo_recap):
    text = full_text(demo_recap.a4)
    assert f"INDEKS PENCAPAIAN KOTA MOJOKERTO TAHUN 2025 {demo_recap.index}" in text
    for name in demo_recap.names:
        assert normalized(name) in text, name
    assert "Mojokerto, 29 November 2026" in text
    assert demo_recap.head_name in text and f"NIP. {demo_recap.head_nip}" in text
    assert "selaku Koordinator Smart City" in text
    assert "Belum ada penilaian final tahun 2024" in text  # the demo's first finalized year
    assert "Semua OPD telah mengirim penilaian final." in text


def test_f4_pages_and_every_font_embedded(demo_recap):
    sizes = set(rounded(page_sizes(demo_recap.f4)))
    assert sizes == {F4_PORTRAIT, F4_PORTRAIT[::-1]}
    assert len(page_texts(demo_recap.f4)) < len(page_texts(demo_recap.a4))
    for path in (demo_recap.a4, demo_recap.f4):
        fonts = font_report(path)
        assert fonts and all(fonts.values()), fonts
        assert not any("Helvetica" in name for name in fonts)


def test_a_framework_with_few_columns_stays_portrait_and_lists_who_is_not_counted(
    city_store, tmp_path
):
    out = tmp_path / "rekap.pdf"
    written = write_recap(city_store, 2026, out, "a4", "BAPPEDA", TODAY)
    assert not written.landscape_matrix
    assert set(rounded(page_sizes(out))) == {A4_PORTRAIT}
    text = full_text(out)
    assert "OPD yang Belum Mengirim Penilaian Final" in text
    assert "DISHUB Dinas Perhubungan" in text and "DISKOMINFO Dinas Komunikasi" in text
    spbe = city_store.assessments.current("SATPOLPP", 2026)
    info = city_store.catalogues.info(spbe.catalogue_id)
    assert f"SATPOLPP Satuan Polisi Pamong Praja dinilai dengan SPBE {info.version}" in text
    assert "Kurang < 1,80" in text and "Cukup 1,80–2,59" in text and "Memuaskan ≥ 4,20" in text
    # the weakest indicator of the city: D1.B.2 at 1, given by DLH alone
    assert "D1.B.2" in text and "1: DLH" in text
