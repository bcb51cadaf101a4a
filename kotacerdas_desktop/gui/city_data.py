"""What the Kota view shows for one year, read in one go so a worker thread can compute it.

The city picture of 60 agencies takes 50-100 ms on the development machine
(every counted assessment is read and scored), and the view needs last year's too
for the change, so ``load`` runs off the GUI thread (``CityLoader``) on the
worker's own store; the view then only fills its tables from the result.
Last year's picture is reduced to the changes there: keeping its answers
alive would double what Python's garbage collector walks on every pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from kotacerdas_desktop.domain.city import (
    CityPicture,
    YearChange,
    agency_year_over_year,
    year_over_year,
)
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.store import Store


@dataclass(frozen=True)
class CityData:
    """One year of the city (``picture`` None: no agency has a finalized assessment at all)."""

    years: list[int]  # years with a finalized assessment, newest first
    picture: CityPicture | None
    changes: list[YearChange]  # index, lenses, dimensions: this year beside last year
    agency_changes: dict[str, YearChange]  # by agency code: its index beside last year's
    compared: bool  # last year has a city picture (else every change is "–")
    city_name: str
    agencies: int  # agencies registered in this file
    drafts: int  # assessments still in draft, for the empty state's advice

    @property
    def year(self) -> int | None:
        return self.picture.year if self.picture is not None else None


def load(store: Store, year: int | None) -> CityData:
    """The picture of ``year`` (the newest counted year when None or not counted) and the year before."""
    years = store.city.years()
    if year not in years:
        year = years[0] if years else None
    picture = store.city.picture(year) if year is not None else None
    previous = store.city.picture(year - 1) if year is not None else None
    changes = year_over_year(picture, previous) if picture is not None else []
    agency_changes = (
        {c.code: c for c in agency_year_over_year(picture, previous)} if picture else {}
    )
    drafts = sum(1 for a in store.assessments.list() if not a.is_finalized)
    return CityData(
        years=years,
        picture=picture,
        changes=changes,
        agency_changes=agency_changes,
        compared=previous is not None,
        city_name=store.settings.get("city_name") or "",
        agencies=len(store.agencies.names()),
        drafts=drafts,
    )


class CityLoader(QObject):
    """Computes ``CityData`` in the thread pool; a request made while one runs is served after it.

    Only the newest request's result is delivered, so a burst of store changes
    (a whole import) costs one extra computation, not one per change.
    """

    loaded = Signal(object)  # CityData
    failed = Signal(object)  # the exception, re-raised by the view in the GUI thread

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._task: background.Task | None = None
        self._pending: tuple[int | None] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def request(self, year: int | None) -> None:
        if self._task is not None:
            self._pending = (year,)
            return
        self._pending = None
        task = background.Task(background.with_store(self.path, lambda s, _p: load(s, year)))
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def _next(self) -> bool:
        """Start the request that came in meanwhile; True when there was one."""
        self._task = None
        if self._pending is None:
            return False
        self.request(self._pending[0])
        return True

    def _finished(self, data: CityData) -> None:
        if not self._next():
            self.loaded.emit(data)

    def _failed(self, exc: BaseException) -> None:
        if not self._next():
            self.failed.emit(exc)
