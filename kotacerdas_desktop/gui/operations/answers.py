"""Answers, evidence and the plan steps accepted into follow-up plans."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from kotacerdas_desktop.domain.model import Answer, Evidence
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.gui.operations.core import (
    ANSWER,
    EVIDENCE,
    FOLLOW_UP,
    Change,
    FieldMessages,
    perform,
    perform_in_background,
)
from kotacerdas_desktop.store import Store


def save_answer(
    store: Store, assessment_id: int, answer: Answer, fields: FieldMessages | None = None
) -> Answer | None:
    return perform(
        Change(ANSWER, assessment_id, answer.indicator_code),
        lambda: store.assessments.save_answer(assessment_id, answer),
        fields,
    )


def add_evidence(
    store: Store,
    assessment_id: int,
    indicator_code: str,
    evidence: Evidence,
    fields: FieldMessages | None = None,
) -> Evidence | None:
    """A document reference without a file (title, number, date)."""
    return perform(
        Change(EVIDENCE, assessment_id, indicator_code),
        lambda: store.evidence.add(assessment_id, indicator_code, evidence),
        fields,
    )


def attach_file(
    store: Store,
    assessment_id: int,
    indicator_code: str,
    path: Path,
    evidence: Evidence,
    *,
    parent: QWidget | None,
    fields: FieldMessages | None = None,
    on_done: Callable[[Evidence], None] | None = None,
) -> background.Task:
    """Read, hash and store a file in the background (a 20 MB scan must not freeze the form)."""

    def work(worker_store: Store, progress: background.Progress) -> Evidence:
        progress.step(0, 0, str(t(f"Membaca {path.name} …", f"Reading {path.name} …")))
        read = worker_store.evidence.read_file(path)
        progress.step(0, 0, str(t(f"Menyimpan {path.name} …", f"Storing {path.name} …")))
        evidence.file_name = path.name
        return worker_store.evidence.add(
            assessment_id, indicator_code, evidence, read.content, sha256=read.sha256
        )

    return perform_in_background(
        Change(EVIDENCE, assessment_id, indicator_code),
        work,
        store_path=store.path,
        parent=parent,
        title=str(t("Melampirkan berkas", "Attaching a file")),
        fields=fields,
        on_done=on_done,
    )


def update_evidence(
    store: Store,
    assessment_id: int,
    indicator_code: str,
    evidence_id: int,
    evidence: Evidence,
    fields: FieldMessages | None = None,
) -> Evidence | None:
    """Correct title, number and date; the file stays. Like add and remove, outside answer undo."""
    return perform(
        Change(EVIDENCE, assessment_id, indicator_code),
        lambda: store.evidence.update(evidence_id, evidence.title, evidence.number, evidence.date),
        fields,
    )


def remove_evidence(
    store: Store,
    assessment_id: int,
    indicator_code: str,
    evidence_id: int,
    fields: FieldMessages | None = None,
) -> bool:
    return (
        perform(
            Change(EVIDENCE, assessment_id, indicator_code),
            lambda: store.evidence.remove(evidence_id) or True,
            fields,
        )
        is not None
    )


def accept_plan(
    store: Store, assessment_id: int, assignments: list[Any], fields: FieldMessages | None = None
) -> list[str] | None:
    """An agency plan's steps into the follow-up plans of its draft (domain/plan_text.Assignment)."""
    return perform(
        Change(FOLLOW_UP, assessment_id),
        lambda: store.plans.accept(assessment_id, assignments),
        fields,
    )


def accept_city_plan(store: Store, year: int, catalogue: Any, assignments: list[Any]) -> Any | None:
    """A city plan's steps into each agency's draft here (store/plans.py: CityAcceptance)."""
    return perform(Change(FOLLOW_UP), lambda: store.plans.accept_city(year, catalogue, assignments))
