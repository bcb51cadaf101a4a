"""A realistic demo city, so a new user sees a living app at once (`kotacerdas demo`).

Ten agencies of a city like Kota Mojokerto with their heads, two assessment
years: last year finalized, this year a draft most of the way done, with
believable Indonesian justifications, evidence titles and follow-up plans.
The benchmarks use the same generator at city scale.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from kotacerdas_desktop.domain.catalogue import Indicator
from kotacerdas_desktop.domain.model import (
    ROLE_APPROVED,
    ROLE_PREPARED,
    ROLE_REVIEWED,
    Agency,
    Answer,
    Evidence,
    Signatory,
)
from kotacerdas_desktop.store import Store

CITY = "Kota Mojokerto"
ADDRESS_STREET = "Jl. Gajah Mada No. 145, Mojokerto 61316"

# code, name, head name, NIP, rank, position
AGENCIES = (
    (
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Dr. Ir. Sri Yulianto Joko Prasetyo, M.Kom.",
        "197403152000031004",
        "Pembina Utama Muda (IV/c)",
    ),
    (
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Hj. Ani Wijaya Kusuma, S.E., M.M.",
        "197008241996032002",
        "Pembina Utama Muda (IV/c)",
    ),
    (
        "DINKES",
        "Dinas Kesehatan",
        "dr. Christiana Indah Wahyu, M.Kes.",
        "197512122005012003",
        "Pembina Tk. I (IV/b)",
    ),
    (
        "DLH",
        "Dinas Lingkungan Hidup",
        "Ir. Mochamad Ridwan Hakim, M.T.",
        "196905171997031005",
        "Pembina Tk. I (IV/b)",
    ),
    (
        "DISHUB",
        "Dinas Perhubungan",
        "Agus Suprayitno, S.H., M.H.",
        "197101101998031006",
        "Pembina Tk. I (IV/b)",
    ),
    (
        "DISPENDIK",
        "Dinas Pendidikan dan Kebudayaan",
        "Dr. Ruby Hartoyo, S.Pd., M.Pd.",
        "197207082000121002",
        "Pembina Tk. I (IV/b)",
    ),
    (
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Yustian Suhandinata, S.STP., M.Si.",
        "198101052000121001",
        "Pembina (IV/a)",
    ),
    (
        "DISKOPUKM",
        "Dinas Koperasi, Usaha Mikro dan Perdagangan",
        "Dra. Ririn Dwi Martini, M.Si.",
        "197306241998032005",
        "Pembina (IV/a)",
    ),
    (
        "DISPARPORA",
        "Dinas Kepemudaan, Olahraga dan Pariwisata",
        "Hendra Ardiansyah, S.Sos., M.AP.",
        "197809192003121004",
        "Pembina (IV/a)",
    ),
    (
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "Bambang Soemantri Nugroho, S.T.",
        "197612302006041007",
        "Pembina (IV/a)",
    ),
)
OPERATORS = (
    (
        "Dewi Lestari Rahmawati, S.Kom.",
        "199003172019032014",
        "Penata Muda Tk. I (III/b)",
        "Pranata Komputer Ahli Pertama",
    ),
    (
        "Muhammad Faisal Akbar, S.T.",
        "199207252020121009",
        "Penata Muda (III/a)",
        "Analis Sistem Informasi",
    ),
    ("Siti Nur Halimah, A.Md.", "199511082022032011", "Pengatur (II/c)", "Pengelola Data"),
)
REVIEWERS = (
    ("Ir. Hadi Purnomo, M.Si.", "197604112002121003", "Penata Tk. I (III/d)", "Sekretaris Dinas"),
    (
        "Lilik Suryaningsih, S.E., M.M.",
        "198010232005012006",
        "Pembina (IV/a)",
        "Kepala Bidang Perencanaan",
    ),
)

_OPENINGS = {
    1: (
        "Kegiatan ini baru dirintis secara insidental oleh {agency}; belum ada dasar hukum maupun SOP tertulis.",
        "Sejauh ini {agency} baru melakukan inisiatif awal tanpa dokumen perencanaan yang ditetapkan.",
    ),
    2: (
        "{agency} telah menyusun rencana dan rancangan kebijakan pada tahun {year}, namun pelaksanaannya baru sebagian.",
        "Dokumen perencanaan sudah ada, tetapi baru diterapkan di beberapa bidang di lingkungan {agency}.",
    ),
    3: (
        "Sudah dilaksanakan di seluruh bidang {agency} berdasarkan SOP yang ditetapkan Kepala Dinas, dengan petugas yang ditunjuk.",
        "Pelaksanaan berjalan rutin sepanjang {year}, didukung SK penunjukan tim dan SOP yang dipatuhi seluruh bidang.",
    ),
    4: (
        "Layanan telah terintegrasi dengan sistem OPD lain dan dashboard kota; capaian diukur dengan indikator kinerja triwulanan.",
        "{agency} berbagi data melalui Satu Data Kota dan memantau capaian dengan indikator yang dilaporkan tiap triwulan.",
    ),
    5: (
        "Hasilnya dievaluasi setiap tahun dan dipublikasikan di situs resmi; rekomendasi evaluasi {year} sudah ditindaklanjuti dan direplikasi OPD lain.",
        "Evaluasi tahunan dilakukan bersama Forum Smart City dan hasilnya dipublikasikan; praktik ini menjadi rujukan OPD lain.",
    ),
}
_DETAILS = (
    "Pada {year} tercatat {n} kegiatan pendukung dengan keterlibatan {m} pegawai.",
    "Anggaran yang dialokasikan dalam DPA {year} sebesar Rp{rp} juta dan terserap {pct}%.",
    "Data pendukung tersedia pada laporan kinerja (LKjIP) {year} dan notulen rapat koordinasi.",
    "Kendala utama adalah keterbatasan SDM TIK dan jaringan di beberapa kelurahan.",
    "Masukan masyarakat dihimpun melalui SP4N-LAPOR! dan survei kepuasan masyarakat.",
)
_FOLLOW_UPS = (
    "Menyusun revisi SOP dan mengusulkan anggaran pada RKA {next}.",
    "Mengintegrasikan data dengan Satu Data Kota pada triwulan II {next}.",
    "Melaksanakan sosialisasi ke seluruh bidang dan kelurahan pada {next}.",
    "Mengusulkan Perwali sebagai dasar hukum pada {next}.",
    "Melakukan evaluasi bersama Bappeda dan mempublikasikan hasilnya pada {next}.",
)
_EVIDENCE = (
    ("Peraturan Wali Kota", "Perwali Nomor {k} Tahun {year}"),
    ("Keputusan Kepala Dinas tentang Tim Pelaksana", "188.45/{k}/417.{m}/{year}"),
    ("Laporan Kinerja Instansi Pemerintah (LKjIP)", ""),
    ("Notulen Rapat Koordinasi Smart City", "005/{k}/{year}"),
    ("Tangkapan layar dashboard layanan", ""),
    ("Standar Operasional Prosedur", "SOP-{k}/{year}"),
)


@dataclass
class DemoSummary:
    agencies: int
    assessments: int
    answers: int


def make_signatories(rng: random.Random, head: tuple[str, str, str]) -> dict[str, Signatory]:
    operator = rng.choice(OPERATORS)
    reviewer = rng.choice(REVIEWERS)
    return {
        ROLE_PREPARED: Signatory(ROLE_PREPARED, operator[0], operator[1], operator[2], operator[3]),
        ROLE_REVIEWED: Signatory(ROLE_REVIEWED, reviewer[0], reviewer[1], reviewer[2], reviewer[3]),
        ROLE_APPROVED: Signatory(ROLE_APPROVED, head[0], head[1], head[2], "Kepala"),
    }


def make_answer(
    rng: random.Random, indicator: Indicator, agency_name: str, year: int, base: float
) -> Answer:
    """A believable answer: a level near the agency's maturity, a justification, evidence and a plan."""
    if indicator.allow_na and rng.random() < 0.08:
        return Answer(
            indicator.code,
            not_applicable=True,
            na_reason=f"Urusan ini bukan kewenangan {agency_name} sesuai Perwali tentang kedudukan dan tugas OPD.",
        )
    level = max(1, min(5, round(rng.gauss(base, 0.9))))
    values = {
        "agency": agency_name,
        "year": year,
        "next": year + 1,
        "n": rng.randint(3, 24),
        "m": rng.randint(5, 60),
        "rp": rng.randint(25, 900),
        "pct": rng.randint(61, 99),
        "k": rng.randint(1, 240),
        "m2": rng.randint(10, 99),
    }
    parts = [rng.choice(_OPENINGS[level]), *rng.sample(_DETAILS, 2)]
    justification = " ".join(p.format(**values) for p in parts)
    evidence = [
        Evidence(
            title.format(**values),
            number.format(k=values["k"], m=values["m2"], year=year),
            dt.date(year, rng.randint(1, 10), rng.randint(1, 28)).isoformat(),
        )
        for title, number in rng.sample(_EVIDENCE, rng.randint(1, 3))
    ]
    return Answer(
        indicator.code,
        level=level,
        justification=justification,
        follow_up=rng.choice(_FOLLOW_UPS).format(**values) if level < 5 else "",
        evidence=evidence,
    )


def fill_assessment(
    store: Store, assessment_id: int, rng: random.Random, share: float, base: float
) -> int:
    """Answer about ``share`` of the indicators in one transaction; returns how many were answered."""
    assessment = store.assessments.get(assessment_id)
    agency = store.agencies.get(assessment.agency_code)
    catalogue = store.assessments.catalogue_of(assessment)
    count = 0
    with store.db.atomic():
        for indicator in catalogue.indicators():
            if rng.random() > share:
                continue
            answer = make_answer(rng, indicator, agency.name, assessment.year, base)
            store.assessments.save_answer(
                assessment_id, answer, actor=agency.signatories[ROLE_PREPARED].name
            )
            for evidence in answer.evidence:
                store.evidence.add(
                    assessment_id,
                    indicator.code,
                    evidence,
                    actor=agency.signatories[ROLE_PREPARED].name,
                )
            count += 1
    return count


def fill_demo_city(store: Store, this_year: int | None = None, seed: int = 2026) -> DemoSummary:
    """Add the demo agencies (skipping codes that exist) with last year finalized and this year in progress."""
    rng = random.Random(seed)
    this_year = this_year or dt.date.today().year
    store.settings.set("city_name", store.settings.get("city_name") or CITY)
    agencies = assessments = answers = 0
    for code, name, head_name, head_nip, head_rank in AGENCIES:
        if store.agencies.find(code) is not None:
            continue
        store.agencies.add(
            Agency(
                code,
                name,
                ADDRESS_STREET,
                CITY,
                signatories=make_signatories(rng, (head_name, head_nip, head_rank)),
            )
        )
        agencies += 1
        base = rng.uniform(2.2, 4.0)
        last = store.assessments.new(code, this_year - 1)
        answers += fill_assessment(store, last.id, rng, share=1.0, base=base - 0.4)
        store.lifecycle.finalize(last.id)
        current = store.assessments.new(code, this_year)
        answers += fill_assessment(store, current.id, rng, share=rng.uniform(0.6, 0.95), base=base)
        assessments += 2
    return DemoSummary(agencies, assessments, answers)


def fill_city(
    store: Store, agencies: int = 60, years: int = 5, last_year: int | None = None, seed: int = 7
) -> int:
    """A city at scale for benchmarks: every indicator answered, long justifications, an attachment each.

    Every year but the last is finalized; returns the number of answers written.
    """
    rng = random.Random(seed)
    last_year = last_year or dt.date.today().year
    attachment = b"%PDF-1.4\n" + bytes(rng.getrandbits(8) for _ in range(200_000))
    answered = 0
    for n in range(agencies):
        code = f"OPD{n + 1:02d}"
        head = AGENCIES[n % len(AGENCIES)]
        store.agencies.add(
            Agency(
                code,
                f"{head[1]} {n + 1}",
                ADDRESS_STREET,
                CITY,
                signatories=make_signatories(rng, head[2:5]),
            )
        )
        for year in range(last_year - years + 1, last_year + 1):
            assessment = store.assessments.new(code, year)
            answered += fill_assessment(
                store, assessment.id, rng, share=1.0, base=rng.uniform(2, 4.2)
            )
            first = next(store.assessments.catalogue_of(assessment).indicators()).code
            store.evidence.add(
                assessment.id,
                first,
                Evidence("Laporan kegiatan (PDF)", file_name="laporan.pdf"),
                attachment,
            )
            if year != last_year:
                store.lifecycle.finalize(assessment.id)
    return answered
