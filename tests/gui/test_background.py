"""Work off the GUI thread: results and errors come back, cancel stops the work."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.gui import background
from kotacerdas_desktop.store import Store


def test_result_and_thread(qtbot: QtBot) -> None:
    main = threading.get_ident()
    assert (
        background.run_and_wait(lambda progress: threading.get_ident(), parent=None, title="x")
        != main
    )


def test_errors_are_raised_in_the_gui_thread(qtbot: QtBot) -> None:
    def fail(progress: background.Progress) -> None:
        raise ValidationError(t("Salah.", "Wrong."), "field")

    with pytest.raises(ValidationError, match="Salah"):
        background.run_and_wait(fail, parent=None, title="x")


def test_worker_opens_its_own_store(store: Store, qtbot: QtBot) -> None:
    store.settings.set("city_name", "Kota Mojokerto")
    work = background.with_store(Path(store.path), lambda s, progress: s.settings.get("city_name"))
    assert background.run_and_wait(work, parent=None, title="x") == "Kota Mojokerto"


def test_cancel_stops_the_work_at_its_next_step(qtbot: QtBot) -> None:
    started = threading.Event()
    errors: list[BaseException] = []

    def endless(progress: background.Progress) -> None:
        started.set()
        while True:
            progress.step(0, 0)

    task = background.start(
        endless, parent=None, title="x", on_done=lambda r: None, on_error=errors.append
    )
    assert started.wait(5)
    task.progress.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], background.Cancelled)
