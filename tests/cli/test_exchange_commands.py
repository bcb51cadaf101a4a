"""`kotacerdas export`, `import` and `imports` on real files."""

from __future__ import annotations

import json

from tests.exchange.crafting import logical_snapshot
from tests.helpers import run_cli


def test_export_then_import_from_a_folder(demo_store, tmp_path, capsys):
    folder = tmp_path / "usb"
    folder.mkdir()
    final = demo_store.assessments.current("BAPPEDA", 2025)
    code, out, _ = run_cli(
        capsys, demo_store.path, "export", str(final.id), "--out", str(folder / "bappeda.kcpkg")
    )
    assert code == 0 and "final, untuk dihitung koordinator" in out
    assert demo_store.installation.key_fingerprint in out
    coordinator = tmp_path / "koordinator.sqlite"
    code, out, err = run_cli(capsys, coordinator, "import", str(folder), "--json")
    assert code == 0 and "[1/1] bappeda.kcpkg" in err
    (row,) = json.loads(out)
    assert (row["outcome"], row["agency"], row["year"]) == ("imported", "BAPPEDA", 2025)
    code, out, _ = run_cli(capsys, coordinator, "imports")
    assert code == 0 and "bappeda.kcpkg" in out and "diimpor" in out


def test_a_refused_package_exits_2_with_its_reason_and_changes_nothing(tmp_path, capsys):
    coordinator = tmp_path / "koordinator.sqlite"
    run_cli(capsys, coordinator, "import", str(tmp_path / "tidak-ada"))  # creates the file
    bad = tmp_path / "rusak.kcpkg"
    bad.write_bytes(b"bukan zip")
    before = logical_snapshot(coordinator)
    code, out, _ = run_cli(capsys, coordinator, "import", str(bad))
    assert code == 2 and "ditolak" in out and "bukan berkas zip yang utuh" in out
    assert logical_snapshot(coordinator) == before


def test_an_empty_folder_says_there_is_nothing_to_import(tmp_path, capsys):
    coordinator = tmp_path / "koordinator.sqlite"
    code, _, err = run_cli(capsys, coordinator, "import", str(tmp_path))
    assert code == 2 and "Tidak ada berkas paket (.kcpkg)" in err


def test_a_new_key_is_refused_until_accepted(demo_store, tmp_path, capsys):
    final = demo_store.assessments.current("DLH", 2025)
    first = tmp_path / "dlh.kcpkg"
    run_cli(capsys, demo_store.path, "export", str(final.id), "--out", str(first))
    coordinator = tmp_path / "koordinator.sqlite"
    assert run_cli(capsys, coordinator, "import", str(first))[0] == 0
    revision = demo_store.lifecycle.reopen(final.id)
    demo_store.lifecycle.finalize(revision.id)
    demo_store.db.execute("DELETE FROM installation_key")
    demo_store.installation.ensure_key()
    second = tmp_path / "dlh-r2.kcpkg"
    run_cli(capsys, demo_store.path, "export", str(revision.id), "--out", str(second))
    code, out, err = run_cli(capsys, coordinator, "import", str(second))
    assert code == 2 and "PERINGATAN" in out and "--accept-new-key" in err
    code, out, _ = run_cli(capsys, coordinator, "import", str(second), "--accept-new-key", "dlh")
    assert code == 0 and "menggantikan revisi lama" in out
