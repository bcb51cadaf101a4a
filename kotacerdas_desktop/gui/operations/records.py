"""Agencies, assessments, settings, backups, the first run and the demo city."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.model import Agency, Assessment
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.gui.operations.core import (
    AGENCY,
    ASSESSMENT,
    BACKUP,
    SETTINGS,
    Change,
    FieldMessages,
    perform,
    worker_call,
)
from kotacerdas_desktop.store import Store, backups


def update_agency(
    store: Store, agency: Agency, fields: FieldMessages | None = None
) -> Agency | None:
    return perform(
        Change(AGENCY, agency_code=agency.code), lambda: store.agencies.update(agency), fields
    )


def add_agency(store: Store, agency: Agency, fields: FieldMessages | None = None) -> Agency | None:
    return perform(
        Change(AGENCY, agency_code=agency.code), lambda: store.agencies.add(agency), fields
    )


def new_assessment(
    store: Store, agency_code: str, year: int | str, fields: FieldMessages | None = None
) -> Assessment | None:
    return perform(
        Change(ASSESSMENT, agency_code=agency_code),
        lambda: store.assessments.new(agency_code, year),
        fields,
    )


def finalize_assessment(
    store: Store,
    assessment_id: int,
    override_reason: str = "",
    document_number: str = "",
    fields: FieldMessages | None = None,
) -> Assessment | None:
    """Lock and fingerprint an assessment (incomplete only with a written, recorded reason)."""
    return perform(
        Change(ASSESSMENT, assessment_id),
        lambda: store.lifecycle.finalize(assessment_id, override_reason, document_number),
        fields,
    )


def reopen_assessment(
    store: Store, assessment_id: int, fields: FieldMessages | None = None
) -> Assessment | None:
    """Revision N+1 as a draft copy; the finalized revision stays locked and printable."""
    return perform(
        Change(ASSESSMENT, assessment_id), lambda: store.lifecycle.reopen(assessment_id), fields
    )


def set_attachment_limit(store: Store, megabytes: float) -> bool:
    """The largest file that may be attached as evidence (the store refuses larger ones)."""

    return (
        perform(Change(SETTINGS), lambda: store.evidence.set_limit_mb(megabytes) or True)
        is not None
    )


def set_operator_name(store: Store, name: str, fields: FieldMessages | None = None) -> str | None:
    """Who is at the keyboard: shown with the OS user in the audit trail of every later change."""
    return perform(Change(SETTINGS), lambda: store.settings.set_operator_name(name), fields)


def set_language(store: Store, language: str) -> str | None:
    """The interface language saved in the file: the app and the command line use it from their
    next start (unless --lang or KOTACERDAS_LANG choose)."""
    return perform(Change(SETTINGS), lambda: store.settings.set_language(language))


def make_backup(
    store: Store, *, parent: QWidget | None, on_done: Callable[[Path], None]
) -> background.Task:
    """A verified manual backup into the backups folder, made off the GUI thread."""
    return worker_call(
        store,
        Change(BACKUP),
        t("Cadangan", "Backup"),
        t("Membuat cadangan …", "Backing up …"),
        lambda worker: backups.make_backup(worker.db.conn, worker.path, backups.MANUAL),
        parent=parent,
        on_done=on_done,
    )


def start_city(
    store: Store, city: str, agency: Agency, year: int | str, fields: FieldMessages | None = None
) -> Assessment | None:
    """First run: the city's name, the operator's agency and its first assessment, all or nothing."""

    return perform(
        Change(ASSESSMENT, agency_code=agency.code),
        lambda: store.start_city(city, agency, year),
        fields,
    )


def fill_demo(
    store: Store, *, parent: QWidget | None, on_done: Callable[[Any], None]
) -> background.Task:
    """The demo city (ten agencies, two years) written by a worker with its own connection;
    only into a database without agencies (the store refuses otherwise)."""
    from kotacerdas_desktop.demo import fill_demo_city  # the first run's only: not at start

    def fill(worker_store: Store) -> Any:
        worker_store.check_demo_target()
        return fill_demo_city(worker_store)

    return worker_call(
        store,
        Change(ASSESSMENT),
        t("Kota contoh", "Demo city"),
        t("Membuat kota contoh …", "Creating the demo city …"),
        fill,
        parent=parent,
        on_done=on_done,
    )
