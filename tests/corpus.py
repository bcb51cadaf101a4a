"""The crafted hostile files kept in tests/data: catalogue files (tests/data/catalogue-corpus)
and exchange packages (tests/data/package-corpus), each with the words its refusal must say
(``expected.json`` beside them). Tests feed every file to the program the way a user would
(tests/domain/test_catalogue_limits.py, tests/exchange/test_package_corpus.py).

Remake them after a change of the cases with ``python -m tests.corpus``. The catalogue files
come out byte for byte the same every time (a test checks that); the packages hold a fresh
export (new identities and times) and are signed with a fixed test key.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from nacl.signing import SigningKey

from tests.factories import tiny_catalogue_data

DATA = Path(__file__).resolve().parent / "data"
CATALOGUE_CORPUS = DATA / "catalogue-corpus"
PACKAGE_CORPUS = DATA / "package-corpus"
EXPECTED = "expected.json"
SEED = bytes(range(32))  # the test key crafted packages are signed with

Entries = list[tuple[str, bytes]]


# Catalogue files ------------------------------------------------------------------------


def _text(mutate: Callable[[dict], object] | None = None) -> str:
    data = tiny_catalogue_data()
    if mutate is not None:
        mutate(data)
    return json.dumps(data, ensure_ascii=False)


def _replaced(old: str, new: str, text: str | None = None) -> str:
    text = _text() if text is None else text
    assert old in text
    return text.replace(old, new, 1)


def _set(*path: str | int, value: object) -> Callable[[dict], None]:
    def mutate(data: dict) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _nest(depth: int) -> str:
    return _replaced('"code": "TINY"', '"code": "TINY", "x": ' + "[" * depth + "]" * depth)


FIRST_ELEMENT = ("dimensions", 0, "elements", 0)

# name: (the file's text, or bytes for a file that is no UTF-8 text; words of its refusal)
CATALOGUES: dict[str, tuple[str | bytes, str]] = {
    "nan.json": (_replaced('"weight": 1,', '"weight": NaN,'), "NaN bukan angka yang sah"),
    "infinity.json": (
        _replaced('"weight": 1,', '"weight": Infinity,'),
        "Infinity bukan angka yang sah",
    ),
    "minus-infinity.json": (
        _replaced('"weight": 1,', '"weight": -Infinity,'),
        "-Infinity bukan angka yang sah",
    ),
    "overflow.json": (
        _replaced('"weight": 1,', '"weight": 1e999,'),
        "angka 1e999 di luar jangkauan",
    ),
    "long-integer.json": (
        _replaced('"weight": 1,', '"weight": ' + "9" * 5000 + ","),
        "terlalu panjang (paling banyak 32 karakter)",
    ),
    "huge-weight.json": (
        _text(_set("dimensions", 0, "weight", value=1e300)),
        "dimensions[0].weight: bobot tidak boleh negatif dan paling besar 1,000,000",
    ),
    "negative-weight.json": (
        _text(_set(*FIRST_ELEMENT, "weight", value=-1)),
        "dimensions[0].elements[0].weight: bobot tidak boleh negatif",
    ),
    "duplicate-key.json": (
        _replaced('"code": "TINY"', '"code": "TINY", "code": "LAIN"'),
        'kunci "code" muncul dua kali dalam satu objek',
    ),
    "duplicate-nested-key.json": (
        _replaced('"weight": 1,', '"weight": 1, "weight": 0,'),
        'kunci "weight" muncul dua kali',
    ),
    "zero-indicator-weights.json": (
        _text(
            lambda d: [i.update(weight=0) for i in d["dimensions"][0]["elements"][0]["indicators"]]
        ),
        "dimensions[0].elements[0].indicators: bobot semua butirnya 0",
    ),
    "zero-element-weights.json": (
        _text(lambda d: [e.update(weight=0) for e in d["dimensions"][0]["elements"]]),
        "dimensions[0].elements: bobot semua butirnya 0",
    ),
    "zero-dimension-weights.json": (
        _text(
            lambda d: [x.update(weight=0) for x in d["dimensions"] if x.get("kind") != "enabler"]
        ),
        "katalog zero-dimension-weights.json, dimensions: bobot semua butirnya 0",
    ),
    "zero-lens-weights.json": (
        _text(lambda d: [lens.update(weight=0) for lens in d["lenses"]]),
        "lenses: bobot semua butirnya 0",
    ),
    "deep-nesting.json": (_nest(5_000), "bersarang lebih dalam dari 32 tingkat"),
    "nesting-past-the-cap.json": (_nest(40), "x" + "[0]" * 31 + ": bersarang lebih dalam dari 32"),
    "too-many-values.json": (
        _replaced('"code": "TINY"', '"code": "TINY", "x": [' + ",".join(["0"] * 200_001) + "]"),
        "(akar): berisi lebih dari 200,000 nilai JSON",
    ),
    "long-text.json": (
        _text(_set("name", "id", value="a" * 20_001)),
        "name.id: teks 20,001 karakter; batasnya 20,000",
    ),
    "escape-in-text.json": (
        _text(_set("name", "id", value="Kota\x1b[2J")),
        "name.id: teks berisi karakter kendali atau tak terlihat \\x1b (posisi 5)",
    ),
    "carriage-return.json": (
        _text(_set(*FIRST_ELEMENT, "name", "id", value="a\rb")),
        "dimensions[0].elements[0].name.id: teks berisi karakter kendali",
    ),
    "c1-control.json": (_text(_set("name", "id", value="a\x9bb")), "\\x9b"),
    "bidi-override.json": (_text(_set("name", "en", value="abc\u202edcba")), "\\u202e"),
    "lone-surrogate.json": (_replaced('"id": "Kecil"', '"id": "Kecil\\ud800"'), "\\ud800"),
    "control-in-unknown-key.json": (
        _replaced('"code": "TINY"', '"code": "TINY", "x\\u001b": 1'),
        "x\\x1b: teks berisi karakter kendali",
    ),
    "escape-in-code.json": (
        _text(_set("code", value="TINY\x1b]0;owned\x07")),
        "code: teks berisi karakter kendali atau tak terlihat \\x1b (posisi 5)",
    ),
    "newline-after-code.json": (_text(_set("code", value="TINY\n")), "code: kode wajib diisi"),
    "long-code.json": (_text(_set("code", value="A" * 65)), "(maks. 64 karakter)"),
    "newline-in-version.json": (
        _text(_set("version", value="1\n")),
        "version: versi katalog wajib diisi",
    ),
    "space-in-version.json": (
        _text(_set("version", value=" 1")),
        "version: versi katalog wajib diisi",
    ),
    "long-version.json": (_text(_set("version", value="1" * 33)), "(maks. 32 karakter)"),
    "lens-code-newline.json": (
        _text(_set("lenses", 0, "code", value="output\n")),
        "lenses[0].code: kode lensa wajib diisi",
    ),
    "undeclared-lens-shown-escaped.json": (
        _text(_set(*FIRST_ELEMENT, "indicators", 0, "lens", value="x\ty")),
        'lensa "x\\ty" tidak dideklarasikan',
    ),
    "lens-not-text.json": (
        _text(_set(*FIRST_ELEMENT, "indicators", 0, "lens", value=["output"])),
        "lensa \"['output']\" tidak dideklarasikan",
    ),
    "lenses-not-a-list.json": (_text(_set("lenses", value=7)), "lenses: harus berupa daftar"),
    "empty.json": ("", "bukan JSON yang sah (baris 1, kolom 1)"),
    "null.json": ("null", "(akar): harus berupa objek JSON"),
    "cut-short.json": (_text()[:500], "bukan JSON yang sah"),
    "trailing-garbage.json": (_text() + " x", "bukan JSON yang sah"),
    "not-utf8.json": (_text().encode("utf-8").replace(b"Kecil", b"K\xe9cil"), "tidak dapat dibaca"),
    "utf16.json": (_text().encode("utf-16"), "tidak dapat dibaca"),
}


def catalogue_bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")


def write_catalogue_corpus(folder: Path = CATALOGUE_CORPUS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _) in CATALOGUES.items():
        (folder / name).write_bytes(catalogue_bytes(content))
    expected = {name: words for name, (_, words) in CATALOGUES.items()}
    (folder / EXPECTED).write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


# Packages -------------------------------------------------------------------------------


def small_package(folder: Path) -> Entries:
    """The members of a finalized package on the tiny framework (every answer, an evidence file,
    a logo in the agency snapshot), signed with SEED."""
    from kotacerdas_desktop.domain.model import ROLE_APPROVED, Agency, Answer, Evidence
    from kotacerdas_desktop.exchange.export import export_package
    from kotacerdas_desktop.store import Store
    from tests.exchange.crafting import entries_of, resealed
    from tests.store.finalized import HEAD, LOGO

    with Store.open(folder / "opd.sqlite") as store:
        store.catalogues.import_text(json.dumps(tiny_catalogue_data()), "tiny.json")
        store.agencies.add(
            Agency("DISHUB", "Dinas Perhubungan", signatories={ROLE_APPROVED: HEAD}, logo=LOGO)
        )
        draft = store.assessments.new("DISHUB", 2026, "TINY")
        for indicator in store.assessments.catalogue_of(draft).indicators():
            store.assessments.save_answer(
                draft.id, Answer(indicator.code, level=3, justification="Ada.")
            )
        store.evidence.add(draft.id, "A.X.1", Evidence("SK"), b"%PDF-1.4 SK")
        final = store.lifecycle.finalize(draft.id)
        path = export_package(store, final.id, folder / "paket.kcpkg")
    return resealed(entries_of(path), SEED)


def with_member(entries: Entries, name: str, data: bytes) -> Entries:
    """The package with one member replaced and signed again with SEED: a manifest as it is
    written, another member listed with its new hash and size (a new framework file also named
    by its hash), as a program that rewrites packages would do."""
    from kotacerdas_desktop.exchange.format import CATALOGUE, MANIFEST, SIGNATURE, package_json
    from tests.exchange.crafting import replace_member, resealed

    entries = replace_member(entries, name, data)
    if name == MANIFEST:
        return replace_member(entries, SIGNATURE, SigningKey(SEED).sign(data).signature)
    if name == CATALOGUE:
        manifest = json.loads(dict(entries)[MANIFEST])
        manifest["framework"]["sha256"] = hashlib.sha256(data).hexdigest()
        entries = replace_member(entries, MANIFEST, package_json(manifest))
    return resealed(entries, SEED)


def _zip(entries: Entries, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _document(entries: Entries, name: str, change: Callable[[dict], object]) -> bytes:
    data = json.loads(dict(entries)[name])
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _snapshot(change: Callable[[dict], object]) -> Callable[[dict], None]:
    def edit(document: dict) -> None:
        snapshot = json.loads(document["assessment"]["agency_snapshot"])
        change(snapshot)
        document["assessment"]["agency_snapshot"] = json.dumps(snapshot)

    return edit


def _damaged_deflate(entries: Entries) -> bytes:
    """A whole zip whose deflated assessment.json no longer inflates (zlib's own error)."""
    data = bytearray(_zip(entries))
    start = data.index(b"assessment.json") + len(b"assessment.json")
    data[start + 40 : start + 48] = b"\xff" * 8
    return bytes(data)


def _newer_zip_version(entries: Entries) -> bytes:
    """A zip whose first entry needs "version 6.4" to extract (zipfile: NotImplementedError)."""
    data = bytearray(_zip(entries))
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (64).to_bytes(2, "little")
    return bytes(data)


def package_cases(entries: Entries) -> dict[str, tuple[bytes, str]]:
    """name: (the package file's bytes, words of its refusal)."""
    from kotacerdas_desktop.exchange.format import ASSESSMENT, CATALOGUE, MANIFEST, SIGNATURE

    manifest = dict(entries)[MANIFEST]
    catalogue = {name: content for name, (content, _) in CATALOGUES.items()}

    def framework(case: str) -> bytes:
        return _zip(with_member(entries, CATALOGUE, catalogue_bytes(catalogue[case])))

    def assessment(change: Callable[[dict], object]) -> bytes:
        return _zip(with_member(entries, ASSESSMENT, _document(entries, ASSESSMENT, change)))

    def raise_a_level(document: dict) -> None:
        document["answers"][0]["level"] = 4

    def first_answer(key: str, value: object) -> Callable[[dict], None]:
        return lambda document: document["answers"][0].update({key: value})

    return {
        "not-a-zip.kcpkg": (b"%PDF-1.7 bukan paket", "bukan berkas zip yang utuh"),
        "empty.kcpkg": (b"", "bukan berkas zip yang utuh"),
        "cut-short.kcpkg": (_zip(entries)[:1500], "bukan berkas zip yang utuh"),
        "zip-bomb.kcpkg": (
            _zip([*entries, ("attachments/" + "0" * 64, bytes(60 * 1024 * 1024))]),
            "memampat lebih dari 100:1",
        ),
        "path-escapes.kcpkg": (
            _zip([*entries, ("../../keluar.txt", b"x")]),
            "nama berkas di dalam paket tidak aman",
        ),
        "windows-device-name.kcpkg": (
            _zip([*entries, ("attachments/CON", b"x")]),
            "nama berkas di dalam paket tidak aman",
        ),
        "signature-forged.kcpkg": (
            _zip([(n, bytes(64) if n == SIGNATURE else d) for n, d in entries]),
            "tanda tangan paket tidak sah",
        ),
        "deflate-damaged.kcpkg": (_damaged_deflate(entries), "assessment.json rusak"),
        "zip-version-6.4.kcpkg": (_newer_zip_version(entries), "bukan berkas zip yang utuh"),
        "manifest-nan.kcpkg": (
            _zip(
                with_member(entries, MANIFEST, manifest.replace(b'"revision":1', b'"revision":NaN'))
            ),
            "manifest.json bukan JSON yang sah",
        ),
        "manifest-repeated-key.kcpkg": (
            _zip(
                with_member(
                    entries,
                    MANIFEST,
                    manifest.replace(b'"kind":"final"', b'"kind":"final","kind":"draft"'),
                )
            ),
            "duplicate key 'kind'",
        ),
        "manifest-deep.kcpkg": (
            _zip(with_member(entries, MANIFEST, b'{"format":' + b"[" * 5000 + b"]" * 5000 + b"}")),
            "manifest.json bukan JSON yang sah",
        ),
        "assessment-escape-key.kcpkg": (
            assessment(lambda d: d.update({"x\x1b[2J": 1})),
            "kunci tidak sesuai format (x\\x1b[2J)",
        ),
        "snapshot-logo-not-text.kcpkg": (
            assessment(_snapshot(lambda s: s.update(logo_sha256=["a"]))),
            "assessment.agency_snapshot.logo_sha256: teks tidak sah",
        ),
        "snapshot-signatories-list.kcpkg": (
            assessment(_snapshot(lambda s: s.update(signatories=[]))),
            "assessment.agency_snapshot.signatories: harus berupa objek JSON",
        ),
        "snapshot-not-json.kcpkg": (
            assessment(lambda d: d["assessment"].update(agency_snapshot="{")),
            "assessment.agency_snapshot: bukan JSON yang sah",
        ),
        "indicator-escape.kcpkg": (
            assessment(first_answer("indicator", "A.X.1\x1b[2J")),
            "Indikator A.X.1\\x1b[2J tidak ada di katalog TINY 1",
        ),
        "level-seven.kcpkg": (
            assessment(first_answer("level", 7)),
            "answers[0].level: nilai tidak sah",
        ),
        "changed-after-finalizing.kcpkg": (
            assessment(raise_a_level),
            "tidak menghasilkan sidik jarinya",
        ),
        **{
            f"framework-{case.removesuffix('.json')}.kcpkg": (framework(case), words)
            for case, words in (
                ("nan.json", "NaN bukan angka yang sah"),
                ("overflow.json", "angka 1e999 di luar jangkauan"),
                ("duplicate-key.json", 'kunci "code" muncul dua kali'),
                ("deep-nesting.json", "bersarang lebih dalam dari 32"),
                ("zero-indicator-weights.json", "bobot semua butirnya 0"),
                ("escape-in-code.json", "karakter kendali atau tak terlihat \\x1b"),
                ("newline-in-version.json", "versi katalog wajib diisi"),
                ("lens-not-text.json", "tidak dideklarasikan"),
            )
        },
    }


def write_package_corpus(folder: Path = PACKAGE_CORPUS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        cases = package_cases(small_package(Path(scratch)))
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
    expected = {name: words for name, (_, words) in cases.items()}
    (folder / EXPECTED).write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def expected(folder: Path) -> dict[str, str]:
    return json.loads((folder / EXPECTED).read_text(encoding="utf-8"))


if __name__ == "__main__":
    write_catalogue_corpus()
    write_package_corpus()
    print(f"{len(CATALOGUES)} catalogue files, packages in {PACKAGE_CORPUS}", file=sys.stderr)
