"""The Kota window shows this year's figures first and last year's change after: the change
cells wait with a pending mark (never "–"), then only the change columns are filled again;
the loader delivers only the newest request's figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.city import agency_year_over_year, year_over_year
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.gui.city_cells import PENDING, format_change
from kotacerdas_desktop.gui.city_data import CityData, CityLoader
from kotacerdas_desktop.gui.city_matrix import CHANGE_COLUMN
from kotacerdas_desktop.gui.city_window import CityWindow
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory
from tests.gui.test_city_view import LOAD_MS, YEAR, column_texts, finalize_this_year, open_city


def tips(model: object, column: int) -> list[str]:
    return [
        model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)  # type: ignore[attr-defined]
        for row in range(model.rowCount())  # type: ignore[attr-defined]
    ]


def first_step(city: CityWindow, qtbot: QtBot, seen: list[dict]) -> None:
    """Refresh, and note what the tabs show when this year's figures have just been shown."""

    def note(data: CityData) -> None:
        seen.append(
            {
                "comparison": data.comparison,
                "summary_before": column_texts(city.summary.changes, 1),
                "summary_now": column_texts(city.summary.changes, 2),
                "summary_change": column_texts(city.summary.changes, 3),
                "summary_tips": tips(city.summary.changes, 3),
                "matrix_change": column_texts(city.matrix.model, CHANGE_COLUMN),
                "busy": city.ui.labelBusy.text(),
            }
        )

    city.loader.loaded.connect(note)  # after the window's own slot: the tab in view is filled
    with qtbot.waitSignal(city.loaded, timeout=LOAD_MS):
        city.refresh()
    city.loader.loaded.disconnect(note)


def test_the_change_waits_with_a_pending_mark_then_only_the_change_columns_fill(
    demo_store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    finalize_this_year(demo_store)
    now, before = demo_store.city.picture(YEAR + 1), demo_store.city.picture(YEAR)
    assert now is not None and before is not None
    city = open_city(open_window(demo_store), qtbot)
    rows = year_over_year(now, before)
    seen: list[dict] = []
    first_step(city, qtbot, seen)  # the summary in view
    (shown,) = seen
    assert shown["comparison"] is None
    assert shown["summary_now"] == [format_figure(c.now) for c in rows]
    assert shown["summary_before"] == shown["summary_change"] == [PENDING] * len(rows)
    assert set(shown["summary_tips"]) == {"Menghitung perbandingan tahun lalu …"}
    assert "Membandingkan dengan tahun lalu" in shown["busy"]
    assert column_texts(city.summary.changes, 3) == [format_change(c) for c in rows]
    assert "–" not in column_texts(city.summary.changes, 3)
    assert city.ui.labelBusy.text() == ""

    matrix, register = city.matrix, city.register
    city.ui.tabCity.setCurrentWidget(matrix)
    resets: list[int] = []
    matrix.ui.tableMatrix.sortByColumn(
        CHANGE_COLUMN, matrix.ui.tableMatrix.horizontalHeader().sortIndicatorOrder()
    )
    seen.clear()
    city.loader.loaded.connect(
        lambda _data: register.model.modelReset.connect(lambda: resets.append(1))
    )
    first_step(city, qtbot, seen)  # the matrix in view
    assert seen[0]["matrix_change"] == [PENDING] * len(now.entries)
    ids = {e.agency_code: e.assessment_id for e in now.entries}
    expected = {ids[c.code]: format_change(c) for c in agency_year_over_year(now, before)}
    model = matrix.model
    assert {row[0].assessment_id: row[CHANGE_COLUMN].text for row in model.rows} == expected
    keys = [row[CHANGE_COLUMN].key for row in model.rows]
    assert keys == sorted(keys) or keys == sorted(keys, reverse=True)  # sorted by the change again
    assert resets == [1]  # the register was filled once, in its turn, not again for the change


def test_only_the_newest_requests_figures_are_delivered(demo_store: Store, qtbot: QtBot) -> None:
    finalize_this_year(demo_store)
    loader = CityLoader(demo_store.path)
    loaded: list[CityData] = []
    compared: list[CityData] = []
    loader.loaded.connect(loaded.append)
    loader.compared.connect(compared.append)
    with qtbot.waitSignal(loader.compared, timeout=LOAD_MS):
        loader.request(YEAR + 1)
        loader.request(YEAR)  # while the first runs: served after it, the first never shown
    assert [d.year for d in loaded] == [YEAR] and loaded[0].comparison is None
    assert [d.year for d in compared] == [YEAR]
    assert compared[0].picture is loaded[0].picture and compared[0].comparison is not None
    assert not compared[0].comparison.compared  # no final assessment of the year before
    assert not loader.busy


def test_a_commands_message_outlives_the_computation_it_came_during(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    city = open_city(demo_window, qtbot)
    with qtbot.waitSignal(city.loaded, timeout=LOAD_MS):
        city.refresh()
        assert "Menghitung" in city.ui.labelBusy.text()
        city.ui.labelBusy.setText("Rekap ditulis ke rekap.pdf.")  # as city_actions says it
    assert city.ui.labelBusy.text() == "Rekap ditulis ke rekap.pdf."
    with qtbot.waitSignal(city.loaded, timeout=LOAD_MS):
        city.refresh()  # a new computation says so again, and clears it when done
        assert "Menghitung" in city.ui.labelBusy.text()
    assert city.ui.labelBusy.text() == ""
