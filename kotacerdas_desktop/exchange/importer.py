"""`kotacerdas import` and the coordinator's import: many package files, each verified
completely, then written in one transaction of its own, or refused with its reason.

A verified backup of the database is made first (store/backups.py, kind
``before-import``). A folder stands for the packages in it (``*.kcpkg``, not its subfolders). A
cancel between packages stops before the next one: what was imported stays,
the rest is untouched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kotacerdas_desktop.domain.errors import KotaCerdasError
from kotacerdas_desktop.domain.package import ImportOutcome
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.exchange.format import SUFFIX
from kotacerdas_desktop.exchange.package import read_package
from kotacerdas_desktop.exchange.safezip import CHUNK
from kotacerdas_desktop.store import Store
from kotacerdas_desktop.store.backups import BEFORE_IMPORT, make_backup

Progress = Callable[[int, int, str], None]  # done, total, file name (may raise to cancel)


def package_files(paths: Iterable[Path]) -> list[Path]:
    """The package files named, folders expanded to the packages directly inside them."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() == SUFFIX and p.is_file())
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def import_one(
    store: Store,
    path: Path,
    *,
    accept_new_keys: Sequence[str] = (),
    import_catalogues: bool = False,
) -> ImportOutcome:
    """Verify and import one package file; never raises for a bad package (the outcome says)."""
    try:
        package = read_package(path)
    except KotaCerdasError as exc:
        return store.imports.refused_file(path.name, _sha256(path), exc.message)
    return store.imports.add(
        package,
        accept_new_key=package.contents.agency.code in accept_new_keys,
        import_catalogue=import_catalogues,
    )


def iter_imports(
    store: Store,
    paths: Iterable[Path],
    *,
    accept_new_keys: Sequence[str] = (),
    import_catalogues: bool = False,
    progress: Progress | None = None,
) -> Iterator[ImportOutcome]:
    """Import every package named (folders expanded), in order, each on its own, yielding each
    outcome as it is known; a caller that stops iterating stops before the next package."""
    files = package_files(paths)
    if not files:
        raise KotaCerdasError(
            t(
                "Tidak ada berkas paket (.kcpkg) untuk diimpor.",
                "No package files (.kcpkg) to import.",
            ),
            field="files",
        )
    make_backup(store.db.conn, store.path, BEFORE_IMPORT)  # verified, in the backups folder
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files), path.name)
        yield import_one(
            store, path, accept_new_keys=accept_new_keys, import_catalogues=import_catalogues
        )


def import_packages(store: Store, paths: Iterable[Path], **options: Any) -> list[ImportOutcome]:
    """Every outcome of ``iter_imports`` (the command line's import)."""
    return list(iter_imports(store, paths, **options))
