"""The checks the build command runs on a frozen folder, on small folders made for the purpose."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kotacerdas_desktop.build import check_contents, folder_mb, missing_from_build, step_marks

LINUX_NEEDED = (
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "resources/catalogues/smartcity-2026.1.json",
    "resources/translations/qt_id.qm",
    "ui/main_window.ui",
)


def frozen_folder(root: Path, files: tuple[str, ...]) -> Path:
    for name in files:
        path = root / "_internal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 1000)
    return root


pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux plugin names")


def test_a_complete_folder_passes(tmp_path):
    assert check_contents(frozen_folder(tmp_path, LINUX_NEEDED)) == []


def test_missing_plugins_unused_qt_and_test_packages_are_reported(tmp_path):
    files = tuple(
        f for f in LINUX_NEEDED if "printsupport" not in f and "qpdf" not in f and "qt_id" not in f
    )
    files += ("PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/plugins/platforms/libqvnc.so")
    files += ("pytest/__init__.pyc",)
    problems = check_contents(frozen_folder(tmp_path, files))
    assert "Qt plugin missing: printsupport/cupsprintersupport" in problems
    assert "Qt plugin missing: imageformats/pdf" in problems
    assert "not shipped but present: PySide6/Qt/lib/libQt6Quick.so.6" in problems
    assert "not shipped but present: PySide6/Qt/plugins/platforms/libqvnc.so" in problems
    assert "test or build package bundled: pytest" in problems
    assert "compiled file missing: resources/translations/qt_id.qm" in problems
    assert len(problems) == 6


def test_folder_size_counts_a_linked_file_once(tmp_path):
    folder = frozen_folder(tmp_path, ("PySide6/Qt/lib/libQt6Core.so.6",))
    (folder / "_internal" / "libQt6Core.so.6").symlink_to(
        folder / "_internal/PySide6/Qt/lib/libQt6Core.so.6"
    )
    assert folder_mb(folder) == 0.001


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen, not ours
def test_a_step_that_passes_from_source_but_not_frozen_is_named(qapp):
    frozen = "\n".join(
        [
            "  ok    Berkas bawaan: x (0 ms)",
            "  skip  Lembar evaluasi: belum tersedia (0 ms)",
            "  GAGAL/FAIL  Jendela utama: ImportError: libQt6OpenGLWidgets.so.6 (3 ms)",
        ]
    )
    assert step_marks(frozen) == {
        "Berkas bawaan": "ok",
        "Lembar evaluasi": "skip",
        "Jendela utama": "GAGAL/FAIL",
    }
    missing = missing_from_build(frozen)
    assert "Lembar evaluasi" in missing and "Jendela utama" in missing
    assert "Berkas bawaan" not in missing
