"""`python -m kotacerdas_desktop.build`: freeze KotaCerdas, prove the result works, measure it.

1. Compile the Qt translations (pyside6-lrelease), then freeze the app with
   build.spec, and the same way an empty PySide6 window (the reference every
   figure is compared with, measured in the same run).
2. Run the frozen ``--self-test``; it must pass and skip nothing that the
   same self-test run from source does not skip (a module PyInstaller missed
   would show up exactly there).
3. Check the folder: the Qt plugins we need are there, the unused Qt modules,
   plugins and test packages are not, and ui/ and resources/ (with the
   compiled translations) are bundled.
4. Print the folder sizes and start times (a new process that opens its
   window offscreen and quits, median of several runs) against the
   reference, and write them to ``build-report.json`` beside the build.

Exit 0 only when the build, the self-test and the checks pass and the size
stays within its target; the start time misses its target only as a
warning unless --strict (timings on a busy machine are noisy).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kotacerdas_desktop import __version__, freeze
from kotacerdas_desktop.selftest import run_self_test
from kotacerdas_desktop.translations import compile_translations

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
SIZE_TARGET = 1.15
START_TARGET = 1.5
REPORT_NAME = "build-report.json"
_QUIET: dict = {"check": True, "capture_output": True, "text": True, "timeout": 300}
_STEP_LINE = re.compile(r"^  (ok|skip|GAGAL/FAIL)\s+(.*?):", re.MULTILINE)


@dataclass
class BuildReport:
    version: str
    platform: str
    app_folder: str
    bare_folder: str
    app_mb: float = 0.0
    bare_mb: float = 0.0
    app_start_s: float = 0.0
    bare_start_s: float = 0.0
    start_runs: int = 0
    self_test_s: float = 0.0
    self_test_output: str = ""
    qt_libraries: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def size_ratio(self) -> float | None:
        return self.app_mb / self.bare_mb if self.bare_mb else None

    @property
    def start_ratio(self) -> float | None:
        return self.app_start_s / self.bare_start_s if self.bare_start_s else None


def executable(folder: Path, console: bool = False) -> Path:
    """The program in a built folder; ``console`` picks the Windows console companion."""
    name = freeze.CONSOLE_NAME if console and sys.platform == "win32" else folder.name
    return folder / freeze.executable_name(name)


def run_pyinstaller(target: str, dist: Path, work: Path) -> Path:
    """Freeze ``app`` or ``bare`` with build.spec (KOTACERDAS_DEBUG passes through); returns the folder."""
    env = dict(os.environ, **{freeze.TARGET_ENV: target})
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work / target), str(SPEC)]
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return dist / (freeze.BARE_NAME if target == "bare" else freeze.APP_NAME)


def _offscreen_env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def frozen_self_test(folder: Path) -> tuple[int, str, float]:
    """Run ``--self-test`` in the build: (exit code, its report, seconds)."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(executable(folder, console=True)), "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=_offscreen_env(),
        timeout=300,
    )
    return done.returncode, done.stdout + done.stderr, time.perf_counter() - started


def step_marks(report: str) -> dict[str, str]:
    """``{step label: ok|skip|GAGAL/FAIL}`` from a self-test report."""
    return {label: mark for mark, label in _STEP_LINE.findall(report)}


def missing_from_build(frozen_report: str) -> list[str]:
    """Steps that pass from source but not in the build: a part PyInstaller did not collect."""
    source = io.StringIO()
    run_self_test(source)
    frozen = step_marks(frozen_report)
    return [
        label
        for label, mark in step_marks(source.getvalue()).items()
        if mark == "ok" and frozen.get(label) != "ok"
    ]


def folder_mb(folder: Path) -> float:
    """Megabytes (10^6 bytes) of the files, each counted once (PyInstaller links some on Linux)."""
    return (
        sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        / 1e6
    )


def check_contents(folder: Path) -> list[str]:
    """What must and must not be in the build, as problems (empty when sound)."""
    internal = folder / "_internal"
    files = [p for p in internal.rglob("*") if p.is_file()]
    problems = [
        f"not shipped but present: {p.relative_to(internal)}"
        for p in files
        if not freeze.keep_file(p.relative_to(internal).as_posix())
    ]
    for plugin_type, names in freeze.PLUGINS_NEEDED.get(sys.platform, {}).items():
        present = {
            freeze.plugin_name(p.name) for p in files if p.parent.name == plugin_type.split("/")[-1]
        }
        problems += [f"Qt plugin missing: {plugin_type}/{name}" for name in sorted(names - present)]
    for package in freeze.NOT_SHIPPED:
        if (internal / package).exists():
            problems.append(f"test or build package bundled: {package}")
    for name in freeze.DATA_FOLDERS:
        if not (internal / name).is_dir():
            problems.append(f"data folder missing: {name}/")
    problems += [
        f"compiled file missing: {n}" for n in freeze.COMPILED_DATA if not (internal / n).is_file()
    ]
    return problems


def qt_libraries(folder: Path) -> list[str]:
    pattern = re.compile(r"^(lib)?Qt6(\w+?)(\.so|\.dll|\.dylib|$)")
    return sorted(
        {m.group(2) for p in folder.rglob("*Qt6*") if (m := pattern.match(p.name)) and p.is_file()}
    )


def start_seconds(command: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, **_QUIET)
    return time.perf_counter() - started


def start_samples(
    app_command: Sequence[str], bare_command: Sequence[str], env: dict[str, str], runs: int
) -> tuple[list[float], list[float]]:
    """Seconds of ``runs`` starts of each program, alternating so both see the same machine,
    after one untimed start of each (benchmarks/run.py times the same way)."""
    start_seconds(app_command, env)
    start_seconds(bare_command, env)
    app_times, bare_times = [], []
    for _ in range(runs):
        app_times.append(start_seconds(app_command, env))
        bare_times.append(start_seconds(bare_command, env))
    return app_times, bare_times


def measure_starts(app: Path, bare: Path, runs: int) -> tuple[float, float]:
    """Median start of each.

    The app opens a filled database (the demo city), as on an office PC in
    use. Window settings go to a temporary folder, not the user's.
    """
    with tempfile.TemporaryDirectory(prefix="kotacerdas-start-") as tmp:
        env = _offscreen_env() | {"KOTACERDAS_UI_SETTINGS": str(Path(tmp) / "jendela.ini")}
        db = str(Path(tmp) / "kota.sqlite")
        subprocess.run([str(executable(app, console=True)), "--db", db, "demo"], **_QUIET, env=env)
        app_times, bare_times = start_samples(
            [str(executable(app)), "--quit-after-start", "--db", db],
            [str(executable(bare)), "--quit-after-start"],
            env,
            runs,
        )
    return statistics.median(app_times), statistics.median(bare_times)


def build(dist: Path, work: Path, runs: int) -> BuildReport:
    compile_translations()  # the .qm files are build products, bundled with resources/
    app = run_pyinstaller("app", dist, work)
    bare = run_pyinstaller("bare", dist, work)
    report = BuildReport(__version__, sys.platform, str(app), str(bare))
    code, output, report.self_test_s = frozen_self_test(app)
    report.self_test_output = output
    if code != 0:
        report.problems.append(f"frozen self-test failed (exit {code})")
    report.problems += [f"passes from source, not frozen: {s}" for s in missing_from_build(output)]
    report.problems += check_contents(app)
    report.qt_libraries = qt_libraries(app)
    report.app_mb, report.bare_mb = folder_mb(app), folder_mb(bare)
    if (report.size_ratio or 0) > SIZE_TARGET:
        report.problems.append(f"size {report.size_ratio:.2f}x the bare window (>{SIZE_TARGET}x)")
    report.start_runs = runs
    try:
        report.app_start_s, report.bare_start_s = measure_starts(app, bare, runs)
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or "").strip().splitlines()[-3:]
        report.problems.append(f"{Path(exc.cmd[0]).name} does not start: {' / '.join(last)}")
    except subprocess.TimeoutExpired as exc:
        report.problems.append(f"{Path(exc.cmd[0]).name} did not quit after starting")
    if (report.start_ratio or 0) > START_TARGET:
        report.warnings.append(
            f"start {report.start_ratio:.2f}x the bare window (>{START_TARGET}x)"
        )
    ratios = {"size_ratio": report.size_ratio, "start_ratio": report.start_ratio}
    (dist / REPORT_NAME).write_text(json.dumps(asdict(report) | ratios, indent=2), encoding="utf-8")
    return report


def print_report(report: BuildReport) -> None:
    print(report.self_test_output.rstrip())
    print(f"\nKotaCerdas {report.version} ({report.platform}): {report.app_folder}")
    print(f"Qt libraries: {', '.join(report.qt_libraries)}")
    rows = (
        ("folder size (MB)", report.app_mb, report.bare_mb, report.size_ratio, SIZE_TARGET),
        (
            f"start, median of {report.start_runs} (s)",
            report.app_start_s,
            report.bare_start_s,
            report.start_ratio,
            START_TARGET,
        ),
    )
    print(f"\n{'':28}{'KotaCerdas':>12}{'bare window':>13}{'ratio':>8}  target")
    for label, app, bare, ratio, target in rows:
        if ratio is None:
            print(f"{label:28}{'-':>12}{'-':>13}{'-':>8}  <= {target}")
            continue
        verdict = "ok" if ratio <= target else "OVER"
        print(f"{label:28}{app:12.2f}{bare:13.2f}{ratio:8.2f}  <= {target}  {verdict}")
    print(f"frozen self-test: {report.self_test_s:.1f} s")
    for warning in report.warnings:
        print(f"warning: {warning}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kotacerdas_desktop.build", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller work folder")
    parser.add_argument("--runs", type=int, default=5, help="timed starts of each program")
    parser.add_argument("--strict", action="store_true", help="a missed start target fails too")
    args = parser.parse_args(argv)
    report = build(args.dist.resolve(), args.work.resolve(), args.runs)
    print_report(report)
    failed = report.problems or (args.strict and report.warnings)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
