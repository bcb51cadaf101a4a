"""What the build ships and leaves out, and the Windows version resource, checked without building."""

from __future__ import annotations

import ast

import pytest

from kotacerdas_desktop import freeze


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        ("PySide6\\plugins\\imageformats\\qjpeg.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqtga.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6\\plugins\\printsupport\\windowsprintersupport.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/qmltooling/libqmldbg_server.so", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6\\Qt6Quick.dll", False),
        ("PySide6\\Qt6WebEngineCore.dll", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("resources/catalogues/smartcity-2026.1.json", True),
        ("resources/translations/qt_id.qm", True),  # our Indonesian for Qt's own words
        ("ui/main_window.ui", True),
    ],
)
def test_files_kept_and_left_out(dest, kept):
    assert freeze.keep_file(dest) is kept


def test_plugin_names_on_every_system():
    assert freeze.plugin_name("libqxcb.so") == "xcb"
    assert freeze.plugin_name("qwindows.dll") == "windows"
    assert freeze.plugin_name("libqcocoa.dylib") == "cocoa"
    assert freeze.plugin_name("libcupsprintersupport.so") == "cupsprintersupport"


def test_unused_qt_modules_and_test_packages_are_excluded():
    excluded = set(freeze.excluded_modules())
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtNetwork", "pytest", "pypdf"} <= excluded
    assert not {f"PySide6.{m}" for m in freeze.QT_MODULES_USED} & excluded


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.3", (2, 3, 0, 0)),
        ("1.2.3.4", (1, 2, 3, 4)),
        ("1.4rc2", (1, 4, 0, 0)),
    ],
)
def test_version_numbers_for_windows(version, numbers):
    assert freeze.version_tuple(version) == numbers


def test_a_version_without_numbers_is_refused():
    with pytest.raises(ValueError, match="does not start with a number"):
        freeze.version_tuple("dev")


def test_windows_version_resource_carries_the_package_version():
    """The text PyInstaller evaluates on Windows: its structure, numbers and strings."""
    calls: dict[str, list[ast.Call]] = {}
    for node in ast.walk(
        ast.parse(freeze.windows_version_text("KotaCerdas.exe", "1.2.3"), mode="eval")
    ):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, []).append(node)
    assert set(calls) == {
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    }
    (fixed,) = calls["FixedFileInfo"]
    numbers = {k.arg: ast.literal_eval(k.value) for k in fixed.keywords}
    assert numbers["filevers"] == numbers["prodvers"] == (1, 2, 3, 0)
    strings = dict(tuple(ast.literal_eval(a) for a in node.args) for node in calls["StringStruct"])
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3"
    assert strings["ProductName"] == "KotaCerdas Desktop"
    assert strings["OriginalFilename"] == "KotaCerdas.exe"
    assert strings["CompanyName"]
