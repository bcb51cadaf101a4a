"""An agency's file (the demo city) and an empty coordinator's file, both real SQLite files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kotacerdas_desktop.exchange.export import export_package
from kotacerdas_desktop.store import Store


@pytest.fixture
def coordinator(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "koordinator.sqlite") as store:
        yield store


@pytest.fixture
def package(demo_store: Store, tmp_path: Path) -> Path:
    """DISKOMINFO's finalized 2025 assessment, exported."""
    final = demo_store.assessments.current("DISKOMINFO", 2025)
    return export_package(demo_store, final.id, tmp_path / "paket-DISKOMINFO-2025-r1.kcpkg")
