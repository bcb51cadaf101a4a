"""The coordinator's Kota window on the real demo city: the figures are the store's, the
matrix, the missing agencies, the register's filters, drill-down into a locked assessment,
the empty state, refreshing on a change, English, keyboard and screen-reader names."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kotacerdas_desktop.domain.catalogue import KIND_DIMENSION
from kotacerdas_desktop.domain.city import (
    CityPicture,
    agency_year_over_year,
    follow_up_register,
    year_over_year,
)
from kotacerdas_desktop.domain.figures import format_figure
from kotacerdas_desktop.domain.model import Agency, Answer
from kotacerdas_desktop.domain.score_text import method_sentence, predicate_text
from kotacerdas_desktop.gui import operations
from kotacerdas_desktop.gui.city_table import ASSESSMENT_ROLE, INDICATOR_ROLE, SORT_ROLE
from kotacerdas_desktop.gui.city_window import PAGE_EMPTY, PAGE_TABS, CityWindow
from kotacerdas_desktop.gui.main_window import MainWindow
from kotacerdas_desktop.store import Store
from tests.gui.conftest import WindowFactory
from tests.helpers import snapshot

YEAR = 2025  # the demo city (built for 2026) has every agency's 2025 finalized, 2026 in draft
LOAD_MS = 30_000
INDEX, PREDICATE, CHANGE = 1, 2, 3  # matrix columns after the agency


def open_city(window: MainWindow, qtbot: QtBot) -> CityWindow:
    """Kota > City picture, as a user chooses it, and wait for the figures."""
    window.actions.city_view.trigger()
    city = window.findChild(CityWindow, "cityWindow")
    assert city is not None
    with qtbot.waitSignal(city.loaded, timeout=LOAD_MS):
        pass
    return city


def open_tab(window: MainWindow, qtbot: QtBot, tab: str) -> CityWindow:
    """The Kota window with one of its tabs (``"matrix"``, ``"weakest"``, …) in view."""
    city = open_city(window, qtbot)
    city.ui.tabCity.setCurrentWidget(getattr(city, tab))
    return city


def reloaded(city: CityWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(city.loaded, timeout=LOAD_MS):
        pass


def column_texts(model: object, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]  # type: ignore[attr-defined]


def read_change(before: str, now: str) -> str:
    """ "2,58", "3,05" -> "+0,47 ▲", worked out from the texts alone."""
    if "–" in (before, now):
        return "–"
    delta = Decimal(now.replace(",", ".")) - Decimal(before.replace(",", "."))
    text = f"{abs(delta):.2f}".replace(".", ",")
    return text if delta == 0 else f"+{text} ▲" if delta > 0 else f"−{text} ▼"


def press_enter_on(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)


def finalize_this_year(store: Store) -> None:
    for assessment in store.assessments.list(year=YEAR + 1):
        store.lifecycle.finalize(assessment.id, override_reason="Uji gambaran kota")


@pytest.fixture
def picture(demo_store: Store) -> CityPicture:
    found = demo_store.city.picture(YEAR)
    assert found is not None and found.report is not None
    return found


def test_city_index_is_the_stores(
    demo_window: MainWindow, demo_store: Store, picture: CityPicture, qtbot: QtBot
) -> None:
    demo_window.actions.city_view.trigger()
    city = demo_window.findChild(CityWindow, "cityWindow")
    assert city is not None
    # The figures are computed off the GUI thread: right after opening the window waits for them.
    assert city.data is None and "Menghitung" in city.ui.labelBusy.text()
    reloaded(city, qtbot)
    report = picture.report
    assert report is not None
    summary = city.summary.ui
    assert summary.labelIndex.text() == format_figure(report.index)
    assert summary.labelPredicate.text() == predicate_text(report)
    assert str(method_sentence(picture.catalogue, report)) in summary.labelMethod.text()
    assert [lens.figure for lens in city.summary.lens_bars.lenses()] == [
        format_figure(report.lenses[lens.code]) for lens in picture.catalogue.lenses
    ]
    assert city.ui.comboYear.currentData() == YEAR
    assert city.ui.stackCity.currentIndex() == PAGE_TABS
    assert city.ui.labelBusy.text() == ""


def test_matrix_has_one_row_per_counted_agency_with_its_figures(
    demo_window: MainWindow, picture: CityPicture, qtbot: QtBot
) -> None:
    city = open_city(demo_window, qtbot)
    model = city.matrix.model
    entries = {e.assessment_id: e for e in picture.entries}
    assert model.rowCount() == len(entries) == 10
    lenses = list(picture.catalogue.lenses)
    dimensions = [d for d in picture.catalogue.dimensions if d.kind == KIND_DIMENSION]
    for row in range(model.rowCount()):
        entry = entries[model.index(row, 0).data(ASSESSMENT_ROLE)]
        report = entry.report
        assert entry.agency_code in model.index(row, 0).data()
        assert model.index(row, INDEX).data() == format_figure(report.index)
        assert model.index(row, PREDICATE).data() == predicate_text(report)
        for n, lens in enumerate(lenses, CHANGE + 1):
            assert model.index(row, n).data() == format_figure(report.lenses[lens.code])
        for n, dimension in enumerate(dimensions, CHANGE + 1 + len(lenses)):
            assert model.index(row, n).data() == format_figure(
                report.dimensions[dimension.code].score
            )
        # Coloured by predicate, and the predicate in words where the colour is.
        index = model.index(row, INDEX)
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert str(report.predicate.label) in index.data(Qt.ItemDataRole.ToolTipRole)  # type: ignore[union-attr]
        assert index.data(Qt.ItemDataRole.AccessibleTextRole) == index.data(
            Qt.ItemDataRole.ToolTipRole
        )
    fills = [model.index(row, INDEX).data(Qt.ItemDataRole.BackgroundRole) for row in range(10)]
    by_predicate = {
        model.index(row, PREDICATE).data(): fill.name() for row, fill in enumerate(fills)
    }
    assert len(set(by_predicate.values())) == len(by_predicate) > 1
    legend = [label.text() for label in city.matrix._legend[1:]]
    assert legend[0].startswith("Kurang (< 1,80)") and legend[-1] == "Memuaskan (≥ 4,20)"


def test_matrix_sorts_by_the_exact_figure_on_a_header_click(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    city = open_tab(demo_window, qtbot, "matrix")
    table = city.matrix.ui.tableMatrix
    header = table.horizontalHeader()
    point = header.rect().center()
    point.setX(header.sectionViewportPosition(INDEX) + header.sectionSize(INDEX) // 2)
    by_agency = column_texts(table.model(), 0)
    assert by_agency == sorted(by_agency, key=str.casefold)  # first by agency code
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    keys = [table.model().index(r, INDEX).data(SORT_ROLE) for r in range(table.model().rowCount())]
    assert keys in (sorted(keys), sorted(keys, reverse=True))
    assert column_texts(table.model(), 0) != by_agency
    ascending = keys == sorted(keys)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    again = [table.model().index(r, INDEX).data(SORT_ROLE) for r in range(table.model().rowCount())]
    assert again == sorted(keys, reverse=ascending)


def test_enter_on_a_matrix_row_opens_that_assessment_read_only(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    city = open_tab(demo_window, qtbot, "matrix")
    table = city.matrix.ui.tableMatrix
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrow keys move through the rows
    chosen = table.model().index(1, 0).data(ASSESSMENT_ROLE)
    assert table.currentIndex().row() == 1 and demo_window.current_assessment_id() != chosen
    before = snapshot(demo_store.path)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert demo_window.current_assessment_id() == chosen
    assert demo_window.assessment is not None and demo_window.assessment.year == YEAR
    assert demo_window.assessment.is_finalized
    assert demo_window.ui.frameLocked.isVisibleTo(demo_window)
    assert all(not card.radio.isEnabled() for card in demo_window.form.levels.cards())
    assert snapshot(demo_store.path) == before


def test_an_agency_under_a_weak_indicator_opens_at_that_indicator(
    demo_window: MainWindow, picture: CityPicture, qtbot: QtBot
) -> None:
    city = open_tab(demo_window, qtbot, "weakest")
    tree = city.weakest.ui.treeWeakest
    model = tree.model()
    weakest = picture.weakest(15, kind=KIND_DIMENSION)
    assert model.rowCount() == 15
    top = model.index(0, 0)
    assert top.data().startswith(weakest[0].code)
    assert model.index(0, 2).data() == format_figure(weakest[0].level)
    lowest = {e.agency_code: e for e in picture.entries if e.agency_code in weakest[0].lowest}
    assert model.rowCount(top) == len(lowest)
    for name in (e.agency_name for e in lowest.values()):
        assert name in model.index(0, 4).data()
    child = model.index(0, 0, top)
    tree.expand(top)
    press_enter_on(qtbot, tree, child)
    assert child.data(INDICATOR_ROLE) == weakest[0].code
    assert demo_window.current_assessment_id() == child.data(ASSESSMENT_ROLE)
    assert demo_window.editor.code == weakest[0].code
    assert demo_window.assessment is not None and demo_window.assessment.is_finalized


def test_an_agency_without_an_assessment_is_listed_as_not_sent(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    city = open_city(demo_window, qtbot)
    assert city.summary.missing.rowCount() == 0
    assert "Semua OPD" in city.summary.ui.labelMissingNote.text()
    added = operations.add_agency(demo_store, Agency("DISNAKER", "Dinas Tenaga Kerja"))
    assert added is not None
    reloaded(city, qtbot)  # the store change alone makes the window compute again
    assert column_texts(city.summary.missing, 0) == ["DISNAKER"]
    assert column_texts(city.summary.missing, 1) == ["Dinas Tenaga Kerja"]
    assert city.summary.ui.groupMissing.title() == "Belum mengirim (1)"
    assert city.matrix.model.rowCount() == 10


def test_an_agency_on_another_framework_is_listed_apart_with_the_reason(
    demo_store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    signatories = demo_store.agencies.get("BAPPEDA").signatories
    demo_store.agencies.add(Agency("DISNAKER", "Dinas Tenaga Kerja", signatories=signatories))
    spbe = demo_store.assessments.new("DISNAKER", YEAR, framework="SPBE")
    demo_store.lifecycle.finalize(spbe.id, override_reason="Uji kerangka lain")
    city = open_city(open_window(demo_store), qtbot)
    other = city.summary.other
    assert column_texts(other, 0) == ["Dinas Tenaga Kerja"]
    assert "dinilai dengan SPBE" in column_texts(other, 1)[0]
    assert city.summary.ui.groupOther.title() == "Kerangka lain, tidak dihitung (1)"
    assert city.summary.ui.tableOther.isVisibleTo(city)
    assert city.matrix.model.rowCount() == 10  # never mixed into the city's figures
    assert city.summary.missing.rowCount() == 0  # it has sent: it is not "missing"


def test_a_drafts_autosave_does_not_recompute_the_city(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    city = open_city(demo_window, qtbot)
    draft = demo_store.assessments.list(year=YEAR + 1)[0]
    saved = operations.save_answer(demo_store, draft.id, Answer("GOV.PUB.01", level=2))
    assert saved is not None and not city.loader.busy
    operations.finalize_assessment(demo_store, draft.id, override_reason="Uji gambaran kota")
    assert city.loader.busy
    reloaded(city, qtbot)
    assert [city.ui.comboYear.itemData(i) for i in range(city.ui.comboYear.count())] == [
        YEAR + 1,
        YEAR,
    ]


def test_register_filters_by_agency_dimension_and_level(
    demo_window: MainWindow, picture: CityPicture, qtbot: QtBot
) -> None:
    city = open_city(demo_window, qtbot)
    register = city.register
    ui = register.ui
    model = register.model
    assert model.rowCount() == len(follow_up_register(picture)) > 0
    entry = picture.entries[3]
    ui.comboAgency.setCurrentIndex(ui.comboAgency.findData(entry.agency_code))
    expected = follow_up_register(picture, agency_code=entry.agency_code)
    assert model.rowCount() == len(expected) > 0
    assert set(column_texts(model, 0)) == {entry.agency_name}
    assert f"{len(expected)} jawaban" in ui.labelRows.text()
    dimension = picture.catalogue.dimensions[1]
    ui.comboDimension.setCurrentIndex(ui.comboDimension.findData(dimension.code))
    expected = follow_up_register(
        picture, agency_code=entry.agency_code, dimension_code=dimension.code
    )
    assert model.rowCount() == len(expected)
    assert all(text.startswith(f"{dimension.code}.") for text in column_texts(model, 2))
    ui.comboAgency.setCurrentIndex(0)
    ui.comboDimension.setCurrentIndex(0)
    ui.comboLevel.setCurrentIndex(ui.comboLevel.findData(2))
    only_ones = follow_up_register(picture, below=2)
    assert model.rowCount() == len(only_ones) < len(follow_up_register(picture))
    assert all(text.startswith("1 · ") for text in column_texts(model, 3))
    plans = [row.follow_up or "(belum ada rencana)" for row in only_ones]
    assert sorted(column_texts(model, 4)) == sorted(plans)


def test_change_from_last_year_for_the_city_and_every_agency(
    demo_store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    finalize_this_year(demo_store)
    now, before = demo_store.city.picture(YEAR + 1), demo_store.city.picture(YEAR)
    assert now is not None and before is not None
    city = open_city(open_window(demo_store), qtbot)
    assert city.ui.comboYear.currentData() == YEAR + 1
    changes = city.summary.changes
    rows = year_over_year(now, before)
    assert changes.rowCount() == len(rows)
    assert column_texts(changes, 1) == [format_figure(c.before) for c in rows]
    assert column_texts(changes, 2) == [format_figure(c.now) for c in rows]
    # The change is what a reader gets subtracting the two figures shown beside it.
    assert column_texts(changes, 3) == [
        read_change(format_figure(c.before), format_figure(c.now)) for c in rows
    ]
    assert any(text.startswith(("+", "−")) for text in column_texts(changes, 3))
    deltas = {
        c.code: read_change(format_figure(c.before), format_figure(c.now))
        for c in agency_year_over_year(now, before)
    }
    matrix = city.matrix.model
    ids = {e.assessment_id: e.agency_code for e in now.entries}
    for row in range(matrix.rowCount()):
        code = ids[matrix.index(row, 0).data(ASSESSMENT_ROLE)]
        assert matrix.index(row, CHANGE).data() == deltas[code]
    # Choosing last year shows last year's figures.
    combo = city.ui.comboYear
    combo.setCurrentIndex(combo.findData(YEAR))
    combo.activated.emit(combo.currentIndex())
    reloaded(city, qtbot)
    assert city.summary.ui.labelIndex.text() == format_figure(before.report.index)  # type: ignore[union-attr]


def test_a_new_coordinator_is_told_what_to_do(
    store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    store.agencies.add(Agency("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"))
    store.assessments.new("BAPPEDA", 2026)
    city = open_city(open_window(store), qtbot)
    assert city.ui.stackCity.currentIndex() == PAGE_EMPTY
    text = city.ui.labelCityEmpty.text()
    assert "1 OPD dan 1 penilaian yang masih draf" in text
    assert "impor paket" in text and "Finalisasi dan kunci" in text
    assert city.ui.labelCityEmptyTitle.text() == "Belum ada penilaian final"
    assert not city.ui.comboYear.isVisibleTo(city)


def test_the_city_window_speaks_english(
    english: None, demo_store: Store, open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window(demo_store)
    menu = window.findChild(type(window.actions.menu_city), "menuCity")
    assert menu is not None and menu.title() == "&City"
    city = open_city(window, qtbot)
    tabs = city.ui.tabCity
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "&Summary",
        "Agency &matrix",
        "&Weakest indicators",
        "&Enablers",
        "Follow-up &plans",
    ]
    assert city.summary.ui.labelIndexTitle.text().endswith(f"Achievement Index {YEAR}")
    assert city.summary.ui.labelPredicate.text() in {
        "Poor",
        "Fair",
        "Good",
        "Very Good",
        "Excellent",
    }
    assert city.matrix.model.headerData(0, Qt.Orientation.Horizontal) == "Agency"
    assert city.register.ui.comboAgency.itemText(0) == "Every agency"
    assert city.windowTitle().startswith("City")
    assert "." in city.summary.ui.labelIndex.text()  # 3.05, not 3,05


def test_menu_shortcut_opens_one_window(demo_window: MainWindow, qtbot: QtBot) -> None:
    action = demo_window.actions.city_view
    assert action.shortcut() == QKeySequence("Ctrl+Shift+K")
    assert action in demo_window.actions.menu_city.actions()
    first = open_city(demo_window, qtbot)
    demo_window.actions.city_view.trigger()
    assert demo_window.findChildren(CityWindow) == [first]


def _focus_order(start: QWidget, wanted: list[QWidget]) -> list[QWidget]:
    """The wanted widgets in the order Tab reaches them, starting at ``start``."""
    seen: list[QWidget] = []
    widget = start
    for _ in range(500):
        if widget in wanted and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return seen


def test_every_control_has_a_name_and_tab_follows_the_view(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    city = open_city(demo_window, qtbot)
    controls = [
        w
        for w in city.findChildren(QWidget)
        if isinstance(w, QAbstractItemView | QComboBox | QSpinBox | QTabWidget)
        and not isinstance(w, QHeaderView)  # part of its table
        and w.window() is city  # not a combo's own popup list
    ]
    named = [w for w in controls if w.accessibleName()]
    unnamed = [w.objectName() or type(w).__name__ for w in controls if not w.accessibleName()]
    assert not unnamed and len(named) >= 12
    ui = city.register.ui
    wanted = [ui.comboAgency, ui.comboDimension, ui.comboLevel, ui.tableRegister]
    assert _focus_order(ui.comboAgency, wanted) == wanted
    header = [city.ui.comboYear, city.ui.tabCity]
    assert _focus_order(city.ui.comboYear, header) == header


def test_it_fits_a_1366x768_screen(demo_window: MainWindow, qtbot: QtBot) -> None:
    city = open_city(demo_window, qtbot)
    hint = city.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    city.resize(1366, 700)
    city.ui.tabCity.setCurrentWidget(city.matrix)
    QApplication.processEvents()
    table = city.matrix.ui.tableMatrix
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(0) >= 100  # the agency keeps room for its code and name
    for view in city.views:
        city.ui.tabCity.setCurrentWidget(view)
        QApplication.processEvents()
        assert view.width() <= 1366 and view.minimumSizeHint().height() <= 640


def test_drill_down_ignores_rows_that_open_nothing(demo_window: MainWindow, qtbot: QtBot) -> None:
    city = open_city(demo_window, qtbot)
    before = demo_window.current_assessment_id()
    tree = city.enablers.ui.treeAspects
    first = tree.model().index(0, 0)
    assert tree.model().hasChildren(first) and not tree.isExpanded(first)
    tree.activated.emit(first)
    assert tree.isExpanded(first)  # an aspect row unfolds its agencies instead
    assert demo_window.current_assessment_id() == before
    city.summary.ui.tableMissing.activated.emit(QModelIndex())
    assert demo_window.current_assessment_id() == before


def test_the_tab_in_view_is_filled_first_and_a_chosen_tab_at_once(
    demo_window: MainWindow, demo_store: Store, qtbot: QtBot
) -> None:
    city = open_city(demo_window, qtbot)
    operations.add_agency(demo_store, Agency("DISNAKER", "Dinas Tenaga Kerja"))
    with qtbot.waitSignal(city.loader.loaded, timeout=LOAD_MS):
        pass  # the figures arrived; the summary (in view) is refreshed, the rest not yet
    assert column_texts(city.summary.missing, 0) == ["DISNAKER"]
    assert city.register in city._unfilled and city.matrix in city._unfilled
    assert city.data is not None and city.register._picture is not city.data.picture
    city.ui.tabCity.setCurrentWidget(city.register)
    assert city.register not in city._unfilled and city.register._picture is city.data.picture
    reloaded(city, qtbot)  # the rest follow one per turn of the event loop
    assert city._unfilled == []
