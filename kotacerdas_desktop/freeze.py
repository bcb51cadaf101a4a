"""What the frozen build holds: the rules build.spec applies and the build checks verify.

They live in the package, not in build.spec, so one list serves both the spec
(what PyInstaller collects) and ``python -m kotacerdas_desktop.build`` (what
must and must not be in the result), and so the rules are tested on any OS.
Nothing here runs in the frozen app.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path, PurePath

from kotacerdas_desktop import __version__

APP_NAME = "KotaCerdas"
# Windows only: the windowed KotaCerdas.exe has no console, so commands and
# --self-test print through this companion, which shares the same _internal/.
CONSOLE_NAME = "KotaCerdas-console"
BARE_NAME = "BareWindow"
PRODUCT = "KotaCerdas Desktop"
DIST_NAME = "kotacerdas-desktop"
DATA_FOLDERS = ("ui", "resources")
DEBUG_ENV = "KOTACERDAS_DEBUG"  # "1": the main executable keeps a console (debug build)
TARGET_ENV = "KOTACERDAS_FREEZE"  # "app" (default) or "bare": the reference window

QT_MODULES_USED = frozenset(
    {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtPrintSupport",  # printing the sheet
        "QtPdf",  # print preview and printing show the very PDF that gets signed
        "QtPdfWidgets",
        "QtSvg",  # icons
        "QtSvgWidgets",
        "QtUiTools",  # Qt Designer forms in ui/
    }
)
# Python packages the app never imports but that sit in the build venv
# (tests, the build itself); excluded so no hook drags them in.
NOT_SHIPPED = (
    "tkinter",
    "pytest",
    "pytestqt",
    "pypdf",
    "pdfplumber",
    "pypdfium2",
    "openpyxl",  # reads the recap workbook back in the tests; the app writes with XlsxWriter
    "PyInstaller",
)
# Optional parts of what we do ship, left out by size: packaging tools a hook
# would drag in; TLS (the program never opens a connection); debuggers, test
# runners and their asyncio that libraries import only for their own tests
# (reportlab's doctests); process pools nothing here uses; XML trees Pillow
# names only in type hints; and the Pillow codecs reportlab never needs (it
# embeds PNG, JPEG and GIF logos). The frozen self-test proves they are not missed.
LEFT_OUT = (
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
    "ssl",
    "doctest",
    "pdb",
    "pydoc",
    "unittest",
    "asyncio",
    "readline",
    "multiprocessing",
    "xmlrpc",
    "xml.etree",
    "reportlab.graphics.testshapes",
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageCms",
    "PIL.ImageQt",
    "PIL.ImageTk",
    # The decimal module's C part: fractions imports decimal, whose pure-Python twin
    # (_pydecimal) then serves; scores are computed with fractions, never decimals.
    "_decimal",
    # hashlib's OpenSSL backend and the 4.6 MB libcrypto it links: the built-in SHA-256
    # serves the fingerprints and attachments (ssl, its other user, is left out above).
    "_hashlib",
    # The character-set guesser (0.4 MB compiled) reportlab imports only to read XMP
    # metadata from a file (pdfdoc.XMP with a path) and in its old para module; our
    # documents give it neither.
    "charset_normalizer",
)
# Modules PyInstaller's analysis cannot see: PyNaCl's compiled module loads cffi's
# backend from C.
HIDDEN_IMPORTS = ("_cffi_backend",)
# Linux: libraries every desktop with printing already has (CUPS and the TLS
# stack it links); bundling them would only add an outdated copy.
SYSTEM_LIBRARIES = re.compile(
    r"^lib(cups|gnutls|p11-kit|unistring|idn2|hogweed|nettle|gmp|tasn1|avahi-\w+|gssapi_krb5|"
    r"krb5|krb5support|k5crypto|com_err|keyutils)\.so"
)

# Qt plugins by type: None keeps every plugin of that type, a set keeps those
# named (the file name without "lib", "q" and the suffix); any other type is
# dropped. Needed ones are checked after the build.
PLUGINS_KEPT: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"xcb", "wayland", "windows", "cocoa", "offscreen", "minimal"}),
    "platformthemes": None,
    "platforminputcontexts": None,
    "imageformats": frozenset({"gif", "ico", "jpeg", "svg", "pdf", "tiff", "webp"}),
    "iconengines": frozenset({"svgicon"}),
    "printsupport": None,
    "styles": None,
    "accessiblebridge": None,
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-shell-integration": None,
    "wayland-graphics-integration-client": None,
}
_NEEDED_EVERYWHERE = {
    "imageformats": frozenset({"jpeg", "svg", "pdf"}),  # evidence photos, icons, PDF pages
    "iconengines": frozenset({"svgicon"}),
}
PLUGINS_NEEDED: dict[str, dict[str, frozenset[str]]] = {
    "linux": _NEEDED_EVERYWHERE
    | {
        "platforms": frozenset({"xcb", "offscreen"}),
        "printsupport": frozenset({"cupsprintersupport"}),
    },
    "win32": _NEEDED_EVERYWHERE
    | {
        "platforms": frozenset({"windows", "offscreen"}),
        "printsupport": frozenset({"windowsprintersupport"}),
    },
}
# Qt libraries of modules we do not use; any of them in the folder is a build error.
UNWANTED_QT_LIB = re.compile(
    r"Qt6(Qml|Quick|WebEngine|3D|Multimedia|Designer|Sql|Test|Help|LabsStyleKit|"
    r"WaylandCompositor|EglFS|Bluetooth|Nfc|Charts|DataVisualization|Graphs|Location|Positioning|"
    r"Sensors|SerialPort|SerialBus|SpatialAudio|TextToSpeech|VirtualKeyboard|WebChannel|WebSockets|"
    r"WebView|RemoteObjects|Scxml|StateMachine|HttpServer)",
)
QT_TRANSLATIONS_KEPT = ("id", "en")
# Build products a frozen app needs in its data folders (kotacerdas_desktop/translations.py).
COMPILED_DATA = ("resources/translations/qt_id.qm",)

ENTRY_SCRIPT = '''"""KotaCerdas: the frozen program's entry point (written by build.spec)."""
from kotacerdas_desktop.cli import main

raise SystemExit(main())
'''
# The reference for size and start time: an empty window, frozen the same way.
BARE_SCRIPT = '''"""An empty PySide6 window (written by build.spec): the reference build."""
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Bare PySide6 window")
window.resize(1024, 700)
window.show()
if "--quit-after-start" in sys.argv:
    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
'''


def excluded_modules() -> list[str]:
    """Every installed PySide6 module we do not use, the build/test-only packages, the left-out parts."""
    import PySide6

    unused = sorted(set(PySide6.__all__) - QT_MODULES_USED)
    return [f"PySide6.{name}" for name in unused] + list(NOT_SHIPPED) + list(LEFT_OUT)


def plugin_name(file_name: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` -> ``xcb`` / ``windows`` / ``cocoa``."""
    stem = file_name.split(".", 1)[0]
    stem = stem.removeprefix("lib")
    return stem[1:] if stem.startswith("q") else stem


def _plugin_type(dest: PurePath) -> str | None:
    parts = dest.parts
    if "plugins" not in parts[:-1]:
        return None
    index = parts.index("plugins")
    return "/".join(parts[index + 1 : -1])


def keep_file(dest: str) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) belongs in the build."""
    path = PurePath(dest.replace("\\", "/"))
    plugin_type = _plugin_type(path)
    if plugin_type is not None:
        if plugin_type not in PLUGINS_KEPT:
            return False
        kept = PLUGINS_KEPT[plugin_type]
        return kept is None or plugin_name(path.name) in kept
    if UNWANTED_QT_LIB.search(path.name):
        return False
    if sys.platform.startswith("linux") and SYSTEM_LIBRARIES.match(path.name):
        return False
    if path.suffix == ".qm" and "translations" in path.parts:
        language = path.stem.rsplit("_", 1)[-1]
        return language in QT_TRANSLATIONS_KEPT
    return True


def kept(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC (``a.binaries``, ``a.datas``) without the files we do not ship."""
    return [entry for entry in toc if keep_file(entry[0])]


def data_folders(root: Path) -> list[tuple[str, str]]:
    """ui/ and resources/ as (source, destination) pairs for Analysis(datas=...)."""
    return [(str(root / name), name) for name in DATA_FOLDERS if (root / name).is_dir()]


def version_tuple(version: str = __version__) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); a pre-release suffix (``1.2rc1``) is dropped."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(group or 0) for group in match.groups()]
    return numbers[0], numbers[1], numbers[2], numbers[3]


def windows_version_text(file_name: str, version: str = __version__) -> str:
    """The Windows version resource (Properties > Details) from the package version.

    Written as PyInstaller's version file text rather than built with its
    classes, which need a Windows-only package, so it is made and tested anywhere.
    """
    numbers = version_tuple(version)
    company = metadata.metadata(DIST_NAME)["Author"] or PRODUCT
    strings = {
        "CompanyName": company,
        "FileDescription": f"{PRODUCT}: penilaian mandiri smart city",
        "FileVersion": version,
        "InternalName": Path(file_name).stem,
        "LegalCopyright": f"© {company}, MIT License",
        "OriginalFilename": file_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0421 = Indonesian, 1200 = Unicode (UTF-16); fileType 1 = application.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '042104B0',
        [
{table},
        ],
      )
    ]),
    VarFileInfo([VarStruct('Translation', [0x0421, 1200])]),
  ],
)
"""


def executable_name(name: str) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name
