"""Shared fixtures: a real SQLite file in tmp_path, empty or filled with the demo city."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never need a screen in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KOTACERDAS_LANG"] = "id"

from kotacerdas_desktop import language
from kotacerdas_desktop.store import Store


@pytest.fixture(autouse=True)
def indonesian_again() -> Iterator[None]:
    """Every test starts and ends in Indonesian, whatever a command it ran chose (--lang en)."""
    language.start(None)
    yield
    language.start(None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kotacerdas.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo city built once per test session; tests copy it."""
    from kotacerdas_desktop.demo import fill_demo_city

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with Store.open(path) as opened:
        fill_demo_city(opened, this_year=2026)
        opened.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_store(demo_db_template: Path, tmp_path: Path) -> Iterator[Store]:
    from tests.helpers import copied_store

    with copied_store(demo_db_template, tmp_path) as opened:
        yield opened
