"""Packages between agencies and the coordinator, and the coordinator's outputs."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.model import Agency
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.gui.operations.core import (
    PACKAGE,
    SETTINGS,
    Change,
    FieldMessages,
    perform,
    perform_in_background,
    worker_call,
)
from kotacerdas_desktop.store import Store


def export_package(
    store: Store,
    assessment_id: int,
    out: Path,
    *,
    parent: QWidget | None,
    on_done: Callable[[Path], None],
) -> background.Task:
    """Write one assessment's signed package (a read of the store and a file written)."""
    from kotacerdas_desktop.exchange.export import export_package as write_package

    return worker_call(
        store,
        Change(PACKAGE, assessment_id),
        t("Ekspor paket", "Export package"),
        t(f"Menulis {out.name} …", f"Writing {out.name} …"),
        lambda worker: write_package(worker, assessment_id, out),
        parent=parent,
        on_done=on_done,
    )


def import_packages(
    store: Store,
    paths: list[Path],
    *,
    parent: QWidget | None,
    on_done: Callable[[list[Any]], None],
    accept_new_keys: tuple[str, ...] = (),
    import_catalogues: bool = False,
) -> background.Task:
    """Import package files and folders, each verified then stored whole or refused; a cancel
    stops before the next package and the outcomes so far are shown."""
    from kotacerdas_desktop.exchange.importer import iter_imports

    def work(worker_store: Store, progress: background.Progress) -> list[Any]:
        def report(done: int, total: int, name: str) -> None:
            progress.step(done, total, str(t(f"Memeriksa {name} …", f"Checking {name} …")))

        outcomes: list[Any] = []
        imports = iter_imports(
            worker_store,
            paths,
            accept_new_keys=accept_new_keys,
            import_catalogues=import_catalogues,
            progress=report,
        )
        with contextlib.suppress(background.Cancelled):  # imported stays; the rest untouched
            for outcome in imports:
                outcomes.append(outcome)
        return outcomes

    return perform_in_background(
        Change(PACKAGE),
        work,
        store_path=store.path,
        parent=parent,
        title=str(t("Impor paket OPD", "Import agency packages")),
        on_done=on_done,
    )


def write_recap(
    store: Store,
    year: int,
    out: Path,
    paper: str,
    *,
    parent: QWidget | None,
    on_done: Callable[[Any], None],
    fields: FieldMessages | None = None,
) -> background.Task:
    """The city recap of a year as PDF, XLSX or CSV (by the extension), made in the background."""
    from kotacerdas_desktop.reports.recap import write_recap as write

    return worker_call(
        store,
        Change(SETTINGS),
        t("Rekap kota", "City recap"),
        t(f"Menyusun {out.name} …", f"Making {out.name} …"),
        lambda worker: write(worker, year, out, paper),
        parent=parent,
        on_done=on_done,
        fields=fields,
    )


def remember_coordinator(store: Store, code: str) -> Agency | None:
    """Keep the agency that coordinates the city's smart city team (its kop heads the recap)."""
    return perform(Change(SETTINGS), lambda: store.coordinator.remember(code))


def write_register(
    store: Store,
    year: int,
    out: Path,
    filters: tuple[int, str | None, str | None],
    *,
    parent: QWidget | None,
    on_done: Callable[[Any], None],
) -> background.Task:
    """The follow-up register as shown (below a level, one agency or dimension) to a workbook."""
    from kotacerdas_desktop.reports.register import write_register as write

    return worker_call(
        store,
        Change(SETTINGS),
        t("Register rencana tindak lanjut", "Follow-up register"),
        t(f"Menyusun {out.name} …", f"Making {out.name} …"),
        lambda worker: write(worker, year, out, *filters),
        parent=parent,
        on_done=on_done,
    )
