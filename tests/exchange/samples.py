"""A sample package of every package format version, kept so each keeps importing after the
format changes. Make the sample of a new version with:
``python -m tests.exchange.samples tests/data/packages/kcpkg-format-N.kcpkg``
(fictional agency and people; the newest bundled smart city framework: bundled catalogue
versions never change, so a coordinator has it)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    ROLE_PREPARED,
    Agency,
    Answer,
    Evidence,
    Signatory,
)
from kotacerdas_desktop.exchange.export import export_package
from kotacerdas_desktop.store import Store

FOLDER = Path(__file__).resolve().parent.parent / "data" / "packages"
SAMPLES = sorted(FOLDER.glob("kcpkg-format-*.kcpkg"))


def make_sample(out: Path) -> Path:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "opd.sqlite") as store:
        store.agencies.add(
            Agency(
                "DISPERKIM",
                "Dinas Perumahan dan Kawasan Permukiman",
                "Jl. Contoh Raya No. 7, Kota Contoh",
                "Kota Contoh",
                signatories={
                    ROLE_APPROVED: Signatory(
                        ROLE_APPROVED,
                        "Bambang Sulistyo Adi, S.T., M.T.",
                        "197205142000031003",
                        "Pembina Tingkat I (IV/b)",
                        "Kepala Dinas",
                    ),
                    ROLE_PREPARED: Signatory(
                        ROLE_PREPARED,
                        "Ratna Puspitasari, S.Kom.",
                        "199003212015032002",
                        "Penata Muda Tingkat I (III/b)",
                        "Pranata Komputer",
                    ),
                },
            )
        )
        draft = store.assessments.new("DISPERKIM", 2026, "SMARTCITY")
        for n, indicator in enumerate(store.assessments.catalogue_of(draft).indicators()):
            store.assessments.save_answer(
                draft.id,
                Answer(
                    indicator.code,
                    level=1 + n % 5,
                    justification=f"Contoh jawaban {indicator.code}.",
                ),
            )
        code = next(store.assessments.catalogue_of(draft).indicators()).code
        store.evidence.add(
            draft.id,
            code,
            Evidence("SK Tim Smart City", "050/12/417.309/2026", "2026-02-03"),
            b"contoh",
        )
        final = store.lifecycle.finalize(draft.id, document_number="050/12/417.309/2026")
        return export_package(store, final.id, out)


if __name__ == "__main__":
    print(make_sample(Path(sys.argv[1])))
