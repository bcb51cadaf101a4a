"""The one way the GUI changes stored data (in the manner of Anki's aqt/operations).

Each operation is a small function that calls the store inside ``perform``
(or ``perform_in_background`` for long work). ``perform`` reports a
KotaCerdasError in one way, next to the field it names when the caller
offers one (``FieldMessages``), otherwise through ``notifier().failed``
(the main window shows it); on success it times the store call and emits one
``notifier().changed`` that every view listens to. Adding an operation (for
example finalize or reopen) is one more small function here.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kotacerdas_desktop import errorlog
from kotacerdas_desktop.demo import fill_demo_city
from kotacerdas_desktop.domain.errors import KotaCerdasError, ValidationError
from kotacerdas_desktop.domain.model import Agency, Answer, Assessment, Evidence
from kotacerdas_desktop.domain.text import LocalText, t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.gui.error_dialog import show_unexpected
from kotacerdas_desktop.store import Store, backups

T = TypeVar("T")

ANSWER = "answer"
EVIDENCE = "evidence"
AGENCY = "agency"
ASSESSMENT = "assessment"
SETTINGS = "settings"
PACKAGE = "package"  # a package exported, or packages imported (the city view refreshes)
BACKUP = "backup"


@dataclass(frozen=True)
class Change:
    """What changed, so a view refreshes only what it shows."""

    kind: str
    assessment_id: int | None = None
    indicator_code: str | None = None
    agency_code: str | None = None


class FieldMessages(Protocol):
    """A form that can show an error next to one of its fields."""

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` next to ``field``; False when the form has no such field."""
        ...


class _Notifier(QObject):
    changed = Signal(object)  # Change
    failed = Signal(object)  # KotaCerdasError with no field to show it next to


_notifier: _Notifier | None = None
_timings: dict[str, deque[float]] = {}


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def timings(kind: str) -> list[float]:
    """Seconds taken by the recent store calls of one kind of change (the autosave is ANSWER)."""
    return list(_timings.get(kind, ()))


def report(error: KotaCerdasError, fields: FieldMessages | None = None) -> None:
    """Show the message next to its field when possible, else hand it to the window."""
    if error.field and fields is not None and fields.show_error(error.field, str(error)):
        return
    notifier().failed.emit(error)


def perform(
    change: Change, action: Callable[[], T], fields: FieldMessages | None = None
) -> T | None:
    """Run one store write; None (and the error reported) when a rule was broken."""
    started = time.perf_counter()
    try:
        result = action()
    except KotaCerdasError as error:
        report(error, fields)
        return None
    _timings.setdefault(change.kind, deque(maxlen=5000)).append(time.perf_counter() - started)
    notifier().changed.emit(change)
    return result


def perform_in_background(
    change: Change,
    work: Callable[[Store, background.Progress], T],
    *,
    store_path: Path,
    parent: QWidget | None,
    title: str,
    fields: FieldMessages | None = None,
    on_done: Callable[[T], None] | None = None,
) -> background.Task:
    """``perform`` for long work: it runs on its own store in a worker thread, with progress."""

    def done(result: Any) -> None:
        notifier().changed.emit(change)
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, background.Cancelled):
            return
        if isinstance(exc, KotaCerdasError):
            report(exc, fields)
        else:  # logged with its traceback by the worker already
            show_unexpected(exc, errorlog.log_path(), parent)

    return background.start(
        background.with_store(store_path, work),
        parent=parent,
        title=title,
        on_done=done,
        on_error=failed,
    )


# Answers and evidence ---------------------------------------------------------


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


# Agencies, assessments, settings ---------------------------------------------


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

    def action() -> bool:
        if not 1 <= megabytes <= 500:
            raise ValidationError(
                t(
                    "Batas ukuran lampiran harus 1 sampai 500 MB.",
                    "The attachment limit must be 1 to 500 MB.",
                ),
                "max_attachment_mb",
            )
        store.settings.set("max_attachment_mb", f"{megabytes:g}")
        return True

    return perform(Change(SETTINGS), action) is not None


def set_operator_name(store: Store, name: str, fields: FieldMessages | None = None) -> str | None:
    """Who is at the keyboard: shown with the OS user in the audit trail of every later change."""
    return perform(Change(SETTINGS), lambda: store.settings.set_operator_name(name), fields)


def make_backup(
    store: Store, *, parent: QWidget | None, on_done: Callable[[Path], None]
) -> background.Task:
    """A verified manual backup into the backups folder, made off the GUI thread."""
    return _worker_call(
        store,
        Change(BACKUP),
        t("Cadangan", "Backup"),
        t("Membuat cadangan …", "Backing up …"),
        lambda worker: backups.make_backup(worker.db.conn, worker.path, backups.MANUAL),
        parent=parent,
        on_done=on_done,
    )


def _worker_call(
    store: Store,
    change: Change,
    title: LocalText,
    busy: LocalText,
    call: Callable[[Store], T],
    *,
    parent: QWidget | None,
    on_done: Callable[[T], None],
) -> background.Task:
    """One store call on a worker's own store, with a busy dialog if it takes a moment."""

    def work(worker_store: Store, progress: background.Progress) -> T:
        progress.step(0, 0, str(busy))
        return call(worker_store)

    return perform_in_background(
        change, work, store_path=store.path, parent=parent, title=str(title), on_done=on_done
    )


def start_city(
    store: Store, city: str, agency: Agency, year: int | str, fields: FieldMessages | None = None
) -> Assessment | None:
    """First run: the city's name, the operator's agency and its first assessment, all or nothing."""

    def action() -> Assessment:
        if not city.strip():
            raise ValidationError(
                t("Nama pemerintah kota wajib diisi.", "The city government's name is required."),
                "city",
            )
        with store.db.atomic():
            store.settings.set("city_name", city.strip())
            agency.city = agency.city or city.strip()
            store.agencies.add(agency)
            return store.assessments.new(agency.code, year)

    return perform(Change(ASSESSMENT, agency_code=agency.code), action, fields)


def fill_demo(
    store: Store, *, parent: QWidget | None, on_done: Callable[[Any], None]
) -> background.Task:
    """The demo city (ten agencies, two years) written by a worker with its own connection;
    only into a database without agencies (the store refuses otherwise)."""

    def fill(worker_store: Store) -> Any:
        worker_store.check_demo_target()
        return fill_demo_city(worker_store)

    return _worker_call(
        store,
        Change(ASSESSMENT),
        t("Kota contoh", "Demo city"),
        t("Membuat kota contoh …", "Creating the demo city …"),
        fill,
        parent=parent,
        on_done=on_done,
    )


# Packages (exchange) ------------------------------------------------------------


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

    def work(worker_store: Store, progress: background.Progress) -> Path:
        progress.step(0, 0, str(t(f"Menulis {out.name} …", f"Writing {out.name} …")))
        return write_package(worker_store, assessment_id, out)

    return perform_in_background(
        Change(PACKAGE, assessment_id),
        work,
        store_path=store.path,
        parent=parent,
        title=str(t("Ekspor paket", "Export package")),
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


# The coordinator's outputs -------------------------------------------------------


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

    def work(worker_store: Store, progress: background.Progress) -> Any:
        progress.step(0, 0, str(t(f"Menyusun {out.name} …", f"Making {out.name} …")))
        return write(worker_store, year, out, paper)

    return perform_in_background(
        Change(SETTINGS),
        work,
        store_path=store.path,
        parent=parent,
        title=str(t("Rekap kota", "City recap")),
        fields=fields,
        on_done=on_done,
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

    below, agency, dimension = filters

    def work(worker_store: Store, progress: background.Progress) -> Any:
        progress.step(0, 0, str(t(f"Menyusun {out.name} …", f"Making {out.name} …")))
        return write(worker_store, year, out, below, agency, dimension)

    return perform_in_background(
        Change(SETTINGS),
        work,
        store_path=store.path,
        parent=parent,
        title=str(t("Register rencana tindak lanjut", "Follow-up register")),
        on_done=on_done,
    )
