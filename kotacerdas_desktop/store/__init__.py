"""The SQLite store: one file per installation holds the whole state.

``Store.open(path)`` checks, migrates and opens the file; its parts are small
repositories named for what they hold. Nothing here imports Qt.
"""

from __future__ import annotations

from pathlib import Path

from kotacerdas_desktop.domain.catalogue_file import load_catalogue_text, read_catalogue_text
from kotacerdas_desktop.domain.errors import ValidationError
from kotacerdas_desktop.domain.model import Agency, Assessment
from kotacerdas_desktop.domain.text import t
from kotacerdas_desktop.domain.validation import check_city_name
from kotacerdas_desktop.resources import bundled_catalogues
from kotacerdas_desktop.store.agencies import Agencies
from kotacerdas_desktop.store.assessments import Assessments
from kotacerdas_desktop.store.catalogues import Catalogues
from kotacerdas_desktop.store.city import City
from kotacerdas_desktop.store.coordinator import Coordinator
from kotacerdas_desktop.store.database import StoreDatabase, open_database
from kotacerdas_desktop.store.evidence import EvidenceStore
from kotacerdas_desktop.store.imports import Imports
from kotacerdas_desktop.store.installation import Installation
from kotacerdas_desktop.store.lifecycle import Lifecycle
from kotacerdas_desktop.store.location import default_db_path
from kotacerdas_desktop.store.plans import Plans
from kotacerdas_desktop.store.settings import Settings

__all__ = ["Store", "default_db_path"]


class Store:
    def __init__(self, db: StoreDatabase, path: Path) -> None:
        self.db = db
        self.path = path
        self.settings = Settings(db)
        self.catalogues = Catalogues(db)
        self.agencies = Agencies(db)
        self.assessments = Assessments(db, self.catalogues, self.agencies)
        self.evidence = EvidenceStore(db, self.assessments, self.settings)
        self.lifecycle = Lifecycle(db, self.assessments)
        self.installation = Installation(db)
        self.city = City(db, self.assessments)
        self.imports = Imports(db, self.assessments, self.lifecycle)
        self.coordinator = Coordinator(self.settings, self.agencies)
        self.plans = Plans(db, self.assessments)

    @classmethod
    def open(
        cls, path: Path | str | None = None, *, create: bool = True, checked: bool = False
    ) -> Store:
        """Open the database (default location when no path) and import the bundled catalogues it lacks.

        ``checked``: another connection of this program opened the file already, so its
        checks, backup, migrations and catalogue import are not repeated
        (``open_database``); a worker thread's own store."""
        path = Path(path) if path is not None else default_db_path()
        if create and path == default_db_path():
            path.parent.mkdir(parents=True, exist_ok=True)
        store = cls(open_database(path, create=create, checked=checked), path)
        if not store.db.reconnected:
            store.import_bundled_catalogues()
            store.installation.ensure_key()
        return store

    def import_bundled_catalogues(self) -> None:
        """Add shipped catalogues the file lacks; a stored code and version is never replaced.

        The usual case (all stored) only reads. Otherwise the check is repeated
        inside the write transaction: another program may be adding them too."""
        texts = [(read_catalogue_text(file), file.name) for file in bundled_catalogues()]
        if all(self.catalogues.holds_text(text) for text, _ in texts):
            return  # BOM- and CRLF-safe texts, nothing to parse at start-up
        with self.db.atomic():
            for text, name in texts:
                if self.catalogues.holds_text(text):
                    continue
                catalogue = load_catalogue_text(text, name)
                if self.catalogues.find(catalogue.code, catalogue.version) is None:
                    self.catalogues.import_text(text, name)

    def check_demo_target(self) -> None:
        """The demo city goes only into a database without agencies: its finalized
        assessments can never be removed, so they must not mix with real data."""
        count = self.db.execute("SELECT count(*) FROM agencies").fetchone()[0]
        if count:
            raise ValidationError(
                t(
                    f"Basis data {self.path.name} sudah berisi {count} OPD; kota contoh hanya diisikan "
                    "ke basis data baru agar tidak tercampur dengan data sungguhan. Gunakan berkas baru, "
                    "mis. kotacerdas --db kota-contoh.sqlite demo",
                    f"Database {self.path.name} holds {count} agencies already; the demo city goes only "
                    "into a new database so it never mixes with real data. Use a new file, e.g. "
                    "kotacerdas --db kota-contoh.sqlite demo",
                ),
                field="db",
            )

    def start_city(self, city: str, agency: Agency, year: int | str) -> Assessment:
        """First run: the city government's name, the operator's agency and its first
        assessment, all or nothing."""
        city = check_city_name(city)
        with self.db.atomic():
            self.settings.set("city_name", city)
            agency.city = agency.city or city
            self.agencies.add(agency)
            return self.assessments.new(agency.code, year)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
