"""Every package the coordinator must refuse, crafted from a real one: the reason is clear
and the database's logical content (everything but the import log) is unchanged."""

from __future__ import annotations

import json

import pytest

from kotacerdas_desktop.domain.package import NEEDS_CATALOGUE, NEEDS_KEY, REFUSED
from kotacerdas_desktop.exchange import safezip
from kotacerdas_desktop.exchange.export import export_package
from kotacerdas_desktop.exchange.format import (
    ASSESSMENT,
    CATALOGUE,
    MANIFEST,
    SIGNATURE,
    package_json,
)
from kotacerdas_desktop.exchange.importer import import_packages
from tests.exchange.crafting import (
    entries_of,
    logical_snapshot,
    replace_member,
    resealed,
    signed_as_written,
    write_zip,
)


def refused(coordinator, path, **options):
    before = logical_snapshot(coordinator.path)
    (outcome,) = import_packages(coordinator, [path], **options)
    assert outcome.outcome == REFUSED
    assert logical_snapshot(coordinator.path) == before
    assert coordinator.imports.history()[0]["outcome"] == REFUSED  # the log lists it
    return outcome


def edited_json(entries, name, change):
    data = json.loads(dict(entries)[name])
    change(data)
    return replace_member(entries, name, package_json(data))


def test_not_a_zip(coordinator, tmp_path):
    path = tmp_path / "bukan.kcpkg"
    path.write_bytes(b"%PDF-1.7 bukan paket")
    assert "bukan berkas zip yang utuh" in str(refused(coordinator, path).reason)


def test_unknown_format_version(coordinator, package, tmp_path):
    entries = resealed(
        edited_json(
            entries_of(package), MANIFEST, lambda m: m.update(format="kotacerdas-package/9")
        )
    )
    outcome = refused(coordinator, write_zip(tmp_path / "v9.kcpkg", entries))
    assert "format paket versi 9 tidak dikenal" in str(outcome.reason)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: [x for x in e if x[0] != CATALOGUE], "berkas hilang dari paket: catalogue.json"),
        (
            lambda e: [*e, ("catatan.txt", b"x")],
            "berkas tambahan yang tidak disebut manifes: catatan.txt",
        ),
        (
            lambda e: replace_member(e, ASSESSMENT, dict(e)[ASSESSMENT] + b" "),
            "ukuran assessment.json tidak sesuai",
        ),
        (
            lambda e: replace_member(
                e, ASSESSMENT, dict(e)[ASSESSMENT].replace(b'"level":3', b'"level":5', 1)
            ),
            "hash assessment.json tidak cocok dengan manifes",
        ),
        (
            lambda e: replace_member(
                e, MANIFEST, dict(e)[MANIFEST].replace(b"DISKOMINFO", b"DISKOMINFX", 1)
            ),
            "tanda tangan paket tidak sah",
        ),
        (lambda e: replace_member(e, SIGNATURE, bytes(64)), "tanda tangan paket tidak sah"),
    ],
    ids=["missing", "extra", "size", "hash", "manifest-edited", "signature"],
)
def test_members_hashes_and_signature(coordinator, package, tmp_path, change, message):
    outcome = refused(coordinator, write_zip(tmp_path / "ubah.kcpkg", change(entries_of(package))))
    assert message in str(outcome.reason)


def test_a_member_twice(coordinator, package, tmp_path):
    entries = entries_of(package)
    path = tmp_path / "ganda.kcpkg"
    with pytest.warns(UserWarning, match="Duplicate name"):
        write_zip(path, [*entries, (ASSESSMENT, dict(entries)[ASSESSMENT])])
    assert "assessment.json muncul dua kali" in str(refused(coordinator, path).reason)


@pytest.mark.parametrize(
    "name",
    [
        "../../keluar.txt",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "attachments\\..\\x",
        "attachments/CON",
        "NUL.txt",
        "a/./b",
    ],
)
def test_paths_that_escape_or_collide_on_windows(coordinator, package, tmp_path, name):
    outcome = refused(
        coordinator, write_zip(tmp_path / "jalur.kcpkg", [*entries_of(package), (name, b"x")])
    )
    assert "nama berkas di dalam paket tidak aman" in str(outcome.reason)


def test_too_many_members(coordinator, package, tmp_path, monkeypatch):
    monkeypatch.setattr(safezip, "MAX_MEMBERS", 3)
    outcome = refused(coordinator, package)
    assert "berkas; batasnya 3" in str(outcome.reason)


def test_too_many_declared_bytes(coordinator, package, monkeypatch):
    monkeypatch.setattr(safezip, "MAX_TOTAL_BYTES", 10_000)
    assert "batasnya 10,000" in str(refused(coordinator, package).reason)


def test_a_zip_bomb_is_refused_before_it_is_expanded(coordinator, package, tmp_path):
    entries = resealed([*entries_of(package), ("attachments/" + "0" * 64, bytes(50 * 1024 * 1024))])
    assert "memampat lebih dari 100:1" in str(
        refused(coordinator, write_zip(tmp_path / "bom.kcpkg", entries)).reason
    )


def test_more_bytes_than_declared_are_refused(coordinator, package, tmp_path):
    """The zip's headers and the signed manifest both understate a member's size: the bytes
    really read (and their checksum) decide, not what the file declares."""
    entries = resealed(entries_of(package))
    true_size = len(dict(entries)[ASSESSMENT])

    def understate(manifest):
        member = next(m for m in manifest["members"] if m["name"] == ASSESSMENT)
        member["size"] = true_size - 10

    entries = edited_json(entries, MANIFEST, understate)
    entries = signed_as_written(entries, dict(entries)[MANIFEST])
    path = write_zip(tmp_path / "kurang.kcpkg", entries)
    data = path.read_bytes()
    old, new = true_size.to_bytes(4, "little"), (true_size - 10).to_bytes(4, "little")
    assert data.count(old) >= 2  # the local header and the central directory
    path.write_bytes(data.replace(old, new))
    assert "assessment.json rusak" in str(refused(coordinator, path).reason)


def test_json_that_does_not_fit_the_format(coordinator, package, tmp_path):
    def level_seven(data):
        data["answers"][0]["level"] = 7

    entries = resealed(edited_json(entries_of(package), ASSESSMENT, level_seven))
    outcome = refused(coordinator, write_zip(tmp_path / "skema.kcpkg", entries))
    assert "assessment.json, answers[0].level: nilai tidak sah" in str(outcome.reason)


def test_repeated_json_keys(coordinator, package, tmp_path):
    entries = entries_of(package)
    manifest = dict(entries)[MANIFEST].replace(b'"kind":"final"', b'"kind":"final","kind":"draft"')
    outcome = refused(
        coordinator, write_zip(tmp_path / "kunci.kcpkg", signed_as_written(entries, manifest))
    )
    assert "manifest.json bukan JSON yang sah: duplicate key 'kind'" in str(outcome.reason)


def test_finalized_data_changed_and_resigned_by_another_key(coordinator, package, tmp_path):
    """Signing with one's own key does not help: the data must still give its fingerprint."""

    def raise_a_level(data):
        answer = next(a for a in data["answers"] if a["level"] and a["level"] < 5)
        answer["level"] += 1

    entries = resealed(edited_json(entries_of(package), ASSESSMENT, raise_a_level))
    outcome = refused(coordinator, write_zip(tmp_path / "palsu.kcpkg", entries))
    assert "tidak menghasilkan sidik jarinya" in str(outcome.reason)


def test_a_framework_the_coordinator_lacks_is_offered(coordinator, package, tmp_path):
    def other_version(entries):
        catalogue = json.loads(dict(entries)[CATALOGUE])
        catalogue["version"] = "2026.9-uji"
        return replace_member(entries, CATALOGUE, json.dumps(catalogue).encode())

    entries = other_version(entries_of(package))
    # A framework changed after finalizing breaks the fingerprint too; that is refused first.
    outcome = refused(coordinator, write_zip(tmp_path / "kerangka.kcpkg", resealed(entries)))
    assert "catalogue.json" in str(outcome.reason)


def test_a_missing_framework_is_imported_on_request(demo_store, coordinator, tmp_path):
    from kotacerdas_desktop.domain.model import Answer

    text = tmp_path / "k.json"
    body = json.loads(demo_store.catalogues.body(1))
    body["version"] = "2026.1-kota"
    text.write_text(json.dumps(body), encoding="utf-8")
    stored = demo_store.catalogues.import_text(text.read_text(encoding="utf-8"), "k.json")
    draft = demo_store.assessments.new("DISKOMINFO", 2027, "SMARTCITY")
    assert draft.catalogue_id == stored.id
    for indicator in demo_store.assessments.catalogue_of(draft).indicators():
        demo_store.assessments.save_answer(draft.id, Answer(indicator.code, level=3))
    final = demo_store.lifecycle.finalize(draft.id)
    path = export_package(demo_store, final.id, tmp_path / "2027.kcpkg")
    outcome = refused(coordinator, path)
    assert outcome.needs == NEEDS_CATALOGUE and "belum ada di basis data ini" in str(outcome.reason)
    (accepted,) = import_packages(coordinator, [path], import_catalogues=True)
    assert accepted.stored and coordinator.catalogues.find("SMARTCITY", "2026.1-kota") is not None


def test_a_package_made_by_this_same_database(demo_store, package):
    outcome = refused(demo_store, package)
    assert "dibuat oleh basis data ini sendiri" in str(outcome.reason)


def test_a_draft_package_is_never_counted(demo_store, coordinator, tmp_path):
    draft = demo_store.assessments.current("DISKOMINFO", 2026)
    path = export_package(demo_store, draft.id, tmp_path / "draf.kcpkg")
    assert "paket draf" in str(refused(coordinator, path).reason)


def test_another_key_for_a_known_agency_warns_and_asks(demo_store, coordinator, package, tmp_path):
    (first,) = import_packages(coordinator, [package])
    assert first.stored
    revision = demo_store.lifecycle.reopen(demo_store.assessments.current("DISKOMINFO", 2025).id)
    demo_store.lifecycle.finalize(revision.id)
    demo_store.db.execute("DELETE FROM installation_key")  # a reinstalled PC: a new key pair
    demo_store.installation.ensure_key()
    newer = export_package(demo_store, revision.id, tmp_path / "kunci-baru.kcpkg")
    outcome = refused(coordinator, newer)
    assert outcome.needs == NEEDS_KEY
    assert "PERINGATAN" in str(outcome.reason) and demo_store.installation.key_fingerprint in str(
        outcome.reason
    )
    (accepted,) = import_packages(coordinator, [newer], accept_new_keys=["DISKOMINFO"])
    assert accepted.stored
    (again,) = import_packages(coordinator, [newer])
    assert again.outcome == "already"
