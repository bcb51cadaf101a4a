"""What the Kota view shows for one year, read in two steps so a worker thread can compute it.

The city picture of 60 agencies takes 30-60 ms on the development machine
(every counted assessment's levels are read and scored), and the view needs
last year's too, for the change columns only. So ``load`` runs off the GUI
thread (``CityLoader``) on the worker's own store and hands over this year's
figures as soon as they are ready, with ``comparison`` None; last year's
picture follows, reduced to the changes (keeping its answers alive would double
what Python's garbage collector walks on every pass). The view fills its tabs
from the first step and then only its change columns from the second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
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
class Comparison:
    """This year's figures beside last year's: what the change columns show."""

    changes: list[YearChange]  # index, lenses, dimensions: this year beside last year
    agency_changes: dict[str, YearChange]  # by agency code: its index beside last year's
    compared: bool  # last year has a city picture (else every change is "–")


@dataclass(frozen=True)
class CityData:
    """One year of the city (``picture`` None: no agency has a finalized assessment at all)."""

    years: list[int]  # years with a finalized assessment, newest first
    picture: CityPicture | None
    comparison: Comparison | None  # None while last year's picture is being computed
    city_name: str
    agencies: int  # agencies registered in this file
    drafts: int  # assessments still in draft, for the empty state's advice

    @property
    def year(self) -> int | None:
        return self.picture.year if self.picture is not None else None


def compare(picture: CityPicture, previous: CityPicture | None) -> Comparison:
    return Comparison(
        changes=year_over_year(picture, previous),
        agency_changes={c.code: c for c in agency_year_over_year(picture, previous)},
        compared=previous is not None,
    )


def load(
    store: Store, year: int | None, first: Callable[[CityData], None] = lambda _data: None
) -> CityData:
    """The picture of ``year`` (the newest counted year when None or not counted) beside the
    year before. ``first`` gets this year's figures (``comparison`` None) as soon as they
    are ready, before last year's picture is computed; an empty year skips that step."""
    years = store.city.years()
    if year not in years:
        year = years[0] if years else None
    picture = store.city.picture(year) if year is not None else None
    data = CityData(
        years=years,
        picture=picture,
        comparison=None if picture is not None else Comparison([], {}, compared=False),
        city_name=store.settings.get("city_name") or "",
        agencies=len(store.agencies.names()),
        drafts=sum(1 for a in store.assessments.list() if not a.is_finalized),
    )
    if picture is None:
        return data
    first(data)
    return replace(data, comparison=compare(picture, store.city.picture(picture.year - 1)))


class CityLoader(QObject):
    """Computes ``CityData`` in the thread pool; a request made while one runs is served after it.

    ``loaded`` brings this year's figures; when their ``comparison`` is None,
    ``compared`` follows with the same figures and last year's comparison. Only
    the newest request's results are delivered, so a burst of store changes (a
    whole import) costs one extra computation, not one per change.
    """

    loaded = Signal(object)  # CityData, its comparison None when ``compared`` follows
    compared = Signal(object)  # CityData with its comparison
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
        task = background.Task(
            background.with_store(self.path, lambda s, p: load(s, year, p.partial))
        )
        task.signals.partial.connect(self._first)
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

    def _first(self, data: CityData) -> None:
        if self._pending is None:  # else a newer request's figures replace these anyway
            self.loaded.emit(data)

    def _finished(self, data: CityData) -> None:
        # With no newer request, this year's figures went out first exactly when there was a
        # picture (``load`` hands over a year with figures first, an empty one only at the end;
        # a request is pending from its arrival until ``_next`` serves it).
        if not self._next():
            (self.compared if data.picture is not None else self.loaded).emit(data)

    def _failed(self, exc: BaseException) -> None:
        if not self._next():
            self.failed.emit(exc)
