"""Believable answers for the demo city, written from the catalogue itself.

A justification names the evidence of the level chosen and what the next
level still lacks, so every sentence belongs to one indicator and one level
(an assessor reading a sheet never meets the same sentence over and over).
The evidence cited is the level's minimum evidence in the catalogue (or, in a
catalogue without it, the indicator's guidance), numbered the way official
documents are numbered: classification code / serial / unit code / year.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from kotacerdas_desktop.demo.agencies import DemoAgency, by_code, responsible
from kotacerdas_desktop.domain.catalogue import Element, Indicator
from kotacerdas_desktop.domain.model import Answer, Evidence

# The classification code of a numbered official document, by how its title starts.
CLASSIFICATION = (
    ("keputusan", "188.4"),
    ("sk ", "188.4"),
    ("surat tugas", "800"),
    ("surat", "000"),
    ("nota dinas", "000"),
    ("berita acara", "000"),
    ("perjanjian", "000"),
    ("instruksi", "000"),
)
REGULATIONS = ("peraturan wali kota", "perwali", "produk hukum", "perda")
# "OPD" meaning this agency; "antar-OPD", "lintas OPD", "OPD lain" and "OPD terkait" mean others.
AGENCY_WORD = re.compile(r"(?<!antar-)(?<!lintas )\bOPD\b(?! lain| terkait)")
# Words written with a capital inside a sentence too (acronyms, with two capitals, always are).
PROPER_NOUNS = frozenset(("Renstra", "Renja", "Perwali", "Perda", "Jakstrada", "Inspektorat"))

OPENINGS = {
    1: (
        "Kondisi awal {agency} untuk indikator ini (tingkat 1) tercatat dalam {items}.",
        "{Agency} baru dapat menunjukkan {items} sebagai gambaran kondisi awal (tingkat 1).",
    ),
    "other": (
        "Bukti tingkat {level} yang tersedia di {agency}: {items}.",
        "{Agency} dapat menunjukkan {items} sebagai bukti tingkat {level}.",
        "Untuk tingkat {level}, {agency} telah menyiapkan {items}.",
    ),
}
GAPS = (
    "Tingkat {next} belum dipilih karena {item} belum tersedia.",
    "Kriteria tingkat {next} belum terpenuhi: {item} belum ada.",
    "Untuk mencapai tingkat {next} masih diperlukan {item}.",
)
FOLLOW_UPS = (
    "Menyiapkan {item} pada triwulan {quarter} {next_year}.",
    "Menyusun {item} bersama bidang terkait sebelum akhir semester I {next_year}.",
    "Mengusulkan anggaran untuk {item} dalam RKA {next_year}.",
)
QUARTERS = ("I", "II", "III", "IV")


def evidence_items(text: str) -> list[str]:
    """The documents named in a catalogue text ("A; B; C."), without "(mengacu …)" asides."""
    text = re.sub(r"\s*\(mengacu[^)]*\)", "", text)
    return [item.strip().rstrip(".") for item in text.split(";") if item.strip().rstrip(".")]


def agency_words(text: str, agency: DemoAgency) -> str:
    """A catalogue text about "OPD" said of this agency ("Kepala OPD" -> "Kepala Dinas")."""
    return AGENCY_WORD.sub(agency.short_name, text.replace("Kepala OPD", agency.head_title))


def for_agency(item: str, agency: DemoAgency) -> str:
    """A catalogue's generic document title as this agency would write it, capitalised as a
    title (the catalogue lists documents in one sentence: "Foto …; lembar …")."""
    title = agency_words(item, agency)
    return title[:1].upper() + title[1:]


def in_sentence(item: str) -> str:
    """A document title inside a sentence: "Rekap …" -> "rekap …"; "SOP …", "Renstra …" and
    a name such as "Perjanjian Kinerja …" stay."""
    first, _, rest = item.partition(" ")
    bare = first.rstrip(",")
    if sum(ch.isupper() for ch in bare) > 1 or bare in PROPER_NOUNS or rest[:1].isupper():
        return item
    return f"{first.lower()} {rest}".strip()


def lower_first(text: str) -> str:
    """ "Seluruh layanan …" -> "seluruh layanan …", but "SKM dilaksanakan …" stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def joined(items: list[str]) -> str:
    """ "a", "a serta b", "a, b, serta c" ("serta", since a document title often holds "dan")."""
    if len(items) < 3:
        return " serta ".join(items)
    return ", ".join(items[:-1]) + ", serta " + items[-1]


def document_number(title: str, agency: DemoAgency, date: dt.date, rng: random.Random) -> str:
    """ "188.4/214/417.302/2026" for an official document, "12 Tahun 2026" for a regulation, or ""."""
    lowered = title.lower()
    if lowered.startswith(REGULATIONS):
        return f"{rng.randint(3, 60)} Tahun {date.year}"
    code = next((code for start, code in CLASSIFICATION if lowered.startswith(start)), None)
    if code is None:
        return ""
    serial = date.timetuple().tm_yday * 2 + rng.randint(0, 1)  # numbers grow through the year
    return f"{code}/{serial}/{agency.unit_code}/{date.year}"


def _level_items(indicator: Indicator, level: int, rng: random.Random) -> list[str]:
    """The minimum evidence of a level; from the guidance (two or three items) when the
    catalogue names none per level."""
    named = evidence_items(indicator.level(level).evidence.id)
    if named:
        return named
    guidance = evidence_items(indicator.guidance.id)
    return rng.sample(guidance, min(len(guidance), rng.randint(2, 3))) if guidance else []


def _gap(indicator: Indicator, level: int) -> tuple[str, bool]:
    """What the next level still needs: its first evidence item, or its description."""
    nxt = indicator.level(level + 1)
    items = evidence_items(nxt.evidence.id)
    if items:
        return items[0], True
    return nxt.description.id.rstrip("."), False


def not_applicable(indicator: Indicator, element: Element, agency: DemoAgency) -> Answer:
    names = [found.short_name for code in responsible(indicator.code) if (found := by_code(code))]
    return Answer(
        indicator.code,
        not_applicable=True,
        na_reason=f"Indikator {indicator.code} ({element.name.id}) bukan kewenangan {agency.name}; "
        f"urusan ini ditangani {joined(names)}.",
    )


def make_answer(
    rng: random.Random,
    indicator: Indicator,
    element: Element,
    agency: DemoAgency,
    year: int,
    base: float,
) -> Answer:
    """An answer near the agency's maturity whose words and evidence fit the level chosen."""
    remit = responsible(indicator.code)
    if indicator.allow_na and remit and agency.code not in remit:
        return not_applicable(indicator, element, agency)
    level = max(1, min(5, round(rng.gauss(base, 0.9))))
    items = [for_agency(item, agency) for item in _level_items(indicator, level, rng)]
    dates = sorted(dt.date(year, rng.randint(1, 10), rng.randint(1, 28)) for _ in items)
    evidence = [
        Evidence(title, document_number(title, agency, date, rng), date.isoformat())
        for title, date in zip(items, dates, strict=True)
    ]
    values = {"agency": agency.short_name, "Agency": agency.short_name, "level": level}
    opening = rng.choice(OPENINGS[1] if level == 1 else OPENINGS["other"])
    sentences = [opening.format(items=joined([in_sentence(i) for i in items]), **values)]
    follow_up = ""
    if level < 5:
        gap, is_item = _gap(indicator, level)
        if is_item:
            gap = in_sentence(for_agency(gap, agency))
            sentences.append(rng.choice(GAPS).format(next=level + 1, item=gap))
            follow_up = rng.choice(FOLLOW_UPS).format(
                item=gap, quarter=rng.choice(QUARTERS), next_year=year + 1
            )
        else:
            said = agency_words(lower_first(gap), agency)
            sentences.append(f"Kriteria tingkat {level + 1} belum terpenuhi: {said}.")
            follow_up = (
                f"Memenuhi kriteria tingkat {level + 1} indikator {indicator.code} pada {year + 1}."
            )
    return Answer(
        indicator.code,
        level=level,
        justification=" ".join(sentences),
        follow_up=follow_up,
        evidence=evidence,
    )
