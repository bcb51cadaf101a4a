"""scripts/start waits for a busy package manager, says so, and gives up clearly after a limit."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

APT_RUN = Path(__file__).resolve().parent.parent / "scripts" / "apt-run"
LOCKED = "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)"


def fake_apt(folder: Path, busy_times: int) -> Path:
    """An apt-get that finds the lock held ``busy_times`` times, then installs."""
    count = folder / "calls"
    script = folder / "apt-get"
    script.write_text(
        "#!/usr/bin/env bash\n"
        f'n=$(cat "{count}" 2>/dev/null || echo 0); echo $((n + 1)) > "{count}"\n'
        f'if [ "$n" -lt {busy_times} ]; then echo "{LOCKED}" >&2; exit 100; fi\n'
        'echo "installed $*"\n'
    )
    script.chmod(0o755)
    return script


def run(script: Path, wait: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOTACERDAS_APT_WAIT": str(wait), "KOTACERDAS_APT_POLL": "0"}
    return subprocess.run(
        [str(APT_RUN), str(script), "install", "libxcb-cursor0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_it_waits_while_the_lock_is_held_and_then_installs(tmp_path: Path) -> None:
    result = run(fake_apt(tmp_path, busy_times=3), wait=10)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Menunggu pengelola paket lain (apt) selesai") == 1
    assert "installed install libxcb-cursor0" in result.stdout
    assert (tmp_path / "calls").read_text().strip() == "4"


def test_it_gives_up_with_a_clear_message_after_the_limit(tmp_path: Path) -> None:
    result = run(fake_apt(tmp_path, busy_times=1000), wait=0)
    assert result.returncode == 100
    assert "masih berjalan setelah 0 detik" in result.stderr
    assert "Another package manager (apt) is still running" in result.stderr


def test_other_apt_errors_are_not_waited_for(tmp_path: Path) -> None:
    script = tmp_path / "apt-get"
    script.write_text(
        "#!/usr/bin/env bash\necho 'E: Unable to locate package nope' >&2\nexit 100\n"
    )
    script.chmod(0o755)
    result = run(script, wait=10)
    assert result.returncode == 100 and "Unable to locate package" in result.stderr
    assert "Menunggu" not in result.stdout
