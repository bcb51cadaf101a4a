"""ui/ and resources/ are found the same way in a checkout, an installed wheel and the frozen build.

Each layout is made for real (a copy of the sources, a wheel installed into a
fresh virtual environment, the PyInstaller folder) and asked from outside the
checkout, so the working directory can never be what makes it work.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kotacerdas_desktop.build import step_marks

ROOT = Path(__file__).resolve().parents[2]
DATA = ("resources", "ui")
PROBE = """
import json, sys
import kotacerdas_desktop
from kotacerdas_desktop.resources import bundled_catalogues, qt_translation, resource_path, ui_path
print(json.dumps({
    "package": kotacerdas_desktop.__file__,
    "resources": str(resource_path()),
    "ui": str(ui_path()),
    "catalogues": [p.name for p in bundled_catalogues()],
    "qt_id": str(qt_translation("id")),
}))
"""
WINDOWS_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import kotacerdas_desktop
from kotacerdas_desktop.store import Store
with Store.open(sys.argv[2]) as store:
    sha256 = sorted(c.sha256 for c in store.catalogues.list())
print(json.dumps({"package": kotacerdas_desktop.__file__, "sha256": sha256}))
"""


def probe(python: Path | str, cwd: Path, *flags: str) -> dict:
    done = subprocess.run(
        [str(python), *flags, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def same_files(copy: Path, original: Path) -> None:
    """Every shipped file is there, byte for byte."""
    files = [p for p in original.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert files
    for file in files:
        assert (copy / file.relative_to(original)).read_bytes() == file.read_bytes(), file


def copy_sources(target: Path, *extra: str) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data")
    shutil.copytree(ROOT / "kotacerdas_desktop", target / "kotacerdas_desktop", ignore=ignore)
    for name in (*DATA, *extra):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    return target


def test_checkout_finds_the_folders_beside_the_package(tmp_path):
    found = probe(sys.executable, tmp_path)
    assert Path(found["resources"]) == ROOT / "resources"
    assert Path(found["ui"]) == ROOT / "ui"
    assert Path(found["qt_id"]).is_file()  # compiled by scripts/setup-env
    assert found["catalogues"] == sorted(
        p.name for p in (ROOT / "resources/catalogues").glob("*.json")
    )


def test_installed_wheel_carries_the_folders_inside_the_package(tmp_path):
    pytest.importorskip("setuptools", minversion="77", reason="the build extra builds the wheel")
    source = copy_sources(
        tmp_path / "src", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md"
    )
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run(
        [
            *pip,
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(tmp_path / "wheels"),
            str(source),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = (tmp_path / "wheels").glob("kotacerdas_desktop-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True, timeout=300)
    python = tmp_path / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=300,
    )
    found = probe(
        python, tmp_path, "-I"
    )  # isolated: neither the checkout nor the copy is on the path
    data = Path(found["package"]).parent / "_data"
    assert data.is_relative_to(tmp_path / "venv")
    assert Path(found["resources"]) == data / "resources"
    assert Path(found["ui"]) == data / "ui"
    assert Path(found["qt_id"]) == data / "resources" / "translations" / "qt_id.qm"
    assert Path(found["qt_id"]).is_file()  # compiled by the wheel build, not copied from git
    for name in DATA:
        same_files(data / name, source / name)


def test_frozen_build_finds_the_folders_in_internal(frozen_build):
    internal = frozen_build.folder / "_internal"
    for name in DATA:
        same_files(internal / name, ROOT / name)
    output = frozen_build.report["self_test_output"]
    assert step_marks(output)["Berkas bawaan"] == "ok"
    assert f"Berkas bawaan: {internal / 'resources'} (" in output


def test_the_compiled_qt_translation_is_the_source_compiled_now(tmp_path):
    """resources/translations/qt_id.qm (a build product) matches qt_id.ts: run scripts/setup-env
    after editing the .ts, or this fails."""
    from kotacerdas_desktop.translations import compile_translations

    (fresh,) = compile_translations(ROOT / "resources" / "translations", tmp_path)
    assert fresh.read_bytes() == (ROOT / "resources/translations/qt_id.qm").read_bytes()


def test_a_checkout_saved_on_windows_gives_the_same_catalogues(tmp_path, store):
    """Catalogue files with CRLF line ends and a UTF-8 BOM (git autocrlf, Notepad) load identically."""
    copy = copy_sources(tmp_path / "win")
    for file in (copy / "resources" / "catalogues").glob("*.json"):
        text = file.read_text(encoding="utf-8")
        file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    done = subprocess.run(
        [sys.executable, "-c", WINDOWS_PROBE, str(copy), str(tmp_path / "win.sqlite")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
        timeout=120,
    )
    found = json.loads(done.stdout)
    assert Path(found["package"]).is_relative_to(copy)
    assert found["sha256"] == sorted(c.sha256 for c in store.catalogues.list())
