"""The demo city's agencies: names, kinds, addresses, unit codes and who is responsible for what.

The kind decides the titles of the posts (a Dinas has a Kepala Dinas and a
Sekretaris Dinas, a Badan a Kepala Badan and a Sekretaris Badan, and BPBD is
led day to day by a Kepala Pelaksana). The unit code goes into the numbers of
the agency's official documents (classification / serial / unit / year).
"""

from __future__ import annotations

from dataclasses import dataclass

CITY = "Kota Mojokerto"
POSTAL_TOWN = "Mojokerto"

DINAS = "dinas"
BADAN = "badan"
BPBD = "bpbd"


@dataclass(frozen=True)
class DemoAgency:
    code: str
    name: str  # as written on the kop surat
    short_name: str  # as the city writes it in running text: "Diskominfo", "Bappeda"
    kind: str  # DINAS, BADAN or BPBD
    street: str
    postal_code: str
    unit_code: str  # e.g. "417.302": the agency's code in its document numbers
    head_degrees: tuple[str, ...]  # plausible degrees of its head, for the name generator
    staff_position: str  # the functional position of the operator who prepares the sheet

    @property
    def address(self) -> str:
        return f"{self.street}, {POSTAL_TOWN} {self.postal_code}"

    @property
    def head_position(self) -> str:
        if self.kind == BPBD:
            return f"Kepala Pelaksana {self.name}"
        return f"Kepala {self.name}"

    @property
    def reviewer_position(self) -> str:
        if self.kind == BPBD:
            return "Kepala Bidang Pencegahan dan Kesiapsiagaan"
        return "Sekretaris Badan" if self.kind == BADAN else "Sekretaris Dinas"

    @property
    def head_title(self) -> str:
        """How the head is named inside the agency's own documents: "Kepala Dinas", "Kepala Pelaksana"."""
        if self.kind == BPBD:
            return "Kepala Pelaksana BPBD"
        return "Kepala Badan" if self.kind == BADAN else "Kepala Dinas"


AGENCIES = (
    DemoAgency(
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Diskominfo",
        DINAS,
        "Jl. Empu Nala No. 22",
        "61321",
        "417.302",
        ("S.Kom., M.T.", "S.T., M.Kom.", "S.Kom., M.Kom."),
        "Pranata Komputer Ahli Pertama",
    ),
    DemoAgency(
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Bappeda",
        BADAN,
        "Jl. Majapahit No. 19",
        "61318",
        "417.201",
        ("S.E., M.Si.", "S.T., M.T.", "S.E., M.M."),
        "Perencana Ahli Pertama",
    ),
    DemoAgency(
        "DINKES",
        "Dinas Kesehatan",
        "Dinkes",
        DINAS,
        "Jl. Kartini No. 7",
        "61321",
        "417.303",
        ("dr.|M.Kes.", "dr.|M.M.Kes.", "S.K.M., M.Kes."),
        "Administrator Kesehatan Ahli Pertama",
    ),
    DemoAgency(
        "DLH",
        "Dinas Lingkungan Hidup",
        "DLH",
        DINAS,
        "Jl. Raya Surodinawan No. 41",
        "61328",
        "417.304",
        ("S.T., M.T.", "S.Si., M.Si.", "Ir.|M.T."),
        "Pengendali Dampak Lingkungan Ahli Pertama",
    ),
    DemoAgency(
        "DISHUB",
        "Dinas Perhubungan",
        "Dishub",
        DINAS,
        "Jl. Benteng Pancasila No. 56",
        "61315",
        "417.305",
        ("S.SiT., M.T.", "S.T., M.T.", "S.H., M.H."),
        "Analis Kebijakan Ahli Pertama",
    ),
    DemoAgency(
        "DISPENDIK",
        "Dinas Pendidikan dan Kebudayaan",
        "Dispendikbud",
        DINAS,
        "Jl. Pahlawan No. 84",
        "61316",
        "417.306",
        ("S.Pd., M.Pd.", "Drs.|M.Pd.", "S.Pd., M.Si."),
        "Analis Kebijakan Ahli Pertama",
    ),
    DemoAgency(
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        DINAS,
        "Jl. Bhayangkara No. 30",
        "61313",
        "417.307",
        ("S.STP., M.Si.", "S.H., M.H.", "S.Sos., M.AP."),
        "Analis Kebijakan Ahli Pertama",
    ),
    DemoAgency(
        "DISKOPUKM",
        "Dinas Koperasi, Usaha Mikro dan Perdagangan",
        "Diskopukmdag",
        DINAS,
        "Jl. Brawijaya No. 112",
        "61322",
        "417.308",
        ("S.E., M.M.", "S.E., M.Si.", "Drs.|M.M."),
        "Pengawas Perdagangan Ahli Pertama",
    ),
    DemoAgency(
        "DISPARPORA",
        "Dinas Kepemudaan, Olahraga dan Pariwisata",
        "Disparpora",
        DINAS,
        "Jl. Hayam Wuruk No. 63",
        "61317",
        "417.309",
        ("S.Sos., M.Si.", "S.Par., M.M.", "S.Or., M.Pd."),
        "Analis Kebijakan Ahli Pertama",
    ),
    DemoAgency(
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "BPBD",
        BPBD,
        "Jl. Residen Pamuji No. 9",
        "61314",
        "417.210",
        ("S.T., M.T.", "S.Sos., M.AP.", "S.Si., M.Si."),
        "Analis Bencana Ahli Pertama",
    ),
)

# Who answers the indicators that may be "not applicable": an indicator (or its element or
# dimension) maps to the agencies whose remit it is; every other agency answers it "tidak
# berlaku" with the reason. Indicators not listed here are answered by every agency.
REMIT = {
    "BRD.TOU": ("DISPARPORA",),
    "BRD.BUS": ("DPMPTSP", "DISKOPUKM"),
    "BRD.APP": ("DLH", "DISHUB", "DISPARPORA"),
    "ECO.IND": ("DISKOPUKM",),
    "ECO.WEL": ("BAPPEDA", "DISKOPUKM", "DINKES"),
    "ECO.FIN.02": ("DISHUB", "DLH", "DINKES", "DISKOPUKM", "DISPARPORA"),
    "ECO.FIN.03": ("DISKOPUKM", "DISPARPORA", "DISHUB"),
    "LIV.HAR": ("BAPPEDA",),
    "LIV.HEA": ("DINKES",),
    "LIV.HEA.02": ("DINKES", "BAPPEDA", "DLH"),
    "LIV.TRA": ("DISHUB",),
    "SOC.SEC.04": ("BPBD",),
    "ENV.PRO.04": ("DLH", "DISHUB", "BAPPEDA"),
    "ENV.PRO.05": ("DLH", "DISHUB"),
    "ENV.PRO.06": ("DINKES",),
    "ENV.WAS.05": ("DLH",),
    "ENV.WAS.06": ("DINKES", "DLH"),
}


def responsible(indicator_code: str) -> tuple[str, ...]:
    """The agencies whose remit an indicator is (the longest listed prefix), or () for all."""
    parts = indicator_code.split(".")
    for end in range(len(parts), 0, -1):
        found = REMIT.get(".".join(parts[:end]))
        if found is not None:
            return found
    return ()


def by_code(code: str) -> DemoAgency | None:
    return next((agency for agency in AGENCIES if agency.code == code), None)
