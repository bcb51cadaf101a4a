"""Long justifications for the city at scale: from a line to a page, as real operators write.

The benchmarks need texts of realistic length (100 to 3,000 characters) so that
reading, scoring, printing and packing a city costs what it will. The sentences
still belong to the indicator: how each level up to the chosen one describes
the agency, where each document is kept, what the guidance asks for, and how
the agency carried the work through the year.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterator

from kotacerdas_desktop.demo.agencies import DemoAgency
from kotacerdas_desktop.demo.answers import agency_words, lower_first
from kotacerdas_desktop.domain.catalogue import Indicator
from kotacerdas_desktop.domain.model import Answer
from kotacerdas_desktop.reports.indonesian import MONTHS

SHORTEST, LONGEST = 100, 3000
WORK = (
    "Pada bulan {month} {agency} memantau pelaksanaannya bersama bidang terkait dan "
    "mencatat hasilnya dalam laporan bulanan kepada pimpinan.",
    "Evaluasi internal bulan {month} menunjukkan pelaksanaan sesuai rencana, dengan catatan "
    "perbaikan pada kelengkapan dokumentasi yang sudah ditindaklanjuti.",
    "Data pendukungnya diperbarui setiap bulan dan dapat ditelusuri di arsip {agency}; "
    "perubahan terakhir dicatat pada bulan {month}.",
    "Rapat koordinasi dengan Bappeda dan Inspektorat pada bulan {month} memastikan "
    "kesesuaiannya dengan Renstra dan Renja {agency}.",
    "Kendala yang ditemui pada bulan {month}, terutama keterbatasan personel, diatasi dengan "
    "pembagian tugas baru yang ditetapkan Kepala {agency}.",
)


def justification_length(rng: random.Random) -> int:
    """Log-uniform between 100 and 3,000 characters: many short texts, a few of a page."""
    return round(math.exp(rng.uniform(math.log(SHORTEST), math.log(LONGEST))))


def _sentences(
    answer: Answer, indicator: Indicator, agency: DemoAgency, rng: random.Random
) -> Iterator[str]:
    """Sentences about this answer, the indicator-bound ones first, then the year's work."""
    name = agency.short_name
    level = answer.level or 0
    for number in range(1, level + 1):
        described = agency_words(lower_first(indicator.level(number).description.id), agency)
        state = "sesuai dengan keadaan saat ini" if number == level else "sudah dilampaui"
        yield f"Kondisi tingkat {number} {state}: {described.rstrip('.')}."
    for evidence in answer.evidence:
        numbered = f" nomor {evidence.number}" if evidence.number else ""
        yield (
            f"{evidence.title}{numbered} tanggal {evidence.date} disimpan di arsip {name} "
            "dan dapat ditunjukkan kepada asesor."
        )
    if indicator.guidance.id:
        yield f"Panduan penilaian meminta {lower_first(indicator.guidance.id).rstrip('.')}."
    start = rng.randrange(len(MONTHS))
    for month, work in zip(
        itertools.cycle(MONTHS[start:] + MONTHS[:start]), itertools.cycle(WORK), strict=False
    ):
        yield work.format(month=month, agency=name)


def lengthened(answer: Answer, indicator: Indicator, agency: DemoAgency, rng: random.Random) -> str:
    """The answer's justification grown sentence by sentence to a drawn length (100 to 3,000)."""
    target = justification_length(rng)
    text = answer.justification
    for sentence in _sentences(answer, indicator, agency, rng):
        if len(text) >= SHORTEST and len(text) + 1 + len(sentence) > target:
            break
        text = f"{text} {sentence}"
    return text
