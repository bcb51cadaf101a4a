"""The Kota menu's city picture: the main window's Kota window, made on first use.

Apart from gui/city_window.py so that the main window's start does not import the
Kota window, its five views and its actions (about 25 ms) for a menu it may never use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kotacerdas_desktop.gui.screen_fit import fit_to_screen, maximize_on_small_screen

if TYPE_CHECKING:
    from kotacerdas_desktop.gui.city_window import CityWindow
    from kotacerdas_desktop.gui.main_window import MainWindow


def open_city_window(main: MainWindow) -> CityWindow:
    """Show the main window's Kota window (made on first use, raised after)."""
    from kotacerdas_desktop.gui import city_actions
    from kotacerdas_desktop.gui.city_window import CityWindow

    window = main.findChild(CityWindow, "cityWindow")
    if window is None:
        window = CityWindow(main.store, main)
        window.recap_actions = city_actions.install(window, main)
        window.openRequested.connect(lambda assessment_id, code: _drill(main, assessment_id, code))
        main.closed.connect(window.close)
        fit_to_screen(window, 1280, 800)
        maximize_on_small_screen(window)  # as the main window
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def _drill(main: MainWindow, assessment_id: int, indicator: str) -> None:
    """The agency's assessment in the main window (finalized: shown locked), brought to the front."""
    main.open_assessment(main.store.assessments.get(assessment_id), indicator)
    main.raise_()
    main.activateWindow()


def install(main: MainWindow) -> None:
    main.actions.city_view.triggered.connect(lambda: open_city_window(main))
