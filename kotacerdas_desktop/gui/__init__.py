"""The Qt front end. The only layer that imports PySide6."""

from kotacerdas_desktop.gui.qt_compat import make_singletons_immortal

make_singletons_immortal()
